//! Schema of `drpair_region_health`.

use crate::tfplugin::schema::{Attr, Block, Mode, Nesting, Schema, timeouts_block};
use crate::tfplugin::value::Type;

use Mode::{Computed, Optional, OptionalComputed, Required};

/// What each region reports: the one signal the orchestrator watches, and what feeds it.
fn region_attrs() -> Vec<Attr> {
    vec![
        Attr::new("region", Type::String, Computed, "The region this signal judges (and lives in)."),
        Attr::new(
            "composite_alarm_name",
            Type::String,
            Computed,
            "`<id>-<region>-unhealthy`: in ALARM while any member is in ALARM, i.e. OK means the \
             region is healthy.",
        ),
        Attr::new("composite_alarm_arn", Type::String, Computed, "ARN of the composite alarm."),
        Attr::new(
            "alarm_rule",
            Type::String,
            Computed,
            "The composite's rule as CloudWatch holds it: `ALARM(\"member\") OR ...`.",
        ),
        Attr::new(
            "owned_alarm_names",
            Type::list(Type::String),
            Computed,
            "Metric alarms this resource created for the region (replication lag, endpoint health).",
        ),
    ]
}

pub fn schema() -> Schema {
    Schema {
        version: 0,
        block: Block {
            description: "One \"region healthy\" signal per region for the failover orchestrator: a \
                CloudWatch composite alarm in each region that rolls up the alarms other drpair \
                resources report (function errors and throttles, DLQ depth, API p99 latency and \
                5xx), Aurora global database replication lag (`AuroraGlobalDBReplicationLag`, \
                alarmed here per region) and Route 53 endpoint health. A composite alarm can only \
                watch alarms in its own region, and Route 53 publishes health-check metrics in \
                us-east-1 only, so a health check can feed the composite of us-east-1 alone.",
            attrs: vec![
                Attr::new(
                    "name",
                    Type::String,
                    Required,
                    "Resource-type part of every alarm name, `<name>-<environment>-<suffix>-<region>-...`. \
                     Changing it replaces the alarms.",
                ),
                Attr::new(
                    "primary_alarm_names",
                    Type::list(Type::String),
                    Optional,
                    "Alarms in the primary region that each mean \"this region is unhealthy\" \
                     (e.g. `drpair_order_pipeline.orders.primary.alarm_names`).",
                ),
                Attr::new(
                    "secondary_alarm_names",
                    Type::list(Type::String),
                    Optional,
                    "Alarms in the secondary region that each mean \"this region is unhealthy\".",
                ),
                Attr::new(
                    "primary_db_cluster_id",
                    Type::String,
                    Optional,
                    "The global database's cluster in the primary region \
                     (`drpair_global_database.db.clusters[\"<region>\"].identifier`): its replication \
                     lag is alarmed whenever it is a secondary (a writer reports no lag: missing data \
                     is healthy).",
                ),
                Attr::new(
                    "secondary_db_cluster_id",
                    Type::String,
                    Optional,
                    "The global database's cluster in the secondary region; lag alarmed as above.",
                ),
                Attr::new(
                    "replication_lag_threshold_ms",
                    Type::Number,
                    OptionalComputed,
                    "Replication lag (maximum over a minute, milliseconds) above which the region's \
                     replica counts as unhealthy. Default 5000, 1 to 3600000.",
                ),
                Attr::new(
                    "primary_health_check_id",
                    Type::String,
                    Optional,
                    "Route 53 health check of the primary region's endpoint. Allowed only when the \
                     primary region is us-east-1 (see above).",
                ),
                Attr::new(
                    "secondary_health_check_id",
                    Type::String,
                    Optional,
                    "Route 53 health check of the secondary region's endpoint. Allowed only when the \
                     secondary region is us-east-1.",
                ),
                Attr::new(
                    "id",
                    Type::String,
                    Computed,
                    "`<name>-<environment>-<suffix>`; also the import id.",
                ),
                Attr::new("primary_region", Type::String, Computed, "Primary region at create time."),
                Attr::new("secondary_region", Type::String, Computed, "Secondary region at create time."),
                Attr::nested(
                    "primary",
                    Nesting::Single,
                    region_attrs(),
                    Computed,
                    "The primary region's health signal.",
                ),
                Attr::nested(
                    "secondary",
                    Nesting::Single,
                    region_attrs(),
                    Computed,
                    "The secondary region's health signal.",
                ),
                crate::resources::inventory_attr(),
            ],
            blocks: vec![timeouts_block(&["create", "update", "delete"])],
        },
    }
}
