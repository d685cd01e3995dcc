"""Examples: Data.Int."""

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
    ("[I.ceil 1.2, I.floor (-1.5), I.round 2.5, I.truncate (-1.7)]", "[2,-2,3,-1]"),
    ("[I.even 4, I.odd 4]", "[true,false]"),
    ("[I.fromNumber 3.0, I.fromNumber 3.5]", "[Just 3,Nothing]"),
    ('[I.fromString "-12", I.fromString "x"]', "[Just (-12),Nothing]"),
    ("[I.pow 2 10, I.quot (-7) 2, I.rem (-7) 2]", "[1024,-3,-1]"),
    ("I.toNumber 3", "3.0"),
]
