"""Examples: Data.Number."""

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
    ("[N.ceil 1.2, N.floor 1.8, N.round 2.5, N.trunc (-1.5)]", "[2.0,1.0,3.0,-1.0]"),
    ("[N.cos 0.0, N.sin 0.0, N.exp 0.0, N.log 1.0, N.sqrt 9.0, N.pow 2.0 3.0]", "[1.0,0.0,1.0,0.0,3.0,8.0]"),
    ("[N.isNaN N.nan, N.isFinite N.infinity, N.pi > 3.14, N.e > 2.71]", "[true,false,true,true]"),
    ('[N.fromString "1.5", N.fromString "x"]', "[Just 1.5,Nothing]"),
    # as PureScript documents it: parseFloat's prefix, finite results only
    (
        '[N.fromString "  1.2 ??", N.fromString "1e4", N.fromString "Infinity", N.fromString "1e400", N.fromString "bad"]',
        "[Just 1.2,Just 10000.0,Nothing,Nothing,Nothing]",
    ),
]
