# A valid experiment whose values are mostly known only when Terraform
# plans: references, calls, templates, count and for_each. Nothing to say.
variable "experiment_name" {
  type = string
}

variable "prefix" {
  default = "shadow"
}

locals {
  variant = "${var.prefix}-candidate"
  tags    = { team = "ml" }
}

resource "awscc_sagemaker_inference_experiment" "this" {
  count         = var.enabled ? 1 : 0
  name          = var.experiment_name
  type          = "ShadowMode"
  role_arn      = aws_iam_role.experiment.arn
  endpoint_name = awscc_sagemaker_endpoint.main.endpoint_name
  kms_key       = null

  model_variants = [for v in var.variants : {
    model_name   = v.model
    variant_name = v.name
    infrastructure_config = {
      infrastructure_type = "RealTimeInference"
      real_time_inference_config = {
        instance_type  = v.instance_type
        instance_count = 1
      }
    }
  }]

  shadow_mode_config = {
    source_model_variant_name = var.variants[0].name
    shadow_model_variants = [{
      shadow_model_variant_name = local.variant
      sampling_percentage       = 50
    }]
  }

  schedule = {
    start_time = timeadd(timestamp(), "1h")
    end_time   = "2031-01-10T00:00:00Z"
  }

  tags = [for k, v in local.tags : { key = k, value = v }]

  provider   = awscc.us_east_1
  depends_on = [aws_iam_role_policy.experiment]

  lifecycle {
    ignore_changes = [desired_state]
  }
}
