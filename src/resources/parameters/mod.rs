//! `drpair_parameters`: SSM Parameter Store entries in both regions under one path.
//!
//! Three kinds of key, each declared once: plain values (shared or per region, drift shows in
//! `effective`), secrets (write-only, SecureString, only their presence is read back) and
//! runtime-managed keys (written when absent, then left to the running system).

mod model;
mod plan;
mod schema;
mod ssm;

use std::collections::{BTreeMap, BTreeSet};

use futures::future::try_join_all;

use crate::aws::AwsError;
use crate::provider::Configured;
use crate::resources::{OpCtx, Outcome, PlanRequest, PlanResponse, Resource, finish_import, import_skeleton};
use crate::tfplugin::diag::Diagnostics;
use crate::tfplugin::schema::Schema;
use crate::tfplugin::value::Value;

use model::{desired_effective, effective_value, runtime_keys, string_map, string_set};
use ssm::Stored;

pub struct Parameters {
    schema: Schema,
}

impl Parameters {
    pub fn new() -> Self {
        Parameters { schema: schema::schema() }
    }
}

fn identity(state: &Value) -> Option<(String, [String; 2])> {
    let path = state.get("path").as_str()?.to_string();
    let regions = [
        state.get("primary_region").as_str()?.to_string(),
        state.get("secondary_region").as_str()?.to_string(),
    ];
    Some((path, regions))
}

fn error(verb: &str, path: &str, e: &AwsError) -> Diagnostics {
    let mut d = Diagnostics::default();
    d.error(format!("{verb} parameters ({path})"), e.to_string());
    d
}

/// What every region gets, apart from its plain values.
struct Common<'a> {
    path: &'a str,
    secrets: BTreeMap<String, String>,
    runtime: BTreeMap<String, String>,
    rewrite_secrets: bool,
    kms_key_id: Option<&'a str>,
}

/// Writes what is missing or different in one region and removes what is no longer declared.
async fn converge_region(
    p: &Configured,
    region: &str,
    plain: &BTreeMap<String, String>,
    c: &Common<'_>,
) -> Result<(), AwsError> {
    let Common { path, secrets, runtime, rewrite_secrets, kms_key_id } = c;
    let (path, rewrite_secrets, kms_key_id) = (*path, *rewrite_secrets, *kms_key_id);
    let client = p.ssm(region);
    let current = ssm::list(&client, path).await?;
    let tags = p.tags("drpair_parameters", path.trim_start_matches('/'));
    let put = |key: &str, value: &str, secure: bool| {
        let is_new = !current.contains_key(key);
        let name = format!("{path}/{key}");
        let client = client.clone();
        let tags = tags.clone();
        let value = value.to_string();
        async move {
            let tags = is_new.then_some(tags.as_slice());
            ssm::put(&client, ssm::Put { name, value: &value, secure, kms_key_id, tags }).await
        }
    };
    let mut writes = Vec::new();
    for (k, v) in plain {
        if current.get(k) != Some(&Stored { value: v.clone(), secure: false }) {
            writes.push(put(k, v, false));
        }
    }
    for (k, v) in secrets {
        if rewrite_secrets || !current.get(k).is_some_and(|s| s.secure) {
            writes.push(put(k, v, true));
        }
    }
    for (k, v) in runtime {
        if !current.contains_key(k) {
            writes.push(put(k, v, false));
        }
    }
    try_join_all(writes).await?;
    let stale: Vec<String> = current
        .keys()
        .filter(|k| !plain.contains_key(*k) && !secrets.contains_key(*k) && !runtime.contains_key(*k))
        .map(|k| format!("{path}/{k}"))
        .collect();
    ssm::delete(&client, &stale).await
}

/// The computed attributes as AWS has them; None when nothing exists under the path.
async fn refresh(
    p: &Configured,
    path: &str,
    regions: &[String; 2],
    state: &Value,
) -> Result<Option<Value>, AwsError> {
    let stored =
        try_join_all(regions.iter().map(|r| async move { ssm::list(&p.ssm(r), path).await })).await?;
    if stored.iter().all(BTreeMap::is_empty) {
        return Ok(None);
    }
    let runtime = runtime_keys(state);
    let plain = |m: &BTreeMap<String, Stored>| -> BTreeMap<String, String> {
        m.iter()
            .filter(|(k, s)| !s.secure && !runtime.contains(*k))
            .map(|(k, s)| (k.clone(), s.value.clone()))
            .collect()
    };
    let effective = [plain(&stored[0]), plain(&stored[1])];
    let secure: BTreeSet<String> = stored[0]
        .iter()
        .filter(|(k, s)| s.secure && stored[1].get(*k).is_some_and(|o| o.secure))
        .map(|(k, _)| k.clone())
        .collect();
    let runtime_values = Value::Map(
        regions
            .iter()
            .zip(&stored)
            .map(|(r, m)| {
                let values = m
                    .iter()
                    .filter(|(k, _)| runtime.contains(*k))
                    .map(|(k, s)| (k.clone(), Value::string(&s.value)));
                (r.clone(), Value::Map(values.collect()))
            })
            .collect(),
    );
    let mut fresh = state.clone();
    fresh.set("effective", effective_value(regions, &effective));
    fresh.set("secure_keys", string_set(&secure));
    fresh.set("runtime_values", runtime_values);
    if fresh.get("values").is_null()
        && fresh.get("primary_values").is_null()
        && fresh.get("secondary_values").is_null()
    {
        // Imported: keys equal in both regions are shared, the rest are overrides.
        let (shared, [only_p, only_s]) = split_shared(&effective);
        let as_value = |m: BTreeMap<String, String>| {
            if m.is_empty() {
                Value::Null
            } else {
                Value::Map(m.into_iter().map(|(k, v)| (k, Value::string(v))).collect())
            }
        };
        fresh.set("values", as_value(shared));
        fresh.set("primary_values", as_value(only_p));
        fresh.set("secondary_values", as_value(only_s));
    }
    Ok(Some(fresh))
}

type Split = (BTreeMap<String, String>, [BTreeMap<String, String>; 2]);

/// Shared values and per-region overrides that reproduce the two regions' contents.
fn split_shared(regions: &[BTreeMap<String, String>; 2]) -> Split {
    let shared: BTreeMap<_, _> = regions[0]
        .iter()
        .filter(|(k, v)| regions[1].get(*k) == Some(v))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let only = |m: &BTreeMap<String, String>| {
        m.iter().filter(|(k, _)| !shared.contains_key(*k)).map(|(k, v)| (k.clone(), v.clone())).collect()
    };
    let overrides = [only(&regions[0]), only(&regions[1])];
    (shared, overrides)
}

#[tonic::async_trait]
impl Resource for Parameters {
    fn type_name(&self) -> &'static str {
        "drpair_parameters"
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
        let mut state = planned.clone();
        if state.get("path").is_unknown() {
            let path = format!("/{}", p.settings.name(planned.get("name").as_str().unwrap_or_default()));
            state.set("path", Value::string(&path));
            state.set("id", Value::string(&path));
            state.set("primary_region", Value::string(&p.settings.primary_region));
            state.set("secondary_region", Value::string(&p.settings.secondary_region));
        }
        let (path, regions) = identity(&state).expect("identity set above");
        let plain = desired_effective(planned).unwrap_or_default();
        let common = Common {
            path: &path,
            secrets: string_map(config.get("secure_values_wo")).unwrap_or_default(),
            runtime: string_map(planned.get("runtime_managed")).unwrap_or_default(),
            rewrite_secrets: !prior.is_null()
                && (planned.get("secure_values_wo_version") != prior.get("secure_values_wo_version")
                    || planned.get("kms_key_id") != prior.get("kms_key_id")),
            kms_key_id: planned.get("kms_key_id").as_str(),
        };
        let result = try_join_all(
            regions.iter().zip(&plain).map(|(region, plain)| converge_region(p, region, plain, &common)),
        )
        .await;
        let mut diags = match &result {
            Ok(_) => Diagnostics::default(),
            Err(e) => error(if prior.is_null() { "Creating" } else { "Updating" }, &path, e),
        };
        match refresh(p, &path, &regions, &state).await {
            Ok(Some(fresh)) => state = fresh,
            Ok(None) if prior.is_null() => state = Value::Null,
            Ok(None) => {}
            Err(e) => diags.extend(error("Reading", &path, &e)),
        }
        Outcome { state: crate::resources::without_unknowns(&state), diags }
    }

    async fn delete(&self, ctx: &OpCtx, prior: &Value) -> Diagnostics {
        let Some((path, regions)) = identity(prior) else { return Diagnostics::default() };
        let p = &ctx.provider;
        let result = try_join_all(regions.iter().map(|r| {
            let path = path.clone();
            async move {
                let client = p.ssm(r);
                let names: Vec<String> =
                    ssm::list(&client, &path).await?.into_keys().map(|k| format!("{path}/{k}")).collect();
                ssm::delete(&client, &names).await
            }
        }))
        .await;
        match result {
            Ok(_) => Diagnostics::default(),
            Err(e) => error("Deleting", &path, &e),
        }
    }

    async fn read(&self, ctx: &OpCtx, state: &Value) -> Outcome {
        let Some((path, regions)) = identity(state) else {
            return Outcome { state: state.clone(), diags: Diagnostics::default() };
        };
        match refresh(&ctx.provider, &path, &regions, state).await {
            Ok(Some(fresh)) => Outcome { state: fresh, diags: Diagnostics::default() },
            Ok(None) => Outcome { state: Value::Null, diags: Diagnostics::default() },
            Err(e) => Outcome { state: state.clone(), diags: error("Reading", &path, &e) },
        }
    }

    async fn import(&self, ctx: &OpCtx, id: &str) -> Outcome {
        let mut state = match import_skeleton(ctx, &self.schema, id, "/", "parameters") {
            Ok(state) => state,
            Err(diags) => return Outcome { state: Value::Null, diags },
        };
        state.set("path", Value::string(id));
        let out = self.read(ctx, &state).await;
        finish_import(out, "parameters", || format!("No parameters found under {id}."))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_splits_shared_values_from_overrides() {
        let m = |pairs: &[(&str, &str)]| {
            pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<BTreeMap<_, _>>()
        };
        let (shared, [p, s]) =
            split_shared(&[m(&[("a", "1"), ("b", "x")]), m(&[("a", "1"), ("b", "y"), ("c", "3")])]);
        assert_eq!(shared, m(&[("a", "1")]));
        assert_eq!(p, m(&[("b", "x")]));
        assert_eq!(s, m(&[("b", "y"), ("c", "3")]));
    }
}
