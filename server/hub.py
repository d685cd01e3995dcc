"""The process-wide state shared by every connection: the stdlib root layer and one ProjectBaseline per workspace
folder (saved files), plus the single worker thread that runs checks so the event loop stays free for requests."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import hashlib
import logging
import os
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from server import analysis
from server.limits import DEFAULT_SERVER_LIMITS, ServerLimits

if TYPE_CHECKING:
    from server.session import WorkspaceSession

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], Awaitable[None]]


def stdlib_dir() -> Path:
    from nova.stdlib import STDLIB_DIR

    return Path(STDLIB_DIR)


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "nova-lsp"


def _code_fingerprint() -> str:
    """Identifies the stdlib sources and the code that wrote the cache: another version's cache is never read."""
    digest = hashlib.sha256()
    for path in sorted(stdlib_dir().rglob("*.nova")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for package in ("nova", "registry", "server"):
        for path in sorted((stdlib_dir().parent.parent / package).rglob("*.py")):
            stat = path.stat()
            digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


@dataclass(slots=True)
class SourceFile:
    path: Path
    module: str
    text: str
    text_hash: str
    imports: list[str]


@dataclass(eq=False, slots=True)
class ProjectBaseline:
    """Saved files of one workspace folder, checked into a batch layer over the root."""

    hub: Hub
    folder: Path
    layer: Any
    files: dict[Path, SourceFile] = field(default_factory=dict)
    module_paths: dict[str, Path] = field(default_factory=dict)
    checked: dict[str, Any] = field(default_factory=dict)
    sessions: set[WorkspaceSession] = field(default_factory=set)
    restored_from_cache: bool = False
    rechecked_on_start: int = 0
    unsaved_changes: bool = False  # the layer differs from the cache file (written on exit only when set)
    index_seconds: float = 0.0  # stdlib + cache restore + checks, as the last start took
    ide_sources: dict[str, Any] = field(default_factory=dict)  # module → (key, nova.ide ModuleSource) of saved files

    def path_of(self, module: str) -> Path | None:
        return self.module_paths.get(module)

    def _read(self, path: Path) -> SourceFile | None:
        """A source file of the folder, read as every tool reads one (nova.sources): regular files only, up to the
        server's size limit; anything else is logged and left out."""
        from nova.sources import SourceError, read_source

        try:
            text = read_source(path, self.hub.limits.max_file_bytes).text
        except SourceError as error:
            log.warning("leaving out %s: %s", path, error)
            return None
        header = analysis.header_of(text)
        module = header[0] if header else path.stem
        return SourceFile(path, module, text, analysis.source_hash(text), analysis.imports_of(text))

    def _track(self, source: SourceFile) -> None:
        old = self.files.get(source.path)
        if old is not None and old.module != source.module and self.module_paths.get(old.module) == source.path:
            del self.module_paths[old.module]
        self.files[source.path] = source
        self.module_paths[source.module] = source.path

    async def check_and_put(self, source: SourceFile) -> analysis.PutResult | None:
        try:
            result = await self.hub.run_check(source.text, self.layer, self.checked.get(source.module))
        except Exception:
            log.exception("checking %s failed", source.path)
            return None
        self.checked[result.name] = result
        self.unsaved_changes = True
        return analysis.put_checked(self.layer, result, source.text_hash)

    async def index(self, progress: Progress | None) -> None:
        """Check every source of the folder in import order, yielding to the loop between modules."""
        sources = [s for s in (self._read(p) for p in self.hub.find_sources(self.folder)) if s is not None]
        for source in sources:
            self._track(source)
        by_module = {s.module: s for s in sources}
        order = analysis.topological(by_module, {m: s.imports for m, s in by_module.items()})
        todo = order
        if self.restored_from_cache:
            todo = self._stale_after_restore(order, by_module)
            self.rechecked_on_start = len(todo)
        total = len(todo)
        for done, module in enumerate(todo, start=1):
            await self.check_and_put(by_module[module])
            if progress is not None:
                await progress(done, total, module)
            await asyncio.sleep(0)

    def _stale_after_restore(self, order: list[str], by_module: dict[str, SourceFile]) -> list[str]:
        """Modules to re-check after a restore: new or edited files, and everything importing them or a file that
        was deleted meanwhile (tombstoned here)."""
        removed = {m for m in self.layer.own_modules() if m not in by_module and self.layer.get(m) is not None}
        for module in removed:
            self.layer.remove(module)
            self.unsaved_changes = True
        changed = {
            m for m in order if (entry := self.layer.get(m)) is None or entry.source_hash != by_module[m].text_hash
        } | removed
        stale = set(changed)
        for module in changed:
            stale |= set(self.layer.dependents(module)) & set(by_module)
        return [m for m in order if m in stale]

    async def recheck_dependents(self, modules: Iterable[str]) -> set[str]:
        """Re-check, in import order, the saved files importing a module whose interface changed; a re-check that
        leaves a module's exports as they were stops the wave there (early cutoff). Returns every module whose
        interface changed, the given ones included."""
        changed = set(modules)
        dependents: set[str] = set()
        for module in changed:
            dependents |= set(self.layer.dependents(module))
        dependents -= changed
        imports = {m: self.files[p].imports for m, p in self.module_paths.items() if p in self.files}
        for module in analysis.topological(sorted(dependents), imports):
            path = self.module_paths.get(module)
            if path is None or path not in self.files or not changed & set(imports.get(module, ())):
                continue
            result = await self.check_and_put(self.files[path])
            if result is None or result.exports_changed:
                changed.add(module)
            await asyncio.sleep(0)
        return changed

    async def file_saved(self, path: Path, text: str) -> SourceFile:
        source = SourceFile(path, "", text, analysis.source_hash(text), analysis.imports_of(text))
        header = analysis.header_of(text)
        source.module = header[0] if header else path.stem
        self._track(source)
        return source

    async def file_changed_on_disk(self, path: Path, deleted: bool) -> set[str]:
        """A watched file changed outside the editor: update the baseline and re-check its importers. An event for
        content the baseline already has (the echo of an editor's own save) costs nothing."""
        if not deleted and path in self.files:
            from nova.sources import SourceError, read_source

            try:
                current = analysis.source_hash(read_source(path, self.hub.limits.max_file_bytes).text)
            except SourceError:
                current = None
            if current == self.files[path].text_hash:
                return set()
        old = self.files.pop(path, None)
        touched: set[str] = set()
        if old is not None and self.module_paths.get(old.module) == path:
            del self.module_paths[old.module]
            if deleted or old.module:
                touched.add(old.module)
        if not deleted:
            source = self._read(path)
            if source is not None:
                self._track(source)
                result = await self.check_and_put(source)
                if result is None or result.exports_changed:
                    touched.add(source.module)
        for module in list(touched):
            if module not in self.module_paths and self.layer.get(module) is not None:
                self.layer.remove(module)
                self.unsaved_changes = True
                self.checked.pop(module, None)
        return await self.recheck_dependents(touched)

    def cache_path(self) -> Path:
        key = hashlib.sha256(str(self.folder).encode()).hexdigest()[:24]
        return self.hub.cache_dir / f"{key}-{self.hub.cache_stamp}.cbor"

    def save_cache(self) -> None:
        if not self.hub.cache_enabled or not self.unsaved_changes:
            return
        self.unsaved_changes = False
        try:
            from registry import dump

            path = self.cache_path()
            path.parent.mkdir(parents=True, exist_ok=True)
            dump(self.layer, path, self.hub.converter)
        except ImportError as error:
            log.warning("warm-start cache unavailable (%s)", error)
            self.hub.cache_enabled = False
        except Exception:
            log.exception("could not write the cache of %s", self.folder)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """A restore builds millions of objects and no garbage: cycle collections meanwhile only cost time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def settle_heap(collect: bool = True) -> None:
    """After indexing, move the long-lived index out of the collector's sight (gc.freeze): otherwise every full
    collection walks the whole typed AST of the workspace, a pause of seconds in the middle of a keystroke.
    Checks leave cyclic garbage, collected first so it is not kept for good; a restore that checked nothing leaves
    none worth a full collection (tens of milliseconds of a warm start)."""
    if collect:
        gc.collect()
    gc.freeze()


class Hub:
    """One per process: the root layer, the baselines, the check worker, the live connections."""

    def __init__(self, cache_dir: Path | None = None, cache_enabled: bool = True,
                 limits: ServerLimits = DEFAULT_SERVER_LIMITS) -> None:
        self.limits = limits
        self.cache_dir = cache_dir or default_cache_dir()
        self.cache_enabled = cache_enabled
        self._root: Any = None
        self._converter: Any = None
        self._stamp: str | None = None
        self.baselines: dict[Path, ProjectBaseline] = {}
        self._indexing: dict[Path, asyncio.Task[ProjectBaseline]] = {}
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nova-check")
        self.connections: set[Any] = set()
        self._stdlib_paths: dict[str, Path] | None = None
        self.library_sources: dict[str, Any] = {}  # module → (rev, nova.ide ModuleSource) of the standard library
        self._preloaded = False
        if cache_enabled:  # at start-up, not inside the first indexing: every start reads (or writes) the cache
            try:
                self._converter = analysis.snapshot_converter()
            except ImportError as error:
                log.warning("warm-start cache unavailable (%s)", error)
                self.cache_enabled = False

    @property
    def root(self) -> Any:
        if self._root is None:
            self._root = self._load_root()
        return self._root

    def _load_root(self) -> Any:
        """The stdlib root, restored from the cache when a valid one exists, else built (and cached)."""
        began = time.perf_counter()
        path = self.cache_dir / f"root-{self.cache_stamp}.cbor"
        if self.cache_enabled and path.exists():
            try:
                from registry import restore

                with collector_paused():
                    root = restore(path, self.converter)
                log.info("stdlib restored from %s in %.2f s", path, time.perf_counter() - began)
                return root
            except Exception as error:
                log.warning("ignoring the stdlib cache %s (%s)", path, error)
        root = analysis.load_root()
        if self.cache_enabled:
            try:
                from registry import dump

                path.parent.mkdir(parents=True, exist_ok=True)
                dump(root, path, self.converter)
            except Exception as error:
                log.warning("cannot cache the stdlib in %s (%s)", path, error)
        return root

    @property
    def converter(self) -> Any:
        if self._converter is None:
            self._converter = analysis.snapshot_converter()
        return self._converter

    @property
    def cache_stamp(self) -> str:
        if self._stamp is None:
            from server import CACHE_FORMAT, __version__

            stamp = f"{__version__}:{CACHE_FORMAT}:{_code_fingerprint()}"
            self._stamp = hashlib.sha256(stamp.encode()).hexdigest()[:12]
        return self._stamp

    def stdlib_path(self, module: str) -> Path | None:
        if self._stdlib_paths is None:
            paths: dict[str, Path] = {}
            for path in sorted(stdlib_dir().rglob("*.nova")):
                header = analysis.header_of(path.read_text(encoding="utf-8", errors="replace"))
                if header is not None:
                    paths[header[0]] = path
            self._stdlib_paths = paths
        return self._stdlib_paths.get(module)

    @staticmethod
    def find_sources(folder: Path) -> list[Path]:
        try:
            from nova.workspace import find_sources

            return [Path(p) for p in find_sources(folder)]
        except ImportError:
            return sorted(p for p in folder.rglob("*.nova") if not any(part.startswith(".") for part in p.parts))

    async def run_check(self, text: str, view: Any, previous: Any = None) -> Any:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, analysis.check_text, text, view, previous,
                                          self.limits.max_file_bytes)

    async def run_check_document(self, text: str, view: Any, previous: Any = None) -> tuple[Any, Any]:
        """`run_check` that also returns the parse tree (see `analysis.check_document`)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, analysis.check_document, text, view, previous,
                                          self.limits.max_file_bytes)

    async def run_probe(self, text: str, view: Any, previous: Any, wanted: Callable[[], bool]) -> tuple[Any, Any]:
        """A check of a variant of an open document for an IDE request (completion's typed hole): skipped when, by
        the time the worker reaches it, `wanted()` says a newer request superseded it (None, None)."""

        def probe() -> tuple[Any, Any]:
            if not wanted():
                return None, None
            return analysis.check_document(text, view, previous, self.limits.max_file_bytes)

        return await asyncio.get_running_loop().run_in_executor(self.executor, probe)

    async def baseline(self, folder: Path, progress: Progress | None = None) -> ProjectBaseline:
        """The folder's baseline, indexing it (or restoring its cache) the first time any connection asks."""
        folder = folder.resolve()
        if folder in self.baselines:
            return self.baselines[folder]
        task = self._indexing.get(folder)
        if task is None:
            task = asyncio.ensure_future(self._open_baseline(folder, progress))
            self._indexing[folder] = task
        return await asyncio.shield(task)

    async def ensure_root(self) -> Any:
        """The root layer, loaded on the check worker the first time (a second or so) so the loop keeps serving."""
        if self._root is None:
            await asyncio.get_running_loop().run_in_executor(self.executor, lambda: self.root)
        return self._root

    async def _open_baseline(self, folder: Path, progress: Progress | None) -> ProjectBaseline:
        try:
            began = time.perf_counter()
            root = await self.ensure_root()
            root_ready = time.perf_counter()
            baseline = ProjectBaseline(self, folder, root.begin_batch())
            restored = await asyncio.get_running_loop().run_in_executor(self.executor, self._restore, baseline)
            restored_at = time.perf_counter()
            if restored is not None:
                baseline.layer = restored
                baseline.restored_from_cache = True
            await baseline.index(progress)
            baseline.index_seconds = time.perf_counter() - began
            log.info("indexed %s: %d modules (%d checked%s) in %.2f s (stdlib %.2f s, cache restore %.2f s)",
                     folder, len(baseline.module_paths),
                     baseline.rechecked_on_start if baseline.restored_from_cache else len(baseline.module_paths),
                     ", from cache" if baseline.restored_from_cache else "", time.perf_counter() - began,
                     root_ready - began, restored_at - root_ready)
            self.baselines[folder] = baseline
            settle_heap(collect=not baseline.restored_from_cache or baseline.rechecked_on_start > 0)
            # written on the check worker when anything was checked: the editor is served meanwhile
            asyncio.get_running_loop().run_in_executor(self.executor, baseline.save_cache)
            if not self._preloaded:  # a warm start imported no checker: load it before the first check needs it
                self._preloaded = True
                asyncio.get_running_loop().run_in_executor(self.executor, analysis.preload)
            return baseline
        finally:
            self._indexing.pop(folder, None)

    def _restore(self, baseline: ProjectBaseline) -> Any:
        if not self.cache_enabled:
            return None
        path = baseline.cache_path()
        if not path.exists():
            return None
        try:
            from registry import restore

            with collector_paused():
                return restore(path, self.converter, parent=self.root)
        except Exception as error:
            log.warning("ignoring the cache %s (%s); indexing %s from scratch", path, error, baseline.folder)
            return None

    def baseline_for_path(self, path: Path) -> ProjectBaseline | None:
        best: ProjectBaseline | None = None
        for folder, baseline in self.baselines.items():
            if path.is_relative_to(folder) and (best is None or len(folder.parts) > len(best.folder.parts)):
                best = baseline
        return best

    async def after_baseline_change(self, baseline: ProjectBaseline, modules: set[str]) -> None:
        """Every session over this baseline re-checks its open documents that depend on `modules`."""
        for session in list(baseline.sessions):
            session.recheck_open_dependents(modules, include_self=False)

    def shutdown(self) -> None:
        for baseline in self.baselines.values():
            baseline.save_cache()
        self.executor.shutdown(wait=False, cancel_futures=True)

