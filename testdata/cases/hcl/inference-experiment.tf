# A shadow-mode experiment through the awscc provider, as a configuration
# would hold it: variables, locals, a resource with literal and computed
# attributes, meta-arguments and an output.
terraform {
  required_providers {
    awscc = {
      source  = "hashicorp/awscc"
      version = "~> 1.0"
    }
  }
}

provider "awscc" {
  region = "us-east-1"
}

variable "experiment_name" {
  type        = string
  default     = "shadow-test-1"
  description = "The experiment's name"
}

variable "instance_count" {
  type    = number
  default = 1
}

locals {
  endpoint_name = "my-endpoint"
  tags = {
    team  = "ml"
    stage = "test"
  }
}

resource "awscc_sagemaker_inference_experiment" "shadow" {
  name          = var.experiment_name
  type          = "ShadowMode"
  role_arn      = aws_iam_role.experiment.arn
  endpoint_name = local.endpoint_name
  description   = "Shadow test of ${var.experiment_name}"
  desired_state = "Running"

  schedule = {
    start_time = "2030-01-10T00:00:00Z"
    end_time   = "2030-01-20T00:00:00Z"
  }

  model_variants = [
    {
      model_name   = "production-model"
      variant_name = "production"
      infrastructure_config = {
        infrastructure_type = "RealTimeInference"
        real_time_inference_config = {
          instance_type  = "ml.m5.xlarge"
          instance_count = var.instance_count
        }
      }
    },
    {
      model_name   = "shadow-model"
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

  data_storage_config = {
    destination = "s3://my-bucket/capture"
    kms_key     = null
    content_type = {
      csv_content_types  = ["text/csv"]
      json_content_types = ["application/json"]
    }
  }

  tags = [for k, v in local.tags : { key = k, value = v }]

  depends_on = [aws_iam_role_policy.experiment]

  lifecycle {
    ignore_changes = [desired_state]
  }
}

resource "awscc_sagemaker_inference_experiment" "per_region" {
  for_each = toset(["a", "b"])
  name     = "exp-${each.key}"
  type     = "ShadowMode"
  role_arn = "arn:aws:iam::123456789012:role/experiment"
  endpoint_name = "endpoint-${each.value}"
  model_variants = var.variants
  shadow_mode_config = var.shadow_mode
}

output "experiment_arn" {
  value = awscc_sagemaker_inference_experiment.shadow.arn
}
