# With --var-file prod.tfvars and --var-file prod.tfvars.json: they
# override the defaults and terraform.tfvars, the later file winning.
resource "awscc_sagemaker_inference_experiment" "prod" {
  name          = var.experiment_name
  type          = "ShadowMode"
  role_arn      = "arn:aws:iam::123456789012:role/experiments"
  endpoint_name = "fraud-endpoint"

  model_variants = [
    {
      model_name   = "fraud-model-v1"
      variant_name = "production"
      infrastructure_config = {
        infrastructure_type = "RealTimeInference"
        real_time_inference_config = {
          instance_type  = var.instance_type
          instance_count = var.instance_count
        }
      }
    },
    {
      model_name   = "fraud-model-v2"
      variant_name = "shadow"
      infrastructure_config = {
        infrastructure_type = "RealTimeInference"
        real_time_inference_config = {
          instance_type  = "ml.m5.xlarge"
          instance_count = 1
        }
      }
    },
  ]

  shadow_mode_config = {
    source_model_variant_name = "production"
    shadow_model_variants = [{
      shadow_model_variant_name = "shadow"
      sampling_percentage       = 50
    }]
  }
}
