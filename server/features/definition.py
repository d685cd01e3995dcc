"""Go to definition: the declaration a name refers to, in the workspace, an open buffer or a stdlib file."""

from __future__ import annotations

from lsprotocol import types

from nova import query
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


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    @ls.feature(types.TEXT_DOCUMENT_DEFINITION)
    @safe([])
    def definition(params: types.DefinitionParams) -> list[types.Location]:
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
