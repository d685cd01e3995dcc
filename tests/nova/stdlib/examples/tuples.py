"""Examples: Data.Tuple."""

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
    ('Tuple 1 "a"', 'Tuple 1 "a"'),
    ("[fst (Tuple 1 2), snd (Tuple 1 2)]", "[1,2]"),
    ('swap (Tuple 1 "a")', 'Tuple "a" 1'),
    ("[curry fst 1 2, uncurry add (Tuple 3 4)]", "[1,7]"),
    ("[Tuple 1 2 == Tuple 1 2, Tuple 1 2 < Tuple 1 3]", "[true,true]"),
    ('show (Tuple 1 "a")', '"(Tuple 1 \\"a\\")"'),
    ('Tuple [1] "a" <> Tuple [2] "b"', 'Tuple [1,2] "ab"'),
    ("(mempty :: Tuple String (Array Int))", 'Tuple "" []'),
    ('map negate (Tuple "k" 1)', 'Tuple "k" (-1)'),
]
