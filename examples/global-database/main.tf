terraform {
  required_version = ">= 1.11" # write-only arguments (master_password_wo)
  required_providers {
    drpair = {
      source = "drpair/drpair"
    }
  }
}

provider "drpair" {
  environment        = var.environment
  environment_suffix = var.suffix
  endpoint_url       = var.endpoint_url # null: real AWS
  default_tags = {
    team = "trading"
  }
}

# An Aurora PostgreSQL global database: writer in us-east-1, reader cluster in us-east-2,
# storage encrypted with a KMS key per region, replication lag bounded to 20 seconds.
resource "drpair_global_database" "orders" {
  name                     = "orders"
  engine_version           = "15.4"
  instance_class           = "db.r6g.large"
  primary_instance_count   = 2
  secondary_instance_count = 1
  database_name            = "orders"
  master_username          = "trader"

  # Write-only: sent to AWS, never stored in plan or state. Bump the version to rotate.
  master_password_wo         = var.master_password
  master_password_wo_version = 1

  max_rpo_seconds = 20

  primary_subnet_ids           = var.primary_subnet_ids
  secondary_subnet_ids         = var.secondary_subnet_ids
  primary_security_group_ids   = var.primary_security_group_ids
  secondary_security_group_ids = var.secondary_security_group_ids

  deletion_protection = false

  timeouts {
    create = "60m"
    delete = "60m"
  }
}
