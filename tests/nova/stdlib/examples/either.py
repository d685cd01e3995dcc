"""Examples: Data.Either."""

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
    ('[Left 1, Right "x"]', '[Left 1,Right "x"]'),
    ("[either negate identity (Left 1), either negate identity (Right 5)]", "[-1,5]"),
    ("[fromLeft 0 (Left 3), fromRight 0 (Left 3), fromLeft 0 (Right 1)]", "[3,0,0]"),
    ('[hush (Right 1), hush (Left "e"), blush (Left 2)]', "[Just 1,Nothing,Just 2]"),
    ("[isLeft (Left 1), isRight (Left 1)]", "[true,false]"),
    ('[note "missing" Nothing, note "missing" (Just 1)]', '[Left "missing",Right 1]'),
    ("map negate (Right 1 :: Either String Int)", "Right (-1)"),
    ('(Right 1 :: Either String Int) >>= \\x -> if x > 0 then Left "pos" else Right x', 'Left "pos"'),
    ("[show (Left 1 :: Either Int Int), show (Right 2 :: Either Int Int)]", '["(Left 1)","(Right 2)"]'),
    ("[Left 1 == (Left 1 :: Either Int Int), Left 9 < (Right 0 :: Either Int Int)]", "[true,true]"),
    ("Right negate <*> (Right 1 :: Either String Int)", "Right (-1)"),
    ("(pure 1 :: Either String Int)", "Right 1"),
]
