//! One file per AWS primitive the replicated bucket owns, each with `find_*`, `create_*`,
//! `wait_*` and `delete_*` helpers. Deletes treat not-found as done; creates treat
//! already-exists-and-ours as adoption. (The KMS key is shared code: `resources::common::kms`.)

pub mod bucket;
pub mod objects;
pub mod replication;
pub mod role;

use crate::aws::AwsError;

/// S3 answers "this bucket has no such configuration" with codes of its own, some of them
/// ending in `NotFoundError` (encryption, replication): absence, not failure.
pub fn unset_as_none<T>(r: Result<T, AwsError>) -> Result<Option<T>, AwsError> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is_not_found() || e.code().is_some_and(|c| c.ends_with("NotFoundError")) => Ok(None),
        Err(e) => Err(e),
    }
}

/// SDK request builders fail only when a required field is missing: a bug, reported as such.
pub fn built<T, E: std::fmt::Display>(what: &str, r: Result<T, E>) -> Result<T, AwsError> {
    r.map_err(|e| AwsError::BadState { what: format!("{what} request"), state: e.to_string() })
}

pub fn s3_tags(tags: &[(String, String)]) -> Result<Vec<aws_sdk_s3::types::Tag>, AwsError> {
    tags.iter()
        .map(|(k, v)| built("tag", aws_sdk_s3::types::Tag::builder().key(k).value(v).build()))
        .collect()
}
