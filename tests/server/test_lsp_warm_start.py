"""Warm start: a folder's baseline (and the stdlib root) come back from the cache; only changed files are
re-checked; a corrupt, forged or non-regular cache file is reported and rebuilt, never fatal and never served."""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
from pathlib import Path
from typing import Any

import cbor2
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
    assert any(p.name.startswith("stdlib-") for p in cached) and len(cached) == 2

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


async def logged_session(root: Path, project: Path, log_file: Path) -> dict[str, Any]:
    client = await start_stdio(root / "cache", "--log-file", str(log_file), "--log-level", "INFO")
    try:
        await client.initialize_session(types.InitializeParams(
            capabilities=capabilities(), workspace_folders=[folder(project)]))
        log = record_diagnostics(client)
        client.text_document_did_open(open_params(project / "Main.nova"))
        await wait_for_diagnostics(log, (project / "Main.nova").as_uri())
        state = await client.workspace_execute_command_async(types.ExecuteCommandParams(command="nova.dumpState"))
        return dict(state["baselines"][0])
    finally:
        await stop_stdio(client)


@pytest.mark.asyncio
async def test_a_fifo_a_device_or_a_forged_cache_is_reported_and_rebuilt(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "Lib.nova").write_text(LIB, encoding="utf-8")
    (project / "Main.nova").write_text(MAIN, encoding="utf-8")
    cache = tmp_path / "cache" / "nova-lsp"
    assert (await logged_session(tmp_path, project, tmp_path / "first.log"))["fromCache"] is False
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert stat.S_IMODE((cache / "snapshot.key").stat().st_mode) == 0o600
    root_file = next(cache.glob("stdlib-*.cbor"))
    folder_file = next(p for p in cache.glob("*.cbor") if p != root_file)

    # A FIFO would block an ordinary open for ever; a link to /dev/zero would be read until memory runs out.
    folder_file.unlink()
    os.mkfifo(folder_file)
    root_file.unlink()
    root_file.symlink_to("/dev/zero")
    log_file = tmp_path / "second.log"
    assert (await logged_session(tmp_path, project, log_file))["fromCache"] is False
    assert log_file.read_text().count("not a regular file") == 2
    assert folder_file.is_file() and not root_file.is_symlink()  # both rebuilt as ordinary cache files
    assert (await logged_session(tmp_path, project, tmp_path / "third.log"))["fromCache"] is True

    # Forged: the same contents, sealed with a plain SHA-256 by someone without this user's key.
    header = cbor2.loads(folder_file.read_bytes())
    header["sha256"] = hashlib.sha256(header["body"]).digest()
    folder_file.write_bytes(cbor2.dumps(header))
    log_file = tmp_path / "fourth.log"
    assert (await logged_session(tmp_path, project, log_file))["fromCache"] is False
    assert "not written with this key" in log_file.read_text()
    assert (await logged_session(tmp_path, project, tmp_path / "fifth.log"))["fromCache"] is True


@pytest.mark.asyncio
async def test_a_cached_value_that_cannot_be_decoded_drops_the_cache_for_a_rebuild(tmp_path: Path) -> None:
    """Sealed with the right key yet holding a value that does not decode (a bug of the writer, a disk error the
    checksum missed): the check that reads it reports an internal error, and the cache is removed so that the next
    start rebuilds it."""
    project = tmp_path / "project"
    project.mkdir()
    (project / "Lib.nova").write_text(LIB, encoding="utf-8")
    (project / "Main.nova").write_text(MAIN, encoding="utf-8")
    cache = tmp_path / "cache" / "nova-lsp"
    assert (await logged_session(tmp_path, project, tmp_path / "first.log"))["fromCache"] is False
    folder_file = next(p for p in cache.glob("*.cbor") if not p.name.startswith("stdlib-"))
    header = cbor2.loads(folder_file.read_bytes())
    body = cbor2.loads(header["body"])
    lib = next(module for module in body["modules"] if module["name"] == "Lib")
    lib["exports"] = {key: cbor2.dumps(["D:NoSuchClass"]) for key in lib["exports"]}
    header["body"] = cbor2.dumps(body)
    header["sha256"] = hmac.new((cache / "snapshot.key").read_bytes(), header["body"], hashlib.sha256).digest()
    folder_file.write_bytes(cbor2.dumps(header))

    log_file = tmp_path / "second.log"
    client = await start_stdio(tmp_path / "cache", "--log-file", str(log_file), "--log-level", "INFO")
    await client.initialize_session(types.InitializeParams(
        capabilities=capabilities(), workspace_folders=[folder(project)]))
    log = record_diagnostics(client)
    client.text_document_did_open(open_params(project / "Main.nova"))
    published = await wait_for_diagnostics(log, (project / "Main.nova").as_uri())  # the editor is told
    assert [d.code for d in published.diagnostics] == ["InternalError"]
    assert "could not check this file" in published.diagnostics[0].message
    await stop_stdio(client)
    assert "cannot be decoded" in log_file.read_text()  # Main's check read Lib's exports
    assert not list(cache.glob("*.cbor"))  # dropped, and not written back on exit
    log_file = tmp_path / "third.log"
    assert (await logged_session(tmp_path, project, log_file))["fromCache"] is False
    assert "cannot be decoded" not in log_file.read_text()
    assert (await logged_session(tmp_path, project, tmp_path / "fourth.log"))["fromCache"] is True
