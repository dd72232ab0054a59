//! The provider block's schema.

use crate::tfplugin::schema::{Attr, Block, BlockType, Mode, Nesting, Schema};
use crate::tfplugin::value::Type;

pub fn schema() -> Schema {
    Schema {
        version: 0,
        block: Block {
            description: "The drpair provider builds a two-region AWS disaster-recovery pair. \
                Credentials come from the standard AWS chain (environment, shared profile, SSO, \
                web identity, instance metadata).",
            attrs: vec![
                Attr::new(
                    "primary_region",
                    Type::String,
                    Mode::Optional,
                    "Home region, where writers live in normal operation. Default `us-east-1`.",
                ),
                Attr::new(
                    "secondary_region",
                    Type::String,
                    Mode::Optional,
                    "Recovery region. Default `us-east-2`. Must differ from `primary_region`.",
                ),
                Attr::new(
                    "environment",
                    Type::String,
                    Mode::Optional,
                    "Environment name in every AWS name (`<resource-type>-<environment>-<suffix>`): \
                     lowercase letters, digits, hyphens, at most 16. Default `dev`.",
                ),
                Attr::new(
                    "environment_suffix",
                    Type::String,
                    Mode::Required,
                    "Suffix that makes names unique per deployment: lowercase letters, digits, \
                     hyphens, at most 12.",
                ),
                Attr::new(
                    "default_tags",
                    Type::map(Type::String),
                    Mode::Optional,
                    "Tags added to every AWS object the provider creates.",
                ),
                Attr::new(
                    "profile",
                    Type::String,
                    Mode::Optional,
                    "Shared config/credentials profile to use.",
                ),
                Attr::new(
                    "endpoint_url",
                    Type::String,
                    Mode::Optional,
                    "Send every AWS call to this endpoint (for the local AWS stand-in). \
                     `AWS_ENDPOINT_URL` does the same from the environment.",
                ),
            ],
            blocks: vec![BlockType {
                name: "assume_role",
                nesting: Nesting::Single,
                max_items: 0,
                block: Block {
                    description: "Assume this IAM role (in both regions) with the base credentials.",
                    attrs: vec![
                        Attr::new("role_arn", Type::String, Mode::Required, "ARN of the role to assume."),
                        Attr::new(
                            "session_name",
                            Type::String,
                            Mode::Optional,
                            "Session name recorded in CloudTrail. Default `drpair`.",
                        ),
                        Attr::new(
                            "external_id",
                            Type::String,
                            Mode::Optional,
                            "External id the role's trust policy requires.",
                        ),
                    ],
                    blocks: vec![],
                },
            }],
        },
    }
}
