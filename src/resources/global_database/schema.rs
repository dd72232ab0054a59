//! Schema of `drpair_global_database`.

use crate::tfplugin::schema::{Attr, Block, Mode, Nesting, Schema, timeouts_block};
use crate::tfplugin::value::Type;

use Mode::{Computed, Optional, OptionalComputed, Required};

pub fn schema() -> Schema {
    Schema {
        version: 0,
        block: Block {
            description: "An Aurora PostgreSQL global database across the provider's two regions: \
                a global cluster, a KMS key, DB subnet group and cluster parameter group per region, \
                the writer cluster with its instances in the primary region and a reader cluster in \
                the secondary region. Switchovers and failovers done outside Terraform are followed, \
                never undone: `writer_region` reports where the writer is now.",
            attrs: vec![
                Attr::new(
                    "name",
                    Type::String,
                    Required,
                    "Resource-type part of every AWS name: the global cluster is \
                     `<name>-<environment>-<suffix>`, regional clusters add `-<region>`. \
                     Changing it replaces the database.",
                ),
                Attr::new(
                    "engine_version",
                    Type::String,
                    Required,
                    "Aurora PostgreSQL version, `<major>.<minor>` (e.g. `15.4`). Upgrades run in place \
                     on the global cluster.",
                ),
                Attr::new(
                    "instance_class",
                    Type::String,
                    Required,
                    "Instance class of every instance in both regions, e.g. `db.r6g.large`. \
                     Burstable `db.t*` classes are not supported by Aurora global databases.",
                ),
                Attr::new(
                    "primary_instance_count",
                    Type::Number,
                    OptionalComputed,
                    "Instances in the primary region's cluster (writer plus readers), 1 to 16. Default 1.",
                ),
                Attr::new(
                    "secondary_instance_count",
                    Type::Number,
                    OptionalComputed,
                    "Instances in the secondary region's cluster, 0 to 16 (0 makes it headless). Default 1.",
                ),
                Attr::new(
                    "database_name",
                    Type::String,
                    Required,
                    "Name of the database created in the cluster. Changing it replaces the database.",
                ),
                Attr::new(
                    "master_username",
                    Type::String,
                    Required,
                    "Master user name. Changing it replaces the database.",
                ),
                Attr::new(
                    "master_password_wo",
                    Type::String,
                    Optional,
                    "Master password, 8 to 128 printable ASCII characters without `/`, `\"`, `@` or \
                     spaces. Write-only: never stored in plan or state. Required at create.",
                )
                .write_only(),
                Attr::new(
                    "master_password_wo_version",
                    Type::Number,
                    Optional,
                    "Change this number to apply a new `master_password_wo` to the current writer.",
                ),
                Attr::new(
                    "max_rpo_seconds",
                    Type::Number,
                    Optional,
                    "Managed recovery point objective (`rds.global_db_rpo`, at least 20): Aurora \
                     holds commits on the writer when the secondary lags more than this. Unset means \
                     unbounded data loss on an unplanned failover.",
                ),
                Attr::new(
                    "primary_subnet_ids",
                    Type::set(Type::String),
                    Required,
                    "Subnets (at least two, in different availability zones) for the primary region.",
                ),
                Attr::new(
                    "secondary_subnet_ids",
                    Type::set(Type::String),
                    Required,
                    "Subnets (at least two, in different availability zones) for the secondary region.",
                ),
                Attr::new(
                    "primary_security_group_ids",
                    Type::set(Type::String),
                    Optional,
                    "Security groups of the primary region's cluster.",
                ),
                Attr::new(
                    "secondary_security_group_ids",
                    Type::set(Type::String),
                    Optional,
                    "Security groups of the secondary region's cluster.",
                ),
                Attr::new(
                    "deletion_protection",
                    Type::Bool,
                    OptionalComputed,
                    "Refuse to delete the database while true. Default false.",
                ),
                Attr::new("id", Type::String, Computed, "Same as `global_cluster_id`."),
                Attr::new("global_cluster_id", Type::String, Computed, "Global cluster identifier."),
                Attr::new("global_cluster_arn", Type::String, Computed, "Global cluster ARN."),
                Attr::new(
                    "primary_region",
                    Type::String,
                    Computed,
                    "Home region at create time (the provider's `primary_region`).",
                ),
                Attr::new(
                    "secondary_region",
                    Type::String,
                    Computed,
                    "Recovery region at create time (the provider's `secondary_region`).",
                ),
                Attr::new(
                    "writer_region",
                    Type::String,
                    Computed,
                    "Region whose cluster is the writer now; follows switchovers and failovers.",
                ),
                Attr::new(
                    "rpo_bound_seconds",
                    Type::Number,
                    Computed,
                    "Worst-case data loss of an unplanned failover, in seconds: `max_rpo_seconds`, \
                     or null when unbounded. A planned switchover loses nothing (RPO 0).",
                ),
                Attr::nested(
                    "clusters",
                    Nesting::Map,
                    vec![
                        Attr::new("identifier", Type::String, Computed, "DB cluster identifier."),
                        Attr::new("arn", Type::String, Computed, "DB cluster ARN."),
                        Attr::new(
                            "endpoint",
                            Type::String,
                            Computed,
                            "Writer endpoint (meaningful on the writer).",
                        ),
                        Attr::new("reader_endpoint", Type::String, Computed, "Reader endpoint."),
                        Attr::new("kms_key_arn", Type::String, Computed, "KMS key encrypting its storage."),
                        Attr::new(
                            "instance_ids",
                            Type::list(Type::String),
                            Computed,
                            "DB instance identifiers.",
                        ),
                    ],
                    Computed,
                    "Regional clusters, keyed by region.",
                ),
                crate::resources::inventory_attr(),
            ],
            blocks: vec![timeouts_block(&["create", "update", "delete"])],
        },
    }
}
