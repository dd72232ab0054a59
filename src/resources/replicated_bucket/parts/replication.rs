//! A source bucket's replication configuration, converted to and from the compact
//! [`Replication`] that `check` compares.

use std::time::Duration;

use aws_sdk_s3::Client;
use aws_sdk_s3::types::{
    DeleteMarkerReplication, DeleteMarkerReplicationStatus, Destination, EncryptionConfiguration, Metrics,
    MetricsStatus, ReplicaModifications, ReplicaModificationsStatus, ReplicationConfiguration,
    ReplicationRule, ReplicationRuleFilter, ReplicationRuleStatus, ReplicationTime, ReplicationTimeStatus,
    ReplicationTimeValue, SourceSelectionCriteria, SseKmsEncryptedObjects, SseKmsEncryptedObjectsStatus,
};
use tokio::time::Instant;

use super::{built, unset_as_none};
use crate::aws::AwsError;
use crate::aws::error::{aws, gone_is_done};
use crate::aws::wait::{Poll, Waiter};
use crate::resources::replicated_bucket::check::{Replication, Rule};

/// How long S3 may take to see versioning that was just enabled, before giving up.
const SETTLE: Duration = Duration::from_secs(120);

pub async fn find_replication(s3: &Client, bucket: &str) -> Result<Option<Replication>, AwsError> {
    let out = unset_as_none(s3.get_bucket_replication().bucket(bucket).send().await.map_err(aws))?;
    Ok(out.and_then(|o| o.replication_configuration).map(|c| Replication {
        role_arn: c.role().to_string(),
        rules: c.rules().iter().map(from_sdk).collect(),
    }))
}

fn from_sdk(r: &ReplicationRule) -> Rule {
    let dest = r.destination();
    let criteria = r.source_selection_criteria();
    let minutes = |v: Option<&ReplicationTimeValue>| v.and_then(|t| t.minutes());
    Rule {
        id: r.id().unwrap_or_default().to_string(),
        priority: r.priority().unwrap_or(0),
        enabled: r.status() == &ReplicationRuleStatus::Enabled,
        whole_bucket: r.filter().is_some_and(|f| {
            f.prefix().unwrap_or_default().is_empty() && f.tag().is_none() && f.and().is_none()
        }),
        delete_markers: r.delete_marker_replication().and_then(|d| d.status())
            == Some(&DeleteMarkerReplicationStatus::Enabled),
        sse_kms_objects: criteria.and_then(|c| c.sse_kms_encrypted_objects()).map(|s| s.status())
            == Some(&SseKmsEncryptedObjectsStatus::Enabled),
        replica_modifications: criteria.and_then(|c| c.replica_modifications()).map(|s| s.status())
            == Some(&ReplicaModificationsStatus::Enabled),
        destination_bucket_arn: dest.map(|d| d.bucket().to_string()).unwrap_or_default(),
        replica_kms_key_id: dest
            .and_then(|d| d.encryption_configuration())
            .and_then(|e| e.replica_kms_key_id())
            .map(str::to_string),
        rtc_minutes: dest
            .and_then(|d| d.replication_time())
            .filter(|t| t.status() == &ReplicationTimeStatus::Enabled)
            .and_then(|t| minutes(t.time())),
        metrics_minutes: dest
            .and_then(|d| d.metrics())
            .filter(|m| m.status() == &MetricsStatus::Enabled)
            .and_then(|m| minutes(m.event_threshold())),
    }
}

fn to_sdk(r: &Rule) -> Result<ReplicationRule, AwsError> {
    let minutes = |m: i32| ReplicationTimeValue::builder().minutes(m).build();
    let mut dest = Destination::builder().bucket(&r.destination_bucket_arn).encryption_configuration(
        EncryptionConfiguration::builder().set_replica_kms_key_id(r.replica_kms_key_id.clone()).build(),
    );
    if let Some(m) = r.rtc_minutes {
        let rtc = ReplicationTime::builder().status(ReplicationTimeStatus::Enabled).time(minutes(m)).build();
        dest = dest.replication_time(built("replication", rtc)?);
    }
    if let Some(m) = r.metrics_minutes {
        let metrics = Metrics::builder().status(MetricsStatus::Enabled).event_threshold(minutes(m)).build();
        dest = dest.metrics(built("replication", metrics)?);
    }
    let status = |on: bool| if on { "Enabled" } else { "Disabled" };
    let mut criteria = SourceSelectionCriteria::builder().sse_kms_encrypted_objects(built(
        "replication",
        SseKmsEncryptedObjects::builder()
            .status(SseKmsEncryptedObjectsStatus::from(status(r.sse_kms_objects)))
            .build(),
    )?);
    if r.replica_modifications {
        let modifications =
            ReplicaModifications::builder().status(ReplicaModificationsStatus::Enabled).build();
        criteria = criteria.replica_modifications(built("replication", modifications)?);
    }
    built(
        "replication",
        ReplicationRule::builder()
            .id(&r.id)
            .priority(r.priority)
            .status(if r.enabled { ReplicationRuleStatus::Enabled } else { ReplicationRuleStatus::Disabled })
            // A V2 rule (Filter, not Prefix): needed for delete-marker replication and RTC.
            .filter(ReplicationRuleFilter::builder().prefix("").build())
            .delete_marker_replication(
                DeleteMarkerReplication::builder()
                    .status(DeleteMarkerReplicationStatus::from(status(r.delete_markers)))
                    .build(),
            )
            .source_selection_criteria(criteria.build())
            .destination(built("replication", dest.build())?)
            .build(),
    )
}

/// Puts the configuration. Right after versioning was first enabled S3 may still refuse it
/// ("Versioning must be 'Enabled' on the bucket"): that one answer is retried, briefly.
pub async fn put_replication(
    s3: &Client,
    bucket: &str,
    want: &Replication,
    w: &Waiter,
) -> Result<(), AwsError> {
    let rules = want.rules.iter().map(to_sdk).collect::<Result<Vec<_>, _>>()?;
    let conf = built(
        "replication",
        ReplicationConfiguration::builder().role(&want.role_arn).set_rules(Some(rules)).build(),
    )?;
    let settle = Waiter { deadline: w.deadline.min(Instant::now() + SETTLE), ..w.clone() };
    settle
        .until(&format!("bucket {bucket} to accept its replication configuration"), || async {
            let put = s3
                .put_bucket_replication()
                .bucket(bucket)
                .replication_configuration(conf.clone())
                .send()
                .await;
            match put.map_err(aws) {
                Ok(_) => Ok(Poll::Done(())),
                Err(e) if versioning_not_visible_yet(&e) => Ok(Poll::Pending(e.to_string())),
                Err(e) => Err(e),
            }
        })
        .await
}

fn versioning_not_visible_yet(e: &AwsError) -> bool {
    matches!(e, AwsError::Api { code, message, .. } if code == "InvalidRequest" && message.contains("ersioning"))
}

/// Removes the bucket's replication configuration; a bucket already gone is done.
pub async fn delete_replication(s3: &Client, bucket: &str) -> Result<(), AwsError> {
    gone_is_done(s3.delete_bucket_replication().bucket(bucket).send().await.map(|_| ()).map_err(aws))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::replicated_bucket::check::replication_want;

    #[test]
    fn sdk_round_trip_keeps_every_compared_field() {
        for (rtc, two_way) in [(true, false), (false, true)] {
            let want = replication_want("arn:role", "us-east-2", "arn:aws:s3:::b2", "arn:key", rtc, two_way);
            let rule = to_sdk(&want.rules[0]).unwrap();
            assert_eq!(from_sdk(&rule), want.rules[0]);
        }
    }

    #[test]
    fn only_the_versioning_race_is_retried() {
        let api = |code: &str, message: &str| AwsError::Api {
            code: code.into(),
            message: message.into(),
            request_id: None,
        };
        assert!(versioning_not_visible_yet(&api(
            "InvalidRequest",
            "Versioning must be 'Enabled' on the bucket"
        )));
        assert!(!versioning_not_visible_yet(&api("InvalidRequest", "Destination bucket must exist.")));
        assert!(!versioning_not_visible_yet(&api("AccessDenied", "versioning")));
    }
}
