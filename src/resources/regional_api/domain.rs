//! The regional custom domain: its ACM certificate (when this resource requests it), the
//! domain name and the base path mapping to the stage.

use aws_sdk_acm::types::{CertificateStatus, ValidationMethod};
use aws_sdk_apigateway::types::{EndpointConfiguration, EndpointType, Op, PatchOperation, SecurityPolicy};

use crate::aws::AwsError;
use crate::aws::error::{absent_as_none, aws};
use crate::aws::wait::{Poll, Waiter};

use super::api::tag_map;

/// API Gateway's name for the empty base path.
const NO_BASE_PATH: &str = "(none)";
const NAME_TAG: &str = "drpair:name";

/// A certificate this resource requested: ARN, status, and the DNS records ACM asks for.
#[derive(Debug, Clone)]
pub struct OwnedCert {
    pub arn: String,
    pub domain: String,
    pub status: String,
    /// (name, type, value)
    pub validation: Vec<(String, String, String)>,
}

/// Every certificate tagged as ours (`drpair:name = id`), any domain, any status.
pub async fn owned_certs(acm: &aws_sdk_acm::Client, id: &str) -> Result<Vec<OwnedCert>, AwsError> {
    let mut arns = Vec::new();
    let mut token = None;
    loop {
        let out = acm
            .list_certificates()
            .set_certificate_statuses(Some(vec![
                CertificateStatus::PendingValidation,
                CertificateStatus::Issued,
                CertificateStatus::Inactive,
                CertificateStatus::Expired,
                CertificateStatus::ValidationTimedOut,
                CertificateStatus::Revoked,
                CertificateStatus::Failed,
            ]))
            .set_next_token(token)
            .send()
            .await
            .map_err(aws)?;
        arns.extend(
            out.certificate_summary_list().iter().filter_map(|c| c.certificate_arn().map(str::to_string)),
        );
        token = out.next_token().map(str::to_string);
        if token.is_none() {
            break;
        }
    }
    let mut owned = Vec::new();
    for arn in arns {
        let tags =
            absent_as_none(acm.list_tags_for_certificate().certificate_arn(&arn).send().await.map_err(aws))?;
        let ours =
            tags.is_some_and(|t| t.tags().iter().any(|t| t.key() == NAME_TAG && t.value() == Some(id)));
        if ours && let Some(c) = describe_cert(acm, &arn).await? {
            owned.push(c);
        }
    }
    Ok(owned)
}

pub async fn describe_cert(acm: &aws_sdk_acm::Client, arn: &str) -> Result<Option<OwnedCert>, AwsError> {
    let out = absent_as_none(acm.describe_certificate().certificate_arn(arn).send().await.map_err(aws))?;
    Ok(out.and_then(|o| o.certificate).map(|c| OwnedCert {
        arn: arn.to_string(),
        domain: c.domain_name().unwrap_or_default().to_string(),
        status: c.status().map(|s| s.as_str().to_string()).unwrap_or_default(),
        validation: c
            .domain_validation_options()
            .iter()
            .filter_map(|o| o.resource_record())
            .map(|r| (r.name().to_string(), r.r#type().as_str().to_string(), r.value().to_string()))
            .collect(),
    }))
}

/// Requests a DNS-validated certificate, tagged as ours. The idempotency token makes a retried
/// request (lost answer, killed apply within the hour) return the same certificate.
pub async fn request_cert(
    acm: &aws_sdk_acm::Client,
    domain: &str,
    token: &str,
    tags: &[(String, String)],
) -> Result<String, AwsError> {
    let out = acm
        .request_certificate()
        .domain_name(domain)
        .validation_method(ValidationMethod::Dns)
        .idempotency_token(token)
        .set_tags(Some(
            tags.iter()
                .map(|(k, v)| aws_sdk_acm::types::Tag::builder().key(k).value(v).build())
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| AwsError::Transport(e.to_string()))?,
        ))
        .send()
        .await
        .map_err(aws)?;
    Ok(out.certificate_arn().unwrap_or_default().to_string())
}

/// Waits until ACM issues the certificate: someone (or drpair_dns_failover) must publish the
/// validation records, which are logged while we wait.
pub async fn wait_issued(acm: &aws_sdk_acm::Client, arn: &str, w: &Waiter) -> Result<(), AwsError> {
    let mut logged = false;
    w.until(&format!("certificate {arn} to be ISSUED"), || {
        let first = !logged;
        logged = true;
        async move {
            let c = describe_cert(acm, arn).await?.ok_or_else(|| AwsError::BadState {
                what: format!("certificate {arn}"),
                state: "deleted".into(),
            })?;
            match c.status.as_str() {
                "ISSUED" => Ok(Poll::Done(())),
                "PENDING_VALIDATION" => {
                    if first {
                        for (name, ty, value) in &c.validation {
                            crate::info!(
                                "certificate {arn} waits for DNS validation record {name} {ty} {value}"
                            );
                        }
                    }
                    Ok(Poll::Pending(c.status))
                }
                other => Err(AwsError::BadState { what: format!("certificate {arn}"), state: other.into() }),
            }
        }
    })
    .await
}

/// Deletes a certificate; API Gateway releases it a little after the domain is gone, so
/// "in use" is waited out.
pub async fn delete_cert(acm: &aws_sdk_acm::Client, arn: &str, w: &Waiter) -> Result<(), AwsError> {
    w.until(&format!("certificate {arn} to be released"), || async move {
        match acm.delete_certificate().certificate_arn(arn).send().await.map_err(aws) {
            Ok(_) => Ok(Poll::Done(())),
            Err(e) if e.is_not_found() => Ok(Poll::Done(())),
            Err(e) if e.code() == Some("ResourceInUseException") => Ok(Poll::Pending("in use".into())),
            Err(e) => Err(e),
        }
    })
    .await
}

/// A custom domain as API Gateway has it.
#[derive(Debug, Clone)]
pub struct Domain {
    pub certificate_arn: Option<String>,
    pub regional_domain_name: Option<String>,
    pub regional_zone_id: Option<String>,
    pub owner: Option<String>,
}

pub async fn find_domain(ag: &aws_sdk_apigateway::Client, name: &str) -> Result<Option<Domain>, AwsError> {
    let out = absent_as_none(ag.get_domain_name().domain_name(name).send().await.map_err(aws))?;
    Ok(out.map(|d| Domain {
        certificate_arn: d.regional_certificate_arn().map(str::to_string),
        regional_domain_name: d.regional_domain_name().map(str::to_string),
        regional_zone_id: d.regional_hosted_zone_id().map(str::to_string),
        owner: d.tags().and_then(|t| t.get(NAME_TAG)).cloned(),
    }))
}

pub async fn create_domain(
    ag: &aws_sdk_apigateway::Client,
    name: &str,
    cert: &str,
    tags: &[(String, String)],
) -> Result<(), AwsError> {
    ag.create_domain_name()
        .domain_name(name)
        .regional_certificate_arn(cert)
        .endpoint_configuration(EndpointConfiguration::builder().types(EndpointType::Regional).build())
        .security_policy(SecurityPolicy::Tls12)
        .set_tags(Some(tag_map(tags)))
        .send()
        .await
        .map_err(aws)?;
    Ok(())
}

/// Swaps the certificate in place: the domain (and its alias target) stays up.
pub async fn set_domain_cert(
    ag: &aws_sdk_apigateway::Client,
    name: &str,
    cert: &str,
) -> Result<(), AwsError> {
    ag.update_domain_name()
        .domain_name(name)
        .patch_operations(
            PatchOperation::builder().op(Op::Replace).path("/regionalCertificateArn").value(cert).build(),
        )
        .send()
        .await
        .map_err(aws)?;
    Ok(())
}

pub async fn delete_domain(ag: &aws_sdk_apigateway::Client, name: &str) -> Result<(), AwsError> {
    absent_as_none(ag.delete_domain_name().domain_name(name).send().await.map_err(aws))?;
    Ok(())
}

/// The empty base path's target: (api id, stage).
pub async fn find_mapping(
    ag: &aws_sdk_apigateway::Client,
    domain: &str,
) -> Result<Option<(String, String)>, AwsError> {
    let out =
        absent_as_none(ag.get_base_path_mappings().domain_name(domain).limit(500).send().await.map_err(aws))?;
    Ok(out.and_then(|o| {
        o.items().iter().find(|m| m.base_path().is_none_or(|p| p == NO_BASE_PATH || p.is_empty())).map(|m| {
            (m.rest_api_id().unwrap_or_default().to_string(), m.stage().unwrap_or_default().to_string())
        })
    }))
}

pub async fn create_mapping(
    ag: &aws_sdk_apigateway::Client,
    domain: &str,
    api_id: &str,
    stage: &str,
) -> Result<(), AwsError> {
    ag.create_base_path_mapping()
        .domain_name(domain)
        .rest_api_id(api_id)
        .stage(stage)
        .send()
        .await
        .map_err(aws)?;
    Ok(())
}

pub async fn delete_mapping(ag: &aws_sdk_apigateway::Client, domain: &str) -> Result<(), AwsError> {
    absent_as_none(
        ag.delete_base_path_mapping().domain_name(domain).base_path(NO_BASE_PATH).send().await.map_err(aws),
    )?;
    Ok(())
}
