"""The laws of the indexed classes (`FunctorWithIndex`, `FoldableWithIndex`, `TraversableWithIndex`) for the
instances the types' own modules define: `List`, `NonEmptyList`, `NonEmptyArray` and `NonEmpty` (over arrays and
over lists), as properties checked through the evaluator.

One Nova expression per draw gives one Boolean per law, so a failure names the law: `mapWithIndex`'s identity and
composition laws and its agreement with `map`; the indexed folds' agreement with the plain ones when the index is
ignored, with each other, and with the indices `mapWithIndex` gives; `traverseWithIndex`'s agreement with
`traverse`, with `mapWithIndex` under `Identity` and with `sequence <<< mapWithIndex`; and the indices themselves
(positions from 0; `Nothing` for a `NonEmpty`'s head, then `Just` the rest's own indices).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nova.eval.api import evaluate_expression
from nova.eval.link import ElementCache
from tests.nova.stdlib.stdlib_examples import root

LAWS = r"""module WithIndexLaws where

import Prelude
import Data.Array as A
import Data.Array.NonEmpty as NEA
import Data.Foldable (class Foldable, foldl, foldMap, foldr)
import Data.FoldableWithIndex (class FoldableWithIndex, foldlWithIndex, foldMapWithIndex, foldrWithIndex)
import Data.FunctorWithIndex (class FunctorWithIndex, mapWithIndex)
import Data.Identity (Identity(..))
import Data.List (List(..), (:))
import Data.List.Types (NonEmptyList(..))
import Data.Maybe (Maybe(..), maybe)
import Data.NonEmpty (NonEmpty, (:|))
import Data.Traversable (class Traversable, sequence, traverse)
import Data.TraversableWithIndex (class TraversableWithIndex, traverseWithIndex)
import Data.Tuple (Tuple(..), fst)

-- | Every law of the three classes for `x`, whose indices `ix` turns into `Int`s and should be `expected`.
withIndexLaws
  :: forall i t
   . TraversableWithIndex i t
  => Eq (t Int)
  => (i -> Int)
  -> Array Int
  -> t Int
  -> Array Boolean
withIndexLaws ix expected x =
  [ mapWithIndex (\_ a -> a) x == x
  , mapWithIndex f (mapWithIndex g x) == mapWithIndex (\i -> f i <<< g i) x
  , mapWithIndex (const (_ * 3)) x == map (_ * 3) x
  , foldrWithIndex (const cons) [] x == foldr cons [] x
  , foldlWithIndex (const snoc) [] x == foldl snoc [] x
  , foldMapWithIndex (const A.singleton) x == foldMap A.singleton x
  , indexed == foldrWithIndex (\i a acc -> [ Tuple (ix i) a ] <> acc) [] x
  , indexed == foldlWithIndex (\i acc a -> acc <> [ Tuple (ix i) a ]) [] x
  , indexed == foldMap (\(Tuple i a) -> [ Tuple (ix i) a ]) (mapWithIndex Tuple x)
  , map fst indexed == expected
  , traverseWithIndex (const half) x == traverse half x
  , traverseWithIndex (\i a -> Identity (f i a)) x == Identity (mapWithIndex f x)
  , traverseWithIndex halfAt x == sequence (mapWithIndex halfAt x)
  , traverseWithIndex branch x == sequence (mapWithIndex branch x)
  ]
  where
  f i a = a + ix i
  g i a = a * 2 - ix i
  cons a acc = [ a ] <> acc
  snoc acc a = acc <> [ a ]
  indexed = foldMapWithIndex (\i a -> [ Tuple (ix i) a ]) x
  half a = if a `mod` 2 == 0 then Just (a / 2) else Nothing
  halfAt i a = half (a + ix i)
  branch i a = [ a, a + ix i ]

position :: Int -> Int
position i = i

-- | A `NonEmpty`'s head has index `Nothing`: -1 here.
headOrPosition :: Maybe Int -> Int
headOrPosition = maybe (-1) identity

listLaws :: Array Int -> List Int -> Array Boolean
listLaws expected xs = withIndexLaws position expected xs

nonEmptyListLaws :: Array Int -> Int -> List Int -> Array Boolean
nonEmptyListLaws expected x xs = withIndexLaws position expected (NonEmptyList (x :| xs))

nonEmptyArrayLaws :: Array Int -> Int -> Array Int -> Array Boolean
nonEmptyArrayLaws expected x xs = withIndexLaws position expected (NEA.cons' x xs)

nonEmptyLaws :: Array Int -> Int -> Array Int -> List Int -> Array Boolean
nonEmptyLaws expected x xs ys =
  withIndexLaws headOrPosition expected (x :| xs) <> withIndexLaws headOrPosition expected (x :| ys)

-- | An array whose `mapWithIndex` counts from 1 while its folds count from 0: it breaks the laws that relate them.
newtype Skewed a = Skewed (Array a)

instance eqSkewed :: Eq a => Eq (Skewed a) where
  eq (Skewed xs) (Skewed ys) = xs == ys

instance functorSkewed :: Functor Skewed where
  map h (Skewed xs) = Skewed (map h xs)

instance functorWithIndexSkewed :: FunctorWithIndex Int Skewed where
  mapWithIndex h (Skewed xs) = Skewed (mapWithIndex (\i -> h (i + 1)) xs)

instance foldableSkewed :: Foldable Skewed where
  foldr h z (Skewed xs) = foldr h z xs
  foldl h z (Skewed xs) = foldl h z xs
  foldMap h (Skewed xs) = foldMap h xs

instance foldableWithIndexSkewed :: FoldableWithIndex Int Skewed where
  foldrWithIndex h z (Skewed xs) = foldrWithIndex h z xs
  foldlWithIndex h z (Skewed xs) = foldlWithIndex h z xs
  foldMapWithIndex h (Skewed xs) = foldMapWithIndex h xs

instance traversableSkewed :: Traversable Skewed where
  traverse h (Skewed xs) = map Skewed (traverse h xs)
  sequence (Skewed xs) = map Skewed (sequence xs)

instance traversableWithIndexSkewed :: TraversableWithIndex Int Skewed where
  traverseWithIndex h (Skewed xs) = map Skewed (traverseWithIndex h xs)
"""

LAW_COUNT = 14

_CACHE = ElementCache()


def run(expression: str) -> str:
    return evaluate_expression(root(), expression, module_source=LAWS, cache=_CACHE).value


def _int(n: int) -> str:
    return f"({n})" if n < 0 else str(n)


def _array(v: list[int]) -> str:
    return "[" + ", ".join(_int(n) for n in v) + "]"


def _list(v: list[int]) -> str:
    return "(" + "".join(f"{_int(n)} : " for n in v) + "Nil)"


def _verdicts(expression: str) -> list[str]:
    result = run(expression)
    assert result.startswith("[") and result.endswith("]"), result
    return result[1:-1].split(",")


def assert_laws(expression: str, count: int) -> None:
    verdicts = _verdicts(expression)
    assert len(verdicts) == count, (expression, verdicts)
    failed = [index % LAW_COUNT for index, verdict in enumerate(verdicts) if verdict != "true"]
    assert not failed, f"laws {failed} fail for {expression}"


ints = st.integers(min_value=-5, max_value=5)
small = st.lists(ints, max_size=4)


def test_a_law_broken_by_an_instance_is_reported() -> None:
    """An instance whose `mapWithIndex` and folds disagree on the indices fails exactly the laws relating them."""
    verdicts = _verdicts("withIndexLaws position [0, 1] (Skewed [4, 7])")
    failed = [index for index, verdict in enumerate(verdicts) if verdict != "true"]
    assert failed == [8, 11, 12, 13], verdicts


def test_wrong_indices_are_reported() -> None:
    assert _verdicts("listLaws [1, 2] (4 : 6 : Nil)")[9] == "false"
    assert _verdicts("nonEmptyLaws [0, 1] 4 [6] (6 : Nil)")[9] == "false"


@settings(max_examples=15, deadline=None)
@given(small)
def test_list_with_index_laws(xs: list[int]) -> None:
    assert_laws(f"listLaws {_array(list(range(len(xs))))} {_list(xs)}", LAW_COUNT)


@settings(max_examples=15, deadline=None)
@given(ints, small)
def test_non_empty_list_with_index_laws(x: int, xs: list[int]) -> None:
    expected = _array(list(range(len(xs) + 1)))
    assert_laws(f"nonEmptyListLaws {expected} {_int(x)} {_list(xs)}", LAW_COUNT)


@settings(max_examples=15, deadline=None)
@given(ints, small)
def test_non_empty_array_with_index_laws(x: int, xs: list[int]) -> None:
    expected = _array(list(range(len(xs) + 1)))
    assert_laws(f"nonEmptyArrayLaws {expected} {_int(x)} {_array(xs)}", LAW_COUNT)


@settings(max_examples=15, deadline=None)
@given(ints, small)
def test_non_empty_with_index_laws(x: int, xs: list[int]) -> None:
    """Over arrays and over lists: the head's index is `Nothing`, then `Just` the tail's own positions."""
    expected = _array([-1, *range(len(xs))])
    assert_laws(f"nonEmptyLaws {expected} {_int(x)} {_array(xs)} {_list(xs)}", 2 * LAW_COUNT)
