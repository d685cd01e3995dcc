"""The daemon serves several connections at once; one connection's shutdown/exit or disconnect ends only it."""

from __future__ import annotations

import asyncio
import re
import socket
import sys
from pathlib import Path
from typing import Any

import pytest
from lsp_harness import (
    REPO,
    capabilities,
    connect,
    daemon,
    disconnect,
    live_connections,
    server_env,
    stop_daemon,
    wait_until,
)
from lsprotocol import types
from pygls.io_ import run_async
from pytest_lsp.client import make_test_lsp_client


async def dump_state(client: Any) -> Any:
    return await client.workspace_execute_command_async(types.ExecuteCommandParams(command="nova.dumpState"))


@pytest.mark.asyncio
async def test_one_connection_ending_leaves_the_others_served(tmp_path: Path) -> None:
    async with daemon(tmp_path) as socket_path:
        first, second, third = [await connect(socket_path) for _ in range(3)]
        for client in (first, second, third):
            result = await client.initialize_session(types.InitializeParams(capabilities=capabilities()))
            assert result.server_info is not None and result.server_info.name == "nova-lsp"
        assert live_connections(socket_path) == 3

        await disconnect(first, graceful=True)  # shutdown + exit: ends this connection only
        await disconnect(third, graceful=False)  # the socket just goes away
        await wait_until(lambda: live_connections(socket_path) == 1, what="two connections closed")
        assert "connections" not in await dump_state(second)  # each connection sees only itself
        symbols = await second.workspace_symbol_async(types.WorkspaceSymbolParams(query="x"))
        assert symbols is not None and list(symbols) == []
        await disconnect(second)


@pytest.mark.asyncio
async def test_garbage_unknown_documents_and_bad_positions_get_empty_answers(tmp_path: Path) -> None:
    async with daemon(tmp_path) as socket_path:
        client = await connect(socket_path)
        await client.initialize_session(types.InitializeParams(capabilities=capabilities()))
        client._nova_writer.write(b"Content-Length: 9\r\n\r\n{garbage}")  # type: ignore[attr-defined]
        client._nova_writer.write(b'Content-Length: 2\r\n\r\n[]')  # type: ignore[attr-defined]
        unknown = types.TextDocumentIdentifier(uri="file:///nowhere/Missing.nova")
        far = types.Position(line=10_000, character=99_999)
        hover = await client.text_document_hover_async(types.HoverParams(text_document=unknown, position=far))
        assert hover is None
        definition = await client.text_document_definition_async(
            types.DefinitionParams(text_document=unknown, position=far)
        )
        assert list(definition or []) == [] and definition is not None
        symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=unknown))
        assert symbols is not None and list(symbols) == []
        references = await client.text_document_references_async(
            types.ReferenceParams(
            text_document=unknown, position=far, context=types.ReferenceContext(include_declaration=True)
        ))
        assert references is not None and list(references) == []
        await disconnect(client)


@pytest.mark.asyncio
async def test_tcp_daemon_serves_two_clients_on_loopback(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    run = tmp_path / "run"
    run.mkdir(mode=0o700)
    log_file = tmp_path / "daemon.log"
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "server", "--tcp", f"127.0.0.1:{port}", "--no-cache", "--log-file", str(log_file),
        "--log-level", "INFO", cwd=REPO, env={**server_env(tmp_path / "cache"), "XDG_RUNTIME_DIR": str(run)},
        stderr=asyncio.subprocess.DEVNULL)
    token_file = run / "nova-lsp" / f"tcp-{port}.token"
    clients = []
    try:
        await wait_until(token_file.exists, what="the token file")
        token = token_file.read_text().strip()
        for _ in range(2):
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            client = make_test_lsp_client()
            client.protocol.set_writer(writer)  # type: ignore[arg-type]
            client._async_tasks.append(asyncio.create_task(run_async(
                stop_event=client._stop_event, reader=reader, protocol=client.protocol)))
            client._nova_writer = writer  # type: ignore[attr-defined]
            await client.initialize_session(types.InitializeParams(
                capabilities=capabilities(), initialization_options={"authToken": token}))
            clients.append(client)

        def live() -> int | None:
            found = re.findall(r"\((\d+) live\)", log_file.read_text())
            return int(found[-1]) if found else None

        assert live() == 2
        await disconnect(clients[0])
        await wait_until(lambda: live() == 1, what="the first connection closed")
        assert (await dump_state(clients[1]))["sessions"] == []
        await disconnect(clients[1])
    finally:
        await stop_daemon(process)
