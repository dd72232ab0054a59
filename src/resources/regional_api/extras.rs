//! What surrounds each regional API: the access-log group, the Lambda permission that lets
//! the API call the function, and the latency and 5xx alarms.

use std::collections::BTreeMap;

use aws_sdk_cloudwatch::types::{ComparisonOperator, Dimension, Statistic, Tag};

use crate::aws::AwsError;
use crate::aws::error::{absent_as_none, aws};

use super::api::tag_map;

/// Access logs are kept a month: long enough for an incident review.
const LOG_RETENTION_DAYS: i32 = 30;

// ---- log group ----------------------------------------------------------------------------

pub async fn log_group_exists(logs: &aws_sdk_cloudwatchlogs::Client, name: &str) -> Result<bool, AwsError> {
    let out = logs.describe_log_groups().log_group_name_prefix(name).send().await.map_err(aws)?;
    Ok(out.log_groups().iter().any(|g| g.log_group_name() == Some(name)))
}

pub async fn ensure_log_group(
    logs: &aws_sdk_cloudwatchlogs::Client,
    name: &str,
    tags: &[(String, String)],
) -> Result<(), AwsError> {
    if log_group_exists(logs, name).await? {
        return Ok(());
    }
    match logs.create_log_group().log_group_name(name).set_tags(Some(tag_map(tags))).send().await.map_err(aws)
    {
        Ok(_) => {}
        // Created by a run that was interrupted after the call: adopt it.
        Err(e) if e.code() == Some("ResourceAlreadyExistsException") => {}
        Err(e) => return Err(e),
    }
    logs.put_retention_policy()
        .log_group_name(name)
        .retention_in_days(LOG_RETENTION_DAYS)
        .send()
        .await
        .map_err(aws)?;
    Ok(())
}

pub async fn delete_log_group(logs: &aws_sdk_cloudwatchlogs::Client, name: &str) -> Result<(), AwsError> {
    absent_as_none(logs.delete_log_group().log_group_name(name).send().await.map_err(aws))?;
    Ok(())
}

/// The ARN API Gateway wants as access-log destination (no `:*` suffix).
pub fn log_group_arn(partition: &str, region: &str, account: &str, name: &str) -> String {
    format!("arn:{partition}:logs:{region}:{account}:log-group:{name}")
}

// ---- Lambda permission --------------------------------------------------------------------

/// The source ARN our statement on the function allows, None when there is no such statement.
pub async fn permission_source(
    lambda: &aws_sdk_lambda::Client,
    function_arn: &str,
    sid: &str,
) -> Result<Option<String>, AwsError> {
    let out = absent_as_none(lambda.get_policy().function_name(function_arn).send().await.map_err(aws))?;
    let Some(policy) = out.and_then(|o| o.policy) else { return Ok(None) };
    let doc: serde_json::Value = serde_json::from_str(&policy).unwrap_or_default();
    let statements = doc.get("Statement").and_then(|s| s.as_array()).cloned().unwrap_or_default();
    Ok(statements.iter().find(|s| s.get("Sid").and_then(|v| v.as_str()) == Some(sid)).map(|s| {
        s.pointer("/Condition/ArnLike/AWS:SourceArn").and_then(|v| v.as_str()).unwrap_or_default().to_string()
    }))
}

/// Lets API Gateway invoke the function, from this API only.
pub async fn ensure_permission(
    lambda: &aws_sdk_lambda::Client,
    function_arn: &str,
    sid: &str,
    source_arn: &str,
) -> Result<(), AwsError> {
    match permission_source(lambda, function_arn, sid).await? {
        Some(s) if s == source_arn => return Ok(()),
        Some(_) => remove_permission(lambda, function_arn, sid).await?,
        None => {}
    }
    match lambda
        .add_permission()
        .function_name(function_arn)
        .statement_id(sid)
        .action("lambda:InvokeFunction")
        .principal("apigateway.amazonaws.com")
        .source_arn(source_arn)
        .send()
        .await
        .map_err(aws)
    {
        Ok(_) => Ok(()),
        // Added by an interrupted run between our read and this call.
        Err(e) if e.code() == Some("ResourceConflictException") => Ok(()),
        Err(e) => Err(e),
    }
}

pub async fn remove_permission(
    lambda: &aws_sdk_lambda::Client,
    function_arn: &str,
    sid: &str,
) -> Result<(), AwsError> {
    absent_as_none(
        lambda.remove_permission().function_name(function_arn).statement_id(sid).send().await.map_err(aws),
    )?;
    Ok(())
}

// ---- alarms -------------------------------------------------------------------------------

/// One of our alarms as CloudWatch holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Alarm {
    pub dimensions: BTreeMap<String, String>,
    pub threshold: f64,
}

fn dimension(name: &str, value: &str) -> Dimension {
    Dimension::builder().name(name).value(value).build()
}

/// The alarm's dimensions: API Gateway publishes REST API metrics by API name and stage.
pub fn alarm_dimensions(api_name: &str, stage: &str) -> BTreeMap<String, String> {
    BTreeMap::from([("ApiName".to_string(), api_name.to_string()), ("Stage".to_string(), stage.to_string())])
}

/// p99 latency over three one-minute periods (two breaching), so one slow minute is not an outage.
pub async fn put_latency_alarm(
    cw: &aws_sdk_cloudwatch::Client,
    name: &str,
    api_name: &str,
    stage: &str,
    threshold_ms: i64,
    tags: &[(String, String)],
) -> Result<(), AwsError> {
    cw.put_metric_alarm()
        .alarm_name(name)
        .alarm_description("drpair: p99 latency of this region's API")
        .namespace("AWS/ApiGateway")
        .metric_name("Latency")
        .dimensions(dimension("ApiName", api_name))
        .dimensions(dimension("Stage", stage))
        .extended_statistic("p99")
        .period(60)
        .evaluation_periods(3)
        .datapoints_to_alarm(2)
        .threshold(threshold_ms as f64)
        .comparison_operator(ComparisonOperator::GreaterThanThreshold)
        .treat_missing_data("notBreaching")
        .set_tags(Some(cw_tags(tags)))
        .send()
        .await
        .map_err(aws)?;
    Ok(())
}

pub async fn put_error_alarm(
    cw: &aws_sdk_cloudwatch::Client,
    name: &str,
    api_name: &str,
    stage: &str,
    threshold: i64,
    tags: &[(String, String)],
) -> Result<(), AwsError> {
    cw.put_metric_alarm()
        .alarm_name(name)
        .alarm_description("drpair: 5xx answers of this region's API")
        .namespace("AWS/ApiGateway")
        .metric_name("5XXError")
        .dimensions(dimension("ApiName", api_name))
        .dimensions(dimension("Stage", stage))
        .statistic(Statistic::Sum)
        .period(60)
        .evaluation_periods(1)
        .threshold(threshold as f64)
        .comparison_operator(ComparisonOperator::GreaterThanThreshold)
        .treat_missing_data("notBreaching")
        .set_tags(Some(cw_tags(tags)))
        .send()
        .await
        .map_err(aws)?;
    Ok(())
}

fn cw_tags(tags: &[(String, String)]) -> Vec<Tag> {
    tags.iter().map(|(k, v)| Tag::builder().key(k).value(v).build()).collect()
}

pub async fn find_alarms(
    cw: &aws_sdk_cloudwatch::Client,
    names: &[String],
) -> Result<BTreeMap<String, Alarm>, AwsError> {
    let out = cw.describe_alarms().set_alarm_names(Some(names.to_vec())).send().await.map_err(aws)?;
    Ok(out
        .metric_alarms()
        .iter()
        .filter_map(|m| {
            let dims = m
                .dimensions()
                .iter()
                .filter_map(|d| Some((d.name()?.to_string(), d.value()?.to_string())))
                .collect();
            Some((
                m.alarm_name()?.to_string(),
                Alarm { dimensions: dims, threshold: m.threshold().unwrap_or_default() },
            ))
        })
        .collect())
}

pub async fn delete_alarms(cw: &aws_sdk_cloudwatch::Client, names: &[String]) -> Result<(), AwsError> {
    let found = find_alarms(cw, names).await?;
    if found.is_empty() {
        return Ok(());
    }
    cw.delete_alarms().set_alarm_names(Some(found.into_keys().collect())).send().await.map_err(aws)?;
    Ok(())
}
