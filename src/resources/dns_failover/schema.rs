//! Schema of `drpair_dns_failover`.

use crate::tfplugin::schema::{Attr, Block, Mode, Nesting, Schema, timeouts_block};
use crate::tfplugin::value::Type;

use Mode::{Computed, Optional, OptionalComputed, Required};

/// One region's API: where its failover record points and how its health is checked.
fn region_attrs() -> Vec<Attr> {
    vec![
        Attr::new(
            "domain_name",
            Type::String,
            Required,
            "The region's API domain to alias to: the regional API Gateway domain name \
             (`d-xxxx.execute-api.<region>.amazonaws.com`).",
        ),
        Attr::new(
            "zone_id",
            Type::String,
            Required,
            "Hosted zone id of `domain_name`, the alias target's zone (API Gateway's regional zone).",
        ),
        Attr::new(
            "health_fqdn",
            Type::String,
            Required,
            "Host name the HTTPS health check calls (and sends as SNI): the region's own API name.",
        ),
        Attr::new(
            "health_path",
            Type::String,
            OptionalComputed,
            "Path the health check requests. Default `/health`.",
        ),
        Attr::new("health_port", Type::Number, OptionalComputed, "HTTPS port. Default 443."),
    ]
}

fn check_ids_attrs() -> Vec<Attr> {
    vec![
        Attr::new("primary", Type::String, Computed, "HTTPS check of the primary region's `/health`."),
        Attr::new("secondary", Type::String, Computed, "HTTPS check of the secondary region's `/health`."),
        Attr::new(
            "control",
            Type::String,
            Computed,
            "CLOUDWATCH_METRIC check on the control alarm: unhealthy while the alarm is in ALARM.",
        ),
        Attr::new(
            "primary_combined",
            Type::String,
            Computed,
            "CALCULATED check the PRIMARY record routes on: healthy only while both `primary` and \
             `control` are.",
        ),
    ]
}

fn control_alarm_attrs() -> Vec<Attr> {
    vec![
        Attr::new("name", Type::String, Computed, "Alarm name."),
        Attr::new("region", Type::String, Computed, "Region the alarm lives in: the secondary region."),
        Attr::new("namespace", Type::String, Computed, "Namespace to publish to: `drpair/Failover`."),
        Attr::new("metric_name", Type::String, Computed, "Metric to publish: `ForceFailover`."),
        Attr::new(
            "dimensions",
            Type::map(Type::String),
            Computed,
            "Dimensions to publish with: `RecordName` = the record name.",
        ),
        Attr::new(
            "threshold",
            Type::Number,
            Computed,
            "Publishing a value >= threshold (1) forces failover at once; publishing 0 releases it \
             once a whole minute (the alarm's period, maximum statistic) holds no 1. Without new \
             data the alarm keeps its state, so a forced failover holds.",
        ),
    ]
}

pub fn schema() -> Schema {
    Schema {
        version: 0,
        block: Block {
            description: "DNS failover for the pair in Route 53: fast HTTPS health checks on each \
                region's `/health`, and PRIMARY/SECONDARY failover alias records to the regional \
                API domains. The PRIMARY record routes on a calculated check that is healthy only \
                while the primary endpoint check AND a control check are healthy; the control check \
                follows a CloudWatch alarm in the secondary region. So the orchestrator moves traffic \
                by publishing one metric (`control_alarm`) in the surviving region, with no Route 53 \
                control-plane call (that plane lives only in us-east-1). Record changes go to Route \
                53 as one change batch, so a set-identifier or routing-policy change is never \
                half-applied. The resource owns the A records at `record_name`.",
            attrs: vec![
                Attr::new(
                    "zone_name",
                    Type::String,
                    Optional,
                    "Create a public hosted zone with this name (deleted on destroy). Exactly one of \
                     `zone_name` and `zone_id`. Changing it replaces the resource.",
                ),
                Attr::new(
                    "zone_id",
                    Type::String,
                    OptionalComputed,
                    "Use this existing hosted zone (never deleted). Exactly one of `zone_name` and \
                     `zone_id`; with `zone_name` it reports the created zone's id.",
                ),
                Attr::new(
                    "record_name",
                    Type::String,
                    Required,
                    "Record name in the zone, e.g. `api.example.com` (lowercase). Also the id and the \
                     import id. Changing it replaces the resource.",
                ),
                Attr::nested(
                    "primary",
                    Nesting::Single,
                    region_attrs(),
                    Required,
                    "The primary region's API.",
                ),
                Attr::nested(
                    "secondary",
                    Nesting::Single,
                    region_attrs(),
                    Required,
                    "The secondary region's API.",
                ),
                Attr::new(
                    "request_interval",
                    Type::Number,
                    OptionalComputed,
                    "Seconds between health-check requests from each checker: 10 (fast, default) or 30. \
                     Route 53 cannot change it on a check, so a change makes new checks.",
                ),
                Attr::new(
                    "failure_threshold",
                    Type::Number,
                    OptionalComputed,
                    "Consecutive failures before an endpoint counts as unhealthy: 1 to 10, default 3.",
                ),
                Attr::new(
                    "record_ttl_seconds",
                    Type::Number,
                    OptionalComputed,
                    "The TTL resolvers are assumed to cache an answer for, used in `detection_seconds`. \
                     Alias records carry no TTL of their own (Route 53 answers with the target's, 60 s \
                     for API Gateway), so set this to what clients really see. Default 60, 0 to 172800.",
                ),
                Attr::new(
                    "primary_set_identifier",
                    Type::String,
                    OptionalComputed,
                    "SetIdentifier of the PRIMARY record. Default `primary`. Changing it swaps the record \
                     in one change batch.",
                ),
                Attr::new(
                    "secondary_set_identifier",
                    Type::String,
                    OptionalComputed,
                    "SetIdentifier of the SECONDARY record. Default `secondary`.",
                ),
                Attr::new("id", Type::String, Computed, "The record name."),
                Attr::new(
                    "name_servers",
                    Type::list(Type::String),
                    Computed,
                    "The zone's name servers (to delegate a created zone).",
                ),
                Attr::nested(
                    "health_check_ids",
                    Nesting::Single,
                    check_ids_attrs(),
                    Computed,
                    "The Route 53 health checks.",
                ),
                Attr::nested(
                    "control_alarm",
                    Nesting::Single,
                    control_alarm_attrs(),
                    Computed,
                    "What the orchestrator publishes (PutMetricData in `region`) to force traffic to the \
                     secondary: a value >= `threshold` for `metric_name` in `namespace` with `dimensions`.",
                ),
                Attr::new(
                    "detection_seconds",
                    Type::Number,
                    Computed,
                    "Worst case from a primary failure to resolvers answering with the secondary: \
                     `request_interval` x `failure_threshold` (the checks must see that many failures in \
                     a row) + `record_ttl_seconds` (cached answers).",
                ),
                crate::resources::inventory_attr(),
            ],
            blocks: vec![timeouts_block(&["create", "update", "delete"])],
        },
    }
}
