//! Read: the pair as AWS has it. Arguments stay as configured (they are the intent); what
//! differs from them is listed in `drift`, part by part, so the plan shows an in-place update
//! and apply repairs exactly that. An import, which has no arguments yet, takes them from AWS.

use super::check::{self, BucketSeen, Replication};
use super::desired::Pair;
use super::model::{Flavour, Names, Present, RESOURCE_TYPE, Spec, inventory, region_value};
use super::parts::bucket;
use super::parts::replication;
use super::parts::role::{self, RoleSeen};
use super::policy;
use crate::aws::AwsError;
use crate::provider::Configured;
use crate::resources::common::kms;
use crate::tfplugin::value::Value;

/// Everything AWS holds of one pair, primary first.
#[derive(Clone, Debug, Default)]
pub struct Observed {
    pub keys: [Option<String>; 2],
    pub buckets: [Option<BucketSeen>; 2],
    pub replication: [Option<Replication>; 2],
    pub role: Option<RoleSeen>,
}

pub async fn observe(p: &Configured, names: &Names, regions: &[String; 2]) -> Result<Observed, AwsError> {
    let region = |i: usize| async move {
        let r = &regions[i];
        let (s3, name) = (p.s3(r), names.bucket(r));
        let key = kms::find_key_by_alias(&p.kms(r), &names.kms_alias()).await?;
        if !bucket::find_bucket(&s3, &name).await? {
            return Ok::<_, AwsError>((key, None, None));
        }
        let (seen, rep) =
            futures::try_join!(bucket::observe(&s3, &name), replication::find_replication(&s3, &name))?;
        Ok((key, Some(seen), rep))
    };
    let (iam, role_name) = (p.iam(), names.role());
    let ((k0, b0, r0), (k1, b1, r1), role) =
        futures::try_join!(region(0), region(1), role::find_role(&iam, &role_name))?;
    Ok(Observed { keys: [k0, k1], buckets: [b0, b1], replication: [r0, r1], role })
}

/// The refreshed state, or None when neither bucket exists any more. `prior` supplies the
/// arguments (or, when they are null after an import, they are read from AWS).
pub async fn refresh(
    p: &Configured,
    names: &Names,
    regions: &[String; 2],
    prior: &Value,
) -> Result<Option<Value>, AwsError> {
    let seen = observe(p, names, regions).await?;
    if seen.buckets.iter().all(Option::is_none) {
        return Ok(None);
    }
    let mut state = prior.clone();
    if prior.get("flavour").is_null() {
        infer_spec(&seen).write(&mut state);
    }
    let spec = Spec::from_values(&state);
    let pair = Pair { names, regions, spec: &spec, tags: p.tags(RESOURCE_TYPE, &names.base) };
    state.set("id", Value::string(&names.base));
    state.set("primary_region", Value::string(&regions[0]));
    state.set("secondary_region", Value::string(&regions[1]));
    for (i, side) in ["primary", "secondary"].iter().enumerate() {
        state.set(side, region_value(names, &regions[i], Value::opt_string(seen.keys[i].clone())));
    }
    state.set("replication_role_arn", Value::opt_string(seen.role.as_ref().map(|r| r.arn.clone())));
    state.set("drift", Value::strings(drift_report(&pair, &seen)));
    let present = Present {
        keys: &seen.keys,
        buckets: seen.buckets.each_ref().map(Option::is_some),
        role_arn: seen.role.as_ref().map(|r| r.arn.as_str()),
        replication: seen.replication.each_ref().map(Option::is_some),
    };
    state.set("inventory", Value::List(inventory(names, regions, &present)));
    Ok(Some(state))
}

/// The arguments that reproduce what AWS holds (for import). `force_destroy` cannot be seen
/// in AWS: it takes its default, true.
pub fn infer_spec(seen: &Observed) -> Spec {
    let home = seen.buckets[0].as_ref().or(seen.buckets[1].as_ref());
    let audit = home.and_then(|b| b.policy.as_ref()).is_some_and(policy::denies_version_deletion);
    let flavour = if audit { Flavour::Audit } else { Flavour::Config };
    let rule = seen.replication[0].as_ref().and_then(|r| r.rules.first());
    Spec {
        flavour,
        bidirectional: seen.replication[1].is_some(),
        replication_time_control: rule.is_none_or(|r| r.rtc_minutes.is_some()),
        noncurrent_days: home.and_then(|b| b.lifecycle_days).unwrap_or(flavour.default_days()),
        force_destroy: true,
    }
}

/// Every difference between AWS and the spec, one line each, prefixed by where it is.
pub fn drift_report(pair: &Pair<'_>, seen: &Observed) -> Vec<String> {
    let mut out = Vec::new();
    let role_arn = seen.role.as_ref().map(|r| r.arn.as_str());
    for i in 0..2 {
        let region = &pair.regions[i];
        if seen.keys[i].is_none() {
            out.push(format!("{region}: KMS key {} is missing or pending deletion", pair.names.kms_alias()));
        }
        let Some(b) = &seen.buckets[i] else {
            out.push(format!("{region}: bucket {} is missing", pair.bucket(i)));
            continue;
        };
        let want = pair.bucket_want(i, seen.keys[i].as_deref());
        out.extend(check::bucket_drift(&want, b).into_iter().map(|(_, why)| format!("{region}: {why}")));
        // Judged only when the role and the destination key are known; their absence is
        // reported on its own line.
        if let Some(want) = pair.replication_want(i, role_arn, &seen.keys)
            && let Some(why) = check::replication_drift(want.as_ref(), seen.replication[i].as_ref())
        {
            out.push(format!("{region}: {why}"));
        }
    }
    let role_name = pair.names.role();
    match &seen.role {
        None => out.push(format!("replication role {role_name} is missing")),
        Some(r) => {
            let want = pair.role_policy(&seen.keys);
            let fixes = check::role_drift(
                r.trust.as_ref(),
                &r.inline,
                &r.attached,
                &policy::trust_policy(),
                want.as_ref(),
            );
            out.extend(fixes.iter().map(|f| format!("replication role {role_name}: {}", f.describe())));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::resources::replicated_bucket::check::Encryption;

    const REGIONS: [&str; 2] = ["us-east-1", "us-east-2"];

    fn regions() -> [String; 2] {
        REGIONS.map(str::to_string)
    }

    /// AWS exactly as `spec` wants it.
    fn conforming(pair: &Pair<'_>) -> Observed {
        let keys = [
            Some("arn:aws:kms:us-east-1:1:key/a".to_string()),
            Some("arn:aws:kms:us-east-2:1:key/b".to_string()),
        ];
        let role_arn = "arn:aws:iam::1:role/r";
        let bucket = |i: usize| {
            let want = pair.bucket_want(i, keys[i].as_deref());
            BucketSeen {
                versioning: Some("Enabled".into()),
                encryption: Some(Encryption {
                    algorithm: "aws:kms".into(),
                    key: want.key_arn.clone(),
                    bucket_key: true,
                }),
                public_access_block: Some([true; 4]),
                policy: Some(want.policy.clone()),
                lifecycle_days: Some(want.noncurrent_days),
                tags: want.tags.clone(),
            }
        };
        let rep = |i: usize| pair.replication_want(i, Some(role_arn), &keys).unwrap();
        let role = RoleSeen {
            arn: role_arn.into(),
            trust: Some(policy::trust_policy()),
            inline: BTreeMap::from([(policy::ROLE_POLICY_NAME.to_string(), pair.role_policy(&keys))]),
            attached: vec![],
        };
        Observed {
            buckets: [Some(bucket(0)), Some(bucket(1))],
            replication: [rep(0), rep(1)],
            role: Some(role),
            keys,
        }
    }

    fn spec(flavour: Flavour, bidirectional: bool) -> Spec {
        Spec {
            flavour,
            bidirectional,
            replication_time_control: true,
            noncurrent_days: flavour.default_days(),
            force_destroy: true,
        }
    }

    #[test]
    fn conforming_pairs_report_nothing_and_import_reproduces_the_spec() {
        let names = Names { base: "cfg-test-ab12".into() };
        let regions = regions();
        for s in [spec(Flavour::Config, false), spec(Flavour::Audit, true)] {
            let pair =
                Pair { names: &names, regions: &regions, spec: &s, tags: vec![("k".into(), "v".into())] };
            let seen = conforming(&pair);
            assert_eq!(drift_report(&pair, &seen), Vec::<String>::new());
            assert_eq!(infer_spec(&seen), s);
        }
    }

    #[test]
    fn outside_changes_are_reported_where_they_are() {
        let names = Names { base: "cfg-test-ab12".into() };
        let regions = regions();
        let s = spec(Flavour::Config, false);
        let pair = Pair { names: &names, regions: &regions, spec: &s, tags: vec![] };
        let mut seen = conforming(&pair);
        seen.replication[0] = None;
        seen.buckets[1].as_mut().unwrap().versioning = Some("Suspended".into());
        seen.buckets[1].as_mut().unwrap().public_access_block = None;
        assert_eq!(
            drift_report(&pair, &seen),
            [
                "us-east-1: replication to arn:aws:s3:::cfg-test-ab12-us-east-2 is missing",
                "us-east-2: versioning is Suspended, not Enabled",
                "us-east-2: public access block is missing",
            ]
        );
        let mut seen = conforming(&pair);
        seen.buckets[1] = None;
        seen.role = None;
        assert_eq!(
            drift_report(&pair, &seen),
            [
                "us-east-2: bucket cfg-test-ab12-us-east-2 is missing",
                "replication role cfg-test-ab12-replication is missing"
            ]
        );
    }
}
