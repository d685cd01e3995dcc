"""Every derived instance runs: `derive instance` (Eq, Ord, Functor, Foldable, Traversable, …) and
`derive newtype instance`, checked against PureScript's results and, with hypothesis, against the class laws and a
Python model of the same values (structural equality, lexicographic order, the fields' visiting order)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from nova.eval.api import evaluate_expression
from nova.eval.link import ElementCache
from tests.nova.eval.nova_programs import root

DERIVED = """module Derived where

import Prelude
import Data.Foldable (class Foldable, foldl, foldr, foldMap)
import Data.Traversable (class Traversable, traverse, sequence)
import Data.Either (Either(..))
import Data.List (List(..), (:))
import Data.Maybe (Maybe(..))

-- every derivable class, over recursion, a record, an array and a `Maybe`
data T a = L | N (T a) a { k :: Int, v :: Array a } (Maybe a)

derive instance Eq a => Eq (T a)
derive instance Ord a => Ord (T a)
derive instance Functor T
derive instance Foldable T
derive instance Traversable T

-- several parameters, a field using a hand-written instance, constructors without fields
data Pair e a = Pair e a | Lone e | NoPair

derive instance (Eq e, Eq a) => Eq (Pair e a)
derive instance (Ord e, Ord a) => Ord (Pair e a)
derive instance Functor (Pair e)
derive instance Foldable (Pair e)
derive instance Traversable (Pair e)

newtype Down = Down Int

derive newtype instance Eq Down

instance Ord Down where
  compare (Down a) (Down b) = compare b a

data Ranked = Ranked Down String

derive instance Eq Ranked
derive instance Ord Ranked

-- a functor inside a field: `Either`, `List`, nested arrays, a record inside an array
data Deep a = Deep (Either String a) (List (Array a)) (Array { x :: a, y :: Int })

derive instance Functor Deep

-- a newtype: derived (not newtype-derived) instances see through its constructor
newtype Wrap a = Wrap (Maybe a)

derive instance Eq a => Eq (Wrap a)
derive instance Ord a => Ord (Wrap a)
derive instance Functor Wrap
derive instance Foldable Wrap
derive instance Traversable Wrap

-- an instance over a type constructor variable, given by the context
data Two f a = Two (f a) (f a)

derive instance Functor f => Functor (Two f)
derive instance Foldable f => Foldable (Two f)
derive instance Traversable f => Traversable (Two f)

-- quantified fields: a mapped value takes the field's dictionaries first and hands them on
data Shown a = Shown (forall t. Show t => t -> a) (forall t. Show t => Eq t => t -> t -> a) (forall t. t -> a)

derive instance Functor Shown

shownOf :: Shown String -> Array String
shownOf (Shown f g h) = [f 1, f "one", g 2 2, g 2 3, h true]

-- newtype-derived instances of any class, also for a newtype applied to fewer types than it has parameters
newtype Score = Score Int

derive newtype instance Eq Score
derive newtype instance Ord Score
derive newtype instance Show Score
derive newtype instance Semiring Score
derive newtype instance Ring Score

newtype Lines a = Lines (Array a)

derive newtype instance Functor Lines
derive newtype instance Foldable Lines
derive newtype instance Semigroup (Lines a)
derive newtype instance Show a => Show (Lines a)

-- an empty type
data Never

derive instance Eq Never
derive instance Ord Never

elements :: forall f a. Foldable f => f a -> Array a
elements = foldMap (\\x -> [x])

fromRight :: forall a. a -> Either String a -> a
fromRight d e = case e of
  Right x -> x
  Left _ -> d

eqLaws :: T Int -> T Int -> Array Boolean
eqLaws x y = [x == x, (x == y) == (y == x), (x /= y) == not (x == y)]

ordLaws :: T Int -> T Int -> Array Boolean
ordLaws x y = [compare x x == EQ, compare x y == invert (compare y x), (x <= y) == (compare x y /= GT)]
  where
  invert o = case o of
    LT -> GT
    GT -> LT
    EQ -> EQ

functorLaws :: T Int -> Array Boolean
functorLaws x = [map identity x == x, map ((_ * 2) <<< (_ + 1)) x == map (_ * 2) (map (_ + 1) x)]

foldLaws :: T Int -> Array Boolean
foldLaws x =
  [ foldr (:) Nil x == foldl (\\acc v -> acc <> (v : Nil)) Nil x
  , foldl (+) 0 x == foldr (+) 0 x
  , elements x == foldr (\\v acc -> [v] <> acc) [] x
  ]

traverseLaws :: T Int -> Array Boolean
traverseLaws x = [traverse Just x == Just x, sequence (map Just x) == Just x, traverse (\\v -> [v]) x == [x]]
"""

_CACHE = ElementCache()


def run(expression: str) -> str:
    return evaluate_expression(root(), expression, module_source=DERIVED, cache=_CACHE).value


# ---------------------------------------------------------------------------------------------- examples
def test_derived_eq_and_ord_compare_constructors_then_fields() -> None:
    t = "(N L 1 { k: 2, v: [3] } (Just 4))"
    assert run(f"[{t} == {t}, {t} == L, L == (L :: T Int)]") == "[true,false,true]"
    assert run(f"[compare L {t}, compare {t} L, compare {t} (N L 1 {{ k: 2, v: [3, 0] }} (Just 4))]") == "[LT,GT,LT]"
    # records compare label by label in label order: `k` before `v`
    assert run("compare (N L 1 { k: 1, v: [9] } Nothing) (N L 1 { k: 2, v: [0] } Nothing)") == "LT"
    assert run('[Pair 1 "a" < Lone 0, Lone 5 < (NoPair :: Pair Int Int)]') == "[true,true]"
    assert run("[compare (Pair 1 2) (Pair 1 3), compare NoPair (NoPair :: Pair Int Int)]") == "[LT,EQ]"
    # the field's own (reversed) order is used
    ranked = 'compare (Ranked (Down 1) "a") (Ranked (Down 2) "a"), compare (Ranked (Down 1) "a") (Ranked (Down 1) "b")'
    assert run(f"[{ranked}]") == "[GT,LT]"
    assert run("[Wrap (Just 1) < Wrap Nothing, Wrap (Just 1) == Wrap (Just 1)]") == "[false,true]"


def test_derived_functor_foldable_traversable() -> None:
    t = "(N (N L 1 { k: 0, v: [2, 3] } Nothing) 4 { k: 9, v: [] } (Just 5))"
    assert run(f"map show {t}") == 'N (N L "1" { k: 0, v: ["2","3"] } Nothing) "4" { k: 9, v: [] } (Just "5")'
    assert run(f"elements {t}") == "[1,2,3,4,5]"
    assert run(f"foldl (\\acc x -> acc <> show x) \"\" {t}") == '"12345"'
    assert run(f"foldr (\\x acc -> acc <> show x) \"\" {t}") == '"54321"'
    assert run(f"traverse (\\x -> if x > 0 then Right x else Left x) {t}") == (
        "Right (N (N L 1 { k: 0, v: [2,3] } Nothing) 4 { k: 9, v: [] } (Just 5))"
    )
    assert run(f"traverse (\\x -> if x /= 3 then Right x else Left x) {t}") == "Left 3"
    # effects run in field order, records by label: the first failure wins
    assert run(f"traverse (\\x -> if x > 1 then Left x else Right x) {t}") == "Left 2"
    assert run("sequence (N L [1, 2] { k: 0, v: [] } (Just [3]))") == (
        "[N L 1 { k: 0, v: [] } (Just 3),N L 2 { k: 0, v: [] } (Just 3)]"
    )
    assert run('[map show (Pair "e" 1), map show (Lone "e" :: Pair String Int)]') == '[Pair "e" "1",Lone "e"]'
    assert run('[elements (Pair "e" 1), elements (Lone "e" :: Pair String Int)]') == "[[1],[]]"
    assert run('traverse Just (Pair "e" 1)') == 'Just (Pair "e" 1)'
    deep = '(Deep (Right 1) ([1, 2] : Nil) [{ x: 3, y: 0 }])'
    assert run(f"map (_ * 10) {deep}") == 'Deep (Right 10) (Cons [10,20] Nil) [{ x: 30, y: 0 }]'
    assert run("[map (_ + 1) (Wrap (Just 1)), map (_ + 1) (Wrap Nothing)]") == "[Wrap (Just 2),Wrap Nothing]"
    assert run("[elements (Wrap (Just 1)), elements (Two [1, 2] [3])]") == "[[1],[1,2,3]]"
    assert run("map show (Two (Just 1) Nothing)") == 'Two (Just "1") Nothing'
    assert run("traverse (\\x -> [x, x + 1]) (Two [1] [])") == "[Two [1] [],Two [2] []]"
    assert run("traverse Just (Wrap (Just 3))") == "Just (Wrap (Just 3))"


def test_derived_functor_maps_inside_quantified_constrained_fields() -> None:
    shown = 'Shown (\\x -> show x) (\\x y -> if x == y then show x else show y <> show x) (\\_ -> "h")'
    assert run(f'shownOf (map (\\s -> "<" <> s <> ">") ({shown}))') == (
        '["<1>","<\\"one\\">","<2>","<32>","<h>"]'
    )


def test_newtype_derived_instances_are_the_wrapped_types() -> None:
    assert run("[show (Score 3 + Score 4 * one), show (Score 1 - Score 3), show (max (Score 1) (Score 2))]") == (
        '["7","-2","2"]'
    )
    assert run("Score 1 < Score 2 && Score 2 == Score 2") == "true"
    assert run("show (map (_ + 1) (Lines [1, 2]) <> Lines [9])") == '"[2,3,9]"'
    assert run("elements (Lines [1, 2])") == "[1,2]"


def test_derived_instances_of_an_empty_type_exist() -> None:
    assert run("map (\\x -> [x == x, x < x]) ([] :: Array Never)") == "[]"


# ---------------------------------------------------------------------------------------------- laws and a model
Tree = Any


def trees() -> st.SearchStrategy[Tree]:
    ints = st.integers(min_value=-3, max_value=3)
    leaf = st.just(("L",))
    return st.recursive(
        leaf,
        lambda inner: st.tuples(
            st.just("N"), inner, ints, ints, st.lists(ints, max_size=3), st.one_of(st.none(), ints)
        ),
        max_leaves=4,
    )


def nova(t: Tree) -> str:
    """The Nova source of a tree."""
    if t[0] == "L":
        return "L"
    _, left, a, k, v, m = t
    maybe = "Nothing" if m is None else f"(Just {_int(m)})"
    return f"(N {nova(left)} {_int(a)} {{ k: {_int(k)}, v: [{', '.join(_int(x) for x in v)}] }} {maybe})"


def typed(t: Tree) -> str:
    return f"({nova(t)} :: T Int)"


def _int(n: int) -> str:
    return f"({n})" if n < 0 else str(n)


def key(t: Tree) -> tuple[Any, ...]:
    """PureScript's derived order as a Python tuple order: constructor index first, then the fields left to right
    (the record's by label: `k`, then `v`; arrays lexicographically; `Nothing` before `Just`)."""
    if t[0] == "L":
        return (0,)
    _, left, a, k, v, m = t
    return (1, key(left), a, k, tuple(v), (0,) if m is None else (1, m))


def visited(t: Tree) -> list[int]:
    """The values in the order derived folds visit them."""
    if t[0] == "L":
        return []
    _, left, a, _k, v, m = t
    return [*visited(left), a, *v, *([] if m is None else [m])]


@settings(max_examples=40, deadline=None)
@given(trees(), trees())
def test_derived_eq_and_ord_follow_the_laws_and_the_model(x: Tree, y: Tree) -> None:
    assert run(f"eqLaws {nova(x)} {nova(y)}") == "[true,true,true]"
    assert run(f"ordLaws {nova(x)} {nova(y)}") == "[true,true,true]"
    expected = "LT" if key(x) < key(y) else "GT" if key(x) > key(y) else "EQ"
    assert run(f"compare {typed(x)} {nova(y)}") == expected
    assert run(f"{typed(x)} == {nova(y)}") == ("true" if x == y else "false")


@settings(max_examples=40, deadline=None)
@given(trees())
def test_derived_functor_foldable_traversable_follow_the_laws_and_the_model(x: Tree) -> None:
    assert run(f"functorLaws {nova(x)}") == "[true,true]"
    assert run(f"foldLaws {nova(x)}") == "[true,true,true]"
    assert run(f"traverseLaws {nova(x)}") == "[true,true,true]"
    values = visited(x)
    assert run(f"elements {typed(x)}") == "[" + ",".join(str(v) for v in values) + "]"
    assert run(f"elements (map (_ * 3) {typed(x)})") == "[" + ",".join(str(v * 3) for v in values) + "]"
    first_negative = next((v for v in values if v < 0), None)
    checked = f"traverse (\\v -> if v < 0 then Left v else Right v) {typed(x)}"
    if first_negative is None:
        assert run(f"{checked} == Right {nova(x)}") == "true"
    else:
        assert run(checked) == f"Left {_int(first_negative)}"
