Content-Length: 83

{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}Content-Length: 57

{"jsonrpc": "2.0", "method": "initialized", "params": {}}Content-Length: 222

{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///nonexistent/ielint/nul.yaml", "languageId": "yaml", "version": 1, "text": "Name: a\u0000b\r\nDescription: x\rRoleArn: y\n"}}}Content-Length: 489

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/ielint/nul.yaml", "version": 2}, "contentChanges": [{"range": {"start": {"line": 2, "character": 3}, "end": {"line": 0, "character": 7}}, "text": "\u0000\r"}, {"range": {"start": {"line": 0, "character": 1}, "end": {"line": 0, "character": 1}}, "text": "\r\n\ud83d\ude00"}, {"range": {"start": {"line": 1, "character": 14}, "end": {"line": 1, "character": 15}}, "text": "\n"}]}}Content-Length: 216

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/ielint/nul.yaml", "version": 3}, "contentChanges": [{"text": "Name: a-b\nDescription: \uffff\u0000\n"}]}}Content-Length: 205

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/ielint/nul.yaml", "version": 4}, "contentChanges": [{"text": "Name: a-b\nDescription: x\n"}]}}Content-Length: 184
X-Bad

{"jsonrpc": "2.0", "id": "x\u0000", "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///nonexistent/ielint/nul.yaml"}, "position": {"line": 0, "character": 0}}}Content-Length: 184
Content-Length: 184

{"jsonrpc": "2.0", "id": "x\u0000", "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///nonexistent/ielint/nul.yaml"}, "position": {"line": 0, "character": 0}}}Content-Length: 257

{"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": "file:///nonexistent/ielint/nul.yaml"}, "range": {"start": {"line": 1, "character": 9}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": []}}}Content-Length: 49

{"jsonrpc": "2.0", "id": 3, "method": "shutdown"}Content-Length: 36

{"jsonrpc": "2.0", "method": "exit"}