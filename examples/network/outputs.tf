output "network_id" {
  value = drpair_network.core.id
}

output "subnet_ids" {
  description = "Private subnets per region, in availability-zone order."
  value = {
    (drpair_network.core.primary_region)   = drpair_network.core.primary.subnet_ids
    (drpair_network.core.secondary_region) = drpair_network.core.secondary.subnet_ids
  }
}

output "security_group_ids" {
  description = "Security group per region and tier."
  value = {
    for r in [drpair_network.core.primary, drpair_network.core.secondary] : r.vpc_id => {
      database  = r.database_security_group_id
      functions = r.function_security_group_id
      api       = r.api_security_group_id
    }
  }
}

output "peering_connection_id" {
  value = drpair_network.core.peering_connection_id
}
