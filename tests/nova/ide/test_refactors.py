"""Refactors at the cursor (nova.ide.refactors, through nova.ide.code_actions): each edit is applied and the
workspace checked again with no errors left; where the refactor would change the meaning it is not offered."""

from __future__ import annotations

from nova.diagnostics import Span
from nova.ide import code_actions
from nova.ide.model import CodeAction
from tests.nova.ide.fixtures import Fixture, fixture
from tests.nova.ide.test_code_actions import actions, applied, titled

HEAD = "module Main where\n\nimport Prelude\n"


def selected(fx: Fixture) -> list[CodeAction]:
    """The actions for the selection from marker 1 to marker 2."""
    src, line, col = fx.at("1")
    _, end_line, end_col = fx.at("2")
    return code_actions.code_actions(fx.workspace, src, Span(line, col, end_line, end_col))


def titles(found: list[CodeAction]) -> list[str]:
    return [a.title for a in found]


def test_an_open_import_is_made_explicit_with_the_names_used() -> None:
    fx = fixture(HEAD + "im‸port Data.Foldable\nimport Data.Tuple as T\nimport Data.Maybe\n\n"
                 "x :: forall f. Foldable f => f Int -> Int\nx = foldr add 0\n\n"
                 "y :: Maybe (T.Tuple Int Int)\ny = Just (T.Tuple 1 (T.fst (T.Tuple 2 3)))\n")
    text = applied(fx, titled(actions(fx), "Make the import of Data.Foldable explicit"))
    assert "import Data.Foldable (foldr, class Foldable)\n" in text
    src, line, _ = fx.at()
    found = code_actions.code_actions(fx.workspace, src, Span(line + 1, 3, line + 1, 3))
    text = applied(fx, titled(found, "Make the import of Data.Tuple explicit"))
    assert "import Data.Tuple (fst, Tuple(..)) as T\n" in text
    found = code_actions.code_actions(fx.workspace, src, Span(line + 2, 3, line + 2, 3))
    assert "import Data.Maybe (Maybe(..))\n" in applied(fx, titled(found, "Make the import of Data.Maybe explicit"))


def test_an_explicit_import_offers_nothing() -> None:
    fx = fixture(HEAD + "im‸port Data.Maybe (Maybe(..))\n\nx :: Maybe Int\nx = Nothing\n")
    assert not [t for t in titles(actions(fx)) if t.startswith("Make the import")]


def test_a_name_is_qualified_with_the_alias_of_its_module() -> None:
    fx = fixture(HEAD + "import Data.Maybe (Maybe(..), fromMaybe)\nimport Data.Maybe as M\n\n"
                 "x :: Int\nx = from‸Maybe 0 (Just 1)\n")
    text = applied(fx, titled(actions(fx), "Qualify as `M.fromMaybe`"))
    assert "x = M.fromMaybe 0 (Just 1)" in text


def test_a_qualified_name_is_unqualified_importing_it_when_needed() -> None:
    fx = fixture(HEAD + "import Data.Maybe (Maybe(..))\nimport Data.Maybe as M\n\n"
                 "x :: Int\nx = M.from‸Maybe 0 (Just 1)\n")
    text = applied(fx, titled(actions(fx), "Unqualify `M.fromMaybe`"))
    assert "import Data.Maybe (Maybe(..), fromMaybe)\n" in text and "x = fromMaybe 0 (Just 1)" in text


def test_a_qualified_name_is_not_unqualified_onto_another_name() -> None:
    fx = fixture(HEAD + "import Data.Array as A\n\nlength :: Int\nlength = 3\n\n"
                 "x :: Int\nx = A.len‸gth [1] + length\n")
    assert not [t for t in titles(actions(fx)) if t.startswith("Unqualify")]
    fx = fixture(HEAD + "import Data.Array as A\n\nx :: Array Int -> Int\nx length = A.len‸gth [length]\n")
    assert not [t for t in titles(actions(fx)) if t.startswith("Unqualify")]


def test_a_selected_expression_is_extracted_to_a_new_where_block() -> None:
    fx = fixture(HEAD + "\nf :: Int -> Int\nf n = n + ‸1n * 2‸2\n")
    action = titled(selected(fx), "Extract `n * 2` to a where binding")
    assert action.kind == "refactor.extract"
    assert "f n = n + extracted\n  where\n    extracted = n * 2\n" in applied(fx, action)


def test_an_expression_is_extracted_into_an_existing_where_block() -> None:
    fx = fixture(HEAD + "\ng :: Int -> Int\ng n = h (‸1 n + 1 ‸2)\n  where\n    h m = m + 1\n")
    text = applied(fx, titled(selected(fx), "Extract `n + 1` to a where binding"))
    assert "g n = h ( extracted )\n  where\n    h m = m + 1\n    extracted = n + 1\n" in text


def test_an_expression_using_a_lambda_parameter_is_extracted_to_a_let_in_the_lambda() -> None:
    fx = fixture(HEAD + "\nk :: Array Int -> Array Int\nk xs = map (\\x -> ‸1x + 1‸2) xs\n")
    assert titles(selected(fx)) == ["Extract `x + 1` to a let binding"]
    text = applied(fx, selected(fx)[0])
    assert "k xs = map (\\x -> let extracted = x + 1 in extracted) xs\n" in text


def test_an_expression_using_a_case_pattern_is_extracted_to_a_let_in_the_branch() -> None:
    fx = fixture(HEAD + "import Data.Maybe (Maybe(..))\n\nk :: Maybe Int -> Int\nk m = case m of\n"
                 "  Just v -> 1 + ‸1v * 2‸2 + 1\n  Nothing -> 0\n")
    text = applied(fx, titled(selected(fx), "Extract `v * 2` to a let binding"))
    assert "  Just v -> let extracted = v * 2 in 1 + extracted + 1\n" in text


def test_an_expression_is_extracted_to_a_let_only_before_a_body_on_one_line() -> None:
    fx = fixture(HEAD + "\nk :: Array Int -> Array Int\nk xs = map (\\x ->\n  ‸1x + 1‸2\n    + 2) xs\n")
    assert not [t for t in titles(selected(fx)) if t.startswith("Extract")]
    fx = fixture(HEAD + "\nk :: Array Int -> Array Int\nk xs = map (\\x ->\n  ‸1x + 1‸2) xs\n")
    text = applied(fx, titled(selected(fx), "Extract `x + 1` to a let binding"))
    assert "k xs = map (\\x ->\n  let extracted = x + 1 in extracted) xs\n" in text


def test_a_multi_line_expression_is_extracted_keeping_its_layout() -> None:
    fx = fixture(HEAD + "\nf :: Int -> Int\nf n = ‸1case n of\n  0 -> 1\n  _ -> n * 2‸2\n")
    text = applied(fx, titled(selected(fx), "Extract `case n of 0 -> 1 _ -> n * 2` to a where binding"))
    assert ("f n = extracted\n  where\n    extracted = case n of\n            0 -> 1\n"
            "            _ -> n * 2\n") in text  # the branches 4 columns left of `case`, as they were
    fx = fixture(HEAD + "\ng :: Int -> Int\ng n = h ‸1(n\n  + 1)‸2\n  where\n    h m = m\n")
    text = applied(fx, titled(selected(fx), "Extract `(n + 1)` to a where binding"))
    assert "g n = h extracted\n  where\n    h m = m\n    extracted = (n\n          + 1)\n" in text


def test_an_expression_using_a_do_bind_is_extracted_to_a_let_statement() -> None:
    fx = fixture(HEAD + "import Data.Maybe (Maybe(..))\n\nf :: Maybe Int -> Maybe Int\nf m = do\n"
                 "  x <- m\n  y <- Just (‸1x * 2‸2)\n  pure (‸3y + x\n    + 1‸4)\n")
    text = applied(fx, titled(selected(fx), "Extract `x * 2` to a let statement"))
    assert "  x <- m\n  let extracted = x * 2\n  y <- Just (extracted)\n" in text
    src, line, col = fx.at("3")
    _, end_line, end_col = fx.at("4")
    found = code_actions.code_actions(fx.workspace, src, Span(line, col, end_line, end_col))
    text = applied(fx, titled(found, "Extract `y + x + 1` to a let statement"))
    assert "  let extracted = y + x\n              + 1\n  pure (extracted)\n" in text
    fx = fixture(HEAD + "import Data.Maybe (Maybe(..))\n\nf :: Maybe Int -> Maybe Int\nf m = do\n"
                 "  x <- m\n  pure (x + ‸11‸2)\n")  # uses no local of the block: a where binding
    assert "Extract `1` to a where binding" in titles(selected(fx))


def test_a_where_binding_is_inlined_and_the_where_removed() -> None:
    fx = fixture(HEAD + "\nf :: Int -> Int\nf n = n + lim‸it\n  where\n    limit = n * 2\n\ng :: Int\ng = 1\n")
    action = titled(actions(fx), "Inline `limit`")
    assert action.kind == "refactor.inline"
    assert "f n = n + (n * 2)\n\ng :: Int" in applied(fx, action)


def test_a_let_binding_is_inlined_at_every_use() -> None:
    fx = fixture(HEAD + "\ng :: Int -> Int\ng n = let k‸ = n + 1 in k * k\n")
    assert "g n = (n + 1) * (n + 1)\n" in applied(fx, titled(actions(fx), "Inline `k`"))
    fx = fixture(HEAD + "\nh :: Int -> Int\nh n =\n  let\n    a = 2\n    b‸ = a\n  in a + b\n")
    assert "  let\n    a = 2\n  in a + a\n" in applied(fx, titled(actions(fx), "Inline `b`"))


def test_a_top_level_binding_is_inlined_at_a_use_or_everywhere() -> None:
    fx = fixture(HEAD + "\n-- | The limit.\nlimit :: Int\nli‸1mit = 2 * base\n\nbase :: Int\nbase = 10\n\n"
                 "f :: Int -> Int\nf n = n + lim‸2it\n\ng :: Int\ng = limit\n")
    text = applied(fx, titled(actions(fx, "2"), "Inline `limit` here"))
    assert "f n = n + (2 * base)\n" in text and "g = limit\n" in text
    text = applied(fx, titled(actions(fx, "1"), "Inline `limit` everywhere"))
    assert "limit" not in text and "f n = n + (2 * base)\n" in text and "g = (2 * base)\n" in text
    assert "import Prelude\n\nbase :: Int" in text  # its doc comment and blank line gone with it
    fx = fixture(HEAD + "\nsize :: Int\nsi‸ze = 1 + 2\n\nbox :: { size :: Int }\nbox = { size }\n")
    assert "box = { size: (1 + 2) }\n" in applied(fx, titled(actions(fx), "Inline `size` everywhere"))  # a pun


def test_a_top_level_binding_is_inlined_only_where_it_keeps_its_meaning() -> None:
    fx = fixture(HEAD + "\nlimit :: Int\nli‸1mit = 2 * base\n\nbase :: Int\nbase = 10\n\n"
                 "f :: Int -> Int\nf base = base + lim‸2it\n\nnone :: Int\nnone = mempty\n\n"
                 "s :: String\ns = show no‸3ne\n")
    assert not [t for m in "12" for t in titles(actions(fx, m)) if t.startswith("Inline `limit`")]  # shadowed
    assert not [t for t in titles(actions(fx, "3")) if t.startswith("Inline")]  # `show mempty`: ambiguous
    fx = fixture("module Lib (limit) where\n\nimport Prelude\n\nlimit :: Int\nli‸mit = 2\n\n"
                 "f :: Int\nf = limit\n")
    assert not [t for t in titles(actions(fx)) if t.startswith("Inline")]  # exported by name
    fx = fixture("module Lib where\n\nimport Prelude\n\nlimit :: Int\nli‸mit = 2\n",
                 "module Main where\n\nimport Lib (limit)\n\nf :: Int\nf = limit\n")
    assert not [t for t in titles(actions(fx)) if t.startswith("Inline")]  # another module uses it


def test_a_binding_is_not_inlined_where_its_names_are_shadowed() -> None:
    fx = fixture(HEAD + "\nf :: Int -> Array Int\nf n = map (\\n -> n + m‸) [1]\n  where\n    m = n * 2\n")
    assert "Inline `m`" not in titles(actions(fx))


def test_a_binding_used_as_a_punned_field_is_inlined_with_its_label() -> None:
    fx = fixture(HEAD + "\np :: Int -> { size :: Int }\np n = { size }\n  where\n    si‸ze = n + 1\n")
    assert "p n = { size: (n + 1) }\n" in applied(fx, titled(actions(fx), "Inline `size`"))


def test_a_name_in_backticks_is_left_alone() -> None:
    fx = fixture(HEAD + "import Data.Array as A\n\nx :: Array Int\nx = 1 `A.co‸ns` [2]\n")
    assert not [t for t in titles(actions(fx)) if "qualify" in t.lower()]


def test_a_type_name_is_qualified_and_unqualified() -> None:
    fx = fixture(HEAD + "import Data.Maybe (Maybe(..))\nimport Data.Maybe as M\n\nx :: May‸be Int\nx = Nothing\n")
    assert "x :: M.Maybe Int\n" in applied(fx, titled(actions(fx), "Qualify as `M.Maybe`"))
    fx = fixture(HEAD + "import Data.Tuple as T\n\nx :: T.Tu‸ple Int Int\nx = T.Tuple 1 2\n")
    text = applied(fx, titled(actions(fx), "Unqualify `T.Tuple`"))
    assert "import Data.Tuple (Tuple)\n" in text and "x :: Tuple Int Int\n" in text


def test_do_statements_guards_and_puns_are_not_extracted() -> None:
    fx = fixture(HEAD + "import Data.Maybe (Maybe(..))\n\nf :: Maybe Int -> Maybe Int\nf m = do\n"
                 "  ‸1x <- m‸2\n  pure (x + 1)\n")
    assert not [t for t in titles(selected(fx)) if t.startswith("Extract")]
    fx = fixture(HEAD + "import Data.Maybe (Maybe(..))\n\nf :: Maybe Int -> Maybe Int\nf m = do\n"
                 "  x <- m\n  ‸1pure (x + 1)‸2\n")
    assert [t for t in titles(selected(fx)) if t.startswith("Extract")] == [  # a statement, no `let … in`
        "Extract `pure (x + 1)` to a let statement"]
    fx = fixture(HEAD + "\ng :: Int -> Int\ng n\n  | n > 0 = 1\n  | ‸1otherwise‸2 = 0\n")
    assert not [t for t in titles(selected(fx)) if t.startswith("Extract")]
    fx = fixture(HEAD + "\nh :: Int -> { n :: Int, m :: Int }\nh n = { ‸1n‸2, m: n + 1 }\n")
    assert not [t for t in titles(selected(fx)) if t.startswith("Extract")]


def test_a_let_statement_of_a_do_or_ado_block_is_inlined_without_the_block_s_in() -> None:
    fx = fixture(HEAD + "import Data.Maybe (Maybe(..))\n\ntwice :: Maybe Int -> Maybe Int -> Maybe (Array Int)\n"
                 "twice a b = ado\n  x <- a\n  y <- b\n  let pa‸ir = [x, y]\n  in pair\n")
    text = applied(fx, titled(actions(fx), "Inline `pair`"))
    assert "  y <- b\n  in [x, y]\n" in text
