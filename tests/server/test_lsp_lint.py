"""PureScript's lint warnings through the real server: published as warnings with PureScript's codes, the unused
import tagged `Unnecessary` (editors fade it), its quick fix removing it, and the warning gone on the next check."""

from __future__ import annotations

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
