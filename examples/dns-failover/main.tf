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

# api.trading.example.com answers with the us-east-1 API while it is healthy, else with the
# us-east-2 one. Route 53 checks each region's /health every 10 s from many places.
resource "drpair_dns_failover" "api" {
  zone_name   = "trading.example.com" # or zone_id = "Z0123..." to use an existing zone
  record_name = "api.trading.example.com"

  primary = {
    domain_name = "d-abc123.execute-api.us-east-1.amazonaws.com" # the regional API domain
    zone_id     = "Z1UJRXOUMOOFQ8"                               # its hosted zone
    health_fqdn = "api-use1.trading.example.com"
  }
  secondary = {
    domain_name = "d-def456.execute-api.us-east-2.amazonaws.com"
    zone_id     = "ZOJJZC49E0EPZ"
    health_fqdn = "api-use2.trading.example.com"
  }

  request_interval   = 10 # fast checks
  failure_threshold  = 3
  record_ttl_seconds = 60 # what resolvers cache; feeds detection_seconds
}

# Delegate the zone to these.
output "name_servers" {
  value = drpair_dns_failover.api.name_servers
}

# The orchestrator forces traffic to us-east-2 by publishing ForceFailover = 1 (namespace
# drpair/Failover, dimension RecordName) in us-east-2; 0 releases it. No Route 53 call.
output "control_alarm" {
  value = drpair_dns_failover.api.control_alarm
}

# Worst case from a us-east-1 failure to clients reaching us-east-2: 10 x 3 + 60 = 90 s.
output "detection_seconds" {
  value = drpair_dns_failover.api.detection_seconds
}
