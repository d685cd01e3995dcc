"""Checking a folder on worker processes (nova.parallel) gives what the serial path gives: the same diagnostics
for every file, the same modules with the same exports, typed elements and environments; a cycle, a duplicate
module, a file without header and an unknown import included. One parallel run (worker start-up is the cost)."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nova import parallel
from nova.check import check_module, check_then_lint
from nova.compact import LazyElement
from nova.parallel import IdleSample, longest_chain
from nova.snapshot import encode
from nova.syntax import parse_module
from nova.workspace import (
    WorkspaceResult,
    check_sources,
    check_workspace,
    make_source,
    parallel_worth_it,
    plan,
    workers_worth_using,
)
from tests.nova.types.helpers import root


def chain_module(number: int, imports: list[int]) -> str:
    lines = [f"module Gen{number} where", "", "import Prelude", *[f"import Gen{i} (g{i})" for i in imports], ""]
    body = " + ".join([f"g{i} x" for i in imports] + [str(number)])
    lines += [f"g{number} :: Int -> Int", f"g{number} x = {body}", "",
              f"data Shape{number} = Circle{number} Number | Square{number} Number", "",
              f"area{number} :: Shape{number} -> Number", f"area{number} (Circle{number} r) = r * r",
              f"area{number} (Square{number} s) = s * s", ""]
    return "\n".join(lines)


FOLDER: dict[str, str] = {
    **{f"/ws/Gen{n}.nova": chain_module(n, [i for i in (n - 1, n - 3) if i >= 0]) for n in range(9)},
    "/ws/CycleA.nova": "module CycleA where\n\nimport Prelude\nimport CycleB (b)\n\na :: Int\na = b + 1\n",
    "/ws/CycleB.nova": "module CycleB where\n\nimport Prelude\nimport CycleA (a)\n\nb :: Int\nb = 2\n",
    "/ws/AfterCycle.nova": "module AfterCycle where\n\nimport Prelude\nimport CycleB (b)\nimport Gen8 (g8)\n\n"
                           "c :: Int\nc = g8 b\n",
    "/ws/a/Twin.nova": "module Twin where\n\nimport Prelude\n\nx :: Int\nx = true\n",
    "/ws/b/Twin.nova": "module Twin where\n\nimport Prelude\n\nx :: String\nx = \"b\"\n",
    "/ws/UsesTwin.nova": "module UsesTwin where\n\nimport Prelude\nimport Twin (x)\nimport Gen4 (g4)\n\n"
                         "y :: Int\ny = g4 x\n",
    "/ws/Lost.nova": "module Lost where\n\nimport Prelude\nimport Gen\nimport Gen2 (g2)\n\nz = g2 1\n",
    "/ws/AfterLost.nova": "module AfterLost where\n\nimport Prelude\nimport Lost (z)\n\nw = z\n",
    "/ws/NoHeader.nova": "import Prelude\n\nq = 1\n",
    "/ws/UsesShape.nova": "module UsesShape where\n\nimport Prelude\nimport Gen8 (Shape8(..))\n\n"
                          "size :: Shape8 -> Number\nsize s = case s of\n  Circle8 r -> r\n  Square8 q -> q\n",
    "/ws/Wrong.nova": "module Wrong where\n\nimport Prelude\nimport Gen7 (g7)\n\nv :: String\nv = g7 1\n",
    "/ws/Linted.nova": "module Linted where\n\nimport Prelude\nimport Data.Maybe (Maybe(..))\n"
                       "import Gen5 (g5, area5)\n\nh x = g5 x\n\nunused :: Int -> Int\nunused y = let z = 1 in y\n",
}


def picture(result: WorkspaceResult) -> dict[str, Any]:
    """Everything a tool reads of a folder's check, in a comparable form (typed values by their encoding)."""
    modules = {}
    for module in sorted(result.modules):
        entry = result.layer.get(module)
        checked = result.modules[module]
        modules[module] = {
            "path": result.paths[module],
            "exports": encode(dict(entry.exports)),
            "elements": encode(dict(entry.ast.elements)),
            "env": encode(entry.env),
            "imports": tuple(entry.imports),
            "source_hash": entry.source_hash,
            "checked": (encode(dict(checked.exports)), encode(dict(checked.typed_ast.elements)),
                        tuple(checked.imports), encode(checked.header_span), encode(dict(checked.fixities))),
            "lint": (encode(tuple(checked.lint)), checked.linted),
        }
    return {"diagnostics": {p: encode(ds) for p, ds in sorted(result.diagnostics_by_path.items())},
            "modules": modules, "layer": sorted(result.layer.own_modules())}


def record_arrivals(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the modules a parallel check receives from its workers, in the order they arrive."""
    arrived: list[str] = []
    original = parallel.ParallelCheck._record

    def record(self: parallel.ParallelCheck, source: Any, checked: Any) -> None:
        arrived.append(checked.name)
        original(self, source, checked)

    monkeypatch.setattr(parallel.ParallelCheck, "_record", record)
    return arrived


def test_parallel_and_serial_checks_of_a_folder_are_identical(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_MODULES", 2)
    monkeypatch.setattr(parallel, "MIN_LINES", 10)
    monkeypatch.setattr(parallel, "MIN_BESIDE", 10)
    arrived = record_arrivals(monkeypatch)
    serial = check_workspace(FOLDER, root(), Path("/ws"), jobs=1)
    assert not arrived
    spread = check_workspace(FOLDER, root(), Path("/ws"), jobs=2)
    # the workers checked the chain (what runs in this process, cycles and unknown imports, is not `_record`ed)
    assert {f"Gen{n}" for n in range(9)} | {"UsesTwin", "Wrong"} <= set(arrived)
    assert not {"CycleA", "CycleB", "Lost"} & set(arrived)
    # results from workers stay compact until read
    gen0 = spread.layer.get("Gen0").ast.elements
    assert any(type(element) is LazyElement for element in gen0.values())
    expected = picture(serial)
    assert picture(spread) == expected
    codes = {p: sorted(d.code for d in ds) for p, ds in spread.diagnostics_by_path.items()}
    assert "CycleInModules" in codes["/ws/CycleA.nova"] and "UnknownImport" in codes["/ws/Lost.nova"]
    assert "DuplicateModule" in codes["/ws/b/Twin.nova"] and codes["/ws/Wrong.nova"] == ["TypesDoNotUnify"]
    assert codes["/ws/Gen8.nova"] == []
    warned = {d.code for d in spread.modules["Linted"].lint}  # linted on a worker after its interface was sent
    assert "Linted" in arrived and {"MissingTypeDeclaration", "UnusedImport"} <= warned, warned


def test_a_small_folder_one_job_or_one_chain_of_imports_is_checked_in_this_process() -> None:
    assert not parallel.worth_it(1, 500, 250_000)
    assert not parallel.worth_it(8, 3, 250_000)
    assert not parallel.worth_it(8, 500, 100)
    assert parallel.worth_it(2, parallel.MIN_MODULES, parallel.MIN_LINES)
    assert parallel.default_jobs() >= 1
    modules = 40
    chain = {f"/ws/Gen{n}.nova": chain_module(n, [n - 1] if n else []) for n in range(modules)}
    fan = {f"/ws/Gen{n}.nova": chain_module(n, [0] if n else []) for n in range(modules)}
    chain_plan, fan_plan = (plan([make_source(p, t) for p, t in folder.items()]) for folder in (chain, fan))
    assert longest_chain(chain_plan, lambda m: 500) == modules * 500  # one module after another
    assert longest_chain(fan_plan, lambda m: 500) == 2 * 500  # Gen0, then all the others beside each other
    assert not parallel_worth_it(chain_plan, 4)  # not 500 lines: the counts are the modules' own
    assert not parallel.worth_it(4, modules, modules * 500, modules * 500)
    assert parallel.worth_it(4, modules, modules * 500, 2 * 500)


def test_workers_run_at_the_lower_priority_asked_for() -> None:
    """The server's background index asks for niceness: its workers yield the cores to the server's own checks."""
    import os
    import time

    pool = parallel.WorkerPool(1, niceness=3)
    try:
        pid = pool.workers[0].process.pid
        assert pid is not None
        wanted = min(os.getpriority(os.PRIO_PROCESS, 0) + 3, 19)
        deadline = time.monotonic() + 60
        while os.getpriority(os.PRIO_PROCESS, pid) != wanted and time.monotonic() < deadline:
            time.sleep(0.05)
        assert os.getpriority(os.PRIO_PROCESS, pid) == wanted
    finally:
        pool.close()


def test_nova_check_with_jobs_reports_what_one_job_reports_its_workers_restoring_the_cached_root(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from nova.cli import main
    from nova.root_cache import cached_root

    for path, text in FOLDER.items():
        target = tmp_path / "ws" / path.removeprefix("/ws/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    cache = tmp_path / "cache"
    assert cached_root(cache).path is not None  # the snapshot the workers are opened on (not one dumped for them)
    monkeypatch.setattr(parallel, "MIN_MODULES", 2)
    monkeypatch.setattr(parallel, "MIN_LINES", 10)
    monkeypatch.setattr(parallel, "MIN_BESIDE", 10)
    opened: list[Path] = []
    original_open = parallel.WorkerPool.open

    def recording_open(self: parallel.WorkerPool, root_file: Path, key: bytes | None = None) -> None:
        opened.append(Path(root_file))
        original_open(self, root_file, key)

    monkeypatch.setattr(parallel.WorkerPool, "open", recording_open)
    reports = []
    for jobs in ("1", "2"):
        assert main(["check", "--json", "--jobs", jobs, "--cache-dir", str(cache), str(tmp_path / "ws")]) == 1
        reports.append(json.loads(capsys.readouterr().out))
    assert reports[0] == reports[1] and len(reports[0]["modules"]) == len(FOLDER)
    assert opened and {p.parent for p in opened} == {cache}


def test_the_standard_library_built_on_forked_workers_equals_the_serial_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """The root the tools build on every core (`build_root(jobs=…)`) holds what the one-process build holds: the
    same modules with the same exports, typed elements, environments and diagnostics; only the lint is left out
    (the serial build here asks for it, for the lint's own test)."""
    from nova.stdlib import build_root
    from tests.nova.types.helpers import stdlib_modules

    # (threads that earlier tests of this process left idle would make the build refuse to fork)
    monkeypatch.setattr(parallel, "forking_is_safe", lambda: True)
    serial_root, serial = root(), stdlib_modules()
    spread_root, spread = build_root(jobs=2)
    assert sorted(spread) == sorted(serial) and sorted(spread_root.own_modules()) == sorted(serial_root.own_modules())
    # the modules came back from the workers: compact until read
    assert all(type(e) is LazyElement for e in spread_root.get("Data.Maybe").ast.elements.values())
    assert not any(checked.linted for checked in spread.values()) and all(m.linted for m in serial.values())

    def layer_picture(layer: Any, module: str) -> tuple[Any, ...]:
        entry = layer.get(module)
        return (encode(dict(entry.exports)), encode(dict(entry.ast.elements)), encode(entry.env),
                tuple(entry.imports), entry.source_hash)

    def checked_picture(checked: Any) -> tuple[Any, ...]:  # (its exports and elements are the layer's)
        return encode(tuple(checked.diagnostics)), tuple(checked.imports), encode(dict(checked.fixities))

    for module in sorted(serial):
        assert layer_picture(spread_root, module) == layer_picture(serial_root, module), module
        assert checked_picture(spread[module]) == checked_picture(serial[module]), module


def test_a_build_spreads_over_the_cores_the_load_average_leaves_idle(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "default_jobs", lambda: 8)
    for load, spare in ((0.0, 8), (1.0, 8), (3.2, 6), (8.0, 1), (40.0, 1)):
        monkeypatch.setattr(parallel.os, "getloadavg", lambda load=load: (load, load, load))
        assert parallel.spare_jobs() == spare
    assert parallel.spare_jobs(2) == 1  # (load 40)
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (0.5, 0.5, 0.5))
    assert parallel.spare_jobs(2) == 2


def test_idle_cores_are_sampled_from_the_systems_idle_time_else_read_from_the_load_average(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The load average of the last minute counts this process's own work of a moment ago (a folder indexed just
    before): the idle time over a short sample, while this process sleeps, does not."""
    samples = itertools.cycle([(1_000, 5_000), (1_150, 5_200)])  # 150 of 200 ticks idle: three quarters of the machine
    monkeypatch.setattr(parallel, "_cpu_times", lambda: next(samples))
    monkeypatch.setattr(parallel, "_own_ticks", lambda: 7)
    monkeypatch.setattr(parallel, "IDLE_SAMPLE_SECONDS", 0.0)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 4)
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (3.9, 3.9, 3.9))
    assert parallel.idle_cores(4) == 3.0
    assert parallel.idle_cores(2) == 2.0  # at most the cores asked about
    monkeypatch.setattr(parallel, "_cpu_times", lambda: None)
    assert parallel.idle_cores(4) == pytest.approx(0.1)  # no /proc/stat: 4 cores less the load average


def test_the_server_and_its_workers_own_time_is_not_load_on_the_machine() -> None:
    """Samples as a 2-core machine gave them before a 252k-line index (ticks of a tenth of a second): a core taken
    by another process, give or take a tick, is not a core for each of two workers; the index's own process and
    its workers starting up are not load."""
    assert IdleSample(idle=10, own=1, total=20, cores=2).idle_cores() == pytest.approx(1.1)
    assert IdleSample(idle=9, own=0, total=19, cores=2).idle_cores() == pytest.approx(0.947, abs=0.001)
    assert IdleSample(idle=2, own=16, total=20, cores=2).idle_cores() == pytest.approx(1.8)  # workers importing
    assert IdleSample(idle=0, own=0, total=21, cores=2).idle_cores() == 0.0  # two compilers of another build
    assert IdleSample(idle=12, own=10, total=20, cores=2).idle_cores() == 2.0  # at most every tick
    assert IdleSample(idle=0, own=0, total=0, cores=2).idle_cores() == 0.0


def test_idle_cores_takes_more_samples_until_one_sees_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    """One sample of a tenth of a second lands on a moment's burst as often as not: up to `IDLE_SAMPLES`, the most
    idle one counts."""
    taken: list[float] = []

    def sample(seconds: float, seen: Iterator[IdleSample]) -> IdleSample:
        taken.append(seconds)
        return next(seen)

    busy, half, idle = IdleSample(1, 0, 20, 2), IdleSample(10, 0, 20, 2), IdleSample(19, 1, 20, 2)
    for seen, expected, count in (([idle], 2.0, 1), ([busy, idle], 2.0, 2), ([busy, half, busy], 1.0, 3),
                                  ([busy, busy, busy, idle], 0.1, 3)):
        taken.clear()
        sequence = iter(seen)
        monkeypatch.setattr(parallel, "sample_idle", lambda seconds, sequence=sequence: sample(seconds, sequence))
        kept: list[IdleSample] = []
        assert parallel.idle_cores(2, kept) == pytest.approx(expected)
        assert len(taken) == len(kept) == count


def test_a_chain_goes_to_two_workers_only_with_two_cores_for_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_MODULES", 2)
    monkeypatch.setattr(parallel, "MIN_LINES", 10)
    the_plan = plan([make_source(f"/ws/Gen{n}.nova", chain_module(n, [n - 1] if n else [])) for n in range(8)])
    for sample, workers in ((IdleSample(10, 1, 20, 2), 0), (IdleSample(2, 16, 20, 2), 2),
                            (IdleSample(19, 0, 20, 2), 2), (IdleSample(0, 100, 200, 2), 0),
                            (IdleSample(50, 100, 200, 2), 2)):  # the last two: a serial index running, a core idle
        assert workers_worth_using(the_plan, 2, compacting=True, idle=sample.idle_cores()) == workers, sample
    assert workers_worth_using(the_plan, 2, idle=2.0) == 0  # `nova check` keeps a chain in one process
    assert workers_worth_using(the_plan, 1, compacting=True, idle=2.0) == 0


def test_an_idle_watch_samples_the_time_since_its_last_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    readings = iter([(100, 1_000), (150, 1_200), (160, 1_400)])
    own = iter([40, 140, 330])
    monkeypatch.setattr(parallel, "_cpu_times", lambda: next(readings))
    monkeypatch.setattr(parallel, "_own_ticks", lambda: next(own))
    watch = parallel.IdleWatch(seconds=0.0)
    assert watch.sample() == IdleSample(idle=50, own=100, total=200, cores=os.cpu_count() or 1)
    assert watch.sample() == IdleSample(idle=10, own=190, total=200, cores=os.cpu_count() or 1)
    monkeypatch.setattr(parallel, "_cpu_times", lambda: (0, 0))
    monkeypatch.setattr(parallel, "_own_ticks", lambda: 0)
    assert parallel.IdleWatch(seconds=3600.0).sample() is None  # too soon
    monkeypatch.setattr(parallel, "_cpu_times", lambda: None)
    assert parallel.IdleWatch(seconds=0.0).sample() is None  # no /proc/stat


def test_proc_stat_gives_idle_and_total_ticks() -> None:
    times = parallel._cpu_times()
    if not Path("/proc/stat").exists():
        assert times is None
        return
    assert times is not None and 0 <= times[0] <= times[1]


def test_a_check_linted_afterwards_equals_the_check_with_lint() -> None:
    """`check_then_lint`: the check first (no warnings yet), then the very result `check_module` gives."""
    result = check_workspace(FOLDER, root(), Path("/ws"), jobs=1)
    for path in ("/ws/Linted.nova", "/ws/Wrong.nova", "/ws/Gen3.nova"):
        parsed = parse_module(FOLDER[path])
        view = result.layer.pinned()
        whole = check_module(parsed, view)
        first, linted = check_then_lint(parsed, view)
        assert first.lint == () and not first.linted
        after = linted()
        assert (after.lint, after.linted) == (whole.lint, whole.linted)
        assert encode(after.diagnostics) == encode(whole.diagnostics)
        assert encode(dict(after.exports)) == encode(dict(whole.exports))
    assert check_then_lint(parse_module(FOLDER["/ws/Linted.nova"]), result.layer)[1]().lint  # it has some


def test_nova_check_keeps_a_large_chain_of_imports_in_one_process_even_with_a_core_idle(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A chain can only be checked one module after another: two workers taking turns would spare `nova check` only
    the lint of each module beside the next one's check, for the start of two processes and the packing of every
    result. The server's index, which makes each module compact after its check, hands a chain to two workers while
    a core is idle (`compacting`; tests/server/test_hub_scale.py); checked so, a chain gives the same results."""
    monkeypatch.setattr(parallel, "MIN_MODULES", 2)
    monkeypatch.setattr(parallel, "MIN_LINES", 10)
    chain = {f"/ws/Gen{n}.nova": chain_module(n, [n - 1] if n else []) for n in range(8)}
    chain["/ws/Linted.nova"] = FOLDER["/ws/Linted.nova"].replace("Gen5 (g5, area5)", "Gen7 (g7, area7)").replace(
        "g5 x", "g7 x")
    the_plan = plan([make_source(path, text) for path, text in chain.items()])
    arrived = record_arrivals(monkeypatch)
    monkeypatch.setattr(parallel, "idle_cores", lambda jobs, samples=None: 1.5)
    assert workers_worth_using(the_plan, 2) == 0
    assert workers_worth_using(the_plan, 2, compacting=True) == 2
    serial = check_workspace(chain, root(), Path("/ws"), jobs=2)
    assert arrived == []
    spread = check_sources([make_source(path, text) for path, text in chain.items()], root(), Path("/ws"), jobs=2,
                           spread=True)
    assert set(arrived) == {f"Gen{n}" for n in range(8)} | {"Linted"}
    assert picture(spread) == picture(serial)
    assert spread.modules["Linted"].lint
    monkeypatch.setattr(parallel, "idle_cores", lambda jobs, samples=None: 0.5)  # every core busy: the index too
    assert workers_worth_using(the_plan, 2, compacting=True) == 0
