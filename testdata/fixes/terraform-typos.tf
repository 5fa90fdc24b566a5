resource "awscc_sagemaker_inference_experiment" "typos" {
  name          = "typos"
  type          = "ShadowMode"
  role_arn      = "arn:aws:iam::123456789012:role/experiment"
  endpoint_name = "endpoint"
  model_variants = [
    {
      model_name   = "model-a"
      variant_name = "production"
      infrastructure_config = {
        infrastructure_type = "RealTimeInference"
        real_time_inference_config = {
          instance_type = "ml.m5.xlarg"
          instance_cnt  = 1
        }
      }
    },
    {
      model_name   = "model-b"
      variant_name = "shadow"
      infrastructure_config = {
        infrastructure_type = "RealTimeInference"
        real_time_inference_config = {
          instance_type  = "ml.m5.xlarge"
          instance_count = 1
        }
      }
    }
  ]
  shadow_mode_config = {
    source_model_variant_name = "production"
    shadow_model_variants = [{ shadow_model_variant_name = "shadow", sampling_percentage = 20 }]
  }
  schedule {
    start_time = "2030-01-20"
    end_time   = "2030-01-25T00:00:00+00:00"
  }
}
