//! The control alarm in the secondary region: the one thing the orchestrator touches to move
//! traffic (PutMetricData there), so a failover needs no Route 53 control-plane call.

use aws_sdk_cloudwatch::Client;
use aws_sdk_cloudwatch::types::{ComparisonOperator, Dimension, MetricAlarm, Statistic, Tag};

use crate::aws::AwsError;
use crate::aws::error::aws;

use super::model::{DIMENSION, METRIC, NAMESPACE, alarm_description};

/// Creates or updates the alarm (PutMetricAlarm is an upsert and keeps the alarm's state).
/// Standard resolution (60 s): Route 53 health checks cannot watch high-resolution alarms.
/// Missing data keeps the state, so a forced failover holds until the orchestrator publishes 0.
pub async fn put(
    cw: &Client,
    name: &str,
    record_name: &str,
    ttl: i64,
    tags: &[(String, String)],
) -> Result<(), AwsError> {
    cw.put_metric_alarm()
        .alarm_name(name)
        .alarm_description(alarm_description(ttl))
        .namespace(NAMESPACE)
        .metric_name(METRIC)
        .dimensions(Dimension::builder().name(DIMENSION).value(record_name).build())
        .statistic(Statistic::Maximum)
        .period(60)
        .evaluation_periods(1)
        .threshold(1.0)
        .comparison_operator(ComparisonOperator::GreaterThanOrEqualToThreshold)
        .treat_missing_data("ignore")
        .set_tags(Some(tags.iter().map(|(k, v)| Tag::builder().key(k).value(v).build()).collect()))
        .send()
        .await
        .map_err(aws)?;
    Ok(())
}

pub async fn find(cw: &Client, name: &str) -> Result<Option<MetricAlarm>, AwsError> {
    let out = cw.describe_alarms().alarm_names(name).send().await.map_err(aws)?;
    Ok(out.metric_alarms().iter().find(|a| a.alarm_name() == Some(name)).cloned())
}

/// Is the alarm the one `put` makes for this record?
pub fn as_wanted(a: &MetricAlarm, record_name: &str) -> bool {
    let dims: Vec<(&str, &str)> =
        a.dimensions().iter().map(|d| (d.name().unwrap_or(""), d.value().unwrap_or(""))).collect();
    a.namespace() == Some(NAMESPACE)
        && a.metric_name() == Some(METRIC)
        && dims == [(DIMENSION, record_name)]
        && a.statistic() == Some(&Statistic::Maximum)
        && a.threshold() == Some(1.0)
        && a.comparison_operator() == Some(&ComparisonOperator::GreaterThanOrEqualToThreshold)
        && a.evaluation_periods() == Some(1)
        && a.period() == Some(60)
        && a.treat_missing_data() == Some("ignore")
}

pub async fn delete(cw: &Client, name: &str) -> Result<(), AwsError> {
    // DeleteAlarms of a missing name fails the whole call, so look first.
    if find(cw, name).await?.is_some() {
        cw.delete_alarms().alarm_names(name).send().await.map_err(aws)?;
    }
    Ok(())
}
