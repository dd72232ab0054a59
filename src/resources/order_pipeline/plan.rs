//! Validation and planning for `drpair_order_pipeline`: offline (the only thing read is the
//! local package, to hash it).

use std::collections::BTreeSet;

use crate::resources::{PlanRequest, PlanResponse, plan_identity, plan_start, validate_timeouts};
use crate::tfplugin::diag::{AttrPath, Diagnostics};
use crate::tfplugin::value::Value;

use super::model::{
    DEFAULT_BATCH, DEFAULT_HANDLER, DEFAULT_MAX_RECEIVE, DEFAULT_MEMORY, DEFAULT_RESERVED, DEFAULT_RUNTIME,
    DEFAULT_TIMEOUT, Names, Package, ROLES, RUNTIMES, VISIBILITY_FACTOR, code_sha256, read_local_package,
};

/// IAM role names have at most 64 characters; the longest is `<id>-orchestrator`.
const MAX_ID: usize = 64 - "-orchestrator".len();
/// The package tag's value (`file:<path>`) has at most 256 characters.
const MAX_PATH: usize = 250;

/// Arguments copied from the configuration into the plan (and kept as planned after apply).
pub const ARGUMENTS: &[&str] = &[
    "name",
    "package_path",
    "package_s3_bucket",
    "package_s3_key",
    "environment",
    "primary_subnet_ids",
    "primary_security_group_ids",
    "secondary_subnet_ids",
    "secondary_security_group_ids",
    "table_arns",
    "bucket_arns",
    "parameter_arns",
    "timeouts",
];

/// Numeric arguments with their default, range and unit-free description.
const NUMBERS: &[(&str, i64, i64, &str)] = &[
    ("memory_size", 128, 10240, "MB"),
    ("timeout", 1, 900, "seconds"),
    ("reserved_concurrency", 1, 900, "concurrent executions (the account keeps 100 unreserved)"),
    ("batch_size", 1, 10, "messages (an SQS event source without a batching window takes at most 10)"),
    ("visibility_timeout_seconds", 0, 43200, "seconds"),
    ("max_receive_count", 1, 1000, "receives"),
];

fn check_list(c: &Value, attr: &str, ok: impl Fn(&str) -> bool, what: &str, d: &mut Diagnostics) {
    let Some(items) = c.get(attr).as_list() else { return };
    let mut seen = BTreeSet::new();
    for (i, item) in items.iter().enumerate() {
        let Some(s) = item.as_str() else { continue };
        let path = AttrPath::root(attr).index(i);
        if !ok(s) {
            d.attr_error(path.clone(), format!("Invalid {what}"), format!("{s:?} is not {what}."));
        }
        if !seen.insert(s) {
            d.attr_error(path, "Listed twice", format!("{s:?} appears more than once in {attr}."));
        }
    }
}

fn arn_of(service: &str, resource: &'static str) -> impl Fn(&str) -> bool {
    move |s: &str| {
        let parts: Vec<&str> = s.splitn(6, ':').collect();
        parts.len() == 6 && parts[0] == "arn" && parts[2] == service && parts[5].starts_with(resource)
    }
}

fn validate_package(c: &Value, d: &mut Diagnostics) {
    let path = c.get("package_path");
    let (bucket, key) = (c.get("package_s3_bucket"), c.get("package_s3_key"));
    if !path.is_null() && (!bucket.is_null() || !key.is_null()) {
        let at = if bucket.is_null() { "package_s3_key" } else { "package_s3_bucket" };
        d.attr_error(
            AttrPath::root(at),
            "Two packages given",
            "Set package_path (a local zip) or package_s3_bucket + package_s3_key (an S3 object), not both.",
        );
    } else if path.is_null() {
        match (bucket.is_null(), key.is_null()) {
            (true, true) => d.attr_error(
                AttrPath::root("package_path"),
                "No package given",
                "Set package_path (a local zip) or package_s3_bucket + package_s3_key (an S3 object).",
            ),
            (false, true) => d.attr_error(
                AttrPath::root("package_s3_key"),
                "Missing package_s3_key",
                "An S3 package needs both package_s3_bucket and package_s3_key.",
            ),
            (true, false) => d.attr_error(
                AttrPath::root("package_s3_bucket"),
                "Missing package_s3_bucket",
                "An S3 package needs both package_s3_bucket and package_s3_key.",
            ),
            (false, false) => {}
        }
    }
    if let Some(p) = path.as_str() {
        if p.len() > MAX_PATH {
            d.attr_error(
                AttrPath::root("package_path"),
                "Path too long",
                format!("package_path has {} characters; at most {MAX_PATH}.", p.len()),
            );
        } else if let Err(why) = read_local_package(p) {
            d.attr_error(AttrPath::root("package_path"), "Unusable package", why);
        }
    }
    if let (Some(b), Some(k)) = (bucket.as_str(), key.as_str())
        && (b.is_empty() || k.is_empty() || b.len() + k.len() > MAX_PATH)
    {
        d.attr_error(
            AttrPath::root("package_s3_key"),
            "Invalid S3 package",
            "package_s3_bucket and package_s3_key must be non-empty and together at most 250 characters.",
        );
    }
}

pub fn validate(c: &Value, d: &mut Diagnostics) {
    if let Some(name) = c.get("name").as_str() {
        let ok = name.chars().next().is_some_and(|ch| ch.is_ascii_lowercase())
            && name.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-');
        if !ok || name.len() > 24 {
            d.attr_error(
                AttrPath::root("name"),
                "Invalid name",
                format!("name = {name:?}: start with a lowercase letter; lowercase letters, digits and hyphens, at most 24."),
            );
        }
    }
    validate_package(c, d);
    if let Some(h) = c.get("handler").as_str()
        && (h.is_empty() || h.len() > 128 || !h.contains('.'))
    {
        d.attr_error(
            AttrPath::root("handler"),
            "Invalid handler",
            format!("{h:?} is not `<module>.<function>`."),
        );
    }
    if let Some(r) = c.get("runtime").as_str()
        && !RUNTIMES.contains(&r)
    {
        d.attr_error(
            AttrPath::root("runtime"),
            "Unsupported runtime",
            format!("runtime = {r:?}: use one of {}.", RUNTIMES.join(", ")),
        );
    }
    for (attr, lo, hi, unit) in NUMBERS {
        if let Some(n) = c.get(attr).as_i64()
            && !(*lo..=*hi).contains(&n)
        {
            d.attr_error(
                AttrPath::root(attr),
                "Out of range",
                format!("{attr} = {n}: use {lo} to {hi} {unit}."),
            );
        }
    }
    let timeout = match c.get("timeout") {
        Value::Null => Some(DEFAULT_TIMEOUT),
        v => v.as_i64(),
    };
    if let (Some(t), Some(vis)) = (timeout, c.get("visibility_timeout_seconds").as_i64())
        && vis < VISIBILITY_FACTOR * t
    {
        d.attr_error(
            AttrPath::root("visibility_timeout_seconds"),
            "Visibility timeout too short for the function timeout",
            format!(
                "visibility_timeout_seconds = {vis} is less than {VISIBILITY_FACTOR} x timeout ({t} s) = {}: \
                 AWS's guidance for SQS event sources is a visibility timeout of at least six times the \
                 function timeout, or messages being retried are delivered again before the first \
                 attempt ends.",
                VISIBILITY_FACTOR * t
            ),
        );
    }
    for role in ROLES {
        let (subnets, groups) = (format!("{role}_subnet_ids"), format!("{role}_security_group_ids"));
        match (c.get(&subnets).is_null(), c.get(&groups).is_null()) {
            (false, true) => d.attr_error(
                AttrPath::root(&groups),
                "Security groups missing",
                format!("{subnets} is set: a VPC attachment needs {groups} too."),
            ),
            (true, false) => d.attr_error(
                AttrPath::root(&subnets),
                "Subnets missing",
                format!("{groups} is set: a VPC attachment needs {subnets} too."),
            ),
            _ => {}
        }
        for (attr, prefix) in [(&subnets, "subnet-"), (&groups, "sg-")] {
            if c.get(attr).as_list().is_some_and(<[Value]>::is_empty) {
                d.attr_error(
                    AttrPath::root(attr),
                    "Empty list",
                    format!("{attr} is empty: leave it out instead."),
                );
            }
            check_list(
                c,
                attr,
                |s| s.starts_with(prefix) && s.len() > prefix.len(),
                &format!("a {prefix} id"),
                d,
            );
        }
    }
    check_list(c, "table_arns", arn_of("dynamodb", "table/"), "a DynamoDB table ARN", d);
    check_list(
        c,
        "bucket_arns",
        |s| s.starts_with("arn:") && s.contains(":s3:::") && !s.contains('/'),
        "an S3 bucket ARN",
        d,
    );
    check_list(c, "parameter_arns", arn_of("ssm", "parameter/"), "an SSM parameter ARN", d);
    if let Some(env) = c.get("environment").as_map() {
        for k in env.keys() {
            let ok = k.chars().next().is_some_and(|ch| ch.is_ascii_alphabetic())
                && k.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
                && !k.starts_with("AWS_");
            if !ok {
                d.attr_error(
                    AttrPath::root("environment").key(k),
                    "Invalid variable name",
                    format!("{k:?}: letters, digits and underscores, starting with a letter; AWS_ names are Lambda's."),
                );
            }
        }
    }
    validate_timeouts(c, r#""5m""#, d);
}

/// Config value, or its default when left out.
fn or_default(config: &Value, attr: &str, default: Value) -> Value {
    match config.get(attr) {
        Value::Null => default,
        v => v.clone(),
    }
}

/// The package's hash as the plan knows it: local files are hashed now; an S3 object only
/// after apply reads it (kept from state while bucket and key stay the same).
fn planned_sha(config: &Value, prior: &Value) -> Value {
    if let Some(path) = config.get("package_path").as_str() {
        return match read_local_package(path) {
            Ok(bytes) => Value::string(code_sha256(&bytes)),
            Err(_) => Value::Unknown,
        };
    }
    let now = Package::from_values(config);
    if now.is_some() && now == Package::from_values(prior) && prior.get("package_sha256").as_str().is_some() {
        return prior.get("package_sha256").clone();
    }
    Value::Unknown
}

pub fn plan(req: PlanRequest<'_>, resp: &mut PlanResponse) {
    let config = req.config;
    validate(config, &mut resp.diags);
    let creating = req.prior.is_null();
    let mut planned = plan_start(&super::schema::schema(), req.prior, config, ARGUMENTS);
    planned.set("handler", or_default(config, "handler", Value::string(DEFAULT_HANDLER)));
    planned.set("runtime", or_default(config, "runtime", Value::string(DEFAULT_RUNTIME)));
    planned.set("memory_size", or_default(config, "memory_size", Value::int(DEFAULT_MEMORY)));
    let timeout = or_default(config, "timeout", Value::int(DEFAULT_TIMEOUT));
    let visibility = timeout.as_i64().map_or(Value::Unknown, |t| Value::int(VISIBILITY_FACTOR * t));
    planned.set("timeout", timeout);
    planned.set("visibility_timeout_seconds", or_default(config, "visibility_timeout_seconds", visibility));
    planned.set(
        "reserved_concurrency",
        or_default(config, "reserved_concurrency", Value::int(DEFAULT_RESERVED)),
    );
    planned.set("batch_size", or_default(config, "batch_size", Value::int(DEFAULT_BATCH)));
    planned
        .set("max_receive_count", or_default(config, "max_receive_count", Value::int(DEFAULT_MAX_RECEIVE)));

    let Some((id, regions)) = plan_identity(&req, &mut planned, resp) else {
        resp.planned = planned;
        return;
    };
    if id.len() > MAX_ID {
        resp.diags.attr_error(
            AttrPath::root("name"),
            "Name too long",
            format!("{id:?} (<name>-<environment>-<suffix>) has {} characters; IAM role names allow {MAX_ID} here.", id.len()),
        );
    }
    let fresh = creating || !resp.requires_replace.is_empty();
    let prior = if fresh { &Value::Null } else { req.prior };

    let sha = planned_sha(config, prior);
    planned.set("package_sha256", sha.clone());
    let names = Names { id: id.clone() };
    let mut changed = fresh
        || ARGUMENTS
            .iter()
            .chain(&[
                "handler",
                "runtime",
                "memory_size",
                "timeout",
                "visibility_timeout_seconds",
                "reserved_concurrency",
                "batch_size",
                "max_receive_count",
                "package_sha256",
            ])
            .any(|a| planned.get(a) != prior.get(a));
    for (role, region) in ROLES.iter().zip(&regions) {
        let before = prior.get(role);
        let alarms = Value::strings(names.alarms(region));
        let mut object = Value::object([
            ("region", Value::string(region)),
            ("function_name", Value::string(names.function())),
            ("code_sha256", sha.clone()),
            ("alarm_names", alarms),
        ]);
        // What AWS assigned stays known; what is missing (or not as wanted) is made again.
        for attr in
            ["function_arn", "queue_url", "queue_arn", "dlq_url", "dlq_arn", "event_source_mapping_id"]
        {
            let v = before.get(attr);
            object.set(attr, if v.is_null() { Value::Unknown } else { v.clone() });
        }
        changed |= &object != before;
        planned.set(role, object);
    }
    for attr in ["execution_role_arn", "orchestrator_role_arn"] {
        let v = prior.get(attr);
        changed |= v.is_null();
        planned.set(attr, if v.is_null() { Value::Unknown } else { v.clone() });
    }
    if changed {
        planned.set("inventory", Value::Unknown);
    }
    resp.planned = planned;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::test_support::{error_paths, plan_with};

    /// An empty zip, written once for all tests (they run in parallel).
    fn zip_path() -> String {
        static PATH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        PATH.get_or_init(|| {
            let p = std::env::temp_dir().join(format!("drpair-op-test-{}.zip", std::process::id()));
            std::fs::write(&p, b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0").unwrap();
            p.to_string_lossy().into_owned()
        })
        .clone()
    }

    fn config() -> Value {
        let mut c =
            Value::object(super::super::schema::schema().block.attrs.iter().map(|a| (a.name, Value::Null)));
        c.set("timeouts", Value::Null);
        c.set("name", Value::string("orders"));
        c.set("package_path", Value::string(zip_path()));
        c
    }

    fn plan_of(prior: &Value, config: &Value) -> PlanResponse {
        plan_with(plan, prior, config)
    }

    /// What an apply records: every unknown filled in as AWS would.
    fn applied(mut planned: Value) -> Value {
        for role in ROLES {
            let mut o = planned.get(role).clone();
            for attr in
                ["function_arn", "queue_url", "queue_arn", "dlq_url", "dlq_arn", "event_source_mapping_id"]
            {
                o.set(attr, Value::string(format!("{role}-{attr}")));
            }
            planned.set(role, o);
        }
        planned.set("execution_role_arn", Value::string("arn:exec"));
        planned.set("orchestrator_role_arn", Value::string("arn:orch"));
        planned.set("inventory", Value::List(vec![]));
        planned
    }

    #[test]
    fn plan_after_apply_is_empty_and_a_lost_mapping_plans_an_update() {
        let r = plan_of(&Value::Null, &config());
        assert!(!r.diags.has_errors(), "{:?}", error_paths(&r));
        assert_eq!(r.planned.get("id").as_str(), Some("orders-test-ab12"));
        assert_eq!(r.planned.get("visibility_timeout_seconds").as_i64(), Some(180));
        let sha = r.planned.get("package_sha256").as_str().unwrap().to_string();
        assert_eq!(r.planned.get("secondary").get("code_sha256").as_str(), Some(sha.as_str()));
        let state = applied(r.planned);
        assert_eq!(plan_of(&state, &config()).planned, state);
        let mut drifted = state.clone();
        let mut s = drifted.get("secondary").clone();
        s.set("event_source_mapping_id", Value::Null);
        drifted.set("secondary", s);
        let r = plan_of(&drifted, &config());
        assert!(r.requires_replace.is_empty());
        assert!(r.planned.get("secondary").get("event_source_mapping_id").is_unknown());
        assert!(r.planned.get("inventory").is_unknown());
    }

    #[test]
    fn a_different_package_plans_both_regions_new_hashes() {
        let state = applied(plan_of(&Value::Null, &config()).planned);
        let mut changed = state.clone();
        changed.set("package_sha256", Value::string("old"));
        let r = plan_of(&changed, &config());
        assert_eq!(r.planned.get("package_sha256"), state.get("package_sha256"));
        assert!(r.planned.get("inventory").is_unknown());
    }

    #[test]
    fn bad_input_names_the_attribute() {
        let mut c = config();
        c.set("package_s3_bucket", Value::string("b"));
        c.set("timeout", Value::int(60));
        c.set("visibility_timeout_seconds", Value::int(100));
        c.set("runtime", Value::string("nodejs20.x"));
        c.set("primary_subnet_ids", Value::strings(["subnet-1"]));
        c.set("table_arns", Value::strings(["arn:aws:s3:::nope"]));
        let mut d = Diagnostics::default();
        validate(&c, &mut d);
        let paths: Vec<String> = d.0.iter().map(|d| d.path.as_ref().unwrap().to_string()).collect();
        assert_eq!(
            paths,
            [
                "package_s3_bucket",
                "runtime",
                "visibility_timeout_seconds",
                "primary_security_group_ids",
                "table_arns[0]"
            ]
        );
        let mut c = config();
        c.set("package_path", Value::string("/nonexistent/x.zip"));
        assert_eq!(error_paths(&plan_of(&Value::Null, &c)), ["package_path"]);
    }
}
