//! `drpair_region_health`: one CloudWatch composite alarm per region, the "region healthy"
//! signal the failover orchestrator consumes.
//!
//! - [`schema`], [`plan`], [`model`]: the schema; validation and planning (pure)
//! - [`alarms`]: the CloudWatch calls
//!
//! Every alarm name is derived from the resource id and the region, so create, update and
//! repair are one converge: put the owned metric alarms, then the composite (both upserts),
//! then remove owned alarms no longer wanted.

mod alarms;
mod model;
mod plan;
mod schema;

use futures::future::try_join_all;

use crate::aws::AwsError;
use crate::provider::Configured;
use crate::resources::{
    OpCtx, Outcome, PlanRequest, PlanResponse, Resource, finish_import, import_skeleton, inventory_item,
    without_unknowns,
};
use crate::tfplugin::diag::Diagnostics;
use crate::tfplugin::schema::Schema;
use crate::tfplugin::value::Value;

use model::{ROLES, RegionWant, composite_name, desired, endpoint_alarm_name, lag_alarm_name, rule_members};

pub struct RegionHealth {
    schema: Schema,
}

impl RegionHealth {
    pub fn new() -> Self {
        RegionHealth { schema: schema::schema() }
    }
}

fn identity(state: &Value) -> Option<(String, [String; 2])> {
    Some((
        state.get("id").as_str()?.to_string(),
        [
            state.get("primary_region").as_str()?.to_string(),
            state.get("secondary_region").as_str()?.to_string(),
        ],
    ))
}

fn error(verb: &str, id: &str, e: &AwsError) -> Diagnostics {
    let mut d = Diagnostics::default();
    d.error(format!("{verb} region health alarms ({id})"), e.to_string());
    d
}

/// Every alarm name this resource may own in a region, composite first.
fn owned_names(id: &str, region: &str) -> Vec<String> {
    vec![composite_name(id, region), lag_alarm_name(id, region), endpoint_alarm_name(id, region)]
}

/// Members first, so the composite never names an alarm that does not exist yet.
async fn converge_region(p: &Configured, id: &str, want: &RegionWant) -> Result<(), AwsError> {
    let cw = p.cloudwatch(&want.region);
    let tags = p.tags("drpair_region_health", id);
    try_join_all(want.owned.iter().map(|o| alarms::put_metric_alarm(&cw, o, &tags))).await?;
    let found = alarms::find(&cw, &owned_names(id, &want.region)).await?;
    let rule = want.rule();
    if found.composites.get(&want.composite).map(|(_, r)| r) != Some(&rule) {
        alarms::put_composite(&cw, &want.composite, &rule, &tags).await?;
    }
    // Owned alarms the configuration no longer asks for (e.g. a DB cluster id removed).
    let wanted = want.owned_names();
    let stale: Vec<String> = found.metrics.keys().filter(|n| !wanted.contains(n)).cloned().collect();
    alarms::delete(&cw, &stale).await
}

/// The state as CloudWatch has it; None when neither region has its composite.
async fn refresh(
    p: &Configured,
    id: &str,
    regions: &[String; 2],
    prior: &Value,
) -> Result<Option<Value>, AwsError> {
    let found = try_join_all(
        regions.iter().map(|r| async move { alarms::find(&p.cloudwatch(r), &owned_names(id, r)).await }),
    )
    .await?;
    if found.iter().all(|f| f.composites.is_empty()) {
        return Ok(None);
    }
    let mut state = prior.clone();
    let mut inventory = Vec::new();
    for ((role, region), f) in ROLES.iter().zip(regions).zip(&found) {
        let composite = composite_name(id, region);
        let present = f.composites.get(&composite);
        let owned: Vec<String> = [lag_alarm_name(id, region), endpoint_alarm_name(id, region)]
            .into_iter()
            .filter(|n| f.metrics.contains_key(n))
            .collect();
        for name in &owned {
            inventory.push(inventory_item("cloudwatch_metric_alarm", region, name));
        }
        if let Some((arn, _)) = present {
            inventory.push(inventory_item("cloudwatch_composite_alarm", region, arn));
        }
        state.set(
            role,
            Value::object([
                ("region", Value::string(region)),
                ("composite_alarm_name", Value::string(&composite)),
                ("composite_alarm_arn", Value::opt_string(present.map(|(a, _)| a.clone()))),
                ("alarm_rule", Value::opt_string(present.map(|(_, r)| r.clone()))),
                ("owned_alarm_names", Value::strings(owned)),
            ]),
        );
    }
    state.set("id", Value::string(id));
    state.set("primary_region", Value::string(&regions[0]));
    state.set("secondary_region", Value::string(&regions[1]));
    state.set("inventory", Value::List(inventory));
    Ok(Some(state))
}

/// Import: the inputs as the alarms imply them (members from the rule, the cluster and the
/// health check from the owned alarms' dimensions).
async fn reconstruct(
    p: &Configured,
    id: &str,
    regions: &[String; 2],
    state: &mut Value,
) -> Result<(), AwsError> {
    for (role, region) in ROLES.iter().zip(regions) {
        let f = alarms::find(&p.cloudwatch(region), &owned_names(id, region)).await?;
        let (lag, endpoint) = (lag_alarm_name(id, region), endpoint_alarm_name(id, region));
        let rule = f.composites.get(&composite_name(id, region)).map(|(_, r)| r.clone()).unwrap_or_default();
        let members: Vec<String> =
            rule_members(&rule).into_iter().filter(|m| *m != lag && *m != endpoint).collect();
        state.set(
            &format!("{role}_alarm_names"),
            if members.is_empty() { Value::Null } else { Value::strings(members) },
        );
        if let Some((dims, threshold)) = f.metrics.get(&lag) {
            state.set(
                &format!("{role}_db_cluster_id"),
                Value::opt_string(dims.get("DBClusterIdentifier").cloned()),
            );
            state.set("replication_lag_threshold_ms", Value::int(*threshold as i64));
        }
        if let Some((dims, _)) = f.metrics.get(&endpoint) {
            state.set(
                &format!("{role}_health_check_id"),
                Value::opt_string(dims.get("HealthCheckId").cloned()),
            );
        }
    }
    if state.get("replication_lag_threshold_ms").is_null() {
        state.set("replication_lag_threshold_ms", Value::int(model::DEFAULT_LAG_THRESHOLD_MS));
    }
    Ok(())
}

#[tonic::async_trait]
impl Resource for RegionHealth {
    fn type_name(&self) -> &'static str {
        "drpair_region_health"
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
        let (id, regions) = identity(&state).expect("id and regions are known at plan");
        let wants = desired(&id, [&regions[0], &regions[1]], planned).expect("inputs are known at apply");
        let result = try_join_all(wants.iter().map(|w| converge_region(p, &id, w))).await;
        let mut diags = match &result {
            Ok(_) => Diagnostics::default(),
            Err(e) => error(if prior.is_null() { "Creating" } else { "Updating" }, &id, e),
        };
        match refresh(p, &id, &regions, &state).await {
            Ok(Some(fresh)) => state = fresh,
            Ok(None) if prior.is_null() => state = Value::Null,
            Ok(None) => {}
            Err(e) => diags.extend(error("Reading", &id, &e)),
        }
        Outcome { state: without_unknowns(&state), diags }
    }

    async fn delete(&self, ctx: &OpCtx, prior: &Value) -> Diagnostics {
        let Some((id, regions)) = identity(prior) else { return Diagnostics::default() };
        let p = &ctx.provider;
        let result = try_join_all(regions.iter().map(|r| {
            let id = &id;
            async move {
                let cw = p.cloudwatch(r);
                let f = alarms::find(&cw, &owned_names(id, r)).await?;
                // The composite first: it must not outlive the alarms it watches.
                alarms::delete(&cw, &f.composites.keys().cloned().collect::<Vec<_>>()).await?;
                alarms::delete(&cw, &f.metrics.keys().cloned().collect::<Vec<_>>()).await
            }
        }))
        .await;
        match result {
            Ok(_) => Diagnostics::default(),
            Err(e) => error("Deleting", &id, &e),
        }
    }

    async fn read(&self, ctx: &OpCtx, state: &Value) -> Outcome {
        let Some((id, regions)) = identity(state) else {
            return Outcome { state: state.clone(), diags: Diagnostics::default() };
        };
        match refresh(&ctx.provider, &id, &regions, state).await {
            Ok(Some(fresh)) => Outcome { state: fresh, diags: Diagnostics::default() },
            Ok(None) => Outcome { state: Value::Null, diags: Diagnostics::default() },
            Err(e) => Outcome { state: state.clone(), diags: error("Reading", &id, &e) },
        }
    }

    async fn import(&self, ctx: &OpCtx, id: &str) -> Outcome {
        let mut state = match import_skeleton(ctx, &self.schema, id, "", "region health") {
            Ok(state) => state,
            Err(diags) => return Outcome { state: Value::Null, diags },
        };
        let (_, regions) = identity(&state).expect("skeleton has the identity");
        if let Err(e) = reconstruct(&ctx.provider, id, &regions, &mut state).await {
            return Outcome { state: Value::Null, diags: error("Importing", id, &e) };
        }
        let out = self.read(ctx, &state).await;
        finish_import(out, "region health", || {
            format!("No composite alarm {} in either region.", composite_name(id, "<region>"))
        })
    }
}
