//! The tfplugin6 `Provider` gRPC service: decodes requests into typed values, hands them to
//! the provider and its resources, and turns diagnostics back into protocol messages.
//! Terraform's lifecycle rules that hold for every resource live here (write-only attributes
//! never stored, no apply before configure, StopProvider cancelling in-flight work).

use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};

use tonic::{Request, Response, Status};

use super::diag::Diagnostics;
use super::proto::tfplugin6 as pb;
use super::value::{Type, Value};
use crate::provider::{self, Configured};
use crate::resources::{self, OpCtx, PlanRequest, PlanResponse, Resource, StopSignal};

pub struct ProviderService {
    resources: BTreeMap<&'static str, Arc<dyn Resource>>,
    configured: RwLock<Option<Arc<Configured>>>,
    stop_tx: tokio::sync::watch::Sender<bool>,
}

impl Default for ProviderService {
    fn default() -> Self {
        Self::new()
    }
}

impl ProviderService {
    pub fn new() -> Self {
        ProviderService {
            resources: resources::all().into_iter().map(|r| (r.type_name(), r)).collect(),
            configured: RwLock::new(None),
            stop_tx: tokio::sync::watch::channel(false).0,
        }
    }

    fn resource(&self, name: &str) -> Result<&Arc<dyn Resource>, Status> {
        self.resources.get(name).ok_or_else(|| Status::not_found(format!("unknown resource type {name}")))
    }

    fn configured(&self) -> Option<Arc<Configured>> {
        self.configured.read().expect("lock poisoned").clone()
    }

    fn op_ctx(&self, diags: &mut Diagnostics) -> Option<OpCtx> {
        match self.configured() {
            Some(provider) => Some(OpCtx { provider, stop: StopSignal(self.stop_tx.subscribe()) }),
            None => {
                diags.error(
                    "Provider not configured",
                    "The drpair provider configuration holds values unknown until apply; \
                     resources cannot be read or changed before it is known.",
                );
                None
            }
        }
    }

    /// Runs an operation unless StopProvider fires first.
    async fn cancellable<T>(&self, fut: impl Future<Output = T>) -> Result<T, Diagnostics> {
        let stop = StopSignal(self.stop_tx.subscribe());
        tokio::select! {
            out = fut => Ok(out),
            _ = stop.stopped() => {
                let mut d = Diagnostics::default();
                d.error("Operation cancelled", "Terraform asked the provider to stop (StopProvider).");
                Err(d)
            }
        }
    }
}

fn decode(dv: &Option<pb::DynamicValue>, ty: &Type) -> Result<Value, Status> {
    let Some(dv) = dv else { return Ok(Value::Null) };
    let v = if !dv.msgpack.is_empty() {
        Value::from_msgpack(&dv.msgpack, ty)
    } else if !dv.json.is_empty() {
        Value::from_json(&dv.json, ty)
    } else {
        Ok(Value::Null)
    };
    v.map_err(|e| Status::invalid_argument(format!("decoding value: {e}")))
}

fn encode(v: &Value, ty: &Type) -> Result<Option<pb::DynamicValue>, Status> {
    let msgpack = v.to_msgpack(ty).map_err(|e| Status::internal(format!("encoding value: {e}")))?;
    Ok(Some(pb::DynamicValue { msgpack, json: vec![] }))
}

/// Write-only values live only in the configuration: Terraform rejects a plan or state that
/// holds one, so they are nulled on the way out.
fn null_write_only(r: &dyn Resource, v: &mut Value) {
    if v.is_null() {
        return;
    }
    for name in r.schema().block.write_only_attrs() {
        v.set(name, Value::Null);
    }
}

#[tonic::async_trait]
impl pb::provider_server::Provider for ProviderService {
    async fn get_metadata(
        &self,
        _: Request<pb::get_metadata::Request>,
    ) -> Result<Response<pb::get_metadata::Response>, Status> {
        Ok(Response::new(pb::get_metadata::Response {
            server_capabilities: Some(capabilities()),
            resources: self
                .resources
                .keys()
                .map(|n| pb::get_metadata::ResourceMetadata { type_name: n.to_string() })
                .collect(),
            ..Default::default()
        }))
    }

    async fn get_provider_schema(
        &self,
        _: Request<pb::get_provider_schema::Request>,
    ) -> Result<Response<pb::get_provider_schema::Response>, Status> {
        Ok(Response::new(pb::get_provider_schema::Response {
            provider: Some(provider::schema().to_proto()),
            resource_schemas: self
                .resources
                .iter()
                .map(|(n, r)| (n.to_string(), r.schema().to_proto()))
                .collect(),
            server_capabilities: Some(capabilities()),
            ..Default::default()
        }))
    }

    async fn validate_provider_config(
        &self,
        req: Request<pb::validate_provider_config::Request>,
    ) -> Result<Response<pb::validate_provider_config::Response>, Status> {
        let config = decode(&req.get_ref().config, &provider::schema().block.value_type())?;
        let mut diags = Diagnostics::default();
        provider::validate(&config, &mut diags);
        Ok(Response::new(pb::validate_provider_config::Response { diagnostics: diags.to_proto() }))
    }

    async fn configure_provider(
        &self,
        req: Request<pb::configure_provider::Request>,
    ) -> Result<Response<pb::configure_provider::Response>, Status> {
        let config = decode(&req.get_ref().config, &provider::schema().block.value_type())?;
        let mut diags = Diagnostics::default();
        provider::validate(&config, &mut diags);
        if !diags.has_errors()
            && let Some(c) = provider::configure(&config, &mut diags).await
        {
            *self.configured.write().expect("lock poisoned") = Some(Arc::new(c));
        }
        Ok(Response::new(pb::configure_provider::Response { diagnostics: diags.to_proto() }))
    }

    async fn stop_provider(
        &self,
        _: Request<pb::stop_provider::Request>,
    ) -> Result<Response<pb::stop_provider::Response>, Status> {
        crate::info!("StopProvider: cancelling in-flight operations");
        self.stop_tx.send_replace(true);
        Ok(Response::new(pb::stop_provider::Response::default()))
    }

    async fn validate_resource_config(
        &self,
        req: Request<pb::validate_resource_config::Request>,
    ) -> Result<Response<pb::validate_resource_config::Response>, Status> {
        let req = req.into_inner();
        let r = self.resource(&req.type_name)?;
        let config = decode(&req.config, &r.schema().block.value_type())?;
        let mut diags = Diagnostics::default();
        r.validate(&config, &mut diags);
        Ok(Response::new(pb::validate_resource_config::Response { diagnostics: diags.to_proto() }))
    }

    async fn upgrade_resource_state(
        &self,
        req: Request<pb::upgrade_resource_state::Request>,
    ) -> Result<Response<pb::upgrade_resource_state::Response>, Status> {
        let req = req.into_inner();
        let r = self.resource(&req.type_name)?;
        let ty = r.schema().block.value_type();
        let mut diags = Diagnostics::default();
        if req.version > r.schema().version {
            diags.error(
                "State written by a newer provider",
                format!(
                    "The state of this {} has schema version {}, newer than this provider's {}. \
                     Upgrade the provider.",
                    req.type_name,
                    req.version,
                    r.schema().version
                ),
            );
            return Ok(Response::new(pb::upgrade_resource_state::Response {
                diagnostics: diags.to_proto(),
                ..Default::default()
            }));
        }
        // Schema version 0 is the only one so far: the JSON decodes with the current type.
        let raw = req.raw_state.map(|s| s.json).unwrap_or_default();
        let state = if raw.is_empty() {
            Value::Null
        } else {
            Value::from_json(&raw, &ty).map_err(|e| Status::invalid_argument(e.to_string()))?
        };
        Ok(Response::new(pb::upgrade_resource_state::Response {
            upgraded_state: encode(&state, &ty)?,
            diagnostics: diags.to_proto(),
        }))
    }

    async fn read_resource(
        &self,
        req: Request<pb::read_resource::Request>,
    ) -> Result<Response<pb::read_resource::Response>, Status> {
        let req = req.into_inner();
        let r = self.resource(&req.type_name)?;
        let ty = r.schema().block.value_type();
        let state = decode(&req.current_state, &ty)?;
        let mut diags = Diagnostics::default();
        let Some(ctx) = self.op_ctx(&mut diags) else {
            return Ok(Response::new(pb::read_resource::Response {
                new_state: encode(&state, &ty)?,
                diagnostics: diags.to_proto(),
                private: req.private,
                ..Default::default()
            }));
        };
        let (mut new_state, diags) = match self.cancellable(r.read(&ctx, &state)).await {
            Ok(out) => (out.state, out.diags),
            Err(d) => (state, d),
        };
        null_write_only(r.as_ref(), &mut new_state);
        Ok(Response::new(pb::read_resource::Response {
            new_state: encode(&new_state, &ty)?,
            diagnostics: diags.to_proto(),
            private: req.private,
            ..Default::default()
        }))
    }

    async fn plan_resource_change(
        &self,
        req: Request<pb::plan_resource_change::Request>,
    ) -> Result<Response<pb::plan_resource_change::Response>, Status> {
        let req = req.into_inner();
        let r = self.resource(&req.type_name)?;
        let ty = r.schema().block.value_type();
        let prior = decode(&req.prior_state, &ty)?;
        let proposed = decode(&req.proposed_new_state, &ty)?;
        let config = decode(&req.config, &ty)?;
        // Destroy plans need nothing from us.
        if proposed.is_null() {
            return Ok(Response::new(pb::plan_resource_change::Response {
                planned_state: encode(&Value::Null, &ty)?,
                ..Default::default()
            }));
        }
        let configured = self.configured();
        let mut resp = PlanResponse::default();
        r.plan(PlanRequest { prior: &prior, config: &config, provider: configured.as_deref() }, &mut resp);
        null_write_only(r.as_ref(), &mut resp.planned);
        Ok(Response::new(pb::plan_resource_change::Response {
            planned_state: encode(&resp.planned, &ty)?,
            requires_replace: resp.requires_replace.iter().map(|p| p.to_proto()).collect(),
            planned_private: req.prior_private,
            diagnostics: resp.diags.to_proto(),
            ..Default::default()
        }))
    }

    async fn apply_resource_change(
        &self,
        req: Request<pb::apply_resource_change::Request>,
    ) -> Result<Response<pb::apply_resource_change::Response>, Status> {
        let req = req.into_inner();
        let r = self.resource(&req.type_name)?;
        let ty = r.schema().block.value_type();
        let prior = decode(&req.prior_state, &ty)?;
        let planned = decode(&req.planned_state, &ty)?;
        let config = decode(&req.config, &ty)?;
        let mut diags = Diagnostics::default();
        let Some(ctx) = self.op_ctx(&mut diags) else {
            return Ok(Response::new(pb::apply_resource_change::Response {
                new_state: encode(&prior, &ty)?,
                diagnostics: diags.to_proto(),
                ..Default::default()
            }));
        };
        // Apply is not wrapped in `cancellable`: the resource's waiters watch the stop signal
        // themselves and return the partial state, so what exists is never forgotten.
        let (mut new_state, diags) = if planned.is_null() {
            let d = r.delete(&ctx, &prior).await;
            // A failed delete keeps the prior state so nothing is forgotten.
            if d.has_errors() { (prior, d) } else { (Value::Null, d) }
        } else {
            let out = r.apply(&ctx, &prior, &planned, &config).await;
            (out.state, out.diags)
        };
        null_write_only(r.as_ref(), &mut new_state);
        Ok(Response::new(pb::apply_resource_change::Response {
            new_state: encode(&new_state, &ty)?,
            private: req.planned_private,
            diagnostics: diags.to_proto(),
            ..Default::default()
        }))
    }

    async fn import_resource_state(
        &self,
        req: Request<pb::import_resource_state::Request>,
    ) -> Result<Response<pb::import_resource_state::Response>, Status> {
        let req = req.into_inner();
        let r = self.resource(&req.type_name)?;
        let ty = r.schema().block.value_type();
        let mut diags = Diagnostics::default();
        let Some(ctx) = self.op_ctx(&mut diags) else {
            return Ok(Response::new(pb::import_resource_state::Response {
                diagnostics: diags.to_proto(),
                ..Default::default()
            }));
        };
        let out = match self.cancellable(r.import(&ctx, &req.id)).await {
            Ok(out) => out,
            Err(d) => {
                return Ok(Response::new(pb::import_resource_state::Response {
                    diagnostics: d.to_proto(),
                    ..Default::default()
                }));
            }
        };
        let imported = if out.state.is_null() || out.diags.has_errors() {
            vec![]
        } else {
            vec![pb::import_resource_state::ImportedResource {
                type_name: req.type_name.clone(),
                state: encode(&out.state, &ty)?,
                ..Default::default()
            }]
        };
        Ok(Response::new(pb::import_resource_state::Response {
            imported_resources: imported,
            diagnostics: out.diags.to_proto(),
            ..Default::default()
        }))
    }
}

fn capabilities() -> pb::ServerCapabilities {
    pb::ServerCapabilities { plan_destroy: false, get_provider_schema_optional: false, ..Default::default() }
}
