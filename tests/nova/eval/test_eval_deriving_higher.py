"""Derived instances over type constructors run (the corpus module `Deriving.Higher`): `Ord1`/`Eq1` methods, `Eq`
through an `Eq1` context, a monad derived for a newtype over `Effect`, newtype deriving of a two-parameter class."""

from __future__ import annotations

from pathlib import Path

import pytest
from nova_programs import root

from nova.eval.api import evaluate_expression

SOURCE = (Path(__file__).resolve().parents[2] / "corpus" / "types" / "Deriving.Higher.nova").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("orders", "[LT,GT,EQ]"),
        ("compare1 (Pair 1 2) (Pair 1 2)", "EQ"),
        ("equalities", "[true,false,true,false,true]"),
        ("label", 'Label "42"'),
        ("show label", r'"\"42\""'),  # the derived Show is String's: quotes included
        ("Wrapped [1] == Wrapped [1, 2]", "false"),
    ],
)
def test_derived_instances_over_type_constructors(expression: str, value: str) -> None:
    assert evaluate_expression(root(), expression, module_source=SOURCE).value == value


def test_the_newtype_derived_monad_runs_its_effects_in_order() -> None:
    result = evaluate_expression(root(), "main", module_source=SOURCE)
    assert result.output == ("one", "two", "21")
