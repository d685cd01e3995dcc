"""An expression evaluated in a module whose parse is at hand (an editor's last check) is parsed alone and joined
to the module's declarations: the same tree, diagnostics and answers as parsing the module with the expression."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from nova_programs import put_program, root

from nova.eval.api import evaluate_expression, expression_source, parse_with_expression, type_of_expression
from nova.syntax import parse_module

STDLIB = Path(__file__).resolve().parents[3] / "nova" / "stdlib"
EXPRESSIONS = ["1 + 2", "map (\\x -> x) [1,\n 2]", "case 1 of\n  1 -> 2\n  _ -> 3", "(", "x where x = 1", '"abc']
MODULE = """module Lib where

import Prelude

double :: Int -> Int
double x = x * 2

answer :: Int
answer = double 21
"""


def without_layout_hashes(parsed: Any) -> Any:
    """The parse, less the layout hash of each declaration (the module's last one is followed by the expression
    in one parse and by the end of the file in the other; that hash only decides whether a typed tree's
    positions can be reused)."""
    decls = tuple(dataclasses.replace(d, layout="") if hasattr(d, "layout") else d for d in parsed.module.decls)
    return dataclasses.replace(parsed.module, decls=decls), parsed.diagnostics, parsed.broken


@pytest.mark.parametrize("module", ["Data.Array", "Data.Maybe", "Control.Monad.ST"])
@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_the_joined_parse_is_the_whole_parse(module: str, expression: str) -> None:
    source = (STDLIB / f"{module}.nova").read_text()
    text, start_line = expression_source(expression, source)
    joined = parse_with_expression(text, start_line, parse_module(source))
    assert without_layout_hashes(joined) == without_layout_hashes(parse_module(text))
    if not joined.diagnostics:
        assert joined.module.decls[-1].span.start_line == start_line - 1


def test_a_module_with_a_syntax_error_is_parsed_whole() -> None:
    broken = MODULE + "\nbad = (\n"
    text, start_line = expression_source("1", broken)
    assert parse_with_expression(text, start_line, parse_module(broken)) == parse_module(text)


def test_answers_and_errors_are_the_same_with_the_module_parse_at_hand() -> None:
    baseline, _ = put_program(MODULE, root())
    parsed = parse_module(MODULE)
    for expression in ["answer + 1", "double", "map double [1, 2]", "nope 1", "1 +"]:
        answers = []
        for module_parsed in (None, parsed):
            try:
                result = evaluate_expression(baseline, expression, module_source=MODULE, module_parsed=module_parsed)
                answers.append((result.value, result.type))
            except Exception as err:  # the checker's message, the same both ways
                answers.append((type(err).__name__, str(err)))
        assert answers[0] == answers[1], expression
    assert type_of_expression(baseline, "double", module_source=MODULE, module_parsed=parsed) == "Int -> Int"
