"""Incremental re-checking: one edited body is re-inferred alone; dependents only when exports changed."""

from __future__ import annotations

from nova.check import check_module
from nova.syntax import parse_module
from nova.types.pretty import print_scheme
from nova.workspace import put_checked
from registry import InterfaceUpdated
from tests.nova.types.helpers import root

LIB = """module Lib where

import Prelude

data Shape = Circle Number | Square Number

area :: Shape -> Number
area (Circle r) = 3.0 * r * r
area (Square s) = s * s

describe s = "shape of area " <> show (area s)

double x = x + x

twice f x = f (f x)

instance showShape :: Show Shape where
  show (Circle _) = "circle"
  show (Square _) = "square"
"""

MAIN = """module Main where

import Prelude
import Lib

total = area (Circle 1.0) + area (Square 2.0)
"""


def test_editing_one_body_reinfers_only_that_declaration() -> None:
    view = root().begin_batch()
    first = check_module(parse_module(LIB), view)
    assert first.reused == 0
    assert first.reinferred == 5  # area, describe, double, twice, the instance
    edited = LIB.replace('"shape of area "', '"area: "')
    second = check_module(parse_module(edited), view, first)
    assert second.reinferred == 1
    assert second.reused == 4
    assert print_scheme(second.exports["describe"]) == "Shape -> String"
    assert second.diagnostics == ()


def test_reused_declarations_follow_moved_lines() -> None:
    view = root().begin_batch()
    first = check_module(parse_module(LIB), view)
    moved = LIB.replace("import Prelude\n", "import Prelude\n\n\n")
    second = check_module(parse_module(moved), view, first)
    assert second.reinferred == 0
    old_span = first.typed_ast.elements["double"].span
    new_span = second.typed_ast.elements["double"].span
    assert new_span.start_line == old_span.start_line + 2
    clause = second.typed_ast.elements["double"].clauses[0]
    assert clause.span.start_line == old_span.start_line + 2


def test_reused_diagnostics_keep_their_data_when_lines_move() -> None:
    """A reused declaration's diagnostics move with it, the facts their quick fixes read (`data`) included."""
    view = root().begin_batch()
    text = LIB + "\nbroken = doubel 1\n"
    first = check_module(parse_module(text), view)
    [unknown] = [d for d in first.diagnostics if d.code == "UnknownName"]
    assert unknown.data == {"name": "doubel", "suggestions": ["double"]}
    second = check_module(parse_module(text.replace("import Prelude\n", "import Prelude\n\n")), view, first)
    assert second.reinferred == 0
    [moved] = [d for d in second.diagnostics if d.code == "UnknownName"]
    assert moved.span.start_line == unknown.span.start_line + 1
    assert moved.data == unknown.data


def test_changing_a_scheme_reinfers_its_users() -> None:
    view = root().begin_batch()
    first = check_module(parse_module(LIB), view)
    # `double` becomes String-only: its scheme changes, but nothing else in Lib reads it
    edited = LIB.replace("double x = x + x", 'double x = x <> "!"')
    second = check_module(parse_module(edited), view, first)
    assert second.reinferred == 1
    assert print_scheme(second.exports["double"]) == "String -> String"
    # `area` gets a new body with the same signature: `describe` (which reads it) is still reused
    edited2 = edited.replace("area (Square s) = s * s", "area (Square s) = s * s * 1.0")
    third = check_module(parse_module(edited2), view, second)
    assert third.reinferred == 1


def test_dependents_are_rechecked_only_when_exports_change() -> None:
    layer = root().begin_batch()
    events: list[InterfaceUpdated] = []
    layer.subscribe(events.append)
    lib = check_module(parse_module(LIB), layer)
    put_checked(layer, lib)
    main = check_module(parse_module(MAIN), layer)
    put_checked(layer, main)
    assert print_scheme(main.exports["total"]) == "Number"
    events.clear()

    # a body edit that keeps every exported scheme: the put reports no export change
    body_only = LIB.replace('"shape of area "', '"area: "')
    lib2 = check_module(parse_module(body_only), layer, lib)
    put_checked(layer, lib2)
    assert [e.exports_changed for e in events if e.module == "Lib"] == [False]
    dependents = layer.dependents("Lib")
    assert dependents == {"Main"}

    # an edit that changes an exported scheme: exports_changed is True, so Main is re-checked
    events.clear()
    changed = body_only.replace("double x = x + x", 'double x = x <> "!"')
    lib3 = check_module(parse_module(changed), layer, lib2)
    put_checked(layer, lib3)
    assert [e.exports_changed for e in events if e.module == "Lib"] == [True]
    main2 = check_module(parse_module(MAIN), layer, main)
    assert main2.reinferred == 0  # `total` reads only `area`/constructors, which did not change
    assert main2.reused == 1


def test_a_new_constructor_rechecks_matches_on_its_type() -> None:
    view = root().begin_batch()
    source = LIB.replace("data Shape = Circle Number | Square Number", "data Shape = Circle Number | Square Number")
    first = check_module(parse_module(source), view)
    assert first.diagnostics == ()
    grown = source.replace(
        "data Shape = Circle Number | Square Number", "data Shape = Circle Number | Square Number | Dot"
    )
    second = check_module(parse_module(grown), view, first)
    warnings = [d for d in second.diagnostics if d.code == "NoInstanceFound"]
    assert len(warnings) == 2  # `area` and the `show` method both miss `Dot`
    assert all("`Dot`" in d.message for d in warnings)


def test_an_edit_that_adds_a_dependency_reorders_the_groups() -> None:
    view = root().begin_batch()
    source = "module Ord where\n\nimport Prelude\n\nfirst = 1\n\nsecond x = x\n"
    one = check_module(parse_module(source), view)
    assert print_scheme(one.exports["first"]) == "Int"
    # `first` now uses `second`, declared after it: `second` must be inferred first
    two = check_module(parse_module(source.replace("first = 1", "first = second 1")), view, one)
    assert two.diagnostics == ()
    assert print_scheme(two.exports["first"]) == "Int"
    assert two.reinferred == 1 and two.reused == 1
    # and `second` becomes a String function: `first` (which reads it) must be re-inferred and now fails
    three = check_module(
        parse_module(source.replace("first = 1", "first = second 1").replace("second x = x", 'second x = x <> "!"')),
        view,
        two,
    )
    assert three.reinferred == 2
    assert [d.code for d in three.diagnostics] == ["TypesDoNotUnify"]


def test_a_whitespace_edit_inside_a_declaration_is_not_reused_with_stale_positions() -> None:
    src = LIB.replace("twice f x = f (f x)", "twice f x =\n  let g = f\n  in g (g x)")
    view = root().begin_batch()
    first = check_module(parse_module(src), view)
    edited = parse_module(src.replace("let g = f", "let g =   f"))
    second = check_module(edited, view, first)
    fresh = check_module(edited, view)
    assert second.typed_ast.elements["twice"] == fresh.typed_ast.elements["twice"]
    assert second.typed_ast.elements["twice"] != first.typed_ast.elements["twice"]
    assert second.reused == 4


def test_a_name_that_failed_to_resolve_is_rechecked_when_it_comes_back() -> None:
    shapes = "module Shapes where\n\nimport Prelude\n\nsize :: Int -> Int\nsize x = x\n"
    main = parse_module("module Main where\n\nimport Prelude\nimport Shapes\n\ny = size 1\n")
    view = root().begin_batch()
    lib = check_module(parse_module(shapes), view)
    put_checked(view, lib)
    first = check_module(main, view)
    assert first.diagnostics == ()
    renamed = check_module(parse_module(shapes.replace("size", "measure")), view, lib)
    put_checked(view, renamed)
    broken = check_module(main, view, first)
    assert [d.message for d in broken.diagnostics] == ["Unknown value `size`."]
    put_checked(view, check_module(parse_module(shapes), view, renamed))
    again = check_module(main, view, broken)
    assert again.diagnostics == ()
