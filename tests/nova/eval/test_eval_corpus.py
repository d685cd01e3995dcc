"""The evaluator over the type corpus (`tests/corpus/types/`): every top-level value of the corpus that can be
evaluated on its own evaluates without error, and the programs' `main`s print what the programs compute. Over the
passing corpus (`tests/corpus/passing/`, programs after PureScript's passing tests) likewise, and each of its
Boolean values is `true` (what PureScript's tests assert)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from nova_programs import root

from nova.eval.api import evaluate_value
from nova.eval.errors import EvalError
from nova.types.types import TFun
from nova.workspace import check_workspace

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "types"
PASSING = Path(__file__).resolve().parents[2] / "corpus" / "passing"


@pytest.fixture(scope="module")
def corpus() -> Any:
    texts = {str(p): p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.nova"))}
    return check_workspace(texts, root())


def evaluable(checked: Any) -> list[str]:
    """Top-level values without parameters, class constraints or a function type."""
    keys = []
    for key, element in checked.typed_ast.elements.items():
        scheme = element.scheme
        if element.kind != "value" or scheme is None or scheme.constraints or isinstance(scheme.type, TFun):
            continue
        if element.clauses and not any(clause.params for clause in element.clauses):
            keys.append(key)
    return sorted(keys)


def test_every_evaluable_corpus_value_evaluates(corpus: Any) -> None:
    evaluated = 0
    for module, checked in sorted(corpus.modules.items()):
        for key in evaluable(checked):
            result = evaluate_value(corpus.layer, module, key)
            assert result.value, f"{module}.{key}"
            assert result.type == _printed_scheme(checked, key)
            evaluated += 1
    assert evaluated >= 20


def test_every_evaluable_passing_corpus_value_evaluates_and_its_booleans_hold() -> None:
    texts = {str(p): p.read_text(encoding="utf-8") for p in sorted(PASSING.glob("*.nova"))}
    checked_all = check_workspace(texts, root())
    evaluated = booleans = 0
    for module, checked in sorted(checked_all.modules.items()):
        for key in evaluable(checked):
            try:
                result = evaluate_value(checked_all.layer, module, key)
            except EvalError as err:
                # a program's own `foreign import` has its body in JavaScript, which Nova does not run
                assert str(err).startswith(f"the foreign import {module}."), f"{module}.{key}: {err}"
                continue
            evaluated += 1
            if result.type == "Boolean":
                assert result.value == "true", f"{module}.{key}"
                booleans += 1
    assert evaluated >= 70
    assert booleans >= 3


def _printed_scheme(checked: Any, key: str) -> str:
    from nova.types.pretty import print_scheme

    return print_scheme(checked.typed_ast.elements[key].scheme)


@pytest.mark.parametrize(
    ("module", "output"),
    [
        ("Bank.Report", ("#1 Ada: 80.01", "#2 Grace: 44.49", "total: 124.50")),
        ("Parser.Main", ("(1 + (2 * 3)) = 7", "((1 + 2) * 3) = 9", "((10 / 3) - 1) = 2", 'cannot parse "2 *"')),
        ("Machine.Vending", ("insert 50 more", "enjoy your cola", "change: 50", "back to idle", "messages: 3")),
    ],
)
def test_programs_print_what_they_compute(corpus: Any, module: str, output: tuple[str, ...]) -> None:
    result = evaluate_value(corpus.layer, module, "main")
    assert result.output == output
    assert result.value == "unit"
    assert result.type == "Effect Unit"


def test_class_programs_compute_through_their_dictionaries(corpus: Any) -> None:
    def value(module: str, key: str) -> str:
        return evaluate_value(corpus.layer, module, key).value

    assert value("Classes.RowLists", "names") == '["alpha","mid","zeta"]'
    assert value("Classes.RowLists", "three") == "3"
    assert value("Classes.Chains", "describedArray") == '"a list of 2; the number 1; the number 2"'
    assert value("Classes.Chains", "sameness") == "[true,false,true]"
    assert value("Classes.Builtin", "fullName") == '"Ada Lovelace"'
    assert value("Classes.Builtin", "answer") == "42"
    assert value("Classes.Builtin", "appleFirst") == "LT"
    assert value("Classes.Builtin", "userNames") == '[UserName "ada",UserName "grace"]'
    assert value("Classes.Builtin", "plainRecord") == '{ id: 7, name: "ada" }'
    assert value("Classes.MultiParam", "wrapped") == '"<Wrap [1,2]> / Wrap [1,2]"'


@pytest.mark.parametrize(
    ("module", "key", "value"),
    [
        ("Sugar.Precedence", "rising", '"(a0(b1(c2(d3(e5(f6(g7(h8i))))))))"'),
        ("Sugar.Precedence", "falling", '"((((((((a8b)7c)6d)5e)3f)2g)1h)0i)"'),
        ("Sugar.Precedence", "leftThenRight", '"((a1b)1c)(a2(b2c))"'),
        ("Sugar.Precedence", "bracketed", '"((a0b)8c)"'),
        ("Sugar.Precedence", "bounded", "true"),
        ("Sugar.Precedence", "composed", '"11"'),
        ("Sugar.Precedence", "withApply", '"(a0(b3c))"'),
        ("Classes.Solved", "shownRecord", '"{ age: 36, name: \\"Ada\\", tags: [\\"x\\"] }"'),
        ("Classes.Solved", "sameRecords", "true"),
        ("Classes.Solved", "recordOrder", "LT"),
        ("Classes.Solved", "nestedLess", "true"),
        ("Classes.Solved", "orders", "[LT,EQ]"),
        ("Classes.Solved", "minusTwelve", '"-12"'),
        ("Classes.Solved", "reflectedNegative", "-5"),
    ],
)
def test_operators_and_solved_classes_compute_as_purescript_does(
    corpus: Any, module: str, key: str, value: str
) -> None:
    assert evaluate_value(corpus.layer, module, key).value == value


def test_tree_program(corpus: Any) -> None:
    result = evaluate_value(corpus.layer, "Tree.Main", "main")
    text = "\n".join(result.output)
    # "the quick brown fox jumps over the lazy dog": 8 distinct words of 32 letters in all.
    assert "size 8" in text
    assert 'in order ["brown","dog","fox","jumps","lazy","over","quick","the"]' in text
    assert "total letters 32" in text
    assert "has fox: true" in text
