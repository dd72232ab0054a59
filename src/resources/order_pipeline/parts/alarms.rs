//! The three alarms of one region: function errors, function throttles, DLQ depth. Any of
//! them in ALARM means the region is not processing orders well (drpair_region_health rolls
//! them up).

use std::collections::BTreeSet;

use aws_sdk_cloudwatch::Client;
use aws_sdk_cloudwatch::types::{ComparisonOperator, Dimension, Statistic, Tag};

use crate::aws::AwsError;
use crate::aws::error::aws;

/// Puts (creates or overwrites) the region's alarms; `names` as `Names::alarms` gives them.
pub async fn put_all(
    cw: &Client,
    names: &[String; 3],
    function: &str,
    dlq: &str,
    tags: &[(String, String)],
) -> Result<(), AwsError> {
    let tags: Vec<Tag> = tags.iter().map(|(k, v)| Tag::builder().key(k).value(v).build()).collect();
    let specs = [
        (
            "AWS/Lambda",
            "Errors",
            "FunctionName",
            function,
            Statistic::Sum,
            "drpair: the order processor failed",
        ),
        (
            "AWS/Lambda",
            "Throttles",
            "FunctionName",
            function,
            Statistic::Sum,
            "drpair: the order processor was throttled",
        ),
        (
            "AWS/SQS",
            "ApproximateNumberOfMessagesVisible",
            "QueueName",
            dlq,
            Statistic::Maximum,
            "drpair: orders are waiting in the dead-letter queue",
        ),
    ];
    for (name, (namespace, metric, dim, value, stat, description)) in names.iter().zip(specs) {
        cw.put_metric_alarm()
            .alarm_name(name)
            .alarm_description(description)
            .namespace(namespace)
            .metric_name(metric)
            .dimensions(Dimension::builder().name(dim).value(value).build())
            .statistic(stat)
            .period(60)
            .evaluation_periods(1)
            .threshold(1.0)
            .comparison_operator(ComparisonOperator::GreaterThanOrEqualToThreshold)
            // No data means no invocations and an empty DLQ: healthy.
            .treat_missing_data("notBreaching")
            .set_tags(Some(tags.clone()))
            .send()
            .await
            .map_err(aws)?;
    }
    Ok(())
}

/// Which of `names` exist.
pub async fn existing(cw: &Client, names: &[String]) -> Result<BTreeSet<String>, AwsError> {
    let out = cw.describe_alarms().set_alarm_names(Some(names.to_vec())).send().await.map_err(aws)?;
    Ok(out.metric_alarms().iter().filter_map(|a| a.alarm_name().map(str::to_string)).collect())
}

/// Deletes those of `names` that exist (CloudWatch deletes nothing if one name is wrong).
pub async fn delete(cw: &Client, names: &[String]) -> Result<(), AwsError> {
    let found: Vec<String> = existing(cw, names).await?.into_iter().collect();
    if found.is_empty() {
        return Ok(());
    }
    cw.delete_alarms().set_alarm_names(Some(found)).send().await.map_err(aws)?;
    Ok(())
}
