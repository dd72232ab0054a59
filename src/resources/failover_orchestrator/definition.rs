//! The state machine of one region, as Amazon States Language (pure).
//!
//! Each region runs its own copy, built for that region: every call it makes is a call into
//! its own region (the global cluster's failover and switchover can be driven from any member
//! region), so the survivor never needs the failed region's control plane. The peer learns
//! what happened through EventBridge (`drpair region activated`, forwarded cross-region and
//! retried by EventBridge until the peer is back).
//!
//! Input `{"action": ...}` picks the path: `failover` (unplanned, AllowDataLoss), `switchover`
//! with `target_region` (planned, RPO 0, gated on readiness and peer health), `recovered`
//! (automatic failback after the home region has been healthy for a while), `sync` (local
//! state after an activation), `heartbeat` and `record_heartbeat`.
//!
//! One lock per region (an SSM parameter created with Overwrite=false) makes concurrent
//! failovers and switchovers exclusive; and each checks the global cluster's writer first,
//! so a second trigger after the first finished does nothing.

use serde_json::{Map, Value as Json, json};

use super::model::{
    ACTIVATED_EVENT, EVENT_SOURCE, FAILOVER_NAMESPACE, HEARTBEAT_EVENT, HEARTBEAT_METRIC, Want,
    lock_parameter, not_ready_alarm, peer_down_alarm,
};

/// The definition's comment: this, then the objective settings as JSON (see import).
pub const COMMENT_PREFIX: &str = "drpair failover orchestrator; objectives ";

/// How often the state machine re-reads the global cluster while a promotion completes.
const PROMOTION_POLL_SECONDS: i64 = 2;
/// Bounds one execution: a promotion that takes longer fails the execution (lock released).
const EXECUTION_TIMEOUT_SECONDS: i64 = 1800;

/// How long a heartbeat-triggered failover waits to confirm the peer is still silent.
pub fn confirm_seconds(w: &Want) -> i64 {
    w.heartbeat_seconds + CONFIRM_MARGIN_SECONDS
}

/// Time for a heartbeat to travel (EventBridge, the peer's state machine, PutMetricData).
const CONFIRM_MARGIN_SECONDS: i64 = 2;

/// Builds the definition for region `i` of `w`.
pub fn definition(w: &Want, i: usize) -> Json {
    let mut b = Builder { w, i, states: Map::new() };
    b.router();
    b.failover();
    b.switchover();
    b.recovered();
    b.sync_action();
    b.heartbeat();
    b.record_heartbeat();
    json!({
        "Comment": format!("{COMMENT_PREFIX}{}", w.objective_settings),
        "StartAt": "Route",
        "TimeoutSeconds": EXECUTION_TIMEOUT_SECONDS,
        "States": Json::Object(b.states),
    })
}

struct Builder<'a> {
    w: &'a Want,
    i: usize,
    states: Map<String, Json>,
}

/// A task retried on failure (throttling, a 5xx, a region briefly slow): a heartbeat lost to
/// one throttled call could otherwise make the other region declare this one down, and a
/// failover that fails is not triggered again (its alarm stays in ALARM).
fn task(resource: &str, parameters: Json) -> Json {
    with(
        task_once(resource, parameters),
        json!({"Retry": [{"ErrorEquals": ["States.TaskFailed"], "IntervalSeconds": 1, "MaxAttempts": 3, "BackoffRate": 2.0}]}),
    )
}

/// A task whose failure is an answer (the lock's "already exists").
fn task_once(resource: &str, parameters: Json) -> Json {
    json!({"Type": "Task", "Resource": resource, "Parameters": parameters})
}

fn sdk(service_action: &str) -> String {
    format!("arn:aws:states:::aws-sdk:{service_action}")
}

/// `state` with `Next` (or `End`) and the given extra fields merged in.
fn then(mut state: Json, next: Option<&str>) -> Json {
    let o = state.as_object_mut().expect("states are objects");
    match next {
        Some(n) => o.insert("Next".into(), json!(n)),
        None => o.insert("End".into(), json!(true)),
    };
    state
}

fn with(mut state: Json, extra: Json) -> Json {
    let o = state.as_object_mut().expect("states are objects");
    for (k, v) in extra.as_object().expect("extra fields are an object") {
        o.insert(k.clone(), v.clone());
    }
    state
}

fn result(value: Json) -> Json {
    json!({"Type": "Pass", "Result": value, "End": true})
}

/// Catches everything into `$.error` and goes to `next` (which releases the lock).
fn catch_all(next: &str) -> Json {
    json!({"Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": next}]})
}

impl Builder<'_> {
    fn region(&self) -> &str {
        &self.w.regions[self.i]
    }
    fn add(&mut self, name: &str, state: Json) {
        self.states.insert(name.to_string(), state);
    }

    fn router(&mut self) {
        let choices: Vec<Json> = [
            ("failover", "Failover"),
            ("switchover", "Switchover"),
            ("recovered", "Recovered"),
            ("sync", "Sync"),
            ("heartbeat", "Heartbeat"),
            ("record_heartbeat", "RecordHeartbeat"),
        ]
        .iter()
        .map(|(action, next)| {
            json!({"And": [{"Variable": "$.action", "IsPresent": true},
                           {"Variable": "$.action", "StringEquals": action}], "Next": next})
        })
        .collect();
        self.add("Route", json!({"Type": "Choice", "Choices": choices, "Default": "UnknownAction"}));
        self.add(
            "UnknownAction",
            json!({"Type": "Fail", "Error": "drpair.UnknownAction",
                   "Cause": "action must be failover, switchover, recovered, sync, heartbeat or record_heartbeat"}),
        );
    }

    /// Lock, then `next`; a held lock ends the execution as `busy`.
    fn lock(&mut self, prefix: &str, next: &str) {
        let busy = format!("{prefix}Busy");
        self.add(
            &format!("{prefix}Lock"),
            with(
                then(
                    task_once(
                        &sdk("ssm:putParameter"),
                        json!({"Name": lock_parameter(&self.w.id), "Value.$": "$$.Execution.Id",
                               "Type": "String", "Overwrite": false}),
                    ),
                    Some(next),
                ),
                json!({"ResultPath": null, "Catch": [{"ErrorEquals": ["Ssm.ParameterAlreadyExistsException"],
                        "ResultPath": "$.error", "Next": busy}]}),
            ),
        );
        self.add(&busy, result(json!({"result": "busy", "region": self.region()})));
    }

    /// Releases the lock then ends with `outcome` (a Pass result, or a Fail when `fail`).
    fn unlock(&mut self, name: &str, then_state: Json) {
        let end = format!("{name}End");
        self.add(
            name,
            with(
                then(
                    task(&sdk("ssm:deleteParameter"), json!({"Name": lock_parameter(&self.w.id)})),
                    Some(&end),
                ),
                json!({"ResultPath": null, "Catch": [{"ErrorEquals": ["States.ALL"],
                        "ResultPath": null, "Next": end}]}),
            ),
        );
        self.add(&end, then_state);
    }

    /// Reads the global cluster's writer(s) into `$.db.writers`. Step Functions names the
    /// AWS SDK's fields as the Java SDK does (`DbClusterArn`, not the API's `DBClusterArn`).
    fn read_writers(&mut self, name: &str, next: &str, on_error: &str) {
        self.add(
            name,
            with(
                then(
                    task(
                        &sdk("rds:describeGlobalClusters"),
                        json!({"GlobalClusterIdentifier": self.w.global_cluster_id}),
                    ),
                    Some(next),
                ),
                with(
                    json!({"ResultSelector": {"writers.$":
                            "$.GlobalClusters[0].GlobalClusterMembers[?(@.IsWriter == true)].DbClusterArn"},
                           "ResultPath": "$.db"}),
                    catch_all(on_error),
                ),
            ),
        );
    }

    /// Goes to `yes` when `$.db.writers` holds the ARN at `arn_path`, else `no`.
    fn writer_is(&mut self, name: &str, arn_path: &str, yes: &str, no: &str) {
        let check = format!("{name}Check");
        self.add(
            name,
            json!({"Type": "Pass",
                   "Parameters": {"is.$": format!("States.ArrayContains($.db.writers, {arn_path})")},
                   "ResultPath": "$.writer", "Next": check}),
        );
        self.add(
            &check,
            json!({"Type": "Choice",
                   "Choices": [{"Variable": "$.writer.is", "BooleanEquals": true, "Next": yes}],
                   "Default": no}),
        );
    }

    /// Polls the writer until it is the cluster at `arn_path`, then `next`. A read that fails
    /// (mid-promotion no member may be the writer yet) is polled again; the execution's
    /// timeout bounds the wait.
    fn await_writer(&mut self, prefix: &str, arn_path: &str, next: &str) {
        let (wait, read, check) =
            (format!("{prefix}Wait"), format!("{prefix}Read"), format!("{prefix}IsWriter"));
        self.add(&wait, json!({"Type": "Wait", "Seconds": PROMOTION_POLL_SECONDS, "Next": read}));
        self.read_writers(&read, &check, &wait);
        self.writer_is(&check, arn_path, next, &wait);
    }

    /// `{"n": <how many of [alarm] are in state>}` at `result_path`, then `next`.
    fn count_alarms(&mut self, name: &str, alarm: &str, state: &str, result_path: &str, next: &str) {
        self.add(
            name,
            with(
                then(
                    task(&sdk("cloudwatch:describeAlarms"), json!({"AlarmNames": [alarm], "StateValue": state})),
                    Some(next),
                ),
                json!({"ResultSelector": {"n.$": "States.ArrayLength($.MetricAlarms)"}, "ResultPath": result_path}),
            ),
        );
    }

    /// The unplanned path: promote this region's cluster with AllowDataLoss.
    fn failover(&mut self) {
        let own = self.w.cluster_arns[self.i].clone();
        self.add(
            "Failover",
            json!({"Type": "Pass", "Parameters": {"arn": own}, "ResultPath": "$.target", "Next": "FailoverTrigger"}),
        );
        self.confirm_peer_down();
        self.lock("Failover", "FailoverRead");
        self.read_writers("FailoverRead", "FailoverIsWriter", "FailoverAbort");
        self.writer_is("FailoverIsWriter", "$.target.arn", "FailoverAlready", "FailoverPromote");
        self.unlock(
            "FailoverAlready",
            result(json!({"result": "already_active", "active_region": self.region()})),
        );
        self.add(
            "FailoverPromote",
            with(
                then(
                    task(
                        &sdk("rds:failoverGlobalCluster"),
                        json!({"GlobalClusterIdentifier": self.w.global_cluster_id,
                               "TargetDbClusterIdentifier.$": "$.target.arn", "AllowDataLoss": true}),
                    ),
                    Some("FailoverPromotingWait"),
                ),
                with(json!({"ResultPath": null}), catch_all("FailoverAbort")),
            ),
        );
        self.await_writer("FailoverPromoting", "$.target.arn", "FailoverActivate");
        let region = self.region().to_string();
        self.activate("Failover", &region, "failover", "FailoverDone", "FailoverAbort");
        self.unlock("FailoverDone", result(json!({"result": "promoted", "active_region": region})));
        self.unlock(
            "FailoverAbort",
            json!({"Type": "Fail", "Error": "drpair.FailoverFailed",
                   "Cause": "the failover stopped; the execution history says where (lock released)"}),
        );
    }

    /// A failover started by lost heartbeats is confirmed first: after one more heartbeat
    /// interval the peer-down alarm must still be in ALARM. A region coming back from its own
    /// outage sees the same OK -> ALARM change (no heartbeats reached it while it was down)
    /// and must not take the writer back; the peer's heartbeats, arriving again, return the
    /// alarm to OK within that interval. Started by hand or by the peer's own health alarm,
    /// a failover goes ahead at once.
    fn confirm_peer_down(&mut self) {
        let peer_down = peer_down_alarm(&self.w.id, self.region());
        self.add(
            "FailoverTrigger",
            json!({"Type": "Choice", "Choices": [
                {"And": [{"Variable": "$.trigger", "IsPresent": true},
                         {"Variable": "$.trigger", "StringEquals": "peer-heartbeat-lost"}], "Next": "FailoverConfirmWait"}],
                "Default": "FailoverLock"}),
        );
        self.add(
            "FailoverConfirmWait",
            json!({"Type": "Wait", "Seconds": confirm_seconds(self.w), "Next": "FailoverConfirm"}),
        );
        self.count_alarms("FailoverConfirm", &peer_down, "ALARM", "$.confirm", "FailoverConfirmed");
        self.add(
            "FailoverConfirmed",
            json!({"Type": "Choice",
                   "Choices": [{"Variable": "$.confirm.n", "NumericGreaterThan": 0, "Next": "FailoverLock"}],
                   "Default": "FailoverPeerAlive"}),
        );
        self.add("FailoverPeerAlive", result(json!({"result": "peer_alive", "region": self.region()})));
    }

    /// After a promotion: this region's local state (`sync`), then the announcement the peer
    /// syncs from. `active` is a region name, or a JSONPath when it starts with `$`.
    fn activate(&mut self, prefix: &str, active: &str, mode: &str, next: &str, on_error: &str) {
        let set = format!("{prefix}Activate");
        let announce = format!("{prefix}Announce");
        let active_field = if active.starts_with('$') {
            json!({"active_region.$": active, "mode": mode})
        } else {
            json!({"active_region": active, "mode": mode})
        };
        let sync_start = format!("{prefix}Sync");
        self.add(
            &set,
            json!({"Type": "Pass", "Parameters": active_field, "ResultPath": "$.sync", "Next": sync_start}),
        );
        self.sync_states(&sync_start, &announce, on_error);
        self.add(
            &announce,
            with(
                then(
                    task(
                        "arn:aws:states:::events:putEvents",
                        json!({"Entries": [{
                            "Source": EVENT_SOURCE,
                            "DetailType": ACTIVATED_EVENT,
                            "EventBusName": "default",
                            "Detail": {"pair": self.w.id, "from": self.region(),
                                       "active_region.$": "$.sync.active_region", "mode.$": "$.sync.mode",
                                       "execution.$": "$$.Execution.Id"}}]}),
                    ),
                    Some(next),
                ),
                with(json!({"ResultPath": null}), catch_all(on_error)),
            ),
        );
    }

    /// This region's own state for `$.sync` {active_region, mode}: the active-region
    /// parameter, its event source mappings, and (where the control alarm lives) the metric
    /// that moves traffic.
    fn sync_states(&mut self, start: &str, next: &str, on_error: &str) {
        let region = self.region().to_string();
        let (esm_enable, esm_fence, esm_done) =
            (format!("{start}Enable"), format!("{start}Fence"), format!("{start}MappingsDone"));
        let esm_choice = format!("{start}Mappings");
        self.add(
            start,
            with(
                then(
                    task(
                        &sdk("ssm:putParameter"),
                        json!({"Name": self.w.active_parameter, "Value.$": "$.sync.active_region",
                               "Type": "String", "Overwrite": true}),
                    ),
                    Some(&esm_choice),
                ),
                with(json!({"ResultPath": null}), catch_all(on_error)),
            ),
        );
        self.add(
            &esm_choice,
            json!({"Type": "Choice", "Choices": [
                {"Variable": "$.sync.active_region", "StringEquals": region, "Next": esm_enable},
                {"Variable": "$.sync.mode", "StringEquals": "failover", "Next": esm_fence}],
                "Default": esm_done}),
        );
        let mappings = self.w.mappings[self.i].clone();
        for (name, enabled) in [(&esm_enable, true), (&esm_fence, false)] {
            let branches: Vec<Json> = mappings
                .iter()
                .enumerate()
                .map(|(k, uuid)| {
                    let s = format!("Mapping{k}");
                    json!({"StartAt": s, "States": {s: with(then(task(&sdk("lambda:updateEventSourceMapping"),
                        json!({"Uuid": uuid, "Enabled": enabled})), None), json!({"ResultPath": null}))}})
                })
                .collect();
            if branches.is_empty() {
                self.add(name, json!({"Type": "Pass", "Next": esm_done}));
            } else {
                self.add(
                    name,
                    with(
                        json!({"Type": "Parallel", "Branches": branches, "ResultPath": null, "Next": esm_done}),
                        catch_all(on_error),
                    ),
                );
            }
        }
        match self.w.control.clone().filter(|c| c.region == region) {
            None => {
                self.add(&esm_done, json!({"Type": "Pass", "Next": next}));
            }
            Some(c) => {
                let dims: Vec<Json> =
                    c.dimensions.iter().map(|(k, v)| json!({"Name": k, "Value": v})).collect();
                let (force, release) = (format!("{start}Force"), format!("{start}Release"));
                // Traffic to the secondary: force; back home: release the force.
                self.add(
                    &esm_done,
                    json!({"Type": "Choice", "Choices": [
                        {"Variable": "$.sync.active_region", "StringEquals": self.w.regions[1], "Next": force}],
                        "Default": release}),
                );
                // The alarm's name is kept in a comment so that import can give it back.
                let comment = format!("control alarm {}", c.name.as_deref().unwrap_or(""));
                for (name, value) in [(&force, c.threshold), (&release, 0.0)] {
                    self.add(
                        name,
                        with(
                            then(
                                task(
                                    &sdk("cloudwatch:putMetricData"),
                                    json!({"Namespace": c.namespace, "MetricData": [
                                        {"MetricName": c.metric_name, "Dimensions": dims, "Value": value}]}),
                                ),
                                Some(next),
                            ),
                            with(json!({"ResultPath": null, "Comment": comment}), catch_all(on_error)),
                        ),
                    );
                }
            }
        }
    }

    /// The planned path: readiness and peer health gate it; SwitchoverGlobalCluster (RPO 0).
    fn switchover(&mut self) {
        let (own, peer) = (self.w.cluster_arns[self.i].clone(), self.w.cluster_arns[1 - self.i].clone());
        let (region, peer_region) = (self.region().to_string(), self.w.peer(self.i).to_string());
        let (not_ready, peer_down) =
            (not_ready_alarm(&self.w.id, &region), peer_down_alarm(&self.w.id, &region));
        self.add(
            "Switchover",
            json!({"Type": "Choice", "Choices": [
                {"And": [{"Variable": "$.target_region", "IsPresent": true},
                         {"Variable": "$.target_region", "StringEquals": region}], "Next": "SwitchoverToHere"},
                {"And": [{"Variable": "$.target_region", "IsPresent": true},
                         {"Variable": "$.target_region", "StringEquals": peer_region}], "Next": "SwitchoverToPeer"}],
                "Default": "SwitchoverBadTarget"}),
        );
        self.add(
            "SwitchoverBadTarget",
            json!({"Type": "Fail", "Error": "drpair.BadInput",
                   "Cause": format!("target_region must be {region} or {peer_region}")}),
        );
        for (name, arn, target) in
            [("SwitchoverToHere", &own, &region), ("SwitchoverToPeer", &peer, &peer_region)]
        {
            self.add(
                name,
                json!({"Type": "Pass", "Parameters": {"arn": arn, "region": target},
                       "ResultPath": "$.target", "Next": "SwitchoverNotReadyCount"}),
            );
        }
        // Counted with StateValue filters rather than JSONPath filters: a filter that matches
        // nothing is an error in some interpreters, an empty list is a count of 0 in all.
        self.count_alarms(
            "SwitchoverNotReadyCount",
            &not_ready,
            "ALARM",
            "$.gate.not_ready",
            "SwitchoverPeerDownCount",
        );
        self.count_alarms(
            "SwitchoverPeerDownCount",
            &peer_down,
            "ALARM",
            "$.gate.peer_down",
            "SwitchoverGateChoice",
        );
        self.add(
            "SwitchoverGateChoice",
            json!({"Type": "Choice", "Choices": [
                {"Variable": "$.gate.not_ready.n", "NumericGreaterThan": 0, "Next": "SwitchoverNotReady"},
                {"Variable": "$.gate.peer_down.n", "NumericGreaterThan": 0, "Next": "SwitchoverPeerDown"}],
                "Default": "SwitchoverLock"}),
        );
        self.add(
            "SwitchoverNotReady",
            json!({"Type": "Fail", "Error": "drpair.ReadinessFailing",
                   "Cause": format!("{not_ready} is in ALARM: the readiness report (SSM /{}/readiness) says why", self.w.id)}),
        );
        self.add(
            "SwitchoverPeerDown",
            json!({"Type": "Fail", "Error": "drpair.PeerUnhealthy",
                   "Cause": format!("{peer_down} is in ALARM: a planned switchover needs both regions; use failover")}),
        );
        self.lock("Switchover", "SwitchoverRead");
        self.read_writers("SwitchoverRead", "SwitchoverIsWriter", "SwitchoverAbort");
        self.writer_is("SwitchoverIsWriter", "$.target.arn", "SwitchoverAlready", "SwitchoverMove");
        self.unlock("SwitchoverAlready", result(json!({"result": "already_active"})));
        self.add(
            "SwitchoverMove",
            with(
                then(
                    task(
                        &sdk("rds:switchoverGlobalCluster"),
                        json!({"GlobalClusterIdentifier": self.w.global_cluster_id,
                               "TargetDbClusterIdentifier.$": "$.target.arn"}),
                    ),
                    Some("SwitchoverMovingWait"),
                ),
                with(json!({"ResultPath": null}), catch_all("SwitchoverAbort")),
            ),
        );
        self.await_writer("SwitchoverMoving", "$.target.arn", "SwitchoverActivate");
        self.activate("Switchover", "$.target.region", "switchover", "SwitchoverDone", "SwitchoverAbort");
        self.unlock("SwitchoverDone", result(json!({"result": "switched"})));
        self.unlock(
            "SwitchoverAbort",
            json!({"Type": "Fail", "Error": "drpair.SwitchoverFailed",
                   "Cause": "the switchover stopped; the execution history says where (lock released)"}),
        );
    }

    /// The peer came back. Only the non-home region, while it holds the writer, fails back:
    /// after the peer has stayed healthy for `failback_after_seconds`, a planned switchover.
    fn recovered(&mut self) {
        let home = self.w.regions[0].clone();
        let skipped = result(json!({"result": "skipped"}));
        if !self.w.auto_failback || self.i == 0 {
            self.add("Recovered", skipped);
            return;
        }
        let own = self.w.cluster_arns[self.i].clone();
        self.add(
            "Recovered",
            json!({"Type": "Pass", "Parameters": {"arn": own}, "ResultPath": "$.target", "Next": "RecoveredRead"}),
        );
        self.read_writers("RecoveredRead", "RecoveredIsWriter", "RecoveredSkip");
        self.writer_is("RecoveredIsWriter", "$.target.arn", "RecoveredHold", "RecoveredSkip");
        self.add("RecoveredSkip", skipped);
        self.add(
            "RecoveredHold",
            json!({"Type": "Wait", "Seconds": self.w.failback_after_seconds, "Next": "RecoveredRecheck"}),
        );
        let peer_down = peer_down_alarm(&self.w.id, self.region());
        self.count_alarms("RecoveredRecheck", &peer_down, "OK", "$.peer", "RecoveredDecide");
        self.add(
            "RecoveredDecide",
            json!({"Type": "Choice",
                   "Choices": [{"Variable": "$.peer.n", "NumericEquals": 1, "Next": "RecoveredFailback"}],
                   "Default": "RecoveredSkip"}),
        );
        self.add(
            "RecoveredFailback",
            json!({"Type": "Pass", "Result": home, "ResultPath": "$.target_region", "Next": "Switchover"}),
        );
    }

    fn sync_action(&mut self) {
        self.add(
            "Sync",
            json!({"Type": "Pass", "Parameters": {"active_region.$": "$.active_region", "mode.$": "$.mode"},
                   "ResultPath": "$.sync", "Next": "SyncLocal"}),
        );
        self.sync_states("SyncLocal", "SyncDone", "SyncFailed");
        self.add("SyncDone", result(json!({"result": "synced"})));
        self.add(
            "SyncFailed",
            json!({"Type": "Fail", "Error": "drpair.SyncFailed", "Cause": "see the execution history"}),
        );
    }

    /// One run per minute (the schedule), `beats_per_run` heartbeats `heartbeat_seconds` apart.
    fn heartbeat(&mut self) {
        let n = self.w.beats_per_run();
        let entry = json!({"Entries": [{"Source": EVENT_SOURCE, "DetailType": HEARTBEAT_EVENT,
            "EventBusName": "default", "Detail": {"pair": self.w.id, "from": self.region()}}]});
        for k in 0..n {
            let name = if k == 0 { "Heartbeat".to_string() } else { format!("Heartbeat{k}") };
            let next = (k + 1 < n).then(|| format!("HeartbeatWait{k}"));
            self.add(
                &name,
                with(
                    then(task("arn:aws:states:::events:putEvents", entry.clone()), next.as_deref()),
                    json!({"ResultPath": null}),
                ),
            );
            if let Some(wait) = next {
                self.add(
                    &wait,
                    json!({"Type": "Wait", "Seconds": self.w.heartbeat_seconds, "Next": format!("Heartbeat{}", k + 1)}),
                );
            }
        }
    }

    fn record_heartbeat(&mut self) {
        let dims =
            json!([{"Name": "Pair", "Value": self.w.id}, {"Name": "Region", "Value": self.w.peer(self.i)}]);
        self.add(
            "RecordHeartbeat",
            with(
                then(
                    task(
                        &sdk("cloudwatch:putMetricData"),
                        json!({"Namespace": FAILOVER_NAMESPACE, "MetricData": [
                            {"MetricName": HEARTBEAT_METRIC, "Dimensions": dims, "Value": 1, "StorageResolution": 1}]}),
                    ),
                    None,
                ),
                json!({"ResultPath": null}),
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::failover_orchestrator::model::{desired, test_config};
    use crate::tfplugin::value::Value;

    fn want() -> Want {
        let mut c = test_config();
        c.set("secondary_event_source_mapping_ids", Value::strings(["u2"]));
        c.set(
            "control_alarm",
            Value::object([
                ("region", Value::string("us-east-2")),
                ("namespace", Value::string("drpair/Failover")),
                ("metric_name", Value::string("ForceFailover")),
                ("dimensions", Value::object([("RecordName", Value::string("api.example.com"))])),
                ("threshold", Value::int(1)),
                ("name", Value::string("ctl")),
            ]),
        );
        desired("dr-test-ab12", ["us-east-1", "us-east-2"], &c).unwrap()
    }

    /// Every Next/Default/Catch target names a state that exists, recursively in branches.
    fn check_targets(states: &Map<String, Json>) {
        for (name, s) in states {
            let mut targets: Vec<&str> = Vec::new();
            targets.extend(s.get("Next").and_then(Json::as_str));
            targets.extend(s.get("Default").and_then(Json::as_str));
            for c in s.get("Choices").and_then(Json::as_array).into_iter().flatten() {
                targets.extend(c.get("Next").and_then(Json::as_str));
            }
            for c in s.get("Catch").and_then(Json::as_array).into_iter().flatten() {
                targets.extend(c.get("Next").and_then(Json::as_str));
            }
            for t in targets {
                assert!(states.contains_key(t), "{name} goes to missing state {t}");
            }
            let terminal = s["Type"] == "Choice"
                || s["Type"] == "Fail"
                || s["Type"] == "Succeed"
                || s.get("End") == Some(&json!(true))
                || s.get("Next").is_some();
            assert!(terminal, "{name} has no way out");
            for b in s.get("Branches").and_then(Json::as_array).into_iter().flatten() {
                check_targets(b["States"].as_object().unwrap());
            }
        }
    }

    #[test]
    fn every_transition_reaches_a_state_in_both_regions() {
        let w = want();
        for i in 0..2 {
            let d = definition(&w, i);
            check_targets(d["States"].as_object().unwrap());
        }
    }

    #[test]
    fn each_region_promotes_its_own_cluster_and_only_the_secondary_fails_back() {
        let w = want();
        let secondary = definition(&w, 1);
        assert_eq!(
            secondary["States"]["Failover"]["Parameters"]["arn"],
            "arn:aws:rds:us-east-2:123456789012:cluster:b"
        );
        assert_eq!(secondary["States"]["FailoverPromote"]["Parameters"]["AllowDataLoss"], true);
        assert_eq!(secondary["States"]["RecoveredFailback"]["Result"], "us-east-1");
        let primary = definition(&w, 0);
        assert_eq!(primary["States"]["Recovered"]["Result"]["result"], "skipped");
    }

    #[test]
    fn only_the_control_region_moves_traffic_and_only_its_mappings_are_touched() {
        let w = want();
        let secondary = definition(&w, 1);
        let force = &secondary["States"]["FailoverSyncForce"];
        assert_eq!(force["Parameters"]["MetricData"][0]["Value"], 1.0);
        assert_eq!(secondary["States"]["FailoverSyncRelease"]["Parameters"]["MetricData"][0]["Value"], 0.0);
        let fence = &secondary["States"]["SyncLocalFence"]["Branches"][0]["States"]["Mapping0"];
        assert_eq!(fence["Parameters"], json!({"Uuid": "u2", "Enabled": false}));
        let primary = definition(&w, 0);
        assert!(primary["States"].get("FailoverSyncForce").is_none());
        assert_eq!(primary["States"]["SyncLocalFence"]["Type"], "Pass");
    }

    #[test]
    fn heartbeats_fill_the_minute() {
        let mut w = want();
        w.heartbeat_seconds = 30;
        let d = definition(&w, 0);
        assert!(d["States"].get("Heartbeat1").is_some());
        assert!(d["States"].get("Heartbeat2").is_none());
        assert_eq!(d["States"]["HeartbeatWait0"]["Seconds"], 30);
    }
}
