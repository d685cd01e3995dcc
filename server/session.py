"""WorkspaceSession: one editor connection × one workspace folder, owning one batch layer over the folder's
baseline (or over the root for files outside every folder). Unsaved edits live only here until saved."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Coroutine, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nova.diagnostics import Diagnostic
from nova.workspace import (
    Source,
    duplicate_module,
    exports_changed,
    make_source,
    ordered,
    owner_of,
    put_checked,
    source_hash,
)
from server import analysis
from server.documents import Document

if TYPE_CHECKING:
    from server.connection import Connection
    from server.hub import ProjectBaseline

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SaveReport:
    """What one save did to the baseline: the module's revision there, whether its exports changed, and the saved
    importers re-checked because of it (in the order they were checked)."""

    module: str
    rev: int | None
    exports_changed: bool
    rechecked: tuple[str, ...]


@dataclass(eq=False, slots=True)
class OpenDoc:
    """One open buffer in a session.

    `checked` is the latest check result (its diagnostics are what the editor shows; `checked_text` is the text it
    was computed from). `good` is the latest result without syntax errors: queries (hover, definition, symbols,
    lenses) read `elements()` from it, and `doc.from_checked` / `doc.to_checked` map positions between its text and
    the current one, so answers survive a half-typed edit.
    """

    uri: str
    path: Path | None
    doc: Document
    module: str | None = None
    checked: Any = None
    checked_text: str = ""
    checked_version: int | None = None
    task: asyncio.Task[None] | None = None
    renamed_from: set[str] = field(default_factory=set)
    good: Any = None  # the last result without syntax errors: what hover & co. answer from while the user types
    good_text: str = ""
    parsed: Any = None  # the parse tree of `checked_text`
    good_parsed: Any = None  # the parse tree of `good_text`
    items: Any = None  # `checked_text`'s parse by top-level items (nova.syntax.reparse): the next edit reuses it
    ide_source: Any = None  # nova.ide's ModuleSource over `good` (built on first use, dropped when `good` changes)
    probes: int = 0  # completion probes asked for (a probe still queued behind a newer one is skipped)

    def elements(self) -> Mapping[str, Any]:
        result = self.good if self.good is not None else self.checked
        return getattr(getattr(result, "typed_ast", None), "elements", None) or {}


def has_syntax_errors(result: Any) -> bool:
    return any(d.code == "SyntaxError" for d in getattr(result, "diagnostics", ()))


class WorkspaceSession:
    def __init__(self, connection: Connection, baseline: ProjectBaseline | None, parent: Any) -> None:
        self.connection = connection
        self.hub = connection.hub
        self.baseline = baseline
        self.batch = parent.begin_batch()
        self.docs: dict[str, OpenDoc] = {}
        self.alive = True
        self._unsubscribe = self.batch.subscribe(self._on_event)
        if baseline is not None:
            baseline.sessions.add(self)

    @property
    def folder(self) -> Path | None:
        return self.baseline.folder if self.baseline is not None else None

    def _on_event(self, event: Any) -> None:
        if self.alive:
            self.connection.interface_updated(event)

    def layer_name(self, module: str) -> str:
        """Which layer of this session's chain answers for `module`: session, baseline or root."""
        entry = self.batch.get(module)
        if entry is None:
            return "unknown"
        root_entry = self.hub.root.get(module)
        if root_entry is not None and root_entry.rev == entry.rev:
            return "root"
        if self.baseline is not None:
            base_entry = self.baseline.layer.get(module)
            if base_entry is not None and base_entry.rev == entry.rev:
                return "baseline"
        return "session"

    # ---- documents -------------------------------------------------------------------------------------------
    def open(self, uri: str, doc: Document, path: Path | None) -> None:
        self.docs[uri] = OpenDoc(uri, path, doc)
        self.schedule(uri)

    def reopen(self, uri: str, doc: Document) -> None:
        open_doc = self.docs[uri]
        open_doc.doc = doc
        open_doc.good = None  # positions of the old AST do not map into the new text
        open_doc.ide_source = None
        self.schedule(uri)

    def changed(self, uri: str) -> None:
        if uri in self.docs:
            self.schedule(uri)

    def schedule(self, uri: str) -> None:
        """Check the document's current text; a newer call supersedes a pending or running older check."""
        open_doc = self.docs.get(uri)
        if open_doc is None or not self.alive:
            return
        if open_doc.task is not None and not open_doc.task.done():
            open_doc.task.cancel()
        open_doc.task = asyncio.ensure_future(self._check(open_doc))

    async def _check(self, open_doc: OpenDoc) -> None:
        await asyncio.sleep(0)
        doc = open_doc.doc
        text, version, mark = doc.text, doc.version, doc.mark()
        began = time.perf_counter()
        try:
            result, items = await self.hub.run_check_document(text, self.batch, self._previous(open_doc, text),
                                                              open_doc.items, owner=self.connection)
        except asyncio.CancelledError:
            raise
        except Exception as error:
            log.exception("checking %s failed", open_doc.uri)
            if self.alive and self.docs.get(open_doc.uri) is open_doc and doc.version == version:
                self.connection.publish_failure(open_doc.uri, version, error)  # never a silent, stale document
            return
        if not self.alive or self.docs.get(open_doc.uri) is not open_doc or doc.version != version:
            return  # superseded: a newer version is (or will be) checked
        open_doc.items = items
        parsed = items.parsed if items is not None else None
        log.info("checked %s v%s in %.1f ms (%s re-inferred, %s reused; %s)", result.name, version,
                 1000 * (time.perf_counter() - began), getattr(result, "reinferred", "?"),
                 getattr(result, "reused", "?"),
                 "whole text parsed" if items is None or items.reparsed < 0 else f"{items.reparsed} items parsed")
        if any(d.code == "MissingModuleHeader" for d in result.diagnostics):
            # A buffer without `module X where` (new, empty, untitled) gets diagnostics but claims no module name:
            # the checker's fallback name must not shadow a real module of the workspace.
            open_doc.checked, open_doc.checked_text, open_doc.checked_version = result, text, version
            open_doc.parsed = parsed
            if open_doc.good is None:
                open_doc.good, open_doc.good_text, open_doc.good_parsed = result, text, parsed
                open_doc.ide_source = None
                doc.checked_at(mark)
            self.publish(open_doc)
            return
        touched = {result.name}
        old = open_doc.module
        open_doc.module = result.name
        if old is not None and old != result.name:
            touched.add(old)
            if self._claimed_elsewhere(old, open_doc) is None and self.batch.get(old) is not None:
                self.batch.remove(old)
            open_doc.renamed_from.add(old)
            for other in self.docs.values():  # a twin left alone by the rename may now provide the module
                if other is not open_doc and other.module == old:
                    self.schedule(other.uri)
        open_doc.renamed_from.discard(result.name)
        # a file whose module another file provides (a duplicate) is checked but not published to importers
        put = put_checked(self.batch, result, source_hash(text)) if self.provides(open_doc) else None
        open_doc.checked = result
        open_doc.checked_text = text
        open_doc.checked_version = version
        open_doc.parsed = parsed
        if open_doc.good is None or not has_syntax_errors(result):
            open_doc.good, open_doc.good_text, open_doc.good_parsed = result, text, parsed
            open_doc.ide_source = None
            doc.checked_at(mark)
        self.publish(open_doc)
        for other in self.docs.values():
            if other is not open_doc and other.module in touched:
                self.publish(other)
        if put is not None and (put.exports_changed or len(touched) > 1):
            self.recheck_open_dependents(touched, include_self=False, skip=open_doc.uri)

    def _previous(self, open_doc: OpenDoc, text: str) -> Any:
        """The result to reuse declarations from: this buffer's last check, else the baseline's check of the file."""
        if open_doc.checked is not None or self.baseline is None:
            return open_doc.checked
        header = analysis.header_of(text)
        return self.baseline.checked.get(header[0]) if header is not None else None

    def _claimed_elsewhere(self, module: str, open_doc: OpenDoc) -> OpenDoc | None:
        return next((o for o in self.docs.values() if o is not open_doc and o.module == module), None)

    def claimants(self, module: str) -> dict[str, tuple[Source | None, OpenDoc | None]]:
        """Every file declaring `module` in this session's view, by path (or URI for a buffer without a file):
        the saved files of the project whose buffer (if open) still declares it, and the open buffers that do."""
        found: dict[str, tuple[Source | None, OpenDoc | None]] = {}
        open_by_path = {str(o.path): o for o in self.docs.values() if o.path is not None}
        if self.baseline is not None:
            for source in self.baseline.claimants(module):
                buffer = open_by_path.get(source.path)
                if buffer is None or buffer.module in (None, module):
                    found[source.path] = (source, buffer)
        for open_doc in self.docs.values():
            if open_doc.module == module:
                key = str(open_doc.path) if open_doc.path is not None else open_doc.uri
                saved = found.get(key, (None, None))[0]
                found[key] = (saved, open_doc)
        return found

    def provides(self, open_doc: OpenDoc) -> bool:
        """Whether this buffer's file is the one providing its module (`nova.workspace.owner_of`): the project's
        own file first by path among those declaring it."""
        if open_doc.module is None:
            return False
        found = self.claimants(open_doc.module)
        owner = owner_of(
            source if source is not None else Source(key, "", "", open_doc.module, ())
            for key, (source, _) in found.items()
        )
        mine = str(open_doc.path) if open_doc.path is not None else open_doc.uri
        return owner is None or owner.path == mine

    def duplicates(self, open_doc: OpenDoc) -> list[Diagnostic]:
        """`DuplicateModule` on this buffer's header for each other file declaring its module (worded as
        `nova check` words it)."""
        module = open_doc.module
        if module is None:
            return []
        mine = str(open_doc.path) if open_doc.path is not None else open_doc.uri
        root = self.baseline.folder if self.baseline is not None else None
        span = analysis.header_span(open_doc.checked_text)
        found = []
        for key, (source, buffer) in sorted(self.claimants(module).items()):
            if key == mine:
                continue
            other_span = (analysis.header_span(buffer.checked_text) if buffer is not None
                          else source.name_span if source is not None else span)
            found.append(duplicate_module(module, span, key, other_span, root))
        return found

    def recheck_open_dependents(self, modules: set[str], include_self: bool, skip: str | None = None) -> None:
        dependents: set[str] = set()
        for module in modules:
            try:
                dependents |= set(self.batch.dependents(module))
            except Exception:
                log.exception("dependents of %s", module)
        if include_self:
            dependents |= modules
        candidates = [
            o for o in self.docs.values()
            if o.uri != skip and (o.module in dependents or (
                o.checked is not None and modules & set(getattr(o.checked, "imports", ()) or ())
            ))
        ]
        imports = {o.module or o.uri: list(getattr(o.checked, "imports", ()) or ()) for o in candidates}
        by_name = {o.module or o.uri: o for o in candidates}
        for name in ordered(list(by_name), imports):
            self.schedule(by_name[name].uri)

    def publish(self, open_doc: OpenDoc) -> None:
        if open_doc.checked is None:
            return
        self.connection.checked(self, open_doc, self.duplicates(open_doc))

    def is_unsaved(self, open_doc: OpenDoc) -> bool:
        if self.baseline is None or open_doc.path is None:
            return True
        source = self.baseline.files.get(open_doc.path)
        return source is None or source.text_hash != source_hash(open_doc.doc.text)

    def save(self, uri: str) -> Coroutine[Any, Any, None] | None:
        """didSave: commit the module to the baseline (re-checked there if it was typed against unsaved imports),
        then the baseline and every session re-check what depends on it.

        The document and its text are taken when the notification arrives, not when the work runs: a didClose
        or didChange right behind the save (`:w` then `:bd`) must not drop or alter what is committed."""
        open_doc = self.docs.get(uri)
        if open_doc is None or self.baseline is None or open_doc.path is None:
            return None
        doc = open_doc.doc
        return self._commit_saved(open_doc, self.baseline, open_doc.path, doc.text, doc.version)

    async def _commit_saved(
        self, open_doc: OpenDoc, baseline: ProjectBaseline, path: Path, text: str, version: int
    ) -> None:
        # the batch's rows may be committed as they are only if they were checked from exactly the saved text
        up_to_date = (
            open_doc.checked_version == version == open_doc.doc.version and open_doc.checked is not None
        )
        module = open_doc.module
        dirty_import = module is not None and any(
            self.batch.depends_on(module, name)
            for other in self.docs.values() if other is not open_doc and self.is_unsaved(other)
            for name in {other.module, *other.renamed_from} if name is not None
        )
        source = make_source(path, text)
        renamed = set(open_doc.renamed_from)
        open_doc.renamed_from.clear()
        others = [s for s in baseline.claimants(module) if Path(s.path) != path] if module is not None else []
        provides = module is not None and owner_of([*others, source]) is source
        committed: set[str] = set()
        # the batch must still hold the module itself (a didClose right behind the save discards it, and then a
        # lookup would find the baseline's old rows)
        if (up_to_date and not dirty_import and provides and module == source.module
                and module in self.batch.own_modules()):
            assert module is not None
            gone = [m for m in renamed if not [s for s in baseline.claimants(m) if Path(s.path) != path]]
            before = baseline.layer.get(module)
            try:
                self.batch.commit([module, *gone])
                baseline.checked[module] = open_doc.checked
                baseline.unsaved_changes = True
                committed = set(gone) | ({module} if exports_changed(before, baseline.layer.get(module)) else set())
            except Exception:
                log.exception("commit of %s failed; re-checking it in the baseline", module)
        # the baseline takes the saved text: what this commit did not cover is checked there, in its own view
        rechecked: list[str] = []
        changed = await baseline.update_files({path: source}, committed, rechecked)
        if module is not None:
            entry = baseline.layer.get(module)
            self.connection.saved(SaveReport(module, entry.rev if entry is not None else None,
                                             module in changed, tuple(rechecked)))
        await self.hub.after_baseline_change(baseline, changed)

    def close(self, uri: str) -> None:
        """didClose: unsaved edits are dropped (the baseline shows through again) and importers re-checked."""
        open_doc = self.docs.pop(uri, None)
        if open_doc is None:
            return
        if open_doc.task is not None:
            open_doc.task.cancel()
        modules = {m for m in {open_doc.module, *open_doc.renamed_from} if m is not None}
        mine = [m for m in modules if self._claimed_elsewhere(m, open_doc) is None]
        if mine:
            try:
                self.batch.discard(mine)
            except Exception:
                log.exception("discarding %s", mine)
        self.connection.clear_diagnostics(uri)
        for other in self.docs.values():
            if other.module in modules:
                self.schedule(other.uri)
        self.recheck_open_dependents(modules, include_self=False)

    def dispose(self) -> None:
        """Connection gone or folder removed: drop the whole batch."""
        self.alive = False
        for open_doc in self.docs.values():
            if open_doc.task is not None:
                open_doc.task.cancel()
        self.docs.clear()
        try:
            self._unsubscribe()
        except Exception:
            log.exception("unsubscribe")
        try:
            self.batch.discard()
        except Exception:
            log.exception("discarding a session batch")
        if self.baseline is not None:
            self.baseline.sessions.discard(self)
