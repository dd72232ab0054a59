//! The provider's composite resources, each in its own folder, and the trait they share.
//!
//! A resource's plan is pure and offline; everything that touches AWS goes through
//! [`OpCtx`], which carries the configured clients and the stop signal.

pub mod common;
pub mod dns_failover;
pub mod event_bus;
pub mod failover_orchestrator;
pub mod global_database;
pub mod network;
pub mod order_pipeline;
pub mod parameters;
pub mod region_health;
pub mod regional_api;
pub mod replicated_bucket;
pub mod session_table;
#[cfg(test)]
pub mod test_support;

use std::sync::Arc;

use crate::provider::Configured;
use crate::tfplugin::diag::{AttrPath, Diagnostics};
use crate::tfplugin::schema::{Attr, Mode, Nesting, Schema};
use crate::tfplugin::value::Type;
use crate::tfplugin::value::Value;

/// Everything an AWS-touching operation may use.
#[derive(Clone)]
pub struct OpCtx {
    pub provider: Arc<Configured>,
    pub stop: StopSignal,
}

/// Fires when Terraform calls StopProvider (Ctrl-C): in-flight waits end early.
#[derive(Clone)]
pub struct StopSignal(pub tokio::sync::watch::Receiver<bool>);

impl StopSignal {
    pub async fn stopped(&self) {
        let mut rx = self.0.clone();
        // An error means the sender is gone: nobody can stop us any more.
        if rx.wait_for(|stopped| *stopped).await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

/// Inputs to a plan. `prior` is null on create, `config` has unknowns where values come
/// from other resources, `provider` is None when the provider configuration is unknown.
pub struct PlanRequest<'a> {
    pub prior: &'a Value,
    pub config: &'a Value,
    pub provider: Option<&'a Configured>,
}

#[derive(Default)]
pub struct PlanResponse {
    pub planned: Value,
    pub requires_replace: Vec<AttrPath>,
    pub diags: Diagnostics,
}

/// The outcome of an AWS-touching operation: the state to record (also when it failed
/// partway, so nothing that exists is forgotten) and what to tell the user.
pub struct Outcome {
    pub state: Value,
    pub diags: Diagnostics,
}

#[tonic::async_trait]
pub trait Resource: Send + Sync {
    fn type_name(&self) -> &'static str;
    fn schema(&self) -> &Schema;
    /// Offline checks of one configuration, which may hold unknowns.
    fn validate(&self, config: &Value, diags: &mut Diagnostics);
    /// Pure: the planned state for `config` given `prior`.
    fn plan(&self, req: PlanRequest<'_>, resp: &mut PlanResponse);
    /// Create (prior null) or update (prior set) to reach `planned`.
    async fn apply(&self, ctx: &OpCtx, prior: &Value, planned: &Value, config: &Value) -> Outcome;
    async fn delete(&self, ctx: &OpCtx, prior: &Value) -> Diagnostics;
    /// Refresh from AWS; a null state means the resource is gone.
    async fn read(&self, ctx: &OpCtx, state: &Value) -> Outcome;
    /// A state with just enough to Read from, found by the import id.
    async fn import(&self, ctx: &OpCtx, id: &str) -> Outcome;
}

/// Every resource the provider serves.
pub fn all() -> Vec<Arc<dyn Resource>> {
    vec![
        Arc::new(dns_failover::DnsFailover::new()),
        Arc::new(event_bus::EventBus::new()),
        Arc::new(failover_orchestrator::FailoverOrchestrator::new()),
        Arc::new(global_database::GlobalDatabase::new()),
        Arc::new(network::Network::new()),
        Arc::new(order_pipeline::OrderPipeline::new()),
        Arc::new(parameters::Parameters::new()),
        Arc::new(region_health::RegionHealth::new()),
        Arc::new(regional_api::RegionalApi::new()),
        Arc::new(replicated_bucket::ReplicatedBucket::new()),
        Arc::new(session_table::SessionTable::new()),
    ]
}

/// Where a plan starts: the prior state on update; on create every attribute unknown (AWS
/// assigns them) and no timeouts block. The configured `arguments` are copied over it.
pub fn plan_start(schema: &Schema, prior: &Value, config: &Value, arguments: &[&str]) -> Value {
    let mut planned = if prior.is_null() {
        let mut v = Value::object(schema.block.attrs.iter().map(|a| (a.name, Value::Unknown)));
        v.set("timeouts", Value::Null);
        v
    } else {
        prior.clone()
    };
    for attr in arguments {
        planned.set(attr, config.get(attr).clone());
    }
    planned
}

/// The planned identity of a resource named `<name>-<environment>-<suffix>`: `id` and the
/// provider's regions set in `planned`. A new name or region replaces the resource (the state
/// keeps the regions of create time). None while the provider or the name is unknown.
pub fn plan_identity(
    req: &PlanRequest<'_>,
    planned: &mut Value,
    resp: &mut PlanResponse,
) -> Option<(String, [String; 2])> {
    let settings = &req.provider?.settings;
    let id = settings.name(req.config.get("name").as_str()?);
    let creating = req.prior.is_null();
    if !creating && req.prior.get("id").as_str() != Some(id.as_str()) {
        resp.requires_replace.push(AttrPath::root("name"));
    }
    let regions = [settings.primary_region.clone(), settings.secondary_region.clone()];
    for (attr, now) in ["primary_region", "secondary_region"].into_iter().zip(&regions) {
        if !creating && req.prior.get(attr).as_str() != Some(now.as_str()) {
            resp.requires_replace.push(AttrPath::root(attr));
        }
        planned.set(attr, Value::string(now));
    }
    planned.set("id", Value::string(&id));
    Some((id, regions))
}

/// Every `timeouts` value must be a duration; `example` (e.g. `"5m"`) shows one in the error.
pub fn validate_timeouts(config: &Value, example: &str, d: &mut Diagnostics) {
    for op in ["create", "update", "delete"] {
        if let Some(t) = config.get("timeouts").get(op).as_str()
            && crate::aws::wait::parse_duration(t).is_none()
        {
            d.attr_error(
                AttrPath::root("timeouts").attr(op),
                "Invalid timeout",
                format!("{t:?} is not a duration such as {example}."),
            );
        }
    }
}

/// On create, the planned state's identity (unknown until now): `id` from the `name`
/// argument and this provider's naming rule, and the provider's regions, which the state then
/// keeps as they were at create time.
pub fn set_identity(state: &mut Value, p: &Configured) {
    if state.get("id").is_unknown() {
        let id = p.settings.name(state.get("name").as_str().unwrap_or_default());
        state.set("id", Value::string(id));
        state.set("primary_region", Value::string(&p.settings.primary_region));
        state.set("secondary_region", Value::string(&p.settings.secondary_region));
    }
}

/// The state an import starts from: every attribute null except the name part of the id, the
/// id itself and the provider's regions; `Read` fills in the rest. The id must be
/// `<prefix><name>-<environment>-<suffix>` for this provider configuration.
pub fn import_skeleton(
    ctx: &OpCtx,
    schema: &Schema,
    id: &str,
    prefix: &str,
    what: &str,
) -> Result<Value, Diagnostics> {
    let s = &ctx.provider.settings;
    let tail = format!("-{}-{}", s.environment, s.environment_suffix);
    let name = id.strip_prefix(prefix).and_then(|b| b.strip_suffix(&tail)).filter(|n| !n.is_empty());
    let Some(name) = name else {
        let mut diags = Diagnostics::default();
        diags.error(
            format!("Cannot import {what}"),
            format!("Import id {id:?} is not {prefix}<name>{tail}, the id of a {what} of this provider configuration."),
        );
        return Err(diags);
    };
    let mut state = Value::object(schema.block.attrs.iter().map(|a| (a.name, Value::Null)));
    for b in &schema.block.blocks {
        state.set(b.name, Value::Null);
    }
    state.set("name", Value::string(name));
    state.set("id", Value::string(id));
    state.set("primary_region", Value::string(&s.primary_region));
    state.set("secondary_region", Value::string(&s.secondary_region));
    Ok(state)
}

/// Ends an import: finding nothing is an error that says what was looked for.
pub fn finish_import(out: Outcome, what: &str, looked_for: impl FnOnce() -> String) -> Outcome {
    if out.state.is_null() && !out.diags.has_errors() {
        let mut diags = Diagnostics::default();
        diags.error(format!("Cannot import {what}"), looked_for());
        return Outcome { state: Value::Null, diags };
    }
    out
}

/// The `inventory` attribute every composite resource has: each AWS object it owns.
pub fn inventory_attr() -> Attr {
    Attr::nested(
        "inventory",
        Nesting::List,
        vec![
            Attr::new("kind", Type::String, Mode::Computed, "AWS object type."),
            Attr::new("region", Type::String, Mode::Computed, "Region it lives in."),
            Attr::new("id", Type::String, Mode::Computed, "Its identifier or ARN."),
        ],
        Mode::Computed,
        "Every AWS object this resource owns, in creation order; destroy walks it backwards.",
    )
}

/// One `inventory` entry.
pub fn inventory_item(kind: &str, region: &str, id: &str) -> Value {
    Value::object([
        ("kind", Value::string(kind)),
        ("region", Value::string(region)),
        ("id", Value::string(id)),
    ])
}

/// Unknowns cannot be stored: what a failed apply never learned is recorded as null.
pub fn without_unknowns(v: &Value) -> Value {
    match v {
        Value::Unknown => Value::Null,
        Value::List(items) => Value::List(items.iter().map(without_unknowns).collect()),
        Value::Map(m) => Value::Map(m.iter().map(|(k, v)| (k.clone(), without_unknowns(v))).collect()),
        other => other.clone(),
    }
}
