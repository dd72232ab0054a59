//! Availability zones of a region.

use aws_sdk_ec2::Client;

use super::filter;
use crate::aws::AwsError;
use crate::aws::error::aws;

/// The first `count` availability zones of the client's region, by name. Sorting makes the
/// choice stable from run to run (AWS promises no order); Local and Wavelength Zones are
/// left out, as DB subnet groups and most services need real AZs.
pub async fn availability_zones(ec2: &Client, region: &str, count: usize) -> Result<Vec<String>, AwsError> {
    let out = ec2
        .describe_availability_zones()
        .filters(filter("state", &["available"]))
        .send()
        .await
        .map_err(aws)?;
    let mut zones: Vec<String> = out
        .availability_zones()
        .iter()
        .filter(|z| z.zone_type().is_none_or(|t| t == "availability-zone"))
        .filter_map(|z| z.zone_name().map(str::to_string))
        .collect();
    zones.sort();
    if zones.len() < count {
        return Err(AwsError::BadState {
            what: format!("region {region}"),
            state: format!(
                "only {} availability zones available ({}), az_count asks for {count}",
                zones.len(),
                zones.join(", ")
            ),
        });
    }
    zones.truncate(count);
    Ok(zones)
}
