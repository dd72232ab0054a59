//! Typed views of the resource's values: the desired spec and the deterministic AWS names.

use std::time::Duration;

use crate::aws::wait::parse_duration;
use crate::tfplugin::value::Value;

pub const ENGINE: &str = "aurora-postgresql";
pub const DEFAULT_PRIMARY_COUNT: i64 = 1;
pub const DEFAULT_SECONDARY_COUNT: i64 = 1;
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(90 * 60);

/// Deterministic names: a re-run after an interrupted apply finds and adopts what exists.
#[derive(Clone, Debug, PartialEq)]
pub struct Names {
    /// `<name>-<environment>-<suffix>`: the global cluster id and the stem of all others.
    pub base: String,
}

impl Names {
    pub fn global_cluster(&self) -> &str {
        &self.base
    }
    /// Regional clusters are named by region, not role: roles swap on failover, names don't.
    pub fn cluster(&self, region: &str) -> String {
        format!("{}-{region}", self.base)
    }
    pub fn instance(&self, region: &str, n: i64) -> String {
        format!("{}-{region}-{n}", self.base)
    }
    pub fn subnet_group(&self) -> String {
        self.base.clone()
    }
    pub fn parameter_group(&self) -> String {
        self.base.clone()
    }
    pub fn kms_alias(&self) -> String {
        format!("alias/{}", self.base)
    }
}

/// What the user asked for, read from a planned state or configuration.
#[derive(Clone, Debug)]
pub struct Spec {
    pub engine_version: String,
    pub instance_class: String,
    pub database_name: String,
    pub master_username: String,
    pub master_password: Option<String>,
    pub max_rpo_seconds: Option<i64>,
    pub deletion_protection: bool,
    pub regions: [RegionSpec; 2],
}

#[derive(Clone, Debug)]
pub struct RegionSpec {
    pub region: String,
    pub instance_count: i64,
    pub subnet_ids: Vec<String>,
    pub security_group_ids: Option<Vec<String>>,
}

impl Spec {
    /// `planned` supplies the arguments; `config` the write-only password.
    pub fn from_values(planned: &Value, config: &Value) -> Spec {
        let s = |n: &str| planned.get(n).as_str().unwrap_or_default().to_string();
        let region = |side: &str, default_count: i64| RegionSpec {
            region: planned.get(&format!("{side}_region")).as_str().unwrap_or_default().to_string(),
            instance_count: planned.get(&format!("{side}_instance_count")).as_i64().unwrap_or(default_count),
            subnet_ids: sorted(planned.get(&format!("{side}_subnet_ids"))).unwrap_or_default(),
            security_group_ids: sorted(planned.get(&format!("{side}_security_group_ids"))),
        };
        Spec {
            engine_version: s("engine_version"),
            instance_class: s("instance_class"),
            database_name: s("database_name"),
            master_username: s("master_username"),
            master_password: config.get("master_password_wo").as_str().map(str::to_string),
            max_rpo_seconds: planned.get("max_rpo_seconds").as_i64(),
            deletion_protection: planned.get("deletion_protection").as_bool().unwrap_or(false),
            regions: [region("primary", DEFAULT_PRIMARY_COUNT), region("secondary", DEFAULT_SECONDARY_COUNT)],
        }
    }

    pub fn major_version(&self) -> &str {
        self.engine_version.split('.').next().unwrap_or_default()
    }

    pub fn parameter_group_family(&self) -> String {
        format!("{ENGINE}{}", self.major_version())
    }
}

/// String elements of a set in a stable order, so set comparisons do not see order changes.
pub fn sorted(v: &Value) -> Option<Vec<String>> {
    let mut items = v.as_string_list()?;
    items.sort();
    Some(items)
}

/// The limit for one operation from the `timeouts` block.
pub fn timeout(state: &Value, op: &str) -> Duration {
    state.get("timeouts").get(op).as_str().and_then(parse_duration).unwrap_or(DEFAULT_TIMEOUT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_per_region_not_per_role() {
        let n = Names { base: "orders-prod-x1".into() };
        assert_eq!(n.cluster("us-east-2"), "orders-prod-x1-us-east-2");
        assert_eq!(n.instance("us-east-1", 2), "orders-prod-x1-us-east-1-2");
        assert_eq!(n.kms_alias(), "alias/orders-prod-x1");
    }

    #[test]
    fn timeouts_default_when_unset_or_bad() {
        let v = Value::object([("timeouts", Value::object([("create", Value::string("10m"))]))]);
        assert_eq!(timeout(&v, "create"), Duration::from_secs(600));
        assert_eq!(timeout(&v, "delete"), DEFAULT_TIMEOUT);
    }
}
