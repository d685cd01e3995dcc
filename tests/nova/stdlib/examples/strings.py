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
import Data.String.CodeUnits as CU
import Data.Newtype (unwrap)
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
    ("[S.singleton (S.codePointFromChar 'z'), CU.singleton 'z']", '["z","z"]'),
    ('S.split (Pattern ",") "a,b"', '["a","b"]'),
    (
        '[S.stripPrefix (Pattern "ab") "abc", S.stripSuffix (Pattern "bc") "abc", S.stripPrefix (Pattern "x") "a"]',
        '[Just "c",Just "a",Nothing]',
    ),
    ("[C.toCharCode 'A']", "[65]"),
    ("[C.fromCharCode 66, C.fromCharCode (-1)]", "[Just 'B',Nothing]"),
]

EXAMPLES += [
    # positions from an index, from the end
    (
        '[S.lastIndexOf (Pattern "a") "banana", S.lastIndexOf (Pattern "z") "banana", S.lastIndexOf (Pattern "") "ab"]',
        "[Just 5,Nothing,Just 2]",
    ),
    (
        '[S.indexOf\' (Pattern "a") 2 "banana", S.indexOf\' (Pattern "a") 6 "banana", S.indexOf\' (Pattern "a") 7 "banana", S.indexOf\' (Pattern "a") (-1) "banana"]',
        "[Just 3,Nothing,Nothing,Nothing]",
    ),
    (
        '[S.lastIndexOf\' (Pattern "a") 4 "banana", S.lastIndexOf\' (Pattern "a") 0 "banana", S.lastIndexOf\' (Pattern "b") (-3) "banana", S.lastIndexOf\' (Pattern "a") 99 "banana"]',
        "[Just 3,Nothing,Just 0,Just 5]",
    ),
    # prefixes
    (
        '[S.countPrefix (_ == S.codePointFromChar \'a\') "aab", CU.countPrefix (_ == \'z\') "aab", CU.countPrefix (\\_ -> true) "aab"]',
        "[2,0,3]",
    ),
    (
        "[S.takeWhile (_ /= S.codePointFromChar ' ') \"hello world\", CU.dropWhile (_ /= ' ') \"hello world\", CU.takeWhile (_ /= ' ') \"a b\"]",
        '["hello"," world","a"]',
    ),
    (
        '[S.localeCompare "a" "b", S.localeCompare "b" "b", compare (Pattern "b") (Pattern "a"), compare (Replacement "a") (Replacement "b")]',
        "[LT,EQ,GT,LT]",
    ),
    (
        'show [S.length "héllo", CU.length "héllo"] <> show [S.null "", S.null "a"] <> unwrap (Pattern "p") <> unwrap (Replacement "r")',
        '"[5,5][true,false]pr"',
    ),
    (
        '[S.splitAt 2 "abcd", S.splitAt 9 "ab", S.splitAt (-1) "ab"]',
        '[{ after: "cd", before: "ab" },{ after: "", before: "ab" },{ after: "ab", before: "" }]',
    ),
    # Data.String.CodeUnits
    ('[CU.uncons "abc", CU.uncons ""]', "[Just { head: 'a', tail: \"bc\" },Nothing]"),
    ('[CU.toChar "a", CU.toChar "ab", CU.toChar ""]', "[Just 'a',Nothing,Nothing]"),
    ('[CU.takeRight 2 "abcd", CU.dropRight 2 "abcd", CU.takeRight 9 "ab", CU.dropRight 9 "ab"]', '["cd","ab","ab",""]'),
    (
        '[CU.slice 1 3 "abcd", CU.slice 1 (-1) "abcd", CU.slice (-2) 4 "abcd", CU.slice 3 1 "abcd"]',
        '["bc","bc","cd",""]',
    ),
    (
        '[CU.lastIndexOf (Pattern "b") "abcb", CU.indexOf\' (Pattern "b") 2 "abcb", CU.lastIndexOf\' (Pattern "b") 2 "abcb", Just (CU.countPrefix (_ == \'a\') "ab")]',
        "[Just 3,Just 3,Just 1,Just 1]",
    ),
    ('[CU.takeWhile (_ == \'a\') "aab", CU.dropWhile (_ == \'a\') "aab", (CU.splitAt 1 "ab").after]', '["aa","b","b"]'),
]
