//! What each region's health signal is made of, derived from the configuration alone (pure).

use crate::tfplugin::value::Value;

pub const ROLES: [&str; 2] = ["primary", "secondary"];
pub const DEFAULT_LAG_THRESHOLD_MS: i64 = 5000;
/// Route 53 publishes `HealthCheckStatus` only here.
pub const ROUTE53_METRICS_REGION: &str = "us-east-1";

/// A metric alarm this resource creates in a region.
#[derive(Clone, Debug, PartialEq)]
pub enum Owned {
    /// `AWS/RDS AuroraGlobalDBReplicationLag` of the region's cluster.
    Lag { cluster: String, threshold_ms: i64 },
    /// `AWS/Route53 HealthCheckStatus` of the region's endpoint check.
    Endpoint { health_check_id: String },
}

#[derive(Clone, Debug, PartialEq)]
pub struct OwnedAlarm {
    pub name: String,
    pub kind: Owned,
}

/// One region's composite alarm as the configuration wants it.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionWant {
    pub region: String,
    pub composite: String,
    pub members: Vec<String>,
    pub owned: Vec<OwnedAlarm>,
}

pub fn composite_name(id: &str, region: &str) -> String {
    format!("{id}-{region}-unhealthy")
}
pub fn lag_alarm_name(id: &str, region: &str) -> String {
    format!("{id}-{region}-replication-lag")
}
pub fn endpoint_alarm_name(id: &str, region: &str) -> String {
    format!("{id}-{region}-endpoint")
}

impl RegionWant {
    /// Every watched alarm, the given ones first: the composite is in ALARM while any is.
    pub fn rule(&self) -> String {
        let names = self.members.iter().chain(self.owned.iter().map(|o| &o.name));
        let parts: Vec<String> = names.map(|n| format!("ALARM(\"{n}\")")).collect();
        if parts.is_empty() { "FALSE".to_string() } else { parts.join(" OR ") }
    }
    pub fn owned_names(&self) -> Vec<String> {
        self.owned.iter().map(|o| o.name.clone()).collect()
    }
}

/// The alarm names a rule written by [`RegionWant::rule`] watches, in order.
pub fn rule_members(rule: &str) -> Vec<String> {
    rule.split(" OR ")
        .filter_map(|part| part.strip_prefix("ALARM(\"").and_then(|p| p.strip_suffix("\")")))
        .map(str::to_string)
        .collect()
}

/// Both regions' wants; None while a needed input is unknown (it comes from another resource).
pub fn desired(id: &str, regions: [&str; 2], config: &Value) -> Option<[RegionWant; 2]> {
    let threshold_ms =
        config.get("replication_lag_threshold_ms").as_i64().unwrap_or(DEFAULT_LAG_THRESHOLD_MS);
    if config.get("replication_lag_threshold_ms").is_unknown() {
        return None;
    }
    let want = |role: &str, region: &str| -> Option<RegionWant> {
        let members = match config.get(&format!("{role}_alarm_names")) {
            Value::Null => Vec::new(),
            v => v.as_string_list()?,
        };
        let mut owned = Vec::new();
        match config.get(&format!("{role}_db_cluster_id")) {
            Value::Null => {}
            v => owned.push(OwnedAlarm {
                name: lag_alarm_name(id, region),
                kind: Owned::Lag { cluster: v.as_str()?.to_string(), threshold_ms },
            }),
        }
        match config.get(&format!("{role}_health_check_id")) {
            Value::Null => {}
            v => owned.push(OwnedAlarm {
                name: endpoint_alarm_name(id, region),
                kind: Owned::Endpoint { health_check_id: v.as_str()?.to_string() },
            }),
        }
        Some(RegionWant { region: region.to_string(), composite: composite_name(id, region), members, owned })
    };
    Some([want(ROLES[0], regions[0])?, want(ROLES[1], regions[1])?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_lists_members_then_owned_and_parses_back() {
        let mut c = Value::object([("primary_alarm_names", Value::strings(["fn-errors", "dlq-depth"]))]);
        c.set("primary_db_cluster_id", Value::string("db-us-east-1"));
        let [p, s] = desired("rh-test-ab12", ["us-east-1", "us-east-2"], &c).unwrap();
        let rule = p.rule();
        assert_eq!(
            rule,
            "ALARM(\"fn-errors\") OR ALARM(\"dlq-depth\") OR ALARM(\"rh-test-ab12-us-east-1-replication-lag\")"
        );
        assert_eq!(rule_members(&rule).len(), 3);
        assert_eq!(s.rule(), "FALSE");
        assert_eq!(p.owned[0].kind, Owned::Lag { cluster: "db-us-east-1".into(), threshold_ms: 5000 });
    }

    #[test]
    fn unknown_inputs_make_the_want_unknown() {
        let c = Value::object([("secondary_alarm_names", Value::Unknown)]);
        assert!(desired("x", ["us-east-1", "us-east-2"], &c).is_none());
    }
}
