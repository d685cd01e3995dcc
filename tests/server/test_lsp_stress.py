"""Every request kind the server supports, sent against 1 MB lines, 100k-token lines and a 10 MB document, answers
within a generous bound, and the server stays live for everyone else. The request list comes from the server's own
registered features, so a new feature is covered (or this test says which params it needs) without being listed.

Each request is sent twice: right after the documents open (no typed AST yet: the text-based paths, such as the
line scans of signature help, completion and code lenses) and again once each document has been checked (the AST
paths)."""

from __future__ import annotations

import os
import re
import signal
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from lsp_harness import daemon_log, start_daemon, stop_daemon
from lsprotocol import types
from raw_client import RawClient, notification

from server.app import build_server
from server.hub import Hub

BOUND = 30.0
"""Seconds one request may take, on a loaded two-core machine, against the largest of these inputs."""

MB = 1_000_000
HEADER = "module {name} where\n\nimport Prelude\n\nf :: Int -> Int\nf x = x + 1\n\ng :: Int -> Int\ng x = x\n\n"


def wide_document() -> tuple[str, list[tuple[int, int]]]:
    """Well-formed lines that are each 1 MB long or 100k tokens wide; and the positions to probe on them."""
    lines = [
        "longString = \"" + "a" * MB + "\"",  # a 1 MB string: every scan of the prefix crosses it
        "longName" + "x" * MB + " = 1",  # a 1 MB identifier
        "-- > f 1" + " " * (MB // 4) + "2",  # a `-- >` example line with a long inner run of spaces
        "list = [" + ", ".join(["1"] * 100_000) + "]",  # 100k tokens
        "calls = [" + ", ".join(["f 1"] * 34_000) + "]",  # 100k tokens of applications
        "spaced = f" + " " * MB + "1",  # 1 MB of spaces between a function and its argument
    ]
    text = HEADER.format(name="Wide") + "\n\n".join(lines) + "\n"
    return text, probes(text)


def broken_document() -> tuple[str, list[tuple[int, int]]]:
    """Lines that do not parse: a 100k-segment qualified name, 100k unmatched brackets, 100k nested parentheses."""
    lines = [
        "qualified = " + "A." * 100_000 + "b",
        "closers = " + " ".join([")"] * 100_000),
        "nested = " + "(" * 100_000 + "1",
        "operators = 1 " + "+ " * 100_000,
        "apps = g " + " ".join(["1"] * 100_000),  # 100k arguments
    ]
    text = HEADER.format(name="Broken") + "\n\n".join(lines) + "\n"
    return text, probes(text)


def huge_document() -> tuple[str, list[tuple[int, int]]]:
    """10 MB of ordinary declarations: over the server's file-size limit."""
    body = "".join(f"v{i} :: Int\nv{i} = {i}\n\n" for i in range(500_000))
    text = HEADER.format(name="Huge") + body
    assert len(text) > 10 * MB
    return text, [(12, 0), (len(text.splitlines()) // 2, 3), (len(text.splitlines()) - 1, 0)]


def probes(text: str) -> list[tuple[int, int]]:
    """On every long line: the start, the middle and the end."""
    found = [(6, 0)]
    for number, line in enumerate(text.splitlines()):
        if len(line) > 10_000:
            found += [(number, 0), (number, len(line) // 2), (number, len(line))]
    return found


def position(line: int, character: int) -> dict[str, int]:
    return {"line": line, "character": character}


def params_for(method: str, uri: str, at: tuple[int, int]) -> Any:
    """Valid params for `method` about document `uri` at `at`; fails the test for a method it does not know, so a
    newly registered feature gets its params added here (and is then stressed like the others)."""
    pos = position(*at)
    document = {"uri": uri}
    where = {"textDocument": document, "position": pos}
    known: dict[str, Any] = {
        types.TEXT_DOCUMENT_HOVER: where,
        types.TEXT_DOCUMENT_DEFINITION: where,
        types.TEXT_DOCUMENT_TYPE_DEFINITION: where,
        types.TEXT_DOCUMENT_DOCUMENT_HIGHLIGHT: where,
        types.TEXT_DOCUMENT_SIGNATURE_HELP: where,
        types.TEXT_DOCUMENT_PREPARE_RENAME: where,
        types.TEXT_DOCUMENT_PREPARE_CALL_HIERARCHY: where,
        types.TEXT_DOCUMENT_COMPLETION: {**where, "context": {"triggerKind": 1}},
        types.TEXT_DOCUMENT_REFERENCES: {**where, "context": {"includeDeclaration": True}},
        types.TEXT_DOCUMENT_RENAME: {**where, "newName": "renamed"},
        types.TEXT_DOCUMENT_DOCUMENT_SYMBOL: {"textDocument": document},
        types.TEXT_DOCUMENT_CODE_LENS: {"textDocument": document},
        types.TEXT_DOCUMENT_FOLDING_RANGE: {"textDocument": document},
        types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL: {"textDocument": document},
        types.TEXT_DOCUMENT_FORMATTING: {"textDocument": document, "options": {"tabSize": 2, "insertSpaces": True}},
        types.TEXT_DOCUMENT_RANGE_FORMATTING: {"textDocument": document, "range": {"start": pos, "end": pos},
                                               "options": {"tabSize": 2, "insertSpaces": True}},
        types.TEXT_DOCUMENT_INLAY_HINT: {"textDocument": document, "range": {"start": position(0, 0),
                                                                             "end": position(at[0] + 1, 0)}},
        types.TEXT_DOCUMENT_CODE_ACTION: {"textDocument": document, "range": {"start": pos, "end": pos},
                                          "context": {"diagnostics": []}},
        types.TEXT_DOCUMENT_SELECTION_RANGE: {"textDocument": document, "positions": [pos]},
        types.WORKSPACE_SYMBOL: {"query": "long"},
        types.CALL_HIERARCHY_INCOMING_CALLS: {"item": call_item(uri)},
        types.CALL_HIERARCHY_OUTGOING_CALLS: {"item": call_item(uri)},
        types.WORKSPACE_WILL_RENAME_FILES: {"files": [{"oldUri": uri, "newUri": uri.replace(".nova", "2.nova")}]},
        types.COMPLETION_ITEM_RESOLVE: {"label": "f", "data": {"module": "Wide", "key": "f", "uri": uri}},
        "nova/evaluate": {"textDocument": document, "expression": "f 41"},
        "nova/ping": {},
        types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL_DELTA: {"textDocument": document, "previousResultId": "1"},
        types.TEXT_DOCUMENT_SEMANTIC_TOKENS_RANGE: {"textDocument": document, "range": {
            "start": position(0, 0), "end": position(at[0] + 1, 0)}},
        types.INLAY_HINT_RESOLVE: {"position": pos, "label": [{"value": ":: "}, {"value": "Int"}],
                                   "data": {"uri": uri, "targets": [[1, "Prim", "type:Int"]]}},
        types.TEXT_DOCUMENT_DIAGNOSTIC: {"textDocument": document},
        types.WORKSPACE_DIAGNOSTIC: {"previousResultIds": []},
        "nova/typeEnclosing": {"textDocument": document, "range": {"start": pos, "end": pos}},
        "nova/layers": {},
    }
    assert method in known, f"the stress test needs params for {method!r}: add them to params_for"
    return known[method]


def call_item(uri: str) -> dict[str, Any]:
    """A call hierarchy item for `f` of the document (as prepareCallHierarchy would give it)."""
    whole = {"start": position(5, 0), "end": position(5, 11)}
    module = uri.rsplit("/", 1)[-1].removesuffix(".nova")
    return {"name": "f", "kind": 12, "uri": uri, "range": whole, "selectionRange": whole,
            "data": {"module": module, "key": "f", "uri": uri}}


def request_methods() -> list[str]:
    """The requests the server registers (notifications are sent as part of the scenario)."""
    ls = build_server(Hub(cache_enabled=False))
    methods = []
    for method in sorted(ls.protocol.fm.features):
        message_type = types.METHOD_TO_TYPES.get(method, (None,))[0]
        if message_type is None or message_type.__name__.endswith("Request"):
            methods.append(method)
    return [m for m in methods if m not in (types.INITIALIZE, types.SHUTDOWN)]


POSITIONLESS = {types.TEXT_DOCUMENT_DOCUMENT_SYMBOL, types.TEXT_DOCUMENT_CODE_LENS, types.WORKSPACE_SYMBOL,
                types.TEXT_DOCUMENT_FOLDING_RANGE, types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL,
                types.TEXT_DOCUMENT_FORMATTING, types.TEXT_DOCUMENT_RANGE_FORMATTING,
                types.COMPLETION_ITEM_RESOLVE, types.WORKSPACE_WILL_RENAME_FILES,
                types.CALL_HIERARCHY_INCOMING_CALLS, types.CALL_HIERARCHY_OUTGOING_CALLS,
                "nova/evaluate", "nova/ping"}


@pytest_asyncio.fixture
async def daemon(tmp_path: Path) -> AsyncIterator[tuple[Path, int]]:
    path = tmp_path / "nova.sock"
    # A limit above the two parsed documents (about 3 MB each), below the 10 MB one.
    process = await start_daemon(path, tmp_path / "cache", "--no-cache", "--max-file-size", "4M")
    try:
        yield path, process.pid
    finally:
        await stop_daemon(process)


class Timed:
    def __init__(self, daemon: tuple[int, Path] | None = None) -> None:
        self.daemon = daemon
        self.slowest: tuple[float, str] = (0.0, "")
        self.ids = iter(range(1, 10**9))

    def stacks(self) -> str:
        """The daemon's threads' stacks (it dumps them to its log on SIGUSR1)."""
        if self.daemon is None:
            return "(unknown)"
        pid, log = self.daemon
        os.kill(pid, signal.SIGUSR1)
        time.sleep(1)
        return log.read_text(errors="replace")[-8000:]

    async def call(self, client: RawClient, method: str, params: Any) -> dict[str, Any]:
        msg_id = next(self.ids)
        began = time.monotonic()
        try:
            answer = await client.call(msg_id, method, params, timeout=BOUND)
        except TimeoutError:
            where = params.get("position") if isinstance(params, dict) else None
            raise AssertionError(f"{method} at {where} took more than {BOUND} s; the server was doing:\n"
                                 f"{self.stacks()}") from None
        took = time.monotonic() - began
        where = params.get("position") if isinstance(params, dict) else None
        self.slowest = max(self.slowest, (took, f"{method} {where or ''}"))
        assert "result" in answer or answer["error"]["code"] != -32603, f"{method} failed inside: {answer}"
        return answer


async def wait_checked(client: RawClient, uris: set[str], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    pending = set(uris) - {n["params"]["uri"] for n in client.notifications
                           if n.get("method") == "textDocument/publishDiagnostics"}
    while pending:
        message = await client.read_message(timeout=max(1.0, deadline - time.monotonic()))
        assert message is not None
        if message.get("method") == "textDocument/publishDiagnostics":
            pending.discard(message["params"]["uri"])
        elif "method" in message and "id" in message:
            client.send({"jsonrpc": "2.0", "id": message["id"], "result": None})


@pytest.mark.timeout(900)
@pytest.mark.asyncio
async def test_every_request_kind_on_huge_lines_and_documents_answers_in_bounded_time(
    daemon: tuple[Path, int], tmp_path: Path
) -> None:
    socket_path, pid = daemon
    documents = {"Wide": wide_document(), "Broken": broken_document(), "Huge": huge_document()}
    methods = request_methods()
    assert {types.TEXT_DOCUMENT_HOVER, types.TEXT_DOCUMENT_SIGNATURE_HELP, "nova/evaluate"} <= set(methods)
    client = await RawClient.unix(socket_path)
    await client.initialize(workspaceFolders=[{"uri": tmp_path.as_uri(), "name": "stress"}])
    bystander = await RawClient.unix(socket_path)
    await bystander.initialize()
    uris = {name: (tmp_path / f"{name}.nova").as_uri() for name in documents}
    for name, (text, _) in documents.items():
        client.send(notification("textDocument/didOpen", {"textDocument": {
            "uri": uris[name], "languageId": "nova", "version": 1, "text": text}}))
    timed = Timed((pid, daemon_log(socket_path)))

    async def every_request() -> None:
        for name, (_, spots) in documents.items():
            for method in methods:
                for spot in spots[:1] if method in POSITIONLESS else spots:
                    await timed.call(client, method, params_for(method, uris[name], spot))
            for command, arguments in (("nova.dumpState", []), ("nova.evaluate", [uris[name], "g 1"])):
                await timed.call(client, "workspace/executeCommand", {"command": command, "arguments": arguments})
            # the other connection is served meanwhile
            assert (await timed.call(bystander, "nova/ping", {}))["result"] == {}

    await every_request()
    await wait_checked(client, set(uris.values()), timeout=600)
    await every_request()
    # an edit of the 1 MB line at its end, then the requests on the edited text
    edit = {"range": {"start": position(12, 10), "end": position(12, 11)}, "text": "b"}
    client.send(notification("textDocument/didChange", {"textDocument": {"uri": uris["Wide"], "version": 2},
                                                        "contentChanges": [edit]}))
    hover = await timed.call(client, types.TEXT_DOCUMENT_HOVER, params_for(types.TEXT_DOCUMENT_HOVER, uris["Wide"],
                                                                            (12, 5)))
    assert "error" not in hover
    evaluated = await timed.call(client, "nova/evaluate", params_for("nova/evaluate", uris["Wide"], (0, 0)))
    assert evaluated["result"]["value"] == "42", evaluated
    too_large = await timed.call(client, "nova/evaluate", params_for("nova/evaluate", uris["Huge"], (0, 0)))
    assert "too large" in too_large["result"]["error"]
    assert (await timed.call(bystander, "nova/ping", {}))["result"] == {}
    print(f"slowest request: {timed.slowest[0]:.2f} s ({timed.slowest[1]})")
    assert timed.slowest[0] < BOUND
    await client.close()
    await bystander.close()


def test_the_probed_lines_are_as_long_as_promised() -> None:
    wide, spots = wide_document()
    lines = wide.splitlines()
    assert max(len(line) for line in lines) >= MB
    assert sum(1 for line in lines if len(re.findall(r"\w+|[^\w\s]", line)) >= 100_000) >= 2
    assert len(spots) >= 3 * 6
    assert len(huge_document()[0].encode()) > 10 * MB
