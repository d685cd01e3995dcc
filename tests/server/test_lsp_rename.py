"""Rename over the daemon with two editors on one folder: prepareRename, a rename across modules that edits the
renaming editor's unsaved text and leaves the other editor's view alone until saved, refusals sent as errors,
the module rename a file rename implies, and a record label renamed along its row."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lsp_harness import (
    DaemonProject,
    disconnect,
    full_change,
    open_params,
    position_of,
    utf16,
    wait_for_diagnostics,
)
from lsprotocol import types
from pygls.exceptions import JsonRpcException

LIB = "module Lib where\n\nimport Prelude\n\nvalue :: Int\nvalue = 1\n"
MAIN = "module Main where\n\nimport Prelude\nimport Lib (value)\n\nuseIt :: Int\nuseIt = value + 1\n"
MAIN_EDITED = MAIN + "\ntwice :: Int\ntwice = value * 2\n"
RECORDS = """module Records where

import Prelude

type Point = { x :: Int, y :: Int }

origin :: Point
origin = { x: 0, y: 0 }

shifted :: Point -> Point
shifted p = p { x = p.x + 1 }

getX :: forall r. { x :: Int | r } -> Int
getX r = r.x
"""


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP edits (ASCII texts: UTF-16 columns are code points) to a text."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        begin = starts[edit.range.start.line] + edit.range.start.character
        end = starts[edit.range.end.line] + edit.range.end.character
        text = text[:begin] + edit.new_text + text[end:]
    return text


def at(path: Path, text: str, needle: str, occurrence: int = 0) -> types.TextDocumentPositionParams:
    line, col = position_of(text, needle, occurrence, offset=1)
    return types.TextDocumentPositionParams(text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
                                            position=utf16(text, line, col))


def prepare(where: types.TextDocumentPositionParams) -> types.PrepareRenameParams:
    return types.PrepareRenameParams(text_document=where.text_document, position=where.position)


async def rename(client: Any, where: types.TextDocumentPositionParams, new_name: str) -> types.WorkspaceEdit:
    result = await client.text_document_rename_async(types.RenameParams(
        text_document=where.text_document, position=where.position, new_name=new_name))
    assert result is not None and result.changes is not None
    return result


@pytest.mark.asyncio
async def test_rename_edits_this_editors_unsaved_text_and_not_the_others(daemon_project: DaemonProject) -> None:
    project = daemon_project.project
    lib, main = project / "Lib.nova", project / "Main.nova"
    lib.write_text(LIB, encoding="utf-8")
    main.write_text(MAIN, encoding="utf-8")
    a, a_log = await daemon_project.session()
    b, b_log = await daemon_project.session()
    a.text_document_did_open(open_params(main))
    b.text_document_did_open(open_params(main))
    await wait_for_diagnostics(b_log, main.as_uri())
    await wait_for_diagnostics(a_log, main.as_uri())
    mark = len(a_log.history)
    a.text_document_did_change(full_change(main, 2, MAIN_EDITED))
    await wait_for_diagnostics(a_log, main.as_uri(), after=mark)

    prepared = await a.text_document_prepare_rename_async(prepare(at(main, MAIN_EDITED, "value * 2")))
    assert isinstance(prepared, types.PrepareRenamePlaceholder) and prepared.placeholder == "value"

    edit = await rename(a, at(main, MAIN_EDITED, "value * 2"), "amount")
    changes = edit.changes or {}
    assert set(changes) == {lib.as_uri(), main.as_uri()}
    assert apply(LIB, changes[lib.as_uri()]) == LIB.replace("value", "amount")
    assert apply(MAIN_EDITED, changes[main.as_uri()]) == MAIN_EDITED.replace("value", "amount")

    # B has not seen A's unsaved line: its rename covers the saved text only
    edit = await rename(b, at(main, MAIN, "value + 1"), "amount")
    assert apply(MAIN, (edit.changes or {})[main.as_uri()]) == MAIN.replace("value", "amount")

    # refusals come back as errors with a message for the user
    with pytest.raises(JsonRpcException) as refused:
        await rename(a, at(main, MAIN_EDITED, "value * 2"), "useIt")
    assert "Main declares its own `useIt`" in str(refused.value)
    with pytest.raises(JsonRpcException) as refused:
        await a.text_document_prepare_rename_async(prepare(at(main, MAIN_EDITED, "Prelude")))
    assert "library" in str(refused.value)

    # renaming the file renames the module: its header and every import
    edit = await a.workspace_will_rename_files_async(types.RenameFilesParams(files=[types.FileRename(
        old_uri=lib.as_uri(), new_uri=(project / "Values.nova").as_uri())]))
    assert edit is not None and edit.changes is not None
    assert apply(LIB, edit.changes[lib.as_uri()]).startswith("module Values where")
    assert "import Values (value)" in apply(MAIN_EDITED, edit.changes[main.as_uri()])

    # a record label follows its row; an open row that may be the same record is refused
    records = daemon_project.write("Records.nova", RECORDS)
    text = records.read_text(encoding="utf-8")
    a.text_document_did_open(open_params(records))
    await wait_for_diagnostics(a_log, records.as_uri())
    edit = await rename(a, at(records, text, "y :: Int }"), "down")
    assert apply(text, (edit.changes or {})[records.as_uri()]) == text.replace("y: 0", "down: 0").replace(
        "y :: Int }", "down :: Int }")
    with pytest.raises(JsonRpcException) as refused:
        await rename(a, at(records, text, "x: 0"), "right")
    assert "open row" in str(refused.value)
    await disconnect(a)
    await disconnect(b)
