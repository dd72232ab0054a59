//! Validation and planning for `drpair_event_bus`: pure and offline.

use std::collections::BTreeSet;

use crate::resources::{PlanRequest, PlanResponse, plan_identity, plan_start, validate_timeouts};
use crate::tfplugin::diag::{AttrPath, Diagnostics};
use crate::tfplugin::value::Value;

use super::model::{
    DEFAULT_RETENTION_DAYS, MAX_ID, MAX_PATTERN, ROLES, parse_object, parse_patterns, parse_time, rule_names,
};

/// Days; AWS sets no upper bound, ten years catches a typo such as 36500.
const MAX_RETENTION_DAYS: i64 = 3650;

/// Arguments: copied from the configuration into the plan.
pub const ARGUMENTS: &[&str] =
    &["name", "forward_event_patterns", "archive_retention_days", "replay", "timeouts"];

pub fn validate(c: &Value, d: &mut Diagnostics) {
    if let Some(name) = c.get("name").as_str() {
        let ok = name.chars().next().is_some_and(|ch| ch.is_ascii_lowercase())
            && name.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-');
        if !ok || name.len() > 32 {
            d.attr_error(
                AttrPath::root("name"),
                "Invalid name",
                format!("name = {name:?}: start with a lowercase letter; lowercase letters, digits and hyphens, at most 32."),
            );
        }
    }
    if let Some(items) = c.get("forward_event_patterns").as_list() {
        let mut seen = BTreeSet::new();
        for (i, item) in items.iter().enumerate() {
            let Some(text) = item.as_str() else { continue };
            let path = AttrPath::root("forward_event_patterns").index(i);
            match parse_object(text) {
                None => d.attr_error(
                    path,
                    "Invalid event pattern",
                    format!("{text:?} is not a JSON object such as jsonencode({{source = [\"orders\"]}})."),
                ),
                Some(p) if p.as_object().is_some_and(|o| o.is_empty()) => d.attr_error(
                    path,
                    "Empty event pattern",
                    "An empty pattern would forward every event; name what to forward.",
                ),
                Some(p) if p.get("region").is_some() => d.attr_error(
                    path,
                    "Event pattern sets region",
                    "drpair matches `region` itself (each bus forwards only events put in its own region, so \
                     forwarded events are not sent back): leave it out.",
                ),
                Some(p) if p.to_string().len() + 32 > MAX_PATTERN => d.attr_error(
                    path,
                    "Event pattern too long",
                    format!(
                        "EventBridge allows {MAX_PATTERN} characters per pattern, the region guard included."
                    ),
                ),
                Some(p) => {
                    if !seen.insert(p.to_string()) {
                        d.attr_error(path, "Event pattern listed twice", "Each pattern may appear once.");
                    }
                }
            }
        }
    }
    if let Some(days) = c.get("archive_retention_days").as_i64()
        && !(0..=MAX_RETENTION_DAYS).contains(&days)
    {
        d.attr_error(
            AttrPath::root("archive_retention_days"),
            "Invalid retention",
            format!("{days} days: use 0 (keep indefinitely) to {MAX_RETENTION_DAYS}."),
        );
    }
    let replay = c.get("replay");
    let times: Vec<_> = ["start_time", "end_time"]
        .into_iter()
        .map(|attr| {
            let text = replay.get(attr).as_str()?;
            let t = parse_time(text);
            if t.is_none() {
                d.attr_error(
                    AttrPath::root("replay").attr(attr),
                    "Invalid time",
                    format!(
                        "replay.{attr} = {text:?} is not an RFC 3339 time such as \"2026-11-30T16:00:00Z\"."
                    ),
                );
            }
            t
        })
        .collect();
    if let [Some(start), Some(end)] = times.as_slice()
        && start >= end
    {
        d.attr_error(
            AttrPath::root("replay").attr("end_time"),
            "Empty replay window",
            "replay.end_time must be after replay.start_time.",
        );
    }
    validate_timeouts(c, r#""5m""#, d);
}

/// Keeps an ARN AWS assigned while the part it names stays as planned.
fn kept(prior: &Value, attr: &str, same: bool) -> Value {
    match prior.get(attr) {
        v @ Value::String(_) if same => v.clone(),
        _ => Value::Unknown,
    }
}

pub fn plan(req: PlanRequest<'_>, resp: &mut PlanResponse) {
    let config = req.config;
    validate(config, &mut resp.diags);
    let creating = req.prior.is_null();
    let mut planned = plan_start(&super::schema::schema(), req.prior, config, ARGUMENTS);
    if creating {
        // No replay until one is asked for.
        planned.set("replay_name", Value::Null);
        planned.set("replay_state", Value::Null);
    }
    if config.get("archive_retention_days").is_null() {
        planned.set("archive_retention_days", Value::int(DEFAULT_RETENTION_DAYS));
    }
    let Some((id, regions)) = plan_identity(&req, &mut planned, resp) else {
        resp.planned = planned;
        return;
    };
    if id.len() > MAX_ID {
        resp.diags.attr_error(
            AttrPath::root("name"),
            "Name too long",
            format!(
                "The id {id:?} has {} characters; EventBridge archive names allow {MAX_ID}: shorten name.",
                id.len()
            ),
        );
    }
    if let Some(r) = config.get("replay").get("region").as_str()
        && !regions.iter().any(|x| x.as_str() == r)
    {
        resp.diags.attr_error(
            AttrPath::root("replay").attr("region"),
            "Not a region of the pair",
            format!("replay.region = {r:?}: replay from {} or {}.", regions[0], regions[1]),
        );
    }
    let fresh = creating || !resp.requires_replace.is_empty();
    let none = Value::Null;
    let prior = if fresh { &none } else { req.prior };

    let patterns = parse_patterns(config.get("forward_event_patterns"));
    let mut changed = fresh
        || prior.get("forward_event_patterns") != planned.get("forward_event_patterns")
        || prior.get("archive_retention_days") != planned.get("archive_retention_days");
    for (role, region) in ROLES.iter().zip(regions) {
        let p = prior.get(role);
        let rules = match &patterns {
            Some(list) => Value::strings(rule_names(&id, list.len())),
            None => Value::Unknown,
        };
        let rules_same = p.get("forward_rule_names") == &rules;
        let object = Value::object([
            ("region", Value::string(region)),
            ("bus_name", Value::string(&id)),
            ("bus_arn", kept(p, "bus_arn", true)),
            ("archive_name", Value::string(&id)),
            ("archive_arn", kept(p, "archive_arn", true)),
            ("forward_rule_names", rules),
            ("forward_role_arn", kept(p, "forward_role_arn", true)),
        ]);
        changed |= !rules_same || object.contains_unknown();
        planned.set(role, object);
    }
    // A replay starts when the window is set or changed; removing it leaves the last one reported.
    let replay = config.get("replay");
    if !replay.is_null() && (fresh || prior.get("replay") != replay) {
        planned.set("replay_name", Value::Unknown);
        planned.set("replay_state", Value::Unknown);
        changed = true;
    }
    if changed {
        planned.set("inventory", Value::Unknown);
    }
    resp.planned = planned;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::test_support::{error_paths as paths, plan_with};

    fn config() -> Value {
        let mut c =
            Value::object(super::super::schema::schema().block.attrs.iter().map(|a| (a.name, Value::Null)));
        c.set("timeouts", Value::Null);
        c.set("name", Value::string("events"));
        c.set("forward_event_patterns", Value::strings([r#"{"source":["orders"]}"#]));
        c
    }

    fn plan_of(prior: &Value, config: &Value) -> PlanResponse {
        plan_with(plan, prior, config)
    }

    fn applied(mut planned: Value) -> Value {
        for role in ROLES {
            let mut o = planned.get(role).clone();
            for attr in ["bus_arn", "archive_arn", "forward_role_arn"] {
                o.set(attr, Value::string(format!("arn:{role}:{attr}")));
            }
            planned.set(role, o);
        }
        if planned.get("replay_name").is_unknown() {
            planned.set("replay_name", Value::string("r"));
            planned.set("replay_state", Value::string("COMPLETED"));
        }
        planned.set("inventory", Value::List(vec![]));
        planned
    }

    fn replay(end: &str) -> Value {
        Value::object([
            ("region", Value::string("us-east-2")),
            ("start_time", Value::string("2026-11-30T10:00:00Z")),
            ("end_time", Value::string(end)),
        ])
    }

    #[test]
    fn plan_after_apply_is_empty_and_a_lost_rule_plans_an_update() {
        let r = plan_of(&Value::Null, &config());
        assert!(!r.diags.has_errors(), "{:?}", paths(&r));
        assert_eq!(r.planned.get("archive_retention_days"), &Value::int(7));
        assert_eq!(
            r.planned.get("secondary").get("forward_rule_names"),
            &Value::strings(["events-test-ab12-failover", "events-test-ab12-fwd-1"])
        );
        let state = applied(r.planned);
        assert_eq!(plan_of(&state, &config()).planned, state);
        let mut drifted = state.clone();
        let mut s = drifted.get("secondary").clone();
        s.set("forward_rule_names", Value::strings(["events-test-ab12-failover"]));
        drifted.set("secondary", s);
        let r = plan_of(&drifted, &config());
        assert!(r.requires_replace.is_empty());
        assert!(r.planned.get("inventory").is_unknown());
    }

    #[test]
    fn replay_starts_when_set_or_changed_and_removal_does_nothing() {
        let state = applied(plan_of(&Value::Null, &config()).planned);
        let mut c = config();
        c.set("replay", replay("2026-11-30T11:00:00Z"));
        let r = plan_of(&state, &c);
        assert!(r.planned.get("replay_name").is_unknown());
        let state = applied(r.planned);
        assert_eq!(plan_of(&state, &c).planned, state);
        c.set("replay", replay("2026-11-30T12:00:00Z"));
        assert!(plan_of(&state, &c).planned.get("replay_name").is_unknown());
        c.set("replay", Value::Null);
        let r = plan_of(&state, &c);
        assert_eq!(r.planned.get("replay_name"), &Value::string("r"));
    }

    #[test]
    fn bad_input_names_the_attribute() {
        let mut c = config();
        c.set(
            "forward_event_patterns",
            Value::strings(["[1]", "{}", r#"{"region":["x"]}"#, r#"{"a":[1]}"#, r#"{"a":[1]}"#]),
        );
        c.set("archive_retention_days", Value::int(-1));
        c.set("replay", replay("2026-11-30T09:00:00Z"));
        let r = plan_of(&Value::Null, &c);
        assert_eq!(
            paths(&r),
            [
                "forward_event_patterns[0]",
                "forward_event_patterns[1]",
                "forward_event_patterns[2]",
                "forward_event_patterns[4]",
                "archive_retention_days",
                "replay.end_time",
            ]
        );
        let mut c = config();
        c.set("name", Value::string("a-very-long-name-for-an-event-bus"));
        c.set(
            "replay",
            Value::object([
                ("region", Value::string("eu-west-1")),
                ("start_time", Value::string("x")),
                ("end_time", Value::string("2026-11-30T09:00:00Z")),
            ]),
        );
        assert_eq!(paths(&plan_of(&Value::Null, &c)), ["name", "replay.start_time", "replay.region"]);
    }
}
