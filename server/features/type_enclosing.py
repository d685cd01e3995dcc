"""`nova/typeEnclosing {textDocument, position | range}` → `{enclosings: [{range, type}]}`: the types of the
expressions around a position or selection, smallest first (nova.ide.enclosing), from the document's last good
check mapped into its current text. Editors walk up and down the list (the type of a selection); answers that
cannot be placed in the current text (inside text typed since the check) are left out."""

from __future__ import annotations

from typing import Any

from nova.diagnostics import Span
from nova.ide.enclosing import enclosing_types
from server.app import NovaLanguageServer
from server.hub import Hub
from server.ide_bridge import open_source
from server.lsp_util import safe

METHOD = "nova/typeEnclosing"


def _field(params: Any, name: str) -> Any:
    if isinstance(params, dict):
        return params.get(name)
    return getattr(params, name, None)


def _position(value: Any) -> tuple[int, int] | None:
    line, character = _field(value, "line"), _field(value, "character")
    if isinstance(line, int) and isinstance(character, int) and not isinstance(line, bool) \
            and not isinstance(character, bool):
        return line, character
    return None


def _json_range(start: tuple[int, int], end: tuple[int, int]) -> dict[str, Any]:
    return {"start": {"line": start[0], "character": start[1]}, "end": {"line": end[0], "character": end[1]}}


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    connection = ls.connection

    @ls.feature(METHOD)
    @safe({"enclosings": []})
    def type_enclosing(params: Any) -> dict[str, Any]:
        from nova.ide.hover import type_names

        document = _field(params, "textDocument")
        uri = _field(document, "uri") if document is not None else None
        rng = _field(params, "range")
        start = _position(_field(rng, "start")) if rng is not None else _position(_field(params, "position"))
        end = _position(_field(rng, "end")) if rng is not None else start
        if not isinstance(uri, str) or start is None or end is None:
            return {"enclosings": [], "error": "expected {textDocument: {uri}, position | range}"}
        found = connection.open_doc(uri)
        if found is None or found[1].good is None:
            return {"enclosings": []}
        open_doc = found[1]
        doc = open_doc.doc
        first = doc.to_checked(doc.index.from_client(*start, connection.encoding))
        last = doc.to_checked(doc.index.from_client(*end, connection.encoding))
        if first is None or last is None:
            return {"enclosings": []}
        if last < first:
            first, last = last, first
        out = []
        src = open_source(open_doc)
        names = type_names(found[0].batch, src) if src is not None else None
        for item in enclosing_types(open_doc.elements(), Span(*first, *last), names):
            a = doc.from_checked((item.span.start_line, item.span.start_col))
            b = doc.from_checked((item.span.end_line, item.span.end_col))
            if a is None or b is None:
                continue
            placed = connection.lsp_range(Span(*a, *b), doc.index)
            out.append({"range": _json_range((placed.start.line, placed.start.character),
                                             (placed.end.line, placed.end.character)), "type": item.type})
        return {"enclosings": out}
