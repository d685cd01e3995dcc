"""Go to definition: the declaration a name refers to, in the workspace, an open buffer or a stdlib file."""

from __future__ import annotations

import re

from lsprotocol import types

from nova import query
from server.analysis import header_span
from server.app import NovaLanguageServer
from server.hub import Hub
from server.lsp_util import At, resolve, safe


def location_of_target(at: At, target: query.Target) -> types.Location | None:
    module, key = target
    # positions in this document come from its last good typed AST, elsewhere from the session's view
    here = module == at.module
    element = at.open_doc.elements().get(key) if here else at.session.batch.element(module, key)
    if element is None:
        return None
    span = query.name_span_of(element) or query.span_of(element)
    if span is None:
        return None
    if module == at.module:
        rng = at.range(span)
        return types.Location(at.open_doc.uri, rng) if rng is not None else None
    place = at.connection.location_of(at.session, module)
    if place is None:
        return None
    uri, index = place
    return types.Location(uri, at.connection.lsp_range(span, index))


_IMPORTED_MODULE = re.compile(r"^import\s+([A-Z][A-Za-z0-9_']*(?:\.[A-Z][A-Za-z0-9_']*)*)")


def imported_module_location(ls: NovaLanguageServer, params: types.DefinitionParams) -> types.Location | None:
    """`import Data.List …` with the cursor on the module name: that module's header."""
    connection = ls.connection
    found = connection.open_doc(params.text_document.uri)
    if found is None:
        return None
    session, open_doc = found
    index = open_doc.doc.index
    line, col = index.from_client(params.position.line, params.position.character, connection.encoding)
    match = _IMPORTED_MODULE.match(index.line(line))
    if match is None or not match.start(1) <= col <= match.end(1):
        return None
    place = connection.location_of(session, match.group(1))
    if place is None:
        return None
    uri, text_index = place
    return types.Location(uri=uri, range=connection.lsp_range(header_span("\n".join(text_index.lines)), text_index))


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    @ls.feature(types.TEXT_DOCUMENT_DEFINITION)
    @safe([])
    def definition(params: types.DefinitionParams) -> list[types.Location]:
        module = imported_module_location(ls, params)
        if module is not None:
            return [module]
        at = resolve(ls.connection, params.text_document.uri, params.position)
        if at is None:
            return []
        target = at.target()
        if target is None:
            binder = at.binder()
            rng = at.range(binder) if binder is not None else None
            return [types.Location(uri=at.open_doc.uri, range=rng)] if rng is not None else []
        location = location_of_target(at, target)
        return [location] if location is not None else []
