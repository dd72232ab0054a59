//! A regional Aurora cluster, member of the global cluster.

use aws_sdk_rds::Client;

use super::{absent_as_none, gone_is_done, rds_tags};
use crate::aws::AwsError;
use crate::aws::error::aws;
use crate::aws::wait::{Poll, Waiter};

#[derive(Clone, Debug)]
pub struct Cluster {
    pub identifier: String,
    pub arn: String,
    pub status: String,
    pub endpoint: String,
    pub reader_endpoint: String,
    pub kms_key_arn: String,
    pub database_name: Option<String>,
    pub master_username: Option<String>,
    pub security_group_ids: Vec<String>,
    pub instance_ids: Vec<String>,
}

pub async fn find_cluster(rds: &Client, id: &str) -> Result<Option<Cluster>, AwsError> {
    let out = rds.describe_db_clusters().db_cluster_identifier(id).send().await.map_err(aws);
    Ok(absent_as_none(out)?.and_then(|o| o.db_clusters.unwrap_or_default().into_iter().next()).map(|c| {
        let mut sgs: Vec<String> =
            c.vpc_security_groups().iter().filter_map(|g| g.vpc_security_group_id.clone()).collect();
        sgs.sort();
        let mut instance_ids: Vec<String> =
            c.db_cluster_members().iter().filter_map(|m| m.db_instance_identifier.clone()).collect();
        instance_ids.sort();
        Cluster {
            identifier: c.db_cluster_identifier.unwrap_or_default(),
            arn: c.db_cluster_arn.unwrap_or_default(),
            status: c.status.unwrap_or_default(),
            endpoint: c.endpoint.unwrap_or_default(),
            reader_endpoint: c.reader_endpoint.unwrap_or_default(),
            kms_key_arn: c.kms_key_id.unwrap_or_default(),
            database_name: c.database_name,
            master_username: c.master_username,
            security_group_ids: sgs,
            instance_ids,
        }
    }))
}

/// A regional cluster to create. The writer gets credentials and the database name; a
/// secondary inherits both from the global cluster.
pub struct NewCluster<'a> {
    pub id: &'a str,
    pub global_cluster_id: &'a str,
    pub engine: &'a str,
    pub engine_version: &'a str,
    pub kms_key_arn: &'a str,
    pub subnet_group: &'a str,
    pub parameter_group: &'a str,
    pub security_group_ids: Option<Vec<String>>,
    /// `(database name, user, password)` for the writer; None for a secondary.
    pub writer: Option<(&'a str, &'a str, &'a str)>,
    pub tags: &'a [(String, String)],
}

pub async fn create_cluster(rds: &Client, c: NewCluster<'_>) -> Result<(), AwsError> {
    let mut req = rds
        .create_db_cluster()
        .db_cluster_identifier(c.id)
        .global_cluster_identifier(c.global_cluster_id)
        .engine(c.engine)
        .engine_version(c.engine_version)
        .storage_encrypted(true)
        .kms_key_id(c.kms_key_arn)
        .db_subnet_group_name(c.subnet_group)
        .db_cluster_parameter_group_name(c.parameter_group)
        .set_vpc_security_group_ids(c.security_group_ids)
        .set_tags(Some(rds_tags(c.tags)));
    if let Some((db, user, password)) = c.writer {
        req = req.database_name(db).master_username(user).master_user_password(password);
    }
    match req.send().await.map_err(aws) {
        Err(e) if e.is_already_exists() => Ok(()),
        other => other.map(|_| ()),
    }
}

pub async fn wait_cluster_available(rds: &Client, id: &str, w: &Waiter) -> Result<Cluster, AwsError> {
    w.until(&format!("cluster {id} to be available"), || async {
        Ok(match find_cluster(rds, id).await? {
            Some(c) if c.status == "available" => Poll::Done(c),
            Some(c) if c.status == "failed" || c.status == "inaccessible-encryption-credentials" => {
                return Err(AwsError::BadState { what: format!("cluster {id}"), state: c.status });
            }
            Some(c) => Poll::Pending(c.status),
            None => Poll::Pending("not visible yet".into()),
        })
    })
    .await
}

pub async fn modify_cluster(
    rds: &Client,
    id: &str,
    password: Option<&str>,
    security_group_ids: Option<Vec<String>>,
) -> Result<(), AwsError> {
    if password.is_none() && security_group_ids.is_none() {
        return Ok(());
    }
    rds.modify_db_cluster()
        .db_cluster_identifier(id)
        .set_master_user_password(password.map(str::to_string))
        .set_vpc_security_group_ids(security_group_ids)
        .apply_immediately(true)
        .send()
        .await
        .map(|_| ())
        .map_err(aws)
}

pub async fn delete_cluster(rds: &Client, id: &str, w: &Waiter) -> Result<(), AwsError> {
    let r = rds.delete_db_cluster().db_cluster_identifier(id).send().await.map(|_| ()).map_err(aws);
    if let Err(e) = gone_is_done(r) {
        // An earlier, interrupted run may have started the deletion already: that is fine;
        // any other refusal is the caller's to see.
        let already_deleting = find_cluster(rds, id).await?.is_none_or(|c| c.status == "deleting");
        if !already_deleting {
            return Err(e);
        }
    }
    w.until(&format!("cluster {id} to be deleted"), || async {
        Ok(match find_cluster(rds, id).await? {
            Some(c) => Poll::Pending(c.status),
            None => Poll::Done(()),
        })
    })
    .await
}
