//! The order queue and its dead-letter queue in one region.

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use aws_sdk_sqs::Client;
use aws_sdk_sqs::types::QueueAttributeName as A;
use tokio::time::Instant;

use crate::aws::AwsError;
use crate::aws::error::aws;
use crate::aws::wait::{Poll, Waiter};

/// A queue as SQS reports it.
#[derive(Clone, Debug)]
pub struct QueueSeen {
    pub url: String,
    pub arn: String,
    pub attrs: BTreeMap<String, String>,
}

/// SQS says "no such queue" in its own words (query and JSON protocols differ).
fn missing(e: &AwsError) -> bool {
    e.code().is_some_and(|c| c.contains("NonExistentQueue") || c == "QueueDoesNotExist") || e.is_not_found()
}

pub async fn find(sqs: &Client, name: &str) -> Result<Option<QueueSeen>, AwsError> {
    let url = match sqs.get_queue_url().queue_name(name).send().await.map_err(aws) {
        Ok(out) => out.queue_url.unwrap_or_default(),
        Err(e) if missing(&e) => return Ok(None),
        Err(e) => return Err(e),
    };
    let out =
        match sqs.get_queue_attributes().queue_url(&url).attribute_names(A::All).send().await.map_err(aws) {
            Ok(out) => out,
            Err(e) if missing(&e) => return Ok(None),
            Err(e) => return Err(e),
        };
    let attrs: BTreeMap<String, String> =
        out.attributes.unwrap_or_default().into_iter().map(|(k, v)| (k.as_str().to_string(), v)).collect();
    let arn = attrs.get("QueueArn").cloned().unwrap_or_default();
    Ok(Some(QueueSeen { url, arn, attrs }))
}

/// `RedrivePolicy` as (dead-letter target ARN, maxReceiveCount); SQS may give the count as
/// a number or a string.
pub fn redrive(q: &QueueSeen) -> Option<(String, i64)> {
    let doc: serde_json::Value = serde_json::from_str(q.attrs.get("RedrivePolicy")?).ok()?;
    let target = doc["deadLetterTargetArn"].as_str()?.to_string();
    let count = match &doc["maxReceiveCount"] {
        serde_json::Value::Number(n) => n.as_i64()?,
        serde_json::Value::String(s) => s.parse().ok()?,
        _ => return None,
    };
    Some((target, count))
}

pub fn redrive_policy(dlq_arn: &str, max_receive_count: i64) -> String {
    serde_json::json!({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": max_receive_count}).to_string()
}

/// Attributes of `want` that the queue does not have as wanted.
fn differing(seen: &QueueSeen, want: &BTreeMap<String, String>) -> HashMap<A, String> {
    want.iter()
        .filter(|(k, v)| match k.as_str() {
            "RedrivePolicy" => {
                let parse = |s: &str| serde_json::from_str::<serde_json::Value>(s).ok();
                let now = QueueSeen { attrs: [(k.to_string(), v.to_string())].into(), ..seen.clone() };
                redrive(seen) != redrive(&now) || parse(v.as_str()).is_none()
            }
            _ => seen.attrs.get(*k) != Some(*v),
        })
        .map(|(k, v)| (A::from(k.as_str()), v.clone()))
        .collect()
}

/// The queue exists with (at least) the wanted attributes; adopts one of that name.
pub async fn ensure(
    sqs: &Client,
    name: &str,
    want: &BTreeMap<String, String>,
    tags: &[(String, String)],
    w: &Waiter,
) -> Result<QueueSeen, AwsError> {
    if let Some(seen) = find(sqs, name).await? {
        let fix = differing(&seen, want);
        if fix.is_empty() {
            return Ok(seen);
        }
        crate::info!("queue {name}: setting {:?}", fix.keys().map(A::as_str).collect::<Vec<_>>());
        sqs.set_queue_attributes()
            .queue_url(&seen.url)
            .set_attributes(Some(fix))
            .send()
            .await
            .map_err(aws)?;
    } else {
        crate::info!("creating queue {name}");
        let attrs: HashMap<A, String> = want.iter().map(|(k, v)| (A::from(k.as_str()), v.clone())).collect();
        let tags: HashMap<String, String> = tags.iter().cloned().collect();
        // A queue deleted within the last minute cannot be made again yet (AWS's rule).
        let settle =
            Waiter { deadline: w.deadline.min(Instant::now() + Duration::from_secs(90)), ..w.clone() };
        settle
            .until(&format!("queue {name} to be creatable"), || async {
                let made = sqs
                    .create_queue()
                    .queue_name(name)
                    .set_attributes(Some(attrs.clone()))
                    .set_tags(Some(tags.clone()))
                    .send()
                    .await
                    .map_err(aws);
                match made {
                    Ok(_) => Ok(Poll::Done(())),
                    Err(e) if e.code().is_some_and(|c| c.contains("QueueDeletedRecently")) => {
                        Ok(Poll::Pending(e.to_string()))
                    }
                    Err(e) => Err(e),
                }
            })
            .await?;
    }
    find(sqs, name).await?.ok_or_else(|| AwsError::BadState {
        what: format!("queue {name}"),
        state: "missing right after it was written".into(),
    })
}

pub async fn delete(sqs: &Client, name: &str) -> Result<(), AwsError> {
    let Some(seen) = find(sqs, name).await? else { return Ok(()) };
    match sqs.delete_queue().queue_url(&seen.url).send().await.map_err(aws) {
        Err(e) if !missing(&e) => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redrive_counts_as_number_or_string() {
        let q = |doc: &str| QueueSeen {
            url: String::new(),
            arn: String::new(),
            attrs: [("RedrivePolicy".to_string(), doc.to_string())].into(),
        };
        let want = Some(("arn:d".to_string(), 5));
        assert_eq!(redrive(&q(&redrive_policy("arn:d", 5))), want);
        assert_eq!(redrive(&q(r#"{"deadLetterTargetArn":"arn:d","maxReceiveCount":"5"}"#)), want);
        let wanted: BTreeMap<String, String> =
            [("RedrivePolicy".to_string(), redrive_policy("arn:d", 5))].into();
        assert!(
            differing(&q(r#"{"deadLetterTargetArn":"arn:d","maxReceiveCount":"5"}"#), &wanted).is_empty()
        );
        assert_eq!(differing(&q(&redrive_policy("arn:d", 6)), &wanted).len(), 1);
    }
}
