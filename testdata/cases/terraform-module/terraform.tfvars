# Read by Terraform without being named: it overrides the defaults.
instance_type  = "ml.m5.xlarge"
instance_count = 0 # a.auto.tfvars, read after this file, sets 1
