//! One regional bucket and its settings: versioning, default encryption, public access
//! block, policy, lifecycle, tags. Each setting is read and written on its own, so a repair
//! touches only the part that drifted.

use std::collections::BTreeMap;

use aws_sdk_s3::Client;
use aws_sdk_s3::types::{
    BucketLifecycleConfiguration, BucketLocationConstraint, BucketVersioningStatus,
    CreateBucketConfiguration, ExpirationStatus, LifecycleRule, LifecycleRuleFilter,
    NoncurrentVersionExpiration, PublicAccessBlockConfiguration, ServerSideEncryption,
    ServerSideEncryptionByDefault, ServerSideEncryptionConfiguration, ServerSideEncryptionRule, Tagging,
    VersioningConfiguration,
};

use super::{built, s3_tags, unset_as_none};
use crate::aws::AwsError;
use crate::aws::error::{aws, gone_is_done};
use crate::aws::wait::{Poll, Waiter};
use crate::resources::replicated_bucket::check::{
    BucketSeen, BucketWant, Encryption, LIFECYCLE_RULE_ID, Part,
};
use crate::resources::replicated_bucket::policy;

/// Whether the bucket exists (and is ours: another account's bucket answers 403, an error).
pub async fn find_bucket(s3: &Client, name: &str) -> Result<bool, AwsError> {
    let out = s3.head_bucket().bucket(name).send().await.map_err(aws);
    Ok(unset_as_none(out)?.is_some())
}

/// CreateBucket in `region`. us-east-1 is S3's default location and refuses to be named as a
/// LocationConstraint; every other region must be. A bucket we already own is adopted.
pub async fn create_bucket(s3: &Client, name: &str, region: &str) -> Result<(), AwsError> {
    let mut req = s3.create_bucket().bucket(name);
    if region != "us-east-1" {
        let location = CreateBucketConfiguration::builder()
            .location_constraint(BucketLocationConstraint::from(region))
            .build();
        req = req.create_bucket_configuration(location);
    }
    match req.send().await.map_err(aws) {
        Err(e) if e.code() == Some("BucketAlreadyOwnedByYou") => Ok(()),
        Err(e) if e.code() == Some("BucketAlreadyExists") => Err(AwsError::BadState {
            what: format!("bucket {name}"),
            state: "taken by another AWS account (bucket names are global): choose another name or \
                    environment_suffix"
                .into(),
        }),
        other => other.map(|_| ()),
    }
}

/// S3 is eventually consistent right after CreateBucket: wait until the bucket answers, so
/// the settings written next do not fail with NoSuchBucket.
pub async fn wait_bucket_exists(s3: &Client, name: &str, w: &Waiter) -> Result<(), AwsError> {
    w.until(&format!("bucket {name} to exist"), || async {
        Ok(if find_bucket(s3, name).await? {
            Poll::Done(())
        } else {
            Poll::Pending("not visible yet".into())
        })
    })
    .await
}

/// Every setting of an existing bucket, read side by side.
pub async fn observe(s3: &Client, name: &str) -> Result<BucketSeen, AwsError> {
    let versioning = async {
        let out = s3.get_bucket_versioning().bucket(name).send().await.map_err(aws)?;
        Ok::<_, AwsError>(out.status().map(|s| s.as_str().to_string()))
    };
    let encryption = async {
        let out = unset_as_none(s3.get_bucket_encryption().bucket(name).send().await.map_err(aws))?;
        Ok::<_, AwsError>(out.and_then(|o| {
            let rule = o.server_side_encryption_configuration()?.rules().first()?.clone();
            let default = rule.apply_server_side_encryption_by_default()?;
            Some(Encryption {
                algorithm: default.sse_algorithm().as_str().to_string(),
                key: default.kms_master_key_id().map(str::to_string),
                bucket_key: rule.bucket_key_enabled().unwrap_or(false),
            })
        }))
    };
    let public_access_block = async {
        let out = unset_as_none(s3.get_public_access_block().bucket(name).send().await.map_err(aws))?;
        Ok::<_, AwsError>(out.and_then(|o| {
            let c = o.public_access_block_configuration()?;
            let on = |b: Option<bool>| b.unwrap_or(false);
            Some([
                on(c.block_public_acls()),
                on(c.ignore_public_acls()),
                on(c.block_public_policy()),
                on(c.restrict_public_buckets()),
            ])
        }))
    };
    let bucket_policy = async {
        let out = unset_as_none(s3.get_bucket_policy().bucket(name).send().await.map_err(aws))?;
        Ok::<_, AwsError>(out.and_then(|o| policy::parse(o.policy()?)))
    };
    let lifecycle = async {
        let out =
            unset_as_none(s3.get_bucket_lifecycle_configuration().bucket(name).send().await.map_err(aws))?;
        Ok::<_, AwsError>(out.and_then(|o| {
            let rule = o.rules().iter().find(|r| r.id() == Some(LIFECYCLE_RULE_ID))?;
            let whole_bucket = rule.filter().is_none_or(|f| {
                f.prefix().unwrap_or_default().is_empty() && f.tag().is_none() && f.and().is_none()
            }) && v1_prefix(rule).is_empty();
            let enabled = rule.status() == &ExpirationStatus::Enabled;
            let days = rule.noncurrent_version_expiration()?.noncurrent_days()?;
            (enabled && whole_bucket).then_some(days as i64)
        }))
    };
    let tags = async {
        let out = unset_as_none(s3.get_bucket_tagging().bucket(name).send().await.map_err(aws))?;
        Ok::<_, AwsError>(
            out.map(|o| o.tag_set().iter().map(|t| (t.key().to_string(), t.value().to_string())).collect())
                .unwrap_or_default(),
        )
    };
    let (versioning, encryption, public_access_block, policy, lifecycle_days, tags) =
        futures::try_join!(versioning, encryption, public_access_block, bucket_policy, lifecycle, tags)?;
    Ok(BucketSeen { versioning, encryption, public_access_block, policy, lifecycle_days, tags })
}

/// A V1 rule's top-level Prefix: deprecated by S3, still answered for old rules, and a rule
/// limited to a prefix does not cover the bucket.
#[allow(deprecated)]
fn v1_prefix(rule: &LifecycleRule) -> &str {
    rule.prefix().unwrap_or_default()
}

/// Writes one part as `want` has it.
pub async fn write_part(s3: &Client, name: &str, part: Part, want: &BucketWant) -> Result<(), AwsError> {
    crate::info!("bucket {name}: writing {part:?}");
    match part {
        Part::Versioning => {
            let conf = VersioningConfiguration::builder().status(BucketVersioningStatus::Enabled).build();
            s3.put_bucket_versioning()
                .bucket(name)
                .versioning_configuration(conf)
                .send()
                .await
                .map(|_| ())
                .map_err(aws)
        }
        Part::Encryption => {
            let key = want.key_arn.clone().ok_or_else(|| AwsError::BadState {
                what: format!("bucket {name} encryption"),
                state: "no KMS key for this region".into(),
            })?;
            let default = built(
                "encryption",
                ServerSideEncryptionByDefault::builder()
                    .sse_algorithm(ServerSideEncryption::AwsKms)
                    .kms_master_key_id(key)
                    .build(),
            )?;
            // Bucket keys cut KMS calls (and cost) by ~99% for busy buckets.
            let rule = ServerSideEncryptionRule::builder()
                .apply_server_side_encryption_by_default(default)
                .bucket_key_enabled(true)
                .build();
            let conf = built("encryption", ServerSideEncryptionConfiguration::builder().rules(rule).build())?;
            s3.put_bucket_encryption()
                .bucket(name)
                .server_side_encryption_configuration(conf)
                .send()
                .await
                .map(|_| ())
                .map_err(aws)
        }
        Part::PublicAccessBlock => {
            let conf = PublicAccessBlockConfiguration::builder()
                .block_public_acls(true)
                .ignore_public_acls(true)
                .block_public_policy(true)
                .restrict_public_buckets(true)
                .build();
            s3.put_public_access_block()
                .bucket(name)
                .public_access_block_configuration(conf)
                .send()
                .await
                .map(|_| ())
                .map_err(aws)
        }
        Part::Policy => s3
            .put_bucket_policy()
            .bucket(name)
            .policy(want.policy.to_string())
            .send()
            .await
            .map(|_| ())
            .map_err(aws),
        Part::Lifecycle => {
            let expire =
                NoncurrentVersionExpiration::builder().noncurrent_days(want.noncurrent_days as i32).build();
            let rule = built(
                "lifecycle",
                LifecycleRule::builder()
                    .id(LIFECYCLE_RULE_ID)
                    .status(ExpirationStatus::Enabled)
                    .filter(LifecycleRuleFilter::builder().prefix("").build())
                    .noncurrent_version_expiration(expire)
                    .build(),
            )?;
            let conf = built("lifecycle", BucketLifecycleConfiguration::builder().rules(rule).build())?;
            s3.put_bucket_lifecycle_configuration()
                .bucket(name)
                .lifecycle_configuration(conf)
                .send()
                .await
                .map(|_| ())
                .map_err(aws)
        }
        Part::Tags => {
            let tags: Vec<(String, String)> = want.tags.clone().into_iter().collect();
            let tagging = built("tagging", Tagging::builder().set_tag_set(Some(s3_tags(&tags)?)).build())?;
            s3.put_bucket_tagging().bucket(name).tagging(tagging).send().await.map(|_| ()).map_err(aws)
        }
    }
}

/// Removes the bucket policy, so an audit bucket's deny-delete cannot block emptying it.
pub async fn delete_policy(s3: &Client, name: &str) -> Result<(), AwsError> {
    gone_is_done(s3.delete_bucket_policy().bucket(name).send().await.map(|_| ()).map_err(aws))
}

/// Deletes an empty bucket; a bucket already gone is done. A non-empty bucket answers
/// `BucketNotEmpty`, which the caller handles.
pub async fn delete_bucket(s3: &Client, name: &str) -> Result<(), AwsError> {
    gone_is_done(s3.delete_bucket().bucket(name).send().await.map(|_| ()).map_err(aws))
}

/// Tags as S3 stores them, sorted.
pub fn tag_map(tags: &[(String, String)]) -> BTreeMap<String, String> {
    tags.iter().cloned().collect()
}
