//! `drpair_session_table`: a DynamoDB global table with its replica in the secondary region.
//!
//! - [`schema`], [`plan`]: the schema; validation and planning (pure)
//! - [`table`]: the DynamoDB calls
//!
//! Create and update share one path that adopts what exists, so a killed apply converges and a
//! replica deleted outside Terraform is re-added in place.

mod plan;
mod schema;
mod table;

use std::collections::BTreeMap;

use aws_sdk_dynamodb::types::KeyType;

use crate::aws::AwsError;
use crate::aws::wait::{Waiter, parse_duration};
use crate::provider::Configured;
use crate::resources::{
    OpCtx, Outcome, PlanRequest, PlanResponse, Resource, import_skeleton, inventory_item, set_identity,
    without_unknowns,
};
use crate::tfplugin::diag::Diagnostics;
use crate::tfplugin::schema::Schema;
use crate::tfplugin::value::Value;

const DEFAULT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30 * 60);

pub struct SessionTable {
    schema: Schema,
}

impl SessionTable {
    pub fn new() -> Self {
        SessionTable { schema: schema::schema() }
    }
}

fn identity(state: &Value) -> Option<(String, [String; 2])> {
    let name = state.get("id").as_str()?.to_string();
    Some((
        name,
        [
            state.get("primary_region").as_str()?.to_string(),
            state.get("secondary_region").as_str()?.to_string(),
        ],
    ))
}

fn waiter(ctx: &OpCtx, state: &Value, op: &str) -> Waiter {
    let t = state.get("timeouts").get(op).as_str().and_then(parse_duration).unwrap_or(DEFAULT_TIMEOUT);
    Waiter::new(t, Some(ctx.stop.clone()))
}

fn error(verb: &str, name: &str, region: &str, e: &AwsError) -> Diagnostics {
    let mut d = Diagnostics::default();
    d.error(format!("{verb} session table ({name}) in {region}"), e.to_string());
    d
}

fn witness(state: &Value) -> Option<&str> {
    (state.get("consistency").as_str() == Some("strong"))
        .then(|| state.get("witness_region").as_str())
        .flatten()
}

/// Brings both regions to `planned`, one replica change at a time.
async fn converge(
    p: &Configured,
    name: &str,
    regions: &[String; 2],
    planned: &Value,
    w: &Waiter,
) -> Result<(), AwsError> {
    let home = p.dynamodb(&regions[0]);
    let billing = planned.get("billing_mode").as_str().unwrap_or("PAY_PER_REQUEST");
    let capacity = planned.get("read_capacity").as_i64().zip(planned.get("write_capacity").as_i64());
    if table::find_table(&home, name).await?.is_none() {
        let mut keys = vec![(
            planned.get("hash_key").as_str().unwrap_or_default(),
            planned.get("hash_key_type").as_str().unwrap_or("S"),
            KeyType::Hash,
        )];
        if let Some(range) = planned.get("range_key").as_str() {
            keys.push((range, planned.get("range_key_type").as_str().unwrap_or("S"), KeyType::Range));
        }
        crate::info!("creating table {name} in {}", regions[0]);
        table::create_table(
            &home,
            table::NewTable {
                name,
                keys,
                billing_mode: billing,
                capacity,
                streams: witness(planned).is_none(),
                deletion_protection: planned.get("deletion_protection").as_bool().unwrap_or(false),
                tags: &p.tags("drpair_session_table", name),
            },
        )
        .await?;
    }
    let current = table::wait_active(&home, name, w).await?;
    // TTL before the replica exists: it is then copied to it.
    let want_ttl = planned.get("ttl_attribute").as_str();
    let have_ttl = table::find_ttl(&home, name).await?;
    if want_ttl != have_ttl.as_deref() {
        match (want_ttl, &have_ttl) {
            (Some(attr), _) => table::set_ttl(&home, name, attr, true).await?,
            (None, Some(attr)) => table::set_ttl(&home, name, attr, false).await?,
            (None, None) => {}
        }
    }
    if current.replica_status(&regions[1]).is_none() {
        crate::info!("adding replica of {name} in {}", regions[1]);
        table::add_replica(&home, name, &regions[1], witness(planned)).await?;
    }
    let current = table::wait_active(&home, name, w).await?;
    let billing_change = (current.billing_mode != billing
        || (billing == "PROVISIONED"
            && (current.read_capacity, current.write_capacity)
                != (capacity.map(|c| c.0), capacity.map(|c| c.1))))
        .then_some((billing, capacity));
    if billing_change.is_some() {
        table::update_settings(&home, name, billing_change, None).await?;
        table::wait_active(&home, name, w).await?;
    }
    // Per-replica settings: deletion protection and PITR, region by region.
    let protect = planned.get("deletion_protection").as_bool().unwrap_or(false);
    let pitr = planned.get("point_in_time_recovery").as_bool().unwrap_or(true);
    for region in regions {
        let ddb = p.dynamodb(region);
        let t = table::wait_active(&ddb, name, w).await?;
        if t.deletion_protection != protect {
            table::update_settings(&ddb, name, None, Some(protect)).await?;
        }
        if table::find_pitr(&ddb, name).await? != pitr {
            table::set_pitr(&ddb, name, pitr).await?;
        }
    }
    Ok(())
}

/// The state as DynamoDB reports it; None when the table is gone from the primary region.
async fn refresh(
    p: &Configured,
    name: &str,
    regions: &[String; 2],
    prior: &Value,
) -> Result<Option<Value>, AwsError> {
    let home = p.dynamodb(&regions[0]);
    let Some(t) = table::find_table(&home, name).await? else { return Ok(None) };
    let mut state = prior.clone();
    let mut arns = BTreeMap::new();
    let mut streams = BTreeMap::new();
    let mut status = BTreeMap::new();
    let mut inventory = Vec::new();
    let mut pitr_everywhere = true;
    let mut protected_everywhere = true;
    for (i, region) in regions.iter().enumerate() {
        // The replica counts only while the primary lists it.
        let listed = i == 0 || t.replica_status(region).is_some();
        let found =
            if i == 0 { Some(t.clone()) } else { table::find_table(&p.dynamodb(region), name).await? };
        let Some(rt) = found.filter(|_| listed) else { continue };
        arns.insert(region.clone(), Value::string(&rt.arn));
        if let Some(s) = &rt.stream_arn {
            streams.insert(region.clone(), Value::string(s));
        }
        status.insert(
            region.clone(),
            Value::string(if i == 0 { &rt.status } else { t.replica_status(region).unwrap_or_default() }),
        );
        inventory.push(inventory_item(
            if i == 0 { "dynamodb_table" } else { "dynamodb_replica" },
            region,
            &rt.arn,
        ));
        pitr_everywhere &= table::find_pitr(&p.dynamodb(region), name).await?;
        protected_everywhere &= rt.deletion_protection;
    }
    state.set("id", Value::string(name));
    state.set("primary_region", Value::string(&regions[0]));
    state.set("secondary_region", Value::string(&regions[1]));
    state.set("table_arns", Value::Map(arns));
    state.set("stream_arns", Value::Map(streams));
    state.set("replica_status", Value::Map(status));
    state.set("inventory", Value::List(inventory));
    state.set("billing_mode", Value::string(&t.billing_mode));
    state.set(
        "read_capacity",
        t.read_capacity.filter(|_| t.billing_mode == "PROVISIONED").map_or(Value::Null, Value::int),
    );
    state.set(
        "write_capacity",
        t.write_capacity.filter(|_| t.billing_mode == "PROVISIONED").map_or(Value::Null, Value::int),
    );
    state.set("ttl_attribute", Value::opt_string(table::find_ttl(&home, name).await?));
    state.set("point_in_time_recovery", Value::Bool(pitr_everywhere));
    state.set("deletion_protection", Value::Bool(protected_everywhere));
    Ok(Some(state))
}

#[tonic::async_trait]
impl Resource for SessionTable {
    fn type_name(&self) -> &'static str {
        "drpair_session_table"
    }

    fn schema(&self) -> &Schema {
        &self.schema
    }

    fn validate(&self, config: &Value, diags: &mut Diagnostics) {
        plan::validate(config, diags);
    }

    fn plan(&self, req: PlanRequest<'_>, resp: &mut PlanResponse) {
        plan::plan(req, resp);
    }

    async fn apply(&self, ctx: &OpCtx, prior: &Value, planned: &Value, _config: &Value) -> Outcome {
        let p = &ctx.provider;
        let mut state = planned.clone();
        set_identity(&mut state, p);
        let (name, regions) = identity(&state).expect("identity set above");
        let w = waiter(ctx, planned, if prior.is_null() { "create" } else { "update" });
        let result = converge(p, &name, &regions, &state, &w).await;
        let mut diags = match &result {
            Ok(()) => Diagnostics::default(),
            Err(e) => error(if prior.is_null() { "Creating" } else { "Updating" }, &name, &regions[0], e),
        };
        match refresh(p, &name, &regions, &state).await {
            Ok(Some(fresh)) => state = fresh,
            Ok(None) if prior.is_null() => state = Value::Null,
            Ok(None) => {}
            Err(e) => diags.extend(error("Reading", &name, &regions[0], &e)),
        }
        Outcome { state: without_unknowns(&state), diags }
    }

    async fn delete(&self, ctx: &OpCtx, prior: &Value) -> Diagnostics {
        let Some((name, regions)) = identity(prior) else { return Diagnostics::default() };
        let p = &ctx.provider;
        let w = waiter(ctx, prior, "delete");
        let home = p.dynamodb(&regions[0]);
        let run = async {
            let Some(t) = table::find_table(&home, &name).await? else { return Ok(()) };
            if t.deletion_protection {
                return Err(AwsError::BadState {
                    what: format!("table {name}"),
                    state: "deletion_protection is true; set it to false and apply before destroying".into(),
                });
            }
            // Replica (and witness) first, then the table: one change at a time.
            if t.replica_status(&regions[1]).is_some() {
                table::wait_active(&home, &name, &w).await?;
                table::remove_replica(&home, &name, &regions[1], witness(prior)).await?;
                table::wait_active(&home, &name, &w).await?;
            }
            table::delete_table(&home, &name, &w).await?;
            // A replica detached outside Terraform would be left as a plain table: remove it too.
            table::delete_table(&p.dynamodb(&regions[1]), &name, &w).await
        };
        match run.await {
            Ok(()) => Diagnostics::default(),
            Err(e) => error("Deleting", &name, &regions[0], &e),
        }
    }

    async fn read(&self, ctx: &OpCtx, state: &Value) -> Outcome {
        let Some((name, regions)) = identity(state) else {
            return Outcome { state: state.clone(), diags: Diagnostics::default() };
        };
        match refresh(&ctx.provider, &name, &regions, state).await {
            Ok(Some(fresh)) => Outcome { state: fresh, diags: Diagnostics::default() },
            Ok(None) => Outcome { state: Value::Null, diags: Diagnostics::default() },
            Err(e) => Outcome { state: state.clone(), diags: error("Reading", &name, &regions[0], &e) },
        }
    }

    async fn import(&self, ctx: &OpCtx, id: &str) -> Outcome {
        let s = &ctx.provider.settings;
        let mut state = match import_skeleton(ctx, &self.schema, id, "", "session table") {
            Ok(state) => state,
            Err(diags) => return Outcome { state: Value::Null, diags },
        };
        let mut diags = Diagnostics::default();
        let home = ctx.provider.dynamodb(&s.primary_region);
        let described = home.describe_table().table_name(id).send().await;
        let Ok(Some(t)) = described.map(|o| o.table) else {
            diags.error("Cannot import session table", format!("No table {id:?} in {}.", s.primary_region));
            return Outcome { state: Value::Null, diags };
        };
        let types: BTreeMap<String, String> = t
            .attribute_definitions()
            .iter()
            .map(|a| (a.attribute_name().to_string(), a.attribute_type().as_str().to_string()))
            .collect();
        for k in t.key_schema() {
            let (key, kind) = if k.key_type() == &KeyType::Hash {
                ("hash_key", "hash_key_type")
            } else {
                ("range_key", "range_key_type")
            };
            state.set(key, Value::string(k.attribute_name()));
            state.set(kind, Value::opt_string(types.get(k.attribute_name()).cloned()));
        }
        let strong = t.multi_region_consistency().is_some_and(|m| m.as_str() == "STRONG");
        state.set("consistency", Value::string(if strong { "strong" } else { "eventual" }));
        let witness = t.global_table_witnesses().iter().find_map(|w| w.region_name().map(str::to_string));
        state.set("witness_region", if strong { Value::opt_string(witness) } else { Value::Null });
        state.set("rpo_bound_seconds", if strong { Value::int(0) } else { Value::Null });
        let mut resp = PlanResponse::default();
        plan::plan(
            PlanRequest { prior: &Value::Null, config: &state, provider: Some(&ctx.provider) },
            &mut resp,
        );
        state.set("rpo", resp.planned.get("rpo").clone());
        self.read(ctx, &state).await
    }
}
