//! `drpair_regional_api`: an API Gateway REST API per region in front of that region's function.
//!
//! - [`schema`], [`plan`], [`model`]: the schema; validation and planning (pure)
//! - [`api`]: the REST API, its Lambda proxy routes, deployments and the stage
//! - [`domain`]: the ACM certificate, the regional custom domain and its base path mapping
//! - [`extras`]: access-log group, Lambda permission, alarms
//!
//! Every name is derived from the resource id, so create, update and repair are one converge
//! per region that adopts what exists; Read reports, per region, which parts exist as
//! configured (`parts_in_place`), so a part lost outside Terraform shows in the plan by name.

mod api;
mod domain;
mod extras;
mod model;
mod plan;
mod schema;

use futures::future::join_all;

use crate::aws::AwsError;
use crate::aws::wait::{Waiter, parse_duration};
use crate::provider::Configured;
use crate::resources::{
    OpCtx, Outcome, PlanRequest, PlanResponse, Resource, finish_import, import_skeleton, inventory_item,
    without_unknowns,
};
use crate::tfplugin::diag::Diagnostics;
use crate::tfplugin::schema::Schema;
use crate::tfplugin::value::Value;

use model::{ROLES, Want, desired, parse_function_arn};

const RESOURCE_TYPE: &str = "drpair_regional_api";
const DEFAULT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(45 * 60);

pub struct RegionalApi {
    schema: Schema,
}

impl RegionalApi {
    pub fn new() -> Self {
        RegionalApi { schema: schema::schema() }
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

fn waiter(ctx: &OpCtx, state: &Value, op: &str) -> Waiter {
    let t = state.get("timeouts").get(op).as_str().and_then(parse_duration).unwrap_or(DEFAULT_TIMEOUT);
    Waiter::new(t, Some(ctx.stop.clone()))
}

fn error(verb: &str, id: &str, region: &str, e: &AwsError) -> Diagnostics {
    let mut d = Diagnostics::default();
    d.error(format!("{verb} regional API ({id}) in {region}"), e.to_string());
    d
}

/// ACM idempotency token (word characters, at most 32): stable for one id and domain.
fn cert_token(id: &str, domain: &str) -> String {
    // FNV-1a: deterministic across runs and builds, unlike std's hasher.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in id.bytes().chain([0]).chain(domain.bytes()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x100000001b3);
    }
    format!("drpair{h:016x}")
}

/// Where the access logs of a region go.
fn log_arn(want: &Want, i: usize) -> String {
    let r = &want.regions[i];
    let f = parse_function_arn(&r.function_arn).expect("validated at plan");
    extras::log_group_arn(&f.partition, &r.region, &f.account, &model::log_group_name(&want.id))
}

/// The certificate the region's domain should use: given, or ours (requested if needed,
/// then waited for until ISSUED).
async fn ensure_cert(p: &Configured, want: &Want, i: usize, w: &Waiter) -> Result<String, AwsError> {
    let r = &want.regions[i];
    if let Some(arn) = &r.certificate_arn {
        return Ok(arn.clone());
    }
    let acm = p.acm(&r.region);
    let owned = domain::owned_certs(&acm, &want.id).await?;
    let usable = owned.iter().find(|c| {
        c.domain == want.domain_name && matches!(c.status.as_str(), "ISSUED" | "PENDING_VALIDATION")
    });
    let arn = match usable {
        Some(c) => c.arn.clone(),
        None => {
            crate::info!("requesting certificate for {} in {}", want.domain_name, r.region);
            let tags = p.tags(RESOURCE_TYPE, &want.id);
            domain::request_cert(&acm, &want.domain_name, &cert_token(&want.id, &want.domain_name), &tags)
                .await?
        }
    };
    domain::wait_issued(&acm, &arn, w).await?;
    Ok(arn)
}

/// Brings one region to `want`, part by part, adopting what exists; `prior` is the state
/// before this apply (null on create), for what the configuration no longer names.
async fn converge_region(
    p: &Configured,
    want: &Want,
    i: usize,
    prior: &Value,
    w: &Waiter,
) -> Result<(), AwsError> {
    let r = &want.regions[i];
    let region = r.region.as_str();
    let id = want.id.as_str();
    let tags = p.tags(RESOURCE_TYPE, id);
    let f = parse_function_arn(&r.function_arn).expect("validated at plan");
    let (ag, cw, lambda) = (p.apigateway(region), p.cloudwatch(region), p.lambda(region));

    let cert = ensure_cert(p, want, i, w).await?;
    extras::ensure_log_group(&p.logs(region), &model::log_group_name(id), &tags).await?;
    let api_id = match api::find_api(&ag, id).await? {
        Some(api_id) => api_id,
        None => api::create_api(&ag, id, &tags).await?,
    };
    let routes_changed = api::ensure_routes(&ag, &api_id, region, &r.function_arn).await?;
    let sid = model::statement_id(id);
    extras::ensure_permission(&lambda, &r.function_arn, &sid, &model::source_arn(&f, region, &api_id))
        .await?;
    let old_function = prior.get(&format!("{}_function_arn", ROLES[i])).as_str();
    if let Some(old) = old_function.filter(|old| *old != r.function_arn) {
        extras::remove_permission(&lambda, old, &sid).await?;
    }

    // The stage serves a deployment: a new one whenever the routes changed.
    let log_arn = log_arn(want, i);
    match api::find_stage(&ag, &api_id, &want.stage).await? {
        None => {
            let deployment = api::create_deployment(&ag, &api_id).await?;
            api::create_stage(&ag, &api_id, &want.stage, &deployment, &tags).await?;
            let settings = (log_arn.as_str(), want.rate_limit, want.burst_limit);
            api::update_stage(&ag, &api_id, &want.stage, None, Some(settings)).await?;
        }
        Some(stage) => {
            let deployment = if routes_changed || stage.deployment_id.is_none() {
                Some(api::create_deployment(&ag, &api_id).await?)
            } else {
                None
            };
            let settings_ok = stage.log_destination.as_deref() == Some(log_arn.as_str())
                && stage.rate_limit == Some(want.rate_limit)
                && stage.burst_limit == Some(want.burst_limit);
            let settings = (!settings_ok).then_some((log_arn.as_str(), want.rate_limit, want.burst_limit));
            api::update_stage(&ag, &api_id, &want.stage, deployment.as_deref(), settings).await?;
        }
    }

    match domain::find_domain(&ag, &want.domain_name).await? {
        None => domain::create_domain(&ag, &want.domain_name, &cert, &tags).await?,
        Some(d) if d.certificate_arn.as_deref() != Some(cert.as_str()) => {
            domain::set_domain_cert(&ag, &want.domain_name, &cert).await?
        }
        Some(_) => {}
    }
    let mapping = domain::find_mapping(&ag, &want.domain_name).await?;
    if mapping.as_ref() != Some(&(api_id.clone(), want.stage.clone())) {
        if mapping.is_some() {
            domain::delete_mapping(&ag, &want.domain_name).await?;
        }
        domain::create_mapping(&ag, &want.domain_name, &api_id, &want.stage).await?;
    }

    let alarms = extras::find_alarms(&cw, &model::alarm_names(id, region)).await?;
    let dims = extras::alarm_dimensions(id, &want.stage);
    let latency = model::latency_alarm_name(id, region);
    if alarms.get(&latency)
        != Some(&extras::Alarm { dimensions: dims.clone(), threshold: want.latency_p99_ms as f64 })
    {
        extras::put_latency_alarm(&cw, &latency, id, &want.stage, want.latency_p99_ms, &tags).await?;
    }
    let errors = model::error_alarm_name(id, region);
    if alarms.get(&errors) != Some(&extras::Alarm { dimensions: dims, threshold: want.error_5xx as f64 }) {
        extras::put_error_alarm(&cw, &errors, id, &want.stage, want.error_5xx, &tags).await?;
    }

    // What the configuration no longer names: an old stage, an old domain, certificates of ours
    // the domain no longer uses.
    if let Some(old) = prior.get("stage_name").as_str().filter(|s| *s != want.stage) {
        api::delete_stage(&ag, &api_id, old).await?;
    }
    if let Some(old) = prior.get("domain_name").as_str().filter(|d| *d != want.domain_name) {
        delete_domain_if_ours(&ag, old, id, &api_id).await?;
    }
    let acm = p.acm(region);
    for c in domain::owned_certs(&acm, id).await? {
        if c.arn != cert {
            domain::delete_cert(&acm, &c.arn, w).await?;
        }
    }
    Ok(())
}

/// A domain is ours when we tagged it or its base path maps to our API.
async fn delete_domain_if_ours(
    ag: &aws_sdk_apigateway::Client,
    name: &str,
    id: &str,
    api_id: &str,
) -> Result<(), AwsError> {
    let Some(d) = domain::find_domain(ag, name).await? else { return Ok(()) };
    let mapping = domain::find_mapping(ag, name).await?;
    if d.owner.as_deref() == Some(id) || mapping.as_ref().is_some_and(|(api, _)| api == api_id) {
        domain::delete_mapping(ag, name).await?;
        domain::delete_domain(ag, name).await?;
    }
    Ok(())
}

/// One region as AWS has it.
struct Seen {
    object: Value,
    inventory: Vec<Value>,
    /// Anything of ours exists in the region.
    any: bool,
}

async fn observe(p: &Configured, want: &Want, i: usize) -> Result<Seen, AwsError> {
    let r = &want.regions[i];
    let region = r.region.as_str();
    let id = want.id.as_str();
    let ag = p.apigateway(region);
    let mut parts = Vec::new();
    let mut inventory = Vec::new();
    let mut any = false;

    let mut validation = Vec::new();
    let mut expected_cert = r.certificate_arn.clone();
    if r.certificate_arn.is_none() {
        let owned = domain::owned_certs(&p.acm(region), id).await?;
        any |= !owned.is_empty();
        for c in &owned {
            inventory.push(inventory_item("acm_certificate", region, &c.arn));
        }
        if let Some(c) = owned.iter().find(|c| {
            c.domain == want.domain_name && matches!(c.status.as_str(), "ISSUED" | "PENDING_VALIDATION")
        }) {
            parts.push(model::PART_CERTIFICATE);
            expected_cert = Some(c.arn.clone());
            validation = c
                .validation
                .iter()
                .map(|(n, t, v)| {
                    Value::object([
                        ("name", Value::string(n)),
                        ("type", Value::string(t)),
                        ("value", Value::string(v)),
                    ])
                })
                .collect();
        }
    }
    let log_group = model::log_group_name(id);
    if extras::log_group_exists(&p.logs(region), &log_group).await? {
        any = true;
        parts.push(model::PART_LOG_GROUP);
        inventory.push(inventory_item("logs_log_group", region, &log_group));
    }
    let api_id = api::find_api(&ag, id).await?;
    if let Some(api_id) = &api_id {
        any = true;
        parts.push(model::PART_REST_API);
        inventory.push(inventory_item("apigateway_rest_api", region, api_id));
        let routes = api::route_functions(&ag, api_id).await?;
        if routes.iter().all(|f| f.as_deref() == Some(r.function_arn.as_str())) {
            parts.push(model::PART_ROUTES);
        }
        let f = parse_function_arn(&r.function_arn).expect("validated at plan");
        let sid = model::statement_id(id);
        let source = extras::permission_source(&p.lambda(region), &r.function_arn, &sid).await?;
        if source.as_deref() == Some(model::source_arn(&f, region, api_id).as_str()) {
            parts.push(model::PART_PERMISSION);
        }
        if source.is_some() {
            inventory.push(inventory_item("lambda_permission", region, &format!("{}#{sid}", r.function_arn)));
        }
        if let Some(stage) = api::find_stage(&ag, api_id, &want.stage).await? {
            inventory.push(inventory_item("apigateway_stage", region, &format!("{api_id}/{}", want.stage)));
            if stage.log_destination.as_deref() == Some(log_arn(want, i).as_str())
                && stage.rate_limit == Some(want.rate_limit)
                && stage.burst_limit == Some(want.burst_limit)
                && stage.deployment_id.is_some()
            {
                parts.push(model::PART_STAGE);
            }
        }
    }
    let found_domain = domain::find_domain(&ag, &want.domain_name).await?;
    if let Some(d) = &found_domain {
        any |= d.owner.as_deref() == Some(id);
        inventory.push(inventory_item("apigateway_domain_name", region, &want.domain_name));
        if d.certificate_arn.is_some() && d.certificate_arn == expected_cert {
            parts.push(model::PART_DOMAIN);
        }
        let mapping = domain::find_mapping(&ag, &want.domain_name).await?;
        if let (Some((api, stage)), Some(ours)) = (&mapping, &api_id) {
            if api == ours {
                inventory.push(inventory_item(
                    "apigateway_base_path_mapping",
                    region,
                    &format!("{}/(none)", want.domain_name),
                ));
            }
            if api == ours && *stage == want.stage {
                parts.push(model::PART_MAPPING);
            }
        }
    }
    let cw = p.cloudwatch(region);
    let alarms = extras::find_alarms(&cw, &model::alarm_names(id, region)).await?;
    let dims = extras::alarm_dimensions(id, &want.stage);
    for (name, threshold, part) in [
        (model::latency_alarm_name(id, region), want.latency_p99_ms, model::PART_LATENCY_ALARM),
        (model::error_alarm_name(id, region), want.error_5xx, model::PART_5XX_ALARM),
    ] {
        if let Some(a) = alarms.get(&name) {
            any = true;
            inventory.push(inventory_item("cloudwatch_metric_alarm", region, &name));
            if a.dimensions == dims && a.threshold == threshold as f64 {
                parts.push(part);
            }
        }
    }
    // Keep the model's order, whatever order the checks ran in.
    let order = model::parts(r.certificate_arn.is_none());
    parts.sort_by_key(|p| order.iter().position(|o| o == p));

    let object = Value::object([
        ("region", Value::string(region)),
        ("api_id", Value::opt_string(api_id.clone())),
        ("invoke_url", Value::opt_string(api_id.as_ref().map(|a| model::invoke_url(a, region, &want.stage)))),
        (
            "regional_domain_name",
            Value::opt_string(found_domain.as_ref().and_then(|d| d.regional_domain_name.clone())),
        ),
        (
            "regional_zone_id",
            Value::opt_string(found_domain.as_ref().and_then(|d| d.regional_zone_id.clone())),
        ),
        ("health_fqdn", Value::opt_string(api_id.as_ref().map(|a| model::execute_api_host(a, region)))),
        ("health_path", Value::string(model::health_path(&want.stage))),
        ("alarm_names", Value::strings(model::alarm_names(id, region))),
        (
            "certificate_arn",
            Value::opt_string(
                found_domain.as_ref().and_then(|d| d.certificate_arn.clone()).or(expected_cert),
            ),
        ),
        ("certificate_validation", Value::List(validation)),
        ("parts_in_place", Value::strings(parts)),
    ]);
    Ok(Seen { object, inventory, any })
}

/// The state as AWS has it; None when nothing of ours exists in either region. A region
/// that cannot be read keeps what the state said of it (object and inventory), so a partial
/// failure forgets nothing.
async fn refresh(p: &Configured, state: &Value) -> (Option<Value>, Diagnostics) {
    let (id, regions) = identity(state).expect("identity checked by the caller");
    let mut diags = Diagnostics::default();
    let Some(want) = desired(&id, [&regions[0], &regions[1]], state) else {
        return (Some(state.clone()), diags);
    };
    let seen = join_all((0..2).map(|i| observe(p, &want, i))).await;
    let mut fresh = state.clone();
    let mut inventory = Vec::new();
    let mut any = false;
    for ((role, region), s) in ROLES.iter().zip(&regions).zip(seen) {
        match s {
            Ok(s) => {
                any |= s.any;
                inventory.extend(s.inventory);
                fresh.set(role, s.object);
            }
            Err(e) => {
                any = true;
                let known = state.get("inventory").as_list().unwrap_or_default();
                inventory
                    .extend(known.iter().filter(|item| item.get("region").as_str() == Some(region)).cloned());
                diags.extend(error("Reading", &id, region, &e));
            }
        }
    }
    if !any {
        return (None, diags);
    }
    fresh.set("inventory", Value::List(inventory));
    (Some(fresh), diags)
}

/// Import: the arguments as AWS implies them, from each region's API, its domain (the one
/// whose base path maps to it), the stage's settings and the alarms.
async fn reconstruct(
    p: &Configured,
    id: &str,
    regions: &[String; 2],
    state: &mut Value,
) -> Result<bool, AwsError> {
    for (role, region) in ROLES.iter().zip(regions) {
        let ag = p.apigateway(region);
        let Some(api_id) = api::find_api(&ag, id).await? else { return Ok(false) };
        let routes = api::route_functions(&ag, &api_id).await?;
        state.set(&format!("{role}_function_arn"), Value::opt_string(routes.into_iter().flatten().next()));
        let names = ag.get_domain_names().limit(500).send().await.map_err(crate::aws::error::aws)?;
        for name in names.items().iter().filter_map(|d| d.domain_name()) {
            let Some((api, stage)) = domain::find_mapping(&ag, name).await? else { continue };
            if api != api_id {
                continue;
            }
            state.set("domain_name", Value::string(name));
            state.set("stage_name", Value::string(&stage));
            let d = domain::find_domain(&ag, name).await?;
            let cert = d.and_then(|d| d.certificate_arn);
            let owned = domain::owned_certs(&p.acm(region), id).await?;
            let given = cert.filter(|c| !owned.iter().any(|o| &o.arn == c));
            state.set(&format!("{role}_certificate_arn"), Value::opt_string(given));
            if let Some(s) = api::find_stage(&ag, &api_id, &stage).await? {
                state.set("throttling_rate_limit", s.rate_limit.map_or(Value::Null, Value::int));
                state.set("throttling_burst_limit", s.burst_limit.map_or(Value::Null, Value::int));
            }
            break;
        }
        let alarms = extras::find_alarms(&p.cloudwatch(region), &model::alarm_names(id, region)).await?;
        if let Some(a) = alarms.get(&model::latency_alarm_name(id, region)) {
            state.set("latency_p99_threshold_ms", Value::int(a.threshold as i64));
        }
        if let Some(a) = alarms.get(&model::error_alarm_name(id, region)) {
            state.set("error_5xx_threshold", Value::int(a.threshold as i64));
        }
    }
    for (attr, default) in [
        ("stage_name", Value::string(model::DEFAULT_STAGE)),
        ("throttling_rate_limit", Value::int(model::DEFAULT_RATE_LIMIT)),
        ("throttling_burst_limit", Value::int(model::DEFAULT_BURST_LIMIT)),
        ("latency_p99_threshold_ms", Value::int(model::DEFAULT_LATENCY_P99_MS)),
        ("error_5xx_threshold", Value::int(model::DEFAULT_5XX_THRESHOLD)),
    ] {
        if state.get(attr).is_null() {
            state.set(attr, default);
        }
    }
    Ok(!state.get("domain_name").is_null())
}

/// Destroys one region's parts in reverse dependency order; not-found is success.
async fn delete_region(
    p: &Configured,
    state: &Value,
    id: &str,
    i: usize,
    region: &str,
    w: &Waiter,
) -> Result<(), AwsError> {
    let ag = p.apigateway(region);
    extras::delete_alarms(&p.cloudwatch(region), &model::alarm_names(id, region)).await?;
    let api_id = api::find_api(&ag, id).await?;
    if let Some(name) = state.get("domain_name").as_str() {
        delete_domain_if_ours(&ag, name, id, api_id.as_deref().unwrap_or("-")).await?;
    }
    if let Some(api_id) = &api_id {
        api::delete_api(&ag, api_id).await?;
    }
    if let Some(f) = state.get(&format!("{}_function_arn", ROLES[i])).as_str() {
        extras::remove_permission(&p.lambda(region), f, &model::statement_id(id)).await?;
    }
    extras::delete_log_group(&p.logs(region), &model::log_group_name(id)).await?;
    let acm = p.acm(region);
    for c in domain::owned_certs(&acm, id).await? {
        domain::delete_cert(&acm, &c.arn, w).await?;
    }
    Ok(())
}

#[tonic::async_trait]
impl Resource for RegionalApi {
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
        let (id, regions) = identity(planned).expect("id and regions are known at plan");
        let want = desired(&id, [&regions[0], &regions[1]], planned).expect("inputs are known at apply");
        let w = waiter(ctx, planned, if prior.is_null() { "create" } else { "update" });
        // Both regions run to the end even when one fails: each keeps what it could do.
        let results = join_all((0..2).map(|i| converge_region(p, &want, i, prior, &w))).await;
        let verb = if prior.is_null() { "Creating" } else { "Updating" };
        let mut diags = Diagnostics::default();
        for (r, region) in results.iter().zip(&regions) {
            if let Err(e) = r {
                diags.extend(error(verb, &id, region, e));
            }
        }
        let (fresh, read_diags) = refresh(p, planned).await;
        diags.extend(read_diags);
        let state = match fresh {
            Some(fresh) => fresh,
            None if prior.is_null() => Value::Null,
            None => planned.clone(),
        };
        Outcome { state: without_unknowns(&state), diags }
    }

    async fn delete(&self, ctx: &OpCtx, prior: &Value) -> Diagnostics {
        let Some((id, regions)) = identity(prior) else { return Diagnostics::default() };
        let w = waiter(ctx, prior, "delete");
        let results = join_all(
            regions.iter().enumerate().map(|(i, r)| delete_region(&ctx.provider, prior, &id, i, r, &w)),
        )
        .await;
        let mut diags = Diagnostics::default();
        for (r, region) in results.iter().zip(&regions) {
            if let Err(e) = r {
                diags.extend(error("Deleting", &id, region, e));
            }
        }
        diags
    }

    async fn read(&self, ctx: &OpCtx, state: &Value) -> Outcome {
        if identity(state).is_none() {
            return Outcome { state: state.clone(), diags: Diagnostics::default() };
        }
        let (fresh, diags) = refresh(&ctx.provider, state).await;
        Outcome { state: fresh.unwrap_or(Value::Null), diags }
    }

    async fn import(&self, ctx: &OpCtx, id: &str) -> Outcome {
        let mut state = match import_skeleton(ctx, &self.schema, id, "", "regional API") {
            Ok(state) => state,
            Err(diags) => return Outcome { state: Value::Null, diags },
        };
        let (_, regions) = identity(&state).expect("skeleton has the identity");
        match reconstruct(&ctx.provider, id, &regions, &mut state).await {
            Ok(true) => {}
            Ok(false) => state = Value::Null,
            Err(e) => return Outcome { state: Value::Null, diags: error("Importing", id, &regions[0], &e) },
        }
        let out = if state.is_null() {
            Outcome { state: Value::Null, diags: Diagnostics::default() }
        } else {
            self.read(ctx, &state).await
        };
        finish_import(out, "regional API", || {
            format!("No REST API named {id} with a custom domain mapped to it in both regions.")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::cert_token;

    #[test]
    fn certificate_token_is_stable_word_characters_within_acm_limit() {
        let t = cert_token("api-prod-ab12cd", "api.example.com");
        assert_eq!(t, cert_token("api-prod-ab12cd", "api.example.com"));
        assert_ne!(t, cert_token("api-prod-ab12cd", "api2.example.com"));
        assert!(t.len() <= 32 && t.chars().all(|c| c.is_ascii_alphanumeric()));
    }
}
