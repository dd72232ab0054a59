//! One file per AWS primitive the global database owns, each with `find_*`, `create_*`,
//! `wait_*` and `delete_*` helpers. Deletes treat not-found as done; creates treat
//! already-exists as adoption.

pub mod cluster;
pub mod global_cluster;
pub mod groups;
pub mod instance;
pub mod kms;

use crate::aws::AwsError;

/// Maps not-found to `None`, so callers see absence as a value, not an error.
pub fn absent_as_none<T>(r: Result<T, AwsError>) -> Result<Option<T>, AwsError> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is_not_found() => Ok(None),
        Err(e) => Err(e),
    }
}

/// Maps not-found to success: deleting what is already gone is done.
pub fn gone_is_done(r: Result<(), AwsError>) -> Result<(), AwsError> {
    match r {
        Err(e) if e.is_not_found() => Ok(()),
        other => other,
    }
}

pub fn rds_tags(tags: &[(String, String)]) -> Vec<aws_sdk_rds::types::Tag> {
    tags.iter().map(|(k, v)| aws_sdk_rds::types::Tag::builder().key(k).value(v).build()).collect()
}
