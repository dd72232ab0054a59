//! The route table of a region's subnets, and its route to the other region.

use aws_sdk_ec2::Client;
use aws_sdk_ec2::types::ResourceType;

use super::{
    absent_as_none, delete_when_released, filter, gone_is_done, is_ours, missing, ours, tag_spec,
    until_visible,
};
use crate::aws::AwsError;
use crate::aws::error::aws;
use crate::aws::wait::Waiter;

#[derive(Clone, Debug)]
pub struct RouteTable {
    pub id: String,
    /// `(subnet id, association id)` of explicit subnet associations.
    pub associations: Vec<(String, String)>,
    pub routes: Vec<Route>,
}

#[derive(Clone, Debug)]
pub struct Route {
    pub destination: String,
    pub peering_id: Option<String>,
    /// `active`, or `blackhole` when its target is gone.
    pub state: String,
}

impl RouteTable {
    pub fn is_associated(&self, subnet_id: &str) -> bool {
        self.associations.iter().any(|(s, _)| s == subnet_id)
    }
    pub fn route_to(&self, destination: &str) -> Option<&Route> {
        self.routes.iter().find(|r| r.destination == destination)
    }
    /// True when `destination` goes through `peering_id` and the route works.
    pub fn routes_via(&self, destination: &str, peering_id: &str) -> bool {
        self.route_to(destination)
            .is_some_and(|r| r.peering_id.as_deref() == Some(peering_id) && r.state != "blackhole")
    }
}

fn from_sdk(t: &aws_sdk_ec2::types::RouteTable) -> RouteTable {
    RouteTable {
        id: t.route_table_id().unwrap_or_default().to_string(),
        associations: t
            .associations()
            .iter()
            .filter(|a| a.main() != Some(true))
            .filter_map(|a| Some((a.subnet_id()?.to_string(), a.route_table_association_id()?.to_string())))
            .collect(),
        routes: t
            .routes()
            .iter()
            .filter_map(|r| {
                Some(Route {
                    destination: r.destination_cidr_block()?.to_string(),
                    peering_id: r.vpc_peering_connection_id().map(str::to_string),
                    state: r.state().map(|s| s.as_str().to_string()).unwrap_or_default(),
                })
            })
            .collect(),
    }
}

/// The network's route tables in `vpc_id`, by id (normally one).
pub async fn find_route_tables(ec2: &Client, vpc_id: &str, base: &str) -> Result<Vec<RouteTable>, AwsError> {
    let mut filters = ours(base);
    filters.push(filter("vpc-id", &[vpc_id]));
    let out = ec2.describe_route_tables().set_filters(Some(filters)).send().await.map_err(aws)?;
    let mut tables: Vec<RouteTable> = out
        .route_tables()
        .iter()
        .filter(|t| is_ours(t.tags(), base) && t.vpc_id() == Some(vpc_id))
        .map(from_sdk)
        .collect();
    tables.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(tables)
}

pub async fn find_route_table(
    ec2: &Client,
    vpc_id: &str,
    base: &str,
) -> Result<Option<RouteTable>, AwsError> {
    Ok(find_route_tables(ec2, vpc_id, base).await?.into_iter().next())
}

pub async fn describe_route_table(ec2: &Client, id: &str) -> Result<Option<RouteTable>, AwsError> {
    let out = absent_as_none(ec2.describe_route_tables().route_table_ids(id).send().await.map_err(aws))?;
    Ok(out.and_then(|o| o.route_tables().first().map(from_sdk)))
}

pub async fn create_route_table(
    ec2: &Client,
    vpc_id: &str,
    name: &str,
    tags: &[(String, String)],
    w: &Waiter,
) -> Result<String, AwsError> {
    let out = until_visible(w, &format!("VPC {vpc_id}"), || async {
        ec2.create_route_table()
            .vpc_id(vpc_id)
            .tag_specifications(tag_spec(ResourceType::RouteTable, name, tags))
            .send()
            .await
            .map_err(aws)
    })
    .await?;
    out.route_table()
        .and_then(|t| t.route_table_id())
        .map(str::to_string)
        .ok_or_else(|| missing("CreateRouteTable", "RouteTableId"))
}

/// Explicitly associates a subnet (it was implicitly on the VPC's main table).
pub async fn associate_subnet(
    ec2: &Client,
    table_id: &str,
    subnet_id: &str,
    w: &Waiter,
) -> Result<(), AwsError> {
    let r = until_visible(w, &format!("route table {table_id} and subnet {subnet_id}"), || async {
        ec2.associate_route_table().route_table_id(table_id).subnet_id(subnet_id).send().await.map_err(aws)
    })
    .await;
    match r {
        // Associated by an earlier, interrupted run.
        Err(e) if e.code() == Some("Resource.AlreadyAssociated") => Ok(()),
        other => other.map(|_| ()),
    }
}

/// Routes `destination` through the peering, replacing a route that points elsewhere (the
/// peering of an earlier, deleted pair leaves a blackhole route behind).
pub async fn ensure_peering_route(
    ec2: &Client,
    table_id: &str,
    destination: &str,
    peering_id: &str,
    w: &Waiter,
) -> Result<(), AwsError> {
    let table = describe_route_table(ec2, table_id).await?.ok_or_else(|| AwsError::BadState {
        what: format!("route table {table_id}"),
        state: "gone while adding its peering route".into(),
    })?;
    if table.routes_via(destination, peering_id) {
        return Ok(());
    }
    let replace = || async {
        ec2.replace_route()
            .route_table_id(table_id)
            .destination_cidr_block(destination)
            .vpc_peering_connection_id(peering_id)
            .send()
            .await
            .map(|_| ())
            .map_err(aws)
    };
    if table.route_to(destination).is_some() {
        return replace().await;
    }
    // A peering just accepted may not be visible to CreateRoute for a moment.
    let created = until_visible(w, &format!("peering {peering_id}"), || async {
        ec2.create_route()
            .route_table_id(table_id)
            .destination_cidr_block(destination)
            .vpc_peering_connection_id(peering_id)
            .send()
            .await
            .map(|_| ())
            .map_err(aws)
    })
    .await;
    match created {
        Err(e) if e.code() == Some("RouteAlreadyExists") => replace().await,
        other => other,
    }
}

pub async fn delete_route(ec2: &Client, table_id: &str, destination: &str) -> Result<(), AwsError> {
    gone_is_done(
        ec2.delete_route()
            .route_table_id(table_id)
            .destination_cidr_block(destination)
            .send()
            .await
            .map(|_| ())
            .map_err(aws),
    )
}

/// Removes the table's subnet associations (AWS refuses to delete an associated table),
/// then the table.
pub async fn delete_route_table(ec2: &Client, table: &RouteTable, w: &Waiter) -> Result<(), AwsError> {
    for (_, association) in &table.associations {
        gone_is_done(
            ec2.disassociate_route_table().association_id(association).send().await.map(|_| ()).map_err(aws),
        )?;
    }
    delete_when_released(w, &format!("route table {}", table.id), || async {
        ec2.delete_route_table().route_table_id(&table.id).send().await.map(|_| ()).map_err(aws)
    })
    .await
}
