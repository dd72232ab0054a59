//! Read: the state as AWS has it. A part's ARN (bus, archive, role) and a rule's name are
//! reported only while the part exists as this resource wants it, so a part deleted or changed
//! outside Terraform plans an in-place update that repairs it. Arguments are read back too:
//! retention from the archives, patterns from the rules (import reconstructs them so).

use std::collections::BTreeMap;

use futures::future::try_join_all;

use super::calls::{self, ArchiveSeen, RuleSeen};
use super::model::{
    DEFAULT_RETENTION_DAYS, POLICY_NAME, ROLES, canonical, parse_object, parse_patterns, role_name,
    role_policy, rule_names, rule_patterns, trust, user_pattern,
};
use crate::aws::AwsError;
use crate::provider::Configured;
use crate::resources::common::iam_role::{self, RoleSeen};
use crate::resources::inventory_item;
use crate::tfplugin::value::Value;

struct RegionSeen {
    bus: Option<String>,
    archive: Option<ArchiveSeen>,
    rules: BTreeMap<String, RuleSeen>,
}

async fn region_seen(p: &Configured, id: &str, region: &str) -> Result<RegionSeen, AwsError> {
    let eb = p.eventbridge(region);
    let (bus, archive, rules) = futures::try_join!(
        calls::find_bus(&eb, id),
        calls::find_archive(&eb, id),
        calls::find_rules(&eb, id, id)
    )?;
    Ok(RegionSeen { bus, archive, rules })
}

/// The user patterns the rules hold: for import, every `<id>-fwd-<n>` rule from 1 up; else the
/// prior ones, each replaced by the rule's pattern where that was changed outside Terraform.
fn patterns(id: &str, prior: &Value, importing: bool, seen: &[RegionSeen]) -> Value {
    let found = |n: usize| {
        let name = format!("{id}-fwd-{n}");
        seen.iter().find_map(|s| s.rules.get(&name).and_then(|r| r.pattern.as_ref()).map(user_pattern))
    };
    if importing {
        let list: Vec<String> = (1..).map_while(found).map(|p| canonical(&p)).collect();
        return if list.is_empty() { Value::Null } else { Value::strings(list) };
    }
    let Some(items) = prior.as_string_list() else { return prior.clone() };
    let list = items.iter().enumerate().map(|(i, text)| match found(i + 1) {
        Some(p) if parse_object(text).as_ref() != Some(&p) => canonical(&p),
        _ => text.clone(),
    });
    Value::strings(list.collect::<Vec<_>>())
}

pub async fn refresh(
    p: &Configured,
    id: &str,
    regions: &[String; 2],
    prior: &Value,
) -> Result<Option<Value>, AwsError> {
    let iam = p.iam();
    let (seen, roles) = futures::try_join!(
        try_join_all(regions.iter().map(|r| region_seen(p, id, r))),
        try_join_all((0..2).map(|i| {
            let name = role_name(id, i);
            let iam = &iam;
            async move { iam_role::find(iam, &name, POLICY_NAME).await }
        })),
    )?;
    let nothing = seen.iter().all(|s| s.bus.is_none() && s.archive.is_none() && s.rules.is_empty());
    if nothing && roles.iter().all(Option::is_none) {
        return Ok(None);
    }
    let mut state = prior.clone();
    let importing = prior.get("primary").is_null();

    let prior_days = prior.get("archive_retention_days");
    let days = seen.iter().filter_map(|s| s.archive.as_ref().map(|a| Value::int(a.retention_days)));
    let days: Vec<Value> = days.collect();
    let retention = days.iter().find(|d| *d != prior_days).or(days.first()).cloned();
    state.set(
        "archive_retention_days",
        retention.unwrap_or_else(|| {
            if prior_days.is_null() { Value::int(DEFAULT_RETENTION_DAYS) } else { prior_days.clone() }
        }),
    );
    state.set("forward_event_patterns", patterns(id, prior.get("forward_event_patterns"), importing, &seen));
    let user = parse_patterns(state.get("forward_event_patterns")).unwrap_or_default();

    let mut inventory = Vec::new();
    for r in roles.iter().flatten() {
        inventory.push(inventory_item("iam_role", "global", &r.arn));
    }
    for (i, (role, region)) in ROLES.iter().zip(regions).enumerate() {
        let s = &seen[i];
        let other_bus = seen[1 - i].bus.as_deref();
        let forward_role: Option<&RoleSeen> = roles[i].as_ref();
        let role_ok = forward_role.filter(|r| other_bus.is_some_and(|b| r.is(&trust(), &role_policy(b))));
        let names = rule_names(id, user.len());
        let rules_ok: Vec<String> = names
            .iter()
            .zip(rule_patterns(&user, region))
            .filter(|(name, pattern)| {
                let (Some(bus), Some(r)) = (other_bus, forward_role) else { return false };
                s.rules.get(*name).is_some_and(|seen| seen.is(pattern, bus, &r.arn))
            })
            .map(|(name, _)| name.clone())
            .collect();
        let archive_ok = s.archive.as_ref().filter(|a| s.bus.as_deref() == Some(a.source.as_str()));
        if let Some(bus) = &s.bus {
            inventory.push(inventory_item("event_bus", region, bus));
        }
        if let Some(a) = &s.archive {
            inventory.push(inventory_item("event_archive", region, &a.arn));
        }
        for name in s.rules.keys() {
            inventory.push(inventory_item("event_rule", region, name));
        }
        state.set(
            role,
            Value::object([
                ("region", Value::string(region)),
                ("bus_name", Value::string(id)),
                ("bus_arn", Value::opt_string(s.bus.clone())),
                ("archive_name", Value::string(id)),
                ("archive_arn", Value::opt_string(archive_ok.map(|a| a.arn.clone()))),
                ("forward_rule_names", Value::strings(rules_ok)),
                ("forward_role_arn", Value::opt_string(role_ok.map(|r| r.arn.clone()))),
            ]),
        );
    }
    // A replay is one-shot: its state is reported, never repaired.
    if let Some(name) = prior.get("replay_name").as_str() {
        let states = try_join_all(
            regions.iter().map(|r| async move { calls::replay_state(&p.eventbridge(r), name).await }),
        )
        .await?;
        if let Some(s) = states.into_iter().flatten().next() {
            state.set("replay_state", Value::string(s));
        }
    }
    state.set("id", Value::string(id));
    state.set("primary_region", Value::string(&regions[0]));
    state.set("secondary_region", Value::string(&regions[1]));
    state.set("inventory", Value::List(inventory));
    Ok(Some(state))
}
