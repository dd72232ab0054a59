//! `drpair_network`: a VPC in each region, private subnets over N availability zones,
//! security groups per tier, and a cross-region VPC peering with routes and DNS.
//!
//! - [`schema`]: the Terraform schema
//! - [`plan`]: validation and planning (pure); [`cidr`]: the range arithmetic it uses
//! - [`converge`]: create and update (one idempotent path)
//! - [`refresh`]: read, reporting missing parts so plan repairs them
//! - [`delete`]: destroy in reverse order
//! - [`parts`]: find/create/wait/delete per AWS primitive

mod cidr;
mod converge;
mod delete;
mod model;
mod parts;
mod plan;
mod refresh;
mod schema;

use crate::aws::wait::Waiter;
use crate::resources::{
    OpCtx, Outcome, PlanRequest, PlanResponse, Resource, finish_import, import_skeleton, set_identity,
};
use crate::tfplugin::diag::{AttrPath, Diagnostics};
use crate::tfplugin::schema::Schema;
use crate::tfplugin::value::Value;

use converge::Failure;
use model::{Names, RESOURCE_TYPE, Spec, timeout};

pub struct Network {
    schema: Schema,
}

impl Network {
    pub fn new() -> Self {
        Network { schema: schema::schema() }
    }
}

/// Arguments: Terraform requires them in the new state exactly as planned.
const ARGUMENTS: &[&str] =
    &["name", "primary_cidr", "secondary_cidr", "az_count", "subnet_prefix_length", "timeouts"];

/// Names and regions recorded in a state.
fn identity(state: &Value) -> Option<(Names, [String; 2])> {
    let base = state.get("id").as_str()?.to_string();
    let primary = state.get("primary_region").as_str()?.to_string();
    let secondary = state.get("secondary_region").as_str()?.to_string();
    Some((Names { base }, [primary, secondary]))
}

fn error(verb: &str, id: &str, f: &Failure) -> Diagnostics {
    let mut d = Diagnostics::default();
    d.error(format!("{verb} network ({id}) in {}", f.region), f.error.to_string());
    d
}

#[tonic::async_trait]
impl Resource for Network {
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
        // The identity is known at plan time except when the provider settings were unknown.
        set_identity(&mut state, p);
        let (names, regions) = identity(&state).expect("identity is set above");
        let Some(spec) = Spec::from_values(&state) else {
            let mut diags = Diagnostics::default();
            diags.error(
                format!("Cannot apply network ({})", names.base),
                "The planned arguments are incomplete or invalid; run terraform plan to see why.",
            );
            return Outcome { state: prior.clone(), diags };
        };
        let op = if creating { "create" } else { "update" };
        let waiter = Waiter::new(timeout(planned, op), Some(ctx.stop.clone()));
        let run = converge::Converge { provider: p, names: &names, spec: &spec, waiter };
        let result = run.run().await;

        // Whatever happened, record what exists now, so nothing is forgotten.
        let mut diags = Diagnostics::default();
        match &result {
            Ok(warnings) => {
                for w in warnings {
                    diags.attr_warning(
                        AttrPath::root("peering_connection_id"),
                        "DNS resolution across the peering not enabled",
                        w,
                    );
                }
            }
            Err(f) => diags.extend(error(if creating { "Creating" } else { "Updating" }, &names.base, f)),
        }
        match refresh::refresh(p, &names, &regions, &state).await {
            Ok(Some(mut fresh)) => {
                for attr in ARGUMENTS {
                    fresh.set(attr, planned.get(attr).clone());
                }
                state = fresh;
            }
            Ok(None) if creating => state = Value::Null,
            Ok(None) => {}
            Err(f) => diags.extend(error("Reading", &names.base, &f)),
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
            Err(f) => error("Deleting", &names.base, &f),
        }
    }

    async fn read(&self, ctx: &OpCtx, state: &Value) -> Outcome {
        let Some((names, regions)) = identity(state) else {
            return Outcome { state: state.clone(), diags: Diagnostics::default() };
        };
        match refresh::refresh(&ctx.provider, &names, &regions, state).await {
            Ok(Some(fresh)) => Outcome { state: fresh, diags: Diagnostics::default() },
            Ok(None) => {
                crate::info!("network {} is gone; Terraform will plan to create it", names.base);
                Outcome { state: Value::Null, diags: Diagnostics::default() }
            }
            Err(f) => Outcome { state: state.clone(), diags: error("Reading", &names.base, &f) },
        }
    }

    async fn import(&self, ctx: &OpCtx, id: &str) -> Outcome {
        let state = match import_skeleton(ctx, &self.schema, id, "", "network") {
            Ok(state) => state,
            Err(diags) => return Outcome { state: Value::Null, diags },
        };
        let out = self.read(ctx, &state).await;
        finish_import(out, "network", || format!("No VPC tagged {id:?} found in either region."))
    }
}
