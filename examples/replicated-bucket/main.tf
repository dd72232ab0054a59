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

# Application configuration: config-prod-ab12cd-us-east-1 replicates to
# config-prod-ab12cd-us-east-2 (RTC: 99.99% of objects within 15 minutes).
resource "drpair_replicated_bucket" "config" {
  name = "config"
}

# Audit logs, written in either region and replicated both ways. Object versions cannot be
# deleted (bucket policy), superseded versions are kept two years, and destroy refuses while
# any log remains.
resource "drpair_replicated_bucket" "audit" {
  name                               = "audit"
  flavour                            = "audit"
  bidirectional                      = true
  noncurrent_version_expiration_days = 730
  force_destroy                      = false

  timeouts {
    delete = "2h"
  }
}

output "config_buckets" {
  value = [drpair_replicated_bucket.config.primary.bucket, drpair_replicated_bucket.config.secondary.bucket]
}

output "audit_replication_role" {
  value = drpair_replicated_bucket.audit.replication_role_arn
}
