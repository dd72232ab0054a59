//! `drpair_order_pipeline`: trade orders from SQS into Lambda in both regions, with the same
//! package proved identical by SHA-256.
//!
//! - [`schema`], [`plan`], [`model`], [`policy`]: schema, validation and planning, names and
//!   IAM documents (pure; plan reads the local package to hash it)
//! - [`converge`]: create and update (one idempotent path)
//! - [`refresh`]: read, drift, import
//! - [`parts`]: the AWS calls per primitive (queues, function + mapping, roles, alarms)

mod converge;
mod model;
mod parts;
mod plan;
mod policy;
mod refresh;
mod schema;

use futures::future::try_join_all;

use crate::aws::AwsError;
use crate::aws::error::aws;
use crate::aws::wait::Waiter;
use crate::provider::Configured;
use crate::resources::common::iam_role;
use crate::resources::{
    OpCtx, Outcome, PlanRequest, PlanResponse, Resource, finish_import, import_skeleton, set_identity,
    without_unknowns,
};
use crate::tfplugin::diag::Diagnostics;
use crate::tfplugin::schema::Schema;
use crate::tfplugin::value::Value;

use model::{Names, Package, RESOURCE_TYPE, ROLES, Spec, code_sha256, op_timeout, read_local_package};
use parts::{alarms, function, queues};
use policy::POLICY_NAME;

pub struct OrderPipeline {
    schema: Schema,
}

impl OrderPipeline {
    pub fn new() -> Self {
        OrderPipeline { schema: schema::schema() }
    }
}

fn identity(state: &Value) -> Option<(Names, [String; 2])> {
    Some((
        Names { id: state.get("id").as_str()?.to_string() },
        [
            state.get("primary_region").as_str()?.to_string(),
            state.get("secondary_region").as_str()?.to_string(),
        ],
    ))
}

fn error(verb: &str, id: &str, detail: impl Into<String>) -> Diagnostics {
    let mut d = Diagnostics::default();
    d.error(format!("{verb} order pipeline ({id})"), detail);
    d
}

/// The package's bytes: the local zip, or the S3 object read once (then deployed to both
/// regions as the same bytes, so the bucket need not be replicated).
async fn package_bytes(p: &Configured, package: &Package) -> Result<Vec<u8>, String> {
    match package {
        Package::Local(path) => read_local_package(path),
        Package::S3 { bucket, key } => {
            let s3 = p.s3(&p.settings.primary_region);
            let out = s3.get_object().bucket(bucket).key(key).send().await.map_err(|e| aws(e).to_string())?;
            let bytes = out.body.collect().await.map_err(|e| format!("reading s3://{bucket}/{key}: {e}"))?;
            let bytes = bytes.into_bytes().to_vec();
            if !model::looks_like_zip(&bytes) {
                return Err(format!("s3://{bucket}/{key} is not a zip file (Lambda deploys zip packages)."));
            }
            Ok(bytes)
        }
    }
}

/// After every apply both regions must run the same code, and it must be the package's.
fn check_hashes(state: &Value, want: &str) -> Result<(), String> {
    let got: Vec<Option<&str>> = ROLES.iter().map(|r| state.get(r).get("code_sha256").as_str()).collect();
    if got[0] != got[1] {
        return Err(format!(
            "The two regions report different code: CodeSha256 {:?} in the primary, {:?} in the secondary. \
             Apply again to redeploy the package ({want}) to both.",
            got[0], got[1]
        ));
    }
    if got[0] != Some(want) {
        return Err(format!("Both regions report CodeSha256 {:?}, not the package's {want}.", got[0]));
    }
    Ok(())
}

/// Arguments kept as planned after apply (Terraform requires it); AWS fills in the rest.
fn keep_arguments(fresh: &mut Value, planned: &Value) {
    for attr in plan::ARGUMENTS {
        fresh.set(attr, planned.get(attr).clone());
    }
}

async fn delete_all(p: &Configured, names: &Names, regions: &[String; 2]) -> Result<(), AwsError> {
    try_join_all(regions.iter().map(|region| async move {
        let (lambda, sqs) = (p.lambda(region), p.sqs(region));
        alarms::delete(&p.cloudwatch(region), &names.alarms(region)).await?;
        let fname = names.function();
        for m in function::find_mappings(&lambda, &fname).await? {
            function::delete_mapping(&lambda, &m.uuid).await?;
        }
        function::delete(&lambda, &fname).await?;
        // The queue first: it names the DLQ in its redrive policy.
        queues::delete(&sqs, &names.queue()).await?;
        queues::delete(&sqs, &names.dlq()).await
    }))
    .await?;
    let iam = p.iam();
    iam_role::delete(&iam, &names.orchestrator_role(), POLICY_NAME).await?;
    iam_role::delete(&iam, &names.execution_role(), POLICY_NAME).await
}

#[tonic::async_trait]
impl Resource for OrderPipeline {
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
        let (names, regions) = identity(&state).expect("identity is set above");
        let verb = if creating { "Creating" } else { "Updating" };
        let Some(spec) = Spec::from_values(planned) else {
            let state = if creating { Value::Null } else { prior.clone() };
            return Outcome {
                state,
                diags: error(verb, &names.id, "Some argument is still unknown at apply."),
            };
        };
        let zip = match package_bytes(p, &spec.package).await {
            Ok(zip) => zip,
            Err(why) => {
                let state = if creating { Value::Null } else { prior.clone() };
                return Outcome { state, diags: error(verb, &names.id, why) };
            }
        };
        let sha = code_sha256(&zip);
        if let Some(planned_sha) = planned.get("package_sha256").as_str()
            && planned_sha != sha
        {
            let state = if creating { Value::Null } else { prior.clone() };
            let why =
                format!("The package changed after the plan (planned {planned_sha}, now {sha}): plan again.");
            return Outcome { state, diags: error(verb, &names.id, why) };
        }
        let waiter = Waiter::new(
            op_timeout(planned, if creating { "create" } else { "update" }),
            Some(ctx.stop.clone()),
        );
        let run = converge::Converge {
            provider: p,
            names: &names,
            regions: [&regions[0], &regions[1]],
            spec: &spec,
            zip: &zip,
            sha: &sha,
            tags: p.tags(RESOURCE_TYPE, &names.id),
            waiter,
        }
        .run()
        .await;

        // Whatever happened, record what exists now, so nothing is forgotten.
        let mut diags = match &run {
            Ok(()) => Diagnostics::default(),
            Err(e) => error(verb, &names.id, e.to_string()),
        };
        match refresh::refresh(p, &names, &regions, &state).await {
            Ok(Some(mut fresh)) => {
                keep_arguments(&mut fresh, planned);
                if run.is_ok() {
                    if let Err(why) = check_hashes(&fresh, &sha) {
                        diags.extend(error(verb, &names.id, why));
                    }
                    fresh.set("package_sha256", Value::string(&sha));
                }
                state = fresh;
            }
            Ok(None) if creating => state = Value::Null,
            Ok(None) => {}
            Err(e) => diags.extend(error("Reading", &names.id, e.to_string())),
        }
        Outcome { state: without_unknowns(&state), diags }
    }

    async fn delete(&self, ctx: &OpCtx, prior: &Value) -> Diagnostics {
        let Some((names, regions)) = identity(prior) else { return Diagnostics::default() };
        match delete_all(&ctx.provider, &names, &regions).await {
            Ok(()) => Diagnostics::default(),
            Err(e) => error("Deleting", &names.id, e.to_string()),
        }
    }

    async fn read(&self, ctx: &OpCtx, state: &Value) -> Outcome {
        let Some((names, regions)) = identity(state) else {
            return Outcome { state: state.clone(), diags: Diagnostics::default() };
        };
        match refresh::refresh(&ctx.provider, &names, &regions, state).await {
            Ok(Some(fresh)) => Outcome { state: fresh, diags: Diagnostics::default() },
            Ok(None) => {
                crate::info!("order pipeline {} is gone; Terraform will plan to create it", names.id);
                Outcome { state: Value::Null, diags: Diagnostics::default() }
            }
            Err(e) => Outcome { state: state.clone(), diags: error("Reading", &names.id, e.to_string()) },
        }
    }

    /// Import by the id `<name>-<environment>-<suffix>`; every argument is read back from
    /// AWS (the package source from the functions' `drpair:package` tag).
    async fn import(&self, ctx: &OpCtx, id: &str) -> Outcome {
        let state = match import_skeleton(ctx, &self.schema, id, "", "order pipeline") {
            Ok(state) => state,
            Err(diags) => return Outcome { state: Value::Null, diags },
        };
        let out = self.read(ctx, &state).await;
        finish_import(out, "order pipeline", || {
            format!("No function, queue or role named {id}... in either region.")
        })
    }
}
