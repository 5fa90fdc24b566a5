Content-Length: 143

{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}, "initializationOptions": {"ielint": {"status": "Running"}}}}Content-Length: 57

{"jsonrpc": "2.0", "method": "initialized", "params": {}}Content-Length: 516

{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "untitled:Untitled-1", "languageId": "yaml", "version": 1, "text": "# A misspelt instance type, written plain: the fix keeps it plain.\nName: fraud-shadow-test\nModelVariants:\n  - ModelName: fraud-model-v1\n    VariantName: production\n    InfrastructureConfig:\n      InfrastructureType: RealTimeInference\n      RealTimeInferenceConfig:\n        InstanceType: ml.m5.xlarg   # the comment stays\n        InstanceCount: 2\n"}}}Content-Length: 243

{"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": "untitled:Untitled-1"}, "range": {"start": {"line": 8, "character": 22}, "end": {"line": 8, "character": 30}}, "context": {"diagnostics": []}}}Content-Length: 161

{"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover", "params": {"textDocument": {"uri": "untitled:Untitled-1"}, "position": {"line": 8, "character": 25}}}Content-Length: 165

{"jsonrpc": "2.0", "id": 4, "method": "textDocument/completion", "params": {"textDocument": {"uri": "untitled:Untitled-1"}, "position": {"line": 1, "character": 0}}}Content-Length: 377

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "untitled:Untitled-1", "version": 2}, "contentChanges": [{"range": {"start": {"line": 8, "character": 22}, "end": {"line": 8, "character": 33}}, "text": "ml.m5.xlarge \ud83d\ude00"}, {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "\r\n"}]}}Content-Length: 112

{"jsonrpc": "2.0", "method": "textDocument/didSave", "params": {"textDocument": {"uri": "untitled:Untitled-1"}}}Content-Length: 113

{"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": "untitled:Untitled-1"}}}Content-Length: 66

{"jsonrpc": "2.0", "id": 90, "method": "shutdown", "params": null}Content-Length: 52

{"jsonrpc": "2.0", "method": "exit", "params": null}