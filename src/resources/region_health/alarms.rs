//! The CloudWatch calls of `drpair_region_health`: put the owned metric alarms and the
//! composite, find them, delete them.

use std::collections::BTreeMap;

use aws_sdk_cloudwatch::Client;
use aws_sdk_cloudwatch::types::{AlarmType, ComparisonOperator, Dimension, Statistic, Tag};

use crate::aws::AwsError;
use crate::aws::error::aws;

use super::model::{Owned, OwnedAlarm};

/// What CloudWatch holds under a set of names.
#[derive(Default, Debug)]
pub struct Found {
    /// Composite alarms: name -> (ARN, rule).
    pub composites: BTreeMap<String, (String, String)>,
    /// Metric alarms: name -> (dimensions, threshold).
    pub metrics: BTreeMap<String, (BTreeMap<String, String>, f64)>,
}

fn tags(tags: &[(String, String)]) -> Vec<Tag> {
    tags.iter().map(|(k, v)| Tag::builder().key(k).value(v).build()).collect()
}

fn dimension(name: &str, value: &str) -> Dimension {
    Dimension::builder().name(name).value(value).build()
}

/// Creates or updates one owned metric alarm (PutMetricAlarm is an upsert).
pub async fn put_metric_alarm(
    cw: &Client,
    alarm: &OwnedAlarm,
    tag_list: &[(String, String)],
) -> Result<(), AwsError> {
    let req = cw
        .put_metric_alarm()
        .alarm_name(&alarm.name)
        .set_tags(Some(tags(tag_list)))
        .period(60)
        .evaluation_periods(1);
    let req = match &alarm.kind {
        // A writer reports no lag, so missing data is healthy; the maximum catches spikes.
        Owned::Lag { cluster, threshold_ms } => req
            .alarm_description("drpair: Aurora global database replication lag of this region's cluster")
            .namespace("AWS/RDS")
            .metric_name("AuroraGlobalDBReplicationLag")
            .dimensions(dimension("DBClusterIdentifier", cluster))
            .statistic(Statistic::Maximum)
            .threshold(*threshold_ms as f64)
            .comparison_operator(ComparisonOperator::GreaterThanThreshold)
            .treat_missing_data("notBreaching"),
        // A health check that stops reporting is not evidence of health.
        Owned::Endpoint { health_check_id } => req
            .alarm_description("drpair: Route 53 health check of this region's endpoint")
            .namespace("AWS/Route53")
            .metric_name("HealthCheckStatus")
            .dimensions(dimension("HealthCheckId", health_check_id))
            .statistic(Statistic::Minimum)
            .threshold(1.0)
            .comparison_operator(ComparisonOperator::LessThanThreshold)
            .treat_missing_data("breaching"),
    };
    req.send().await.map_err(aws)?;
    Ok(())
}

pub async fn put_composite(
    cw: &Client,
    name: &str,
    rule: &str,
    tag_list: &[(String, String)],
) -> Result<(), AwsError> {
    cw.put_composite_alarm()
        .alarm_name(name)
        .alarm_rule(rule)
        .alarm_description("drpair: in ALARM while this region is unhealthy (any member alarm in ALARM)")
        .set_tags(Some(tags(tag_list)))
        .send()
        .await
        .map_err(aws)?;
    Ok(())
}

/// The alarms among `names`, of both kinds (DescribeAlarms takes up to 100 names).
pub async fn find(cw: &Client, names: &[String]) -> Result<Found, AwsError> {
    let mut found = Found::default();
    let mut token = None;
    loop {
        let out = cw
            .describe_alarms()
            .set_alarm_names(Some(names.to_vec()))
            .alarm_types(AlarmType::CompositeAlarm)
            .alarm_types(AlarmType::MetricAlarm)
            .set_next_token(token)
            .send()
            .await
            .map_err(aws)?;
        for c in out.composite_alarms() {
            if let Some(name) = c.alarm_name() {
                found.composites.insert(
                    name.to_string(),
                    (
                        c.alarm_arn().unwrap_or_default().to_string(),
                        c.alarm_rule().unwrap_or_default().to_string(),
                    ),
                );
            }
        }
        for m in out.metric_alarms() {
            if let Some(name) = m.alarm_name() {
                let dims = m
                    .dimensions()
                    .iter()
                    .filter_map(|d| Some((d.name()?.to_string(), d.value()?.to_string())))
                    .collect();
                found.metrics.insert(name.to_string(), (dims, m.threshold().unwrap_or_default()));
            }
        }
        token = out.next_token().map(str::to_string);
        if token.is_none() {
            return Ok(found);
        }
    }
}

/// Deletes the named alarms that exist. CloudWatch deletes nothing when one name is wrong,
/// so the caller passes only names it found.
pub async fn delete(cw: &Client, names: &[String]) -> Result<(), AwsError> {
    if names.is_empty() {
        return Ok(());
    }
    cw.delete_alarms().set_alarm_names(Some(names.to_vec())).send().await.map_err(aws)?;
    Ok(())
}
