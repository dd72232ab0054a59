//! API Gateway calls for the REST API itself: the API, its Lambda proxy routes, deployments
//! and the stage (access logs, throttling).

use std::collections::HashMap;

use aws_sdk_apigateway::Client;
use aws_sdk_apigateway::types::{EndpointConfiguration, EndpointType, IntegrationType, Op, PatchOperation};

use crate::aws::AwsError;
use crate::aws::error::{absent_as_none, aws};

use super::model::{ROUTES, function_of_uri, integration_uri};

/// Access log line: one JSON object per request, with what an incident review needs.
pub const ACCESS_LOG_FORMAT: &str = r#"{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","time":"$context.requestTime","method":"$context.httpMethod","path":"$context.resourcePath","status":"$context.status","latency":"$context.responseLatency","integrationLatency":"$context.integration.latency","error":"$context.error.message"}"#;

pub fn tag_map(tags: &[(String, String)]) -> HashMap<String, String> {
    tags.iter().cloned().collect()
}

/// The REST API named `name`, if any (names are ours and deterministic).
pub async fn find_api(ag: &Client, name: &str) -> Result<Option<String>, AwsError> {
    let mut position = None;
    loop {
        let out = ag.get_rest_apis().limit(500).set_position(position).send().await.map_err(aws)?;
        if let Some(api) = out.items().iter().find(|a| a.name() == Some(name)) {
            return Ok(api.id().map(str::to_string));
        }
        position = out.position().map(str::to_string);
        if position.is_none() || out.items().is_empty() {
            return Ok(None);
        }
    }
}

pub async fn create_api(ag: &Client, name: &str, tags: &[(String, String)]) -> Result<String, AwsError> {
    let out = ag
        .create_rest_api()
        .name(name)
        .description("drpair: regional API in front of this region's order function")
        .endpoint_configuration(EndpointConfiguration::builder().types(EndpointType::Regional).build())
        .set_tags(Some(tag_map(tags)))
        .send()
        .await
        .map_err(aws)?;
    Ok(out.id().unwrap_or_default().to_string())
}

pub async fn delete_api(ag: &Client, api_id: &str) -> Result<(), AwsError> {
    absent_as_none(ag.delete_rest_api().rest_api_id(api_id).send().await.map_err(aws))?;
    Ok(())
}

/// path ("/health") -> resource id.
async fn resources(ag: &Client, api_id: &str) -> Result<HashMap<String, String>, AwsError> {
    let out = ag.get_resources().rest_api_id(api_id).limit(500).send().await.map_err(aws)?;
    Ok(out.items().iter().filter_map(|r| Some((r.path()?.to_string(), r.id()?.to_string()))).collect())
}

/// The function each route calls through a Lambda proxy integration, None where a route,
/// its method or its integration is missing or not a proxy.
pub async fn route_functions(ag: &Client, api_id: &str) -> Result<Vec<Option<String>>, AwsError> {
    let ids = resources(ag, api_id).await?;
    let mut out = Vec::new();
    for (part, method) in ROUTES {
        let Some(rid) = ids.get(&format!("/{part}")) else {
            out.push(None);
            continue;
        };
        let integration = absent_as_none(
            ag.get_integration()
                .rest_api_id(api_id)
                .resource_id(rid)
                .http_method(method)
                .send()
                .await
                .map_err(aws),
        )?;
        out.push(
            integration
                .filter(|i| i.r#type() == Some(&IntegrationType::AwsProxy))
                .and_then(|i| i.uri().and_then(function_of_uri)),
        );
    }
    Ok(out)
}

/// Makes every route a Lambda proxy to `function_arn`; true when anything changed (a new
/// deployment is then needed for the stage to serve it).
pub async fn ensure_routes(
    ag: &Client,
    api_id: &str,
    region: &str,
    function_arn: &str,
) -> Result<bool, AwsError> {
    let have = route_functions(ag, api_id).await?;
    if have.iter().all(|f| f.as_deref() == Some(function_arn)) {
        return Ok(false);
    }
    let mut ids = resources(ag, api_id).await?;
    let root = ids.get("/").cloned().unwrap_or_default();
    for (part, method) in ROUTES {
        let path = format!("/{part}");
        let rid = match ids.get(&path) {
            Some(id) => id.clone(),
            None => {
                let out = ag
                    .create_resource()
                    .rest_api_id(api_id)
                    .parent_id(&root)
                    .path_part(part)
                    .send()
                    .await
                    .map_err(aws)?;
                let id = out.id().unwrap_or_default().to_string();
                ids.insert(path, id.clone());
                id
            }
        };
        let method_exists = absent_as_none(
            ag.get_method()
                .rest_api_id(api_id)
                .resource_id(&rid)
                .http_method(method)
                .send()
                .await
                .map_err(aws),
        )?
        .is_some();
        if !method_exists {
            ag.put_method()
                .rest_api_id(api_id)
                .resource_id(&rid)
                .http_method(method)
                .authorization_type("NONE")
                .send()
                .await
                .map_err(aws)?;
        }
        // PutIntegration replaces whatever integration the method had.
        ag.put_integration()
            .rest_api_id(api_id)
            .resource_id(&rid)
            .http_method(method)
            .r#type(IntegrationType::AwsProxy)
            .integration_http_method("POST")
            .uri(integration_uri(region, function_arn))
            .send()
            .await
            .map_err(aws)?;
    }
    Ok(true)
}

/// A stage as API Gateway has it.
#[derive(Debug, Default, PartialEq)]
pub struct Stage {
    pub deployment_id: Option<String>,
    pub log_destination: Option<String>,
    pub rate_limit: Option<i64>,
    pub burst_limit: Option<i64>,
}

pub async fn find_stage(ag: &Client, api_id: &str, stage: &str) -> Result<Option<Stage>, AwsError> {
    let out = absent_as_none(ag.get_stage().rest_api_id(api_id).stage_name(stage).send().await.map_err(aws))?;
    Ok(out.map(|s| {
        let all = s.method_settings().and_then(|m| m.get("*/*"));
        Stage {
            deployment_id: s.deployment_id().map(str::to_string),
            log_destination: s.access_log_settings().and_then(|a| a.destination_arn()).map(str::to_string),
            rate_limit: all.map(|m| m.throttling_rate_limit().round() as i64),
            burst_limit: all.map(|m| i64::from(m.throttling_burst_limit())),
        }
    }))
}

pub async fn create_deployment(ag: &Client, api_id: &str) -> Result<String, AwsError> {
    let out = ag
        .create_deployment()
        .rest_api_id(api_id)
        .description("drpair: routes as configured")
        .send()
        .await
        .map_err(aws)?;
    Ok(out.id().unwrap_or_default().to_string())
}

pub async fn create_stage(
    ag: &Client,
    api_id: &str,
    stage: &str,
    deployment_id: &str,
    tags: &[(String, String)],
) -> Result<(), AwsError> {
    ag.create_stage()
        .rest_api_id(api_id)
        .stage_name(stage)
        .deployment_id(deployment_id)
        .set_tags(Some(tag_map(tags)))
        .send()
        .await
        .map_err(aws)?;
    Ok(())
}

fn replace(path: &str, value: impl Into<String>) -> PatchOperation {
    PatchOperation::builder().op(Op::Replace).path(path).value(value).build()
}

/// Points the stage at a deployment and sets access logs and throttling, in one update.
pub async fn update_stage(
    ag: &Client,
    api_id: &str,
    stage: &str,
    deployment_id: Option<&str>,
    settings: Option<(&str, i64, i64)>,
) -> Result<(), AwsError> {
    let mut ops = Vec::new();
    if let Some(d) = deployment_id {
        ops.push(replace("/deploymentId", d));
    }
    if let Some((log_arn, rate, burst)) = settings {
        ops.push(replace("/accessLogSettings/destinationArn", log_arn));
        ops.push(replace("/accessLogSettings/format", ACCESS_LOG_FORMAT));
        ops.push(replace("/*/*/throttling/rateLimit", rate.to_string()));
        ops.push(replace("/*/*/throttling/burstLimit", burst.to_string()));
    }
    if ops.is_empty() {
        return Ok(());
    }
    ag.update_stage()
        .rest_api_id(api_id)
        .stage_name(stage)
        .set_patch_operations(Some(ops))
        .send()
        .await
        .map_err(aws)?;
    Ok(())
}

pub async fn delete_stage(ag: &Client, api_id: &str, stage: &str) -> Result<(), AwsError> {
    absent_as_none(ag.delete_stage().rest_api_id(api_id).stage_name(stage).send().await.map_err(aws))?;
    Ok(())
}
