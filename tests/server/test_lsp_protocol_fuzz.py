"""A protocol fuzzer against a live daemon: random byte streams and mutated frames on fresh connections, random
parameters for every request kind and random notifications on an initialized one. Whatever arrives, each request
gets exactly one answer (a result or a JSON-RPC error), a broken stream gets errors and a close — never silence —
and a well-behaved bystander is served throughout. `pytest --soak` runs thousands of examples of each."""

from __future__ import annotations

import json
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings
from lsp_harness import REPO, SERVER, server_env
from raw_client import INITIALIZE, frame, notification, request

FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
ANSWER_SECONDS = 20.0

DOCUMENT = "module Fuzz where\n\nimport Prelude\n\nanswer :: Int\nanswer = 6 * 7\n\nshout :: String -> String\n" \
           "shout s = s <> \"!\"\n"
REQUESTS = [
    "textDocument/hover", "textDocument/definition", "textDocument/typeDefinition", "textDocument/references",
    "textDocument/documentHighlight", "textDocument/documentSymbol", "textDocument/completion",
    "completionItem/resolve", "textDocument/signatureHelp", "textDocument/codeLens", "codeLens/resolve",
    "textDocument/codeAction", "textDocument/rename", "textDocument/prepareRename", "textDocument/formatting",
    "textDocument/rangeFormatting", "textDocument/foldingRange", "textDocument/selectionRange",
    "textDocument/semanticTokens/full", "textDocument/semanticTokens/range", "textDocument/inlayHint",
    "textDocument/diagnostic", "textDocument/prepareCallHierarchy", "callHierarchy/incomingCalls",
    "callHierarchy/outgoingCalls", "workspace/symbol", "workspace/executeCommand", "nova/evaluate", "nova/ping",
    "initialize", "shutdown-not-really", "$/unknown",
]
NOTIFICATIONS = [
    "textDocument/didOpen", "textDocument/didChange", "textDocument/didSave", "textDocument/didClose",
    "workspace/didChangeConfiguration", "workspace/didChangeWorkspaceFolders", "workspace/didChangeWatchedFiles",
    "$/cancelRequest", "$/setTrace", "initialized",
]


# ---- a blocking client with deadlines -----------------------------------------------------------------------------


class Connection:
    def __init__(self, path: Path) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(ANSWER_SECONDS)
        self.sock.connect(str(path))
        self.buffer = b""

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def message(self) -> dict[str, Any] | None:
        """The next message; None once the server closed the connection. A silent server fails the test."""
        while b"\r\n\r\n" not in self.buffer:
            if not self._more():
                return None
        header, _, rest = self.buffer.partition(b"\r\n\r\n")
        lengths = [int(line.split(b":")[1]) for line in header.split(b"\r\n")
                   if line.lower().startswith(b"content-length:")]
        assert len(lengths) == 1, header  # the server's own frames are always well formed
        while len(rest) < lengths[0]:
            if not self._more():
                raise AssertionError("the server closed the connection in the middle of a frame")
            rest = self.buffer.partition(b"\r\n\r\n")[2]
        self.buffer = rest[lengths[0]:]
        message = json.loads(rest[:lengths[0]])
        assert isinstance(message, dict) and message.get("jsonrpc") == "2.0", message
        return message

    def _more(self) -> bool:
        try:
            chunk = self.sock.recv(1 << 16)
        except (ConnectionResetError, BrokenPipeError):
            return False
        except TimeoutError:
            raise AssertionError(f"the server was silent for {ANSWER_SECONDS} s") from None
        self.buffer += chunk
        return bool(chunk)

    def answer(self, msg_id: Any) -> dict[str, Any] | None:
        """The response to `msg_id` (server → client requests answered with null); None if the connection closed."""
        while (message := self.message()) is not None:
            if "method" in message:
                if "id" in message:
                    self.send(frame({"jsonrpc": "2.0", "id": message["id"], "result": None}))
                continue
            if message.get("id") == msg_id:
                return message
        return None

    def close(self) -> None:
        self.sock.close()


@pytest.fixture(scope="module")
def daemon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "nova.sock"
    process = subprocess.Popen(
        [*SERVER, "--socket", str(path), "--no-cache", "--stall-timeout", "1", "--max-eval-seconds", "2",
         "--log-file", str(folder / "server.log")], env=server_env(folder / "cache"), cwd=REPO,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while not path.exists():
        assert process.poll() is None and time.monotonic() < deadline, "the daemon did not start"
        time.sleep(0.05)
    try:
        yield path
    finally:
        assert process.poll() is None, "the daemon died during the fuzzing"
        process.terminate()
        process.wait(timeout=20)


def initialized(path: Path, project: Path | None = None) -> Connection:
    connection = Connection(path)
    params: dict[str, Any] = dict(INITIALIZE)
    if project is not None:
        params["workspaceFolders"] = [{"uri": project.as_uri(), "name": "fuzz"}]
    connection.send(frame(request("init", "initialize", params)))
    answer = connection.answer("init")
    assert answer is not None and "capabilities" in answer["result"]
    connection.send(frame(notification("initialized", {})))
    return connection


def assert_served(path: Path) -> None:
    bystander = initialized(path)
    try:
        bystander.send(frame(request("still", "nova/ping", {})))
        assert (bystander.answer("still") or {}).get("result") == {}
    finally:
        bystander.close()


@pytest.fixture(scope="module")
def editor(daemon: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Connection, str]]:
    """One initialized connection with a workspace folder and an open document, shared by the parameter fuzzer."""
    project = tmp_path_factory.mktemp("project")
    (project / "Fuzz.nova").write_text(DOCUMENT)
    connection = initialized(daemon, project)
    uri = (project / "Fuzz.nova").as_uri()
    connection.send(frame(notification("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "nova", "version": 1, "text": DOCUMENT}})))
    yield connection, uri
    connection.close()


# ---- strategies ---------------------------------------------------------------------------------------------------

scalars = (st.none() | st.booleans() | st.integers(-(2**64), 2**64) | st.floats(allow_nan=False)
           | st.text(max_size=30) | st.sampled_from(["", "file:///etc/passwd", "untitled:x", "\x00", "😀" * 3]))
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=12), inner, max_size=4), max_leaves=20)
numbers = st.integers(-(2**40), 2**40) | st.sampled_from([0, 1, -1, 2**31 - 1, 2**31, 2**53]) | st.floats()


def positions() -> st.SearchStrategy[Any]:
    return st.fixed_dictionaries({"line": numbers, "character": numbers}) | json_values


def near_valid_params(uri: str) -> st.SearchStrategy[Any]:
    """Parameters shaped like the real ones, with some fields wrong: reaches past the handlers' first checks."""
    document = st.fixed_dictionaries({"uri": st.sampled_from([uri, uri + "x", "file:///nope.nova", "::"]) | scalars})
    range_ = st.fixed_dictionaries({"start": positions(), "end": positions()})
    fields = {
        "textDocument": document, "position": positions(), "range": range_, "query": st.text(max_size=40),
        "expression": st.text(max_size=40) | st.sampled_from(["answer", "shout \"x\"", "let f x = f x in f 1"]),
        "newName": st.text(max_size=10), "context": json_values, "item": json_values, "command": st.text(max_size=20)
        | st.sampled_from(["nova.evaluate", "nova.dumpState"]), "arguments": st.lists(json_values, max_size=3),
        "options": json_values, "contentChanges": st.lists(json_values, max_size=3), "settings": json_values,
    }
    return st.fixed_dictionaries({}, optional=fields)


# ---- the fuzzers --------------------------------------------------------------------------------------------------


@st.composite
def byte_streams(draw: st.DrawFn) -> bytes:
    """Frames a careless or hostile client might send: headers with odd names, counts and line ends, bodies that
    are not JSON or not JSON-RPC, pieces of valid frames, raw bytes."""
    pieces: list[bytes] = []
    for _ in range(draw(st.integers(1, 4))):
        body = draw(st.binary(max_size=40) | json_values.map(lambda v: json.dumps(v).encode())
                    | st.builds(lambda m, p: json.dumps(request(1, m, p)).encode(), st.sampled_from(REQUESTS),
                                json_values))
        length = draw(st.sampled_from([str(len(body)), str(len(body) + 3), str(max(len(body) - 1, 0)), "-1", "abc",
                                       "", "1e3", " 2 ", "99999999999999999999"]))
        end = draw(st.sampled_from([b"\r\n", b"\n", b"\r"]))
        headers = [b"Content-Length: " + length.encode()]
        headers += draw(st.lists(st.sampled_from([b"Content-Type: application/vscode-jsonrpc; charset=utf-8",
                                                  b"Content-Length: 2", b"X: y", b"no colon", b"\xff\xfe"]),
                                 max_size=2))
        piece = end.join(headers) + end + end + body
        pieces.append(draw(st.sampled_from([piece, piece[: len(piece) // 2], piece + b"\x00"])))
    return b"".join(pieces)


@FUZZ
@given(stream=byte_streams())
def test_any_byte_stream_gets_answers_or_a_close_and_never_silence(daemon: Path, stream: bytes) -> None:
    connection = initialized(daemon)
    try:
        connection.send(stream + frame(request("probe", "nova/ping", {})))
        answer = connection.answer("probe")  # the probe is answered, or the connection is closed: both in bounded time
        assert answer is None or answer.get("result") == {} or "error" in answer
    finally:
        connection.close()
    assert_served(daemon)


@FUZZ
@given(method=st.sampled_from(REQUESTS), data=st.data())
def test_every_request_kind_answers_any_parameters(
    editor: tuple[Connection, str], daemon: Path, method: str, data: st.DataObject
) -> None:
    connection, uri = editor
    params = data.draw(near_valid_params(uri) | json_values, label="params")
    msg_id = data.draw(st.integers(0, 2**31) | st.text(min_size=1, max_size=8), label="id")
    message = request(msg_id, method, params)
    if data.draw(st.booleans(), label="drop params"):
        message.pop("params", None)
    connection.send(frame(message))
    answer = connection.answer(msg_id)
    assert answer is not None, "the server closed an initialized connection over a request's parameters"
    assert ("result" in answer) != ("error" in answer), answer
    if "error" in answer:
        assert isinstance(answer["error"]["code"], int) and isinstance(answer["error"]["message"], str)
    connection.send(frame(request("ping", "nova/ping", {})))  # the connection itself still works
    assert (connection.answer("ping") or {}).get("result") == {}


@FUZZ
@given(method=st.sampled_from(NOTIFICATIONS), data=st.data())
def test_notifications_with_any_parameters_never_break_the_connection(
    daemon: Path, method: str, data: st.DataObject
) -> None:
    connection = initialized(daemon)
    try:
        params = data.draw(near_valid_params("untitled:Fuzz.nova") | json_values, label="params")
        connection.send(frame(notification(method, params)))
        connection.send(frame(request("after", "textDocument/hover", {
            "textDocument": {"uri": "untitled:Fuzz.nova"}, "position": {"line": 0, "character": 0}})))
        answer = connection.answer("after")
        assert answer is not None and ("result" in answer or "error" in answer)
    finally:
        connection.close()
