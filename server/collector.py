"""How long the cyclic garbage collector stops the server: every collection timed (through `gc.callbacks`), counted
per generation, the longest kept. A full collection walks every tracked object not frozen (`gc.freeze`), so a large
index left in sight of the collector shows here as pauses of hundreds of milliseconds in the middle of a keystroke;
`nova.dumpState` reports the figures and `bench/scale_bench.py` prints them."""

from __future__ import annotations

import gc
import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)
LONG_PAUSE = 0.1
"""A collection at least this long (seconds) is logged: a keystroke waiting on it would notice."""
START_SECONDS = 30.0
"""The longest the collector is held off while the server starts (see `hold_during_start`)."""


@dataclass(slots=True)
class PauseLog:
    """Collections per generation, their total and longest duration (seconds), since `install` or `reset`."""

    counts: list[int] = field(default_factory=lambda: [0, 0, 0])
    total: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0])
    longest: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0])
    _began: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def callback(self, phase: str, info: dict[str, Any]) -> None:
        """gc.callbacks hook: runs on whichever thread triggered the collection (the GIL is held throughout)."""
        if phase == "start":
            self._began = time.perf_counter()
            return
        generation = min(int(info.get("generation", 2)), 2)
        pause = time.perf_counter() - self._began
        with self._lock:
            self.counts[generation] += 1
            self.total[generation] += pause
            if pause > self.longest[generation]:
                self.longest[generation] = pause
        if pause >= LONG_PAUSE:
            log.info("the garbage collector paused the server %.0f ms (generation %d, %s objects collected)",
                     pause * 1000, generation, info.get("collected", "?"))

    def reset(self) -> None:
        with self._lock:
            self.counts = [0, 0, 0]
            self.total = [0.0, 0.0, 0.0]
            self.longest = [0.0, 0.0, 0.0]

    def report(self) -> dict[str, Any]:
        """Plain data: per generation, the number of collections and their total and longest pause in ms; the
        objects frozen out of the collector's sight and its thresholds."""
        with self._lock:
            return {
                "collections": list(self.counts),
                "totalMs": [round(t * 1000, 2) for t in self.total],
                "longestMs": [round(t * 1000, 2) for t in self.longest],
                "frozen": gc.get_freeze_count(),
                "thresholds": list(gc.get_threshold()),
            }


PAUSES = PauseLog()


def install() -> None:
    """Time every collection of this process from now on (once)."""
    if PAUSES.callback not in gc.callbacks:
        gc.callbacks.append(PAUSES.callback)


_held = threading.Event()


def hold_during_start(seconds: float = START_SECONDS) -> None:
    """Collect nothing while the server starts: its imports and a warm start's restore make hundreds of thousands
    of objects that all live as long as the process, and the young-generation collections meanwhile (dozens) only
    walk them: a tenth of a warm start's CPU. `start_over` ends the hold once the first folder is served, or as
    soon as an index starts checking modules (checks leave cyclic garbage); after `seconds` it ends anyway (a
    client that opens no folder)."""
    if gc.isenabled():
        gc.disable()
        _held.set()
        timer = threading.Timer(seconds, start_over)
        timer.daemon = True
        timer.start()


def start_over() -> None:
    """End `hold_during_start`'s hold (once; a no-op without one)."""
    if _held.is_set():
        _held.clear()
        gc.enable()
