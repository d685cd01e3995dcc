"""Examples: Data.List."""

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
    ("l3", "Cons 1 (Cons 2 (Cons 3 Nil))"),
    ("l3 L.!! 0", "Just 1"),
    ("0 L.: Nil", "Cons 0 Nil"),
    ("Cons 1 Nil", "Cons 1 Nil"),
    ("L.catMaybes (Cons (Just 1) (Cons Nothing Nil))", "Cons 1 Nil"),
    ("L.concat (Cons l3 (Cons l3 Nil))", "Cons 1 (Cons 2 (Cons 3 (Cons 1 (Cons 2 (Cons 3 Nil)))))"),
    ("L.concatMap (\\x -> Cons x (Cons x Nil)) (L.range 1 2)", "Cons 1 (Cons 1 (Cons 2 (Cons 2 Nil)))"),
    ("L.delete 2 l3", "Cons 1 (Cons 3 Nil)"),
    ("L.drop 2 l3", "Cons 3 Nil"),
    ("L.dropWhile (_ < 2) l3", "Cons 2 (Cons 3 Nil)"),
    ("L.elemIndex 3 l3", "Just 2"),
    ("L.filter (_ /= 2) l3", "Cons 1 (Cons 3 Nil)"),
    ("L.findIndex (_ > 5) l3", "Nothing"),
    ("L.fromFoldable [1, 2]", "Cons 1 (Cons 2 Nil)"),
    ("[L.head l3, L.last l3, L.index l3 1]", "[Just 1,Just 3,Just 2]"),
    ("L.init l3", "Just (Cons 1 (Cons 2 Nil))"),
    ("L.insert 2 (L.fromFoldable [1, 3])", "Cons 1 (Cons 2 (Cons 3 Nil))"),
    ("L.insertBy (flip compare) 2 (L.fromFoldable [3, 1])", "Cons 3 (Cons 2 (Cons 1 Nil))"),
    ("L.length l3", "3"),
    ("L.mapMaybe (\\x -> if x == 2 then Nothing else Just x) l3", "Cons 1 (Cons 3 Nil)"),
    ("L.nub (L.fromFoldable [1, 1, 2])", "Cons 1 (Cons 2 Nil)"),
    ("L.nubEq (L.fromFoldable [2, 1, 2])", "Cons 2 (Cons 1 Nil)"),
    ("[L.null Nil, L.null l3]", "[true,false]"),
    ("L.partition (_ > 1) l3", "{ no: Cons 1 Nil, yes: Cons 2 (Cons 3 Nil) }"),
    ("L.replicate 2 'a'", "Cons 'a' (Cons 'a' Nil)"),
    ("L.reverse l3", "Cons 3 (Cons 2 (Cons 1 Nil))"),
    ("L.singleton 1", "Cons 1 Nil"),
    ("L.snoc (L.singleton 1) 2", "Cons 1 (Cons 2 Nil)"),
    ("L.sort (L.fromFoldable [3, 1, 2])", "Cons 1 (Cons 2 (Cons 3 Nil))"),
    ("L.sortBy (flip compare) l3", "Cons 3 (Cons 2 (Cons 1 Nil))"),
    ("L.span (_ < 2) l3", "{ init: Cons 1 Nil, rest: Cons 2 (Cons 3 Nil) }"),
    ("L.tail l3", "Just (Cons 2 (Cons 3 Nil))"),
    ("[L.take 1 l3, L.takeWhile (_ < 3) l3]", "[Cons 1 Nil,Cons 1 (Cons 2 Nil)]"),
    ("L.uncons l3", "Just { head: 1, tail: Cons 2 (Cons 3 Nil) }"),
    ("L.unzip (L.zip l3 (L.fromFoldable ['a']))", "Tuple (Cons 1 Nil) (Cons 'a' Nil)"),
    ("L.zipWith add l3 l3", "Cons 2 (Cons 4 (Cons 6 Nil))"),
    ("[l3 == l3, l3 < L.fromFoldable [1, 3]]", "[true,true]"),
    ("show l3", '"(1 : 2 : 3 : Nil)"'),
    ("l3 <> L.singleton 4", "Cons 1 (Cons 2 (Cons 3 (Cons 4 Nil)))"),
    ("map negate (L.singleton 1)", "Cons (-1) Nil"),
    ("(pure 1 :: List Int)", "Cons 1 Nil"),
    ("L.singleton negate <*> l3", "Cons (-1) (Cons (-2) (Cons (-3) Nil))"),
    ("l3 >>= \\x -> L.replicate x x", "Cons 1 (Cons 2 (Cons 2 (Cons 3 (Cons 3 (Cons 3 Nil)))))"),
    ("(mempty :: List Int)", "Nil"),
]
