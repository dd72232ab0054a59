//! The IAM role S3 assumes to replicate, with its one inline policy. IAM is global: one role
//! serves both directions.

use std::collections::BTreeMap;
use std::time::Duration;

use aws_sdk_iam::Client;
use serde_json::Value as Json;
use tokio::time::Instant;

use super::built;
use crate::aws::AwsError;
use crate::aws::error::{absent_as_none, aws, gone_is_done};
use crate::aws::wait::{Poll, Waiter};
use crate::resources::replicated_bucket::policy;

/// IAM is eventually consistent: a role just created may briefly be unknown to PutRolePolicy.
const SETTLE: Duration = Duration::from_secs(60);

#[derive(Clone, Debug)]
pub struct RoleSeen {
    pub arn: String,
    pub trust: Option<Json>,
    /// Inline policies by name (None: a document we could not parse).
    pub inline: BTreeMap<String, Option<Json>>,
    /// ARNs of attached managed policies.
    pub attached: Vec<String>,
}

pub async fn find_role(iam: &Client, name: &str) -> Result<Option<RoleSeen>, AwsError> {
    let Some(out) = absent_as_none(iam.get_role().role_name(name).send().await.map_err(aws))? else {
        return Ok(None);
    };
    let Some(role) = out.role else { return Ok(None) };
    let mut inline = BTreeMap::new();
    let mut pages = iam.list_role_policies().role_name(name).into_paginator().send();
    while let Some(page) = pages.next().await {
        for p in page.map_err(aws)?.policy_names() {
            let doc = iam.get_role_policy().role_name(name).policy_name(p).send().await.map_err(aws)?;
            inline.insert(p.clone(), policy::parse(doc.policy_document()));
        }
    }
    let mut attached = Vec::new();
    let mut pages = iam.list_attached_role_policies().role_name(name).into_paginator().send();
    while let Some(page) = pages.next().await {
        attached.extend(page.map_err(aws)?.attached_policies().iter().filter_map(|p| p.policy_arn.clone()));
    }
    Ok(Some(RoleSeen {
        arn: role.arn,
        trust: role.assume_role_policy_document.as_deref().and_then(policy::parse),
        inline,
        attached,
    }))
}

/// Creates the role trusted by S3; a role of that name already there is adopted (and then
/// checked like any other). Returns its ARN.
pub async fn create_role(
    iam: &Client,
    name: &str,
    trust: &Json,
    tags: &[(String, String)],
) -> Result<String, AwsError> {
    let tags = tags
        .iter()
        .map(|(k, v)| built("role tag", aws_sdk_iam::types::Tag::builder().key(k).value(v).build()))
        .collect::<Result<Vec<_>, _>>()?;
    let created = iam
        .create_role()
        .role_name(name)
        .assume_role_policy_document(trust.to_string())
        .description("drpair: S3 cross-region replication between the pair's buckets")
        .set_tags(Some(tags))
        .send()
        .await
        .map_err(aws);
    match created {
        Ok(out) => out.role.map(|r| r.arn).ok_or_else(|| AwsError::BadState {
            what: format!("CreateRole {name}"),
            state: "no role in the answer".into(),
        }),
        Err(e) if e.code() == Some("EntityAlreadyExists") => match find_role(iam, name).await? {
            Some(r) => Ok(r.arn),
            None => Err(e),
        },
        Err(e) => Err(e),
    }
}

pub async fn update_trust(iam: &Client, name: &str, trust: &Json) -> Result<(), AwsError> {
    iam.update_assume_role_policy()
        .role_name(name)
        .policy_document(trust.to_string())
        .send()
        .await
        .map(|_| ())
        .map_err(aws)
}

/// Writes the inline policy; retries only IAM's "no such role" right after its creation.
pub async fn put_inline(
    iam: &Client,
    role: &str,
    policy_name: &str,
    doc: &Json,
    w: &Waiter,
) -> Result<(), AwsError> {
    let settle = Waiter { deadline: w.deadline.min(Instant::now() + SETTLE), ..w.clone() };
    settle
        .until(&format!("role {role} to accept its policy"), || async {
            let put = iam
                .put_role_policy()
                .role_name(role)
                .policy_name(policy_name)
                .policy_document(doc.to_string())
                .send()
                .await;
            match put.map_err(aws) {
                Ok(_) => Ok(Poll::Done(())),
                Err(e) if e.code() == Some("NoSuchEntity") => Ok(Poll::Pending(e.to_string())),
                Err(e) => Err(e),
            }
        })
        .await
}

pub async fn delete_inline(iam: &Client, role: &str, policy_name: &str) -> Result<(), AwsError> {
    gone_is_done(
        iam.delete_role_policy()
            .role_name(role)
            .policy_name(policy_name)
            .send()
            .await
            .map(|_| ())
            .map_err(aws),
    )
}

pub async fn detach(iam: &Client, role: &str, policy_arn: &str) -> Result<(), AwsError> {
    gone_is_done(
        iam.detach_role_policy().role_name(role).policy_arn(policy_arn).send().await.map(|_| ()).map_err(aws),
    )
}

/// IAM refuses to delete a role that still has policies: inline ones are deleted and managed
/// ones detached first. A role already gone is done.
pub async fn delete_role(iam: &Client, name: &str) -> Result<(), AwsError> {
    let Some(seen) = find_role(iam, name).await? else { return Ok(()) };
    for p in seen.inline.keys() {
        delete_inline(iam, name, p).await?;
    }
    for arn in &seen.attached {
        detach(iam, name, arn).await?;
    }
    gone_is_done(iam.delete_role().role_name(name).send().await.map(|_| ()).map_err(aws))
}
