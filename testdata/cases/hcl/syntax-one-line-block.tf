resource "awscc_sagemaker_inference_experiment" "x" { name = "a", type = "b" }
