//! The parts of an ARN, `arn:<partition>:<service>:<region>:<account>:<resource>`.

/// (partition, account), or None when `arn` is not an ARN with an account.
pub fn partition_and_account(arn: &str) -> Option<(&str, &str)> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    (parts.len() == 6 && parts[0] == "arn" && !parts[4].is_empty()).then(|| (parts[1], parts[4]))
}

/// The region (`arn:aws:rds:us-east-1:...`), or None for a global resource's ARN.
pub fn arn_region(arn: &str) -> Option<&str> {
    arn.split(':').nth(3).filter(|r| !r.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_of_an_arn() {
        assert_eq!(partition_and_account("arn:aws:sqs:us-east-1:123:q"), Some(("aws", "123")));
        assert_eq!(partition_and_account("arn:aws:s3:::bucket"), None);
        assert_eq!(partition_and_account("xrn:aws:sqs:us-east-1:123:q"), None);
        assert_eq!(arn_region("arn:aws:rds:us-east-2:1:cluster:c"), Some("us-east-2"));
        assert_eq!(arn_region("arn:aws:iam::1:role/r"), None);
    }
}
