//! `drpair_replicated_bucket`: an S3 bucket in each region, replicating across them.
//!
//! - [`schema`]: the Terraform schema
//! - [`plan`]: validation and planning (pure)
//! - [`model`], [`policy`], [`check`], [`desired`]: names, documents, and the per-part
//!   comparison that refresh reports and converge repairs (pure)
//! - [`converge`]: create and update (one idempotent path)
//! - [`refresh`]: read, drift, import
//! - [`delete`]: destroy in S3's order
//! - [`parts`]: find/create/wait/delete per AWS primitive

mod check;
mod converge;
mod delete;
mod desired;
mod model;
mod parts;
mod plan;
mod policy;
mod refresh;
mod schema;

use crate::aws::AwsError;
use crate::aws::wait::Waiter;
use crate::resources::{
    OpCtx, Outcome, PlanRequest, PlanResponse, Resource, finish_import, import_skeleton, set_identity,
    without_unknowns,
};
use crate::tfplugin::diag::Diagnostics;
use crate::tfplugin::schema::Schema;
use crate::tfplugin::value::Value;

use desired::Pair;
use model::{Names, RESOURCE_TYPE, Spec, timeout};

pub struct ReplicatedBucket {
    schema: Schema,
}

impl ReplicatedBucket {
    pub fn new() -> Self {
        ReplicatedBucket { schema: schema::schema() }
    }
}

/// Names and regions recorded in a state.
fn identity(state: &Value) -> Option<(Names, [String; 2])> {
    let base = state.get("id").as_str()?.to_string();
    let primary = state.get("primary_region").as_str()?.to_string();
    let secondary = state.get("secondary_region").as_str()?.to_string();
    Some((Names { base }, [primary, secondary]))
}

fn error(verb: &str, id: &str, regions: &[String; 2], e: &AwsError) -> Diagnostics {
    let mut d = Diagnostics::default();
    d.error(format!("{verb} replicated bucket ({id}) in {} and {}", regions[0], regions[1]), e.to_string());
    d
}

/// Arguments are kept as planned after apply (Terraform requires it); AWS fills in the rest.
const ARGUMENTS: &[&str] = &[
    "name",
    "flavour",
    "bidirectional",
    "replication_time_control",
    "noncurrent_version_expiration_days",
    "force_destroy",
    "timeouts",
];

#[tonic::async_trait]
impl Resource for ReplicatedBucket {
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
        let spec = Spec::from_values(&state);
        let waiter =
            Waiter::new(timeout(planned, if creating { "create" } else { "update" }), Some(ctx.stop.clone()));
        let pair =
            Pair { names: &names, regions: &regions, spec: &spec, tags: p.tags(RESOURCE_TYPE, &names.base) };
        let result = converge::Converge { provider: p, pair, waiter }.run().await;

        // Whatever happened, record what exists now, so nothing is forgotten.
        let mut diags = match &result {
            Ok(()) => Diagnostics::default(),
            Err(e) => error(if creating { "Creating" } else { "Updating" }, &names.base, &regions, e),
        };
        match refresh::refresh(p, &names, &regions, &state).await {
            Ok(Some(mut fresh)) => {
                for attr in ARGUMENTS {
                    fresh.set(attr, planned.get(attr).clone());
                }
                state = fresh;
            }
            Ok(None) if creating => state = Value::Null,
            Ok(None) => {}
            Err(e) => diags.extend(error("Reading", &names.base, &regions, &e)),
        }
        Outcome { state: without_unknowns(&state), diags }
    }

    async fn delete(&self, ctx: &OpCtx, prior: &Value) -> Diagnostics {
        let Some((names, regions)) = identity(prior) else {
            return Diagnostics::default();
        };
        let waiter = Waiter::new(timeout(prior, "delete"), Some(ctx.stop.clone()));
        let force_destroy = Spec::from_values(prior).force_destroy;
        match delete::delete(&ctx.provider, &names, &regions, force_destroy, &waiter).await {
            Ok(()) => Diagnostics::default(),
            Err(e) => error("Deleting", &names.base, &regions, &e),
        }
    }

    async fn read(&self, ctx: &OpCtx, state: &Value) -> Outcome {
        let Some((names, regions)) = identity(state) else {
            return Outcome { state: state.clone(), diags: Diagnostics::default() };
        };
        match refresh::refresh(&ctx.provider, &names, &regions, state).await {
            Ok(Some(fresh)) => Outcome { state: fresh, diags: Diagnostics::default() },
            Ok(None) => {
                crate::info!("replicated bucket {} is gone; Terraform will plan to create it", names.base);
                Outcome { state: Value::Null, diags: Diagnostics::default() }
            }
            Err(e) => Outcome { state: state.clone(), diags: error("Reading", &names.base, &regions, &e) },
        }
    }

    /// Import by the base name `<name>-<environment>-<suffix>`; the arguments are read from
    /// AWS (`force_destroy` takes its default, true).
    async fn import(&self, ctx: &OpCtx, id: &str) -> Outcome {
        let state = match import_skeleton(ctx, &self.schema, id, "", "replicated bucket") {
            Ok(state) => state,
            Err(diags) => return Outcome { state: Value::Null, diags },
        };
        let out = self.read(ctx, &state).await;
        let s = &ctx.provider.settings;
        let names = Names { base: id.to_string() };
        finish_import(out, "replicated bucket", || {
            format!(
                "Neither {} nor {} exists.",
                names.bucket(&s.primary_region),
                names.bucket(&s.secondary_region)
            )
        })
    }
}
