"""Freeing the rows of a discarded layer off the caller's path, as Redis's lazy free does.

In CPython, dropping the last reference to a layer's maps frees every row right there: a 100k-row batch takes
milliseconds, paid by whoever called `discard` (the server's event loop). Instead, `discard` hands the maps to one
background thread and returns at once; the thread drops the rows a few at a time, yielding the interpreter between
chunks so that no other thread waits long for it.
"""

from __future__ import annotations

import os
import queue
import threading
import time
from typing import Any

import immutables

# Records freed between two yields of the interpreter: small enough to keep other threads' pauses short.
CHUNK = 16


class Reclaimer:
    __slots__ = ("_idle", "_lock", "_pending", "_queue", "_thread")

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self._queue: queue.SimpleQueue[tuple[immutables.Map[str, Any], tuple[object, ...]]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._pending = 0
        self._thread: threading.Thread | None = None

    def release(self, rows: immutables.Map[str, Any], *others: object) -> None:
        """Take over the caller's references to `rows` (whose values are freed in chunks) and to `others`.

        `others` are structures sharing most of their nodes with live layers (views): dropping them frees only
        their own few nodes, while their values are also held by `rows` or by a live layer.
        """
        with self._lock:
            self._pending += 1
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="registry-reclaim", daemon=True)
                self._thread.start()
        self._queue.put((rows, others))

    def drain(self, timeout: float | None = None) -> bool:
        """Wait until everything released so far is freed; False if `timeout` passed first."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    def _run(self) -> None:
        while True:
            mapping, others = self._queue.get()
            rows = list(mapping.values())
            del mapping, others  # their nodes go now; the rows live on in `rows` until freed chunk by chunk
            while rows:
                del rows[-CHUNK:]
                time.sleep(0)
            with self._idle:
                self._pending -= 1
                self._idle.notify_all()


RECLAIMER = Reclaimer()
# A forked child has no reclaim thread: it starts afresh (rows queued before the fork are the parent's to free).
os.register_at_fork(after_in_child=RECLAIMER._reset)
