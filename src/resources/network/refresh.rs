//! Read: the network as AWS has it. A part that is missing or broken is left out of the
//! region's object (a deleted subnet is absent from `subnet_ids`; a security group without
//! its rules, a route table not associated with every subnet, a peering without its routes
//! or DNS option report null), so plan proposes an in-place repair of exactly that part.

use super::cidr::Cidr;
use super::converge::{Failure, InRegion};
use super::model::{Names, SIDES, Tier};
use super::parts::peering::{self, Peering};
use super::parts::route_table::{self, RouteTable};
use super::parts::security_group::{self, SecurityGroup};
use super::parts::subnet::{self, Subnet};
use super::parts::vpc::{self, Vpc};
use crate::aws::AwsError;
use crate::provider::Configured;
use crate::resources::inventory_item as item;
use crate::tfplugin::value::Value;

/// What exists of the network in one region.
pub struct RegionView {
    pub region: String,
    pub vpc: Option<Vpc>,
    pub subnets: Vec<Subnet>,
    pub table: Option<RouteTable>,
    pub groups: Vec<SecurityGroup>,
}

pub async fn view(p: &Configured, names: &Names, region: &str) -> Result<RegionView, Failure> {
    let ec2 = p.ec2(region);
    let base = &names.base;
    let look = async {
        let Some(vpc) = vpc::find_vpc(&ec2, base).await? else {
            return Ok::<_, AwsError>((None, vec![], None, vec![]));
        };
        let group_names: Vec<String> = Tier::ALL.iter().map(|t| names.security_group(*t)).collect();
        let (subnets, table, groups) = futures::try_join!(
            subnet::find_subnets(&ec2, &vpc.id, base),
            route_table::find_route_table(&ec2, &vpc.id, base),
            security_group::find_security_groups(&ec2, &vpc.id, &group_names),
        )?;
        Ok((Some(vpc), subnets, table, groups))
    };
    let (vpc, subnets, table, groups) = look.await.in_region(region)?;
    Ok(RegionView { region: region.to_string(), vpc, subnets, table, groups })
}

/// The refreshed state, or None when nothing of the network exists any more. `prior`
/// supplies what AWS cannot tell: the name, timeouts, and the arguments a repair must not
/// change (`az_count` stays what was asked even while a subnet is missing).
pub async fn refresh(
    p: &Configured,
    names: &Names,
    regions: &[String; 2],
    prior: &Value,
) -> Result<Option<Value>, Failure> {
    let (home, away) = futures::try_join!(view(p, names, &regions[0]), view(p, names, &regions[1]))?;
    let peerings = peering::find_peerings(&p.ec2(&regions[0]), &names.base).await.in_region(&regions[0])?;
    if home.vpc.is_none() && away.vpc.is_none() && peerings.is_empty() {
        return Ok(None);
    }
    let views = [&home, &away];
    let mut state = prior.clone();

    // A VPC's range cannot change; a missing VPC keeps what was recorded.
    let cidrs: Vec<Option<String>> = SIDES
        .iter()
        .zip(views)
        .map(|(side, v)| {
            let recorded = prior.get(&format!("{side}_cidr")).as_str().map(str::to_string);
            v.vpc.as_ref().map(|vpc| vpc.cidr.clone()).or(recorded)
        })
        .collect();
    for (side, cidr) in SIDES.iter().zip(&cidrs) {
        state.set(&format!("{side}_cidr"), Value::opt_string(cidr.clone()));
    }

    let joining = match (&home.vpc, &away.vpc) {
        (Some(h), Some(a)) => peerings.iter().find(|x| x.joins(&h.id, &a.id) && x.status == "active"),
        _ => None,
    };
    let working = joining.filter(|x| {
        let routed = |v: &RegionView, remote: &Option<String>| {
            v.table.as_ref().zip(remote.as_deref()).is_some_and(|(t, dest)| t.routes_via(dest, &x.id))
        };
        x.dns_both_ways() && routed(&home, &cidrs[1]) && routed(&away, &cidrs[0])
    });
    state.set("peering_connection_id", Value::opt_string(working.map(|x| x.id.clone())));

    for (i, (side, v)) in SIDES.iter().zip(views).enumerate() {
        state.set(side, region_value(v, names, [cidrs[i].as_deref(), cidrs[1 - i].as_deref()]));
    }
    state.set("inventory", Value::List(inventory(&views, &peerings)));

    // Arguments AWS can tell, for imports; a repair keeps what was asked for.
    if prior.get("az_count").is_null() {
        let most = views.iter().map(|v| v.subnets.len()).max().unwrap_or(0);
        state.set("az_count", if most > 0 { Value::int(most as i64) } else { Value::Null });
    }
    if prior.get("subnet_prefix_length").is_null() {
        let prefix = views.iter().flat_map(|v| &v.subnets).find_map(|s| Cidr::parse(&s.cidr).ok());
        state.set("subnet_prefix_length", prefix.map_or(Value::Null, |c| Value::int(c.prefix.into())));
    }
    state.set("id", Value::string(&names.base));
    state.set("primary_region", Value::string(&regions[0]));
    state.set("secondary_region", Value::string(&regions[1]));
    Ok(Some(state))
}

/// One region's object; null when its VPC is gone. `cidrs` is `[this VPC's, the other's]`.
fn region_value(v: &RegionView, names: &Names, cidrs: [Option<&str>; 2]) -> Value {
    let Some(vpc) = &v.vpc else { return Value::Null };
    let table = v.table.as_ref().filter(|t| v.subnets.iter().all(|s| t.is_associated(&s.id)));
    let mut out = Value::object([
        ("vpc_id", Value::string(&vpc.id)),
        ("cidr", Value::string(&vpc.cidr)),
        ("subnet_ids", Value::strings(v.subnets.iter().map(|s| s.id.clone()))),
        ("route_table_id", Value::opt_string(table.map(|t| t.id.clone()))),
    ]);
    for tier in Tier::ALL {
        let name = names.security_group(tier);
        let complete = |g: &&SecurityGroup| {
            tier.port().is_none_or(|port| cidrs.iter().all(|c| c.is_some_and(|c| g.allows_tcp(port, c))))
        };
        let group = v.groups.iter().find(|g| g.name == name).filter(complete);
        out.set(tier.attr(), Value::opt_string(group.map(|g| g.id.clone())));
    }
    out
}

/// Everything that exists, in creation order: per region the VPC, subnets, route table and
/// security groups; then the peering(s); then the routes through them.
fn inventory(views: &[&RegionView; 2], peerings: &[Peering]) -> Vec<Value> {
    let mut items = Vec::new();
    for v in views {
        let Some(vpc) = &v.vpc else { continue };
        items.push(item("vpc", &v.region, &vpc.id));
        items.extend(v.subnets.iter().map(|s| item("subnet", &v.region, &s.id)));
        items.extend(v.table.iter().map(|t| item("route_table", &v.region, &t.id)));
        items.extend(v.groups.iter().map(|g| item("security_group", &v.region, &g.id)));
    }
    items.extend(peerings.iter().map(|x| item("vpc_peering_connection", &views[0].region, &x.id)));
    for v in views {
        let Some(table) = &v.table else { continue };
        for r in table.routes.iter().filter(|r| r.peering_id.is_some()) {
            items.push(item("route", &v.region, &format!("{}_{}", table.id, r.destination)));
        }
    }
    items
}
