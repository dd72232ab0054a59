//! Schema of `drpair_regional_api`.

use std::collections::BTreeMap;

use crate::tfplugin::schema::{Attr, Block, Mode, Nesting, Schema, timeouts_block};
use crate::tfplugin::value::Type;

use Mode::{Computed, Optional, OptionalComputed, Required};

/// A DNS record ACM asks for before it issues a certificate.
pub fn validation_record_type() -> Type {
    Type::Object(BTreeMap::from([
        ("name".to_string(), Type::String),
        ("type".to_string(), Type::String),
        ("value".to_string(), Type::String),
    ]))
}

fn region_attrs() -> Vec<Attr> {
    vec![
        Attr::new("region", Type::String, Computed, "The region this API lives in."),
        Attr::new("api_id", Type::String, Computed, "Id of the REST API (named `<id>` in every region)."),
        Attr::new(
            "invoke_url",
            Type::String,
            Computed,
            "`https://<api_id>.execute-api.<region>.amazonaws.com/<stage>`.",
        ),
        Attr::new(
            "regional_domain_name",
            Type::String,
            Computed,
            "The custom domain's regional target (`d-….execute-api.<region>.amazonaws.com`): the alias \
             target for this region's Route 53 record.",
        ),
        Attr::new(
            "regional_zone_id",
            Type::String,
            Computed,
            "Hosted zone id of that target, for the alias record.",
        ),
        Attr::new(
            "health_fqdn",
            Type::String,
            Computed,
            "What a Route 53 health check of this region should probe: the API's own execute-api host \
             (the custom domain resolves to whichever region DNS prefers, so it cannot judge one \
             region). Probe it over HTTPS with SNI.",
        ),
        Attr::new(
            "health_path",
            Type::String,
            Computed,
            "`/<stage>/health`: answered by the region's function from the region's own dependencies.",
        ),
        Attr::new(
            "alarm_names",
            Type::list(Type::String),
            Computed,
            "The p99 latency and 5xx alarms of this region, for `drpair_region_health`.",
        ),
        Attr::new(
            "certificate_arn",
            Type::String,
            Computed,
            "The ACM certificate the regional domain uses (given, or requested by this resource).",
        ),
        Attr::new(
            "certificate_validation",
            Type::list(validation_record_type()),
            Computed,
            "DNS records ACM needs to issue the certificate this resource requested (empty when a \
             certificate was given). Create them in the domain's zone; apply waits for ISSUED.",
        ),
        Attr::new(
            "parts_in_place",
            Type::list(Type::String),
            Computed,
            "Parts of this region that exist as configured; a part deleted or changed outside Terraform \
             drops out, so the plan names it and apply repairs it.",
        ),
    ]
}

pub fn schema() -> Schema {
    Schema {
        version: 0,
        block: Block {
            description: "An API Gateway REST API in each region in front of that region's function: \
                Lambda proxy routes `GET /health` and `POST /orders`, a stage with access logs (to a \
                CloudWatch Logs group per region) and throttling, a regional custom domain with an ACM \
                certificate of its own region (given or requested, DNS validation) and a base path \
                mapping, and p99 latency and 5xx alarms per region. Outputs the alias targets for \
                `drpair_dns_failover` and the host and path its health checks should probe. On AWS, \
                access logging needs the account's API Gateway CloudWatch Logs role \
                (`aws apigateway update-account`), an account-wide setting this resource leaves alone.",
            attrs: vec![
                Attr::new(
                    "name",
                    Type::String,
                    Required,
                    "Resource-type part of every name, `<name>-<environment>-<suffix>`. Changing it \
                     replaces the APIs.",
                ),
                Attr::new(
                    "primary_function_arn",
                    Type::String,
                    Required,
                    "Unqualified or qualified ARN of the function in the primary region.",
                ),
                Attr::new(
                    "secondary_function_arn",
                    Type::String,
                    Required,
                    "ARN of the function in the secondary region.",
                ),
                Attr::new(
                    "domain_name",
                    Type::String,
                    Required,
                    "The custom domain, the same in both regions (e.g. `api.example.com`).",
                ),
                Attr::new(
                    "primary_certificate_arn",
                    Type::String,
                    Optional,
                    "ACM certificate for `domain_name` in the primary region. Left out, the resource \
                     requests one (DNS validation) and deletes it on destroy.",
                ),
                Attr::new(
                    "secondary_certificate_arn",
                    Type::String,
                    Optional,
                    "ACM certificate for `domain_name` in the secondary region; as above.",
                ),
                Attr::new(
                    "stage_name",
                    Type::String,
                    OptionalComputed,
                    "Stage name (letters, digits, underscores). Default `live`.",
                ),
                Attr::new(
                    "throttling_rate_limit",
                    Type::Number,
                    OptionalComputed,
                    "Steady-state requests per second for every method of the stage. Default 1000, 0 to 10000.",
                ),
                Attr::new(
                    "throttling_burst_limit",
                    Type::Number,
                    OptionalComputed,
                    "Burst of requests for every method of the stage. Default 2000, 0 to 5000.",
                ),
                Attr::new(
                    "latency_p99_threshold_ms",
                    Type::Number,
                    OptionalComputed,
                    "p99 of `AWS/ApiGateway Latency` over a minute above which the latency alarm fires. \
                     Default 1000, 1 to 29000 (the integration timeout).",
                ),
                Attr::new(
                    "error_5xx_threshold",
                    Type::Number,
                    OptionalComputed,
                    "5xx answers per minute (`AWS/ApiGateway 5XXError`, sum) above which the 5xx alarm \
                     fires. Default 5, 1 to 1000000.",
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
                    "The primary region's API.",
                ),
                Attr::nested(
                    "secondary",
                    Nesting::Single,
                    region_attrs(),
                    Computed,
                    "The secondary region's API.",
                ),
                crate::resources::inventory_attr(),
            ],
            blocks: vec![timeouts_block(&["create", "update", "delete"])],
        },
    }
}
