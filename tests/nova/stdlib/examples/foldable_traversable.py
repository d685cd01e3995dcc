"""Examples: Data.Foldable and Data.Traversable."""

HEADER = """

import Prelude
import Data.Maybe (Maybe(..), fromMaybe, fromMaybe', isJust, isNothing, maybe, maybe')
import Data.Either (Either(..), blush, either, fromLeft, fromRight, hush, isLeft, isRight, note)
import Data.Tuple (Tuple(..), curry, fst, snd, swap, uncurry)
import Data.Array as A
import Data.List (List(..))
import Data.List as L
import Data.Foldable as F
import Data.Int as I
import Data.Number as N
import Data.String (Pattern(..), Replacement(..))
import Data.String as S
import Data.Char as C
import Data.Map as M
import Data.Set as Set
import Data.Traversable (traverse, sequence, for)
import Effect (Effect, forE, foreachE, whileE)
import Effect.Console (log, info, warn, error, logShow)
import Type.Proxy (Proxy(..))
import Data.Symbol (reflectSymbol)
import Data.Reflectable (reflectType)
import Safe.Coerce (coerce)
import Unsafe.Coerce (unsafeCoerce)

l3 :: List Int
l3 = L.range 1 3

s3 :: Set.Set Int
s3 = Set.fromFoldable [3, 1, 2, 1]

m3 :: M.Map Int String
m3 = M.fromFoldable [Tuple 2 "b", Tuple 1 "a", Tuple 3 "c"]
"""

EXAMPLES: list[tuple[str, str]] = [
    ("[F.foldr (\\x acc -> x - acc) 0 [1, 2, 3], F.foldl (\\acc x -> acc - x) 0 [1, 2, 3]]", "[2,-6]"),
    ("F.foldr add 0 l3", "6"),
    ("F.foldMap show [1, 2]", '"12"'),
    ("F.fold [[1], [2]]", "[1,2]"),
    ("F.foldM (\\acc x -> if x > 0 then Just (acc + x) else Nothing) 0 [1, 2]", "Just 3"),
    ("F.traverse_ (\\x -> if x > 0 then Just x else Nothing) [1, 2]", "Just unit"),
    ("F.for_ [1, -1] (\\x -> if x > 0 then Just x else Nothing)", "Nothing"),
    ("F.sequence_ [Just 1, Just 2]", "Just unit"),
    ('F.intercalate ", " ["a", "b"]', '"a, b"'),
    ("[F.sum [1, 2, 3], F.product [2, 3]]", "[6,6]"),
    (
        "[F.and [true, false], F.or [true, false], F.any (_ > 2) [1, 3], F.all (_ > 2) [1, 3]]",
        "[false,true,true,false]",
    ),
    ("[F.elem 2 [1, 2], F.notElem 2 [1, 2]]", "[true,false]"),
    (
        "[F.find (_ > 1) [1, 2, 3], F.findMap (\\x -> if x > 1 then Just (x * 10) else Nothing) [1, 2]]",
        "[Just 2,Just 20]",
    ),
    ("[F.length [1, 2] :: Int, F.length (Just 1)]", "[2,1]"),
    ("[F.null [], F.null (Just 1)]", "[true,false]"),
    ("[F.maximum [1, 3, 2], F.minimum [1, 3, 2], F.maximum []]", "[Just 3,Just 1,Nothing]"),
    ("[F.maximumBy compare l3, F.minimumBy compare l3]", "[Just 3,Just 1]"),
    ("F.sum (Just 4)", "4"),
    ("traverse (\\x -> if x > 0 then Just x else Nothing) [1, 2]", "Just [1,2]"),
    ("traverse (\\x -> if x > 0 then Just x else Nothing) (L.fromFoldable [1, 0])", "Nothing"),
    ("sequence [Just 1, Just 2]", "Just [1,2]"),
    ("sequence (Just [1, 2])", "[Just 1,Just 2]"),
    (
        "for (L.fromFoldable [1, 2]) (\\x -> [x, x * 10])",
        "[Cons 1 (Cons 2 Nil),Cons 1 (Cons 20 Nil),Cons 10 (Cons 2 Nil),Cons 10 (Cons 20 Nil)]",
    ),
    ("for (Just 3) (\\x -> Right x :: Either String Int)", "Right (Just 3)"),
]
