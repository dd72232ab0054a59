//! Schema of `drpair_session_table`.

use crate::tfplugin::schema::{Attr, Block, Mode, Schema, timeouts_block};
use crate::tfplugin::value::Type;

use Mode::{Computed, Optional, OptionalComputed, Required};

pub fn schema() -> Schema {
    let by_region = |d| Attr::new("", Type::map(Type::String), Computed, d);
    let named = |name, a: Attr| Attr { name, ..a };
    Schema {
        version: 0,
        block: Block {
            description: "A DynamoDB global table (version 2019.11.21) in the primary region with its replica \
                in the secondary region: streams, TTL, KMS encryption, point-in-time recovery on every \
                replica. `consistency = \"strong\"` makes it a multi-region strongly consistent (MRSC) \
                table with a witness region: RPO 0.",
            attrs: vec![
                Attr::new(
                    "name",
                    Type::String,
                    Required,
                    "Resource-type part of the table name `<name>-<environment>-<suffix>`. Changing it replaces the table.",
                ),
                Attr::new(
                    "hash_key",
                    Type::String,
                    Required,
                    "Partition key attribute. Changing it replaces the table.",
                ),
                Attr::new(
                    "hash_key_type",
                    Type::String,
                    OptionalComputed,
                    "`S` (default), `N` or `B`. Changing it replaces the table.",
                ),
                Attr::new(
                    "range_key",
                    Type::String,
                    Optional,
                    "Sort key attribute, if any. Changing it replaces the table.",
                ),
                Attr::new(
                    "range_key_type",
                    Type::String,
                    OptionalComputed,
                    "`S` (default), `N` or `B`; only with `range_key`.",
                ),
                Attr::new(
                    "billing_mode",
                    Type::String,
                    OptionalComputed,
                    "`PAY_PER_REQUEST` (default) or `PROVISIONED`.",
                ),
                Attr::new(
                    "read_capacity",
                    Type::Number,
                    Optional,
                    "Read capacity units per replica; only with `PROVISIONED`.",
                ),
                Attr::new(
                    "write_capacity",
                    Type::Number,
                    Optional,
                    "Write capacity units per replica; only with `PROVISIONED`.",
                ),
                Attr::new(
                    "ttl_attribute",
                    Type::String,
                    Optional,
                    "Attribute holding each item's expiry (epoch seconds). Not available with `consistency = \"strong\"`.",
                ),
                Attr::new(
                    "point_in_time_recovery",
                    Type::Bool,
                    OptionalComputed,
                    "Point-in-time recovery on every replica (it is a per-replica setting). Default true.",
                ),
                Attr::new(
                    "deletion_protection",
                    Type::Bool,
                    OptionalComputed,
                    "Refuse to delete the table while true, on every replica. Default false.",
                ),
                Attr::new(
                    "consistency",
                    Type::String,
                    OptionalComputed,
                    "`eventual` (default: asynchronous replication, typically under a second, loss on \
                     regional failure unbounded) or `strong` (MRSC: writes acknowledged in two regions, RPO 0; \
                     the table must be created empty, no TTL, no transactions). Changing it replaces the table.",
                ),
                Attr::new(
                    "witness_region",
                    Type::String,
                    OptionalComputed,
                    "With `consistency = \"strong\"`: the witness region, in the same region set as both \
                     regions. Default `us-west-2`.",
                ),
                Attr::new("id", Type::String, Computed, "Table name."),
                Attr::new("primary_region", Type::String, Computed, "Primary region at create time."),
                Attr::new("secondary_region", Type::String, Computed, "Secondary region at create time."),
                named("table_arns", by_region("Table ARN per region.")),
                named("stream_arns", by_region("Latest stream ARN per region (eventual consistency only).")),
                named("replica_status", by_region("Replica status per region as DynamoDB reports it.")),
                Attr::new(
                    "rpo_bound_seconds",
                    Type::Number,
                    Computed,
                    "Worst-case data loss on a regional failure: 0 with `strong`, null (unbounded) with `eventual`.",
                ),
                Attr::new(
                    "rpo",
                    Type::String,
                    Computed,
                    "The recovery point objective this table gives, in words.",
                ),
                crate::resources::inventory_attr(),
            ],
            blocks: vec![timeouts_block(&["create", "update", "delete"])],
        },
    }
}
