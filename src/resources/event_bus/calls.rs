//! The EventBridge calls: buses, forwarding rules and their target, archives, replays.

use std::collections::BTreeMap;

use aws_sdk_eventbridge::Client;
use aws_sdk_eventbridge::types::{ReplayDestination, Tag, Target};
use aws_smithy_types::DateTime;
use serde_json::Value as Json;

use super::model::{TARGET_ID, parse_object};
use crate::aws::AwsError;
use crate::aws::error::{absent_as_none, aws, gone_is_done};

fn build_error(what: &str, e: impl std::fmt::Display) -> AwsError {
    AwsError::BadState { what: what.to_string(), state: e.to_string() }
}

fn tags(tags: &[(String, String)]) -> Result<Vec<Tag>, AwsError> {
    tags.iter()
        .map(|(k, v)| Tag::builder().key(k).value(v).build())
        .collect::<Result<_, _>>()
        .map_err(|e| build_error("tag", e))
}

fn exists_already(e: &AwsError) -> bool {
    e.code() == Some("ResourceAlreadyExistsException")
}

pub async fn find_bus(eb: &Client, name: &str) -> Result<Option<String>, AwsError> {
    let out = absent_as_none(eb.describe_event_bus().name(name).send().await.map_err(aws))?;
    Ok(out.and_then(|o| o.arn))
}

/// The bus exists (adopted if an earlier run made it); returns its ARN.
pub async fn ensure_bus(eb: &Client, name: &str, t: &[(String, String)]) -> Result<String, AwsError> {
    if let Some(arn) = find_bus(eb, name).await? {
        return Ok(arn);
    }
    crate::info!("creating event bus {name}");
    match eb.create_event_bus().name(name).set_tags(Some(tags(t)?)).send().await.map_err(aws) {
        Ok(out) => out.event_bus_arn.ok_or_else(|| build_error(name, "no ARN in CreateEventBus")),
        Err(e) if exists_already(&e) => {
            find_bus(eb, name).await?.ok_or_else(|| build_error(name, "exists but cannot be described"))
        }
        Err(e) => Err(e),
    }
}

pub async fn delete_bus(eb: &Client, name: &str) -> Result<(), AwsError> {
    gone_is_done(eb.delete_event_bus().name(name).send().await.map(|_| ()).map_err(aws))
}

/// A forwarding rule as EventBridge has it.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleSeen {
    pub pattern: Option<Json>,
    pub enabled: bool,
    /// (Id, Arn, RoleArn) of every target.
    pub targets: Vec<(String, String, Option<String>)>,
}

impl RuleSeen {
    /// Enabled, with exactly this pattern and one target: `bus` through `role`.
    pub fn is(&self, pattern: &Json, bus: &str, role: &str) -> bool {
        self.enabled
            && self.pattern.as_ref() == Some(pattern)
            && self.targets == [(TARGET_ID.to_string(), bus.to_string(), Some(role.to_string()))]
    }
}

/// Rules on `bus` whose names start with `prefix`, with their targets.
pub async fn find_rules(
    eb: &Client,
    bus: &str,
    prefix: &str,
) -> Result<BTreeMap<String, RuleSeen>, AwsError> {
    let mut out = BTreeMap::new();
    let mut token: Option<String> = None;
    loop {
        let listed =
            eb.list_rules().event_bus_name(bus).name_prefix(prefix).set_next_token(token.take()).send().await;
        // A bus that does not exist has no rules.
        let Some(page) = absent_as_none(listed.map_err(aws))? else { break };
        for r in page.rules() {
            let Some(name) = r.name() else { continue };
            let targets = eb.list_targets_by_rule().rule(name).event_bus_name(bus).send().await.map_err(aws);
            let Some(targets) = absent_as_none(targets)? else { continue }; // deleted while we looked
            let seen = RuleSeen {
                pattern: r.event_pattern().and_then(parse_object),
                enabled: r.state().is_some_and(|s| s.as_str() == "ENABLED"),
                targets: targets
                    .targets()
                    .iter()
                    .map(|t| (t.id.clone(), t.arn.clone(), t.role_arn.clone()))
                    .collect(),
            };
            out.insert(name.to_string(), seen);
        }
        match page.next_token() {
            Some(t) => token = Some(t.to_string()),
            None => break,
        }
    }
    Ok(out)
}

pub async fn put_rule(
    eb: &Client,
    bus: &str,
    name: &str,
    pattern: &Json,
    t: &[(String, String)],
) -> Result<(), AwsError> {
    crate::info!("event bus {bus}: rule {name}");
    eb.put_rule()
        .event_bus_name(bus)
        .name(name)
        .event_pattern(pattern.to_string())
        .state(aws_sdk_eventbridge::types::RuleState::Enabled)
        .description("drpair: forwards these events to the other region's bus")
        .set_tags(Some(tags(t)?))
        .send()
        .await
        .map_err(aws)?;
    Ok(())
}

/// The rule's one target is the other bus through the role; any other target goes.
pub async fn put_target(
    eb: &Client,
    bus: &str,
    rule: &str,
    seen: &[(String, String, Option<String>)],
    other_bus: &str,
    role: &str,
) -> Result<(), AwsError> {
    let target = Target::builder()
        .id(TARGET_ID)
        .arn(other_bus)
        .role_arn(role)
        .build()
        .map_err(|e| build_error(rule, e))?;
    let out = eb.put_targets().event_bus_name(bus).rule(rule).targets(target).send().await.map_err(aws)?;
    if out.failed_entry_count > 0 {
        let why = out.failed_entries().first().and_then(|f| f.error_message.clone()).unwrap_or_default();
        return Err(build_error(&format!("target of rule {rule}"), why));
    }
    let stray: Vec<String> = seen.iter().map(|t| t.0.clone()).filter(|id| id != TARGET_ID).collect();
    if !stray.is_empty() {
        eb.remove_targets().event_bus_name(bus).rule(rule).set_ids(Some(stray)).send().await.map_err(aws)?;
    }
    Ok(())
}

/// Targets first: EventBridge refuses to delete a rule that still has them.
pub async fn delete_rule(eb: &Client, bus: &str, name: &str, seen: &RuleSeen) -> Result<(), AwsError> {
    if !seen.targets.is_empty() {
        let ids = seen.targets.iter().map(|t| t.0.clone()).collect();
        let r = eb.remove_targets().event_bus_name(bus).rule(name).set_ids(Some(ids)).send().await;
        gone_is_done(r.map(|_| ()).map_err(aws))?;
    }
    gone_is_done(eb.delete_rule().event_bus_name(bus).name(name).send().await.map(|_| ()).map_err(aws))
}

#[derive(Clone, Debug)]
pub struct ArchiveSeen {
    pub arn: String,
    pub source: String,
    pub retention_days: i64,
}

pub async fn find_archive(eb: &Client, name: &str) -> Result<Option<ArchiveSeen>, AwsError> {
    let out = absent_as_none(eb.describe_archive().archive_name(name).send().await.map_err(aws))?;
    Ok(out.map(|o| ArchiveSeen {
        arn: o.archive_arn.unwrap_or_default(),
        source: o.event_source_arn.unwrap_or_default(),
        retention_days: o.retention_days.unwrap_or(0).into(),
    }))
}

/// An archive of every event on `bus` with this retention (adopted, updated or recreated).
pub async fn ensure_archive(eb: &Client, name: &str, bus: &str, retention: i32) -> Result<(), AwsError> {
    let seen = find_archive(eb, name).await?;
    if let Some(a) = &seen {
        if a.source == bus {
            if a.retention_days != i64::from(retention) {
                crate::info!("archive {name}: retention {retention} days");
                eb.update_archive().archive_name(name).retention_days(retention).send().await.map_err(aws)?;
            }
            return Ok(());
        }
        // An archive's source cannot change: this one archives another bus (ours was recreated).
        delete_archive(eb, name).await?;
    }
    crate::info!("creating archive {name} of {bus}");
    let made = eb
        .create_archive()
        .archive_name(name)
        .event_source_arn(bus)
        .retention_days(retention)
        .description("drpair: every event on the bus, for replay after a failover")
        .send()
        .await
        .map_err(aws);
    match made {
        Err(e) if exists_already(&e) => Ok(()),
        other => other.map(|_| ()),
    }
}

pub async fn delete_archive(eb: &Client, name: &str) -> Result<(), AwsError> {
    gone_is_done(eb.delete_archive().archive_name(name).send().await.map(|_| ()).map_err(aws))
}

/// Starts the replay unless one of that name exists (an interrupted apply started it).
pub async fn start_replay(
    eb: &Client,
    name: &str,
    archive: &str,
    bus: &str,
    window: (DateTime, DateTime),
) -> Result<(), AwsError> {
    crate::info!("starting replay {name} of {archive}");
    let dest = ReplayDestination::builder().arn(bus).build().map_err(|e| build_error(name, e))?;
    let started = eb
        .start_replay()
        .replay_name(name)
        .event_source_arn(archive)
        .destination(dest)
        .event_start_time(window.0)
        .event_end_time(window.1)
        .description("drpair: replay into the recovered region")
        .send()
        .await
        .map_err(aws);
    match started {
        Err(e) if exists_already(&e) => Ok(()),
        other => other.map(|_| ()),
    }
}

pub async fn replay_state(eb: &Client, name: &str) -> Result<Option<String>, AwsError> {
    let out = absent_as_none(eb.describe_replay().replay_name(name).send().await.map_err(aws))?;
    Ok(out.map(|o| o.state.map(|s| s.as_str().to_string()).unwrap_or_default()))
}
