"""Examples: Effect and Effect.Console."""

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
    ('log "hello"', "unit"),
    ('do\n  info "i"\n  warn "w"\n  error "e"\n  logShow [1]\n  pure 7', "7"),
    ("forE 1 3 (\\i -> log (show i))", "unit"),
    ('foreachE ["a", "b"] log', "unit"),
    ('whileE (pure false) (log "never")', "unit"),
]
