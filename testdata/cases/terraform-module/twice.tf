# role_arn is declared in variables.tf too: Terraform refuses the module,
# and neither default is known.
variable "role_arn" {
  default = "still not an ARN"
}
