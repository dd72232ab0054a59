//! Validation and planning: pure, offline, unit-tested. Every error names its attribute and
//! comes before any AWS call.

use crate::provider::Settings;
use crate::resources::{PlanRequest, PlanResponse, validate_timeouts};
use crate::tfplugin::diag::{AttrPath, Diagnostics};
use crate::tfplugin::value::Value;

use super::model::{AUDIT_MIN_DAYS, Flavour, Names, Present, inventory, region_value};

/// S3 bucket names: 3 to 63 characters.
const MIN_BUCKET: usize = 3;
const MAX_BUCKET: usize = 63;
/// IAM role names: at most 64 characters.
const MAX_ROLE: usize = 64;
/// S3 keeps these for its own naming schemes.
const RESERVED_PREFIXES: &[&str] = &["xn--", "sthree-", "amzn-s3-demo-"];
const RESERVED_SUFFIXES: &[&str] = &["-s3alias", "--ol-s3", "--x-s3", "--table-s3"];

pub fn validate(c: &Value, d: &mut Diagnostics) {
    if let Some(name) = c.get("name").as_str()
        && let Some(problem) = name_part_problem(name)
    {
        d.attr_error(
            AttrPath::root("name"),
            "Invalid name",
            format!("name = {name:?} {problem}; it starts every bucket name (<name>-<environment>-<suffix>-<region>)."),
        );
    }
    let flavour = match c.get("flavour") {
        Value::Null => Some(Flavour::Config),
        Value::String(f) => {
            let parsed = Flavour::parse(f);
            if parsed.is_none() {
                d.attr_error(
                    AttrPath::root("flavour"),
                    "Invalid flavour",
                    format!("flavour = {f:?}: use \"config\" (application configuration) or \"audit\" (audit logs)."),
                );
            }
            parsed
        }
        _ => None,
    };
    if let Some(days) = c.get("noncurrent_version_expiration_days").as_i64() {
        let attr = AttrPath::root("noncurrent_version_expiration_days");
        if !(1..=i32::MAX as i64).contains(&days) {
            d.attr_error(
                attr,
                "Invalid noncurrent_version_expiration_days",
                format!("noncurrent_version_expiration_days = {days}: S3 lifecycle rules take a positive number of days."),
            );
        } else if flavour == Some(Flavour::Audit) && days < AUDIT_MIN_DAYS {
            d.attr_error(
                attr,
                "Audit logs must be kept longer",
                format!(
                    "noncurrent_version_expiration_days = {days} with flavour = \"audit\": audit logs keep \
                     superseded versions at least {AUDIT_MIN_DAYS} days. Raise it, or leave it out for {AUDIT_MIN_DAYS}."
                ),
            );
        }
    }
    validate_timeouts(c, r#""20m" or "1h""#, d);
}

/// What is wrong with `name` on its own, before the provider settings are known.
fn name_part_problem(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        Some("is empty")
    } else if !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        Some("may hold only lowercase letters, digits and hyphens")
    } else if name.starts_with('-') || name.ends_with('-') {
        Some("must not start or end with a hyphen")
    } else if name.len() > MAX_BUCKET {
        Some("is longer than a bucket name may be (63 characters)")
    } else {
        None
    }
}

/// What S3 would refuse in a full bucket name.
fn bucket_name_problem(b: &str) -> Option<String> {
    let first_last_ok = |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    if !(MIN_BUCKET..=MAX_BUCKET).contains(&b.len()) {
        return Some(format!("has {} characters; S3 allows {MIN_BUCKET} to {MAX_BUCKET}", b.len()));
    }
    if !b.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        return Some("may hold only lowercase letters, digits and hyphens".into());
    }
    if !first_last_ok(b.chars().next()) || !first_last_ok(b.chars().last()) {
        return Some("must start and end with a letter or digit".into());
    }
    if let Some(p) = RESERVED_PREFIXES.iter().find(|p| b.starts_with(**p)) {
        return Some(format!("starts with {p:?}, which S3 reserves"));
    }
    if let Some(s) = RESERVED_SUFFIXES.iter().find(|s| b.ends_with(**s)) {
        return Some(format!("ends with {s:?}, which S3 reserves"));
    }
    None
}

/// The AWS names for these settings, or an error on `name` when S3 or IAM would refuse one.
/// Both regions' bucket names are checked, so the longer region decides the length.
pub fn names(config: &Value, settings: &Settings, d: &mut Diagnostics) -> Option<Names> {
    let name = config.get("name").as_str()?;
    let names = Names { base: settings.name(name) };
    for region in settings.regions() {
        let bucket = names.bucket(region);
        if let Some(problem) = bucket_name_problem(&bucket) {
            d.attr_error(
                AttrPath::root("name"),
                "Bucket name not allowed by S3",
                format!("The bucket name {bucket:?} {problem}. Shorten or change name (or environment / environment_suffix)."),
            );
            return None;
        }
    }
    let role = names.role();
    if role.len() > MAX_ROLE {
        d.attr_error(
            AttrPath::root("name"),
            "name too long for the replication role",
            format!(
                "The replication role {role:?} has {} characters; IAM allows {MAX_ROLE}. Shorten name \
                 (or environment / environment_suffix).",
                role.len()
            ),
        );
        return None;
    }
    Some(names)
}

/// Arguments the user sets; the rest of the schema is computed.
const ARGUMENTS: &[&str] = &[
    "name",
    "flavour",
    "bidirectional",
    "replication_time_control",
    "noncurrent_version_expiration_days",
    "force_destroy",
    "timeouts",
];
/// Arguments that change something in AWS (`force_destroy` and `timeouts` live in state only).
const AWS_ARGUMENTS: &[&str] =
    &["flavour", "bidirectional", "replication_time_control", "noncurrent_version_expiration_days"];
const SIDES: [&str; 2] = ["primary", "secondary"];

pub fn plan(req: PlanRequest<'_>, resp: &mut PlanResponse) {
    let config = req.config;
    validate(config, &mut resp.diags);
    let settings = req.provider.map(|p| &p.settings);
    let names = settings.and_then(|s| names(config, s, &mut resp.diags));
    let creating = req.prior.is_null();

    let mut planned = if creating { all_unknown() } else { req.prior.clone() };
    for attr in ARGUMENTS {
        planned.set(attr, config.get(attr).clone());
    }
    apply_defaults(&mut planned);

    if creating {
        set_identity(&mut planned, names.as_ref(), settings);
        if planned.get("flavour").as_str() == Some("audit")
            && planned.get("force_destroy") == &Value::Bool(true)
        {
            resp.diags.attr_warning(
                AttrPath::root("force_destroy"),
                "Destroy would erase the audit history",
                "force_destroy is true (the default): `terraform destroy` deletes every object version of \
                 both audit buckets. Set force_destroy = false to make destroy refuse while logs remain.",
            );
        }
        resp.planned = planned;
        return;
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
            let renamed = config.get("name") != req.prior.get("name");
            resp.requires_replace.push(AttrPath::root(if renamed { "name" } else { "id" }));
        }
    }
    if !resp.requires_replace.is_empty() {
        let mut fresh = all_unknown();
        for attr in ARGUMENTS {
            fresh.set(attr, planned.get(attr).clone());
        }
        set_identity(&mut fresh, names.as_ref(), settings);
        resp.planned = fresh;
        return;
    }

    // Parts that went missing outside Terraform: a key, the role, or anything in `drift`.
    let mut missing = false;
    for side in SIDES {
        let mut obj = planned.get(side).clone();
        if obj.is_null() || obj.get("kms_key_arn").is_null() {
            missing = true;
            obj.set("kms_key_arn", Value::Unknown);
            planned.set(side, obj);
            resp.diags.attr_warning(
                AttrPath::root(side).attr("kms_key_arn"),
                "KMS key missing: apply creates a new one",
                "The bucket's KMS key (found by its alias) is gone or pending deletion. Apply creates a \
                 new key for new objects; objects already stored stay encrypted with the old key and \
                 become unreadable once it is deleted. To keep them, cancel the key's deletion and \
                 point the alias back at it before applying.",
            );
        }
    }
    if planned.get("replication_role_arn").is_null() {
        missing = true;
        planned.set("replication_role_arn", Value::Unknown);
    }
    let drifted = req.prior.get("drift").as_list().is_none_or(|d| !d.is_empty());
    let changed = AWS_ARGUMENTS.iter().any(|a| planned.get(a) != req.prior.get(a));
    if missing || drifted || changed {
        // Re-observed after apply; an apply that could not repair everything says so here.
        planned.set("drift", Value::Unknown);
    }
    // What the pair will own is known unless a key or the role is to be created: the plan then
    // shows exactly what apply adds (a recreated bucket, a reverse replication) or removes.
    let expected = if missing { None } else { expected_inventory(&planned) };
    planned.set("inventory", expected.map_or(Value::Unknown, Value::List));
    resp.planned = planned;
}

/// The inventory once apply has converged, from the planned identity, keys and role.
fn expected_inventory(planned: &Value) -> Option<Vec<Value>> {
    let names = Names { base: planned.get("id").as_str()?.to_string() };
    let regions = [planned.get("primary_region").as_str()?, planned.get("secondary_region").as_str()?]
        .map(str::to_string);
    let keys = SIDES.map(|side| planned.get(side).get("kms_key_arn").as_str().map(str::to_string));
    if keys.iter().any(Option::is_none) {
        return None;
    }
    let present = Present {
        keys: &keys,
        buckets: [true, true],
        role_arn: Some(planned.get("replication_role_arn").as_str()?),
        replication: [true, planned.get("bidirectional").as_bool()?],
    };
    Some(inventory(&names, &regions, &present))
}

fn all_unknown() -> Value {
    let mut v = Value::object(super::schema::schema().block.attrs.iter().map(|a| (a.name, Value::Unknown)));
    v.set("timeouts", Value::Null);
    v
}

fn apply_defaults(planned: &mut Value) {
    let default_if_null = |v: &mut Value, attr: &str, default: Value| {
        if v.get(attr).is_null() {
            v.set(attr, default);
        }
    };
    default_if_null(planned, "flavour", Value::string(Flavour::Config.as_str()));
    default_if_null(planned, "bidirectional", Value::Bool(false));
    default_if_null(planned, "replication_time_control", Value::Bool(true));
    default_if_null(planned, "force_destroy", Value::Bool(true));
    let days = match planned.get("flavour").as_str().map(Flavour::parse) {
        Some(Some(f)) => Value::int(f.default_days()),
        _ => Value::Unknown,
    };
    default_if_null(planned, "noncurrent_version_expiration_days", days);
}

fn set_identity(planned: &mut Value, names: Option<&Names>, settings: Option<&Settings>) {
    planned.set("id", names.map_or(Value::Unknown, |n| Value::string(&n.base)));
    let regions = settings.map(|s| [s.primary_region.as_str(), s.secondary_region.as_str()]);
    for (i, attr) in ["primary_region", "secondary_region"].iter().enumerate() {
        planned.set(attr, regions.map_or(Value::Unknown, |r| Value::string(r[i])));
        let side = match (names, regions) {
            (Some(n), Some(r)) => region_value(n, r[i], Value::Unknown),
            _ => Value::Unknown,
        };
        planned.set(SIDES[i], side);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::Configured;
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
        let mut c = all_unknown();
        for a in super::super::schema::schema().block.attrs.iter() {
            c.set(a.name, Value::Null);
        }
        c.set("timeouts", Value::Null);
        c.set("name", Value::string("cfg"));
        c
    }

    fn errors(c: &Value) -> Vec<String> {
        let mut d = Diagnostics::default();
        validate(c, &mut d);
        d.0.into_iter().map(|d| d.path.unwrap().to_string()).collect()
    }

    fn plan_with(prior: &Value, config: &Value, s: Option<Settings>) -> PlanResponse {
        let configured = s.map(Configured::for_tests);
        let mut resp = PlanResponse::default();
        plan(PlanRequest { prior, config, provider: configured.as_ref() }, &mut resp);
        resp
    }

    fn plan_of(prior: &Value, config: &Value) -> PlanResponse {
        plan_with(prior, config, Some(settings()))
    }

    fn error_paths(r: &PlanResponse) -> Vec<String> {
        r.diags
            .0
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.path.as_ref().unwrap().to_string())
            .collect()
    }

    /// What apply records for `config`: the plan with its unknowns filled in.
    fn applied(config: &Value) -> Value {
        let mut s = plan_of(&Value::Null, config).planned;
        for side in SIDES {
            let mut obj = s.get(side).clone();
            obj.set("kms_key_arn", Value::string(format!("arn:aws:kms:x:1:key/{side}")));
            s.set(side, obj);
        }
        s.set("replication_role_arn", Value::string("arn:aws:iam::1:role/cfg-test-ab12-replication"));
        s.set("drift", Value::List(vec![]));
        s.set("inventory", Value::List(expected_inventory(&s).unwrap()));
        s
    }

    #[test]
    fn good_config_has_no_errors_and_plans_known_names() {
        assert!(errors(&config()).is_empty());
        let r = plan_of(&Value::Null, &config());
        assert!(r.diags.0.is_empty(), "{:?}", r.diags);
        let p = &r.planned;
        assert_eq!(p.get("id").as_str(), Some("cfg-test-ab12"));
        assert_eq!(p.get("primary").get("bucket").as_str(), Some("cfg-test-ab12-us-east-1"));
        assert_eq!(p.get("secondary").get("arn").as_str(), Some("arn:aws:s3:::cfg-test-ab12-us-east-2"));
        assert!(p.get("primary").get("kms_key_arn").is_unknown());
        assert_eq!(p.get("flavour").as_str(), Some("config"));
        assert_eq!(p.get("noncurrent_version_expiration_days").as_i64(), Some(30));
        assert_eq!(p.get("bidirectional"), &Value::Bool(false));
        assert_eq!(p.get("replication_time_control"), &Value::Bool(true));
        assert_eq!(p.get("force_destroy"), &Value::Bool(true));
        assert!(p.get("drift").is_unknown() && p.get("inventory").is_unknown());
    }

    #[test]
    fn audit_defaults_to_a_year_and_refuses_less() {
        let mut c = config();
        c.set("flavour", Value::string("audit"));
        let r = plan_of(&Value::Null, &c);
        assert_eq!(r.planned.get("noncurrent_version_expiration_days").as_i64(), Some(365));
        // The only diagnostic: destroy would erase the audit history.
        assert_eq!(r.diags.0.len(), 1);
        assert_eq!(r.diags.0[0].severity, Severity::Warning);
        c.set("noncurrent_version_expiration_days", Value::int(30));
        assert_eq!(errors(&c), ["noncurrent_version_expiration_days"]);
        c.set("noncurrent_version_expiration_days", Value::int(400));
        assert!(errors(&c).is_empty());
        // An unknown flavour cannot be judged yet.
        c.set("flavour", Value::Unknown);
        c.set("noncurrent_version_expiration_days", Value::int(30));
        assert!(errors(&c).is_empty());
    }

    #[test]
    fn each_bad_input_names_its_attribute() {
        let cases: &[(&str, Value, &str)] = &[
            ("name", Value::string("Cfg"), "name"),
            ("name", Value::string("-cfg"), "name"),
            ("name", Value::string("cfg_1"), "name"),
            ("name", Value::string(""), "name"),
            ("flavour", Value::string("logs"), "flavour"),
            ("noncurrent_version_expiration_days", Value::int(0), "noncurrent_version_expiration_days"),
        ];
        for (attr, v, path) in cases {
            let mut c = config();
            c.set(attr, v.clone());
            assert_eq!(errors(&c), [*path], "{attr} = {v:?}");
        }
        let mut c = config();
        c.set("timeouts", Value::object([("create", Value::string("soon"))]));
        assert_eq!(errors(&c), ["timeouts.create"]);
    }

    #[test]
    fn bucket_names_are_checked_for_the_longer_region() {
        // "-test-ab12-us-east-1" is 20 characters: a 43-character name fills a bucket name (63).
        let mut c = config();
        c.set("name", Value::string("a".repeat(42)));
        assert!(error_paths(&plan_of(&Value::Null, &c)).is_empty());
        c.set("name", Value::string("a".repeat(44)));
        let r = plan_of(&Value::Null, &c);
        assert_eq!(error_paths(&r), ["name"]);
        assert!(r.diags.0[0].detail.contains("64 characters; S3 allows 3 to 63"), "{}", r.diags.0[0].detail);
        // A longer secondary region leaves less room.
        let mut s = settings();
        s.secondary_region = "ap-southeast-5".into();
        c.set("name", Value::string("a".repeat(40)));
        assert_eq!(error_paths(&plan_with(&Value::Null, &c, Some(s))), ["name"]);
    }

    #[test]
    fn reserved_and_role_limits_name_the_name() {
        assert!(bucket_name_problem("xn--abc-us-east-1").unwrap().contains("reserves"));
        assert!(bucket_name_problem("ab").unwrap().contains("3 to 63"));
        assert_eq!(bucket_name_problem("cfg-test-ab12-us-east-1"), None);
        // A 53-character base fits the buckets (63) but not the role (65).
        let mut s = settings();
        s.environment_suffix = "x".repeat(12);
        let mut c = config();
        c.set("name", Value::string("a".repeat(35)));
        let r = plan_with(&Value::Null, &c, Some(s));
        assert_eq!(error_paths(&r), ["name"]);
        assert!(r.diags.0[0].detail.contains("replication role"), "{}", r.diags.0[0].detail);
    }

    #[test]
    fn unchanged_config_plans_no_change() {
        let prior = applied(&config());
        let r = plan_of(&prior, &config());
        assert!(r.requires_replace.is_empty());
        assert!(r.diags.0.is_empty());
        assert_eq!(r.planned, prior);
    }

    #[test]
    fn drift_plans_an_in_place_repair() {
        let mut prior = applied(&config());
        prior.set("drift", Value::strings(["us-east-2: versioning is Suspended, not Enabled"]));
        let r = plan_of(&prior, &config());
        assert!(r.requires_replace.is_empty());
        assert!(r.planned.get("drift").is_unknown());
        assert_eq!(r.planned.get("primary"), prior.get("primary"));
        // Repairing settings adds or removes nothing: the inventory stays as it is.
        assert_eq!(r.planned.get("inventory"), prior.get("inventory"));
        // A bucket deleted outside comes back, and the plan says so.
        let mut gone = prior.clone();
        let items = prior.get("inventory").as_list().unwrap();
        gone.set(
            "inventory",
            Value::List(
                items
                    .iter()
                    .filter(|i| {
                        i.get("id").as_str() != Some("cfg-test-ab12-us-east-2")
                            || i.get("kind").as_str() != Some("s3_bucket")
                    })
                    .cloned()
                    .collect(),
            ),
        );
        gone.set("drift", Value::strings(["us-east-2: bucket cfg-test-ab12-us-east-2 is missing"]));
        assert_eq!(plan_of(&gone, &config()).planned.get("inventory"), prior.get("inventory"));
    }

    #[test]
    fn a_missing_key_is_recreated_with_a_warning() {
        let mut prior = applied(&config());
        let mut secondary = prior.get("secondary").clone();
        secondary.set("kms_key_arn", Value::Null);
        prior.set("secondary", secondary);
        let r = plan_of(&prior, &config());
        assert!(r.planned.get("secondary").get("kms_key_arn").is_unknown());
        assert!(r.planned.get("inventory").is_unknown());
        assert_eq!(r.diags.0[0].path.as_ref().unwrap().to_string(), "secondary.kms_key_arn");
        assert!(!r.diags.has_errors());
    }

    #[test]
    fn settings_change_in_place_and_keep_what_cannot_change() {
        let prior = applied(&config());
        let mut c = config();
        c.set("replication_time_control", Value::Bool(false));
        let r = plan_of(&prior, &c);
        assert!(r.requires_replace.is_empty());
        assert!(r.planned.get("drift").is_unknown());
        assert_eq!(r.planned.get("inventory"), prior.get("inventory"));
        assert_eq!(r.planned.get("replication_role_arn"), prior.get("replication_role_arn"));
        // Two-way adds the secondary's replication configuration, known at plan time.
        let mut c = config();
        c.set("bidirectional", Value::Bool(true));
        let items = plan_of(&prior, &c).planned.get("inventory").as_list().unwrap().to_vec();
        assert_eq!(items.len(), prior.get("inventory").as_list().unwrap().len() + 1);
        let last = items.last().unwrap();
        assert_eq!(
            (last.get("kind").as_str(), last.get("region").as_str()),
            (Some("s3_replication_configuration"), Some("us-east-2"))
        );
        // force_destroy lives in state only: nothing else moves.
        let mut c = config();
        c.set("force_destroy", Value::Bool(false));
        let r = plan_of(&prior, &c);
        assert_eq!(r.planned.get("drift"), prior.get("drift"));
        assert_eq!(r.planned.get("force_destroy"), &Value::Bool(false));
    }

    #[test]
    fn renames_and_region_changes_replace() {
        let prior = applied(&config());
        let mut c = config();
        c.set("name", Value::string("other"));
        assert_eq!(plan_of(&prior, &c).requires_replace, [AttrPath::root("name")]);
        let mut s = settings();
        s.environment_suffix = "zz99".into();
        assert_eq!(plan_with(&prior, &config(), Some(s)).requires_replace, [AttrPath::root("id")]);
        let mut s = settings();
        s.secondary_region = "us-west-2".into();
        let r = plan_with(&prior, &config(), Some(s));
        assert_eq!(r.requires_replace, [AttrPath::root("secondary_region")]);
        assert_eq!(r.planned.get("secondary").get("bucket").as_str(), Some("cfg-test-ab12-us-west-2"));
    }

    #[test]
    fn unknown_provider_settings_never_replace() {
        let prior = applied(&config());
        let r = plan_with(&prior, &config(), None);
        assert!(r.requires_replace.is_empty());
        assert_eq!(r.planned, prior);
        let created = plan_with(&Value::Null, &config(), None).planned;
        assert!(created.get("id").is_unknown() && created.get("primary").is_unknown());
    }
}
