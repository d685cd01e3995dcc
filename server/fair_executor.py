"""The document worker's queue: one thread, jobs served in turns between their owners (the connections).

A plain single-thread executor runs jobs first come, first served: one editor whose save re-checks twenty open
dependents (or who sends a burst of completion probes) puts twenty jobs ahead of another editor's keystroke. Here
each owner has its own first-come-first-served queue and the thread takes one job from each owner in turn
(round-robin), so another editor's keystroke waits for at most one job of each other connection.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Hashable
from concurrent.futures import Executor, Future
from typing import Any, TypeVar

from nova.deep import big_stack_thread

T = TypeVar("T")

_Job = tuple[Future[Any], Callable[..., Any], tuple[Any, ...], dict[str, Any]]


class FairExecutor(Executor):
    """`submit_for(owner, fn, *args)`: `fn` queued behind `owner`'s earlier jobs, the owners served in turns.
    `submit` (and so `loop.run_in_executor`) queues under the owner None."""

    def __init__(self, thread_name: str = "nova-fair") -> None:
        self._thread_name = thread_name
        self._ready = threading.Condition()
        self._queues: dict[Hashable, deque[_Job]] = {}
        """Owner → its waiting jobs; the dict's order is the turn (an owner served goes to the end)."""
        self._thread: threading.Thread | None = None
        self._closed = False

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        return self.submit_for(None, fn, *args, **kwargs)

    def submit_for(self, owner: Hashable, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        future: Future[T] = Future()
        with self._ready:
            if self._closed:
                raise RuntimeError("cannot schedule new work after shutdown")
            self._queues.setdefault(owner, deque()).append((future, fn, args, kwargs))
            if self._thread is None:
                # on a large stack: a check runs on this thread itself (`nova.deep.run_on_big_stack`), not on a
                # thread started for it and waited for
                self._thread = big_stack_thread(self._serve, self._thread_name)
            self._ready.notify()
        return future

    def waiting(self) -> dict[Hashable, int]:
        """Owner → how many of its jobs wait (for diagnostics and tests)."""
        with self._ready:
            return {owner: len(queue) for owner, queue in self._queues.items()}

    def _next(self) -> _Job | None:
        """The first job of the owner whose turn it is (that owner then waits for every other's turn); None once
        shut down with nothing left."""
        with self._ready:
            while not self._queues:
                if self._closed:
                    return None
                self._ready.wait()
            owner = next(iter(self._queues))
            queue = self._queues.pop(owner)
            job = queue.popleft()
            if queue:
                self._queues[owner] = queue
            return job

    def _serve(self) -> None:
        while (job := self._next()) is not None:
            future, fn, args, kwargs = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = fn(*args, **kwargs)
            except BaseException as error:  # handed to whoever waits on the future
                future.set_exception(error)
            else:
                future.set_result(result)
            del job, future, fn, args, kwargs  # nothing of a finished job kept alive while the thread waits

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._ready:
            self._closed = True
            if cancel_futures:
                for queue in self._queues.values():
                    for future, *_ in queue:
                        future.cancel()
                self._queues.clear()
            self._ready.notify_all()
            thread = self._thread
        if wait and thread is not None and thread is not threading.current_thread():
            thread.join()
