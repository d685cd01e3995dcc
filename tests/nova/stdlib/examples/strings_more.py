"""Examples: Data.String.CodePoints and Data.String.Regex (with its flags and the unsafe constructor)."""

HEADER = r"""

import Prelude
import Data.Array.NonEmpty as NEA
import Data.Either (Either(..), isLeft)
import Data.Enum (succ, pred, toEnum, fromEnum, cardinality, Cardinality(..))
import Data.Maybe (Maybe(..))
import Data.String (Pattern(..))
import Data.String.CodePoints as CP
import Data.String.Regex as R
import Data.String.Regex.Flags (RegexFlags(..), noFlags, global, ignoreCase, multiline, sticky, unicode, dotAll)
import Data.String.Regex.Unsafe (unsafeRegex)
import Data.Newtype (unwrap)
import Data.Tuple (Tuple(..))

digits :: R.Regex
digits = unsafeRegex "(\\d+)(?<unit>[a-z]+)?" global

matches :: R.Regex -> String -> Maybe (Array (Maybe String))
matches r s = map NEA.toArray (R.match r s)
"""

EXAMPLES: list[tuple[str, str]] = [
    # Data.String.CodePoints
    (
        '[show (CP.codePointFromChar \'a\'), show (CP.codePointAt 1 "a😀b"), show (CP.codePointAt 5 "ab")]',
        '["(CodePoint 0x61)","(Just (CodePoint 0x1F600))","Nothing"]',
    ),
    (
        "[CP.singleton (CP.codePointFromChar 'x'), CP.fromCodePointArray (CP.toCodePointArray \"héllo\")]",
        '["x","héllo"]',
    ),
    ('[CP.length "a😀b", CP.countPrefix (\\c -> c < CP.codePointFromChar \'c\') "abc"]', "[3,2]"),
    (
        'map (\\r -> Tuple r.head r.tail) (CP.uncons "😀z") # map (\\(Tuple h t) -> show h <> t)',
        'Just "(CodePoint 0x1F600)z"',
    ),
    (
        '[CP.indexOf (Pattern "b") "abcb", CP.indexOf\' (Pattern "b") 2 "abcb", CP.lastIndexOf (Pattern "b") "abcb", CP.lastIndexOf\' (Pattern "b") 2 "abcb"]',
        "[Just 1,Just 3,Just 3,Just 1]",
    ),
    (
        '[CP.take 2 "a😀b", CP.drop 2 "a😀b", CP.takeWhile (_ /= CP.codePointFromChar \'b\') "a😀b", CP.dropWhile (_ /= CP.codePointFromChar \'b\') "a😀b"]',
        '["a😀","b","a😀","b"]',
    ),
    ('CP.splitAt 1 "a😀b"', '{ after: "😀b", before: "a" }'),
    (
        '[CP.contains (Pattern "😀") "a😀b", CP.stripPrefix (Pattern "a") "ab" == Just "b", CP.stripSuffix (Pattern "b") "ab" == Just "a"]',
        "[true,true,true]",
    ),
    (
        "[CP.codePointFromChar 'a' == CP.codePointFromChar 'a', CP.codePointFromChar 'a' < CP.codePointFromChar 'b']",
        "[true,true]",
    ),
    (
        "[show (bottom :: CP.CodePoint), show (top :: CP.CodePoint), show (succ (CP.codePointFromChar 'a')), show (pred (bottom :: CP.CodePoint))]",
        '["(CodePoint 0x0)","(CodePoint 0x10FFFF)","(Just (CodePoint 0x62))","Nothing"]',
    ),
    (
        "[show (toEnum 0x1F600 :: Maybe CP.CodePoint), show (toEnum (-1) :: Maybe CP.CodePoint), show (fromEnum (CP.codePointFromChar 'A')), show (unwrap (cardinality :: Cardinality CP.CodePoint))]",
        '["(Just (CodePoint 0x1F600))","Nothing","65","1114112"]',
    ),
    # Data.String.Regex
    (
        "[show digits, R.source digits, show (R.flags digits)]",
        '["/(\\\\d+)(?<unit>[a-z]+)?/g","(\\\\d+)(?<unit>[a-z]+)?","(global)"]',
    ),
    ('[isLeft (R.regex "(" noFlags), isLeft (R.regex "a" noFlags)]', "[true,false]"),
    (
        "[R.renderFlags (global <> ignoreCase <> multiline <> dotAll <> sticky <> unicode), R.renderFlags mempty]",
        '["gimsyu",""]',
    ),
    ('[show (R.parseFlags "gi" == (global <> ignoreCase)), show (R.parseFlags "")]', '["true","noFlags"]'),
    (
        '[R.test digits "ab12", R.test digits "abc", R.test (unsafeRegex "^a" sticky) "ba", R.test (unsafeRegex "A" ignoreCase) "a"]',
        "[true,false,false,true]",
    ),
    (
        '[matches digits "12kg and 3", matches (unsafeRegex "(\\\\d+)(x)?" noFlags) "a 12 b", matches digits "none"]',
        '[Just [Just "12kg",Just "3"],Just [Just "12",Just "12",Nothing],Nothing]',
    ),
    (
        '[R.replace digits "<$2:$1>" "12kg and 3", R.replace (unsafeRegex "o" noFlags) "0" "foo", R.replace digits "[$&|$<unit>|$$]" "5m"]',
        '["<kg:12> and <:3>","f0o","[5m|m|$]"]',
    ),
    (
        'R.replace\' digits (\\m gs -> show (Tuple m gs)) "1a 2"',
        '"(Tuple \\"1a\\" [(Just \\"1\\"),(Just \\"a\\")]) (Tuple \\"2\\" [(Just \\"2\\"),Nothing])"',
    ),
    ('[R.search digits "ab12", R.search digits "ab"]', "[Just 2,Nothing]"),
    (
        '[R.split (unsafeRegex "\\\\s*,\\\\s*" noFlags) "a , b,c", R.split (unsafeRegex "" noFlags) "abc", R.split (unsafeRegex "(-)" noFlags) "a-b"]',
        '[["a","b","c"],["a","b","c"],["a","-","b"]]',
    ),
    ('R.test (unsafeRegex "a.b" dotAll) "a\\nb" && R.test (unsafeRegex "^b" multiline) "a\\nb"', "true"),
    (
        "[show (global <> ignoreCase), show noFlags, show (mempty :: RegexFlags)]",
        '["(global <> ignoreCase)","noFlags","noFlags"]',
    ),
]

FAILING: list[tuple[str, str]] = [
    ('R.source (unsafeRegex "(" noFlags)', "invalid regular expression"),
]
