//! The per-region DB subnet group and cluster parameter group (`rds.global_db_rpo`).

use aws_sdk_rds::Client;
use aws_sdk_rds::types::{ApplyMethod, Parameter};

use super::{absent_as_none, gone_is_done, rds_tags};
use crate::aws::AwsError;
use crate::aws::error::aws;

pub const RPO_PARAMETER: &str = "rds.global_db_rpo";

/// Subnet ids of the group, sorted; None when it does not exist.
pub async fn find_subnet_group(rds: &Client, name: &str) -> Result<Option<Vec<String>>, AwsError> {
    let out =
        absent_as_none(rds.describe_db_subnet_groups().db_subnet_group_name(name).send().await.map_err(aws))?;
    Ok(out.and_then(|o| o.db_subnet_groups.unwrap_or_default().into_iter().next()).map(|g| {
        let mut ids: Vec<String> =
            g.subnets.unwrap_or_default().into_iter().filter_map(|s| s.subnet_identifier).collect();
        ids.sort();
        ids
    }))
}

/// Creates the group, or brings an existing one to these subnets.
pub async fn ensure_subnet_group(
    rds: &Client,
    name: &str,
    subnets: &[String],
    tags: &[(String, String)],
) -> Result<(), AwsError> {
    match find_subnet_group(rds, name).await? {
        Some(current) if current == subnets => Ok(()),
        Some(_) => rds
            .modify_db_subnet_group()
            .db_subnet_group_name(name)
            .set_subnet_ids(Some(subnets.to_vec()))
            .send()
            .await
            .map(|_| ())
            .map_err(aws),
        None => rds
            .create_db_subnet_group()
            .db_subnet_group_name(name)
            .db_subnet_group_description(format!("drpair global database {name}"))
            .set_subnet_ids(Some(subnets.to_vec()))
            .set_tags(Some(rds_tags(tags)))
            .send()
            .await
            .map(|_| ())
            .map_err(aws),
    }
}

pub async fn delete_subnet_group(rds: &Client, name: &str) -> Result<(), AwsError> {
    gone_is_done(
        rds.delete_db_subnet_group().db_subnet_group_name(name).send().await.map(|_| ()).map_err(aws),
    )
}

pub async fn parameter_group_exists(rds: &Client, name: &str) -> Result<bool, AwsError> {
    let out = rds.describe_db_cluster_parameter_groups().db_cluster_parameter_group_name(name).send().await;
    Ok(absent_as_none(out.map_err(aws))?.is_some_and(|o| !o.db_cluster_parameter_groups().is_empty()))
}

/// The group's `rds.global_db_rpo`, when the user set one.
pub async fn find_rpo(rds: &Client, name: &str) -> Result<Option<i64>, AwsError> {
    let out = rds
        .describe_db_cluster_parameters()
        .db_cluster_parameter_group_name(name)
        .source("user")
        .send()
        .await;
    Ok(absent_as_none(out.map_err(aws))?.and_then(|o| {
        o.parameters()
            .iter()
            .find(|p| p.parameter_name() == Some(RPO_PARAMETER))
            .and_then(|p| p.parameter_value()?.parse().ok())
    }))
}

/// Creates the group if needed and sets the RPO parameter when one is asked for.
pub async fn ensure_parameter_group(
    rds: &Client,
    name: &str,
    family: &str,
    rpo: Option<i64>,
    tags: &[(String, String)],
) -> Result<(), AwsError> {
    if !parameter_group_exists(rds, name).await? {
        let created = rds
            .create_db_cluster_parameter_group()
            .db_cluster_parameter_group_name(name)
            .db_parameter_group_family(family)
            .description(format!("drpair global database {name}"))
            .set_tags(Some(rds_tags(tags)))
            .send()
            .await
            .map_err(aws);
        match created {
            Err(e) if e.is_already_exists() => {}
            other => {
                other?;
            }
        }
    }
    let current = find_rpo(rds, name).await?;
    if current == rpo {
        return Ok(());
    }
    let req = rds.modify_db_cluster_parameter_group().db_cluster_parameter_group_name(name);
    let req = match rpo {
        Some(seconds) => req.parameters(
            Parameter::builder()
                .parameter_name(RPO_PARAMETER)
                .parameter_value(seconds.to_string())
                .apply_method(ApplyMethod::Immediate)
                .build(),
        ),
        None => {
            // Unset: back to the engine default (no managed RPO).
            return rds
                .reset_db_cluster_parameter_group()
                .db_cluster_parameter_group_name(name)
                .parameters(
                    Parameter::builder()
                        .parameter_name(RPO_PARAMETER)
                        .apply_method(ApplyMethod::Immediate)
                        .build(),
                )
                .send()
                .await
                .map(|_| ())
                .map_err(aws);
        }
    };
    req.send().await.map(|_| ()).map_err(aws)
}

pub async fn delete_parameter_group(rds: &Client, name: &str) -> Result<(), AwsError> {
    gone_is_done(
        rds.delete_db_cluster_parameter_group()
            .db_cluster_parameter_group_name(name)
            .send()
            .await
            .map(|_| ())
            .map_err(aws),
    )
}
