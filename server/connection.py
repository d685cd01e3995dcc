"""One editor connection: its documents, its position encoding, its sessions (one per project inside its
workspace folders, plus one for files outside every folder), and the mapping of language results to LSP messages.

A workspace folder opens the project it belongs to: the nearest folder at or above it with a `nova.toml` (else the
folder itself). A file opens the project of the nearest `nova.toml` above it, so a package nested in a folder (a
test fixture, an example) is its own project, as it is when an editor opens it directly; such a project is indexed
when its first file is opened."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lsprotocol import types
from pygls.uris import from_fs_path, to_fs_path

from nova.diagnostics import Diagnostic, Span
from nova.project import innermost_folder, project_root
from server import diagnostic_data
from server.documents import Document
from server.positions import Encoding, LineIndex
from server.session import OpenDoc, WorkspaceSession

if TYPE_CHECKING:
    from server.hub import Hub

log = logging.getLogger(__name__)

INTERFACE_UPDATED = "nova/interfaceUpdated"
SAVED = "nova/saved"


_REMEMBERED_URIS = 4096


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


class Connection:
    def __init__(self, ls: Any, hub: Hub) -> None:
        self.ls = ls
        self.hub = hub
        self.encoding: Encoding = "utf-16"
        self.documents: dict[str, Document] = {}
        self.folders: dict[Path, Path] = {}
        """Workspace folder → the root of its project."""
        self.projects: dict[Path, asyncio.Future[WorkspaceSession]] = {}
        """Project root → this connection's session on it (being opened, or open)."""
        self._roots: dict[Path, Path | None] = {}
        """Folder of a file → the nearest `nova.toml` folder above it (cleared when a manifest changes)."""
        self._uri_projects: dict[str, Path | None] = {}
        """Document URI → `project_of` its file (cleared when folders or manifests change): every request on a
        document asks it, and resolving the path reads the file system."""
        self._loose: WorkspaceSession | None = None
        self.after_check: list[Callable[[WorkspaceSession, OpenDoc], None]] = []
        """Features that follow each shown check of a document (refresh requests, prepared tokens), called after
        its diagnostics are handed on (`checked`)."""
        self.closed = False
        self.progress_supported = False
        self.hub.connections.add(self)

    # ---- sessions ----------------------------------------------------------------------------------------------
    def add_folder(self, folder: Path) -> asyncio.Future[WorkspaceSession]:
        folder = folder.resolve()
        root = self.folders.get(folder)
        if root is None:
            root = self.folders[folder] = project_root(folder) or folder
            self._uri_projects.clear()
        return self.open_project(root)

    def open_project(self, root: Path) -> asyncio.Future[WorkspaceSession]:
        if root not in self.projects:
            future = asyncio.ensure_future(self._open_project(root))
            future.add_done_callback(_log_failure)
            self.projects[root] = future
        return self.projects[root]

    async def _open_project(self, root: Path) -> WorkspaceSession:
        """The project's session, its baseline indexed first (with `$/progress` when the client takes it). The
        index starts at once: asking the client for a progress token is a round trip (the client answers once it
        has digested the `initialize` reply), which the restore of a warm start outlasts only when it runs meanwhile;
        the reports made before the token is granted are summed up by one once it is."""
        token = f"nova-index-{id(self)}-{root}"
        shown = False
        latest: list[types.WorkDoneProgressReport] = []

        def report(value: types.WorkDoneProgressReport) -> None:
            if not self.closed:
                self.ls.work_done_progress.report(token, value)

        async def progress(done: int, total: int, module: str) -> None:
            value = types.WorkDoneProgressReport(message=f"{done}/{total} modules",
                                                 percentage=int(100 * done / max(total, 1)))
            if shown:
                report(value)
            else:
                latest[:] = [value]

        wanted = self.progress_supported and root not in self.hub.baselines
        indexing = asyncio.ensure_future(self.hub.baseline(root, progress if wanted else None))
        try:
            if wanted:
                shown = await self._begin_progress(token, f"Indexing {root.name}")
                if shown and latest:
                    report(latest[0])
            baseline = await indexing
        finally:
            if not indexing.done():
                indexing.cancel()  # this connection no longer waits; the hub's own indexing goes on (shielded)
            if shown and not self.closed:
                self.ls.work_done_progress.end(token, types.WorkDoneProgressEnd(message="indexed"))
        if self.closed:
            raise asyncio.CancelledError
        session = WorkspaceSession(self, baseline, baseline.layer)
        self.publish_manifest_problems(baseline)
        for uri, doc in self.documents.items():
            path = uri_to_path(uri)
            if path is not None and self.project_of(path) == root and (
                self._loose is None or uri not in self._loose.docs
            ):
                session.open(uri, doc, path)
        return session

    async def _begin_progress(self, token: str, title: str) -> bool:
        """Create the progress `token` with the client and begin it; False when the client refuses or does not
        answer (indexing then goes on silently)."""
        try:
            await asyncio.wait_for(self.ls.work_done_progress.create_async(token), 10)
            self.ls.work_done_progress.begin(token, types.WorkDoneProgressBegin(title=title, percentage=0))
        except Exception:
            log.warning("the client refused a progress token; indexing silently")
            return False
        return not self.closed

    def remove_folder(self, folder: Path) -> None:
        """The folder's sessions go (its project's and those of packages nested in it that no other folder
        holds); their open documents carry on in the session of the project that now holds them, or in
        single-file mode."""
        folder = folder.resolve()
        root = self.folders.pop(folder, None)
        if root is None:
            return
        self._uri_projects.clear()
        for project in [r for r in self.projects if r == root or r.is_relative_to(folder)]:
            if any(self._belongs(project, other, other_root) for other, other_root in self.folders.items()):
                continue
            future = self.projects.pop(project)
            if not (future.done() and not future.cancelled() and future.exception() is None):
                future.cancel()
                continue
            session = future.result()
            moved = list(session.docs)
            session.dispose()
            for uri in moved:
                if uri in self.documents:
                    asyncio.ensure_future(self._reopen(uri)).add_done_callback(_log_failure)

    @staticmethod
    def _belongs(project: Path, folder: Path, folder_root: Path) -> bool:
        return project == folder_root or project.is_relative_to(folder)

    async def _reopen(self, uri: str) -> None:
        session = await self.session_for(uri)
        doc = self.documents.get(uri)
        if doc is not None and uri not in session.docs and not self.closed:
            session.open(uri, doc, uri_to_path(uri))

    def _folder_of(self, path: Path) -> Path | None:
        return innermost_folder(path, self.folders)

    def project_of(self, path: Path) -> Path | None:
        """The root of the project a file belongs to; None outside every workspace folder."""
        folder = self._folder_of(path)
        if folder is None:
            return None
        parent = path.parent
        if parent not in self._roots:
            self._roots[parent] = project_root(parent)
        return self._roots[parent] or self.folders[folder]

    def manifests_changed(self) -> None:
        """A `nova.toml` appeared, changed or went: files may belong to another project now; each open document
        whose project changed moves to the session of its new project."""
        self._roots.clear()
        self._uri_projects.clear()
        for session in self.sessions():
            if session.baseline is None:
                continue
            for uri, open_doc in list(session.docs.items()):
                if open_doc.path is not None and self.project_of(open_doc.path) != session.baseline.folder:
                    session.close(uri)
                    asyncio.ensure_future(self._reopen(uri)).add_done_callback(_log_failure)

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

    def _project_of_uri(self, uri: str) -> Path | None:
        if uri not in self._uri_projects:
            if len(self._uri_projects) >= _REMEMBERED_URIS:
                self._uri_projects.clear()
            path = uri_to_path(uri)
            self._uri_projects[uri] = self.project_of(path) if path is not None else None
        return self._uri_projects[uri]

    async def session_for(self, uri: str) -> WorkspaceSession:
        root = self._project_of_uri(uri)
        if root is None:
            await self.hub.ensure_root()
            return self.loose()
        try:
            return await asyncio.shield(self.open_project(root))
        except asyncio.CancelledError:
            raise
        except Exception:
            await self.hub.ensure_root()
            return self.loose()  # indexing the folder failed (logged): the file still works on its own

    def session_now(self, uri: str) -> WorkspaceSession | None:
        """The session holding this document, if it is already open there (requests never wait for indexing)."""
        root = self._project_of_uri(uri)
        if root is None or root not in self.projects:
            return self._loose if self._loose is not None and uri in self._loose.docs else None
        future = self.projects[root]
        if future.done() and not future.cancelled() and future.exception() is None:
            session = future.result()
            return session if uri in session.docs else None
        return None

    def sessions(self) -> list[WorkspaceSession]:
        found = [
            f.result() for f in self.projects.values() if f.done() and not f.cancelled() and f.exception() is None
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

    def location_of_path(self, session: WorkspaceSession, path: Path) -> tuple[str, LineIndex] | None:
        """URI and current text of a file: its buffer when open in this session, else the file read."""
        for open_doc in session.docs.values():
            if open_doc.path == path:
                return open_doc.uri, LineIndex.of(open_doc.checked_text)
        if session.baseline is not None and path in session.baseline.files:
            return path_to_uri(path), LineIndex.of(session.baseline.files[path].text)
        return None

    def publish_manifest_problems(self, baseline: Any) -> None:
        """The problems of the project's `nova.toml` files, as diagnostics of those files (a broken manifest shows
        in the editor's problem list even when the file is not open)."""
        project = baseline.project
        if project is None or self.closed:
            return
        by_file: dict[Path, list[Diagnostic]] = {}
        if project.manifest is not None:
            by_file[project.manifest.path] = []
        for problem in project.problems:
            by_file.setdefault(problem.path, []).append(problem.diagnostic())
        for path, found in by_file.items():
            try:
                index = LineIndex.of(path.read_text(encoding="utf-8", errors="replace"))
            except OSError:
                index = LineIndex.of("")
            self.ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                uri=path_to_uri(path),
                diagnostics=[types.Diagnostic(range=self.lsp_range(d.span, index), message=d.message,
                                              severity=types.DiagnosticSeverity(int(d.severity)), code=d.code,
                                              source="nova") for d in found]))

    def to_lsp_diagnostic(
        self, session: WorkspaceSession, open_doc: OpenDoc, diagnostic: Diagnostic, index: LineIndex
    ) -> types.Diagnostic:
        """Related places without a module (or in this module) point into this document; a place with a path,
        into that file."""
        related = []
        for item in diagnostic.related:
            place: tuple[str, LineIndex] | None
            if item.path is not None:
                place = self.location_of_path(session, Path(item.path))
            elif item.module is None or item.module == open_doc.module:
                place = (open_doc.uri, index)
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
            tags=[types.DiagnosticTag.Unnecessary] if diagnostic.unnecessary else None,
            data=diagnostic_data.to_lsp(diagnostic.data, lambda span: self.lsp_range(span, index)),
        )

    def checked(self, session: WorkspaceSession, open_doc: OpenDoc, extra: list[Diagnostic]) -> None:
        """A check of the document to show: its diagnostics handed on (`publish_checked`), then `after_check`."""
        self.publish_checked(session, open_doc, extra)
        for follow in self.after_check:
            follow(session, open_doc)

    def publish_checked(self, session: WorkspaceSession, open_doc: OpenDoc, extra: list[Diagnostic]) -> None:
        """The document's diagnostics: its check's and `extra` (a duplicate module, found by the session)."""
        if self.closed:
            return
        index = LineIndex.of(open_doc.checked_text)
        out = []
        for diagnostic in (*getattr(open_doc.checked, "diagnostics", ()), *getattr(open_doc.checked, "lint", ())):
            try:
                out.append(self.to_lsp_diagnostic(session, open_doc, diagnostic, index))
            except Exception:
                log.exception("bad diagnostic %r", diagnostic)
        for diagnostic in extra:
            out.append(self.to_lsp_diagnostic(session, open_doc, diagnostic, index))
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

    def saved(self, report: Any) -> None:
        """A save of one of this connection's documents reached the baseline (`session.SaveReport`): told to the
        client (a view of the layers refreshes on it; the re-checks it caused need not change any interface)."""
        if self.closed:
            return
        try:
            self.ls.protocol.notify(SAVED, {
                "module": report.module, "rev": report.rev, "exportsChanged": report.exports_changed,
                "rechecked": list(report.rechecked),
            })
        except Exception:
            log.exception("sending %s", SAVED)

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
        for future in self.projects.values():
            if future.done() and not future.cancelled() and future.exception() is None:
                future.result().dispose()
            else:
                future.cancel()
        self.projects.clear()
        self.folders.clear()
        self._uri_projects.clear()
        if self._loose is not None:
            self._loose.dispose()
        self.documents.clear()
        self.hub.connections.discard(self)
