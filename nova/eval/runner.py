"""Run an evaluation on a worker thread with a large stack, so the depth limit (not Python) decides when
non-tail recursion is too deep, and a RecursionError can never escape to the caller."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import TypeVar

from nova.deep import run_on_big_stack
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
    """Call `work()` on a fresh thread with a large stack; its errors are re-raised here as `EvalError`s."""
    ensure_recursion_limit(max_depth)

    def guarded() -> T:
        try:
            return work()
        except RecursionError:
            raise EvalError("evaluation stopped: recursion too deep") from None
        except EvalError:
            raise
        except Exception as err:  # a bug must surface as an error message, never as a traceback
            raise EvalError(f"evaluation failed: {type(err).__name__}: {err}") from err

    return run_on_big_stack(guarded, STACK_BYTES, name="nova-eval")


# Raise the limit once, when the evaluator is loaded, for the default depth: later evaluations then leave the
# interpreter's settings alone (tools that watch the limit, such as hypothesis, see no change mid-test).
ensure_recursion_limit(DEFAULT_LIMITS.max_depth)
