//! Validation and planning for `drpair_region_health`: pure and offline.

use std::collections::BTreeSet;

use crate::resources::{PlanRequest, PlanResponse, plan_identity, plan_start, validate_timeouts};
use crate::tfplugin::diag::{AttrPath, Diagnostics};
use crate::tfplugin::value::Value;

use super::model::{DEFAULT_LAG_THRESHOLD_MS, ROLES, ROUTE53_METRICS_REGION, RegionWant, desired};

/// CloudWatch's limits: an alarm name, and a composite alarm's rule.
const MAX_ALARM_NAME: usize = 255;
const MAX_RULE: usize = 10240;

pub fn validate(c: &Value, d: &mut Diagnostics) {
    if let Some(name) = c.get("name").as_str() {
        let ok = name.chars().next().is_some_and(|ch| ch.is_ascii_lowercase())
            && name.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-');
        if !ok || name.len() > 64 {
            d.attr_error(
                AttrPath::root("name"),
                "Invalid name",
                format!("name = {name:?}: start with a lowercase letter; lowercase letters, digits and hyphens, at most 64."),
            );
        }
    }
    for role in ROLES {
        let attr = format!("{role}_alarm_names");
        if let Some(items) = c.get(&attr).as_list() {
            let mut seen = BTreeSet::new();
            for (i, item) in items.iter().enumerate() {
                let Some(n) = item.as_str() else { continue };
                let path = AttrPath::root(&attr).index(i);
                if n.is_empty()
                    || n.len() > MAX_ALARM_NAME
                    || n.contains('"')
                    || n.chars().any(char::is_control)
                {
                    d.attr_error(path.clone(), "Invalid alarm name",
                        format!("{n:?}: CloudWatch alarm names have 1 to {MAX_ALARM_NAME} characters; a composite rule cannot quote '\"'."));
                }
                if !seen.insert(n) {
                    d.attr_error(
                        path,
                        "Alarm listed twice",
                        format!("{n:?} appears more than once in {attr}."),
                    );
                }
            }
        }
        let cluster = format!("{role}_db_cluster_id");
        if let Some(id) = c.get(&cluster).as_str() {
            let ok = id.chars().next().is_some_and(|ch| ch.is_ascii_alphabetic())
                && id.len() <= 63
                && id.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-')
                && !id.ends_with('-')
                && !id.contains("--");
            if !ok {
                d.attr_error(AttrPath::root(&cluster), "Invalid DB cluster identifier",
                    format!("{id:?} is not an Aurora cluster identifier (letter first; letters, digits, single hyphens; at most 63)."));
            }
        }
        let check = format!("{role}_health_check_id");
        if let Some(id) = c.get(&check).as_str()
            && (id.is_empty() || id.len() > 64)
        {
            d.attr_error(
                AttrPath::root(&check),
                "Invalid health check id",
                format!("{id:?} is not a Route 53 health check id."),
            );
        }
    }
    if let Some(t) = c.get("replication_lag_threshold_ms").as_i64()
        && !(1..=3_600_000).contains(&t)
    {
        d.attr_error(
            AttrPath::root("replication_lag_threshold_ms"),
            "Invalid threshold",
            format!("{t} ms: use 1 to 3600000 (one hour)."),
        );
    }
    validate_timeouts(c, r#""5m""#, d);
}

/// Checks that need the regions: where health checks can roll up, and that each region is
/// watched at all.
fn check_wants(c: &Value, wants: &[RegionWant; 2], d: &mut Diagnostics) {
    for (role, want) in ROLES.iter().zip(wants) {
        let check = format!("{role}_health_check_id");
        if !c.get(&check).is_null() && want.region != ROUTE53_METRICS_REGION {
            d.attr_error(
                AttrPath::root(&check),
                "Health check cannot feed this region's signal",
                format!(
                    "Route 53 publishes health-check metrics in {ROUTE53_METRICS_REGION} only, and a composite \
                     alarm can only watch alarms in its own region, so the {role} region ({}) cannot roll up \
                     a health check. Leave {check} out; drpair_dns_failover already routes on it.",
                    want.region
                ),
            );
        }
        if want.members.is_empty() && want.owned.is_empty() {
            d.attr_error(
                AttrPath::root(&format!("{role}_alarm_names")),
                "Nothing to watch",
                format!(
                    "The {role} region ({}) has nothing to roll up: set {role}_alarm_names, \
                     {role}_db_cluster_id or {role}_health_check_id.",
                    want.region
                ),
            );
        }
        if want.rule().len() > MAX_RULE {
            d.attr_error(
                AttrPath::root(&format!("{role}_alarm_names")),
                "Too many alarms",
                format!("The {role} composite rule would exceed CloudWatch's {MAX_RULE} characters."),
            );
        }
    }
}

const ARGUMENTS: &[&str] = &[
    "name",
    "primary_alarm_names",
    "secondary_alarm_names",
    "primary_db_cluster_id",
    "secondary_db_cluster_id",
    "primary_health_check_id",
    "secondary_health_check_id",
    "timeouts",
];

pub fn plan(req: PlanRequest<'_>, resp: &mut PlanResponse) {
    let config = req.config;
    validate(config, &mut resp.diags);
    let creating = req.prior.is_null();
    let mut planned = plan_start(&super::schema::schema(), req.prior, config, ARGUMENTS);
    planned.set(
        "replication_lag_threshold_ms",
        match config.get("replication_lag_threshold_ms") {
            Value::Null => Value::int(DEFAULT_LAG_THRESHOLD_MS),
            v => v.clone(),
        },
    );
    let Some((id, regions)) = plan_identity(&req, &mut planned, resp) else {
        resp.planned = planned;
        return;
    };
    let replacing = !resp.requires_replace.is_empty();

    let regions = [regions[0].as_str(), regions[1].as_str()];
    let wants = desired(&id, regions, &planned);
    if let Some(wants) = &wants {
        check_wants(config, wants, &mut resp.diags);
    }
    let mut changed = creating || replacing;
    for (i, role) in ROLES.iter().enumerate() {
        let prior = if creating || replacing { &Value::Null } else { req.prior.get(role) };
        let object = match &wants {
            Some(w) => {
                let want = &w[i];
                let rule = Value::string(want.rule());
                let owned = Value::strings(want.owned_names());
                // The ARN is AWS's: known once the composite exists with this rule.
                let same = prior.get("alarm_rule") == &rule
                    && prior.get("owned_alarm_names") == &owned
                    && prior.get("composite_alarm_arn").as_str().is_some();
                changed |= !same;
                Value::object([
                    ("region", Value::string(&want.region)),
                    ("composite_alarm_name", Value::string(&want.composite)),
                    (
                        "composite_alarm_arn",
                        if same { prior.get("composite_alarm_arn").clone() } else { Value::Unknown },
                    ),
                    ("alarm_rule", rule),
                    ("owned_alarm_names", owned),
                ])
            }
            None => {
                changed = true;
                Value::Unknown
            }
        };
        planned.set(role, object);
    }
    let threshold_changed =
        req.prior.get("replication_lag_threshold_ms") != planned.get("replication_lag_threshold_ms");
    if changed || threshold_changed {
        planned.set("inventory", Value::Unknown);
    }
    resp.planned = planned;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::test_support::{error_paths, plan_with};

    fn config() -> Value {
        let mut c =
            Value::object(super::super::schema::schema().block.attrs.iter().map(|a| (a.name, Value::Null)));
        c.set("timeouts", Value::Null);
        c.set("name", Value::string("health"));
        c.set("primary_alarm_names", Value::strings(["orders-errors"]));
        c.set("secondary_db_cluster_id", Value::string("db-test-ab12-us-east-2"));
        c
    }

    fn plan_of(prior: &Value, config: &Value) -> PlanResponse {
        plan_with(plan, prior, config)
    }

    /// The state an apply would record for a plan: unknowns filled as AWS would.
    fn applied(mut planned: Value) -> Value {
        for role in ROLES {
            let mut o = planned.get(role).clone();
            o.set("composite_alarm_arn", Value::string(format!("arn:{role}")));
            planned.set(role, o);
        }
        planned.set("inventory", Value::List(vec![]));
        planned
    }

    #[test]
    fn plan_after_apply_is_empty_and_a_lost_composite_plans_an_update() {
        let r = plan_of(&Value::Null, &config());
        assert!(!r.diags.has_errors(), "{:?}", error_paths(&r));
        assert_eq!(r.planned.get("id").as_str(), Some("health-test-ab12"));
        let state = applied(r.planned);
        assert_eq!(plan_of(&state, &config()).planned, state);
        // Read found the composite gone: its rule is null, so the plan rebuilds it in place.
        let mut drifted = state.clone();
        let mut p = drifted.get("primary").clone();
        p.set("alarm_rule", Value::Null);
        drifted.set("primary", p);
        let r = plan_of(&drifted, &config());
        assert!(r.requires_replace.is_empty());
        assert!(r.planned.get("primary").get("composite_alarm_arn").is_unknown());
    }

    #[test]
    fn health_checks_roll_up_only_in_us_east_1_and_empty_regions_are_refused() {
        let mut c = config();
        c.set("secondary_health_check_id", Value::string("hc-1"));
        c.set("secondary_db_cluster_id", Value::Null);
        assert_eq!(error_paths(&plan_of(&Value::Null, &c)), ["secondary_health_check_id"]);
        let mut c = config();
        c.set("secondary_db_cluster_id", Value::Null);
        assert_eq!(error_paths(&plan_of(&Value::Null, &c)), ["secondary_alarm_names"]);
        let mut c = config();
        c.set("primary_health_check_id", Value::string("hc-1"));
        assert!(!plan_of(&Value::Null, &c).diags.has_errors());
    }

    #[test]
    fn bad_input_names_the_attribute() {
        let mut c = config();
        c.set("primary_alarm_names", Value::strings(["a", "a", "with\"quote"]));
        c.set("secondary_db_cluster_id", Value::string("1db"));
        c.set("replication_lag_threshold_ms", Value::int(0));
        let mut d = Diagnostics::default();
        validate(&c, &mut d);
        let paths: Vec<String> = d.0.iter().map(|d| d.path.as_ref().unwrap().to_string()).collect();
        assert_eq!(
            paths,
            [
                "primary_alarm_names[1]",
                "primary_alarm_names[2]",
                "secondary_db_cluster_id",
                "replication_lag_threshold_ms"
            ]
        );
    }

    #[test]
    fn unknown_alarm_names_leave_the_signal_unknown() {
        let mut c = config();
        c.set("primary_alarm_names", Value::Unknown);
        let r = plan_of(&Value::Null, &c);
        assert!(!r.diags.has_errors());
        assert!(r.planned.get("primary").is_unknown());
    }
}
