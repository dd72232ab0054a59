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

resource "drpair_network" "core" {
  name           = "core"
  primary_cidr   = "10.10.0.0/16"
  secondary_cidr = "10.20.0.0/16"
}

resource "drpair_session_table" "orders" {
  name     = "orders"
  hash_key = "order_id"
}

# The reference order processor, built reproducibly by `make lambda`: the same bytes go to
# both regions, and the plan shows a new package_sha256 whenever the zip changes.
resource "drpair_order_pipeline" "orders" {
  name                 = "orders"
  package_path         = "${path.module}/../../lambda/dist/order-processor.zip"
  timeout              = 20 # the queues' visibility timeout defaults to 6 x this
  reserved_concurrency = 50

  environment = {
    ORDERS_TABLE = drpair_session_table.orders.id
  }

  # The function may use exactly this table (each region's replica) and nothing else.
  table_arns = values(drpair_session_table.orders.table_arns)

  primary_subnet_ids           = drpair_network.core.primary.subnet_ids
  primary_security_group_ids   = [drpair_network.core.primary.function_security_group_id]
  secondary_subnet_ids         = drpair_network.core.secondary.subnet_ids
  secondary_security_group_ids = [drpair_network.core.secondary.function_security_group_id]
}

output "orders" {
  value = {
    package_sha256        = drpair_order_pipeline.orders.package_sha256
    primary_queue_url     = drpair_order_pipeline.orders.primary.queue_url
    secondary_queue_url   = drpair_order_pipeline.orders.secondary.queue_url
    orchestrator_role_arn = drpair_order_pipeline.orders.orchestrator_role_arn
    # feed these to drpair_region_health
    primary_alarm_names   = drpair_order_pipeline.orders.primary.alarm_names
    secondary_alarm_names = drpair_order_pipeline.orders.secondary.alarm_names
  }
}
