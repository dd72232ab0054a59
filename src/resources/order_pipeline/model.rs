//! Names, defaults and the desired configuration of `drpair_order_pipeline` (pure).

use std::collections::BTreeMap;
use std::time::Duration;

use crate::aws::wait::parse_duration;
use crate::tfplugin::value::Value;

pub const RESOURCE_TYPE: &str = "drpair_order_pipeline";
pub const ROLES: [&str; 2] = ["primary", "secondary"];

pub const DEFAULT_HANDLER: &str = "orders.handler";
pub const DEFAULT_RUNTIME: &str = "python3.12";
/// The managed runtimes the reference processor (stdlib + the runtime's boto3) supports.
pub const RUNTIMES: &[&str] = &["python3.12", "python3.13"];
pub const DEFAULT_MEMORY: i64 = 256;
pub const DEFAULT_TIMEOUT: i64 = 30;
pub const DEFAULT_BATCH: i64 = 10;
pub const DEFAULT_RESERVED: i64 = 10;
pub const DEFAULT_MAX_RECEIVE: i64 = 5;
/// AWS's guidance for SQS event sources: the queue's visibility timeout at least six times
/// the function timeout, so a batch being retried under throttling is not redelivered early.
pub const VISIBILITY_FACTOR: i64 = 6;
/// SQS's own KMS key: encrypted at rest with no key policy for the function to need.
pub const SQS_KMS_KEY: &str = "alias/aws/sqs";
/// Messages that failed `max_receive_count` times stay in the DLQ for the maximum, 14 days.
pub const DLQ_RETENTION_SECONDS: i64 = 1_209_600;
/// Function tag recording where its package came from (import reads it back).
pub const PACKAGE_TAG: &str = "drpair:package";
const DEFAULT_OP_TIMEOUT: Duration = Duration::from_secs(20 * 60);

/// Every AWS name derives from the id `<name>-<environment>-<suffix>`.
#[derive(Clone, Debug)]
pub struct Names {
    pub id: String,
}

impl Names {
    pub fn function(&self) -> String {
        self.id.clone()
    }
    pub fn queue(&self) -> String {
        format!("{}-orders", self.id)
    }
    pub fn dlq(&self) -> String {
        format!("{}-orders-dlq", self.id)
    }
    pub fn execution_role(&self) -> String {
        format!("{}-exec", self.id)
    }
    pub fn orchestrator_role(&self) -> String {
        format!("{}-orchestrator", self.id)
    }
    /// Errors, throttles, DLQ depth: the order `alarm_names` reports them in.
    pub fn alarms(&self, region: &str) -> [String; 3] {
        [
            format!("{}-{region}-errors", self.id),
            format!("{}-{region}-throttles", self.id),
            format!("{}-{region}-dlq-depth", self.id),
        ]
    }
}

/// Where the deployment package comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Package {
    Local(String),
    S3 { bucket: String, key: String },
}

impl Package {
    pub fn from_values(v: &Value) -> Option<Package> {
        if let Some(path) = v.get("package_path").as_str() {
            return Some(Package::Local(path.to_string()));
        }
        Some(Package::S3 {
            bucket: v.get("package_s3_bucket").as_str()?.to_string(),
            key: v.get("package_s3_key").as_str()?.to_string(),
        })
    }
    /// The value of the function's [`PACKAGE_TAG`].
    pub fn tag(&self) -> String {
        match self {
            Package::Local(p) => format!("file:{p}"),
            Package::S3 { bucket, key } => format!("s3://{bucket}/{key}"),
        }
    }
    pub fn from_tag(tag: &str) -> Option<Package> {
        if let Some(p) = tag.strip_prefix("file:") {
            return Some(Package::Local(p.to_string()));
        }
        let (bucket, key) = tag.strip_prefix("s3://")?.split_once('/')?;
        Some(Package::S3 { bucket: bucket.into(), key: key.into() })
    }
}

pub use crate::resources::common::package::{code_sha256, looks_like_zip, read_local_package};

/// VPC attachment of one region's function.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Vpc {
    pub subnet_ids: Vec<String>,
    pub security_group_ids: Vec<String>,
}

/// The configuration to converge to, from planned (all known) values.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    pub package: Package,
    pub handler: String,
    pub runtime: String,
    pub memory_size: i64,
    pub timeout: i64,
    pub reserved_concurrency: i64,
    pub batch_size: i64,
    pub visibility_timeout: i64,
    pub max_receive_count: i64,
    pub environment: BTreeMap<String, String>,
    pub vpc: [Option<Vpc>; 2],
    pub grants: Grants,
}

/// What the execution role's policy grants beyond the queues and logs.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Grants {
    /// Some region's function is in a VPC (it then manages network interfaces).
    pub vpc: bool,
    pub table_arns: Vec<String>,
    pub bucket_arns: Vec<String>,
    pub parameter_arns: Vec<String>,
}

impl Grants {
    pub fn from_values(v: &Value) -> Grants {
        Grants {
            vpc: ROLES.iter().any(|r| vpc_of(v, r).is_some()),
            table_arns: strings(v.get("table_arns")),
            bucket_arns: strings(v.get("bucket_arns")),
            parameter_arns: strings(v.get("parameter_arns")),
        }
    }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_string_list().unwrap_or_default()
}

pub fn vpc_of(v: &Value, role: &str) -> Option<Vpc> {
    let subnets = v.get(&format!("{role}_subnet_ids")).as_string_list()?;
    let groups = v.get(&format!("{role}_security_group_ids")).as_string_list()?;
    Some(Vpc { subnet_ids: subnets, security_group_ids: groups })
}

impl Spec {
    /// None while something needed is unknown or missing.
    pub fn from_values(v: &Value) -> Option<Spec> {
        let int = |n: &str, d: i64| match v.get(n) {
            Value::Null => Some(d),
            x => x.as_i64(),
        };
        let timeout = int("timeout", DEFAULT_TIMEOUT)?;
        Some(Spec {
            package: Package::from_values(v)?,
            handler: v.get("handler").as_str().unwrap_or(DEFAULT_HANDLER).to_string(),
            runtime: v.get("runtime").as_str().unwrap_or(DEFAULT_RUNTIME).to_string(),
            memory_size: int("memory_size", DEFAULT_MEMORY)?,
            timeout,
            reserved_concurrency: int("reserved_concurrency", DEFAULT_RESERVED)?,
            batch_size: int("batch_size", DEFAULT_BATCH)?,
            visibility_timeout: int("visibility_timeout_seconds", VISIBILITY_FACTOR * timeout)?,
            max_receive_count: int("max_receive_count", DEFAULT_MAX_RECEIVE)?,
            environment: v
                .get("environment")
                .as_map()
                .map(|m| m.iter().filter_map(|(k, x)| Some((k.clone(), x.as_str()?.to_string()))).collect())
                .unwrap_or_default(),
            vpc: [vpc_of(v, ROLES[0]), vpc_of(v, ROLES[1])],
            grants: Grants::from_values(v),
        })
    }
}

pub fn op_timeout(state: &Value, op: &str) -> Duration {
    state.get("timeouts").get(op).as_str().and_then(parse_duration).unwrap_or(DEFAULT_OP_TIMEOUT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_tag_round_trips() {
        for p in [
            Package::Local("lambda/dist/order-processor.zip".into()),
            Package::S3 { bucket: "b".into(), key: "k/x.zip".into() },
        ] {
            assert_eq!(Package::from_tag(&p.tag()), Some(p));
        }
        assert_eq!(Package::from_tag("nonsense"), None);
    }

    #[test]
    fn defaults_follow_the_timeout() {
        let v = Value::object([("package_path", Value::string("x.zip")), ("timeout", Value::int(60))]);
        let s = Spec::from_values(&v).unwrap();
        assert_eq!(s.visibility_timeout, 360);
        assert_eq!(s.handler, DEFAULT_HANDLER);
        assert_eq!(s.vpc, [None, None]);
    }
}
