//! The IAM documents of the orchestrator's three roles per region (pure): each names exactly
//! the objects its region acts on. CloudWatch's PutMetricData has no resource-level
//! permissions, so it is limited by namespace instead; DescribeAlarms names the alarms.

use serde_json::{Value as Json, json};

use super::model::{
    FAILOVER_NAMESPACE, READINESS_NAMESPACE, Want, lock_parameter, not_ready_alarm, peer_down_alarm,
    readiness_function, readiness_report_parameter,
};

fn statement(sid: &str, actions: &[&str], resources: Vec<String>) -> Json {
    json!({"Sid": sid, "Effect": "Allow", "Action": actions, "Resource": resources})
}

fn document(statements: Vec<Json>) -> Json {
    json!({"Version": "2012-10-17", "Statement": statements})
}

pub fn trust(service: &str) -> Json {
    json!({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}]})
}

fn put_metrics(sid: &str, namespaces: &[&str]) -> Json {
    json!({"Sid": sid, "Effect": "Allow", "Action": ["cloudwatch:PutMetricData"], "Resource": ["*"],
           "Condition": {"StringEquals": {"cloudwatch:namespace": namespaces}}})
}

/// The state machine of region `i`: the global cluster's failover and switchover, its lock
/// and active-region parameters, its mappings, its alarms, its default bus.
pub fn state_machine_policy(w: &Want, i: usize) -> Json {
    let region = &w.regions[i];
    let mut rds = vec![w.global_cluster_arn()];
    rds.extend(w.cluster_arns.iter().cloned());
    let mut statements = vec![
        statement(
            "GlobalDatabase",
            &["rds:DescribeGlobalClusters", "rds:FailoverGlobalCluster", "rds:SwitchoverGlobalCluster"],
            rds,
        ),
        statement(
            "LockAndActiveRegion",
            &["ssm:PutParameter", "ssm:DeleteParameter", "ssm:GetParameter"],
            vec![w.parameter_arn(i, &lock_parameter(&w.id)), w.parameter_arn(i, &w.active_parameter)],
        ),
        statement(
            "Alarms",
            &["cloudwatch:DescribeAlarms"],
            vec![
                w.alarm_arn(i, &peer_down_alarm(&w.id, region)),
                w.alarm_arn(i, &not_ready_alarm(&w.id, region)),
            ],
        ),
        statement("Announce", &["events:PutEvents"], vec![w.default_bus_arn(i)]),
    ];
    let mut namespaces = vec![FAILOVER_NAMESPACE];
    if let Some(c) = w.control.as_ref().filter(|c| &c.region == region && c.namespace != FAILOVER_NAMESPACE) {
        namespaces.push(&c.namespace);
    }
    statements.push(put_metrics("HeartbeatsAndTraffic", &namespaces));
    if !w.mappings[i].is_empty() {
        statements.push(statement(
            "OrderConsumption",
            &["lambda:UpdateEventSourceMapping", "lambda:GetEventSourceMapping"],
            w.mappings[i].iter().map(|u| w.mapping_arn(i, u)).collect(),
        ));
    }
    document(statements)
}

/// EventBridge in region `i`: start its own state machine; forward to the peer's default bus.
pub fn events_policy(w: &Want, i: usize) -> Json {
    document(vec![
        statement("StartOrchestrator", &["states:StartExecution"], vec![w.state_machine_arn(i)]),
        statement("ForwardToPeer", &["events:PutEvents"], vec![w.default_bus_arn(1 - i)]),
    ])
}

/// The readiness function of region `i`: reads both regions, writes its report and metric.
pub fn readiness_policy(w: &Want, i: usize) -> Json {
    let region = &w.regions[i];
    let p = &w.partition;
    let a = &w.account;
    let log_group =
        format!("arn:{p}:logs:{region}:{a}:log-group:/aws/lambda/{}", readiness_function(&w.id, region));
    let mut statements = vec![
        statement(
            "Logs",
            &["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
            vec![log_group.clone(), format!("{log_group}:*")],
        ),
        statement("GlobalDatabase", &["rds:DescribeGlobalClusters"], vec![w.global_cluster_arn()]),
        statement(
            "Report",
            &["ssm:PutParameter"],
            vec![w.parameter_arn(i, &readiness_report_parameter(&w.id))],
        ),
        put_metrics("Readiness", &[READINESS_NAMESPACE]),
        // Replication lag is read from AWS/RDS; metric reads have no resource-level control.
        statement(
            "LagMetrics",
            &["cloudwatch:GetMetricStatistics", "cloudwatch:GetMetricData"],
            vec!["*".into()],
        ),
    ];
    if !w.readiness_function_names.is_empty() {
        let arns = w
            .regions
            .iter()
            .flat_map(|r| {
                w.readiness_function_names.iter().map(move |f| format!("arn:{p}:lambda:{r}:{a}:function:{f}"))
            })
            .collect();
        statements.push(statement(
            "FunctionHashes",
            &["lambda:GetFunction", "lambda:GetFunctionConfiguration"],
            arns,
        ));
    }
    if let Some(t) = &w.readiness_session_table {
        let arns = w.regions.iter().map(|r| format!("arn:{p}:dynamodb:{r}:{a}:table/{t}")).collect();
        statements.push(statement("SessionTable", &["dynamodb:DescribeTable"], arns));
    }
    if let Some(path) = &w.readiness_parameter_path {
        let path = path.trim_end_matches('/');
        let arns = w
            .regions
            .iter()
            .flat_map(|r| {
                [
                    format!("arn:{p}:ssm:{r}:{a}:parameter{path}"),
                    format!("arn:{p}:ssm:{r}:{a}:parameter{path}/*"),
                ]
            })
            .collect();
        statements.push(statement("Parameters", &["ssm:GetParametersByPath", "ssm:GetParameters"], arns));
    }
    document(statements)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::failover_orchestrator::model::{desired, test_config};
    use crate::tfplugin::value::Value;

    fn want() -> Want {
        let mut c = test_config();
        c.set("primary_event_source_mapping_ids", Value::strings(["u1"]));
        c.set("readiness_function_names", Value::strings(["orders-fn"]));
        desired("dr-test-ab12", ["us-east-1", "us-east-2"], &c).unwrap()
    }

    /// No statement grants a wildcard action, and `*` resources only carry actions AWS gives
    /// no resource-level control over.
    #[test]
    fn no_wildcard_actions_and_star_resources_only_where_aws_requires_them() {
        let w = want();
        for i in 0..2 {
            for doc in [state_machine_policy(&w, i), events_policy(&w, i), readiness_policy(&w, i)] {
                for s in doc["Statement"].as_array().unwrap() {
                    let actions: Vec<&str> =
                        s["Action"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
                    assert!(actions.iter().all(|a| !a.contains('*')), "{s}");
                    if s["Resource"] == json!(["*"]) {
                        assert!(
                            actions
                                .iter()
                                .all(|a| a.starts_with("cloudwatch:Put") || a.starts_with("cloudwatch:Get")),
                            "{s}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn each_region_touches_only_its_own_mappings_and_the_peer_bus() {
        let w = want();
        let p = state_machine_policy(&w, 0).to_string();
        assert!(p.contains("event-source-mapping:u1"));
        assert!(!state_machine_policy(&w, 1).to_string().contains("event-source-mapping"));
        let e = events_policy(&w, 1);
        assert_eq!(
            e["Statement"][1]["Resource"][0],
            "arn:aws:events:us-east-1:123456789012:event-bus/default"
        );
    }
}
