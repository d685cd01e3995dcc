"""Evaluator benchmark: Nova programs against the same algorithm in plain Python, measured in the same run.

Prints, for each program, the Nova time, the Python time and their ratio (how many times slower the interpreter
is than CPython running the algorithm directly), the steps per second, and the time of a re-evaluation after an
edit to one function (only that function is prepared again) next to a cold first evaluation.
No asserts on time: the figures are for reading.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nova.eval.api import evaluate_expression
from nova.eval.link import ElementCache
from nova.eval.machine import Limits
from nova.stdlib import load_root

PROGRAM = """module Bench where

import Prelude
import Data.List (List(..), (:))
import Data.List as L
import Data.Foldable (foldl)

isEven :: Int -> Boolean
isEven 0 = true
isEven n = isOdd (n - 1)

isOdd :: Int -> Boolean
isOdd 0 = false
isOdd n = isEven (n - 1)

fib :: Int -> Int
fib n = if n < 2 then n else fib (n - 1) + fib (n - 2)

sumList :: List Int -> Int
sumList xs = foldl (+) 0 xs

tweak :: Int -> Int
tweak x = x + {k}
"""


def py_is_even(n: int) -> bool:
    while True:
        if n == 0:
            return True
        n -= 1
        if n == 0:
            return False
        n -= 1


def py_fib(n: int) -> int:
    return n if n < 2 else py_fib(n - 1) + py_fib(n - 2)


def timed(work: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def main() -> None:
    root = load_root()
    source = PROGRAM.format(k=1)
    limits = Limits(max_steps=10**9, timeout=None, max_depth=10_000)
    cases = [
        ("isEven 300000", lambda: py_is_even(300_000)),
        ("fib 20", lambda: py_fib(20)),
        ("sumList (L.range 1 100000)", lambda: sum(range(1, 100_001))),
    ]
    evaluate_expression(root, "0", module_source=source, limits=limits)  # warm: stdlib prepared once
    print(f"{'program':32} {'nova s':>8} {'python s':>9} {'ratio':>8} {'steps/s':>10}")
    for expression, python in cases:
        nova_time, result = timed(
            lambda e=expression: evaluate_expression(root, e, module_source=source, limits=limits)
        )
        python_time, _ = timed(python)
        steps = getattr(result, "steps", 0)
        ratio = nova_time / max(python_time, 1e-9)
        print(f"{expression:32} {nova_time:8.3f} {python_time:9.4f} {ratio:8.0f} {steps / nova_time:10.0f}")

    cache = ElementCache()
    cold, _ = timed(lambda: evaluate_expression(root, "tweak (fib 15)", module_source=source, cache=cache))
    edited = PROGRAM.format(k=2)
    warm, _ = timed(lambda: evaluate_expression(root, "tweak (fib 15)", module_source=edited, cache=cache))
    print(f"cold evaluation {cold:.3f} s; after editing one function {warm:.3f} s (ratio {warm / cold:.2f})")


if __name__ == "__main__":
    main()
