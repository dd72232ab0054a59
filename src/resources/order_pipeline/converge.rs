//! Create and update are one operation: bring each part to the spec, adopting what exists
//! under our deterministic names and writing only what differs. A killed apply, a part
//! deleted outside Terraform and a plain update all take this path.
//!
//! Order: queues (DLQ first, the queue's redrive names it), then the execution role that
//! names the queues, then per region the function, its concurrency, its mapping and its
//! alarms, and last the orchestrator role that names the functions and mappings.

use std::collections::{BTreeMap, HashMap};

use futures::try_join;

use super::model::{DLQ_RETENTION_SECONDS, Names, PACKAGE_TAG, SQS_KMS_KEY, Spec};
use super::parts::queues::{self, QueueSeen};
use super::parts::{alarms, function};
use super::policy::{self, Arns, POLICY_NAME};
use crate::aws::AwsError;
use crate::aws::wait::Waiter;
use crate::provider::Configured;
use crate::resources::common::iam_role::{self, RoleWant};

pub struct Converge<'a> {
    pub provider: &'a Configured,
    pub names: &'a Names,
    pub regions: [&'a str; 2],
    pub spec: &'a Spec,
    /// The package's bytes and their hash (base64 SHA-256).
    pub zip: &'a [u8],
    pub sha: &'a str,
    pub tags: Vec<(String, String)>,
    pub waiter: Waiter,
}

impl Converge<'_> {
    pub async fn run(&self) -> Result<(), AwsError> {
        let ((q0, d0), (q1, d1)) = try_join!(self.queues(0), self.queues(1))?;
        let (partition, account) =
            policy::partition_and_account(&q0.arn).ok_or_else(|| AwsError::BadState {
                what: format!("queue {}", q0.url),
                state: format!("unexpected ARN {:?}", q0.arn),
            })?;
        let mut arns = Arns {
            partition,
            account,
            regions: self.regions,
            queues: [&q0.arn, &q1.arn],
            dlqs: [&d0.arn, &d1.arn],
            mappings: [None, None],
        };
        let iam = self.provider.iam();
        let exec_want = RoleWant {
            name: &self.names.execution_role(),
            description: "drpair: execution role of the order processor in both regions",
            trust: &policy::execution_trust(),
            policy_name: POLICY_NAME,
            doc: &policy::execution_policy(self.names, &self.spec.grants, &arns),
            tags: &self.tags,
        };
        let exec = iam_role::ensure(&iam, &exec_want, &self.waiter).await?;
        let (m0, m1) = try_join!(self.function(0, &exec, &q0), self.function(1, &exec, &q1))?;
        arns.mappings = [Some(m0.as_str()), Some(m1.as_str())];
        let orchestrator_want = RoleWant {
            name: &self.names.orchestrator_role(),
            description: "drpair: assumed by the failover orchestrator (either region) to operate the order pipeline",
            trust: &policy::orchestrator_trust(partition, account),
            policy_name: POLICY_NAME,
            doc: &policy::orchestrator_policy(self.names, &arns),
            tags: &self.tags,
        };
        iam_role::ensure(&iam, &orchestrator_want, &self.waiter).await?;
        Ok(())
    }

    /// The region's DLQ, then its order queue redriving into it.
    async fn queues(&self, i: usize) -> Result<(QueueSeen, QueueSeen), AwsError> {
        let sqs = self.provider.sqs(self.regions[i]);
        let dlq_want: BTreeMap<String, String> = [
            ("KmsMasterKeyId".to_string(), SQS_KMS_KEY.to_string()),
            ("MessageRetentionPeriod".to_string(), DLQ_RETENTION_SECONDS.to_string()),
        ]
        .into();
        let dlq = queues::ensure(&sqs, &self.names.dlq(), &dlq_want, &self.tags, &self.waiter).await?;
        let want: BTreeMap<String, String> = [
            ("KmsMasterKeyId".to_string(), SQS_KMS_KEY.to_string()),
            ("VisibilityTimeout".to_string(), self.spec.visibility_timeout.to_string()),
            ("RedrivePolicy".to_string(), queues::redrive_policy(&dlq.arn, self.spec.max_receive_count)),
        ]
        .into();
        let queue = queues::ensure(&sqs, &self.names.queue(), &want, &self.tags, &self.waiter).await?;
        Ok((queue, dlq))
    }

    /// The function with this package and configuration, its reserved concurrency, its one
    /// mapping from the queue (returned: the mapping's UUID) and its alarms.
    async fn function(&self, i: usize, role_arn: &str, queue: &QueueSeen) -> Result<String, AwsError> {
        let region = self.regions[i];
        let lambda = self.provider.lambda(region);
        let name = self.names.function();
        let vpc = self.spec.vpc[i].as_ref();
        let mut tags: HashMap<String, String> = self.tags.iter().cloned().collect();
        tags.insert(PACKAGE_TAG.to_string(), self.spec.package.tag());
        match function::find(&lambda, &name).await? {
            None => {
                crate::info!("creating function {name} in {region}");
                function::create(&lambda, &name, self.spec, vpc, role_arn, self.zip, &tags, &self.waiter)
                    .await?;
            }
            Some(mut f) => {
                if f.busy.is_some() {
                    f = function::wait_ready(&lambda, &name, &self.waiter).await?;
                }
                if f.code_sha256 != self.sha {
                    crate::info!("function {name} in {region}: deploying package {}", self.sha);
                    function::update_code(&lambda, &name, self.zip).await?;
                    f = function::wait_ready(&lambda, &name, &self.waiter).await?;
                }
                if f.config_differs(self.spec, vpc, role_arn) {
                    crate::info!("function {name} in {region}: configuration");
                    function::update_config(&lambda, &name, self.spec, vpc, role_arn).await?;
                }
                if tags.iter().any(|(k, v)| f.tags.get(k) != Some(v)) {
                    function::tag(&lambda, &f.arn, &tags).await?;
                }
            }
        }
        let f = function::wait_ready(&lambda, &name, &self.waiter).await?;
        if f.reserved_concurrency != Some(self.spec.reserved_concurrency) {
            function::put_concurrency(&lambda, &name, self.spec.reserved_concurrency).await?;
        }
        let uuid = self.mapping(&lambda, &name, &queue.arn).await?;
        let cw = self.provider.cloudwatch(region);
        alarms::put_all(&cw, &self.names.alarms(region), &name, &self.names.dlq(), &self.tags).await?;
        Ok(uuid)
    }

    /// Exactly one mapping from our queue, enabled, with partial-batch failure reporting;
    /// mappings of our function from anything else are not ours to keep.
    async fn mapping(
        &self,
        lambda: &aws_sdk_lambda::Client,
        name: &str,
        queue_arn: &str,
    ) -> Result<String, AwsError> {
        let mut kept: Option<String> = None;
        for m in function::find_mappings(lambda, name).await? {
            if m.queue_arn != queue_arn || kept.is_some() {
                crate::info!("function {name}: removing mapping {} from {}", m.uuid, m.queue_arn);
                function::delete_mapping(lambda, &m.uuid).await?;
                continue;
            }
            if !m.as_wanted || m.batch_size != Some(self.spec.batch_size) {
                crate::info!("function {name}: updating mapping {}", m.uuid);
                function::update_mapping(lambda, &m.uuid, self.spec.batch_size).await?;
            }
            kept = Some(m.uuid);
        }
        match kept {
            Some(uuid) => Ok(uuid),
            None => {
                crate::info!("function {name}: creating mapping from {queue_arn}");
                function::create_mapping(lambda, name, queue_arn, self.spec.batch_size, &self.waiter).await
            }
        }
    }
}
