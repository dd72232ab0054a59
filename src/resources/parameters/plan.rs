//! Validation and planning for `drpair_parameters`: pure and offline.

use std::collections::BTreeSet;

use crate::resources::{PlanRequest, PlanResponse, plan_start, validate_timeouts};
use crate::tfplugin::diag::{AttrPath, Diagnostics};
use crate::tfplugin::value::Value;

use super::model::{desired_effective, effective_value, secure_keys, string_map, string_set};

/// SSM's limits for a standard parameter: the whole name and the value.
const MAX_NAME: usize = 1011;
const MAX_VALUE: usize = 4096;
const MAPS: [&str; 5] =
    ["values", "primary_values", "secondary_values", "secure_values_wo", "runtime_managed"];

pub fn validate(c: &Value, d: &mut Diagnostics) {
    if let Some(name) = c.get("name").as_str() {
        let ok = name.chars().next().is_some_and(|ch| ch.is_ascii_lowercase())
            && name.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-');
        if !ok || name.len() > 64 {
            d.attr_error(AttrPath::root("name"), "Invalid name",
                format!("name = {name:?}: start with a lowercase letter; lowercase letters, digits and hyphens, at most 64."));
        }
    }
    for attr in MAPS {
        let Some(map) = c.get(attr).as_map() else { continue };
        for (key, v) in map {
            let path = AttrPath::root(attr).key(key);
            let key_ok = !key.is_empty()
                && key.len() <= MAX_NAME - 80
                && key.chars().all(|ch| ch.is_ascii_alphanumeric() || "_.-/".contains(ch))
                && !key.starts_with('/')
                && !key.ends_with('/')
                && !key.contains("//");
            if !key_ok {
                d.attr_error(
                    path.clone(),
                    format!("Invalid key in {attr}"),
                    format!("{key:?}: use letters, digits, '_', '.', '-' and inner '/' (for a hierarchy)."),
                );
            }
            if let Some(s) = v.as_str()
                && (s.is_empty() || s.len() > MAX_VALUE)
            {
                d.attr_error(
                    path,
                    format!("Invalid value in {attr}"),
                    format!("The value of {key:?} has {} characters; SSM stores 1 to {MAX_VALUE}.", s.len()),
                );
            }
        }
    }
    // A key belongs to exactly one kind: plain, secret or runtime-managed.
    let keys = |attr: &str| -> BTreeSet<String> {
        c.get(attr).as_map().map(|m| m.keys().cloned().collect()).unwrap_or_default()
    };
    let plain: BTreeSet<String> =
        keys("values").into_iter().chain(keys("primary_values")).chain(keys("secondary_values")).collect();
    let secure = keys("secure_values_wo");
    for (attr, own) in [("secure_values_wo", &secure), ("runtime_managed", &keys("runtime_managed"))] {
        for key in own {
            let clash = plain.contains(key) || (attr == "runtime_managed" && secure.contains(key));
            if clash {
                d.attr_error(AttrPath::root(attr).key(key), format!("Key {key:?} declared twice"),
                    format!("{key:?} is also a plain or secure value; each key is plain, secure or runtime-managed."));
            }
        }
    }
    if let Some(t) = c.get("kms_key_id").as_str()
        && t.is_empty()
    {
        d.attr_error(AttrPath::root("kms_key_id"), "Invalid kms_key_id", "Leave it out for the default key.");
    }
    validate_timeouts(c, r#""5m""#, d);
}

const ARGUMENTS: &[&str] = &[
    "name",
    "values",
    "primary_values",
    "secondary_values",
    "secure_values_wo_version",
    "kms_key_id",
    "runtime_managed",
    "timeouts",
];

pub fn plan(req: PlanRequest<'_>, resp: &mut PlanResponse) {
    let config = req.config;
    validate(config, &mut resp.diags);
    let settings = req.provider.map(|p| &p.settings);
    let creating = req.prior.is_null();
    let mut planned = plan_start(&super::schema::schema(), req.prior, config, ARGUMENTS);

    // Identity: known from the provider settings.
    if let (Some(s), Some(name)) = (settings, config.get("name").as_str()) {
        let path = format!("/{}", s.name(name));
        if !creating && req.prior.get("path").as_str() != Some(path.as_str()) {
            resp.requires_replace.push(AttrPath::root("name"));
        }
        for (attr, now) in [("primary_region", &s.primary_region), ("secondary_region", &s.secondary_region)]
        {
            if !creating && req.prior.get(attr).as_str() != Some(now.as_str()) {
                resp.requires_replace.push(AttrPath::root(attr));
            }
            planned.set(attr, Value::string(now));
        }
        planned.set("id", Value::string(&path));
        planned.set("path", Value::string(&path));
    }
    let replacing = !resp.requires_replace.is_empty();

    let regions = [planned.get("primary_region"), planned.get("secondary_region")]
        .map(|r| r.as_str().map(str::to_string));
    planned.set(
        "effective",
        match (desired_effective(config), regions) {
            (Some(maps), [Some(p), Some(s)]) => effective_value(&[p, s], &maps),
            _ => Value::Unknown,
        },
    );
    planned.set("secure_keys", secure_keys(config).map_or(Value::Unknown, |k| string_set(&k)));

    // Runtime values are the running system's: kept as they are unless the set of
    // runtime-managed keys changes (new keys get written).
    let runtime_keys_changed = string_map(config.get("runtime_managed"))
        .map(|m| m.into_keys().collect::<Vec<_>>())
        != string_map(req.prior.get("runtime_managed")).map(|m| m.into_keys().collect::<Vec<_>>());
    if creating || replacing || runtime_keys_changed {
        planned.set("runtime_values", Value::Unknown);
    }
    resp.planned = planned;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::test_support::plan_with;

    fn config() -> Value {
        let mut c =
            Value::object(super::super::schema::schema().block.attrs.iter().map(|a| (a.name, Value::Null)));
        c.set("timeouts", Value::Null);
        c.set("name", Value::string("config"));
        c.set("values", Value::object([("log_level", Value::string("info"))]));
        c.set("secondary_values", Value::object([("queue_url", Value::string("q2"))]));
        c.set("runtime_managed", Value::object([("active_region", Value::string("us-east-1"))]));
        c
    }

    fn plan_of(prior: &Value, config: &Value) -> PlanResponse {
        plan_with(plan, prior, config)
    }

    fn errors(c: &Value) -> Vec<String> {
        let mut d = Diagnostics::default();
        validate(c, &mut d);
        d.0.into_iter().map(|d| d.path.unwrap().to_string()).collect()
    }

    #[test]
    fn effective_values_merge_overrides_per_region() {
        let r = plan_of(&Value::Null, &config());
        assert!(!r.diags.has_errors());
        assert_eq!(r.planned.get("path").as_str(), Some("/config-test-ab12"));
        let eff = r.planned.get("effective");
        assert_eq!(eff.get("us-east-1").as_map().unwrap().len(), 1);
        assert_eq!(eff.get("us-east-2").get("queue_url").as_str(), Some("q2"));
        assert!(r.planned.get("runtime_values").is_unknown());
    }

    #[test]
    fn runtime_changes_never_diff() {
        let mut prior = plan_of(&Value::Null, &config()).planned;
        // The orchestrator moved the active region: state shows it, the plan keeps it.
        prior.set(
            "runtime_values",
            Value::object([
                ("us-east-1", Value::object([("active_region", Value::string("us-east-2"))])),
                ("us-east-2", Value::object([("active_region", Value::string("us-east-2"))])),
            ]),
        );
        prior.set("secure_keys", Value::List(vec![]));
        assert_eq!(plan_of(&prior, &config()).planned, prior);
    }

    #[test]
    fn drift_in_effective_plans_an_update_not_a_replace() {
        let mut prior = plan_of(&Value::Null, &config()).planned;
        prior.set("runtime_values", Value::Map(Default::default()));
        prior.set("secure_keys", Value::List(vec![]));
        prior.set(
            "effective",
            Value::object([
                ("us-east-1", Value::Map(Default::default())),
                ("us-east-2", Value::Map(Default::default())),
            ]),
        );
        let r = plan_of(&prior, &config());
        assert!(r.requires_replace.is_empty());
        assert_ne!(r.planned, prior);
    }

    #[test]
    fn bad_keys_values_and_clashes_name_the_key() {
        let mut c = config();
        c.set("values", Value::object([("bad key", Value::string("x")), ("empty", Value::string(""))]));
        assert_eq!(errors(&c), ["values[\"bad key\"]", "values[\"empty\"]"]);
        let mut c = config();
        c.set("runtime_managed", Value::object([("log_level", Value::string("x"))]));
        assert_eq!(errors(&c), ["runtime_managed[\"log_level\"]"]);
        let mut c = config();
        c.set("name", Value::string("Config"));
        assert_eq!(errors(&c), ["name"]);
    }
}
