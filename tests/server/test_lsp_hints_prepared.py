"""Inlay hints made whole after a check (or after a request that found none for the current settings), a screen's
request then answered with their slice: the same hints as made for that screen alone, for every setting; and a
request made right after an edit answers the hints of the text as it is now."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lsp_harness import (
    capabilities,
    folder,
    full_change,
    open_params,
    position_of,
    record_diagnostics,
    start_stdio,
    stop_stdio,
    wait_for_diagnostics,
    wait_until,
)
from lsprotocol import types

SOURCE = """module Hinted where

import Prelude
import Data.Maybe (Maybe(..))

data Shape = Circle Int | Square Int

double x = x * 2

signed :: Int -> Int
signed n = helper n
  where
  helper k = k + offset
  offset = 1

names = map _.name [{ name: "a" }]

describe { name, age } = name <> show age

pick m = case m of
  Just shape -> shape
  Nothing -> Circle 0

add left right = left + right

total = add 1 2 + add offset 3
  where
  offset = 5

greet name = "hi " <> name
"""

SETTINGS = ("topLevelTypes", "localTypes", "variableTypes", "recordTypes", "parameterNames")


def shown(hints: list[types.InlayHint] | None, text: str) -> list[tuple[int, str, str]]:
    """(line, the line's text up to the hint, label) of each hint."""
    assert hints is not None
    rows = text.split("\n")
    return [(h.position.line, rows[h.position.line][:h.position.character],
             h.label if isinstance(h.label, str) else "".join(part.value for part in h.label)) for h in hints]


def prepared_count(server_log: Path, uri: str) -> int:
    return server_log.read_text().count(f"inlay hints of {uri} prepared") if server_log.exists() else 0


@pytest.mark.asyncio
async def test_prepared_hints_are_those_made_on_demand_for_every_setting_and_follow_edits(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    path = project / "Hinted.nova"
    path.write_text(SOURCE, encoding="utf-8")
    uri = path.as_uri()
    server_log = tmp_path / "server.log"
    client = await start_stdio(tmp_path / "cache", "--log-file", str(server_log), "--log-level", "INFO")
    try:
        diagnostics = record_diagnostics(client)
        caps = capabilities(["utf-16"])
        assert caps.workspace is not None
        caps.workspace.configuration = True
        client.set_configuration({}, section="nova.inlayHints")
        await client.initialize_session(types.InitializeParams(capabilities=caps, workspace_folders=[folder(project)]))
        client.text_document_did_open(open_params(path))
        await wait_for_diagnostics(diagnostics, uri)
        doc = types.TextDocumentIdentifier(uri=uri)
        rows = SOURCE.split("\n")
        whole = types.Range(types.Position(0, 0), types.Position(len(rows), 0))
        screen = types.Range(types.Position(position_of(SOURCE, "names =")[0], 0),
                             types.Position(position_of(SOURCE, "total =")[0], 0))
        kinds: set[str] = set()
        for bits in range(32):
            settings: dict[str, Any] = {name: bool(bits >> n & 1) for n, name in enumerate(SETTINGS)}
            client.set_configuration(settings, section="nova.inlayHints")
            client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
            before = prepared_count(server_log, uri)
            made = await client.text_document_inlay_hint_async(types.InlayHintParams(text_document=doc, range=screen))
            made_whole = await client.text_document_inlay_hint_async(
                types.InlayHintParams(text_document=doc, range=whole))
            await wait_until(lambda before=before: prepared_count(server_log, uri) > before,  # type: ignore[misc]
                             what="the hints prepared for the new settings")
            sliced = await client.text_document_inlay_hint_async(types.InlayHintParams(text_document=doc,
                                                                                       range=screen))
            assert shown(sliced, SOURCE) == shown(made, SOURCE), settings
            again = await client.text_document_inlay_hint_async(types.InlayHintParams(text_document=doc, range=whole))
            assert shown(again, SOURCE) == shown(made_whole, SOURCE), settings
            kinds.update(label.split(" ", 1)[0] for _, _, label in shown(again, SOURCE))
        assert {"::", "of"} <= kinds and any(kind.endswith(":") for kind in kinds)  # type, record, parameter hints

        # an edit, and at once a request: the hints of the text as it is now (mapped from the last check)
        edited = "-- | Two lines above.\n--\n" + SOURCE
        client.text_document_did_change(full_change(path, 2, edited))
        hints = await client.text_document_inlay_hint_async(types.InlayHintParams(text_document=doc, range=types.Range(
            types.Position(0, 0), types.Position(len(edited.split("\n")), 0))))
        found = shown(hints, edited)
        assert (position_of(edited, "greet name")[0], "greet", ":: String -> String") in found
        assert (position_of(edited, "double x")[0], "double", ":: Int -> Int") in found
        await wait_for_diagnostics(diagnostics, uri, lambda p: p.version == 2)
        hints = await client.text_document_inlay_hint_async(types.InlayHintParams(text_document=doc, range=types.Range(
            types.Position(0, 0), types.Position(len(edited.split("\n")), 0))))
        assert shown(hints, edited) == found
    finally:
        await stop_stdio(client)
