# Nothing known here is wrong: instance_type's default is, but
# terraform.tfvars sets it right, and instance_count is a.auto.tfvars' 1,
# not terraform.tfvars' 0. The rest is known only when Terraform plans.
resource "awscc_sagemaker_inference_experiment" "clean" {
  name          = var.experiment_name
  type          = "ShadowMode"
  role_arn      = var.role_arn # declared twice: not known
  endpoint_name = var.endpoint_name # no default

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
      variant_name = local.shadow_variant # a template
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
      shadow_model_variant_name = local.ping # a cycle
      sampling_percentage       = 50
    }]
  }
}
