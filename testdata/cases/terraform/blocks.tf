# Nested blocks where the awscc provider has attributes: refused by
# Terraform, and their contents checked all the same.
resource "awscc_sagemaker_inference_experiment" "blocks" {
  name          = "blocks"
  type          = "ShadowMode"
  role_arn      = "arn:aws:iam::123456789012:role/experiment"
  endpoint_name = "endpoint"
  model_variants {
    model_name   = "m1"
    variant_name = "production"
    infrastructure_config {
      infrastructure_type = "RealTimeInference"
      real_time_inference_config = {
        instance_type  = "ml.m5.xlarge"
        instance_count = 1
      }
    }
  }
  model_variants {
    model_name   = "m2"
    variant_name = "shadow"
    infrastructure_config = {
      infrastructure_type = "RealTimeInference"
      real_time_inference_config = {
        instance_type  = "ml.m5.xlarg"
        instance_count = 1
      }
    }
  }
  shadow_mode_config {
    source_model_variant_name = "production"
    shadow_model_variants = [{ shadow_model_variant_name = "shadow", sampling_percentage = 10 }]
  }
}
