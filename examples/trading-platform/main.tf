# The whole trading-platform pair, and the orchestrator that moves it between regions without a
# human. `make lambda` builds the two packages; `make drill` fails the pair over and back.
terraform {
  required_version = ">= 1.11" # write-only master password
  required_providers {
    drpair = { source = "drpair/drpair" }
  }
}

variable "endpoint_url" { default = null } # the stand-in's URL; null: real AWS
variable "suffix" { default = "ab12cd" }
variable "zone_name" { default = "trading.example.com" }
variable "master_password" { # ephemeral: only ever sent to a write-only argument
  sensitive = true
  ephemeral = true
}
variable "heartbeat_interval_seconds" { default = 10 } # the peer is down after interval x missed
variable "missed_heartbeats" { default = 3 }
variable "failback_after_seconds" { default = 300 } # primary healthy this long before failback

provider "drpair" {
  environment        = "prod"
  environment_suffix = var.suffix
  endpoint_url       = var.endpoint_url
}

locals {
  primary   = "us-east-1"
  secondary = "us-east-2"
  packages  = "${path.module}/../../lambda/dist"
  # drpair_dns_failover's target fields, and the drpair_regional_api outputs that fill them
  api_fields = { domain_name = "regional_domain_name", zone_id = "regional_zone_id", health_fqdn = "health_fqdn", health_path = "health_path" }
}

resource "drpair_network" "core" {
  name           = "core"
  primary_cidr   = "10.10.0.0/16"
  secondary_cidr = "10.20.0.0/16"
}

resource "drpair_global_database" "orders" {
  name                         = "orders"
  engine_version               = "15.4"
  instance_class               = "db.r6g.large"
  primary_instance_count       = 1
  secondary_instance_count     = 1
  database_name                = "orders"
  master_username              = "trader"
  master_password_wo           = var.master_password
  master_password_wo_version   = 1
  max_rpo_seconds              = 20
  primary_subnet_ids           = drpair_network.core.primary.subnet_ids
  secondary_subnet_ids         = drpair_network.core.secondary.subnet_ids
  primary_security_group_ids   = [drpair_network.core.primary.database_security_group_id]
  secondary_security_group_ids = [drpair_network.core.secondary.database_security_group_id]
}

resource "drpair_session_table" "orders" { # the order store, one item per order id
  name     = "orders"
  hash_key = "order_id"
}

resource "drpair_parameters" "config" {
  name            = "config"
  values          = { orders_table = drpair_session_table.orders.id }
  runtime_managed = { active_region = local.primary } # the orchestrator's to change
}

resource "drpair_order_pipeline" "orders" {
  name         = "orders"
  package_path = "${local.packages}/order-processor.zip"
  table_arns   = values(drpair_session_table.orders.table_arns)
  # The queue has the pipeline's name in both regions; each copy finds its own region's.
  environment = { ORDERS_TABLE = drpair_session_table.orders.id, ORDERS_QUEUE_NAME = "orders-prod-${var.suffix}-orders" }
}

resource "drpair_regional_api" "api" {
  name                   = "api"
  primary_function_arn   = drpair_order_pipeline.orders.primary.function_arn
  secondary_function_arn = drpair_order_pipeline.orders.secondary.function_arn
  domain_name            = "api.${var.zone_name}"
}

resource "drpair_dns_failover" "api" { # traffic follows health, or one metric the orchestrator puts
  zone_name   = var.zone_name
  record_name = "api.${var.zone_name}"
  primary     = { for k, v in local.api_fields : k => drpair_regional_api.api.primary[v] }
  secondary   = { for k, v in local.api_fields : k => drpair_regional_api.api.secondary[v] }
}

resource "drpair_replicated_bucket" "config" { name = "config" } # replicated with RTC
resource "drpair_replicated_bucket" "audit" {                    # audit logs, both ways
  name    = "audit"
  flavour = "audit"
}

resource "drpair_region_health" "health" { # one "region unhealthy" composite alarm per region
  name                    = "health"
  primary_alarm_names     = concat(drpair_order_pipeline.orders.primary.alarm_names, drpair_regional_api.api.primary.alarm_names)
  secondary_alarm_names   = concat(drpair_order_pipeline.orders.secondary.alarm_names, drpair_regional_api.api.secondary.alarm_names)
  primary_health_check_id = drpair_dns_failover.api.health_check_ids.primary
  primary_db_cluster_id   = drpair_global_database.orders.clusters[local.primary].identifier
  secondary_db_cluster_id = drpair_global_database.orders.clusters[local.secondary].identifier
}

resource "drpair_event_bus" "events" { name = "events" } # order events, archived in both regions

resource "drpair_failover_orchestrator" "dr" {
  name                               = "dr"
  global_cluster_id                  = drpair_global_database.orders.global_cluster_id
  primary_cluster_arn                = drpair_global_database.orders.clusters[local.primary].arn
  secondary_cluster_arn              = drpair_global_database.orders.clusters[local.secondary].arn
  readiness_package_path             = "${local.packages}/readiness.zip"
  readiness_function_names           = [drpair_order_pipeline.orders.primary.function_name]
  control_alarm                      = drpair_dns_failover.api.control_alarm
  primary_event_source_mapping_ids   = [drpair_order_pipeline.orders.primary.event_source_mapping_id]
  secondary_event_source_mapping_ids = [drpair_order_pipeline.orders.secondary.event_source_mapping_id]
  primary_health_alarm_name          = drpair_region_health.health.primary.composite_alarm_name
  secondary_health_alarm_name        = drpair_region_health.health.secondary.composite_alarm_name
  active_region_parameter            = "${drpair_parameters.config.path}/active_region"
  heartbeat_interval_seconds         = var.heartbeat_interval_seconds
  missed_heartbeats                  = var.missed_heartbeats
  failback_after_seconds             = var.failback_after_seconds
  rto_target_seconds                 = 120
  dns_detection_seconds              = drpair_dns_failover.api.detection_seconds
  database_max_rpo_seconds           = drpair_global_database.orders.rpo_bound_seconds
  session_table_consistency          = drpair_session_table.orders.consistency
}

# Everything the drill (drill/) reads; none of it changes when the pair fails over.
output "drill" {
  value = {
    record_name             = drpair_dns_failover.api.id
    global_cluster_id       = drpair_global_database.orders.global_cluster_id
    orders_table            = drpair_session_table.orders.id
    active_region_parameter = drpair_failover_orchestrator.dr.active_region_parameter_name
    orchestrator            = { primary = drpair_failover_orchestrator.dr.primary, secondary = drpair_failover_orchestrator.dr.secondary }
    pipeline                = { primary = drpair_order_pipeline.orders.primary, secondary = drpair_order_pipeline.orders.secondary }
    api                     = { primary = drpair_regional_api.api.primary, secondary = drpair_regional_api.api.secondary }
  }
}

# Recovery objectives, computed at plan time from the configuration.
output "rto_budget_seconds" { value = drpair_failover_orchestrator.dr.rto_budget_seconds }
output "rto_breakdown" { value = drpair_failover_orchestrator.dr.rto_breakdown }
output "rpo_bounds" { value = drpair_failover_orchestrator.dr.rpo_bounds }
