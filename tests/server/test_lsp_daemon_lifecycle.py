"""The daemon serves several connections at once; one connection's shutdown/exit or disconnect ends only it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lsp_harness import capabilities, connect, daemon, disconnect
from lsprotocol import types


async def dump_state(client: Any) -> Any:
    return await client.workspace_execute_command_async(types.ExecuteCommandParams(command="nova.dumpState"))


@pytest.mark.asyncio
async def test_one_connection_ending_leaves_the_others_served(tmp_path: Path) -> None:
    async with daemon(tmp_path) as socket_path:
        first, second, third = [await connect(socket_path) for _ in range(3)]
        for client in (first, second, third):
            result = await client.initialize_session(types.InitializeParams(capabilities=capabilities()))
            assert result.server_info is not None and result.server_info.name == "nova-lsp"
        state = await dump_state(second)
        assert state["connections"] == 3

        await disconnect(first, graceful=True)  # shutdown + exit: ends this connection only
        await disconnect(third, graceful=False)  # the socket just goes away
        state_box: list[Any] = []

        async def live_connections() -> int:
            state_box[:] = [await dump_state(second)]
            return int(state_box[0]["connections"])

        for _ in range(200):
            if await live_connections() == 1:
                break
        assert state_box[0]["connections"] == 1
        symbols = await second.workspace_symbol_async(types.WorkspaceSymbolParams(query="x"))
        assert symbols is not None and list(symbols) == []
        await disconnect(second)


@pytest.mark.asyncio
async def test_unknown_documents_and_bad_positions_get_empty_answers(tmp_path: Path) -> None:
    async with daemon(tmp_path) as socket_path:
        client = await connect(socket_path)
        await client.initialize_session(types.InitializeParams(capabilities=capabilities()))
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
