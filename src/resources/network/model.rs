//! Typed views of the resource's values: the desired spec, the deterministic AWS names and
//! the three security-group tiers.

use std::time::Duration;

use super::cidr::Cidr;
use crate::aws::wait::parse_duration;
use crate::tfplugin::value::Value;

pub const RESOURCE_TYPE: &str = "drpair_network";
pub const DEFAULT_AZ_COUNT: i64 = 2;
pub const DEFAULT_SUBNET_PREFIX: i64 = 24;
/// VPC work takes seconds to minutes; the long tail is ENIs (Lambda, RDS) being released
/// before subnets and security groups can go.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30 * 60);
/// The attribute prefix of each region, in the order of `Spec::regions`.
pub const SIDES: [&str; 2] = ["primary", "secondary"];

/// Deterministic names: a re-run after an interrupted apply finds and adopts what exists.
#[derive(Clone, Debug, PartialEq)]
pub struct Names {
    /// `<name>-<environment>-<suffix>`: the resource id, VPC and peering name, stem of others.
    pub base: String,
}

impl Names {
    pub fn vpc(&self) -> &str {
        &self.base
    }
    pub fn subnet(&self, az: &str) -> String {
        format!("{}-{az}", self.base)
    }
    pub fn route_table(&self) -> &str {
        &self.base
    }
    pub fn security_group(&self, tier: Tier) -> String {
        format!("{}-{}", self.base, tier.name())
    }
    pub fn peering(&self) -> &str {
        &self.base
    }
}

/// The security groups every region gets, one per tier of the platform.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tier {
    Database,
    Functions,
    Api,
}

impl Tier {
    pub const ALL: [Tier; 3] = [Tier::Database, Tier::Functions, Tier::Api];

    pub fn name(self) -> &'static str {
        match self {
            Tier::Database => "database",
            Tier::Functions => "functions",
            Tier::Api => "api",
        }
    }

    /// The TCP port opened to both VPCs' CIDRs. Functions only call out: no ingress at all.
    pub fn port(self) -> Option<i32> {
        match self {
            Tier::Database => Some(5432),
            Tier::Functions => None,
            Tier::Api => Some(443),
        }
    }

    /// Its id's attribute in the per-region nested object.
    pub fn attr(self) -> &'static str {
        match self {
            Tier::Database => "database_security_group_id",
            Tier::Functions => "function_security_group_id",
            Tier::Api => "api_security_group_id",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Tier::Database => "drpair database tier: PostgreSQL from both VPCs",
            Tier::Functions => "drpair function tier: outbound only",
            Tier::Api => "drpair API tier: HTTPS from both VPCs",
        }
    }
}

/// What the user asked for, from a planned state (validated at plan, so well-formed).
#[derive(Clone, Debug)]
pub struct Spec {
    pub regions: [String; 2],
    pub cidrs: [Cidr; 2],
    pub az_count: usize,
    pub subnet_prefix: u8,
}

impl Spec {
    /// None when the value lacks something a converge needs (plan guarantees it does not).
    pub fn from_values(planned: &Value) -> Option<Spec> {
        let s = |n: &str| planned.get(n).as_str().map(str::to_string);
        let cidr = |n: &str| Cidr::parse(planned.get(n).as_str()?).ok();
        Some(Spec {
            regions: [s("primary_region")?, s("secondary_region")?],
            cidrs: [cidr("primary_cidr")?, cidr("secondary_cidr")?],
            az_count: planned.get("az_count").as_i64().unwrap_or(DEFAULT_AZ_COUNT).try_into().ok()?,
            subnet_prefix: planned
                .get("subnet_prefix_length")
                .as_i64()
                .unwrap_or(DEFAULT_SUBNET_PREFIX)
                .try_into()
                .ok()?,
        })
    }

    /// The subnets of region `side` (0 primary, 1 secondary), one per AZ, in AZ order.
    pub fn subnet_cidrs(&self, side: usize) -> Vec<Cidr> {
        (0..self.az_count as u64).filter_map(|i| self.cidrs[side].subnet(self.subnet_prefix, i)).collect()
    }
}

/// The limit for one operation from the `timeouts` block.
pub fn timeout(state: &Value, op: &str) -> Duration {
    state.get("timeouts").get(op).as_str().and_then(parse_duration).unwrap_or(DEFAULT_TIMEOUT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_base() {
        let n = Names { base: "core-prod-x1".into() };
        assert_eq!(n.subnet("us-east-1a"), "core-prod-x1-us-east-1a");
        assert_eq!(n.security_group(Tier::Functions), "core-prod-x1-functions");
        assert_eq!(n.vpc(), "core-prod-x1");
    }

    #[test]
    fn spec_carves_one_subnet_per_az() {
        let v = Value::object([
            ("primary_region", Value::string("us-east-1")),
            ("secondary_region", Value::string("us-east-2")),
            ("primary_cidr", Value::string("10.20.0.0/16")),
            ("secondary_cidr", Value::string("10.21.0.0/20")),
            ("az_count", Value::int(3)),
            ("subnet_prefix_length", Value::int(22)),
        ]);
        let spec = Spec::from_values(&v).unwrap();
        let primary: Vec<_> = spec.subnet_cidrs(0).iter().map(ToString::to_string).collect();
        assert_eq!(primary, ["10.20.0.0/22", "10.20.4.0/22", "10.20.8.0/22"]);
        let secondary: Vec<_> = spec.subnet_cidrs(1).iter().map(ToString::to_string).collect();
        assert_eq!(secondary, ["10.21.0.0/22", "10.21.4.0/22", "10.21.8.0/22"]);
    }

    #[test]
    fn timeouts_default_when_unset() {
        let v = Value::object([("timeouts", Value::object([("create", Value::string("5m"))]))]);
        assert_eq!(timeout(&v, "create"), Duration::from_secs(300));
        assert_eq!(timeout(&v, "delete"), DEFAULT_TIMEOUT);
    }
}
