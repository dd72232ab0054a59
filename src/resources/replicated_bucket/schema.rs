//! Schema of `drpair_replicated_bucket`.

use crate::tfplugin::schema::{Attr, Block, Mode, Nesting, Schema, timeouts_block};
use crate::tfplugin::value::Type;

use Mode::{Computed, OptionalComputed, Required};

fn bucket_attr(name: &'static str, description: &'static str) -> Attr {
    Attr::nested(
        name,
        Nesting::Single,
        vec![
            Attr::new(
                "bucket",
                Type::String,
                Computed,
                "Bucket name, `<name>-<environment>-<suffix>-<region>`.",
            ),
            Attr::new("arn", Type::String, Computed, "Bucket ARN."),
            Attr::new(
                "kms_key_arn",
                Type::String,
                Computed,
                "The region's KMS key (alias `alias/<name>-<environment>-<suffix>-s3`): default \
                 encryption of the bucket and of the replicas written into it.",
            ),
        ],
        Computed,
        description,
    )
}

pub fn schema() -> Schema {
    Schema {
        version: 0,
        block: Block {
            description: "A pair of S3 buckets, one per region, replicating across regions: versioning, \
                SSE-KMS with a key per region (bucket keys on), public access blocked, a bucket policy \
                that denies requests without TLS, noncurrent versions expiring by lifecycle, and \
                cross-region replication (optionally both ways) with Replication Time Control, through a \
                least-privilege IAM role. Two flavours: `config` for application configuration and \
                `audit` for audit logs (object versions cannot be deleted, at least a year of history).",
            attrs: vec![
                Attr::new(
                    "name",
                    Type::String,
                    Required,
                    "Resource-type part of every AWS name: buckets are \
                     `<name>-<environment>-<suffix>-<region>` (S3 rules: at most 63 characters, \
                     lowercase letters, digits and hyphens, checked at plan for both regions). \
                     Changing it replaces the pair.",
                ),
                Attr::new(
                    "flavour",
                    Type::String,
                    OptionalComputed,
                    "`config` (default): application configuration. `audit`: audit logs; the bucket \
                     policy also denies `s3:DeleteObjectVersion` to everyone, and noncurrent versions \
                     are kept at least 365 days.",
                ),
                Attr::new(
                    "bidirectional",
                    Type::Bool,
                    OptionalComputed,
                    "Replicate both ways (default false: primary to secondary only). Two-way \
                     replication also syncs metadata changes made to replicas.",
                ),
                Attr::new(
                    "replication_time_control",
                    Type::Bool,
                    OptionalComputed,
                    "S3 Replication Time Control with replication metrics (default true): 99.99% of \
                     objects replicated within 15 minutes, and metrics/events when it falls behind. \
                     Billed per GB replicated.",
                ),
                Attr::new(
                    "noncurrent_version_expiration_days",
                    Type::Number,
                    OptionalComputed,
                    "Days a superseded or deleted object version is kept before the lifecycle rule \
                     expires it, in both buckets. Default 30 for `config`, 365 for `audit` (which \
                     refuses less at plan).",
                ),
                Attr::new(
                    "force_destroy",
                    Type::Bool,
                    OptionalComputed,
                    "Default true (suits test environments): destroy first removes the bucket \
                     policy, then every object version and delete marker from both buckets, then \
                     the buckets. Set false for production: destroy then fails, before changing \
                     anything, while either bucket holds any object version.",
                ),
                Attr::new(
                    "id",
                    Type::String,
                    Computed,
                    "`<name>-<environment>-<suffix>`: the stem of every name, and the import id.",
                ),
                Attr::new("primary_region", Type::String, Computed, "Primary region at create time."),
                Attr::new("secondary_region", Type::String, Computed, "Secondary region at create time."),
                bucket_attr("primary", "The primary region's bucket: the replication source."),
                bucket_attr(
                    "secondary",
                    "The secondary region's bucket: the replica (and a source too when `bidirectional`).",
                ),
                Attr::new(
                    "replication_role_arn",
                    Type::String,
                    Computed,
                    "IAM role S3 assumes to replicate, `<name>-<environment>-<suffix>-replication`.",
                ),
                Attr::new(
                    "drift",
                    Type::list(Type::String),
                    Computed,
                    "What differed from this configuration at the last refresh (e.g. versioning \
                     suspended, replication removed, public access block deleted outside Terraform). \
                     Empty when all is as configured; anything listed shows as an in-place update, \
                     and apply repairs just those parts.",
                ),
                crate::resources::inventory_attr(),
            ],
            blocks: vec![timeouts_block(&["create", "update", "delete"])],
        },
    }
}
