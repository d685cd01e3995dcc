"""`nova/evaluate`, the `nova.evaluate` command and the ▶ Evaluate code lenses, against the real server."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
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
        by_expression = {lens.command.arguments[-1]: lens for lens in found if lens.command is not None}
        assert set(by_expression) == {"double 5", "[answer, double answer]", "answer", "main"}
        assert all(lens.command.title == "▶ Evaluate" for lens in by_expression.values())
        assert {by_expression[e].command.command for e in ("answer", "main")} == {"nova.evaluate"}
        assert by_expression["double 5"].command.command == "nova.runExample"
        assert by_expression["double 5"].command.arguments[1] == position_of(LIB, "-- > double 5")[0]
        assert by_expression["double 5"].range.start.line == position_of(LIB, "-- > double 5")[0]
        assert by_expression["[answer, double answer]"].range.start.character == 2
        assert by_expression["answer"].range.start == types.Position(*position_of(LIB, "answer ::"))

        # Running a value's lens: the result comes back, is shown as a message, and becomes the lens title.
        command = by_expression["answer"].command
        result = await client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=command.command, arguments=command.arguments)
        )
        assert result["value"] == "42" and result["type"] == "Int"
        await wait_until(lambda: any("answer = 42 :: Int" in m.message for m in client.messages), 20, "message")
        titles = {lens.command.arguments[-1]: lens.command.title for lens in await lenses(client, lib)}
        assert titles["answer"] == "▶ Evaluate  42 :: Int"
        assert titles["main"] == "▶ Evaluate"

        # The unsaved buffer is what gets evaluated; a result computed before an edit is no longer shown.
        edited = LIB.replace("double x = x * 2", "double x = x * 3")
        client.text_document_did_change(full_change(lib, 2, edited))
        await wait_for_diagnostics(log, lib.as_uri(), lambda p: p.version == 2)
        assert (await evaluate(client, lib, "answer"))["value"] == "63"
        titles = {lens.command.arguments[-1]: lens.command.title for lens in await lenses(client, lib)}
        assert titles["answer"] == "▶ Evaluate"

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


EXAMPLES = LIB + """
-- > :type double
-- > double true
-- > main
"""


@dataclass(slots=True)
class EditorText:
    """The text an editor holds for a document, changed as an editor changes it (and told to the server)."""

    text: str
    version: int

    def change(self, client: Any, path: Path, text: str) -> None:
        self.text, self.version = text, self.version + 1
        client.text_document_did_change(full_change(path, self.version, text))


def applied(text: str, edit: types.TextEdit) -> str:
    """`text` with an LSP edit applied (ASCII text: UTF-16 columns are code points)."""
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        return sum(len(line) + 1 for line in lines[:position.line]) + position.character

    return text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]


@pytest.mark.asyncio
async def test_running_an_example_writes_its_answer_back_under_it(tmp_path: Path) -> None:
    async with editor_on_lib(tmp_path) as (client, log, lib):
        document = EditorText(EXAMPLES, 2)
        client.text_document_did_change(full_change(lib, 2, EXAMPLES))
        await wait_for_diagnostics(log, lib.as_uri(), lambda p: p.version == 2)

        @client.feature(types.WORKSPACE_APPLY_EDIT)
        def apply(params: types.ApplyWorkspaceEditParams) -> types.ApplyWorkspaceEditResult:
            """As an editor does: the edit applies to the version it names, and the change comes back."""
            change = params.edit.document_changes[0]  # type: ignore[index]
            assert isinstance(change, types.TextDocumentEdit)
            if change.text_document.version != document.version:
                return types.ApplyWorkspaceEditResult(applied=False, failure_reason="version changed")
            text = document.text
            for edit in change.edits:
                assert isinstance(edit, types.TextEdit)
                text = applied(text, edit)
            document.change(client, lib, text)
            return types.ApplyWorkspaceEditResult(applied=True)

        async def run(example: str) -> list[str]:
            """Runs the lens of `-- > example`; the lines under it afterwards."""
            found = await lenses(client, lib)
            lens = next(lens for lens in found if lens.command is not None and lens.command.arguments[-1] == example)
            assert lens.command is not None and lens.command.command == "nova.runExample"
            result = await client.workspace_execute_command_async(
                types.ExecuteCommandParams(command=lens.command.command, arguments=lens.command.arguments))
            assert result["applied"], result
            version = document.version
            await wait_for_diagnostics(log, lib.as_uri(), lambda p: p.version == version)
            lines = document.text.split("\n")
            start = lines.index(f"-- > {example}") + 1
            end = start
            while end < len(lines) and lines[end].startswith(("-- =>", "-- !!", "-- out:")):
                end += 1
            return lines[start:end]

        assert await run("double 5") == ["-- => 10"]
        assert await run(":type double") == ["-- => double :: Int -> Int"]
        assert await run("main") == ["-- out: hello", "-- out: 42", "-- => unit"]
        error = await run("double true")
        assert error and all(line.startswith("-- !! ") for line in error) and "1:" in error[0]

        # The unsaved text is what is evaluated: a changed answer reads was/now, and the same again collapses it.
        document.change(client, lib, document.text.replace("double x = x * 2", "double x = x * 3"))
        assert await run("double 5") == ["-- => was: 10", "-- => now: 15"]
        assert await run("double 5") == ["-- => 15"]
        # Each answer block was replaced, not stacked: one block per example.
        assert document.text.count("-- => double :: Int -> Int") == 1
        assert document.text.count("-- out: hello") == 1

        # A stale lens (its example gone) gets an answer saying so, not an edit.
        gone = await client.workspace_execute_command_async(
            types.ExecuteCommandParams(command="nova.runExample", arguments=[lib.as_uri(), 3, "triple 3"]))
        assert not gone["applied"] and "triple 3" in gone["error"]
        malformed = await client.workspace_execute_command_async(
            types.ExecuteCommandParams(command="nova.runExample", arguments=[lib.as_uri()]))
        assert not malformed["applied"]


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
        by_expression = {lens.command.arguments[-1]: lens for lens in found if lens.command is not None}
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
