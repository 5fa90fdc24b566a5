# Completing the running test and keeping the shadow alone, which promotes
# it: what a stop is for.
resource "awscc_sagemaker_inference_experiment" "shadow" {
  name           = "fraud-model-shadow-test"
  type           = "ShadowMode"
  role_arn       = "arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20300102T164107"
  endpoint_name  = "fraud-model-endpoint"
  desired_state  = "Completed"
  status_reason  = "fraud-model-v2 catches more fraud at the same latency"

  model_variants = [{
    model_name   = "fraud-model-v2"
    variant_name = "shadow"
    infrastructure_config = {
      infrastructure_type        = "RealTimeInference"
      real_time_inference_config = { instance_type = "ml.m5.xlarge", instance_count = 1 }
    }
  }]

  shadow_mode_config = {
    source_model_variant_name = "production"
    shadow_model_variants = [
      { shadow_model_variant_name = "shadow", sampling_percentage = 10 },
    ]
  }
}
