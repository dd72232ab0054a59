//! A customer-managed KMS key per region, found by its alias: the one way every drpair
//! resource that encrypts at rest (cluster storage, buckets) finds, creates and retires keys.
//!
//! CreateKey and CreateAlias are two calls: an apply killed between them leaves a live key
//! with no alias (the fault matrix's SIGKILL row found it leaking). Such a key is recognised
//! by its description, which names the alias, and adopted by the next create or retired by
//! the next delete. Looking for it lists the region's keys, so it is done only when the alias
//! is missing.

use aws_sdk_kms::Client;
use aws_sdk_kms::types::{KeyState, Tag};

use crate::aws::AwsError;
use crate::aws::error::{absent_as_none, aws, gone_is_done};

/// ARN of the live key behind `alias`, if any. Keys pending deletion do not count.
pub async fn find_key_by_alias(kms: &Client, alias: &str) -> Result<Option<String>, AwsError> {
    let out = absent_as_none(kms.describe_key().key_id(alias).send().await.map_err(aws))?;
    Ok(out.and_then(|o| o.key_metadata).and_then(|m| {
        let live = !matches!(m.key_state, Some(KeyState::PendingDeletion | KeyState::PendingReplicaDeletion));
        live.then(|| m.arn.unwrap_or(m.key_id))
    }))
}

/// The key behind `alias`, created (with the alias) when there is none: a re-run adopts it.
pub async fn ensure_key(kms: &Client, alias: &str, tags: &[(String, String)]) -> Result<String, AwsError> {
    match find_key_by_alias(kms, alias).await? {
        Some(arn) => Ok(arn),
        None => create_key(kms, alias, tags).await,
    }
}

fn description(alias: &str) -> String {
    format!("drpair: storage encryption for {alias}")
}

/// A live key made for `alias` that lost the race to its alias (see the module comment).
async fn find_orphan_key(kms: &Client, alias: &str) -> Result<Option<String>, AwsError> {
    let want = description(alias);
    let mut pages = kms.list_keys().into_paginator().send();
    while let Some(page) = pages.next().await {
        for entry in page.map_err(aws)?.keys() {
            let Some(id) = entry.key_id() else { continue };
            let found = absent_as_none(kms.describe_key().key_id(id).send().await.map_err(aws))?;
            let Some(m) = found.and_then(|o| o.key_metadata) else { continue };
            if m.description.as_deref() == Some(want.as_str()) && m.key_state == Some(KeyState::Enabled) {
                return Ok(Some(m.arn.unwrap_or(m.key_id)));
            }
        }
    }
    Ok(None)
}

pub async fn create_key(kms: &Client, alias: &str, tags: &[(String, String)]) -> Result<String, AwsError> {
    if let Some(arn) = find_orphan_key(kms, alias).await? {
        let key_id = arn.rsplit('/').next().unwrap_or(&arn).to_string();
        point_alias(kms, alias, &key_id).await?;
        return Ok(arn);
    }
    let key = kms
        .create_key()
        .description(description(alias))
        .set_tags(Some(
            tags.iter().filter_map(|(k, v)| Tag::builder().tag_key(k).tag_value(v).build().ok()).collect(),
        ))
        .send()
        .await
        .map_err(aws)?
        .key_metadata
        .ok_or_else(|| AwsError::BadState { what: "CreateKey".into(), state: "no key metadata".into() })?;
    point_alias(kms, alias, &key.key_id).await?;
    Ok(key.arn.unwrap_or(key.key_id))
}

/// Creates `alias` on the key; a stale alias (its key pending deletion) is moved to it.
async fn point_alias(kms: &Client, alias: &str, key_id: &str) -> Result<(), AwsError> {
    let created = kms.create_alias().alias_name(alias).target_key_id(key_id).send().await.map_err(aws);
    match created {
        Err(e) if e.is_already_exists() => {
            kms.update_alias().alias_name(alias).target_key_id(key_id).send().await.map_err(aws)?;
        }
        other => {
            other?;
        }
    }
    Ok(())
}

/// Schedules the key for deletion (the shortest window AWS allows), then removes the alias:
/// in that order a delete killed half-way leaves an alias on a key pending deletion (which
/// AWS removes with the key), never a live key nothing points at. A key that never got its
/// alias is found by its description and retired too.
pub async fn delete_key(kms: &Client, alias: &str) -> Result<(), AwsError> {
    let (arn, aliased) = match find_key_by_alias(kms, alias).await? {
        Some(arn) => (arn, true),
        None => match find_orphan_key(kms, alias).await? {
            Some(arn) => (arn, false),
            None => return Ok(()),
        },
    };
    // The bare key id works everywhere (the stand-in does not accept the ARN here).
    let key_id = arn.rsplit('/').next().unwrap_or(&arn);
    let scheduled = kms.schedule_key_deletion().key_id(key_id).pending_window_in_days(7).send().await;
    match scheduled.map_err(aws) {
        Err(e) if e.is_not_found() || e.code() == Some("KMSInvalidStateException") => {}
        other => {
            other?;
        }
    }
    if aliased {
        gone_is_done(kms.delete_alias().alias_name(alias).send().await.map(|_| ()).map_err(aws))?;
    }
    Ok(())
}
