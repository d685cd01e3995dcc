"""The server side of nova.ide: a `Workspace` over one editor session, requests resolved to a document's source,
and nova.ide's plain results converted to LSP (URIs, client position encodings, edits in current texts).

Open documents answer from their last good check (text, typed tree and parse tree together); nova.ide's spans
in them are in that text's coordinates and are mapped to the current text through the edits made since. Saved
files answer from the baseline's text and rows, the standard library from its files and the root's rows.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lsprotocol import types

from nova.diagnostics import Span
from nova.ide.model import IdeError, Location, SourceChange
from nova.ide.source import ModuleSource, header_lines
from server.connection import Connection, path_to_uri
from server.positions import LineIndex
from server.session import OpenDoc, WorkspaceSession

if TYPE_CHECKING:
    from server.hub import ProjectBaseline

log = logging.getLogger(__name__)


def open_source(open_doc: OpenDoc) -> ModuleSource | None:
    """nova.ide's view of an open document: its last good check (built once per good result)."""
    if open_doc.good is None:
        return None
    if open_doc.ide_source is None:
        good = open_doc.good
        name = getattr(good, "name", None) or open_doc.module or "Main"
        elements = getattr(getattr(good, "typed_ast", None), "elements", None) or {}
        parsed = open_doc.good_parsed
        if parsed is None:
            # a document too large to check: the IDE reads its header (imports) and never parses the rest
            from nova.sources import normalize_line_ends
            from nova.syntax import parse_module

            lines = open_doc.good_text.split("\n")
            parsed = parse_module(normalize_line_ends("\n".join(lines[:header_lines(lines)])))
        open_doc.ide_source = ModuleSource(name, open_doc.good_text, elements, good, parsed)
    source: ModuleSource = open_doc.ide_source
    return source


class SessionWorkspace:
    """nova.ide's `Workspace` over one editor session: its view is the session's batch (its unsaved edits over
    the folder's saved files over the standard library)."""

    def __init__(self, session: WorkspaceSession) -> None:
        self.session = session
        self._sources: dict[str, ModuleSource | None] = {}

    @property
    def view(self) -> Any:
        return self.session.batch

    def open_doc_of(self, module: str) -> OpenDoc | None:
        for open_doc in self.session.docs.values():
            if open_doc.module == module and open_doc.good is not None:
                return open_doc
        return None

    def source(self, module: str) -> ModuleSource | None:
        if module in self._sources:
            return self._sources[module]
        found = self._find(module)
        self._sources[module] = found
        return found

    def _find(self, module: str) -> ModuleSource | None:
        open_doc = self.open_doc_of(module)
        if open_doc is not None:
            return open_source(open_doc)
        entry = self.view.get(module)
        if entry is None:
            return None
        baseline = self.session.baseline
        path = baseline.path_of(module) if baseline is not None else None
        if baseline is not None and path is not None and path in baseline.files:
            return _baseline_source(baseline, module, path, entry, self.view)
        return _library_source(self.session, module, entry, self.view)

    def editable_modules(self) -> Iterable[str]:
        names = set(self.session.baseline.module_paths) if self.session.baseline is not None else set()
        names |= {o.module for o in self.session.docs.values() if o.module}
        return sorted(names)


def _baseline_source(baseline: ProjectBaseline, module: str, path: Path, entry: Any, view: Any) -> ModuleSource:
    """A saved file's source, cached on the baseline while its text and rows stay the same."""
    file = baseline.files[path]
    key = (entry.rev, file.text_hash)
    cached = baseline.ide_sources.get(module)
    if cached is not None and cached[0] == key:
        source: ModuleSource = cached[1]
        return source
    checked = baseline.checked.get(module)
    if checked is not None and getattr(checked, "typed_ast", None) is not entry.ast:
        checked = None
    source = ModuleSource(module, file.text, view.elements(module) or {}, checked)
    baseline.ide_sources[module] = (key, source)
    return source


def _library_source(session: WorkspaceSession, module: str, entry: Any, view: Any) -> ModuleSource | None:
    hub = session.hub
    cached = hub.library_sources.get(module)
    if cached is not None and cached[0] == entry.rev:
        source: ModuleSource = cached[1]
        return source
    path = hub.stdlib_path(module)
    if path is None:
        return None
    from nova.sources import SourceError, read_source

    try:
        text = read_source(path, hub.limits.max_file_bytes).text
    except SourceError:
        return None
    source = ModuleSource(module, text, view.elements(module) or {}, editable=False)
    hub.library_sources[module] = (entry.rev, source)
    return source


@dataclass(slots=True)
class Request:
    """A position in an open document, resolved to its last good source (`line`, `col` in that source's text)."""

    connection: Connection
    session: WorkspaceSession
    open_doc: OpenDoc
    workspace: SessionWorkspace
    src: ModuleSource
    line: int
    col: int

    def location(self, found: Location) -> types.Location | None:
        return lsp_location(self.connection, self.workspace, found)

    def range(self, span: Span) -> types.Range | None:
        """A span of this document's good source → the client's current text."""
        placed = place(self.connection, self.workspace, self.src.name, span)
        return placed[1] if placed is not None else None


def request_at(connection: Connection, uri: str, position: types.Position) -> Request | None:
    found = connection.open_doc(uri)
    if found is None:
        return None
    session, open_doc = found
    src = open_source(open_doc)
    if src is None:
        return None
    doc = open_doc.doc
    current = doc.index.from_client(position.line, position.character, connection.encoding)
    mapped = doc.to_checked(current)
    if mapped is None:
        return None
    workspace = SessionWorkspace(session)
    workspace._sources[src.name] = src
    return Request(connection, session, open_doc, workspace, src, mapped[0], mapped[1])


def document_of(connection: Connection, uri: str) -> tuple[WorkspaceSession, OpenDoc, SessionWorkspace] | None:
    found = connection.open_doc(uri)
    if found is None:
        return None
    session, open_doc = found
    return session, open_doc, SessionWorkspace(session)


def place(connection: Connection, workspace: SessionWorkspace, module: str, span: Span
          ) -> tuple[str, types.Range] | None:
    """(URI, client range in the current text) of a span of a module's source as `workspace` gave it."""
    open_doc = workspace.open_doc_of(module)
    if open_doc is not None:
        doc = open_doc.doc
        start = doc.from_checked((span.start_line, span.start_col))
        end = doc.from_checked((span.end_line, span.end_col))
        if start is None or end is None:
            return None
        return open_doc.uri, connection.lsp_range(Span(*start, *end), doc.index)
    uri_index = file_of(workspace, module)
    if uri_index is None:
        return None
    return uri_index[0], connection.lsp_range(span, uri_index[1])


def file_of(workspace: SessionWorkspace, module: str) -> tuple[str, LineIndex] | None:
    """URI and line index of a module that is not open (its saved file or stdlib file)."""
    session = workspace.session
    source = workspace.source(module)
    if source is None:
        return None
    path = session.baseline.path_of(module) if session.baseline is not None else None
    if path is None:
        path = session.hub.stdlib_path(module)
    if path is None:
        return None
    return path_to_uri(path), LineIndex.of(source.text)


def lsp_location(connection: Connection, workspace: SessionWorkspace, found: Location) -> types.Location | None:
    placed = place(connection, workspace, found.module, found.span)
    return types.Location(uri=placed[0], range=placed[1]) if placed is not None else None


def workspace_edit(connection: Connection, workspace: SessionWorkspace, change: SourceChange,
                   versioned: bool) -> types.WorkspaceEdit:
    """Edits of every module, in each document's current text. An edit in text typed since the last check
    cannot be placed: the whole change is refused then (a partial rename would break the code)."""
    by_uri: dict[str, list[types.TextEdit]] = {}
    versions: dict[str, int | None] = {}
    for module, edits in change.sorted().edits.items():
        for edit in edits:
            placed = place(connection, workspace, module, edit.span)
            if placed is None:
                raise IdeError(f"`{module}` changed since it was last checked; try again in a moment.")
            uri, rng = placed
            by_uri.setdefault(uri, []).append(types.TextEdit(range=rng, new_text=edit.new_text))
            open_doc = workspace.open_doc_of(module)
            versions[uri] = open_doc.doc.version if open_doc is not None else None
    if not versioned:
        return types.WorkspaceEdit(changes=by_uri)
    return types.WorkspaceEdit(document_changes=[
        types.TextDocumentEdit(
            text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=versions.get(uri)),
            edits=list(edits),
        )
        for uri, edits in by_uri.items()
    ])


def supports_document_changes(ls: Any) -> bool:
    workspace = ls.client_capabilities.workspace
    edit = workspace.workspace_edit if workspace is not None else None
    return bool(edit is not None and edit.document_changes)
