//! Schema of `drpair_parameters`.

use crate::tfplugin::schema::{Attr, Block, Mode, Schema, timeouts_block};
use crate::tfplugin::value::Type;

use Mode::{Computed, Optional, Required};

fn region_map() -> Type {
    Type::map(Type::map(Type::String))
}

pub fn schema() -> Schema {
    Schema {
        version: 0,
        block: Block {
            description: "SSM Parameter Store entries for both regions under one path, \
                `/<name>-<environment>-<suffix>/<key>`: shared values written to both regions, \
                per-region overrides, secrets as SecureString through a write-only map, and \
                runtime-managed keys (such as `active_region`) that the failover orchestrator \
                changes at run time without causing a plan diff.",
            attrs: vec![
                Attr::new(
                    "name",
                    Type::String,
                    Required,
                    "Resource-type part of the path. Changing it replaces the parameters.",
                ),
                Attr::new(
                    "values",
                    Type::map(Type::String),
                    Optional,
                    "Plain values written to both regions.",
                ),
                Attr::new(
                    "primary_values",
                    Type::map(Type::String),
                    Optional,
                    "Values for the primary region only; a key also in `values` overrides it there.",
                ),
                Attr::new(
                    "secondary_values",
                    Type::map(Type::String),
                    Optional,
                    "Values for the secondary region only; a key also in `values` overrides it there.",
                ),
                Attr::new(
                    "secure_values_wo",
                    Type::map(Type::String),
                    Optional,
                    "Secrets, written to both regions as SecureString (KMS). Write-only: never \
                     stored in plan or state. Change `secure_values_wo_version` to rewrite them.",
                )
                .write_only(),
                Attr::new(
                    "secure_values_wo_version",
                    Type::Number,
                    Optional,
                    "Change this number to write new `secure_values_wo` values.",
                ),
                Attr::new(
                    "kms_key_id",
                    Type::String,
                    Optional,
                    "KMS key (id, ARN or alias valid in both regions) for SecureString values. \
                     Default: the account's `alias/aws/ssm` key in each region.",
                ),
                Attr::new(
                    "runtime_managed",
                    Type::map(Type::String),
                    Optional,
                    "Keys owned by the running system (e.g. `active_region`), with their initial \
                     values: written when absent, never overwritten, so values the orchestrator \
                     sets at run time never show as drift.",
                ),
                Attr::new(
                    "id",
                    Type::String,
                    Computed,
                    "The parameter path, `/<name>-<environment>-<suffix>`.",
                ),
                Attr::new(
                    "path",
                    Type::String,
                    Computed,
                    "Same as `id`: the prefix of every parameter name.",
                ),
                Attr::new("primary_region", Type::String, Computed, "Primary region at create time."),
                Attr::new("secondary_region", Type::String, Computed, "Secondary region at create time."),
                Attr::new(
                    "effective",
                    region_map(),
                    Computed,
                    "Plain values as stored in each region (shared merged with overrides), keyed by region; \
                     drift here shows as an in-place update.",
                ),
                Attr::new(
                    "secure_keys",
                    Type::set(Type::String),
                    Computed,
                    "Keys stored as SecureString in both regions (values are never read back).",
                ),
                Attr::new(
                    "runtime_values",
                    region_map(),
                    Computed,
                    "Current values of the runtime-managed keys in each region, as the running system left them.",
                ),
            ],
            blocks: vec![timeouts_block(&["create", "update", "delete"])],
        },
    }
}
