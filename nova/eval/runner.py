"""Run an evaluation on a worker thread with a large stack, so the depth limit (not Python) decides when
non-tail recursion is too deep, and a RecursionError can never escape to the caller."""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

from nova.eval.errors import EvalError
from nova.eval.machine import DEFAULT_LIMITS

T = TypeVar("T")

STACK_BYTES = 512 * 1024 * 1024
FRAMES_PER_CALL = 12
"""Python frames one nested Nova call may use (apply, the body, case, guard, application, argument, …)."""

_limit_lock = threading.Lock()


def ensure_recursion_limit(max_depth: int) -> None:
    wanted = max_depth * FRAMES_PER_CALL + 2_000
    with _limit_lock:
        if sys.getrecursionlimit() < wanted:
            sys.setrecursionlimit(wanted)


def run_with_big_stack(work: Callable[[], T], max_depth: int) -> T:
    """Call `work()` on a fresh thread with a large stack; exceptions are re-raised here."""
    ensure_recursion_limit(max_depth)
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["result"] = work()
        except RecursionError:
            box["error"] = EvalError("evaluation stopped: recursion too deep")
        except EvalError as err:  # re-raised on the caller's thread
            box["error"] = err
        except Exception as err:  # a bug must surface as an error message, never as a traceback
            box["error"] = EvalError(f"evaluation failed: {type(err).__name__}: {err}")

    with _limit_lock:
        previous = threading.stack_size()
        try:
            # On a platform without settable stacks the depth limit (and RecursionError handling) still holds.
            with contextlib.suppress(ValueError, RuntimeError):
                threading.stack_size(STACK_BYTES)
            thread = threading.Thread(target=target, name="nova-eval", daemon=True)
            thread.start()  # the stack size is read when the thread starts
        finally:
            threading.stack_size(previous)
    thread.join()
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["result"]  # type: ignore[return-value]


# Raise the limit once, when the evaluator is loaded, for the default depth: later evaluations then leave the
# interpreter's settings alone (tools that watch the limit, such as hypothesis, see no change mid-test).
ensure_recursion_limit(DEFAULT_LIMITS.max_depth)
