"""Semantic tokens made right after a check, before the editor asks again: only for documents the editor has asked
tokens for (the ones it shows), and the answer then given is the one of the new text."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsp_harness import (
    capabilities,
    folder,
    full_change,
    open_params,
    record_diagnostics,
    start_stdio,
    stop_stdio,
    wait_for_diagnostics,
    wait_until,
)
from lsprotocol import types

SHOWN = "module Shown where\n\nimport Prelude\n\n-- | Twice.\ntwice :: Int -> Int\ntwice x = x + x\n"
HIDDEN = "module Hidden where\n\nimport Prelude\n\n-- | Thrice.\nthrice :: Int -> Int\nthrice x = x * 3\n"


@pytest.mark.asyncio
async def test_tokens_are_prepared_after_a_check_only_for_documents_asked_about(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    shown, hidden = project / "Shown.nova", project / "Hidden.nova"
    shown.write_text(SHOWN, encoding="utf-8")
    hidden.write_text(HIDDEN, encoding="utf-8")
    server_log = tmp_path / "server.log"
    client = await start_stdio(tmp_path / "cache", "--log-file", str(server_log), "--log-level", "INFO")
    try:
        diagnostics = record_diagnostics(client)
        init = await client.initialize_session(types.InitializeParams(
            capabilities=capabilities(["utf-16"]), workspace_folders=[folder(project)]))
        assert init.capabilities.semantic_tokens_provider is not None
        for path in (shown, hidden):
            client.text_document_did_open(open_params(path))
            await wait_for_diagnostics(diagnostics, path.as_uri())
        doc = types.TextDocumentIdentifier(uri=shown.as_uri())
        before = await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=doc))
        assert before is not None and before.data

        edited = SHOWN.replace("twice x = x + x", "twice x = x + x + x")
        client.text_document_did_change(full_change(shown, 2, edited))
        client.text_document_did_change(full_change(hidden, 2, HIDDEN.replace("x * 3", "x * 4")))
        for path in (shown, hidden):
            await wait_for_diagnostics(diagnostics, path.as_uri(), lambda p: p.version == 2)

        def prepared(path: Path) -> bool:
            return server_log.exists() and f"semantic tokens of {path.as_uri()} prepared" in server_log.read_text()

        await wait_until(lambda: prepared(shown), what="the shown document's tokens prepared")
        assert not prepared(hidden)  # never asked about: nothing made for it
        after = await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=doc))
        assert after is not None and len(after.data) == len(before.data) + 10  # one more `+` and `x`
    finally:
        await stop_stdio(client)


MANY = "module Many where\n\nimport Prelude\n\n" + "".join(
    f"-- | Number {n}.\nf{n} :: Int -> Int\nf{n} x = x * {n} + f{max(n - 1, 0)} 1\n\n" if n % 3 else
    f"f{n} x = let y = x + {n} in y\n\n" for n in range(60))


@pytest.mark.asyncio
async def test_after_a_line_added_or_removed_above_the_delta_is_one_number(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    path = project / "Many.nova"
    path.write_text(MANY, encoding="utf-8")
    client = await start_stdio(tmp_path / "cache")
    try:
        diagnostics = record_diagnostics(client)
        await client.initialize_session(types.InitializeParams(
            capabilities=capabilities(["utf-16"]), workspace_folders=[folder(project)]))
        client.text_document_did_open(open_params(path))
        await wait_for_diagnostics(diagnostics, path.as_uri())
        doc = types.TextDocumentIdentifier(uri=path.as_uri())
        first = await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=doc))
        assert first is not None and first.result_id is not None
        held, result_id = list(first.data), first.result_id
        line = MANY.split("\n").index("f4 :: Int -> Int")
        for version, added in enumerate(("\n", "", "\n\n", "", ""), start=2):
            start = types.Position(line, 0)
            end = start if added else types.Position(line + 1, 0)
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version),
                content_changes=[types.TextDocumentContentChangePartial(range=types.Range(start, end), text=added)]))
            await wait_for_diagnostics(diagnostics, path.as_uri(), lambda p, v=version: p.version == v)  # type: ignore[misc]
            step = await client.text_document_semantic_tokens_full_delta_async(types.SemanticTokensDeltaParams(
                text_document=doc, previous_result_id=result_id))
            assert isinstance(step, types.SemanticTokensDelta) and step.result_id is not None
            assert len(step.edits) == 1 and step.edits[0].delete_count == 1 and len(step.edits[0].data or []) == 1
            edit = step.edits[0]
            held[edit.start:edit.start + 1] = edit.data or []
            result_id = step.result_id
            full = await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=doc))
            assert full is not None and list(full.data) == held
            result_id = full.result_id or result_id
    finally:
        await stop_stdio(client)
