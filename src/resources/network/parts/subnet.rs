//! Private subnets, one per availability zone.

use aws_sdk_ec2::Client;
use aws_sdk_ec2::types::ResourceType;

use super::{absent_as_none, delete_when_released, filter, is_ours, missing, ours, tag_spec, until_visible};
use crate::aws::AwsError;
use crate::aws::error::aws;
use crate::aws::wait::{Poll, Waiter};

#[derive(Clone, Debug, PartialEq)]
pub struct Subnet {
    pub id: String,
    pub az: String,
    pub cidr: String,
    pub state: String,
}

fn from_sdk(s: &aws_sdk_ec2::types::Subnet) -> Subnet {
    Subnet {
        id: s.subnet_id().unwrap_or_default().to_string(),
        az: s.availability_zone().unwrap_or_default().to_string(),
        cidr: s.cidr_block().unwrap_or_default().to_string(),
        state: s.state().map(|s| s.as_str().to_string()).unwrap_or_default(),
    }
}

/// The network's subnets in `vpc_id`, in AZ order.
pub async fn find_subnets(ec2: &Client, vpc_id: &str, base: &str) -> Result<Vec<Subnet>, AwsError> {
    let mut filters = ours(base);
    filters.push(filter("vpc-id", &[vpc_id]));
    let out = ec2.describe_subnets().set_filters(Some(filters)).send().await.map_err(aws)?;
    let mut subnets: Vec<Subnet> = out
        .subnets()
        .iter()
        .filter(|s| is_ours(s.tags(), base) && s.vpc_id() == Some(vpc_id))
        .map(from_sdk)
        .collect();
    subnets.sort_by(|a, b| (&a.az, &a.cidr).cmp(&(&b.az, &b.cidr)));
    Ok(subnets)
}

pub struct NewSubnet<'a> {
    pub vpc_id: &'a str,
    pub az: &'a str,
    pub cidr: &'a str,
    pub name: &'a str,
    pub tags: &'a [(String, String)],
}

pub async fn create_subnet(ec2: &Client, s: NewSubnet<'_>, w: &Waiter) -> Result<String, AwsError> {
    // Right after CreateVpc the VPC id may not be known to CreateSubnet yet.
    let out = until_visible(w, &format!("VPC {}", s.vpc_id), || async {
        ec2.create_subnet()
            .vpc_id(s.vpc_id)
            .availability_zone(s.az)
            .cidr_block(s.cidr)
            .tag_specifications(tag_spec(ResourceType::Subnet, s.name, s.tags))
            .send()
            .await
            .map_err(aws)
    })
    .await?;
    out.subnet()
        .and_then(|s| s.subnet_id())
        .map(str::to_string)
        .ok_or_else(|| missing("CreateSubnet", "SubnetId"))
}

pub async fn wait_subnet_available(ec2: &Client, id: &str, w: &Waiter) -> Result<(), AwsError> {
    w.until(&format!("subnet {id} to be available"), || async {
        let out = absent_as_none(ec2.describe_subnets().subnet_ids(id).send().await.map_err(aws))?;
        Ok(match out.and_then(|o| o.subnets().first().map(from_sdk)) {
            Some(s) if s.state == "available" => Poll::Done(()),
            Some(s) => Poll::Pending(s.state),
            None => Poll::Pending("not visible yet".into()),
        })
    })
    .await
}

pub async fn delete_subnet(ec2: &Client, id: &str, w: &Waiter) -> Result<(), AwsError> {
    delete_when_released(w, &format!("subnet {id}"), || async {
        ec2.delete_subnet().subnet_id(id).send().await.map(|_| ()).map_err(aws)
    })
    .await
}
