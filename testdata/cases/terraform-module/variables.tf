# The module's variables and local values, which main.tf and var-files.tf
# beside it use.
variable "instance_type" {
  type    = string
  default = "ml.m5.xlarg" # terraform.tfvars sets it right
}

variable "instance_count" {
  type    = number
  default = 1
}

variable "endpoint_name" {
  type = string # no default: known only when Terraform plans
}

variable "sampling_percentage" {
  type    = number
  default = 150
}

variable "experiment_name" {
  type    = string
  default = "fraud-shadow-test"
}

variable "role_arn" {
  default = "not an ARN" # declared again in twice.tf
}

locals {
  ping           = local.pong # a cycle: neither is known
  pong           = local.ping
  shadow_variant = "${var.experiment_name}-shadow"
}
