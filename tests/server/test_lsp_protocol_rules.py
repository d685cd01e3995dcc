"""JSON-RPC and LSP life-cycle rules: invalid requests get -32600, requests before `initialize` -32002, a second
`initialize` an error (and document sync keeps working), requests after `shutdown` an error — never silence."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from lsp_harness import start_daemon, stop_daemon
from raw_client import INITIALIZE, RawClient, notification, request


@pytest_asyncio.fixture
async def socket_path(tmp_path: Path) -> AsyncIterator[Path]:
    path = tmp_path / "nova.sock"
    process = await start_daemon(path, tmp_path / "cache", "--no-cache")
    try:
        yield path
    finally:
        await stop_daemon(process)


def error_of(message: dict[str, Any], code: int) -> str:
    assert "result" not in message and message["error"]["code"] == code, message
    return str(message["error"]["message"])


@pytest.mark.asyncio
async def test_requests_before_initialize_get_server_not_initialized(socket_path: Path) -> None:
    client = await RawClient.unix(socket_path)
    for msg_id, method in ((1, "textDocument/hover"), ("two", "nova/evaluate"), (3, "workspace/symbol")):
        params = {"textDocument": {"uri": "file:///x.nova"}, "position": {"line": 0, "character": 0},
                  "expression": "1", "query": ""}
        assert "not initialized" in error_of(await client.call(msg_id, method, params), -32002)
    client.send(notification("textDocument/didOpen", {"textDocument": {
        "uri": "file:///tmp/Early.nova", "languageId": "nova", "version": 1, "text": "module Early where\n"}}))
    answer = await client.initialize()
    assert answer["result"]["serverInfo"]["name"] == "nova-lsp"
    assert (await client.call(4, "nova/ping", {}))["result"] == {}
    state = (await client.call(5, "workspace/executeCommand", {"command": "nova.dumpState"}))["result"]
    assert state["sessions"] == []  # the didOpen sent before initialize was dropped
    await client.close()


@pytest.mark.asyncio
async def test_a_second_initialize_is_refused_and_document_sync_keeps_working(socket_path: Path) -> None:
    client = await RawClient.unix(socket_path)
    await client.initialize()
    again = await client.call("again", "initialize", INITIALIZE)
    assert "only once" in error_of(again, -32600)
    uri = "file:///tmp/Twice.nova"
    client.send(notification("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "nova", "version": 1, "text": "module Twice where\n\nx :: Int\nx = 1\n"}}))
    client.send(notification("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {"start": {"line": 3, "character": 4}, "end": {"line": 3, "character": 5}},
                            "text": "\"one\""}]}))
    while True:  # the change is checked: its type error arrives
        message = await client.read_message()
        assert message is not None
        if message.get("method") == "textDocument/publishDiagnostics" and message["params"].get("version") == 2:
            assert any("String" in d["message"] for d in message["params"]["diagnostics"])
            break
    await client.close()


@pytest.mark.asyncio
@pytest.mark.parametrize(("message", "answer_id", "reason"), [
    ({"jsonrpc": "2.0", "id": 11}, 11, "needs a method"),
    ({"jsonrpc": "2.0", "id": 1.5, "method": "nova/ping"}, None, "integer or a string"),
    ({"jsonrpc": "2.0", "id": {"a": 1}, "method": "nova/ping"}, None, "integer or a string"),
    ({"jsonrpc": "2.0", "id": [1], "method": "nova/ping"}, None, "integer or a string"),
    ({"jsonrpc": "2.0", "id": True, "method": "nova/ping"}, None, "integer or a string"),
    ({"jsonrpc": "2.0", "id": 12, "method": 7}, 12, "non-empty string"),
    ({"jsonrpc": "2.0", "id": 13, "method": ""}, 13, "non-empty string"),
    ({"jsonrpc": "1.0", "id": 14, "method": "nova/ping"}, 14, "jsonrpc"),
    ({"id": 15, "method": "nova/ping"}, 15, "jsonrpc"),
    ({"jsonrpc": "2.0", "id": 16, "method": "nova/ping", "params": 5}, 16, "object or an array"),
    ([{"jsonrpc": "2.0", "id": 17, "method": "nova/ping"}], None, "JSON object"),
    ("hello", None, "JSON object"),
    (42, None, "JSON object"),
])
async def test_invalid_requests_get_invalid_request(
    socket_path: Path, message: Any, answer_id: Any, reason: str
) -> None:
    client = await RawClient.unix(socket_path)
    await client.initialize()
    client.send(message)
    answer = await client.read_message()
    assert answer is not None and answer.get("id") == answer_id
    assert reason in error_of(answer, -32600)
    assert (await client.call("after", "nova/ping", {}))["result"] == {}  # and the connection goes on
    await client.close()


@pytest.mark.asyncio
async def test_requests_after_shutdown_are_refused_and_exit_still_closes(socket_path: Path) -> None:
    client = await RawClient.unix(socket_path)
    await client.initialize()
    assert (await client.call("bye", "shutdown"))["result"] is None
    assert "shutting down" in error_of(await client.call("late", "nova/ping", {}), -32600)
    client.send(notification("exit"))
    assert await client.closed(timeout=20)


@pytest.mark.asyncio
async def test_unknown_methods_and_malformed_params_are_answered(socket_path: Path) -> None:
    client = await RawClient.unix(socket_path)
    await client.initialize()
    assert "nova/nothing" in error_of(await client.call(1, "nova/nothing", {}), -32601)
    hover = await client.call(2, "textDocument/hover", {"textDocument": "not an object", "position": 3})
    assert hover["error"]["code"] in (-32602, -32600)
    client.send(request(3, "$/cancelRequest", {"id": None}))  # a cancel sent as a request: still answered
    answer = await client.response(3)
    assert "error" in answer or answer.get("result") is None
    assert (await client.call(4, "nova/ping", {}))["result"] == {}
    await client.close()
