variable "endpoint_url" {
  description = "AWS endpoint override, e.g. the local stand-in http://127.0.0.1:4566; null for real AWS."
  type        = string
  default     = null
}

variable "environment" {
  description = "Environment part of every AWS name."
  type        = string
  default     = "demo"
}

variable "suffix" {
  description = "Unique suffix of every AWS name: lowercase letters and digits, at most 12."
  type        = string
}

variable "primary_subnet_ids" {
  description = "At least two subnets in different availability zones of the primary region."
  type        = list(string)
}

variable "secondary_subnet_ids" {
  description = "At least two subnets in different availability zones of the secondary region."
  type        = list(string)
}

variable "primary_security_group_ids" {
  description = "Security groups for the primary region's cluster."
  type        = list(string)
}

variable "secondary_security_group_ids" {
  description = "Security groups for the secondary region's cluster."
  type        = list(string)
}

variable "master_password" {
  description = "Master password (8 to 128 characters)."
  type        = string
  sensitive   = true
  # Ephemeral: Terraform keeps it out of plan files and state; it only feeds the
  # write-only master_password_wo argument.
  ephemeral = true
}
