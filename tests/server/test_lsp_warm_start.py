"""Warm start: a folder's baseline (and the stdlib root) come back from the cache; only changed files are
re-checked; a corrupt cache is ignored, never fatal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lsp_harness import (
    capabilities,
    folder,
    open_params,
    record_diagnostics,
    start_stdio,
    stop_stdio,
    wait_for_diagnostics,
)
from lsprotocol import types

LIB = "module Lib where\n\nimport Prelude\n\n-- | One.\none :: Int\none = 1\n"
MAIN = "module Main where\n\nimport Prelude\nimport Lib (one)\n\ntwo :: Int\ntwo = one + one\n"
LEAF = "module Leaf where\n\nimport Prelude\n\nleaf :: String\nleaf = \"leaf\"\n"


async def session(root: Path, project: Path) -> tuple[Any, dict[str, Any]]:
    client = await start_stdio(root / "cache")
    await client.initialize_session(types.InitializeParams(
        capabilities=capabilities(), workspace_folders=[folder(project)]))
    log = record_diagnostics(client)
    client.text_document_did_open(open_params(project / "Main.nova"))
    await wait_for_diagnostics(log, (project / "Main.nova").as_uri())
    state = await client.workspace_execute_command_async(types.ExecuteCommandParams(command="nova.dumpState"))
    return client, state["baselines"][0]


@pytest.mark.asyncio
async def test_restart_restores_the_cache_and_rechecks_only_changed_files(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    for name, text in (("Lib", LIB), ("Main", MAIN), ("Leaf", LEAF)):
        (project / f"{name}.nova").write_text(text, encoding="utf-8")

    client, baseline = await session(tmp_path, project)
    assert baseline["fromCache"] is False
    await stop_stdio(client)
    cached = list((tmp_path / "cache" / "nova-lsp").glob("*.cbor"))
    assert any(p.name.startswith("root-") for p in cached) and len(cached) == 2

    client, baseline = await session(tmp_path, project)
    assert baseline["fromCache"] is True
    assert baseline["recheckedOnStart"] == 0
    assert sorted(baseline["modules"]) == ["Leaf", "Lib", "Main"]
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=(project / "Main.nova").as_uri()),
        position=types.Position(line=6, character=7)))
    assert hover is not None and "one :: Int" in hover.contents.value  # type: ignore[union-attr]
    await stop_stdio(client)

    (project / "Lib.nova").write_text(LIB.replace("one = 1", "one = 2"), encoding="utf-8")
    client, baseline = await session(tmp_path, project)
    assert baseline["fromCache"] is True
    assert baseline["recheckedOnStart"] == 2  # Lib changed; Main imports it; Leaf is untouched
    await stop_stdio(client)

    (project / "Lib.nova").unlink()
    client, baseline = await session(tmp_path, project)
    assert baseline["fromCache"] is True
    assert sorted(baseline["modules"]) == ["Leaf", "Main"]
    assert baseline["recheckedOnStart"] == 1  # Main, whose import vanished while the server was down
    await stop_stdio(client)


@pytest.mark.asyncio
async def test_a_corrupt_cache_is_ignored(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "Lib.nova").write_text(LIB, encoding="utf-8")
    (project / "Main.nova").write_text(MAIN.replace("one + one", '"oops"'), encoding="utf-8")
    client, _ = await session(tmp_path, project)
    await stop_stdio(client)
    for path in (tmp_path / "cache" / "nova-lsp").glob("*.cbor"):
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2] + b"\xff" * 16)

    client = await start_stdio(tmp_path / "cache")
    await client.initialize_session(types.InitializeParams(
        capabilities=capabilities(), workspace_folders=[folder(project)]))
    log = record_diagnostics(client)
    client.text_document_did_open(open_params(project / "Main.nova"))
    published = await wait_for_diagnostics(log, (project / "Main.nova").as_uri())
    assert any(d.severity == types.DiagnosticSeverity.Error for d in published.diagnostics)
    state = await client.workspace_execute_command_async(types.ExecuteCommandParams(command="nova.dumpState"))
    assert state["baselines"][0]["fromCache"] is False
    await stop_stdio(client)
