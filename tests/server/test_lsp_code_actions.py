"""Code actions over the daemon: a quick fix importing an unknown name, attached to its diagnostic, and
`source.organizeImports`, each applied to the editor's text; the fixes written from inferred types and the
refactors, applied one after another until the module checks clean; the call hierarchy across modules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lsp_harness import DaemonProject, disconnect, open_params, position_of, wait_for_diagnostics
from lsprotocol import types
from test_lsp_rename import apply

LIB = "module Lib where\n\nimport Prelude\n\ndouble :: Int -> Int\ndouble x = x * 2\n"
MAIN = "module Main where\n\nimport Prelude\nimport Data.Array as Array\n\nx :: Int\nx = double 2\n"


@pytest.mark.asyncio
async def test_import_quick_fix_and_organize_imports(daemon_project: DaemonProject) -> None:
    project = daemon_project.project
    lib, main = project / "Lib.nova", project / "Main.nova"
    lib.write_text(LIB, encoding="utf-8")
    main.write_text(MAIN, encoding="utf-8")
    client, log = await daemon_project.session()
    client.text_document_did_open(open_params(main))
    published = await wait_for_diagnostics(log, main.as_uri(), lambda p: bool(p.diagnostics))
    unknown = [d for d in published.diagnostics if d.code == "UnknownName"]
    assert unknown, published.diagnostics
    line, col = position_of(MAIN, "double 2")
    document = types.TextDocumentIdentifier(uri=main.as_uri())
    here = types.Range(start=types.Position(line, col), end=types.Position(line, col))
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=document, range=here, context=types.CodeActionContext(diagnostics=unknown)))
    assert actions is not None
    fix = next(a for a in actions if isinstance(a, types.CodeAction) and a.title == "Import `double` from Lib")
    assert fix.kind == types.CodeActionKind.QuickFix and list(fix.diagnostics or ()) == list(unknown)
    assert fix.edit is not None and fix.edit.changes is not None
    fixed = apply(MAIN, fix.edit.changes[main.as_uri()])
    assert "import Data.Array as Array\nimport Lib (double)\n" in fixed

    mark = len(log.history)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=main.as_uri(), version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)]))
    clean = await wait_for_diagnostics(log, main.as_uri(), after=mark)
    assert [d for d in clean.diagnostics if d.severity == types.DiagnosticSeverity.Error] == []
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=document, range=types.Range(start=types.Position(0, 0), end=types.Position(0, 0)),
        context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceOrganizeImports])))
    assert actions is not None and len(actions) == 1
    organize = actions[0]
    assert isinstance(organize, types.CodeAction) and organize.edit is not None and organize.edit.changes
    organized = apply(fixed, organize.edit.changes[main.as_uri()])
    assert organized == fixed.replace("import Data.Array as Array\n", "")
    await disconnect(client)


@pytest.mark.asyncio
async def test_call_hierarchy_across_modules(daemon_project: DaemonProject) -> None:
    project = daemon_project.project
    lib, main = project / "Lib.nova", project / "Main.nova"
    lib.write_text(LIB, encoding="utf-8")
    main_text = MAIN.replace("import Data.Array as Array", "import Lib (double)")
    main.write_text(main_text, encoding="utf-8")
    client, log = await daemon_project.session()
    client.text_document_did_open(open_params(main))
    await wait_for_diagnostics(log, main.as_uri())
    line, col = position_of(main_text, "double 2")
    items = await client.text_document_prepare_call_hierarchy_async(types.CallHierarchyPrepareParams(
        text_document=types.TextDocumentIdentifier(uri=main.as_uri()), position=types.Position(line, col)))
    assert items is not None and [(i.name, i.uri, i.detail) for i in items] == [
        ("double", lib.as_uri(), "Int -> Int")]
    incoming = await client.call_hierarchy_incoming_calls_async(
        types.CallHierarchyIncomingCallsParams(item=items[0]))
    assert incoming is not None and [(c.from_.name, c.from_.uri) for c in incoming] == [("x", main.as_uri())]
    assert [(r.start.line, r.start.character) for r in incoming[0].from_ranges] == [(line, col)]
    outgoing = await client.call_hierarchy_outgoing_calls_async(
        types.CallHierarchyOutgoingCallsParams(item=incoming[0].from_))
    assert outgoing is not None and "double" in [c.to.name for c in outgoing]
    await disconnect(client)


TYPED = """module Main where

import Prelude

type Item = { name :: String, count :: Int }

item :: Item
item = { name: "a" }

xs :: _
xs = [1, 2]

total :: Int
total = 1 + price 3

scaled :: Int -> Int
scaled n = n + n * 2
"""


async def actions_at(client: Any, path: Path, start: tuple[int, int], end: tuple[int, int] | None = None,
                     diagnostics: list[types.Diagnostic] | None = None,
                     only: list[str] | None = None) -> list[types.CodeAction]:
    end = end or start
    found = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
        range=types.Range(start=types.Position(*start), end=types.Position(*end)),
        context=types.CodeActionContext(diagnostics=diagnostics or [], only=only)))
    return [a for a in found or () if isinstance(a, types.CodeAction)]


@pytest.mark.asyncio
async def test_fixes_from_inferred_types_and_refactors(daemon_project: DaemonProject) -> None:
    """Each new kind over the daemon, applied one after the other to the editor's text, which ends with no error
    and no warning."""
    project = daemon_project.project
    main = project / "Main.nova"
    main.write_text(TYPED, encoding="utf-8")
    client, log = await daemon_project.session()
    provider = client.server_info.capabilities.code_action_provider
    assert isinstance(provider, types.CodeActionOptions)
    assert {types.CodeActionKind.RefactorExtract, types.CodeActionKind.RefactorInline,
            types.CodeActionKind.RefactorRewrite} <= set(provider.code_action_kinds or ())
    client.text_document_did_open(open_params(main))
    published = await wait_for_diagnostics(log, main.as_uri(), lambda p: len(p.diagnostics) >= 3)
    text, version = TYPED, 1

    async def take(title: str, start: tuple[int, int], end: tuple[int, int] | None = None) -> None:
        nonlocal text, version
        found = await actions_at(client, main, start, end, list(published.diagnostics))
        chosen = next((a for a in found if a.title == title), None)
        assert chosen is not None and chosen.edit is not None and chosen.edit.changes, [a.title for a in found]
        text = apply(text, chosen.edit.changes[main.as_uri()])
        version += 1
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=main.as_uri(), version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))

    async def settled() -> types.PublishDiagnosticsParams:
        return await wait_for_diagnostics(log, main.as_uri(), lambda p: p.version == version)

    await take("Add the missing field `count`", position_of(text, "{ name: "))
    assert 'item = { name: "a", count: 0 }' in text
    published = await settled()
    await take("Replace `_` with `Array Int`", position_of(text, "_\n"))
    assert "xs :: Array Int\n" in text
    published = await settled()
    await take("Define `price :: Int -> Int`", position_of(text, "price 3"))
    assert 'price :: Int -> Int\nprice = unsafeCrashWith "todo"' in text
    published = await settled()
    line, col = position_of(text, "n * 2")
    # a client asking for one kind gets that kind only
    extract_only = await actions_at(client, main, (line, col), (line, col + 5), only=["refactor.extract"])
    assert [(a.title, a.kind) for a in extract_only] == [("Extract `n * 2` to a where binding", "refactor.extract")]
    await take("Extract `n * 2` to a where binding", (line, col), (line, col + 5))
    assert "scaled n = n + extracted\n  where\n    extracted = n * 2" in text
    published = await settled()
    await take("Inline `extracted`", position_of(text, "extracted\n"))
    assert text.endswith("scaled n = n + (n * 2)\n")
    final = await settled()
    assert list(final.diagnostics) == [], final.diagnostics
    await disconnect(client)
