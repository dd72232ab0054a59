//! The Lambda function of one region, its reserved concurrency and its SQS event source
//! mapping.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::Duration;

use aws_sdk_lambda::Client;
use aws_sdk_lambda::primitives::Blob;
use aws_sdk_lambda::types::{
    Environment, FunctionCode, FunctionResponseType, LastUpdateStatus, Runtime, State, VpcConfig,
};
use tokio::time::Instant;

use crate::aws::AwsError;
use crate::aws::error::{absent_as_none, aws, gone_is_done};
use crate::aws::wait::{Poll, Waiter};

use crate::resources::order_pipeline::model::{Spec, Vpc};

/// IAM is eventually consistent: Lambda may not see a just-made role, or a policy just put
/// on it, for a few seconds.
const ROLE_SETTLE: Duration = Duration::from_secs(60);

/// Lambda's answers while IAM has not caught up with the execution role yet.
fn role_not_settled(e: &AwsError) -> bool {
    let text = e.to_string();
    e.code() == Some("InvalidParameterValueException")
        && (text.contains("cannot be assumed by Lambda") || text.contains("role does not have permissions"))
}

/// The function as Lambda reports it.
#[derive(Clone, Debug, Default)]
pub struct FunctionSeen {
    pub arn: String,
    pub code_sha256: String,
    pub handler: Option<String>,
    pub runtime: Option<String>,
    pub memory_size: Option<i64>,
    pub timeout: Option<i64>,
    pub role: Option<String>,
    pub environment: BTreeMap<String, String>,
    pub vpc: Option<Vpc>,
    pub tags: BTreeMap<String, String>,
    pub reserved_concurrency: Option<i64>,
    /// Pending or an update in progress: wait before the next change.
    pub busy: Option<String>,
}

impl FunctionSeen {
    /// The configuration differs from what `spec` wants in this region.
    pub fn config_differs(&self, spec: &Spec, vpc: Option<&Vpc>, role_arn: &str) -> bool {
        self.handler.as_deref() != Some(spec.handler.as_str())
            || self.runtime.as_deref() != Some(spec.runtime.as_str())
            || self.memory_size != Some(spec.memory_size)
            || self.timeout != Some(spec.timeout)
            || self.role.as_deref() != Some(role_arn)
            || self.environment != spec.environment
            || !same_vpc(self.vpc.as_ref(), vpc)
    }
}

/// VPC attachments compare as sets: Lambda need not keep the order given.
pub fn same_vpc(a: Option<&Vpc>, b: Option<&Vpc>) -> bool {
    let set = |v: &[String]| v.iter().cloned().collect::<BTreeSet<_>>();
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            set(&a.subnet_ids) == set(&b.subnet_ids)
                && set(&a.security_group_ids) == set(&b.security_group_ids)
        }
        _ => false,
    }
}

pub async fn find(lambda: &Client, name: &str) -> Result<Option<FunctionSeen>, AwsError> {
    let Some(out) = absent_as_none(lambda.get_function().function_name(name).send().await.map_err(aws))?
    else {
        return Ok(None);
    };
    let Some(c) = out.configuration() else { return Ok(None) };
    let vpc = c.vpc_config().filter(|v| !v.subnet_ids().is_empty()).map(|v| Vpc {
        subnet_ids: v.subnet_ids().to_vec(),
        security_group_ids: v.security_group_ids().to_vec(),
    });
    let busy = match (c.state(), c.last_update_status()) {
        (Some(State::Pending), _) => Some("Pending".to_string()),
        (_, Some(LastUpdateStatus::InProgress)) => Some("update InProgress".to_string()),
        _ => None,
    };
    Ok(Some(FunctionSeen {
        arn: c.function_arn().unwrap_or_default().to_string(),
        code_sha256: c.code_sha256().unwrap_or_default().to_string(),
        handler: c.handler().map(str::to_string),
        runtime: c.runtime().map(|r| r.as_str().to_string()),
        memory_size: c.memory_size().map(i64::from),
        timeout: c.timeout().map(i64::from),
        role: c.role().map(str::to_string),
        environment: c
            .environment()
            .and_then(|e| e.variables())
            .map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
            .unwrap_or_default(),
        vpc,
        tags: out.tags().map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect()).unwrap_or_default(),
        reserved_concurrency: out
            .concurrency()
            .and_then(|c| c.reserved_concurrent_executions())
            .map(i64::from),
        busy,
    }))
}

fn vpc_config(vpc: Option<&Vpc>) -> VpcConfig {
    let v = vpc.cloned().unwrap_or_default();
    VpcConfig::builder()
        .set_subnet_ids(Some(v.subnet_ids))
        .set_security_group_ids(Some(v.security_group_ids))
        .build()
}

fn environment(spec: &Spec) -> Environment {
    Environment::builder().set_variables(Some(spec.environment.clone().into_iter().collect())).build()
}

/// Waits until the function accepts the next change (Active, no update in progress).
pub async fn wait_ready(lambda: &Client, name: &str, w: &Waiter) -> Result<FunctionSeen, AwsError> {
    w.until(&format!("function {name} to be ready"), || async {
        match find(lambda, name).await? {
            None => Ok(Poll::Pending("not visible yet".into())),
            Some(f) => Ok(match &f.busy {
                Some(state) => Poll::Pending(state.clone()),
                None => Poll::Done(f),
            }),
        }
    })
    .await
}

#[allow(clippy::too_many_arguments)]
pub async fn create(
    lambda: &Client,
    name: &str,
    spec: &Spec,
    vpc: Option<&Vpc>,
    role_arn: &str,
    zip: &[u8],
    tags: &HashMap<String, String>,
    w: &Waiter,
) -> Result<(), AwsError> {
    let settle = Waiter { deadline: w.deadline.min(Instant::now() + ROLE_SETTLE), ..w.clone() };
    settle
        .until(&format!("function {name} to be created"), || async {
            let mut req = lambda
                .create_function()
                .function_name(name)
                .description("drpair: order processor (same package in both regions)")
                .runtime(Runtime::from(spec.runtime.as_str()))
                .handler(&spec.handler)
                .role(role_arn)
                .memory_size(spec.memory_size as i32)
                .timeout(spec.timeout as i32)
                .code(FunctionCode::builder().zip_file(Blob::new(zip)).build())
                .environment(environment(spec))
                .set_tags(Some(tags.clone()));
            if vpc.is_some() {
                req = req.vpc_config(vpc_config(vpc));
            }
            match req.send().await.map_err(aws) {
                Ok(_) => Ok(Poll::Done(())),
                // A role (or its VPC permissions) made moments ago: IAM has not told Lambda yet.
                Err(e) if role_not_settled(&e) => Ok(Poll::Pending(e.to_string())),
                // An interrupted run made it already: adopt it (converge then fixes what differs).
                Err(e) if e.code() == Some("ResourceConflictException") => Ok(Poll::Done(())),
                Err(e) => Err(e),
            }
        })
        .await
}

pub async fn update_code(lambda: &Client, name: &str, zip: &[u8]) -> Result<(), AwsError> {
    lambda.update_function_code().function_name(name).zip_file(Blob::new(zip)).send().await.map_err(aws)?;
    Ok(())
}

pub async fn update_config(
    lambda: &Client,
    name: &str,
    spec: &Spec,
    vpc: Option<&Vpc>,
    role_arn: &str,
) -> Result<(), AwsError> {
    lambda
        .update_function_configuration()
        .function_name(name)
        .runtime(Runtime::from(spec.runtime.as_str()))
        .handler(&spec.handler)
        .role(role_arn)
        .memory_size(spec.memory_size as i32)
        .timeout(spec.timeout as i32)
        .environment(environment(spec))
        .vpc_config(vpc_config(vpc))
        .send()
        .await
        .map_err(aws)?;
    Ok(())
}

pub async fn tag(lambda: &Client, arn: &str, tags: &HashMap<String, String>) -> Result<(), AwsError> {
    lambda.tag_resource().resource(arn).set_tags(Some(tags.clone())).send().await.map_err(aws)?;
    Ok(())
}

pub async fn put_concurrency(lambda: &Client, name: &str, n: i64) -> Result<(), AwsError> {
    lambda
        .put_function_concurrency()
        .function_name(name)
        .reserved_concurrent_executions(n as i32)
        .send()
        .await
        .map_err(aws)?;
    Ok(())
}

pub async fn delete(lambda: &Client, name: &str) -> Result<(), AwsError> {
    gone_is_done(lambda.delete_function().function_name(name).send().await.map(|_| ()).map_err(aws))
}

/// An event source mapping as Lambda reports it.
#[derive(Clone, Debug)]
pub struct MappingSeen {
    pub uuid: String,
    pub queue_arn: String,
    pub batch_size: Option<i64>,
    /// Reporting partial-batch failures and not being deleted: as this resource wants.
    /// Enabled or disabled is not ours to judge: the failover orchestrator disables a failed
    /// region's mappings at run time, and that must not show as drift.
    pub as_wanted: bool,
}

pub async fn find_mappings(lambda: &Client, function: &str) -> Result<Vec<MappingSeen>, AwsError> {
    let mut found = Vec::new();
    let mut pages = lambda.list_event_source_mappings().function_name(function).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = match absent_as_none(page.map_err(aws))? {
            Some(p) => p,
            None => return Ok(found),
        };
        for m in page.event_source_mappings() {
            let alive = m.state() != Some("Deleting");
            let reports =
                m.function_response_types().contains(&FunctionResponseType::ReportBatchItemFailures);
            found.push(MappingSeen {
                uuid: m.uuid().unwrap_or_default().to_string(),
                queue_arn: m.event_source_arn().unwrap_or_default().to_string(),
                batch_size: m.batch_size().map(i64::from),
                as_wanted: alive && reports,
            });
        }
    }
    Ok(found)
}

/// Lambda checks the execution role may read the queue: retried while IAM catches up.
pub async fn create_mapping(
    lambda: &Client,
    function: &str,
    queue_arn: &str,
    batch: i64,
    w: &Waiter,
) -> Result<String, AwsError> {
    let settle = Waiter { deadline: w.deadline.min(Instant::now() + ROLE_SETTLE), ..w.clone() };
    settle
        .until(&format!("mapping {queue_arn} -> {function} to be created"), || async {
            let made = lambda
                .create_event_source_mapping()
                .function_name(function)
                .event_source_arn(queue_arn)
                .batch_size(batch as i32)
                .function_response_types(FunctionResponseType::ReportBatchItemFailures)
                .enabled(true)
                .send()
                .await
                .map_err(aws);
            match made {
                Ok(out) => Ok(Poll::Done(out.uuid().unwrap_or_default().to_string())),
                Err(e) if role_not_settled(&e) => Ok(Poll::Pending(e.to_string())),
                Err(e) => Err(e),
            }
        })
        .await
}

pub async fn update_mapping(lambda: &Client, uuid: &str, batch: i64) -> Result<(), AwsError> {
    lambda
        .update_event_source_mapping()
        .uuid(uuid)
        .batch_size(batch as i32)
        .function_response_types(FunctionResponseType::ReportBatchItemFailures)
        .send()
        .await
        .map_err(aws)?;
    Ok(())
}

pub async fn delete_mapping(lambda: &Client, uuid: &str) -> Result<(), AwsError> {
    gone_is_done(lambda.delete_event_source_mapping().uuid(uuid).send().await.map(|_| ()).map_err(aws))
}
