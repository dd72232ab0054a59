//! Create and update are one operation: bring AWS to the spec, step by step, adopting what
//! already exists under our deterministic names. So an apply that was killed midway, a
//! sub-resource deleted outside Terraform and a plain update all take the same path.

use futures::future::try_join_all;

use super::model::{ENGINE, Names, RegionSpec, Spec};
use super::parts::cluster::{self, NewCluster};
use super::parts::global_cluster::{self, GlobalCluster, NewGlobalCluster, arn_region};
use super::parts::{groups, instance, kms};
use crate::aws::AwsError;
use crate::aws::wait::Waiter;
use crate::provider::Configured;

pub struct Converge<'a> {
    pub provider: &'a Configured,
    pub names: &'a Names,
    pub spec: &'a Spec,
    pub waiter: Waiter,
    /// Set when the user bumped `master_password_wo_version`.
    pub rotate_password: bool,
}

impl Converge<'_> {
    fn tags(&self) -> Vec<(String, String)> {
        self.provider.tags("drpair_global_database", &self.names.base)
    }

    pub async fn run(&self) -> Result<(), AwsError> {
        let [home, away] = &self.spec.regions;
        // Regional prerequisites do not depend on each other: both regions at once.
        let (home_key, away_key) =
            futures::try_join!(self.prerequisites(&home.region), self.prerequisites(&away.region))?;

        let global = self.ensure_global_cluster(&home.region).await?;
        // The writer stays where it is (a switchover may have moved it); a fresh global
        // cluster gets its writer in the home region.
        let writer_region =
            global.writer().and_then(|m| arn_region(&m.cluster_arn)).unwrap_or(&home.region).to_string();
        let (writer, reader, writer_key, reader_key) = if writer_region == away.region {
            (away, home, &away_key, &home_key)
        } else {
            (home, away, &home_key, &away_key)
        };

        self.ensure_cluster(writer, writer_key, &global, true).await?;
        // Readers can only join once the writer cluster is available; then both regions'
        // instances are created side by side.
        futures::try_join!(self.ensure_instances(writer), async {
            self.ensure_cluster(reader, reader_key, &global, false).await?;
            self.ensure_instances(reader).await
        })?;
        self.update_settings(&global, &writer.region).await
    }

    /// KMS key, subnet group and parameter group of one region; returns the key ARN.
    async fn prerequisites(&self, region: &str) -> Result<String, AwsError> {
        let tags = self.tags();
        let rs = self.region_spec(region);
        let rds = self.provider.rds(region);
        let kms_client = self.provider.kms(region);
        let alias = self.names.kms_alias();
        let key = async {
            match kms::find_key_by_alias(&kms_client, &alias).await? {
                Some(arn) => Ok(arn),
                None => kms::create_key(&kms_client, &alias, &tags).await,
            }
        };
        let (subnet_group, parameter_group) = (self.names.subnet_group(), self.names.parameter_group());
        let family = self.spec.parameter_group_family();
        let subnets = groups::ensure_subnet_group(&rds, &subnet_group, &rs.subnet_ids, &tags);
        let params =
            groups::ensure_parameter_group(&rds, &parameter_group, &family, self.spec.max_rpo_seconds, &tags);
        let (key, _, _) = futures::try_join!(key, subnets, params)?;
        Ok(key)
    }

    fn region_spec(&self, region: &str) -> &RegionSpec {
        self.spec.regions.iter().find(|r| r.region == region).expect("region of the spec")
    }

    async fn ensure_global_cluster(&self, home: &str) -> Result<GlobalCluster, AwsError> {
        let rds = self.provider.rds(home);
        let id = self.names.global_cluster();
        if global_cluster::find_global_cluster(&rds, id).await?.is_none() {
            crate::info!("creating global cluster {id} in {home}");
            global_cluster::create_global_cluster(
                &rds,
                NewGlobalCluster {
                    id,
                    engine: ENGINE,
                    engine_version: &self.spec.engine_version,
                    database_name: &self.spec.database_name,
                    deletion_protection: self.spec.deletion_protection,
                    tags: &self.tags(),
                },
            )
            .await?;
        }
        global_cluster::wait_global_cluster_available(&rds, id, &self.waiter).await
    }

    /// Makes sure the region's cluster exists as a member of the global cluster. A cluster
    /// detached outside Terraform cannot rejoin (AWS forbids it) and may hold writes made
    /// since: it is never deleted for the user, who is told what to do instead.
    async fn ensure_cluster(
        &self,
        rs: &RegionSpec,
        key_arn: &str,
        global: &GlobalCluster,
        is_writer: bool,
    ) -> Result<(), AwsError> {
        let rds = self.provider.rds(&rs.region);
        let id = self.names.cluster(&rs.region);
        if let Some(existing) = cluster::find_cluster(&rds, &id).await? {
            if global.member(&existing.arn).is_some() {
                cluster::wait_cluster_available(&rds, &id, &self.waiter).await?;
                return Ok(());
            }
            return Err(AwsError::BadState {
                what: format!("cluster {id} in {}", rs.region),
                state: format!(
                    "standalone, outside global cluster {}: it was detached outside Terraform and \
                     cannot rejoin. It may hold writes made since, so drpair does not delete it: \
                     keep what you need, delete the cluster and its instances, then apply again",
                    self.names.global_cluster()
                ),
            });
        }
        let password = self.spec.master_password.as_deref();
        let writer = match (is_writer, password) {
            (true, Some(p)) => {
                Some((self.spec.database_name.as_str(), self.spec.master_username.as_str(), p))
            }
            (true, None) => {
                return Err(AwsError::BadState {
                    what: format!("writer cluster {id}"),
                    state: "missing; recreating it needs master_password_wo in the configuration".into(),
                });
            }
            (false, _) => None,
        };
        crate::info!("creating cluster {id} in {} (writer: {is_writer})", rs.region);
        cluster::create_cluster(
            &rds,
            NewCluster {
                id: &id,
                global_cluster_id: self.names.global_cluster(),
                engine: ENGINE,
                engine_version: &self.spec.engine_version,
                kms_key_arn: key_arn,
                subnet_group: &self.names.subnet_group(),
                parameter_group: &self.names.parameter_group(),
                security_group_ids: rs.security_group_ids.clone(),
                writer,
                tags: &self.tags(),
            },
        )
        .await?;
        cluster::wait_cluster_available(&rds, &id, &self.waiter).await?;
        Ok(())
    }

    /// Instances `1..=count` exist with the right class; higher numbers are removed.
    async fn ensure_instances(&self, rs: &RegionSpec) -> Result<(), AwsError> {
        let rds = self.provider.rds(&rs.region);
        let cluster_id = self.names.cluster(&rs.region);
        let tags = self.tags();
        let wanted: Vec<String> =
            (1..=rs.instance_count).map(|n| self.names.instance(&rs.region, n)).collect();
        try_join_all(wanted.iter().map(|id| async {
            match instance::find_instance(&rds, id).await? {
                Some(i) if i.class != self.spec.instance_class => {
                    instance::modify_instance_class(&rds, id, &self.spec.instance_class).await?;
                }
                Some(_) => {}
                None => {
                    instance::create_instance(&rds, id, &cluster_id, ENGINE, &self.spec.instance_class, &tags)
                        .await?
                }
            }
            instance::wait_instance_available(&rds, id, &self.waiter).await
        }))
        .await?;
        let current = instance::list_cluster_instances(&rds, &cluster_id).await?;
        let surplus: Vec<_> = current.iter().filter(|i| !wanted.contains(i)).collect();
        try_join_all(surplus.into_iter().map(|i| instance::delete_instance(&rds, i, &self.waiter))).await?;
        Ok(())
    }

    /// Settings that change in place: engine version and deletion protection on the global
    /// cluster, password and security groups on the clusters.
    async fn update_settings(&self, global: &GlobalCluster, writer_region: &str) -> Result<(), AwsError> {
        let rds = self.provider.rds(writer_region);
        let new_version =
            (global.engine_version != self.spec.engine_version).then_some(self.spec.engine_version.as_str());
        let major_upgrade = new_version.is_some()
            && global.engine_version.split('.').next() != Some(self.spec.major_version());
        let protection = (global.deletion_protection != self.spec.deletion_protection)
            .then_some(self.spec.deletion_protection);
        if new_version.is_some() || protection.is_some() {
            global_cluster::modify_global_cluster(
                &rds,
                self.names.global_cluster(),
                new_version,
                major_upgrade,
                protection,
            )
            .await?;
        }
        for rs in &self.spec.regions {
            let rds = self.provider.rds(&rs.region);
            let id = self.names.cluster(&rs.region);
            let Some(current) = cluster::find_cluster(&rds, &id).await? else {
                continue;
            };
            let sgs = rs.security_group_ids.clone().filter(|want| *want != current.security_group_ids);
            let password = (self.rotate_password && rs.region == writer_region)
                .then_some(self.spec.master_password.as_deref())
                .flatten();
            cluster::modify_cluster(&rds, &id, password, sgs).await?;
        }
        Ok(())
    }
}
