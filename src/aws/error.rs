//! One error type for AWS work. It stays typed inside the provider and becomes a Terraform
//! diagnostic only at the resource boundary, with the AWS code and request id kept.

use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use aws_types::request_id::RequestId;

#[derive(Debug, thiserror::Error)]
pub enum AwsError {
    /// AWS answered with an error code.
    #[error("{code}: {message}{}", request_id.as_ref().map(|r| format!(" (request id {r})")).unwrap_or_default())]
    Api { code: String, message: String, request_id: Option<String> },
    /// No answer: connection refused, timeouts, region unreachable.
    #[error("no usable answer from AWS: {0}")]
    Transport(String),
    /// A waiter ran past its deadline.
    #[error("timed out after {waited_secs}s waiting for {what} (last seen: {last})")]
    Timeout { what: String, last: String, waited_secs: u64 },
    /// A waiter saw a state it cannot leave (e.g. `failed`).
    #[error("{what} reached state {state:?}")]
    BadState { what: String, state: String },
    /// Terraform asked the provider to stop.
    #[error("cancelled: Terraform asked the provider to stop")]
    Cancelled,
}

impl AwsError {
    pub fn from_sdk<E, R>(e: SdkError<E, R>) -> AwsError
    where
        E: ProvideErrorMetadata + std::error::Error + 'static,
        R: std::fmt::Debug,
        SdkError<E, R>: RequestId,
    {
        let request_id = e.request_id().map(str::to_string);
        match e.code() {
            Some(code) => AwsError::Api {
                code: code.to_string(),
                message: e.message().unwrap_or_default().to_string(),
                request_id,
            },
            None => {
                // The full context can hold a whole HTML error page: keep the useful start.
                let full = format!("{}", aws_smithy_types::error::display::DisplayErrorContext(&e));
                AwsError::Transport(full.chars().take(300).collect())
            }
        }
    }

    pub fn code(&self) -> Option<&str> {
        match self {
            AwsError::Api { code, .. } => Some(code),
            _ => None,
        }
    }

    /// Not-found answers of the services we use: deletes treat them as done, finds as absent.
    pub fn is_not_found(&self) -> bool {
        self.code().is_some_and(|c| {
            // RDS *NotFoundFault, EC2 *.NotFound, KMS/DynamoDB *NotFoundException, S3/IAM NoSuch*.
            c.ends_with("NotFoundFault")
                || c.ends_with("NotFound")
                || c.ends_with("NotFoundException")
                || c.starts_with("NoSuch")
                // Step Functions: StateMachineDoesNotExist, ExecutionDoesNotExist.
                || c.ends_with("DoesNotExist")
        })
    }

    /// "Already exists" answers: a re-run adopts what an interrupted run created.
    pub fn is_already_exists(&self) -> bool {
        self.code().is_some_and(|c| c.ends_with("AlreadyExistsFault") || c == "AlreadyExistsException")
    }
}

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

/// Shorthand for calls: `client.op().send().await.map_err(aws)`.
pub fn aws<E, R>(e: SdkError<E, R>) -> AwsError
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug,
    SdkError<E, R>: RequestId,
{
    AwsError::from_sdk(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(code: &str) -> AwsError {
        AwsError::Api { code: code.into(), message: "m".into(), request_id: Some("r-1".into()) }
    }

    #[test]
    fn classifies_not_found_and_exists() {
        assert!(api("DBClusterNotFoundFault").is_not_found());
        assert!(api("GlobalClusterNotFoundFault").is_not_found());
        assert!(api("NotFoundException").is_not_found());
        assert!(api("ResourceNotFoundException").is_not_found());
        assert!(api("NoSuchBucket").is_not_found());
        assert!(api("StateMachineDoesNotExist").is_not_found());
        assert!(api("InvalidVpcID.NotFound").is_not_found());
        assert!(!api("InvalidDBClusterStateFault").is_not_found());
        assert!(api("DBClusterAlreadyExistsFault").is_already_exists());
        assert!(!AwsError::Cancelled.is_not_found());
    }

    #[test]
    fn message_keeps_code_and_request_id() {
        assert_eq!(api("Throttling").to_string(), "Throttling: m (request id r-1)");
    }
}
