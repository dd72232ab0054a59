output "global_cluster_id" {
  value = drpair_global_database.orders.global_cluster_id
}

output "writer_region" {
  description = "Where the writer is now: follows switchovers and failovers done outside Terraform."
  value       = drpair_global_database.orders.writer_region
}

output "endpoints" {
  description = "Writer and reader endpoints per region."
  value = {
    for region, c in drpair_global_database.orders.clusters :
    region => { writer = c.endpoint, reader = c.reader_endpoint }
  }
}

output "rpo_bound_seconds" {
  description = "Worst-case data loss of an unplanned failover (a planned switchover loses none)."
  value       = drpair_global_database.orders.rpo_bound_seconds
}

output "owned_objects" {
  description = "How many AWS objects the resource owns (its inventory)."
  value       = length(drpair_global_database.orders.inventory)
}
