"""workspace/symbol: every top-level element of the workspace modules visible to this connection, fuzzy-matched."""

from __future__ import annotations

from lsprotocol import types

from nova import query
from server.app import NovaLanguageServer
from server.features.document_symbols import symbol_kind
from server.hub import Hub
from server.lsp_util import bare_name, safe

LIMIT = 500


def matches(query_text: str, name: str) -> bool:
    """Case-insensitive subsequence match, as editors' symbol pickers expect."""
    remaining = iter(name.lower())
    return all(char in remaining for char in query_text.lower())


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    connection = ls.connection

    @ls.feature(types.WORKSPACE_SYMBOL)
    @safe([])
    def workspace_symbols(params: types.WorkspaceSymbolParams) -> list[types.SymbolInformation]:
        found: list[types.SymbolInformation] = []
        seen: set[tuple[str, str]] = set()
        for session in connection.sessions():
            modules = set(session.baseline.module_paths) if session.baseline is not None else set()
            modules |= {o.module for o in session.docs.values() if o.module}
            for module in sorted(modules):
                place = None
                for key, element in dict(session.batch.elements(module) or {}).items():
                    name = getattr(element, "name", None) or bare_name(key)
                    if (module, key) in seen or not matches(params.query, name):
                        continue
                    span = query.name_span_of(element) or query.span_of(element)
                    if span is None:
                        continue
                    place = place or connection.location_of(session, module)
                    if place is None:
                        break
                    seen.add((module, key))
                    found.append(types.SymbolInformation(
                        name=name, kind=symbol_kind(key, element), container_name=module,
                        location=types.Location(place[0], connection.lsp_range(span, place[1])),
                    ))
                    if len(found) >= LIMIT:
                        return found
        return found
