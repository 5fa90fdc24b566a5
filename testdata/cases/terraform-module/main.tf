# An experiment whose values come from the other files of its module.
resource "awscc_sagemaker_inference_experiment" "shadow" {
  name          = var.experiment_name
  type          = "ShadowMode"
  role_arn      = var.role_arn
  endpoint_name = var.endpoint_name

  model_variants = [
    {
      model_name   = local.production_model
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
      variant_name = local.shadow_variant
      infrastructure_config = {
        infrastructure_type = "RealTimeInference"
        real_time_inference_config = {
          instance_type  = var.instance_type
          instance_count = 1
        }
      }
    },
  ]

  shadow_mode_config = {
    source_model_variant_name = "production"
    shadow_model_variants = [{
      shadow_model_variant_name = local.ping
      sampling_percentage       = var.sampling_percentage
    }]
  }
}
