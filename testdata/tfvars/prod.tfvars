experiment_name = "fraud_shadow_test"
instance_count  = 0 # prod.tfvars.json, given after this file, sets 2
