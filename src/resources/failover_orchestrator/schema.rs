//! Schema of `drpair_failover_orchestrator`.

use crate::tfplugin::schema::{Attr, Block, Mode, Nesting, Schema, timeouts_block};
use crate::tfplugin::value::Type;

use Mode::{Computed, Optional, OptionalComputed, Required};

fn control_attrs() -> Vec<Attr> {
    vec![
        Attr::new("name", Type::String, Optional, "Alarm name."),
        Attr::new("region", Type::String, Optional, "Region the alarm lives in (the secondary region)."),
        Attr::new("namespace", Type::String, Optional, "Namespace to publish to."),
        Attr::new("metric_name", Type::String, Optional, "Metric to publish."),
        Attr::new("dimensions", Type::map(Type::String), Optional, "Dimensions to publish with."),
        Attr::new("threshold", Type::Number, Optional, "Value that forces traffic to the secondary."),
    ]
}

fn region_attrs() -> Vec<Attr> {
    vec![
        Attr::new("region", Type::String, Computed, "The region."),
        Attr::new(
            "state_machine_arn",
            Type::String,
            Computed,
            "The region's state machine; start it by hand with `{\"action\": \"failover\"}` or \
             `{\"action\": \"switchover\", \"target_region\": \"<region>\"}`.",
        ),
        Attr::new("role_arn", Type::String, Computed, "The state machine's role."),
        Attr::new(
            "peer_down_alarm_name",
            Type::String,
            Computed,
            "`<id>-<region>-peer-down`: in ALARM when the other region's heartbeats stopped; its \
             OK -> ALARM change starts a failover to this region.",
        ),
        Attr::new(
            "readiness_alarm_name",
            Type::String,
            Computed,
            "`<id>-<region>-not-ready`: in ALARM while the readiness report says not ready; a planned \
             switchover is refused then.",
        ),
        Attr::new("readiness_function_name", Type::String, Computed, "The hourly readiness function."),
    ]
}

pub fn schema() -> Schema {
    Schema {
        version: 0,
        block: Block {
            description: "Fails the pair over and back without a human: a Step Functions state \
                machine in each region that acts from the survivor alone (every call it makes \
                stays in its own region), triggered when the other region's heartbeats stop \
                (or its health signal goes to ALARM). An unplanned failover promotes this \
                region's Aurora cluster (FailoverGlobalCluster with AllowDataLoss, loss bounded \
                by rds.global_db_rpo), moves traffic by publishing the DNS control metric, stops \
                the failed region consuming orders (its event source mappings, as soon as it \
                is reachable), sets the active-region parameter and announces it on EventBridge. \
                When the home region has been healthy for `failback_after_seconds`, a planned \
                switchover (RPO 0) brings everything home, refused while the hourly readiness \
                check fails. Recovery objectives are computed at plan time.",
            attrs: vec![
                Attr::new(
                    "name",
                    Type::String,
                    Required,
                    "Resource-type part of every name, `<name>-<environment>-<suffix>`. Changing it \
                     replaces the orchestrator.",
                ),
                Attr::new(
                    "global_cluster_id",
                    Type::String,
                    Required,
                    "The Aurora global cluster (`drpair_global_database.<name>.global_cluster_id`).",
                ),
                Attr::new(
                    "primary_cluster_arn",
                    Type::String,
                    Required,
                    "Its cluster in the primary (home) region: `clusters[\"<region>\"].arn`.",
                ),
                Attr::new(
                    "secondary_cluster_arn",
                    Type::String,
                    Required,
                    "Its cluster in the secondary region.",
                ),
                Attr::new(
                    "readiness_package_path",
                    Type::String,
                    Required,
                    "Zip of `lambda/readiness.py` (`make lambda` builds `lambda/dist/readiness.zip`), \
                     deployed to both regions and run hourly.",
                ),
                Attr::nested(
                    "control_alarm",
                    Nesting::Single,
                    control_attrs(),
                    Optional,
                    "What moves traffic: `drpair_dns_failover.<name>.control_alarm`. Its region's state \
                     machine publishes the threshold to send traffic to the secondary and 0 to bring it \
                     home. Without it traffic follows Route 53's endpoint checks alone.",
                ),
                Attr::new(
                    "primary_event_source_mapping_ids",
                    Type::list(Type::String),
                    Optional,
                    "Order consumption in the primary region (`drpair_order_pipeline.<name>.primary.event_source_mapping_id`): \
                     disabled when the region is failed away from, enabled when it is active again.",
                ),
                Attr::new(
                    "secondary_event_source_mapping_ids",
                    Type::list(Type::String),
                    Optional,
                    "Order consumption in the secondary region.",
                ),
                Attr::new(
                    "primary_health_alarm_name",
                    Type::String,
                    Optional,
                    "The primary region's health signal (`drpair_region_health.<name>.primary.composite_alarm_name`): \
                     when it goes to ALARM the secondary fails over at once, without waiting for \
                     heartbeats to stop (a region that is up but broken).",
                ),
                Attr::new(
                    "secondary_health_alarm_name",
                    Type::String,
                    Optional,
                    "The secondary region's health signal.",
                ),
                Attr::new(
                    "active_region_parameter",
                    Type::String,
                    Optional,
                    "SSM parameter (same name in both regions) the orchestrator keeps set to the active \
                     region, e.g. a `runtime_managed` key of `drpair_parameters`. Default: \
                     `/<id>/active_region`, created here with the primary region and never called drift.",
                ),
                Attr::new(
                    "readiness_function_names",
                    Type::list(Type::String),
                    Optional,
                    "Functions whose code must be identical in both regions (readiness check).",
                ),
                Attr::new(
                    "readiness_session_table",
                    Type::String,
                    Optional,
                    "DynamoDB global table whose replicas must be active (readiness check).",
                ),
                Attr::new(
                    "readiness_parameter_path",
                    Type::String,
                    Optional,
                    "SSM path whose parameters must be equal in both regions (readiness check).",
                ),
                Attr::new(
                    "readiness_max_lag_ms",
                    Type::Number,
                    OptionalComputed,
                    "Aurora replication lag above which the pair is not ready. Default 1000.",
                ),
                Attr::new(
                    "heartbeat_interval_seconds",
                    Type::Number,
                    OptionalComputed,
                    "Seconds between heartbeats each region sends the other: 10, 30 or 60 (the periods \
                     CloudWatch alarms on). Default 10.",
                ),
                Attr::new(
                    "missed_heartbeats",
                    Type::Number,
                    OptionalComputed,
                    "Silent intervals in a row after which the other region is declared down, 1 to 10. \
                     Default 2.",
                ),
                Attr::new(
                    "auto_failback",
                    Type::Bool,
                    OptionalComputed,
                    "Bring the pair home by a planned switchover once the primary has been healthy for \
                     `failback_after_seconds`. Default true.",
                ),
                Attr::new(
                    "failback_after_seconds",
                    Type::Number,
                    OptionalComputed,
                    "How long the primary must stay healthy before the failback, 0 to 86400. Default 300.",
                ),
                Attr::new(
                    "rto_target_seconds",
                    Type::Number,
                    OptionalComputed,
                    "The recovery time the pair must meet. Default 60.",
                ),
                Attr::new(
                    "enforce_objectives",
                    Type::Bool,
                    OptionalComputed,
                    "Fail the plan (instead of warning) when `rto_budget_seconds` exceeds \
                     `rto_target_seconds`. Default false.",
                ),
                Attr::new(
                    "database_promotion_seconds",
                    Type::Number,
                    OptionalComputed,
                    "Your estimate of Aurora's cross-region promotion, used in `rto_budget_seconds`. \
                     Default 30; the drill measures it.",
                ),
                Attr::new(
                    "dns_detection_seconds",
                    Type::Number,
                    Optional,
                    "`drpair_dns_failover.<name>.detection_seconds`: Route 53's own path to the secondary.",
                ),
                Attr::new(
                    "database_max_rpo_seconds",
                    Type::Number,
                    Optional,
                    "`drpair_global_database.<name>.max_rpo_seconds`, for `rpo_bounds`.",
                ),
                Attr::new(
                    "session_table_consistency",
                    Type::String,
                    Optional,
                    "`eventual` or `strong` (`drpair_session_table`), for `rpo_bounds`.",
                ),
                Attr::new(
                    "id",
                    Type::String,
                    Computed,
                    "`<name>-<environment>-<suffix>`; also the import id.",
                ),
                Attr::new("primary_region", Type::String, Computed, "Primary (home) region at create time."),
                Attr::new("secondary_region", Type::String, Computed, "Secondary region at create time."),
                Attr::nested(
                    "primary",
                    Nesting::Single,
                    region_attrs(),
                    Computed,
                    "The primary region's orchestrator.",
                ),
                Attr::nested(
                    "secondary",
                    Nesting::Single,
                    region_attrs(),
                    Computed,
                    "The secondary region's orchestrator.",
                ),
                Attr::new(
                    "active_region_parameter_name",
                    Type::String,
                    Computed,
                    "The active-region parameter's name (given or default).",
                ),
                Attr::new(
                    "readiness_package_sha256",
                    Type::String,
                    Computed,
                    "SHA-256 (base64, as Lambda's `CodeSha256`) of the readiness package.",
                ),
                Attr::new(
                    "rto_budget_seconds",
                    Type::Number,
                    Computed,
                    "Worst case from a regional failure to writes accepted in the other region \
                     (detection + trigger + promotion + orchestration), or Route 53's own detection if \
                     longer.",
                ),
                Attr::new(
                    "rto_breakdown",
                    Type::map(Type::Number),
                    Computed,
                    "The terms of `rto_budget_seconds`, in seconds.",
                ),
                Attr::new(
                    "rpo_bounds",
                    Type::map(Type::String),
                    Computed,
                    "What each data store can lose on an unplanned failover, stated honestly.",
                ),
                Attr::new(
                    "drift",
                    Type::list(Type::String),
                    Computed,
                    "What differs from the configuration in AWS (empty when in sync); apply repairs it.",
                ),
                crate::resources::inventory_attr(),
            ],
            blocks: vec![timeouts_block(&["create", "update", "delete"])],
        },
    }
}
