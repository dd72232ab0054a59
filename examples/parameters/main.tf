terraform {
  required_version = ">= 1.11" # write-only arguments (secure_values_wo)
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

variable "api_token" {
  type      = string
  sensitive = true
  ephemeral = true
}

# Parameters under /config-prod-ab12cd/ in both regions.
resource "drpair_parameters" "config" {
  name = "config"

  # Written to both regions.
  values = {
    log_level      = "info"
    max_order_size = "1000"
  }
  # Only in the recovery region.
  secondary_values = {
    queue_url = "https://sqs.us-east-2.amazonaws.com/123456789012/orders-prod-ab12cd"
  }

  # SecureString in both regions; never stored in plan or state. Bump the version to rotate.
  secure_values_wo         = { api_token = var.api_token }
  secure_values_wo_version = 1

  # Owned by the failover orchestrator at run time: written once, never reverted.
  runtime_managed = {
    active_region = "us-east-1"
  }
}

output "path" {
  value = drpair_parameters.config.path
}
