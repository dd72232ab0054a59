//! IAM documents of the order pipeline (pure): the execution role, scoped to exactly the
//! queues, tables, buckets and parameters the function is given, and the orchestrator role,
//! scoped to exactly this pipeline's functions, mappings, queues and alarms.

use serde_json::{Value as Json, json};

use super::model::{Grants, Names};

pub const POLICY_NAME: &str = "drpair-order-pipeline";

/// What the documents name, learned from AWS (the account and the ARNs it assigned).
pub struct Arns<'a> {
    pub partition: &'a str,
    pub account: &'a str,
    pub regions: [&'a str; 2],
    pub queues: [&'a str; 2],
    pub dlqs: [&'a str; 2],
    /// Event source mapping UUIDs, where they exist yet.
    pub mappings: [Option<&'a str>; 2],
}

pub use crate::resources::common::arn::partition_and_account;

fn statement(sid: &str, actions: &[&str], resources: Vec<String>) -> Json {
    json!({"Sid": sid, "Effect": "Allow", "Action": actions, "Resource": resources})
}

fn document(statements: Vec<Json>) -> Json {
    json!({"Version": "2012-10-17", "Statement": statements})
}

pub fn execution_trust() -> Json {
    document(vec![json!({
        "Effect": "Allow",
        "Principal": {"Service": "lambda.amazonaws.com"},
        "Action": "sts:AssumeRole",
    })])
}

/// The orchestrator runs in either region (Step Functions and a readiness function) and may
/// also act through a role of its own in this account: each of those can assume this role.
pub fn orchestrator_trust(partition: &str, account: &str) -> Json {
    document(vec![json!({
        "Effect": "Allow",
        "Principal": {
            "Service": ["states.amazonaws.com", "lambda.amazonaws.com"],
            "AWS": format!("arn:{partition}:iam::{account}:root"),
        },
        "Action": "sts:AssumeRole",
    })])
}

pub fn execution_policy(names: &Names, g: &Grants, a: &Arns<'_>) -> Json {
    let (p, acct) = (a.partition, a.account);
    let mut st = vec![
        statement(
            "Queues",
            &[
                "sqs:ReceiveMessage",
                "sqs:DeleteMessage",
                "sqs:ChangeMessageVisibility",
                "sqs:GetQueueAttributes",
                // The function finds its own region's queue by name (ORDERS_QUEUE_NAME).
                "sqs:GetQueueUrl",
                "sqs:SendMessage",
            ],
            a.queues.iter().map(|q| q.to_string()).collect(),
        ),
        statement(
            "Logs",
            &["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
            a.regions
                .iter()
                .map(|r| format!("arn:{p}:logs:{r}:{acct}:log-group:/aws/lambda/{}:*", names.function()))
                .collect(),
        ),
    ];
    if g.vpc {
        // Lambda manages the function's network interfaces with the execution role; EC2
        // offers no resource-level scoping for these actions.
        st.push(statement(
            "Vpc",
            &[
                "ec2:CreateNetworkInterface",
                "ec2:DescribeNetworkInterfaces",
                "ec2:DeleteNetworkInterface",
                "ec2:AssignPrivateIpAddresses",
                "ec2:UnassignPrivateIpAddresses",
            ],
            vec!["*".into()],
        ));
    }
    if !g.table_arns.is_empty() {
        st.push(statement(
            "Tables",
            &["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DescribeTable"],
            g.table_arns.clone(),
        ));
    }
    if !g.bucket_arns.is_empty() {
        st.push(statement("Buckets", &["s3:ListBucket"], g.bucket_arns.clone()));
        st.push(statement(
            "BucketObjects",
            &["s3:GetObject", "s3:PutObject"],
            g.bucket_arns.iter().map(|b| format!("{b}/*")).collect(),
        ));
    }
    if !g.parameter_arns.is_empty() {
        st.push(statement(
            "Parameters",
            &["ssm:GetParameter", "ssm:GetParameters"],
            g.parameter_arns.clone(),
        ));
    }
    document(st)
}

pub fn orchestrator_policy(names: &Names, a: &Arns<'_>) -> Json {
    let (p, acct) = (a.partition, a.account);
    let functions = a
        .regions
        .iter()
        .map(|r| format!("arn:{p}:lambda:{r}:{acct}:function:{}", names.function()))
        .collect();
    let mappings: Vec<String> = a
        .regions
        .iter()
        .zip(a.mappings)
        .filter_map(|(r, m)| Some(format!("arn:{p}:lambda:{r}:{acct}:event-source-mapping:{}", m?)))
        .collect();
    let queues = a.queues.iter().chain(a.dlqs.iter()).map(|q| q.to_string()).collect();
    let alarms = a
        .regions
        .iter()
        .flat_map(|r| names.alarms(r).map(|n| format!("arn:{p}:cloudwatch:{r}:{acct}:alarm:{n}")))
        .collect();
    let mut st = vec![statement(
        "Functions",
        &[
            "lambda:GetFunction",
            "lambda:GetFunctionConfiguration",
            "lambda:GetFunctionConcurrency",
            "lambda:PutFunctionConcurrency",
            "lambda:DeleteFunctionConcurrency",
        ],
        functions,
    )];
    if !mappings.is_empty() {
        st.push(statement(
            "EventSourceMappings",
            &["lambda:GetEventSourceMapping", "lambda:UpdateEventSourceMapping"],
            mappings,
        ));
    }
    st.push(statement(
        "Queues",
        &[
            "sqs:GetQueueAttributes",
            "sqs:ReceiveMessage",
            "sqs:DeleteMessage",
            "sqs:SendMessage",
            "sqs:StartMessageMoveTask",
            "sqs:ListMessageMoveTasks",
            "sqs:CancelMessageMoveTask",
        ],
        queues,
    ));
    st.push(statement("Alarms", &["cloudwatch:DescribeAlarms"], alarms));
    document(st)
}

/// The `Resource` list of the statement with this Sid (empty when there is none).
pub fn resources_of(doc: &Json, sid: &str) -> Option<Vec<String>> {
    let st = doc["Statement"].as_array()?.iter().find(|s| s["Sid"] == sid)?;
    match &st["Resource"] {
        Json::String(s) => Some(vec![s.clone()]),
        Json::Array(items) => items.iter().map(|i| i.as_str().map(str::to_string)).collect(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tfplugin::value::Value;

    #[test]
    fn execution_policy_names_exactly_what_it_is_given() {
        let names = Names { id: "orders-test-ab12".into() };
        let mut v = Value::object([("package_path", Value::string("x.zip"))]);
        v.set("table_arns", Value::strings(["arn:aws:dynamodb:us-east-1:1:table/t"]));
        let g = Grants::from_values(&v);
        let a = Arns {
            partition: "aws",
            account: "1",
            regions: ["us-east-1", "us-east-2"],
            queues: ["arn:aws:sqs:us-east-1:1:q", "arn:aws:sqs:us-east-2:1:q"],
            dlqs: ["d1", "d2"],
            mappings: [Some("u1"), None],
        };
        let doc = execution_policy(&names, &g, &a);
        assert_eq!(resources_of(&doc, "Tables").unwrap(), g.table_arns);
        assert_eq!(resources_of(&doc, "Queues").unwrap().len(), 2);
        assert!(resources_of(&doc, "Buckets").is_none());
        assert!(resources_of(&doc, "Vpc").is_none());
        let orch = orchestrator_policy(&names, &a);
        assert_eq!(
            resources_of(&orch, "EventSourceMappings").unwrap(),
            ["arn:aws:lambda:us-east-1:1:event-source-mapping:u1"]
        );
    }
}
