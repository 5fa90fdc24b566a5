variable "instance" {
  type    = string
  default = "ml.m5.xlarg"
}

locals {
  shadow = "shadow_variant"
}

resource "awscc_sagemaker_inference_experiment" "test" {
  name     = "my_experiment"
  type     = "ShadowMode"
  role_arn = aws_iam_role.x.arn
  endpoint_name = "ep"
  count = 1
  model_variants = [{
    model_name   = "m1"
    variant_name = "v1"
    infrastructure_config = {
      infrastructure_type = "RealTimeInference"
      real_time_inference_config = {
        instance_type = var.instance
        instance_cnt  = 1
      }
    }
  }]
  shadow_mode_config = {
    source_model_variant_name = "v1"
    shadow_model_variants = [{
      shadow_model_variant_name = local.shadow
      sampling_percentage       = "50"
    }]
  }
  schedule = {
    start_time = "2030-01-10"
  }
  status = "Running"
  lifecycle {
    ignore_changes = [tags]
  }
}
