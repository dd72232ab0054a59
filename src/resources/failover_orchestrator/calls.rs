//! The AWS calls of the orchestrator: state machines, rules on the default bus, alarms, the
//! readiness function and the parameters. Each part has a `find` that reports what AWS holds,
//! so converge and refresh compare the same things.

use std::collections::BTreeMap;

use aws_sdk_cloudwatch::types::{ComparisonOperator, Dimension, Statistic};
use aws_sdk_eventbridge::types::{InputTransformer, RuleState, Target as EbTarget};
use aws_sdk_lambda::primitives::Blob;
use aws_sdk_lambda::types::{Environment, FunctionCode, Runtime};
use aws_sdk_sfn::types::StateMachineType;
use serde_json::Value as Json;

use super::model::{FAILOVER_NAMESPACE, HEARTBEAT_METRIC, READINESS_METRIC, READINESS_NAMESPACE};
use super::rules::{Input, RuleSpec, TARGET_ID, Trigger};
use crate::aws::AwsError;
use crate::aws::error::{absent_as_none, aws, gone_is_done};
use crate::aws::wait::{Poll, Waiter};
use crate::provider::Configured;

fn build_error(what: &str, e: impl std::fmt::Display) -> AwsError {
    AwsError::BadState { what: what.to_string(), state: e.to_string() }
}

// ---- state machines -----------------------------------------------------------------------

/// (definition, role ARN) of the state machine, if it exists.
pub async fn find_machine(
    p: &Configured,
    region: &str,
    arn: &str,
) -> Result<Option<(Json, String)>, AwsError> {
    let out = absent_as_none(
        p.sfn(region).describe_state_machine().state_machine_arn(arn).send().await.map_err(aws),
    )?;
    Ok(out.map(|o| (serde_json::from_str(&o.definition).unwrap_or(Json::Null), o.role_arn)))
}

/// A region's state machine as wanted.
pub struct Machine<'a> {
    pub region: &'a str,
    pub name: String,
    pub arn: String,
    pub definition: Json,
    pub role: String,
}

/// Creates or updates the machine. Step Functions checks the role may be assumed: a role made
/// moments ago is retried while IAM catches up.
pub async fn put_machine(
    p: &Configured,
    m: &Machine<'_>,
    exists: bool,
    tags: &[(String, String)],
    w: &Waiter,
) -> Result<(), AwsError> {
    let (region, name, arn, definition, role) = (m.region, &m.name, &m.arn, &m.definition, &m.role);
    let sfn = p.sfn(region);
    w.until(&format!("state machine {name} to accept its role"), || async {
        let sent = if exists {
            crate::info!("updating state machine {name} in {region}");
            sfn.update_state_machine()
                .state_machine_arn(arn)
                .definition(definition.to_string())
                .role_arn(role)
                .send()
                .await
                .map(|_| ())
                .map_err(aws)
        } else {
            crate::info!("creating state machine {name} in {region}");
            let tags = tags
                .iter()
                .map(|(k, v)| aws_sdk_sfn::types::Tag::builder().key(k).value(v).build())
                .collect();
            sfn.create_state_machine()
                .name(name)
                .definition(definition.to_string())
                .role_arn(role)
                .r#type(StateMachineType::Standard)
                .set_tags(Some(tags))
                .send()
                .await
                .map(|_| ())
                .map_err(aws)
        };
        match sent {
            Ok(()) => Ok(Poll::Done(())),
            Err(e) if e.code() == Some("StateMachineAlreadyExists") => Ok(Poll::Done(())),
            Err(e) if e.code() == Some("AccessDeniedException") || e.to_string().contains("assume") => {
                Ok(Poll::Pending(e.to_string()))
            }
            Err(e) => Err(e),
        }
    })
    .await
}

/// The ARN of the machine named `name`, by listing (the ARN needs the account, which a state
/// from a failed create or an import does not hold yet).
pub async fn find_machine_arn(p: &Configured, region: &str, name: &str) -> Result<Option<String>, AwsError> {
    let mut pages = p.sfn(region).list_state_machines().into_paginator().send();
    while let Some(page) = pages.next().await {
        if let Some(m) = page.map_err(aws)?.state_machines().iter().find(|m| m.name() == name) {
            return Ok(Some(m.state_machine_arn().to_string()));
        }
    }
    Ok(None)
}

pub async fn delete_machine(p: &Configured, region: &str, arn: &str) -> Result<(), AwsError> {
    gone_is_done(
        p.sfn(region).delete_state_machine().state_machine_arn(arn).send().await.map(|_| ()).map_err(aws),
    )
}

/// Starts one run (the first heartbeats after create, not a minute later).
pub async fn start(p: &Configured, region: &str, arn: &str, input: &str, name: &str) -> Result<(), AwsError> {
    p.sfn(region)
        .start_execution()
        .state_machine_arn(arn)
        .name(name)
        .input(input)
        .send()
        .await
        .map_err(aws)?;
    Ok(())
}

// ---- rules on the default bus -------------------------------------------------------------

/// A rule and its targets as EventBridge has them.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleSeen {
    pub trigger: Option<Trigger>,
    pub enabled: bool,
    pub targets: Vec<(String, String, Option<String>, Input)>,
}

impl RuleSeen {
    pub fn is(&self, spec: &RuleSpec) -> bool {
        let t = &spec.target;
        self.enabled
            && self.trigger.as_ref() == Some(&spec.trigger)
            && self.targets == [(TARGET_ID.to_string(), t.arn.clone(), t.role_arn.clone(), t.input.clone())]
    }
}

fn seen_input(t: &EbTarget) -> Input {
    if let Some(c) = t.input() {
        return Input::Constant(c.to_string());
    }
    if let Some(tr) = t.input_transformer() {
        let paths = tr
            .input_paths_map()
            .map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect::<BTreeMap<_, _>>());
        return Input::Transformer {
            paths: paths.unwrap_or_default().into_iter().collect(),
            template: tr.input_template().to_string(),
        };
    }
    Input::Event
}

/// Our rules on the default bus (names start with `prefix`), with their targets.
pub async fn find_rules(
    p: &Configured,
    region: &str,
    prefix: &str,
) -> Result<BTreeMap<String, RuleSeen>, AwsError> {
    let eb = p.eventbridge(region);
    let mut out = BTreeMap::new();
    let mut token: Option<String> = None;
    loop {
        let page =
            eb.list_rules().name_prefix(prefix).set_next_token(token.take()).send().await.map_err(aws)?;
        for r in page.rules() {
            let Some(name) = r.name() else { continue };
            let Some(targets) =
                absent_as_none(eb.list_targets_by_rule().rule(name).send().await.map_err(aws))?
            else {
                continue; // deleted while we looked
            };
            let trigger = match (r.event_pattern(), r.schedule_expression()) {
                (Some(p), _) => serde_json::from_str(p).ok().map(Trigger::Pattern),
                (None, Some(s)) => Some(Trigger::Schedule(s.to_string())),
                _ => None,
            };
            out.insert(
                name.to_string(),
                RuleSeen {
                    trigger,
                    enabled: r.state() == Some(&RuleState::Enabled),
                    targets: targets
                        .targets()
                        .iter()
                        .map(|t| (t.id.clone(), t.arn.clone(), t.role_arn.clone(), seen_input(t)))
                        .collect(),
                },
            );
        }
        match page.next_token() {
            Some(t) => token = Some(t.to_string()),
            None => return Ok(out),
        }
    }
}

/// The rule exactly as `spec` says: rule, then its one target; stray targets removed.
pub async fn put_rule(
    p: &Configured,
    region: &str,
    spec: &RuleSpec,
    seen: Option<&RuleSeen>,
    tags: &[(String, String)],
) -> Result<(), AwsError> {
    let eb = p.eventbridge(region);
    crate::info!("rule {} in {region}", spec.name);
    if seen.is_none_or(|s| !s.enabled || s.trigger.as_ref() != Some(&spec.trigger)) {
        let tags = tags
            .iter()
            .map(|(k, v)| aws_sdk_eventbridge::types::Tag::builder().key(k).value(v).build())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| build_error(&spec.name, e))?;
        let mut req = eb
            .put_rule()
            .name(&spec.name)
            .description(spec.description)
            .state(RuleState::Enabled)
            .set_tags(Some(tags));
        req = match &spec.trigger {
            Trigger::Pattern(p) => req.event_pattern(p.to_string()),
            Trigger::Schedule(s) => req.schedule_expression(s),
        };
        req.send().await.map_err(aws)?;
    }
    let t = &spec.target;
    let mut target = EbTarget::builder().id(TARGET_ID).arn(&t.arn).set_role_arn(t.role_arn.clone());
    target = match &t.input {
        Input::Event => target,
        Input::Constant(c) => target.input(c),
        Input::Transformer { paths, template } => target.input_transformer(
            InputTransformer::builder()
                .set_input_paths_map(Some(paths.iter().cloned().collect()))
                .input_template(template)
                .build()
                .map_err(|e| build_error(&spec.name, e))?,
        ),
    };
    let target = target.build().map_err(|e| build_error(&spec.name, e))?;
    let out = eb.put_targets().rule(&spec.name).targets(target).send().await.map_err(aws)?;
    if out.failed_entry_count > 0 {
        let why = out.failed_entries().first().and_then(|f| f.error_message.clone()).unwrap_or_default();
        return Err(build_error(&format!("target of rule {}", spec.name), why));
    }
    let stray: Vec<String> = seen
        .into_iter()
        .flat_map(|s| s.targets.iter().map(|t| t.0.clone()))
        .filter(|id| id != TARGET_ID)
        .collect();
    if !stray.is_empty() {
        eb.remove_targets().rule(&spec.name).set_ids(Some(stray)).send().await.map_err(aws)?;
    }
    Ok(())
}

/// Targets first: EventBridge refuses to delete a rule that still has them.
pub async fn delete_rule(p: &Configured, region: &str, name: &str, seen: &RuleSeen) -> Result<(), AwsError> {
    let eb = p.eventbridge(region);
    if !seen.targets.is_empty() {
        let ids = seen.targets.iter().map(|t| t.0.clone()).collect();
        gone_is_done(
            eb.remove_targets().rule(name).set_ids(Some(ids)).send().await.map(|_| ()).map_err(aws),
        )?;
    }
    gone_is_done(eb.delete_rule().name(name).send().await.map(|_| ()).map_err(aws))
}

// ---- alarms -------------------------------------------------------------------------------

/// An alarm this resource owns, as wanted or as seen (the fields we set).
#[derive(Clone, Debug, PartialEq)]
pub struct AlarmSpec {
    pub name: String,
    pub namespace: String,
    pub metric: String,
    pub dimensions: BTreeMap<String, String>,
    pub period: i64,
    pub evaluation_periods: i64,
    pub treat_missing: String,
}

pub fn peer_down_spec(name: &str, pair: &str, peer: &str, interval: i64, missed: i64) -> AlarmSpec {
    AlarmSpec {
        name: name.to_string(),
        namespace: FAILOVER_NAMESPACE.into(),
        metric: HEARTBEAT_METRIC.into(),
        dimensions: BTreeMap::from([("Pair".into(), pair.into()), ("Region".into(), peer.into())]),
        period: interval,
        evaluation_periods: missed,
        // No heartbeat is the failure this alarm exists for.
        treat_missing: "breaching".into(),
    }
}

pub fn not_ready_spec(name: &str, pair: &str) -> AlarmSpec {
    AlarmSpec {
        name: name.to_string(),
        namespace: READINESS_NAMESPACE.into(),
        metric: READINESS_METRIC.into(),
        dimensions: BTreeMap::from([("Pair".into(), pair.into())]),
        period: 3600,
        evaluation_periods: 1,
        // No report yet is not a failing report; the report itself says what it could not check.
        treat_missing: "notBreaching".into(),
    }
}

pub async fn find_alarms(
    p: &Configured,
    region: &str,
    names: &[String],
) -> Result<BTreeMap<String, AlarmSpec>, AwsError> {
    let out = p
        .cloudwatch(region)
        .describe_alarms()
        .set_alarm_names(Some(names.to_vec()))
        .send()
        .await
        .map_err(aws)?;
    Ok(out
        .metric_alarms()
        .iter()
        .filter_map(|m| {
            Some((
                m.alarm_name()?.to_string(),
                AlarmSpec {
                    name: m.alarm_name()?.to_string(),
                    namespace: m.namespace().unwrap_or_default().to_string(),
                    metric: m.metric_name().unwrap_or_default().to_string(),
                    dimensions: m
                        .dimensions()
                        .iter()
                        .filter_map(|d| Some((d.name()?.to_string(), d.value()?.to_string())))
                        .collect(),
                    period: m.period().unwrap_or_default().into(),
                    evaluation_periods: m.evaluation_periods().unwrap_or_default().into(),
                    treat_missing: m.treat_missing_data().unwrap_or_default().to_string(),
                },
            ))
        })
        .collect())
}

/// PutMetricAlarm is an upsert. Both alarms fire below 1: no heartbeat, or a report of 0.
pub async fn put_alarm(
    p: &Configured,
    region: &str,
    a: &AlarmSpec,
    tags: &[(String, String)],
) -> Result<(), AwsError> {
    crate::info!("alarm {} in {region}", a.name);
    let statistic = if a.metric == HEARTBEAT_METRIC { Statistic::SampleCount } else { Statistic::Minimum };
    p.cloudwatch(region)
        .put_metric_alarm()
        .alarm_name(&a.name)
        .alarm_description("drpair failover orchestrator")
        .namespace(&a.namespace)
        .metric_name(&a.metric)
        .set_dimensions(Some(
            a.dimensions.iter().map(|(k, v)| Dimension::builder().name(k).value(v).build()).collect(),
        ))
        .statistic(statistic)
        .period(a.period as i32)
        .evaluation_periods(a.evaluation_periods as i32)
        .datapoints_to_alarm(a.evaluation_periods as i32)
        .threshold(1.0)
        .comparison_operator(ComparisonOperator::LessThanThreshold)
        .treat_missing_data(&a.treat_missing)
        .set_tags(Some(
            tags.iter()
                .map(|(k, v)| aws_sdk_cloudwatch::types::Tag::builder().key(k).value(v).build())
                .collect(),
        ))
        .send()
        .await
        .map_err(aws)?;
    Ok(())
}

pub async fn delete_alarms(p: &Configured, region: &str, names: Vec<String>) -> Result<(), AwsError> {
    if names.is_empty() {
        return Ok(());
    }
    p.cloudwatch(region).delete_alarms().set_alarm_names(Some(names)).send().await.map_err(aws)?;
    Ok(())
}

// ---- the readiness function ---------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
pub struct FunctionSeen {
    pub code_sha256: String,
    pub role: String,
    pub environment: BTreeMap<String, String>,
    pub handler: String,
    pub description: String,
    pub invoke_allowed: bool,
}

/// The package path is kept in the description: it is a local file name AWS cannot know
/// otherwise, and import gives it back from here.
pub fn readiness_description(package_path: &str) -> String {
    format!("drpair readiness check; package {package_path}")
}

pub fn package_from_description(d: &str) -> Option<&str> {
    d.strip_prefix("drpair readiness check; package ").filter(|p| !p.is_empty())
}

pub const READINESS_HANDLER: &str = "readiness.handler";
pub const READINESS_RUNTIME: &str = "python3.12";
const READINESS_TIMEOUT: i32 = 60;
const INVOKE_SID: &str = "drpair-readiness-schedule";

pub async fn find_function(
    p: &Configured,
    region: &str,
    name: &str,
) -> Result<Option<FunctionSeen>, AwsError> {
    let lambda = p.lambda(region);
    let Some(out) = absent_as_none(lambda.get_function().function_name(name).send().await.map_err(aws))?
    else {
        return Ok(None);
    };
    let Some(c) = out.configuration else { return Ok(None) };
    let policy = absent_as_none(lambda.get_policy().function_name(name).send().await.map_err(aws))?;
    Ok(Some(FunctionSeen {
        code_sha256: c.code_sha256.unwrap_or_default(),
        role: c.role.unwrap_or_default(),
        environment: c
            .environment
            .and_then(|e| e.variables)
            .map(|v| v.into_iter().collect())
            .unwrap_or_default(),
        handler: c.handler.unwrap_or_default(),
        description: c.description.unwrap_or_default(),
        invoke_allowed: policy.and_then(|p| p.policy).is_some_and(|doc| doc.contains(INVOKE_SID)),
    }))
}

/// Creates the function, or brings its code and configuration to `zip` / `env` / `role`;
/// then lets the schedule rule invoke it.
#[allow(clippy::too_many_arguments)]
pub async fn put_function(
    p: &Configured,
    region: &str,
    name: &str,
    zip: &[u8],
    sha: &str,
    description: &str,
    env: &BTreeMap<String, String>,
    role: &str,
    rule_arn: &str,
    seen: Option<&FunctionSeen>,
    tags: &[(String, String)],
    w: &Waiter,
) -> Result<(), AwsError> {
    let lambda = p.lambda(region);
    let environment = Environment::builder().set_variables(Some(env.clone().into_iter().collect())).build();
    match seen {
        None => {
            crate::info!("creating readiness function {name} in {region}");
            w.until(&format!("function {name} to be created"), || async {
                let made = lambda
                    .create_function()
                    .function_name(name)
                    .description(description)
                    .runtime(Runtime::from(READINESS_RUNTIME))
                    .handler(READINESS_HANDLER)
                    .role(role)
                    .timeout(READINESS_TIMEOUT)
                    .code(FunctionCode::builder().zip_file(Blob::new(zip)).build())
                    .environment(environment.clone())
                    .set_tags(Some(tags.iter().cloned().collect()))
                    .send()
                    .await
                    .map_err(aws);
                match made {
                    Ok(_) => Ok(Poll::Done(())),
                    Err(e) if e.code() == Some("ResourceConflictException") => Ok(Poll::Done(())),
                    // IAM has not told Lambda about a role made moments ago.
                    Err(e)
                        if e.code() == Some("InvalidParameterValueException")
                            && e.to_string().contains("role") =>
                    {
                        Ok(Poll::Pending(e.to_string()))
                    }
                    Err(e) => Err(e),
                }
            })
            .await?;
        }
        Some(f) => {
            if f.code_sha256 != sha {
                crate::info!("readiness function {name} in {region}: new code");
                lambda
                    .update_function_code()
                    .function_name(name)
                    .zip_file(Blob::new(zip))
                    .send()
                    .await
                    .map_err(aws)?;
            }
            if &f.environment != env
                || f.role != role
                || f.handler != READINESS_HANDLER
                || f.description != description
            {
                crate::info!("readiness function {name} in {region}: configuration");
                lambda
                    .update_function_configuration()
                    .function_name(name)
                    .role(role)
                    .handler(READINESS_HANDLER)
                    .description(description)
                    .environment(environment)
                    .send()
                    .await
                    .map_err(aws)?;
            }
        }
    }
    if !seen.is_some_and(|f| f.invoke_allowed) {
        let added = lambda
            .add_permission()
            .function_name(name)
            .statement_id(INVOKE_SID)
            .action("lambda:InvokeFunction")
            .principal("events.amazonaws.com")
            .source_arn(rule_arn)
            .send()
            .await
            .map_err(aws);
        match added {
            Err(e) if e.code() == Some("ResourceConflictException") => {}
            other => {
                other?;
            }
        }
    }
    Ok(())
}

pub async fn delete_function(p: &Configured, region: &str, name: &str) -> Result<(), AwsError> {
    gone_is_done(p.lambda(region).delete_function().function_name(name).send().await.map(|_| ()).map_err(aws))
}

// ---- parameters ---------------------------------------------------------------------------

/// Writes `value` only when the parameter is absent: afterwards it belongs to the running
/// system (the state machine moves it), so it is never overwritten or called drift.
pub async fn seed_parameter(p: &Configured, region: &str, name: &str, value: &str) -> Result<(), AwsError> {
    let put = p
        .ssm(region)
        .put_parameter()
        .name(name)
        .value(value)
        .r#type(aws_sdk_ssm::types::ParameterType::String)
        .overwrite(false)
        .send()
        .await
        .map_err(aws);
    match put {
        Err(e) if e.code() == Some("ParameterAlreadyExists") => Ok(()),
        other => other.map(|_| ()),
    }
}

pub async fn delete_parameter(p: &Configured, region: &str, name: &str) -> Result<(), AwsError> {
    gone_is_done(p.ssm(region).delete_parameter().name(name).send().await.map(|_| ()).map_err(aws))
}
