//! Import: the arguments rebuilt from what AWS holds. The state machines carry the clusters,
//! mappings, control metric, active-region parameter and failback settings; the peer-down
//! alarms the heartbeat settings; the rules the health alarms; the readiness function its
//! inputs, the package hash and (in its description) the package path.

use serde_json::Value as Json;

use super::calls;
use super::definition::COMMENT_PREFIX;
use super::model::{
    self, DEFAULT_PROMOTION_SECONDS, DEFAULT_RTO_TARGET_SECONDS, OBJECTIVE_SETTINGS, ROLES,
    default_active_parameter, objectives, peer_down_alarm, readiness_function, rule_name,
};
use super::rules::Trigger;
use crate::aws::AwsError;
use crate::provider::Configured;
use crate::tfplugin::value::Value;

fn s(v: &Json) -> Value {
    v.as_str().map_or(Value::Null, Value::string)
}

/// Fills `state`'s arguments; false when neither region has a state machine of `id`.
pub async fn reconstruct(
    p: &Configured,
    id: &str,
    regions: &[String; 2],
    state: &mut Value,
) -> Result<bool, AwsError> {
    let mut defs = Vec::new();
    for region in regions {
        let arn = calls::find_machine_arn(p, region, &model::state_machine_name(id, region)).await?;
        defs.push(match arn {
            Some(arn) => calls::find_machine(p, region, &arn).await?.map(|(d, _)| d),
            None => None,
        });
    }
    let (Some(primary), Some(secondary)) = (&defs[0], &defs[1]) else { return Ok(false) };
    let st = |d: &Json, name: &str| d["States"][name].clone();
    state.set(
        "global_cluster_id",
        s(&st(primary, "FailoverPromote")["Parameters"]["GlobalClusterIdentifier"]),
    );
    state.set("primary_cluster_arn", s(&st(primary, "Failover")["Parameters"]["arn"]));
    state.set("secondary_cluster_arn", s(&st(secondary, "Failover")["Parameters"]["arn"]));
    for (role, d) in ROLES.iter().zip([primary, secondary]) {
        let uuids: Vec<String> = st(d, "SyncLocalEnable")["Branches"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
            .filter_map(|(k, b)| {
                b["States"][format!("Mapping{k}")]["Parameters"]["Uuid"].as_str().map(str::to_string)
            })
            .collect();
        state.set(
            &format!("{role}_event_source_mapping_ids"),
            if uuids.is_empty() { Value::Null } else { Value::strings(uuids) },
        );
    }
    let control = [primary, secondary].iter().zip(regions).find_map(|(d, region)| {
        let force = st(d, "SyncLocalForce");
        force.is_object().then(|| (force, region.clone()))
    });
    state.set(
        "control_alarm",
        match control {
            None => Value::Null,
            Some((force, region)) => {
                let datum = &force["Parameters"]["MetricData"][0];
                let name = force["Comment"]
                    .as_str()
                    .and_then(|c| c.strip_prefix("control alarm "))
                    .filter(|n| !n.is_empty());
                Value::object([
                    ("name", Value::opt_string(name)),
                    ("region", Value::string(region)),
                    ("namespace", s(&force["Parameters"]["Namespace"])),
                    ("metric_name", s(&datum["MetricName"])),
                    (
                        "dimensions",
                        Value::object(datum["Dimensions"].as_array().into_iter().flatten().filter_map(|d| {
                            Some((d["Name"].as_str()?.to_string(), Value::string(d["Value"].as_str()?)))
                        })),
                    ),
                    ("threshold", datum["Value"].as_f64().map_or(Value::Null, |v| Value::int(v as i64))),
                ])
            }
        },
    );
    let active = st(primary, "SyncLocal")["Parameters"]["Name"].as_str().map(str::to_string);
    state.set(
        "active_region_parameter",
        Value::opt_string(active.filter(|a| *a != default_active_parameter(id))),
    );
    let recovered = st(secondary, "RecoveredHold");
    state.set("auto_failback", Value::Bool(recovered.is_object()));
    state.set(
        "failback_after_seconds",
        Value::int(recovered["Seconds"].as_i64().unwrap_or(model::DEFAULT_FAILBACK_AFTER_SECONDS)),
    );
    let alarms = calls::find_alarms(p, &regions[0], &[peer_down_alarm(id, &regions[0])]).await?;
    let alarm = alarms.values().next();
    state.set(
        "heartbeat_interval_seconds",
        Value::int(alarm.map_or(model::DEFAULT_HEARTBEAT_SECONDS, |a| a.period)),
    );
    state.set(
        "missed_heartbeats",
        Value::int(alarm.map_or(model::DEFAULT_MISSED_HEARTBEATS, |a| a.evaluation_periods)),
    );
    for (i, role) in ROLES.iter().enumerate() {
        let rules = calls::find_rules(p, &regions[i], &rule_name(id, "health-to-peer")).await?;
        let name = rules.values().find_map(|r| match &r.trigger {
            Some(Trigger::Pattern(p)) => p["detail"]["alarmName"][0].as_str().map(str::to_string),
            _ => None,
        });
        state.set(&format!("{role}_health_alarm_name"), Value::opt_string(name));
    }
    if let Some(f) = calls::find_function(p, &regions[0], &readiness_function(id, &regions[0])).await? {
        let env = |k: &str| f.environment.get(k).cloned();
        let names = env("FUNCTION_NAMES").map(|n| n.split(',').map(str::to_string).collect::<Vec<_>>());
        state.set("readiness_function_names", names.map_or(Value::Null, Value::strings));
        state.set("readiness_session_table", Value::opt_string(env("SESSION_TABLE")));
        state.set("readiness_parameter_path", Value::opt_string(env("PARAMETER_PATH")));
        state.set(
            "readiness_max_lag_ms",
            Value::int(
                env("MAX_LAG_MS").and_then(|v| v.parse().ok()).unwrap_or(model::DEFAULT_READINESS_MAX_LAG_MS),
            ),
        );
        state.set(
            "readiness_package_path",
            Value::opt_string(calls::package_from_description(&f.description)),
        );
        state.set("readiness_package_sha256", Value::string(f.code_sha256));
    }
    // The plan-time objective settings, from the comment the machines carry them in.
    state.set("rto_target_seconds", Value::int(DEFAULT_RTO_TARGET_SECONDS));
    state.set("enforce_objectives", Value::Bool(false));
    state.set("database_promotion_seconds", Value::int(DEFAULT_PROMOTION_SECONDS));
    let settings = primary["Comment"].as_str().and_then(|c| c.strip_prefix(COMMENT_PREFIX));
    let settings: Json = settings.and_then(|s| serde_json::from_str(s).ok()).unwrap_or(Json::Null);
    for attr in OBJECTIVE_SETTINGS {
        match &settings[attr] {
            Json::Bool(b) => state.set(attr, Value::Bool(*b)),
            Json::String(v) => state.set(attr, Value::string(v)),
            Json::Number(n) => state.set(attr, n.as_i64().map_or(Value::Null, Value::int)),
            _ => {}
        }
    }
    if let Some(o) = objectives(state) {
        state.set("rto_budget_seconds", Value::int(o.rto_budget_seconds));
        state.set(
            "rto_breakdown",
            Value::object(o.breakdown.iter().map(|(k, v)| (k.clone(), Value::int(*v)))),
        );
        state.set(
            "rpo_bounds",
            Value::object(o.rpo_bounds.iter().map(|(k, v)| (k.clone(), Value::string(v)))),
        );
    }
    let active_name = state.get("active_region_parameter").as_str().map(str::to_string);
    state.set(
        "active_region_parameter_name",
        Value::string(active_name.unwrap_or_else(|| default_active_parameter(id))),
    );
    state.set("timeouts", Value::Null);
    Ok(true)
}
