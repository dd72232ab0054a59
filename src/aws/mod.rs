//! What every AWS-touching resource shares: a typed error, and the generic waiter.

pub mod error;
pub mod wait;

pub use error::AwsError;
