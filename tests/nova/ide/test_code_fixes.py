"""Quick fixes writing code from inferred types (nova.ide.fixes, through nova.ide.code_actions): each edit is
applied and the workspace checked again with no errors left."""

from __future__ import annotations

from tests.nova.ide.fixtures import fixture
from tests.nova.ide.test_code_actions import actions, applied, titled

HEAD = "module Main where\n\nimport Prelude\nimport Data.Maybe (Maybe(..))\n\n"


def test_a_wildcard_is_replaced_by_its_inferred_type() -> None:
    fx = fixture(HEAD + "xs :: ‸_\nxs = [Just 1]\n")
    text = applied(fx, titled(actions(fx), "Replace `_` with `Array (Maybe Int)`"))
    assert "xs :: Array (Maybe Int)\n" in text


def test_a_wildcard_argument_is_parenthesised_and_its_variables_quantified() -> None:
    fx = fixture(HEAD + "count :: Array ‸_ -> Int\ncount _ = 0\n\nwrap :: forall b. b -> ‸1_\nwrap x = [x]\n")
    text = applied(fx, titled(actions(fx), "Replace `_` with `a`"))
    assert "count :: forall a. Array a -> Int" in text
    text = applied(fx, titled(actions(fx, "1"), "Replace `_` with `Array b`"))
    assert "wrap :: forall b. b -> Array b\n" in text
    fx = fixture(HEAD + "wrap ∷ ∀ b. b → ‸_\nwrap x = [x]\n\ncount ∷ Array ‸1_ → Int\ncount _ = 0\n")
    text = applied(fx, titled(actions(fx), "Replace `_` with `Array b`"))  # written with Unicode symbols
    assert "wrap ∷ ∀ b. b → Array b\n" in text
    assert "count ∷ forall a. Array a → Int" in applied(fx, titled(actions(fx, "1"), "Replace `_` with `a`"))
    fx = fixture(HEAD + "twice :: ‸_ -> Int\ntwice f = f 1 + f 2\n")
    text = applied(fx, titled(actions(fx), "Replace `_` with `Int -> Int`"))
    assert "twice :: (Int -> Int) -> Int" in text


def test_a_local_wildcard_is_replaced() -> None:
    """(Under a declaration without a signature: PureScript reports no local wildcards under a full one.)"""
    fx = fixture(HEAD + "n = let t :: ‸_\n        t = 3 in t\n")
    text = applied(fx, titled(actions(fx), "Replace `_` with `Int`"))
    assert "let t :: Int\n" in text


def test_missing_record_fields_are_added_with_values_of_their_types() -> None:
    fx = fixture(HEAD + "type Item = { name :: String, count :: Int, tags :: Array String, note :: Maybe String,"
                 " size :: { w :: Int, h :: Number } }\n\nitem :: Item\nitem = ‸{ name: \"a\" }\n")
    action = titled(actions(fx), "Add the missing fields `count`, `note`, `size`, `tags`")
    assert action.preferred
    text = applied(fx, action)
    assert 'item = { name: "a", count: 0, note: Nothing, size: { h: 0.0, w: 0 }, tags: [] }' in text


def test_a_missing_field_without_an_obvious_value_gets_a_placeholder() -> None:
    fx = fixture(HEAD + "type Op = { run :: Int -> Int, label :: String }\n\nop :: Op\nop = ‸{ label: \"x\" }\n")
    text = applied(fx, titled(actions(fx), "Add the missing field `run`"))
    assert 'op = { label: "x", run: unsafeCrashWith "todo" }' in text
    assert "import Partial.Unsafe (unsafeCrashWith)" in text


def test_an_empty_record_literal_is_filled() -> None:
    fx = fixture(HEAD + "p :: { x :: Int, y :: String }\np = ‸{}\n")
    text = applied(fx, titled(actions(fx), "Add the missing fields `x`, `y`"))
    assert 'p = { x: 0, y: "" }' in text


def test_a_stub_is_generated_for_an_unknown_name_with_the_type_its_use_needs() -> None:
    fx = fixture(HEAD + "total :: Int\ntotal = 1 + ‸price 3 \"eur\"\n  where\n    unused = 0\n\n"
                 "last :: Int\nlast = 0\n")
    text = applied(fx, titled(actions(fx), "Define `price :: Int -> String -> Int`"))
    assert ('    unused = 0\n\nprice :: Int -> String -> Int\nprice = unsafeCrashWith "todo"\n\nlast ::'
            in text)
    fx = fixture(HEAD + "same :: forall a. a -> a\nsame x = ‸ident x\n")
    text = applied(fx, titled(actions(fx), "Define `ident :: forall a. a -> a`"))
    assert "ident :: forall a. a -> a\n" in text
