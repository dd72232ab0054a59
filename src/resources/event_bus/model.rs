//! Names, event patterns and IAM documents of `drpair_event_bus` (pure).

use aws_smithy_types::DateTime;
use aws_smithy_types::date_time::Format;
use serde_json::{Value as Json, json};
use sha2::{Digest, Sha256};

use crate::tfplugin::value::Value;

pub const RESOURCE_TYPE: &str = "drpair_event_bus";
pub const ROLES: [&str; 2] = ["primary", "secondary"];
/// drpair's own failover events: always forwarded.
pub const FAILOVER_SOURCE: &str = "drpair.failover";
pub const DEFAULT_RETENTION_DAYS: i64 = 7;
/// EventBridge's limit on archive names, the tightest of the names derived from the id.
pub const MAX_ID: usize = 48;
/// Id of the one target of every forwarding rule.
pub const TARGET_ID: &str = "other-region-bus";
pub const POLICY_NAME: &str = "drpair-event-forwarding";
/// EventBridge's limit on an event pattern's length.
pub const MAX_PATTERN: usize = 4096;

pub fn failover_rule(id: &str) -> String {
    format!("{id}-failover")
}

/// Every forwarding rule of a bus for `patterns` user patterns, the failover rule first.
pub fn rule_names(id: &str, patterns: usize) -> Vec<String> {
    let mut names = vec![failover_rule(id)];
    names.extend((1..=patterns).map(|n| format!("{id}-fwd-{n}")));
    names
}

/// The role EventBridge assumes to forward from region `i` (0 primary, 1 secondary).
pub fn role_name(id: &str, i: usize) -> String {
    format!("{id}-fwd-{}", ["p", "s"][i])
}

/// The patterns of a bus's forwarding rules, in `rule_names` order: each user pattern (and the
/// failover one) restricted to events put in this region, so forwarded copies stay put.
pub fn rule_patterns(user: &[Json], region: &str) -> Vec<Json> {
    std::iter::once(json!({"source": [FAILOVER_SOURCE]}))
        .chain(user.iter().cloned())
        .map(|mut p| {
            if let Some(o) = p.as_object_mut() {
                o.insert("region".into(), json!([region]));
            }
            p
        })
        .collect()
}

/// A rule's pattern without the region guard: what the user wrote, for import.
pub fn user_pattern(rule_pattern: &Json) -> Json {
    let mut p = rule_pattern.clone();
    if let Some(o) = p.as_object_mut() {
        o.remove("region");
    }
    p
}

/// The user's patterns; None while unknown or when one is not a JSON object (plan refuses it).
pub fn parse_patterns(v: &Value) -> Option<Vec<Json>> {
    match v {
        Value::Null => Some(Vec::new()),
        v => v.as_string_list()?.iter().map(|s| parse_object(s)).collect(),
    }
}

pub fn parse_object(s: &str) -> Option<Json> {
    serde_json::from_str::<Json>(s).ok().filter(Json::is_object)
}

/// Compact JSON with sorted keys, as Terraform's `jsonencode` writes it.
pub fn canonical(j: &Json) -> String {
    fn sorted(j: &Json) -> Json {
        match j {
            Json::Object(o) => {
                let mut keys: Vec<&String> = o.keys().collect();
                keys.sort();
                Json::Object(keys.into_iter().map(|k| (k.clone(), sorted(&o[k]))).collect())
            }
            Json::Array(a) => Json::Array(a.iter().map(sorted).collect()),
            other => other.clone(),
        }
    }
    sorted(j).to_string()
}

pub fn trust() -> Json {
    json!({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow",
        "Principal": {"Service": "events.amazonaws.com"},
        "Action": "sts:AssumeRole",
    }]})
}

/// Least privilege: put events on the other region's bus, nothing else.
pub fn role_policy(other_bus_arn: &str) -> Json {
    json!({"Version": "2012-10-17", "Statement": [{
        "Sid": "ForwardToOtherRegion",
        "Effect": "Allow",
        "Action": "events:PutEvents",
        "Resource": other_bus_arn,
    }]})
}

/// A replay window as configured.
#[derive(Clone, Debug, PartialEq)]
pub struct Replay {
    pub region: String,
    pub start: DateTime,
    pub end: DateTime,
}

pub fn parse_time(s: &str) -> Option<DateTime> {
    DateTime::from_str(s, Format::DateTimeWithOffset).ok()
}

impl Replay {
    /// None while unknown, absent or invalid (plan reports why).
    pub fn from_value(v: &Value) -> Option<Replay> {
        Some(Replay {
            region: v.get("region").as_str()?.to_string(),
            start: parse_time(v.get("start_time").as_str()?)?,
            end: parse_time(v.get("end_time").as_str()?)?,
        })
    }
    /// Named from the window: the same window is the same replay, so a retried apply adopts
    /// the replay an interrupted one started instead of running it twice.
    pub fn name(&self, id: &str) -> String {
        let key = format!("{}|{}|{}", self.region, self.start.as_nanos(), self.end.as_nanos());
        let hash = Sha256::digest(key.as_bytes());
        let hex: String = hash.iter().take(4).map(|b| format!("{b:02x}")).collect();
        format!("{id}-{hex}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_patterns_add_the_region_guard_and_import_removes_it() {
        let user = vec![json!({"source": ["orders"], "detail-type": ["OrderPlaced"]})];
        let p = rule_patterns(&user, "us-east-1");
        assert_eq!(p[0], json!({"source": ["drpair.failover"], "region": ["us-east-1"]}));
        assert_eq!(p[1]["region"], json!(["us-east-1"]));
        assert_eq!(canonical(&user_pattern(&p[1])), r#"{"detail-type":["OrderPlaced"],"source":["orders"]}"#);
        assert_eq!(rule_names("x", 1), ["x-failover", "x-fwd-1"]);
    }

    #[test]
    fn replay_names_follow_the_window() {
        let v = |end: &str| {
            Value::object([
                ("region", Value::string("us-east-2")),
                ("start_time", Value::string("2026-11-30T10:00:00Z")),
                ("end_time", Value::string(end)),
            ])
        };
        let a = Replay::from_value(&v("2026-11-30T11:00:00Z")).unwrap();
        let same = Replay::from_value(&v("2026-11-30T12:00:00+01:00")).unwrap();
        let b = Replay::from_value(&v("2026-11-30T11:30:00Z")).unwrap();
        assert_eq!(a.name("bus-x"), same.name("bus-x"));
        assert_ne!(a.name("bus-x"), b.name("bus-x"));
        assert!(a.name(&"x".repeat(MAX_ID)).len() <= 64);
    }
}
