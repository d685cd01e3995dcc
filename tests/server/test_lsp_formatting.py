"""textDocument/formatting and rangeFormatting end to end against the real server over stdio."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from lsp_harness import (
    capabilities,
    folder,
    full_change,
    open_params,
    record_diagnostics,
    start_stdio,
    stop_stdio,
    wait_for_diagnostics,
)
from lsprotocol import types
from pytest_lsp.client import LanguageClient

UGLY = """module Tidy where

import Prelude

total :: Int->Int
total x = x+1

-- | Kept.
main = do
    let y = [1,2]
    pure {a:y}
"""

TIDY = """module Tidy where

import Prelude

total :: Int -> Int
total x = x + 1

-- | Kept.
main = do
  let y = [ 1, 2 ]
  pure { a: y }
"""

pytestmark = pytest.mark.asyncio(loop_scope="module")


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply edits as an editor does (ASCII text: UTF-16 units are code points)."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start = starts[edit.range.start.line] + edit.range.start.character
        end = starts[edit.range.end.line] + edit.range.end.character
        text = text[:start] + edit.new_text + text[end:]
    return text


class Env:
    def __init__(self, path: Path, client: LanguageClient, init: types.InitializeResult) -> None:
        self.path, self.client, self.init = path, client, init

    def doc(self) -> types.TextDocumentIdentifier:
        return types.TextDocumentIdentifier(uri=self.path.as_uri())


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def env(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Env]:
    root = tmp_path_factory.mktemp("formatting")
    project = root / "project"
    project.mkdir()
    path = project / "Tidy.nova"
    path.write_text(UGLY, encoding="utf-8")
    client = await start_stdio(root / "cache")
    diagnostics = record_diagnostics(client)
    init = await client.initialize_session(types.InitializeParams(
        capabilities=capabilities(["utf-16"]), workspace_folders=[folder(project)]))
    client.text_document_did_open(open_params(path))
    await wait_for_diagnostics(diagnostics, path.as_uri())
    yield Env(path, client, init)
    await stop_stdio(client)


OPTIONS = types.FormattingOptions(tab_size=2, insert_spaces=True)


async def test_formatting_capabilities_are_announced(env: Env) -> None:
    caps = env.init.capabilities
    assert caps.document_formatting_provider
    assert caps.document_range_formatting_provider


async def test_whole_document_formatting(env: Env) -> None:
    edits = await env.client.text_document_formatting_async(
        types.DocumentFormattingParams(text_document=env.doc(), options=OPTIONS))
    assert edits
    assert apply(UGLY, edits) == TIDY
    untouched = {e.range.start.line for e in edits}
    assert 0 not in untouched  # unchanged lines are not rewritten


async def test_range_formatting_touches_only_the_declarations_in_range(env: Env) -> None:
    line = UGLY.split("\n").index("total x = x+1")
    edits = await env.client.text_document_range_formatting_async(types.DocumentRangeFormattingParams(
        text_document=env.doc(), range=types.Range(types.Position(line, 0), types.Position(line, 5)),
        options=OPTIONS))
    assert edits
    result = apply(UGLY, edits)
    assert "total x = x + 1" in result
    assert "let y = [1,2]" in result  # `main` is outside the range


async def test_a_document_with_syntax_errors_gets_no_edits(env: Env) -> None:
    broken = UGLY + "\nbroken = (1 +\n"
    env.client.text_document_did_change(full_change(env.path, 2, broken))
    edits = await env.client.text_document_formatting_async(
        types.DocumentFormattingParams(text_document=env.doc(), options=OPTIONS))
    assert not edits
    env.client.text_document_did_change(full_change(env.path, 3, TIDY))
    edits = await env.client.text_document_formatting_async(
        types.DocumentFormattingParams(text_document=env.doc(), options=OPTIONS))
    assert not edits  # formatted already
