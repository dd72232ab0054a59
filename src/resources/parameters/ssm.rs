//! The SSM calls `drpair_parameters` makes: list a path, put, tag, delete.

use std::collections::BTreeMap;

use aws_sdk_ssm::Client;
use aws_sdk_ssm::types::{ParameterType, ResourceTypeForTagging, Tag};

use crate::aws::AwsError;
use crate::aws::error::aws;

/// One stored parameter, by key (the name below the path).
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    pub value: String,
    pub secure: bool,
}

/// Every parameter under `path`, keyed by the part of the name after `path/`. SecureString
/// values are not decrypted: the provider never reads secrets back.
pub async fn list(ssm: &Client, path: &str) -> Result<BTreeMap<String, Stored>, AwsError> {
    let mut out = BTreeMap::new();
    let mut pages = ssm
        .get_parameters_by_path()
        .path(path)
        .recursive(true)
        .with_decryption(false)
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        for p in page.map_err(aws)?.parameters() {
            let (Some(name), Some(value)) = (p.name(), p.value()) else { continue };
            let Some(key) = name.strip_prefix(path).and_then(|k| k.strip_prefix('/')) else { continue };
            let secure = p.r#type() == Some(&ParameterType::SecureString);
            out.insert(key.to_string(), Stored { value: value.to_string(), secure });
        }
    }
    Ok(out)
}

pub struct Put<'a> {
    pub name: String,
    pub value: &'a str,
    pub secure: bool,
    pub kms_key_id: Option<&'a str>,
    /// Tags go on new parameters only: PutParameter refuses tags together with Overwrite.
    pub tags: Option<&'a [(String, String)]>,
}

pub async fn put(ssm: &Client, p: Put<'_>) -> Result<(), AwsError> {
    let kind = if p.secure { ParameterType::SecureString } else { ParameterType::String };
    let req = ssm
        .put_parameter()
        .name(&p.name)
        .value(p.value)
        .r#type(kind)
        .overwrite(true)
        .set_key_id(p.secure.then(|| p.kms_key_id.map(str::to_string)).flatten());
    req.send().await.map_err(aws)?;
    if let Some(tags) = p.tags.filter(|t| !t.is_empty()) {
        let tags: Vec<Tag> =
            tags.iter().filter_map(|(k, v)| Tag::builder().key(k).value(v).build().ok()).collect();
        ssm.add_tags_to_resource()
            .resource_type(ResourceTypeForTagging::Parameter)
            .resource_id(&p.name)
            .set_tags(Some(tags))
            .send()
            .await
            .map_err(aws)?;
    }
    Ok(())
}

/// Deletes the named parameters, ten at a time (the API's limit); absent ones are fine.
pub async fn delete(ssm: &Client, names: &[String]) -> Result<(), AwsError> {
    for chunk in names.chunks(10) {
        ssm.delete_parameters().set_names(Some(chunk.to_vec())).send().await.map_err(aws)?;
    }
    Ok(())
}
