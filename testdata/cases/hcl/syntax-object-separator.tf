resource "awscc_sagemaker_inference_experiment" "x" {
  schedule = { start_time = "2030-01-10" end_time = "2030-01-20" }
}
