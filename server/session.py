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

from server import analysis
from server.documents import Document

if TYPE_CHECKING:
    from server.connection import Connection
    from server.hub import ProjectBaseline

log = logging.getLogger(__name__)


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
            result, parsed = await self.hub.run_check_document(text, self.batch, self._previous(open_doc, text))
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("checking %s failed", open_doc.uri)
            return
        if not self.alive or self.docs.get(open_doc.uri) is not open_doc or doc.version != version:
            return  # superseded: a newer version is (or will be) checked
        log.info("checked %s v%s in %.1f ms (%s re-inferred, %s reused)", result.name, version,
                 1000 * (time.perf_counter() - began), getattr(result, "reinferred", "?"),
                 getattr(result, "reused", "?"))
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
        if old is not None and old != result.name:
            touched.add(old)
            if self._claimed_elsewhere(old, open_doc) is None and self.batch.get(old) is not None:
                self.batch.remove(old)
            open_doc.renamed_from.add(old)
        open_doc.renamed_from.discard(result.name)
        put = analysis.put_checked(self.batch, result, analysis.source_hash(text))
        open_doc.module = result.name
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
        if put.exports_changed or len(touched) > 1:
            self.recheck_open_dependents(touched, include_self=False, skip=open_doc.uri)

    def _previous(self, open_doc: OpenDoc, text: str) -> Any:
        """The result to reuse declarations from: this buffer's last check, else the baseline's check of the file."""
        if open_doc.checked is not None or self.baseline is None:
            return open_doc.checked
        header = analysis.header_of(text)
        return self.baseline.checked.get(header[0]) if header is not None else None

    def _claimed_elsewhere(self, module: str, open_doc: OpenDoc) -> OpenDoc | None:
        return next((o for o in self.docs.values() if o is not open_doc and o.module == module), None)

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
        for name in analysis.topological(list(by_name), imports):
            self.schedule(by_name[name].uri)

    def publish(self, open_doc: OpenDoc) -> None:
        if open_doc.checked is None:
            return
        extra = []
        twin = self._claimed_elsewhere(open_doc.module or "", open_doc)
        if twin is not None:
            extra.append((f"Module {open_doc.module} is also defined in {twin.uri}", twin))
        self.connection.publish_checked(self, open_doc, extra)

    def is_unsaved(self, open_doc: OpenDoc) -> bool:
        if self.baseline is None or open_doc.path is None:
            return True
        source = self.baseline.files.get(open_doc.path)
        return source is None or source.text_hash != analysis.source_hash(open_doc.doc.text)

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
        source = await baseline.file_saved(path, text)
        renamed = set(open_doc.renamed_from)
        open_doc.renamed_from.clear()
        before = baseline.layer.get(source.module)
        # the batch must still hold the module itself (a didClose right behind the save discards it, and then a
        # lookup would find the baseline's old rows)
        if up_to_date and not dirty_import and module is not None and module in self.batch.own_modules():
            to_commit = [module] + [m for m in renamed if m not in baseline.module_paths]
            try:
                self.batch.commit(to_commit)
                baseline.checked[module] = open_doc.checked
                baseline.unsaved_changes = True
            except Exception:
                log.exception("commit of %s failed; re-checking it in the baseline", module)
                await baseline.check_and_put(source)
        else:
            await baseline.check_and_put(source)
            for old in renamed:
                if old not in baseline.module_paths and baseline.layer.get(old) is not None:
                    baseline.layer.remove(old)
                    baseline.unsaved_changes = True
        after = baseline.layer.get(source.module)
        interface_changed = before is None or after is None or dict(before.exports) != dict(after.exports)
        changed = await baseline.recheck_dependents(renamed | ({source.module} if interface_changed else set()))
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
