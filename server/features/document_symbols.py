"""documentSymbol: the module's top-level elements (values, constructors, types, classes, instances)."""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from nova import keys, query
from server.app import NovaLanguageServer
from server.hub import Hub
from server.lsp_util import bare_name, safe

KINDS = {
    "value": types.SymbolKind.Function, "foreign": types.SymbolKind.Function,
    "constructor": types.SymbolKind.Constructor, "type": types.SymbolKind.Struct, "newtype": types.SymbolKind.Struct,
    "synonym": types.SymbolKind.TypeParameter, "class": types.SymbolKind.Interface,
    "instance": types.SymbolKind.Object, "operator": types.SymbolKind.Operator,
}


def symbol_kind(key: str, element: Any) -> types.SymbolKind:
    kind = getattr(element, "kind", None)
    if isinstance(kind, str) and kind in KINDS:
        return KINDS[kind]
    if keys.is_type_key(key):
        return types.SymbolKind.Struct
    if keys.is_class_key(key):
        return types.SymbolKind.Interface
    return types.SymbolKind.Function


def parent_key(module: str | None, element: Any) -> str | None:
    """Constructors nest under their type, class methods under their class (outline view)."""
    kind = getattr(element, "kind", None)
    if kind == "constructor":
        owner = getattr(element, "type_name", None)
        return owner if isinstance(owner, str) else None
    cls = getattr(element, "cls", None)
    if kind == "method" and isinstance(cls, tuple) and len(cls) == 2 and cls[0] == module:
        return keys.class_key(cls[1])
    return None


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    connection = ls.connection

    @ls.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    @safe([])
    def document_symbols(params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
        found = connection.open_doc(params.text_document.uri)
        if found is None or found[1].good is None:
            return []
        _, open_doc = found
        doc = open_doc.doc
        symbols: dict[str, types.DocumentSymbol] = {}
        elements = open_doc.elements()
        for key, element in elements.items():
            span = query.span_of(element)
            name_span = query.name_span_of(element) or span
            if span is None or name_span is None:
                continue
            start, end = doc.from_checked((span.start_line, span.start_col)), doc.from_checked(
                (span.end_line, span.end_col))
            name_start = doc.from_checked((name_span.start_line, name_span.start_col))
            name_end = doc.from_checked((name_span.end_line, name_span.end_col))
            if None in (start, end, name_start, name_end):
                continue
            full = connection.lsp_range(type(span)(*start, *end), doc.index)  # type: ignore[misc]
            selection = connection.lsp_range(type(span)(*name_start, *name_end), doc.index)  # type: ignore[misc]
            if not (full.start.line, full.start.character) <= (selection.start.line, selection.start.character):
                selection = full
            symbols[key] = types.DocumentSymbol(
                name=getattr(element, "name", None) or bare_name(key), kind=symbol_kind(key, element),
                range=full, selection_range=selection, detail=getattr(element, "kind", None),
            )
        top: list[types.DocumentSymbol] = []
        for key, symbol in symbols.items():
            parent = symbols.get(parent_key(open_doc.module, elements[key]) or "")
            if parent is not None:
                parent.children = [*(parent.children or []), symbol]
            else:
                top.append(symbol)
        top.sort(key=lambda s: (s.range.start.line, s.range.start.character))
        return top
