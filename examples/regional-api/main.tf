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

variable "primary_function_arn" {
  description = "The order function in us-east-1 (e.g. drpair_order_pipeline.orders.primary.function_arn)."
  type        = string
}

variable "secondary_function_arn" {
  description = "The same function in us-east-2."
  type        = string
}

# A REST API per region, `api-prod-ab12cd`, each calling its own region's function:
# GET /health and POST /orders, stage "live" with access logs and throttling, the custom domain
# api.example.com in both regions (an ACM certificate requested per region, DNS validation),
# and p99 latency and 5xx alarms per region.
resource "drpair_regional_api" "api" {
  name                   = "api"
  primary_function_arn   = var.primary_function_arn
  secondary_function_arn = var.secondary_function_arn
  domain_name            = "api.example.com"

  throttling_rate_limit    = 500
  throttling_burst_limit   = 1000
  latency_p99_threshold_ms = 800
  error_5xx_threshold      = 10

  timeouts {
    create = "45m" # the certificates wait for their DNS validation records
  }
}

# Create these in the domain's zone so ACM issues the certificates.
output "certificate_validation" {
  value = {
    primary   = drpair_regional_api.api.primary.certificate_validation
    secondary = drpair_regional_api.api.secondary.certificate_validation
  }
}

# Alias targets and health-check targets for drpair_dns_failover; alarms for drpair_region_health.
output "regions" {
  value = {
    for role, r in {
      primary   = drpair_regional_api.api.primary
      secondary = drpair_regional_api.api.secondary
      } : role => {
      alias_name    = r.regional_domain_name
      alias_zone_id = r.regional_zone_id
      health_fqdn   = r.health_fqdn
      health_path   = r.health_path
      alarm_names   = r.alarm_names
    }
  }
}
