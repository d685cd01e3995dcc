"""Examples: Data.Set.NonEmpty, and the order-free `singleton`s of Data.Set and Data.Map."""

HEADER = r"""

import Prelude
import Data.Array.NonEmpty as NEA
import Data.Eq (eq1)
import Data.Foldable (foldl, foldr, foldMap)
import Data.Ord (compare1)
import Data.List (List)
import Data.List.NonEmpty as NEL
import Data.Map as M
import Data.Maybe (Maybe(..))
import Data.Semigroup.Foldable (foldl1, foldr1, foldMap1)
import Data.Set as S
import Data.Set.NonEmpty as NES

abc :: NES.NonEmptySet Int
abc = NES.fromFoldable1 (NEA.cons' 3 [1, 2, 1])

arr :: forall a. NES.NonEmptySet a -> Array a
arr = NES.toUnfoldable

sarr :: forall a. S.Set a -> Array a
sarr = S.toUnfoldable
"""

EXAMPLES: list[tuple[str, str]] = [
    (
        "[show abc, show (NES.singleton 'x'), show (abc == NES.cons 1 (S.fromFoldable [2, 3])), show (compare abc (NES.singleton 1))]",
        '["(fromFoldable1 (NonEmptyArray [1,2,3]))","(fromFoldable1 (NonEmptyArray [\'x\']))","true","GT"]',
    ),
    (
        "[arr abc, arr (NES.map (_ `mod` 2) abc), arr (NES.insert 0 abc), arr (abc <> NES.singleton 9), arr (NES.union abc (NES.singleton 4)), arr (NES.unionSet (S.fromFoldable [7]) abc)]",
        "[[1,2,3],[0,1],[0,1,2,3],[1,2,3,9],[1,2,3,4],[1,2,3,7]]",
    ),
    (
        "[NES.size abc, NES.min abc, NES.max abc, foldl (+) 0 abc, foldr (-) 0 abc, foldl1 (-) abc, foldr1 (-) abc]",
        "[3,1,3,6,2,-4,2]",
    ),
    ("[foldMap1 show abc, foldMap show abc]", '["123","123"]'),
    (
        "[show (map arr (NES.fromSet (S.fromFoldable [2, 1]))), show (map arr (NES.fromSet (S.empty :: S.Set Int))), show (map arr (NES.fromFoldable [5, 4])), show (map arr (NES.fromFoldable ([] :: Array Int)))]",
        '["(Just [1,2])","Nothing","(Just [4,5])","Nothing"]',
    ),
    (
        "[show (map arr (NES.delete 1 abc)), show (map arr (NES.delete 1 (NES.singleton 1))), show (map arr (NES.difference abc (NES.singleton 2))), show (map arr (NES.intersection abc (NES.singleton 9)))]",
        '["(Just [2,3])","Nothing","(Just [1,3])","Nothing"]',
    ),
    (
        "[NES.member 2 abc, NES.member 5 abc, NES.subset (NES.singleton 1) abc, NES.properSubset abc abc, NES.subset abc abc]",
        "[true,false,true,false,true]",
    ),
    (
        "[sarr (NES.toSet abc), sarr (NES.filter (_ > 1) abc), sarr (NES.mapMaybe (\\x -> if x > 2 then Just (x * 10) else Nothing) abc)]",
        "[[1,2,3],[2,3],[30]]",
    ),
    (
        "[NEA.toArray (NES.toUnfoldable1 abc), NEL.toUnfoldable (NES.toUnfoldable1 abc), arr (NES.singleton 0)]",
        "[[1,2,3],[1,2,3],[0]]",
    ),
    ("[eq1 abc abc, compare1 abc abc == EQ]", "[true,true]"),
    ("[S.size (S.singleton (\\x -> x + 1)), M.size (M.singleton (\\x -> x + 1) 5)]", "[1,1]"),
]
