"""Folding ranges and selection ranges (nova.ide.folding, nova.ide.selection) over parsed fixtures."""

from __future__ import annotations

import itertools

from nova.ide.folding import FoldRange, folding_ranges
from nova.ide.selection import selection_chain
from nova.syntax import parse_module

CURSOR = "‸"


def strip_markers(source: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """The text without its cursor marker `‸`, and the marker's (line, column)."""
    before = source[:source.index(CURSOR)]
    text = source.replace(CURSOR, "", 1)
    return text, {"": (before.count("\n"), len(before) - (before.rfind("\n") + 1))}


MODULE = """module Main where

import Prelude
import Data.Maybe
import Data.Array as Array

-- | A person.
-- | Two lines of doc.
type Person =
  { name :: String
  , age :: Int
  }

{- A block comment
   over three lines
-}
describe :: Person -> String
describe p = case p.age of
  0 ->
    "newborn"
  n ->
    helper n
  where
  helper k =
    show k
  other = 1

values :: Array Int
values =
  [ 1
  , 2
  ]

one :: Int
one = 1
"""


def lines_of(text: str, fold: FoldRange) -> tuple[str, str]:
    lines = text.split("\n")
    return lines[fold.start_line].strip(), lines[fold.end_line].strip()


def test_folds_imports_comments_declarations_and_blocks() -> None:
    folds = folding_ranges(parse_module(MODULE).module, MODULE)
    shown = {lines_of(MODULE, f): f.kind for f in folds}
    assert shown[("import Prelude", "import Data.Array as Array")] == "imports"
    assert shown[("-- | A person.", "-- | Two lines of doc.")] == "comment"
    assert shown[("{- A block comment", "-}")] == "comment"
    assert shown[("type Person =", "}")] == "region"
    assert shown[("describe p = case p.age of", "other = 1")] == "region"
    assert ("0 ->", '"newborn"') in shown and ("n ->", "helper n") in shown
    assert ("where", "other = 1") in shown
    assert ("helper k =", "show k") in shown
    assert ("values =", "]") in shown
    assert not any(start == "one = 1" or start == "one :: Int" for start, _ in shown)


def test_one_range_per_start_line_and_every_range_spans_lines() -> None:
    folds = folding_ranges(parse_module(MODULE).module, MODULE)
    starts = [f.start_line for f in folds]
    assert starts == sorted(set(starts))
    assert all(f.end_line > f.start_line for f in folds)


def test_broken_code_still_folds_comments_and_good_declarations() -> None:
    text = "module Main where\n\n-- a\n-- b\nx =\n  [ 1\n  , 2 ]\n\ny = (\n"
    folds = folding_ranges(parse_module(text).module, text)
    shown = {lines_of(text, f) for f in folds}
    assert ("-- a", "-- b") in shown and ("x =", ", 2 ]") in shown


def test_nested_block_comment_is_one_range() -> None:
    text = "module Main where\n{- outer\n{- inner -}\nstill outer\n-}\nx = 1\n"
    folds = folding_ranges(parse_module(text).module, text)
    assert [(f.start_line, f.end_line, f.kind) for f in folds] == [(1, 4, "comment")]


def selection_texts(source: str) -> list[str]:
    text, marks = strip_markers(source)
    line, col = marks[""]
    lines = text.split("\n")
    out = []
    for span in selection_chain(parse_module(text).module, line, col):
        if span.start_line == span.end_line:
            out.append(lines[span.start_line][span.start_col:span.end_col])
        else:
            out.append(f"{span.start_line}-{span.end_line}")
    return out


def test_selection_grows_from_word_to_module() -> None:
    chain = selection_texts("module Main where\n\nimport Prelude\n\nf :: Int -> Int\nf x = 1 + negate (x‸ * 2)\n")
    assert chain[0] == "x"
    assert "x * 2" in chain and "(x * 2)" in chain and "negate (x * 2)" in chain
    assert "f x = 1 + negate (x * 2)" in chain
    assert chain[-1] == "0-6"
    assert chain.index("x * 2") < chain.index("(x * 2)") < chain.index("f x = 1 + negate (x * 2)")


def test_selection_ranges_nest_strictly() -> None:
    text, marks = strip_markers(MODULE.replace("helper n", "hel‸per n"))
    chain = selection_chain(parse_module(text).module, *marks[""])
    assert len(chain) >= 4
    for inner, outer in itertools.pairwise(chain):
        assert outer.covers(inner) and outer != inner


def test_selection_in_a_type_signature_and_an_import() -> None:
    assert selection_texts("module Main where\n\nf :: Array (Maybe‸ Int) -> Int\nf _ = 1\n")[:3] == [
        "Maybe", "Maybe Int", "(Maybe Int)"]
    chain = selection_texts("module Main where\n\nimport Data.Maybe (fromMaybe‸)\n")
    assert chain[0] == "fromMaybe" and "import Data.Maybe (fromMaybe)" in chain


def test_deep_nesting_gives_a_bounded_chain() -> None:
    text = "module Main where\n\nx = " + "(" * 90 + "1" + ")" * 90 + "\n"
    line = 2
    chain = selection_chain(parse_module(text).module, line, 4 + 90)
    assert 2 < len(chain) <= 64
    assert chain[-1] == parse_module(text).module.span
    for inner, outer in itertools.pairwise(chain):
        assert outer.covers(inner) and outer != inner
