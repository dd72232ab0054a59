//! Typed views of the resource's values: what the user asked for, and the deterministic AWS
//! names a re-run finds again.

use std::time::Duration;

use crate::aws::wait::parse_duration;
use crate::resources::inventory_item;
use crate::tfplugin::value::Value;

pub const RESOURCE_TYPE: &str = "drpair_replicated_bucket";
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60 * 60);
/// Noncurrent versions of application configuration are kept a month by default.
pub const CONFIG_DAYS: i64 = 30;
/// Audit logs keep every superseded version at least a year.
pub const AUDIT_MIN_DAYS: i64 = 365;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavour {
    /// Application configuration: versioned, replicated, a month of history.
    Config,
    /// Audit logs: no one may delete an object version, a year of history at least.
    Audit,
}

impl Flavour {
    pub fn parse(s: &str) -> Option<Flavour> {
        match s {
            "config" => Some(Flavour::Config),
            "audit" => Some(Flavour::Audit),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Flavour::Config => "config",
            Flavour::Audit => "audit",
        }
    }
    pub fn default_days(self) -> i64 {
        match self {
            Flavour::Config => CONFIG_DAYS,
            Flavour::Audit => AUDIT_MIN_DAYS,
        }
    }
}

/// Deterministic names: a re-run after an interrupted apply finds and adopts what exists.
#[derive(Clone, Debug, PartialEq)]
pub struct Names {
    /// `<name>-<environment>-<suffix>`: the resource id and the stem of every name.
    pub base: String,
}

impl Names {
    /// Buckets are named by region, not role, like the database's clusters.
    pub fn bucket(&self, region: &str) -> String {
        format!("{}-{region}", self.base)
    }
    pub fn bucket_arn(&self, region: &str) -> String {
        format!("arn:{}:s3:::{}", partition(region), self.bucket(region))
    }
    /// `-s3` keeps it apart from a database of the same name (`alias/<base>`).
    pub fn kms_alias(&self) -> String {
        format!("alias/{}-s3", self.base)
    }
    pub fn role(&self) -> String {
        format!("{}-replication", self.base)
    }
}

/// The ARN partition a region belongs to.
pub fn partition(region: &str) -> &'static str {
    if region.starts_with("cn-") {
        "aws-cn"
    } else if region.starts_with("us-gov-") {
        "aws-us-gov"
    } else {
        "aws"
    }
}

/// The arguments, with defaults applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    pub flavour: Flavour,
    pub bidirectional: bool,
    pub replication_time_control: bool,
    pub noncurrent_days: i64,
    pub force_destroy: bool,
}

impl Spec {
    /// From a planned state (defaults are already filled in there) or a prior state.
    pub fn from_values(v: &Value) -> Spec {
        let flavour = v.get("flavour").as_str().and_then(Flavour::parse).unwrap_or(Flavour::Config);
        Spec {
            flavour,
            bidirectional: v.get("bidirectional").as_bool().unwrap_or(false),
            replication_time_control: v.get("replication_time_control").as_bool().unwrap_or(true),
            noncurrent_days: v
                .get("noncurrent_version_expiration_days")
                .as_i64()
                .unwrap_or(flavour.default_days()),
            force_destroy: v.get("force_destroy").as_bool().unwrap_or(true),
        }
    }

    /// Writes the arguments into a state (import fills them in from what AWS holds).
    pub fn write(&self, state: &mut Value) {
        state.set("flavour", Value::string(self.flavour.as_str()));
        state.set("bidirectional", Value::Bool(self.bidirectional));
        state.set("replication_time_control", Value::Bool(self.replication_time_control));
        state.set("noncurrent_version_expiration_days", Value::int(self.noncurrent_days));
        state.set("force_destroy", Value::Bool(self.force_destroy));
    }
}

/// The limit for one operation from the `timeouts` block.
pub fn timeout(state: &Value, op: &str) -> Duration {
    state.get("timeouts").get(op).as_str().and_then(parse_duration).unwrap_or(DEFAULT_TIMEOUT)
}

/// The `primary` / `secondary` attribute value.
pub fn region_value(names: &Names, region: &str, kms_key_arn: Value) -> Value {
    Value::object([
        ("bucket", Value::string(names.bucket(region))),
        ("arn", Value::string(names.bucket_arn(region))),
        ("kms_key_arn", kms_key_arn),
    ])
}

/// Which of the pair's objects exist (refresh) or will (plan): the `inventory` attribute.
pub struct Present<'a> {
    pub keys: &'a [Option<String>; 2],
    pub buckets: [bool; 2],
    pub role_arn: Option<&'a str>,
    pub replication: [bool; 2],
}

/// The `inventory`, in creation order (destroy goes the other way).
pub fn inventory(names: &Names, regions: &[String; 2], p: &Present<'_>) -> Vec<Value> {
    let mut items = Vec::new();
    for (region, key) in regions.iter().zip(p.keys) {
        if let Some(k) = key {
            items.push(inventory_item("kms_key", region, k));
        }
    }
    for (region, _) in regions.iter().zip(p.buckets).filter(|(_, present)| *present) {
        items.push(inventory_item("s3_bucket", region, &names.bucket(region)));
    }
    if let Some(arn) = p.role_arn {
        items.push(inventory_item("iam_role", "global", arn));
    }
    for (region, _) in regions.iter().zip(p.replication).filter(|(_, present)| *present) {
        items.push(inventory_item("s3_replication_configuration", region, &names.bucket(region)));
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_per_region() {
        let n = Names { base: "audit-prod-x1".into() };
        assert_eq!(n.bucket("us-east-2"), "audit-prod-x1-us-east-2");
        assert_eq!(n.bucket_arn("us-east-2"), "arn:aws:s3:::audit-prod-x1-us-east-2");
        assert_eq!(n.bucket_arn("cn-north-1"), "arn:aws-cn:s3:::audit-prod-x1-cn-north-1");
        assert_eq!(n.kms_alias(), "alias/audit-prod-x1-s3");
        assert_eq!(n.role(), "audit-prod-x1-replication");
    }

    #[test]
    fn spec_defaults_follow_the_flavour() {
        let audit = Value::object([("flavour", Value::string("audit"))]);
        let s = Spec::from_values(&audit);
        assert_eq!((s.flavour, s.noncurrent_days, s.force_destroy), (Flavour::Audit, 365, true));
        let s = Spec::from_values(&Value::Null);
        assert_eq!((s.flavour, s.noncurrent_days, s.replication_time_control), (Flavour::Config, 30, true));
        let mut v = Value::object([("name", Value::string("x"))]);
        s.write(&mut v);
        assert_eq!(Spec::from_values(&v), s);
    }
}
