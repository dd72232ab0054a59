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

variable "primary_cidr" {
  description = "IPv4 range of the primary region's VPC, /16 to /24."
  type        = string
  default     = "10.20.0.0/16"
}

variable "secondary_cidr" {
  description = "IPv4 range of the secondary region's VPC, /16 to /24, not overlapping primary_cidr."
  type        = string
  default     = "10.21.0.0/16"
}
