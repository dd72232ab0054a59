//! What each part of a bucket should be, what AWS says it is, and the difference. Refresh
//! reports the differences as `drift`; converge repairs exactly the parts that differ. One
//! comparison serves both, so what the plan shows is what apply fixes. Pure and unit-tested.

use std::collections::BTreeMap;

use serde_json::Value as Json;

use super::policy;

/// S3 answers these for versioning: never set, or turned on.
pub const VERSIONING_ENABLED: &str = "Enabled";
pub const SSE_KMS: &str = "aws:kms";
/// Id of our lifecycle rule, so it is found among others a human may add.
pub const LIFECYCLE_RULE_ID: &str = "drpair-noncurrent-versions";

/// One bucket as it should be (replication is checked separately: it needs the role).
#[derive(Clone, Debug)]
pub struct BucketWant {
    pub key_arn: Option<String>,
    pub policy: Json,
    pub noncurrent_days: i64,
    pub tags: BTreeMap<String, String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Encryption {
    pub algorithm: String,
    pub key: Option<String>,
    pub bucket_key: bool,
}

/// One existing bucket as AWS reports it.
#[derive(Clone, Debug, Default)]
pub struct BucketSeen {
    pub versioning: Option<String>,
    pub encryption: Option<Encryption>,
    /// BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets.
    pub public_access_block: Option<[bool; 4]>,
    pub policy: Option<Json>,
    /// NoncurrentDays of our lifecycle rule, when it is enabled and covers the whole bucket.
    pub lifecycle_days: Option<i64>,
    pub tags: BTreeMap<String, String>,
}

/// The parts of a bucket, in the order converge writes them: versioning first, because S3
/// refuses a replication configuration (written later) on an unversioned bucket.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    Versioning,
    Encryption,
    PublicAccessBlock,
    Policy,
    Lifecycle,
    Tags,
}

/// Every part that differs, with what was seen, in write order.
pub fn bucket_drift(want: &BucketWant, seen: &BucketSeen) -> Vec<(Part, String)> {
    let mut out = Vec::new();
    if seen.versioning.as_deref() != Some(VERSIONING_ENABLED) {
        let now = seen.versioning.as_deref().unwrap_or("never enabled");
        out.push((Part::Versioning, format!("versioning is {now}, not Enabled")));
    }
    let encryption_ok = seen.encryption.as_ref().is_some_and(|e| {
        e.algorithm == SSE_KMS && e.bucket_key && same_key(e.key.as_deref(), want.key_arn.as_deref())
    });
    if !encryption_ok {
        let now = match &seen.encryption {
            None => "none".to_string(),
            Some(e) => format!(
                "{} with key {} (bucket key {})",
                e.algorithm,
                e.key.as_deref().unwrap_or("default"),
                if e.bucket_key { "on" } else { "off" }
            ),
        };
        out.push((
            Part::Encryption,
            format!("default encryption is {now}, not SSE-KMS with this region's key"),
        ));
    }
    if seen.public_access_block != Some([true; 4]) {
        let now = if seen.public_access_block.is_some() { "partly off" } else { "missing" };
        out.push((Part::PublicAccessBlock, format!("public access block is {now}")));
    }
    match &seen.policy {
        Some(p) if policy::same(p, &want.policy) => {}
        Some(_) => out.push((Part::Policy, "bucket policy differs from the TLS-only policy".into())),
        None => out.push((Part::Policy, "bucket policy is missing".into())),
    }
    if seen.lifecycle_days != Some(want.noncurrent_days) {
        let now = seen.lifecycle_days.map_or("missing".to_string(), |d| format!("{d} days"));
        out.push((
            Part::Lifecycle,
            format!("noncurrent-version expiration is {now}, not {} days", want.noncurrent_days),
        ));
    }
    // Tags AWS adds itself (aws:*) cannot be set or removed by us: ignore them.
    let seen_tags: BTreeMap<_, _> = seen.tags.iter().filter(|(k, _)| !k.starts_with("aws:")).collect();
    if seen_tags != want.tags.iter().collect() {
        out.push((Part::Tags, "tags differ".into()));
    }
    out
}

/// Key ids and ARNs name the same key; S3 keeps whichever form it was given.
fn same_key(seen: Option<&str>, want: Option<&str>) -> bool {
    let id = |k: &str| k.rsplit('/').next().unwrap_or(k).to_string();
    match (seen, want) {
        (Some(s), Some(w)) => s == w || id(s) == id(w),
        _ => false,
    }
}

/// A replication configuration reduced to what we set (and compare).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Replication {
    pub role_arn: String,
    pub rules: Vec<Rule>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Rule {
    pub id: String,
    pub priority: i32,
    pub enabled: bool,
    /// A V2 rule (Filter) with an empty prefix and no tags: every object.
    pub whole_bucket: bool,
    pub delete_markers: bool,
    pub sse_kms_objects: bool,
    pub replica_modifications: bool,
    pub destination_bucket_arn: String,
    pub replica_kms_key_id: Option<String>,
    /// Replication Time Control threshold and the metrics' event threshold, in minutes.
    pub rtc_minutes: Option<i32>,
    pub metrics_minutes: Option<i32>,
}

/// RTC's only threshold: S3 replicates 99.99% of objects within 15 minutes.
pub const RTC_MINUTES: i32 = 15;

/// The one rule we put on a source bucket.
pub fn replication_want(
    role_arn: &str,
    destination_region: &str,
    destination_bucket_arn: &str,
    destination_key_arn: &str,
    rtc: bool,
    two_way: bool,
) -> Replication {
    Replication {
        role_arn: role_arn.to_string(),
        rules: vec![Rule {
            id: format!("drpair-to-{destination_region}"),
            priority: 1,
            enabled: true,
            whole_bucket: true,
            delete_markers: true,
            sse_kms_objects: true,
            // Two-way: metadata changes made to a replica flow back too (AWS's advice).
            replica_modifications: two_way,
            destination_bucket_arn: destination_bucket_arn.to_string(),
            replica_kms_key_id: Some(destination_key_arn.to_string()),
            rtc_minutes: rtc.then_some(RTC_MINUTES),
            metrics_minutes: rtc.then_some(RTC_MINUTES),
        }],
    }
}

/// What is wrong with a bucket's replication, if anything. `want` None: there should be none.
pub fn replication_drift(want: Option<&Replication>, seen: Option<&Replication>) -> Option<String> {
    match (want, seen) {
        (None, None) => None,
        (Some(w), None) => Some(format!(
            "replication to {} is missing",
            w.rules.first().map_or("", |r| r.destination_bucket_arn.as_str())
        )),
        (None, Some(_)) => Some("replication configuration is present but bidirectional is false".into()),
        (Some(w), Some(s)) if w == s => None,
        (Some(w), Some(s)) => {
            Some(format!("replication configuration differs: {}", differences(w, s).join(", ")))
        }
    }
}

fn differences(want: &Replication, seen: &Replication) -> Vec<String> {
    let mut out = Vec::new();
    if want.role_arn != seen.role_arn {
        out.push(format!("role is {}", seen.role_arn));
    }
    let (Some(w), [s]) = (want.rules.first(), seen.rules.as_slice()) else {
        out.push(format!("{} rules instead of one", seen.rules.len()));
        return out;
    };
    let checks: [(&str, bool); 8] = [
        ("rule disabled", w.enabled != s.enabled),
        ("filter is not the whole bucket", w.whole_bucket != s.whole_bucket),
        ("delete-marker replication off", w.delete_markers != s.delete_markers),
        ("SSE-KMS objects not selected", w.sse_kms_objects != s.sse_kms_objects),
        ("replica modification sync differs", w.replica_modifications != s.replica_modifications),
        ("other destination", w.destination_bucket_arn != s.destination_bucket_arn),
        ("other replica key", w.replica_kms_key_id != s.replica_kms_key_id),
        (
            "replication time control differs",
            w.rtc_minutes != s.rtc_minutes || w.metrics_minutes != s.metrics_minutes,
        ),
    ];
    out.extend(checks.iter().filter(|(_, differs)| *differs).map(|(what, _)| what.to_string()));
    if out.is_empty() {
        out.push("rule id or priority".into());
    }
    out
}

/// One thing to change on the replication role.
#[derive(Clone, Debug, PartialEq)]
pub enum RoleFix {
    Trust,
    Policy,
    /// Least privilege: nothing but our policy stays on the role.
    RemoveInline(String),
    Detach(String),
}

impl RoleFix {
    pub fn describe(&self) -> String {
        match self {
            RoleFix::Trust => "trust policy differs (only s3.amazonaws.com may assume it)".into(),
            RoleFix::Policy => format!("inline policy {:?} is missing or differs", policy::ROLE_POLICY_NAME),
            RoleFix::RemoveInline(name) => format!("extra inline policy {name:?}"),
            RoleFix::Detach(arn) => format!("managed policy {arn} attached"),
        }
    }
}

/// What to change on an existing role. `want_policy` is None while the keys it names are not
/// all known; the policy is then not judged.
pub fn role_drift(
    trust: Option<&Json>,
    inline: &BTreeMap<String, Option<Json>>,
    attached: &[String],
    want_trust: &Json,
    want_policy: Option<&Json>,
) -> Vec<RoleFix> {
    let mut out = Vec::new();
    if !trust.is_some_and(|t| policy::same(t, want_trust)) {
        out.push(RoleFix::Trust);
    }
    if let Some(want) = want_policy {
        let ours = inline.get(policy::ROLE_POLICY_NAME).and_then(Option::as_ref);
        if !ours.is_some_and(|p| policy::same(p, want)) {
            out.push(RoleFix::Policy);
        }
    }
    out.extend(
        inline.keys().filter(|k| *k != policy::ROLE_POLICY_NAME).map(|k| RoleFix::RemoveInline(k.clone())),
    );
    out.extend(attached.iter().map(|a| RoleFix::Detach(a.clone())));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::replicated_bucket::model::Flavour;

    const KEY: &str = "arn:aws:kms:us-east-1:123:key/abc";

    fn want() -> BucketWant {
        BucketWant {
            key_arn: Some(KEY.into()),
            policy: policy::bucket_policy("arn:aws:s3:::b", Flavour::Config),
            noncurrent_days: 30,
            tags: BTreeMap::from([("drpair:name".into(), "b".into())]),
        }
    }

    fn conforming() -> BucketSeen {
        BucketSeen {
            versioning: Some("Enabled".into()),
            encryption: Some(Encryption {
                algorithm: SSE_KMS.into(),
                key: Some(KEY.into()),
                bucket_key: true,
            }),
            public_access_block: Some([true; 4]),
            policy: Some(policy::bucket_policy("arn:aws:s3:::b", Flavour::Config)),
            lifecycle_days: Some(30),
            tags: BTreeMap::from([("drpair:name".into(), "b".into()), ("aws:created".into(), "x".into())]),
        }
    }

    fn parts(seen: &BucketSeen) -> Vec<Part> {
        bucket_drift(&want(), seen).into_iter().map(|(p, _)| p).collect()
    }

    #[test]
    fn a_conforming_bucket_has_no_drift() {
        assert!(bucket_drift(&want(), &conforming()).is_empty());
        // The key by id is the same key.
        let mut s = conforming();
        s.encryption.as_mut().unwrap().key = Some("abc".into());
        assert!(parts(&s).is_empty());
    }

    #[test]
    fn each_changed_part_is_reported_alone() {
        let mut s = conforming();
        s.versioning = Some("Suspended".into());
        assert_eq!(
            bucket_drift(&want(), &s)[0],
            (Part::Versioning, "versioning is Suspended, not Enabled".into())
        );
        let mut s = conforming();
        s.public_access_block = None;
        assert_eq!(parts(&s), [Part::PublicAccessBlock]);
        let mut s = conforming();
        s.encryption.as_mut().unwrap().bucket_key = false;
        assert_eq!(parts(&s), [Part::Encryption]);
        let mut s = conforming();
        s.policy = Some(policy::bucket_policy("arn:aws:s3:::b", Flavour::Audit));
        assert_eq!(parts(&s), [Part::Policy]);
        let mut s = conforming();
        s.lifecycle_days = Some(7);
        assert_eq!(parts(&s), [Part::Lifecycle]);
        let mut s = conforming();
        s.tags.clear();
        assert_eq!(parts(&s), [Part::Tags]);
    }

    #[test]
    fn a_fresh_bucket_needs_every_part_in_write_order() {
        let p = parts(&BucketSeen::default());
        assert_eq!(
            p,
            [
                Part::Versioning,
                Part::Encryption,
                Part::PublicAccessBlock,
                Part::Policy,
                Part::Lifecycle,
                Part::Tags
            ]
        );
    }

    #[test]
    fn replication_drift_names_what_differs() {
        let w = replication_want("arn:role", "us-east-2", "arn:aws:s3:::b2", "arn:key2", true, false);
        assert_eq!(replication_drift(Some(&w), Some(&w.clone())), None);
        assert_eq!(replication_drift(None, None), None);
        assert!(replication_drift(Some(&w), None).unwrap().contains("missing"));
        assert!(replication_drift(None, Some(&w)).unwrap().contains("bidirectional"));
        let mut s = w.clone();
        s.rules[0].rtc_minutes = None;
        s.rules[0].metrics_minutes = None;
        assert_eq!(
            replication_drift(Some(&w), Some(&s)).unwrap(),
            "replication configuration differs: replication time control differs"
        );
        let without_rtc =
            replication_want("arn:role", "us-east-2", "arn:aws:s3:::b2", "arn:key2", false, false);
        assert_eq!(without_rtc.rules[0].rtc_minutes, None);
        assert_eq!(w.rules[0].id, "drpair-to-us-east-2");
    }

    #[test]
    fn role_drift_keeps_the_role_least_privileged() {
        let trust = policy::trust_policy();
        let want = serde_json::json!({"Version": "2012-10-17", "Statement": []});
        let inline = BTreeMap::from([(policy::ROLE_POLICY_NAME.to_string(), Some(want.clone()))]);
        assert!(role_drift(Some(&trust), &inline, &[], &trust, Some(&want)).is_empty());
        let mut extra = inline.clone();
        extra.insert("admin".into(), None);
        let fixes = role_drift(None, &extra, &["arn:aws:iam::aws:policy/Admin".into()], &trust, Some(&want));
        assert_eq!(
            fixes,
            [
                RoleFix::Trust,
                RoleFix::RemoveInline("admin".into()),
                RoleFix::Detach("arn:aws:iam::aws:policy/Admin".into())
            ]
        );
        assert_eq!(role_drift(Some(&trust), &BTreeMap::new(), &[], &trust, Some(&want)), [RoleFix::Policy]);
        assert!(role_drift(Some(&trust), &BTreeMap::new(), &[], &trust, None).is_empty());
    }
}
