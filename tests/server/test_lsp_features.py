"""Every LSP feature end to end against the real server over stdio (one server for the whole module)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from lsp_harness import (
    DiagnosticsLog,
    capabilities,
    folder,
    full_change,
    open_params,
    position_of,
    record_diagnostics,
    start_stdio,
    stop_stdio,
    track_interface_updates,
    utf16,
    wait_for_diagnostics,
    wait_until,
)
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp.client import LanguageClient

LIB = """module Lib where

import Prelude

-- | Doubles a number.
double :: Int -> Int
double x = x * 2

-- | Shapes we can draw.
data Shape = Circle Int | Square Int

area :: Shape -> Int
area shape = case shape of
  Circle r -> r * r * 3
  Square side -> side * side
"""

MAIN = """module Main where

import Prelude
import Lib (double, Shape(..), area)
import Data.Array as Array

-- | The answer to everything.
answer :: Int
answer = double 21

label :: String
label = "😀 emoji" <> show answer

sizes :: Array Int
sizes = [area (Circle 1), double 2]

total :: Int
total = Array.length sizes
"""

BROKEN = """module Broken where

import Prelude

oops :: Int
oops = "not a number"
"""

OTHER = """module Other.Tools where

import Prelude

-- | Adds one.
inc :: Int -> Int
inc n = n + 1
"""

pytestmark = pytest.mark.asyncio(loop_scope="module")


class Env:
    def __init__(self, root: Path, client: LanguageClient, diagnostics: DiagnosticsLog, updates: Any,
                 init: types.InitializeResult) -> None:
        self.root, self.client, self.diagnostics, self.updates, self.init = root, client, diagnostics, updates, init
        self.project = root / "project"
        self.other = root / "other"
        self.opened: set[str] = set()  # the documents open now (each test opens what it needs: any may run alone)

    def open(self, path: Path, version: int = 1, text: str | None = None) -> None:
        self.client.text_document_did_open(open_params(path, version=version, text=text))
        self.opened.add(path.as_uri())

    def close(self, path: Path) -> None:
        self.client.text_document_did_close(types.DidCloseTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri())))
        self.opened.discard(path.as_uri())

    async def ensure_open(self, path: Path, version: int = 1) -> None:
        """Open `path` unless an earlier test left it open, and wait for its first check."""
        if path.as_uri() in self.opened:
            return
        before = len(self.diagnostics.history)
        self.open(path, version)
        await wait_for_diagnostics(self.diagnostics, path.as_uri(), lambda p: p.version == version, after=before)

    def path(self, name: str) -> Path:
        return self.project / name


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def env(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Env]:
    root = tmp_path_factory.mktemp("features")
    project, other = root / "project", root / "other"
    project.mkdir()
    other.mkdir()
    (project / "Lib.nova").write_text(LIB, encoding="utf-8")
    (project / "Main.nova").write_text(MAIN, encoding="utf-8")
    (project / "Broken.nova").write_text(BROKEN, encoding="utf-8")
    (other / "Tools.nova").write_text(OTHER, encoding="utf-8")
    client = await start_stdio(root / "cache")
    diagnostics = record_diagnostics(client)
    updates = track_interface_updates(client)
    init = await client.initialize_session(types.InitializeParams(
        capabilities=capabilities(["utf-16"]), workspace_folders=[folder(project), folder(other)],
    ))
    environment = Env(root, client, diagnostics, updates, init)
    environment.open(project / "Main.nova")
    await wait_for_diagnostics(diagnostics, (project / "Main.nova").as_uri())
    yield environment
    await stop_stdio(client)


async def hover_text(env: Env, path: Path, text: str, needle: str, occurrence: int = 0, offset: int = 1) -> str:
    line, col = position_of(text, needle, occurrence, offset)
    hover = await env.client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=utf16(text, line, col)
        )
    )
    assert hover is not None, f"no hover on {needle!r}"
    assert isinstance(hover.contents, types.MarkupContent)
    return hover.contents.value


async def test_indexing_reports_progress(env: Env) -> None:
    reports = [value for values in env.client.progress_reports.values() for value in values]
    assert any(isinstance(v, types.WorkDoneProgressBegin) for v in reports)
    messages = [v.message for v in reports if isinstance(v, types.WorkDoneProgressReport)]
    assert any(m is not None and m.endswith(" modules") and "/" in m for m in messages)
    assert any(isinstance(v, types.WorkDoneProgressEnd) for v in reports)


async def test_position_encoding_defaults_to_utf16(env: Env) -> None:
    assert env.init.capabilities.position_encoding == types.PositionEncodingKind.Utf16


async def test_clean_module_has_no_errors(env: Env) -> None:
    latest = env.diagnostics.latest(env.path("Main.nova").as_uri())
    assert latest is not None
    assert [d.message for d in latest.diagnostics if d.severity == types.DiagnosticSeverity.Error] == []


async def test_type_error_is_published_with_a_code(env: Env) -> None:
    path = env.path("Broken.nova")
    env.open(path)
    published = await wait_for_diagnostics(env.diagnostics, path.as_uri(), lambda p: len(p.diagnostics) > 0)
    error = published.diagnostics[0]
    assert error.severity == types.DiagnosticSeverity.Error
    assert isinstance(error.code, str) and error.code
    assert error.source == "nova"
    line, _ = position_of(BROKEN, '"not a number"')
    assert error.range.start.line == line
    assert published.version == 1


async def test_related_information_points_at_the_first_definition(env: Env) -> None:
    path = env.path("Broken.nova")
    text = BROKEN + "\nfine :: Int\nfine = 1\n\noops = 3\n"
    env.open(path, version=5, text=text)
    published = await wait_for_diagnostics(env.diagnostics, path.as_uri(), lambda p: p.version == 5)
    duplicate = next(d for d in published.diagnostics if d.code == "DuplicateValueDeclaration")
    assert duplicate.range.start.line == position_of(text, "oops = 3")[0]
    assert duplicate.related_information is not None
    related = duplicate.related_information[0]
    assert related.location.uri == path.as_uri()
    assert related.location.range.start.line == position_of(text, "oops = ")[0]
    assert related.message == "first defined here"


async def test_hover_shows_scheme_doc_and_origin(env: Env) -> None:
    text = await hover_text(env, env.path("Main.nova"), MAIN, "double 21")
    assert "double :: Int -> Int" in text
    assert "Doubles a number." in text
    assert "`Lib`" in text and "layer: baseline" in text


async def test_hover_on_stdlib_name_comes_from_root(env: Env) -> None:
    text = await hover_text(env, env.path("Main.nova"), MAIN, "show answer")
    assert "show ::" in text and "Show" in text
    assert "`Data.Show`" in text and "layer: root" in text


async def test_hover_on_own_declaration_names_the_layer(env: Env) -> None:
    path = env.path("Main.nova")
    text = await hover_text(env, path, MAIN, "answer = ")
    assert "answer :: Int" in text
    assert "The answer to everything." in text
    assert "layer: baseline" in text  # unedited: the session's put equals the saved file's, so nothing shadows it
    edited = MAIN.replace("answer = double 21", "answer = double 22")
    env.client.text_document_did_change(full_change(path, 2, edited))
    await wait_for_diagnostics(env.diagnostics, path.as_uri(), lambda p: p.version == 2)
    assert "layer: session" in await hover_text(env, path, edited, "answer = ")
    env.client.text_document_did_change(full_change(path, 3, MAIN))
    await wait_for_diagnostics(env.diagnostics, path.as_uri(), lambda p: p.version == 3)


async def test_hover_after_non_bmp_text_has_the_right_range(env: Env) -> None:
    path = env.path("Main.nova")
    line, col = position_of(MAIN, "show answer", offset=6)
    position = utf16(MAIN, line, col)
    assert position.character == col + 1  # the emoji before it is two UTF-16 units
    hover = await env.client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=position)
    )
    assert hover is not None and hover.range is not None
    _, answer_col = position_of(MAIN, "show answer", offset=5)
    start = utf16(MAIN, line, answer_col)
    assert hover.range.start == start
    assert hover.range.end.character == start.character + len("answer")
    assert "Int" in hover.contents.value  # type: ignore[union-attr]


async def test_hover_and_definition_of_a_type_in_a_signature(env: Env) -> None:
    lib = env.path("Lib.nova")
    env.open(lib, version=30)
    await wait_for_diagnostics(env.diagnostics, lib.as_uri(), lambda p: p.version == 30)
    text = await hover_text(env, lib, LIB, "Shape -> Int", offset=2)
    assert "data Shape = Circle Int | Square Int" in text and "Shapes we can draw." in text and "`Lib`" in text
    line, col = position_of(LIB, "Shape -> Int", offset=2)
    found = await env.client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=lib.as_uri()), position=utf16(LIB, line, col)))
    assert found is not None and found[0].range.start.line == position_of(LIB, "data Shape")[0]  # type: ignore[union-attr]


async def test_hover_on_a_local_variable_shows_its_type(env: Env) -> None:
    text = await hover_text(env, env.path("Lib.nova"), LIB, "side * side")
    assert "side :: Int" in text


async def test_definition_in_workspace_and_stdlib(env: Env) -> None:
    main = env.path("Main.nova").as_uri()
    line, col = position_of(MAIN, "double 21", offset=1)
    found = await env.client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=main), position=utf16(MAIN, line, col)))
    assert found is not None and len(found) == 1
    location = found[0]
    assert isinstance(location, types.Location)
    assert location.uri == env.path("Lib.nova").as_uri()
    assert location.range.start.line == position_of(LIB, "double x")[0]

    line, col = position_of(MAIN, "show answer", offset=1)
    found = await env.client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=main), position=utf16(MAIN, line, col)))
    assert found is not None and len(found) == 1
    assert found[0].uri.endswith("Data.Show.nova")  # type: ignore[union-attr]


async def test_definition_of_an_imported_module(env: Env) -> None:
    main = env.path("Main.nova").as_uri()
    for needle, expected_end in (("Lib (double", "Lib.nova"), ("Data.Array as", "Data.Array.nova")):
        line, col = position_of(MAIN, needle, offset=1)
        found = await env.client.text_document_definition_async(types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=main), position=utf16(MAIN, line, col)))
        assert found is not None and len(found) == 1
        assert found[0].uri.endswith(expected_end)  # type: ignore[union-attr]
        assert found[0].range.start.character == len("module ")  # type: ignore[union-attr]


async def test_definition_of_a_local_variable(env: Env) -> None:
    lib = env.path("Lib.nova").as_uri()
    line, col = position_of(LIB, "side * side", offset=1)
    found = await env.client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=lib), position=utf16(LIB, line, col)))
    assert found is not None and len(found) == 1
    assert found[0].range.start.line == position_of(LIB, "Square side")[0]  # type: ignore[union-attr]


async def test_references_cross_modules(env: Env) -> None:
    lib = env.path("Lib.nova").as_uri()
    line, col = position_of(LIB, "double ::", offset=1)
    found = await env.client.text_document_references_async(types.ReferenceParams(
        text_document=types.TextDocumentIdentifier(uri=lib), position=utf16(LIB, line, col),
        context=types.ReferenceContext(include_declaration=True)))
    assert found is not None
    uris = {(loc.uri, loc.range.start.line) for loc in found}
    main = env.path("Main.nova").as_uri()
    assert (main, position_of(MAIN, "double 21")[0]) in uris
    assert (main, position_of(MAIN, "double 2]")[0]) in uris
    assert any(uri == lib for uri, _ in uris)


async def test_document_highlight(env: Env) -> None:
    main = env.path("Main.nova").as_uri()
    line, col = position_of(MAIN, "answer", occurrence=2, offset=1)
    found = await env.client.text_document_document_highlight_async(types.DocumentHighlightParams(
        text_document=types.TextDocumentIdentifier(uri=main), position=utf16(MAIN, line, col)))
    assert found is not None
    lines = sorted(h.range.start.line for h in found)
    assert position_of(MAIN, "answer = ")[0] in lines
    assert line in lines


async def test_completion_unqualified_qualified_and_resolve(env: Env) -> None:
    main = env.path("Main.nova")
    text = MAIN + "extra = dou\n"
    env.client.text_document_did_change(full_change(main, 12, text))
    line = text.count("\n") - 1
    result = await env.client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=main.as_uri()),
        position=types.Position(line=line, character=11)))
    assert isinstance(result, types.CompletionList)
    by_label = {item.label: item for item in result.items}
    assert by_label["double"].detail == "Int -> Int"
    assert "answer" in by_label
    resolved = await env.client.completion_item_resolve_async(by_label["double"])
    assert isinstance(resolved.documentation, types.MarkupContent)
    assert "Doubles a number." in resolved.documentation.value

    text3 = MAIN + "import Data.M\n"
    env.client.text_document_did_change(full_change(main, 15, text3))
    result = await env.client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=main.as_uri()),
        position=types.Position(line=line, character=len("import Data.M"))))
    assert isinstance(result, types.CompletionList)
    assert {"Data.Maybe", "Data.Map"} <= {item.label for item in result.items}
    assert all(item.label.startswith("Data.M") for item in result.items)

    text2 = MAIN + "extra = Array.\n"
    env.client.text_document_did_change(full_change(main, 16, text2))
    result = await env.client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=main.as_uri()),
        position=types.Position(line=line, character=14)))
    assert isinstance(result, types.CompletionList)
    labels = {item.label: item for item in result.items}
    assert "length" in labels and "Array" in (labels["length"].detail or "")
    assert "double" not in labels
    env.client.text_document_did_change(full_change(main, 17, MAIN))
    await wait_for_diagnostics(env.diagnostics, main.as_uri(), lambda p: p.version == 17)


async def test_document_symbols(env: Env) -> None:
    main = env.path("Main.nova").as_uri()
    found = await env.client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=main)))
    assert found is not None
    names = [s.name for s in found]
    assert names == ["answer", "label", "sizes", "total"]
    await env.ensure_open(env.path("Lib.nova"), version=30)
    lib = env.path("Lib.nova").as_uri()
    found = await env.client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=lib)))
    assert found is not None
    outline = {s.name: [c.name for c in s.children or []] for s in found}  # type: ignore[union-attr]
    assert outline == {"double": [], "Shape": ["Circle", "Square"], "area": []}


async def test_workspace_symbols_span_both_folders(env: Env) -> None:
    found = await env.client.workspace_symbol_async(types.WorkspaceSymbolParams(query="doub"))
    assert found is not None
    assert any(s.name == "double" and s.location.uri.endswith("Lib.nova") for s in found)  # type: ignore[union-attr]
    found = await env.client.workspace_symbol_async(types.WorkspaceSymbolParams(query="inc"))
    assert found is not None
    assert any(s.name == "inc" and s.container_name == "Other.Tools" for s in found)  # type: ignore[union-attr]


async def test_signature_help(env: Env) -> None:
    main = env.path("Main.nova").as_uri()
    line, col = position_of(MAIN, "21")
    found = await env.client.text_document_signature_help_async(types.SignatureHelpParams(
        text_document=types.TextDocumentIdentifier(uri=main), position=utf16(MAIN, line, col)))
    assert found is not None
    signature = found.signatures[0]
    assert signature.label == "double :: Int -> Int"
    assert found.active_parameter == 0
    assert signature.parameters is not None and signature.parameters[0].label == (10, 13)

    # `double |`: the argument is not typed yet, so there is no application in the tree; the name before the cursor
    path = env.path("Main.nova")
    typing = MAIN + "extra = double \n"
    env.client.text_document_did_change(full_change(path, 25, typing))
    await wait_for_diagnostics(env.diagnostics, main, lambda p: p.version == 25)
    found = await env.client.text_document_signature_help_async(types.SignatureHelpParams(
        text_document=types.TextDocumentIdentifier(uri=main),
        position=types.Position(line=typing.count("\n") - 1, character=len("extra = double "))))
    assert found is not None and found.signatures[0].label == "double :: Int -> Int"
    assert found.active_parameter == 0
    env.client.text_document_did_change(full_change(path, 26, MAIN))
    await wait_for_diagnostics(env.diagnostics, main, lambda p: p.version == 26)


async def test_unsaved_edit_reaches_open_dependents_and_close_discards(env: Env) -> None:
    lib, main = env.path("Lib.nova"), env.path("Main.nova")
    await env.ensure_open(lib)
    before = len(env.diagnostics.history)
    changed = LIB.replace("double :: Int -> Int\ndouble x = x * 2", 'double :: Int -> String\ndouble x = "no"')
    env.client.text_document_did_change(full_change(lib, 2, changed))
    broken = await wait_for_diagnostics(env.diagnostics, main.as_uri(), lambda p: any(
        d.severity == types.DiagnosticSeverity.Error for d in p.diagnostics), after=before)
    assert broken.diagnostics
    assert any(e.module == "Lib" for e in env.updates.events)
    before = len(env.diagnostics.history)
    env.close(lib)
    healed = await wait_for_diagnostics(env.diagnostics, main.as_uri(), after=before)
    assert [d for d in healed.diagnostics if d.severity == types.DiagnosticSeverity.Error] == []
    text = await hover_text(env, main, MAIN, "double 21")
    assert "Int -> Int" in text


async def test_hover_keeps_answering_while_a_syntax_error_is_typed(env: Env) -> None:
    path = env.path("Main.nova")
    broken = MAIN.replace("-- | The answer", "oops = (\n\n-- | The answer")
    env.client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=20),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=5, character=0), end=types.Position(line=5, character=0)),
            text="oops = (\n\n")]))
    published = await wait_for_diagnostics(env.diagnostics, path.as_uri(), lambda p: p.version == 20)
    assert any(d.code == "SyntaxError" for d in published.diagnostics)
    text = await hover_text(env, path, broken, "double 21")
    assert "double :: Int -> Int" in text
    line, col = position_of(broken, "double 21")
    found = await env.client.text_document_document_highlight_async(types.DocumentHighlightParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=utf16(broken, line, col + 1)))
    assert found is not None and any(h.range.start.line == line for h in found)
    env.client.text_document_did_change(full_change(path, 21, MAIN))
    await wait_for_diagnostics(env.diagnostics, path.as_uri(), lambda p: p.version == 21)


async def test_hover_answers_while_a_check_is_in_flight(env: Env) -> None:
    big = env.root / "Big.nova"
    blocks = "".join(f"f{i} :: Int -> Int\nf{i} x = x * {i} + f{max(i - 1, 0)} 1\n\n" for i in range(1, 800))
    text = "module Big where\n\nimport Prelude\n\nf0 :: Int -> Int\nf0 x = x\n\n" + blocks
    env.open(big, version=1, text=text)
    await wait_for_diagnostics(env.diagnostics, big.as_uri(), lambda p: p.version == 1)
    edited = text.replace("f5 x = x * 5", "f5 x = x * 6")
    line, col = position_of(edited, "f4 1", offset=1)
    env.client.text_document_did_change(full_change(big, 2, edited))
    hover = await env.client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=big.as_uri()), position=utf16(edited, line, col)))
    published_before_hover = 2 in env.diagnostics.versions(big.as_uri())
    assert hover is not None and "f4 :: Int -> Int" in hover.contents.value  # type: ignore[union-attr]
    assert not published_before_hover  # the hover did not wait for the check of version 2
    await wait_for_diagnostics(env.diagnostics, big.as_uri(), lambda p: p.version == 2)


async def test_stale_checks_are_superseded(env: Env) -> None:
    path = env.path("Broken.nova")
    await env.ensure_open(path)
    before = len(env.diagnostics.history)
    for version in range(10, 40):
        body = BROKEN.replace('"not a number"', str(version) if version == 39 else f'"v{version}"')
        env.client.text_document_did_change(full_change(path, version, body))
    final = await wait_for_diagnostics(env.diagnostics, path.as_uri(), lambda p: p.version == 39, after=before)
    assert final.diagnostics == [] or all(d.severity != types.DiagnosticSeverity.Error for d in final.diagnostics)
    versions = [v for v in env.diagnostics.versions(path.as_uri())[before:] if v is not None]
    assert versions == sorted(versions)
    assert len(versions) < 30  # stale versions were cancelled, not all checked and published
    await wait_until(lambda: True)


async def test_bad_requests_answer_errors_and_the_server_keeps_serving(env: Env) -> None:
    # A malformed request, written raw (the typed client refuses to build one): the server answers an error.
    answer: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
    env.client.protocol._request_futures["malformed-1"] = answer
    env.client.protocol._send_data({"jsonrpc": "2.0", "id": "malformed-1", "method": "textDocument/hover",
                                    "params": {"textDocument": 3, "position": "nowhere"}})
    with pytest.raises(JsonRpcException):
        await asyncio.wait_for(answer, 30)
    far = types.Position(line=9999, character=9999)
    main = types.TextDocumentIdentifier(uri=env.path("Main.nova").as_uri())
    assert await env.client.text_document_hover_async(types.HoverParams(text_document=main, position=far)) is None
    text = await hover_text(env, env.path("Main.nova"), MAIN, "double 21")
    assert "double" in text


async def test_header_rename_moves_the_module(env: Env) -> None:
    lib, main = env.path("Lib.nova"), env.path("Main.nova")
    env.open(lib, version=50)
    await wait_for_diagnostics(env.diagnostics, lib.as_uri(), lambda p: p.version == 50)
    before = len(env.diagnostics.history)
    env.client.text_document_did_change(full_change(lib, 51, LIB.replace("module Lib where", "module Lib2 where")))
    broken = await wait_for_diagnostics(env.diagnostics, main.as_uri(), lambda p: any(
        d.severity == types.DiagnosticSeverity.Error for d in p.diagnostics), after=before)
    assert any("Lib" in d.message for d in broken.diagnostics)
    before = len(env.diagnostics.history)
    env.close(lib)
    healed = await wait_for_diagnostics(env.diagnostics, main.as_uri(), after=before)
    assert [d for d in healed.diagnostics if d.severity == types.DiagnosticSeverity.Error] == []


async def test_single_file_mode_outside_every_folder(env: Env) -> None:
    loose = env.root / "Scratch.nova"
    loose.write_text("module Scratch where\n\nimport Prelude\n\nx :: Int\nx = 1 + true\n", encoding="utf-8")
    env.open(loose)
    published = await wait_for_diagnostics(env.diagnostics, loose.as_uri(), lambda p: len(p.diagnostics) > 0)
    assert published.diagnostics[0].severity == types.DiagnosticSeverity.Error


async def test_a_buffer_without_header_does_not_shadow_main(env: Env) -> None:
    empty = env.path("Empty.nova")
    env.open(empty, text="x = 1\n")
    published = await wait_for_diagnostics(env.diagnostics, empty.as_uri())
    assert any(d.code == "MissingModuleHeader" for d in published.diagnostics)
    text = await hover_text(env, env.path("Main.nova"), MAIN, "answer = ")
    assert "answer :: Int" in text  # Main still resolves to the real module
    latest = env.diagnostics.latest(env.path("Main.nova").as_uri())
    assert latest is not None and not any(d.code == "DuplicateModule" for d in latest.diagnostics)
    env.close(empty)


async def test_a_file_changed_on_disk_reaches_open_importers(env: Env) -> None:
    uses = env.other / "Uses.nova"
    uses.write_text("module Other.Uses where\n\nimport Prelude\nimport Other.Tools (inc)\n\ntwo :: Int\ntwo = inc 1\n",
                    encoding="utf-8")
    env.open(uses)
    clean = await wait_for_diagnostics(env.diagnostics, uses.as_uri())
    assert [d for d in clean.diagnostics if d.severity == types.DiagnosticSeverity.Error] == []
    before = len(env.diagnostics.history)
    tools = env.other / "Tools.nova"
    tools.write_text(OTHER.replace("inc :: Int -> Int\ninc n = n + 1", "inc :: Int -> String\ninc n = show n"),
                     encoding="utf-8")
    env.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=tools.as_uri(), type=types.FileChangeType.Changed)]))
    broken = await wait_for_diagnostics(env.diagnostics, uses.as_uri(), lambda p: any(
        d.severity == types.DiagnosticSeverity.Error for d in p.diagnostics), after=before)
    assert broken.diagnostics


async def test_files_changed_on_disk_update_the_baseline(env: Env) -> None:
    extra = env.path("Extra.nova")
    extra.write_text("module Extra where\n\nimport Prelude\n\n-- | Fresh.\nfresh :: Int\nfresh = 7\n", encoding="utf-8")
    env.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=extra.as_uri(), type=types.FileChangeType.Created)]))

    async def modules() -> list[str]:
        state = await env.client.workspace_execute_command_async(types.ExecuteCommandParams(command="nova.dumpState"))
        return [m for b in state["baselines"] for m in b["modules"]]

    for _ in range(200):
        if "Extra" in await modules():
            break
    assert "Extra" in await modules()

    async def fresh_symbols() -> list[Any]:
        found = await env.client.workspace_symbol_async(types.WorkspaceSymbolParams(query="fresh"))
        return [s for s in found or [] if s.name == "fresh"]

    for _ in range(200):  # the file is tracked at once, its check lands a moment later
        if await fresh_symbols():
            break
    assert await fresh_symbols()
    extra.unlink()
    env.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=extra.as_uri(), type=types.FileChangeType.Deleted)]))
    for _ in range(200):
        if "Extra" not in await modules():
            break
    assert "Extra" not in await modules()
