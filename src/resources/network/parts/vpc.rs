//! The VPC of one region.

use aws_sdk_ec2::Client;
use aws_sdk_ec2::types::{AttributeBooleanValue, ResourceType};

use super::{absent_as_none, delete_when_released, is_ours, missing, ours, tag_spec, until_visible};
use crate::aws::AwsError;
use crate::aws::error::aws;
use crate::aws::wait::{Poll, Waiter};

#[derive(Clone, Debug)]
pub struct Vpc {
    pub id: String,
    pub cidr: String,
    pub state: String,
}

fn from_sdk(v: &aws_sdk_ec2::types::Vpc) -> Vpc {
    Vpc {
        id: v.vpc_id().unwrap_or_default().to_string(),
        cidr: v.cidr_block().unwrap_or_default().to_string(),
        state: v.state().map(|s| s.as_str().to_string()).unwrap_or_default(),
    }
}

/// Every VPC tagged as this network's, by id. Normally one; two only if AWS made a VPC for a
/// CreateVpc whose answer was lost and then retried (CreateVpc has no idempotency token).
pub async fn find_vpcs(ec2: &Client, base: &str) -> Result<Vec<Vpc>, AwsError> {
    let out = ec2.describe_vpcs().set_filters(Some(ours(base))).send().await.map_err(aws)?;
    let mut vpcs: Vec<Vpc> = out.vpcs().iter().filter(|v| is_ours(v.tags(), base)).map(from_sdk).collect();
    vpcs.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(vpcs)
}

/// The network's VPC in this region; with several, the first by id (destroy removes all).
pub async fn find_vpc(ec2: &Client, base: &str) -> Result<Option<Vpc>, AwsError> {
    let vpcs = find_vpcs(ec2, base).await?;
    if vpcs.len() > 1 {
        crate::warn!("{} VPCs are tagged {base}; using {}", vpcs.len(), vpcs[0].id);
    }
    Ok(vpcs.into_iter().next())
}

pub async fn create_vpc(
    ec2: &Client,
    cidr: &str,
    name: &str,
    tags: &[(String, String)],
) -> Result<String, AwsError> {
    let out = ec2
        .create_vpc()
        .cidr_block(cidr)
        .tag_specifications(tag_spec(ResourceType::Vpc, name, tags))
        .send()
        .await
        .map_err(aws)?;
    out.vpc().and_then(|v| v.vpc_id()).map(str::to_string).ok_or_else(|| missing("CreateVpc", "VpcId"))
}

pub async fn wait_vpc_available(ec2: &Client, id: &str, w: &Waiter) -> Result<Vpc, AwsError> {
    w.until(&format!("VPC {id} to be available"), || async {
        let out = absent_as_none(ec2.describe_vpcs().vpc_ids(id).send().await.map_err(aws))?;
        Ok(match out.and_then(|o| o.vpcs().first().map(from_sdk)) {
            Some(v) if v.state == "available" => Poll::Done(v),
            Some(v) => Poll::Pending(v.state),
            None => Poll::Pending("not visible yet".into()),
        })
    })
    .await
}

/// DNS on, host names on: private names resolve inside the VPC and, with the peering's DNS
/// option, from the other region. AWS takes one attribute per call; both are idempotent.
pub async fn enable_dns(ec2: &Client, id: &str, w: &Waiter) -> Result<(), AwsError> {
    let on = || AttributeBooleanValue::builder().value(true).build();
    until_visible(w, &format!("VPC {id}"), || async {
        ec2.modify_vpc_attribute().vpc_id(id).enable_dns_support(on()).send().await.map_err(aws)
    })
    .await?;
    ec2.modify_vpc_attribute().vpc_id(id).enable_dns_hostnames(on()).send().await.map_err(aws)?;
    Ok(())
}

/// Deletes the VPC once nothing is left in it.
pub async fn delete_vpc(ec2: &Client, id: &str, w: &Waiter) -> Result<(), AwsError> {
    delete_when_released(w, &format!("VPC {id}"), || async {
        ec2.delete_vpc().vpc_id(id).send().await.map(|_| ()).map_err(aws)
    })
    .await
}
