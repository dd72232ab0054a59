//! Validation and planning: pure, offline, unit-tested. Every error names its attribute and
//! comes before any AWS call.

use crate::provider::Settings;
use crate::resources::{PlanRequest, PlanResponse, validate_timeouts};
use crate::tfplugin::diag::{AttrPath, Diagnostics};
use crate::tfplugin::value::Value;

use super::cidr::{Cidr, CidrError};
use super::model::{DEFAULT_AZ_COUNT, DEFAULT_SUBNET_PREFIX, Names, SIDES, Tier};

const MAX_NAME: usize = 63;
/// AWS accepts VPCs from /16 to /28; below /24 there is no room left for a subnet per AZ
/// with addresses to spare (AWS keeps five of every subnet).
const VPC_PREFIXES: std::ops::RangeInclusive<u8> = 16..=24;
/// AWS's smallest subnet is a /28.
const MAX_SUBNET_PREFIX: i64 = 28;
/// Fewer than two AZs is no redundancy; us-east-1's six would only spread thin.
const AZ_COUNTS: std::ops::RangeInclusive<i64> = 2..=4;

pub fn validate(c: &Value, d: &mut Diagnostics) {
    if let Some(name) = c.get("name").as_str()
        && !is_name(name)
    {
        d.attr_error(
            AttrPath::root("name"),
            "Invalid name",
            format!(
                "name = {name:?}: 1 to {MAX_NAME} lowercase letters, digits and single hyphens, \
                 starting with a letter; it becomes part of every AWS name."
            ),
        );
    }
    let primary = check_cidr(c, "primary_cidr", d);
    let secondary = check_cidr(c, "secondary_cidr", d);
    if let (Some(p), Some(s)) = (primary, secondary)
        && p.overlaps(&s)
    {
        d.attr_error(
            AttrPath::root("secondary_cidr"),
            "CIDR blocks overlap",
            format!(
                "secondary_cidr = \"{s}\" overlaps primary_cidr = \"{p}\": the peering routes each \
                 VPC's range to the other region, so they must be disjoint (e.g. 10.20.0.0/16 and \
                 10.21.0.0/16)."
            ),
        );
    }
    let az_count = whole_number(c, "az_count", d);
    if let Some(n) = az_count
        && !AZ_COUNTS.contains(&n)
    {
        d.attr_error(
            AttrPath::root("az_count"),
            "Invalid az_count",
            format!(
                "az_count = {n}: spread the subnets over {} to {} availability zones per region.",
                AZ_COUNTS.start(),
                AZ_COUNTS.end()
            ),
        );
    }
    let prefix = whole_number(c, "subnet_prefix_length", d);
    let prefix_ok = match prefix {
        Some(p) if !(*VPC_PREFIXES.start() as i64..=MAX_SUBNET_PREFIX).contains(&p) => {
            d.attr_error(
                AttrPath::root("subnet_prefix_length"),
                "Invalid subnet_prefix_length",
                format!(
                    "subnet_prefix_length = {p}: subnets are /{} to /{MAX_SUBNET_PREFIX} (AWS's smallest).",
                    VPC_PREFIXES.start()
                ),
            );
            false
        }
        _ => true,
    };
    // Defaults count too: a /24 VPC cannot hold two default /24 subnets. Unknowns are
    // judged once they are known.
    let az = if c.get("az_count").is_null() { Some(DEFAULT_AZ_COUNT) } else { az_count };
    let subnet_prefix =
        if c.get("subnet_prefix_length").is_null() { Some(DEFAULT_SUBNET_PREFIX) } else { prefix };
    if let (Some(az), Some(sp), true) = (az.filter(|n| AZ_COUNTS.contains(n)), subnet_prefix, prefix_ok) {
        for (attr, cidr) in [("primary_cidr", primary), ("secondary_cidr", secondary)] {
            let Some(cidr) = cidr else { continue };
            if cidr.subnet_capacity(sp as u8) < az as u64 {
                let widest = cidr.prefix as i64 + (az as u64).next_power_of_two().trailing_zeros() as i64;
                d.attr_error(
                    AttrPath::root("subnet_prefix_length"),
                    "Subnets do not fit the VPC",
                    format!(
                        "{az} subnets of /{sp} do not fit in {attr} = \"{cidr}\". Use \
                         subnet_prefix_length = {widest} or more (up to {MAX_SUBNET_PREFIX}), or a wider {attr}."
                    ),
                );
                break;
            }
        }
    }
    validate_timeouts(c, r#""30m" or "1h30m""#, d);
}

fn is_name(s: &str) -> bool {
    s.len() <= MAX_NAME
        && s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.ends_with('-')
        && !s.contains("--")
}

/// The VPC range in `attr`, when it is known and valid.
fn check_cidr(c: &Value, attr: &str, d: &mut Diagnostics) -> Option<Cidr> {
    let text = c.get(attr).as_str()?;
    let problem = match Cidr::parse(text) {
        Ok(cidr) if VPC_PREFIXES.contains(&cidr.prefix) => return Some(cidr),
        Ok(cidr) => format!(
            "{attr} = {text:?} is a /{}; a VPC here takes /{} to /{} (e.g. 10.20.0.0/16).",
            cidr.prefix,
            VPC_PREFIXES.start(),
            VPC_PREFIXES.end()
        ),
        Err(CidrError::HostBits(network)) => {
            format!("{attr} = {text:?} has bits set after the prefix; the network is \"{network}\".")
        }
        Err(CidrError::Syntax) => {
            format!("{attr} = {text:?} is not an IPv4 CIDR block such as \"10.20.0.0/16\".")
        }
    };
    d.attr_error(AttrPath::root(attr), format!("Invalid {attr}"), problem);
    None
}

/// A known number that must be whole; None when unset, unknown or not whole (reported).
fn whole_number(c: &Value, attr: &str, d: &mut Diagnostics) -> Option<i64> {
    let v = c.get(attr);
    if !matches!(v, Value::Number(_)) {
        return None;
    }
    let n = v.as_i64();
    if n.is_none() {
        d.attr_error(
            AttrPath::root(attr),
            format!("Invalid {attr}"),
            format!("{attr} must be a whole number."),
        );
    }
    n
}

pub fn names(config: &Value, settings: &Settings) -> Option<Names> {
    Some(Names { base: settings.name(config.get("name").as_str()?) })
}

/// Arguments the user sets; the rest of the schema is computed.
const ARGUMENTS: &[&str] =
    &["name", "primary_cidr", "secondary_cidr", "az_count", "subnet_prefix_length", "timeouts"];
/// AWS cannot change a VPC's range, and moving subnets means new subnets: all replace.
const FORCE_NEW: &[&str] = &["name", "primary_cidr", "secondary_cidr", "az_count", "subnet_prefix_length"];

pub fn plan(req: PlanRequest<'_>, resp: &mut PlanResponse) {
    let config = req.config;
    validate(config, &mut resp.diags);
    let settings = req.provider.map(|p| &p.settings);
    let names = settings.and_then(|s| names(config, s));

    let mut planned = req.prior.clone();
    if planned.is_null() {
        planned = fresh();
    }
    for attr in ARGUMENTS {
        planned.set(attr, config.get(attr).clone());
    }
    default_if_null(&mut planned, "az_count", Value::int(DEFAULT_AZ_COUNT));
    default_if_null(&mut planned, "subnet_prefix_length", Value::int(DEFAULT_SUBNET_PREFIX));

    if req.prior.is_null() {
        set_identity(&mut planned, names.as_ref(), settings);
        resp.planned = planned;
        return;
    }

    for attr in FORCE_NEW {
        if planned.get(attr) != req.prior.get(attr) {
            resp.requires_replace.push(AttrPath::root(attr));
        }
    }
    // With the provider settings still unknown the identity cannot be compared: keep it.
    if let Some(s) = settings {
        for (attr, now) in [("primary_region", &s.primary_region), ("secondary_region", &s.secondary_region)]
        {
            if req.prior.get(attr).as_str() != Some(now.as_str()) {
                resp.requires_replace.push(AttrPath::root(attr));
            }
        }
        if let Some(n) = &names
            && req.prior.get("id").as_str() != Some(n.base.as_str())
        {
            resp.requires_replace.push(AttrPath::root("id"));
        }
    }
    if !resp.requires_replace.is_empty() {
        let mut replacement = fresh();
        for attr in ARGUMENTS {
            replacement.set(attr, planned.get(attr).clone());
        }
        set_identity(&mut replacement, names.as_ref(), settings);
        resp.planned = replacement;
        return;
    }

    // Read leaves out what is missing or broken (a deleted subnet or security group, a
    // peering without its routes): the parts it touches become unknown, which Terraform
    // shows as an in-place update, and apply recreates only those parts.
    let az_count = planned.get("az_count").as_i64();
    let mut repair = false;
    let mut new_vpc = false;
    for side in SIDES {
        let prior = req.prior.get(side);
        if !region_complete(prior, az_count) {
            planned.set(side, Value::Unknown);
            repair = true;
            new_vpc |= prior.get("vpc_id").as_str().is_none();
        }
    }
    // A peering joins two VPCs: a new VPC means a new peering.
    if req.prior.get("peering_connection_id").as_str().is_none() || new_vpc {
        planned.set("peering_connection_id", Value::Unknown);
        repair = true;
    }
    if repair {
        planned.set("inventory", Value::Unknown);
    }
    resp.planned = planned;
}

/// True when a region's recorded parts are all there: VPC, route table, the three security
/// groups and one subnet per AZ.
fn region_complete(region: &Value, az_count: Option<i64>) -> bool {
    let ids = ["vpc_id", "cidr", "route_table_id"].into_iter().chain(Tier::ALL.map(Tier::attr));
    let subnets = region.get("subnet_ids").as_string_list();
    ids.into_iter().all(|a| region.get(a).as_str().is_some())
        && subnets.is_some_and(|s| Some(s.len() as i64) == az_count)
}

fn fresh() -> Value {
    let mut v = Value::object(super::schema::schema().block.attrs.iter().map(|a| (a.name, Value::Unknown)));
    v.set("timeouts", Value::Null);
    v
}

fn set_identity(planned: &mut Value, names: Option<&Names>, settings: Option<&Settings>) {
    planned.set("id", names.map_or(Value::Unknown, |n| Value::string(&n.base)));
    let region = |r: Option<&str>| r.map_or(Value::Unknown, Value::string);
    planned.set("primary_region", region(settings.map(|s| s.primary_region.as_str())));
    planned.set("secondary_region", region(settings.map(|s| s.secondary_region.as_str())));
}

fn default_if_null(v: &mut Value, attr: &str, default: Value) {
    if v.get(attr).is_null() {
        v.set(attr, default);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tfplugin::diag::Severity;

    fn settings() -> Settings {
        Settings {
            primary_region: "us-east-1".into(),
            secondary_region: "us-east-2".into(),
            environment: "test".into(),
            environment_suffix: "ab12".into(),
            default_tags: Default::default(),
        }
    }

    fn config() -> Value {
        let mut c =
            Value::object(super::super::schema::schema().block.attrs.iter().map(|a| (a.name, Value::Null)));
        c.set("timeouts", Value::Null);
        c.set("name", Value::string("core"));
        c.set("primary_cidr", Value::string("10.20.0.0/16"));
        c.set("secondary_cidr", Value::string("10.21.0.0/16"));
        c
    }

    fn with(pairs: &[(&str, Value)]) -> Value {
        let mut c = config();
        for (k, v) in pairs {
            c.set(k, v.clone());
        }
        c
    }

    fn errors(c: &Value) -> Vec<String> {
        let mut d = Diagnostics::default();
        validate(c, &mut d);
        d.0.into_iter().map(|d| d.path.unwrap().to_string()).collect()
    }

    #[test]
    fn good_configs_have_no_errors() {
        assert!(errors(&config()).is_empty());
        let small = with(&[
            ("primary_cidr", Value::string("192.168.0.0/24")),
            ("secondary_cidr", Value::string("192.168.1.0/24")),
            ("az_count", Value::int(4)),
            ("subnet_prefix_length", Value::int(26)),
        ]);
        assert!(errors(&small).is_empty());
    }

    #[test]
    fn each_bad_input_names_its_attribute() {
        let s = Value::string;
        let cases: &[(&str, Value, &str)] = &[
            ("name", s("Core"), "name"),
            ("name", s("core-"), "name"),
            ("primary_cidr", s("10.20.0.0"), "primary_cidr"),
            ("primary_cidr", s("10.20.0.0/33"), "primary_cidr"),
            ("primary_cidr", s("10.20.1.0/16"), "primary_cidr"),
            ("primary_cidr", s("10.0.0.0/8"), "primary_cidr"),
            ("primary_cidr", s("10.20.0.0/25"), "primary_cidr"),
            ("secondary_cidr", s("nonsense"), "secondary_cidr"),
            ("secondary_cidr", s("10.20.128.0/17"), "secondary_cidr"),
            ("secondary_cidr", s("10.20.0.0/16"), "secondary_cidr"),
            ("az_count", Value::int(1), "az_count"),
            ("az_count", Value::int(7), "az_count"),
            ("az_count", Value::Number(crate::tfplugin::value::Number::parse("2.5").unwrap()), "az_count"),
            ("subnet_prefix_length", Value::int(29), "subnet_prefix_length"),
            ("subnet_prefix_length", Value::int(15), "subnet_prefix_length"),
            ("timeouts", Value::object([("create", s("soon"))]), "timeouts.create"),
        ];
        for (attr, v, path) in cases {
            assert_eq!(errors(&with(&[(attr, v.clone())])), [*path], "{attr} = {v:?}");
        }
    }

    #[test]
    fn overlap_is_reported_on_secondary_only() {
        let c = with(&[
            ("primary_cidr", Value::string("10.0.0.0/16")),
            ("secondary_cidr", Value::string("10.0.4.0/22")),
        ]);
        let mut d = Diagnostics::default();
        validate(&c, &mut d);
        assert_eq!(d.0.len(), 1);
        assert_eq!(d.0[0].path.as_ref().unwrap().to_string(), "secondary_cidr");
        assert!(d.0[0].detail.contains("overlaps primary_cidr"), "{}", d.0[0].detail);
    }

    #[test]
    fn subnets_must_fit_both_vpcs_even_with_defaults() {
        // A /24 VPC cannot hold two /24 subnets (the defaults): the error says what fits.
        let c = with(&[("secondary_cidr", Value::string("10.21.0.0/24"))]);
        let mut d = Diagnostics::default();
        validate(&c, &mut d);
        assert_eq!(d.0.len(), 1);
        assert_eq!(d.0[0].path.as_ref().unwrap().to_string(), "subnet_prefix_length");
        assert!(d.0[0].detail.contains("subnet_prefix_length = 25"), "{}", d.0[0].detail);
        // Three AZs in a /23 need /25s; two /24s fit.
        let c = with(&[("primary_cidr", Value::string("10.20.0.0/23")), ("az_count", Value::int(3))]);
        assert_eq!(errors(&c), ["subnet_prefix_length"]);
        let c = with(&[("primary_cidr", Value::string("10.20.0.0/23")), ("az_count", Value::int(2))]);
        assert!(errors(&c).is_empty());
        // A subnet wider than the VPC fits nowhere.
        let c = with(&[
            ("primary_cidr", Value::string("10.20.0.0/20")),
            ("subnet_prefix_length", Value::int(18)),
        ]);
        assert_eq!(errors(&c), ["subnet_prefix_length"]);
    }

    #[test]
    fn unknown_values_are_not_judged() {
        let c = with(&[
            ("primary_cidr", Value::Unknown),
            ("az_count", Value::Unknown),
            ("subnet_prefix_length", Value::Unknown),
            ("name", Value::Unknown),
        ]);
        assert!(errors(&c).is_empty());
    }

    fn plan_of(prior: &Value, config: &Value) -> PlanResponse {
        let configured = crate::provider::Configured::for_tests(settings());
        let mut resp = PlanResponse::default();
        plan(PlanRequest { prior, config, provider: Some(&configured) }, &mut resp);
        resp
    }

    fn region(n: u8) -> Value {
        Value::object([
            ("vpc_id", Value::string(format!("vpc-{n}"))),
            ("cidr", Value::string(format!("10.2{n}.0.0/16"))),
            ("subnet_ids", Value::strings([format!("subnet-{n}a"), format!("subnet-{n}b")])),
            ("route_table_id", Value::string(format!("rtb-{n}"))),
            ("database_security_group_id", Value::string(format!("sg-{n}d"))),
            ("function_security_group_id", Value::string(format!("sg-{n}f"))),
            ("api_security_group_id", Value::string(format!("sg-{n}a"))),
        ])
    }

    /// What apply records for `config`: the plan with unknowns filled in.
    fn applied(config: &Value) -> Value {
        let mut s = plan_of(&Value::Null, config).planned;
        s.set("primary", region(0));
        s.set("secondary", region(1));
        s.set("peering_connection_id", Value::string("pcx-1"));
        s.set("inventory", Value::List(vec![crate::resources::inventory_item("vpc", "us-east-1", "vpc-0")]));
        s
    }

    #[test]
    fn create_plans_known_identity_and_defaults() {
        let r = plan_of(&Value::Null, &config());
        assert!(!r.diags.has_errors(), "{:?}", r.diags);
        assert_eq!(r.planned.get("id").as_str(), Some("core-test-ab12"));
        assert_eq!(r.planned.get("primary_region").as_str(), Some("us-east-1"));
        assert_eq!(r.planned.get("az_count").as_i64(), Some(2));
        assert_eq!(r.planned.get("subnet_prefix_length").as_i64(), Some(24));
        for attr in ["primary", "secondary", "peering_connection_id", "inventory"] {
            assert!(r.planned.get(attr).is_unknown(), "{attr}");
        }
    }

    #[test]
    fn bad_input_fails_the_plan() {
        let r = plan_of(&Value::Null, &with(&[("az_count", Value::int(7))]));
        let errors: Vec<_> = r
            .diags
            .0
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.path.as_ref().unwrap().to_string())
            .collect();
        assert_eq!(errors, ["az_count"]);
    }

    #[test]
    fn unchanged_config_plans_no_change() {
        let prior = applied(&config());
        let r = plan_of(&prior, &config());
        assert!(r.requires_replace.is_empty());
        assert_eq!(r.planned, prior);
        // Writing the defaults out is no change either.
        let explicit = with(&[("az_count", Value::int(2)), ("subnet_prefix_length", Value::int(24))]);
        assert_eq!(plan_of(&prior, &explicit).planned, prior);
    }

    #[test]
    fn timeouts_change_in_place_without_unknowns() {
        let prior = applied(&config());
        let c = with(&[("timeouts", Value::object([("delete", Value::string("1h"))]))]);
        let r = plan_of(&prior, &c);
        assert!(r.requires_replace.is_empty());
        assert!(!r.planned.contains_unknown());
    }

    #[test]
    fn every_argument_forces_replacement() {
        let prior = applied(&config());
        let s = Value::string;
        let cases: &[(&str, Value)] = &[
            ("name", s("edge")),
            ("primary_cidr", s("10.30.0.0/16")),
            ("secondary_cidr", s("10.31.0.0/16")),
            ("az_count", Value::int(3)),
            ("subnet_prefix_length", Value::int(20)),
        ];
        for (attr, v) in cases {
            let r = plan_of(&prior, &with(&[(attr, v.clone())]));
            let mut want = vec![AttrPath::root(attr)];
            if *attr == "name" {
                want.push(AttrPath::root("id"));
            }
            assert_eq!(r.requires_replace, want, "{attr}");
            assert!(r.planned.get("primary").is_unknown());
            assert!(r.planned.get("peering_connection_id").is_unknown());
        }
        // A CIDR only known at apply may be a different one: replace.
        let r = plan_of(&prior, &with(&[("primary_cidr", Value::Unknown)]));
        assert_eq!(r.requires_replace, [AttrPath::root("primary_cidr")]);
    }

    #[test]
    fn missing_subnet_plans_repair_of_that_region_only() {
        let mut prior = applied(&config());
        let mut secondary = region(1);
        secondary.set("subnet_ids", Value::strings(["subnet-1a"]));
        prior.set("secondary", secondary);
        let r = plan_of(&prior, &config());
        assert!(r.requires_replace.is_empty());
        assert!(r.planned.get("secondary").is_unknown());
        assert!(r.planned.get("inventory").is_unknown());
        assert_eq!(r.planned.get("primary"), prior.get("primary"));
        assert_eq!(r.planned.get("peering_connection_id"), prior.get("peering_connection_id"));
    }

    #[test]
    fn missing_security_group_plans_repair() {
        let mut prior = applied(&config());
        let mut primary = region(0);
        primary.set("api_security_group_id", Value::Null);
        prior.set("primary", primary);
        let r = plan_of(&prior, &config());
        assert!(r.requires_replace.is_empty());
        assert!(r.planned.get("primary").is_unknown());
        assert_eq!(r.planned.get("secondary"), prior.get("secondary"));
    }

    #[test]
    fn missing_peering_or_vpc_plans_a_new_peering() {
        let mut prior = applied(&config());
        prior.set("peering_connection_id", Value::Null);
        let r = plan_of(&prior, &config());
        assert!(r.requires_replace.is_empty());
        assert!(r.planned.get("peering_connection_id").is_unknown());
        assert_eq!(r.planned.get("primary"), prior.get("primary"));

        let mut prior = applied(&config());
        prior.set("secondary", Value::Null);
        let r = plan_of(&prior, &config());
        assert!(r.requires_replace.is_empty());
        assert!(r.planned.get("secondary").is_unknown());
        assert!(r.planned.get("peering_connection_id").is_unknown());
    }

    #[test]
    fn unknown_provider_settings_never_replace() {
        let prior = applied(&config());
        let mut resp = PlanResponse::default();
        plan(PlanRequest { prior: &prior, config: &config(), provider: None }, &mut resp);
        assert!(resp.requires_replace.is_empty());
        assert_eq!(resp.planned, prior);
    }

    #[test]
    fn provider_region_change_replaces() {
        let prior = applied(&config());
        let mut s = settings();
        s.secondary_region = "us-west-2".into();
        let configured = crate::provider::Configured::for_tests(s);
        let mut resp = PlanResponse::default();
        plan(PlanRequest { prior: &prior, config: &config(), provider: Some(&configured) }, &mut resp);
        assert_eq!(resp.requires_replace, [AttrPath::root("secondary_region")]);
        assert_eq!(resp.planned.get("secondary_region").as_str(), Some("us-west-2"));
    }
}
