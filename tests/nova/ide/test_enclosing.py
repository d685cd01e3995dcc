"""The type of a selection (nova.ide.enclosing): enclosing typed expressions from smallest to largest."""

from __future__ import annotations

from functools import cache
from typing import Any

from nova.diagnostics import Span
from nova.ide.enclosing import enclosing_types
from nova.stdlib import load_root
from nova.workspace import check_workspace

MAIN = """module Main where

import Prelude

scale :: Int -> Array Int -> Array String
scale k xs = map (\\x -> show (x * k)) xs
"""


@cache
def elements() -> Any:
    return check_workspace({"Main.nova": MAIN}, load_root()).modules["Main"].typed_ast.elements


def shown(selection: Span) -> list[tuple[str, str]]:
    rows = MAIN.split("\n")

    def text(span: Span) -> str:
        if span.start_line != span.end_line:
            return f"{span.start_line}-{span.end_line}"
        return rows[span.start_line][span.start_col:span.end_col]

    return [(text(e.span), e.type) for e in enclosing_types(elements(), selection)]


def test_from_a_position_out_to_the_declaration() -> None:
    line = 5
    col = MAIN.split("\n")[line].index("x * k")
    found = shown(Span(line, col, line, col))
    assert found[0] == ("x", "Int")
    assert ("x * k", "Int") in found and ("show (x * k)", "String") in found
    assert ("\\x -> show (x * k)", "Int -> String") in found
    assert found[-1] == ("4-5", "Int -> Array Int -> Array String")  # the whole declaration, signature included
    texts = [t for t, _ in found]
    assert texts.index("x * k") < texts.index("show (x * k)") < texts.index("\\x -> show (x * k)")


def test_a_selection_starts_at_the_smallest_expression_covering_it() -> None:
    line = 5
    row = MAIN.split("\n")[line]
    start = row.index("show (x")
    found = shown(Span(line, start, line, start + len("show (x")))
    assert found[0] == ("show (x * k)", "String")


def test_outside_any_declaration() -> None:
    assert shown(Span(1, 0, 1, 0)) == []


def test_types_are_named_as_the_module_imports_them() -> None:
    from nova.ide.hover import type_names
    from tests.nova.ide.fixtures import fixture

    fx = fixture("module Main where\n\nimport Data.Map as M\n\nsingle = M.singleton ‸one 2\n\none :: Int\none = 1\n")
    src, line, col = fx.at()
    found = enclosing_types(src.elements, Span(line, col, line, col), type_names(fx.workspace.view, src))
    types = [item.type for item in found]
    assert types[-1] == "M.Map Int Int" and len(types) >= 2
    assert all("M.Map" in t for t in types if "Map" in t)


def test_types_inside_a_signed_declaration_use_its_variable_names() -> None:
    text = "module Main where\n\nimport Prelude\n\nwrap :: forall elem. elem -> Array elem\nwrap e = [e]\n"
    found = enclosing_types(check_workspace({"Main.nova": text}, load_root()).modules["Main"].typed_ast.elements,
                            Span(5, 10, 5, 10))
    assert [e.type for e in found] == ["elem", "Array elem", "forall elem. elem -> Array elem"]
