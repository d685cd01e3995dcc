"""Freeing the rows of a discarded layer off the caller's path, as Redis's lazy free does.

In CPython, dropping the last reference to a layer's maps frees every row right there: a 100k-row batch takes
milliseconds, paid by whoever called `discard` (the server's event loop). Instead, `discard` appends the maps to a
queue and returns; one background thread drops the rows a few at a time, yielding the interpreter between chunks so
that no other thread waits long for it.

`release` only appends to a deque: it never wakes the thread, because waking a sleeping thread from inside the call
costs a context switch and, on a busy machine, milliseconds. The thread polls instead, every 10 ms while there is
work and backing off to once a second when idle; `drain` wakes it for whoever needs the memory back now.
"""

from __future__ import annotations

import collections
import os
import threading
import time
from typing import Any

import immutables

# Records freed between two yields of the interpreter: small enough to keep other threads' pauses short.
CHUNK = 16
MIN_POLL = 0.01
MAX_POLL = 1.0

_Item = tuple[immutables.Map[str, Any], tuple[object, ...]] | threading.Event


class Reclaimer:
    __slots__ = ("_pending", "_start_lock", "_thread", "_wake")

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self._pending: collections.deque[_Item] = collections.deque()
        self._wake = threading.Event()
        self._start_lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def release(self, rows: immutables.Map[str, Any], *others: object) -> None:
        """Take over the caller's references to `rows` (whose values are freed in chunks) and to `others`.

        `others` are structures sharing most of their nodes with live layers (views): dropping them frees only
        their own few nodes, while their values are also held by `rows` or by a live layer.
        """
        self._pending.append((rows, others))
        if self._thread is None:
            self._start()

    def drain(self, timeout: float | None = None) -> bool:
        """Wait until everything released before this call is freed; False if `timeout` passed first."""
        done = threading.Event()
        self._pending.append(done)  # the queue is first-in first-out: when `done` is reached, all before it is freed
        if self._thread is None:
            self._start()
        self._wake.set()
        return done.wait(timeout)

    def _start(self) -> None:
        with self._start_lock:
            if self._thread is None:
                thread = threading.Thread(target=self._run, name="registry-reclaim", daemon=True)
                thread.start()
                self._thread = thread

    def _run(self) -> None:
        poll = MIN_POLL
        while True:
            self._wake.wait(poll)
            self._wake.clear()
            if not self._pending:
                poll = min(poll * 2, MAX_POLL)
                continue
            poll = MIN_POLL
            while self._pending:
                item = self._pending.popleft()
                if isinstance(item, threading.Event):
                    item.set()
                    continue
                rows = list(item[0].values())
                del item  # the maps' own nodes go now; the rows live on in `rows` until freed chunk by chunk
                while rows:
                    del rows[-CHUNK:]
                    time.sleep(0)


RECLAIMER = Reclaimer()
# A forked child has no reclaim thread: it starts afresh (rows queued before the fork are the parent's to free).
os.register_at_fork(after_in_child=RECLAIMER._reset)
