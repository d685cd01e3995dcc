"""`nova/evaluate`, the `nova.evaluate` command and the ▶ Evaluate code lenses, against the real server."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from lsp_harness import (
    capabilities,
    connect,
    daemon,
    disconnect,
    folder,
    full_change,
    open_params,
    position_of,
    record_diagnostics,
    start_stdio,
    stop_stdio,
    utf16,
    wait_for_diagnostics,
    wait_until,
)
from lsprotocol import types

LIB = """module Lib where

import Prelude
import Effect (Effect)
import Effect.Console (log)

-- > double 5
double :: Int -> Int
double x = x * 2

answer :: Int
answer = double 21

  -- > [answer, double answer]

loop :: Int -> Int
loop n = loop (n + 1)

main :: Effect Unit
main = do
  log "hello"
  log (show answer)
"""


MAIN = "module Main where\n\nimport Prelude\nimport Lib (answer)\n\nplusOne :: Int\nplusOne = answer + 1\n"


@contextlib.asynccontextmanager
async def editor_on_lib(tmp_path: Path, settings: dict[str, Any] | None = None) -> AsyncIterator[tuple[Any, Any, Path]]:
    """A stdio server with a one-module workspace, `Lib.nova` open and checked: (client, diagnostics log, path)."""
    project = tmp_path / "project"
    project.mkdir()
    lib = project / "Lib.nova"
    lib.write_text(LIB, encoding="utf-8")
    client = await start_stdio(tmp_path / "cache")
    caps = capabilities()
    if settings is not None:
        client.set_configuration(settings, section="nova")
        caps.workspace.configuration = True  # type: ignore[union-attr]
    try:
        log = record_diagnostics(client)
        await client.initialize_session(types.InitializeParams(capabilities=caps, workspace_folders=[folder(project)]))
        client.text_document_did_open(open_params(lib))
        await wait_for_diagnostics(log, lib.as_uri())
        yield client, log, lib
    finally:
        await stop_stdio(client)


async def evaluate(client: Any, path: Path, expression: str) -> dict[str, Any]:
    result = await client.protocol.send_request_async(
        "nova/evaluate", {"textDocument": {"uri": path.as_uri()}, "expression": expression}
    )
    return {name: getattr(result, name, None) for name in ("value", "type", "output", "error")}


async def lenses(client: Any, path: Path) -> list[types.CodeLens]:
    found = await client.text_document_code_lens_async(
        types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=path.as_uri()))
    )
    return list(found or [])


@pytest.mark.asyncio
async def test_evaluate_request_command_and_lenses(tmp_path: Path) -> None:
    async with editor_on_lib(tmp_path) as (client, log, lib):

        assert await evaluate(client, lib, "double answer") == {
            "value": "84",
            "type": "Int",
            "output": "",
            "error": None,
        }
        shown = await evaluate(client, lib, "main")
        assert shown["value"] == "unit" and shown["type"] == "Effect Unit"
        assert shown["output"] == "hello\n42\n"
        wrong = await evaluate(client, lib, "double true")
        assert wrong["value"] is None and wrong["error"]

        # An endless loop is stopped by the limits, and the server keeps answering meanwhile.
        looping = asyncio.ensure_future(evaluate(client, lib, "loop 0"))
        line, col = position_of(LIB, "double 21", offset=1)
        hover = await client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=lib.as_uri()), position=utf16(LIB, line, col)
            )
        )
        assert hover is not None and "Int -> Int" in str(hover.contents.value)
        assert not looping.done()
        stopped = await looping
        assert stopped["value"] is None
        assert "evaluation stopped after" in stopped["error"]

        # Lenses: the two `-- >` lines and the values without arguments (not the functions).
        found = await lenses(client, lib)
        by_expression = {lens.command.arguments[1]: lens for lens in found if lens.command is not None}
        assert set(by_expression) == {"double 5", "[answer, double answer]", "answer", "main"}
        assert all(lens.command.title == "▶ Evaluate" for lens in by_expression.values())
        assert all(lens.command.command == "nova.evaluate" for lens in by_expression.values())
        assert by_expression["double 5"].range.start.line == position_of(LIB, "-- > double 5")[0]
        assert by_expression["[answer, double answer]"].range.start.character == 2
        assert by_expression["answer"].range.start == types.Position(*position_of(LIB, "answer ::"))

        # Running a lens: the result comes back, is shown as a message, and becomes the lens title.
        command = by_expression["double 5"].command
        result = await client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=command.command, arguments=command.arguments)
        )
        assert result["value"] == "10" and result["type"] == "Int"
        await wait_until(lambda: any("double 5 = 10 :: Int" in m.message for m in client.messages), 20, "message")
        titles = {lens.command.arguments[1]: lens.command.title for lens in await lenses(client, lib)}
        assert titles["double 5"] == "▶ Evaluate  10 :: Int"
        assert titles["answer"] == "▶ Evaluate"

        # The unsaved buffer is what gets evaluated; a result computed before an edit is no longer shown.
        edited = LIB.replace("double x = x * 2", "double x = x * 3")
        client.text_document_did_change(full_change(lib, 2, edited))
        await wait_for_diagnostics(log, lib.as_uri(), lambda p: p.version == 2)
        assert (await evaluate(client, lib, "answer"))["value"] == "63"
        titles = {lens.command.arguments[1]: lens.command.title for lens in await lenses(client, lib)}
        assert titles["double 5"] == "▶ Evaluate"

        # A buffer that is no file at all (single-file mode over the standard library).
        untitled = "untitled:Untitled-1"
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=untitled,
                    language_id="nova",
                    version=1,
                    text="module Scratch where\n\nimport Prelude\n\nsix = 6\n",
                )
            )
        )
        await wait_for_diagnostics(log, untitled)
        scratch = await client.protocol.send_request_async(
            "nova/evaluate", {"textDocument": {"uri": untitled}, "expression": "six * 7"}
        )
        assert (scratch.value, scratch.type) == ("42", "Int")

        # A malformed request gets an error answer, not a crash.
        bad = await client.protocol.send_request_async("nova/evaluate", {"textDocument": {"uri": lib.as_uri()}})
        assert bad.error and bad.value is None


def insertion(line: int, text: str) -> types.TextDocumentContentChangePartial:
    at = types.Position(line=line, character=0)
    return types.TextDocumentContentChangePartial(range=types.Range(start=at, end=at), text=text)


@pytest.mark.asyncio
async def test_lenses_stay_on_their_lines_while_the_file_has_a_syntax_error(tmp_path: Path) -> None:
    async with editor_on_lib(tmp_path) as (client, log, lib):
        # Two comment lines above `answer` move it down; a half-typed declaration at the end breaks the parse.
        above = position_of(LIB, "answer ::")[0]
        edited_lines = LIB.splitlines(keepends=True)
        edited_lines[above:above] = ["-- a note\n", "-- another\n"]
        edited = "".join(edited_lines) + "oops = (\n"
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=lib.as_uri(), version=2),
            content_changes=[insertion(LIB.count("\n"), "oops = (\n"), insertion(above, "-- a note\n-- another\n")],
        ))
        published = await wait_for_diagnostics(log, lib.as_uri(), lambda p: p.version == 2)
        assert any(d.code == "SyntaxError" for d in published.diagnostics)

        found = await lenses(client, lib)
        by_expression = {lens.command.arguments[1]: lens for lens in found if lens.command is not None}
        assert set(by_expression) == {"double 5", "[answer, double answer]", "answer", "main"}
        assert by_expression["answer"].range.start == types.Position(*position_of(edited, "answer ::"))
        assert by_expression["main"].range.start == types.Position(*position_of(edited, "main ::"))
        assert by_expression["[answer, double answer]"].range.start.line == position_of(edited, "  -- > [answer")[0]


@pytest.mark.asyncio
async def test_an_unsaved_edit_changes_only_its_own_editors_evaluations(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    lib = project / "Lib.nova"
    main = project / "Main.nova"
    lib.write_text(LIB, encoding="utf-8")
    main.write_text(MAIN, encoding="utf-8")
    async with daemon(tmp_path) as socket_path:
        clients = []
        for _ in range(2):
            client = await connect(socket_path)
            log = record_diagnostics(client)
            await client.initialize_session(
                types.InitializeParams(capabilities=capabilities(), workspace_folders=[folder(project)])
            )
            client.text_document_did_open(open_params(main))
            await wait_for_diagnostics(log, main.as_uri())
            clients.append((client, log))
        (a, a_log), (b, _) = clients
        a.text_document_did_open(open_params(lib))
        await wait_for_diagnostics(a_log, lib.as_uri())
        mark = len(a_log.history)
        a.text_document_did_change(full_change(lib, 2, LIB.replace("answer = double 21", "answer = double 50")))
        await wait_for_diagnostics(a_log, lib.as_uri(), lambda p: p.version == 2, after=mark)

        assert (await evaluate(a, main, "plusOne"))["value"] == "101"
        assert (await evaluate(b, main, "plusOne"))["value"] == "43"
        for client, _ in clients:
            await disconnect(client)


def test_limits_from_settings_ignore_malformed_values() -> None:
    from server.features.evaluate import limits_from_settings

    limits = limits_from_settings({"timeout": 0.5, "maxSteps": 1000, "maxDepth": 50})
    assert (limits.timeout, limits.max_steps, limits.max_depth) == (0.5, 1000, 50)
    default = limits_from_settings(None)
    odd = limits_from_settings({"timeout": "soon", "maxSteps": -1, "maxDepth": True})
    assert odd == default


@pytest.mark.asyncio
async def test_limits_come_from_the_client_settings(tmp_path: Path) -> None:
    async with editor_on_lib(tmp_path, {"evaluation": {"maxSteps": 5000}}) as (client, _, lib):
        stopped = await evaluate(client, lib, "loop 0")
        assert "evaluation stopped after 5000 steps" in stopped["error"]
