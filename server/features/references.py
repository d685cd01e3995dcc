"""Find references and document highlight (nova.ide.navigation): every use of the name under the cursor in the
modules that can see it, import and export lists included."""

from __future__ import annotations

from lsprotocol import types

from server.app import NovaLanguageServer
from server.hub import Hub
from server.ide_bridge import request_at
from server.lsp_util import safe


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    @ls.feature(types.TEXT_DOCUMENT_REFERENCES)
    @safe([])
    def references(params: types.ReferenceParams) -> list[types.Location]:
        from nova.ide import navigation

        request = request_at(ls.connection, params.text_document.uri, params.position)
        if request is None:
            return []
        found = navigation.references(request.workspace, request.src, request.line, request.col,
                                      params.context.include_declaration)
        return [loc for f in found if (loc := request.location(f)) is not None]

    @ls.feature(types.TEXT_DOCUMENT_DOCUMENT_HIGHLIGHT)
    @safe([])
    def highlight(params: types.DocumentHighlightParams) -> list[types.DocumentHighlight]:
        from nova.ide import navigation

        request = request_at(ls.connection, params.text_document.uri, params.position)
        if request is None:
            return []
        out = []
        for found in navigation.highlights(request.workspace, request.src, request.line, request.col):
            rng = request.range(found.span)
            if rng is not None:
                kind = types.DocumentHighlightKind.Write if found.write else types.DocumentHighlightKind.Read
                out.append(types.DocumentHighlight(range=rng, kind=kind))
        return out
