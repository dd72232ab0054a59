//! Provider settings: regions, naming, tags, credentials, and the AWS clients they give.

mod schema;

use std::collections::BTreeMap;
use std::time::Duration;

use aws_config::BehaviorVersion;
use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_types::region::Region;

use crate::tfplugin::diag::{AttrPath, Diagnostics};
use crate::tfplugin::value::Value;

pub use schema::schema;

pub const DEFAULT_PRIMARY: &str = "us-east-1";
pub const DEFAULT_SECONDARY: &str = "us-east-2";
/// Attempts per AWS call: throttling and 5xx are retried with jittered backoff by the SDK.
const MAX_ATTEMPTS: u32 = 10;
/// An attempt whose answer has not started within this long is abandoned and retried (a
/// timeout is transient for the SDK's retry). The SDK sets none by default, so one request
/// that a server or a middlebox never answers would stall an apply for good (the fault
/// matrix's slow-call row). 60 s, like boto3's read timeout: generous for any control-plane
/// call, including a Lambda package upload.
const READ_TIMEOUT: Duration = Duration::from_secs(60);

/// The configured provider: what every resource operation works with.
pub struct Configured {
    pub settings: Settings,
    primary: aws_types::SdkConfig,
    secondary: aws_types::SdkConfig,
}

/// Settings known from the configuration alone (also at plan time).
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub primary_region: String,
    pub secondary_region: String,
    pub environment: String,
    pub environment_suffix: String,
    pub default_tags: BTreeMap<String, String>,
}

impl Settings {
    /// `<resource-type>-<environment>-<suffix>`, the name every AWS object starts with.
    pub fn name(&self, resource_type: &str) -> String {
        format!("{resource_type}-{}-{}", self.environment, self.environment_suffix)
    }
    pub fn regions(&self) -> [&str; 2] {
        [&self.primary_region, &self.secondary_region]
    }
}

impl Configured {
    fn sdk(&self, region: &str) -> &aws_types::SdkConfig {
        if region == self.settings.primary_region { &self.primary } else { &self.secondary }
    }
    pub fn rds(&self, region: &str) -> aws_sdk_rds::Client {
        aws_sdk_rds::Client::new(self.sdk(region))
    }
    pub fn kms(&self, region: &str) -> aws_sdk_kms::Client {
        aws_sdk_kms::Client::new(self.sdk(region))
    }
    pub fn ec2(&self, region: &str) -> aws_sdk_ec2::Client {
        aws_sdk_ec2::Client::new(self.sdk(region))
    }
    pub fn ssm(&self, region: &str) -> aws_sdk_ssm::Client {
        aws_sdk_ssm::Client::new(self.sdk(region))
    }
    /// Path-style addressing whenever an endpoint is set: a stand-in or proxy has no
    /// per-bucket host names (`<bucket>.127.0.0.1` resolves nowhere).
    pub fn s3(&self, region: &str) -> aws_sdk_s3::Client {
        let sdk = self.sdk(region);
        let conf =
            aws_sdk_s3::config::Builder::from(sdk).force_path_style(sdk.endpoint_url().is_some()).build();
        aws_sdk_s3::Client::from_conf(conf)
    }
    /// IAM is global: its calls go through the primary region's configuration.
    pub fn iam(&self) -> aws_sdk_iam::Client {
        aws_sdk_iam::Client::new(&self.primary)
    }
    pub fn dynamodb(&self, region: &str) -> aws_sdk_dynamodb::Client {
        aws_sdk_dynamodb::Client::new(self.sdk(region))
    }
    pub fn lambda(&self, region: &str) -> aws_sdk_lambda::Client {
        aws_sdk_lambda::Client::new(self.sdk(region))
    }
    pub fn sqs(&self, region: &str) -> aws_sdk_sqs::Client {
        aws_sdk_sqs::Client::new(self.sdk(region))
    }
    pub fn apigateway(&self, region: &str) -> aws_sdk_apigateway::Client {
        aws_sdk_apigateway::Client::new(self.sdk(region))
    }
    pub fn acm(&self, region: &str) -> aws_sdk_acm::Client {
        aws_sdk_acm::Client::new(self.sdk(region))
    }
    pub fn cloudwatch(&self, region: &str) -> aws_sdk_cloudwatch::Client {
        aws_sdk_cloudwatch::Client::new(self.sdk(region))
    }
    pub fn logs(&self, region: &str) -> aws_sdk_cloudwatchlogs::Client {
        aws_sdk_cloudwatchlogs::Client::new(self.sdk(region))
    }
    pub fn eventbridge(&self, region: &str) -> aws_sdk_eventbridge::Client {
        aws_sdk_eventbridge::Client::new(self.sdk(region))
    }
    pub fn sfn(&self, region: &str) -> aws_sdk_sfn::Client {
        aws_sdk_sfn::Client::new(self.sdk(region))
    }
    /// Route 53 is global; its control plane answers in us-east-1 only, so the client is
    /// pinned there whatever the pair's regions are.
    pub fn route53(&self) -> aws_sdk_route53::Client {
        let conf = aws_sdk_route53::config::Builder::from(&self.primary)
            .region(aws_types::region::Region::new("us-east-1"))
            .build();
        aws_sdk_route53::Client::from_conf(conf)
    }
    /// Tags for every object: the user's default tags plus ours, which sweepers key on.
    pub fn tags(&self, resource_type: &str, base_name: &str) -> Vec<(String, String)> {
        let mut tags: Vec<_> = self.settings.default_tags.clone().into_iter().collect();
        tags.push(("drpair:resource".into(), resource_type.into()));
        tags.push(("drpair:name".into(), base_name.into()));
        tags
    }

    /// Settings without clients, for pure plan tests.
    #[cfg(test)]
    pub fn for_tests(settings: Settings) -> Configured {
        let sdk = aws_types::SdkConfig::builder().build();
        Configured { settings, primary: sdk.clone(), secondary: sdk }
    }
}

fn str_or(config: &Value, name: &str, default: &str) -> String {
    config.get(name).as_str().unwrap_or(default).to_string()
}

/// Settings from a configuration; None while any of them is unknown.
pub fn settings(config: &Value) -> Option<Settings> {
    let names = ["primary_region", "secondary_region", "environment", "environment_suffix", "default_tags"];
    if names.iter().any(|n| config.get(n).contains_unknown()) {
        return None;
    }
    Some(Settings {
        primary_region: str_or(config, "primary_region", DEFAULT_PRIMARY),
        secondary_region: str_or(config, "secondary_region", DEFAULT_SECONDARY),
        environment: str_or(config, "environment", "dev"),
        environment_suffix: str_or(config, "environment_suffix", ""),
        default_tags: config
            .get("default_tags")
            .as_map()
            .map(|m| m.iter().filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string()))).collect())
            .unwrap_or_default(),
    })
}

/// Offline checks; unknown values are skipped (they are checked again at configure).
pub fn validate(config: &Value, diags: &mut Diagnostics) {
    for attr in ["primary_region", "secondary_region"] {
        if let Some(r) = config.get(attr).as_str()
            && !is_region_name(r)
        {
            diags.attr_error(
                AttrPath::root(attr),
                "Invalid region",
                format!("{attr} = {r:?} is not an AWS region name such as \"us-east-1\"."),
            );
        }
    }
    let primary = config.get("primary_region");
    let secondary = config.get("secondary_region");
    if !primary.is_unknown() && !secondary.is_unknown() {
        let p = primary.as_str().unwrap_or(DEFAULT_PRIMARY);
        let s = secondary.as_str().unwrap_or(DEFAULT_SECONDARY);
        if p == s {
            diags.attr_error(
                AttrPath::root("secondary_region"),
                "Primary and secondary region are the same",
                format!("Both regions are {p:?}: a disaster-recovery pair needs two regions."),
            );
        }
    }
    if let Some(env) = config.get("environment").as_str() {
        check_name_part(env, "environment", 16, diags);
    }
    match config.get("environment_suffix") {
        Value::String(s) => check_name_part(s, "environment_suffix", 12, diags),
        Value::Null => diags.attr_error(
            AttrPath::root("environment_suffix"),
            "Missing environment_suffix",
            "Set environment_suffix: every AWS name is <resource-type>-<environment>-<suffix>.",
        ),
        _ => {}
    }
    if let Some(url) = config.get("endpoint_url").as_str()
        && !(url.starts_with("http://") || url.starts_with("https://"))
    {
        diags.attr_error(
            AttrPath::root("endpoint_url"),
            "Invalid endpoint_url",
            format!("{url:?} is not an http(s) URL."),
        );
    }
    let role_arn = config.get("assume_role").get("role_arn");
    if let Some(arn) = role_arn.as_str()
        && (!arn.starts_with("arn:aws") || !arn.contains(":role/"))
    {
        diags.attr_error(
            AttrPath::root("assume_role").attr("role_arn"),
            "Invalid role ARN",
            format!("{arn:?} is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)."),
        );
    }
}

fn is_region_name(r: &str) -> bool {
    let parts: Vec<_> = r.split('-').collect();
    parts.len() >= 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()))
        && parts.last().is_some_and(|p| p.chars().all(|c| c.is_ascii_digit()))
}

/// Name parts end up in RDS identifiers: lowercase letters, digits and single hyphens.
fn check_name_part(v: &str, attr: &str, max: usize, diags: &mut Diagnostics) {
    let ok_chars = v.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if v.is_empty()
        || v.len() > max
        || !ok_chars
        || v.starts_with('-')
        || v.ends_with('-')
        || v.contains("--")
    {
        diags.attr_error(
            AttrPath::root(attr),
            format!("Invalid {attr}"),
            format!(
                "{attr} = {v:?}: use 1 to {max} lowercase letters, digits and single inner hyphens; \
                 it becomes part of every AWS name (<resource-type>-<environment>-<suffix>)."
            ),
        );
    }
}

/// The SDK's default connect timeout (3.1 s) plus a read timeout.
fn timeouts() -> TimeoutConfig {
    TimeoutConfig::builder().connect_timeout(Duration::from_millis(3100)).read_timeout(READ_TIMEOUT).build()
}

/// Builds the clients for both regions. Credentials come from the standard chain (env,
/// profile, SSO, web identity, IMDS), optionally through an assumed role.
pub async fn configure(config: &Value, diags: &mut Diagnostics) -> Option<Configured> {
    let Some(settings) = settings(config) else {
        diags.error("Provider configuration unknown", "Provider settings must be known at configure time.");
        return None;
    };
    let mut sdks = Vec::new();
    for region in settings.regions() {
        let mut loader = aws_config::defaults(BehaviorVersion::latest())
            .region(Region::new(region.to_string()))
            .retry_config(RetryConfig::standard().with_max_attempts(MAX_ATTEMPTS))
            .timeout_config(timeouts());
        if let Some(p) = config.get("profile").as_str() {
            loader = loader.profile_name(p);
        }
        // AWS_ENDPOINT_URL is honoured by the SDK itself; the argument takes precedence.
        if let Some(url) = config.get("endpoint_url").as_str() {
            loader = loader.endpoint_url(url);
        }
        let mut sdk = loader.load().await;
        let role = config.get("assume_role");
        if let Some(arn) = role.get("role_arn").as_str() {
            let mut b = aws_config::sts::AssumeRoleProvider::builder(arn)
                .session_name(role.get("session_name").as_str().unwrap_or("drpair"))
                .region(Region::new(region.to_string()));
            if let Some(ext) = role.get("external_id").as_str() {
                b = b.external_id(ext);
            }
            let provider = b.configure(&sdk).build().await;
            sdk = sdk
                .into_builder()
                .credentials_provider(aws_credential_types::provider::SharedCredentialsProvider::new(
                    provider,
                ))
                .build();
        }
        sdks.push(sdk);
    }
    let secondary = sdks.pop()?;
    let primary = sdks.pop()?;
    Some(Configured { settings, primary, secondary })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(pairs: &[(&str, Value)]) -> Value {
        let mut c = Value::object(schema().block.attrs.iter().map(|a| (a.name, Value::Null)));
        c.set("assume_role", Value::Null);
        c.set("environment_suffix", Value::string("t1"));
        for (k, v) in pairs {
            c.set(k, v.clone());
        }
        c
    }

    fn errors_on(c: &Value) -> Vec<String> {
        let mut d = Diagnostics::default();
        validate(c, &mut d);
        d.0.iter().filter_map(|d| d.path.as_ref().map(|p| p.to_string())).collect()
    }

    #[test]
    fn same_regions_is_an_error_on_secondary_region() {
        let c = config(&[("secondary_region", Value::string("us-east-1"))]);
        assert_eq!(errors_on(&c), ["secondary_region"]);
        assert!(errors_on(&config(&[])).is_empty());
    }

    #[test]
    fn unknown_regions_are_not_judged_yet() {
        let c = config(&[("secondary_region", Value::Unknown)]);
        assert!(errors_on(&c).is_empty());
        assert!(settings(&c).is_none());
    }

    #[test]
    fn suffix_and_environment_must_fit_aws_names() {
        for bad in ["", "UPPER", "has_underscore", "-lead", "a--b", "waytoolongsuffix"] {
            let c = config(&[("environment_suffix", Value::string(bad))]);
            assert_eq!(errors_on(&c), ["environment_suffix"], "{bad}");
        }
        assert_eq!(errors_on(&config(&[("environment", Value::string("Prod"))])), ["environment"]);
        assert_eq!(errors_on(&config(&[("primary_region", Value::string("east"))])), ["primary_region"]);
    }

    #[test]
    fn names_follow_the_pattern() {
        let s = settings(&config(&[("environment", Value::string("prod"))])).unwrap();
        assert_eq!(s.name("orders"), "orders-prod-t1");
        assert_eq!(s.regions(), ["us-east-1", "us-east-2"]);
    }

    #[test]
    fn an_unanswered_call_times_out_and_keeps_the_connect_timeout() {
        let t = timeouts();
        assert_eq!(t.read_timeout(), Some(Duration::from_secs(60)));
        assert_eq!(t.connect_timeout(), Some(Duration::from_millis(3100)));
    }
}
