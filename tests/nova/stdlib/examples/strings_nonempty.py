"""Examples: Data.String.NonEmpty, its .Internal, .CodeUnits, .CodePoints and .CaseInsensitive modules."""

HEADER = r"""

import Prelude
import Data.Array.NonEmpty as NEA
import Data.Maybe (Maybe(..), fromJust)
import Data.Newtype (unwrap, wrap)
import Data.NonEmpty ((:|))
import Data.String.CodePoints (CodePoint, codePointFromChar)
import Data.String.NonEmpty (NonEmptyString, NonEmptyReplacement(..), Pattern(..), nes)
import Data.String.NonEmpty as NES
import Data.String.NonEmpty.CaseInsensitive (CaseInsensitiveNonEmptyString(..))
import Data.String.NonEmpty.CodeUnits as NCU
import Data.String.NonEmpty.Internal as I
import Partial.Unsafe (unsafePartial)
import Type.Proxy (Proxy(..))

hello :: NonEmptyString
hello = nes (Proxy :: Proxy "Hello")

ab :: NonEmptyString
ab = unsafePartial (NES.unsafeFromString "ab")

cp :: Char -> CodePoint
cp = codePointFromChar
"""

EXAMPLES: list[tuple[str, str]] = [
    ('[NES.fromString "", NES.fromString "x"]', '[Nothing,Just (NonEmptyString "x")]'),
    ("NES.toString (hello <> ab)", '"Helloab"'),
    ("[hello == hello, hello == ab, hello < ab]", "[true,false,true]"),
    ("compare ab hello", "GT"),
    ('I.NonEmptyString "raw"', 'NonEmptyString "raw"'),
    ('NES.toString (NES.appendString ab "c") <> NES.toString (NES.prependString "z" ab)', '"abczab"'),
    (
        '[NES.stripPrefix (Pattern "He") hello, NES.stripPrefix (Pattern "Hello") hello, NES.stripSuffix (Pattern "lo") hello]',
        '[Just (NonEmptyString "llo"),Nothing,Just (NonEmptyString "Hel")]',
    ),
    ('[NES.contains (Pattern "ell") hello, NES.contains (Pattern "x") hello]', "[true,false]"),
    ("NES.localeCompare ab hello", "GT"),
    ('NES.replace (Pattern "l") (NonEmptyReplacement ab) hello', 'NonEmptyString "Heablo"'),
    ('NES.replaceAll (Pattern "l") (NonEmptyReplacement ab) hello', 'NonEmptyString "Heababo"'),
    (
        "show (NonEmptyReplacement ab <> NonEmptyReplacement hello)",
        r'"(NonEmptyReplacement (NonEmptyString.unsafeFromString \"abHello\"))"',
    ),
    (
        "[NonEmptyReplacement ab == NonEmptyReplacement ab, NonEmptyReplacement ab < NonEmptyReplacement hello]",
        "[true,false]",
    ),
    ("[NES.toLower hello, NES.toUpper hello]", '[NonEmptyString "hello",NonEmptyString "HELLO"]'),
    (
        "[NES.trim (NES.cons (cp ' ') \" x \"), NES.trim (NES.singleton (cp ' '))]",
        '[Just (NonEmptyString "x"),Nothing]',
    ),
    ('NES.joinWith ", " [ab, hello]', '"ab, Hello"'),
    ('NES.join1With "-" (ab :| [hello])', 'NonEmptyString "ab-Hello"'),
    ('NES.joinWith1 ab ("x" :| ["", "y"])', 'NonEmptyString "xababy"'),
    ('I.liftS (\\s -> s <> "!") hello', '"Hello!"'),
    (
        "[NES.fromCodePointArray [] == Nothing, map NES.toString (NES.fromCodePointArray [cp 'a', cp 'b']) == Just \"ab\"]",
        "[true,true]",
    ),
    ("NES.fromNonEmptyCodePointArray (NEA.cons' (cp 'x') [cp 'y'])", 'NonEmptyString "xy"'),
    (
        "[NES.snoc (cp 'c') \"ab\", NES.fromFoldable1 (cp 'q' :| [cp 'r'])]",
        '[NonEmptyString "abc",NonEmptyString "qr"]',
    ),
    (
        "NES.toCodePointArray ab == [cp 'a', cp 'b'] && NEA.toArray (NES.toNonEmptyCodePointArray ab) == [cp 'a', cp 'b']",
        "true",
    ),
    ("[NES.codePointAt 1 ab == Just (cp 'b'), NES.codePointAt 5 ab == Nothing]", "[true,true]"),
    (
        '[NES.indexOf (Pattern "l") hello, NES.indexOf\' (Pattern "l") 3 hello, NES.lastIndexOf (Pattern "l") hello,'
        ' NES.lastIndexOf\' (Pattern "l") 2 hello]',
        "[Just 2,Just 3,Just 3,Just 2]",
    ),
    ("case NES.uncons ab of { head, tail } -> [head == cp 'a', tail == NES.fromString \"b\"]", "[true,true]"),
    ("[NES.length hello, NES.countPrefix (_ /= cp 'l') hello]", "[5,2]"),
    (
        "[NES.take 2 hello, NES.take 0 hello, NES.drop 3 hello, NES.drop 5 hello]",
        '[Just (NonEmptyString "He"),Nothing,Just (NonEmptyString "lo"),Nothing]',
    ),
    (
        "[NES.takeWhile (_ /= cp 'l') hello, NES.dropWhile (_ /= cp 'o') hello]",
        '[Just (NonEmptyString "He"),Just (NonEmptyString "o")]',
    ),
    ("case NES.splitAt 5 hello of { before, after } -> [before, after]", '[Just (NonEmptyString "Hello"),Nothing]'),
    ("[NCU.fromCharArray [], NCU.fromCharArray ['o', 'k']]", '[Nothing,Just (NonEmptyString "ok")]'),
    (
        "[NCU.fromNonEmptyCharArray (NEA.cons' 'a' ['b']), NCU.singleton 'c', NCU.cons 'a' \"\", NCU.snoc 'z' \"y\","
        " NCU.fromFoldable1 ('m' :| ['n'])]",
        '[NonEmptyString "ab",NonEmptyString "c",NonEmptyString "a",NonEmptyString "yz",NonEmptyString "mn"]',
    ),
    ("[NCU.toCharArray ab, NEA.toArray (NCU.toNonEmptyCharArray ab)]", "[['a','b'],['a','b']]"),
    (
        "[NCU.charAt 0 hello, NCU.charAt 9 hello, NCU.toChar (NCU.singleton 'x'), NCU.toChar ab]",
        "[Just 'H',Nothing,Just 'x',Nothing]",
    ),
    (
        '[NCU.indexOf (Pattern "l") hello, NCU.indexOf\' (Pattern "l") 3 hello, NCU.lastIndexOf (Pattern "l") hello,'
        ' NCU.lastIndexOf\' (Pattern "l") 2 hello]',
        "[Just 2,Just 3,Just 3,Just 2]",
    ),
    (
        "case NCU.uncons ab of { head, tail } -> [show head, show tail]",
        '["\'a\'","(Just (NonEmptyString.unsafeFromString \\"b\\"))"]',
    ),
    ("[NCU.length hello, NCU.countPrefix (_ /= 'l') hello]", "[5,2]"),
    (
        "[NCU.take 2 hello, NCU.takeRight 2 hello, NCU.takeRight 0 hello, NCU.drop 4 hello, NCU.dropRight 4 hello,"
        " NCU.dropRight 5 hello]",
        '[Just (NonEmptyString "He"),Just (NonEmptyString "lo"),Nothing,Just (NonEmptyString "o"),'
        'Just (NonEmptyString "H"),Nothing]',
    ),
    ("[NCU.takeWhile (_ == 'x') hello, NCU.dropWhile (_ /= 'l') hello]", '[Nothing,Just (NonEmptyString "llo")]'),
    ("case NCU.splitAt 0 hello of { before, after } -> [before, after]", '[Nothing,Just (NonEmptyString "Hello")]'),
    ("let ci = CaseInsensitiveNonEmptyString in [ci hello == ci (NES.toUpper hello), ci ab < ci hello]", "[true,true]"),
    ("compare (CaseInsensitiveNonEmptyString ab) (CaseInsensitiveNonEmptyString (NES.toUpper ab))", "EQ"),
    (
        "show (CaseInsensitiveNonEmptyString ab)",
        r'"(CaseInsensitiveNonEmptyString (NonEmptyString.unsafeFromString \"ab\"))"',
    ),
    ("unwrap (wrap hello :: CaseInsensitiveNonEmptyString)", 'NonEmptyString "Hello"'),
]
