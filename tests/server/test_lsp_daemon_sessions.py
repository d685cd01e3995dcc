"""Two editors on one daemon (unix socket), one workspace folder: unsaved edits stay in their session; a save
reaches every session; a disconnect drops that session's edits; a commit never carries another module's unsaved
text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lsp_harness import (
    DaemonProject,
    disconnect,
    full_change,
    live_connections,
    open_params,
    position_of,
    track_interface_updates,
    utf16,
    wait_for_diagnostics,
    wait_until,
)
from lsprotocol import types

LIB = "module Lib where\n\nimport Prelude\n\nvalue :: Int\nvalue = 1\n"
LIB_STRING = 'module Lib where\n\nimport Prelude\n\nvalue :: String\nvalue = "one"\n'
MAIN = "module Main where\n\nimport Prelude\nimport Lib (value)\n\nuseIt :: Int\nuseIt = value + 1\n"
BASE = "module Base where\n\nimport Prelude\n\nbase :: Int\nbase = 1\n"
BASE_STRING = 'module Base where\n\nimport Prelude\n\nbase :: String\nbase = "b"\n'
USES = "module Uses where\n\nimport Base (base)\n\nuses = base\n"
TOP = "module Top where\n\nimport Prelude\nimport Uses (uses)\n\ntop :: Int\ntop = uses + 1\n"


def errors(params: types.PublishDiagnosticsParams) -> list[types.Diagnostic]:
    return [d for d in params.diagnostics if d.severity == types.DiagnosticSeverity.Error]


async def hover(client: Any, path: Path, text: str, needle: str, occurrence: int = 0) -> str:
    line, col = position_of(text, needle, occurrence, offset=1)
    result = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=utf16(text, line, col)))
    assert result is not None
    return str(result.contents.value)


def save(client: Any, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri())))


@pytest.mark.asyncio
async def test_two_editors_share_saves_not_unsaved_edits(daemon_project: DaemonProject) -> None:
    project = daemon_project.project
    lib, main = project / "Lib.nova", project / "Main.nova"
    lib.write_text(LIB, encoding="utf-8")
    main.write_text(MAIN, encoding="utf-8")
    a, a_log = await daemon_project.session()
    b, b_log = await daemon_project.session()
    for client in (a, b):
        client.text_document_did_open(open_params(main))
    a.text_document_did_open(open_params(lib))
    assert errors(await wait_for_diagnostics(a_log, main.as_uri())) == []
    assert errors(await wait_for_diagnostics(b_log, main.as_uri())) == []

    # A edits Lib without saving: A's importer sees the new type, B still the saved one.
    mark_a = len(a_log.history)
    a.text_document_did_change(full_change(lib, 2, LIB_STRING))
    assert errors(await wait_for_diagnostics(a_log, main.as_uri(), lambda p: bool(errors(p)), after=mark_a))
    assert "String" in await hover(a, main, MAIN, "value + 1")
    assert "Int" in await hover(b, main, MAIN, "value + 1")
    assert errors(b_log.latest(main.as_uri()))  == []  # type: ignore[arg-type]

    # A saves: B gets fresh diagnostics for its open importer without touching it.
    mark_b = len(b_log.history)
    save(a, lib, LIB_STRING)
    assert errors(await wait_for_diagnostics(b_log, main.as_uri(), lambda p: bool(errors(p)), after=mark_b))
    assert "String" in await hover(b, main, MAIN, "value + 1")

    # A edits Lib again (unsaved) and disconnects: the edit vanishes with its session.
    a.text_document_did_change(full_change(lib, 3, LIB))
    await wait_for_diagnostics(a_log, main.as_uri(), lambda p: not errors(p), after=len(a_log.history) - 1)
    await disconnect(a, graceful=False)
    await wait_until(lambda: live_connections(daemon_project.socket_path) == 1, what="A's connection closed")
    c, c_log = await daemon_project.session()
    c.text_document_did_open(open_params(main))
    assert errors(await wait_for_diagnostics(c_log, main.as_uri()))  # the saved Lib still says String
    assert "String" in await hover(c, main, MAIN, "value + 1")
    await disconnect(b)
    await disconnect(c)


@pytest.mark.asyncio
async def test_saving_an_importer_of_an_unsaved_module_commits_it_typed_against_the_saved_one(
        daemon_project: DaemonProject) -> None:
    project = daemon_project.project
    base, uses, top = project / "Base.nova", project / "Uses.nova", project / "Top.nova"
    base.write_text(BASE, encoding="utf-8")
    uses.write_text(USES, encoding="utf-8")
    top.write_text(TOP, encoding="utf-8")
    a, a_log = await daemon_project.session()
    b, b_log = await daemon_project.session()
    b_updates = track_interface_updates(b)
    b.text_document_did_open(open_params(top))
    assert errors(await wait_for_diagnostics(b_log, top.as_uri())) == []
    a.text_document_did_open(open_params(base))
    a.text_document_did_open(open_params(uses))
    await wait_for_diagnostics(a_log, uses.as_uri())

    mark = len(a_log.history)
    a.text_document_did_change(full_change(base, 2, BASE_STRING))
    edited_uses = "-- touched\n" + USES
    a.text_document_did_change(full_change(uses, 2, edited_uses))
    await wait_for_diagnostics(a_log, uses.as_uri(), lambda p: p.version == 2, after=mark)
    assert "String" in await hover(a, uses, edited_uses, "uses =")

    save(a, uses, edited_uses)
    # B sees the saved Uses arrive (its rows moved), with an unchanged interface: it was typed against the
    # saved Base (`uses :: Int`), not A's unsaved `base :: String`.
    await wait_until(lambda: any(e.module == "Uses" for e in b_updates.events), what="Uses to be saved")
    assert [e.exportsChanged for e in b_updates.events if e.module == "Uses"] == [False]
    assert "uses :: Int" in await hover(b, top, TOP, "uses + 1")
    assert errors(b_log.latest(top.as_uri())) == []  # type: ignore[arg-type]
    await disconnect(a)
    await disconnect(b)


@pytest.mark.asyncio
async def test_a_close_right_behind_a_save_still_commits_the_saved_text(daemon_project: DaemonProject) -> None:
    project = daemon_project.project
    lib, main = project / "Lib.nova", project / "Main.nova"
    lib.write_text(LIB, encoding="utf-8")
    main.write_text(MAIN, encoding="utf-8")
    a, a_log = await daemon_project.session()
    b, b_log = await daemon_project.session()
    b.text_document_did_open(open_params(main))
    assert errors(await wait_for_diagnostics(b_log, main.as_uri())) == []
    a.text_document_did_open(open_params(lib))
    await wait_for_diagnostics(a_log, lib.as_uri())
    a.text_document_did_change(full_change(lib, 2, LIB_STRING))
    await wait_for_diagnostics(a_log, lib.as_uri(), lambda p: p.version == 2)

    # `:w` then `:bd` at once: both notifications arrive before the save's work has started.
    mark_b = len(b_log.history)
    save(a, lib, LIB_STRING)
    a.text_document_did_close(types.DidCloseTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=lib.as_uri())))
    assert errors(await wait_for_diagnostics(b_log, main.as_uri(), lambda p: bool(errors(p)), after=mark_b))
    assert "String" in await hover(b, main, MAIN, "value + 1")
    await disconnect(a)
    await disconnect(b)
