//! Create and update are one operation: bring AWS to the spec part by part, adopting what
//! already exists under our deterministic names and writing only what differs. So a killed
//! apply, a part changed outside Terraform and a plain update all take the same path, and a
//! repair touches nothing that was fine.
//!
//! Order: keys, then buckets with versioning first (S3 refuses replication on an unversioned
//! bucket, source or destination), then the role that names the keys and buckets, then the
//! replication configurations that name the role.

use super::check::{self, RoleFix};
use super::desired::Pair;
use super::parts::{bucket, replication, role};
use super::policy;
use crate::aws::AwsError;
use crate::aws::wait::Waiter;
use crate::provider::Configured;
use crate::resources::common::kms;

pub struct Converge<'a> {
    pub provider: &'a Configured,
    pub pair: Pair<'a>,
    pub waiter: Waiter,
}

impl Converge<'_> {
    pub async fn run(&self) -> Result<(), AwsError> {
        let [primary, secondary] = self.pair.regions;
        let (k0, k1) = futures::try_join!(self.ensure_key(primary), self.ensure_key(secondary))?;
        let keys = [Some(k0), Some(k1)];
        futures::try_join!(self.ensure_bucket(0, &keys), self.ensure_bucket(1, &keys))?;
        let role_arn = self.ensure_role(&keys).await?;
        futures::try_join!(
            self.ensure_replication(0, &role_arn, &keys),
            self.ensure_replication(1, &role_arn, &keys)
        )?;
        Ok(())
    }

    async fn ensure_key(&self, region: &str) -> Result<String, AwsError> {
        kms::ensure_key(&self.provider.kms(region), &self.pair.names.kms_alias(), &self.pair.tags).await
    }

    /// The bucket exists, then each of its parts that differs is written, in `Part` order.
    async fn ensure_bucket(&self, i: usize, keys: &[Option<String>; 2]) -> Result<(), AwsError> {
        let region = &self.pair.regions[i];
        let s3 = self.provider.s3(region);
        let name = self.pair.bucket(i);
        if !bucket::find_bucket(&s3, &name).await? {
            crate::info!("creating bucket {name} in {region}");
            bucket::create_bucket(&s3, &name, region).await?;
            bucket::wait_bucket_exists(&s3, &name, &self.waiter).await?;
        }
        let seen = bucket::observe(&s3, &name).await?;
        let want = self.pair.bucket_want(i, keys[i].as_deref());
        for (part, why) in check::bucket_drift(&want, &seen) {
            crate::debug!("bucket {name}: {why}");
            bucket::write_part(&s3, &name, part, &want).await?;
        }
        Ok(())
    }

    /// The role exists, trusted by S3 alone, with exactly our policy; returns its ARN.
    async fn ensure_role(&self, keys: &[Option<String>; 2]) -> Result<String, AwsError> {
        let iam = self.provider.iam();
        let name = self.pair.names.role();
        let trust = policy::trust_policy();
        let doc = self.pair.role_policy(keys).ok_or_else(|| AwsError::BadState {
            what: format!("role {name}"),
            state: "a region's KMS key is unknown".into(),
        })?;
        let Some(seen) = role::find_role(&iam, &name).await? else {
            crate::info!("creating replication role {name}");
            let arn = role::create_role(&iam, &name, &trust, &self.pair.tags).await?;
            role::put_inline(&iam, &name, policy::ROLE_POLICY_NAME, &doc, &self.waiter).await?;
            return Ok(arn);
        };
        for fix in check::role_drift(seen.trust.as_ref(), &seen.inline, &seen.attached, &trust, Some(&doc)) {
            crate::info!("role {name}: {}", fix.describe());
            match fix {
                RoleFix::Trust => role::update_trust(&iam, &name, &trust).await?,
                RoleFix::Policy => {
                    role::put_inline(&iam, &name, policy::ROLE_POLICY_NAME, &doc, &self.waiter).await?
                }
                RoleFix::RemoveInline(p) => role::delete_inline(&iam, &name, &p).await?,
                RoleFix::Detach(arn) => role::detach(&iam, &name, &arn).await?,
            }
        }
        Ok(seen.arn)
    }

    /// Bucket `i` replicates as the spec says: to the other region, or (the secondary of a
    /// one-way pair) not at all.
    async fn ensure_replication(
        &self,
        i: usize,
        role_arn: &str,
        keys: &[Option<String>; 2],
    ) -> Result<(), AwsError> {
        let s3 = self.provider.s3(&self.pair.regions[i]);
        let name = self.pair.bucket(i);
        let want = self.pair.replication_want(i, Some(role_arn), keys).flatten();
        let seen = replication::find_replication(&s3, &name).await?;
        let Some(why) = check::replication_drift(want.as_ref(), seen.as_ref()) else { return Ok(()) };
        crate::info!("bucket {name}: {why}");
        match want {
            Some(w) => replication::put_replication(&s3, &name, &w, &self.waiter).await,
            None => replication::delete_replication(&s3, &name).await,
        }
    }
}
