//! Validation and planning for `drpair_session_table`: pure and offline. Multi-region strong
//! consistency has rules AWS enforces at create time; they are checked here, at plan.

use crate::provider::Settings;
use crate::resources::{PlanRequest, PlanResponse, plan_start, validate_timeouts};
use crate::tfplugin::diag::{AttrPath, Diagnostics};
use crate::tfplugin::value::Value;

pub const DEFAULT_WITNESS: &str = "us-west-2";
/// MRSC region sets: the two replicas and the witness must all be in one of them.
const REGION_SETS: &[&[&str]] = &[
    &["us-east-1", "us-east-2", "us-west-2"],
    &["eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1"],
    &["ap-northeast-1", "ap-northeast-2", "ap-northeast-3"],
];

fn one_of(c: &Value, attr: &str, allowed: &[&str], d: &mut Diagnostics) {
    if let Some(v) = c.get(attr).as_str()
        && !allowed.contains(&v)
    {
        d.attr_error(
            AttrPath::root(attr),
            format!("Invalid {attr}"),
            format!("{v:?}: use one of {allowed:?}."),
        );
    }
}

pub fn validate(c: &Value, d: &mut Diagnostics) {
    if let Some(name) = c.get("name").as_str() {
        let ok = name.len() <= 200
            && name.chars().next().is_some_and(|ch| ch.is_ascii_lowercase())
            && name.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-');
        if !ok {
            d.attr_error(
                AttrPath::root("name"),
                "Invalid name",
                format!(
                    "name = {name:?}: start with a lowercase letter; lowercase letters, digits and hyphens."
                ),
            );
        }
    }
    for attr in ["hash_key", "range_key", "ttl_attribute"] {
        if let Some(v) = c.get(attr).as_str()
            && (v.is_empty() || v.len() > 255)
        {
            d.attr_error(
                AttrPath::root(attr),
                format!("Invalid {attr}"),
                "Attribute names have 1 to 255 characters.",
            );
        }
    }
    one_of(c, "hash_key_type", &["S", "N", "B"], d);
    one_of(c, "range_key_type", &["S", "N", "B"], d);
    if c.get("range_key").is_null() && !c.get("range_key_type").is_null() {
        d.attr_error(
            AttrPath::root("range_key_type"),
            "range_key_type without range_key",
            "Set range_key too, or drop range_key_type.",
        );
    }
    one_of(c, "billing_mode", &["PAY_PER_REQUEST", "PROVISIONED"], d);
    let provisioned = c.get("billing_mode").as_str() == Some("PROVISIONED");
    for attr in ["read_capacity", "write_capacity"] {
        let v = c.get(attr);
        if provisioned && v.is_null() {
            d.attr_error(
                AttrPath::root(attr),
                format!("Missing {attr}"),
                "billing_mode = \"PROVISIONED\" needs read_capacity and write_capacity.",
            );
        }
        if !provisioned && !c.get("billing_mode").is_unknown() && !v.is_null() {
            d.attr_error(
                AttrPath::root(attr),
                format!("{attr} without PROVISIONED"),
                "Capacity applies only with billing_mode = \"PROVISIONED\".",
            );
        }
        if let Some(n) = v.as_i64()
            && !(1..=40_000).contains(&n)
        {
            d.attr_error(AttrPath::root(attr), format!("Invalid {attr}"), format!("{n}: 1 to 40000 units."));
        }
    }
    one_of(c, "consistency", &["eventual", "strong"], d);
    let strong = c.get("consistency").as_str() == Some("strong");
    if strong && !c.get("ttl_attribute").is_null() {
        d.attr_error(AttrPath::root("ttl_attribute"), "TTL is not available with strong consistency",
            "Multi-region strongly consistent tables do not support time to live: drop ttl_attribute or use consistency = \"eventual\".");
    }
    if !strong && !c.get("consistency").is_unknown() && !c.get("witness_region").is_null() {
        d.attr_error(
            AttrPath::root("witness_region"),
            "witness_region without strong consistency",
            "A witness region only applies with consistency = \"strong\".",
        );
    }
    validate_timeouts(c, r#""10m""#, d);
}

/// Checks that need the provider's regions: the MRSC region set and the name length.
fn validate_with_settings(c: &Value, s: &Settings, d: &mut Diagnostics) {
    if let Some(name) = c.get("name").as_str() {
        let full = s.name(name);
        if full.len() > 255 {
            d.attr_error(
                AttrPath::root("name"),
                "name too long",
                format!("{full:?} exceeds DynamoDB's 255 characters."),
            );
        }
    }
    if c.get("consistency").as_str() != Some("strong") {
        return;
    }
    let witness = c.get("witness_region").as_str().unwrap_or(DEFAULT_WITNESS);
    let regions = [s.primary_region.as_str(), s.secondary_region.as_str(), witness];
    if witness == regions[0] || witness == regions[1] {
        d.attr_error(
            AttrPath::root("witness_region"),
            "Witness region must be a third region",
            format!("{witness} already holds a replica; choose another region of the same set."),
        );
    } else if !REGION_SETS.iter().any(|set| regions.iter().all(|r| set.contains(r))) {
        d.attr_error(AttrPath::root("witness_region"), "Regions outside one MRSC region set",
            format!("{regions:?} are not all in one region set; MRSC needs the replicas and witness in one (e.g. us-east-1, us-east-2, us-west-2)."));
    }
}

const ARGUMENTS: &[&str] = &[
    "name",
    "hash_key",
    "hash_key_type",
    "range_key",
    "range_key_type",
    "billing_mode",
    "read_capacity",
    "write_capacity",
    "ttl_attribute",
    "point_in_time_recovery",
    "deletion_protection",
    "consistency",
    "witness_region",
    "timeouts",
];
const FORCE_NEW: &[&str] =
    &["name", "hash_key", "hash_key_type", "range_key", "range_key_type", "consistency", "witness_region"];
const ON_TOPOLOGY: &[&str] = &["table_arns", "stream_arns", "replica_status", "inventory"];

pub fn plan(req: PlanRequest<'_>, resp: &mut PlanResponse) {
    let config = req.config;
    validate(config, &mut resp.diags);
    let settings = req.provider.map(|p| &p.settings);
    if let Some(s) = settings {
        validate_with_settings(config, s, &mut resp.diags);
    }
    let creating = req.prior.is_null();
    let mut planned = plan_start(&super::schema::schema(), req.prior, config, ARGUMENTS);
    let default = |v: &mut Value, attr: &str, d: Value| {
        if v.get(attr).is_null() {
            v.set(attr, d);
        }
    };
    default(&mut planned, "hash_key_type", Value::string("S"));
    if !planned.get("range_key").is_null() {
        default(&mut planned, "range_key_type", Value::string("S"));
    }
    default(&mut planned, "billing_mode", Value::string("PAY_PER_REQUEST"));
    default(&mut planned, "point_in_time_recovery", Value::Bool(true));
    default(&mut planned, "deletion_protection", Value::Bool(false));
    default(&mut planned, "consistency", Value::string("eventual"));
    let strong = planned.get("consistency").as_str() == Some("strong");
    if strong {
        default(&mut planned, "witness_region", Value::string(DEFAULT_WITNESS));
        resp.diags.attr_warning(
            AttrPath::root("consistency"),
            "Strong consistency: what it requires",
            "Multi-region strong consistency gives RPO 0 because every write is acknowledged in two regions, \
             at the cost of cross-region write latency. It needs the table to be empty when created, has no \
             time to live and no transactions, and keeps its consistency mode for life (changing it replaces \
             the table).",
        );
    }
    let (bound, words) = match planned.get("consistency").as_str() {
        Some("strong") => {
            (Value::int(0), "0: multi-region strong consistency, writes acknowledged in two regions")
        }
        Some(_) => (Value::Null, "unbounded: asynchronous replication, typically under one second behind"),
        None => (Value::Unknown, ""),
    };
    planned.set("rpo_bound_seconds", bound);
    planned.set("rpo", if words.is_empty() { Value::Unknown } else { Value::string(words) });

    if let (Some(s), Some(name)) = (settings, config.get("name").as_str()) {
        let table = s.name(name);
        for (attr, now) in [("primary_region", &s.primary_region), ("secondary_region", &s.secondary_region)]
        {
            if !creating && req.prior.get(attr).as_str() != Some(now.as_str()) {
                resp.requires_replace.push(AttrPath::root(attr));
            }
            planned.set(attr, Value::string(now));
        }
        // environment or suffix changed: a new table name, which DynamoDB cannot rename to.
        if !creating && req.prior.get("id").as_str() != Some(table.as_str()) {
            resp.requires_replace.push(AttrPath::root("id"));
        }
        planned.set("id", Value::string(table));
    }
    if !creating {
        for attr in FORCE_NEW {
            if planned.get(attr) != req.prior.get(attr) {
                resp.requires_replace.push(AttrPath::root(attr));
            }
        }
        let replicas = req.prior.get("table_arns").as_map().map_or(0, |m| m.len());
        let arguments_changed = ARGUMENTS.iter().any(|a| planned.get(a) != req.prior.get(a));
        if replicas < 2 || !resp.requires_replace.is_empty() {
            for attr in ON_TOPOLOGY {
                planned.set(attr, Value::Unknown);
            }
        } else if arguments_changed {
            planned.set("replica_status", Value::Unknown);
        }
    }
    resp.planned = planned;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::Configured;

    fn settings() -> Settings {
        Settings {
            primary_region: "us-east-1".into(),
            secondary_region: "us-east-2".into(),
            environment: "test".into(),
            environment_suffix: "ab12".into(),
            default_tags: Default::default(),
        }
    }

    fn config(pairs: &[(&str, Value)]) -> Value {
        let mut c =
            Value::object(super::super::schema::schema().block.attrs.iter().map(|a| (a.name, Value::Null)));
        c.set("timeouts", Value::Null);
        c.set("name", Value::string("sessions"));
        c.set("hash_key", Value::string("session_id"));
        for (k, v) in pairs {
            c.set(k, v.clone());
        }
        c
    }

    fn plan_of(prior: &Value, c: &Value) -> PlanResponse {
        let configured = Configured::for_tests(settings());
        let mut resp = PlanResponse::default();
        plan(PlanRequest { prior, config: c, provider: Some(&configured) }, &mut resp);
        resp
    }

    fn error_paths(r: &PlanResponse) -> Vec<String> {
        r.diags
            .0
            .iter()
            .filter(|d| d.severity == crate::tfplugin::diag::Severity::Error)
            .map(|d| d.path.as_ref().unwrap().to_string())
            .collect()
    }

    #[test]
    fn defaults_and_honest_rpo() {
        let r = plan_of(&Value::Null, &config(&[]));
        assert!(r.diags.0.is_empty());
        assert_eq!(r.planned.get("id").as_str(), Some("sessions-test-ab12"));
        assert_eq!(r.planned.get("billing_mode").as_str(), Some("PAY_PER_REQUEST"));
        assert!(r.planned.get("rpo_bound_seconds").is_null());
        let strong = plan_of(&Value::Null, &config(&[("consistency", Value::string("strong"))]));
        assert_eq!(strong.planned.get("rpo_bound_seconds").as_i64(), Some(0));
        assert_eq!(strong.planned.get("witness_region").as_str(), Some("us-west-2"));
        assert!(!strong.diags.has_errors());
        assert_eq!(strong.diags.0.len(), 1, "states what MRSC requires, as a warning");
    }

    #[test]
    fn refuses_what_aws_would_refuse() {
        let cases: &[(&[(&str, Value)], &str)] = &[
            (
                &[("consistency", Value::string("strong")), ("ttl_attribute", Value::string("expires"))],
                "ttl_attribute",
            ),
            (
                &[("consistency", Value::string("strong")), ("witness_region", Value::string("us-east-2"))],
                "witness_region",
            ),
            (
                &[("consistency", Value::string("strong")), ("witness_region", Value::string("eu-west-1"))],
                "witness_region",
            ),
            (&[("witness_region", Value::string("us-west-2"))], "witness_region"),
            (
                &[("billing_mode", Value::string("PROVISIONED")), ("read_capacity", Value::int(5))],
                "write_capacity",
            ),
            (&[("read_capacity", Value::int(5))], "read_capacity"),
            (&[("hash_key_type", Value::string("X"))], "hash_key_type"),
            (&[("consistency", Value::string("linearizable"))], "consistency"),
            (&[("range_key_type", Value::string("N"))], "range_key_type"),
            (&[("name", Value::string("Sessions"))], "name"),
        ];
        for (pairs, path) in cases {
            let r = plan_of(&Value::Null, &config(pairs));
            assert_eq!(error_paths(&r), [*path], "{pairs:?}");
        }
    }

    fn applied(c: &Value) -> Value {
        let mut s = plan_of(&Value::Null, c).planned;
        let both = Value::object([("us-east-1", Value::string("x")), ("us-east-2", Value::string("y"))]);
        for attr in ["table_arns", "stream_arns", "replica_status"] {
            s.set(attr, both.clone());
        }
        s.set("inventory", Value::List(vec![]));
        s
    }

    #[test]
    fn unchanged_is_empty_missing_replica_is_an_update_key_change_replaces() {
        let prior = applied(&config(&[]));
        let r = plan_of(&prior, &config(&[]));
        assert_eq!(r.planned, prior);
        let mut lost = prior.clone();
        lost.set("table_arns", Value::object([("us-east-1", Value::string("x"))]));
        let r = plan_of(&lost, &config(&[]));
        assert!(r.requires_replace.is_empty() && r.planned.get("table_arns").is_unknown());
        let r = plan_of(&prior, &config(&[("hash_key", Value::string("id"))]));
        assert_eq!(r.requires_replace, [AttrPath::root("hash_key")]);
        let r = plan_of(&prior, &config(&[("point_in_time_recovery", Value::Bool(false))]));
        assert!(r.requires_replace.is_empty());
    }
}
