//! Destroy in the order AWS requires: readers out of the global cluster first, then the
//! writer; instances before their clusters; the global cluster once empty; then parameter
//! groups, subnet groups, and keys scheduled for deletion. Not-found is success throughout,
//! so an interrupted destroy simply runs again.

use futures::future::try_join_all;

use super::model::Names;
use super::parts::global_cluster::{self, arn_region};
use super::parts::{cluster, groups, instance, kms};
use crate::aws::AwsError;
use crate::aws::wait::Waiter;
use crate::provider::Configured;

pub async fn delete(
    p: &Configured,
    names: &Names,
    regions: &[String; 2],
    w: &Waiter,
) -> Result<(), AwsError> {
    let gid = names.global_cluster();
    // Ask the region that still answers; the global cluster is visible from every member.
    let mut home = p.rds(&regions[0]);
    let global = match global_cluster::find_global_cluster(&home, gid).await {
        Ok(g) => g,
        Err(_) => {
            home = p.rds(&regions[1]);
            global_cluster::find_global_cluster(&home, gid).await?
        }
    };
    if let Some(g) = &global {
        if g.deletion_protection {
            return Err(AwsError::BadState {
                what: format!("global cluster {gid}"),
                state: "deletion_protection is true; set it to false and apply before destroying".into(),
            });
        }
        // Readers first, writer last: AWS refuses to detach the writer while readers remain.
        let mut members = g.members.clone();
        members.sort_by_key(|m| m.is_writer);
        for m in &members {
            let rds = p.rds(arn_region(&m.cluster_arn).unwrap_or(&regions[0]));
            global_cluster::remove_member(&rds, gid, &m.cluster_arn).await?;
            global_cluster::wait_member_removed(&rds, gid, &m.cluster_arn, w).await?;
        }
    }

    // Both regions' clusters go down side by side, instances first.
    try_join_all(regions.iter().map(|region| async move {
        let rds = p.rds(region);
        let id = names.cluster(region);
        if cluster::find_cluster(&rds, &id).await?.is_some() {
            let instances = instance::list_cluster_instances(&rds, &id).await?;
            try_join_all(instances.iter().map(|i| instance::delete_instance(&rds, i, w))).await?;
            cluster::delete_cluster(&rds, &id, w).await?;
        }
        Ok::<_, AwsError>(())
    }))
    .await?;

    global_cluster::delete_global_cluster(&home, gid, w).await?;

    try_join_all(regions.iter().map(|region| async move {
        let rds = p.rds(region);
        groups::delete_parameter_group(&rds, &names.parameter_group()).await?;
        groups::delete_subnet_group(&rds, &names.subnet_group()).await?;
        kms::delete_key(&p.kms(region), &names.kms_alias()).await
    }))
    .await?;
    Ok(())
}
