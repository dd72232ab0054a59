//! What the resource wants in Route 53 and CloudWatch, derived from the planned state (pure).

use crate::tfplugin::value::Value;

pub const ROLES: [&str; 2] = ["primary", "secondary"];
pub const DEFAULT_INTERVAL: i64 = 10;
pub const DEFAULT_THRESHOLD: i64 = 3;
pub const DEFAULT_TTL: i64 = 60;
pub const DEFAULT_PATH: &str = "/health";
pub const DEFAULT_PORT: i64 = 443;
pub const NAMESPACE: &str = "drpair/Failover";
pub const METRIC: &str = "ForceFailover";
pub const DIMENSION: &str = "RecordName";
/// The calculated check needs both children healthy.
pub const COMBINED_THRESHOLD: i32 = 2;

/// `<name>.` lowercase without the trailing dot: how names are compared and stored.
pub fn bare(name: &str) -> String {
    name.trim_end_matches('.').to_ascii_lowercase()
}

/// FNV-1a: a stable short key (Rust's own hasher may change between releases).
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Everything this resource creates carries a CallerReference starting with
/// `drpair-<key>-<part>-`: how a re-run finds what an interrupted run created, even before it
/// was tagged. The key ties it to the environment and the record name (64 characters at most).
pub fn key_prefix(environment: &str, suffix: &str, record_name: &str) -> String {
    let key = fnv1a(&format!("{environment}/{suffix}/{}", bare(record_name)));
    format!("drpair-{key:016x}-")
}

pub fn caller_prefix(key_prefix: &str, part: &str) -> String {
    format!("{key_prefix}{part}-")
}

/// The parts made per resource, as named in caller references and tags.
pub const PART_ZONE: &str = "zone";
pub const PART_CONTROL: &str = "control";
pub const PART_COMBINED: &str = "combined";

pub fn alarm_name(base: &str, record_name: &str) -> String {
    format!("{base}-{}-force-failover", bare(record_name))
}

/// Worst case from failure to resolvers answering with the secondary (see the schema).
pub fn detection_seconds(interval: i64, threshold: i64, ttl: i64) -> i64 {
    interval * threshold + ttl
}

/// One region's endpoint as the planned state has it.
#[derive(Clone, Debug, PartialEq)]
pub struct Endpoint {
    pub domain_name: String,
    pub zone_id: String,
    pub fqdn: String,
    pub path: String,
    pub port: i64,
}

impl Endpoint {
    pub fn from(v: &Value) -> Option<Endpoint> {
        Some(Endpoint {
            domain_name: bare(v.get("domain_name").as_str()?),
            zone_id: v.get("zone_id").as_str()?.to_string(),
            fqdn: bare(v.get("health_fqdn").as_str()?),
            path: v.get("health_path").as_str()?.to_string(),
            port: v.get("health_port").as_i64()?,
        })
    }
}

/// Where the records live.
#[derive(Clone, Debug, PartialEq)]
pub enum Zone {
    /// Ours: created with this name and deleted on destroy.
    Create(String),
    /// Someone else's: used, never deleted.
    Existing(String),
}

/// The whole desired configuration, known at apply.
#[derive(Clone, Debug)]
pub struct Want {
    pub zone: Zone,
    pub endpoints: [Endpoint; 2],
    pub set_ids: [String; 2],
    pub interval: i32,
    pub threshold: i32,
    pub ttl: i64,
}

impl Want {
    pub fn from(planned: &Value) -> Option<Want> {
        let zone = match planned.get("zone_name").as_str() {
            Some(name) => Zone::Create(bare(name)),
            None => Zone::Existing(planned.get("zone_id").as_str()?.to_string()),
        };
        Some(Want {
            zone,
            endpoints: [Endpoint::from(planned.get("primary"))?, Endpoint::from(planned.get("secondary"))?],
            set_ids: [
                planned.get("primary_set_identifier").as_str()?.to_string(),
                planned.get("secondary_set_identifier").as_str()?.to_string(),
            ],
            interval: planned.get("request_interval").as_i64()? as i32,
            threshold: planned.get("failure_threshold").as_i64()? as i32,
            ttl: planned.get("record_ttl_seconds").as_i64()?,
        })
    }
}

/// The control alarm as the orchestrator needs to know it (the `control_alarm` attribute).
pub fn control_alarm_value(name: &str, region: &str, record_name: &str) -> Value {
    Value::object([
        ("name", Value::string(name)),
        ("region", Value::string(region)),
        ("namespace", Value::string(NAMESPACE)),
        ("metric_name", Value::string(METRIC)),
        ("dimensions", Value::object([(DIMENSION, Value::string(bare(record_name)))])),
        ("threshold", Value::int(1)),
    ])
}

/// The record TTL assumption is kept in the alarm's description, so import can recover it.
pub fn alarm_description(ttl: i64) -> String {
    format!(
        "drpair: force DNS failover to the secondary region while >= 1 (publish 0 to release); \
         record_ttl_seconds={ttl}"
    )
}

pub fn ttl_from_description(text: &str) -> Option<i64> {
    text.rsplit("record_ttl_seconds=").next()?.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caller_prefix_is_stable_and_short() {
        let k = key_prefix("prod", "x1", "API.example.com.");
        assert_eq!(k, key_prefix("prod", "x1", "api.example.com"));
        assert_ne!(k, key_prefix("prod", "x2", "api.example.com"));
        // room for the longest part and a millisecond nonce within CallerReference's 64
        assert!(caller_prefix(&k, PART_COMBINED).len() + 13 <= 64);
    }

    #[test]
    fn detection_and_ttl_round_trip() {
        assert_eq!(detection_seconds(10, 3, 60), 90);
        assert_eq!(ttl_from_description(&alarm_description(45)), Some(45));
        assert_eq!(ttl_from_description("made by hand"), None);
    }
}
