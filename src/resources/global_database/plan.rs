//! Validation and planning: pure, offline, unit-tested. Every error names its attribute and
//! comes before any AWS call.

use crate::provider::Settings;
use crate::resources::{PlanRequest, PlanResponse, validate_timeouts};
use crate::tfplugin::diag::{AttrPath, Diagnostics};
use crate::tfplugin::value::Value;

use super::model::{DEFAULT_PRIMARY_COUNT, DEFAULT_SECONDARY_COUNT, Names, sorted};

/// RDS identifiers: at most 63 characters.
const MAX_IDENTIFIER: usize = 63;
/// The longest suffix we add to the base name: `-<region>-<instance number>`.
const LONGEST_REGION: usize = "ap-southeast-5".len();
const MIN_RPO: i64 = 20;
const MAX_INSTANCES: i64 = 16;

pub fn validate(c: &Value, d: &mut Diagnostics) {
    if let Some(name) = c.get("name").as_str()
        && (!is_identifier_part(name) || name.len() > MAX_IDENTIFIER)
    {
        d.attr_error(
            AttrPath::root("name"),
            "Invalid name",
            format!(
                "name = {name:?}: start with a lowercase letter; use lowercase letters, digits \
                         and single hyphens; it becomes part of RDS identifiers (63 characters at most)."
            ),
        );
    }
    if let Some(v) = c.get("engine_version").as_str() {
        match parse_version(v) {
            None => d.attr_error(
                AttrPath::root("engine_version"),
                "Invalid engine_version",
                format!("engine_version = {v:?} is not an Aurora PostgreSQL version such as \"15.4\" (<major>.<minor>)."),
            ),
            Some((major, _)) if !(11..=17).contains(&major) => d.attr_error(
                AttrPath::root("engine_version"),
                "Unsupported engine_version",
                format!("Aurora PostgreSQL global databases support major versions 11 to 17, not {major}."),
            ),
            Some(_) => {}
        }
    }
    if let Some(class) = c.get("instance_class").as_str() {
        let parts: Vec<_> = class.split('.').collect();
        let shaped = parts.len() == 3
            && parts[0] == "db"
            && parts[1..]
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
        if !shaped {
            d.attr_error(
                AttrPath::root("instance_class"),
                "Invalid instance_class",
                format!("instance_class = {class:?} is not a DB instance class such as \"db.r6g.large\"."),
            );
        } else if parts[1].starts_with('t') {
            d.attr_error(AttrPath::root("instance_class"), "Instance class not supported for global databases",
                format!("{class} is burstable; Aurora global databases need a memory-optimized class such as db.r6g.large."));
        }
    }
    check_count(c, "primary_instance_count", 1, d);
    check_count(c, "secondary_instance_count", 0, d);
    for attr in ["database_name", "master_username"] {
        if let Some(v) = c.get(attr).as_str() {
            let ok = v.len() <= 63
                && v.chars().next().is_some_and(|ch| ch.is_ascii_alphabetic())
                && v.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_');
            if !ok {
                d.attr_error(
                    AttrPath::root(attr),
                    format!("Invalid {attr}"),
                    format!(
                        "{attr} = {v:?}: 1 to 63 letters, digits or underscores, starting with a letter."
                    ),
                );
            } else if attr == "master_username" && v.eq_ignore_ascii_case("rdsadmin") {
                d.attr_error(
                    AttrPath::root(attr),
                    "Reserved master_username",
                    "rdsadmin is reserved by RDS.",
                );
            }
        }
    }
    if let Some(p) = c.get("master_password_wo").as_str() {
        let bad_char = p.chars().find(|ch| !ch.is_ascii_graphic() || "/\"@".contains(*ch));
        if p.len() < 8 || p.len() > 128 {
            d.attr_error(
                AttrPath::root("master_password_wo"),
                "Invalid master_password_wo",
                format!("The master password has {} characters; Aurora needs 8 to 128.", p.len()),
            );
        } else if let Some(ch) = bad_char {
            d.attr_error(
                AttrPath::root("master_password_wo"),
                "Invalid master_password_wo",
                format!("The master password contains {ch:?}; Aurora refuses '/', '\"', '@' and spaces."),
            );
        }
    }
    if let Some(rpo) = c.get("max_rpo_seconds").as_i64()
        && !(MIN_RPO..=i32::MAX as i64).contains(&rpo)
    {
        d.attr_error(
            AttrPath::root("max_rpo_seconds"),
            "Invalid max_rpo_seconds",
            format!("max_rpo_seconds = {rpo}: rds.global_db_rpo accepts {MIN_RPO} seconds or more."),
        );
    }
    for side in ["primary", "secondary"] {
        let attr = format!("{side}_subnet_ids");
        if let Some(ids) = c.get(&attr).as_string_list() {
            if ids.len() < 2 {
                d.attr_error(
                    AttrPath::root(&attr),
                    format!("Too few {attr}"),
                    "A DB subnet group needs at least two subnets in different availability zones.",
                );
            }
            check_prefix(&ids, "subnet-", &attr, d);
        }
        let attr = format!("{side}_security_group_ids");
        if let Some(ids) = c.get(&attr).as_string_list() {
            check_prefix(&ids, "sg-", &attr, d);
        }
    }
    validate_timeouts(c, r#""45m" or "1h30m""#, d);
}

fn parse_version(v: &str) -> Option<(u32, u32)> {
    let (major, minor) = v.split_once('.')?;
    Some((major.parse().ok()?, minor.parse().ok()?))
}

fn is_identifier_part(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.ends_with('-')
        && !s.contains("--")
}

fn check_count(c: &Value, attr: &str, min: i64, d: &mut Diagnostics) {
    if let Some(n) = c.get(attr).as_i64()
        && !(min..=MAX_INSTANCES).contains(&n)
    {
        d.attr_error(
            AttrPath::root(attr),
            format!("Invalid {attr}"),
            format!(
                "{attr} = {n}: must be between {min} and {MAX_INSTANCES} (one writer plus up to 15 readers)."
            ),
        );
    }
}

fn check_prefix(ids: &[String], prefix: &str, attr: &str, d: &mut Diagnostics) {
    for (i, id) in ids.iter().enumerate() {
        if !id.starts_with(prefix) {
            d.attr_error(
                AttrPath::root(attr).index(i),
                format!("Invalid {attr}"),
                format!("{id:?} is not an id starting with {prefix:?}."),
            );
        }
    }
}

/// The AWS names for these settings, or an error on `name` when they would be too long.
pub fn names(config: &Value, settings: &Settings, d: &mut Diagnostics) -> Option<Names> {
    let name = config.get("name").as_str()?;
    let base = settings.name(name);
    let longest = base.len() + 1 + LONGEST_REGION + 3;
    if longest > MAX_IDENTIFIER {
        d.attr_error(
            AttrPath::root("name"),
            "name too long",
            format!(
                "{base:?} leaves no room for the regional suffixes: identifiers like \
                     \"{base}-<region>-<n>\" reach {longest} characters, RDS allows {MAX_IDENTIFIER}. \
                     Shorten name (or environment / environment_suffix)."
            ),
        );
        return None;
    }
    Some(Names { base })
}

/// Arguments the user sets; the rest of the schema is computed.
const ARGUMENTS: &[&str] = &[
    "name",
    "engine_version",
    "instance_class",
    "primary_instance_count",
    "secondary_instance_count",
    "database_name",
    "master_username",
    "master_password_wo_version",
    "max_rpo_seconds",
    "primary_subnet_ids",
    "secondary_subnet_ids",
    "primary_security_group_ids",
    "secondary_security_group_ids",
    "deletion_protection",
    "timeouts",
];
/// Arguments AWS cannot change in place.
const FORCE_NEW: &[&str] = &["name", "database_name", "master_username"];
/// Arguments that add or remove AWS objects, and the computed values that list them.
const TOPOLOGY: &[&str] = &["primary_instance_count", "secondary_instance_count"];
const COMPUTED_ON_TOPOLOGY: &[&str] = &["clusters", "inventory"];

pub fn plan(req: PlanRequest<'_>, resp: &mut PlanResponse) {
    let config = req.config;
    validate(config, &mut resp.diags);
    let settings = req.provider.map(|p| &p.settings);
    let names = settings.and_then(|s| names(config, s, &mut resp.diags));

    // Arguments from the configuration, with defaults filled in.
    let mut planned = req.prior.clone();
    if planned.is_null() {
        planned = Value::object(super::schema::schema().block.attrs.iter().map(|a| (a.name, Value::Unknown)));
        planned.set("timeouts", Value::Null);
    }
    for attr in ARGUMENTS {
        planned.set(attr, normalized(attr, config.get(attr)));
    }
    default_if_null(&mut planned, "primary_instance_count", Value::int(DEFAULT_PRIMARY_COUNT));
    default_if_null(&mut planned, "secondary_instance_count", Value::int(DEFAULT_SECONDARY_COUNT));
    default_if_null(&mut planned, "deletion_protection", Value::Bool(false));
    for attr in ["primary_security_group_ids", "secondary_security_group_ids"] {
        // Unset security groups keep whatever AWS assigned (the VPC default).
        if config.get(attr).is_null() && !req.prior.is_null() {
            planned.set(attr, req.prior.get(attr).clone());
        }
    }
    planned.set("rpo_bound_seconds", planned.get("max_rpo_seconds").clone());
    if config.get("max_rpo_seconds").is_null() {
        resp.diags.attr_warning(
            AttrPath::root("max_rpo_seconds"),
            "Data loss on unplanned failover is unbounded",
            "Without max_rpo_seconds (rds.global_db_rpo), an unplanned failover loses whatever the \
             secondary had not yet replicated, with no upper bound. Set max_rpo_seconds (>= 20) to bound it; \
             a planned switchover loses nothing either way.",
        );
    }

    if req.prior.is_null() {
        if config.get("master_password_wo").is_null() {
            resp.diags.attr_error(
                AttrPath::root("master_password_wo"),
                "Missing master_password_wo",
                "A new global database needs a master password (master_password_wo).",
            );
        }
        set_identity(&mut planned, names.as_ref(), settings);
        resp.planned = planned;
        return;
    }

    // Update or replace.
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
            && req.prior.get("global_cluster_id").as_str() != Some(n.base.as_str())
        {
            resp.requires_replace.push(AttrPath::root("global_cluster_id"));
        }
    }
    if !resp.requires_replace.is_empty() {
        let mut fresh =
            Value::object(super::schema::schema().block.attrs.iter().map(|a| (a.name, Value::Unknown)));
        for attr in ARGUMENTS.iter().chain(&["rpo_bound_seconds"]) {
            fresh.set(attr, planned.get(attr).clone());
        }
        set_identity(&mut fresh, names.as_ref(), settings);
        resp.planned = fresh;
        return;
    }

    // A regional cluster missing from state was deleted outside Terraform: repair it.
    let regions_present = req.prior.get("clusters").as_map().map_or(0, |m| m.len());
    let needs_repair = regions_present < 2;
    let topology_changed = TOPOLOGY.iter().any(|a| planned.get(a) != req.prior.get(a));
    if needs_repair || topology_changed {
        for attr in COMPUTED_ON_TOPOLOGY {
            planned.set(attr, Value::Unknown);
        }
    }
    resp.planned = planned;
}

fn set_identity(planned: &mut Value, names: Option<&Names>, settings: Option<&Settings>) {
    let id = names.map_or(Value::Unknown, |n| Value::string(n.global_cluster()));
    planned.set("id", id.clone());
    planned.set("global_cluster_id", id);
    let region = |r: Option<&str>| r.map_or(Value::Unknown, Value::string);
    planned.set("primary_region", region(settings.map(|s| s.primary_region.as_str())));
    planned.set("secondary_region", region(settings.map(|s| s.secondary_region.as_str())));
}

fn default_if_null(v: &mut Value, attr: &str, default: Value) {
    if v.get(attr).is_null() {
        v.set(attr, default);
    }
}

/// Sets of strings in sorted order, so a reordered configuration is no change.
fn normalized(attr: &str, v: &Value) -> Value {
    if attr.ends_with("_ids")
        && let Some(items) = sorted(v)
    {
        return Value::strings(items);
    }
    v.clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::Settings;

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
        for a in ["id", "global_cluster_id"] {
            c.set(a, Value::Null);
        }
        c.set("name", Value::string("orders"));
        c.set("engine_version", Value::string("15.4"));
        c.set("instance_class", Value::string("db.r6g.large"));
        c.set("database_name", Value::string("orders"));
        c.set("master_username", Value::string("trader"));
        c.set("master_password_wo", Value::string("correct-horse"));
        c.set("primary_subnet_ids", Value::strings(["subnet-b", "subnet-a"]));
        c.set("secondary_subnet_ids", Value::strings(["subnet-c", "subnet-d"]));
        c.set("timeouts", Value::Null);
        c
    }

    fn errors(c: &Value) -> Vec<String> {
        let mut d = Diagnostics::default();
        validate(c, &mut d);
        d.0.into_iter().map(|d| d.path.unwrap().to_string()).collect()
    }

    #[test]
    fn good_config_has_no_errors() {
        assert!(errors(&config()).is_empty());
    }

    #[test]
    fn each_bad_input_names_its_attribute() {
        let cases: &[(&str, Value, &str)] = &[
            ("engine_version", Value::string("fifteen"), "engine_version"),
            ("engine_version", Value::string("9.6"), "engine_version"),
            ("instance_class", Value::string("db.t4g.medium"), "instance_class"),
            ("instance_class", Value::string("large"), "instance_class"),
            ("primary_instance_count", Value::int(0), "primary_instance_count"),
            ("primary_instance_count", Value::int(17), "primary_instance_count"),
            ("secondary_instance_count", Value::int(-1), "secondary_instance_count"),
            ("max_rpo_seconds", Value::int(10), "max_rpo_seconds"),
            ("master_password_wo", Value::string("short"), "master_password_wo"),
            ("master_password_wo", Value::string("has a space"), "master_password_wo"),
            ("master_username", Value::string("rdsadmin"), "master_username"),
            ("database_name", Value::string("1db"), "database_name"),
            ("name", Value::string("Orders"), "name"),
            ("primary_subnet_ids", Value::strings(["subnet-a"]), "primary_subnet_ids"),
            ("secondary_subnet_ids", Value::strings(["subnet-a", "vpc-1"]), "secondary_subnet_ids[1]"),
        ];
        for (attr, v, path) in cases {
            let mut c = config();
            c.set(attr, v.clone());
            assert_eq!(errors(&c), [*path], "{attr} = {v:?}");
        }
    }

    #[test]
    fn unknown_values_are_not_judged() {
        let mut c = config();
        c.set("max_rpo_seconds", Value::Unknown);
        c.set("primary_subnet_ids", Value::Unknown);
        assert!(errors(&c).is_empty());
    }

    #[test]
    fn long_names_fail_on_name() {
        let mut c = config();
        c.set("name", Value::string("a".repeat(40)));
        let mut d = Diagnostics::default();
        assert!(names(&c, &settings(), &mut d).is_none());
        assert_eq!(d.0[0].path.as_ref().unwrap().to_string(), "name");
    }

    fn plan_of(prior: &Value, config: &Value) -> PlanResponse {
        let configured = crate::provider::Configured::for_tests(settings());
        let mut resp = PlanResponse::default();
        plan(PlanRequest { prior, config, provider: Some(&configured) }, &mut resp);
        resp
    }

    /// What apply would record for `config`: the plan with unknowns filled in.
    fn applied(config: &Value) -> Value {
        let mut s = plan_of(&Value::Null, config).planned;
        s.set("global_cluster_arn", Value::string("arn:aws:rds::1:global-cluster:x"));
        s.set("writer_region", Value::string("us-east-1"));
        s.set("clusters", Value::object([("us-east-1", Value::Null), ("us-east-2", Value::Null)]));
        s.set("inventory", Value::List(vec![]));
        s.set("master_password_wo", Value::Null);
        s
    }

    #[test]
    fn create_plans_known_names_and_defaults() {
        let r = plan_of(&Value::Null, &config());
        assert!(!r.diags.has_errors(), "{:?}", r.diags);
        assert_eq!(r.planned.get("global_cluster_id").as_str(), Some("orders-test-ab12"));
        assert_eq!(r.planned.get("primary_instance_count").as_i64(), Some(1));
        assert!(r.planned.get("clusters").is_unknown());
        assert_eq!(r.planned.get("primary_subnet_ids").as_string_list().unwrap(), ["subnet-a", "subnet-b"]);
    }

    #[test]
    fn create_without_password_fails() {
        let mut c = config();
        c.set("master_password_wo", Value::Null);
        let r = plan_of(&Value::Null, &c);
        let errors: Vec<_> = r
            .diags
            .0
            .iter()
            .filter(|d| d.severity == crate::tfplugin::diag::Severity::Error)
            .map(|d| d.path.as_ref().unwrap().to_string())
            .collect();
        assert_eq!(errors, ["master_password_wo"]);
    }

    #[test]
    fn unbounded_rpo_is_stated_as_a_warning() {
        let r = plan_of(&Value::Null, &config());
        assert!(!r.diags.has_errors());
        assert_eq!(r.diags.0[0].path.as_ref().unwrap().to_string(), "max_rpo_seconds");
        let mut c = config();
        c.set("max_rpo_seconds", Value::int(20));
        assert!(plan_of(&Value::Null, &c).diags.0.is_empty());
    }

    #[test]
    fn unchanged_config_plans_no_change_even_after_a_switchover() {
        let mut prior = applied(&config());
        prior.set("writer_region", Value::string("us-east-2"));
        let mut c = config();
        c.set("master_password_wo", Value::Null); // write-only: absent on later runs is fine
        c.set("primary_subnet_ids", Value::strings(["subnet-a", "subnet-b"]));
        let r = plan_of(&prior, &c);
        assert!(r.requires_replace.is_empty());
        assert_eq!(r.planned, prior);
    }

    #[test]
    fn missing_regional_cluster_plans_in_place_repair() {
        let mut prior = applied(&config());
        prior.set("clusters", Value::object([("us-east-1", Value::Null)]));
        prior.set("secondary_instance_count", Value::int(0));
        let r = plan_of(&prior, &config());
        assert!(r.requires_replace.is_empty());
        assert!(r.planned.get("clusters").is_unknown());
        assert_eq!(r.planned.get("secondary_instance_count").as_i64(), Some(1));
    }

    #[test]
    fn force_new_attributes_replace() {
        let prior = applied(&config());
        let mut c = config();
        c.set("database_name", Value::string("other"));
        let r = plan_of(&prior, &c);
        assert_eq!(r.requires_replace, [AttrPath::root("database_name")]);
        let mut c = config();
        c.set("primary_instance_count", Value::int(3));
        assert!(plan_of(&prior, &c).requires_replace.is_empty());
    }

    #[test]
    fn unknown_provider_settings_never_replace() {
        let prior = applied(&config());
        let mut resp = PlanResponse::default();
        plan(PlanRequest { prior: &prior, config: &config(), provider: None }, &mut resp);
        assert!(resp.requires_replace.is_empty());
        assert_eq!(resp.planned.get("global_cluster_id"), prior.get("global_cluster_id"));
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
    }

    #[test]
    fn settings_changes_keep_computed_lists_known() {
        // After an import the password version is unknown to state: setting it must not
        // make the cluster list look as if it would change.
        let prior = applied(&config());
        let mut c = config();
        c.set("master_password_wo_version", Value::int(1));
        c.set("deletion_protection", Value::Bool(true));
        let r = plan_of(&prior, &c);
        assert_eq!(r.planned.get("clusters"), prior.get("clusters"));
        assert_eq!(r.planned.get("inventory"), prior.get("inventory"));
        c.set("secondary_instance_count", Value::int(2));
        assert!(plan_of(&prior, &c).planned.get("clusters").is_unknown());
    }
}
