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

variable "global_cluster_id" {
  type        = string
  description = "drpair_global_database.<name>.global_cluster_id"
}

variable "cluster_arns" {
  type        = map(string)
  description = "drpair_global_database.<name>.clusters[region].arn, keyed by region"
}

# Fails the pair over to us-east-2 when us-east-1's heartbeats stop (10 s apart, two missed),
# and brings it home by a planned switchover once us-east-1 has been healthy for 5 minutes.
resource "drpair_failover_orchestrator" "dr" {
  name                   = "dr"
  global_cluster_id      = var.global_cluster_id
  primary_cluster_arn    = var.cluster_arns["us-east-1"]
  secondary_cluster_arn  = var.cluster_arns["us-east-2"]
  readiness_package_path = "${path.module}/../../lambda/dist/readiness.zip" # make lambda

  heartbeat_interval_seconds = 10
  missed_heartbeats          = 2
  failback_after_seconds     = 300

  # The budget is 10 x (2 + 1) + 12 (confirmation) + 2 + 30 + 5 = 79 s; say so rather than pretend 60.
  rto_target_seconds       = 90
  database_max_rpo_seconds = 20
}

output "state_machines" {
  value = {
    primary   = drpair_failover_orchestrator.dr.primary.state_machine_arn
    secondary = drpair_failover_orchestrator.dr.secondary.state_machine_arn
  }
}

output "rto_budget_seconds" {
  value = drpair_failover_orchestrator.dr.rto_budget_seconds
}

output "rpo_bounds" {
  value = drpair_failover_orchestrator.dr.rpo_bounds
}
