//! The global cluster: the object that ties the regional clusters together.

use aws_sdk_rds::Client;

use super::{absent_as_none, gone_is_done, rds_tags};
use crate::aws::AwsError;
use crate::aws::error::aws;
use crate::aws::wait::{Poll, Waiter};

/// What we need to know about a global cluster.
#[derive(Clone, Debug)]
pub struct GlobalCluster {
    pub arn: String,
    pub status: String,
    pub engine_version: String,
    pub deletion_protection: bool,
    pub members: Vec<Member>,
}

#[derive(Clone, Debug)]
pub struct Member {
    pub cluster_arn: String,
    pub is_writer: bool,
}

impl GlobalCluster {
    pub fn writer(&self) -> Option<&Member> {
        self.members.iter().find(|m| m.is_writer)
    }
    pub fn member(&self, cluster_arn: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.cluster_arn == cluster_arn)
    }
}

/// Region of an ARN (`arn:aws:rds:<region>:...`).
pub fn arn_region(arn: &str) -> Option<&str> {
    arn.split(':').nth(3)
}

pub async fn find_global_cluster(rds: &Client, id: &str) -> Result<Option<GlobalCluster>, AwsError> {
    let out = rds.describe_global_clusters().global_cluster_identifier(id).send().await.map_err(aws);
    Ok(absent_as_none(out)?.and_then(|o| o.global_clusters.unwrap_or_default().into_iter().next()).map(|g| {
        GlobalCluster {
            arn: g.global_cluster_arn.unwrap_or_default(),
            status: g.status.unwrap_or_default(),
            engine_version: g.engine_version.unwrap_or_default(),
            deletion_protection: g.deletion_protection.unwrap_or(false),
            members: g
                .global_cluster_members
                .unwrap_or_default()
                .into_iter()
                .map(|m| Member {
                    cluster_arn: m.db_cluster_arn.unwrap_or_default(),
                    is_writer: m.is_writer.unwrap_or(false),
                })
                .collect(),
        }
    }))
}

pub struct NewGlobalCluster<'a> {
    pub id: &'a str,
    pub engine: &'a str,
    pub engine_version: &'a str,
    pub database_name: &'a str,
    pub deletion_protection: bool,
    pub tags: &'a [(String, String)],
}

pub async fn create_global_cluster(rds: &Client, g: NewGlobalCluster<'_>) -> Result<(), AwsError> {
    let created = rds
        .create_global_cluster()
        .global_cluster_identifier(g.id)
        .engine(g.engine)
        .engine_version(g.engine_version)
        .database_name(g.database_name)
        .storage_encrypted(true)
        .deletion_protection(g.deletion_protection)
        .set_tags(Some(rds_tags(g.tags)))
        .send()
        .await
        .map_err(aws);
    match created {
        Err(e) if e.is_already_exists() => Ok(()),
        other => other.map(|_| ()),
    }
}

pub async fn wait_global_cluster_available(
    rds: &Client,
    id: &str,
    w: &Waiter,
) -> Result<GlobalCluster, AwsError> {
    w.until(&format!("global cluster {id} to be available"), || async {
        Ok(match find_global_cluster(rds, id).await? {
            Some(g) if g.status == "available" => Poll::Done(g),
            Some(g) => Poll::Pending(g.status),
            None => Poll::Pending("not visible yet".into()),
        })
    })
    .await
}

/// Engine version and deletion protection are set on the global cluster, for all members.
pub async fn modify_global_cluster(
    rds: &Client,
    id: &str,
    engine_version: Option<&str>,
    major_upgrade: bool,
    deletion_protection: Option<bool>,
) -> Result<(), AwsError> {
    rds.modify_global_cluster()
        .global_cluster_identifier(id)
        .set_engine_version(engine_version.map(str::to_string))
        .set_allow_major_version_upgrade(major_upgrade.then_some(true))
        .set_deletion_protection(deletion_protection)
        .send()
        .await
        .map(|_| ())
        .map_err(aws)
}

/// Detaches a member; it becomes a standalone cluster.
pub async fn remove_member(rds: &Client, id: &str, cluster_arn: &str) -> Result<(), AwsError> {
    let r = rds
        .remove_from_global_cluster()
        .global_cluster_identifier(id)
        .db_cluster_identifier(cluster_arn)
        .send()
        .await
        .map(|_| ())
        .map_err(aws);
    match r {
        // Already detached: not a member any more.
        Err(e)
            if e.code() == Some("InvalidGlobalClusterStateFault")
                || e.code() == Some("DBClusterNotFoundFault") =>
        {
            Ok(())
        }
        other => gone_is_done(other),
    }
}

pub async fn wait_member_removed(
    rds: &Client,
    id: &str,
    cluster_arn: &str,
    w: &Waiter,
) -> Result<(), AwsError> {
    w.until(&format!("{cluster_arn} to leave global cluster {id}"), || async {
        Ok(match find_global_cluster(rds, id).await? {
            Some(g) if g.member(cluster_arn).is_some() => Poll::Pending("still a member".into()),
            _ => Poll::Done(()),
        })
    })
    .await
}

pub async fn delete_global_cluster(rds: &Client, id: &str, w: &Waiter) -> Result<(), AwsError> {
    gone_is_done(
        rds.delete_global_cluster().global_cluster_identifier(id).send().await.map(|_| ()).map_err(aws),
    )?;
    w.until(&format!("global cluster {id} to be deleted"), || async {
        Ok(match find_global_cluster(rds, id).await? {
            Some(g) => Poll::Pending(g.status),
            None => Poll::Done(()),
        })
    })
    .await
}

#[cfg(test)]
mod tests {
    #[test]
    fn arn_region_is_the_fourth_field() {
        assert_eq!(super::arn_region("arn:aws:rds:us-east-2:123:cluster:x"), Some("us-east-2"));
        assert_eq!(super::arn_region("nonsense"), None);
    }
}
