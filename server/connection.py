"""One editor connection: its documents, its position encoding, its sessions (one per workspace folder plus one
for files outside every folder), and the mapping of language results to LSP messages."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lsprotocol import types
from pygls.uris import from_fs_path, to_fs_path

from nova.diagnostics import Diagnostic, Span
from server import analysis
from server.documents import Document
from server.positions import Encoding, LineIndex
from server.session import OpenDoc, WorkspaceSession

if TYPE_CHECKING:
    from server.hub import Hub, Progress

log = logging.getLogger(__name__)

INTERFACE_UPDATED = "nova/interfaceUpdated"


def uri_to_path(uri: str) -> Path | None:
    if not uri.startswith("file:"):
        return None
    path = to_fs_path(uri)
    return Path(path).resolve() if path else None


def path_to_uri(path: Path) -> str:
    return from_fs_path(str(path)) or path.as_uri()


def _log_failure(future: asyncio.Future[Any]) -> None:
    if not future.cancelled() and future.exception() is not None:
        log.error("opening a workspace folder failed", exc_info=future.exception())


def header_span(text: str) -> Span:
    """The module name in `module X where` (the start of the text when there is no header)."""
    header = analysis.header_of(text)
    if header is None:
        return Span(0, 0, 0, 0)
    name, line, col = header
    return Span(line, col, line, col + len(name))


class Connection:
    def __init__(self, ls: Any, hub: Hub) -> None:
        self.ls = ls
        self.hub = hub
        self.encoding: Encoding = "utf-16"
        self.documents: dict[str, Document] = {}
        self.folders: dict[Path, asyncio.Future[WorkspaceSession]] = {}
        self._loose: WorkspaceSession | None = None
        self.closed = False
        self.progress_supported = False
        self.hub.connections.add(self)

    # ---- sessions --------------------------------------------------------------------------------------------
    def add_folder(self, folder: Path) -> asyncio.Future[WorkspaceSession]:
        folder = folder.resolve()
        if folder not in self.folders:
            future = asyncio.ensure_future(self._open_folder(folder))
            future.add_done_callback(_log_failure)
            self.folders[folder] = future
        return self.folders[folder]

    async def _open_folder(self, folder: Path) -> WorkspaceSession:
        token = f"nova-index-{id(self)}-{folder}"
        progress: Progress | None = None
        if self.progress_supported and folder not in self.hub.baselines:
            try:
                await asyncio.wait_for(self.ls.work_done_progress.create_async(token), 10)
                self.ls.work_done_progress.begin(
                    token, types.WorkDoneProgressBegin(title=f"Indexing {folder.name}", percentage=0)
                )

                async def progress(done: int, total: int, module: str) -> None:
                    if not self.closed:
                        self.ls.work_done_progress.report(token, types.WorkDoneProgressReport(
                            message=f"{done}/{total} modules", percentage=int(100 * done / max(total, 1))))
            except Exception:
                log.warning("the client refused a progress token; indexing silently")
                progress = None
        try:
            baseline = await self.hub.baseline(folder, progress)
        finally:
            if progress is not None and not self.closed:
                self.ls.work_done_progress.end(token, types.WorkDoneProgressEnd(message="indexed"))
        if self.closed:
            raise asyncio.CancelledError
        session = WorkspaceSession(self, baseline, baseline.layer)
        for uri, doc in self.documents.items():
            path = uri_to_path(uri)
            if path is not None and self._folder_of(path) == folder and (
                self._loose is None or uri not in self._loose.docs
            ):
                session.open(uri, doc, path)
        return session

    def remove_folder(self, folder: Path) -> None:
        """The folder's session goes; its open documents carry on in the session of the folder that now holds
        them, or in single-file mode."""
        folder = folder.resolve()
        future = self.folders.pop(folder, None)
        if future is None:
            return
        if not (future.done() and not future.cancelled() and future.exception() is None):
            future.cancel()
            return
        session = future.result()
        moved = list(session.docs)
        session.dispose()
        for uri in moved:
            if uri in self.documents:
                asyncio.ensure_future(self._reopen(uri)).add_done_callback(_log_failure)

    async def _reopen(self, uri: str) -> None:
        session = await self.session_for(uri)
        doc = self.documents.get(uri)
        if doc is not None and uri not in session.docs and not self.closed:
            session.open(uri, doc, uri_to_path(uri))

    def _folder_of(self, path: Path) -> Path | None:
        best: Path | None = None
        for folder in self.folders:
            if path.is_relative_to(folder) and (best is None or len(folder.parts) > len(best.parts)):
                best = folder
        return best

    def in_own_folders(self, path: Path) -> bool:
        """Whether a file lies inside one of this connection's workspace folders (symbolic links resolved): the
        only files a connection may make the server read on its behalf, besides the standard library."""
        try:
            return self._folder_of(path.resolve()) is not None
        except (OSError, RuntimeError, ValueError):
            return False

    def loose(self) -> WorkspaceSession:
        if self._loose is None:
            self._loose = WorkspaceSession(self, None, self.hub.root)
        return self._loose

    async def session_for(self, uri: str) -> WorkspaceSession:
        path = uri_to_path(uri)
        folder = self._folder_of(path) if path is not None else None
        if folder is None:
            await self.hub.ensure_root()
            return self.loose()
        try:
            return await asyncio.shield(self.folders[folder])
        except asyncio.CancelledError:
            raise
        except Exception:
            await self.hub.ensure_root()
            return self.loose()  # indexing the folder failed (logged): the file still works on its own

    def session_now(self, uri: str) -> WorkspaceSession | None:
        """The session holding this document, if it is already open there (requests never wait for indexing)."""
        path = uri_to_path(uri)
        folder = self._folder_of(path) if path is not None else None
        if folder is None:
            return self._loose if self._loose is not None and uri in self._loose.docs else None
        future = self.folders[folder]
        if future.done() and not future.cancelled() and future.exception() is None:
            session = future.result()
            return session if uri in session.docs else None
        return None

    def sessions(self) -> list[WorkspaceSession]:
        found = [
            f.result() for f in self.folders.values() if f.done() and not f.cancelled() and f.exception() is None
        ]
        if self._loose is not None:
            found.append(self._loose)
        return found

    def open_doc(self, uri: str) -> tuple[WorkspaceSession, OpenDoc] | None:
        session = self.session_now(uri)
        if session is None:
            return None
        return session, session.docs[uri]

    # ---- LSP output ------------------------------------------------------------------------------------------
    def lsp_range(self, span: Span, index: LineIndex) -> types.Range:
        start = index.to_client(span.start_line, span.start_col, self.encoding)
        end = index.to_client(span.end_line, span.end_col, self.encoding)
        return types.Range(types.Position(*start), types.Position(*end))

    def location_of(self, session: WorkspaceSession, module: str | None) -> tuple[str, LineIndex] | None:
        """URI and current text of the file defining `module` in this session's view."""
        if module is None:
            return None
        for open_doc in session.docs.values():
            if open_doc.module == module:
                return open_doc.uri, LineIndex.of(open_doc.checked_text)
        path = session.baseline.path_of(module) if session.baseline is not None else None
        if path is None:
            path = self.hub.stdlib_path(module)
        if path is None:
            return None
        from nova.sources import SourceError, read_source

        try:
            return path_to_uri(path), LineIndex.of(read_source(path, self.hub.limits.max_file_bytes).text)
        except SourceError:
            return None

    def to_lsp_diagnostic(
        self, session: WorkspaceSession, open_doc: OpenDoc, diagnostic: Diagnostic, index: LineIndex
    ) -> types.Diagnostic:
        """Related places without a module (or in this module) point into this document."""
        related = []
        for item in diagnostic.related:
            if item.module is None or item.module == open_doc.module:
                place: tuple[str, LineIndex] | None = (open_doc.uri, index)
            else:
                place = self.location_of(session, item.module)
            if place is None:
                continue
            related.append(types.DiagnosticRelatedInformation(
                location=types.Location(uri=place[0], range=self.lsp_range(item.span, place[1])),
                message=item.message))
        return types.Diagnostic(
            range=self.lsp_range(diagnostic.span, index),
            message=diagnostic.message,
            severity=types.DiagnosticSeverity(int(diagnostic.severity)),
            code=diagnostic.code,
            source="nova",
            related_information=related or None,
        )

    def publish_checked(self, session: WorkspaceSession, open_doc: OpenDoc, extra: list[Any]) -> None:
        if self.closed:
            return
        index = LineIndex.of(open_doc.checked_text)
        out = []
        for diagnostic in getattr(open_doc.checked, "diagnostics", ()):
            try:
                out.append(self.to_lsp_diagnostic(session, open_doc, diagnostic, index))
            except Exception:
                log.exception("bad diagnostic %r", diagnostic)
        for message, twin in extra:
            out.append(types.Diagnostic(
                range=self.lsp_range(header_span(open_doc.checked_text), index), message=message,
                severity=types.DiagnosticSeverity.Error, code="duplicate-module", source="nova",
                related_information=[types.DiagnosticRelatedInformation(
                    location=types.Location(uri=twin.uri, range=self.lsp_range(
                        header_span(twin.checked_text), LineIndex.of(twin.checked_text))),
                    message="the other definition")],
            ))
        self.ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=open_doc.uri, diagnostics=out, version=open_doc.checked_version)
        )

    def publish_failure(self, uri: str, version: int | None, error: Exception) -> None:
        """The check of a document failed inside the server: one error at its start says so (and why), instead
        of leaving the editor with no diagnostics or those of an older version."""
        if self.closed:
            return
        message = f"the server could not check this file: {type(error).__name__}: {error} (details in the server log)"
        diagnostic = types.Diagnostic(
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
            message=message, severity=types.DiagnosticSeverity.Error, code="InternalError", source="nova")
        self.ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[diagnostic], version=version))

    def clear_diagnostics(self, uri: str) -> None:
        if not self.closed:
            self.ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def interface_updated(self, event: Any) -> None:
        if self.closed:
            return
        try:
            self.ls.protocol.notify(INTERFACE_UPDATED, {
                "module": event.module, "rev": event.rev, "exportsChanged": bool(event.exports_changed),
                "kind": event.kind,
            })
        except Exception:
            log.exception("sending %s", INTERFACE_UPDATED)

    # ---- lifecycle -------------------------------------------------------------------------------------------
    def close(self) -> None:
        """Connection ended (shutdown, exit or disconnect): discard every batch it owns."""
        if self.closed:
            return
        self.closed = True
        for future in self.folders.values():
            if future.done() and not future.cancelled() and future.exception() is None:
                future.result().dispose()
            else:
                future.cancel()
        self.folders.clear()
        if self._loose is not None:
            self._loose.dispose()
        self.documents.clear()
        self.hub.connections.discard(self)
