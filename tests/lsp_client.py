"""A small Language Server Protocol client for the tests and the benchmark:
starts `ielint --lsp`, frames messages, reads them back with a timeout, and
applies text edits in UTF-16 positions as an editor does."""
import json
import os
import select
import subprocess
import time


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Client:
    def __init__(self, ielint, *args, cwd=None):
        self.proc = subprocess.Popen([ielint, "--lsp", *args], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     cwd=cwd)
        self.buffer = b""
        self.next_id = 0
        self.pending = []

    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        self.send_raw(frame(message))

    def notify(self, method, params=None):
        message = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    def request(self, method, params=None):
        self.next_id += 1
        message = {"jsonrpc": "2.0", "id": self.next_id, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        return self.next_id

    def _fill(self, deadline):
        fd = self.proc.stdout.fileno()
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
            raise TimeoutError("no message from the server")
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            raise EOFError("the server closed its output")
        self.buffer += chunk

    def read(self, timeout=10):
        deadline = time.monotonic() + timeout
        while b"\r\n\r\n" not in self.buffer:
            self._fill(deadline)
        header, rest = self.buffer.split(b"\r\n\r\n", 1)
        length = int(header.split(b":")[1])
        while len(rest) < length:
            self._fill(deadline)
            header, rest = self.buffer.split(b"\r\n\r\n", 1)
        self.buffer = rest[length:]
        return json.loads(rest[:length])

    def wait(self, predicate, timeout=10):
        """The first message (held back or new) for which predicate holds."""
        for i, message in enumerate(self.pending):
            if predicate(message):
                return self.pending.pop(i)
        while True:
            message = self.read(timeout)
            if predicate(message):
                return message
            self.pending.append(message)

    def response(self, id_, timeout=10):
        return self.wait(lambda m: m.get("id") == id_ and "method" not in m, timeout)

    def call(self, method, params=None, timeout=10):
        return self.response(self.request(method, params), timeout)

    def diagnostics(self, uri, timeout=10):
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri, timeout)["params"]

    def initialize(self, options=None):
        params = {"processId": None, "rootUri": None, "capabilities": {}}
        if options is not None:
            params["initializationOptions"] = options
        result = self.call("initialize", params)
        self.notify("initialized", {})
        return result

    def open(self, uri, text, language="yaml", version=1):
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": language, "version": version, "text": text}})

    def change(self, uri, version, changes):
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": changes})

    def finish(self, timeout=10):
        """Closes the server's input; its exit status."""
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        try:
            return self.proc.wait(timeout)
        finally:
            self.proc.stdout.close()
            self.proc.stderr.close()

    def rss_kib(self):
        with open("/proc/%d/status" % self.proc.pid) as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0


def offset_of(text, position):
    """The index in text of an LSP position (UTF-16 characters)."""
    lines = text.splitlines(keepends=True)
    index = sum(len(line) for line in lines[:position["line"]])
    line = lines[position["line"]] if position["line"] < len(lines) else ""
    units = 0
    for i, char in enumerate(line.rstrip("\r\n")):
        if units >= position["character"]:
            return index + i
        units += 2 if ord(char) > 0xFFFF else 1
    return index + len(line.rstrip("\r\n"))


def apply_edits(text, edits):
    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"],
                                             e["range"]["start"]["character"]), reverse=True):
        start = offset_of(text, edit["range"]["start"])
        end = offset_of(text, edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text
