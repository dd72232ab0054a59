//! The EventBridge rules of one region (pure): what triggers the state machine, the heartbeat
//! schedule, forwarding to the peer, and the hourly readiness run. All live on the region's
//! default bus, where CloudWatch puts alarm state changes.

use serde_json::{Value as Json, json};

use super::model::{
    ACTIVATED_EVENT, ALARM_EVENT, EVENT_SOURCE, HEARTBEAT_EVENT, READINESS_RULE, Want, peer_down_alarm,
    readiness_function, rule_name,
};

/// What a rule's one target receives.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    /// The matched event as it is (forwarding, Lambda).
    Event,
    /// A constant JSON text.
    Constant(String),
    /// Fields of the event placed into a template (EventBridge's input transformer).
    Transformer { paths: Vec<(String, String)>, template: String },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub arn: String,
    pub role_arn: Option<String>,
    pub input: Input,
}

/// Matches events, or runs on a schedule.
#[derive(Clone, Debug, PartialEq)]
pub enum Trigger {
    Pattern(Json),
    Schedule(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct RuleSpec {
    pub name: String,
    pub trigger: Trigger,
    pub target: Target,
    pub description: &'static str,
}

pub const TARGET_ID: &str = "drpair";

fn alarm_change(alarm: &str, to: &str, from: Option<&str>) -> Json {
    let mut detail = json!({"alarmName": [alarm], "state": {"value": [to]}});
    if let Some(from) = from {
        detail["previousState"] = json!({"value": [from]});
    }
    json!({"source": ["aws.cloudwatch"], "detail-type": [ALARM_EVENT], "detail": detail})
}

fn action(a: &str, extra: &[(&str, &str)]) -> Input {
    let mut o = json!({"action": a});
    for (k, v) in extra {
        o[*k] = json!(v);
    }
    Input::Constant(o.to_string())
}

/// Region `i`'s rules, in creation order.
pub fn rules(w: &Want, i: usize) -> Vec<RuleSpec> {
    let region = &w.regions[i];
    let id = &w.id;
    let machine =
        |input: Input| Target { arn: w.state_machine_arn(i), role_arn: Some(w.role_arn(i, "events")), input };
    let peer_bus = Target {
        arn: w.default_bus_arn(1 - i),
        role_arn: Some(w.role_arn(i, "events")),
        input: Input::Event,
    };
    let peer_down = peer_down_alarm(id, region);
    let mut out = vec![
        RuleSpec {
            name: rule_name(id, "peer-down"),
            // OK -> ALARM only: a new alarm goes INSUFFICIENT_DATA -> ALARM before the first
            // heartbeat arrives, and that must not fail anything over.
            trigger: Trigger::Pattern(alarm_change(&peer_down, "ALARM", Some("OK"))),
            target: machine(action("failover", &[("trigger", "peer-heartbeat-lost")])),
            description: "drpair: the peer region's heartbeats stopped: fail over to this region",
        },
        RuleSpec {
            name: rule_name(id, "peer-recovered"),
            trigger: Trigger::Pattern(alarm_change(&peer_down, "OK", Some("ALARM"))),
            target: machine(action("recovered", &[])),
            description: "drpair: the peer region's heartbeats are back: consider failing back",
        },
        RuleSpec {
            name: rule_name(id, "heartbeat"),
            trigger: Trigger::Schedule("rate(1 minute)".into()),
            target: machine(action("heartbeat", &[])),
            description: "drpair: one run a minute sends this region's heartbeats to the peer",
        },
        RuleSpec {
            name: rule_name(id, "to-peer"),
            // Only events this region's orchestrator put: the peer's arrive with its name in
            // `from`, so nothing is sent back.
            trigger: Trigger::Pattern(
                json!({"source": [EVENT_SOURCE], "detail": {"pair": [id], "from": [region]}}),
            ),
            target: peer_bus.clone(),
            description: "drpair: heartbeats and activations to the peer region",
        },
        RuleSpec {
            name: rule_name(id, "from-peer-heartbeat"),
            trigger: Trigger::Pattern(json!({"source": [EVENT_SOURCE], "detail-type": [HEARTBEAT_EVENT],
                                             "detail": {"pair": [id], "from": [w.peer(i)]}})),
            target: machine(action("record_heartbeat", &[])),
            description: "drpair: a peer heartbeat becomes this region's PeerHeartbeat metric",
        },
        RuleSpec {
            name: rule_name(id, "from-peer-activated"),
            trigger: Trigger::Pattern(json!({"source": [EVENT_SOURCE], "detail-type": [ACTIVATED_EVENT],
                                             "detail": {"pair": [id], "from": [w.peer(i)]}})),
            target: machine(Input::Transformer {
                paths: vec![
                    ("active".into(), "$.detail.active_region".into()),
                    ("mode".into(), "$.detail.mode".into()),
                ],
                template: r#"{"action": "sync", "active_region": <active>, "mode": <mode>}"#.into(),
            }),
            description: "drpair: the peer activated a region: follow it here",
        },
    ];
    if let Some(peer_health) = &w.health_alarms[1 - i] {
        out.push(RuleSpec {
            name: rule_name(id, "peer-unhealthy"),
            trigger: Trigger::Pattern(alarm_change(peer_health, "ALARM", None)),
            target: machine(action("failover", &[("trigger", "peer-health-alarm")])),
            description: "drpair: the peer region reports itself unhealthy: fail over to this region",
        });
    }
    if let Some(own_health) = &w.health_alarms[i] {
        out.push(RuleSpec {
            name: rule_name(id, "health-to-peer"),
            trigger: Trigger::Pattern(json!({"source": ["aws.cloudwatch"], "detail-type": [ALARM_EVENT],
                                             "detail": {"alarmName": [own_health]}})),
            target: peer_bus,
            description: "drpair: this region's health signal to the peer region",
        });
    }
    out.push(RuleSpec {
        name: rule_name(id, READINESS_RULE),
        trigger: Trigger::Schedule("rate(1 hour)".into()),
        target: Target {
            arn: format!(
                "arn:{}:lambda:{region}:{}:function:{}",
                w.partition,
                w.account,
                readiness_function(id, region)
            ),
            role_arn: None,
            input: Input::Event,
        },
        description: "drpair: hourly readiness check of the pair",
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::failover_orchestrator::model::{desired, test_config};
    use crate::tfplugin::value::Value;

    #[test]
    fn rules_trigger_on_transitions_and_never_forward_back() {
        let mut c = test_config();
        c.set("primary_health_alarm_name", Value::string("health-us-east-1-unhealthy"));
        let w = desired("dr-t-1", ["us-east-1", "us-east-2"], &c).unwrap();
        let primary = rules(&w, 0);
        let secondary = rules(&w, 1);
        let names = |r: &[RuleSpec]| r.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
        assert!(names(&primary).contains(&"dr-t-1-health-to-peer".to_string()));
        assert!(!names(&primary).contains(&"dr-t-1-peer-unhealthy".to_string()));
        assert!(names(&secondary).contains(&"dr-t-1-peer-unhealthy".to_string()));
        let down = &secondary[0];
        let Trigger::Pattern(p) = &down.trigger else { panic!() };
        assert_eq!(p["detail"]["previousState"]["value"][0], "OK");
        let to_peer = secondary.iter().find(|r| r.name.ends_with("to-peer")).unwrap();
        let Trigger::Pattern(p) = &to_peer.trigger else { panic!() };
        assert_eq!(p["detail"]["from"][0], "us-east-2");
        assert_eq!(to_peer.target.arn, "arn:aws:events:us-east-1:123456789012:event-bus/default");
    }
}
