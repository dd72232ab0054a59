//! The JSON policy documents the resource writes, built from values only, and a comparison
//! that ignores what AWS is free to change (key order, a lone string for a one-item list, the
//! URL encoding IAM answers with). Pure, so every document is unit-tested.

use serde_json::{Value as Json, json};

use super::model::Flavour;

/// Statement ids: the audit flavour is recognised by its statement on import.
pub const TLS_ONLY_SID: &str = "DenyInsecureTransport";
pub const AUDIT_SID: &str = "DenyObjectVersionDeletion";
/// The one inline policy of the replication role.
pub const ROLE_POLICY_NAME: &str = "replication";
const VERSION: &str = "2012-10-17";

/// Deny every request that is not over TLS; the audit flavour also denies deleting any object
/// version to everyone, so history can only expire through the lifecycle rule.
pub fn bucket_policy(bucket_arn: &str, flavour: Flavour) -> Json {
    let objects = format!("{bucket_arn}/*");
    let mut statements = vec![json!({
        "Sid": TLS_ONLY_SID,
        "Effect": "Deny",
        "Principal": "*",
        "Action": "s3:*",
        "Resource": [bucket_arn, objects],
        "Condition": {"Bool": {"aws:SecureTransport": "false"}},
    })];
    if flavour == Flavour::Audit {
        statements.push(json!({
            "Sid": AUDIT_SID,
            "Effect": "Deny",
            "Principal": "*",
            "Action": "s3:DeleteObjectVersion",
            "Resource": objects,
        }));
    }
    json!({"Version": VERSION, "Statement": statements})
}

/// True when the policy denies deleting object versions: the audit flavour's mark.
pub fn denies_version_deletion(policy: &Json) -> bool {
    statements(policy).iter().any(|s| {
        s.get("Effect").and_then(Json::as_str) == Some("Deny")
            && strings(s.get("Action")).iter().any(|a| a == "s3:DeleteObjectVersion")
    })
}

/// Who may assume the replication role: S3 alone.
pub fn trust_policy() -> Json {
    json!({
        "Version": VERSION,
        "Statement": [{
            "Effect": "Allow",
            "Principal": {"Service": "s3.amazonaws.com"},
            "Action": "sts:AssumeRole",
        }],
    })
}

/// One direction of replication, with the exact ARNs it touches.
#[derive(Clone, Debug)]
pub struct Route {
    pub source_bucket_arn: String,
    pub source_key_arn: String,
    pub destination_bucket_arn: String,
    pub destination_key_arn: String,
}

/// Least privilege for S3 replication of SSE-KMS objects: read the source's configuration and
/// object versions, write replicas into the destination, decrypt with the source key and
/// encrypt with the destination key. Every resource is an exact bucket, object prefix or key.
pub fn role_policy(routes: &[Route]) -> Json {
    let collect = |f: &dyn Fn(&Route) -> String| {
        let mut v: Vec<String> = routes.iter().map(f).collect();
        v.sort();
        v.dedup();
        v
    };
    let source_buckets = collect(&|r| r.source_bucket_arn.clone());
    let source_objects = collect(&|r| format!("{}/*", r.source_bucket_arn));
    let replicas = collect(&|r| format!("{}/*", r.destination_bucket_arn));
    let source_keys = collect(&|r| r.source_key_arn.clone());
    let destination_keys = collect(&|r| r.destination_key_arn.clone());
    json!({
        "Version": VERSION,
        "Statement": [
            {
                "Sid": "ReadSourceBuckets",
                "Effect": "Allow",
                "Action": ["s3:GetReplicationConfiguration", "s3:ListBucket"],
                "Resource": source_buckets,
            },
            {
                "Sid": "ReadSourceObjectVersions",
                "Effect": "Allow",
                "Action": [
                    "s3:GetObjectVersionForReplication",
                    "s3:GetObjectVersionAcl",
                    "s3:GetObjectVersionTagging",
                ],
                "Resource": source_objects,
            },
            {
                "Sid": "WriteReplicas",
                "Effect": "Allow",
                "Action": ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"],
                "Resource": replicas,
            },
            {"Sid": "DecryptSourceObjects", "Effect": "Allow", "Action": "kms:Decrypt", "Resource": source_keys},
            {"Sid": "EncryptReplicas", "Effect": "Allow", "Action": "kms:Encrypt", "Resource": destination_keys},
        ],
    })
}

/// Same meaning: statements in order, each with its lists compared as sets.
pub fn same(a: &Json, b: &Json) -> bool {
    normalized(a) == normalized(b)
}

fn normalized(policy: &Json) -> Json {
    let mut out = policy.clone();
    if let Some(obj) = out.as_object_mut() {
        let stmts: Vec<Json> = statements(policy).into_iter().map(normalized_statement).collect();
        obj.insert("Statement".into(), Json::Array(stmts));
    }
    out
}

fn normalized_statement(s: &Json) -> Json {
    let mut s = s.clone();
    if let Some(obj) = s.as_object_mut() {
        for key in ["Action", "NotAction", "Resource", "NotResource"] {
            if let Some(v) = obj.get(key) {
                let mut items = strings(Some(v));
                items.sort();
                obj.insert(key.into(), json!(items));
            }
        }
    }
    s
}

fn statements(policy: &Json) -> Vec<&Json> {
    match policy.get("Statement") {
        Some(Json::Array(items)) => items.iter().collect(),
        Some(one @ Json::Object(_)) => vec![one],
        _ => vec![],
    }
}

/// A string or a list of strings, as a list.
fn strings(v: Option<&Json>) -> Vec<String> {
    match v {
        Some(Json::String(s)) => vec![s.clone()],
        Some(Json::Array(items)) => items.iter().filter_map(|i| i.as_str().map(str::to_string)).collect(),
        _ => vec![],
    }
}

/// Parses a policy document as AWS returns it: IAM URL-encodes documents (RFC 3986), S3 and
/// some stand-ins do not.
pub fn parse(doc: &str) -> Option<Json> {
    serde_json::from_str(doc).ok().or_else(|| serde_json::from_str(&percent_decode(doc)?).ok())
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUCKET: &str = "arn:aws:s3:::cfg-test-ab12-us-east-1";

    fn route(from: &str, to: &str) -> Route {
        Route {
            source_bucket_arn: format!("arn:aws:s3:::b-{from}"),
            source_key_arn: format!("arn:aws:kms:{from}:1:key/k"),
            destination_bucket_arn: format!("arn:aws:s3:::b-{to}"),
            destination_key_arn: format!("arn:aws:kms:{to}:1:key/k"),
        }
    }

    #[test]
    fn bucket_policy_denies_plain_http_and_audit_denies_version_deletion() {
        let config = bucket_policy(BUCKET, Flavour::Config);
        let tls = &config["Statement"][0];
        assert_eq!(tls["Condition"]["Bool"]["aws:SecureTransport"], "false");
        assert_eq!(tls["Resource"], json!([BUCKET, format!("{BUCKET}/*")]));
        assert!(!denies_version_deletion(&config));
        let audit = bucket_policy(BUCKET, Flavour::Audit);
        assert!(denies_version_deletion(&audit));
        assert_eq!(audit["Statement"][1]["Principal"], "*");
    }

    #[test]
    fn role_policy_names_exact_resources_and_no_wildcard_action() {
        let p = role_policy(&[route("us-east-1", "us-east-2")]);
        for s in p["Statement"].as_array().unwrap() {
            let actions = strings(s.get("Action"));
            let resources = strings(s.get("Resource"));
            assert!(actions.iter().all(|a| !a.ends_with('*')), "{s}");
            assert!(resources.iter().all(|r| r != "*"), "{s}");
        }
        assert_eq!(p["Statement"][0]["Resource"], json!(["arn:aws:s3:::b-us-east-1"]));
        assert_eq!(p["Statement"][2]["Resource"], json!(["arn:aws:s3:::b-us-east-2/*"]));
        assert_eq!(p["Statement"][3]["Resource"], json!(["arn:aws:kms:us-east-1:1:key/k"]));
        assert_eq!(p["Statement"][4]["Resource"], json!(["arn:aws:kms:us-east-2:1:key/k"]));
    }

    #[test]
    fn two_way_role_policy_covers_both_directions() {
        let p = role_policy(&[route("us-east-1", "us-east-2"), route("us-east-2", "us-east-1")]);
        assert_eq!(p["Statement"][0]["Resource"].as_array().unwrap().len(), 2);
        assert_eq!(p["Statement"][4]["Resource"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn comparison_ignores_what_aws_may_rewrite() {
        let ours = bucket_policy(BUCKET, Flavour::Audit);
        // As AWS might answer: other key order, a one-item list, lists reordered.
        let theirs: Json = serde_json::from_str(&format!(
            r#"{{"Statement":[{{"Condition":{{"Bool":{{"aws:SecureTransport":"false"}}}},"Resource":["{BUCKET}/*","{BUCKET}"],
                "Action":["s3:*"],"Principal":"*","Effect":"Deny","Sid":"{TLS_ONLY_SID}"}},
               {{"Sid":"{AUDIT_SID}","Effect":"Deny","Principal":"*","Action":"s3:DeleteObjectVersion","Resource":["{BUCKET}/*"]}}],
              "Version":"2012-10-17"}}"#
        ))
        .unwrap();
        assert!(same(&ours, &theirs));
        assert!(!same(&ours, &bucket_policy(BUCKET, Flavour::Config)));
    }

    #[test]
    fn parses_url_encoded_iam_documents() {
        let encoded = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D";
        assert_eq!(parse(encoded), Some(json!({"Version": "2012-10-17", "Statement": []})));
        assert_eq!(parse(r#"{"a":1}"#), Some(json!({"a": 1})));
        assert_eq!(parse("%7"), None);
    }
}
