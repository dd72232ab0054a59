terraform {
  required_providers {
    drpair = {
      source = "drpair/drpair"
    }
  }
}

provider "drpair" {
  environment        = var.environment
  environment_suffix = var.suffix
  endpoint_url       = var.endpoint_url # null: real AWS
  default_tags = {
    team = "trading"
  }
}

# A VPC in each region, private subnets in three availability zones (/20 each, carved from
# the start of each range), security groups for the database, function and API tiers, and a
# peering between the two VPCs with routes and DNS resolution both ways.
resource "drpair_network" "core" {
  name           = "core"
  primary_cidr   = var.primary_cidr
  secondary_cidr = var.secondary_cidr # must not overlap primary_cidr

  az_count             = 3
  subnet_prefix_length = 20

  timeouts {
    # Lambda and RDS network interfaces can take a while to be released on destroy.
    delete = "45m"
  }
}

# Other resources take the per-region outputs directly, for example:
#
# resource "drpair_global_database" "orders" {
#   ...
#   primary_subnet_ids           = drpair_network.core.primary.subnet_ids
#   secondary_subnet_ids         = drpair_network.core.secondary.subnet_ids
#   primary_security_group_ids   = [drpair_network.core.primary.database_security_group_id]
#   secondary_security_group_ids = [drpair_network.core.secondary.database_security_group_id]
# }
