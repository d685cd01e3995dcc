"""The evaluation machine: applies functions in a trampoline, runs effects, meters fuel, depth and time.

Code in tail position returns a `TailCall` instead of calling; `Machine.apply` loops on those, so tail calls (self
and mutual) run in constant Python stack. Non-tail calls nest `apply` and count against `max_depth`. Every call is
one step of fuel; every 4096 steps the deadline and the cancel flag are checked.

Memory is metered too, in *cells*: a constructor field, an array element, a record field, 32 characters of a
string each count one. Code that builds a few cells per step adds to the count and the periodic check stops the
run; a primitive that builds a large value at once calls `allocate` first, which refuses before anything is built.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from nova.eval.errors import EvalError, EvalLimitError
from nova.eval.printer import show_value
from nova.eval.values import (
    UNIT,
    Closure,
    Con,
    ConFn,
    EffectV,
    Foreign,
    Partial,
    TailCall,
    Value,
)

Resolver = Callable[["Machine", str, str], Value]
"""Produces the value of a top-level definition (module, key) for a machine; called once per name per run."""

_CHECK_EVERY = 4096

OUTPUT_LIMIT = 1_000_000
"""Characters of captured output kept per evaluation."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds of one evaluation. The defaults stop an endless loop within about five seconds."""

    max_steps: int = 20_000_000
    timeout: float | None = 5.0
    max_depth: int = 10_000
    max_cells: int = 16_000_000
    """Allocation budget in cells (about 40 bytes each): roughly 600 MB by default."""


DEFAULT_LIMITS = Limits()


_BLACKHOLE = object()

PRIMITIVE_FAILURES = (TypeError, AttributeError, KeyError, IndexError, ValueError, OverflowError, ZeroDivisionError)
"""What a primitive raises when handed values of the wrong type: only possible in code the checker rejected."""


def primitive_failed(fn: Foreign, args: tuple[Value, ...], err: Exception) -> EvalError:
    """Only ill-typed code gets here (the checker's errors were ignored somewhere): say so in Nova's terms, not
    with the Python exception's text."""
    shown = " ".join(show_value(arg, 40) for arg in args)
    if isinstance(err, OverflowError):
        why = "the result is too large"
    elif isinstance(err, ZeroDivisionError):
        why = "division by zero"
    elif isinstance(err, ValueError | IndexError):
        why = "an argument is out of range"
    else:
        why = "the program has a type error"
    return EvalError(f"the primitive {fn.name} cannot take the arguments {shown}: {why}")


class Machine:
    """One evaluation run: the cache of top-level values, the output captured from `log`, and the meters."""

    def __init__(
        self,
        resolve: Resolver,
        limits: Limits | None = None,
        cancel: threading.Event | None = None,
    ) -> None:
        self.resolve = resolve
        self.limits = limits or Limits()
        self.cancel = cancel
        self.output: list[str] = []
        self.errors: list[str] = []
        self._written = 0
        self.globals: dict[tuple[str, str], Value] = {}
        self.steps = 0
        self.depth = 0
        self.cells = 0
        self.memo_cells: list[list[Any]] = []
        """Inline caches this run filled (see `release`)."""
        self.next_check = min(_CHECK_EVERY, self.limits.max_steps)
        self._deadline = None if self.limits.timeout is None else time.monotonic() + self.limits.timeout

    # ---- metering ----------------------------------------------------------------------------------------------

    def _check(self) -> None:
        limits = self.limits
        if self.steps >= limits.max_steps:
            raise EvalLimitError(
                f"evaluation stopped after {self.steps} steps (step limit {limits.max_steps} reached)", self.steps
            )
        if self._deadline is not None and time.monotonic() > self._deadline:
            raise EvalLimitError(
                f"evaluation stopped after {self.steps} steps (time limit of {limits.timeout:g} s reached)",
                self.steps,
            )
        if self.cancel is not None and self.cancel.is_set():
            raise EvalLimitError(f"evaluation stopped after {self.steps} steps (cancelled)", self.steps)
        if self.cells > limits.max_cells:
            raise self.out_of_memory()
        self.next_check = min(self.steps + _CHECK_EVERY, limits.max_steps)

    def out_of_memory(self) -> EvalLimitError:
        return EvalLimitError(
            f"evaluation stopped after {self.steps} steps (allocation budget of {self.limits.max_cells} cells "
            "reached)",
            self.steps,
        )

    def allocate(self, cells: int) -> None:
        """Count `cells` about to be built; refuses (before they are built) past the allocation budget."""
        self.cells += cells
        if self.cells > self.limits.max_cells:
            raise self.out_of_memory()

    def release(self) -> None:
        """The run is over: drop every value it computed, including those memoised in shared compiled code (an
        inline cache keeps its last value until another run replaces it; without this, compiled code kept in the
        element cache would hold the last run's values, and a cached element per evaluated expression would hold
        each run's)."""
        for cell in self.memo_cells:
            if cell[0][0] is self:
                cell[0] = (None, None)
        self.memo_cells.clear()
        self.globals.clear()

    def too_deep(self) -> EvalLimitError:
        return EvalLimitError(
            f"evaluation stopped after {self.steps} steps (recursion deeper than {self.limits.max_depth} calls)",
            self.steps,
        )

    # ---- globals -----------------------------------------------------------------------------------------------

    def global_value(self, module: str, key: str) -> Value:
        cached = self.globals.get((module, key))
        if cached is not None:
            if cached is _BLACKHOLE:
                raise EvalError(f"the value of {module}.{key} depends on itself")
            return cached
        self.globals[(module, key)] = _BLACKHOLE
        try:
            value = self.resolve(self, module, key)
        except BaseException:
            del self.globals[(module, key)]
            raise
        self.globals[(module, key)] = value
        return value

    # ---- application -------------------------------------------------------------------------------------------

    def apply(self, fn: Value, args: tuple[Value, ...]) -> Value:
        """Apply `fn` to `args` and return the value (never a TailCall)."""
        self.depth += 1
        if self.depth > self.limits.max_depth:
            self.depth -= 1
            raise self.too_deep()
        try:
            while True:
                self.steps += 1
                if self.steps >= self.next_check:
                    self._check()
                kind = type(fn)
                if kind is Closure:
                    arity = fn.arity
                    count = len(args)
                    if count == arity:
                        frame: list[Any] = [fn.env, *args]
                        if fn.frame_size > count + 1:
                            frame.extend([None] * (fn.frame_size - count - 1))
                        result = fn.body(self, frame)
                    elif count < arity:
                        self.cells += count
                        return Partial(fn, args)
                    else:
                        fn, args = self.apply(fn, args[:arity]), args[arity:]
                        continue
                elif kind is Partial:
                    fn, args = fn.fn, fn.args + args
                    continue
                elif kind is Foreign:
                    arity = fn.arity
                    count = len(args)
                    if count == arity:
                        try:
                            result = fn.impl(self, *args)
                        except PRIMITIVE_FAILURES as err:
                            raise primitive_failed(fn, args, err) from None
                    elif count < arity:
                        self.cells += count
                        return Partial(fn, args)
                    else:
                        fn, args = self.apply(fn, args[:arity]), args[arity:]
                        continue
                elif kind is ConFn:
                    arity = fn.arity
                    count = len(args)
                    self.cells += count
                    if count == arity:
                        return Con(fn.name, fn.tag, args)
                    if count < arity:
                        return Partial(fn, args)
                    raise EvalError(f"constructor {fn.name} applied to too many arguments")
                else:
                    raise EvalError(f"cannot apply {show_value(fn, 80)}: it is not a function")
                if type(result) is TailCall:
                    fn, args = result.fn, result.args
                    continue
                return result
        except RecursionError:
            raise self.too_deep() from None
        finally:
            self.depth -= 1

    def force(self, result: Value) -> Value:
        """Turn what tail-position code returned into a value."""
        if type(result) is TailCall:
            return self.apply(result.fn, result.args)
        return result

    # ---- effects -----------------------------------------------------------------------------------------------

    def run_effect(self, effect: Value) -> Value:
        """Run an Effect; binds are interpreted with an explicit continuation stack (constant Python stack)."""
        continuations: list[Value] = []
        current = effect
        while True:
            if not isinstance(current, EffectV):
                raise EvalError(f"expected an Effect, got {show_value(current, 80)}")
            kind = current.kind
            if kind == "bind":
                continuations.append(current.b)
                current = current.a
                continue
            if kind == "pure":
                result = current.a
            elif kind == "prim":
                result = current.a(self)
            elif kind == "thunk":
                result = self.apply(current.a, (UNIT,))
            else:
                raise EvalError(f"unknown effect {kind}")
            self.steps += 1
            if self.steps >= self.next_check:
                self._check()
            if not continuations:
                return result
            current = self.apply(continuations.pop(), (result,))

    def write(self, text: str, error: bool = False) -> None:
        """Where `log` (and `warn`/`error`, with `error`) write: captured, never the process's own streams.

        At most `OUTPUT_LIMIT` characters are kept (a logging loop must not exhaust memory or flood an editor)."""
        lines = self.errors if error else self.output
        if self._written >= OUTPUT_LIMIT:
            return
        self._written += len(text) + 1
        if self._written >= OUTPUT_LIMIT:
            lines.append(text[: max(OUTPUT_LIMIT - (self._written - len(text) - 1), 0)])
            lines.append("… (output truncated)")
            return
        lines.append(text)

    def check_now(self) -> None:
        """Check the limits at once (after a primitive that did a lot of work in one step)."""
        self._check()

    def time_left(self) -> float | None:
        """Seconds until the time limit (None without one): what a primitive that cannot stop midway (a regular
        expression match) may take."""
        return None if self._deadline is None else max(self._deadline - time.monotonic(), 0.0)
