"""The language server's protocol, driven as an editor drives it: what it
publishes after each change, in UTF-16 positions; its code actions, hover
and settings; and that no input breaks it. Speaks TAP."""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Client, apply_edits, frame  # noqa: E402

IELINT = os.path.abspath(sys.argv[1])
TESTDATA = os.path.abspath(sys.argv[2])
count = 0
failed = 0


def check(name, condition, detail=""):
    global count, failed
    count += 1
    if condition:
        print("ok %d - %s" % (count, name))
    else:
        failed += 1
        print("not ok %d - %s" % (count, name))
        for line in str(detail).splitlines()[:40]:
            print("# " + line)


def found(params):
    """(code, line, character) of each diagnostic, in order."""
    return [(d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"])
            for d in params["diagnostics"]]


def exited_cleanly(status):
    return status in (0, 1)


work = tempfile.mkdtemp(prefix="ielint-lsp.")


def uri_of(name):
    return "file://" + os.path.join(work, name)


def write(name, text):
    path = os.path.join(work, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="") as f:
        f.write(text)
    return path


def session():
    client = Client(IELINT, cwd=work)
    result = client.initialize()
    return client, result


# --- initialize -----------------------------------------------------------
client, result = session()
caps = result["result"]["capabilities"]
check("initialize announces incremental sync, quick fixes, hover, completion, UTF-16",
      caps["textDocumentSync"]["change"] == 2 and caps["textDocumentSync"]["openClose"]
      and caps["codeActionProvider"]["codeActionKinds"] == ["quickfix"]
      and caps["hoverProvider"] and "completionProvider" in caps
      and caps["positionEncoding"] == "utf-16"
      and result["result"]["serverInfo"]["name"] == "ielint", result)

# --- diagnostics after open and after incremental edits --------------------
# Two astral characters before the problem: UTF-16 counts them twice.
emoji = "\U0001F600\U0001F600"
text = '{\r\n  "Description": "%s", "Name": "my_exp"\r\n}\r\n' % emoji
uri = uri_of("emoji.json")
client.open(uri, text, "json")
params = client.diagnostics(uri)
check("didOpen: IE205 at line 1, UTF-16 character 33 (after two astral characters, CRLF)",
      found(params) == [("IE205", 1, 33)] and params["version"] == 1, params)
diag = params["diagnostics"][0]
check("a diagnostic has its severity, source, end and rule page",
      diag["severity"] == 1 and diag["source"] == "ielint"
      and diag["range"]["end"] == {"line": 1, "character": 41}
      and diag["codeDescription"]["href"].endswith("#ie205-pattern-mismatch"), diag)

# Remove the problem: my_exp -> my-exp, one character replaced.
client.change(uri, 2, [{"range": {"start": {"line": 1, "character": 36},
                                  "end": {"line": 1, "character": 37}}, "text": "-"}])
params = client.diagnostics(uri)
check("an incremental edit that removes the problem publishes none",
      found(params) == [] and params["version"] == 2, params)
# Bring one in, on a new line after the first (two changes in one message).
client.change(uri, 3, [
    {"range": {"start": {"line": 1, "character": 41}, "end": {"line": 1, "character": 41}},
     "text": ',\r\n  "RoleArn": "x"'},
    {"range": {"start": {"line": 2, "character": 2}, "end": {"line": 2, "character": 9}},
     "text": '"Name2"'}])
params = client.diagnostics(uri)
check("incremental edits applied in order bring a problem in on the new line",
      [c for c, _, _ in found(params)] and all(line == 2 for _, line, _ in found(params)),
      params)
client.change(uri, 4, [{"text": text}])
params = client.diagnostics(uri)
check("a full change replaces the text", found(params) == [("IE205", 1, 33)], params)
client.change(uri, 5, [{"range": {"start": {"line": 99, "character": 0},
                                  "end": {"line": 120, "character": 5}}, "text": "\r\n"}])
params = client.diagnostics(uri)
check("a range past the end is clamped to the end", found(params) == [("IE205", 1, 33)],
      params)
# A range given end first: the editor's Range swaps its ends, so must the server.
client.change(uri, 6, [{"range": {"start": {"line": 1, "character": 37},
                                  "end": {"line": 1, "character": 36}}, "text": "-"}])
params = client.diagnostics(uri)
check("a range whose end comes before its start is the range between them",
      found(params) == [] and params["version"] == 6, params)
client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
params = client.diagnostics(uri)
check("didClose publishes an empty list", params["diagnostics"] == [], params)

# --- NUL characters, which JSON strings carry as \u0000 ------------------------
uri = uri_of("nul.yaml")
client.open(uri, "Name: a\0b\nDescription: x\n")
params = client.diagnostics(uri)
check("a NUL in a document's text is the document's, as the command line says (IE104 1:8)",
      found(params) == [("IE104", 0, 7)], params)
client.change(uri, 2, [{"range": {"start": {"line": 0, "character": 7},
                                  "end": {"line": 0, "character": 8}}, "text": "-"},
                       {"range": {"start": {"line": 1, "character": 13},
                                  "end": {"line": 1, "character": 13}}, "text": "y\0"}])
params = client.diagnostics(uri)
check("edits take out a NUL and put one in, the text after it kept",
      found(params) == [("IE104", 1, 14)], params)
client.change(uri, 3, [{"range": {"start": {"line": 1, "character": 14},
                                  "end": {"line": 1, "character": 15}}, "text": ""}])
check("and take it out again: the text is the editor's",
      found(client.diagnostics(uri)) == [])
# U+FFFF stands for NUL while the message is read: with both in one message,
# the text cannot be told; the document says its NUL, not a part of it.
client.change(uri, 4, [{"text": "Name: a\0b\nDescription: \uffff\n"}])
params = client.diagnostics(uri)
check("a NUL and U+FFFF in one message: IE104, no diagnostic of a cut text",
      found(params) == [("IE104", 0, 0)], params)
client.change(uri, 5, [{"text": "Name: a-b\nDescription: x\n"}])
check("a full change brings the text back", found(client.diagnostics(uri)) == [])
client.send({"jsonrpc": "2.0", "id": "a\0b", "method": "textDocument/hover", "params": {}})
response = client.wait(lambda m: "error" in m or "result" in m)
check("an id holding a NUL is not answered as another id: InvalidRequest to null",
      response.get("id", 1) is None and response["error"]["code"] == -32600, response)
response = client.call("textDocument/hover", {"textDocument": {"uri": uri + "\0"},
                                              "position": {"line": 0, "character": 0}})
check("a NUL elsewhere in a request keeps its id", response.get("result", 1) is None, response)

# --- code actions -----------------------------------------------------------
with open(os.path.join(TESTDATA, "fixes", "enum-typo.yaml")) as f:
    typo = f.read()
with open(os.path.join(TESTDATA, "fixes", "enum-typo.yaml.fixed")) as f:
    fixed = f.read()
uri = uri_of("typo.yaml")
client.open(uri, typo)
params = client.diagnostics(uri)
check("the misspelt instance type is found", found(params) == [("IE206", 8, 22)], params)
response = client.call("textDocument/codeAction", {
    "textDocument": {"uri": uri},
    "range": {"start": {"line": 8, "character": 24}, "end": {"line": 8, "character": 24}},
    "context": {"diagnostics": params["diagnostics"]}})
actions = response["result"]
fixes = [a for a in actions if a["title"].startswith("Fix")]
disables = [a for a in actions if a["title"].startswith("Disable")]
check("a quick fix and a disable action are offered",
      len(fixes) == 1 and len(disables) == 1 and fixes[0]["isPreferred"]
      and fixes[0]["kind"] == "quickfix"
      and fixes[0]["diagnostics"][0]["code"] == "IE206", actions)
if fixes:
    edited = apply_edits(typo, fixes[0]["edit"]["changes"][uri])
    check("the fix's edit gives the fixed text", edited == fixed, edited)
if disables:
    edited = apply_edits(typo, disables[0]["edit"]["changes"][uri])
    check("the disable action appends the comment to the line",
          disables[0]["title"] == "Disable IE206 (invalid-enum) on this line"
          and edited.splitlines()[8] ==
          "        InstanceType: ml.m5.xlarg   # the comment stays  # ielint-disable-line IE206",
          edited)
    client.change(uri, 2, [{"text": edited}])
    check("once applied, the diagnostic is gone", found(client.diagnostics(uri)) == [])
text = typo.replace("# the comment stays", "# ielint-disable-line IE205")
client.change(uri, 3, [{"text": text}])
client.diagnostics(uri)
response = client.call("textDocument/codeAction", {
    "textDocument": {"uri": uri},
    "range": {"start": {"line": 8, "character": 22}, "end": {"line": 8, "character": 30}},
    "context": {"diagnostics": []}})
disables = [a for a in response["result"] if a["title"].startswith("Disable")]
check("the code joins an ielint-disable-line comment already on the line",
      disables and apply_edits(text, disables[0]["edit"]["changes"][uri]).splitlines()[8]
      == "        InstanceType: ml.m5.xlarg   # ielint-disable-line IE205,IE206",
      response)

# --- hover -----------------------------------------------------------------
client.change(uri, 4, [{"text": typo}])
client.diagnostics(uri)
response = client.call("textDocument/hover", {
    "textDocument": {"uri": uri}, "position": {"line": 8, "character": 25}})
value = (response.get("result") or {}).get("contents", {}).get("value", "")
check("hover on a diagnostic gives its rule, message and help in Markdown",
      "IE206" in value and "invalid-enum" in value and "ml.m5.xlarge" in value
      and response["result"]["contents"]["kind"] == "markdown"
      and response["result"]["range"]["start"] == {"line": 8, "character": 22}, response)
response = client.call("textDocument/hover", {
    "textDocument": {"uri": uri}, "position": {"line": 1, "character": 2}})
check("hover elsewhere answers without failing", "result" in response, response)
response = client.call("textDocument/completion", {
    "textDocument": {"uri": uri}, "position": {"line": 1, "character": 0}})
check("completion answers a list", isinstance(response.get("result"), (list, dict)), response)
response = client.call("textDocument/hover", {
    "textDocument": {"uri": uri_of("not-open.yaml")}, "position": {"line": 0, "character": 0}})
check("hover on a document not open is null", response.get("result", 1) is None, response)

# --- settings ---------------------------------------------------------------
update = ('Name: shadow-test\nSchedule:\n  StartTime: "2030-01-05T00:00:00Z"\n'
          '  EndTime: "2030-01-20T00:00:00Z"\n')
uri = uri_of("update.yaml")
client.open(uri, update)
check("without a status, the schedule change is only noted",
      found(client.diagnostics(uri)) == [("IE300", 2, 2)])
client.notify("workspace/didChangeConfiguration", {"settings": {"ielint": {
    "status": "Running", "now": "2030-01-01T00:00:00Z"}}})
params = client.diagnostics(uri)
check("didChangeConfiguration status Running: IE302 fires",
      found(params) == [("IE302", 2, 13)], params)
client.notify("workspace/didChangeConfiguration", {"settings": {"status": "Sleeping"}})
shown = client.wait(lambda m: m.get("method") == "window/showMessage")
params = client.diagnostics(uri)
check("a bad status is refused with a warning, the one before kept",
      shown["params"]["type"] == 2 and "Sleeping" in shown["params"]["message"]
      and found(params) == [("IE302", 2, 13)], (shown, params))
client.notify("workspace/didChangeConfiguration", {"settings": {
    "status": None, "current": os.path.join(TESTDATA, "current", "running.json")}})
params = client.diagnostics(uri)
related = [d.get("relatedInformation", [{}])[0].get("location", {}) for d in params["diagnostics"]
           if d["code"] == "IE312"]
check("current: the experiment a DescribeInferenceExperiment response describes is "
      "compared (another name, related to the response's file)",
      ("IE312", 0, 6) in found(params) and related
      and related[0]["uri"] == "file://" + os.path.join(TESTDATA, "current", "running.json")
      and related[0]["range"]["start"] == {"line": 2, "character": 12}, params)
client.notify("workspace/didChangeConfiguration", {"settings": {
    "current": os.path.join(work, "no-such-file.json")}})
shown = client.wait(lambda m: m.get("method") == "window/showMessage")
params = client.diagnostics(uri)
check("a current that does not load is refused, the one before kept",
      "no-such-file" in shown["params"]["message"] and ("IE312", 0, 6) in found(params),
      (shown, params))
client.notify("workspace/didChangeConfiguration", {"settings": {
    "current": None, "status": "Running"}})
client.diagnostics(uri)
client.notify("workspace/didChangeConfiguration", {"settings": {"disable": ["IE302"]}})
check("disable turns a rule off", found(client.diagnostics(uri)) == [])
client.notify("workspace/didChangeConfiguration",
              {"settings": {"disable": None, "status": None}})
check("null goes back to the command line's", found(client.diagnostics(uri)) == [("IE300", 2, 2)])

write("configured/.ielint.yaml", "disable: [IE205]\n")
uri = uri_of("configured/name.json")
client.open(uri, '{"Name": "my_exp", "Description": "x"}\n', "json")
check("a .ielint.yaml beside the document is honoured", found(client.diagnostics(uri)) == [])
os.chmod(write("writable/.ielint.yaml", "disable: [IE205]\n"), 0o666)
uri = uri_of("writable/name.json")
client.open(uri, '{"Name": "my_exp", "Description": "x"}\n', "json")
said = client.wait(lambda m: m.get("method") == "window/logMessage"
                   and "IE404" in m["params"]["message"])
check("a .ielint.yaml anyone may write is passed over, and the log says so (IE404)",
      found(client.diagnostics(uri)) == [("IE205", 0, 9)]
      and "writable/.ielint.yaml" in said["params"]["message"], said)
uri = uri_of("later/name.json")
client.open(uri, '{"Name": "my_exp", "Description": "x"}\n', "json")
check("with no .ielint.yaml, the rule is on", found(client.diagnostics(uri)) == [("IE205", 0, 9)])
config = uri_of("later/.ielint.yaml")
write("later/.ielint.yaml", "disable: [pattern-mismatch]\n")
client.open(config, "disable: [pattern-mismatch]\n")
check("a .ielint.yaml opened is no document to lint", client.diagnostics(config)["diagnostics"] == [])
client.notify("textDocument/didSave", {"textDocument": {"uri": config}})
check("a .ielint.yaml saved applies to the documents open", found(client.diagnostics(uri)) == [])
# Nothing the server reads from disk for a document may wait on a FIFO: a
# .ielint.yaml, or a module's other .tf file, that is one is passed over.
os.makedirs(os.path.join(work, "fifos"))
os.mkfifo(os.path.join(work, "fifos", ".ielint.yaml"))
os.mkfifo(os.path.join(work, "fifos", "other.tf"))
uri = uri_of("fifos/main.tf")
client.open(uri, 'resource "awscc_sagemaker_inference_experiment" "x" {\n  name = "my_exp"\n}\n',
            "terraform")
check("FIFOs beside a document (its .ielint.yaml, a module's .tf) are not waited on",
      ("IE205", 1, 9) in found(client.diagnostics(uri, timeout=5)))
uri = "untitled:Untitled-1"
client.open(uri, '{"Name": "my_exp", "Description": "x"}\n', "json")
check("an untitled document is linted by its language",
      found(client.diagnostics(uri)) == [("IE205", 0, 9)])

uri = uri_of("duplicate%20key.yaml")
client.open(uri, "Name: a\nDescription: x\nName: b\n")
params = client.diagnostics(uri)
related = params["diagnostics"][0].get("relatedInformation", [{}])[0].get("location", {})
check("a duplicate key points at the first as related information (URI percent-decoded)",
      found(params) == [("IE102", 2, 0)] and related.get("uri") == uri
      and related["range"]["start"] == {"line": 0, "character": 0}, params)

# --- kinds ------------------------------------------------------------------
client.notify("workspace/didChangeConfiguration", {"settings": {"now": "2029-12-20T00:00:00Z"}})
with open(os.path.join(TESTDATA, "cases", "cloudformation", "ie502-unknown-tag.yaml")) as f:
    template = f.read()
uri = uri_of("template.yaml")
client.open(uri, template)
params = client.diagnostics(uri)
check("a CloudFormation template gets its diagnostics",
      found(params) == [("IE502", 27, 20)], params)
with open(os.path.join(TESTDATA, "cases", "terraform", "attributes.tf")) as f:
    terraform = f.read()
uri = uri_of("main.tf")
client.open(uri, terraform, "terraform")
params = client.diagnostics(uri)
check("a Terraform configuration gets its diagnostics",
      ("IE205", 10, 13) in found(params) and ("IE202", 22, 8) in found(params), params)
uri = uri_of("other.yaml")
client.open(uri, "apiVersion: v1\nkind: ConfigMap\n")
params = client.diagnostics(uri)
said = client.wait(lambda m: m.get("method") == "window/logMessage"
                   and "left alone" in m["params"]["message"])
check("a YAML file that is no request is left alone, and the log says why",
      found(params) == [] and "other.yaml" in said["params"]["message"], (params, said))

check("shutdown answers null", client.call("shutdown")["result"] is None)
response = client.call("textDocument/hover", {"textDocument": {"uri": uri},
                                              "position": {"line": 0, "character": 0}})
check("a request after shutdown is an InvalidRequest",
      response.get("error", {}).get("code") == -32600, response)
client.notify("exit")
check("exit after shutdown ends with 0", client.finish() == 0)

# --- a Terraform module: its other files, --var-file ---------------------------
module = os.path.join(TESTDATA, "cases", "terraform-module")
tfvars = os.path.join(TESTDATA, "tfvars")
var_files = ["--var-file", os.path.join(tfvars, "prod.tfvars"),
             "--var-file", os.path.join(tfvars, "prod.tfvars.json")]
for name, args, expected in (
        ("main.tf", [], [("IE205", 9, 21), ("IE207", 36, 34)]),
        ("var-files.tf", var_files, [("IE205", 3, 18), ("IE206", 15, 27)])):
    client = Client(IELINT, "--now", "2030-01-01T00:00:00Z", *args, cwd=work)
    client.initialize()
    with open(os.path.join(module, name)) as f:
        text = f.read()
    uri = "file://" + os.path.join(module, name)
    client.open(uri, text, "terraform")
    params = client.diagnostics(uri)
    check("%s: the values of the module's other files%s are known"
          % (name, " and of --var-file" if args else ""), found(params) == expected, params)
    client.call("shutdown")
    client.notify("exit")
    check("%s: the server ends with 0" % name, client.finish() == 0)

# The protocol lets a server say nothing before initialize comes, and then
# only log and show messages until it is answered.
client = Client(IELINT, "--var-file", os.path.join(work, "no-such.tfvars"), cwd=work)
try:
    early = client.read(timeout=1)
except TimeoutError:
    early = None
id_ = client.request("initialize", {"capabilities": {}})
said = client.read()
check("a --var-file that cannot be read: nothing before initialize, the log while it is "
      "answered", early is None and said.get("method") == "window/logMessage"
      and "no-such.tfvars" in said["params"]["message"]
      and "result" in client.response(id_), (early, said))
client.call("shutdown")
client.notify("exit")
client.finish()

# --- robustness ---------------------------------------------------------------


def errors_of(raw, then=None):
    """The server's answers to raw bytes, then an initialize (whose answer
    proves it went on); and its exit status."""
    client = Client(IELINT, cwd=work)
    client.send_raw(raw)
    messages = []
    if then is not None:
        id_ = client.request("initialize", {"capabilities": {}})
        while True:
            message = client.read()
            messages.append(message)
            if message.get("id") == id_:
                break
    return messages, client.finish()


messages, status = errors_of(b"Garbage here\r\n\r\n", then=True)
check("a garbage header: ParseError (-32700), then the server goes on",
      messages[0].get("error", {}).get("code") == -32700 and messages[0]["id"] is None
      and "result" in messages[-1] and exited_cleanly(status), messages)
messages, status = errors_of(b"Content-Length: 9\r\n\r\n{\"bad\": }", then=True)
check("bad JSON: ParseError", messages[0].get("error", {}).get("code") == -32700
      and "result" in messages[-1], messages)
body = (b'{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": '
        b'{"uri": "untitled:raw", "languageId": "yaml", "version": 1, "text": "Name: a\0b"}}}')
messages, status = errors_of(b"Content-Length: %d\r\n\r\n" % len(body) + body, then=True)
check("a NUL byte not escaped is no JSON: ParseError, no document opened with a cut text",
      [(m.get("id"), m.get("error", {}).get("code")) for m in messages]
      == [(None, -32700), (1, None)], messages)
messages, status = errors_of(frame([1, 2]) + frame({"jsonrpc": "2.0", "id": 7}), then=True)
check("JSON that is no request: InvalidRequest (-32600), with its id when it has one",
      [m.get("error", {}).get("code") for m in messages[:2]] == [-32600, -32600]
      and messages[1]["id"] == 7, messages)
body = b'{"jsonrpc": "2.0", "method": "$/setTrace", "params": {"value": "off"}}'
messages, status = errors_of(b"Content-Length: %d\r\nX-Bad header\r\n\r\n" % len(body) + body
                             + frame({"jsonrpc": "2.0", "id": 9, "method": "shutdown"}),
                             then=True)
check("a header line without a colon beside a Content-Length: ParseError, the body skipped, "
      "the messages after it read",
      [(m.get("id"), m.get("error", {}).get("code")) for m in messages]
      == [(None, -32700), (9, -32002), (1, None)], messages)
messages, status = errors_of(b"Content-Length: %d\r\r\n\r\n" % len(body) + body, then=True)
check("a header block ending in a CR of its own: ParseError, the body skipped",
      [(m.get("id"), m.get("error", {}).get("code")) for m in messages]
      == [(None, -32700), (1, None)], messages)
messages, status = errors_of(b"Content-Length: %d\r\nContent-Length: %d\r\n\r\n"
                             % (len(body), len(body)) + body, then=True)
check("Content-Length twice with one value is one, as HTTP allows",
      len(messages) == 1 and "result" in messages[0], messages)
messages, status = errors_of(b"Content-Length: %d\r\nContent-Length: 3\r\n\r\n"
                             % len(body) + body + b"\r\n\r\n", then=True)
check("Content-Length twice with two values: ParseError, nothing skipped",
      messages[0].get("error", {}).get("code") == -32700 and "result" in messages[-1],
      messages)
big = 64 * 1024 * 1024 + 1
messages, status = errors_of(b"Content-Length: %d\r\n\r\n" % big + b" " * big, then=True)
check("a message over 64 MiB is skipped and answered, and the next one read",
      messages[0].get("error", {}).get("code") == -32600 and "result" in messages[-1],
      messages)
client = Client(IELINT, cwd=work)
client.send_raw(b"Content-Length: 100\r\n\r\n{\"jsonrpc\"")
status = client.finish()
check("a truncated message, then the end of input: a clean end with 1", status == 1, status)

client = Client(IELINT, cwd=work)
response = client.call("textDocument/hover", {})
check("a request before initialize: ServerNotInitialized (-32002)",
      response.get("error", {}).get("code") == -32002 and response["id"] == 1, response)
client.initialize()
response = client.call("no/such/method", {})
check("an unknown method: MethodNotFound (-32601) with the request's id",
      response.get("error", {}).get("code") == -32601 and response["id"] == 3, response)
response = client.call("initialized", {})
check("a notification's method sent as a request: MethodNotFound",
      response.get("error", {}).get("code") == -32601, response)
client.notify("shutdown")
client.notify("$/setTrace", {"value": "off"})
client.notify("exit")
check("exit without shutdown ends with 1", client.finish() == 1)

client, _ = session()
client.proc.stdout.close()
try:
    client.open(uri_of("gone.yaml"), "Name: my_exp\n")
    client.open(uri_of("gone.yaml"), "Name: my_exp\n")
except BrokenPipeError:
    pass
try:
    client.proc.stdin.close()
except BrokenPipeError:
    pass
status = client.proc.wait(10)
client.proc.stderr.close()
check("a closed output ends the server cleanly, no SIGPIPE", exited_cleanly(status), status)

# --- memory over many edits ---------------------------------------------------
measure = os.environ.get("LSP_MEASURE_MEMORY", "yes") == "yes"
client, _ = session()
uri = uri_of("edits.yaml")
client.open(uri, "Name: shadow-test\nDescription: x\n")
client.diagnostics(uri)
rss = []
for version in range(2, 10002 if measure else 502):
    char = "ab"[version % 2]
    client.change(uri, version, [{"range": {"start": {"line": 1, "character": 13},
                                            "end": {"line": 1, "character": 14}},
                                  "text": char}])
    client.diagnostics(uri)
    client.pending.clear()
    if version in (1001, 10001):
        rss.append(client.rss_kib())
client.call("shutdown")
client.notify("exit")
status = client.finish()
if measure:
    check("10,000 edits: memory stays flat (within 4 MiB of after the first 1,000)",
          len(rss) == 2 and rss[1] - rss[0] < 4096 and status == 0, rss)
else:
    check("500 edits, then shutdown and exit: 0", status == 0, status)

# --- many changes in one message, as a replace-all sends them ------------------
# 8,000 changes to a 3 MiB document, each inserting a line of its own below
# the last (its line counted after those before it), over lines that end
# in LF, CRLF and lone CR: each must land where the editor put it, and the
# message must cost the changes, not the changes times the document (it
# took 19 s when each change read the whole text for its lines).
import time  # noqa: E402

lines = ["# comment line %d, some text to make it longer%s" % (i, ("\n", "\r\n", "\r")[i % 3])
         for i in range(80000)]
client, _ = session()
uri = uri_of("replace-all.yaml")
client.open(uri, "Name: shadow-test\n" + "".join(lines))
client.diagnostics(uri, timeout=60)
changes, expected = [], []
for k in range(8000):
    line = 1 + 10 * k + k  # its place in the original, moved by k lines inserted
    # A member every tenth (under the 1,000 diagnostics a document shows),
    # a comment otherwise: each moves the lines after it alike.
    changes.append({"range": {"start": {"line": line, "character": 0},
                              "end": {"line": line, "character": 0}},
                    "text": ("K%d: 1\r\n" if k % 10 == 0 else "# %d\r\n") % k})
    if k % 10 == 0:
        expected.append(("IE202", line, 0))
started = time.monotonic()
client.change(uri, 2, changes)
params = client.diagnostics(uri, timeout=120)
took = time.monotonic() - started
check("8,000 changes in one message each land in place, over LF, CRLF and CR lines",
      sorted(found(params)) == sorted(expected), found(params)[:5])
if measure:
    check("and take under 5 s (%.1f s)" % took, took < 5, took)
client.call("shutdown")
client.notify("exit")
client.finish()

# --- every case document, through the server and through the command line -----
# A directory search leaves alone what the server leaves alone, so the two
# must find the same diagnostics at the same places: the command line's
# code-point columns converted to UTF-16 here, by lines as the protocol
# breaks them (CRLF, LF, lone CR). IE300 is said once per run by the
# command line, per document by the server.


def protocol_lines(text):
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def utf16_length(text):
    return sum(2 if ord(char) > 0xFFFF else 1 for char in text)


cases = os.path.join(TESTDATA, "cases")
run = subprocess.run([IELINT, "-f", "json", "."], cwd=cases, capture_output=True)
by_file = {}
for d in json.loads(run.stdout):
    if d["ruleId"] != "IE300":
        by_file.setdefault(os.path.normpath(d["file"]), []).append(d)
client, _ = session()
outside, differ, compared = [], [], 0
for directory, _, names in sorted(os.walk(cases)):
    for name in sorted(names):
        if not name.endswith((".json", ".yaml", ".yml", ".tf")):
            continue
        path = os.path.join(directory, name)
        with open(path, "rb") as f:
            raw = f.read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue  # the protocol carries only UTF-8 text
        # U+2028, U+2029 and U+0085 are line breaks to the YAML parser (so
        # to the command line's line numbers), not to editors.
        if any(char in text for char in "\u2028\u2029\x85"):
            continue
        uri = "file://" + path
        client.open(uri, text, "terraform" if name.endswith(".tf") else "yaml")
        params = client.diagnostics(uri)
        client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        client.diagnostics(uri)
        client.pending.clear()
        compared += 1
        lines = protocol_lines(text)
        for d in params["diagnostics"]:
            start, end = d["range"]["start"], d["range"]["end"]
            if not ((start["line"], start["character"]) <= (end["line"], end["character"])
                    and all(p["line"] < len(lines)
                            and p["character"] <= utf16_length(lines[p["line"]])
                            for p in (start, end))):
                outside.append((path, d["code"], d["range"]))
        got = sorted((d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"])
                     for d in params["diagnostics"] if d["code"] != "IE300")
        want = sorted((d["ruleId"], d["line"] - 1,
                       utf16_length(lines[d["line"] - 1][:d["column"] - 1]))
                      for d in by_file.get(os.path.relpath(path, cases), []))
        if got != want:
            differ.append((path, want, got))
client.call("shutdown")
client.notify("exit")
client.finish()
check("each case document (%d): every range within the document, end after start" % compared,
      compared > 1500 and not outside, outside[:10])
check("each case document: the server's diagnostics are the command line's, at the "
      "same places in UTF-16", not differ, differ[:5])

shutil.rmtree(work)
print("1..%d" % count)
sys.exit(1 if failed else 0)
