//! The tiers' security groups: named `<base>-<tier>`, a name unique within the VPC.

use aws_sdk_ec2::Client;
use aws_sdk_ec2::types::{IpPermission, IpRange, ResourceType};

use super::{delete_when_released, filter, missing, tag_spec, until_visible};
use crate::aws::AwsError;
use crate::aws::error::aws;
use crate::aws::wait::Waiter;

#[derive(Clone, Debug)]
pub struct SecurityGroup {
    pub id: String,
    pub name: String,
    /// `(protocol, from port, to port, IPv4 range)` of every ingress rule.
    pub ingress: Vec<(String, i32, i32, String)>,
}

impl SecurityGroup {
    /// True when TCP `port` is open to `cidr`.
    pub fn allows_tcp(&self, port: i32, cidr: &str) -> bool {
        self.ingress.iter().any(|(proto, from, to, range)| {
            (proto == "tcp" || proto == "-1") && (*from..=*to).contains(&port) && range == cidr
        })
    }
}

fn from_sdk(g: &aws_sdk_ec2::types::SecurityGroup) -> SecurityGroup {
    let ingress = g
        .ip_permissions()
        .iter()
        .flat_map(|p| {
            let proto = p.ip_protocol().unwrap_or_default().to_string();
            let (from, to) = (p.from_port().unwrap_or(-1), p.to_port().unwrap_or(-1));
            p.ip_ranges()
                .iter()
                .filter_map(move |r| Some((proto.clone(), from, to, r.cidr_ip()?.to_string())))
        })
        .collect();
    SecurityGroup {
        id: g.group_id().unwrap_or_default().to_string(),
        name: g.group_name().unwrap_or_default().to_string(),
        ingress,
    }
}

/// The groups in `vpc_id` with one of `names`. Name and VPC identify a group (AWS refuses a
/// second group of the same name in a VPC), and our VPC holds only our groups.
pub async fn find_security_groups(
    ec2: &Client,
    vpc_id: &str,
    names: &[String],
) -> Result<Vec<SecurityGroup>, AwsError> {
    let wanted: Vec<&str> = names.iter().map(String::as_str).collect();
    let out = ec2
        .describe_security_groups()
        .filters(filter("vpc-id", &[vpc_id]))
        .filters(filter("group-name", &wanted))
        .send()
        .await
        .map_err(aws)?;
    Ok(out
        .security_groups()
        .iter()
        .filter(|g| g.vpc_id() == Some(vpc_id) && g.group_name().is_some_and(|n| wanted.contains(&n)))
        .map(from_sdk)
        .collect())
}

pub struct NewGroup<'a> {
    pub vpc_id: &'a str,
    pub name: &'a str,
    pub description: &'a str,
    pub tags: &'a [(String, String)],
}

pub async fn create_security_group(ec2: &Client, g: NewGroup<'_>, w: &Waiter) -> Result<String, AwsError> {
    let created = until_visible(w, &format!("VPC {}", g.vpc_id), || async {
        ec2.create_security_group()
            .vpc_id(g.vpc_id)
            .group_name(g.name)
            .description(g.description)
            .tag_specifications(tag_spec(ResourceType::SecurityGroup, g.name, g.tags))
            .send()
            .await
            .map_err(aws)
    })
    .await;
    match created {
        Ok(out) => {
            out.group_id().map(str::to_string).ok_or_else(|| missing("CreateSecurityGroup", "GroupId"))
        }
        // Made by an earlier run between our find and this create: adopt it.
        Err(e) if e.code() == Some("InvalidGroup.Duplicate") => {
            let found = find_security_groups(ec2, g.vpc_id, &[g.name.to_string()]).await?;
            found.into_iter().next().map(|s| s.id).ok_or(e)
        }
        Err(e) => Err(e),
    }
}

/// Opens TCP `port` to each of `cidrs` that the group does not already allow.
pub async fn allow_tcp(
    ec2: &Client,
    group: &SecurityGroup,
    port: i32,
    cidrs: &[String],
    w: &Waiter,
) -> Result<(), AwsError> {
    let ranges: Vec<IpRange> = cidrs
        .iter()
        .filter(|c| !group.allows_tcp(port, c))
        .map(|c| IpRange::builder().cidr_ip(c).description("drpair network: both VPCs of the pair").build())
        .collect();
    if ranges.is_empty() {
        return Ok(());
    }
    let permission = IpPermission::builder()
        .ip_protocol("tcp")
        .from_port(port)
        .to_port(port)
        .set_ip_ranges(Some(ranges))
        .build();
    let r = until_visible(w, &format!("security group {}", group.id), || async {
        ec2.authorize_security_group_ingress()
            .group_id(&group.id)
            .ip_permissions(permission.clone())
            .send()
            .await
            .map(|_| ())
            .map_err(aws)
    })
    .await;
    match r {
        Err(e) if e.code() == Some("InvalidPermission.Duplicate") => Ok(()),
        other => other,
    }
}

pub async fn delete_security_group(ec2: &Client, id: &str, w: &Waiter) -> Result<(), AwsError> {
    delete_when_released(w, &format!("security group {id}"), || async {
        ec2.delete_security_group().group_id(id).send().await.map(|_| ()).map_err(aws)
    })
    .await
}
