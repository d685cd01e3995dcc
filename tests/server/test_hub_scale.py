"""A folder's cold index in the server: on worker processes for a large folder (the same modules as the serial
index, progress for each), and its typed values kept compact afterwards (a warm start's memory)."""

from __future__ import annotations

import asyncio
import collections
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from nova import parallel
from nova.compact import LazyElement, LazyEnv, LazyScheme, small_scheme
from nova.snapshot import encode
from nova.types.pretty import print_scheme
from server import hub as hub_module
from server.hub import Hub
from tests.nova.test_parallel import FOLDER, chain_module
from tests.nova.types.helpers import root


def write_folder(folder: Path) -> None:
    for path, text in FOLDER.items():
        target = folder / path.removeprefix("/ws/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


async def indexed(hub: Hub, folder: Path, reports: list[tuple[int, int, str]]) -> Any:
    hub._root = root()  # the stdlib built once for the test session

    async def progress(done: int, total: int, module: str) -> None:
        reports.append((done, total, module))

    baseline = await hub.baseline(folder, progress)
    while hub._background:  # compaction and the cache write
        await asyncio.gather(*list(hub._background))
    return baseline


def picture(baseline: Any) -> dict[str, Any]:
    layer = baseline.layer
    return {m: (encode(dict(layer.get(m).exports)), encode(dict(layer.get(m).ast.elements)),
                encode(layer.get(m).env), str(baseline.module_paths[m])) for m in sorted(layer.own_modules())}


@pytest.mark.asyncio
async def test_a_large_folder_is_indexed_on_workers_like_the_serial_index(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "ws"
    write_folder(folder)
    serial_reports: list[tuple[int, int, str]] = []
    serial_hub = Hub(cache_dir=tmp_path / "serial-cache", jobs=1)
    serial = await indexed(serial_hub, folder, serial_reports)
    expected = picture(serial)
    serial_hub.shutdown()

    monkeypatch.setattr(parallel, "MIN_MODULES", 2)
    monkeypatch.setattr(parallel, "MIN_LINES", 10)
    monkeypatch.setattr(parallel, "MIN_BESIDE", 10)
    reports: list[tuple[int, int, str]] = []
    hub = Hub(cache_dir=tmp_path / "cache", jobs=2)
    baseline = await indexed(hub, folder, reports)
    assert picture(baseline) == expected
    modules = len(baseline.module_paths)
    assert len(reports) == modules  # one report per module, whichever process checked it
    assert {r[2] for r in serial_reports} == {r[2] for r in reports}
    assert sorted(r[2] for r in reports) == sorted(baseline.module_paths)
    assert reports[-1][:2] == (modules, modules)
    assert baseline.cache_path().is_file()
    hub.shutdown()


async def chain_and_its_serial_index(tmp_path: Path) -> tuple[Path, dict[str, Any], dict[str, list[str]]]:
    """A folder of a 13-module chain of imports, and what a serial index of it gives (the picture of its layer and
    each module's diagnostic codes), which any other way of indexing it must equal. The last module cases over the
    constructors of a type of the one before (checked on the other worker: its check reads those constructors'
    elements through its mirror) and has one type error."""
    folder = tmp_path / "ws"
    folder.mkdir()
    for n in range(12):
        (folder / f"Gen{n}.nova").write_text(chain_module(n, [n - 1] if n else []), encoding="utf-8")
    (folder / "Gen12.nova").write_text(
        "module Gen12 where\n\nimport Prelude\nimport Gen11 (g11, Shape11(..))\n\nv :: String\nv = g11 1\n\n"
        "size :: Shape11 -> Number\nsize s = case s of\n  Circle11 r -> r\n  Square11 q -> q\n", encoding="utf-8")
    serial_hub = Hub(cache_dir=tmp_path / "serial-cache", jobs=1)
    serial = await indexed(serial_hub, folder, [])
    expected = picture(serial), {m: [d.code for d in c.diagnostics] for m, c in serial.checked.items()}
    serial_hub.shutdown()
    return folder, *expected


@pytest.mark.asyncio
async def test_a_chain_of_imports_is_indexed_by_two_workers_in_turns_like_the_serial_index(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each module goes to a worker once the interface of the one before arrived (possibly before its typed
    elements did): the layer, the typed values and the diagnostics equal the serial index's."""
    folder, expected, expected_codes = await chain_and_its_serial_index(tmp_path)

    monkeypatch.setattr(parallel, "MIN_MODULES", 2)
    monkeypatch.setattr(parallel, "MIN_LINES", 10)
    monkeypatch.setattr(parallel, "idle_cores", lambda jobs, samples=None: 2.0)
    sent: list[tuple[str, int | None]] = []
    events: list[tuple[str, str]] = []
    original_send, original_record = parallel.ParallelCheck._send, parallel.ParallelCheck._record

    parsed_ahead: list[str] = []

    def send(self: parallel.ParallelCheck, worker: Any, index: int) -> bool:
        sent.append((self.plan.groups[index][0], worker.process.pid))
        if worker.ahead == index:
            parsed_ahead.append(self.plan.groups[index][0])
        events.append(("sent", self.plan.groups[index][0]))
        return original_send(self, worker, index)

    def record(self: parallel.ParallelCheck, source: Any, checked: Any) -> None:
        events.append(("put", checked.name))
        original_record(self, source, checked)

    monkeypatch.setattr(parallel.ParallelCheck, "_send", send)
    monkeypatch.setattr(parallel.ParallelCheck, "_record", record)
    hub = Hub(cache_dir=tmp_path / "cache", jobs=2)
    baseline = await indexed(hub, folder, [])
    assert len(sent) == 13 and len({pid for _, pid in sent}) == 2  # every module on a worker, both used
    # while Gen0 is checked, the other worker parses Gen1 (which waits for Gen0's interface), then checks it
    assert "Gen1" in parsed_ahead
    # modules are handed out on their import's interface, before that import's typed elements arrive: always for
    # Gen1 (the other worker is idle then); for a later one only when the other worker has sent its last module's
    # elements by then, which a loaded machine may delay past this worker's next check (so how many is not asserted)
    early = [n for n in range(12) if events.index(("sent", f"Gen{n + 1}")) < events.index(("put", f"Gen{n}"))]
    assert 0 in early, early
    assert picture(baseline) == expected
    assert {m: [d.code for d in c.diagnostics] for m, c in baseline.checked.items()} == expected_codes
    assert expected_codes["Gen12"] == ["TypesDoNotUnify"]
    hub.shutdown()


@pytest.mark.asyncio
async def test_a_serial_index_moves_to_two_workers_once_a_core_turns_idle(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sample before the index saw the machine busy; the index's own samples see a core idle after its fourth
    module: two workers are started, the index goes on here until they are ready (one more module), then the rest
    of the chain goes to them, and the baseline equals the serial index's."""
    folder, expected, expected_codes = await chain_and_its_serial_index(tmp_path)

    monkeypatch.setattr(parallel, "MIN_MODULES", 2)
    monkeypatch.setattr(parallel, "MIN_LINES", 10)
    monkeypatch.setattr(parallel, "idle_cores", lambda jobs, samples=None: 0.9)  # busy when the index begins

    class Watch:
        """Samples as a 2-core machine gives them over a second of a serial index: busy, then a core idle."""

        samples = iter([None, parallel.IdleSample(0, 100, 200, 2), None, parallel.IdleSample(95, 100, 200, 2)])

        def sample(self) -> parallel.IdleSample | None:
            return next(self.samples, None)

    monkeypatch.setattr(hub_module, "IdleWatch", Watch)
    sent: list[str] = []
    original_send = parallel.ParallelCheck._send

    def send(self: parallel.ParallelCheck, worker: Any, index: int) -> bool:
        sent.append(self.plan.groups[index][0])
        return original_send(self, worker, index)

    monkeypatch.setattr(parallel.ParallelCheck, "_send", send)
    original_ready = parallel.WorkerPool.ready
    polls: list[bool] = []

    def ready(self: parallel.WorkerPool) -> bool:
        """Not yet when first asked (the workers import the checker), then once they are."""
        polls.append(original_ready(self))
        deadline = time.monotonic() + 120
        while len(polls) > 1 and not original_ready(self) and time.monotonic() < deadline:
            time.sleep(0.01)
        return len(polls) > 1

    monkeypatch.setattr(parallel.WorkerPool, "ready", ready)
    reports: list[tuple[int, int, str]] = []
    hub = Hub(cache_dir=tmp_path / "cache", jobs=2)
    baseline = await indexed(hub, folder, reports)
    assert len(polls) == 2
    assert sorted(sent) == sorted(f"Gen{n}" for n in range(5, 13))  # the first five checked here
    # compact, those checked here too: sending them to the workers decoded none of their elements
    assert all(type(e) is LazyElement for m in baseline.layer.own_modules()
               for e in baseline.layer.get(m).ast.elements.values())
    assert picture(baseline) == expected
    assert {m: [d.code for d in c.diagnostics] for m, c in baseline.checked.items()} == expected_codes
    assert [r[:2] for r in reports] == [(n, 13) for n in range(1, 14)]
    assert [r[2] for r in reports[:5]] == ["Gen0", "Gen1", "Gen2", "Gen3", "Gen4"]
    hub.shutdown()


@pytest.mark.asyncio
async def test_a_serial_index_that_ends_before_the_workers_it_started_are_ready_closes_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "ws"
    folder.mkdir()
    for n in range(8):
        (folder / f"Gen{n}.nova").write_text(chain_module(n, [n - 1] if n else []), encoding="utf-8")
    monkeypatch.setattr(parallel, "MIN_MODULES", 2)
    monkeypatch.setattr(parallel, "MIN_LINES", 10)
    monkeypatch.setattr(parallel, "idle_cores", lambda jobs, samples=None: 0.0)

    class Watch:
        def sample(self) -> parallel.IdleSample:
            return parallel.IdleSample(100, 100, 200, 2)

    monkeypatch.setattr(hub_module, "IdleWatch", Watch)
    monkeypatch.setattr(parallel.WorkerPool, "ready", lambda self: False)
    pools: list[parallel.WorkerPool] = []
    original_start = Hub.start_pool

    def start_pool(self: Hub, workers: int, stack: Any) -> parallel.WorkerPool:
        pools.append(original_start(self, workers, stack))
        return pools[-1]

    monkeypatch.setattr(Hub, "start_pool", start_pool)
    hub = Hub(cache_dir=tmp_path / "cache", jobs=2)
    baseline = await indexed(hub, folder, [])
    assert len(pools) == 1 and pools[0].workers == []  # started once, closed when the index ended
    assert sorted(baseline.checked) == [f"Gen{n}" for n in range(8)]
    assert all(type(e) is LazyElement for m in baseline.layer.own_modules()
               for e in baseline.layer.get(m).ast.elements.values())
    hub.shutdown()


@pytest.mark.asyncio
async def test_after_a_cold_index_typed_values_are_compact_and_read_back_the_same(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    write_folder(folder)
    hub = Hub(cache_dir=tmp_path / "cache", jobs=1)
    baseline = await indexed(hub, folder, [])
    layer = baseline.layer
    gen3 = layer.get("Gen3")
    assert all(type(element) is LazyElement for element in gen3.ast.elements.values())
    for module in layer.own_modules():  # interfaces too, those decoded by the importers' checks included (a small
        entry = layer.get(module)      # scheme stays live: its compact form would take more memory)
        assert type(entry.env) is LazyEnv and all(
            type(s) is LazyScheme or small_scheme(s) for s in entry.exports.values()), module
    assert not any(m.cache or m.structure for m in baseline.checked.values())  # no live incremental state
    assert baseline.checked["Gen3"].typed_ast is gen3.ast  # the compact values
    assert [d.code for d in baseline.checked["Wrong"].diagnostics] == ["TypesDoNotUnify"]  # diagnostics kept
    assert gen3.rev == layer.revision("Gen3")
    # reads decode on demand, to what a fresh check gives
    from nova.workspace import check_workspace

    result = check_workspace(FOLDER, root(), Path("/ws"))
    assert encode(dict(layer.get("Gen3").ast.elements)) == encode(dict(result.layer.get("Gen3").ast.elements))
    assert encode(dict(layer.get("Gen3").exports)) == encode(dict(result.layer.get("Gen3").exports))
    for module in ("Gen0", "Gen3", "Gen8", "CycleA"):  # interfaces made compact after their importers read them
        assert encode(layer.get(module).env) == encode(result.layer.get(module).env), module
        assert encode(dict(layer.get(module).exports)) == encode(dict(result.layer.get(module).exports)), module
    result.layer.discard()
    hub.shutdown()


def test_a_large_folder_is_indexed_on_workers_a_chain_only_while_a_core_is_idle(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from nova.workspace import make_source, plan
    from tests.nova.test_parallel import chain_module

    chain = plan([make_source(f"/ws/Gen{n}.nova", chain_module(n, [n - 1] if n else [])) for n in range(40)])
    fan = plan([make_source(f"/ws/Gen{n}.nova", chain_module(n, [0] if n else [])) for n in range(40)])
    hub = Hub(cache_enabled=False, jobs=4)
    assert hub.index_workers(chain, None) == hub.index_workers(fan, None) == 0  # small: checked in the server
    monkeypatch.setattr(parallel, "MIN_MODULES", 2)
    monkeypatch.setattr(parallel, "MIN_LINES", 10)
    monkeypatch.setattr(parallel, "MIN_BESIDE", 10)
    monkeypatch.setattr(parallel, "idle_cores", lambda jobs, samples=None: 0.5)  # every core busy
    assert hub.index_workers(chain, None) == 0
    assert hub.index_workers(fan, None) == 4
    assert hub.index_workers(fan, {"Gen0"}) == 0  # a warm start with one stale module
    monkeypatch.setattr(parallel, "idle_cores", lambda jobs, samples=None: 1.5)  # a core idle: two workers take turns
    assert hub.index_workers(chain, None) == 2
    assert hub.index_workers(fan, None) == 4
    assert hub.index_workers(chain, {"Gen0"}) == 0
    hub.shutdown()


@pytest.mark.asyncio
async def test_an_indexed_modules_trees_are_moved_out_of_the_collectors_sight_without_its_garbage(
        tmp_path: Path) -> None:
    """Each module of a serial index is frozen once checked and compact (gc.freeze): later collections of the older
    generations do not walk the index (pauses of half a second at 50k lines before). The cyclic garbage its check
    left (closures of the compiled parser holding the module's tokens, of the import resolution holding the
    environments it read) is collected first, not frozen for good."""
    import gc

    from server.hub import ProjectBaseline

    folder = tmp_path / "ws"
    write_folder(folder)
    hub = Hub(cache_dir=tmp_path / "cache", jobs=1)
    hub._root = root()
    baseline = ProjectBaseline(hub, folder, hub.root.begin_batch())
    gc.unfreeze()  # what earlier tests left frozen is not this index's
    gc.collect()
    await baseline.index(None)
    tree = baseline.layer.get("Gen3").ast
    assert gc.is_tracked(tree) and gc.get_freeze_count() > 0
    assert not any(o is tree for o in gc.get_objects())  # in the permanent generation, out of every collection's walk
    gc.unfreeze()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        left = [o for o in gc.garbage if type(o).__module__.startswith("nova.")]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.freeze()
    assert len(left) < 50, collections.Counter(type(o).__name__ for o in left).most_common(5)
    hub.shutdown()


@pytest.mark.asyncio
async def test_a_serial_index_makes_each_module_compact_as_soon_as_it_is_checked(tmp_path: Path) -> None:
    """The heap never holds the whole index's live trees: by each module's progress report, it is compact."""
    from server.hub import ProjectBaseline

    folder = tmp_path / "ws"
    write_folder(folder)
    hub = Hub(cache_dir=tmp_path / "cache", jobs=1)
    hub._root = root()
    baseline = ProjectBaseline(hub, folder, hub.root.begin_batch())
    compact_when_reported: dict[str, bool] = {}

    async def progress(done: int, total: int, module: str) -> None:
        entry = baseline.layer.get(module)
        compact_when_reported[module] = entry is not None and all(
            type(element) is LazyElement for element in entry.ast.elements.values())

    await baseline.index(progress)
    assert set(compact_when_reported) == set(baseline.module_paths)
    assert all(compact_when_reported.values()), compact_when_reported
    # each interface was made compact once its importers were checked, which read it live (an import cycle's
    # members stay live until the index is over, for the rounds that check them again; a module whose types a
    # farther importer reads is decoded again there)
    layer = baseline.layer
    live = {m for m in layer.own_modules() if type(layer.get(m).env) is not LazyEnv
            or any(type(s) is not LazyScheme and not small_scheme(s) for s in layer.get(m).exports.values())}
    assert {"CycleA", "CycleB"} <= live and {"Gen8", "Lost", "Twin", "Wrong"}.isdisjoint(live), live
    # nor does it keep the lint's per-declaration facts of every module (kept for keystrokes: tens of MB at 50k)
    from nova.check import lint_names

    assert not lint_names._CACHE
    assert [d.code for d in baseline.checked["Wrong"].diagnostics] == ["TypesDoNotUnify"]
    hub.shutdown()


TYPING = "module Typing where\n\nimport Prelude\n\ntwice :: Int -> Int\ntwice x = x + x\n"


@pytest.mark.asyncio
async def test_a_keystroke_check_is_not_queued_behind_a_folder_index(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A module of a folder's index is held in the middle of its check; meanwhile a document's check (another
    editor typing) runs and answers: it is not queued behind the index's work."""
    folder = tmp_path / "ws"
    write_folder(folder)
    hub = Hub(cache_dir=tmp_path / "cache", jobs=1)
    hub._root = root()
    in_flight, release = threading.Event(), threading.Event()
    check_one = hub_module.checked_out_of_sight

    def held(run: Any, step: Any) -> Any:
        in_flight.set()
        release.wait(60)
        return check_one(run, step)

    monkeypatch.setattr(hub_module, "checked_out_of_sight", held)
    loop = asyncio.get_running_loop()
    index = asyncio.ensure_future(hub.baseline(folder, None))
    try:
        assert await loop.run_in_executor(None, in_flight.wait, 60)
        checked, items = await asyncio.wait_for(hub.run_check_document(TYPING, hub.root.begin_batch()), 30)
        assert not index.done() and not release.is_set()  # answered while the index's module is still in flight
        assert checked.name == "Typing" and list(checked.diagnostics) == []
        assert "twice" in checked.exports and items.parsed.module.name == "Typing"
    finally:
        release.set()
    baseline = await asyncio.wait_for(index, 120)
    assert sorted(baseline.layer.own_modules()) == sorted(baseline.module_paths)
    hub.shutdown()


USES_GEN0 = "module Reader where\n\nimport Prelude\nimport Gen0 (g0)\n\nread :: Int\nread = g0 41\n"


@pytest.mark.asyncio
async def test_in_the_middle_of_a_parallel_index_modules_already_done_answer(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The parallel index is held right after its first module (Gen0) arrived: an open document importing it is
    checked against the folder meanwhile, and Gen0's types answer it (what a hover over `g0` shows)."""
    folder = tmp_path / "ws"
    write_folder(folder)
    monkeypatch.setattr(parallel, "MIN_MODULES", 2)
    monkeypatch.setattr(parallel, "MIN_LINES", 10)
    monkeypatch.setattr(parallel, "MIN_BESIDE", 10)
    arrived, release = threading.Event(), threading.Event()
    layers: list[Any] = []
    record = parallel.ParallelCheck._record

    def held(self: parallel.ParallelCheck, source: Any, checked: Any) -> None:
        record(self, source, checked)
        if checked.name == "Gen0":
            layers.append(self.layer)
            arrived.set()
            release.wait(60)

    monkeypatch.setattr(parallel.ParallelCheck, "_record", held)
    hub = Hub(cache_dir=tmp_path / "cache", jobs=2)
    hub._root = root()
    index = asyncio.ensure_future(hub.baseline(folder, None))
    try:
        assert await asyncio.get_running_loop().run_in_executor(None, arrived.wait, 120)
        layer = layers[0]
        assert layer.get("Gen0") is not None and layer.get("AfterCycle") is None  # done, and not yet done
        checked, _ = await asyncio.wait_for(hub.run_check_document(USES_GEN0, layer.begin_batch()), 60)
        assert not index.done()
        assert list(checked.diagnostics) == []
        assert print_scheme(layer.get("Gen0").exports["g0"]) == "Int -> Int"
        assert print_scheme(checked.exports["read"]) == "Int"
    finally:
        release.set()
    baseline = await asyncio.wait_for(index, 300)
    assert "AfterCycle" in baseline.layer.own_modules()
    hub.shutdown()


@pytest.mark.asyncio
async def test_an_index_that_checks_ends_the_collectors_hold_of_the_start(tmp_path: Path) -> None:
    """The collector is held off while the server starts (`server.collector.hold_during_start`), but not through a
    cold index: its checks leave cyclic garbage, which would otherwise pile up (and stay in the heap's size)."""
    import gc

    from server.collector import hold_during_start, start_over
    from server.hub import ProjectBaseline

    folder = tmp_path / "ws"
    write_folder(folder)
    hub = Hub(cache_dir=tmp_path / "cache", jobs=1)
    hub._root = root()
    baseline = ProjectBaseline(hub, folder, hub.root.begin_batch())
    collecting: list[bool] = []

    async def progress(done: int, total: int, module: str) -> None:
        collecting.append(gc.isenabled())

    hold_during_start(seconds=600)
    try:
        assert not gc.isenabled()
        await baseline.index(progress)
    finally:
        start_over()
        hub.shutdown()
    assert collecting and all(collecting)
