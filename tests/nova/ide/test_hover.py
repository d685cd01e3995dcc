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


def test_type_operators_are_shown_infix_as_written() -> None:
    text = ("module Main where\n\nimport Prelude\nimport Data.Maybe\nimport Data.List (List, head)\n"
            "import Data.NaturalTransformation (type (~>))\nimport Data.Tuple (Tuple(..))\n"
            "import Data.Tuple.Nested (type (/\\), (/\\))\n\n"
            "mine :: List ~> Maybe\nmine = head\n\n"
            "pair :: Int /\\ String /\\ Boolean -> (Int -> Int) /\\ Maybe (Int /\\ Int)\n"
            "pair _ = identity /\\ Nothing\n\n"
            "left :: (Int /\\ Int) /\\ Tuple Int Int\nleft = (1 /\\ 2) /\\ Tuple 3 4\n\n"
            "a = ‸head\nb = ‸1mine\nc = ‸2pair\nd = ‸3left\n")
    assert hover_at(text)[0] == "head :: List ~> Maybe"  # the library's signature as PureScript writes it
    assert hover_at(text, marker="1")[0] == "mine :: List ~> Maybe"
    assert hover_at(text, marker="2")[0] == "pair :: Int /\\ String /\\ Boolean -> (Int -> Int) /\\ Maybe (Int /\\ Int)"
    assert hover_at(text, marker="3")[0] == "left :: (Int /\\ Int) /\\ Tuple Int Int"  # `Tuple` where written so


def test_long_signature_breaks_over_lines() -> None:
    code, _, _ = hover_at("module Main where\n\nimport Prelude\n\n"
                          "combine :: forall first second third. (first -> second -> third) -> Array first"
                          " -> Array second -> Array third\ncombine _ _ _ = []\n\nx = comb‸ine\n")
    assert code == (
        "combine :: forall first second third.\n"
        "  (first -> second -> third) -> Array first -> Array second -> Array third"
    )


def hover_info(text: str, marker: str = "") -> tuple[str, tuple[str, ...], str]:
    fx = fixture(text)
    src, line, col = fx.at(marker)
    info = hover(fx.workspace, src, line, col)
    assert info is not None
    return info.code, info.notes, src.text_of(info.span) if info.span is not None else ""


PRELUDE = "module Main where\n\nimport Prelude\nimport Data.Maybe\n\n"


def test_operator_in_a_section_shows_its_scheme_and_its_type_there() -> None:
    for section in ("(_ ‸+ 1)", "(1 ‸+ _)", "(‸+)"):
        code, notes, shown = hover_info(PRELUDE + f"f = map {section} [1]\n")
        assert code == "(+) :: forall a. Semiring a => a -> a -> a", section
        assert notes == ("at this use: `Int -> Int -> Int`",) and shown in ("+", "(+)"), section
    code, notes, shown = hover_info(PRELUDE + 'f = map (_ `app‸end` "!") ["a"]\n')
    assert code.startswith("append :: ") and notes == ("at this use: `String -> String -> String`",)


def test_the_hole_of_a_section_shows_its_type_under_its_written_name() -> None:
    code, _, shown = hover_info(PRELUDE + "f = map (‸_ + 1) [1]\n")
    assert code == "_ :: Int" and shown == "_"


def test_a_monomorphic_use_adds_no_note() -> None:
    code, notes, _ = hover_info(PRELUDE + "n :: Int -> Int\nn x = x\n\nf = ‸n 1\n")
    assert code == "n :: Int -> Int" and notes == ()


def test_constructor_pattern_shows_its_type_at_that_pattern() -> None:
    code, notes, shown = hover_info(PRELUDE + "k :: Maybe String -> String\nk m = case m of\n  J‸ust s -> s\n"
                                    "  Nothing -> \"\"\n")
    assert code == "Just :: forall a. a -> Maybe a" and shown == "Just"
    assert notes == ("at this pattern: `String -> Maybe String`",)


P = ("type P = { name :: String, age :: Int, home :: { city :: String } }\n\n"
     "p :: P\np = { name: \"x\", age: 1, home: { city: \"c\" } }\n")


def test_record_label_in_a_literal_shows_the_field_type() -> None:
    code, _, shown = hover_info(PRELUDE + 'q :: P\nq = { na‸me: "x", age: 1, home: { city: "c" } }\n' + P)
    assert code == "name :: String" and shown == "name"
    code, _, shown = hover_info(PRELUDE + 'q :: P\nq = { name: "x", age: 1, home: { c‸ity: "c" } }\n' + P)
    assert code == "city :: String" and shown == "city"


def test_record_label_in_a_pun_shows_the_field_type() -> None:
    code, _, _ = hover_info(PRELUDE + 'q :: P\nq = let name = "x"\n        age = 2\n        home = { city: "c" }\n'
                            '    in { na‸me, age, home }\n' + P)
    assert code == "name :: String"


def test_record_label_in_an_update_shows_the_field_type() -> None:
    code, _, shown = hover_info(PRELUDE + "q = p { a‸ge = 2 }\n" + P)
    assert code == "age :: Int" and shown == "age"
    code, _, shown = hover_info(PRELUDE + 'q = p { h‸ome { city = "d" } }\n' + P)
    assert code == "home :: { city :: String }" and shown == "home"
    code, _, shown = hover_info(PRELUDE + 'q = p { home { ci‸ty = "d" } }\n' + P)
    assert code == "city :: String" and shown == "city"


def test_record_label_in_a_pattern_and_an_accessor() -> None:
    code, _, shown = hover_info(PRELUDE + "f :: P -> Int\nf { a‸ge: n } = n\n" + P)
    assert code == "age :: Int" and shown == "age"
    code, _, shown = hover_info(PRELUDE + "f :: Array P -> Array String\nf = map _.na‸me\n" + P)
    assert code == "name :: String" and shown == "name"


def test_record_label_in_a_written_row_shows_its_type_as_written() -> None:
    code, _, shown = hover_info(PRELUDE + "f :: { na‸me :: Array   String } -> Int\nf _ = 1\n")
    assert code == "name :: Array String" and shown == "name"


def test_type_variable_of_a_declaration_shows_its_kind() -> None:
    code, notes, shown = hover_info(PRELUDE + "data Box ‸f a = Box (f a)\n")
    assert code == "f :: k -> Type" and shown == "f" and notes == ("type variable",)
    code, _, _ = hover_info(PRELUDE + "data Box f a = Box (‸f a)\n")
    assert code == "f :: k -> Type"
    code, _, _ = hover_info(PRELUDE + "class Wrap f where\n  wrap :: forall a. a -> ‸f a\n")
    assert code == "f :: Type -> Type"
    code, _, _ = hover_info(PRELUDE + "type R ‸r = { x :: Int | r }\n")
    assert code == "r :: Row Type"
    code, _, _ = hover_info(PRELUDE + "newtype N (‸s :: Symbol) = N Int\n")
    assert code == "s :: Symbol"


def test_type_variable_of_a_signature_shows_the_kind_its_uses_give_it() -> None:
    code, notes, shown = hover_info(PRELUDE + "u :: forall a. ‸a -> a\nu x = x\n")
    assert code == "a :: Type" and notes == ("type variable",) and shown == "a"
    code, _, _ = hover_info(PRELUDE + "m :: forall f b. Functor ‸f => f b -> f b\nm = map identity\n")
    assert code == "f :: Type -> Type"
    code, _, _ = hover_info(PRELUDE + "r :: forall r. { x :: Int | ‸r } -> Int\nr p = p.x\n")
    assert code == "r :: Row Type"
    code, _, _ = hover_info(PRELUDE + "import Data.Tuple (Tuple)\n\nt :: forall a. Tuple Int ‸a -> Int\nt _ = 1\n")
    assert code == "a :: Type"


QUALIFIED = "module Main where\n\nimport Prelude\nimport Data.Map as M\nimport Data.Maybe as Maybe\n\n"


def test_types_are_named_as_the_module_imports_them() -> None:
    code, _, _ = hover_info(QUALIFIED + "w = M.singleton 1 2\n\nz = ‸w\n")
    assert code == "w :: M.Map Int Int"
    code, _, _ = hover_info(QUALIFIED + "z = M.ins‸ert 1 2 M.empty\n")
    assert code == "insert :: forall k v. Ord k => k -> v -> M.Map k v -> M.Map k v"
    code, _, _ = hover_info(QUALIFIED + "f k m = Maybe.fromMaybe 0 (M.lookup k m)\n\nz = ‸f\n")
    assert code == "f :: forall a. Ord a => a -> M.Map a Int -> Int"
    code, notes, _ = hover_info(QUALIFIED + "z = M.lookup 1 (M.singleton 1 ‸\"a\")\n")
    assert code == "String" and notes == ()
    code, notes, _ = hover_info(QUALIFIED + "z = M.loo‸kup 1 (M.singleton 1 \"a\")\n")
    assert notes == ("at this use: `Int -> M.Map Int String -> Maybe.Maybe String`",)


def test_an_unqualified_import_keeps_the_bare_name() -> None:
    code, _, _ = hover_info("module Main where\n\nimport Prelude\nimport Data.Map (Map)\nimport Data.Map as M\n\n"
                            "w = M.singleton 1 2\n\nz = ‸w\n")
    assert code == "w :: Map Int Int"


def test_a_signature_written_in_another_module_is_named_as_this_one_imports_it() -> None:
    lib = "module Lib where\n\nimport Data.Map as Map\n\nempty :: Map.Map Int Int\nempty = Map.empty\n"
    fx = fixture(lib, "module Main where\n\nimport Data.Map as DM\nimport Lib\n\nz = em‸pty\n")
    src, line, col = fx.at()
    info = hover(fx.workspace, src, line, col)
    assert info is not None and info.code == "empty :: DM.Map Int Int"


def test_the_parentheses_of_a_section_answer_for_the_function_it_is() -> None:
    code, _, shown = hover_info(PRELUDE + "f = map ‸(_ + 1) [1]\n")
    assert code == "Int -> Int" and shown == "_ + 1"
    code, _, _ = hover_info(PRELUDE + "f = map (_ + 1‸) [1]\n")
    assert code == "Int -> Int"
    code, _, _ = hover_info(PRELUDE + "f = map ‸(show 1 <> _) [\"a\"]\n")
    assert code == "String -> String"


ALTER = "alter :: forall k v. Ord k => k -> M.Map k v -> M.Map k v\nalter _ m = m\n\n"


def test_a_use_names_what_it_leaves_open_as_the_used_signature_does() -> None:
    _, notes, _ = hover_info(QUALIFIED + ALTER + "x = al‸ter 1\n")
    assert notes == ("at this use: `Int -> M.Map Int v -> M.Map Int v`",)
    _, notes, _ = hover_info(QUALIFIED + "x = M.ins‸ert 1\n")
    assert notes == ("at this use: `Int -> v -> M.Map Int v -> M.Map Int v`",)
    _, notes, _ = hover_info(QUALIFIED + ALTER + "x = al‸ter\n")
    assert notes == ()  # nothing solved: the note would repeat the scheme


def test_a_use_inside_a_signed_declaration_keeps_that_signatures_names() -> None:
    _, notes, _ = hover_info(QUALIFIED + ALTER + "g :: forall val. M.Map Int val -> M.Map Int val\ng = al‸ter 1\n")
    assert notes == ("at this use: `Int -> M.Map Int val -> M.Map Int val`",)
    # the enclosing signature's `v` is another variable than alter's open `k`: the two never share a name
    _, notes, _ = hover_info(QUALIFIED + ALTER + "g :: forall v. Ord v => v -> M.Map v Int -> M.Map v Int\n"
                             "g = al‸ter\n")
    assert notes == ("at this use: `v -> M.Map v Int -> M.Map v Int`",)


def test_locals_and_expressions_name_variables_as_their_declaration_does() -> None:
    code, _, _ = hover_info(QUALIFIED + "g :: forall val. M.Map Int val -> M.Map Int val\ng m = ‸m\n")
    assert code == "m :: M.Map Int val"
    code, _, _ = hover_info(QUALIFIED + "g :: forall val. M.Map Int val -> Array (M.Map Int val)\ng m = ‸[m]\n")
    assert code == "Array (M.Map Int val)"
    code, _, _ = hover_info(PRELUDE + "f x y = ‸y\n")  # inferred `forall a b. a -> b -> b`: y is the `b`
    assert code == "y :: b"


def test_partial_functions_of_the_standard_library_keep_their_published_types() -> None:
    # `crashWith` is a value over the unconstrained foreign `_crashWith` (a foreign import has no constraint)
    source = 'module Main where\n\nimport Partial (crashWith)\nimport Partial.Unsafe (unsafeCrashWith)\n\n'
    code, doc, shown = hover_at(source + 'f :: Partial => Int\nf = crash‸With "no"\n')
    assert (code, shown) == ("crashWith :: forall a. Partial => String -> a", "crashWith")
    assert doc is not None and "message" in doc
    code, _, _ = hover_at(source + 'g :: Int\ng = unsafeCrash‸With "no"\n')
    assert code == "unsafeCrashWith :: forall a. String -> a"
