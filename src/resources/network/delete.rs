//! Destroy in reverse: the routes through the peering, the peering, then in each region the
//! security groups, subnets, route table and VPC. Everything is found by our tags (not
//! taken from state), so a destroy after a killed apply removes what that apply made, and
//! not-found is success throughout, so an interrupted destroy simply runs again.

use std::collections::BTreeMap;
use std::time::Duration;

use futures::future::try_join_all;

use super::converge::{Failure, InRegion};
use super::model::{Names, Tier};
use super::parts::{peering, route_table, security_group, subnet, vpc};
use crate::aws::AwsError;
use crate::aws::wait::Waiter;
use crate::provider::Configured;

/// Once its subnets and groups are gone, a VPC that still refuses deletion holds something
/// drpair did not make; a short wait covers AWS catching up, not someone else's objects.
const VPC_GRACE: Duration = Duration::from_secs(120);

pub async fn delete(p: &Configured, names: &Names, regions: &[String; 2], w: &Waiter) -> Result<(), Failure> {
    try_join_all(regions.iter().map(|r| remove_peering_routes(p, names, r))).await?;

    // Each peering is deleted once, from a region that sees it as ours (the accepter's copy
    // is tagged too, so one left behind by a failed apply is found from either side).
    let mut found: BTreeMap<String, &String> = BTreeMap::new();
    for region in regions {
        for x in peering::find_peerings(&p.ec2(region), &names.base).await.in_region(region)? {
            found.entry(x.id).or_insert(region);
        }
    }
    try_join_all(found.iter().map(|(id, region)| async move {
        peering::delete_peering(&p.ec2(region), id, w).await.in_region(region)
    }))
    .await?;

    try_join_all(regions.iter().map(|r| delete_region(p, names, r, w))).await?;
    Ok(())
}

/// Routes through a peering, in every route table of ours in the region.
async fn remove_peering_routes(p: &Configured, names: &Names, region: &str) -> Result<(), Failure> {
    let ec2 = p.ec2(region);
    let run = async {
        for v in vpc::find_vpcs(&ec2, &names.base).await? {
            for table in route_table::find_route_tables(&ec2, &v.id, &names.base).await? {
                for route in table.routes.iter().filter(|r| r.peering_id.is_some()) {
                    route_table::delete_route(&ec2, &table.id, &route.destination).await?;
                }
            }
        }
        Ok::<_, AwsError>(())
    };
    run.await.in_region(region)
}

async fn delete_region(p: &Configured, names: &Names, region: &str, w: &Waiter) -> Result<(), Failure> {
    let ec2 = p.ec2(region);
    let base = &names.base;
    let group_names: Vec<String> = Tier::ALL.iter().map(|t| names.security_group(*t)).collect();
    let run = async {
        for v in vpc::find_vpcs(&ec2, base).await? {
            let groups = security_group::find_security_groups(&ec2, &v.id, &group_names).await?;
            try_join_all(groups.iter().map(|g| security_group::delete_security_group(&ec2, &g.id, w)))
                .await?;
            let subnets = subnet::find_subnets(&ec2, &v.id, base).await?;
            try_join_all(subnets.iter().map(|s| subnet::delete_subnet(&ec2, &s.id, w))).await?;
            for table in route_table::find_route_tables(&ec2, &v.id, base).await? {
                route_table::delete_route_table(&ec2, &table, w).await?;
            }
            let mut grace = w.clone();
            grace.deadline = grace.deadline.min(tokio::time::Instant::now() + VPC_GRACE);
            vpc::delete_vpc(&ec2, &v.id, &grace).await.map_err(|e| match e {
                AwsError::Timeout { last, .. } => AwsError::BadState {
                    what: format!("VPC {}", v.id),
                    state: format!(
                        "still in use after drpair removed its parts ({last}): it holds objects drpair \
                         did not create (subnets, gateways, endpoints, network interfaces); remove them \
                         and destroy again"
                    ),
                },
                other => other,
            })?;
        }
        Ok::<_, AwsError>(())
    };
    run.await.in_region(region)
}
