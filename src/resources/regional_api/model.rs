//! Names and per-region wants of `drpair_regional_api`, derived from the configuration alone.

use crate::tfplugin::value::Value;

pub const ROLES: [&str; 2] = ["primary", "secondary"];
pub const DEFAULT_STAGE: &str = "live";
pub const DEFAULT_RATE_LIMIT: i64 = 1000;
pub const DEFAULT_BURST_LIMIT: i64 = 2000;
pub const DEFAULT_LATENCY_P99_MS: i64 = 1000;
pub const DEFAULT_5XX_THRESHOLD: i64 = 5;
/// The routes every regional API serves: (path part, method).
pub const ROUTES: [(&str, &str); 2] = [("health", "GET"), ("orders", "POST")];

/// The parts of a region, in creation order; `parts_in_place` lists those that exist as
/// configured, so a part deleted or changed outside Terraform shows in the plan by name.
pub const PART_CERTIFICATE: &str = "certificate";
pub const PART_LOG_GROUP: &str = "log_group";
pub const PART_REST_API: &str = "rest_api";
pub const PART_ROUTES: &str = "routes";
pub const PART_PERMISSION: &str = "lambda_permission";
pub const PART_STAGE: &str = "stage";
pub const PART_DOMAIN: &str = "domain";
pub const PART_MAPPING: &str = "base_path_mapping";
pub const PART_LATENCY_ALARM: &str = "latency_alarm";
pub const PART_5XX_ALARM: &str = "error_5xx_alarm";

/// Every part a region has; the certificate only when this resource requests it.
pub fn parts(creates_certificate: bool) -> Vec<&'static str> {
    let mut all = vec![
        PART_LOG_GROUP,
        PART_REST_API,
        PART_ROUTES,
        PART_PERMISSION,
        PART_STAGE,
        PART_DOMAIN,
        PART_MAPPING,
        PART_LATENCY_ALARM,
        PART_5XX_ALARM,
    ];
    if creates_certificate {
        all.insert(0, PART_CERTIFICATE);
    }
    all
}

pub fn log_group_name(id: &str) -> String {
    format!("/aws/apigateway/{id}/access")
}
pub fn latency_alarm_name(id: &str, region: &str) -> String {
    format!("{id}-{region}-latency-p99")
}
pub fn error_alarm_name(id: &str, region: &str) -> String {
    format!("{id}-{region}-5xx")
}
pub fn alarm_names(id: &str, region: &str) -> Vec<String> {
    vec![latency_alarm_name(id, region), error_alarm_name(id, region)]
}
/// Lambda permission statement id (letters, digits, hyphens and underscores).
pub fn statement_id(id: &str) -> String {
    format!("{id}-apigateway")
}
pub fn execute_api_host(api_id: &str, region: &str) -> String {
    format!("{api_id}.execute-api.{region}.amazonaws.com")
}
pub fn invoke_url(api_id: &str, region: &str, stage: &str) -> String {
    format!("https://{}/{stage}", execute_api_host(api_id, region))
}
/// Route 53 health checks probe the execute-api host, which is the region's own: the custom
/// domain resolves to whichever region DNS currently prefers, so it cannot judge one region.
pub fn health_path(stage: &str) -> String {
    format!("/{stage}/health")
}

/// Parts of a Lambda function ARN `arn:<partition>:lambda:<region>:<account>:function:<name>`.
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionArn {
    pub partition: String,
    pub region: String,
    pub account: String,
    pub name: String,
}

pub fn parse_function_arn(arn: &str) -> Option<FunctionArn> {
    let p: Vec<&str> = arn.split(':').collect();
    let ok = (p.len() == 7 || p.len() == 8)
        && p[0] == "arn"
        && p[1].starts_with("aws")
        && p[2] == "lambda"
        && !p[3].is_empty()
        && p[4].len() == 12
        && p[4].chars().all(|c| c.is_ascii_digit())
        && p[5] == "function"
        && !p[6].is_empty()
        && p[6].len() <= 64
        && p[6].chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    ok.then(|| FunctionArn {
        partition: p[1].into(),
        region: p[3].into(),
        account: p[4].into(),
        name: p[6].into(),
    })
}

/// `arn:<partition>:acm:<region>:<account>:certificate/<id>` -> its region.
pub fn certificate_region(arn: &str) -> Option<&str> {
    let p: Vec<&str> = arn.split(':').collect();
    let ok = p.len() == 6
        && p[0] == "arn"
        && p[1].starts_with("aws")
        && p[2] == "acm"
        && !p[3].is_empty()
        && p[5].strip_prefix("certificate/").is_some_and(|c| !c.is_empty());
    ok.then(|| p[3])
}

/// The integration URI API Gateway calls a function through (Lambda proxy).
pub fn integration_uri(region: &str, function_arn: &str) -> String {
    let partition = parse_function_arn(function_arn).map(|f| f.partition).unwrap_or_else(|| "aws".into());
    format!("arn:{partition}:apigateway:{region}:lambda:path/2015-03-31/functions/{function_arn}/invocations")
}

/// The function ARN inside an integration URI written by [`integration_uri`].
pub fn function_of_uri(uri: &str) -> Option<String> {
    let rest = uri.split_once("/functions/")?.1;
    Some(rest.strip_suffix("/invocations")?.to_string())
}

/// Who may call the function: any stage, method and path of this API only.
pub fn source_arn(f: &FunctionArn, region: &str, api_id: &str) -> String {
    format!("arn:{}:execute-api:{region}:{}:{api_id}/*/*/*", f.partition, f.account)
}

/// One region as the configuration wants it.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionWant {
    pub region: String,
    pub function_arn: String,
    /// None: this resource requests (and owns) the certificate.
    pub certificate_arn: Option<String>,
}

/// Settings shared by both regions.
#[derive(Clone, Debug, PartialEq)]
pub struct Want {
    pub id: String,
    pub domain_name: String,
    pub stage: String,
    pub rate_limit: i64,
    pub burst_limit: i64,
    pub latency_p99_ms: i64,
    pub error_5xx: i64,
    pub regions: [RegionWant; 2],
}

/// The wants; None while an input is unknown.
pub fn desired(id: &str, regions: [&str; 2], c: &Value) -> Option<Want> {
    let int = |attr: &str, default: i64| match c.get(attr) {
        Value::Null => Some(default),
        v => v.as_i64(),
    };
    let region = |role: &str, region: &str| -> Option<RegionWant> {
        Some(RegionWant {
            region: region.to_string(),
            function_arn: c.get(&format!("{role}_function_arn")).as_str()?.to_string(),
            certificate_arn: match c.get(&format!("{role}_certificate_arn")) {
                Value::Null => None,
                v => Some(v.as_str()?.to_string()),
            },
        })
    };
    Some(Want {
        id: id.to_string(),
        domain_name: c.get("domain_name").as_str()?.to_string(),
        stage: match c.get("stage_name") {
            Value::Null => DEFAULT_STAGE.to_string(),
            v => v.as_str()?.to_string(),
        },
        rate_limit: int("throttling_rate_limit", DEFAULT_RATE_LIMIT)?,
        burst_limit: int("throttling_burst_limit", DEFAULT_BURST_LIMIT)?,
        latency_p99_ms: int("latency_p99_threshold_ms", DEFAULT_LATENCY_P99_MS)?,
        error_5xx: int("error_5xx_threshold", DEFAULT_5XX_THRESHOLD)?,
        regions: [region(ROLES[0], regions[0])?, region(ROLES[1], regions[1])?],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_arns_parse_and_round_trip_through_the_integration_uri() {
        let arn = "arn:aws:lambda:us-east-2:123456789012:function:orders-api";
        let f = parse_function_arn(arn).unwrap();
        assert_eq!((f.region.as_str(), f.account.as_str()), ("us-east-2", "123456789012"));
        assert_eq!(function_of_uri(&integration_uri("us-east-2", arn)).as_deref(), Some(arn));
        assert_eq!(
            source_arn(&f, "us-east-2", "abc"),
            "arn:aws:execute-api:us-east-2:123456789012:abc/*/*/*"
        );
        for bad in
            ["orders", "arn:aws:lambda:us-east-1:1234:function:x", "arn:aws:sqs:us-east-1:123456789012:q"]
        {
            assert!(parse_function_arn(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn certificate_arns_name_their_region() {
        let arn = "arn:aws:acm:us-east-2:123456789012:certificate/0a1b";
        assert_eq!(certificate_region(arn), Some("us-east-2"));
        assert_eq!(certificate_region("arn:aws:acm:us-east-2:123456789012:cert/x"), None);
    }
}
