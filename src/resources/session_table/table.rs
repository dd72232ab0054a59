//! The DynamoDB calls of `drpair_session_table`: find, create, replica changes, settings,
//! delete. DynamoDB allows one replica change at a time: every change waits for the table to
//! be ACTIVE first.

use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, CreateGlobalTableWitnessGroupMemberAction,
    CreateReplicationGroupMemberAction, DeleteGlobalTableWitnessGroupMemberAction,
    DeleteReplicationGroupMemberAction, GlobalTableWitnessGroupUpdate, KeySchemaElement, KeyType,
    MultiRegionConsistency, PointInTimeRecoverySpecification, PointInTimeRecoveryStatus,
    ProvisionedThroughput, ReplicationGroupUpdate, ScalarAttributeType, SseSpecification, SseType,
    StreamSpecification, StreamViewType, Tag, TimeToLiveSpecification, TimeToLiveStatus,
};

use crate::aws::AwsError;
use crate::aws::error::aws;
use crate::aws::error::{absent_as_none, gone_is_done};
use crate::aws::wait::{Poll, Waiter};

/// What the resource needs to know of a table in one region.
#[derive(Clone, Debug)]
pub struct Table {
    pub arn: String,
    pub status: String,
    pub stream_arn: Option<String>,
    /// Replica regions (other than this one) with their status.
    pub replicas: Vec<(String, String)>,
    pub billing_mode: String,
    pub read_capacity: Option<i64>,
    pub write_capacity: Option<i64>,
    pub deletion_protection: bool,
}

impl Table {
    pub fn replica_status(&self, region: &str) -> Option<&str> {
        self.replicas.iter().find(|(r, _)| r == region).map(|(_, s)| s.as_str())
    }
}

pub async fn find_table(ddb: &Client, name: &str) -> Result<Option<Table>, AwsError> {
    let out = absent_as_none(ddb.describe_table().table_name(name).send().await.map_err(aws))?;
    Ok(out.and_then(|o| o.table).map(|t| {
        let throughput = t.provisioned_throughput();
        Table {
            arn: t.table_arn().unwrap_or_default().to_string(),
            status: t.table_status().map(|s| s.as_str().to_string()).unwrap_or_default(),
            stream_arn: t.latest_stream_arn().map(str::to_string),
            replicas: t
                .replicas()
                .iter()
                .filter_map(|r| {
                    Some((
                        r.region_name()?.to_string(),
                        r.replica_status().map(|s| s.as_str().to_string()).unwrap_or_default(),
                    ))
                })
                .collect(),
            billing_mode: t
                .billing_mode_summary()
                .and_then(|b| b.billing_mode())
                .map_or("PROVISIONED".to_string(), |m| m.as_str().to_string()),
            read_capacity: throughput.and_then(|p| p.read_capacity_units()).filter(|n| *n > 0),
            write_capacity: throughput.and_then(|p| p.write_capacity_units()).filter(|n| *n > 0),
            deletion_protection: t.deletion_protection_enabled().unwrap_or(false),
        }
    }))
}

/// A table about to be created in the primary region.
pub struct NewTable<'a> {
    pub name: &'a str,
    pub keys: Vec<(&'a str, &'a str, KeyType)>,
    pub billing_mode: &'a str,
    pub capacity: Option<(i64, i64)>,
    /// Streams carry eventual-consistency replication; MRSC tables have none.
    pub streams: bool,
    pub deletion_protection: bool,
    pub tags: &'a [(String, String)],
}

pub async fn create_table(ddb: &Client, t: NewTable<'_>) -> Result<(), AwsError> {
    let invalid = |e: aws_sdk_dynamodb::error::BuildError| AwsError::BadState {
        what: "table request".into(),
        state: e.to_string(),
    };
    let mut req = ddb
        .create_table()
        .table_name(t.name)
        .billing_mode(BillingMode::from(t.billing_mode))
        .sse_specification(SseSpecification::builder().enabled(true).sse_type(SseType::Kms).build())
        .deletion_protection_enabled(t.deletion_protection);
    for (attr, kind, key_type) in t.keys {
        req = req
            .key_schema(
                KeySchemaElement::builder()
                    .attribute_name(attr)
                    .key_type(key_type)
                    .build()
                    .map_err(invalid)?,
            )
            .attribute_definitions(
                AttributeDefinition::builder()
                    .attribute_name(attr)
                    .attribute_type(ScalarAttributeType::from(kind))
                    .build()
                    .map_err(invalid)?,
            );
    }
    if let Some((read, write)) = t.capacity {
        req = req.provisioned_throughput(
            ProvisionedThroughput::builder()
                .read_capacity_units(read)
                .write_capacity_units(write)
                .build()
                .map_err(invalid)?,
        );
    }
    if t.streams {
        req = req.stream_specification(
            StreamSpecification::builder()
                .stream_enabled(true)
                .stream_view_type(StreamViewType::NewAndOldImages)
                .build()
                .map_err(invalid)?,
        );
    }
    for (k, v) in t.tags {
        req = req.tags(Tag::builder().key(k).value(v).build().map_err(invalid)?);
    }
    match req.send().await.map_err(aws) {
        Err(e) if e.code() == Some("ResourceInUseException") => Ok(()), // exists: adopt it
        other => other.map(|_| ()),
    }
}

/// Waits until the table and every replica are ACTIVE: the only state DynamoDB accepts a
/// replica change in.
pub async fn wait_active(ddb: &Client, name: &str, w: &Waiter) -> Result<Table, AwsError> {
    w.until(&format!("table {name} and its replicas to be ACTIVE"), || async {
        Ok(match find_table(ddb, name).await? {
            Some(t) if t.status == "ACTIVE" && t.replicas.iter().all(|(_, s)| s == "ACTIVE") => Poll::Done(t),
            Some(t) => Poll::Pending(format!("{} {:?}", t.status, t.replicas)),
            None => Poll::Pending("not visible yet".into()),
        })
    })
    .await
}

/// Adds the replica (and, for MRSC, the witness and the consistency mode) in one change.
pub async fn add_replica(
    ddb: &Client,
    name: &str,
    region: &str,
    witness: Option<&str>,
) -> Result<(), AwsError> {
    let invalid = |e: aws_sdk_dynamodb::error::BuildError| AwsError::BadState {
        what: "replica request".into(),
        state: e.to_string(),
    };
    let mut req = ddb.update_table().table_name(name).replica_updates(
        ReplicationGroupUpdate::builder()
            .create(
                CreateReplicationGroupMemberAction::builder().region_name(region).build().map_err(invalid)?,
            )
            .build(),
    );
    if let Some(w) = witness {
        req = req.multi_region_consistency(MultiRegionConsistency::Strong).global_table_witness_updates(
            GlobalTableWitnessGroupUpdate::builder()
                .create(
                    CreateGlobalTableWitnessGroupMemberAction::builder()
                        .region_name(w)
                        .build()
                        .map_err(invalid)?,
                )
                .build(),
        );
    }
    req.send().await.map(|_| ()).map_err(aws)
}

pub async fn remove_replica(
    ddb: &Client,
    name: &str,
    region: &str,
    witness: Option<&str>,
) -> Result<(), AwsError> {
    let invalid = |e: aws_sdk_dynamodb::error::BuildError| AwsError::BadState {
        what: "replica request".into(),
        state: e.to_string(),
    };
    let mut req = ddb.update_table().table_name(name).replica_updates(
        ReplicationGroupUpdate::builder()
            .delete(
                DeleteReplicationGroupMemberAction::builder().region_name(region).build().map_err(invalid)?,
            )
            .build(),
    );
    if let Some(w) = witness {
        req = req.global_table_witness_updates(
            GlobalTableWitnessGroupUpdate::builder()
                .delete(
                    DeleteGlobalTableWitnessGroupMemberAction::builder()
                        .region_name(w)
                        .build()
                        .map_err(invalid)?,
                )
                .build(),
        );
    }
    gone_is_done(req.send().await.map(|_| ()).map_err(aws))
}

pub async fn find_ttl(ddb: &Client, name: &str) -> Result<Option<String>, AwsError> {
    let out = ddb.describe_time_to_live().table_name(name).send().await.map_err(aws)?;
    Ok(out.time_to_live_description().and_then(|d| {
        let on =
            matches!(d.time_to_live_status(), Some(TimeToLiveStatus::Enabled | TimeToLiveStatus::Enabling));
        on.then(|| d.attribute_name().map(str::to_string)).flatten()
    }))
}

pub async fn set_ttl(ddb: &Client, name: &str, attribute: &str, enabled: bool) -> Result<(), AwsError> {
    let spec = TimeToLiveSpecification::builder()
        .enabled(enabled)
        .attribute_name(attribute)
        .build()
        .map_err(|e| AwsError::BadState { what: "TTL request".into(), state: e.to_string() })?;
    ddb.update_time_to_live()
        .table_name(name)
        .time_to_live_specification(spec)
        .send()
        .await
        .map(|_| ())
        .map_err(aws)
}

pub async fn find_pitr(ddb: &Client, name: &str) -> Result<bool, AwsError> {
    let out = ddb.describe_continuous_backups().table_name(name).send().await.map_err(aws)?;
    Ok(out
        .continuous_backups_description()
        .and_then(|c| c.point_in_time_recovery_description())
        .and_then(|p| p.point_in_time_recovery_status())
        == Some(&PointInTimeRecoveryStatus::Enabled))
}

/// PITR is a setting of each replica, not of the global table: set in every region.
pub async fn set_pitr(ddb: &Client, name: &str, enabled: bool) -> Result<(), AwsError> {
    let spec = PointInTimeRecoverySpecification::builder()
        .point_in_time_recovery_enabled(enabled)
        .build()
        .map_err(|e| AwsError::BadState { what: "PITR request".into(), state: e.to_string() })?;
    ddb.update_continuous_backups()
        .table_name(name)
        .point_in_time_recovery_specification(spec)
        .send()
        .await
        .map(|_| ())
        .map_err(aws)
}

/// Billing, capacity and deletion protection; None leaves a setting as it is.
pub async fn update_settings(
    ddb: &Client,
    name: &str,
    billing: Option<(&str, Option<(i64, i64)>)>,
    deletion_protection: Option<bool>,
) -> Result<(), AwsError> {
    if billing.is_none() && deletion_protection.is_none() {
        return Ok(());
    }
    let mut req = ddb.update_table().table_name(name).set_deletion_protection_enabled(deletion_protection);
    if let Some((mode, capacity)) = billing {
        req = req.billing_mode(BillingMode::from(mode));
        if let Some((read, write)) = capacity {
            req = req.provisioned_throughput(
                ProvisionedThroughput::builder()
                    .read_capacity_units(read)
                    .write_capacity_units(write)
                    .build()
                    .map_err(|e| AwsError::BadState { what: "capacity".into(), state: e.to_string() })?,
            );
        }
    }
    req.send().await.map(|_| ()).map_err(aws)
}

pub async fn delete_table(ddb: &Client, name: &str, w: &Waiter) -> Result<(), AwsError> {
    gone_is_done(ddb.delete_table().table_name(name).send().await.map(|_| ()).map_err(aws))?;
    w.until(&format!("table {name} to be deleted"), || async {
        Ok(match find_table(ddb, name).await? {
            Some(t) => Poll::Pending(t.status),
            None => Poll::Done(()),
        })
    })
    .await
}
