//! Schema of `drpair_network`.

use crate::tfplugin::schema::{Attr, Block, Mode, Nesting, Schema, timeouts_block};
use crate::tfplugin::value::Type;

use Mode::{Computed, OptionalComputed, Required};

/// What each region reports: the ids a database, function or API resource takes directly.
fn region_attrs() -> Vec<Attr> {
    vec![
        Attr::new("vpc_id", Type::String, Computed, "VPC id."),
        Attr::new("cidr", Type::String, Computed, "The VPC's IPv4 CIDR block."),
        Attr::new(
            "subnet_ids",
            Type::list(Type::String),
            Computed,
            "Private subnets, one per availability zone, in AZ name order.",
        ),
        Attr::new(
            "route_table_id",
            Type::String,
            Computed,
            "Route table of the subnets; routes the other region's CIDR through the peering.",
        ),
        Attr::new(
            "database_security_group_id",
            Type::String,
            Computed,
            "`<id>-database`: PostgreSQL (TCP 5432) from both VPCs' CIDRs.",
        ),
        Attr::new(
            "function_security_group_id",
            Type::String,
            Computed,
            "`<id>-functions`: no ingress, all egress (for Lambda functions in the VPC).",
        ),
        Attr::new(
            "api_security_group_id",
            Type::String,
            Computed,
            "`<id>-api`: HTTPS (TCP 443) from both VPCs' CIDRs.",
        ),
    ]
}

pub fn schema() -> Schema {
    Schema {
        version: 0,
        block: Block {
            description: "The network of the pair: a VPC in each of the provider's regions with \
                private subnets spread over availability zones, a route table, security groups for \
                the database, function and API tiers, and a cross-region VPC peering connection \
                (requested in the primary region, accepted in the secondary) with routes on both \
                sides and DNS resolution across it. Per-region outputs feed other resources \
                directly, e.g. `primary_subnet_ids = drpair_network.core.primary.subnet_ids`.",
            attrs: vec![
                Attr::new(
                    "name",
                    Type::String,
                    Required,
                    "Resource-type part of every AWS name: the VPCs and the peering are tagged \
                     `Name = <name>-<environment>-<suffix>`, subnets add `-<az>`, security groups \
                     `-database`, `-functions`, `-api`. Changing it replaces the network.",
                ),
                Attr::new(
                    "primary_cidr",
                    Type::String,
                    Required,
                    "IPv4 CIDR block of the primary region's VPC, `/16` to `/24` (e.g. \
                     `10.20.0.0/16`). Must not overlap `secondary_cidr`: the peering routes each \
                     range to the other region. Changing it replaces the network.",
                ),
                Attr::new(
                    "secondary_cidr",
                    Type::String,
                    Required,
                    "IPv4 CIDR block of the secondary region's VPC, `/16` to `/24`, not \
                     overlapping `primary_cidr`. Changing it replaces the network.",
                ),
                Attr::new(
                    "az_count",
                    Type::Number,
                    OptionalComputed,
                    "Availability zones per region, 2 to 4 (default 2): one private subnet in each \
                     of the first `az_count` zones of each region, by zone name. The region must \
                     have that many (us-east-2 has 3). Changing it replaces the network.",
                ),
                Attr::new(
                    "subnet_prefix_length",
                    Type::Number,
                    OptionalComputed,
                    "Prefix length of each subnet (default 24), carved in order from the start of \
                     each VPC's range: `az_count` of them must fit in both VPCs. At most 28 \
                     (AWS's smallest subnet). Changing it replaces the network.",
                ),
                Attr::new(
                    "id",
                    Type::String,
                    Computed,
                    "`<name>-<environment>-<suffix>`; also the import id.",
                ),
                Attr::new(
                    "primary_region",
                    Type::String,
                    Computed,
                    "Region of the primary VPC (the provider's `primary_region` at create time).",
                ),
                Attr::new(
                    "secondary_region",
                    Type::String,
                    Computed,
                    "Region of the secondary VPC (the provider's `secondary_region` at create time).",
                ),
                Attr::nested(
                    "primary",
                    Nesting::Single,
                    region_attrs(),
                    Computed,
                    "The primary region's VPC, subnets, route table and security groups.",
                ),
                Attr::nested(
                    "secondary",
                    Nesting::Single,
                    region_attrs(),
                    Computed,
                    "The secondary region's VPC, subnets, route table and security groups.",
                ),
                Attr::new(
                    "peering_connection_id",
                    Type::String,
                    Computed,
                    "The active cross-region VPC peering connection, with routes on both sides and \
                     DNS resolution of the remote VPC's private host names allowed both ways.",
                ),
                crate::resources::inventory_attr(),
            ],
            blocks: vec![timeouts_block(&["create", "update", "delete"])],
        },
    }
}
