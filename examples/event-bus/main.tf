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

variable "replay_window" {
  description = "Set after a failover to replay a window of the survivor's archive (RFC 3339 times); null starts nothing."
  type = object({
    region     = string
    start_time = string
    end_time   = string
  })
  default = null
}

# A bus `events-prod-ab12cd` in us-east-1 and us-east-2. drpair's failover events
# (source "drpair.failover") are always forwarded to the other region; these order events too.
# Each bus forwards only events put in its own region, so forwarded copies never come back.
resource "drpair_event_bus" "events" {
  name = "events"
  forward_event_patterns = [
    jsonencode({ source = ["orders"], "detail-type" = ["OrderPlaced", "OrderFilled"] }),
    jsonencode({ source = ["risk"], detail = { severity = ["critical"] } }),
  ]
  archive_retention_days = 30

  # After the primary recovers: replay what the secondary saw during the outage. The replay
  # runs through the secondary's forwarding rules, which carry the events that originated
  # there to the recovered primary's bus. Changing the window starts a new replay.
  replay = var.replay_window
}

output "buses" {
  value = {
    primary   = drpair_event_bus.events.primary.bus_arn
    secondary = drpair_event_bus.events.secondary.bus_arn
  }
}

output "replay" {
  value = drpair_event_bus.events.replay_name
}
