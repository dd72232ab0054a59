//! The forwarding roles (IAM is global): one per direction, each with the events trust policy
//! and exactly one inline policy.

use std::time::Duration;

use aws_sdk_iam::Client;
use serde_json::Value as Json;
use tokio::time::Instant;

use super::model::{POLICY_NAME, parse_doc};
use crate::aws::AwsError;
use crate::aws::error::{absent_as_none, aws, gone_is_done};
use crate::aws::wait::{Poll, Waiter};

/// IAM is eventually consistent: a role just created may briefly be unknown to PutRolePolicy.
const SETTLE: Duration = Duration::from_secs(60);

#[derive(Clone, Debug)]
pub struct RoleSeen {
    pub arn: String,
    pub trust: Option<Json>,
    pub policy: Option<Json>,
    pub has_ours: bool,
    /// Inline policies not ours and attached managed policies: extra rights, so drift.
    pub others: Vec<String>,
    pub attached: Vec<String>,
}

impl RoleSeen {
    pub fn is(&self, trust: &Json, doc: &Json) -> bool {
        self.trust.as_ref() == Some(trust)
            && self.policy.as_ref() == Some(doc)
            && self.others.is_empty()
            && self.attached.is_empty()
    }
}

pub async fn find(iam: &Client, name: &str) -> Result<Option<RoleSeen>, AwsError> {
    let Some(out) = absent_as_none(iam.get_role().role_name(name).send().await.map_err(aws))? else {
        return Ok(None);
    };
    let Some(role) = out.role else { return Ok(None) };
    let mut seen = RoleSeen {
        arn: role.arn,
        trust: role.assume_role_policy_document.as_deref().and_then(parse_doc),
        policy: None,
        has_ours: false,
        others: Vec::new(),
        attached: Vec::new(),
    };
    let listed = absent_as_none(iam.list_role_policies().role_name(name).send().await.map_err(aws))?;
    for p in listed.as_ref().map(|l| l.policy_names()).unwrap_or_default() {
        if p == POLICY_NAME {
            let doc = iam.get_role_policy().role_name(name).policy_name(p).send().await.map_err(aws)?;
            seen.policy = parse_doc(doc.policy_document());
            seen.has_ours = true;
        } else {
            seen.others.push(p.clone());
        }
    }
    let attached =
        absent_as_none(iam.list_attached_role_policies().role_name(name).send().await.map_err(aws))?;
    seen.attached = attached
        .map(|a| a.attached_policies().iter().filter_map(|p| p.policy_arn.clone()).collect())
        .unwrap_or_default();
    Ok(Some(seen))
}

/// The role exists with exactly this trust and policy; returns its ARN.
pub async fn ensure(
    iam: &Client,
    name: &str,
    trust: &Json,
    doc: &Json,
    tags: &[(String, String)],
    w: &Waiter,
) -> Result<String, AwsError> {
    let seen = match find(iam, name).await? {
        Some(seen) => seen,
        None => {
            crate::info!("creating role {name}");
            let tags = tags
                .iter()
                .map(|(k, v)| aws_sdk_iam::types::Tag::builder().key(k).value(v).build())
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| AwsError::BadState { what: "role tag".into(), state: e.to_string() })?;
            let made = iam
                .create_role()
                .role_name(name)
                .assume_role_policy_document(trust.to_string())
                .description("drpair: EventBridge forwards events to the other region's bus")
                .set_tags(Some(tags))
                .send()
                .await
                .map_err(aws);
            match made {
                Err(e) if e.code() != Some("EntityAlreadyExists") => return Err(e),
                _ => {}
            }
            find(iam, name).await?.ok_or_else(|| AwsError::BadState {
                what: format!("role {name}"),
                state: "missing right after it was created".into(),
            })?
        }
    };
    if seen.trust.as_ref() != Some(trust) {
        crate::info!("role {name}: trust policy");
        let r =
            iam.update_assume_role_policy().role_name(name).policy_document(trust.to_string()).send().await;
        r.map_err(aws)?;
    }
    if seen.policy.as_ref() != Some(doc) {
        crate::info!("role {name}: inline policy");
        put_policy(iam, name, doc, w).await?;
    }
    remove_others(iam, name, &seen).await?;
    Ok(seen.arn)
}

async fn put_policy(iam: &Client, role: &str, doc: &Json, w: &Waiter) -> Result<(), AwsError> {
    let settle = Waiter { deadline: w.deadline.min(Instant::now() + SETTLE), ..w.clone() };
    settle
        .until(&format!("role {role} to accept its policy"), || async {
            let put = iam
                .put_role_policy()
                .role_name(role)
                .policy_name(POLICY_NAME)
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

/// Rights this role must not have: inline policies not ours, attached managed policies.
async fn remove_others(iam: &Client, name: &str, seen: &RoleSeen) -> Result<(), AwsError> {
    for p in &seen.others {
        let r = iam.delete_role_policy().role_name(name).policy_name(p).send().await;
        gone_is_done(r.map(|_| ()).map_err(aws))?;
    }
    for arn in &seen.attached {
        let r = iam.detach_role_policy().role_name(name).policy_arn(arn).send().await;
        gone_is_done(r.map(|_| ()).map_err(aws))?;
    }
    Ok(())
}

/// IAM refuses to delete a role that still has policies: they go first.
pub async fn delete(iam: &Client, name: &str) -> Result<(), AwsError> {
    let Some(seen) = find(iam, name).await? else { return Ok(()) };
    if seen.has_ours {
        let r = iam.delete_role_policy().role_name(name).policy_name(POLICY_NAME).send().await;
        gone_is_done(r.map(|_| ()).map_err(aws))?;
    }
    remove_others(iam, name, &seen).await?;
    gone_is_done(iam.delete_role().role_name(name).send().await.map(|_| ()).map_err(aws))
}
