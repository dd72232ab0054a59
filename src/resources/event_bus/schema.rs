//! Schema of `drpair_event_bus`.

use crate::tfplugin::schema::{Attr, Block, Mode, Nesting, Schema, timeouts_block};
use crate::tfplugin::value::Type;

use Mode::{Computed, Optional, OptionalComputed, Required};

fn region_attrs() -> Vec<Attr> {
    vec![
        Attr::new("region", Type::String, Computed, "The region."),
        Attr::new("bus_name", Type::String, Computed, "Name of the region's event bus (the resource id)."),
        Attr::new("bus_arn", Type::String, Computed, "ARN of the region's event bus."),
        Attr::new(
            "archive_name",
            Type::String,
            Computed,
            "Name of the archive of every event on the bus (the resource id; archives are regional).",
        ),
        Attr::new("archive_arn", Type::String, Computed, "ARN of the archive."),
        Attr::new(
            "forward_rule_names",
            Type::list(Type::String),
            Computed,
            "Rules on this bus that forward to the other region's bus: `<id>-failover` first, then \
             `<id>-fwd-<n>` for each of `forward_event_patterns`.",
        ),
        Attr::new(
            "forward_role_arn",
            Type::String,
            Computed,
            "Role EventBridge assumes to forward from this bus: it may call `events:PutEvents` on \
             the other region's bus and nothing else.",
        ),
    ]
}

pub fn schema() -> Schema {
    Schema {
        version: 0,
        block: Block {
            description: "A custom EventBridge bus in each region, forwarding critical events to the \
                other region's bus, with an archive of every event on both buses and an optional \
                replay from an archive. Every forwarding rule matches only events whose `region` is \
                the bus's own: a forwarded event keeps the region it was put in, so the other bus \
                never sends it back (no loops). Events with source `drpair.failover` are always \
                forwarded.",
            attrs: vec![
                Attr::new(
                    "name",
                    Type::String,
                    Required,
                    "Resource-type part of every name, `<name>-<environment>-<suffix>`. The whole id \
                     must fit EventBridge's 48-character archive names. Changing it replaces the buses.",
                ),
                Attr::new(
                    "forward_event_patterns",
                    Type::list(Type::String),
                    Optional,
                    "EventBridge event patterns (JSON objects, e.g. `jsonencode({source = [\"orders\"]})`) \
                     of further events to forward both ways, one rule each. They must not match on \
                     `region`: drpair sets it (the loop guard).",
                ),
                Attr::new(
                    "archive_retention_days",
                    Type::Number,
                    OptionalComputed,
                    "Days each archive keeps events. Default 7; 0 keeps them indefinitely.",
                ),
                Attr::nested(
                    "replay",
                    Nesting::Single,
                    vec![
                        Attr::new(
                            "region",
                            Type::String,
                            Required,
                            "Region whose archive is replayed into its own bus (EventBridge replays \
                             only into an archive's source bus). To re-send to a recovered region what \
                             happened in the survivor, name the survivor: its forwarding rules carry \
                             the replayed events that originated there to the recovered region's bus.",
                        ),
                        Attr::new(
                            "start_time",
                            Type::String,
                            Required,
                            "Start of the window of archived events (RFC 3339).",
                        ),
                        Attr::new(
                            "end_time",
                            Type::String,
                            Required,
                            "End of the window (RFC 3339), after `start_time`.",
                        ),
                    ],
                    Optional,
                    "Starts a replay when set or changed. Replays are one-shot: a new window starts a new \
                     replay (named from the window, so a retried apply never starts it twice); removing \
                     the block does nothing.",
                ),
                Attr::new(
                    "replay_name",
                    Type::String,
                    Computed,
                    "Name of the replay last started by `replay` (`DescribeReplay` it to follow it).",
                ),
                Attr::new("replay_state", Type::String, Computed, "That replay's state when last read."),
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
                    "The primary region's bus.",
                ),
                Attr::nested(
                    "secondary",
                    Nesting::Single,
                    region_attrs(),
                    Computed,
                    "The secondary region's bus.",
                ),
                crate::resources::inventory_attr(),
            ],
            blocks: vec![timeouts_block(&["create", "update", "delete"])],
        },
    }
}
