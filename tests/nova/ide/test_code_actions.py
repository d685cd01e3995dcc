"""Code actions (nova.ide.code_actions) on fixtures: each edit is applied and the module checked again with no
errors left."""

from __future__ import annotations

import dataclasses
from typing import Any

from nova.diagnostics import Diagnostic, Span
from nova.ide import code_actions
from nova.ide.memory import MemoryWorkspace
from nova.ide.model import CodeAction
from tests.nova.ide.fixtures import Fixture, apply_change, fixture

LIB = """module Lib where

import Prelude

double :: Int -> Int
double x = x * 2

data Shape = Circle Int | Square Int
"""


def actions(fx: Fixture, marker: str = "", only: tuple[str, ...] = ()) -> list[CodeAction]:
    src, line, col = fx.at(marker)
    return code_actions.code_actions(fx.workspace, src, Span(line, col, line, col), only=only)


def applied(fx: Fixture, action: CodeAction, module: str = "Main") -> str:
    texts = apply_change(fx, action.change)
    check = MemoryWorkspace(list(texts.values()))
    errors = [d.message for c in check.checked.values() for d in c.diagnostics if int(d.severity) == 1]
    assert errors == [], (texts[module], errors)
    return texts[module]


def titled(found: list[CodeAction], title: str) -> CodeAction:
    titles = [a.title for a in found]
    assert title in titles, titles
    return next(a for a in found if a.title == title)


def test_an_unknown_name_is_imported_from_the_workspace_or_the_library() -> None:
    fx = fixture(LIB, "module Main where\n\nimport Prelude\nimport Lib (Shape(..))\n\nx :: Int\nx = dou‸ble 2\n")
    text = applied(fx, titled(actions(fx), "Import `double` from Lib"))
    assert "import Lib (Shape(..), double)" in text
    fx = fixture("module Main where\n\nimport Prelude\n\nx :: Maybe Int\nx = from‸Maybe Nothing Nothing\n")
    found = actions(fx)
    assert "Import `fromMaybe` from Data.Maybe" in [a.title for a in found]
    fx = fixture("module Main where\n\nimport Prelude\nimport Data.Maybe (Maybe(..))\n\nx :: Maybe Int\n"
                 "x = Just 1\n\ny :: Int\ny = from‸Maybe 0 x\n")
    text = applied(fx, titled(actions(fx), "Import `fromMaybe` from Data.Maybe"))
    assert "import Data.Maybe (Maybe(..), fromMaybe)" in text


def test_an_unknown_type_and_an_unknown_qualifier_are_imported() -> None:
    fx = fixture(LIB, "module Main where\n\nimport Prelude\n\narea :: Sha‸pe -> Int\narea _ = 1\n")
    text = applied(fx, titled(actions(fx), "Import `Shape` from Lib"))
    assert "import Lib (Shape)" in text
    fx = fixture("module Main where\n\nimport Prelude\n\nsize :: Int\nsize = Array.len‸gth [1, 2]\n")
    text = applied(fx, titled(actions(fx), "Import Data.Array as Array"))
    assert "import Data.Array as Array" in text


def test_a_typo_is_fixed_from_the_suggestion() -> None:
    fx = fixture(LIB, "module Main where\n\nimport Prelude\nimport Lib (double)\n\nx :: Int\nx = doubel‸ 2\n")
    found = actions(fx)
    assert found[0].title == "Change to `double`" and found[0].preferred
    assert "x = double 2" in applied(fx, found[0])


def test_signatures_are_added_to_top_level_and_local_bindings() -> None:
    fx = fixture("module Main where\n\nimport Prelude\nimport Data.Tuple (Tuple(..))\n\n"
                 "sw‸1ap (Tuple a b) = Tuple b a\n\n"
                 "f :: Int -> String\nf n = sh‸2own\n  where\n    sh‸3own = show n\n")
    assert not [a.title for a in actions(fx, "2") if a.title.startswith("Add type signature")]
    found = actions(fx, "3")
    text = applied(fx, titled(found, "Add type signature `shown :: String`"))
    assert "  where\n    shown :: String\n    shown = show n" in text
    text = "module Main where\n\nimport Prelude\nimport Data.Tuple (Tuple(..))\n\nsw‸ap (Tuple a b) = Tuple b a\n"
    fx = fixture(text)
    action = next(a for a in actions(fx) if a.title.startswith("Add type signature"))
    assert "swap :: forall a b. Tuple a b -> Tuple b a\nswap (Tuple" in applied(fx, action)
    fx = fixture("module Main where\n\nimport Prelude\n\nk ∷ Int → Int\nk‸ n = n + 1\n\nf = g 1\n  where\n"
                 "    g ∷ Int → Int\n    ‸1g n = n\n")
    assert not [a for m in ("", "1") for a in actions(fx, m) if a.title.startswith("Add type signature")]


def test_organize_imports_removes_unused_imports_and_items() -> None:
    fx = fixture(LIB, """module Main where‸

import Prelude
import Data.Maybe (Maybe(..), fromMaybe, isJust)
import Data.Array as Array
import Lib

x :: Maybe Int
x = Just (fromMaybe 0 Nothing)
""")
    action = titled(actions(fx, only=("source.organizeImports",)), "Remove unused imports")
    text = applied(fx, action)
    assert "import Data.Maybe (Maybe(..), fromMaybe)\n\nx ::" in text
    assert "Array" not in text and "import Lib" not in text


SHAPES = """module Main where

import Prelude
import Data.Maybe (Maybe(..))

data Shape = Circle Int | Square Int Int | Dot

"""


def test_missing_case_branches_are_added_with_fresh_field_names() -> None:
    body = "f m = ca‸se m of\n  Just (Circle r) -> r\n  Just Dot -> 1\n  Nothing -> 0\n"
    fx = fixture(SHAPES + "f :: Maybe Shape -> Int\n" + body)
    action = titled(actions(fx), "Add the missing case branch")
    text = applied(fx, action)
    assert '  Nothing -> 0\n  Just (Square x1 x2) -> unsafeCrashWith "todo"' in text
    assert "import Partial.Unsafe (unsafeCrashWith)" in text


def test_missing_clauses_of_a_function_are_added() -> None:
    fx = fixture(SHAPES + "g :: Shape -> Int\n‸g (Circle r) = r\n")
    action = next(a for a in actions(fx) if a.title.startswith("Add the missing case branch"))
    text = applied(fx, action)
    assert 'g (Circle r) = r\ng (Square x1 x2) = unsafeCrashWith "todo"' in text


def test_unreachable_branches_and_clauses_are_removed() -> None:
    fx = fixture(SHAPES + "f :: Shape -> Int\nf s = case s of\n  _ -> 0\n  Do‸t -> 1\n")
    text = applied(fx, titled(actions(fx), "Remove the unreachable branch"))
    assert "f s = case s of\n  _ -> 0\n" in text and "Dot -> 1" not in text
    fx = fixture(SHAPES + "g :: Shape -> Int\ng _ = 0\ng Do‸t = 1\n")
    text = applied(fx, titled(actions(fx), "Remove the unreachable branch"))
    assert text.endswith("g :: Shape -> Int\ng _ = 0\n")


def test_a_typed_hole_is_filled_with_a_name_of_its_type_locals_first() -> None:
    fx = fixture("module Main where\n\nimport Prelude\n\nlimit :: Int\nlimit = 10\n\n"
                 "f :: String -> Int -> Int\nf label count = count + ?wh‸at\n")
    found = [a for a in actions(fx) if a.title.startswith("Fill the hole")]
    titles = [a.title for a in found]
    assert titles[:2] == ["Fill the hole with `count`", "Fill the hole with `limit`"], titles
    assert "Fill the hole with `label`" not in titles
    assert "f label count = count + limit" in applied(fx, found[1])


def test_signatures_are_written_as_signatures_and_only_where_they_check() -> None:
    fx = fixture("module Main where\n\nimport Prelude\nimport Data.Foldable (class Foldable, foldr)\n\n"
                 "sh‸ownAll xs = foldr (\\x acc -> show x <> acc) \"\" xs\n")
    text = applied(fx, titled(actions(fx), "Add type signature "
                                           "`shownAll :: forall a b. Foldable a => Show b => a b -> String`"))
    assert text.count("Foldable a => Show b =>") == 1
    fx = fixture("module Main where\n\nimport Prelude\nimport Data.Maybe as M\n\nfi‸rst = M.Just 1\n")
    assert "first :: M.Maybe Int\n" in applied(fx, titled(actions(fx), "Add type signature `first :: M.Maybe Int`"))
    fx = fixture("module Main where\n\nimport Prelude\n\nf :: forall a. a -> Array a\nf x = st‸ep x\n"
                 "  where\n    st‸1ep y = [y]\n\ng :: Int\ng = let ‸2k = 1 in k\n")
    text = applied(fx, titled(actions(fx, "1"), "Add type signature `step :: forall b. b -> Array b`"))
    assert "  where\n    step :: forall b. b -> Array b\n    step y = [y]\n" in text  # its own variable
    assert not [a for a in actions(fx, "2") if a.title.startswith("Add type signature")]  # after `let` on its line


def test_local_signatures_name_the_enclosing_signature_s_variables_or_their_own() -> None:
    fx = fixture("module Main where\n\nimport Prelude\n\nf :: forall a. Show a => a -> Int -> String\n"
                 "f x n = sh‸1own n <> show (pair x)\n  where\n    sh‸2own m = show m <> show x\n"
                 "    pa‸3ir y = [y, x]\n")
    text = applied(fx, titled(actions(fx, "2"), "Add type signature `shown :: forall b. Show b => b -> String`"))
    assert "    shown :: forall b. Show b => b -> String\n    shown m =" in text
    text = applied(fx, titled(actions(fx, "3"), "Add type signature `pair :: a -> Array a`"))  # f's `a`
    assert "    pair :: a -> Array a\n    pair y =" in text
    assert not [a for a in actions(fx, "1") if a.title.startswith("Add type signature")]  # a use, not a binding
    fx = fixture("module Main where\n\nimport Prelude\n\ng :: a -> Array a\ng x = k x\n  where\n    ‸k y = [x, y]\n"
                 "\nh x = k x\n  where\n    ‸1k y = [x, y]\n")
    assert not [a for m in ("", "1") for a in actions(fx, m) if a.title.startswith("Add type signature")]


def test_an_added_signature_names_types_as_the_module_imports_them() -> None:
    fx = fixture("module Main where\n\nimport Prelude\nimport Data.Map as M\n\nsin‸gle k = M.singleton k 1\n\n"
                 "pairs :: Int -> Array (M.Map Int Int)\npairs n = [one]\n  where\n    o‸1ne = M.singleton n n\n")
    text = applied(fx, titled(actions(fx), "Add type signature `single :: forall a. a -> M.Map a Int`"))
    assert "single :: forall a. a -> M.Map a Int\nsingle k" in text
    text = applied(fx, titled(actions(fx, "1"), "Add type signature `one :: M.Map Int Int`"))
    assert "    one :: M.Map Int Int\n    one =" in text


def test_the_checkers_quick_fixes_read_its_diagnostics_data_not_their_message() -> None:
    """Did-you-mean, missing case branches and typed holes: the fixes come from the facts in `data`; a message
    blanked out gives the same fixes, and without data there are none of them."""
    cases = [
        (fixture(LIB, "module Main where\n\nimport Prelude\nimport Lib (double)\n\nx :: Int\nx = doubel 2\n"),
         "UnknownName", "suggestions", ["double"], "Change to `double`"),
        (fixture(SHAPES + "f :: Maybe Shape -> Int\nf m = case m of\n  Just (Circle r) -> r\n  Nothing -> 0\n"),
         "NoInstanceFound", "missing", ["Just (Square _ _)", "Just Dot"], "Add the missing case branches"),
        (fixture("module Main where\n\nimport Prelude\n\nf :: String -> Int -> Int\nf label count = count + ?what\n"),
         "HoleInferredType", "fits", ["count"], "Fill the hole with `count`"),
    ]
    for fx, code, key, listed, title in cases:
        src = fx.source("Main")
        [d] = [d for d in src.checked.diagnostics if d.code == code]  # type: ignore[union-attr]
        assert d.data is not None and d.data[key][: len(listed)] == listed, d.data
        at = Span(d.span.start_line, d.span.start_col, d.span.start_line, d.span.start_col)

        def fixes(diagnostic: Diagnostic, at: Span = at, src: Any = src, fx: Fixture = fx) -> list[tuple[str, Any]]:
            return [(a.title, a.change.edits) for a in code_actions.code_actions(fx.workspace, src, at, [diagnostic])
                    if a.diagnostic is diagnostic]

        assert title in [t for t, _ in fixes(d)]
        assert fixes(dataclasses.replace(d, message="")) == fixes(d)
        assert title not in [t for t, _ in fixes(dataclasses.replace(d, data=None))]
