//! `drpair_event_bus`: an EventBridge bus in each region, rules forwarding critical events to
//! the other region's bus through least-privilege roles, archives on both buses, and replay.
//!
//! - [`schema`], [`plan`], [`model`]: schema, validation and planning, names, patterns and
//!   IAM documents (pure)
//! - [`converge`]: create, update and repair (one idempotent path)
//! - [`refresh`]: read, drift, import
//! - [`calls`]: the EventBridge calls; the roles are [`iam_role`]s
//!
//! Loops: a forwarded event keeps the `region` it was put in, and each bus forwards only events
//! whose `region` is its own, so a forwarded copy is never sent back.

mod calls;
mod converge;
mod model;
mod plan;
mod refresh;
mod schema;

use std::time::Duration;

use futures::future::try_join_all;

use crate::aws::AwsError;
use crate::aws::wait::{Waiter, parse_duration};
use crate::provider::Configured;
use crate::resources::common::iam_role;
use crate::resources::{
    OpCtx, Outcome, PlanRequest, PlanResponse, Resource, finish_import, import_skeleton, set_identity,
    without_unknowns,
};
use crate::tfplugin::diag::Diagnostics;
use crate::tfplugin::schema::Schema;
use crate::tfplugin::value::Value;

use model::{DEFAULT_RETENTION_DAYS, POLICY_NAME, RESOURCE_TYPE, Replay, parse_patterns, role_name};

const DEFAULT_OP_TIMEOUT: Duration = Duration::from_secs(10 * 60);

pub struct EventBus {
    schema: Schema,
}

impl EventBus {
    pub fn new() -> Self {
        EventBus { schema: schema::schema() }
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

fn error(verb: &str, id: &str, detail: impl Into<String>) -> Diagnostics {
    let mut d = Diagnostics::default();
    d.error(format!("{verb} event bus pair ({id})"), detail);
    d
}

fn op_timeout(state: &Value, op: &str) -> Duration {
    state.get("timeouts").get(op).as_str().and_then(parse_duration).unwrap_or(DEFAULT_OP_TIMEOUT)
}

/// Per region: our rules (targets first), the archive, the bus; then the roles.
async fn delete_all(p: &Configured, id: &str, regions: &[String; 2]) -> Result<(), AwsError> {
    try_join_all(regions.iter().map(|region| async move {
        let eb = p.eventbridge(region);
        for (name, rule) in calls::find_rules(&eb, id, id).await? {
            if converge::is_ours(id, &name) {
                calls::delete_rule(&eb, id, &name, &rule).await?;
            }
        }
        calls::delete_archive(&eb, id).await?;
        calls::delete_bus(&eb, id).await
    }))
    .await?;
    let iam = p.iam();
    iam_role::delete(&iam, &role_name(id, 0), POLICY_NAME).await?;
    iam_role::delete(&iam, &role_name(id, 1), POLICY_NAME).await
}

#[tonic::async_trait]
impl Resource for EventBus {
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
        let (id, regions) = identity(&state).expect("identity is set above");
        let verb = if creating { "Creating" } else { "Updating" };
        let (Some(patterns), Some(days)) = (
            parse_patterns(planned.get("forward_event_patterns")),
            planned.get("archive_retention_days").as_i64(),
        ) else {
            let state = if creating { Value::Null } else { prior.clone() };
            return Outcome { state, diags: error(verb, &id, "Some argument is still unknown at apply.") };
        };
        let replay = if planned.get("replay_name").is_unknown() {
            Replay::from_value(planned.get("replay"))
        } else {
            None
        };
        if let Some(r) = &replay {
            state.set("replay_name", Value::string(r.name(&id)));
        }
        let waiter = Waiter::new(
            op_timeout(planned, if creating { "create" } else { "update" }),
            Some(ctx.stop.clone()),
        );
        let run = converge::Converge {
            provider: p,
            id: &id,
            regions: [&regions[0], &regions[1]],
            patterns: &patterns,
            retention_days: i32::try_from(days).unwrap_or(DEFAULT_RETENTION_DAYS as i32),
            replay,
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
        match refresh::refresh(p, &id, &regions, &state).await {
            Ok(Some(mut fresh)) => {
                // Terraform requires the planned arguments back.
                for attr in plan::ARGUMENTS {
                    fresh.set(attr, planned.get(attr).clone());
                }
                state = fresh;
            }
            Ok(None) if creating => state = Value::Null,
            Ok(None) => {}
            Err(e) => diags.extend(error("Reading", &id, e.to_string())),
        }
        Outcome { state: without_unknowns(&state), diags }
    }

    async fn delete(&self, ctx: &OpCtx, prior: &Value) -> Diagnostics {
        let Some((id, regions)) = identity(prior) else { return Diagnostics::default() };
        match delete_all(&ctx.provider, &id, &regions).await {
            Ok(()) => Diagnostics::default(),
            Err(e) => error("Deleting", &id, e.to_string()),
        }
    }

    async fn read(&self, ctx: &OpCtx, state: &Value) -> Outcome {
        let Some((id, regions)) = identity(state) else {
            return Outcome { state: state.clone(), diags: Diagnostics::default() };
        };
        match refresh::refresh(&ctx.provider, &id, &regions, state).await {
            Ok(Some(fresh)) => Outcome { state: fresh, diags: Diagnostics::default() },
            Ok(None) => {
                crate::info!("event bus pair {id} is gone; Terraform will plan to create it");
                Outcome { state: Value::Null, diags: Diagnostics::default() }
            }
            Err(e) => Outcome { state: state.clone(), diags: error("Reading", &id, e.to_string()) },
        }
    }

    /// Import by the id `<name>-<environment>-<suffix>`: patterns from the rules, retention
    /// from the archives. A `replay` is not imported (it is an action, not an object).
    async fn import(&self, ctx: &OpCtx, id: &str) -> Outcome {
        let state = match import_skeleton(ctx, &self.schema, id, "", "event bus pair") {
            Ok(state) => state,
            Err(diags) => return Outcome { state: Value::Null, diags },
        };
        let out = self.read(ctx, &state).await;
        finish_import(out, "event bus pair", || {
            format!("No event bus, archive or role named {id}... in either region.")
        })
    }
}
