"""Hover (nova.ide.hover): the type or scheme of a name, its doc comment and where it comes from (module · layer),
a module's doc and interface size. Answers from the document's last good check, never waiting for one in flight."""

from __future__ import annotations

from lsprotocol import types

from nova.ide.model import HoverInfo
from server.app import NovaLanguageServer
from server.hub import Hub
from server.ide_bridge import Request, request_at
from server.lsp_util import hover_formats, markup, safe


def hover_markdown(request: Request, info: HoverInfo) -> str:
    parts = [f"```nova\n{info.code}\n```"]
    if info.doc:
        parts.append(info.doc)
    parts.extend(info.notes)
    if info.module is not None:
        parts.append(f"`{info.module}` · layer: {request.session.layer_name(info.module)}")
    return "\n\n".join(parts)


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    @ls.feature(types.TEXT_DOCUMENT_HOVER)
    @safe()
    def hover(params: types.HoverParams) -> types.Hover | None:
        from nova.ide import hover as ide_hover

        request = request_at(ls.connection, params.text_document.uri, params.position)
        if request is None:
            return None
        info = ide_hover.hover(request.workspace, request.src, request.line, request.col)
        if info is None:
            return None
        rng = request.range(info.span) if info.span is not None else None
        return types.Hover(contents=markup(hover_formats(ls), hover_markdown(request, info)), range=rng)
