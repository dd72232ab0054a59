//! Create, update and repair are one idempotent converge, adopting what exists under our
//! deterministic names: buses, then their archives, then the roles (each names
//! the other region's bus), then the rules and their targets (they name bus and role), then a
//! replay if one is asked for.

use futures::future::try_join_all;
use futures::try_join;
use serde_json::Value as Json;

use super::calls;
use super::model::{POLICY_NAME, Replay, role_name, role_policy, rule_names, rule_patterns, trust};
use crate::aws::AwsError;
use crate::aws::wait::Waiter;
use crate::provider::Configured;
use crate::resources::common::iam_role::{self, RoleWant};

pub struct Converge<'a> {
    pub provider: &'a Configured,
    pub id: &'a str,
    pub regions: [&'a str; 2],
    pub patterns: &'a [Json],
    pub retention_days: i32,
    /// The replay to start, when the plan asks for a new one.
    pub replay: Option<Replay>,
    pub tags: Vec<(String, String)>,
    pub waiter: Waiter,
}

impl Converge<'_> {
    pub async fn run(&self) -> Result<(), AwsError> {
        let p = self.provider;
        let buses: Vec<String> = try_join_all(self.regions.iter().map(|r| async move {
            let eb = p.eventbridge(r);
            let bus = calls::ensure_bus(&eb, self.id, &self.tags).await?;
            calls::ensure_archive(&eb, self.id, &bus, self.retention_days).await?;
            Ok::<_, AwsError>(bus)
        }))
        .await?;
        let (role0, role1) = try_join!(self.role(0, &buses[1]), self.role(1, &buses[0]))?;
        let roles = [role0, role1];
        try_join_all((0..2).map(|i| self.rules(i, &buses[1 - i], &roles[i]))).await?;
        if let Some(replay) = &self.replay {
            let i = self.regions.iter().position(|r| *r == replay.region).expect("plan checked the region");
            let eb = p.eventbridge(self.regions[i]);
            let archive = calls::find_archive(&eb, self.id).await?.ok_or_else(|| AwsError::BadState {
                what: format!("archive {} in {}", self.id, replay.region),
                state: "missing right after it was ensured".into(),
            })?;
            calls::start_replay(
                &eb,
                &replay.name(self.id),
                &archive.arn,
                &buses[i],
                (replay.start, replay.end),
            )
            .await?;
        }
        Ok(())
    }

    /// The role forwarding from region `i`: PutEvents on the other region's bus, nothing else.
    async fn role(&self, i: usize, other_bus: &str) -> Result<String, AwsError> {
        let (name, doc) = (role_name(self.id, i), role_policy(other_bus));
        let want = RoleWant {
            name: &name,
            description: "drpair: EventBridge forwards events to the other region's bus",
            trust: &trust(),
            policy_name: POLICY_NAME,
            doc: &doc,
            tags: &self.tags,
        };
        iam_role::ensure(&self.provider.iam(), &want, &self.waiter).await
    }

    /// Region `i`'s forwarding rules exactly as wanted; our rules no longer wanted removed.
    async fn rules(&self, i: usize, other_bus: &str, role: &str) -> Result<(), AwsError> {
        let (region, id) = (self.regions[i], self.id);
        let eb = self.provider.eventbridge(region);
        let seen = calls::find_rules(&eb, id, id).await?;
        let names = rule_names(id, self.patterns.len());
        for (name, pattern) in names.iter().zip(rule_patterns(self.patterns, region)) {
            let found = seen.get(name);
            if found.is_some_and(|r| r.is(&pattern, other_bus, role)) {
                continue;
            }
            if found.is_none_or(|r| !r.enabled || r.pattern.as_ref() != Some(&pattern)) {
                calls::put_rule(&eb, id, name, &pattern, &self.tags).await?;
            }
            let targets = found.map(|r| r.targets.clone()).unwrap_or_default();
            calls::put_target(&eb, id, name, &targets, other_bus, role).await?;
        }
        for (name, r) in &seen {
            if !names.contains(name) && is_ours(id, name) {
                crate::info!("event bus {id} in {region}: removing rule {name}");
                calls::delete_rule(&eb, id, name, r).await?;
            }
        }
        Ok(())
    }
}

/// Rules this resource names on its own bus (`<id>-failover`, `<id>-fwd-<n>`).
pub fn is_ours(id: &str, name: &str) -> bool {
    name.strip_prefix(id).is_some_and(|rest| {
        rest == "-failover"
            || rest
                .strip_prefix("-fwd-")
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    })
}
