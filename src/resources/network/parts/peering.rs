//! The cross-region VPC peering connection: requested in the primary region, accepted in
//! the secondary. It has one id in both regions, but tags are per region on AWS, so the
//! accepter's side is tagged separately.

use aws_sdk_ec2::Client;
use aws_sdk_ec2::types::{PeeringConnectionOptionsRequest, ResourceType};

use super::{absent_as_none, ec2_tags, gone_is_done, is_ours, missing, ours, tag_spec, until_visible};
use crate::aws::AwsError;
use crate::aws::error::aws;
use crate::aws::wait::{Poll, Waiter};

/// States a peering never leaves: it counts as gone.
const ENDED: &[&str] = &["deleted", "deleting", "rejected", "failed", "expired"];
/// Answers of an endpoint that lacks an operation (a stand-in, a partition without it).
const NOT_IMPLEMENTED: &[&str] = &["NotImplemented", "InvalidAction", "UnknownOperationException"];

#[derive(Clone, Debug)]
pub struct Peering {
    pub id: String,
    pub status: String,
    pub requester_vpc: String,
    pub accepter_vpc: String,
    /// AllowDnsResolutionFromRemoteVpc of each side; None when AWS does not say.
    pub requester_dns: Option<bool>,
    pub accepter_dns: Option<bool>,
}

impl Peering {
    pub fn joins(&self, requester_vpc: &str, accepter_vpc: &str) -> bool {
        self.requester_vpc == requester_vpc && self.accepter_vpc == accepter_vpc
    }
    pub fn dns_both_ways(&self) -> bool {
        self.requester_dns != Some(false) && self.accepter_dns != Some(false)
    }
}

fn from_sdk(p: &aws_sdk_ec2::types::VpcPeeringConnection) -> Peering {
    let vpc = |i: Option<&aws_sdk_ec2::types::VpcPeeringConnectionVpcInfo>| {
        i.and_then(|i| i.vpc_id()).unwrap_or_default().to_string()
    };
    let dns = |i: Option<&aws_sdk_ec2::types::VpcPeeringConnectionVpcInfo>| {
        i.and_then(|i| i.peering_options()).and_then(|o| o.allow_dns_resolution_from_remote_vpc())
    };
    Peering {
        id: p.vpc_peering_connection_id().unwrap_or_default().to_string(),
        status: p.status().and_then(|s| s.code()).map(|c| c.as_str().to_string()).unwrap_or_default(),
        requester_vpc: vpc(p.requester_vpc_info()),
        accepter_vpc: vpc(p.accepter_vpc_info()),
        requester_dns: dns(p.requester_vpc_info()),
        accepter_dns: dns(p.accepter_vpc_info()),
    }
}

/// The network's peerings visible (and tagged ours) in the client's region, not ended.
pub async fn find_peerings(ec2: &Client, base: &str) -> Result<Vec<Peering>, AwsError> {
    let out =
        ec2.describe_vpc_peering_connections().set_filters(Some(ours(base))).send().await.map_err(aws)?;
    let mut found: Vec<Peering> = out
        .vpc_peering_connections()
        .iter()
        .filter(|p| is_ours(p.tags(), base))
        .map(from_sdk)
        .filter(|p| !ENDED.contains(&p.status.as_str()))
        .collect();
    found.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(found)
}

/// The network's peering between these two VPCs, if any.
pub async fn find_peering(
    ec2: &Client,
    base: &str,
    requester_vpc: &str,
    accepter_vpc: &str,
) -> Result<Option<Peering>, AwsError> {
    Ok(find_peerings(ec2, base).await?.into_iter().find(|p| p.joins(requester_vpc, accepter_vpc)))
}

pub async fn describe_peering(ec2: &Client, id: &str) -> Result<Option<Peering>, AwsError> {
    let out = ec2.describe_vpc_peering_connections().vpc_peering_connection_ids(id).send().await;
    Ok(absent_as_none(out.map_err(aws))?.and_then(|o| o.vpc_peering_connections().first().map(from_sdk)))
}

pub struct NewPeering<'a> {
    pub vpc_id: &'a str,
    pub peer_vpc_id: &'a str,
    pub peer_region: &'a str,
    pub name: &'a str,
    pub tags: &'a [(String, String)],
}

pub async fn create_peering(ec2: &Client, p: NewPeering<'_>) -> Result<String, AwsError> {
    let out = ec2
        .create_vpc_peering_connection()
        .vpc_id(p.vpc_id)
        .peer_vpc_id(p.peer_vpc_id)
        .peer_region(p.peer_region)
        .tag_specifications(tag_spec(ResourceType::VpcPeeringConnection, p.name, p.tags))
        .send()
        .await
        .map_err(aws)?;
    out.vpc_peering_connection()
        .and_then(|c| c.vpc_peering_connection_id())
        .map(str::to_string)
        .ok_or_else(|| missing("CreateVpcPeeringConnection", "VpcPeeringConnectionId"))
}

/// Waits, as the client's region sees it, until the peering is in one of `targets`. The
/// accepter region learns of a request asynchronously: `initiating-request` or absent first.
pub async fn wait_peering(ec2: &Client, id: &str, targets: &[&str], w: &Waiter) -> Result<Peering, AwsError> {
    w.until(&format!("peering {id} to be {}", targets.join(" or ")), || async {
        Ok(match describe_peering(ec2, id).await? {
            Some(p) if targets.contains(&p.status.as_str()) => Poll::Done(p),
            Some(p) if ENDED.contains(&p.status.as_str()) => {
                return Err(AwsError::BadState { what: format!("peering {id}"), state: p.status });
            }
            Some(p) => Poll::Pending(p.status),
            None => Poll::Pending("not visible yet".into()),
        })
    })
    .await
}

/// Accepts in the accepter's region (AWS refuses it anywhere else).
pub async fn accept_peering(ec2: &Client, id: &str) -> Result<(), AwsError> {
    ec2.accept_vpc_peering_connection().vpc_peering_connection_id(id).send().await.map(|_| ()).map_err(aws)
}

pub async fn tag_peering(
    ec2: &Client,
    id: &str,
    name: &str,
    tags: &[(String, String)],
    w: &Waiter,
) -> Result<(), AwsError> {
    until_visible(w, &format!("peering {id}"), || async {
        ec2.create_tags().resources(id).set_tags(Some(ec2_tags(name, tags))).send().await.map_err(aws)
    })
    .await
    .map(|_| ())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Requester,
    Accepter,
}

/// What enabling DNS resolution came to.
#[derive(Debug, PartialEq, Eq)]
pub enum DnsOption {
    Set,
    /// The endpoint does not implement ModifyVpcPeeringConnectionOptions.
    Unsupported(String),
}

/// Lets this side resolve the remote VPC's private DNS names to private addresses. Each
/// side's option must be set from that side's region for a cross-region peering.
pub async fn allow_remote_dns(ec2: &Client, id: &str, side: Side) -> Result<DnsOption, AwsError> {
    let on = PeeringConnectionOptionsRequest::builder().allow_dns_resolution_from_remote_vpc(true).build();
    let req = ec2.modify_vpc_peering_connection_options().vpc_peering_connection_id(id);
    let req = match side {
        Side::Requester => req.requester_peering_connection_options(on),
        Side::Accepter => req.accepter_peering_connection_options(on),
    };
    match req.send().await.map_err(aws) {
        Ok(_) => Ok(DnsOption::Set),
        Err(e) if e.code().is_some_and(|c| NOT_IMPLEMENTED.contains(&c)) => {
            Ok(DnsOption::Unsupported(e.to_string()))
        }
        Err(e) => Err(e),
    }
}

/// Deletes from the client's region (either side may) and waits until it has ended.
pub async fn delete_peering(ec2: &Client, id: &str, w: &Waiter) -> Result<(), AwsError> {
    let r = ec2
        .delete_vpc_peering_connection()
        .vpc_peering_connection_id(id)
        .send()
        .await
        .map(|_| ())
        .map_err(aws);
    if let Err(e) = gone_is_done(r) {
        // An earlier, interrupted destroy may have started it already: that is fine.
        let ended = describe_peering(ec2, id).await?.is_none_or(|p| ENDED.contains(&p.status.as_str()));
        if !ended {
            return Err(e);
        }
    }
    w.until(&format!("peering {id} to be deleted"), || async {
        Ok(match describe_peering(ec2, id).await? {
            Some(p) if !ENDED.contains(&p.status.as_str()) => Poll::Pending(p.status),
            _ => Poll::Done(()),
        })
    })
    .await
}
