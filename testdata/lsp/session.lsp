Content-Length: 83

{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}Content-Length: 57

{"jsonrpc": "2.0", "method": "initialized", "params": {}}Content-Length: 518

{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "untitled:request.yaml", "languageId": "yaml", "version": 1, "text": "# A misspelt instance type, written plain: the fix keeps it plain.\nName: fraud-shadow-test\nModelVariants:\n  - ModelName: fraud-model-v1\n    VariantName: production\n    InfrastructureConfig:\n      InfrastructureType: RealTimeInference\n      RealTimeInferenceConfig:\n        InstanceType: ml.m5.xlarg   # the comment stays\n        InstanceCount: 2\n"}}}Content-Length: 245

{"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": "untitled:request.yaml"}, "range": {"start": {"line": 8, "character": 24}, "end": {"line": 8, "character": 24}}, "context": {"diagnostics": []}}}Content-Length: 163

{"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover", "params": {"textDocument": {"uri": "untitled:request.yaml"}, "position": {"line": 8, "character": 25}}}Content-Length: 256

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "untitled:request.yaml", "version": 2}, "contentChanges": [{"range": {"start": {"line": 1, "character": 6}, "end": {"line": 1, "character": 11}}, "text": "fraud_"}]}}Content-Length: 167

{"jsonrpc": "2.0", "id": 4, "method": "textDocument/completion", "params": {"textDocument": {"uri": "untitled:request.yaml"}, "position": {"line": 2, "character": 0}}}Content-Length: 145

{"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration", "params": {"settings": {"ielint": {"status": "Running", "disable": ["IE206"]}}}}Content-Length: 115

{"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": "untitled:request.yaml"}}}Content-Length: 65

{"jsonrpc": "2.0", "id": 5, "method": "shutdown", "params": null}Content-Length: 52

{"jsonrpc": "2.0", "method": "exit", "params": null}