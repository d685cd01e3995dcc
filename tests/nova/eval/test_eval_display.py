"""Newtypes are erased at run time; a result is printed with their constructors put back by its type."""

from __future__ import annotations

from nova_programs import root

from nova.eval.api import evaluate_expression

PROGRAM = """module Display where

import Prelude
import Data.Maybe (Maybe(..))
import Data.Map as M
import Data.Array (range)

newtype Name = Name String

derive instance Eq Name
derive instance Ord Name
newtype Wrap a = Wrap a
data Person = Person Name (Maybe Name)

people :: Array Person
people = [Person (Name "ada") Nothing, Person (Name "grace") (Just (Name "g"))]
"""


def ev(expression: str) -> str:
    return evaluate_expression(root(), expression, module_source=PROGRAM).value


def test_newtypes_print_with_their_constructors() -> None:
    assert ev('Name "x"') == 'Name "x"'
    assert ev("Wrap (Wrap 1)") == "Wrap (Wrap 1)"
    assert ev("people") == '[Person (Name "ada") Nothing,Person (Name "grace") (Just (Name "g"))]'
    assert ev('{ who: Name "a", n: 1 }') == '{ n: 1, who: Name "a" }'
    assert ev('M.singleton (Name "k") [Wrap true]') == '(fromFoldable [Tuple (Name "k") [Wrap true]])'


def test_pattern_on_a_newtype_takes_the_value_apart() -> None:
    assert ev('case Name "a" of Name s -> s <> "!"') == '"a!"'
    assert ev("map (\\(Wrap n) -> n + 1) [Wrap 1, Wrap 2]") == "[2,3]"


def test_a_long_result_is_printed_past_the_rewrapping_budget() -> None:
    text = ev("map Wrap (range 1 30000)")
    # the first elements get their constructor back; past the budget the rest prints as it is
    assert text.startswith("[Wrap 1,Wrap 2,") and ",Wrap 9000," in text
    assert ",10100,10101," in text
