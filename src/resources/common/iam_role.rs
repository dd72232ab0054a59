//! An IAM role a resource owns outright (IAM is global): its trust policy and exactly one
//! inline policy of ours; any other inline or attached policy is extra rights, so drift that
//! `ensure` removes. The order pipeline's and the event bus's roles are this.

use std::time::Duration;

use aws_sdk_iam::Client;
use serde_json::Value as Json;
use tokio::time::Instant;

use crate::aws::AwsError;
use crate::aws::error::{absent_as_none, aws, gone_is_done};
use crate::aws::wait::{Poll, Waiter};

/// IAM is eventually consistent: a role just created may briefly be unknown to PutRolePolicy.
const SETTLE: Duration = Duration::from_secs(60);

#[derive(Clone, Debug)]
pub struct RoleSeen {
    pub arn: String,
    pub trust: Option<Json>,
    /// Our inline policy, if present and parseable.
    pub policy: Option<Json>,
    pub has_ours: bool,
    /// Other inline policies and attached managed policies: not ours, so drift.
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

pub async fn find(iam: &Client, name: &str, policy_name: &str) -> Result<Option<RoleSeen>, AwsError> {
    let Some(out) = absent_as_none(iam.get_role().role_name(name).send().await.map_err(aws))? else {
        return Ok(None);
    };
    let Some(role) = out.role else { return Ok(None) };
    let mut seen = RoleSeen {
        arn: role.arn,
        trust: role.assume_role_policy_document.as_deref().and_then(parse_policy),
        policy: None,
        has_ours: false,
        others: Vec::new(),
        attached: Vec::new(),
    };
    let mut pages = iam.list_role_policies().role_name(name).into_paginator().send();
    while let Some(page) = pages.next().await {
        for p in page.map_err(aws)?.policy_names() {
            if p == policy_name {
                let doc = iam.get_role_policy().role_name(name).policy_name(p).send().await.map_err(aws)?;
                seen.policy = parse_policy(doc.policy_document());
                seen.has_ours = true;
            } else {
                seen.others.push(p.clone());
            }
        }
    }
    let mut pages = iam.list_attached_role_policies().role_name(name).into_paginator().send();
    while let Some(page) = pages.next().await {
        seen.attached
            .extend(page.map_err(aws)?.attached_policies().iter().filter_map(|p| p.policy_arn.clone()));
    }
    Ok(Some(seen))
}

/// What a role should be.
pub struct RoleWant<'a> {
    pub name: &'a str,
    pub description: &'a str,
    pub trust: &'a Json,
    /// The one inline policy: its name and document.
    pub policy_name: &'a str,
    pub doc: &'a Json,
    pub tags: &'a [(String, String)],
}

/// The role exists with exactly this trust and policy; returns its ARN.
pub async fn ensure(iam: &Client, want: &RoleWant<'_>, w: &Waiter) -> Result<String, AwsError> {
    let RoleWant { name, description, trust, policy_name, doc, tags } = *want;
    let seen = match find(iam, name, policy_name).await? {
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
                .description(description)
                .set_tags(Some(tags))
                .send()
                .await
                .map_err(aws);
            match made {
                Ok(_) => {}
                Err(e) if e.code() == Some("EntityAlreadyExists") => {}
                Err(e) => return Err(e),
            }
            find(iam, name, policy_name).await?.ok_or_else(|| AwsError::BadState {
                what: format!("role {name}"),
                state: "missing right after it was created".into(),
            })?
        }
    };
    if seen.trust.as_ref() != Some(trust) {
        crate::info!("role {name}: trust policy");
        iam.update_assume_role_policy()
            .role_name(name)
            .policy_document(trust.to_string())
            .send()
            .await
            .map_err(aws)?;
    }
    if seen.policy.as_ref() != Some(doc) {
        crate::info!("role {name}: inline policy");
        put_policy(iam, name, policy_name, doc, w).await?;
    }
    for p in &seen.others {
        gone_is_done(
            iam.delete_role_policy().role_name(name).policy_name(p).send().await.map(|_| ()).map_err(aws),
        )?;
    }
    for arn in &seen.attached {
        gone_is_done(
            iam.detach_role_policy().role_name(name).policy_arn(arn).send().await.map(|_| ()).map_err(aws),
        )?;
    }
    Ok(seen.arn)
}

async fn put_policy(
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

/// IAM refuses to delete a role that still has policies: they go first.
pub async fn delete(iam: &Client, name: &str, policy_name: &str) -> Result<(), AwsError> {
    let Some(seen) = find(iam, name, policy_name).await? else { return Ok(()) };
    let inline =
        seen.has_ours.then(|| policy_name.to_string()).into_iter().chain(seen.others.iter().cloned());
    for p in inline {
        gone_is_done(
            iam.delete_role_policy().role_name(name).policy_name(&p).send().await.map(|_| ()).map_err(aws),
        )?;
    }
    for arn in &seen.attached {
        gone_is_done(
            iam.detach_role_policy().role_name(name).policy_arn(arn).send().await.map(|_| ()).map_err(aws),
        )?;
    }
    gone_is_done(iam.delete_role().role_name(name).send().await.map(|_| ()).map_err(aws))
}

/// IAM returns policy documents URL-encoded; a plain JSON one is taken as it is.
pub fn parse_policy(doc: &str) -> Option<Json> {
    serde_json::from_str(doc).ok().or_else(|| serde_json::from_str(&percent_decode(doc)?).ok())
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::parse_policy;

    #[test]
    fn policies_parse_plain_or_url_encoded() {
        let doc = serde_json::json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Resource": "a b"}]});
        let encoded =
            doc.to_string().replace('{', "%7B").replace('}', "%7D").replace(' ', "%20").replace('"', "%22");
        assert_eq!(parse_policy(&doc.to_string()), Some(doc.clone()));
        assert_eq!(parse_policy(&encoded), Some(doc));
        assert_eq!(parse_policy("%7"), None);
    }
}
