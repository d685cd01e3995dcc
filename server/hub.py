"""The process-wide state shared by every connection: the stdlib root layer and one ProjectBaseline per project
(saved files), plus the single worker thread that runs checks so the event loop stays free for requests."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import gc
import hashlib
import logging
import os
import time
from collections.abc import Awaitable, Callable, Hashable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nova.parallel import IdleSample, IdleWatch, WorkerPool
from nova.project import Project, discover, innermost_folder
from nova.root_cache import adopt_packaged, default_cache_dir
from nova.workspace import (
    FolderCheck,
    KnownHeader,
    PutResult,
    Source,
    known_headers,
    make_source,
    ordered,
    owner_of,
    plan,
    put_checked,
    read_sources,
    stale_after_restore,
)
from server import analysis, prepared_root, startup
from server.collector import start_over
from server.fair_executor import FairExecutor
from server.limits import DEFAULT_SERVER_LIMITS, ServerLimits

if TYPE_CHECKING:
    from nova.check import CheckedModule
    from server.session import WorkspaceSession

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], Awaitable[None]]
COMPACT_CHUNK = 1
"""Modules compacted per job on the check worker after an index (a keystroke's check waits for one job)."""
INDEX_NICENESS = 5
"""How much lower the scheduling priority of a cold index's worker processes is than the server's (the index is
background work: editors' keystroke checks in the server come first; see `nova.parallel.WorkerPool`)."""
ROOT_BUILD_SECONDS = 300.0
"""How long a cold start waits for the child building the stdlib before building it itself."""
CACHE_WRITE_SECONDS = 60.0
"""How long the index worker waits for the child writing a folder's snapshot before writing it itself."""


def stdlib_dir() -> Path:
    from nova.stdlib import STDLIB_DIR

    return Path(STDLIB_DIR)


def _code_fingerprint() -> str:
    """Identifies the stdlib sources and the code that wrote the cache: another version's cache is never read.
    The stdlib and the checker are what the root's snapshot name already identifies (`nova.root_cache`, computed
    once per process); the server's own files are added by name, size and modification time."""
    from nova.root_cache import fingerprint

    digest = hashlib.sha256(fingerprint().encode())
    for path in sorted((stdlib_dir().parent.parent / "server").rglob("*.py")):
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


@dataclass(eq=False, slots=True)
class ProjectBaseline:
    """Saved files of one project (a folder with its `nova.toml`, or a workspace folder without one), checked into
    a batch layer over the root by the same pipeline as `nova check` (`nova.workspace`)."""

    hub: Hub
    folder: Path
    """The project's root."""
    layer: Any
    project: Project | None = None
    files: dict[Path, Source] = field(default_factory=dict)
    """Every file read: the project's own and its dependencies' (read-only)."""
    module_paths: dict[str, Path] = field(default_factory=dict)
    """Module → the file providing it (`nova.workspace.owner_of` among the files declaring it)."""
    checked: dict[str, Any] = field(default_factory=dict)
    sessions: set[WorkspaceSession] = field(default_factory=set)
    restored_from_cache: bool = False
    rechecked_on_start: int = 0
    unsaved_changes: bool = False  # the layer differs from the cache file (written on exit only when set)
    index_seconds: float = 0.0  # stdlib + cache restore + checks, as the last start took
    ide_sources: dict[str, Any] = field(default_factory=dict)  # module → (key, nova.ide ModuleSource) of saved files

    def path_of(self, module: str) -> Path | None:
        return self.module_paths.get(module)

    def claimants(self, module: str) -> list[Source]:
        """Every file of the project declaring `module` (several: a duplicate module)."""
        return [s for s in self.files.values() if s.module == module]

    def includes(self, path: Path) -> bool:
        """Whether a file at `path` is one of the project's own sources (by its manifest's globs)."""
        return self.project.includes(path) if self.project is not None else path.is_relative_to(self.folder)

    def _read(self, path: Path) -> Source | None:
        """A source file of the project, read as every tool reads one (nova.sources): regular files only, up to
        the server's size limit; anything else is logged and left out."""
        from nova.sources import SourceError, read_source

        try:
            read = read_source(path, self.hub.limits.max_file_bytes)
        except SourceError as error:
            log.warning("leaving out %s: %s", path, error)
            return None
        return make_source(path, read.text, diagnostics=read.diagnostics)

    def _discover(self, known: Mapping[str, KnownHeader] | None) -> tuple[Project, list[Source]]:
        project = discover(self.folder)
        sources, unreadable = read_sources(project, self.hub.limits.max_file_bytes, known)
        for path, problem in unreadable:
            log.warning("leaving out %s: %s", path, problem)
        return project, sources

    def _own(self, module: str) -> None:
        """Recompute which file provides `module`."""
        owner = owner_of(self.claimants(module))
        if owner is None:
            self.module_paths.pop(module, None)
        else:
            self.module_paths[module] = Path(owner.path)

    async def check_and_put(self, source: Source) -> PutResult | None:
        try:
            result = await self.hub.run_check(source.text, self.layer, self.checked.get(source.module or ""),
                                              owner=self)
        except Exception:
            log.exception("checking %s failed", source.path)
            return None
        self.checked[result.name] = result
        self.unsaved_changes = True
        return put_checked(self.layer, result, source.text_hash)

    async def index(self, progress: Progress | None) -> None:
        """Check every module of the project in import order (only the stale ones after a cache restore),
        yielding to the loop between modules."""
        loop = asyncio.get_running_loop()
        known = known_headers(self.layer) if self.restored_from_cache else None
        self.project, sources = await loop.run_in_executor(self.hub.indexer, self._discover, known)
        self.files = {Path(s.path): s for s in sources}
        the_plan = plan(sources, self.folder)
        self.module_paths = {m: Path(s.path) for m, s in the_plan.owners.items()}
        only: set[str] | None = None
        if self.restored_from_cache:
            only, removed = stale_after_restore(the_plan, self.layer)
            for module in removed:
                self.layer.remove(module)
                self.unsaved_changes = True
            self.rechecked_on_start = len(only)
        total = len(only) if only is not None else len(the_plan.owners)
        if total:
            start_over()  # checks leave cyclic garbage: the collector held off during the start runs again
        workers = await loop.run_in_executor(self.hub.indexer, self.hub.index_workers, the_plan, only)
        if workers:
            await self._index_in_parallel(the_plan, only, total, progress, pool=workers)
            return
        run = FolderCheck(the_plan, self.layer, only=only, previous=self.checked, unowned=False)
        waiting = importers_to_check(the_plan, only)
        watch = IdleWatch() if self.hub.jobs >= 2 else None
        group_size = {m: len(group) for group in the_plan.groups for m in group}
        done = 0
        # started once a core turned idle: the index goes on here until its workers are ready, then hands them the rest
        pool: WorkerPool | None = None
        stack = contextlib.ExitStack()
        try:
            while (step := run.next_step()) is not None:
                try:
                    checked = await loop.run_in_executor(self.hub.indexer, checked_out_of_sight, run, step)
                except Exception:
                    log.exception("checking %s failed", step.source.path)
                    continue
                run.record(step, checked)
                module = checked.name
                self.checked[module] = checked
                self.unsaved_changes = True
                del checked  # its live trees go with the compaction
                if step.put:
                    await loop.run_in_executor(self.hub.indexer, self._compact_indexed, run, module, waiting)
                done = min(done + 1, total)
                if progress is not None:
                    await progress(done, total, module)
                if watch is not None and step.put and group_size.get(module) == 1:  # between two groups
                    rest = {m for m in (the_plan.owners if only is None else only)
                            if m in the_plan.owners and the_plan.owners[m].path not in run.results}
                    if pool is None and (sample := watch.sample()) and rest and (
                            workers := self.hub.index_workers_now(the_plan, rest, sample)):
                        try:
                            pool = await loop.run_in_executor(self.hub.indexer, self.hub.start_pool, workers, stack)
                        except Exception:
                            log.exception("could not start the index's workers: the rest is checked here")
                            watch = None
                            continue
                    if pool is not None and pool.ready():
                        if pool.workers and rest:
                            await self._index_in_parallel(the_plan, rest, total, progress, done, pool)
                            return
                        watch = None  # every worker died: the rest here
                await asyncio.sleep(0)
        finally:  # workers still starting take a moment to end: not on the event loop
            if pool is None:
                stack.close()
            else:
                await loop.run_in_executor(self.hub.indexer, stack.close)

    async def _index_in_parallel(self, the_plan: Any, only: set[str] | None, total: int,
                                 progress: Progress | None, done: int = 0, pool: WorkerPool | int = 2) -> None:
        """`index` on worker processes (`nova.parallel`), run from a thread of its own: the check worker stays
        free for other folders' and documents' checks, and this process builds no typed tree (its heap stays as
        small as after a warm start). Modules are put into the layer as they arrive, each with a progress
        report; their typed values arrive compact (decoded on first read). `done`: modules of the index checked
        before (in this process, until a core turned idle: `index`), counted in the progress reports. `pool`:
        workers started already (`Hub.start_pool`, closed by the caller), or how many to start here."""
        from nova.deep import deep_section, run_on_big_stack
        from nova.parallel import ParallelCheck

        loop = asyncio.get_running_loop()

        def arrived(module: str, checked: Any) -> None:
            nonlocal done
            done = min(done + 1, total)
            if progress is not None:
                report = progress
                count = done
                loop.call_soon_threadsafe(lambda: self.hub.keep(asyncio.ensure_future(report(count, total, module))))

        def work() -> ParallelCheck:
            with contextlib.ExitStack() as stack:
                workers = self.hub.start_pool(pool, stack) if isinstance(pool, int) else pool
                run = ParallelCheck(the_plan, self.layer, workers, only=only, unowned=False, on_result=arrived)
                with deep_section():
                    run.run()
                return run

        run = await loop.run_in_executor(None, run_on_big_stack, work)
        for checked in run.results.values():
            self.checked[checked.name] = checked
        self.unsaved_changes = True

    def _compact_indexed(self, run: FolderCheck, module: str, waiting: dict[str, int]) -> None:
        """A module of a serial index made compact as soon as it is checked (not after the whole index): its live
        trees are freed before the next module's check allocates, so the heap never holds the whole index's trees
        (at 50k lines: 84 MB instead of 176 MB after the index, which the allocator does not give back; the
        index's total CPU time is lower, too). Its interface (exported schemes, environment) stays live while
        modules of the index that import it are still to be checked (`waiting`: how many), which read it: then
        it is made compact too, so that the index ends as compact as a warm start (an interface decoded by each
        importer's check would otherwise stay decoded). Then the check's cyclic garbage is collected and what is
        left frozen (`settle_heap`)."""
        with collector_paused():
            self.compact([module], interface=not waiting.get(module))
            released = []
            for imported in dict.fromkeys(run.plan.owners[module].imports if module in run.plan.owners else ()):
                if imported != module and waiting.get(imported, 0) > 0:
                    waiting[imported] -= 1
                    if not waiting[imported]:
                        released.append(imported)
            self.compact(released, elements=False)
            for name in (module, *released):
                shell = self.checked.get(name)
                if shell is not None:
                    run.adopt(shell)
        settle_heap()

    def compact(self, modules: Iterable[str], *, elements: bool = True, interface: bool = True) -> int:
        """Keep the typed values of `modules` in the compact form of a warm start (on the check worker, after a
        cold index), decoded again on first read: the memory of a cold start comes down to a warm start's.
        `elements`, `interface`: which parts (see `nova.compact.compact_module`). Returns how many modules it
        compacted."""
        from nova.compact import compact_module

        count = 0
        for module in modules:
            try:
                count += compact_module(self.layer, module, elements=elements, interface=interface)
            except Exception:
                log.exception("could not compact %s", module)
                continue
            checked = self.checked.get(module)
            entry = self.layer.get(module)
            if checked is not None and entry is not None:
                # its diagnostics stay (workspace diagnostics read them); its live trees and the incremental
                # check's state go: a save re-checks the module whole, as after a warm start
                self.checked[module] = dataclasses.replace(
                    checked, exports=dict(entry.exports), typed_ast=entry.ast, env=entry.env, cache={},
                    structure=None, schemes={}, value_deps={}, groups=[])
        return count

    async def recheck_dependents(self, modules: Iterable[str], rechecked: list[str] | None = None) -> set[str]:
        """Re-check, in import order, the saved files importing a module whose interface changed; a re-check that
        leaves a module's exports as they were stops the wave there (early cutoff). Returns every module whose
        interface changed, the given ones included; `rechecked` gets the name of each module re-checked."""
        changed = set(modules)
        dependents: set[str] = set()
        for module in changed:
            dependents |= set(self.layer.dependents(module))
        dependents -= changed
        imports = {m: self.files[p].imports for m, p in self.module_paths.items() if p in self.files}
        for module in ordered(sorted(dependents), imports):
            path = self.module_paths.get(module)
            if path is None or path not in self.files or not changed & set(imports.get(module, ())):
                continue
            result = await self.check_and_put(self.files[path])
            if rechecked is not None:
                rechecked.append(module)
            if result is None or result.exports_changed:
                changed.add(module)
            await asyncio.sleep(0)
        return changed

    async def update_files(self, changes: Mapping[Path, Source | None], changed: Iterable[str] = (),
                           rechecked: list[str] | None = None) -> set[str]:
        """Files saved, edited on disk, created or deleted (None): the baseline takes the new texts, each module
        they declared or declare gets its providing file re-checked (or is removed when no file declares it any
        more), then the importers of every module whose interface changed are re-checked. `changed` names modules
        already changed by the caller (a session's commit). Returns every module whose interface changed;
        `rechecked` gets the name of each importer re-checked."""
        touched: set[str] = set()
        for path, source in changes.items():
            old = self.files.pop(path, None)
            if old is not None and old.module is not None:
                touched.add(old.module)
            if source is not None:
                self.files[path] = source
                if source.module is not None:
                    touched.add(source.module)
        result = set(changed)
        for module in sorted(touched):
            self._own(module)
            owner = self.module_paths.get(module)
            if owner is None:
                if module in self.layer.own_modules() and self.layer.get(module) is not None:
                    self.layer.remove(module)
                    self.unsaved_changes = True
                    result.add(module)
                self.checked.pop(module, None)
                continue
            entry = self.layer.get(module)
            source = self.files[owner]
            if entry is not None and entry.source_hash == source.text_hash and module in self.layer.own_modules():
                continue  # the layer holds this very text already (a session committed it, or an echo)
            put = await self.check_and_put(source)
            if put is None or put.exports_changed:
                result.add(module)
        return await self.recheck_dependents(result, rechecked)

    async def file_changed_on_disk(self, path: Path, deleted: bool) -> set[str]:
        """A watched file changed outside the editor: update the baseline and re-check its importers. An event for
        content the baseline already has (the echo of an editor's own save) costs nothing."""
        if deleted or not self.includes(path):
            return await self.update_files({path: None}) if path in self.files else set()
        source = await asyncio.get_running_loop().run_in_executor(self.hub.executor, self._read, path)
        old = self.files.get(path)
        if source is not None and old is not None and old.text_hash == source.text_hash:
            return set()
        return await self.update_files({path: source})

    async def project_changed(self) -> set[str]:
        """A `nova.toml` of the project (or one nested in it) changed: discover the files again and take the
        difference."""
        loop = asyncio.get_running_loop()
        self.project, sources = await loop.run_in_executor(self.hub.executor, self._discover, None)
        now = {Path(s.path): s for s in sources}
        changes: dict[Path, Source | None] = {p: None for p in self.files if p not in now}
        changes.update({p: s for p, s in now.items() if p not in self.files or self.files[p].text_hash != s.text_hash})
        return await self.update_files(changes) if changes else set()

    def cache_path(self) -> Path:
        key = hashlib.sha256(str(self.folder).encode()).hexdigest()[:24]
        return self.hub.cache_dir / f"{key}-{self.hub.cache_stamp}.cbor"

    def save_cache(self, aside: bool = False) -> None:
        """Write the folder's snapshot. `aside`: from a forked child (after a cold index), so that the encoding's
        buffers (tens of MB at 250k lines, which the allocator would keep) never enter this process; written here
        when the child cannot be made or fails."""
        if not self.hub.cache_enabled or not self.unsaved_changes:
            return
        self.unsaved_changes = False
        try:
            from registry import dump

            path = self.cache_path()
            path.parent.mkdir(parents=True, exist_ok=True)
            layer, converter, key = self.layer, self.hub.converter, self.hub.cache_key
            if aside and in_child(lambda: dump(layer, path, converter, key=key), CACHE_WRITE_SECONDS):
                return
            dump(self.layer, path, self.hub.converter, key=self.hub.cache_key)
        except ImportError as error:
            log.warning("warm-start cache unavailable (%s)", error)
            self.hub.cache_enabled = False
        except Exception:
            log.exception("could not write the cache of %s", self.folder)


def importers_to_check(the_plan: Any, only: set[str] | None) -> dict[str, int]:
    """Module → how many other modules of an index (the plan's, or those of `only`) import it, for the modules
    whose interface can be made compact once those are checked: the members of an import cycle are checked again
    round after round, so theirs stays live until the index is over (`Hub._compact_and_save`)."""
    cyclic = {m for group in the_plan.groups if len(group) > 1 for m in group}
    waiting: dict[str, int] = {}
    for module, source in the_plan.owners.items():
        if only is not None and module not in only:
            continue
        for imported in dict.fromkeys(source.imports):
            if imported != module:
                waiting[imported] = waiting.get(imported, 0) + 1
    for module in cyclic:
        waiting[module] = -1
    return waiting


def in_child(work: Callable[[], Any], seconds: float) -> bool:
    """Run `work` in a forked child and wait for it (at most `seconds`: then it is killed); True when it ended
    without an error. False at once where there is no fork. The child leaves without any clean-up of this
    process's (no flushing of its buffers, no exit handlers)."""
    if not hasattr(os, "fork"):
        return False
    try:
        child = os.fork()
    except OSError:
        return False
    if child == 0:
        code = 1
        try:
            with collector_paused():
                work()
            code = 0
        finally:
            os._exit(code)
    deadline = time.monotonic() + seconds
    while True:
        done, status = os.waitpid(child, os.WNOHANG)
        if done:
            return status == 0
        if time.monotonic() > deadline:
            log.warning("process %d (forked for background work) takes too long: stopped", child)
            with contextlib.suppress(OSError):
                os.kill(child, 9)
            os.waitpid(child, 0)
            return False
        time.sleep(0.02)


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


def checked_out_of_sight(run: FolderCheck, step: Any) -> CheckedModule:
    """One module of an index checked with the collector paused (its trees are made compact next, then what is
    left moved out of the collector's sight: `ProjectBaseline._compact_indexed`)."""
    from nova.check.lint_names import forget_cached_facts

    with collector_paused():
        checked = run.check(step)
        forget_cached_facts()  # each declaration of an index is linted once: its facts are not kept for keystrokes
    return checked


def settle_heap(collect: bool = True) -> None:
    """After indexing (and after each module of a serial index, once compact), move the long-lived index out of the
    collector's sight (gc.freeze): otherwise every full collection walks the whole typed AST of the workspace, a
    pause of seconds in the middle of a keystroke. Checks leave cyclic garbage (the compiled parser's and scope's
    closures hold a module's tokens and the environments it imported: half the heap of a 50k-line index), collected
    first so it is not kept for good; that collection walks only what was made since the last freeze. A restore
    that checked nothing leaves none worth a full collection (tens of milliseconds of a warm start)."""
    if collect:
        gc.collect()
    gc.freeze()


class Hub:
    """One per process: the root layer, the baselines, the check worker, the live connections."""

    def __init__(self, cache_dir: Path | None = None, cache_enabled: bool = True,
                 limits: ServerLimits = DEFAULT_SERVER_LIMITS, jobs: int | None = None) -> None:
        self.limits = limits
        self.cache_dir = cache_dir or default_cache_dir()
        self.cache_enabled = cache_enabled
        self._root: Any = None
        self._converter: Any = None
        self._cache_key: bytes | None = None
        self._stamp: str | None = None
        self.baselines: dict[Path, ProjectBaseline] = {}
        self._indexing: dict[Path, asyncio.Task[ProjectBaseline]] = {}
        self._background: set[asyncio.Future[Any]] = set()
        self.executor = FairExecutor("nova-check")
        """The check worker of documents: keystroke checks, completion probes, re-checks after a save; each
        connection's jobs in turn with the others' (`server.fair_executor`), so one editor's burst of checks
        does not queue up ahead of another editor's keystroke."""
        self.indexer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nova-index")
        """The worker of folders: restores, discovery, each module of an index, compaction, cache writes. A
        keystroke check of any connection never waits in a queue behind this work (it runs beside it, sharing the
        interpreter's time), so indexing a large folder for one editor does not hold back another's diagnostics."""
        from nova.parallel import default_jobs

        self.jobs = jobs if jobs is not None else default_jobs()
        """Worker processes for a large folder's cold index (`nova.parallel`; a small folder is checked here)."""
        self.connections: set[Any] = set()
        self._stdlib_paths: dict[str, Path] | None = None
        self.library_sources: dict[str, Any] = {}  # module → (rev, nova.ide ModuleSource) of the standard library
        self._preloaded = False
        if cache_enabled:  # at start-up, not inside the first indexing: every start reads (or writes) the cache
            try:
                from registry import SnapshotError
                from registry.private_files import snapshot_key

                self._converter = analysis.snapshot_converter()
                # Cache files are sealed with this user's private key: a file anyone else made is never served.
                self._cache_key = snapshot_key(self.cache_dir)
                from server import snapshot_codec

                snapshot_codec.on_corrupt(self._drop_corrupt_cache)
            except (ImportError, SnapshotError) as error:
                log.warning("warm-start cache unavailable (%s)", error)
                self.cache_enabled = False

    @property
    def root(self) -> Any:
        if self._root is None:
            self._root = self._load_root()
        return self._root

    def _load_root(self) -> Any:
        """The stdlib root, restored from the cache when a valid one exists, else from the package's root copied
        into the cache, else built (and cached).

        The cache file is the command-line tools' (`nova.root_cache`): a `nova check` run and a server start of
        the same version share it. Without one nor a packaged root, the root is built in a child process that
        writes the file, and restored from it here: the build's live typed trees (about 50 MB, which the allocator
        would keep after they are freed) never enter this process, whose memory after a cold start stays a warm
        start's."""
        began = time.perf_counter()
        path = self.root_path()
        if path is not None and (prepared := prepared_root.take(path, self.cache_key)) is not None:
            log.info("stdlib restored from %s by the fork server", path)
            return prepared
        if path is not None:
            if not os.path.lexists(path) and not adopt_packaged(path, self.cache_key):
                self._build_root_aside()
            if os.path.lexists(path):
                try:
                    from registry import restore

                    with collector_paused():
                        root = restore(path, self.converter, key=self.cache_key)
                        gc.freeze()
                    log.info("stdlib restored from %s in %.2f s", path, time.perf_counter() - began)
                    return root
                except Exception as error:
                    log.warning("ignoring the stdlib cache %s (%s)", path, error)
                    with contextlib.suppress(OSError):
                        path.unlink()
        with collector_paused():  # the stdlib's typed trees live as long as the process: never walked again
            root = analysis.load_root()
            gc.freeze()
        if path is not None:
            try:
                from registry import dump

                path.parent.mkdir(parents=True, exist_ok=True)
                dump(root, path, self.converter, key=self.cache_key)
            except Exception as error:
                log.warning("cannot cache the stdlib in %s (%s)", path, error)
        return root

    def root_path(self) -> Path | None:
        """Where this version's stdlib snapshot is cached (None without a cache)."""
        if not self.cache_enabled:
            return None
        from nova.root_cache import snapshot_path

        return snapshot_path(self.cache_dir)

    def _build_root_aside(self) -> None:
        """Build the root in a forked child that writes its snapshot (`nova.root_cache`), and wait for it; on any
        failure (no fork, a child that fails or hangs) the caller builds the root here, as before."""
        began = time.perf_counter()
        import nova.parallel
        import nova.root_cache
        import nova.stdlib
        import registry  # noqa: F401  (imported before the fork: the child needs no import lock)

        def build() -> None:
            # the child runs no other thread: the build is spread over forked workers (nova.stdlib.build_root)
            if nova.root_cache.cached_root(self.cache_dir, nova.parallel.spare_jobs(self.jobs)).path is None:
                raise OSError("the stdlib snapshot could not be written")

        if in_child(build, ROOT_BUILD_SECONDS):
            log.info("stdlib built in a child process in %.2f s", time.perf_counter() - began)

    def index_workers(self, the_plan: Any, only: set[str] | None) -> int:
        """Worker processes for indexing a folder (`nova.workspace.workers_worth_using` for a caller that makes each
        module compact; 0: checked here, each module made compact after its check)."""
        from nova.workspace import workers_worth_using

        samples: list[IdleSample] = []
        workers = workers_worth_using(the_plan, self.jobs, only, compacting=True, samples=samples)
        log.info("index on %d worker processes (%d jobs)%s", workers, self.jobs,
                 "; idle cores sampled: " + ", ".join(s.describe() for s in samples) if samples else "")
        return workers

    def index_workers_now(self, the_plan: Any, rest: set[str], sample: IdleSample) -> int:
        """Worker processes for the modules `rest` of an index checked here so far, by a sample taken meanwhile
        (`nova.parallel.IdleWatch`): a core turned idle since the index began (0: go on here)."""
        from nova.workspace import workers_worth_using

        workers = workers_worth_using(the_plan, self.jobs, rest, compacting=True, idle=sample.idle_cores())
        if workers:
            log.info("index: the last %d modules on %d worker processes; idle cores sampled: %s", len(rest),
                     workers, sample.describe())
        return workers

    def start_pool(self, workers: int, stack: contextlib.ExitStack) -> WorkerPool:
        """Worker processes for an index, started at a lower priority (`INDEX_NICENESS`) and told to restore the
        root (from its cached snapshot, else from a dump made for them); `stack` closes them."""
        from nova.parallel import WorkerPool, root_snapshot

        pool = stack.enter_context(WorkerPool(workers, niceness=INDEX_NICENESS))
        root_file, key = self.root_snapshot_file()
        if root_file is None:
            root_file, key = stack.enter_context(root_snapshot(self.root)), None
        pool.open(root_file, key)
        return pool

    def root_snapshot_file(self) -> tuple[Path | None, bytes | None]:
        """The cached snapshot of the root and its key, for worker processes to restore (None without one)."""
        path = self.root_path()
        if path is not None and path.is_file():
            return path, self.cache_key
        return None, None

    def _drop_corrupt_cache(self, error: Exception) -> None:
        """A value restored from the cache cannot be decoded: remove this version's cache files so the next start
        rebuilds them, and write no cache from this process (it would carry the bad value over)."""
        if not self.cache_enabled:
            return
        self.cache_enabled = False
        log.error("a value restored from the cache cannot be decoded (%s); removing the cache files in %s, which "
                  "the next start rebuilds", error, self.cache_dir)
        from nova.root_cache import snapshot_path

        for path in [*self.cache_dir.glob(f"*-{self.cache_stamp}.cbor"), snapshot_path(self.cache_dir)]:
            with contextlib.suppress(OSError):
                path.unlink()

    @property
    def cache_key(self) -> bytes | None:
        return self._cache_key

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
        from nova.stdlib import module_files

        return module_files().get(module)

    async def run_check(self, text: str, view: Any, previous: Any = None, owner: Hashable = None) -> Any:
        """A check on the document worker, in `owner`'s turn (see `executor`)."""
        return await asyncio.wrap_future(self.executor.submit_for(
            owner, analysis.check_text, text, view, previous, self.limits.max_file_bytes))

    async def run_check_document(self, text: str, view: Any, previous: Any = None,
                                 earlier: Any = None, owner: Hashable = None) -> tuple[Any, Any]:
        """`run_check` of an open document (see `analysis.check_edited`): the result and the new `ItemParse`."""
        return await asyncio.wrap_future(self.executor.submit_for(
            owner, analysis.check_edited, text, view, previous, self.limits.max_file_bytes, earlier))

    async def run_probe(self, text: str, view: Any, previous: Any, wanted: Callable[[], bool],
                        owner: Hashable = None) -> tuple[Any, Any]:
        """A check of a variant of an open document for an IDE request (completion's typed hole): skipped when, by
        the time the worker reaches it, `wanted()` says a newer request superseded it (None, None)."""

        def probe() -> tuple[Any, Any]:
            if not wanted():
                return None, None
            return analysis.check_document(text, view, previous, self.limits.max_file_bytes)

        return await asyncio.wrap_future(self.executor.submit_for(owner, probe))

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
            log.info("indexing %s", folder)
            root = await self.ensure_root()
            root_ready = time.perf_counter()
            baseline = ProjectBaseline(self, folder, root.begin_batch())
            restored = await asyncio.get_running_loop().run_in_executor(self.indexer, self._restore, baseline)
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
            startup.stamp("indexed")
            if baseline.checked:  # compacted, then the heap settled and the cache written: the editor is served
                self.keep(asyncio.ensure_future(self._compact_and_save(baseline)))
            else:
                settle_heap(collect=False)
                asyncio.get_running_loop().run_in_executor(self.indexer, baseline.save_cache)
            if not self._preloaded:  # a warm start imported no checker: load it before the first check needs it
                self._preloaded = True
                asyncio.get_running_loop().run_in_executor(self.indexer, self._after_start)
            return baseline
        finally:
            self._indexing.pop(folder, None)
            start_over()  # the start is over: the collector runs again (see `server.collector`)

    def _after_start(self) -> None:
        """Once the first folder is served: load the checker, then keep the code generated so far and let go of
        the code cache's copy (`code_cache`)."""
        from server import code_cache

        analysis.preload()
        code_cache.save_installed(release=True)

    def keep(self, task: asyncio.Future[Any]) -> None:
        """Hold a background task until it ends (the loop keeps only weak references)."""
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _compact_and_save(self, baseline: ProjectBaseline) -> None:
        """After an index that checked modules: their typed values into the compact form (a chunk of modules per job on
        the index worker, beside the keystroke checks), the heap settled, then the cache written (cheaply:
        the compact values are written as they are)."""
        loop = asyncio.get_running_loop()
        try:
            modules = sorted(set(baseline.checked) & baseline.layer.own_modules())
            for start in range(0, len(modules), COMPACT_CHUNK):
                await loop.run_in_executor(self.indexer, baseline.compact, modules[start:start + COMPACT_CHUNK])
            settle_heap()  # the live trees just dropped are garbage: collected before the rest is frozen
            await loop.run_in_executor(self.indexer, lambda: baseline.save_cache(aside=True))
        except (RuntimeError, asyncio.CancelledError):  # the hub shut down meanwhile (it saves the cache itself)
            return

    def _restore(self, baseline: ProjectBaseline) -> Any:
        if not self.cache_enabled:
            return None
        path = baseline.cache_path()
        if not path.exists():
            return None
        try:
            from registry import restore

            with collector_paused():
                return restore(path, self.converter, parent=self.root, key=self.cache_key)
        except Exception as error:
            log.warning("ignoring the cache %s (%s); indexing %s from scratch", path, error, baseline.folder)
            return None

    def baseline_for_path(self, path: Path) -> ProjectBaseline | None:
        """The baseline of the innermost indexed project holding `path`."""
        folder = innermost_folder(path, self.baselines)
        return self.baselines[folder] if folder is not None else None

    async def after_baseline_change(self, baseline: ProjectBaseline, modules: set[str]) -> None:
        """Every session over this baseline re-checks its open documents that depend on `modules`."""
        for session in list(baseline.sessions):
            session.recheck_open_dependents(modules, include_self=False)

    def shutdown(self) -> None:
        from server import code_cache

        for baseline in self.baselines.values():
            baseline.save_cache()
        code_cache.save_installed()
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.indexer.shutdown(wait=False, cancel_futures=True)

