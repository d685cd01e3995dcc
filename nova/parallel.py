"""Checking a folder's modules on several processes: the check step of `nova.workspace`, spread over cores.

Each worker process holds a mirror of the layer being filled: the root (restored lazily from a snapshot file, so
a worker starts in a fraction of a second instead of building the standard library) plus the modules it has
checked or been sent. A module is handed to an idle worker once every module it imports is done, with whatever of
its import closure that worker lacks; the worker checks it, keeps it, and sends it back in the compact form of a
warm start (`nova.compact`: one blob per exported scheme, per typed element and per environment; the interface
first, before the module is linted, then the typed elements as one `marshal` table), which the parent puts into
its layer undecoded. Picking the worker that already holds most of a module's closure keeps a
chain of imports on one worker, with nothing to send.

The results equal the serial path's (a differential test holds them to it). What a worker's mirror could not show
the same way runs in the parent, in the serial order, while no later module has been put: the groups of an import
cycle (the interfaces of one round feed the next), modules importing a module nobody provides (the diagnostic
suggests names from every module the layer holds) and the files that provide no module (checked last, against
everything). Worker processes are started with `spawn`: safe next to the threads of the language server.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import threading
import time
import traceback
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

    from nova.check import CheckedModule
    from nova.workspace import Plan

MIN_MODULES = 16
"""Below this many modules to check, or `MIN_LINES` lines, starting workers (an interpreter and the checker's
imports each, and a snapshot of the root) costs more than it saves."""
MIN_LINES = 20_000
AHEAD_WEIGHT = 3
"""In choosing a worker for a module, its parse done ahead weighs as much as this many of the module's imports
already in the worker's mirror (each of which would otherwise be sent and put there first)."""
MIN_BESIDE = 10_000
"""Lines that can be checked beside the longest chain of imports: a folder whose modules form one chain (each
imports the one before) can only be checked one module after another, and stays in this process."""


FORK_SAFE_THREADS = frozenset({"registry-reclaim"})
"""Threads a forked child does without: the registry's reclaimer holds no lock across its work, and a child
starts its own (`registry.reclaim` resets it at fork)."""


def forking_is_safe() -> bool:
    """Whether worker processes may be forked from this process: the platform forks, and no other thread runs
    but those of `FORK_SAFE_THREADS` (a forked copy of a lock another thread holds would never be released)."""
    import multiprocessing

    current = threading.current_thread()
    return "fork" in multiprocessing.get_all_start_methods() and all(
        thread is current or thread.name in FORK_SAFE_THREADS for thread in threading.enumerate())


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def spare_jobs(limit: int | None = None) -> int:
    """The cores that are idle now (at least one; at most `limit`): this process's cores less the load average's
    busy ones besides this process, as `make -l` reads it. Work spread over worker processes costs more CPU than
    done in one (each result is encoded to cross); on a machine whose cores are taken, the workers get no more
    of them than one process would (Linux shares a session's CPU between its processes), so the spreading would
    only add that cost."""
    cores = default_jobs() if limit is None else min(limit, default_jobs())
    try:
        busy = max(0.0, os.getloadavg()[0] - 1.0)
    except OSError:
        return cores
    return max(1, min(cores, int(default_jobs() - busy + 0.5)))


def large(modules: int, lines: int) -> bool:
    """A folder large enough for worker processes to pay (see `MIN_MODULES`)."""
    return modules >= MIN_MODULES and lines >= MIN_LINES


def worth_it(jobs: int, modules: int, lines: int, longest_chain: int = 0) -> bool:
    """Whether `modules` modules of `lines` lines, `longest_chain` of them on the longest chain of imports, are
    checked sooner on `jobs` processes."""
    return jobs > 1 and large(modules, lines) and lines - longest_chain >= MIN_BESIDE


IDLE_SAMPLE_SECONDS = 0.1
PIPELINE_IDLE_CORES = 1.5
"""Idle cores (this process's and its workers' own time counted as idle) from which a chain of imports is indexed on
two worker processes taking turns (`nova.workspace.workers_worth_using`): one core for the checks and most of
another for the packing beside them. With a single core for the index the two workers share it, at a lower
priority than the process keeping the other core busy, and pay for their start and for shipping every interface:
at 252k lines on two cores, one of them busy, the pipeline took 19.0 s where the serial index took 15.9 s."""
IDLE_SAMPLES = 3
"""Samples `idle_cores` takes at most before it says no core is idle: one sample of a tenth of a second lands on a
moment's burst (a process ending, a compiler's step) as often as not."""


@dataclass(frozen=True, slots=True)
class IdleSample:
    """The system's CPU time over one sample, in clock ticks of all its cores: `idle` (idle and iowait), `own`
    (what this process and its worker processes ran meanwhile: the caller's own work, not load on the machine:
    a language server's other threads answering an editor, its pool's workers starting) and `total`."""

    idle: int
    own: int
    total: int
    cores: int

    def idle_cores(self) -> float:
        """Cores that nothing but this process and its workers ran on."""
        if self.total <= 0:
            return 0.0
        return (self.idle + min(self.own, self.total - self.idle)) / self.total * self.cores

    def describe(self) -> str:
        return f"{self.idle_cores():.2f} (idle {self.idle}, own {self.own} of {self.total} ticks)"


_Reading = tuple[tuple[int, int] | None, int]
"""(idle, total) ticks of the system (`_cpu_times`) and this process's own (`_own_ticks`) at one moment."""


def _sample_between(first: _Reading, second: _Reading) -> IdleSample | None:
    (system_first, own_first), (system_second, own_second) = first, second
    if system_first is None or system_second is None or system_second[1] <= system_first[1]:
        return None
    return IdleSample(system_second[0] - system_first[0], max(0, own_second - own_first),
                      system_second[1] - system_first[1], os.cpu_count() or 1)


def sample_idle(seconds: float) -> IdleSample | None:
    """The system's idle time and this process's own over `seconds` (None where /proc does not tell)."""
    first: _Reading = _cpu_times(), _own_ticks()
    if first[0] is None:
        return None
    time.sleep(seconds)
    return _sample_between(first, (_cpu_times(), _own_ticks()))


def idle_cores(jobs: int, samples: list[IdleSample] | None = None, enough: float = PIPELINE_IDLE_CORES) -> float:
    """About how many of `jobs` cores nothing runs on now but this process and its workers: the system's idle
    time over short samples (this process sleeps meanwhile; what its other threads and its workers run is not
    counted as load), the most any of up to `IDLE_SAMPLES` saw (it stops at the first that sees `enough`);
    where there is no `/proc/stat`, by the load average of the last minute (which still counts what this process
    and its workers did a moment ago); 0 where the system tells neither. `samples` gets each sample taken."""
    best: float | None = None
    for _ in range(IDLE_SAMPLES):
        sample = sample_idle(IDLE_SAMPLE_SECONDS)
        if sample is None:
            break
        if samples is not None:
            samples.append(sample)
        best = max(best or 0.0, min(float(jobs), sample.idle_cores()))
        if best >= enough:
            break
    if best is not None:
        return best
    try:
        return jobs - os.getloadavg()[0]
    except (AttributeError, OSError):
        return 0.0


WATCH_SECONDS = 1.0
"""How long `IdleWatch` lets pass between two samples (a hundred clock ticks a core)."""


class IdleWatch:
    """The system's idle time while this process works (a serial index, one module after another), sampled at
    most every `WATCH_SECONDS` without waiting: what the index runs meanwhile is this process's own time, which
    a sample counts as idle (it would move to the workers). A core that turns idle after the index began (a
    process that was ending at its start, another build done) is seen within a second, over a sample ten times
    longer than the one taken before the index."""

    __slots__ = ("_at", "_ticks", "seconds")

    def __init__(self, seconds: float = WATCH_SECONDS) -> None:
        self.seconds = seconds
        self._at = time.monotonic()
        self._ticks: _Reading = _cpu_times(), _own_ticks()

    def sample(self) -> IdleSample | None:
        """The sample since the last one, once `seconds` have passed (None before, or where /proc does not
        tell)."""
        now = time.monotonic()
        if now - self._at < self.seconds:
            return None
        before, self._at, self._ticks = self._ticks, now, (_cpu_times(), _own_ticks())
        return _sample_between(before, self._ticks)


def _cpu_times() -> tuple[int, int] | None:
    """(idle, total) clock ticks of all the system's cores since boot, from /proc/stat (None without one)."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = stat.readline().split()
    except OSError:
        return None
    if not fields or fields[0] != "cpu":
        return None
    try:
        ticks = [int(f) for f in fields[1:9]]  # user nice system idle iowait irq softirq steal
    except ValueError:
        return None
    return ticks[3] + ticks[4], sum(ticks)


def _own_ticks() -> int:
    """Clock ticks (user and system) this process and its live child processes have run (0 where /proc does not
    tell; a child that ends during a sample is left out of both ends of it, its ticks counted as load)."""
    import multiprocessing

    total = _process_ticks("self")
    for child in multiprocessing.active_children():
        if child.pid is not None:
            total += _process_ticks(str(child.pid))
    return total


def _process_ticks(pid: str) -> int:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime stime
    except (OSError, IndexError, ValueError):
        return 0


def longest_chain(plan: Plan, lines: Callable[[str], int]) -> int:
    """The lines of the heaviest path of imports through the plan's groups (what no number of cores shortens)."""
    owners = plan.owners
    group_of = {m: index for index, group in enumerate(plan.groups) for m in group}
    finish: list[int] = []
    for index, group in enumerate(plan.groups):
        before = [finish[group_of[i]] for m in group for i in owners[m].imports
                  if i in group_of and group_of[i] < index]
        finish.append(sum(lines(m) for m in group) + max(before, default=0))
    return max(finish, default=0)


# ---- the compact form of a checked module ----------------------------------------------------------------------


READ_BY_IMPORTERS = frozenset({"constructor"})
"""The kinds of typed element a check reads of an imported module (through `view.element`: a constructor's type
and arity, for the exhaustiveness of a match over an imported type); of the others it reads only the exported
schemes and the environment."""


def pack_interface(checked: CheckedModule, text_hash: str | None) -> dict[str, Any]:
    """What a dependent's check reads of a checked module (its exported schemes and environment, its imports, its
    constructors' elements), in the packed form of `pack_entry`: sent (and handed on to the next module's worker)
    before the rest of the typed elements are packed."""
    return _packed_interface(checked.name, checked.exports, checked.typed_ast, checked.env, checked.imports,
                             text_hash)


def pack_rest(checked: CheckedModule) -> dict[str, Any]:
    """What the parent needs of a checked module besides `pack_interface`: all the typed elements (in the local
    form a worker hands its parent, `nova.compact.hand_over_typed_module`), the diagnostics (`unpack` takes both)."""
    from nova.compact import hand_over_typed_module
    from nova.snapshot import encode

    return {
        "ast": hand_over_typed_module(checked.typed_ast),
        "diagnostics": encode(tuple(checked.diagnostics)),
        "lint": encode(tuple(checked.lint)),
        "linted": checked.linted,
        "fixities": encode(dict(checked.fixities)),
        "header_span": encode(checked.header_span),
    }


def pack_entry(entry: Any) -> dict[str, Any]:
    """A registry entry in the packed form of `pack_interface` (what a worker's mirror needs of a module)."""
    return _packed_interface(entry.name, entry.exports, entry.ast, entry.env, entry.imports, entry.source_hash)


def _packed_interface(name: str, exports: Mapping[str, Any], ast: Any, env: Any, imports: Iterable[str],
                      source_hash: str | None) -> dict[str, Any]:
    from nova.compact import unstructure_elements_of_kinds, unstructure_value

    return {
        "name": name,
        "exports": {key: unstructure_value(value) for key, value in exports.items()},
        "ast": unstructure_elements_of_kinds(ast, READ_BY_IMPORTERS),
        "env": unstructure_value(env),
        "imports": list(imports),
        "source_hash": source_hash,
    }


def unpack(data: dict[str, Any]) -> CheckedModule:
    """A checked module from `pack_interface` and `pack_rest` together: diagnostics decoded, schemes, elements and
    environment left compact (each is decoded the first time something reads it)."""
    from nova.check import CheckedModule
    from nova.compact import LazyEnv, LazyScheme, structure_value, taken_over_typed_module
    from nova.snapshot import decode

    return CheckedModule(
        name=data["name"],
        exports={key: structure_value(blob, LazyScheme) for key, blob in data["exports"].items()},
        typed_ast=taken_over_typed_module(data["ast"]),
        env=structure_value(data["env"], LazyEnv),
        imports=tuple(data["imports"]),
        diagnostics=tuple(decode(data["diagnostics"])),
        lint=tuple(decode(data["lint"])) if "lint" in data else (),
        linted=bool(data.get("linted", False)),
        fixities=decode(data["fixities"]),
        header_span=decode(data["header_span"]),
    )


def put_packed(layer: Any, data: dict[str, Any]) -> None:
    """Put a packed module into `layer` as it is: nothing decoded until a check reads it."""
    from nova.compact import LazyEnv, LazyScheme, structure_typed_module, structure_value

    layer.put(data["name"], {key: structure_value(blob, LazyScheme) for key, blob in data["exports"].items()},
              structure_typed_module(data["ast"]), structure_value(data["env"], LazyEnv),
              imports=tuple(data["imports"]), source_hash=data["source_hash"])


# ---- the worker process ----------------------------------------------------------------------------------------


def _quiet_standard_streams() -> None:
    """A worker of the language server shares its stdin and stdout, which carry the editor's messages: it reads
    nothing from the one and anything it might print goes to stderr instead of the other."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.close(devnull)
        os.dup2(2, 1)
        sys.stdout = sys.stderr


def _serve(connection: Connection, niceness: int = 0, inherited: tuple[Connection, ...] = ()) -> None:
    """A worker's life: import the checker (while the parent builds or reads its root), restore the root the
    parent names, then check what the parent sends until it sends None. `niceness` is added to its scheduling
    priority's nice value first (see `WorkerPool`). `inherited`: the parent's ends of the pipes, which a forked
    worker holds copies of: closed, so that each worker sees the end of its pipe when the parent goes."""
    for other in inherited:
        with contextlib.suppress(OSError):
            other.close()
    if niceness:
        with contextlib.suppress(OSError, AttributeError):
            os.nice(niceness)
    from nova.compact import lazy_converter
    from nova.deep import deep_section
    from nova.workspace import put_checked
    from registry import restore

    _quiet_standard_streams()
    try:
        opening = connection.recv()
    except EOFError:
        return
    if opening is None:
        return
    _, root_file, key = opening
    try:
        mirror = restore(root_file, lazy_converter(), key=key).begin_batch()
    except Exception:  # the parent sees the worker gone and checks its modules itself
        return
    connection.send((READY, None))
    ahead: tuple[str, str, Any] | None = None
    """A module parsed ahead (path, text, parse): what the parent expects this worker to check next."""
    with deep_section():
        while True:
            try:
                message = connection.recv()
            except EOFError:
                return
            if message is None:
                return
            if message[0] == PARSE_AHEAD:
                ahead = _parsed_ahead(message[1], message[2])
                continue
            entries, path, text, text_hash, lint = message
            parsed = ahead[2] if ahead is not None and ahead[:2] == (path, text) else None
            ahead = None
            try:
                for data in entries:
                    put_packed(mirror, data)
                checked, linted = _check_then_lint(text, mirror, parsed, lint)
                # the interface first: the parent hands it to the next module's worker, which checks that module
                # while this one lints it and packs the typed elements (most of the packing) on its own core
                connection.send(("interface", pack_interface(checked, text_hash)))
                checked = linted()
                put_checked(mirror, checked, text_hash)
                reply: tuple[str, Any] = ("done", pack_rest(checked))
            except Exception:
                reply = ("failed", f"{path}: {traceback.format_exc()}")
            connection.send(reply)


def _check_then_lint(text: str, view: Any, parsed: Any, lint: bool) -> tuple[CheckedModule, Callable[[], Any]]:
    """`nova.workspace.check_text` of a worker, its lint warnings (when asked for) added by the function returned
    (`nova.check.check_then_lint`): what a dependent's check reads is ready before them."""
    from nova.check import check_module, check_then_lint
    from nova.syntax import parse_module

    parsed = parsed if parsed is not None else parse_module(text)
    if lint:
        return check_then_lint(parsed, view)
    checked = check_module(parsed, view, lint=False)
    return checked, lambda: checked


READY = "ready"
"""A worker's first message, once it has imported the checker and restored the root (`WorkerPool.ready`)."""
PARSE_AHEAD = "parse"
"""A message to a worker: parse this module's text now, it is likely the next one the worker checks. Parsing
needs no imports, so a worker that waits for the interface of the module before (a chain of imports hands each
module to the other worker once the one before is checked) parses meanwhile instead of after."""


def _parsed_ahead(path: str, text: str) -> tuple[str, str, Any] | None:
    from nova.syntax import parse_module

    try:
        return path, text, parse_module(text)
    except Exception:  # the check parses it again, and reports
        return None


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    connection: Connection
    holds: set[str] = field(default_factory=set)
    """Modules in the worker's mirror."""
    busy: int | None = None
    """The group index it is checking."""
    ahead: int | None = None
    """The group index whose module it was sent to parse ahead (`PARSE_AHEAD`)."""
    ready: bool = False
    """Whether it has said `READY` (read by `WorkerPool.ready`, or by the check as it takes the worker's results)."""


_START_LOCK = threading.Lock()


@contextlib.contextmanager
def _main_module_hidden() -> Iterator[None]:
    """A spawned process runs the parent's main module again (the language server's, a test runner's, a
    script's) unless it has none: the worker needs only this module, so it is shown none while it starts."""
    main = sys.modules.get("__main__")
    stand_in = types.ModuleType("__main__")
    stand_in.__spec__ = None
    with _START_LOCK:
        sys.modules["__main__"] = stand_in
        try:
            yield
        finally:
            if main is not None:
                sys.modules["__main__"] = main


class WorkerPool:
    """Worker processes, started before they are needed: they import the checker while the parent is busy (the
    standard library's build, reading the folder), then restore the root once `open` names its snapshot.

    `niceness`: how much lower the workers' scheduling priority is than this process's. The language server
    indexes in the background with a positive one, so that on a machine with as many busy workers as cores the
    operating system still runs the server's own keystroke checks first (another editor keeps typing at its
    unloaded speed while a large folder is indexed).

    `start`: "spawn" (the default: a fresh interpreter, safe next to the language server's threads) or "fork"
    (a copy of this process, the checker already imported: a worker is ready at once instead of after an import
    of the checker, which for the standard library's build is a quarter of the work). Fork only from a process
    that runs no other thread meanwhile (`forking_is_safe`)."""

    def __init__(self, count: int, niceness: int = 0, start: str = "spawn") -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork") if start == "fork" else multiprocessing.get_context("spawn")
        self.workers: list[_Worker] = []
        self.opened = False
        self.used = False
        """Whether a check ran on it (its workers' mirrors hold that check's modules: a pool serves one)."""
        for _ in range(count):
            parent_end, child_end = context.Pipe()
            inherited = (*(w.connection for w in self.workers), parent_end) if start == "fork" else ()
            process = context.Process(target=_serve, args=(child_end, niceness, inherited), daemon=True,
                                      name="nova-check-worker")
            with _main_module_hidden():
                process.start()
            child_end.close()
            self.workers.append(_Worker(process, parent_end))

    def open(self, root_file: Path, key: bytes | None = None) -> None:
        """Have every worker restore the root from `root_file` (a snapshot, sealed with `key` if given)."""
        for worker in list(self.workers):
            try:
                worker.connection.send(("root", str(root_file), key))
            except (OSError, ValueError):
                self.drop(worker)
        self.opened = True

    def ready(self) -> bool:
        """Whether every worker has restored the root and waits for modules (without waiting; a worker that died is
        dropped). A caller that started the pool ahead goes on with its own work until then."""
        for worker in list(self.workers):
            try:
                while not worker.ready and worker.connection.poll():
                    status, _ = worker.connection.recv()
                    worker.ready = status == READY
            except (EOFError, OSError, ValueError, TypeError):
                self.drop(worker)
        return all(worker.ready for worker in self.workers)

    def drop(self, worker: _Worker) -> None:
        """Forget a worker that died (its group is checked in the parent)."""
        self.workers.remove(worker)
        with contextlib.suppress(OSError):
            worker.connection.close()
        worker.process.join(timeout=1)

    def close(self) -> None:
        for worker in self.workers:
            with contextlib.suppress(OSError, ValueError):
                worker.connection.send(None)
        for worker in self.workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.connection.close()
        self.workers = []

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextlib.contextmanager
def root_snapshot(root: Any) -> Any:
    """A snapshot file of `root` for the workers to restore (removed afterwards)."""
    from nova.compact import lazy_converter
    from registry import dump

    with tempfile.TemporaryDirectory(prefix="nova-check-") as folder:
        path = Path(folder) / "root.cbor"
        dump(root, path, lazy_converter())
        yield path


# ---- the parent's schedule -------------------------------------------------------------------------------------


OnResult = Callable[[str, "CheckedModule"], None]


class ParallelCheck:
    """Checks a plan's modules into `layer` (a batch over a root) on the workers of an opened pool; `results` ends
    as `FolderCheck.results` would (path → check) and the layer holds the same modules.

    `on_result(module, checked)` is called (on the calling thread) as each module is put, for progress reports.
    `lint` False leaves out the lint warnings (see `nova.check.check_module`).
    """

    def __init__(self, plan: Plan, layer: Any, pool: WorkerPool, *, only: set[str] | None = None,
                 unowned: bool = True, on_result: OnResult | None = None, lint: bool = True) -> None:
        self.plan = plan
        self.lint = lint
        self.layer = layer
        self.pool = pool
        self.only = only
        """Check only these modules (a warm start's stale ones): the others are in the layer already."""
        self.unowned = unowned
        self.on_result = on_result
        self.results: dict[str, CheckedModule] = {}
        self._packed: dict[str, dict[str, Any]] = {}
        self._closure = self._closures()
        self._position = {m: i for i, m in enumerate(m for group in plan.groups for m in group)}

    # -- which groups go where

    def _in_parent(self, group: list[str]) -> bool:
        """Whether a group must run in the parent (see the module's docstring)."""
        if len(group) > 1:
            return True
        from nova.check.prim import prim_env

        owners = self.plan.owners
        return any(i not in owners and i != group[0] and self.layer.get(i) is None and prim_env(i) is None
                   for i in owners[group[0]].imports)

    def _closures(self) -> dict[str, frozenset[str]]:
        """Module → the project's modules it imports, directly or not (a cycle's members all import each other)."""
        owners = self.plan.owners
        closures: dict[str, frozenset[str]] = {}
        for group in self.plan.groups:
            members = set(group)
            reached: set[str] = set(members) if len(group) > 1 else set()
            for module in group:
                for imported in owners[module].imports:
                    if imported in owners and imported not in members:
                        reached.add(imported)
                        reached |= closures[imported]
            for module in group:
                closures[module] = frozenset(reached - {module})
        return closures

    # -- running

    def run(self) -> None:
        from nova.workspace import announce_cycles

        announce_cycles(self.plan, self.layer)
        groups = self.plan.groups
        group_of = {m: index for index, group in enumerate(groups) for m in group}
        waits_on = [{group_of[i] for m in group for i in self.plan.owners[m].imports
                     if i in group_of and group_of[i] != index} for index, group in enumerate(groups)]
        in_parent = [self._in_parent(group) for group in groups]
        only = self.only
        done = [only is not None and not any(m in only for m in group) for group in groups]
        ready = list(done)
        """A group whose interface is known (its dependents can be handed out; `done` once it is put)."""
        started = list(done)
        assert self.pool.opened and not self.pool.used, "a pool serves one check, once its workers have a root"
        self.pool.used = True
        workers = self.pool.workers
        first = 0  # every group before it is done
        while first < len(groups):
            barrier = next((g for g in range(first, len(groups)) if in_parent[g] and not done[g]), len(groups))
            for index in range(first, barrier):
                idle = [w for w in workers if w.busy is None]
                if not idle:
                    break
                if not started[index] and all(ready[d] for d in waits_on[index]):
                    worker = self._pick(idle, groups[index][0], index)
                    if self._send(worker, index):
                        started[index] = True
                    else:
                        self.pool.drop(worker)
            if barrier < len(groups) and all(done[first:barrier]):
                self._run_in_parent(groups[barrier])
                done[barrier] = ready[barrier] = True
            elif any(w.busy is not None for w in workers):
                self._parse_ahead(workers, first, barrier, started, ready, waits_on)
                self._receive(workers, groups, done, ready)
            else:  # no worker left (each died): the rest up to the barrier in this process, in order
                for index in range(first, barrier):
                    if not done[index]:
                        self._run_in_parent(groups[index])
                        done[index] = ready[index] = True
            while first < len(groups) and done[first]:
                first += 1
        for source in self.plan.unowned() if self.unowned else ():
            from nova.workspace import check_text

            self.results[source.path] = check_text(source.text, self.layer, lint=self.lint)
        self._packed.clear()

    def _pick(self, idle: list[_Worker], module: str, index: int) -> _Worker:
        """The idle worker that holds most of the module's closure (least to send), one that parsed the module
        ahead counting as holding `AHEAD_WEIGHT` more."""
        needs = self._closure[module]
        return max(idle, key=lambda w: len(needs & w.holds) + (AHEAD_WEIGHT if w.ahead == index else 0))

    def _parse_ahead(self, workers: list[_Worker], first: int, barrier: int, started: list[bool],
                     ready: list[bool], waits_on: list[set[int]]) -> None:
        """Have each worker with nothing to check parse the next module that waits for an import still being
        checked, unless a worker parses that one already."""
        for worker in workers:
            if worker.ahead is not None and started[worker.ahead]:
                worker.ahead = None  # another worker took that module
        planned = {w.ahead for w in workers}
        for worker in workers:
            if worker.busy is not None or worker.ahead is not None:
                continue
            index = next((g for g in range(first, barrier) if not started[g] and g not in planned
                          and not all(ready[d] for d in waits_on[g])), None)
            if index is None:
                return
            source = self.plan.owners[self.plan.groups[index][0]]
            try:
                worker.connection.send((PARSE_AHEAD, source.path, source.text))
            except (OSError, ValueError):
                continue  # a worker gone: found out when it is next sent a module
            worker.ahead = index
            planned.add(index)

    def _send(self, worker: _Worker, index: int) -> bool:
        """Hand a group to a worker; False when the worker is gone."""
        module = self.plan.groups[index][0]
        source = self.plan.owners[module]
        missing = sorted(self._closure[module] - worker.holds, key=self._position.__getitem__)
        entries = [self._packed_of(m) for m in missing]
        try:
            worker.connection.send((entries, source.path, source.text, source.text_hash, self.lint))
        except (OSError, ValueError):
            return False
        worker.holds.update(missing)
        worker.busy = index
        worker.ahead = None  # what it parsed ahead is used now or dropped
        return True

    def _packed_of(self, module: str) -> dict[str, Any]:
        data = self._packed.get(module)
        if data is None:  # checked in this process or there before: packed when a worker first needs it
            entry = self.layer.get(module)
            assert entry is not None, f"{module} is imported but not in the layer"
            data = self._packed[module] = pack_entry(entry)
        return data

    def _receive(self, workers: list[_Worker], groups: list[list[str]], done: list[bool], ready: list[bool]) -> None:
        """Take what the busy workers sent: a module's interface (its dependents can be handed out; the worker
        stays busy packing the rest), or the rest (the module is put into the layer, the worker is idle)."""
        from multiprocessing.connection import wait

        ready_ends = wait([w.connection for w in workers if w.busy is not None])
        for worker in [w for w in workers if w.connection in ready_ends]:
            index = worker.busy
            assert index is not None
            module = groups[index][0]
            try:
                status, payload = worker.connection.recv()
            except (EOFError, OSError):
                status, payload = "died", None
            if status == READY:
                worker.ready = True
                continue
            if status == "interface":
                self._packed[module] = payload
                worker.holds.add(module)
                ready[index] = True
                continue
            worker.busy = None
            if status == "done":
                interface = self._packed.get(module)
                assert interface is not None, f"{module}: its rest arrived before its interface"
                self._record(self.plan.owners[module], unpack({**interface, **payload}))
            else:
                if status == "died":
                    self.pool.drop(worker)
                else:
                    import logging

                    logging.getLogger(__name__).warning("a check worker failed: %s", payload)
                self._run_in_parent(groups[index])
            done[index] = ready[index] = True

    def _record(self, source: Any, checked: CheckedModule) -> None:
        from nova.workspace import put_checked

        self.results[source.path] = checked
        put_checked(self.layer, checked, source.text_hash)
        if self.on_result is not None:
            self.on_result(checked.name, checked)

    def _run_in_parent(self, group: list[str]) -> None:
        """A group checked in this process, as the serial path checks it (rounds over a cycle included)."""
        from nova.workspace import FolderCheck

        run = FolderCheck(self.plan, self.layer, only=set(group), unowned=False, lint=self.lint)
        run.run()
        for module in group:
            owner = self.plan.owners[module]
            checked = run.results.get(owner.path)
            if checked is not None:
                self.results[owner.path] = checked
                if self.on_result is not None:
                    self.on_result(module, checked)
