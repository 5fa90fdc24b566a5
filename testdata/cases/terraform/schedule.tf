# Schedule times as the resource handler reads them, and the schedule's
# rules across its times.
resource "awscc_sagemaker_inference_experiment" "offset" {
  name          = "offset-start"
  type          = "ShadowMode"
  role_arn      = "arn:aws:iam::123456789012:role/experiment"
  endpoint_name = "endpoint"
  model_variants = var.offset_variants
  shadow_mode_config = var.offset_shadow
  schedule = {
    start_time = "2030-01-10T02:00:00+02:00"
    end_time   = "2030-03-10T00:00:00Z"
  }
}

resource "awscc_sagemaker_inference_experiment" "epoch" {
  name          = "epoch-end"
  type          = "ShadowMode"
  role_arn      = "arn:aws:iam::123456789012:role/experiment"
  endpoint_name = "endpoint"
  model_variants = var.offset_variants
  shadow_mode_config = var.offset_shadow
  schedule = {
    start_time = "2030-01-20T00:00:00Z"
    end_time   = 1894060800
  }
}

resource "awscc_sagemaker_inference_experiment" "backwards" {
  name          = "backwards"
  type          = "ShadowMode"
  role_arn      = "arn:aws:iam::123456789012:role/experiment"
  endpoint_name = "endpoint"
  model_variants = var.offset_variants
  shadow_mode_config = var.offset_shadow
  schedule = {
    start_time = "2030-01-20T00:00:00Z"
    end_time   = "2030-01-10T00:00:00Z"
  }
}
