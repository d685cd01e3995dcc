"""Running deeply recursive work (checking, (de)serialising typed trees, evaluating) where Python's stack cannot
overflow: on a fresh thread with a large stack, under a raised recursion limit.

Deeply nested input that the parser accepts must be checked, cached or evaluated, or reported, and must never crash
the process with a C stack overflow or leak a `RecursionError` to a caller that does not expect one.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import threading
from collections.abc import Callable, Iterator
from typing import TypeVar

T = TypeVar("T")

DEFAULT_STACK_BYTES = 256 * 1024 * 1024
DEEP_RECURSION_LIMIT = 60_000

_stack_lock = threading.Lock()
_section_lock = threading.Lock()
_active = 0
_saved_limit = 0
_gc_was_enabled = True


_thread_stack = threading.local()
"""`.bytes`: the stack size a thread was started with by this module (0 or absent: an ordinary thread)."""


def run_on_big_stack(work: Callable[[], T], stack_bytes: int = DEFAULT_STACK_BYTES, name: str = "nova-deep") -> T:
    """Call `work()` on a new thread with a `stack_bytes` stack and wait for it; its exception (RecursionError
    included) is raised here. On a platform without settable stacks the work runs with the default stack. On a
    thread that has such a stack already (`big_stack_thread`, or inside `run_on_big_stack`), `work` runs right
    there: no thread is started and waited for (two wake-ups of a keystroke's check on a loaded machine)."""
    if getattr(_thread_stack, "bytes", 0) >= stack_bytes:
        return work()
    box: list[T] = []
    error: list[BaseException] = []

    def target() -> None:
        try:
            box.append(work())
        except BaseException as exc:  # re-raised on the caller's thread, never lost in this one
            error.append(exc)

    thread = big_stack_thread(target, name, stack_bytes)
    thread.join()
    if error:
        raise error[0]
    if not box:
        raise RuntimeError(f"{name} thread ended without a result")
    return box[0]


def big_stack_thread(target: Callable[[], object], name: str, stack_bytes: int = DEFAULT_STACK_BYTES,
                     daemon: bool = True) -> threading.Thread:
    """A started thread running `target` on a `stack_bytes` stack (where the platform lets the size be set); deep
    work on it (`run_on_big_stack`) runs in place."""
    with _stack_lock:
        previous = threading.stack_size()
        granted = 0
        try:
            with contextlib.suppress(ValueError, RuntimeError):
                threading.stack_size(stack_bytes)
                granted = stack_bytes

            def marked() -> None:
                _thread_stack.bytes = granted
                target()

            thread = threading.Thread(target=marked, name=name, daemon=daemon)
            thread.start()  # the stack size is read when the thread starts
        finally:
            threading.stack_size(previous)
    return thread


@contextlib.contextmanager
def deep_section() -> Iterator[None]:
    """While at least one section is open (on any thread): the recursion limit raised to `DEEP_RECURSION_LIMIT`
    and the cyclic GC paused. Checking allocates many short-lived objects that reference counting frees;
    collections meanwhile would mostly rescan the large, long-lived registry contents (a third of the time of a
    workspace check). Both are restored when the last section ends."""
    global _active, _saved_limit, _gc_was_enabled
    with _section_lock:
        if _active == 0:
            _saved_limit = sys.getrecursionlimit()
            sys.setrecursionlimit(max(_saved_limit, DEEP_RECURSION_LIMIT))
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _active += 1
    try:
        yield
    finally:
        with _section_lock:
            _active -= 1
            if _active == 0 and sys.getrecursionlimit() == max(_saved_limit, DEEP_RECURSION_LIMIT):
                sys.setrecursionlimit(_saved_limit)  # unless someone raised it further meanwhile, for good
                if _gc_was_enabled:
                    _promote_survivors()
                    gc.enable()


PROMOTE_AFTER = 400_000
"""Objects allocated (and still alive) in the sections, above which they go straight to the oldest generation."""


def _promote_survivors() -> None:
    """What a long section allocated and kept (a build's syntax and typed trees, millions of objects) lives long.
    Left in the young generation, the first collection after the section walks every one of them (0.8 s of CPU
    after a 50k-line check, freeing nothing), then the middle generation's does again. `gc.freeze()` followed by
    `gc.unfreeze()` moves them to the oldest generation without a walk: still collectable, visited only by the
    (rare) full collections. Not done while anything else is frozen: `unfreeze` would release that too."""
    if gc.get_count()[0] >= PROMOTE_AFTER and gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
