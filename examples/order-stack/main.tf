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

# The serving half of the pair, wired end to end: orders arrive at api.trading.example.com,
# Route 53 sends them to the healthy region's API, which calls that region's order function;
# one "region unhealthy" alarm per region rolls up everything that can break there.

# One package (`make lambda`), the same bytes in both regions.
resource "drpair_order_pipeline" "orders" {
  name         = "orders"
  package_path = "${path.module}/../../lambda/dist/order-processor.zip"
  timeout      = 20
}

# Each region's API calls its own region's function.
resource "drpair_regional_api" "api" {
  name                   = "api"
  primary_function_arn   = drpair_order_pipeline.orders.primary.function_arn
  secondary_function_arn = drpair_order_pipeline.orders.secondary.function_arn
  domain_name            = "api.trading.example.com"
}

# Failover records aliasing the two regional API domains, checked on each region's /health.
resource "drpair_dns_failover" "api" {
  zone_name   = "trading.example.com"
  record_name = "api.trading.example.com"

  primary = {
    domain_name = drpair_regional_api.api.primary.regional_domain_name
    zone_id     = drpair_regional_api.api.primary.regional_zone_id
    health_fqdn = drpair_regional_api.api.primary.health_fqdn
    health_path = drpair_regional_api.api.primary.health_path
  }
  secondary = {
    domain_name = drpair_regional_api.api.secondary.regional_domain_name
    zone_id     = drpair_regional_api.api.secondary.regional_zone_id
    health_fqdn = drpair_regional_api.api.secondary.health_fqdn
    health_path = drpair_regional_api.api.secondary.health_path
  }
}

# Function errors and throttles, DLQ depth, API p99 latency and 5xx, and (in us-east-1, where
# Route 53 publishes its metrics) the endpoint health check: any of them in ALARM means the
# region is unhealthy. The failover orchestrator watches these two composite alarms.
resource "drpair_region_health" "health" {
  name = "health"
  primary_alarm_names = concat(
    drpair_order_pipeline.orders.primary.alarm_names,
    drpair_regional_api.api.primary.alarm_names,
  )
  secondary_alarm_names = concat(
    drpair_order_pipeline.orders.secondary.alarm_names,
    drpair_regional_api.api.secondary.alarm_names,
  )
  primary_health_check_id = drpair_dns_failover.api.health_check_ids.primary
}

output "name_servers" {
  value = drpair_dns_failover.api.name_servers
}

# What the orchestrator publishes (in us-east-2) to move traffic without a Route 53 call.
output "control_alarm" {
  value = drpair_dns_failover.api.control_alarm
}

output "region_signals" {
  value = {
    primary   = drpair_region_health.health.primary.composite_alarm_arn
    secondary = drpair_region_health.health.secondary.composite_alarm_arn
  }
}

output "package_sha256" {
  value = drpair_order_pipeline.orders.package_sha256
}
