"""The garbage collector's pauses as the server reports them (`server.collector`, shown by nova.dumpState)."""

from __future__ import annotations

import gc
import time

import pytest

from server.collector import PAUSES, PauseLog, hold_during_start, install, start_over


def test_each_collection_is_counted_and_timed_per_generation(monkeypatch: pytest.MonkeyPatch) -> None:
    # the count of frozen objects as the collector gives it (other threads freeze objects, and reference counting
    # frees frozen ones, so the real count may differ between two reads)
    monkeypatch.setattr(gc, "get_freeze_count", lambda: 4321)
    log = PauseLog()
    gc.callbacks.append(log.callback)
    try:
        gc.collect(0)
        gc.collect(2)
        gc.collect(2)
    finally:
        gc.callbacks.remove(log.callback)
    report = log.report()
    assert report["collections"][0] >= 1 and report["collections"][2] >= 2
    assert report["longestMs"][2] > 0 and report["totalMs"][2] >= report["longestMs"][2]
    assert report["thresholds"] == list(gc.get_threshold()) and report["frozen"] == 4321
    log.reset()
    assert log.report()["collections"] == [0, 0, 0]


def test_install_hooks_the_process_log_once() -> None:
    install()
    install()
    assert gc.callbacks.count(PAUSES.callback) == 1
    before = PAUSES.report()["collections"][2]
    gc.collect()
    assert PAUSES.report()["collections"][2] == before + 1


def test_the_hold_during_start_ends_when_the_start_is_over_or_after_its_limit() -> None:
    assert gc.isenabled()
    try:
        hold_during_start(seconds=60)
        assert not gc.isenabled()
        hold_during_start(seconds=60)  # a second hold while held changes nothing
        start_over()
        assert gc.isenabled()
        start_over()  # no hold: nothing to end
        assert gc.isenabled()
        hold_during_start(seconds=0.05)
        assert not gc.isenabled()
        deadline = time.monotonic() + 10
        while not gc.isenabled() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert gc.isenabled()
    finally:
        start_over()
        gc.enable()


def test_no_hold_is_made_while_the_collector_is_off_already() -> None:
    gc.disable()
    try:
        hold_during_start(seconds=60)
        start_over()
        assert not gc.isenabled()  # it was off before: starting over leaves it so
    finally:
        gc.enable()
