//! What the orchestrator is made of in each region, derived from the configuration alone
//! (pure): names, the per-region wants the state machine and rules are built from, and the
//! recovery objectives computed at plan time.

use std::collections::BTreeMap;

use crate::resources::common::arn::partition_and_account;
use crate::tfplugin::value::Value;

pub const RESOURCE_TYPE: &str = "drpair_failover_orchestrator";
pub const ROLES: [&str; 2] = ["primary", "secondary"];

pub const DEFAULT_HEARTBEAT_SECONDS: i64 = 10;
pub const DEFAULT_MISSED_HEARTBEATS: i64 = 2;
pub const DEFAULT_FAILBACK_AFTER_SECONDS: i64 = 300;
pub const DEFAULT_RTO_TARGET_SECONDS: i64 = 60;
/// Aurora's managed cross-region failover usually completes within a minute; half of that is
/// the figure measured most often. Users should measure theirs (the drill) and set it.
pub const DEFAULT_PROMOTION_SECONDS: i64 = 30;
pub const DEFAULT_READINESS_MAX_LAG_MS: i64 = 1000;
/// EventBridge delivers a rule's match to Step Functions within about a second; two is the
/// budget we plan with.
pub const TRIGGER_SECONDS: i64 = 2;
/// The state machine's own steps besides the promotion (lock, reads, parameter, mappings,
/// metric, event), a few hundred milliseconds each.
pub const ORCHESTRATION_SECONDS: i64 = 5;
/// Heartbeat intervals CloudWatch can alarm on (10 and 30 s are high-resolution periods, 60 s
/// standard) and that divide the one-minute schedule that starts each heartbeat run.
pub const HEARTBEAT_INTERVALS: [i64; 3] = [10, 30, 60];

pub const FAILOVER_NAMESPACE: &str = "drpair/Failover";
pub const HEARTBEAT_METRIC: &str = "PeerHeartbeat";
pub const READINESS_NAMESPACE: &str = "drpair/Readiness";
pub const READINESS_METRIC: &str = "Ready";
pub const EVENT_SOURCE: &str = "drpair.orchestrator";
pub const HEARTBEAT_EVENT: &str = "drpair heartbeat";
pub const ACTIVATED_EVENT: &str = "drpair region activated";
pub const ALARM_EVENT: &str = "CloudWatch Alarm State Change";
pub const ROLE_POLICY: &str = "drpair";

pub fn state_machine_name(id: &str, region: &str) -> String {
    format!("{id}-{region}")
}
pub fn peer_down_alarm(id: &str, region: &str) -> String {
    format!("{id}-{region}-peer-down")
}
pub fn not_ready_alarm(id: &str, region: &str) -> String {
    format!("{id}-{region}-not-ready")
}
pub fn readiness_function(id: &str, region: &str) -> String {
    format!("{id}-{region}-readiness")
}
/// Roles are global: the region keeps each region's roles apart.
pub fn role_name(id: &str, region: &str, what: &str) -> String {
    format!("{id}-{region}-{what}")
}
pub const ROLE_KINDS: [&str; 3] = ["sfn", "events", "readiness"];
pub fn lock_parameter(id: &str) -> String {
    format!("/{id}/lock")
}
pub fn default_active_parameter(id: &str) -> String {
    format!("/{id}/active_region")
}
pub fn readiness_report_parameter(id: &str) -> String {
    format!("/{id}/readiness")
}
/// Rules live on each region's default bus, where CloudWatch puts alarm state changes.
pub fn rule_name(id: &str, what: &str) -> String {
    format!("{id}-{what}")
}
/// Every rule this resource may own, so refresh and delete know what to look for.
pub const RULE_KINDS: [&str; 8] = [
    "peer-down",
    "peer-recovered",
    "peer-unhealthy",
    "heartbeat",
    "to-peer",
    "health-to-peer",
    "from-peer-heartbeat",
    "from-peer-activated",
];
pub const READINESS_RULE: &str = "readiness";

/// What the orchestrator publishes to move traffic (drpair_dns_failover's `control_alarm`).
#[derive(Clone, Debug, PartialEq)]
pub struct Control {
    pub name: Option<String>,
    pub region: String,
    pub namespace: String,
    pub metric_name: String,
    pub dimensions: BTreeMap<String, String>,
    pub threshold: f64,
}

/// The configuration of the pair, regions resolved; everything the AWS side is built from.
#[derive(Clone, Debug, PartialEq)]
pub struct Want {
    pub id: String,
    pub regions: [String; 2],
    pub partition: String,
    pub account: String,
    pub global_cluster_id: String,
    pub cluster_arns: [String; 2],
    pub mappings: [Vec<String>; 2],
    pub health_alarms: [Option<String>; 2],
    pub control: Option<Control>,
    pub active_parameter: String,
    /// The active-region parameter is ours (the default name) rather than drpair_parameters'.
    pub owns_active_parameter: bool,
    pub heartbeat_seconds: i64,
    pub missed_heartbeats: i64,
    pub auto_failback: bool,
    pub failback_after_seconds: i64,
    pub readiness_function_names: Vec<String>,
    pub readiness_session_table: Option<String>,
    pub readiness_parameter_path: Option<String>,
    pub readiness_max_lag_ms: i64,
    /// The plan-time objective settings. AWS has no place for them, so the state machine's
    /// comment carries them, and import reads them back from there.
    pub objective_settings: serde_json::Value,
}

/// Arguments that only feed `rto_budget_seconds` and `rpo_bounds`.
pub const OBJECTIVE_SETTINGS: [&str; 6] = [
    "rto_target_seconds",
    "enforce_objectives",
    "database_promotion_seconds",
    "dns_detection_seconds",
    "database_max_rpo_seconds",
    "session_table_consistency",
];

fn objective_settings(c: &Value) -> Option<serde_json::Value> {
    let mut o = serde_json::Map::new();
    for attr in OBJECTIVE_SETTINGS {
        let v = match c.get(attr) {
            Value::Null => continue,
            Value::Bool(b) => serde_json::json!(b),
            Value::String(s) => serde_json::json!(s),
            v => serde_json::json!(v.as_i64()?),
        };
        o.insert(attr.to_string(), v);
    }
    Some(serde_json::Value::Object(o))
}

impl Want {
    pub fn peer(&self, i: usize) -> &str {
        &self.regions[1 - i]
    }
    pub fn state_machine_arn(&self, i: usize) -> String {
        let name = state_machine_name(&self.id, &self.regions[i]);
        format!("arn:{}:states:{}:{}:stateMachine:{name}", self.partition, self.regions[i], self.account)
    }
    pub fn default_bus_arn(&self, i: usize) -> String {
        format!("arn:{}:events:{}:{}:event-bus/default", self.partition, self.regions[i], self.account)
    }
    pub fn role_arn(&self, i: usize, what: &str) -> String {
        format!(
            "arn:{}:iam::{}:role/{}",
            self.partition,
            self.account,
            role_name(&self.id, &self.regions[i], what)
        )
    }
    pub fn alarm_arn(&self, i: usize, name: &str) -> String {
        format!("arn:{}:cloudwatch:{}:{}:alarm:{name}", self.partition, self.regions[i], self.account)
    }
    pub fn parameter_arn(&self, i: usize, name: &str) -> String {
        format!("arn:{}:ssm:{}:{}:parameter{name}", self.partition, self.regions[i], self.account)
    }
    pub fn mapping_arn(&self, i: usize, uuid: &str) -> String {
        format!(
            "arn:{}:lambda:{}:{}:event-source-mapping:{uuid}",
            self.partition, self.regions[i], self.account
        )
    }
    pub fn global_cluster_arn(&self) -> String {
        format!("arn:{}:rds::{}:global-cluster:{}", self.partition, self.account, self.global_cluster_id)
    }
    /// How many heartbeat events one scheduled run puts (it runs every minute).
    pub fn beats_per_run(&self) -> i64 {
        (60 / self.heartbeat_seconds).max(1)
    }
    /// The readiness function's environment in region `i` (see lambda/readiness.py).
    pub fn readiness_environment(&self, i: usize) -> BTreeMap<String, String> {
        let mut env = BTreeMap::from([
            ("PAIR_NAME".to_string(), self.id.clone()),
            ("PEER_REGION".to_string(), self.peer(i).to_string()),
            ("GLOBAL_CLUSTER_ID".to_string(), self.global_cluster_id.clone()),
            ("REPORT_PARAMETER".to_string(), readiness_report_parameter(&self.id)),
            ("MAX_LAG_MS".to_string(), self.readiness_max_lag_ms.to_string()),
        ]);
        if !self.readiness_function_names.is_empty() {
            env.insert("FUNCTION_NAMES".into(), self.readiness_function_names.join(","));
        }
        if let Some(t) = &self.readiness_session_table {
            env.insert("SESSION_TABLE".into(), t.clone());
        }
        if let Some(p) = &self.readiness_parameter_path {
            env.insert("PARAMETER_PATH".into(), p.clone());
        }
        env
    }
}

fn int_or(c: &Value, attr: &str, default: i64) -> Option<i64> {
    match c.get(attr) {
        Value::Null => Some(default),
        v => v.as_i64(),
    }
}

fn strings_or_empty(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::Null => Some(Vec::new()),
        v => Some(v.as_list()?.iter().filter_map(|s| s.as_str().map(str::to_string)).collect())
            .filter(|_| !v.contains_unknown()),
    }
}

fn opt_string(v: &Value) -> Option<Option<String>> {
    match v {
        Value::Null => Some(None),
        Value::String(s) => Some(Some(s.clone())),
        _ => None,
    }
}

fn control(v: &Value) -> Option<Option<Control>> {
    if v.is_null() {
        return Some(None);
    }
    if v.contains_unknown() {
        return None;
    }
    let dimensions = v
        .get("dimensions")
        .as_map()
        .map(|m| m.iter().filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string()))).collect())
        .unwrap_or_default();
    Some(Some(Control {
        name: v.get("name").as_str().map(str::to_string),
        region: v.get("region").as_str()?.to_string(),
        namespace: v.get("namespace").as_str()?.to_string(),
        metric_name: v.get("metric_name").as_str()?.to_string(),
        dimensions,
        threshold: match v.get("threshold") {
            Value::Number(n) => n.as_f64().unwrap_or(1.0),
            _ => 1.0,
        },
    }))
}

/// The wants for `id` in `regions`; None while an input is unknown (it comes from another
/// resource) or malformed (validation reports that).
pub fn desired(id: &str, regions: [&str; 2], c: &Value) -> Option<Want> {
    let primary_arn = c.get("primary_cluster_arn").as_str()?;
    let secondary_arn = c.get("secondary_cluster_arn").as_str()?;
    let (partition, account) = partition_and_account(primary_arn)?;
    let (partition, account) = (partition.to_string(), account.to_string());
    let active = opt_string(c.get("active_region_parameter"))?;
    Some(Want {
        id: id.to_string(),
        regions: [regions[0].to_string(), regions[1].to_string()],
        partition,
        account,
        global_cluster_id: c.get("global_cluster_id").as_str()?.to_string(),
        cluster_arns: [primary_arn.to_string(), secondary_arn.to_string()],
        mappings: [
            strings_or_empty(c.get("primary_event_source_mapping_ids"))?,
            strings_or_empty(c.get("secondary_event_source_mapping_ids"))?,
        ],
        health_alarms: [
            opt_string(c.get("primary_health_alarm_name"))?,
            opt_string(c.get("secondary_health_alarm_name"))?,
        ],
        control: control(c.get("control_alarm"))?,
        owns_active_parameter: active.is_none(),
        active_parameter: active.unwrap_or_else(|| default_active_parameter(id)),
        heartbeat_seconds: int_or(c, "heartbeat_interval_seconds", DEFAULT_HEARTBEAT_SECONDS)?,
        missed_heartbeats: int_or(c, "missed_heartbeats", DEFAULT_MISSED_HEARTBEATS)?,
        auto_failback: match c.get("auto_failback") {
            Value::Null => true,
            v => v.as_bool()?,
        },
        failback_after_seconds: int_or(c, "failback_after_seconds", DEFAULT_FAILBACK_AFTER_SECONDS)?,
        readiness_function_names: strings_or_empty(c.get("readiness_function_names"))?,
        readiness_session_table: opt_string(c.get("readiness_session_table"))?,
        readiness_parameter_path: opt_string(c.get("readiness_parameter_path"))?,
        readiness_max_lag_ms: int_or(c, "readiness_max_lag_ms", DEFAULT_READINESS_MAX_LAG_MS)?,
        objective_settings: objective_settings(c)?,
    })
}

/// The recovery objectives of a configuration: the worst case from a regional failure to
/// writes accepted in the other region, term by term, and each data store's loss bound.
#[derive(Clone, Debug, PartialEq)]
pub struct Objectives {
    pub breakdown: BTreeMap<String, i64>,
    pub rto_budget_seconds: i64,
    pub rpo_bounds: BTreeMap<String, String>,
}

/// Computed from the configuration alone; None while a term is unknown.
pub fn objectives(c: &Value) -> Option<Objectives> {
    let interval = int_or(c, "heartbeat_interval_seconds", DEFAULT_HEARTBEAT_SECONDS)?;
    let missed = int_or(c, "missed_heartbeats", DEFAULT_MISSED_HEARTBEATS)?;
    let promotion = int_or(c, "database_promotion_seconds", DEFAULT_PROMOTION_SECONDS)?;
    // The failure may come just after a beat: that interval, then `missed` silent ones.
    let detection = interval * (missed + 1);
    // Then one more interval (and the margin of definition::confirm_seconds) to confirm.
    let confirmation = interval + 2;
    let mut breakdown = BTreeMap::from([
        ("detection".to_string(), detection),
        ("confirmation".to_string(), confirmation),
        ("trigger".to_string(), TRIGGER_SECONDS),
        ("promotion".to_string(), promotion),
        ("orchestration".to_string(), ORCHESTRATION_SECONDS),
    ]);
    let writes = detection + confirmation + TRIGGER_SECONDS + promotion + ORCHESTRATION_SECONDS;
    // Route 53 moves read traffic on its own health checks, in parallel with the orchestrator.
    let dns = match c.get("dns_detection_seconds") {
        Value::Null => None,
        v => Some(v.as_i64()?),
    };
    if let Some(dns) = dns {
        breakdown.insert("dns".to_string(), dns);
    }
    let rto_budget_seconds = writes.max(dns.unwrap_or(0));

    let mut rpo_bounds = BTreeMap::new();
    let aurora = match c.get("database_max_rpo_seconds") {
        Value::Null => "unplanned failover: the replication lag at the failure (unbounded; \
                        set rds.global_db_rpo to bound it); planned switchover: 0"
            .to_string(),
        v => format!(
            "unplanned failover: at most {} s (rds.global_db_rpo); planned switchover: 0",
            v.as_i64()?
        ),
    };
    rpo_bounds.insert("aurora".to_string(), aurora);
    match c.get("session_table_consistency").as_str() {
        Some("strong") => {
            rpo_bounds.insert("dynamodb".into(), "0 (multi-Region strong consistency)".into());
        }
        Some(_) => {
            rpo_bounds.insert(
                "dynamodb".into(),
                "writes not yet replicated at the failure (typically under a second; not bounded)".into(),
            );
        }
        None if c.get("session_table_consistency").is_unknown() => return None,
        None => {}
    }
    rpo_bounds.insert(
        "sqs".into(),
        "none lost: messages in a failed region's queue wait there (retention) until it recovers".into(),
    );
    Some(Objectives { breakdown, rto_budget_seconds, rpo_bounds })
}

/// The arguments every orchestrator unit test starts from: a global cluster and its members.
#[cfg(test)]
pub fn test_config() -> Value {
    Value::object([
        ("global_cluster_id", Value::string("orders-test-ab12")),
        ("primary_cluster_arn", Value::string("arn:aws:rds:us-east-1:123456789012:cluster:a")),
        ("secondary_cluster_arn", Value::string("arn:aws:rds:us-east-2:123456789012:cluster:b")),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Value {
        let mut c = test_config();
        c.set("primary_event_source_mapping_ids", Value::strings(["u1"]));
        c
    }

    #[test]
    fn names_and_arns_come_from_the_id_and_the_cluster_arns() {
        let w = desired("dr-test-ab12", ["us-east-1", "us-east-2"], &config()).unwrap();
        assert_eq!(w.account, "123456789012");
        assert_eq!(
            w.state_machine_arn(1),
            "arn:aws:states:us-east-2:123456789012:stateMachine:dr-test-ab12-us-east-2"
        );
        assert_eq!(w.mapping_arn(0, "u1"), "arn:aws:lambda:us-east-1:123456789012:event-source-mapping:u1");
        assert_eq!(w.active_parameter, "/dr-test-ab12/active_region");
        assert!(w.owns_active_parameter);
        assert_eq!(w.mappings[1], Vec::<String>::new());
        assert_eq!(w.beats_per_run(), 6);
        assert_eq!(w.readiness_environment(1)["PEER_REGION"], "us-east-1");
    }

    #[test]
    fn unknown_inputs_leave_the_want_unknown() {
        let mut c = config();
        c.set("secondary_event_source_mapping_ids", Value::List(vec![Value::Unknown]));
        assert!(desired("x", ["us-east-1", "us-east-2"], &c).is_none());
    }

    #[test]
    fn objectives_add_up_and_name_each_store() {
        let mut c = config();
        c.set("database_max_rpo_seconds", Value::int(20));
        c.set("session_table_consistency", Value::string("strong"));
        c.set("dns_detection_seconds", Value::int(90));
        let o = objectives(&c).unwrap();
        // 10 s x (2 missed + 1) + 12 + 2 + 30 + 5 = 79 for writes; DNS 90 dominates.
        assert_eq!(o.breakdown["detection"], 30);
        assert_eq!(o.rto_budget_seconds, 90);
        assert!(o.rpo_bounds["aurora"].contains("at most 20 s"));
        assert_eq!(o.rpo_bounds["dynamodb"], "0 (multi-Region strong consistency)");
        c.set("dns_detection_seconds", Value::Null);
        assert_eq!(objectives(&c).unwrap().rto_budget_seconds, 79);
    }
}
