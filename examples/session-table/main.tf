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

# sessions-prod-ab12cd in us-east-1 with its replica in us-east-2: streams, KMS encryption,
# point-in-time recovery on both replicas, sessions expiring through TTL.
resource "drpair_session_table" "sessions" {
  name          = "sessions"
  hash_key      = "session_id"
  ttl_attribute = "expires_at"
}

# RPO 0: multi-region strong consistency with a witness in us-west-2 (no TTL on such tables).
resource "drpair_session_table" "positions" {
  name        = "positions"
  hash_key    = "account_id"
  range_key   = "instrument"
  consistency = "strong"
}

output "rpo" {
  value = {
    sessions  = drpair_session_table.sessions.rpo
    positions = drpair_session_table.positions.rpo
  }
}
