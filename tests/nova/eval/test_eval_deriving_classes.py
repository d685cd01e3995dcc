"""Derived instances of the classes outside the prelude run: `Generic` (with `genericShow` over the
representation), `Newtype`, `Bifunctor`/`Bifoldable`/`Bitraversable`, `Contravariant`, `Profunctor`, `Eq1`; laws
checked with hypothesis."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nova.eval.api import evaluate_expression
from nova.eval.link import ElementCache
from tests.nova.deriving_modules import layer

SOURCE = """module Classes where

import Prelude
import Data.Generic.Rep (class Generic, from, to, Sum(..), Product(..), Constructor(..), Argument(..), NoArguments(..))
import Data.Show.Generic (genericShow)
import Data.Newtype (class Newtype, wrap, unwrap)
import Data.Bifunctor (class Bifunctor, bimap, lmap, rmap)
import Data.Bifoldable (class Bifoldable, bifoldr, bifoldl, bifoldMap)
import Data.Bitraversable (class Bitraversable, bitraverse, bisequence)
import Data.Functor.Contravariant (class Contravariant, cmap)
import Data.Profunctor (class Profunctor, dimap)
import Data.Eq (class Eq1, eq1)
import Data.Foldable (class Foldable, foldMap)
import Data.Either (Either(..))
import Data.Tuple (Tuple(..))
import Data.Maybe (Maybe(..))

data Shape = Circle Number | Rect Number Number | Poly (Array Shape) | Dot

derive instance Eq Shape
derive instance Generic Shape _

instance Show Shape where
  show s = genericShow s

newtype Name = Name String

derive instance Newtype Name _
derive instance Generic Name _
derive newtype instance Eq Name

data These a b = This a | That b | Both a b

derive instance (Eq a, Eq b) => Eq (These a b)
derive instance Bifunctor These
derive instance Bifoldable These
derive instance Bitraversable These
derive instance Functor (These a)

-- a field inside a two-parameter type (`Tuple`), a record, an array
data Entry k v = Entry k (Array v) (Tuple k v) { key :: k, vals :: Maybe v }

derive instance Bifunctor Entry
derive instance Bifoldable Entry
derive instance Bitraversable Entry

newtype Pred a = Pred (a -> Boolean)

derive instance Contravariant Pred

data Compare a = Compare (a -> a -> Boolean) Int

derive instance Contravariant Compare

newtype Fn a b = Fn (a -> b)

derive instance Profunctor Fn
derive instance Functor (Fn a)

data Id a = Id a

derive instance Eq a => Eq (Id a)
derive instance Eq1 Id

data Twice f a = Twice (f a) (f a)

derive instance (Eq1 f, Eq a) => Eq (Twice f a)

test :: forall a. Pred a -> a -> Boolean
test (Pred p) = p

same :: forall a. Compare a -> a -> a -> Boolean
same (Compare p _) = p

run :: forall a b. Fn a b -> a -> b
run (Fn f) = f

roundTrip :: Shape -> Boolean
roundTrip s = to (from s) == s

bimapLaws :: These Int String -> Array Boolean
bimapLaws x =
  [ bimap identity identity x == x
  , bimap (_ * 2) (_ <> "!") (bimap (_ + 1) (_ <> "?") x) == bimap ((_ * 2) <<< (_ + 1)) ((_ <> "!") <<< (_ <> "?")) x
  ]
"""

_CACHE = ElementCache()


def run(expression: str) -> str:
    return evaluate_expression(layer(), expression, module_source=SOURCE, cache=_CACHE).value


def test_generic_representation_and_generic_show() -> None:
    assert run("from (Circle 1.0)") == "Inl (Constructor (Argument 1.0))"
    assert run("from Dot") == "Inr (Inr (Inr (Constructor NoArguments)))"
    assert run("from (Rect 1.0 2.0)") == "Inr (Inl (Constructor (Product (Argument 1.0) (Argument 2.0))))"
    both = "[to (from (Rect 1.0 2.0)), to (Inr (Inr (Inr (Constructor NoArguments))))]"
    assert run(f"({both} :: Array Shape)") == "[Rect 1.0 2.0,Dot]"
    assert run("show [Circle 1.0, Poly [Dot], Dot]") == '"[(Circle 1.0),(Poly [Dot]),Dot]"'
    assert run('genericShow (Name "ada")') == '"(Name \\"ada\\")"'
    assert run("map roundTrip [Circle 2.0, Rect 0.0 1.0, Poly [Circle 1.0, Dot], Dot]") == (
        "[true,true,true,true]"
    )


def test_newtype_wrap_and_unwrap() -> None:
    assert run('[unwrap (Name "a"), unwrap (wrap "b" :: Name)]') == '["a","b"]'
    assert run('wrap "x" == Name "x"') == "true"


def test_bifunctor_bifoldable_bitraversable() -> None:
    assert run('[bimap show (_ <> "!") (Both 1 "a"), lmap show (This 2 :: These Int String)]') == (
        '[Both "1" "a!",This "2"]'
    )
    assert run('rmap (_ + 1) (That 1 :: These String Int)') == "That 2"
    assert run('bifoldr (\\a acc -> acc <> show a) (\\b acc -> acc <> b) "" (Both 1 "x")') == '"x1"'
    assert run('bifoldl (\\acc a -> acc <> show a) (\\acc b -> acc <> b) "" (Both 1 "x")') == '"1x"'
    assert run("bifoldMap (\\a -> [a]) (\\b -> [b * 10]) (Both 1 2)") == "[1,20]"
    assert run("[bitraverse Just Just (Both 1 2), bitraverse (const Nothing) Just (Both 1 2)]") == (
        "[Just (Both 1 2),Nothing]"
    )
    assert run("bisequence (Both [1, 2] [3])") == "[Both 1 3,Both 2 3]"
    entry = "(Entry 1 [2, 3] (Tuple 4 5) { key: 6, vals: Just 7 })"
    assert run(f"lmap show {entry}") == 'Entry "1" [2,3] (Tuple "4" 5) { key: "6", vals: Just 7 }'
    assert run(f"rmap show {entry}") == 'Entry 1 ["2","3"] (Tuple 4 "5") { key: 6, vals: Just "7" }'
    # fields left to right, the record by label (`key`, then `vals`)
    assert run(f"bifoldMap (\\k -> [k]) (\\v -> [v * 10]) {entry}") == "[1,20,30,4,50,6,70]"
    assert run("bitraverse (\\k -> [k]) (\\v -> [v, -v]) (Entry 1 [2] (Tuple 3 4) { key: 5, vals: Nothing })") == (
        "[Entry 1 [2] (Tuple 3 4) { key: 5, vals: Nothing },Entry 1 [2] (Tuple 3 (-4)) { key: 5, vals: Nothing },"
        "Entry 1 [-2] (Tuple 3 4) { key: 5, vals: Nothing },Entry 1 [-2] (Tuple 3 (-4)) { key: 5, vals: Nothing }]"
    )


def test_contravariant_and_profunctor() -> None:
    assert run('[test (cmap (\\s -> s == "yes") (Pred identity)) "yes", test (cmap show (Pred (_ == "1"))) 2]') == (
        "[true,false]"
    )
    assert run("same (cmap (_ `mod` 10) (Compare (==) 0)) 13 23") == "true"
    assert run("run (dimap (_ + 1) show (Fn (_ * 2))) 5") == '"12"'
    assert run("run (map show (Fn (_ * 2))) 5") == '"10"'


def test_eq1_is_eq_at_every_type() -> None:
    assert run("[eq1 (Id 1) (Id 1), eq1 (Id 1) (Id 2), eq1 (Id \"a\") (Id \"a\")]") == "[true,false,true]"
    assert run("[Twice (Id 1) (Id 2) == Twice (Id 1) (Id 2), Twice (Id 1) (Id 2) == Twice (Id 1) (Id 1)]") == (
        "[true,false]"
    )


def these(x: tuple[str, int, str]) -> str:
    kind, a, b = x
    s = f'"{b}"'
    n = f"({a})" if a < 0 else str(a)
    return {"This": f"(This {n} :: These Int String)", "That": f"(That {s} :: These Int String)"}.get(
        kind, f"(Both {n} {s})"
    )


@settings(max_examples=30, deadline=None)
@given(st.tuples(st.sampled_from(["This", "That", "Both"]), st.integers(-5, 5), st.text("ab", max_size=3)))
def test_bifunctor_laws(x: tuple[str, int, str]) -> None:
    assert run(f"bimapLaws {these(x)}") == "[true,true]"
    assert run(f"map identity {these(x)} == {these(x)}") == "true"
    kind, a, _ = x
    folded = {"This": [a], "That": [], "Both": [a]}[kind]
    assert run(f"bifoldMap (\\v -> [v]) (const []) {these(x)}") == "[" + ",".join(str(v) for v in folded) + "]"


@settings(max_examples=30, deadline=None)
@given(st.integers(-20, 20))
def test_contravariant_and_profunctor_laws(n: int) -> None:
    m = f"({n})" if n < 0 else str(n)
    assert run(f"test (cmap identity (Pred (_ > 0))) {m}") == ("true" if n > 0 else "false")
    assert run(f"test (cmap (_ * 2) (cmap (_ + 1) (Pred (_ > 0)))) {m}") == ("true" if (n * 2) + 1 > 0 else "false")
    assert run(f"run (dimap identity identity (Fn (_ * 3))) {m}") == str(n * 3)
    assert run(f"run (dimap (_ - 1) (_ <> \"!\") (dimap (_ + 5) show (Fn (_ * 3)))) {m}") == f'"{((n - 1) + 5) * 3}!"'
