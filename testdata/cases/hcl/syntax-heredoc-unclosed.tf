locals {
  s = <<EOT
no end marker
  EOTX
}
