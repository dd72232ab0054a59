//! Destroy in the order S3 and IAM need: replication configurations first (nothing may be
//! copied into a bucket being emptied, and the role they name must outlive them), then, with
//! `force_destroy`, the bucket policy (an audit bucket denies deleting versions) and every
//! object version and delete marker, then the buckets, the role (its policies first) and the
//! keys, scheduled for deletion. Not-found is success throughout, so an interrupted destroy
//! simply runs again.

use futures::future::try_join_all;

use super::model::Names;
use super::parts::{bucket, objects, replication, role};
use crate::aws::AwsError;
use crate::aws::wait::{Poll, Waiter};
use crate::provider::Configured;
use crate::resources::common::kms;

pub async fn delete(
    p: &Configured,
    names: &Names,
    regions: &[String; 2],
    force_destroy: bool,
    w: &Waiter,
) -> Result<(), AwsError> {
    if !force_destroy {
        // Refuse before changing anything, so a refused destroy leaves the pair replicating.
        for region in regions {
            let name = names.bucket(region);
            if objects::has_objects(&p.s3(region), &name).await? {
                return Err(not_empty(&name, "Nothing was changed. "));
            }
        }
    }
    try_join_all(
        regions
            .iter()
            .map(|r| async move { replication::delete_replication(&p.s3(r), &names.bucket(r)).await }),
    )
    .await?;
    try_join_all(
        regions.iter().map(|r| async move { delete_bucket(p, &names.bucket(r), r, force_destroy, w).await }),
    )
    .await?;
    role::delete_role(&p.iam(), &names.role()).await?;
    try_join_all(regions.iter().map(|r| async move { kms::delete_key(&p.kms(r), &names.kms_alias()).await }))
        .await?;
    Ok(())
}

async fn delete_bucket(
    p: &Configured,
    name: &str,
    region: &str,
    force_destroy: bool,
    w: &Waiter,
) -> Result<(), AwsError> {
    let s3 = p.s3(region);
    if !bucket::find_bucket(&s3, name).await? {
        return Ok(());
    }
    if force_destroy {
        bucket::delete_policy(&s3, name).await?;
        objects::empty_bucket(&s3, name, w).await?;
    }
    // A version written after the emptying pass (a late replica, a client still writing) makes
    // S3 answer BucketNotEmpty: empty again and retry, within the delete timeout.
    w.until(&format!("bucket {name} to be deleted"), || async {
        match bucket::delete_bucket(&s3, name).await {
            Ok(()) => Ok(Poll::Done(())),
            Err(e) if e.code() == Some("BucketNotEmpty") && force_destroy => {
                objects::empty_bucket(&s3, name, w).await?;
                Ok(Poll::Pending("not empty".into()))
            }
            Err(e) if e.code() == Some("BucketNotEmpty") => Err(not_empty(name, "")),
            Err(e) => Err(e),
        }
    })
    .await
}

fn not_empty(name: &str, outcome: &str) -> AwsError {
    AwsError::BadState {
        what: format!("bucket {name}"),
        state: format!(
            "not empty, and force_destroy is false. {outcome}Empty both buckets (every object \
             version and delete marker), or set force_destroy = true and apply, then destroy again"
        ),
    }
}
