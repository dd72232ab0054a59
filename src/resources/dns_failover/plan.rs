//! Validation and planning for `drpair_dns_failover`: pure and offline.

use crate::resources::{PlanRequest, PlanResponse, plan_start, validate_timeouts};
use crate::tfplugin::diag::{AttrPath, Diagnostics};
use crate::tfplugin::value::Value;

use super::model::{
    DEFAULT_INTERVAL, DEFAULT_PATH, DEFAULT_PORT, DEFAULT_THRESHOLD, DEFAULT_TTL, ROLES, alarm_name,
    control_alarm_value, detection_seconds,
};

/// A DNS name as Route 53 takes it, written lowercase without the trailing dot (so the plan
/// compares it with what AWS reports as is).
fn dns_name_ok(name: &str) -> bool {
    let labels: Vec<&str> = name.split('.').collect();
    name.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        })
}

fn zone_id_ok(id: &str) -> bool {
    !id.is_empty() && id.len() <= 32 && id.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Terraform points a nested attribute's error at the whole resource, so details name it.
fn name_error(d: &mut Diagnostics, path: AttrPath, what: &str, v: &str) {
    d.attr_error(
        path.clone(),
        format!("Invalid {what}"),
        format!("{path} = {v:?} is not a DNS name: lowercase labels of letters, digits and hyphens, dot-separated, no trailing dot."),
    );
}

pub fn validate(c: &Value, d: &mut Diagnostics) {
    let (zone_name, zone_id) = (c.get("zone_name"), c.get("zone_id"));
    if !zone_name.is_null() && !zone_id.is_null() {
        d.attr_error(
            AttrPath::root("zone_id"),
            "Conflicting zone arguments",
            "Set zone_name (create a zone) or zone_id (use an existing zone), not both.",
        );
    } else if zone_name.is_null() && zone_id.is_null() {
        d.attr_error(
            AttrPath::root("zone_name"),
            "Missing zone",
            "Set zone_name (create a zone) or zone_id (use an existing zone).",
        );
    }
    if let Some(z) = zone_name.as_str()
        && !dns_name_ok(z)
    {
        name_error(d, AttrPath::root("zone_name"), "zone name", z);
    }
    if let Some(z) = zone_id.as_str()
        && !zone_id_ok(z)
    {
        d.attr_error(
            AttrPath::root("zone_id"),
            "Invalid hosted zone id",
            format!(
                "{z:?} is not a hosted zone id such as \"Z0123456789ABCDEFGHIJ\" (no /hostedzone/ prefix)."
            ),
        );
    }
    if let Some(r) = c.get("record_name").as_str() {
        if !dns_name_ok(r) {
            name_error(d, AttrPath::root("record_name"), "record name", r);
        } else if let Some(z) = zone_name.as_str()
            && r != z
            && !r.ends_with(&format!(".{z}"))
        {
            d.attr_error(
                AttrPath::root("record_name"),
                "Record outside the zone",
                format!("{r:?} is not in the zone {z:?}."),
            );
        }
    }
    for role in ROLES {
        let obj = c.get(role);
        let path = |a: &str| AttrPath::root(role).attr(a);
        for attr in ["domain_name", "health_fqdn"] {
            if let Some(v) = obj.get(attr).as_str()
                && !dns_name_ok(v)
            {
                name_error(d, path(attr), attr, v);
            }
        }
        if let Some(z) = obj.get("zone_id").as_str()
            && !zone_id_ok(z)
        {
            d.attr_error(
                path("zone_id"),
                "Invalid hosted zone id",
                format!("{role}.zone_id = {z:?} is not a hosted zone id."),
            );
        }
        if let Some(p) = obj.get("health_path").as_str()
            && (!p.starts_with('/') || p.len() > 255 || p.chars().any(char::is_whitespace))
        {
            d.attr_error(
                path("health_path"),
                "Invalid health path",
                format!(
                    "{role}.health_path = {p:?}: a path starting with '/', no spaces, at most 255 characters."
                ),
            );
        }
        if let Some(port) = obj.get("health_port").as_i64()
            && !(1..=65535).contains(&port)
        {
            d.attr_error(
                path("health_port"),
                "Invalid port",
                format!("{role}.health_port = {port}: use 1 to 65535."),
            );
        }
    }
    if let Some(i) = c.get("request_interval").as_i64()
        && i != 10
        && i != 30
    {
        d.attr_error(
            AttrPath::root("request_interval"),
            "Invalid request interval",
            format!("request_interval = {i}: Route 53 checks every 10 (fast) or 30 seconds."),
        );
    }
    if let Some(t) = c.get("failure_threshold").as_i64()
        && !(1..=10).contains(&t)
    {
        d.attr_error(
            AttrPath::root("failure_threshold"),
            "Invalid failure threshold",
            format!("failure_threshold = {t}: use 1 to 10."),
        );
    }
    if let Some(t) = c.get("record_ttl_seconds").as_i64()
        && !(0..=172_800).contains(&t)
    {
        d.attr_error(
            AttrPath::root("record_ttl_seconds"),
            "Invalid TTL",
            format!("record_ttl_seconds = {t}: use 0 to 172800 (two days)."),
        );
    }
    for attr in ["primary_set_identifier", "secondary_set_identifier"] {
        if let Some(s) = c.get(attr).as_str()
            && (s.is_empty() || s.len() > 128 || s.chars().any(|ch| ch.is_control()))
        {
            d.attr_error(
                AttrPath::root(attr),
                "Invalid set identifier",
                format!("{attr} = {s:?}: 1 to 128 characters."),
            );
        }
    }
    if let (Some(a), Some(b)) =
        (c.get("primary_set_identifier").as_str(), c.get("secondary_set_identifier").as_str())
        && a == b
    {
        d.attr_error(
            AttrPath::root("secondary_set_identifier"),
            "Set identifiers must differ",
            format!(
                "Both records would be {a:?}: Route 53 identifies a record by name, type and set identifier."
            ),
        );
    }
    validate_timeouts(c, r#""5m""#, d);
}

const ARGUMENTS: &[&str] = &["zone_name", "record_name", "timeouts"];

fn or_default(v: &Value, default: Value) -> Value {
    if v.is_null() { default } else { v.clone() }
}

/// The region object with the defaults filled in.
fn endpoint(v: &Value) -> Value {
    let Value::Map(_) = v else { return v.clone() };
    let mut out = v.clone();
    out.set("health_path", or_default(v.get("health_path"), Value::string(DEFAULT_PATH)));
    out.set("health_port", or_default(v.get("health_port"), Value::int(DEFAULT_PORT)));
    out
}

pub fn plan(req: PlanRequest<'_>, resp: &mut PlanResponse) {
    let config = req.config;
    validate(config, &mut resp.diags);
    let creating = req.prior.is_null();
    let prior = req.prior;
    let mut planned = plan_start(&super::schema::schema(), prior, config, ARGUMENTS);
    for role in ROLES {
        planned.set(role, endpoint(config.get(role)));
    }
    for (attr, default) in [
        ("request_interval", Value::int(DEFAULT_INTERVAL)),
        ("failure_threshold", Value::int(DEFAULT_THRESHOLD)),
        ("record_ttl_seconds", Value::int(DEFAULT_TTL)),
        ("primary_set_identifier", Value::string("primary")),
        ("secondary_set_identifier", Value::string("secondary")),
    ] {
        planned.set(attr, or_default(config.get(attr), default));
    }

    let mut replace = Vec::new();
    if !creating {
        if prior.get("zone_name") != config.get("zone_name") {
            replace.push(AttrPath::root("zone_name"));
        }
        if !config.get("zone_id").is_null() && prior.get("zone_id") != config.get("zone_id") {
            replace.push(AttrPath::root("zone_id"));
        }
        if prior.get("record_name") != config.get("record_name") {
            replace.push(AttrPath::root("record_name"));
        }
    }
    let fresh = creating || !replace.is_empty();
    planned.set(
        "zone_id",
        match config.get("zone_id") {
            Value::Null if !fresh && prior.get("zone_id").as_str().is_some() => prior.get("zone_id").clone(),
            Value::Null => Value::Unknown,
            v => v.clone(),
        },
    );
    planned.set("id", config.get("record_name").clone());
    let detection = match (
        planned.get("request_interval").as_i64(),
        planned.get("failure_threshold").as_i64(),
        planned.get("record_ttl_seconds").as_i64(),
    ) {
        (Some(i), Some(t), Some(ttl)) => Value::int(detection_seconds(i, t, ttl)),
        _ => Value::Unknown,
    };
    planned.set("detection_seconds", detection);

    // Name servers are the zone's: known while the zone stays.
    if fresh || planned.get("zone_id") != prior.get("zone_id") || prior.get("name_servers").is_null() {
        planned.set("name_servers", Value::Unknown);
    }
    // New checks are made when there are none yet, one is not as wanted (read reported a null
    // id), or the interval changes (Route 53 cannot change it on a check).
    let ids = prior.get("health_check_ids");
    let all_ids =
        ["primary", "secondary", "control", "primary_combined"].iter().all(|k| ids.get(k).as_str().is_some());
    if fresh || !all_ids || prior.get("request_interval") != planned.get("request_interval") {
        planned.set("health_check_ids", Value::Unknown);
    }

    match (req.provider, config.get("record_name").as_str()) {
        (Some(p), Some(record)) => {
            let s = &p.settings;
            let alarm = control_alarm_value(
                &alarm_name(&s.name("dns-failover"), record),
                &s.secondary_region,
                record,
            );
            // The alarm lives in the secondary region: another region is another alarm.
            if !creating
                && prior.get("control_alarm").get("region").as_str().is_some_and(|r| r != s.secondary_region)
            {
                replace.push(AttrPath::root("control_alarm"));
            }
            planned.set("control_alarm", alarm);
        }
        _ => planned.set("control_alarm", Value::Unknown),
    }
    if !replace.is_empty() && !creating {
        planned.set("health_check_ids", Value::Unknown);
        planned.set("name_servers", Value::Unknown);
    }

    // Anything to do changes the inventory (record and check ids live in it).
    let mut without_inventory = planned.clone();
    without_inventory.set("inventory", prior.get("inventory").clone());
    if creating || &without_inventory != prior || !replace.is_empty() {
        planned.set("inventory", Value::Unknown);
    }
    resp.requires_replace = replace;
    resp.planned = planned;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::test_support::{error_paths, plan_with};

    fn region(domain: &str) -> Value {
        Value::object([
            ("domain_name", Value::string(domain)),
            ("zone_id", Value::string("Z1UJRXOUMOOFQ8")),
            ("health_fqdn", Value::string(domain)),
            ("health_path", Value::Null),
            ("health_port", Value::Null),
        ])
    }

    fn config() -> Value {
        let mut c =
            Value::object(super::super::schema::schema().block.attrs.iter().map(|a| (a.name, Value::Null)));
        c.set("timeouts", Value::Null);
        c.set("zone_name", Value::string("example.com"));
        c.set("record_name", Value::string("api.example.com"));
        c.set("primary", region("a.execute-api.us-east-1.amazonaws.com"));
        c.set("secondary", region("b.execute-api.us-east-2.amazonaws.com"));
        c
    }

    fn plan_of(prior: &Value, config: &Value) -> PlanResponse {
        plan_with(plan, prior, config)
    }

    /// The state an apply would record: unknowns filled as AWS would.
    fn applied(mut planned: Value) -> Value {
        planned.set("zone_id", Value::string("ZNEW"));
        planned.set("name_servers", Value::strings(["ns-1"]));
        planned.set(
            "health_check_ids",
            Value::object([
                ("primary", Value::string("p")),
                ("secondary", Value::string("s")),
                ("control", Value::string("c")),
                ("primary_combined", Value::string("pc")),
            ]),
        );
        planned.set("inventory", Value::List(vec![]));
        planned
    }

    #[test]
    fn defaults_detection_and_alarm_are_known_at_plan() {
        let r = plan_of(&Value::Null, &config());
        assert!(!r.diags.has_errors(), "{:?}", error_paths(&r));
        let p = &r.planned;
        assert_eq!(p.get("detection_seconds").as_i64(), Some(10 * 3 + 60));
        assert_eq!(p.get("primary").get("health_port").as_i64(), Some(443));
        assert_eq!(p.get("primary").get("health_path").as_str(), Some("/health"));
        assert_eq!(p.get("primary_set_identifier").as_str(), Some("primary"));
        assert_eq!(
            p.get("control_alarm").get("name").as_str(),
            Some("dns-failover-test-ab12-api.example.com-force-failover")
        );
        assert_eq!(p.get("control_alarm").get("region").as_str(), Some("us-east-2"));
        assert!(p.get("zone_id").is_unknown() && p.get("health_check_ids").is_unknown());
    }

    #[test]
    fn plan_after_apply_is_empty_and_drift_plans_an_update() {
        let state = applied(plan_of(&Value::Null, &config()).planned);
        assert_eq!(plan_of(&state, &config()).planned, state);
        // Read found the control check wrong: its id is null, so new ids are planned in place.
        let mut drifted = state.clone();
        let mut ids = drifted.get("health_check_ids").clone();
        ids.set("control", Value::Null);
        drifted.set("health_check_ids", ids);
        let r = plan_of(&drifted, &config());
        assert!(r.requires_replace.is_empty());
        assert!(r.planned.get("health_check_ids").is_unknown());
        // A set identifier change is an update (one batch), not a replacement.
        let mut c = config();
        c.set("primary_set_identifier", Value::string("p2"));
        let r = plan_of(&state, &c);
        assert!(r.requires_replace.is_empty());
        assert_eq!(r.planned.get("health_check_ids"), state.get("health_check_ids"));
        // The interval cannot change on a check: new checks.
        let mut c = config();
        c.set("request_interval", Value::int(30));
        assert!(plan_of(&state, &c).planned.get("health_check_ids").is_unknown());
        // Another zone is another resource.
        let mut c = config();
        c.set("zone_name", Value::string("other.com"));
        c.set("record_name", Value::string("api.other.com"));
        assert_eq!(plan_of(&state, &c).requires_replace.len(), 2);
    }

    #[test]
    fn existing_zone_id_is_taken_as_is() {
        let mut c = config();
        c.set("zone_name", Value::Null);
        c.set("zone_id", Value::string("Z0EXISTING"));
        let r = plan_of(&Value::Null, &c);
        assert!(!r.diags.has_errors(), "{:?}", error_paths(&r));
        assert_eq!(r.planned.get("zone_id").as_str(), Some("Z0EXISTING"));
    }

    #[test]
    fn bad_input_names_the_attribute() {
        let mut c = config();
        c.set("zone_id", Value::string("Z1"));
        c.set("request_interval", Value::int(20));
        c.set("failure_threshold", Value::int(11));
        c.set("record_name", Value::string("api.elsewhere.com"));
        let mut p = region("Bad_Name.");
        p.set("health_port", Value::int(0));
        c.set("primary", p);
        c.set("secondary_set_identifier", Value::string("primary"));
        c.set("primary_set_identifier", Value::string("primary"));
        let mut d = Diagnostics::default();
        validate(&c, &mut d);
        let paths: Vec<String> = d.0.iter().map(|d| d.path.as_ref().unwrap().to_string()).collect();
        assert_eq!(
            paths,
            [
                "zone_id",
                "record_name",
                "primary.domain_name",
                "primary.health_fqdn",
                "primary.health_port",
                "request_interval",
                "failure_threshold",
                "secondary_set_identifier"
            ]
        );
        let mut c = config();
        c.set("zone_name", Value::Null);
        let mut d = Diagnostics::default();
        validate(&c, &mut d);
        assert!(d.has_errors());
    }
}
