"""Examples: Data.Array."""

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
    ("[1, 2, 3] A.!! 1", "Just 2"),
    ("0 A.: [1]", "[0,1]"),
    ("A.catMaybes [Just 1, Nothing, Just 3]", "[1,3]"),
    ("A.concat [[1], [], [2, 3]]", "[1,2,3]"),
    ("A.concatMap (\\x -> [x, x * 10]) [1, 2]", "[1,10,2,20]"),
    ("A.cons 1 [2]", "[1,2]"),
    ("[A.deleteAt 1 [1, 2, 3], A.deleteAt 5 [1]]", "[Just [1,3],Nothing]"),
    ("A.drop 2 [1, 2, 3]", "[3]"),
    ("A.dropWhile (_ < 3) [1, 2, 3, 1]", "[3,1]"),
    ("[A.elemIndex 3 [1, 3], A.elemIndex 9 [1]]", "[Just 1,Nothing]"),
    ("A.filter (_ > 1) [1, 2, 3]", "[2,3]"),
    ("A.findIndex (_ > 1) [1, 2, 3]", "Just 1"),
    ("A.fromFoldable (Just 1)", "[1]"),
    ("[A.head [1, 2], A.head []]", "[Just 1,Nothing]"),
    ("A.index [1, 2] 5", "Nothing"),
    ("A.init [1, 2, 3]", "Just [1,2]"),
    ("[A.insertAt 1 9 [1, 2], A.insertAt 9 9 [1]]", "[Just [1,9,2],Nothing]"),
    ("A.last [1, 2, 3]", "Just 3"),
    ("A.length [1, 2, 3]", "3"),
    ("A.mapMaybe (\\x -> if x > 1 then Just (x * 2) else Nothing) [1, 2, 3]", "[4,6]"),
    ("A.mapWithIndex (\\i x -> i * x) [5, 6, 7]", "[0,6,14]"),
    ("A.modifyAt 0 negate [1, 2]", "Just [-1,2]"),
    ("A.nub [1, 2, 1, 3, 2]", "[1,2,3]"),
    ("A.nubEq [1, 2, 1, 3, 2]", "[1,2,3]"),
    ("A.nubByEq (\\a b -> a `mod` 3 == b `mod` 3) [1, 2, 4, 3, 5, 6]", "[1,2,3]"),
    ("[A.null [], A.null [1]]", "[true,false]"),
    ("A.partition (_ > 1) [1, 2, 3]", "{ no: [1], yes: [2,3] }"),
    ("[A.range 1 4, A.range 3 1]", "[[1,2,3,4],[3,2,1]]"),
    ("A.replicate 3 'x'", "['x','x','x']"),
    ("A.reverse [1, 2, 3]", "[3,2,1]"),
    ("A.singleton 1", "[1]"),
    ("A.slice 1 3 [0, 1, 2, 3]", "[1,2]"),
    ("A.snoc [1] 2", "[1,2]"),
    ("A.sort [3, 1, 2]", "[1,2,3]"),
    ("A.sortBy (flip compare) [1, 3, 2]", "[3,2,1]"),
    ("A.sortWith negate [1, 3, 2]", "[3,2,1]"),
    ("[A.tail [1, 2, 3], A.tail []]", "[Just [2,3],Nothing]"),
    ("A.take 2 [1, 2, 3]", "[1,2]"),
    ("A.takeWhile (_ < 3) [1, 2, 3, 1]", "[1,2]"),
    ("A.uncons [1, 2]", "Just { head: 1, tail: [2] }"),
    ("A.unzip [Tuple 1 'a', Tuple 2 'b']", "Tuple [1,2] ['a','b']"),
    ("A.updateAt 1 9 [1, 2]", "Just [1,9]"),
    ("A.zip [1, 2, 3] ['a', 'b']", "[Tuple 1 'a',Tuple 2 'b']"),
    ("A.zipWith add [1, 2] [10, 20, 30]", "[11,22]"),
]
