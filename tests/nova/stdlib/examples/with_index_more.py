"""Examples: the FunctorWithIndex, FoldableWithIndex and TraversableWithIndex instances of Data.Maybe.First/Last,
the Data.Monoid newtypes (index `unit`), and of App, Compose, Product and Coproduct (indices of the functors
inside, `Either` for the sides of a Product or Coproduct, `Tuple` for a Compose)."""

HEADER = r"""

import Prelude
import Data.Either (Either(..))
import Data.FoldableWithIndex (foldMapWithIndex, foldlWithIndex, foldrWithIndex)
import Data.Functor.App (App(..))
import Data.Functor.Compose (Compose(..))
import Data.Functor.Coproduct (Coproduct, left, right)
import Data.Functor.Product (product)
import Data.FunctorWithIndex (mapWithIndex)
import Data.Maybe (Maybe(..))
import Data.Maybe.First (First(..))
import Data.Maybe.Last (Last(..))
import Data.Monoid.Additive (Additive(..))
import Data.Monoid.Conj (Conj(..))
import Data.Monoid.Disj (Disj(..))
import Data.Monoid.Dual (Dual(..))
import Data.Monoid.Multiplicative (Multiplicative(..))
import Data.Newtype (unwrap)
import Data.TraversableWithIndex (traverseWithIndex)
import Data.Tuple (Tuple(..))

inc :: Unit -> Int -> Int
inc _ x = x + 1

listed :: forall i. Show i => i -> Int -> Array String
listed i x = [ show i <> ":" <> show x ]

r :: forall i. Show i => i -> Int -> Array String -> Array String
r i x acc = listed i x <> acc

l :: forall i. Show i => i -> Array String -> Int -> Array String
l i acc x = acc <> listed i x

halfAt :: forall i. i -> Int -> Maybe Int
halfAt _ x = if x `mod` 2 == 0 then Just (x / 2) else Nothing

pq :: Coproduct Array Maybe Int
pq = left [ 4, 6 ]
"""

EXAMPLES: list[tuple[str, str]] = [
    (
        "[unwrap (mapWithIndex inc (Additive 1)), unwrap (mapWithIndex inc (Conj 2)), unwrap (mapWithIndex inc (Disj 3)),"
        " unwrap (mapWithIndex inc (Dual 4)), unwrap (mapWithIndex inc (Multiplicative 5))]",
        "[2,3,4,5,6]",
    ),
    ("[unwrap (mapWithIndex inc (First (Just 1))), unwrap (mapWithIndex inc (Last Nothing))]", "[Just 2,Nothing]"),
    (
        "[foldrWithIndex r [] (Additive 1), foldlWithIndex l [] (Conj 2), foldMapWithIndex listed (Disj 3),"
        " foldrWithIndex r [] (Dual 4), foldMapWithIndex listed (Multiplicative 5), foldlWithIndex l [] (First (Just 6)),"
        " foldMapWithIndex listed (Last (Nothing :: Maybe Int))]",
        '[["unit:1"],["unit:2"],["unit:3"],["unit:4"],["unit:5"],["unit:6"],[]]',
    ),
    (
        "[map unwrap (traverseWithIndex halfAt (Additive 2)), map unwrap (traverseWithIndex halfAt (Conj 3)),"
        " map unwrap (traverseWithIndex halfAt (Disj 4)), map unwrap (traverseWithIndex halfAt (Dual 6)),"
        " map unwrap (traverseWithIndex halfAt (Multiplicative 8))]",
        "[Just 1,Nothing,Just 2,Just 3,Just 4]",
    ),
    (
        "[map unwrap (traverseWithIndex halfAt (First (Just 2))), map unwrap (traverseWithIndex halfAt (Last (Just 3)))]",
        "[Just (Just 1),Nothing]",
    ),
    (
        "mapWithIndex (\\i x -> show i <> show x) (product [ 1, 2 ] (Just 3))",
        'Product (Tuple ["(Left 0)1","(Left 1)2"] (Just "(Right unit)3"))',
    ),
    (
        "[foldrWithIndex r [] (product [ 1, 2 ] (Just 3)), foldlWithIndex l [] (product [ 1 ] (Just 3)),"
        " foldMapWithIndex listed (product [ 1 ] (Nothing :: Maybe Int))]",
        '[["(Left 0):1","(Left 1):2","(Right unit):3"],["(Left 0):1","(Right unit):3"],["(Left 0):1"]]',
    ),
    (
        "[traverseWithIndex halfAt (product [ 2, 4 ] (Just 6)) == Just (product [ 1, 2 ] (Just 3)),"
        " traverseWithIndex halfAt (product [ 2, 3 ] Nothing) == Nothing]",
        "[true,true]",
    ),
    (
        '[mapWithIndex (\\i x -> show i <> show x) pq == left [ "(Left 0)4", "(Left 1)6" ],'
        ' mapWithIndex (\\i x -> show i <> show x) (right (Just 1) :: Coproduct Array Maybe Int) == right (Just "(Right unit)1")]',
        "[true,true]",
    ),
    (
        "[foldrWithIndex r [] pq, foldlWithIndex l [] (right (Just 1) :: Coproduct Array Maybe Int), foldMapWithIndex listed pq]",
        '[["(Left 0):4","(Left 1):6"],["(Right unit):1"],["(Left 0):4","(Left 1):6"]]',
    ),
    (
        "[traverseWithIndex halfAt pq == Just (left [ 2, 3 ]), traverseWithIndex halfAt (right (Just 1) :: Coproduct Array Maybe Int) == Nothing]",
        "[true,true]",
    ),
    (
        "mapWithIndex (\\i x -> show i <> show x) (Compose [ Just 1, Nothing, Just 2 ])",
        'Compose [Just "(Tuple 0 unit)1",Nothing,Just "(Tuple 2 unit)2"]',
    ),
    (
        "[foldrWithIndex r [] (Compose [ [ 1 ], [ 2, 3 ] ]), foldlWithIndex l [] (Compose [ [ 1 ], [ 2 ] ]),"
        " foldMapWithIndex listed (Compose (Just [ 5 ]))]",
        '[["(Tuple 0 0):1","(Tuple 1 0):2","(Tuple 1 1):3"],["(Tuple 0 0):1","(Tuple 1 0):2"],["(Tuple unit 0):5"]]',
    ),
    (
        "[traverseWithIndex halfAt (Compose [ [ 2 ], [ 4 ] ]) == Just (Compose [ [ 1 ], [ 2 ] ]),"
        " traverseWithIndex halfAt (Compose [ [ 1 ] ]) == Nothing]",
        "[true,true]",
    ),
    (
        '[mapWithIndex (\\i x -> i + x) (App [ 10, 20 ]) == App [ 10, 21 ], foldrWithIndex r [] (App [ 7 ]) == [ "0:7" ],'
        ' foldlWithIndex l [] (App [ 7 ]) == [ "0:7" ], foldMapWithIndex listed (App [ 7 ]) == [ "0:7" ],'
        " traverseWithIndex halfAt (App [ 2 ]) == Just (App [ 1 ])]",
        "[true,true,true,true,true]",
    ),
]
