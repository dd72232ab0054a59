//! DB instances of a regional cluster: `<cluster>-1` .. `<cluster>-N`.

use aws_sdk_rds::Client;
use aws_sdk_rds::types::Filter;

use super::{absent_as_none, gone_is_done, rds_tags};
use crate::aws::AwsError;
use crate::aws::error::aws;
use crate::aws::wait::{Poll, Waiter};

#[derive(Clone, Debug)]
pub struct Instance {
    pub status: String,
    pub class: String,
}

pub async fn find_instance(rds: &Client, id: &str) -> Result<Option<Instance>, AwsError> {
    let out = rds.describe_db_instances().db_instance_identifier(id).send().await.map_err(aws);
    Ok(absent_as_none(out)?.and_then(|o| o.db_instances.unwrap_or_default().into_iter().next()).map(|i| {
        Instance {
            status: i.db_instance_status.unwrap_or_default(),
            class: i.db_instance_class.unwrap_or_default(),
        }
    }))
}

pub async fn create_instance(
    rds: &Client,
    id: &str,
    cluster_id: &str,
    engine: &str,
    class: &str,
    tags: &[(String, String)],
) -> Result<(), AwsError> {
    let r = rds
        .create_db_instance()
        .db_instance_identifier(id)
        .db_cluster_identifier(cluster_id)
        .engine(engine)
        .db_instance_class(class)
        .set_tags(Some(rds_tags(tags)))
        .send()
        .await
        .map_err(aws);
    match r {
        Err(e) if e.is_already_exists() => Ok(()),
        other => other.map(|_| ()),
    }
}

pub async fn wait_instance_available(rds: &Client, id: &str, w: &Waiter) -> Result<Instance, AwsError> {
    w.until(&format!("instance {id} to be available"), || async {
        Ok(match find_instance(rds, id).await? {
            Some(i) if i.status == "available" => Poll::Done(i),
            Some(i) if i.status == "failed" || i.status == "incompatible-parameters" => {
                return Err(AwsError::BadState { what: format!("instance {id}"), state: i.status });
            }
            Some(i) => Poll::Pending(i.status),
            None => Poll::Pending("not visible yet".into()),
        })
    })
    .await
}

pub async fn modify_instance_class(rds: &Client, id: &str, class: &str) -> Result<(), AwsError> {
    rds.modify_db_instance()
        .db_instance_identifier(id)
        .db_instance_class(class)
        .apply_immediately(true)
        .send()
        .await
        .map(|_| ())
        .map_err(aws)
}

pub async fn delete_instance(rds: &Client, id: &str, w: &Waiter) -> Result<(), AwsError> {
    let r = rds.delete_db_instance().db_instance_identifier(id).send().await.map(|_| ()).map_err(aws);
    if let Err(e) = gone_is_done(r) {
        let already_deleting = find_instance(rds, id).await?.is_none_or(|i| i.status == "deleting");
        if !already_deleting {
            return Err(e);
        }
    }
    w.until(&format!("instance {id} to be deleted"), || async {
        Ok(match find_instance(rds, id).await? {
            Some(i) => Poll::Pending(i.status),
            None => Poll::Done(()),
        })
    })
    .await
}

/// Every instance that belongs to the cluster, including ones not yet listed as members
/// (a create interrupted before the cluster reported them).
pub async fn list_cluster_instances(rds: &Client, cluster_id: &str) -> Result<Vec<String>, AwsError> {
    let filter = Filter::builder().name("db-cluster-id").values(cluster_id).build();
    let out = rds.describe_db_instances().filters(filter).send().await.map_err(aws)?;
    let mut ids: Vec<String> =
        out.db_instances().iter().filter_map(|i| i.db_instance_identifier.clone()).collect();
    ids.sort();
    Ok(ids)
}
