"""Closing and reopening a document (or opening it twice), then editing it, still reaches its importers."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsp_harness import (
    capabilities,
    folder,
    full_change,
    open_params,
    record_diagnostics,
    start_stdio,
    stop_stdio,
    wait_for_diagnostics,
)
from lsprotocol import types

LIB = "module Lib where\n\nimport Prelude\n\nvalue :: Int\nvalue = 1\n"
MAIN = "module Main where\n\nimport Prelude\nimport Lib (value)\n\nuseIt :: Int\nuseIt = value + 1\n"


@pytest.mark.asyncio
async def test_reopen_then_edit(tmp_path: Path) -> None:
    project = tmp_path / "p"
    project.mkdir()
    (project / "Lib.nova").write_text(LIB)
    (project / "Main.nova").write_text(MAIN)
    lib, main = project / "Lib.nova", project / "Main.nova"
    client = await start_stdio(tmp_path / "cache", "--no-cache")
    log = record_diagnostics(client)
    await client.initialize_session(types.InitializeParams(capabilities=capabilities(),
                                                           workspace_folders=[folder(project)]))
    client.text_document_did_open(open_params(main))
    await wait_for_diagnostics(log, main.as_uri())
    client.text_document_did_open(open_params(lib, version=30))
    await wait_for_diagnostics(log, lib.as_uri(), lambda p: p.version == 30)
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=lib.as_uri())))
    client.text_document_did_open(open_params(lib, version=1))
    await wait_for_diagnostics(log, lib.as_uri(), lambda p: p.version == 1)
    client.text_document_did_open(open_params(lib, version=7))  # a second open without close: newer text wins
    await wait_for_diagnostics(log, lib.as_uri(), lambda p: p.version == 7)
    mark = len(log.history)
    edited = LIB.replace("value :: Int\nvalue = 1", 'value :: String\nvalue = "x"')
    client.text_document_did_change(full_change(lib, 8, edited))
    published = await wait_for_diagnostics(log, main.as_uri(), after=mark, timeout=20)
    assert published.diagnostics
    await stop_stdio(client)
