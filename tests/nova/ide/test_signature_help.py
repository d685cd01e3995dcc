"""Signature help (nova.ide.signature_help) and the token context it reads (nova.ide.context)."""

from __future__ import annotations

from nova.ide.context import application_at, completion_context
from nova.ide.signature_help import signature_help
from tests.nova.ide.fixtures import fixture, strip_markers

LIB = """module Lib where

import Prelude

-- | Items whose stock is below the limit.
lowStock :: Int -> Array String -> Array String
lowStock n xs = xs
"""


def active(*texts: str) -> tuple[str, int, str] | None:
    fx = fixture(*texts)
    src, line, col = fx.at()
    info = signature_help(fx.workspace, src.text, line, col, src, lambda pos: pos)
    if info is None:
        return None
    start, end = info.parameters[info.active]
    return info.label, info.active, info.label[start:end]


def test_the_next_argument_stays_active_while_it_is_typed() -> None:
    main = "module Main where\n\nimport Lib\n\nx = lowStock 5 ‸\n"
    assert active(LIB, main) == ("lowStock :: Int -> Array String -> Array String", 1, "Array String")
    assert active(LIB, main.replace("‸", "[\"a\"‸")) is not None
    typing = active(LIB, "module Main where\n\nimport Lib\n\nx = lowStock 5 st‸\n")
    assert typing is not None and typing[1] == 1
    first = active(LIB, "module Main where\n\nimport Lib\n\nx = lowStock ‸\n")
    assert first is not None and first[1] == 0 and first[2] == "Int"


def test_inner_application_and_an_open_parenthesis() -> None:
    main = "module Main where\n\nimport Prelude\nimport Lib\n\nx = lowStock (add 1 ‸\n"
    found = active(LIB, main)
    assert found is not None and found[0].startswith("add ::") and found[1] == 1
    outer = active(LIB, "module Main where\n\nimport Lib\n\nx = lowStock (‸\n")
    assert outer is not None and outer[0].startswith("lowStock ::") and outer[1] == 0


def test_a_local_function() -> None:
    found = active("module Main where\n\nimport Prelude\n\nf :: Int\nf = go 1 ‸\n  where\n"
                   "    go :: Int -> Int -> Int\n    go a b = a + b\n")
    assert found == ("go :: Int -> Int -> Int", 1, "Int")


def test_none_in_types_imports_and_comments() -> None:
    assert active(LIB, "module Main where\n\nimport Lib\n\nx :: Array ‸\nx = []\n") is None
    assert active(LIB, "module Main where\n\nimport Lib\n\nx = 1 -- lowStock ‸\n") is None


def position(marked: str) -> tuple[str, int, int]:
    text, marks = strip_markers(marked)
    return text, *marks[""]


def test_context_kinds() -> None:
    cases = {
        "f = foo x ba‸": ("expression", "ba"),
        "f = Map.ins‸": ("qualified", "ins"),
        "f = Data.Map.‸": ("qualified", ""),
        "f = r.na‸": ("field", "na"),
        "f = (g x).‸": ("field", ""),
        "import Data.Ma‸": ("import-module", "Data.Ma"),
        "import Data.Map (ins‸": ("import-item", "ins"),
        "f :: Int -> Ma‸": ("type", "Ma"),
        "data T = A In‸": ("type", "In"),
        "f = { name: 1, a‸": ("label", "a"),
        "f = \"abc‸": ("none", ""),
    }
    for source, (kind, word) in cases.items():
        text, line, col = position("module M where\n" + source)
        context = completion_context(text, line, col)
        assert (context.kind, context.word) == (kind, word), source


def test_applications_across_layout() -> None:
    text, line, col = position("module M where\nf = do\n  foo 1\n  ‸")
    assert application_at(text, line, col) is None  # a new statement, not an argument of `foo 1`
    text, line, col = position("module M where\nf = do\n  foo 1\n    ‸")
    found = application_at(text, line, col)
    assert found is not None and (found.head.text, found.argument) == ("foo", 1)


def test_long_lines_are_read_once() -> None:
    """A 200k-character line of names: the context and the application come from one lexing pass (this would
    take minutes if each step rescanned the prefix)."""
    text = "module M where\nf = g " + " ".join(["x"] * 100_000) + " "
    line = 1
    col = len(text.split("\n")[1])
    found = application_at(text, line, col)
    assert found is not None and found.argument == 100_000
    assert completion_context(text, line, col).kind == "expression"


def test_signature_names_types_as_the_module_imports_them() -> None:
    got = active("module Main where\n\nimport Prelude\nimport Data.Map as M\n\nx = M.insert 1 ‸\n")
    assert got is not None and got[0] == "insert :: forall k v. Ord k => k -> v -> M.Map k v -> M.Map k v"
    assert got[1] == 1 and got[2] == "v"


def test_a_parameter_function_names_variables_as_its_declaration_does() -> None:
    found = active("module Main where\n\nimport Prelude\n\napplyTwice :: forall item. (item -> item) -> item -> item\n"
                   "applyTwice step x = step (step ‸x)\n")
    assert found == ("step :: item -> item", 0, "item")
