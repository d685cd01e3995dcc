"""The reading and editing requests over the daemon with two editors on one folder: completion (record fields, an
alias's names with text edits, a name of a module not yet imported with the import added), type definition,
references through import and export lists, hover on a module name, signature help while an argument is typed, a
code action on unsaved text. One editor's unsaved edits change only its own answers; the other sees them once
saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lsp_harness import DaemonProject, disconnect, full_change, open_params, position_of, utf16, wait_for_diagnostics
from lsprotocol import types
from test_lsp_daemon_sessions import save
from test_lsp_rename import apply

LIB = """-- | Stock keeping for the shop.
module Lib (Item, Shelf(..), lowStock, restock, stock) where

import Prelude

-- | One line of the stock.
type Item = { name :: String, count :: Int }

-- | Where an item is kept.
newtype Shelf = Shelf Int

lowStock :: Int -> Item -> Boolean
lowStock limit item = item.count < limit

restock :: Int -> Item -> Item
restock n item = item { count = item.count + n }

stock :: Array Item
stock = []
"""
LIB_MORE = LIB.replace("restock, stock)", "restock, restockAll, stock)") + """
restockAll :: Int -> Array Item -> Array Item
restockAll n = map (restock n)
"""
MAIN = """module Main where

import Prelude
import Data.Array as Array
import Lib (Item, Shelf(..), lowStock, stock)

check :: Item -> Boolean
check item = lowStock 5 item

size :: Int
size = Array.length stock

shelfOf :: Shelf -> Int
shelfOf shelf = case shelf of
  Shelf n -> n
"""


def where(path: Path, text: str, needle: str, offset: int = 0, occurrence: int = 0) -> dict[str, Any]:
    line, col = position_of(text, needle, occurrence, offset=offset)
    return {"text_document": types.TextDocumentIdentifier(uri=path.as_uri()), "position": utf16(text, line, col)}


async def complete(client: Any, at: dict[str, Any]) -> dict[str, types.CompletionItem]:
    result = await client.text_document_completion_async(types.CompletionParams(**at))
    items = result.items if isinstance(result, types.CompletionList) else result or []
    return {item.label: item for item in items}


async def typed_into(client: Any, log: Any, path: Path, version: int, text: str) -> None:
    mark = len(log.history)
    client.text_document_did_change(full_change(path, version, text))
    await wait_for_diagnostics(log, path.as_uri(), after=mark)


@pytest.mark.asyncio
async def test_reading_and_editing_requests_follow_each_editors_text(daemon_project: DaemonProject) -> None:
    lib = daemon_project.write("Lib.nova", LIB)
    main = daemon_project.write("Main.nova", MAIN)
    a, a_log = await daemon_project.session()
    b, b_log = await daemon_project.session()
    for client, log in ((a, a_log), (b, b_log)):
        client.text_document_did_open(open_params(main))
        await wait_for_diagnostics(log, main.as_uri())
    a.text_document_did_open(open_params(lib))
    await wait_for_diagnostics(a_log, lib.as_uri())

    # record fields after `it.`, in A's unsaved text; B's text has no such line
    fields = MAIN + "\ncountOf :: Item -> Int\ncountOf it = it.count\n"
    await typed_into(a, a_log, main, 2, fields)
    found = await complete(a, where(main, fields, "it.count", offset=len("it.")))
    assert {"count", "name"} <= set(found) and found["count"].detail == "Int"
    found = await complete(b, where(main, MAIN, "stock\n", offset=len("sto")))
    assert "count" not in found and "stock" in found

    # an alias's names replace only the name after `Array.` (a text edit, so no client filters on the dot)
    found = await complete(a, where(main, fields, "Array.length", offset=len("Array.le")))
    length = found["length"]
    assert isinstance(length.text_edit, types.TextEdit) and length.text_edit.new_text == "length"
    assert length.text_edit.range.start.character == len("size = Array.")

    # A adds `restockAll` to Lib without saving: A is offered it with the import, B is not until A saves
    await typed_into(a, a_log, lib, 2, LIB_MORE)
    typing = fields + "\nmore = restockA\n"
    await typed_into(a, a_log, main, 3, typing)
    at = where(main, typing, "restockA\n", offset=len("restockA"))
    offered = (await complete(a, at))["restockAll"]
    assert apply(typing, list(offered.additional_text_edits or ())).count(
        "import Lib (Item, Shelf(..), lowStock, stock, restockAll)") == 1
    b_typing = MAIN + "\nmore = restockA\n"
    await typed_into(b, b_log, main, 2, b_typing)
    b_at = where(main, b_typing, "restockA\n", offset=len("restockA"))
    assert "restockAll" not in await complete(b, b_at)
    mark = len(b_log.history)
    save(a, lib, LIB_MORE)
    await wait_for_diagnostics(b_log, main.as_uri(), after=mark)
    assert "restockAll" in await complete(b, b_at)

    # type definition of a parameter goes to its type's declaration
    found_types = await a.text_document_type_definition_async(types.TypeDefinitionParams(
        **where(main, typing, "shelf of", offset=1)))
    locations = found_types if isinstance(found_types, list) else [found_types]
    assert [(loc.uri, loc.range.start.line) for loc in locations] == [
        (lib.as_uri(), position_of(LIB_MORE, "newtype Shelf")[0])]

    # references of `lowStock` include the export list of Lib and the import list of Main
    refs = await b.text_document_references_async(types.ReferenceParams(
        **where(main, b_typing, "lowStock 5", offset=1), context=types.ReferenceContext(include_declaration=True)))
    assert refs is not None
    lines = {(loc.uri, loc.range.start.line) for loc in refs}
    assert (lib.as_uri(), 1) in lines and (main.as_uri(), 4) in lines  # the export and import lists
    assert (main.as_uri(), position_of(MAIN, "lowStock 5")[0]) in lines
    assert (lib.as_uri(), position_of(LIB_MORE, "lowStock limit")[0]) in lines

    # hover on a module name in an import: its doc and how many names it exports
    shown = await a.text_document_hover_async(types.HoverParams(**where(main, typing, "Lib (", offset=1)))
    assert shown is not None and "Stock keeping for the shop." in str(shown.contents.value)
    assert "exports 5 values, 2 types" in str(shown.contents.value)  # (the constructor Shelf is a value)

    # signature help stays up while the next argument is typed (A's text only)
    calling = typing + "\nlow = lowStock 5 \n"
    await typed_into(a, a_log, main, 4, calling)
    line = calling.count("\n") - 1
    help_ = await a.text_document_signature_help_async(types.SignatureHelpParams(
        text_document=types.TextDocumentIdentifier(uri=main.as_uri()),
        position=types.Position(line, len("low = lowStock 5 "))))
    assert help_ is not None and help_.signatures[0].label.startswith("lowStock :: Int -> ")
    assert help_.active_parameter == 1

    # a code action on A's unsaved text: the typo in it fixed; B's text has no such error
    typo = MAIN + "\ntwice :: Int\ntwice = sizee * 2\n"
    await typed_into(a, a_log, main, 5, typo)
    at = where(main, typo, "sizee", offset=1)
    context = types.CodeActionContext(diagnostics=[
        d for d in (a_log.latest(main.as_uri()).diagnostics or []) if d.code == "UnknownName"])
    actions = await a.text_document_code_action_async(types.CodeActionParams(
        text_document=at["text_document"], range=types.Range(start=at["position"], end=at["position"]),
        context=context))
    fix = next(x for x in actions or [] if isinstance(x, types.CodeAction) and x.title == "Change to `size`")
    assert fix.edit is not None and fix.edit.changes is not None
    assert "twice = size * 2" in apply(typo, fix.edit.changes[main.as_uri()])
    await disconnect(a)
    await disconnect(b)
