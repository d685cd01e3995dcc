"""PureScript's lint warnings through the real server: published as warnings with PureScript's codes, the unused
import tagged `Unnecessary` (editors fade it), its quick fix removing it, and the warning gone on the next check."""

from __future__ import annotations

import attrs
import pytest
from lsp_harness import DaemonProject, disconnect, open_params, wait_for_diagnostics
from lsprotocol import types
from test_lsp_rename import apply

MAIN = ("module Main where\n\nimport Prelude\nimport Data.Array as Array\n\n"
        "twice :: Int -> Int\ntwice n = let unused = 1 in n * 2\n")


@pytest.mark.asyncio
async def test_lint_warnings_are_published_tagged_and_fixed(daemon_project: DaemonProject) -> None:
    main = daemon_project.project / "Main.nova"
    main.write_text(MAIN, encoding="utf-8")
    client, log = await daemon_project.session()
    client.text_document_did_open(open_params(main))
    published = await wait_for_diagnostics(log, main.as_uri(), lambda p: bool(p.diagnostics))
    by_code = {d.code: d for d in published.diagnostics}
    assert set(by_code) == {"UnusedImport", "UnusedName"}, published.diagnostics
    unused_import = by_code["UnusedImport"]
    assert unused_import.severity == types.DiagnosticSeverity.Warning
    assert list(unused_import.tags or ()) == [types.DiagnosticTag.Unnecessary]
    assert unused_import.range == types.Range(start=types.Position(3, 0), end=types.Position(3, 26))
    assert by_code["UnusedName"].range.start == types.Position(6, 14)

    document = types.TextDocumentIdentifier(uri=main.as_uri())
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=document, range=unused_import.range,
        context=types.CodeActionContext(diagnostics=[unused_import])))
    assert actions is not None
    fix = next(a for a in actions if isinstance(a, types.CodeAction) and a.title == "Remove import")
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
    assert fix.edit is not None and fix.edit.changes is not None
    fixed = apply(MAIN, fix.edit.changes[main.as_uri()])
    assert fixed == MAIN.replace("import Data.Array as Array\n", "")

    mark = len(log.history)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=main.as_uri(), version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)]))
    again = await wait_for_diagnostics(log, main.as_uri(), after=mark)
    assert [d.code for d in again.diagnostics] == ["UnusedName"]
    await disconnect(client)


SIGNATURES = "module Main where\n\nanswer = 42\n\ndata Proxy a = Proxy\n"


@pytest.mark.asyncio
async def test_missing_signatures_carry_their_facts_in_data_and_the_fix_reads_them_back(
        daemon_project: DaemonProject) -> None:
    main = daemon_project.project / "Main.nova"
    main.write_text(SIGNATURES, encoding="utf-8")
    client, log = await daemon_project.session()
    client.text_document_did_open(open_params(main))
    published = await wait_for_diagnostics(log, main.as_uri(), lambda p: bool(p.diagnostics))
    by_code = {d.code: d for d in published.diagnostics}
    assert set(by_code) == {"MissingTypeDeclaration", "MissingKindDeclaration"}, published.diagnostics
    missing_type = by_code["MissingTypeDeclaration"]
    assert missing_type.range == types.Range(start=types.Position(2, 0), end=types.Position(2, 6))
    at_line_2 = {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}}
    assert missing_type.data == {"name": "answer", "type": "Int", "insert_at": at_line_2}
    assert by_code["MissingKindDeclaration"].data == {
        "keyword": "data", "name": "Proxy", "kind": "forall k. k -> Type",
        "insert_at": {"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 0}}}

    document = types.TextDocumentIdentifier(uri=main.as_uri())

    async def fixes(diagnostic: types.Diagnostic) -> list[types.CodeAction]:
        actions = await client.text_document_code_action_async(types.CodeActionParams(
            text_document=document, range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic])))
        return [a for a in actions or () if isinstance(a, types.CodeAction) and a.diagnostics]

    [fix] = await fixes(missing_type)
    assert fix.title == "Add type signature `answer :: Int`" and fix.is_preferred
    assert fix.edit is not None and fix.edit.changes is not None
    fixed = apply(SIGNATURES, fix.edit.changes[main.as_uri()])
    assert fixed == SIGNATURES.replace("answer = 42", "answer :: Int\nanswer = 42")
    # the fix acts on the data the client sent back with the diagnostic
    [sent_back] = await fixes(attrs.evolve(missing_type, data={**missing_type.data, "type": "Number"}))
    assert sent_back.title == "Add type signature `answer :: Number`"
    [kind_fix] = await fixes(by_code["MissingKindDeclaration"])
    assert kind_fix.edit is not None and kind_fix.edit.changes is not None
    fixed = apply(fixed, [types.TextEdit(range=types.Range(start=types.Position(e.range.start.line + 1, 0),
                                                           end=types.Position(e.range.end.line + 1, 0)),
                                         new_text=e.new_text) for e in kind_fix.edit.changes[main.as_uri()]])
    assert fixed == "module Main where\n\nanswer :: Int\nanswer = 42\n\ndata Proxy :: forall k. k -> Type\n" \
                    "data Proxy a = Proxy\n"

    mark = len(log.history)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=main.as_uri(), version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)]))
    again = await wait_for_diagnostics(log, main.as_uri(), after=mark)
    assert list(again.diagnostics) == []
    await disconnect(client)
