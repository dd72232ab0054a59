//! Validation and planning for `drpair_regional_api`: pure and offline.

use crate::provider::Settings;
use crate::resources::{PlanRequest, PlanResponse, plan_identity, plan_start, validate_timeouts};
use crate::tfplugin::diag::{AttrPath, Diagnostics};
use crate::tfplugin::value::Value;

use super::model::{self, ROLES, Want, desired};

fn range_check(c: &Value, attr: &str, min: i64, max: i64, unit: &str, d: &mut Diagnostics) {
    let v = c.get(attr);
    if v.is_null() || v.is_unknown() {
        return;
    }
    match v.as_i64() {
        Some(n) if (min..=max).contains(&n) => {}
        _ => d.attr_error(
            AttrPath::root(attr),
            "Value out of range",
            format!("{attr}: use a whole number of {unit} from {min} to {max}."),
        ),
    }
}

fn valid_domain(name: &str) -> bool {
    let labels: Vec<&str> = name.split('.').collect();
    name.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        && labels.last().is_some_and(|tld| tld.chars().any(|c| c.is_ascii_lowercase()))
}

pub fn validate(c: &Value, d: &mut Diagnostics) {
    if let Some(name) = c.get("name").as_str() {
        let ok = name.chars().next().is_some_and(|ch| ch.is_ascii_lowercase())
            && name.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-');
        if !ok || name.len() > 40 {
            d.attr_error(
                AttrPath::root("name"),
                "Invalid name",
                format!("name = {name:?}: start with a lowercase letter; lowercase letters, digits and hyphens, at most 40."),
            );
        }
    }
    for role in ROLES {
        let attr = format!("{role}_function_arn");
        if let Some(arn) = c.get(&attr).as_str()
            && model::parse_function_arn(arn).is_none()
        {
            d.attr_error(
                AttrPath::root(&attr),
                "Invalid function ARN",
                format!("{arn:?} is not a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>)."),
            );
        }
        let attr = format!("{role}_certificate_arn");
        if let Some(arn) = c.get(&attr).as_str()
            && model::certificate_region(arn).is_none()
        {
            d.attr_error(
                AttrPath::root(&attr),
                "Invalid certificate ARN",
                format!(
                    "{arn:?} is not an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>)."
                ),
            );
        }
    }
    if let Some(domain) = c.get("domain_name").as_str()
        && !valid_domain(domain)
    {
        d.attr_error(
            AttrPath::root("domain_name"),
            "Invalid domain name",
            format!("{domain:?}: use a lowercase fully qualified name such as \"api.example.com\" (no wildcard, no trailing dot)."),
        );
    }
    if let Some(stage) = c.get("stage_name").as_str()
        && (stage.is_empty()
            || stage.len() > 128
            || !stage.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_'))
    {
        d.attr_error(
            AttrPath::root("stage_name"),
            "Invalid stage name",
            format!("{stage:?}: letters, digits and underscores, 1 to 128."),
        );
    }
    range_check(c, "throttling_rate_limit", 0, 10_000, "requests per second", d);
    range_check(c, "throttling_burst_limit", 0, 5_000, "requests", d);
    range_check(c, "latency_p99_threshold_ms", 1, 29_000, "milliseconds", d);
    range_check(c, "error_5xx_threshold", 1, 1_000_000, "errors per minute", d);
    validate_timeouts(c, r#""5m""#, d);
}

/// Each function and certificate must live in the region it serves (known once the provider is).
fn check_regions(c: &Value, s: &Settings, d: &mut Diagnostics) {
    for (role, region) in ROLES.iter().zip(s.regions()) {
        let attr = format!("{role}_function_arn");
        if let Some(f) = c.get(&attr).as_str().and_then(model::parse_function_arn)
            && f.region != region
        {
            d.attr_error(
                AttrPath::root(&attr),
                "Function in the wrong region",
                format!(
                    "The {role} API is in {region}, but the function is in {}: each region's API must call \
                     its own region's function, or a regional outage takes both down.",
                    f.region
                ),
            );
        }
        let attr = format!("{role}_certificate_arn");
        if let Some(cert_region) = c.get(&attr).as_str().and_then(model::certificate_region)
            && cert_region != region
        {
            d.attr_error(
                AttrPath::root(&attr),
                "Certificate in the wrong region",
                format!(
                    "A regional domain in {region} needs an ACM certificate of {region}, not {cert_region}."
                ),
            );
        }
    }
}

const ARGUMENTS: &[&str] = &[
    "name",
    "primary_function_arn",
    "secondary_function_arn",
    "domain_name",
    "primary_certificate_arn",
    "secondary_certificate_arn",
    "timeouts",
];

const DEFAULTED: &[(&str, i64)] = &[
    ("throttling_rate_limit", model::DEFAULT_RATE_LIMIT),
    ("throttling_burst_limit", model::DEFAULT_BURST_LIMIT),
    ("latency_p99_threshold_ms", model::DEFAULT_LATENCY_P99_MS),
    ("error_5xx_threshold", model::DEFAULT_5XX_THRESHOLD),
];

/// One region's planned object: what is stable is kept from `prior`, the rest is unknown.
fn plan_region(want: &Want, i: usize, prior_state: &Value, prior: &Value) -> Value {
    let r = &want.regions[i];
    let creates_cert = r.certificate_arn.is_none();
    let parts = Value::strings(model::parts(creates_cert));
    let in_place = |part: &str| {
        prior.get("parts_in_place").as_string_list().is_some_and(|p| p.iter().any(|x| x == part))
    };
    // The API keeps its id while it exists; a new one comes with a recreated API.
    let api_id = match prior.get("api_id") {
        Value::String(s) if in_place(model::PART_REST_API) => Value::string(s),
        _ => Value::Unknown,
    };
    let same_domain = prior_state.get("domain_name").as_str() == Some(want.domain_name.as_str());
    let keep_domain = same_domain && in_place(model::PART_DOMAIN);
    let keep = |field: &str, ok: bool| match prior.get(field) {
        Value::Null | Value::Unknown => Value::Unknown,
        v if ok => v.clone(),
        _ => Value::Unknown,
    };
    let (certificate_arn, validation) = match &r.certificate_arn {
        Some(arn) => (Value::string(arn), Value::List(vec![])),
        None => {
            let was_created = prior_state.get(&format!("{}_certificate_arn", ROLES[i])).is_null();
            let ok = same_domain && was_created && in_place(model::PART_CERTIFICATE);
            (keep("certificate_arn", ok), keep("certificate_validation", ok))
        }
    };
    let (invoke_url, health_fqdn) = match api_id.as_str() {
        Some(api) => (
            Value::string(model::invoke_url(api, &r.region, &want.stage)),
            Value::string(model::execute_api_host(api, &r.region)),
        ),
        None => (Value::Unknown, Value::Unknown),
    };
    Value::object([
        ("region", Value::string(&r.region)),
        ("api_id", api_id),
        ("invoke_url", invoke_url),
        ("regional_domain_name", keep("regional_domain_name", keep_domain)),
        ("regional_zone_id", keep("regional_zone_id", keep_domain)),
        ("health_fqdn", health_fqdn),
        ("health_path", Value::string(model::health_path(&want.stage))),
        ("alarm_names", Value::strings(model::alarm_names(&want.id, &r.region))),
        ("certificate_arn", certificate_arn),
        ("certificate_validation", validation),
        ("parts_in_place", parts),
    ])
}

pub fn plan(req: PlanRequest<'_>, resp: &mut PlanResponse) {
    let config = req.config;
    validate(config, &mut resp.diags);
    let creating = req.prior.is_null();
    let mut planned = plan_start(&super::schema::schema(), req.prior, config, ARGUMENTS);
    planned.set(
        "stage_name",
        match config.get("stage_name") {
            Value::Null => Value::string(model::DEFAULT_STAGE),
            v => v.clone(),
        },
    );
    for (attr, default) in DEFAULTED {
        planned.set(
            attr,
            match config.get(attr) {
                Value::Null => Value::int(*default),
                v => v.clone(),
            },
        );
    }
    let Some(settings) = req.provider.map(|p| &p.settings) else {
        resp.planned = planned;
        return;
    };
    check_regions(config, settings, &mut resp.diags);
    let Some((id, regions)) = plan_identity(&req, &mut planned, resp) else {
        resp.planned = planned;
        return;
    };
    let fresh = creating || !resp.requires_replace.is_empty();
    let prior_state = if fresh { &Value::Null } else { req.prior };

    let want = desired(&id, [&regions[0], &regions[1]], &planned);
    let mut changed = fresh;
    for (i, role) in ROLES.iter().enumerate() {
        let object = match &want {
            Some(w) => plan_region(w, i, prior_state, prior_state.get(role)),
            None => Value::Unknown,
        };
        changed |= &object != req.prior.get(role);
        planned.set(role, object);
    }
    // Any argument change is converged in AWS, which may recreate parts: inventory follows.
    changed |= ARGUMENTS.iter().chain(["stage_name"].iter()).any(|a| planned.get(a) != req.prior.get(a))
        || DEFAULTED.iter().any(|(a, _)| planned.get(a) != req.prior.get(a));
    if changed {
        planned.set("inventory", Value::Unknown);
    }
    resp.planned = planned;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::test_support::{error_paths, plan_with};

    const FN1: &str = "arn:aws:lambda:us-east-1:123456789012:function:orders";
    const FN2: &str = "arn:aws:lambda:us-east-2:123456789012:function:orders";

    fn config() -> Value {
        let mut c =
            Value::object(super::super::schema::schema().block.attrs.iter().map(|a| (a.name, Value::Null)));
        c.set("timeouts", Value::Null);
        c.set("name", Value::string("api"));
        c.set("primary_function_arn", Value::string(FN1));
        c.set("secondary_function_arn", Value::string(FN2));
        c.set("domain_name", Value::string("api.example.com"));
        c
    }

    fn plan_of(prior: &Value, config: &Value) -> PlanResponse {
        plan_with(plan, prior, config)
    }

    /// The state an apply would record: unknowns filled as AWS would.
    fn applied(mut planned: Value) -> Value {
        for role in ROLES {
            let mut o = planned.get(role).clone();
            let region = o.get("region").as_str().unwrap().to_string();
            o.set("api_id", Value::string(format!("api{role}")));
            o.set("invoke_url", Value::string(model::invoke_url(&format!("api{role}"), &region, "live")));
            o.set("health_fqdn", Value::string(model::execute_api_host(&format!("api{role}"), &region)));
            o.set("regional_domain_name", Value::string("d-1.execute-api"));
            o.set("regional_zone_id", Value::string("Z1"));
            o.set("certificate_arn", Value::string("arn:aws:acm:x:1:certificate/1"));
            o.set("certificate_validation", Value::List(vec![]));
            planned.set(role, o);
        }
        planned.set("inventory", Value::List(vec![]));
        planned
    }

    #[test]
    fn plan_after_apply_is_empty_and_a_lost_part_plans_an_update() {
        let r = plan_of(&Value::Null, &config());
        assert!(!r.diags.has_errors(), "{:?}", error_paths(&r));
        assert_eq!(r.planned.get("id").as_str(), Some("api-test-ab12"));
        assert_eq!(r.planned.get("stage_name").as_str(), Some("live"));
        let state = applied(r.planned);
        assert_eq!(plan_of(&state, &config()).planned, state);
        // Read found the base path mapping gone in the secondary: an in-place repair.
        let mut drifted = state.clone();
        let mut s = drifted.get("secondary").clone();
        s.set(
            "parts_in_place",
            Value::strings(model::parts(true).into_iter().filter(|p| *p != "base_path_mapping")),
        );
        drifted.set("secondary", s);
        let r = plan_of(&drifted, &config());
        assert!(r.requires_replace.is_empty());
        assert_eq!(
            r.planned.get("secondary").get("parts_in_place"),
            state.get("secondary").get("parts_in_place")
        );
        assert_eq!(r.planned.get("secondary").get("api_id").as_str(), Some("apisecondary"));
        assert!(r.planned.get("inventory").is_unknown());
    }

    #[test]
    fn functions_and_certificates_must_be_in_their_region() {
        let mut c = config();
        c.set("secondary_function_arn", Value::string(FN1));
        c.set("primary_certificate_arn", Value::string("arn:aws:acm:us-east-2:123456789012:certificate/x"));
        assert_eq!(
            error_paths(&plan_of(&Value::Null, &c)),
            ["primary_certificate_arn", "secondary_function_arn"]
        );
    }

    #[test]
    fn bad_input_names_the_attribute() {
        let mut c = config();
        c.set("domain_name", Value::string("*.Example.com"));
        c.set("stage_name", Value::string("live-1"));
        c.set("throttling_burst_limit", Value::int(5001));
        c.set("latency_p99_threshold_ms", Value::int(0));
        c.set("primary_function_arn", Value::string("orders"));
        let mut d = Diagnostics::default();
        validate(&c, &mut d);
        let paths: Vec<String> = d.0.iter().map(|d| d.path.as_ref().unwrap().to_string()).collect();
        assert_eq!(
            paths,
            [
                "primary_function_arn",
                "domain_name",
                "stage_name",
                "throttling_burst_limit",
                "latency_p99_threshold_ms"
            ]
        );
    }

    #[test]
    fn a_given_certificate_is_known_at_plan() {
        let mut c = config();
        let cert = "arn:aws:acm:us-east-2:123456789012:certificate/x";
        c.set("secondary_certificate_arn", Value::string(cert));
        let r = plan_of(&Value::Null, &c);
        assert_eq!(r.planned.get("secondary").get("certificate_arn").as_str(), Some(cert));
        assert!(r.planned.get("primary").get("certificate_arn").is_unknown());
        let parts = r.planned.get("secondary").get("parts_in_place").as_string_list().unwrap();
        assert!(!parts.contains(&"certificate".to_string()));
    }

    #[test]
    fn a_new_domain_makes_its_targets_and_certificate_unknown_but_keeps_the_api() {
        let state = applied(plan_of(&Value::Null, &config()).planned);
        let mut c = config();
        c.set("domain_name", Value::string("api2.example.com"));
        let r = plan_of(&state, &c);
        assert!(r.requires_replace.is_empty());
        let p = r.planned.get("primary");
        assert!(p.get("regional_domain_name").is_unknown() && p.get("certificate_arn").is_unknown());
        assert_eq!(p.get("api_id").as_str(), Some("apiprimary"));
        // A new name is a new resource.
        let mut c = config();
        c.set("name", Value::string("api2"));
        assert_eq!(error_paths(&plan_of(&state, &c)), Vec::<String>::new());
        assert_eq!(plan_of(&state, &c).requires_replace.len(), 1);
    }
}
