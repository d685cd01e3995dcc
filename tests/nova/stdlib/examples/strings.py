"""Examples: Data.String and Data.Char."""

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
    ('[Pattern "a" == Pattern "a", Replacement "b" == Replacement "c"]', "[true,false]"),
    ('[show (Pattern "a"), show (Replacement "b")]', '["(Pattern \\"a\\")","(Replacement \\"b\\")"]'),
    ('[S.charAt 1 "abc", S.charAt 5 "abc"]', "[Just 'b',Nothing]"),
    ('[S.contains (Pattern "b") "abc", S.null "", S.null "a"]', "[true,true,false]"),
    ('[S.drop 1 "abc", S.take 2 "abc", S.toLower "AB", S.toUpper "ab", S.trim " x "]', '["bc","ab","ab","AB","x"]'),
    ("S.fromCharArray ['a', 'b']", '"ab"'),
    ('S.toCharArray "ab"', "['a','b']"),
    ('[S.indexOf (Pattern "c") "abc", S.indexOf (Pattern "z") "abc"]', "[Just 2,Nothing]"),
    ('S.joinWith "-" ["a", "b"]', '"a-b"'),
    ('S.length "héllo"', "5"),
    (
        '[S.replace (Pattern "a") (Replacement "x") "aa", S.replaceAll (Pattern "a") (Replacement "x") "aa"]',
        '["xa","xx"]',
    ),
    ("S.singleton 'z'", '"z"'),
    ('S.split (Pattern ",") "a,b"', '["a","b"]'),
    (
        '[S.stripPrefix (Pattern "ab") "abc", S.stripSuffix (Pattern "bc") "abc", S.stripPrefix (Pattern "x") "a"]',
        '[Just "c",Just "a",Nothing]',
    ),
    ("[C.toCharCode 'A']", "[65]"),
    ("[C.fromCharCode 66, C.fromCharCode (-1)]", "[Just 'B',Nothing]"),
]
