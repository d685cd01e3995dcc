"""inlayHint and inlayHint/resolve (nova.ide.inlay_hints): inferred types and parameter names from the document's
last good check, placed in its current text. Which kinds show is read from the client's `nova.inlayHints`
settings (workspace/configuration), again after each workspace/didChangeConfiguration; resolving a hint makes its
type names links to their declarations.

An editor asks for the hints of the screen it shows after every check and every scroll. The whole document's hints
are made once per check, settings and view (`Prepared`): shortly after each check of a document the editor has
asked hints for (`Connection.after_check`, as semantic tokens are), or after a request that found none prepared. A
screen's request then takes the slice of them on its lines and places those in the current text (a request before
they are made is answered for its screen alone)."""

from __future__ import annotations

import asyncio
import logging
import time
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lsprotocol import types

from nova.diagnostics import Span
from nova.ide.moved import moved_elements
from server.app import NovaLanguageServer
from server.connection import Connection
from server.current_syntax import parsed_of, too_large
from server.hub import Hub
from server.ide_bridge import open_source
from server.lsp_util import safe, trim
from server.session import OpenDoc

if TYPE_CHECKING:  # the hints' module (and the syntax tree's) is imported by the first request, not at start
    from nova.ide.inlay_hints import HintMemo, HintSettings, InlayHint

log = logging.getLogger(__name__)
SECTION = "nova.inlayHints"
PREPARE_AFTER = 0.03
"""Seconds after a check (or a request that found no hints prepared) the whole document's hints are made: not in
the loop's next turn, where the requests an editor sends right after a check (its screen's hints, made for that
screen alone, and the semantic tokens, made ready) would wait behind them."""
KINDS = {"type": types.InlayHintKind.Type, "parameter": types.InlayHintKind.Parameter}


@dataclass(slots=True)
class Prepared:
    """One document's hints, whole: those of its good check `good` under `settings`, made while its view was at
    `revision` (a callee's parameter names are read through it), sorted by position in the checked text (`lines`:
    each one's line, for slicing)."""

    good: Any
    settings: HintSettings
    revision: int
    hints: list[InlayHint]
    lines: list[int]


class HintState:
    """The client's hint settings, fetched once and again when the configuration changes (`generation` counts
    the changes: an answer asked for before the last change is used once, never kept), and the prepared hints of
    each document the editor has asked hints for."""

    def __init__(self) -> None:
        self.settings: HintSettings | None = None
        self.generation = 0
        self.prepared: dict[str, Prepared | None] = {}
        """By URI: present once the editor has asked for the document's hints (None: nothing prepared yet)."""
        self.memos: dict[str, HintMemo] = {}
        """By URI: each element's hints from the document's last prepared ones."""
        self.pending: set[str] = set()
        """The documents whose preparation is scheduled."""

    def asked(self, uri: str) -> None:
        """The editor asked for this document's hints: from now on they are prepared after each check."""
        if uri not in self.prepared:
            self.prepared[uri] = None
            trim(self.prepared)
            self.memos = {key: memo for key, memo in self.memos.items() if key in self.prepared}

    def current(self, uri: str, good: Any, settings: HintSettings, view: Any) -> Prepared | None:
        """The document's prepared hints if they are those of this good check, settings and view."""
        prepared = self.prepared.get(uri)
        if prepared is None or prepared.good is not good or prepared.settings != settings:
            return None
        if settings.parameter_names and prepared.revision != view_revision(view):
            return None  # (a callee's parameter names are read through the view)
        return prepared


async def client_settings(ls: NovaLanguageServer, state: HintState) -> HintSettings:
    from nova.ide.inlay_hints import HintSettings

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


def checked_lines(connection: Connection, open_doc: OpenDoc, rng: types.Range | None) -> tuple[int, int] | None:
    """The lines of the checked text a range of the current one covers (inclusive; None: the whole document, or a
    range whose ends fall inside edits made since the check)."""
    if rng is None:
        return None
    doc = open_doc.doc
    start = doc.to_checked(doc.index.from_client(rng.start.line, rng.start.character, connection.encoding))
    end = doc.to_checked(doc.index.from_client(rng.end.line, rng.end.character, connection.encoding))
    if start is None or end is None:
        return None
    return (start[0], end[0])


def hints_of(connection: Connection, open_doc: OpenDoc, view: Any, settings: HintSettings,
             lines: tuple[int, int] | None, memo: HintMemo | None = None,
             moved: dict[int, tuple[Any, int]] | None = None) -> list[InlayHint]:
    """The hints of the document's last good check on `lines` of its text (None: all), sorted by position."""
    from nova.ide.hover import type_names
    from nova.ide.inlay_hints import inlay_hints

    good = open_doc.good
    if good is None or too_large(open_doc.good_text, connection.hub.limits.max_file_bytes):
        return []
    elements = getattr(getattr(good, "typed_ast", None), "elements", None) or {}
    text, parsed = parsed_of(open_doc, open_doc.good_text)
    src = open_source(open_doc)
    names = type_names(view, src) if src is not None else None
    return inlay_hints(elements, parsed.module, view, settings, lines, text, names, memo, moved)


def placed_hints(connection: Connection, open_doc: OpenDoc, hints: list[InlayHint]) -> list[types.InlayHint]:
    """The hints in the client's terms, placed in the current text (those inside edits made since the check are
    left out)."""
    doc = open_doc.doc
    answer: list[types.InlayHint] = []
    for hint in hints:
        placed = doc.from_checked((hint.line, hint.col))
        if placed is not None:
            answer.append(to_lsp(connection, open_doc, hint, placed))
    return answer


def document_hints(connection: Connection, open_doc: OpenDoc, view: Any, settings: HintSettings,
                   rng: types.Range | None, state: HintState | None = None) -> list[types.InlayHint]:
    """The hints on a range of the document (None: all of it): sliced from its prepared hints when they are those
    of its good check, settings and view, else made for the range alone."""
    if open_doc.good is None:
        return []
    lines = checked_lines(connection, open_doc, rng)
    prepared = state.current(open_doc.uri, open_doc.good, settings, view) if state is not None else None
    if prepared is None:
        return placed_hints(connection, open_doc, hints_of(connection, open_doc, view, settings, lines))
    first, last = (0, len(prepared.hints)) if lines is None else \
        (bisect_left(prepared.lines, lines[0]), bisect_right(prepared.lines, lines[1]))
    return placed_hints(connection, open_doc, prepared.hints[first:last])


def view_revision(view: Any) -> int:
    """The view's revision (-1 for a view without one: then prepared hints are those of any)."""
    revision = getattr(view, "view_revision", -1)
    return revision if isinstance(revision, int) else -1


def prepare(connection: Connection, state: HintState, uri: str, settings: HintSettings) -> Prepared | None:
    """Makes (or keeps) the whole document's hints for its good check, these settings and its view's revision.
    Only for a document the editor has asked hints for."""
    if uri not in state.prepared or connection.closed:
        return None
    found = connection.open_doc(uri)
    if found is None:
        return None
    session, open_doc = found
    good, view = open_doc.good, session.batch
    if good is None:
        return None
    prepared = state.current(uri, good, settings, view)
    if prepared is None:
        from nova.ide.inlay_hints import HintMemo

        memo = state.memos.get(uri)
        if memo is None:
            memo = state.memos[uri] = HintMemo()
        before = state.prepared.get(uri)
        # (the elements the checker moved by whole lines since the memo's answer: their hints are moved alike)
        moved = moved_elements(before.good, good) if before is not None else None
        hints = hints_of(connection, open_doc, view, settings, None, memo, moved)
        prepared = Prepared(good, settings, view_revision(view), hints, [hint.line for hint in hints])
        state.prepared[uri] = prepared
    return prepared


def prepare_soon(connection: Connection, state: HintState, uri: str) -> None:
    """`prepare`, `PREPARE_AFTER` seconds from now (once), with the client's settings as they are then; nothing
    before the client gave them."""
    if uri in state.pending:
        return
    state.pending.add(uri)

    def run() -> None:
        state.pending.discard(uri)
        settings = state.settings
        if settings is None:
            return
        began = time.perf_counter()
        try:
            if prepare(connection, state, uri, settings) is None:
                return
        except Exception:
            log.exception("preparing the inlay hints of %s", uri)
            return
        log.info("inlay hints of %s prepared in %.2f ms", uri, 1000 * (time.perf_counter() - began))

    asyncio.get_running_loop().call_later(PREPARE_AFTER, run)


def prepare_after_checks(connection: Connection, state: HintState) -> None:
    """After each check of a document whose hints the editor has asked for, its whole hints are made shortly
    after (`prepare_soon`): the editor's next requests for its screens slice them. A document never asked about is
    left alone."""
    def after_check(session: Any, open_doc: OpenDoc) -> None:
        if open_doc.uri in state.prepared:
            prepare_soon(connection, state, open_doc.uri)

    connection.after_check.append(after_check)


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
    prepare_after_checks(connection, state)

    @ls.feature(types.TEXT_DOCUMENT_INLAY_HINT, types.InlayHintOptions(resolve_provider=True))
    @safe([])
    async def hints(params: types.InlayHintParams) -> list[types.InlayHint]:
        settings = await client_settings(ls, state)
        uri = params.text_document.uri
        found = connection.open_doc(uri)
        if found is None:
            return []
        session, open_doc = found
        state.asked(uri)
        answer = document_hints(connection, open_doc, session.batch, settings, params.range, state)
        if state.current(uri, open_doc.good, settings, session.batch) is None:
            prepare_soon(connection, state, uri)  # (made for this range alone: the whole document's follow)
        return answer

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
