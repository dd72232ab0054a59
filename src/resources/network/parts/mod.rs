//! One file per AWS primitive the network owns, each with `find_*`, `create_*`, `wait_*` and
//! `delete_*` helpers. Finds go by our tags (or by name inside our own VPC) and check the
//! tags again on what comes back: the stand-in ignores some filters, and the check is cheap.
//! Creates tag in the same call (TagSpecifications), so nothing we make is ever untagged and
//! a re-run after a killed apply finds it. Deletes treat not-found as done.

pub mod peering;
pub mod route_table;
pub mod security_group;
pub mod subnet;
pub mod vpc;
pub mod zones;

use aws_sdk_ec2::types::{Filter, ResourceType, Tag, TagSpecification};

use super::model::RESOURCE_TYPE;
use crate::aws::AwsError;
pub use crate::aws::error::{absent_as_none, gone_is_done};
use crate::aws::wait::{Poll, Waiter};

/// The tags `Configured::tags` puts on everything; finds key on both.
const NAME_TAG: &str = "drpair:name";
const TYPE_TAG: &str = "drpair:resource";

pub fn filter(name: &str, values: &[&str]) -> Filter {
    Filter::builder().name(name).set_values(Some(values.iter().map(|v| v.to_string()).collect())).build()
}

/// Server-side filters for objects tagged as this network's.
pub fn ours(base: &str) -> Vec<Filter> {
    vec![filter(&format!("tag:{NAME_TAG}"), &[base]), filter(&format!("tag:{TYPE_TAG}"), &[RESOURCE_TYPE])]
}

/// The same test on an object's tags.
pub fn is_ours(tags: &[Tag], base: &str) -> bool {
    let has = |k: &str, v: &str| tags.iter().any(|t| t.key() == Some(k) && t.value() == Some(v));
    has(NAME_TAG, base) && has(TYPE_TAG, RESOURCE_TYPE)
}

/// `Name` plus the provider's tags, as EC2 takes them.
pub fn ec2_tags(name: &str, tags: &[(String, String)]) -> Vec<Tag> {
    std::iter::once(Tag::builder().key("Name").value(name).build())
        .chain(tags.iter().map(|(k, v)| Tag::builder().key(k).value(v).build()))
        .collect()
}

pub fn tag_spec(kind: ResourceType, name: &str, tags: &[(String, String)]) -> TagSpecification {
    TagSpecification::builder().resource_type(kind).set_tags(Some(ec2_tags(name, tags))).build()
}

/// Runs `call` until it stops answering not-found. EC2 is eventually consistent: an id
/// that CreateVpc or CreateSecurityGroup just returned can be unknown to the next call for a
/// few seconds. Only for calls on something we know exists.
pub async fn until_visible<T, F, Fut>(w: &Waiter, what: &str, mut call: F) -> Result<T, AwsError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, AwsError>>,
{
    w.until(&format!("{what} to be visible"), || {
        let attempt = call();
        async move {
            match attempt.await {
                Ok(v) => Ok(Poll::Done(v)),
                Err(e) if e.is_not_found() => Ok(Poll::Pending(e.to_string())),
                Err(e) => Err(e),
            }
        }
    })
    .await
}

/// Deletes with `call`, again while AWS answers DependencyViolation: network interfaces of
/// deleted Lambda functions and DB instances are released minutes after their owners are
/// gone, and only then can subnets, security groups and VPCs go. Not-found is done.
pub async fn delete_when_released<F, Fut>(w: &Waiter, what: &str, mut call: F) -> Result<(), AwsError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<(), AwsError>>,
{
    w.until(&format!("{what} to be deleted"), || {
        let attempt = call();
        async move {
            match attempt.await {
                Ok(()) => Ok(Poll::Done(())),
                Err(e) if e.is_not_found() => Ok(Poll::Done(())),
                Err(e) if e.code() == Some("DependencyViolation") => Ok(Poll::Pending(e.to_string())),
                Err(e) => Err(e),
            }
        }
    })
    .await
}

/// A required field missing from an answer AWS documents as always having it.
pub fn missing(op: &str, field: &str) -> AwsError {
    AwsError::BadState { what: op.to_string(), state: format!("answer without {field}") }
}
