terraform {
  required_providers {
    drpair = {
      source = "drpair/drpair"
    }
  }
}

provider "drpair" {
  environment        = "prod"
  environment_suffix = "ab12cd"
}

variable "primary_alarm_names" {
  description = "Alarms in us-east-1 that each mean the region is unhealthy, e.g. drpair_order_pipeline.orders.primary.alarm_names."
  type        = list(string)
}

variable "secondary_alarm_names" {
  description = "The same for us-east-2."
  type        = list(string)
}

variable "primary_health_check_id" {
  description = "Route 53 health check of the us-east-1 endpoint (e.g. drpair_dns_failover.api.health_check_ids.primary)."
  type        = string
}

# One composite alarm per region, `health-prod-ab12cd-<region>-unhealthy`: OK while the region
# is healthy. The failover orchestrator watches these two alarms.
resource "drpair_region_health" "health" {
  name                  = "health"
  primary_alarm_names   = var.primary_alarm_names
  secondary_alarm_names = var.secondary_alarm_names

  # Replication lag of each region's Aurora cluster, alarmed while it is a secondary.
  primary_db_cluster_id        = "db-prod-ab12cd-us-east-1"
  secondary_db_cluster_id      = "db-prod-ab12cd-us-east-2"
  replication_lag_threshold_ms = 2000

  # Route 53 health-check metrics exist in us-east-1 only: it can feed the us-east-1 signal.
  primary_health_check_id = var.primary_health_check_id
}

output "signals" {
  value = {
    primary   = drpair_region_health.health.primary.composite_alarm_arn
    secondary = drpair_region_health.health.secondary.composite_alarm_arn
  }
}
