//! AWS primitives more than one resource owns, so each is written once.

pub mod arn;
pub mod iam_role;
pub mod kms;
pub mod package;
