//! Create and update are one operation: bring AWS to the spec step by step, adopting what
//! already exists under our tags and names. So a first create, an apply that was killed
//! midway and the repair of a part deleted outside Terraform all take the same path.

use futures::future::try_join_all;

use super::model::{Names, RESOURCE_TYPE, Spec, Tier};
use super::parts::peering::{self, DnsOption, NewPeering, Side};
use super::parts::route_table::{self, RouteTable};
use super::parts::security_group::{self, NewGroup, SecurityGroup};
use super::parts::subnet::{self, NewSubnet};
use super::parts::{vpc, zones};
use crate::aws::AwsError;
use crate::aws::wait::Waiter;
use crate::provider::Configured;

/// An AWS error and the region it happened in, for the diagnostic's summary.
#[derive(Debug)]
pub struct Failure {
    pub region: String,
    pub error: AwsError,
}

pub trait InRegion<T> {
    fn in_region(self, region: &str) -> Result<T, Failure>;
}

impl<T> InRegion<T> for Result<T, AwsError> {
    fn in_region(self, region: &str) -> Result<T, Failure> {
        self.map_err(|error| Failure { region: region.to_string(), error })
    }
}

pub struct Converge<'a> {
    pub provider: &'a Configured,
    pub names: &'a Names,
    pub spec: &'a Spec,
    pub waiter: Waiter,
}

/// What the peering step needs from each region.
struct Built {
    index: usize,
    region: String,
    vpc_id: String,
    route_table_id: String,
}

impl Converge<'_> {
    fn tags(&self) -> Vec<(String, String)> {
        self.provider.tags(RESOURCE_TYPE, &self.names.base)
    }

    /// Returns warnings: things that could not be done but do not make the network unusable.
    pub async fn run(&self) -> Result<Vec<String>, Failure> {
        // The regions do not depend on each other until the peering: both at once.
        let (home, away) = futures::try_join!(self.ensure_region(0), self.ensure_region(1))?;
        let (peering_id, warnings) = self.ensure_peering(&home, &away).await?;
        futures::try_join!(
            self.ensure_route(&home, &away, &peering_id),
            self.ensure_route(&away, &home, &peering_id)
        )?;
        Ok(warnings)
    }

    async fn ensure_region(&self, index: usize) -> Result<Built, Failure> {
        let region = &self.spec.regions[index];
        self.build_region(index).await.in_region(region)
    }

    /// VPC first; then its subnets, route table and security groups side by side.
    async fn build_region(&self, index: usize) -> Result<Built, AwsError> {
        let region = &self.spec.regions[index];
        let ec2 = self.provider.ec2(region);
        let w = &self.waiter;
        let cidr = self.spec.cidrs[index].to_string();
        let zones = zones::availability_zones(&ec2, region, self.spec.az_count).await?;

        let vpc_id = match vpc::find_vpc(&ec2, &self.names.base).await? {
            Some(v) if v.cidr != cidr => {
                return Err(AwsError::BadState {
                    what: format!("VPC {} tagged {}", v.id, self.names.vpc()),
                    state: format!(
                        "CIDR {} instead of {cidr}: it was made for another configuration; \
                         delete it (or restore the CIDR) and apply again",
                        v.cidr
                    ),
                });
            }
            Some(v) => v.id,
            None => {
                crate::info!("creating VPC {} ({cidr}) in {region}", self.names.vpc());
                vpc::create_vpc(&ec2, &cidr, self.names.vpc(), &self.tags()).await?
            }
        };
        vpc::wait_vpc_available(&ec2, &vpc_id, w).await?;
        vpc::enable_dns(&ec2, &vpc_id, w).await?;

        let (subnet_ids, table, ()) = futures::try_join!(
            self.ensure_subnets(&ec2, &vpc_id, &zones, index),
            self.ensure_route_table(&ec2, &vpc_id),
            self.ensure_security_groups(&ec2, &vpc_id),
        )?;
        for id in subnet_ids.iter().filter(|id| !table.is_associated(id)) {
            route_table::associate_subnet(&ec2, &table.id, id, w).await?;
        }
        Ok(Built { index, region: region.clone(), vpc_id, route_table_id: table.id })
    }

    /// One subnet per AZ, each with its slice of the VPC range. Subnet i is always the i-th
    /// zone by name and the i-th range, so a re-run finds exactly what an earlier run made.
    async fn ensure_subnets(
        &self,
        ec2: &aws_sdk_ec2::Client,
        vpc_id: &str,
        zones: &[String],
        index: usize,
    ) -> Result<Vec<String>, AwsError> {
        let existing = subnet::find_subnets(ec2, vpc_id, &self.names.base).await?;
        let tags = self.tags();
        let wanted = zones.iter().zip(self.spec.subnet_cidrs(index));
        try_join_all(wanted.map(|(az, cidr)| {
            let (existing, tags) = (&existing, &tags);
            async move {
                let cidr = cidr.to_string();
                let id = match existing.iter().find(|s| s.cidr == cidr) {
                    Some(s) if s.az == *az => s.id.clone(),
                    Some(s) => {
                        return Err(AwsError::BadState {
                            what: format!("subnet {} ({cidr})", s.id),
                            state: format!("in {} instead of {az}; delete it and apply again", s.az),
                        });
                    }
                    None => {
                        let name = self.names.subnet(az);
                        crate::info!("creating subnet {name} ({cidr})");
                        let new = NewSubnet { vpc_id, az, cidr: &cidr, name: &name, tags };
                        subnet::create_subnet(ec2, new, &self.waiter).await?
                    }
                };
                subnet::wait_subnet_available(ec2, &id, &self.waiter).await?;
                Ok(id)
            }
        }))
        .await
    }

    async fn ensure_route_table(
        &self,
        ec2: &aws_sdk_ec2::Client,
        vpc_id: &str,
    ) -> Result<RouteTable, AwsError> {
        if let Some(table) = route_table::find_route_table(ec2, vpc_id, &self.names.base).await? {
            return Ok(table);
        }
        let name = self.names.route_table();
        let id = route_table::create_route_table(ec2, vpc_id, name, &self.tags(), &self.waiter).await?;
        Ok(RouteTable { id, associations: vec![], routes: vec![] })
    }

    /// The three tiers' groups, each open on its port to both VPCs (the other region's
    /// functions reach this region's database through the peering).
    async fn ensure_security_groups(&self, ec2: &aws_sdk_ec2::Client, vpc_id: &str) -> Result<(), AwsError> {
        let names: Vec<String> = Tier::ALL.iter().map(|t| self.names.security_group(*t)).collect();
        let existing = security_group::find_security_groups(ec2, vpc_id, &names).await?;
        let both_vpcs = self.spec.cidrs.map(|c| c.to_string());
        let tags = self.tags();
        try_join_all(Tier::ALL.iter().map(|&tier| {
            let (existing, tags, both_vpcs) = (&existing, &tags, &both_vpcs);
            async move {
                let name = self.names.security_group(tier);
                let group = match existing.iter().find(|g| g.name == name) {
                    Some(g) => g.clone(),
                    None => {
                        let new = NewGroup { vpc_id, name: &name, description: tier.description(), tags };
                        let id = security_group::create_security_group(ec2, new, &self.waiter).await?;
                        SecurityGroup { id, name, ingress: vec![] }
                    }
                };
                match tier.port() {
                    Some(port) => security_group::allow_tcp(ec2, &group, port, both_vpcs, &self.waiter).await,
                    None => Ok(()),
                }
            }
        }))
        .await?;
        Ok(())
    }

    /// Requested from the primary, accepted in the secondary, DNS resolution allowed on both
    /// sides. Returns the peering id and any warnings.
    async fn ensure_peering(&self, home: &Built, away: &Built) -> Result<(String, Vec<String>), Failure> {
        let (requester, accepter) = (self.provider.ec2(&home.region), self.provider.ec2(&away.region));
        let w = &self.waiter;
        let name = self.names.peering();
        let tags = self.tags();
        let found = peering::find_peering(&requester, &self.names.base, &home.vpc_id, &away.vpc_id)
            .await
            .in_region(&home.region)?;
        let id = match found {
            Some(p) => p.id,
            None => {
                crate::info!("requesting peering {} from {} to {}", name, home.region, away.region);
                let new = NewPeering {
                    vpc_id: &home.vpc_id,
                    peer_vpc_id: &away.vpc_id,
                    peer_region: &away.region,
                    name,
                    tags: &tags,
                };
                peering::create_peering(&requester, new).await.in_region(&home.region)?
            }
        };

        // The accepter's region sees the request once AWS has carried it over.
        let accepter_side = async {
            let seen =
                peering::wait_peering(&accepter, &id, &["pending-acceptance", "provisioning", "active"], w)
                    .await?;
            if seen.status == "pending-acceptance"
                && let Err(e) = peering::accept_peering(&accepter, &id).await
            {
                // A concurrent or interrupted run may have accepted it meanwhile.
                let now = peering::describe_peering(&accepter, &id).await?;
                if now.is_none_or(|p| p.status == "pending-acceptance") {
                    return Err(e);
                }
            }
            peering::tag_peering(&accepter, &id, name, &tags, w).await?;
            peering::wait_peering(&accepter, &id, &["active"], w).await
        };
        let accepted = accepter_side.await.in_region(&away.region)?;
        let requested =
            peering::wait_peering(&requester, &id, &["active"], w).await.in_region(&home.region)?;

        let mut warnings = Vec::new();
        for (client, region, side, on) in [
            (&requester, &home.region, Side::Requester, requested.requester_dns),
            (&accepter, &away.region, Side::Accepter, accepted.accepter_dns),
        ] {
            if on == Some(true) {
                continue;
            }
            if let DnsOption::Unsupported(why) =
                peering::allow_remote_dns(client, &id, side).await.in_region(region)?
            {
                crate::warn!("DNS resolution over peering {id} not set in {region}: {why}");
                warnings.push(format!(
                    "{region} does not implement ModifyVpcPeeringConnectionOptions ({why}): private \
                     DNS names of the other VPC will not resolve to private addresses there."
                ));
            }
        }
        Ok((id, warnings))
    }

    /// `local`'s route table sends the other region's range through the peering.
    async fn ensure_route(&self, local: &Built, remote: &Built, peering_id: &str) -> Result<(), Failure> {
        let ec2 = self.provider.ec2(&local.region);
        let destination = self.spec.cidrs[remote.index].to_string();
        route_table::ensure_peering_route(&ec2, &local.route_table_id, &destination, peering_id, &self.waiter)
            .await
            .in_region(&local.region)
    }
}
