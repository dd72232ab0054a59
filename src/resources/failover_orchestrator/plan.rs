//! Validation and planning for `drpair_failover_orchestrator`: pure and offline, apart from
//! hashing the local readiness package.

use crate::resources::common::arn::{arn_region, partition_and_account};
use crate::resources::common::package::{code_sha256, read_local_package};
use crate::resources::{PlanRequest, PlanResponse, plan_identity, plan_start, validate_timeouts};
use crate::tfplugin::diag::{AttrPath, Diagnostics};
use crate::tfplugin::value::Value;

use super::model::{
    DEFAULT_FAILBACK_AFTER_SECONDS, DEFAULT_HEARTBEAT_SECONDS, DEFAULT_MISSED_HEARTBEATS,
    DEFAULT_PROMOTION_SECONDS, DEFAULT_READINESS_MAX_LAG_MS, DEFAULT_RTO_TARGET_SECONDS, HEARTBEAT_INTERVALS,
    ROLES, Want, desired, not_ready_alarm, objectives, peer_down_alarm, readiness_function,
};

pub const ARGUMENTS: &[&str] = &[
    "name",
    "global_cluster_id",
    "primary_cluster_arn",
    "secondary_cluster_arn",
    "readiness_package_path",
    "control_alarm",
    "primary_event_source_mapping_ids",
    "secondary_event_source_mapping_ids",
    "primary_health_alarm_name",
    "secondary_health_alarm_name",
    "active_region_parameter",
    "readiness_function_names",
    "readiness_session_table",
    "readiness_parameter_path",
    "dns_detection_seconds",
    "database_max_rpo_seconds",
    "session_table_consistency",
    "timeouts",
];

/// Optional arguments with defaults: (attribute, default).
fn defaults() -> [(&'static str, Value); 8] {
    [
        ("readiness_max_lag_ms", Value::int(DEFAULT_READINESS_MAX_LAG_MS)),
        ("heartbeat_interval_seconds", Value::int(DEFAULT_HEARTBEAT_SECONDS)),
        ("missed_heartbeats", Value::int(DEFAULT_MISSED_HEARTBEATS)),
        ("auto_failback", Value::Bool(true)),
        ("failback_after_seconds", Value::int(DEFAULT_FAILBACK_AFTER_SECONDS)),
        ("rto_target_seconds", Value::int(DEFAULT_RTO_TARGET_SECONDS)),
        ("enforce_objectives", Value::Bool(false)),
        ("database_promotion_seconds", Value::int(DEFAULT_PROMOTION_SECONDS)),
    ]
}

fn range(c: &Value, attr: &str, lo: i64, hi: i64, d: &mut Diagnostics) {
    if let Some(v) = c.get(attr).as_i64()
        && !(lo..=hi).contains(&v)
    {
        d.attr_error(AttrPath::root(attr), "Value out of range", format!("{attr} = {v}: use {lo} to {hi}."));
    }
}

fn check_name(c: &Value, d: &mut Diagnostics) {
    if let Some(name) = c.get("name").as_str() {
        let ok = name.chars().next().is_some_and(|ch| ch.is_ascii_lowercase())
            && name.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-');
        // Role names (`<id>-<region>-readiness`) must fit IAM's 64 characters.
        if !ok || name.len() > 20 {
            d.attr_error(
                AttrPath::root("name"),
                "Invalid name",
                format!("name = {name:?}: start with a lowercase letter; lowercase letters, digits and hyphens, at most 20."),
            );
        }
    }
}

fn check_cluster_arns(c: &Value, d: &mut Diagnostics) {
    let mut accounts = Vec::new();
    for role in ROLES {
        let attr = format!("{role}_cluster_arn");
        if let Some(arn) = c.get(&attr).as_str() {
            let ok = arn.split(':').nth(2) == Some("rds") && arn.contains(":cluster:");
            match partition_and_account(arn).filter(|_| ok && arn_region(arn).is_some()) {
                Some(pa) => accounts.push(pa),
                None => d.attr_error(
                    AttrPath::root(&attr),
                    "Invalid cluster ARN",
                    format!("{arn:?} is not an Aurora cluster ARN (arn:<partition>:rds:<region>:<account>:cluster:<id>)."),
                ),
            }
        }
    }
    if accounts.len() == 2 && accounts[0] != accounts[1] {
        d.attr_error(
            AttrPath::root("secondary_cluster_arn"),
            "Clusters in different accounts",
            "Both clusters must be in one account and partition: the orchestrator's roles live there.",
        );
    }
    if let (Some(a), Some(b)) =
        (c.get("primary_cluster_arn").as_str(), c.get("secondary_cluster_arn").as_str())
        && arn_region(a).is_some()
        && arn_region(a) == arn_region(b)
    {
        d.attr_error(
            AttrPath::root("secondary_cluster_arn"),
            "Both clusters in one region",
            format!("{b:?} is in the same region as primary_cluster_arn: a failover needs a cluster in each region."),
        );
    }
}

pub fn validate(c: &Value, d: &mut Diagnostics) {
    check_name(c, d);
    check_cluster_arns(c, d);
    if let Some(id) = c.get("global_cluster_id").as_str()
        && (id.is_empty() || id.len() > 63 || !id.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-'))
    {
        d.attr_error(
            AttrPath::root("global_cluster_id"),
            "Invalid global cluster id",
            format!("{id:?} is not an Aurora global cluster identifier."),
        );
    }
    if let Some(v) = c.get("heartbeat_interval_seconds").as_i64()
        && !HEARTBEAT_INTERVALS.contains(&v)
    {
        d.attr_error(
            AttrPath::root("heartbeat_interval_seconds"),
            "Invalid heartbeat interval",
            format!("{v}: use 10, 30 or 60 (the periods a CloudWatch alarm can evaluate over)."),
        );
    }
    range(c, "missed_heartbeats", 1, 10, d);
    range(c, "failback_after_seconds", 0, 86_400, d);
    range(c, "rto_target_seconds", 1, 86_400, d);
    range(c, "database_promotion_seconds", 1, 3600, d);
    range(c, "dns_detection_seconds", 0, 86_400, d);
    range(c, "database_max_rpo_seconds", 20, 86_400, d);
    range(c, "readiness_max_lag_ms", 1, 3_600_000, d);
    if let Some(s) = c.get("session_table_consistency").as_str()
        && s != "eventual"
        && s != "strong"
    {
        d.attr_error(
            AttrPath::root("session_table_consistency"),
            "Invalid consistency",
            format!("{s:?}: use \"eventual\" or \"strong\"."),
        );
    }
    if let Some(p) = c.get("active_region_parameter").as_str()
        && (!p.starts_with('/') || p.len() > 1011 || p.contains(' '))
    {
        d.attr_error(
            AttrPath::root("active_region_parameter"),
            "Invalid parameter name",
            format!("{p:?}: a full SSM parameter name starting with '/', no spaces."),
        );
    }
    for role in ROLES {
        let attr = format!("{role}_event_source_mapping_ids");
        for (i, item) in c.get(&attr).as_list().unwrap_or_default().iter().enumerate() {
            if let Some(u) = item.as_str()
                && (u.len() != 36 || u.chars().filter(|ch| *ch == '-').count() != 4)
            {
                d.attr_error(
                    AttrPath::root(&attr).index(i),
                    "Invalid mapping id",
                    format!("{u:?} is not an event source mapping UUID."),
                );
            }
        }
    }
    if let Some(ctl) = c.get("control_alarm").as_map()
        && !c.get("control_alarm").contains_unknown()
    {
        for field in ["region", "namespace", "metric_name"] {
            if ctl.get(field).is_none_or(Value::is_null) {
                d.attr_error(
                    AttrPath::root("control_alarm").attr(field),
                    "Incomplete control alarm",
                    format!("control_alarm.{field} is required: pass drpair_dns_failover.<name>.control_alarm whole."),
                );
            }
        }
    }
    if let Some(path) = c.get("readiness_package_path").as_str()
        && let Err(why) = read_local_package(path)
    {
        d.attr_error(
            AttrPath::root("readiness_package_path"),
            "Cannot use the readiness package",
            format!("{why} Build it with `make lambda`."),
        );
    }
    validate_timeouts(c, r#""30m""#, d);
}

/// Checks that need the regions and the derived wants.
fn check_wants(w: &Want, d: &mut Diagnostics) {
    for (i, role) in ROLES.iter().enumerate() {
        let attr = format!("{role}_cluster_arn");
        if arn_region(&w.cluster_arns[i]) != Some(w.regions[i].as_str()) {
            d.attr_error(
                AttrPath::root(&attr),
                "Cluster in the wrong region",
                format!(
                    "{attr} must be the {role} region's cluster ({}), not one in {}.",
                    w.regions[i],
                    arn_region(&w.cluster_arns[i]).unwrap_or("?")
                ),
            );
        }
    }
    if let Some(ctl) = &w.control
        && !w.regions.contains(&ctl.region)
    {
        d.attr_error(
            AttrPath::root("control_alarm").attr("region"),
            "Control alarm outside the pair",
            format!(
                "control_alarm.region = {} is not one of the pair's regions ({} and {}).",
                ctl.region, w.regions[0], w.regions[1]
            ),
        );
    }
}

/// The recovery objectives as planned values, with a warning or error over target.
fn plan_objectives(c: &Value, planned: &mut Value, d: &mut Diagnostics) {
    let Some(o) = objectives(planned) else {
        for attr in ["rto_budget_seconds", "rto_breakdown", "rpo_bounds"] {
            planned.set(attr, Value::Unknown);
        }
        return;
    };
    planned.set("rto_budget_seconds", Value::int(o.rto_budget_seconds));
    planned.set("rto_breakdown", Value::object(o.breakdown.iter().map(|(k, v)| (k.clone(), Value::int(*v)))));
    planned.set("rpo_bounds", Value::object(o.rpo_bounds.iter().map(|(k, v)| (k.clone(), Value::string(v)))));
    let Some(target) = planned.get("rto_target_seconds").as_i64() else { return };
    if o.rto_budget_seconds <= target {
        return;
    }
    let terms: Vec<String> = o.breakdown.iter().map(|(k, v)| format!("{k} {v} s")).collect();
    let detail = format!(
        "rto_budget_seconds = {} exceeds rto_target_seconds = {target} ({}). Lower heartbeat_interval_seconds or \
         missed_heartbeats, or raise the target if this is the real bound.",
        o.rto_budget_seconds,
        terms.join(", ")
    );
    if c.get("enforce_objectives").as_bool() == Some(true) {
        d.attr_error(AttrPath::root("rto_target_seconds"), "Recovery time objective not met", detail);
    } else {
        d.attr_warning(AttrPath::root("rto_target_seconds"), "Recovery time objective not met", detail);
    }
}

fn region_object(w: &Want, i: usize) -> Value {
    let region = &w.regions[i];
    Value::object([
        ("region", Value::string(region)),
        ("state_machine_arn", Value::string(w.state_machine_arn(i))),
        ("role_arn", Value::string(w.role_arn(i, "sfn"))),
        ("peer_down_alarm_name", Value::string(peer_down_alarm(&w.id, region))),
        ("readiness_alarm_name", Value::string(not_ready_alarm(&w.id, region))),
        ("readiness_function_name", Value::string(readiness_function(&w.id, region))),
    ])
}

pub fn plan(req: PlanRequest<'_>, resp: &mut PlanResponse) {
    let config = req.config;
    validate(config, &mut resp.diags);
    let creating = req.prior.is_null();
    let mut planned = plan_start(&super::schema::schema(), req.prior, config, ARGUMENTS);
    for (attr, default) in defaults() {
        planned.set(attr, if config.get(attr).is_null() { default } else { config.get(attr).clone() });
    }
    planned.set(
        "readiness_package_sha256",
        match config.get("readiness_package_path").as_str().map(read_local_package) {
            Some(Ok(bytes)) => Value::string(code_sha256(&bytes)),
            _ => Value::Unknown,
        },
    );
    plan_objectives(config, &mut planned, &mut resp.diags);
    planned.set("drift", Value::List(vec![]));
    let Some((id, regions)) = plan_identity(&req, &mut planned, resp) else {
        resp.planned = planned;
        return;
    };
    let regions = [regions[0].as_str(), regions[1].as_str()];
    match desired(&id, regions, &planned) {
        Some(w) => {
            check_wants(&w, &mut resp.diags);
            for (i, role) in ROLES.iter().enumerate() {
                planned.set(role, region_object(&w, i));
            }
            planned.set("active_region_parameter_name", Value::string(&w.active_parameter));
        }
        None => {
            for attr in ["primary", "secondary", "active_region_parameter_name"] {
                planned.set(attr, Value::Unknown);
            }
        }
    }
    // Anything to do in AWS: the inventory may change.
    if creating || !resp.requires_replace.is_empty() || planned != *req.prior {
        planned.set("inventory", Value::Unknown);
    }
    resp.planned = planned;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::test_support::{error_paths, plan_with};

    /// An empty zip, written once per test process (tests run in parallel threads, and one
    /// writing the file while another reads it made the plan see a broken package).
    fn package() -> String {
        static PATH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        PATH.get_or_init(|| {
            let path =
                std::env::temp_dir().join(format!("drpair-orchestrator-plan-{}.zip", std::process::id()));
            std::fs::write(&path, b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0").unwrap();
            path.to_string_lossy().into_owned()
        })
        .clone()
    }

    fn config() -> Value {
        let mut c =
            Value::object(super::super::schema::schema().block.attrs.iter().map(|a| (a.name, Value::Null)));
        c.set("timeouts", Value::Null);
        c.set("name", Value::string("dr"));
        c.set("global_cluster_id", Value::string("orders-test-ab12"));
        c.set(
            "primary_cluster_arn",
            Value::string("arn:aws:rds:us-east-1:123456789012:cluster:orders-us-east-1"),
        );
        c.set(
            "secondary_cluster_arn",
            Value::string("arn:aws:rds:us-east-2:123456789012:cluster:orders-us-east-2"),
        );
        c.set("readiness_package_path", Value::string(package()));
        c
    }

    fn plan_of(prior: &Value, config: &Value) -> PlanResponse {
        plan_with(plan, prior, config)
    }

    fn applied(mut planned: Value) -> Value {
        planned.set("inventory", Value::List(vec![]));
        planned
    }

    #[test]
    fn plan_after_apply_is_empty_and_drift_plans_an_update() {
        let r = plan_of(&Value::Null, &config());
        assert!(!r.diags.has_errors(), "{:?}", error_paths(&r));
        assert_eq!(r.planned.get("id").as_str(), Some("dr-test-ab12"));
        assert_eq!(
            r.planned.get("secondary").get("state_machine_arn").as_str(),
            Some("arn:aws:states:us-east-2:123456789012:stateMachine:dr-test-ab12-us-east-2")
        );
        let state = applied(r.planned);
        assert_eq!(plan_of(&state, &config()).planned, state);
        let mut drifted = state.clone();
        drifted.set("drift", Value::strings(["us-east-2: rule dr-test-ab12-heartbeat: missing"]));
        let r = plan_of(&drifted, &config());
        assert!(r.requires_replace.is_empty());
        assert_eq!(r.planned.get("drift"), &Value::List(vec![]));
        assert!(r.planned.get("inventory").is_unknown());
    }

    #[test]
    fn objectives_warn_over_target_and_fail_when_enforced() {
        let mut c = config();
        c.set("dns_detection_seconds", Value::int(90));
        let r = plan_of(&Value::Null, &c);
        assert!(!r.diags.has_errors());
        assert_eq!(r.planned.get("rto_budget_seconds").as_i64(), Some(90));
        assert_eq!(r.diags.0.len(), 1, "one warning");
        c.set("enforce_objectives", Value::Bool(true));
        assert_eq!(error_paths(&plan_of(&Value::Null, &c)), ["rto_target_seconds"]);
        c.set("rto_target_seconds", Value::int(120));
        assert!(plan_of(&Value::Null, &c).diags.0.is_empty());
    }

    #[test]
    fn bad_input_names_the_attribute() {
        let mut c = config();
        c.set("heartbeat_interval_seconds", Value::int(15));
        c.set("missed_heartbeats", Value::int(0));
        c.set("secondary_cluster_arn", Value::string("arn:aws:rds:us-east-1:123456789012:cluster:x"));
        c.set("secondary_event_source_mapping_ids", Value::strings(["nope"]));
        c.set("session_table_consistency", Value::string("linearizable"));
        c.set("readiness_package_path", Value::string("/nonexistent/readiness.zip"));
        let paths = error_paths(&plan_of(&Value::Null, &c));
        for want in [
            "heartbeat_interval_seconds",
            "missed_heartbeats",
            "secondary_cluster_arn",
            "secondary_event_source_mapping_ids[0]",
            "session_table_consistency",
            "readiness_package_path",
        ] {
            assert!(paths.contains(&want.to_string()), "{want} missing from {paths:?}");
        }
    }

    #[test]
    fn clusters_must_sit_in_their_regions() {
        let mut c = config();
        c.set("primary_cluster_arn", Value::string("arn:aws:rds:us-east-2:123456789012:cluster:a"));
        c.set("secondary_cluster_arn", Value::string("arn:aws:rds:us-east-1:123456789012:cluster:b"));
        let r = plan_of(&Value::Null, &c);
        assert!(r.diags.has_errors());
        let paths = error_paths(&r);
        // The default objectives also warn (79 s over 60 s): see objectives_warn_over_target.
        assert_eq!(paths, ["rto_target_seconds", "primary_cluster_arn", "secondary_cluster_arn"]);
    }
}
