"""inlayHint and inlayHint/resolve (nova.ide.inlay_hints): inferred types and parameter names from the document's
last good check, placed in its current text. Which kinds show is read from the client's `nova.inlayHints`
settings (workspace/configuration), again after each workspace/didChangeConfiguration; resolving a hint makes its
type names links to their declarations."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from lsprotocol import types

from nova.diagnostics import Span
from nova.ide.hover import type_names
from nova.ide.inlay_hints import HintSettings, InlayHint, inlay_hints
from server.app import NovaLanguageServer
from server.connection import Connection
from server.current_syntax import parsed_of, too_large
from server.hub import Hub
from server.ide_bridge import open_source
from server.lsp_util import safe
from server.session import OpenDoc

log = logging.getLogger(__name__)
SECTION = "nova.inlayHints"
KINDS = {"type": types.InlayHintKind.Type, "parameter": types.InlayHintKind.Parameter}


class HintState:
    """The client's hint settings, fetched once and again when the configuration changes (`generation` counts
    the changes: an answer asked for before the last change is used once, never kept)."""

    def __init__(self) -> None:
        self.settings: HintSettings | None = None
        self.generation = 0


async def client_settings(ls: NovaLanguageServer, state: HintState) -> HintSettings:
    if state.settings is not None:
        return state.settings
    workspace = getattr(ls.client_capabilities, "workspace", None)
    settings = HintSettings()
    asked_at = state.generation
    if getattr(workspace, "configuration", False):
        try:
            answer = await asyncio.wait_for(ls.workspace_configuration_async(
                types.ConfigurationParams(items=[types.ConfigurationItem(section=SECTION)])), 5.0)
            settings = HintSettings.from_settings(answer[0] if isinstance(answer, list | tuple) and answer else None)
        except Exception:
            # a busy client may answer late: the defaults serve this request only, the next one asks again
            log.warning("the client did not answer workspace/configuration; default inlay hint settings this time")
            return settings
    if state.generation == asked_at:
        state.settings = settings
    return settings


def document_hints(connection: Connection, open_doc: OpenDoc, view: Any, settings: HintSettings,
                   rng: types.Range | None) -> list[types.InlayHint]:
    good = open_doc.good
    if good is None:
        return []
    doc = open_doc.doc
    lines: tuple[int, int] | None = None
    if rng is not None:
        start = doc.to_checked(doc.index.from_client(rng.start.line, rng.start.character, connection.encoding))
        end = doc.to_checked(doc.index.from_client(rng.end.line, rng.end.character, connection.encoding))
        if start is not None and end is not None:
            lines = (start[0], end[0])
    elements = getattr(getattr(good, "typed_ast", None), "elements", None) or {}
    if too_large(open_doc.good_text, connection.hub.limits.max_file_bytes):
        return []
    text, parsed = parsed_of(open_doc, open_doc.good_text)
    answer: list[types.InlayHint] = []
    src = open_source(open_doc)
    names = type_names(view, src) if src is not None else None
    for hint in inlay_hints(elements, parsed.module, view, settings, lines, text, names):
        placed = doc.from_checked((hint.line, hint.col))
        if placed is None:
            continue
        answer.append(to_lsp(connection, open_doc, hint, placed))
    return answer


def to_lsp(connection: Connection, open_doc: OpenDoc, hint: InlayHint, placed: tuple[int, int]) -> types.InlayHint:
    doc = open_doc.doc
    position = connection.lsp_range(Span(*placed, *placed), doc.index).start
    targets = [[index, part.target[0], part.target[1]] for index, part in enumerate(hint.parts)
               if part.target is not None]
    return types.InlayHint(
        position=position,
        label=[types.InlayHintLabelPart(value=part.text) for part in hint.parts],
        kind=KINDS[hint.kind], padding_left=hint.padding_left or None, padding_right=hint.padding_right or None,
        data={"uri": open_doc.uri, "targets": targets} if targets else None,
    )


def resolve(connection: Connection, hint: types.InlayHint) -> types.InlayHint:
    """Each label part naming a type or class gets the location of its declaration and a tooltip."""
    data = hint.data
    uri = data.get("uri") if isinstance(data, dict) else getattr(data, "uri", None)
    targets = data.get("targets") if isinstance(data, dict) else getattr(data, "targets", None)
    if not isinstance(uri, str) or not isinstance(targets, list) or not isinstance(hint.label, list):
        return hint
    found = connection.open_doc(uri)
    if found is None:
        return hint
    session = found[0]
    for entry in targets:
        if not (isinstance(entry, list) and len(entry) == 3 and isinstance(entry[0], int)
                and 0 <= entry[0] < len(hint.label) and all(isinstance(x, str) for x in entry[1:])):
            continue
        index, module, key = entry
        part = hint.label[index]
        element = session.batch.element(module, key)
        span = getattr(element, "name_span", None)
        place = connection.location_of(session, module)
        if isinstance(span, Span) and place is not None:
            part.location = types.Location(uri=place[0], range=connection.lsp_range(span, place[1]))
        part.tooltip = f"{key.split(':', 1)[-1]} from {module}"
    return hint


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    connection = ls.connection
    state = HintState()

    @ls.feature(types.TEXT_DOCUMENT_INLAY_HINT, types.InlayHintOptions(resolve_provider=True))
    @safe([])
    async def hints(params: types.InlayHintParams) -> list[types.InlayHint]:
        settings = await client_settings(ls, state)
        found = connection.open_doc(params.text_document.uri)
        if found is None:
            return []
        session, open_doc = found
        return document_hints(connection, open_doc, session.batch, settings, params.range)

    @ls.feature(types.INLAY_HINT_RESOLVE)
    @safe(None)
    def resolve_hint(hint: types.InlayHint) -> types.InlayHint:
        return resolve(connection, hint)

    @ls.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    @safe(None)
    def configuration_changed(params: types.DidChangeConfigurationParams) -> None:
        state.settings = None
        state.generation += 1
        from server.features.refresh import request_refresh

        request_refresh(ls, types.WORKSPACE_INLAY_HINT_REFRESH)
