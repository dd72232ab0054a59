//! A customer-managed KMS key per region, found by its alias: the one way every drpair
//! resource that encrypts at rest (cluster storage, buckets) finds, creates and retires keys.

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

pub async fn create_key(kms: &Client, alias: &str, tags: &[(String, String)]) -> Result<String, AwsError> {
    let key = kms
        .create_key()
        .description(format!("drpair: storage encryption for {alias}"))
        .set_tags(Some(
            tags.iter().filter_map(|(k, v)| Tag::builder().tag_key(k).tag_value(v).build().ok()).collect(),
        ))
        .send()
        .await
        .map_err(aws)?
        .key_metadata
        .ok_or_else(|| AwsError::BadState { what: "CreateKey".into(), state: "no key metadata".into() })?;
    // A stale alias (its key pending deletion) is moved to the new key.
    let created = kms.create_alias().alias_name(alias).target_key_id(&key.key_id).send().await.map_err(aws);
    match created {
        Err(e) if e.is_already_exists() => {
            kms.update_alias().alias_name(alias).target_key_id(&key.key_id).send().await.map_err(aws)?;
        }
        other => {
            other?;
        }
    }
    Ok(key.arn.unwrap_or(key.key_id))
}

/// Removes the alias and schedules the key for deletion (the shortest window AWS allows).
pub async fn delete_key(kms: &Client, alias: &str) -> Result<(), AwsError> {
    let Some(arn) = find_key_by_alias(kms, alias).await? else {
        return Ok(());
    };
    gone_is_done(kms.delete_alias().alias_name(alias).send().await.map(|_| ()).map_err(aws))?;
    // The bare key id works everywhere (the stand-in does not accept the ARN here).
    let key_id = arn.rsplit('/').next().unwrap_or(&arn);
    let scheduled = kms.schedule_key_deletion().key_id(key_id).pending_window_in_days(7).send().await;
    match scheduled.map_err(aws) {
        Err(e) if e.is_not_found() || e.code() == Some("KMSInvalidStateException") => Ok(()),
        other => other.map(|_| ()),
    }
}
