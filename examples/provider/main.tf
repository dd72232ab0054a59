terraform {
  required_providers {
    drpair = {
      source = "drpair/drpair"
    }
  }
}

# Every AWS name is <resource-type>-<environment>-<suffix>, e.g. orders-prod-ab12cd.
provider "drpair" {
  primary_region     = "us-east-1" # home of the writers
  secondary_region   = "us-east-2" # recovery region
  environment        = "prod"
  environment_suffix = "ab12cd"

  default_tags = {
    team = "trading"
  }

  # Credentials come from the standard AWS chain; to act through a role instead:
  # assume_role {
  #   role_arn = "arn:aws:iam::123456789012:role/drpair-deployer"
  # }
}
