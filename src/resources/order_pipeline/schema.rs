//! Schema of `drpair_order_pipeline`.

use crate::tfplugin::schema::{Attr, Block, Mode, Nesting, Schema, timeouts_block};
use crate::tfplugin::value::Type;

use Mode::{Computed, Optional, OptionalComputed, Required};

fn region_attrs() -> Vec<Attr> {
    vec![
        Attr::new("region", Type::String, Computed, "The region."),
        Attr::new("function_name", Type::String, Computed, "The function's name (the resource id)."),
        Attr::new("function_arn", Type::String, Computed, "The function's ARN."),
        Attr::new(
            "code_sha256",
            Type::String,
            Computed,
            "`CodeSha256` as Lambda reports it in this region; equal in both regions after every apply.",
        ),
        Attr::new("queue_url", Type::String, Computed, "URL of the order queue."),
        Attr::new(
            "queue_arn",
            Type::String,
            Computed,
            "ARN of the order queue (null while it lacks its redrive policy or encryption).",
        ),
        Attr::new("dlq_url", Type::String, Computed, "URL of the dead-letter queue."),
        Attr::new("dlq_arn", Type::String, Computed, "ARN of the dead-letter queue."),
        Attr::new(
            "event_source_mapping_id",
            Type::String,
            Computed,
            "UUID of the queue-to-function mapping (null while it is missing or lacks \
             `ReportBatchItemFailures`). Whether it is enabled is the failover orchestrator's \
             run-time choice (it stops a failed region consuming), never drift.",
        ),
        Attr::new(
            "alarm_names",
            Type::list(Type::String),
            Computed,
            "Alarms on function errors, function throttles and DLQ depth, for `drpair_region_health`.",
        ),
    ]
}

fn vpc_attrs(role: &'static str) -> [Attr; 2] {
    let (subnets, groups): (&'static str, &'static str) = match role {
        "primary" => ("primary_subnet_ids", "primary_security_group_ids"),
        _ => ("secondary_subnet_ids", "secondary_security_group_ids"),
    };
    [
        Attr::new(
            subnets,
            Type::list(Type::String),
            Optional,
            "Private subnets for this region's function (e.g. `drpair_network.core.<region>.subnet_ids`); \
             set with the security groups, or neither for no VPC.",
        ),
        Attr::new(
            groups,
            Type::list(Type::String),
            Optional,
            "Security groups for this region's function (e.g. the network's function security group).",
        ),
    ]
}

pub fn schema() -> Schema {
    let mut attrs = vec![
        Attr::new(
            "name",
            Type::String,
            Required,
            "First part of every name, `<name>-<environment>-<suffix>`. Changing it replaces the pipeline.",
        ),
        Attr::new(
            "package_path",
            Type::String,
            Optional,
            "Local zip deployed to both regions (e.g. `lambda/dist/order-processor.zip`). Hashed at \
             plan time, so a changed file plans a redeploy of both regions. Exactly one of this and \
             `package_s3_bucket` + `package_s3_key`.",
        ),
        Attr::new(
            "package_s3_bucket",
            Type::String,
            Optional,
            "Bucket of an S3 package. The provider reads the object once and deploys the same bytes \
             to both regions (so the bucket need not be replicated).",
        ),
        Attr::new("package_s3_key", Type::String, Optional, "Key of the S3 package."),
        Attr::new(
            "package_sha256",
            Type::String,
            Computed,
            "SHA-256 (base64, as Lambda's `CodeSha256`) of the package; both regions' functions are \
             checked to report exactly this after every apply.",
        ),
        Attr::new("handler", Type::String, OptionalComputed, "Function handler. Default `orders.handler`."),
        Attr::new(
            "runtime",
            Type::String,
            OptionalComputed,
            "Managed runtime: `python3.12` (default) or `python3.13`.",
        ),
        Attr::new("memory_size", Type::Number, OptionalComputed, "Memory in MB, 128 to 10240. Default 256."),
        Attr::new(
            "timeout",
            Type::Number,
            OptionalComputed,
            "Function timeout in seconds, 1 to 900. Default 30.",
        ),
        Attr::new(
            "reserved_concurrency",
            Type::Number,
            OptionalComputed,
            "Reserved concurrent executions per region, 1 to 900 (the account keeps 100 unreserved). \
             Default 10.",
        ),
        Attr::new(
            "batch_size",
            Type::Number,
            OptionalComputed,
            "Messages per invocation, 1 to 10. Default 10.",
        ),
        Attr::new(
            "visibility_timeout_seconds",
            Type::Number,
            OptionalComputed,
            "Order queue visibility timeout, at most 43200 and at least 6 x `timeout` (AWS's guidance \
             for SQS event sources). Default 6 x `timeout`.",
        ),
        Attr::new(
            "max_receive_count",
            Type::Number,
            OptionalComputed,
            "Receives before a message moves to the dead-letter queue, 1 to 1000. Default 5.",
        ),
        Attr::new(
            "environment",
            Type::map(Type::String),
            Optional,
            "Function environment variables (the reference processor needs `ORDERS_TABLE`).",
        ),
    ];
    attrs.extend(vpc_attrs("primary"));
    attrs.extend(vpc_attrs("secondary"));
    attrs.extend([
        Attr::new(
            "table_arns",
            Type::list(Type::String),
            Optional,
            "DynamoDB tables the function may read and write (GetItem, PutItem, DescribeTable); give \
             each region's replica ARN.",
        ),
        Attr::new(
            "bucket_arns",
            Type::list(Type::String),
            Optional,
            "S3 buckets the function may list and read/write objects in.",
        ),
        Attr::new(
            "parameter_arns",
            Type::list(Type::String),
            Optional,
            "SSM parameters the function may read (GetParameter, GetParameters).",
        ),
        Attr::new("id", Type::String, Computed, "`<name>-<environment>-<suffix>`; also the import id."),
        Attr::new("primary_region", Type::String, Computed, "Primary region at create time."),
        Attr::new("secondary_region", Type::String, Computed, "Secondary region at create time."),
        Attr::new(
            "execution_role_arn",
            Type::String,
            Computed,
            "The functions' execution role (IAM is global: one role for both regions).",
        ),
        Attr::new(
            "orchestrator_role_arn",
            Type::String,
            Computed,
            "Role the failover orchestrator, in either region, assumes to operate this pipeline: \
             function concurrency, the event source mappings, queue redrive, alarm reads.",
        ),
        Attr::nested("primary", Nesting::Single, region_attrs(), Computed, "The primary region's pipeline."),
        Attr::nested(
            "secondary",
            Nesting::Single,
            region_attrs(),
            Computed,
            "The secondary region's pipeline.",
        ),
        crate::resources::inventory_attr(),
    ]);
    Schema {
        version: 0,
        block: Block {
            description: "Trade orders from SQS into Lambda in both regions: per region an order queue \
                with a dead-letter queue (SSE-KMS, redrive), the same deployment package (proved \
                identical by SHA-256), an event source mapping with partial-batch failure \
                reporting, reserved concurrency, optional VPC attachment, and alarms on function \
                errors, throttles and DLQ depth; an execution role scoped to exactly the given \
                queues, tables, buckets and parameters, and a role the orchestrator assumes.",
            attrs,
            blocks: vec![timeouts_block(&["create", "update", "delete"])],
        },
    }
}
