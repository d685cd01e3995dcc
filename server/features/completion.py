"""Completion (nova.ide.completion): locals, names fitting the expected type, the module's and its imports' names,
`Alias.` names, record fields and labels, modules and import items, names of modules not imported yet (with the
import as an additional edit), keywords and snippets. Every item carries a `textEdit` over the word being typed,
so clients filter `Map.ins` by `ins`. Types are probed by checking the text with a typed hole at the cursor."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from lsprotocol import types

from nova.ide.model import CompletionItem, CompletionResult
from nova.ide.source import ModuleSource
from server.app import NovaLanguageServer
from server.connection import Connection
from server.hub import Hub
from server.ide_bridge import SessionWorkspace, open_source
from server.lsp_util import documentation_formats, markup, safe
from server.session import OpenDoc

log = logging.getLogger(__name__)

PROBE_SECONDS = 2.0
"""How long completion waits for its probe check (behind the document's own check) before answering without."""
PROBE_MAX_CHARS = 400_000
"""Larger documents are completed from their last check alone (a probe re-checks the whole text)."""

KINDS = {
    "variable": types.CompletionItemKind.Variable, "function": types.CompletionItemKind.Function,
    "value": types.CompletionItemKind.Value, "constructor": types.CompletionItemKind.Constructor,
    "type": types.CompletionItemKind.Struct, "class": types.CompletionItemKind.Interface,
    "method": types.CompletionItemKind.Method, "module": types.CompletionItemKind.Module,
    "keyword": types.CompletionItemKind.Keyword, "snippet": types.CompletionItemKind.Snippet,
    "field": types.CompletionItemKind.Field, "operator": types.CompletionItemKind.Operator,
}


def snippet_support(ls: Any) -> bool:
    document = ls.client_capabilities.text_document
    completion = document.completion if document is not None else None
    item = completion.completion_item if completion is not None else None
    return bool(item is not None and item.snippet_support)


def _range(connection: Connection, open_doc: OpenDoc, span: Any, from_good: bool) -> types.Range | None:
    doc = open_doc.doc
    if from_good:
        start = doc.from_checked((span.start_line, span.start_col))
        end = doc.from_checked((span.end_line, span.end_col))
        if start is None or end is None:
            return None
        return connection.lsp_range(type(span)(*start, *end), doc.index)
    return connection.lsp_range(span, doc.index)


def to_lsp(connection: Connection, open_doc: OpenDoc, item: CompletionItem, result: CompletionResult,
           snippets: bool) -> types.CompletionItem | None:
    replace = connection.lsp_range(item.replace, open_doc.doc.index)
    text = item.insert_text or item.label
    fmt = None
    if item.snippet is not None:
        if not snippets:
            if item.kind == "snippet":
                return None
        else:
            text, fmt = item.snippet, types.InsertTextFormat.Snippet
    extra = []
    for edit in item.additional_edits:
        rng = _range(connection, open_doc, edit.span, result.edits_in_good_text)
        if rng is None:
            return None
        extra.append(types.TextEdit(range=rng, new_text=edit.new_text))
    return types.CompletionItem(
        label=item.label, kind=KINDS.get(item.kind), detail=item.detail,
        label_details=types.CompletionItemLabelDetails(description=item.source) if item.source else None,
        sort_text=f"{item.rank:02d}{item.label}", filter_text=item.filter_text or item.label,
        text_edit=types.TextEdit(range=replace, new_text=text), insert_text_format=fmt,
        additional_text_edits=extra or None,
        data={"module": item.target[0], "key": item.target[1], "uri": open_doc.uri} if item.target else None,
    )


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    connection = ls.connection

    options = types.CompletionOptions(trigger_characters=[".", "{", ","], resolve_provider=True)

    @ls.feature(types.TEXT_DOCUMENT_COMPLETION, options)
    @safe(None)
    async def completion(params: types.CompletionParams) -> types.CompletionList | None:
        from nova.ide import completion as ide_completion

        found = connection.open_doc(params.text_document.uri)
        if found is None:
            return None
        session, open_doc = found
        doc = open_doc.doc
        line, col = doc.index.from_client(params.position.line, params.position.character, connection.encoding)
        text, version = doc.text, doc.version
        planned = ide_completion.plan(text, line, col)
        probe: ModuleSource | None = None
        if planned.probe is not None and open_doc.checked is not None and len(text) <= PROBE_MAX_CHARS:
            open_doc.probes += 1
            mine = open_doc.probes
            try:
                checked, parsed = await asyncio.wait_for(hub.run_probe(
                    planned.probe, session.batch, open_doc.checked,
                    lambda: open_doc.probes == mine and doc.version == version, owner=connection), PROBE_SECONDS)
                if checked is not None:
                    elements = getattr(getattr(checked, "typed_ast", None), "elements", None) or {}
                    probe = ModuleSource(checked.name, planned.probe, elements, checked, parsed)
            except TimeoutError:
                log.info("completion probe took over %.1f s; answering without it", PROBE_SECONDS)
        if doc.version != version or connection.open_doc(params.text_document.uri) is None:
            return types.CompletionList(is_incomplete=True, items=[])
        good = open_source(open_doc)
        result = ide_completion.complete(SessionWorkspace(session), good, planned, probe, doc.to_checked)
        snippets = snippet_support(ls)
        items = [i for item in result.items if (i := to_lsp(connection, open_doc, item, result, snippets))]
        return types.CompletionList(is_incomplete=result.incomplete, items=items)

    @ls.feature(types.COMPLETION_ITEM_RESOLVE)
    @safe(None)
    def resolve_item(item: types.CompletionItem) -> types.CompletionItem:
        data = item.data if isinstance(item.data, dict) else {}
        uri, module, key = data.get("uri"), data.get("module"), data.get("key")
        session = connection.session_now(uri) if isinstance(uri, str) else None
        if session is not None and isinstance(module, str) and isinstance(key, str):
            element = session.batch.element(module, key)
            doc = getattr(element, "doc", None)
            if isinstance(doc, str) and doc.strip():
                item.documentation = markup(documentation_formats(ls), doc.strip())
        return item
