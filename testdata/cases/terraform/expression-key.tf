# An object key that is an expression: which attribute it sets is known
# only when Terraform plans, so the object is not checked.
resource "awscc_sagemaker_inference_experiment" "keyed" {
  name          = "keyed"
  type          = "ShadowMode"
  role_arn      = "arn:aws:iam::123456789012:role/experiment"
  endpoint_name = "endpoint"
  model_variants = var.keyed_variants
  shadow_mode_config = {
    (local.keyed_source) = "variant-a"
    shadow_model_variants = []
  }
}
