"""Memory of evaluations: an allocation budget per run (like the step budget), and nothing kept once a run ends,
however often a document's module is evaluated with its previous check reused."""

from __future__ import annotations

import gc
import tracemalloc

import pytest
from nova_programs import root

from nova.check import check_module
from nova.eval.api import DEFAULT_CACHE, evaluate_expression
from nova.eval.errors import EvalLimitError
from nova.eval.machine import Limits
from nova.syntax import parse_module

MODULE = """module Scratch where

import Prelude
import Data.Array as Array
import Data.List as L

base :: Int
base = 1
"""


def checked_module(layer: object) -> object:
    return check_module(parse_module(MODULE), layer)


@pytest.mark.parametrize("expression", [
    "Array.length (Array.range 1 200000)",  # one primitive builds it at once: refused before building
    "L.length (L.range 1 200000)",  # a cons cell per step
    "Array.length (map (_ + 1) (Array.range 1 60000))",
    'let go n s = if n == 0 then s else go (n - 1) (s <> "0123456789abcdef") in go 20000 ""',
    "let go n acc = if n == 0 then acc else go (n - 1) (L.Cons { a: n, b: n } acc) in L.length (go 90000 L.Nil)",
])
def test_an_evaluation_stops_at_its_allocation_budget(expression: str) -> None:
    limits = Limits(max_cells=100_000, timeout=None)
    with pytest.raises(EvalLimitError, match=r"allocation budget of 100000 cells"):
        evaluate_expression(root(), expression, module_source=MODULE, limits=limits)


def test_the_budget_counts_what_a_run_builds_not_what_it_reads() -> None:
    # The same array read 200,000 times costs no cells; building it once costs its length.
    limits = Limits(max_cells=100_000, timeout=None)
    reading = "let xs = Array.range 1 50000 in let go n acc = if n == 0 then acc else go (n - 1) (acc + Array.length xs) in go 200000 0"  # noqa: E501
    assert evaluate_expression(root(), reading, module_source=MODULE, limits=limits).value == str(200000 * 50000)


def test_the_default_budget_allows_ordinary_evaluations() -> None:
    assert evaluate_expression(root(), "Array.length (Array.range 1 1000000)", module_source=MODULE).value == "1000000"


def test_repeated_evaluations_with_the_previous_check_keep_nothing() -> None:
    """The leak: compiled code memoised each run's values, and each evaluated expression's compiled code stayed in
    the element cache. Twelve runs building 300,000 Ints each would keep over 100 MB."""
    layer = root().begin_batch()
    previous = checked_module(layer)
    expression = "Array.length (Array.range 1 300000)"
    evaluate_expression(layer, expression, module_source=MODULE, previous=previous)  # warm: caches filled once
    gc.collect()
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        for run in range(12):
            result = evaluate_expression(layer, f"{expression} + {run}", module_source=MODULE, previous=previous)
            assert result.value == str(300000 + run)
        gc.collect()
        after, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak - before > 5_000_000  # each run did build its array…
    assert after - before < 4_000_000  # …and none of them is still held


def test_evaluated_expressions_do_not_fill_the_element_cache() -> None:
    layer = root().begin_batch()
    previous = checked_module(layer)
    evaluate_expression(layer, "base", module_source=MODULE, previous=previous)
    size = DEFAULT_CACHE.size()
    for n in range(80):
        evaluate_expression(layer, f"base + {n}", module_source=MODULE, previous=previous)
    assert DEFAULT_CACHE.size() <= size + DEFAULT_CACHE.transient_capacity
