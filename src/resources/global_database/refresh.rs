//! Read: the state as AWS has it. Failover-aware: roles are reported (`writer_region`), never
//! judged, so a switchover done outside Terraform leaves the plan empty. Arguments are read
//! back too, so drift and imports show real values.

use std::collections::BTreeMap;

use super::model::Names;
use super::parts::cluster::{self, Cluster};
use super::parts::global_cluster::{self, GlobalCluster, arn_region};
use super::parts::{groups, instance, kms};
use crate::aws::AwsError;
use crate::provider::Configured;
use crate::tfplugin::value::Value;

/// Finds the global cluster from whichever region answers: during an outage of one region
/// the other still knows it.
async fn find_global(
    p: &Configured,
    regions: &[String; 2],
    id: &str,
) -> Result<Option<GlobalCluster>, AwsError> {
    match global_cluster::find_global_cluster(&p.rds(&regions[0]), id).await {
        Ok(found) => Ok(found),
        Err(e) if e.code().is_none() || e.code() == Some("ServiceUnavailable") => {
            crate::warn!("{} unreachable ({e}); asking {}", regions[0], regions[1]);
            global_cluster::find_global_cluster(&p.rds(&regions[1]), id).await
        }
        Err(e) => Err(e),
    }
}

/// The refreshed state, or None when the global database no longer exists. `prior` supplies
/// what AWS cannot tell: the name, timeouts and the password version.
pub async fn refresh(
    p: &Configured,
    names: &Names,
    regions: [String; 2],
    prior: &Value,
) -> Result<Option<Value>, AwsError> {
    let Some(global) = find_global(p, &regions, names.global_cluster()).await? else {
        return Ok(None);
    };
    let mut state = prior.clone();
    let mut clusters = BTreeMap::new();
    let mut inventory = Vec::new();
    let item = crate::resources::inventory_item;

    let mut writer: Option<Cluster> = None;
    let mut any_member: Option<Cluster> = None;
    let mut regional = Vec::new();
    for (side, region) in ["primary", "secondary"].iter().zip(&regions) {
        let rds = p.rds(region);
        let key = kms::find_key_by_alias(&p.kms(region), &names.kms_alias()).await?;
        if let Some(k) = &key {
            inventory.push(item("kms_key", region, k));
        }
        let subnets = groups::find_subnet_group(&rds, &names.subnet_group()).await?;
        if subnets.is_some() {
            inventory.push(item("db_subnet_group", region, &names.subnet_group()));
        }
        if groups::parameter_group_exists(&rds, &names.parameter_group()).await? {
            inventory.push(item("db_cluster_parameter_group", region, &names.parameter_group()));
        }
        state.set(&format!("{side}_subnet_ids"), subnets.map_or(Value::Null, Value::strings));
        // A cluster that left the global cluster no longer counts as part of the pair.
        let member = cluster::find_cluster(&rds, &names.cluster(region))
            .await?
            .filter(|c| global.member(&c.arn).is_some());
        regional.push((side, region, member));
    }
    inventory.push(item("global_cluster", &regions[0], &global.arn));

    for (side, region, member) in regional {
        let count = member.as_ref().map_or(0, |c| c.instance_ids.len() as i64);
        state.set(&format!("{side}_instance_count"), Value::int(count));
        let Some(c) = member else { continue };
        inventory.push(item("db_cluster", region, &c.arn));
        for i in &c.instance_ids {
            inventory.push(item("db_instance", region, i));
        }
        let sgs_attr = format!("{side}_security_group_ids");
        let keep_null = c.security_group_ids.is_empty() && prior.get(&sgs_attr).is_null();
        state.set(
            &sgs_attr,
            if keep_null { Value::Null } else { Value::strings(c.security_group_ids.clone()) },
        );
        clusters.insert(
            region.to_string(),
            Value::object([
                ("identifier", Value::string(&c.identifier)),
                ("arn", Value::string(&c.arn)),
                ("endpoint", Value::string(&c.endpoint)),
                ("reader_endpoint", Value::string(&c.reader_endpoint)),
                ("kms_key_arn", Value::string(&c.kms_key_arn)),
                ("instance_ids", Value::strings(c.instance_ids.clone())),
            ]),
        );
        if global.writer().is_some_and(|w| w.cluster_arn == c.arn) {
            writer = Some(c);
        } else {
            any_member = Some(c);
        }
    }

    let writer_region = global.writer().and_then(|w| arn_region(&w.cluster_arn)).map(str::to_string);
    state.set("writer_region", Value::opt_string(writer_region.clone()));
    state.set("global_cluster_arn", Value::string(&global.arn));
    state.set("id", Value::string(names.global_cluster()));
    state.set("global_cluster_id", Value::string(names.global_cluster()));
    state.set("primary_region", Value::string(&regions[0]));
    state.set("secondary_region", Value::string(&regions[1]));
    state.set("engine_version", Value::string(&global.engine_version));
    state.set("deletion_protection", Value::Bool(global.deletion_protection));
    if let (Some(w), Some(region)) = (&writer, &writer_region) {
        // A promoted secondary may not report what was set on the original writer.
        let other = any_member.as_ref();
        let database_name = w.database_name.clone().or_else(|| other?.database_name.clone());
        let master_username = w.master_username.clone().or_else(|| other?.master_username.clone());
        for (attr, value) in [("database_name", database_name), ("master_username", master_username)] {
            if let Some(v) = value.filter(|v| !v.is_empty()) {
                state.set(attr, Value::string(v));
            }
        }
        if let Some(first) = w.instance_ids.first()
            && let Some(i) = instance::find_instance(&p.rds(region), first).await?
        {
            state.set("instance_class", Value::string(i.class));
        }
        let rpo = groups::find_rpo(&p.rds(region), &names.parameter_group()).await?;
        state.set("max_rpo_seconds", rpo.map_or(Value::Null, Value::int));
        state.set("rpo_bound_seconds", rpo.map_or(Value::Null, Value::int));
    }
    state.set("clusters", Value::Map(clusters));
    state.set("inventory", Value::List(inventory));
    Ok(Some(state))
}
