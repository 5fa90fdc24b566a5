# The mistake easiest to make in this resource: the shadow variant is
# named, but model_variants lists only production, so CreateInferenceExperiment
# is refused. The service wants both variants in model_variants.
resource "awscc_sagemaker_inference_experiment" "recommender" {
  name          = "recommender-shadow"
  endpoint_name = "recommender"
  type          = "ShadowMode"
  role_arn      = aws_iam_role.shadow_testing.arn

  model_variants = [
    {
      model_name   = "recommender-v7"
      variant_name = "production"
      infrastructure_config = {
        infrastructure_type = "RealTimeInference"
        real_time_inference_config = {
          instance_type  = "ml.c5.xlarge"
          instance_count = 2
        }
      }
    }
  ]

  shadow_mode_config = {
    source_model_variant_name = "production"
    shadow_model_variants = [
      {
        shadow_model_variant_name = "candidate"
        sampling_percentage       = 25
      }
    ]
  }
}
