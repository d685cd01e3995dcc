"""Go to definition and go to type definition (nova.ide.navigation): in the workspace, open buffers (unsaved
edits included) and the standard library's files."""

from __future__ import annotations

from lsprotocol import types

from server.app import NovaLanguageServer
from server.hub import Hub
from server.ide_bridge import request_at
from server.lsp_util import safe


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    @ls.feature(types.TEXT_DOCUMENT_DEFINITION)
    @safe([])
    def definition(params: types.DefinitionParams) -> list[types.Location]:
        from nova.ide import navigation

        request = request_at(ls.connection, params.text_document.uri, params.position)
        if request is None:
            return []
        found = navigation.definition(request.workspace, request.src, request.line, request.col)
        return [loc for f in found if (loc := request.location(f)) is not None]

    @ls.feature(types.TEXT_DOCUMENT_TYPE_DEFINITION)
    @safe([])
    def type_definition(params: types.TypeDefinitionParams) -> list[types.Location]:
        from nova.ide import navigation

        request = request_at(ls.connection, params.text_document.uri, params.position)
        if request is None:
            return []
        found = navigation.type_definition(request.workspace, request.src, request.line, request.col)
        return [loc for f in found if (loc := request.location(f)) is not None]
