"""Bad input never crashes the evaluator: any text is either evaluated or answered with an `EvalError`."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nova_programs import root

from nova.eval.api import evaluate_expression
from nova.eval.errors import EvalError
from nova.eval.machine import Limits

PIECES = [
    "1",
    "2.5",
    "'c'",
    '"s"',
    "true",
    "x",
    "\\x -> x",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    "+",
    "-",
    "*",
    "/",
    "==",
    "<>",
    "$",
    "#",
    "map",
    "show",
    "Just",
    "Nothing",
    "unit",
    "let",
    "in",
    "case",
    "of",
    "if",
    "then",
    "else",
    "do",
    "<-",
    "->",
    "=",
    "_",
    ".",
    "::",
    "Int",
    "\n",
    "  ",
    "where",
    "module",
    "import",
    "negate",
    "pure",
    "a.b",
    "|",
]

# The parser and checker raise the interpreter's recursion limit for a deep input and put it back after.
pytestmark = pytest.mark.filterwarnings("ignore:The recursion limit will not be reset")

LIMITS = Limits(max_steps=20_000, timeout=2.0, max_depth=500)


def attempt(expression: str) -> None:
    try:
        result = evaluate_expression(root(), expression, limits=LIMITS)
    except EvalError as err:
        assert str(err)
    else:
        assert isinstance(result.value, str) and isinstance(result.type, str)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map(" ".join))
def test_token_soup_is_evaluated_or_rejected(expression: str) -> None:
    attempt(expression)


@settings(max_examples=30, deadline=None)
@given(st.text(max_size=40))
def test_arbitrary_text_is_evaluated_or_rejected(expression: str) -> None:
    attempt(expression)


def test_specific_awkward_inputs() -> None:
    for expression in (
        "",
        "   ",
        "\n\n",
        "module X where",
        "import Data.List",
        "x = 1",
        "1 +",
        "((((((1",
        "\t1",
        "let x = x + 1 in x",
        "\\x -> x x",
        '"unterminated',
        "-- just a comment",
        "{- open",
    ):
        attempt(expression)


def test_deeply_nested_expression_is_an_error_or_a_value_not_a_crash() -> None:
    attempt("(" * 3000 + "1" + ")" * 3000)
    attempt("[" * 2000 + "]" * 2000)
    attempt(" + ".join(["1"] * 3000))
