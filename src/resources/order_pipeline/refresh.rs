//! Read: the state as AWS has it. Arguments are reported from AWS (so drift in them shows as
//! a diff, and import reconstructs them); where the two regions disagree, the value that
//! differs from the prior state is reported. A part's identifier (queue ARN, mapping id,
//! role ARN...) is reported only while the part exists as this resource wants it, so a part
//! deleted or changed outside Terraform plans an update that repairs it.

use std::collections::{BTreeMap, BTreeSet};

use futures::future::try_join_all;

use super::model::{Grants, Names, PACKAGE_TAG, Package, ROLES, SQS_KMS_KEY};
use super::parts::alarms;
use super::parts::function::{self, FunctionSeen, MappingSeen};
use super::parts::queues::{self, QueueSeen};
use super::policy::{self, Arns, POLICY_NAME};
use crate::aws::AwsError;
use crate::provider::Configured;
use crate::resources::common::iam_role::{self, RoleSeen};
use crate::resources::inventory_item;
use crate::tfplugin::value::Value;

/// Everything of one region.
struct RegionSeen {
    queue: Option<QueueSeen>,
    dlq: Option<QueueSeen>,
    function: Option<FunctionSeen>,
    mappings: Vec<MappingSeen>,
    alarms: BTreeSet<String>,
}

impl RegionSeen {
    fn encrypted(q: &QueueSeen) -> bool {
        q.attrs.get("KmsMasterKeyId").map(String::as_str) == Some(SQS_KMS_KEY)
    }
    /// The queue, when it is encrypted and redrives into our DLQ.
    fn queue_ok(&self) -> Option<&QueueSeen> {
        let (q, d) = (self.queue.as_ref()?, self.dlq.as_ref()?);
        (Self::encrypted(q) && queues::redrive(q).is_some_and(|(t, _)| t == d.arn)).then_some(q)
    }
    fn dlq_ok(&self) -> Option<&QueueSeen> {
        self.dlq.as_ref().filter(|d| Self::encrypted(d))
    }
    /// The mapping from our queue, when it is as wanted.
    fn mapping(&self) -> Option<&MappingSeen> {
        let q = self.queue.as_ref()?;
        self.mappings.iter().find(|m| m.queue_arn == q.arn)
    }
}

async fn region_seen(p: &Configured, names: &Names, region: &str) -> Result<RegionSeen, AwsError> {
    let (sqs, lambda, cw) = (p.sqs(region), p.lambda(region), p.cloudwatch(region));
    let fname = names.function();
    let alarm_names = names.alarms(region).to_vec();
    let (qname, dname) = (names.queue(), names.dlq());
    let (queue, dlq, function, mappings, alarms) = futures::try_join!(
        queues::find(&sqs, &qname),
        queues::find(&sqs, &dname),
        function::find(&lambda, &fname),
        function::find_mappings(&lambda, &fname),
        alarms::existing(&cw, &alarm_names),
    )?;
    Ok(RegionSeen { queue, dlq, function, mappings, alarms })
}

/// The value the two regions report, preferring one that differs from `prior` (None: this
/// region has no opinion, its part is missing).
fn pick(prior: &Value, seen: [Option<Value>; 2]) -> Value {
    seen.into_iter().flatten().find(|v| v != prior).unwrap_or_else(|| prior.clone())
}

/// A list as AWS has it, in the prior order when it holds the same items.
fn same_or(prior: &Value, seen: Vec<String>) -> Value {
    let as_set = |v: &[String]| v.iter().cloned().collect::<BTreeSet<_>>();
    match prior.as_string_list() {
        Some(p) if as_set(&p) == as_set(&seen) => prior.clone(),
        _ if seen.is_empty() => Value::Null,
        _ => Value::strings(seen),
    }
}

fn int(n: Option<i64>) -> Value {
    n.map_or(Value::Null, Value::int)
}

pub async fn refresh(
    p: &Configured,
    names: &Names,
    regions: &[String; 2],
    prior: &Value,
) -> Result<Option<Value>, AwsError> {
    let iam = p.iam();
    let (exec_name, orch_name) = (names.execution_role(), names.orchestrator_role());
    let (seen, exec, orch) = futures::try_join!(
        try_join_all(regions.iter().map(|r| region_seen(p, names, r))),
        iam_role::find(&iam, &exec_name, POLICY_NAME),
        iam_role::find(&iam, &orch_name, POLICY_NAME),
    )?;
    let nothing = seen.iter().all(|s| s.queue.is_none() && s.dlq.is_none() && s.function.is_none());
    if nothing && exec.is_none() && orch.is_none() {
        return Ok(None);
    }
    let mut state = prior.clone();
    let functions = [seen[0].function.as_ref(), seen[1].function.as_ref()];
    let per_fn = |f: fn(&FunctionSeen) -> Value| functions.map(|x| x.map(f));

    // Arguments, from the functions, mappings and queues.
    let package =
        functions.iter().flatten().find_map(|f| f.tags.get(PACKAGE_TAG).and_then(|t| Package::from_tag(t)));
    if let Some(pkg) = package
        && Package::from_values(prior).as_ref() != Some(&pkg)
    {
        let (path, bucket, key) = match pkg {
            Package::Local(path) => (Value::string(path), Value::Null, Value::Null),
            Package::S3 { bucket, key } => (Value::Null, Value::string(bucket), Value::string(key)),
        };
        state.set("package_path", path);
        state.set("package_s3_bucket", bucket);
        state.set("package_s3_key", key);
    }
    state.set("package_sha256", pick(prior.get("package_sha256"), per_fn(|f| Value::string(&f.code_sha256))));
    state.set("handler", pick(prior.get("handler"), per_fn(|f| Value::opt_string(f.handler.clone()))));
    state.set("runtime", pick(prior.get("runtime"), per_fn(|f| Value::opt_string(f.runtime.clone()))));
    state.set("memory_size", pick(prior.get("memory_size"), per_fn(|f| int(f.memory_size))));
    state.set("timeout", pick(prior.get("timeout"), per_fn(|f| int(f.timeout))));
    state.set(
        "reserved_concurrency",
        pick(prior.get("reserved_concurrency"), per_fn(|f| int(f.reserved_concurrency))),
    );
    let env = |f: &FunctionSeen| -> Value {
        Value::Map(f.environment.iter().map(|(k, v)| (k.clone(), Value::string(v))).collect())
    };
    let mut environment = pick(prior.get("environment"), functions.map(|x| x.map(env)));
    if environment.as_map().is_some_and(BTreeMap::is_empty) && prior.get("environment").as_map().is_none() {
        environment = Value::Null; // no variables and none configured
    }
    state.set("environment", environment);
    let batch = seen.iter().map(|s| s.mapping().map(|m| int(m.batch_size)));
    state
        .set("batch_size", pick(prior.get("batch_size"), batch.collect::<Vec<_>>().try_into().expect("two")));
    let visibility = seen.iter().map(|s| {
        s.queue.as_ref().map(|q| int(q.attrs.get("VisibilityTimeout").and_then(|v| v.parse().ok())))
    });
    state.set(
        "visibility_timeout_seconds",
        pick(
            prior.get("visibility_timeout_seconds"),
            visibility.collect::<Vec<_>>().try_into().expect("two"),
        ),
    );
    let receives = seen.iter().map(|s| s.queue.as_ref().map(|q| int(queues::redrive(q).map(|(_, n)| n))));
    state.set(
        "max_receive_count",
        pick(prior.get("max_receive_count"), receives.collect::<Vec<_>>().try_into().expect("two")),
    );
    for (role, s) in ROLES.iter().zip(&seen) {
        let Some(f) = &s.function else { continue };
        let (subnets, groups) = (format!("{role}_subnet_ids"), format!("{role}_security_group_ids"));
        let vpc = f.vpc.clone().unwrap_or_default();
        state.set(&subnets, same_or(prior.get(&subnets), vpc.subnet_ids));
        state.set(&groups, same_or(prior.get(&groups), vpc.security_group_ids));
    }
    if let Some(doc) = exec.as_ref().and_then(|r| r.policy.as_ref()) {
        for (attr, sid) in
            [("table_arns", "Tables"), ("bucket_arns", "Buckets"), ("parameter_arns", "Parameters")]
        {
            state.set(attr, same_or(prior.get(attr), policy::resources_of(doc, sid).unwrap_or_default()));
        }
    }

    // What each region has, as this resource wants it.
    let mut inventory = Vec::new();
    for ((role, region), s) in ROLES.iter().zip(regions).zip(&seen) {
        for (kind, q) in [("sqs_queue", &s.dlq), ("sqs_queue", &s.queue)] {
            if let Some(q) = q {
                inventory.push(inventory_item(kind, region, &q.arn));
            }
        }
        if let Some(f) = &s.function {
            inventory.push(inventory_item("lambda_function", region, &f.arn));
        }
        if let Some(m) = s.mapping() {
            inventory.push(inventory_item("lambda_event_source_mapping", region, &m.uuid));
        }
        let alarm_names: Vec<String> =
            names.alarms(region).into_iter().filter(|n| s.alarms.contains(n)).collect();
        for n in &alarm_names {
            inventory.push(inventory_item("cloudwatch_metric_alarm", region, n));
        }
        state.set(
            role,
            Value::object([
                ("region", Value::string(region)),
                ("function_name", Value::string(names.function())),
                ("function_arn", Value::opt_string(s.function.as_ref().map(|f| f.arn.clone()))),
                ("code_sha256", Value::opt_string(s.function.as_ref().map(|f| f.code_sha256.clone()))),
                ("queue_url", Value::opt_string(s.queue.as_ref().map(|q| q.url.clone()))),
                ("queue_arn", Value::opt_string(s.queue_ok().map(|q| q.arn.clone()))),
                ("dlq_url", Value::opt_string(s.dlq.as_ref().map(|q| q.url.clone()))),
                ("dlq_arn", Value::opt_string(s.dlq_ok().map(|q| q.arn.clone()))),
                (
                    "event_source_mapping_id",
                    Value::opt_string(s.mapping().filter(|m| m.as_wanted).map(|m| m.uuid.clone())),
                ),
                ("alarm_names", Value::strings(alarm_names)),
            ]),
        );
    }

    // The roles, when they hold exactly the documents this state implies.
    let qs: Option<Vec<&QueueSeen>> = seen.iter().map(|s| s.queue.as_ref()).collect();
    let dlqs: Option<Vec<&QueueSeen>> = seen.iter().map(|s| s.dlq.as_ref()).collect();
    let wanted = |r: &RoleSeen, exec_role: bool| -> bool {
        let (Some(q), Some(d)) = (&qs, &dlqs) else { return false };
        let Some((partition, account)) = policy::partition_and_account(&r.arn) else { return false };
        let arns = Arns {
            partition,
            account,
            regions: [&regions[0], &regions[1]],
            queues: [&q[0].arn, &q[1].arn],
            dlqs: [&d[0].arn, &d[1].arn],
            mappings: [
                seen[0].mapping().map(|m| m.uuid.as_str()),
                seen[1].mapping().map(|m| m.uuid.as_str()),
            ],
        };
        if exec_role {
            r.is(
                &policy::execution_trust(),
                &policy::execution_policy(names, &Grants::from_values(&state), &arns),
            )
        } else {
            r.is(&policy::orchestrator_trust(partition, account), &policy::orchestrator_policy(names, &arns))
        }
    };
    let exec_ok = exec.as_ref().filter(|r| wanted(r, true)).map(|r| r.arn.clone());
    let orch_ok = orch.as_ref().filter(|r| wanted(r, false)).map(|r| r.arn.clone());
    for r in [&exec, &orch].into_iter().flatten() {
        inventory.insert(0, inventory_item("iam_role", "global", &r.arn));
    }
    state.set("execution_role_arn", Value::opt_string(exec_ok));
    state.set("orchestrator_role_arn", Value::opt_string(orch_ok));
    state.set("id", Value::string(&names.id));
    state.set("primary_region", Value::string(&regions[0]));
    state.set("secondary_region", Value::string(&regions[1]));
    state.set("inventory", Value::List(inventory));
    Ok(Some(state))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pick_reports_the_region_that_drifted() {
        let prior = Value::int(256);
        assert_eq!(pick(&prior, [Some(Value::int(256)), Some(Value::int(512))]), Value::int(512));
        assert_eq!(pick(&prior, [None, None]), prior);
        assert_eq!(pick(&Value::Null, [None, Some(Value::int(1))]), Value::int(1));
    }

    #[test]
    fn lists_keep_the_prior_order() {
        let prior = Value::strings(["b", "a"]);
        assert_eq!(same_or(&prior, vec!["a".into(), "b".into()]), prior);
        assert_eq!(same_or(&prior, vec![]), Value::Null);
        assert_eq!(same_or(&Value::Null, vec!["a".into()]), Value::strings(["a"]));
    }
}
