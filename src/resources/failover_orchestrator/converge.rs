//! Create, update and repair are one idempotent converge per region, adopting what exists
//! under our deterministic names: the roles, the alarms, the readiness function, the state
//! machine, then the rules (they name all of those), then the seeded active-region parameter.
//! `drift` makes the same comparisons without changing anything, so refresh reports exactly
//! what a converge would fix.

use futures::future::try_join_all;
use serde_json::Value as Json;

use super::calls::{self, AlarmSpec, FunctionSeen, RuleSeen};
use super::definition::definition;
use super::model::{
    READINESS_RULE, ROLE_KINDS, ROLE_POLICY, RULE_KINDS, Want, not_ready_alarm, peer_down_alarm,
    readiness_function, role_name, rule_name, state_machine_name,
};
use super::policy::{events_policy, readiness_policy, state_machine_policy, trust};
use super::rules::{RuleSpec, rules};
use crate::aws::AwsError;
use crate::aws::wait::Waiter;
use crate::provider::Configured;
use crate::resources::common::iam_role::{self, RoleWant};

/// The readiness package: bytes and Lambda's hash of them.
pub struct Package {
    pub path: String,
    pub zip: Vec<u8>,
    pub sha256: String,
}

fn role_doc(w: &Want, i: usize, kind: &str) -> (Json, Json, &'static str) {
    match kind {
        "sfn" => {
            (trust("states.amazonaws.com"), state_machine_policy(w, i), "drpair: the failover state machine")
        }
        "events" => (
            trust("events.amazonaws.com"),
            events_policy(w, i),
            "drpair: EventBridge starts the orchestrator and forwards to the peer",
        ),
        _ => (trust("lambda.amazonaws.com"), readiness_policy(w, i), "drpair: the readiness check"),
    }
}

fn alarm_specs(w: &Want, i: usize) -> [AlarmSpec; 2] {
    let region = &w.regions[i];
    [
        calls::peer_down_spec(
            &peer_down_alarm(&w.id, region),
            &w.id,
            w.peer(i),
            w.heartbeat_seconds,
            w.missed_heartbeats,
        ),
        calls::not_ready_spec(&not_ready_alarm(&w.id, region), &w.id),
    ]
}

/// Every rule name this resource may own: what delete looks for, and what converge removes
/// when no longer wanted.
pub fn owned_rule_names(id: &str) -> Vec<String> {
    RULE_KINDS.iter().chain([&READINESS_RULE]).map(|k| rule_name(id, k)).collect()
}

/// What AWS holds for region `i`, gathered once for both converge and drift.
pub struct Seen {
    pub roles: Vec<Option<iam_role::RoleSeen>>,
    pub alarms: std::collections::BTreeMap<String, AlarmSpec>,
    pub function: Option<FunctionSeen>,
    pub machine: Option<(Json, String)>,
    pub rules: std::collections::BTreeMap<String, RuleSeen>,
}

pub async fn seen(p: &Configured, w: &Want, i: usize) -> Result<Seen, AwsError> {
    let region = &w.regions[i];
    let iam = p.iam();
    let roles = try_join_all(ROLE_KINDS.iter().map(|k| {
        let name = role_name(&w.id, region, k);
        let iam = iam.clone();
        async move { iam_role::find(&iam, &name, ROLE_POLICY).await }
    }))
    .await?;
    let names: Vec<String> = alarm_specs(w, i).iter().map(|a| a.name.clone()).collect();
    let alarms = calls::find_alarms(p, region, &names).await?;
    let function = calls::find_function(p, region, &readiness_function(&w.id, region)).await?;
    let machine = calls::find_machine(p, region, &w.state_machine_arn(i)).await?;
    let all_rules = calls::find_rules(p, region, &w.id).await?;
    let owned = owned_rule_names(&w.id);
    let rules = all_rules.into_iter().filter(|(n, _)| owned.contains(n)).collect();
    Ok(Seen { roles, alarms, function, machine, rules })
}

/// What differs from the wants in region `i`, one line each; empty when in sync.
/// How region `i`'s readiness function differs from the wants, one reason each. The package
/// (path, hash) is judged only where known: a refresh from an imported state may lack it.
fn function_differences(
    w: &Want,
    i: usize,
    package: (Option<&str>, Option<&str>),
    f: &FunctionSeen,
) -> Vec<&'static str> {
    let (path, sha) = package;
    let mut out = Vec::new();
    if sha.is_some_and(|sha| f.code_sha256 != sha) {
        out.push("code differs from readiness_package_path");
    }
    let described = path.is_none_or(|p| f.description == calls::readiness_description(p));
    if f.environment != w.readiness_environment(i) || f.role != w.role_arn(i, "readiness") || !described {
        out.push("configuration changed");
    }
    if !f.invoke_allowed {
        out.push("the schedule may not invoke it");
    }
    out
}

/// The machine seen is region `i`'s with definition `def` and its role.
fn machine_is(w: &Want, i: usize, def: &Json, seen: &(Json, String)) -> bool {
    seen.0 == *def && seen.1 == w.role_arn(i, "sfn")
}

pub fn drift(w: &Want, i: usize, package: (Option<&str>, Option<&str>), s: &Seen) -> Vec<String> {
    let region = &w.regions[i];
    let mut out = Vec::new();
    for (k, seen) in ROLE_KINDS.iter().zip(&s.roles) {
        let (trust, doc, _) = role_doc(w, i, k);
        let name = role_name(&w.id, region, k);
        match seen {
            None => out.push(format!("role {name}: missing")),
            Some(r) if !r.is(&trust, &doc) => out.push(format!("role {name}: trust or policy changed")),
            _ => {}
        }
    }
    for a in alarm_specs(w, i) {
        match s.alarms.get(&a.name) {
            None => out.push(format!("{region}: alarm {}: missing", a.name)),
            Some(seen) if *seen != a => out.push(format!("{region}: alarm {}: changed", a.name)),
            _ => {}
        }
    }
    let fname = readiness_function(&w.id, region);
    match &s.function {
        None => out.push(format!("{region}: function {fname}: missing")),
        Some(f) => {
            for why in function_differences(w, i, package, f) {
                out.push(format!("{region}: function {fname}: {why}"));
            }
        }
    }
    let machine = state_machine_name(&w.id, region);
    match &s.machine {
        None => out.push(format!("{region}: state machine {machine}: missing")),
        Some(seen) if !machine_is(w, i, &definition(w, i), seen) => {
            out.push(format!("{region}: state machine {machine}: definition or role changed"))
        }
        _ => {}
    }
    let specs = rules(w, i);
    for spec in &specs {
        match s.rules.get(&spec.name) {
            None => out.push(format!("{region}: rule {}: missing", spec.name)),
            Some(r) if !r.is(spec) => out.push(format!("{region}: rule {}: changed", spec.name)),
            _ => {}
        }
    }
    for name in s.rules.keys() {
        if !specs.iter().any(|r| &r.name == name) {
            out.push(format!("{region}: rule {name}: no longer wanted"));
        }
    }
    out
}

pub struct Converge<'a> {
    pub provider: &'a Configured,
    pub want: &'a Want,
    pub package: &'a Package,
    pub tags: Vec<(String, String)>,
    pub waiter: Waiter,
}

impl Converge<'_> {
    pub async fn run(&self) -> Result<(), AwsError> {
        try_join_all((0..2).map(|i| self.region(i))).await?;
        Ok(())
    }

    async fn region(&self, i: usize) -> Result<(), AwsError> {
        let (p, w) = (self.provider, self.want);
        let region = &w.regions[i];
        let s = seen(p, w, i).await?;
        let iam = p.iam();
        for (k, seen) in ROLE_KINDS.iter().zip(&s.roles) {
            let (trust, doc, description) = role_doc(w, i, k);
            if seen.as_ref().is_some_and(|r| r.is(&trust, &doc)) {
                continue;
            }
            let name = role_name(&w.id, region, k);
            let want = RoleWant {
                name: &name,
                description,
                trust: &trust,
                policy_name: ROLE_POLICY,
                doc: &doc,
                tags: &self.tags,
            };
            iam_role::ensure(&iam, &want, &self.waiter).await?;
        }
        for a in alarm_specs(w, i) {
            if s.alarms.get(&a.name) != Some(&a) {
                calls::put_alarm(p, region, &a, &self.tags).await?;
            }
        }
        let readiness_rule_arn = format!(
            "arn:{}:events:{region}:{}:rule/{}",
            w.partition,
            w.account,
            rule_name(&w.id, READINESS_RULE)
        );
        let f = &s.function;
        let env = w.readiness_environment(i);
        let description = calls::readiness_description(&self.package.path);
        let package = (Some(self.package.path.as_str()), Some(self.package.sha256.as_str()));
        if f.as_ref().is_none_or(|f| !function_differences(w, i, package, f).is_empty()) {
            calls::put_function(
                p,
                region,
                &readiness_function(&w.id, region),
                &self.package.zip,
                &self.package.sha256,
                &description,
                &env,
                &w.role_arn(i, "readiness"),
                &readiness_rule_arn,
                f.as_ref(),
                &self.tags,
                &self.waiter,
            )
            .await?;
        }
        let def = definition(w, i);
        let role = w.role_arn(i, "sfn");
        let created_machine = s.machine.is_none();
        if s.machine.as_ref().is_none_or(|seen| !machine_is(w, i, &def, seen)) {
            let machine = calls::Machine {
                region,
                name: state_machine_name(&w.id, region),
                arn: w.state_machine_arn(i),
                definition: def.clone(),
                role: role.clone(),
            };
            calls::put_machine(p, &machine, !created_machine, &self.tags, &self.waiter).await?;
        }
        let specs: Vec<RuleSpec> = rules(w, i);
        for spec in &specs {
            let found = s.rules.get(&spec.name);
            if !found.is_some_and(|r| r.is(spec)) {
                calls::put_rule(p, region, spec, found, &self.tags).await?;
            }
        }
        for (name, r) in &s.rules {
            if !specs.iter().any(|spec| &spec.name == name) {
                crate::info!("{region}: removing rule {name}");
                calls::delete_rule(p, region, name, r).await?;
            }
        }
        if w.owns_active_parameter {
            calls::seed_parameter(p, region, &w.active_parameter, &w.regions[0]).await?;
        }
        // Heartbeats flow now rather than at the schedule's first tick, a minute away.
        if created_machine {
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
            let name = format!("heartbeat-at-create-{}", now.as_secs());
            calls::start(p, region, &w.state_machine_arn(i), r#"{"action":"heartbeat"}"#, &name).await?;
        }
        Ok(())
    }
}
