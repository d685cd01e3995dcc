"""The document worker serves its owners (connections) in turns: one owner's burst does not hold back another's job."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest

from server.fair_executor import FairExecutor
from server.hub import Hub


def holding(gate: threading.Event, started: threading.Event) -> bool:
    """A job that holds the worker until `gate` opens (`started` tells it runs)."""
    started.set()
    return gate.wait(30)


def test_owners_are_served_in_turns_each_in_its_own_order() -> None:
    executor = FairExecutor()
    gate, started = threading.Event(), threading.Event()
    ran: list[str] = []
    first = executor.submit_for("a", holding, gate, started)  # holds the thread while the others queue up
    assert started.wait(30)
    futures = [executor.submit_for("a", ran.append, f"a{n}") for n in range(1, 5)]
    futures.append(executor.submit_for("b", ran.append, "b1"))
    futures.append(executor.submit_for("b", ran.append, "b2"))
    futures.append(executor.submit(ran.append, "none1"))
    assert executor.waiting() == {"a": 4, "b": 2, None: 1}
    gate.set()
    for future in [first, *futures]:
        future.result(30)
    # one job of each owner in turn (in the order they first queued), each owner's jobs in its own order
    assert ran == ["a1", "b1", "none1", "a2", "b2", "a3", "a4"]
    executor.shutdown()


def test_errors_cancellations_and_shutdown() -> None:
    executor = FairExecutor()
    gate = threading.Event()
    held = executor.submit_for("a", gate.wait, 30)
    failing = executor.submit_for("a", lambda: 1 // 0)
    cancelled = executor.submit_for("b", lambda: "never")
    assert cancelled.cancel()
    after = executor.submit_for("b", lambda: "ran")
    gate.set()
    assert held.result(30) is True
    with pytest.raises(ZeroDivisionError):
        failing.result(30)
    assert after.result(30) == "ran" and cancelled.cancelled()
    gate.clear()
    executor.submit_for("a", gate.wait, 30)
    left = executor.submit_for("b", lambda: "left")
    executor.shutdown(wait=False, cancel_futures=True)
    assert left.cancelled()
    gate.set()
    with pytest.raises(RuntimeError):
        executor.submit(lambda: None)


@pytest.mark.asyncio
async def test_a_connections_check_waits_for_one_job_of_another_not_its_whole_burst(tmp_path: Path) -> None:
    """Hub level: while the document worker is busy and one owner has queued many checks, another owner's check
    is the next but one, not the last."""
    hub = Hub(cache_dir=tmp_path / "cache", cache_enabled=False)
    root = await hub.ensure_root()
    gate, started = threading.Event(), threading.Event()
    held = asyncio.wrap_future(hub.executor.submit_for("busy", holding, gate, started))
    assert await asyncio.get_running_loop().run_in_executor(None, started.wait, 30)
    finished: list[str] = []
    text = "module Burst{n} where\n\nimport Prelude\n\nf :: Int -> Int\nf x = x + {n}\n"

    async def check(owner: str, n: int) -> None:
        await hub.run_check_document(text.format(n=n), root.begin_batch(), owner=owner)
        finished.append(f"{owner}{n}")

    burst = [asyncio.ensure_future(check("busy", n)) for n in range(6)]
    await asyncio.sleep(0.05)
    other = asyncio.ensure_future(check("typing", 0))
    await asyncio.sleep(0.05)
    assert hub.executor.waiting() == {"busy": 6, "typing": 1}
    gate.set()
    await asyncio.gather(held, other, *burst)
    assert finished.index("typing0") == 1, finished  # after one of the burst (a FIFO queue: the last)
    hub.shutdown()


def test_checks_run_on_the_workers_own_large_stack_deep_input_included(monkeypatch: pytest.MonkeyPatch) -> None:
    """No thread is started per check (`run_on_big_stack` runs in place on the worker's large stack), and a
    deeply nested module is still checked (a diagnostic, not a crash)."""
    from nova.check import check_module
    from nova.deep import run_on_big_stack
    from nova.syntax import parse_module
    from tests.nova.types.helpers import root

    executor = FairExecutor("fair-test")
    assert executor.submit(lambda: run_on_big_stack(lambda: threading.current_thread().name)).result(30) == "fair-test"
    assert run_on_big_stack(lambda: threading.current_thread().name) != threading.current_thread().name
    layer = root().begin_batch()
    depth = 3000
    source = f"module Deep where\n\nimport Prelude\n\nx = {'(' * depth}1{')' * depth}\n"
    # threads started from the executor's worker (counting all threads would see other tests' threads end)
    started_by_worker: list[str] = []
    start = threading.Thread.start

    def recorded_start(thread: threading.Thread) -> None:
        if threading.current_thread().name == "fair-test":
            started_by_worker.append(thread.name)
        start(thread)

    monkeypatch.setattr(threading.Thread, "start", recorded_start)
    checked = executor.submit(lambda: check_module(parse_module(source), layer)).result(120)
    assert started_by_worker == []
    assert checked.name == "Deep" and {d.code for d in checked.diagnostics} <= {"TooDeep", "NestedTooDeeply"}
    executor.shutdown()
