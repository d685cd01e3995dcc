"""The garbage collector's pauses as the server reports them (`server.collector`, shown by nova.dumpState)."""

from __future__ import annotations

import gc

from server.collector import PAUSES, PauseLog, install


def test_each_collection_is_counted_and_timed_per_generation() -> None:
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
    assert report["thresholds"] == list(gc.get_threshold()) and report["frozen"] == gc.get_freeze_count()
    log.reset()
    assert log.report()["collections"] == [0, 0, 0]


def test_install_hooks_the_process_log_once() -> None:
    install()
    install()
    assert gc.callbacks.count(PAUSES.callback) == 1
    before = PAUSES.report()["collections"][2]
    gc.collect()
    assert PAUSES.report()["collections"][2] == before + 1
