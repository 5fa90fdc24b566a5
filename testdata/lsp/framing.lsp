Content-Length: 73

{"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {}}Content-Length: 143

{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}, "initializationOptions": {"ielint": {"status": "Running"}}}}Content-Length: 57

{"jsonrpc": "2.0", "method": "initialized", "params": {}}Content-Length: 249

{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///nonexistent/ielint/r%20q.json", "languageId": "json", "version": 1, "text": "{\r\n  \"Description\": \"\ud83d\ude00\", \"Name\": \"my_exp\"\r\n}\r\n"}}}Content-Length: 268

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/ielint/r%20q.json", "version": 2}, "contentChanges": [{"range": {"start": {"line": 1, "character": 30}, "end": {"line": 1, "character": 31}}, "text": "-"}]}}Content-Length: 68

{"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 3}}Content-Length: 12
content-type: application/vscode-jsonrpc; charset=utf-8

[1,{"a":2}] Content-Length: 99999999999

{}