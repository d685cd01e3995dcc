"""Definition, type definition, references and highlights (nova.ide.navigation) on fixtures."""

from __future__ import annotations

from nova.ide import navigation
from tests.nova.ide.fixtures import Fixture, fixture

LIB = """module Lib (Shape(..), area, double) where

import Prelude

data Shape = Circle Int | Square Int

area :: Shape -> Int
area s = case s of
  Circle r -> r * r * 3
  Square x -> x * x

double :: Int -> Int
double x = x * 2
"""

MAIN = """module Main where

import Prelude
import Lib (Shape(Circle), area, do‸2uble)
import Li‸4b as L

total :: Array Sh‸3ape -> Int
total shapes = sum‸5 (map L.ar‸1ea shapes) + double 2
  where sum xs = 0

first :: Shape
first = Circle 1
"""


def places(fx: Fixture, found: list[navigation.Location]) -> list[tuple[str, int, str]]:
    return [(loc.module, loc.span.start_line, fx.text_at(loc.module, loc.span)) for loc in found]


def test_definition_of_a_qualified_reference_is_the_declaration() -> None:
    fx = fixture(LIB, MAIN)
    src, line, col = fx.at("1")
    assert places(fx, navigation.definition(fx.workspace, src, line, col)) == [("Lib", 7, "area")]


def test_definition_from_an_import_list_and_of_a_type_and_a_module() -> None:
    fx = fixture(LIB, MAIN)
    for marker, expected in (("2", ("Lib", 12, "double")), ("3", ("Lib", 4, "Shape")), ("4", ("Lib", 0, "Lib"))):
        src, line, col = fx.at(marker)
        assert places(fx, navigation.definition(fx.workspace, src, line, col)) == [expected], marker


def test_definition_of_a_local_is_its_binding() -> None:
    fx = fixture(LIB, MAIN)
    src, line, col = fx.at("5")
    assert places(fx, navigation.definition(fx.workspace, src, line, col)) == [("Main", 8, "sum")]


def test_references_cover_declaration_import_and_export_lists_and_qualified_uses() -> None:
    fx = fixture(LIB, MAIN)
    src, line, col = fx.at("1")
    found = navigation.references(fx.workspace, src, line, col, include_declaration=True)
    assert sorted(places(fx, found)) == [
        ("Lib", 0, "area"),  # export list
        ("Lib", 6, "area"),  # signature
        ("Lib", 7, "area"),  # declaration
        ("Main", 3, "area"),  # import list
        ("Main", 7, "area"),  # L.area: the name part only
    ]
    without = navigation.references(fx.workspace, src, line, col, include_declaration=False)
    assert ("Lib", 7, "area") not in places(fx, without) and ("Main", 7, "area") in places(fx, without)


def test_references_of_a_type_and_of_a_constructor() -> None:
    fx = fixture(LIB, MAIN)
    src, line, col = fx.at("3")
    shapes = places(fx, navigation.references(fx.workspace, src, line, col))
    assert sorted(shapes) == [("Lib", 0, "Shape"), ("Lib", 4, "Shape"), ("Lib", 6, "Shape"),
                              ("Main", 3, "Shape"), ("Main", 6, "Shape"), ("Main", 10, "Shape")]
    main = fx.source("Main")
    line = 11
    col = main.line(line).index("Circle")
    circles = places(fx, navigation.references(fx.workspace, main, line, col))
    assert sorted(circles) == [("Lib", 4, "Circle"), ("Lib", 8, "Circle"), ("Main", 3, "Circle"),
                               ("Main", 11, "Circle")]


def test_references_of_a_module_are_its_imports() -> None:
    fx = fixture(LIB, MAIN)
    src, line, col = fx.at("4")
    found = places(fx, navigation.references(fx.workspace, src, line, col, include_declaration=False))
    assert sorted(found) == [("Main", 3, "Lib"), ("Main", 4, "Lib")]


def test_type_definition_of_a_value_goes_to_its_type() -> None:
    fx = fixture(LIB, MAIN)
    main = fx.source("Main")
    line = 11
    col = main.line(line).index("first") + 1
    assert places(fx, navigation.type_definition(fx.workspace, main, line, col)) == [("Lib", 4, "Shape")]


def test_type_definition_of_a_record_goes_to_its_synonym() -> None:
    fx = fixture("module Lib where\n\ntype Item = { name :: String, count :: Int }\n",
                 "module Main where\n\nimport Prelude\nimport Lib (Item)\n\ntype Local = { x :: Int }\n\n"
                 "f :: Item -> Local -> Int\nf it‸1em p‸2 = item.count + p.x\n")
    src, line, col = fx.at("1")
    assert places(fx, navigation.type_definition(fx.workspace, src, line, col)) == [("Lib", 2, "Item")]
    src, line, col = fx.at("2")
    assert places(fx, navigation.type_definition(fx.workspace, src, line, col)) == [("Main", 5, "Local")]


def test_highlights_of_a_local_mark_the_binding_as_written() -> None:
    fx = fixture("module Main where\n\nimport Prelude\n\nf :: Int -> Int\nf n‸ = n + n * 2\n")
    src, line, col = fx.at()
    found = navigation.highlights(fx.workspace, src, line, col)
    assert [(h.write, src.text_of(h.span)) for h in found] == [(True, "n"), (False, "n"), (False, "n")]


def test_definition_of_a_standard_library_value_defined_over_a_foreign_one() -> None:
    fx = fixture('module Main where\n\nimport Partial (crashWith)\n\nf :: Partial => Int\nf = crash‸With "no"\n')
    src, line, col = fx.at()
    found = navigation.definition(fx.workspace, src, line, col)
    assert [(loc.module, fx.text_at(loc.module, loc.span)) for loc in found] == [("Partial", "crashWith")]
