//! One file per AWS primitive the global database owns, each with `find_*`, `create_*`,
//! `wait_*` and `delete_*` helpers. Deletes treat not-found as done; creates treat
//! already-exists as adoption.

pub mod cluster;
pub mod global_cluster;
pub mod groups;
pub mod instance;
// The KMS key helpers are shared with other resources.
pub use crate::resources::common::kms;

pub use crate::aws::error::{absent_as_none, gone_is_done};

pub fn rds_tags(tags: &[(String, String)]) -> Vec<aws_sdk_rds::types::Tag> {
    tags.iter().map(|(k, v)| aws_sdk_rds::types::Tag::builder().key(k).value(v).build()).collect()
}
