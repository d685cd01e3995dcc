"""Examples: Data.Maybe."""

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
    (
        "[fromMaybe 0 Nothing, fromMaybe' (\\_ -> 1) Nothing, maybe 0 negate (Just 2),"
        " maybe' (\\_ -> 5) negate Nothing]",
        "[0,1,-2,5]",
    ),
    ("[isJust (Just 1), isNothing (Just 1)]", "[true,false]"),
    ("[Just 1 == Just 1, Nothing < Just 0, Just 2 > Just 1]", "[true,true,true]"),
    ("[Just [1] <> Just [2], Nothing <> Just [3], mempty]", "[Just [1,2],Just [3],Nothing]"),
    ("show (Just (Just (-1)))", '"(Just (Just -1))"'),
]
