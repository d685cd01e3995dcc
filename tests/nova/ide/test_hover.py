"""Hover (nova.ide.hover) on fixtures: cursor markers in source, the expected text."""

from __future__ import annotations

from nova.ide.hover import hover
from tests.nova.ide.fixtures import fixture

LIB = """module Lib (Shape(..), area, module Data.Maybe) where

import Prelude
import Data.Maybe

-- | Shapes we can draw.
data Shape = Circle Int | Square Int

-- | The area, roughly.
area :: Shape -> Int
area s = case s of
  Circle r -> r * r * 3
  Square x -> x * x
"""


def hover_at(*texts: str, marker: str = "") -> tuple[str, str | None, str | None]:
    fx = fixture(*texts)
    src, line, col = fx.at(marker)
    info = hover(fx.workspace, src, line, col)
    assert info is not None
    shown = src.text_of(info.span) if info.span is not None else ""
    return info.code, info.doc, shown


def test_imported_function_shows_scheme_doc_and_origin() -> None:
    fx = fixture(LIB, "module Main where\n\nimport Lib\n\nx :: Int\nx = ar‸ea (Circle 1)\n")
    src, line, col = fx.at()
    info = hover(fx.workspace, src, line, col)
    assert info is not None
    assert info.code == "area :: Shape -> Int"
    assert info.doc == "The area, roughly."
    assert info.module == "Lib" and info.target == ("Lib", "area")
    assert info.span is not None and src.text_of(info.span) == "area"


def test_local_variable_shows_its_type() -> None:
    code, _, shown = hover_at("module Main where\n\nimport Prelude\n\nf :: Int -> String\nf n = show (n‸ + 1)\n")
    assert code == "n :: Int" and shown == "n"


def test_type_in_signature_shows_its_declaration() -> None:
    code, doc, shown = hover_at(LIB, "module Main where\n\nimport Lib\n\nf :: Sh‸ape -> Int\nf = area\n")
    assert code == "data Shape = Circle Int | Square Int"
    assert doc == "Shapes we can draw." and shown == "Shape"


def test_type_with_parameters_names_them() -> None:
    code, _, _ = hover_at("module Main where\n\nimport Data.Maybe\n\nf :: May‸be Int\nf = Nothing\n")
    assert code == "data Maybe :: Type -> Type\ndata Maybe a = Nothing | Just a"


def test_type_synonym_shows_its_expansion() -> None:
    code, _, _ = hover_at("module Main where\n\ntype Person = { name :: String }\n\np :: Pers‸on\n"
                          "p = { name: \"x\" }\n")
    assert code == "type Person = { name :: String }"


def test_constructor_in_an_import_list() -> None:
    code, _, shown = hover_at(LIB, "module Main where\n\nimport Lib (Shape(Circ‸le))\n\nc = Circle 1\n")
    assert code == "Circle :: Int -> Shape" and shown == "Circle"


def test_module_name_in_import_shows_doc_and_export_count() -> None:
    fx = fixture(LIB, "module Main where\n\nimport Li‸b\n\nc = Circle 1\n")
    src, line, col = fx.at()
    info = hover(fx.workspace, src, line, col)
    assert info is not None and info.code == "module Lib"
    # Shape's constructors, area, and Data.Maybe's re-exported values; Shape and Maybe
    assert info.notes and info.notes[0].startswith("exports ") and "2 types" in info.notes[0]


def test_class_in_a_constraint() -> None:
    code, _, shown = hover_at("module Main where\n\nimport Prelude\n\nf :: forall a. Sh‸ow a => a -> String\n"
                              "f = show\n")
    assert code == "class Show a where\n  show :: a -> String" and shown == "Show"


def test_record_label_of_an_access() -> None:
    code, _, shown = hover_at("module Main where\n\ntype P = { name :: String, age :: Int }\n\n"
                              "f :: P -> Int\nf p = p.a‸ge\n")
    assert code == "age :: Int" and shown == "age"


def test_nothing_in_a_comment() -> None:
    fx = fixture("module Main where\n\n-- just a comm‸ent\nx = 1\n")
    src, line, col = fx.at()
    assert hover(fx.workspace, src, line, col) is None


def test_parenthesis_answers_for_what_it_encloses() -> None:
    text = ("module Main where\n\nimport Prelude\n\nperimeter :: Int -> Number\nperimeter _ = 1.0\n\n"
            "label :: Int -> String\nlabel s = show ‸(perimeter s)\n")
    code, _, shown = hover_at(text)
    assert code == "Number" and shown == "perimeter s"
    code, _, shown = hover_at(text.replace("‸(perimeter s)", "(perimeter s‸)"))
    assert code == "Number" and shown == "perimeter s"


def test_signature_keeps_the_written_names_and_synonyms() -> None:
    code, _, _ = hover_at("module Main where\n\nimport Prelude\nimport Data.Map as M\n\n"
                          "type Item = { name :: String }\n\n"
                          "alter :: forall k v. Ord k => k -> M.Map k Item -> M.Map k v\nalter _ _ = M.empty\n\n"
                          "x = al‸ter\n")
    assert code == "alter :: forall k v. Ord k => k -> M.Map k Item -> M.Map k v"


def test_long_signature_breaks_over_lines() -> None:
    code, _, _ = hover_at("module Main where\n\nimport Prelude\n\n"
                          "combine :: forall first second third. (first -> second -> third) -> Array first"
                          " -> Array second -> Array third\ncombine _ _ _ = []\n\nx = comb‸ine\n")
    assert code == (
        "combine :: forall first second third.\n"
        "  (first -> second -> third) -> Array first -> Array second -> Array third"
    )
