//! `drpair_global_database`: an Aurora PostgreSQL global database over the two regions.
//!
//! - [`schema`]: the Terraform schema
//! - [`plan`]: validation and planning (pure)
//! - [`converge`]: create and update (one idempotent path)
//! - [`refresh`]: read, failover-aware
//! - [`delete`]: destroy in AWS's order
//! - [`parts`]: find/create/wait/delete per AWS primitive

mod converge;
mod delete;
mod model;
mod parts;
mod plan;
mod refresh;
mod schema;

use crate::aws::AwsError;
use crate::aws::wait::Waiter;
use crate::resources::{OpCtx, Outcome, PlanRequest, PlanResponse, Resource, finish_import, import_skeleton};
use crate::tfplugin::diag::Diagnostics;
use crate::tfplugin::schema::Schema;
use crate::tfplugin::value::Value;

use model::{Names, Spec, timeout};

pub struct GlobalDatabase {
    schema: Schema,
}

impl GlobalDatabase {
    pub fn new() -> Self {
        GlobalDatabase { schema: schema::schema() }
    }
}

/// Names and regions recorded in a state.
fn identity(state: &Value) -> Option<(Names, [String; 2])> {
    let base = state.get("global_cluster_id").as_str()?.to_string();
    let primary = state.get("primary_region").as_str()?.to_string();
    let secondary = state.get("secondary_region").as_str()?.to_string();
    Some((Names { base }, [primary, secondary]))
}

fn error(verb: &str, id: &str, region: &str, e: &AwsError) -> Diagnostics {
    let mut d = Diagnostics::default();
    d.error(format!("{verb} global database ({id}) in {region}"), e.to_string());
    d
}

#[tonic::async_trait]
impl Resource for GlobalDatabase {
    fn type_name(&self) -> &'static str {
        "drpair_global_database"
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

    async fn apply(&self, ctx: &OpCtx, prior: &Value, planned: &Value, config: &Value) -> Outcome {
        let p = &ctx.provider;
        let creating = prior.is_null();
        let mut state = planned.clone();
        // The identity is known at plan time except when the provider settings were unknown.
        if state.get("global_cluster_id").is_unknown() {
            state.set(
                "global_cluster_id",
                Value::string(p.settings.name(planned.get("name").as_str().unwrap_or_default())),
            );
            state.set("primary_region", Value::string(&p.settings.primary_region));
            state.set("secondary_region", Value::string(&p.settings.secondary_region));
        }
        let (names, regions) = identity(&state).expect("identity is set above");
        let op = if creating { "create" } else { "update" };
        let waiter = Waiter::new(timeout(planned, op), Some(ctx.stop.clone()));
        let spec = Spec::from_values(&state, config);
        let rotate_password =
            !creating && planned.get("master_password_wo_version") != prior.get("master_password_wo_version");
        let run = converge::Converge { provider: p, names: &names, spec: &spec, waiter, rotate_password };
        let result = run.run().await;

        // Whatever happened, record what exists now, so nothing is forgotten.
        let mut diags = match &result {
            Ok(()) => Diagnostics::default(),
            Err(e) => error(if creating { "Creating" } else { "Updating" }, &names.base, &regions[0], e),
        };
        match refresh::refresh(p, &names, regions.clone(), &state).await {
            Ok(Some(mut fresh)) => {
                // Arguments stay as planned (Terraform requires it); AWS fills in the rest.
                for attr in ["name", "master_password_wo_version", "timeouts"] {
                    fresh.set(attr, planned.get(attr).clone());
                }
                if result.is_ok() {
                    for attr in ["primary_security_group_ids", "secondary_security_group_ids"] {
                        if !planned.get(attr).is_unknown() {
                            fresh.set(attr, planned.get(attr).clone());
                        }
                    }
                }
                state = fresh;
            }
            Ok(None) if creating => state = Value::Null,
            Ok(None) => {}
            Err(e) => diags.extend(error("Reading", &names.base, &regions[0], &e)),
        }
        Outcome { state: crate::resources::without_unknowns(&state), diags }
    }

    async fn delete(&self, ctx: &OpCtx, prior: &Value) -> Diagnostics {
        let Some((names, regions)) = identity(prior) else {
            return Diagnostics::default();
        };
        let waiter = Waiter::new(timeout(prior, "delete"), Some(ctx.stop.clone()));
        match delete::delete(&ctx.provider, &names, &regions, &waiter).await {
            Ok(()) => Diagnostics::default(),
            Err(e) => error("Deleting", &names.base, &regions[0], &e),
        }
    }

    async fn read(&self, ctx: &OpCtx, state: &Value) -> Outcome {
        let Some((names, regions)) = identity(state) else {
            return Outcome { state: state.clone(), diags: Diagnostics::default() };
        };
        match refresh::refresh(&ctx.provider, &names, regions.clone(), state).await {
            Ok(Some(fresh)) => Outcome { state: fresh, diags: Diagnostics::default() },
            Ok(None) => {
                crate::info!("global database {} is gone; Terraform will plan to create it", names.base);
                Outcome { state: Value::Null, diags: Diagnostics::default() }
            }
            Err(e) => Outcome { state: state.clone(), diags: error("Reading", &names.base, &regions[0], &e) },
        }
    }

    async fn import(&self, ctx: &OpCtx, id: &str) -> Outcome {
        let mut state = match import_skeleton(ctx, &self.schema, id, "", "global database") {
            Ok(state) => state,
            Err(diags) => return Outcome { state: Value::Null, diags },
        };
        state.set("global_cluster_id", Value::string(id));
        let out = self.read(ctx, &state).await;
        finish_import(out, "global database", || format!("No global cluster {id:?} found."))
    }
}
