Content-Length: 143

{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}, "initializationOptions": {"ielint": {"status": "Running"}}}}Content-Length: 57

{"jsonrpc": "2.0", "method": "initialized", "params": {}}Content-Length: 1115

{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///nonexistent/ielint/main.tf", "languageId": "terraform", "version": 1, "text": "variable \"instance\" {\n  type    = string\n  default = \"ml.m5.xlarg\"\n}\n\nlocals {\n  shadow = \"shadow_variant\"\n}\n\nresource \"awscc_sagemaker_inference_experiment\" \"test\" {\n  name     = \"my_experiment\"\n  type     = \"ShadowMode\"\n  role_arn = aws_iam_role.x.arn\n  endpoint_name = \"ep\"\n  count = 1\n  model_variants = [{\n    model_name   = \"m1\"\n    variant_name = \"v1\"\n    infrastructure_config = {\n      infrastructure_type = \"RealTimeInference\"\n      real_time_inference_config = {\n        instance_type = var.instance\n        instance_cnt  = 1\n      }\n    }\n  }]\n  shadow_mode_config = {\n    source_model_variant_name = \"v1\"\n    shadow_model_variants = [{\n      shadow_model_variant_name = local.shadow\n      sampling_percentage       = \"50\"\n    }]\n  }\n  schedule = {\n    start_time = \"2030-01-10\"\n  }\n  status = \"Running\"\n  lifecycle {\n    ignore_changes = [tags]\n  }\n}\n"}}}Content-Length: 169

{"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration", "params": {"settings": {"now": "2030-01-10T00:00:00Z", "disable": ["IE205"], "operation": "terraform"}}}Content-Length: 242

{"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": "file:///nonexistent/ielint/main.tf"}, "range": {"start": {"line": 22, "character": 0}, "end": {"line": 23, "character": 40}}, "context": {}}}Content-Length: 257

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/ielint/main.tf", "version": 2}, "contentChanges": [{"text": "resource \"awscc_sagemaker_inference_experiment\" \"x\" {\n  name = \"a_b\"\n}\n"}]}}Content-Length: 176

{"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///nonexistent/ielint/main.tf"}, "position": {"line": 1, "character": 10}}}Content-Length: 62

{"jsonrpc": "2.0", "id": 4, "method": "no/such", "params": {}}Content-Length: 66

{"jsonrpc": "2.0", "id": 90, "method": "shutdown", "params": null}Content-Length: 52

{"jsonrpc": "2.0", "method": "exit", "params": null}