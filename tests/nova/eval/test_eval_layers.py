"""Evaluation reads definitions through registry layers: an unsaved edit in one session is seen by that
session's evaluations at once, by no other session's; and only the edited element is prepared again."""

from __future__ import annotations

from nova_programs import put_into, put_program, root

from nova.eval.api import evaluate_expression
from nova.eval.link import ElementCache

LIB = """module Lib where

import Prelude

double :: Int -> Int
double x = x * {factor}

triple :: Int -> Int
triple x = x * {triple}

answer :: Int
answer = double 21
"""


def lib(factor: int = 2, triple: int = 3) -> str:
    return LIB.format(factor=factor, triple=triple)


def test_an_unsaved_edit_in_session_a_changes_only_a_s_result() -> None:
    baseline, _ = put_program(lib(), root())
    session_a = baseline.begin_batch()
    session_b = baseline.begin_batch()
    put_into(session_a, lib(factor=20))  # the unsaved buffer of session A, put into A's batch

    # In the module's own scope (the editor's buffer text) …
    assert evaluate_expression(session_a, "answer", module_source=lib(factor=20)).value == "420"
    assert evaluate_expression(session_b, "answer", module_source=lib()).value == "42"
    # … and from another module that imports it: the batch shadows the baseline for A only.
    assert evaluate_expression(session_a, "answer + 1", imports=("Prelude", "Lib")).value == "421"
    assert evaluate_expression(session_b, "answer + 1", imports=("Prelude", "Lib")).value == "43"
    assert evaluate_expression(baseline, "double 1", imports=("Prelude", "Lib")).value == "2"

    # Discarding A's edit brings A back to the saved code.
    session_a.discard(["Lib"])
    assert evaluate_expression(session_a, "answer", imports=("Prelude", "Lib")).value == "42"


def test_an_edit_to_one_function_prepares_only_that_function_again() -> None:
    layer = root().begin_batch()
    cache = ElementCache()
    first = evaluate_expression(layer, "answer + triple 1", module_source=lib(), cache=cache)
    assert first.value == "45"
    prepared = cache.compiled
    again = evaluate_expression(layer, "answer + triple 1", module_source=lib(), cache=cache)
    assert again.value == "45"
    assert cache.compiled == prepared  # nothing changed: nothing prepared

    edited = evaluate_expression(layer, "answer + triple 1", module_source=lib(triple=30), cache=cache)
    assert edited.value == "72"  # the new `triple` is used at once
    assert cache.compiled == prepared + 1  # only `triple` was lowered and compiled again


def test_a_session_evaluation_leaves_no_trace_in_the_view() -> None:
    layer = root().begin_batch()
    modules = set(layer.modules())
    evaluate_expression(layer, "1 + 1")
    evaluate_expression(layer, "answer", module_source=lib())
    assert set(layer.modules()) == modules


def test_a_discarded_view_gives_an_error_not_a_crash() -> None:
    import pytest

    from nova.eval.errors import EvalError

    session = root().begin_batch()
    session.discard()
    with pytest.raises(EvalError, match="cannot evaluate in this view"):
        evaluate_expression(session, "1 + 1")
