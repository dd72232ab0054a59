//! The objects in a versioned bucket: every version and delete marker, because S3 deletes a
//! bucket only when nothing at all is left in it.

use aws_sdk_s3::Client;
use aws_sdk_s3::types::{Delete, ObjectIdentifier};
use tokio::time::Instant;

use super::{built, unset_as_none};
use crate::aws::AwsError;
use crate::aws::error::aws;
use crate::aws::wait::Waiter;

/// DeleteObjects takes at most 1000 keys, and ListObjectVersions answers at most 1000.
const BATCH: i32 = 1000;

/// Whether the bucket holds any object version or delete marker (a missing bucket holds none).
pub async fn has_objects(s3: &Client, name: &str) -> Result<bool, AwsError> {
    let out = unset_as_none(s3.list_object_versions().bucket(name).max_keys(1).send().await.map_err(aws))?;
    Ok(out.is_some_and(|o| !o.versions().is_empty() || !o.delete_markers().is_empty()))
}

/// Deletes every object version and delete marker, page by page, until a full pass finds
/// nothing (a write racing the destroy is caught by the next pass). Returns how many went.
/// Stops at the operation's deadline or when Terraform asks the provider to stop.
pub async fn empty_bucket(s3: &Client, name: &str, w: &Waiter) -> Result<u64, AwsError> {
    let mut deleted = 0u64;
    loop {
        let mut found_any = false;
        let (mut key_marker, mut version_marker) = (None::<String>, None::<String>);
        loop {
            check_limits(name, w)?;
            let page = s3
                .list_object_versions()
                .bucket(name)
                .max_keys(BATCH)
                .set_key_marker(key_marker.take())
                .set_version_id_marker(version_marker.take())
                .send()
                .await
                .map_err(aws);
            let Some(page) = unset_as_none(page)? else { return Ok(deleted) };
            let mut ids = Vec::new();
            let versions = page.versions().iter().map(|v| (v.key(), v.version_id()));
            let markers = page.delete_markers().iter().map(|m| (m.key(), m.version_id()));
            for (key, version) in versions.chain(markers) {
                let Some(key) = key else { continue };
                let id =
                    ObjectIdentifier::builder().key(key).set_version_id(version.map(str::to_string)).build();
                ids.push(built("delete objects", id)?);
            }
            if !ids.is_empty() {
                found_any = true;
                deleted += delete_batch(s3, name, ids).await?;
            }
            if page.is_truncated() != Some(true) {
                break;
            }
            key_marker = page.next_key_marker().map(str::to_string);
            version_marker = page.next_version_id_marker().map(str::to_string);
        }
        if !found_any {
            crate::info!("bucket {name}: emptied ({deleted} object versions and delete markers)");
            return Ok(deleted);
        }
    }
}

/// Deletes up to 1000 versions in one call; a key S3 refuses (object lock, a policy) fails the
/// whole destroy with its code, rather than looping on it.
async fn delete_batch(s3: &Client, name: &str, ids: Vec<ObjectIdentifier>) -> Result<u64, AwsError> {
    let n = ids.len() as u64;
    let delete = built("delete objects", Delete::builder().set_objects(Some(ids)).quiet(true).build())?;
    let out = s3.delete_objects().bucket(name).delete(delete).send().await.map_err(aws)?;
    if let Some(e) = out.errors().iter().find(|e| e.code() != Some("NoSuchVersion")) {
        return Err(AwsError::Api {
            code: e.code().unwrap_or("DeleteObjectsError").to_string(),
            message: format!(
                "deleting {} (version {}) from bucket {name}: {}",
                e.key().unwrap_or_default(),
                e.version_id().unwrap_or("null"),
                e.message().unwrap_or_default()
            ),
            request_id: None,
        });
    }
    Ok(n)
}

fn check_limits(name: &str, w: &Waiter) -> Result<(), AwsError> {
    if w.stop.as_ref().is_some_and(|s| *s.0.borrow()) {
        return Err(AwsError::Cancelled);
    }
    if Instant::now() >= w.deadline {
        return Err(AwsError::Timeout {
            what: format!("bucket {name} to be emptied"),
            last: "object versions left".into(),
            waited_secs: 0,
        });
    }
    Ok(())
}
