//! The whole pair as it should be, from the spec, the names and the ARNs known so far. Used by
//! converge (to write) and refresh (to report drift), so both judge by the same rules.

use serde_json::Value as Json;

use super::check::{self, BucketWant, Replication};
use super::model::{Names, Spec};
use super::parts::bucket::tag_map;
use super::policy::{self, Route};

pub struct Pair<'a> {
    pub names: &'a Names,
    /// Primary first. Replication always runs primary -> secondary; the other way too when
    /// `bidirectional`.
    pub regions: &'a [String; 2],
    pub spec: &'a Spec,
    pub tags: Vec<(String, String)>,
}

impl Pair<'_> {
    pub fn bucket(&self, i: usize) -> String {
        self.names.bucket(&self.regions[i])
    }

    pub fn bucket_arn(&self, i: usize) -> String {
        self.names.bucket_arn(&self.regions[i])
    }

    pub fn bucket_want(&self, i: usize, key_arn: Option<&str>) -> BucketWant {
        BucketWant {
            key_arn: key_arn.map(str::to_string),
            policy: policy::bucket_policy(&self.bucket_arn(i), self.spec.flavour),
            noncurrent_days: self.spec.noncurrent_days,
            tags: tag_map(&self.tags),
        }
    }

    /// Source indexes that replicate, each to the other region.
    pub fn sources(&self) -> Vec<usize> {
        if self.spec.bidirectional { vec![0, 1] } else { vec![0] }
    }

    /// The role's policy; None while either key is unknown.
    pub fn role_policy(&self, keys: &[Option<String>; 2]) -> Option<Json> {
        let routes = self
            .sources()
            .into_iter()
            .map(|from| {
                let to = 1 - from;
                Some(Route {
                    source_bucket_arn: self.bucket_arn(from),
                    source_key_arn: keys[from].clone()?,
                    destination_bucket_arn: self.bucket_arn(to),
                    destination_key_arn: keys[to].clone()?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(policy::role_policy(&routes))
    }

    /// What bucket `i`'s replication configuration should be: `Some(None)` for none at all,
    /// `None` while the role or the destination key is unknown.
    pub fn replication_want(
        &self,
        i: usize,
        role_arn: Option<&str>,
        keys: &[Option<String>; 2],
    ) -> Option<Option<Replication>> {
        if !self.sources().contains(&i) {
            return Some(None);
        }
        let to = 1 - i;
        Some(Some(check::replication_want(
            role_arn?,
            &self.regions[to],
            &self.bucket_arn(to),
            keys[to].as_deref()?,
            self.spec.replication_time_control,
            self.spec.bidirectional,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::replicated_bucket::model::{Flavour, Spec};

    fn spec(bidirectional: bool) -> Spec {
        Spec {
            flavour: Flavour::Config,
            bidirectional,
            replication_time_control: true,
            noncurrent_days: 30,
            force_destroy: true,
        }
    }

    #[test]
    fn one_way_replicates_primary_to_secondary_only() {
        let names = Names { base: "cfg-t-ab".into() };
        let regions = ["us-east-1".to_string(), "us-east-2".to_string()];
        let s = spec(false);
        let pair = Pair { names: &names, regions: &regions, spec: &s, tags: vec![] };
        let keys = [Some("k1".to_string()), Some("k2".to_string())];
        let primary = pair.replication_want(0, Some("role"), &keys).unwrap().unwrap();
        assert_eq!(primary.rules[0].destination_bucket_arn, "arn:aws:s3:::cfg-t-ab-us-east-2");
        assert_eq!(primary.rules[0].replica_kms_key_id.as_deref(), Some("k2"));
        assert_eq!(pair.replication_want(1, Some("role"), &keys), Some(None));
        assert_eq!(pair.replication_want(0, None, &keys), None);
        let p = pair.role_policy(&keys).unwrap();
        assert_eq!(p["Statement"][3]["Resource"], serde_json::json!(["k1"]));
        assert!(pair.role_policy(&[None, Some("k2".into())]).is_none());
    }

    #[test]
    fn two_way_replicates_both_ways() {
        let names = Names { base: "cfg-t-ab".into() };
        let regions = ["us-east-1".to_string(), "us-east-2".to_string()];
        let s = spec(true);
        let pair = Pair { names: &names, regions: &regions, spec: &s, tags: vec![] };
        let keys = [Some("k1".to_string()), Some("k2".to_string())];
        let back = pair.replication_want(1, Some("role"), &keys).unwrap().unwrap();
        assert_eq!(back.rules[0].destination_bucket_arn, "arn:aws:s3:::cfg-t-ab-us-east-1");
        assert!(back.rules[0].replica_modifications);
    }
}
