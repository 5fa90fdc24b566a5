# Cancelling an experiment that has not started, but Terraform ignores
# changes to any attribute: an apply sends nothing.
resource "awscc_sagemaker_inference_experiment" "shadow" {
  name          = "fraud-model-shadow-test"
  type          = "ShadowMode"
  role_arn      = "arn:aws:iam::123456789012:role/service-role/experiment"
  endpoint_name = "fraud-model-endpoint"
  description   = "Shadow test of the retrained fraud model, second week."
  desired_state = "Cancelled"
  schedule = {
    start_time = "2030-01-12T00:00:00Z"
    end_time   = "2030-01-20T00:00:00Z"
  }

  model_variants = [
    {
      model_name   = "fraud-model-v1"
      variant_name = "production"
      infrastructure_config = {
        infrastructure_type        = "RealTimeInference"
        real_time_inference_config = { instance_type = "ml.m5.xlarge", instance_count = 2 }
      }
    },
    {
      model_name   = "fraud-model-v2"
      variant_name = "shadow"
      infrastructure_config = {
        infrastructure_type        = "RealTimeInference"
        real_time_inference_config = { instance_type = "ml.m5.xlarge", instance_count = 1 }
      }
    },
  ]

  shadow_mode_config = {
    source_model_variant_name = "production"
    shadow_model_variants = [
      { shadow_model_variant_name = "shadow", sampling_percentage = 10 },
    ]
  }

  lifecycle {
    ignore_changes = all
  }
}
