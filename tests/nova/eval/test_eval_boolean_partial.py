"""`&&`/`||` on `Boolean` evaluate their right operand only when the left one does not decide (PureScript compiles
them to JavaScript's operators); other `HeytingAlgebra` instances are ordinary calls. Partial functions run under
`unsafePartial` and fail at run time on the input they do not cover."""

from __future__ import annotations

import pytest
from nova_programs import root

from nova.eval.api import evaluate_expression
from nova.eval.errors import EvalError

PROGRAM = """module Logic where

import Prelude
import Data.Maybe (Maybe(..))
import Partial.Unsafe (unsafeCrashWith, unsafePartial)

boom :: Unit -> Boolean
boom _ = unsafeCrashWith "the right operand was evaluated"

-- recursion through the right operand of `&&` is a loop, not a deepening stack
allPositive :: Int -> Boolean
allPositive n = n <= 0 || (n > 0 && allPositive (n - 1))

-- a polymorphic caller passes the dictionary: for functions both sides are evaluated (pointwise)
both :: forall a. HeytingAlgebra a => a -> a -> a
both x y = x && y

counted :: Int -> Boolean
counted n = n > 2

fromJust :: forall a. Partial => Maybe a -> a
fromJust (Just x) = x

pick m = case m of
  Just x -> x
"""


def run(expression: str) -> str:
    return evaluate_expression(root(), expression, module_source=PROGRAM).value


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("false && boom unit", "false"),
        ("true || boom unit", "true"),
        ("conj false (boom unit)", "false"),
        ("disj true (boom unit)", "true"),
        ("true && false", "false"),
        ("false || true", "true"),
        ("allPositive 30000", "true"),
        ("both true false", "false"),
        ("both counted (const true) 3", "true"),
        ("both counted (const true) 1", "false"),
        ("unsafePartial (fromJust (Just 4))", "4"),
        ('unsafePartial (pick (Just "p"))', '"p"'),
    ],
)
def test_boolean_operators_short_circuit(expression: str, value: str) -> None:
    assert run(expression) == value


def test_the_right_operand_runs_when_the_left_does_not_decide() -> None:
    with pytest.raises(EvalError, match="the right operand was evaluated"):
        run("true && boom unit")


def test_a_partial_function_fails_on_what_it_does_not_cover() -> None:
    with pytest.raises(EvalError, match="no pattern matches Nothing"):
        run("unsafePartial (fromJust (Nothing :: Maybe Int))")


def test_a_partial_expression_evaluates_without_unsafe_partial() -> None:
    result = evaluate_expression(root(), "pick (Just 2)", module_source=PROGRAM)
    assert (result.value, result.type) == ("2", "Partial => Int")
    with pytest.raises(EvalError, match="no pattern matches Nothing"):
        run("(\\(Just x) -> x) (Nothing :: Maybe Int)")
