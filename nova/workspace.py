"""Checking a folder: discover → read → header → order → check → put, the one way every tool does it.

`nova check`, `nova eval --workspace`, the standard library's build and the language server's baselines (cold and
warm start) all run the steps below, so the same files give the same diagnostics whichever of them runs:

1. **discover** (`nova.project`): the project's files, from its `nova.toml` or every `.nova` under the folder;
2. **read** (`nova.sources`): the text of each file, its encoding problems, its hash;
3. **header** (`nova.syntax.header`): module name and imports, read with the real parser (or, on a warm start,
   taken from the cached interface whose source hash matches: the header is a function of the text);
4. **plan**: which file provides each module (the first by path when several declare it; the others get
   `DuplicateModule` and are checked without being stored), and the order: each module after the modules it
   imports. The modules of an import cycle are checked together, again until their interfaces stop changing
   (each then reports the cycle and nothing that only the check order caused);
5. **check** each planned module against the layer being filled, and **put** it there.

`FolderCheck` runs steps 5 one module at a time, so that the server can run each check on its worker thread and
yield to its event loop in between; `check_folder` and `check_workspace` run them all at once.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nova.check.graph import strongly_connected
from nova.diagnostics import Diagnostic, Related, Severity, Span
from nova.project import Project, discover

if TYPE_CHECKING:  # the checker is imported when something is checked: planning needs none of it
    from nova.check import CheckedModule
    from nova.parallel import IdleSample, WorkerPool
    from nova.syntax.header import ModuleHeader
    from nova.syntax.parser import ParsedModule

MAX_CYCLE_ROUNDS = 4
"""Checks of an import cycle's modules at most: the first sees the others' empty interfaces, each later one the
interfaces of the round before; a cycle whose interfaces still change after that keeps the last round's."""


def source_hash(text: str) -> str:
    """What tells two versions of a source apart (warm start: was this file edited since it was cached?)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# ---- read + header ---------------------------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class Source:
    """One file of the project, read: its text and what its header says."""

    path: str
    text: str
    text_hash: str
    module: str | None
    """The module its header declares; None without a `module X where` header."""
    imports: tuple[str, ...]
    read_only: bool = False
    diagnostics: tuple[Diagnostic, ...] = ()
    """Problems of the file itself (its encoding)."""
    _header: ModuleHeader | None = None

    def header(self) -> ModuleHeader:
        """The parsed header (read again when the source was made from a cached module name and imports)."""
        if self._header is None:
            from nova.syntax.header import parse_header

            self._header = parse_header(self.text)
        return self._header

    @property
    def name_span(self) -> Span:
        return self.header().name_span or Span(0, 0, 0, 0)


@dataclass(frozen=True, slots=True)
class KnownHeader:
    """A header known without parsing: the module name and imports a cached interface of the same text has."""

    module: str
    imports: tuple[str, ...]


def make_source(
    path: str | Path,
    text: str,
    *,
    read_only: bool = False,
    diagnostics: tuple[Diagnostic, ...] = (),
    known: Mapping[str, KnownHeader] | None = None,
) -> Source:
    """A source from its text; `known` maps source hashes to headers already known (a warm start's cache)."""
    text_hash = source_hash(text)
    hit = known.get(text_hash) if known is not None else None
    if hit is not None:
        return Source(str(path), text, text_hash, hit.module, hit.imports, read_only, diagnostics)
    from nova.syntax.header import parse_header

    header = parse_header(text)
    return Source(str(path), text, text_hash, header.name, header.imported_modules, read_only, diagnostics, header)


def read_sources(
    project: Project, max_bytes: int | None = None, known: Mapping[str, KnownHeader] | None = None
) -> tuple[list[Source], list[tuple[Path, str]]]:
    """Every file of the project read (as every Nova tool reads a file), and why each other one could not be."""
    from nova.sources import MAX_SOURCE_BYTES, SourceError, read_source

    sources: list[Source] = []
    problems: list[tuple[Path, str]] = []
    for ref in project.files:
        try:
            read = read_source(ref.path, max_bytes or MAX_SOURCE_BYTES)
        except SourceError as error:
            problems.append((ref.path, str(error)))
            continue
        sources.append(make_source(ref.path, read.text, read_only=ref.read_only, diagnostics=read.diagnostics,
                                   known=known))
    return sources, problems


def known_headers(layer: Any) -> dict[str, KnownHeader]:
    """Source hash → header of every module a (restored) layer holds itself."""
    found: dict[str, KnownHeader] = {}
    for module in layer.own_modules():
        entry = layer.get(module)
        if entry is not None and entry.source_hash:
            found[entry.source_hash] = KnownHeader(module, tuple(entry.imports))
    return found


# ---- plan ------------------------------------------------------------------------------------------------------


def owner_of(claimants: Iterable[Source]) -> Source | None:
    """Of the files declaring one module, the one that provides it: the project's own before a dependency's,
    then the first by path (the same answer on every machine and in every tool)."""
    return min(claimants, key=lambda s: (s.read_only, s.path), default=None)


def import_order(modules: Iterable[str], imports: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The modules in groups, each group after the groups it imports; a group of several is an import cycle
    (its members in the given order)."""
    wanted = list(dict.fromkeys(modules))
    members = set(wanted)
    deps = {m: [i for i in dict.fromkeys(imports.get(m, ())) if i in members] for m in wanted}
    position = {m: i for i, m in enumerate(wanted)}
    return [sorted(group, key=position.__getitem__) for group in strongly_connected(wanted, deps)]


def ordered(modules: Iterable[str], imports: Mapping[str, Iterable[str]]) -> list[str]:
    """`import_order` flattened: each module after those it imports (a cycle's members in the given order)."""
    return [m for group in import_order(modules, imports) for m in group]


def display_path(path: str, root: Path | None) -> str:
    """A path as diagnostics show it: relative to the project's folder when inside it."""
    if root is not None:
        try:
            return Path(path).relative_to(root).as_posix()
        except ValueError:
            pass
    return path


def duplicate_module(module: str, span: Span, other: str, other_span: Span, root: Path | None = None) -> Diagnostic:
    """The diagnostic on a file's header when the file at path `other` declares the same module."""
    return Diagnostic(span, Severity.ERROR, "DuplicateModule",
                      f"Module `{module}` is also declared in {display_path(other, root)}.",
                      (Related(other_span, "the other declaration", module, path=other),))


@dataclass(slots=True)
class Plan:
    root: Path | None
    sources: list[Source]
    owners: dict[str, Source]
    """Module → the file providing it."""
    claimants: dict[str, list[Source]]
    """Module → every file declaring it (sorted: the owner first)."""
    groups: list[list[str]]
    """The owned modules in import order; a group of several is a cycle."""

    def duplicates(self, source: Source) -> list[Diagnostic]:
        """`DuplicateModule` on `source` for each other file declaring its module."""
        if source.module is None:
            return []
        others = [s for s in self.claimants.get(source.module, ()) if s is not source]
        return [duplicate_module(source.module, source.name_span, o.path, o.name_span, self.root) for o in others]

    def unowned(self) -> list[Source]:
        """Files that are checked for their diagnostics but provide no module (no header, or a twin)."""
        return [s for s in self.sources if s.module is None or self.owners.get(s.module) is not s]


def plan(sources: Sequence[Source], root: Path | None = None) -> Plan:
    claimants: dict[str, list[Source]] = {}
    for source in sources:
        if source.module is not None:
            claimants.setdefault(source.module, []).append(source)
    owners: dict[str, Source] = {}
    for module, found in claimants.items():
        found.sort(key=lambda s: (s.read_only, s.path))
        owner = owner_of(found)
        assert owner is not None
        owners[module] = owner
    groups = import_order(owners, {m: s.imports for m, s in owners.items()})
    return Plan(root, list(sources), owners, claimants, groups)


# ---- check + put -----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PutResult:
    rev: int
    exports_changed: bool
    """Whether importers see other exports than before (early cutoff: if not, they need no re-check)."""


def exports_changed(before: Any, after: Any) -> bool:
    """Whether two module entries (None: absent) differ in what importers can see."""
    if before is None or after is None:
        return before is not after
    return dict(before.exports) != dict(after.exports)


def put_checked(layer: Any, checked: CheckedModule, text_hash: str | None = None) -> PutResult | None:
    """Store a checked module in `layer`; None when its name is not a valid module name (the parser reported
    the header already)."""
    from registry import RegistryError

    before = layer.get(checked.name)
    try:
        entry = layer.put(checked.name, checked.exports, checked.typed_ast, checked.env,
                          imports=tuple(checked.imports), source_hash=text_hash)
    except RegistryError:
        return None
    return PutResult(entry.rev, exports_changed(before, entry))


def check_text(text: str, view: Any, previous: CheckedModule | None = None,
               parsed: ParsedModule | None = None, *, lint: bool = True) -> CheckedModule:
    """Parse and check one module's text against `view` (never raises for bad source); `parsed`: the text's
    parse when it was made earlier; `lint`: see `nova.check.check_module`."""
    from nova.check import check_module
    from nova.syntax import parse_module

    return check_module(parsed if parsed is not None else parse_module(text), view, previous, lint=lint)


def announce_cycles(the_plan: Plan, layer: Any, only: set[str] | None = None) -> None:
    """Each module of a cycle that the layer does not know yet gets an empty interface, so the others see the
    cycle (and report it) instead of an unknown module."""
    from nova.check.env import ModuleEnv
    from nova.check.typed import TypedModule
    from registry import RegistryError

    for group in the_plan.groups:
        if len(group) < 2:
            continue
        for module in group:
            if (only is not None and module not in only) or layer.get(module) is not None:
                continue
            imports = the_plan.owners[module].imports
            with contextlib.suppress(RegistryError):  # an invalid name: the parser reported the header
                layer.put(module, {}, TypedModule(module, {}), ModuleEnv(module, imports=imports), imports=imports)


@dataclass(frozen=True, slots=True)
class Step:
    source: Source
    put: bool
    """False for a file that provides no module: checked for its diagnostics, stored nowhere."""


class FolderCheck:
    """Checks a plan's modules into `layer`, one `Step` at a time (see the module's docstring).

    `only` limits the work to some modules (a warm start's stale ones); `previous` gives earlier results whose
    unchanged declarations the checker reuses; `unowned` also checks the files that provide no module; `lint`
    False leaves out the lint warnings (see `nova.check.check_module`).
    """

    def __init__(
        self,
        plan: Plan,
        layer: Any,
        *,
        only: set[str] | None = None,
        previous: Mapping[str, CheckedModule] | None = None,
        unowned: bool = True,
        parsed: Mapping[str, ParsedModule] | None = None,
        lint: bool = True,
    ) -> None:
        self.plan = plan
        self.lint = lint
        self.layer = layer
        self.parsed: Mapping[str, ParsedModule] = parsed or {}
        """Path → the parse of its text, for the files parsed before the check (see `check_workspace`)."""
        self.previous: dict[str, CheckedModule] = dict(previous or {})
        self.results: dict[str, CheckedModule] = {}
        """Path → its latest check."""
        self._queue: list[Step] = []
        self._cycles: list[tuple[list[str], int, dict[str, bool]]] = []
        self._announce(only)
        for group in plan.groups:
            todo = [m for m in group if only is None or m in only]
            if not todo:
                continue
            self._queue.extend(Step(plan.owners[m], True) for m in todo)
            if len(group) > 1:
                self._queue.append(Step(_ROUND_END, False))
                self._cycles.append((todo, 1, {}))
        if unowned:
            self._queue.extend(Step(s, False) for s in plan.unowned())
        self._queue.reverse()

    def _announce(self, only: set[str] | None) -> None:
        announce_cycles(self.plan, self.layer, only)

    def next_step(self) -> Step | None:
        while self._queue:
            step = self._queue.pop()
            if step.source is not _ROUND_END:
                return step
            self._end_round()
        return None

    def _end_round(self) -> None:
        members, rounds, changed = self._cycles.pop(0)
        if any(changed.values()) and rounds < MAX_CYCLE_ROUNDS:
            self._cycles.insert(0, (members, rounds + 1, {}))
            self._queue.append(Step(_ROUND_END, False))
            self._queue.extend(Step(self.plan.owners[m], True) for m in reversed(members))

    def check(self, step: Step) -> CheckedModule:
        """Check one step's file against the layer (safe on a worker thread: it only reads the layer)."""
        source = step.source
        previous = self.previous.get(source.module) if step.put and source.module is not None else None
        return check_text(source.text, self.layer, previous, self.parsed.get(source.path), lint=self.lint)

    def record(self, step: Step, checked: CheckedModule) -> PutResult | None:
        """Keep a step's result and store it in the layer (on the layer's writer, after `check`)."""
        self.results[step.source.path] = checked
        if not step.put:
            return None
        self.previous[checked.name] = checked
        put = put_checked(self.layer, checked, step.source.text_hash)
        if self._cycles and step.source.module in self._cycles[0][0]:
            self._cycles[0][2][checked.name] = put is None or put.exports_changed
        return put

    def adopt(self, checked: CheckedModule) -> None:
        """Keep `checked` as the recorded result of the module it checks instead of the one recorded: its compact
        form, once the layer holds the module compact (the live typed trees are then freed instead of kept
        here)."""
        owner = self.plan.owners.get(checked.name)
        if owner is not None and owner.path in self.results:
            self.results[owner.path] = checked
        if checked.name in self.previous:
            self.previous[checked.name] = checked

    def run(self) -> None:
        while (step := self.next_step()) is not None:
            self.record(step, self.check(step))

    def diagnostics(self, source: Source) -> list[Diagnostic]:
        return diagnostics_of(self.plan, self.results, source)


def diagnostics_of(the_plan: Plan, results: Mapping[str, CheckedModule], source: Source) -> list[Diagnostic]:
    """Everything reported for a file: its own problems, `DuplicateModule`, the parser's and the checker's."""
    checked = results.get(source.path)
    found = [*source.diagnostics, *the_plan.duplicates(source), *(checked.diagnostics if checked else ())]
    return sorted(found, key=_position)


_ROUND_END = Source("", "", "", None, ())
"""A marker in the queue: the end of one round over an import cycle."""


def _position(diagnostic: Diagnostic) -> tuple[int, int]:
    return diagnostic.span.start_line, diagnostic.span.start_col


# ---- the whole pipeline ----------------------------------------------------------------------------------------


@dataclass(slots=True)
class WorkspaceResult:
    layer: Any
    modules: dict[str, CheckedModule] = field(default_factory=dict)
    """Module → its check (the file providing it)."""
    paths: dict[str, str] = field(default_factory=dict)
    """Module → the path of the file providing it."""
    diagnostics_by_path: dict[str, list[Diagnostic]] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    """Path → the file as read."""
    unreadable: list[tuple[Path, str]] = field(default_factory=list)
    """Files of the project that could not be read, and why."""
    project: Project | None = None

    def text_of(self, module: str) -> str | None:
        path = self.paths.get(module)
        return self.sources[path].text if path is not None else None


def plan_weight(the_plan: Plan, only: set[str] | None = None) -> tuple[int, int, int]:
    """The modules to check, their lines, and the lines of the heaviest chain of imports among them."""
    from nova.parallel import longest_chain

    lines = {m: s.text.count("\n") + 1 for m, s in the_plan.owners.items() if only is None or m in only}
    return len(lines), sum(lines.values()), longest_chain(the_plan, lambda m: lines.get(m, 0))


def parallel_worth_it(the_plan: Plan, jobs: int, only: set[str] | None = None) -> bool:
    """Whether checking the plan on `jobs` processes pays for starting them (a small folder, or one whose
    modules form a single chain of imports: not)."""
    from nova.parallel import worth_it

    return jobs > 1 and worth_it(jobs, *plan_weight(the_plan, only))


def workers_worth_using(the_plan: Plan, jobs: int, only: set[str] | None = None, *,
                        compacting: bool = False, samples: list[IdleSample] | None = None,
                        idle: float | None = None) -> int:
    """Worker processes worth starting to check the plan (0: check it in this process): `jobs` for a large folder
    whose modules can be checked beside each other, else none — but for a caller that makes each module compact
    after its check (`compacting`: the language server's index), two for a large chain of imports while the machine
    has two cores for it (`nova.parallel.PIPELINE_IDLE_CORES`), which they take in turns (each checks the next
    module as soon as the other has sent the interface of the one before, while that other lints it and packs its
    typed elements; each parses its next module while it waits, `nova.parallel.PARSE_AHEAD`): the packing, which
    that caller would do between two checks, is then done beside them. A caller that keeps the live results (`nova
    check`) would gain only the lint beside the next check, and pay for two processes' start and for packing what it
    never packs itself: a chain of 50k lines took 2.44 s on two workers against 1.83 s in one process, and the same
    at 250k lines. Idle cores are sampled from the system's idle time over a tenth of a second (up to three times),
    this process's and its workers' own time not counted as load (`nova.parallel.idle_cores`, which `samples` gets
    the samples of; `idle`: the idle cores sampled already, as `nova.parallel.IdleWatch` does while a serial index
    runs). On a machine whose cores are busy a chain stays in this process: handed from process to process, each
    module would wait for three to be woken in turn, and the workers' total CPU (their start, the packing) is higher
    than one process's."""
    from nova.parallel import PIPELINE_IDLE_CORES, idle_cores, large, worth_it

    modules, lines, chain = plan_weight(the_plan, only)
    if worth_it(jobs, modules, lines, chain):
        return jobs
    if compacting and jobs >= 2 and large(modules, lines) and (
            min(idle, float(jobs)) if idle is not None else idle_cores(jobs, samples)) >= PIPELINE_IDLE_CORES:
        return 2
    return 0


def check_sources(sources: Sequence[Source], parent: Any, root: Path | None = None, jobs: int = 1,
                  pool: WorkerPool | None = None, parsed: Mapping[str, ParsedModule] | None = None,
                  root_file: tuple[Path, bytes | None] | None = None, *, lint: bool = True,
                  spread: bool | None = None) -> WorkspaceResult:
    """Check read sources into a new child batch of `parent`; with `jobs` > 1 on worker processes when the folder
    is large enough and `parent` is a root (the workers restore a snapshot of it). `pool`: workers started
    earlier (they import the checker meanwhile), used instead of starting `jobs` new ones, closed by the caller.
    `parsed`: path → the parse of that file's text, when made earlier (used by the serial check). `root_file`:
    a snapshot of `parent` on disk and its key (`nova.root_cache`), which the workers restore instead of a dump
    made for them. `lint` False: no lint warnings (see `nova.check.check_module`). `spread`: whether to use the
    workers whatever the folder's size (None: when `workers_worth_using` says so; True where they cost little to
    start, as forked ones)."""
    from nova.check import deep_section

    layer = parent.begin_batch()
    the_plan = plan(sources, root)
    results: Mapping[str, CheckedModule]
    workers = len(pool.workers) if pool is not None else jobs
    if parent.is_root and workers > 1:
        wanted = workers_worth_using(the_plan, workers) if spread is None else workers if spread else 0
    else:
        wanted = 0
    if wanted:
        from nova.parallel import ParallelCheck, WorkerPool, root_snapshot

        with contextlib.ExitStack() as stack:
            if pool is None:
                pool = stack.enter_context(WorkerPool(wanted))
            if not pool.opened and root_file is not None:
                pool.open(*root_file)
            elif not pool.opened:
                pool.open(stack.enter_context(root_snapshot(parent)))
            parallel = ParallelCheck(the_plan, layer, pool, lint=lint)
            with deep_section():
                parallel.run()
        results = parallel.results
    else:
        run = FolderCheck(the_plan, layer, parsed=parsed, lint=lint)
        with deep_section():  # one raised recursion limit and one pause of the cyclic GC for the whole build
            run.run()
        results = run.results
    result = WorkspaceResult(layer)
    for source in sources:
        result.sources[source.path] = source
        result.diagnostics_by_path[source.path] = diagnostics_of(the_plan, results, source)
    for module, owner in the_plan.owners.items():
        checked = results.get(owner.path)
        if checked is not None:
            result.modules[module] = checked
            result.paths[module] = owner.path
    return result


def check_workspace(sources: Mapping[str, str], parent: Any, root: Path | None = None,
                    jobs: int = 1, *, lint: bool = True) -> WorkspaceResult:
    """Check texts (path → text) into a new child batch of `parent`: the pipeline without discovery and reading.

    Checked here (one job), each text is parsed once, whole, before the plan is made: a file that parses without
    errors has its header read from that parse instead of being parsed a second time for it (the header parse
    and the full one gave a fifth of a standard library build's parsing to headers)."""
    if jobs > 1:
        return check_sources([make_source(path, text) for path, text in sources.items()], parent, root, jobs,
                             lint=lint)
    from nova.deep import deep_section
    from nova.syntax import parse_module

    with deep_section():  # the collector paused from the first parse to the last check (see check_sources)
        parses = {str(path): parse_module(text) for path, text in sources.items()}
        made = [source_of_parse(path, text, parses[str(path)]) for path, text in sources.items()]
        return check_sources(made, parent, root, jobs, parsed=parses, lint=lint)


def source_of_parse(path: str | Path, text: str, parsed: ParsedModule) -> Source:
    """A source whose header is read from the whole text's parse when that parse has no errors (the header
    parser then reads the same); from the header parser otherwise."""
    from nova.syntax.header import ModuleHeader

    module = parsed.module
    if module.name is None or any(d.severity == Severity.ERROR for d in parsed.diagnostics):
        return make_source(path, text)
    header = ModuleHeader(module.name, module.name_span, module.imports, module.exports)
    return Source(str(path), text, source_hash(text), header.name, header.imported_modules, _header=header)


def check_project(project: Project, parent: Any, max_bytes: int | None = None, jobs: int = 1,
                  pool: WorkerPool | None = None, root_file: tuple[Path, bytes | None] | None = None
                  ) -> WorkspaceResult:
    """Read and check a discovered project into a new child batch of `parent` (see `check_sources`)."""
    sources, problems = read_sources(project, max_bytes)
    result = check_sources(sources, parent, project.root, jobs, pool, root_file=root_file)
    result.unreadable = problems
    result.project = project
    return result


def check_folder(folder: str | Path, parent: Any, max_bytes: int | None = None, jobs: int = 1) -> WorkspaceResult:
    """The whole pipeline on the project rooted at `folder`."""
    return check_project(discover(Path(folder)), parent, max_bytes, jobs)


def find_sources(folder: str | Path) -> list[Path]:
    """The own source files of the project rooted at `folder` (a single `.nova` file gives itself)."""
    return [ref.path for ref in discover(Path(folder)).own_files]


# ---- warm start ------------------------------------------------------------------------------------------------


def stale_after_restore(the_plan: Plan, layer: Any) -> tuple[set[str], set[str]]:
    """After restoring a folder's cached layer: the modules to re-check (new or edited files, whatever imports
    them, and whole cycles with a stale member) and the cached modules no file provides any more (to remove)."""
    removed = {m for m in layer.own_modules() if m not in the_plan.owners and layer.get(m) is not None}
    changed = {
        m for m, s in the_plan.owners.items() if (entry := layer.get(m)) is None or entry.source_hash != s.text_hash
    }
    stale = set(changed)
    for module in changed | removed:
        stale |= set(layer.dependents(module)) & set(the_plan.owners)
    for group in the_plan.groups:
        if len(group) > 1 and stale & set(group):
            stale |= set(group)
    return stale, removed
