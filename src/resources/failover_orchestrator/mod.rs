//! `drpair_failover_orchestrator`: the pair fails over and back without a human.
//!
//! - [`schema`], [`plan`], [`model`]: schema, validation, planning, recovery objectives (pure)
//! - [`definition`]: each region's state machine (Amazon States Language, pure)
//! - [`rules`], [`policy`]: each region's EventBridge rules and IAM documents (pure)
//! - [`converge`]: create, update and repair (one idempotent path) and drift
//! - [`calls`]: the AWS calls; [`import`] rebuilds the arguments from AWS
//!
//! Detection is a dead man's switch per region: each region's state machine puts a heartbeat
//! event every `heartbeat_interval_seconds`, EventBridge forwards it to the other region,
//! whose state machine turns it into a metric there; an alarm on that metric, in the
//! survivor, goes to ALARM when the heartbeats stop, and its state change starts the
//! survivor's failover. Nothing on that path needs the failed region to answer.

mod calls;
mod converge;
mod definition;
mod import;
mod model;
mod plan;
mod policy;
mod rules;
mod schema;

use std::time::Duration;

use futures::future::try_join_all;

use crate::aws::AwsError;
use crate::aws::wait::{Waiter, parse_duration};
use crate::provider::Configured;
use crate::resources::common::iam_role;
use crate::resources::common::package::{code_sha256, read_local_package};
use crate::resources::{
    OpCtx, Outcome, PlanRequest, PlanResponse, Resource, finish_import, import_skeleton, inventory_item,
    set_identity, without_unknowns,
};
use crate::tfplugin::diag::Diagnostics;
use crate::tfplugin::schema::Schema;
use crate::tfplugin::value::Value;

use model::{
    RESOURCE_TYPE, ROLE_KINDS, ROLE_POLICY, ROLES, Want, desired, lock_parameter, readiness_function,
    readiness_report_parameter, role_name,
};

const DEFAULT_OP_TIMEOUT: Duration = Duration::from_secs(15 * 60);

pub struct FailoverOrchestrator {
    schema: Schema,
}

impl FailoverOrchestrator {
    pub fn new() -> Self {
        FailoverOrchestrator { schema: schema::schema() }
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

fn want_of(state: &Value) -> Option<Want> {
    let (id, regions) = identity(state)?;
    desired(&id, [&regions[0], &regions[1]], state)
}

fn error(verb: &str, id: &str, detail: impl Into<String>) -> Diagnostics {
    let mut d = Diagnostics::default();
    d.error(format!("{verb} failover orchestrator ({id})"), detail);
    d
}

fn op_timeout(state: &Value, op: &str) -> Duration {
    state.get("timeouts").get(op).as_str().and_then(parse_duration).unwrap_or(DEFAULT_OP_TIMEOUT)
}

/// The state as AWS has it: each region's parts, what drifted, the inventory. None when
/// nothing of it exists in either region.
async fn refresh(p: &Configured, w: &Want, prior: &Value) -> Result<Option<Value>, AwsError> {
    let package =
        (prior.get("readiness_package_path").as_str(), prior.get("readiness_package_sha256").as_str());
    let seen = try_join_all((0..2).map(|i| converge::seen(p, w, i))).await?;
    let anything = seen.iter().any(|s| {
        s.machine.is_some()
            || s.function.is_some()
            || !s.alarms.is_empty()
            || !s.rules.is_empty()
            || s.roles.iter().any(Option::is_some)
    });
    if !anything {
        return Ok(None);
    }
    let mut state = prior.clone();
    let mut inventory = Vec::new();
    let mut drift = Vec::new();
    for (i, s) in seen.iter().enumerate() {
        let region = &w.regions[i];
        drift.extend(converge::drift(w, i, package, s));
        for r in s.roles.iter().flatten() {
            inventory.push(inventory_item("iam_role", "global", &r.arn));
        }
        for name in s.alarms.keys() {
            inventory.push(inventory_item("cloudwatch_metric_alarm", region, name));
        }
        if s.function.is_some() {
            inventory.push(inventory_item("lambda_function", region, &readiness_function(&w.id, region)));
        }
        if s.machine.is_some() {
            inventory.push(inventory_item("sfn_state_machine", region, &w.state_machine_arn(i)));
        }
        for name in s.rules.keys() {
            inventory.push(inventory_item("eventbridge_rule", region, name));
        }
        let machine = s.machine.as_ref().map(|_| w.state_machine_arn(i));
        let mut o = prior.get(ROLES[i]).clone();
        if o.is_null() || o.is_unknown() {
            o = Value::object([("region", Value::string(region))]);
        }
        o.set("state_machine_arn", Value::opt_string(machine));
        o.set("role_arn", Value::opt_string(s.roles[0].as_ref().map(|r| r.arn.clone())));
        let alarm = |n: String| if s.alarms.contains_key(&n) { Value::string(n) } else { Value::Null };
        o.set("peer_down_alarm_name", alarm(model::peer_down_alarm(&w.id, region)));
        o.set("readiness_alarm_name", alarm(model::not_ready_alarm(&w.id, region)));
        o.set(
            "readiness_function_name",
            Value::opt_string(s.function.as_ref().map(|_| readiness_function(&w.id, region))),
        );
        state.set(ROLES[i], o);
    }
    state.set("drift", Value::strings(drift));
    state.set("inventory", Value::List(inventory));
    Ok(Some(state))
}

/// Per region: rules (targets first), the function, the alarms, the machine, our parameters;
/// then the roles. Not-found is success everywhere, so a half-made orchestrator goes too.
async fn delete_all(
    p: &Configured,
    id: &str,
    regions: &[String; 2],
    active_parameter: Option<&str>,
) -> Result<(), AwsError> {
    try_join_all(regions.iter().map(|region| async move {
        let all = calls::find_rules(p, region, id).await?;
        let owned = converge::owned_rule_names(id);
        for (name, r) in all.iter().filter(|(n, _)| owned.contains(n)) {
            calls::delete_rule(p, region, name, r).await?;
        }
        calls::delete_function(p, region, &readiness_function(id, region)).await?;
        let alarms = calls::find_alarms(
            p,
            region,
            &[model::peer_down_alarm(id, region), model::not_ready_alarm(id, region)],
        )
        .await?;
        calls::delete_alarms(p, region, alarms.into_keys().collect()).await?;
        if let Some(arn) = calls::find_machine_arn(p, region, &model::state_machine_name(id, region)).await? {
            calls::delete_machine(p, region, &arn).await?;
        }
        calls::delete_parameter(p, region, &lock_parameter(id)).await?;
        calls::delete_parameter(p, region, &readiness_report_parameter(id)).await?;
        if let Some(name) = active_parameter {
            calls::delete_parameter(p, region, name).await?;
        }
        Ok::<_, AwsError>(())
    }))
    .await?;
    let iam = p.iam();
    for region in regions {
        for k in ROLE_KINDS {
            iam_role::delete(&iam, &role_name(id, region, k), ROLE_POLICY).await?;
        }
    }
    Ok(())
}

#[tonic::async_trait]
impl Resource for FailoverOrchestrator {
    fn type_name(&self) -> &'static str {
        RESOURCE_TYPE
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
        let creating = prior.is_null();
        let mut state = planned.clone();
        set_identity(&mut state, p);
        let (id, _) = identity(&state).expect("identity is set above");
        let verb = if creating { "Creating" } else { "Updating" };
        let keep = || if creating { Value::Null } else { prior.clone() };
        let Some(want) = want_of(&state) else {
            return Outcome {
                state: keep(),
                diags: error(verb, &id, "Some argument is still unknown at apply."),
            };
        };
        let path = state.get("readiness_package_path").as_str().unwrap_or_default().to_string();
        let zip = match read_local_package(&path) {
            Ok(zip) => zip,
            Err(why) => return Outcome { state: keep(), diags: error(verb, &id, why) },
        };
        let sha256 = code_sha256(&zip);
        state.set("readiness_package_sha256", Value::string(&sha256));
        let waiter = Waiter::new(
            op_timeout(planned, if creating { "create" } else { "update" }),
            Some(ctx.stop.clone()),
        );
        let run = converge::Converge {
            provider: p,
            want: &want,
            package: &converge::Package { path, zip, sha256 },
            tags: p.tags(RESOURCE_TYPE, &id),
            waiter,
        }
        .run()
        .await;

        // Whatever happened, record what exists now, so nothing is forgotten.
        let mut diags = match &run {
            Ok(()) => Diagnostics::default(),
            Err(e) => error(verb, &id, e.to_string()),
        };
        match refresh(p, &want, &state).await {
            Ok(Some(fresh)) => state = fresh,
            Ok(None) if creating => state = Value::Null,
            Ok(None) => {}
            Err(e) => diags.extend(error("Reading", &id, e.to_string())),
        }
        Outcome { state: without_unknowns(&state), diags }
    }

    async fn delete(&self, ctx: &OpCtx, prior: &Value) -> Diagnostics {
        let Some((id, regions)) = identity(prior) else { return Diagnostics::default() };
        // Only the default-named active-region parameter is ours to delete.
        let owned_active =
            prior.get("active_region_parameter").is_null().then(|| model::default_active_parameter(&id));
        match delete_all(&ctx.provider, &id, &regions, owned_active.as_deref()).await {
            Ok(()) => Diagnostics::default(),
            Err(e) => error("Deleting", &id, e.to_string()),
        }
    }

    async fn read(&self, ctx: &OpCtx, state: &Value) -> Outcome {
        let Some(want) = want_of(state) else {
            return Outcome { state: state.clone(), diags: Diagnostics::default() };
        };
        match refresh(&ctx.provider, &want, state).await {
            Ok(Some(fresh)) => Outcome { state: fresh, diags: Diagnostics::default() },
            Ok(None) => {
                crate::info!("failover orchestrator {} is gone; Terraform will plan to create it", want.id);
                Outcome { state: Value::Null, diags: Diagnostics::default() }
            }
            Err(e) => Outcome { state: state.clone(), diags: error("Reading", &want.id, e.to_string()) },
        }
    }

    /// Import by the id `<name>-<environment>-<suffix>`: the arguments are rebuilt from the
    /// state machines, alarms, rules and readiness function (see [`import`]).
    async fn import(&self, ctx: &OpCtx, id: &str) -> Outcome {
        let mut state = match import_skeleton(ctx, &self.schema, id, "", "failover orchestrator") {
            Ok(state) => state,
            Err(diags) => return Outcome { state: Value::Null, diags },
        };
        let (_, regions) = identity(&state).expect("skeleton has the identity");
        match import::reconstruct(&ctx.provider, id, &regions, &mut state).await {
            Ok(true) => {}
            Ok(false) => {
                return finish_import(
                    Outcome { state: Value::Null, diags: Diagnostics::default() },
                    "failover orchestrator",
                    || format!("No state machine {id}-<region> in {} or {}.", regions[0], regions[1]),
                );
            }
            Err(e) => return Outcome { state: Value::Null, diags: error("Importing", id, e.to_string()) },
        }
        self.read(ctx, &state).await
    }
}
