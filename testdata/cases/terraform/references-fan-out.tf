# Local values that name each other: a cycle, a chain deeper than
# references are followed, and each of twenty locals naming the next
# four times (a trillion copies, were each followed). What they stand
# for is not known, or known in part; the lint ends at once.
locals {
  a = local.b
  b = local.a
  c1 = local.c2
  c2 = local.c3
  c3 = local.c4
  c4 = local.c5
  c5 = local.c6
  c6 = local.c7
  c7 = local.c8
  c8 = local.c9
  c9 = local.c10
  c10 = local.c11
  c11 = local.c12
  c12 = local.c13
  c13 = local.c14
  c14 = local.c15
  c15 = local.c16
  c16 = local.c17
  c17 = local.c18
  c18 = local.c19
  c19 = local.c20
  c20 = local.c21
  c21 = "bad_name"
  f1 = [local.f2, local.f2, local.f2, local.f2]
  f2 = [local.f3, local.f3, local.f3, local.f3]
  f3 = [local.f4, local.f4, local.f4, local.f4]
  f4 = [local.f5, local.f5, local.f5, local.f5]
  f5 = [local.f6, local.f6, local.f6, local.f6]
  f6 = [local.f7, local.f7, local.f7, local.f7]
  f7 = [local.f8, local.f8, local.f8, local.f8]
  f8 = [local.f9, local.f9, local.f9, local.f9]
  f9 = [local.f10, local.f10, local.f10, local.f10]
  f10 = [local.f11, local.f11, local.f11, local.f11]
  f11 = [local.f12, local.f12, local.f12, local.f12]
  f12 = [local.f13, local.f13, local.f13, local.f13]
  f13 = [local.f14, local.f14, local.f14, local.f14]
  f14 = [local.f15, local.f15, local.f15, local.f15]
  f15 = [local.f16, local.f16, local.f16, local.f16]
  f16 = [local.f17, local.f17, local.f17, local.f17]
  f17 = [local.f18, local.f18, local.f18, local.f18]
  f18 = [local.f19, local.f19, local.f19, local.f19]
  f19 = [local.f20, local.f20, local.f20, local.f20]
  f20 = [local.f21, local.f21, local.f21, local.f21]
  f21 = { key = "team", value = "ml" }
}

resource "awscc_sagemaker_inference_experiment" "fan_out" {
  name          = local.a
  description   = local.c1
  type          = "ShadowMode"
  role_arn      = "arn:aws:iam::123456789012:role/experiment"
  endpoint_name = "main"

  model_variants = [{
    model_name   = "m1"
    variant_name = "production"
    infrastructure_config = {
      infrastructure_type = "RealTimeInference"
      real_time_inference_config = {
        instance_type  = "ml.m5.large"
        instance_count = 1
      }
    }
  }, {
    model_name   = "m2"
    variant_name = "shadow"
    infrastructure_config = {
      infrastructure_type = "RealTimeInference"
      real_time_inference_config = {
        instance_type  = "ml.m5.large"
        instance_count = 1
      }
    }
  }]

  shadow_mode_config = {
    source_model_variant_name = "production"
    shadow_model_variants = [{
      shadow_model_variant_name = "shadow"
      sampling_percentage       = 50
    }]
  }

  tags = local.f1
}
