"""Examples: the gen package's Control.Monad.Gen, .Class and .Common, the generators of Data.Char.Gen,
Data.String.Gen and Data.Enum.Gen, run by Control.Monad.Gen.Seeded's `Gen`. Generated values are checked by what
they must satisfy (ranges, lengths, alphabets), and the same seed must give the same values."""

HEADER = r"""

import Prelude
import Control.Monad.Gen (choose, chooseBool, chooseFloat, chooseInt, elements, filtered, frequency, oneOf, resize, sized, suchThat, unfoldable)
import Control.Monad.Gen.Common (genEither, genEither', genIdentity, genMaybe, genMaybe', genNonEmpty, genTuple)
import Control.Monad.Gen.Seeded (Gen, evalGen, mkSeed, runGen, sample)
import Control.Monad.Rec.Class (Step(..), tailRecM)
import Data.Array as A
import Data.Char (toCharCode)
import Data.Char.Gen (genAlpha, genAlphaLowercase, genAlphaUppercase, genAsciiChar, genAsciiChar', genDigitChar, genUnicodeChar)
import Data.Either (Either(..), isLeft)
import Data.Enum.Gen (genBoundedEnum)
import Data.Foldable (all, any, length)
import Data.Identity (Identity(..))
import Data.List (List)
import Data.Maybe (Maybe(..), isJust)
import Data.NonEmpty (NonEmpty(..), (:|))
import Data.String.CodeUnits (toCharArray)
import Data.String.Gen (genAlphaLowercaseString, genAlphaString, genAlphaUppercaseString, genAsciiString, genAsciiString', genDigitString, genString, genUnicodeString)
import Data.Tuple (Tuple(..), fst, snd)

many :: forall a. Gen a -> Array a
many = sample (mkSeed 2024) 40

codes :: Gen Char -> Array Int
codes g = map toCharCode (many g)

within :: Int -> Int -> Array Int -> Boolean
within low high = all (\n -> n >= low && n <= high)

fewer :: forall a. Gen a -> Array a
fewer = sample (mkSeed 2024) 12

charsWithin :: Int -> Int -> Gen String -> Boolean
charsWithin low high g = all (\s -> s /= "" && within low high (map toCharCode (toCharArray s))) (fewer g)

isDigit :: Char -> Boolean
isDigit c = c >= '0' && c <= '9'
"""

EXAMPLES: list[tuple[str, str]] = [
    (
        "[within 3 9 (many (chooseInt 3 9)), within 3 9 (many (chooseInt 9 3)), A.length (A.nub (many (chooseInt 1 4))) == 4]",
        "[true,true,true]",
    ),
    ("let xs = many (chooseFloat 1.5 2.5) in all (\\x -> x >= 1.5 && x <= 2.5) xs && A.length (A.nub xs) > 30", "true"),
    ("let bs = many chooseBool in any identity bs && any not bs", "true"),
    (
        "[many (sized pure) == A.replicate 40 40, many (resize (_ * 2) (sized pure)) == A.replicate 40 80]",
        "[true,true]",
    ),
    ("many (sized \\n -> resize (const 3) (sized pure) >>= \\m -> sized \\k -> pure [n, m, k]) # A.nub", "[[40,3,40]]"),
    ("sample (mkSeed 7) 6 (chooseInt 0 1000000) == sample (mkSeed 7) 6 (chooseInt 0 1000000)", "true"),
    ("sample (mkSeed 7) 6 (chooseInt 0 1000000) /= sample (mkSeed 8) 6 (chooseInt 0 1000000)", "true"),
    ("A.length (sample (mkSeed 1) 3 chooseBool)", "3"),
    (
        "[show (mkSeed 42), show (mkSeed 0), show (mkSeed 2147483647)]",
        '["(mkSeed 42)","(mkSeed 2147483646)","(mkSeed 1)"]',
    ),
    ("[mkSeed 5 == mkSeed 5, mkSeed 5 == mkSeed 6]", "[true,false]"),
    (
        "case runGen (chooseInt 1 6) { newSeed: mkSeed 3, size: 10 } of Tuple n st -> [within 1 6 [n], st.size == 10,"
        " st.newSeed /= mkSeed 3]",
        "[true,true,true]",
    ),
    (
        "evalGen (Tuple <$> chooseInt 1 2 <*> chooseInt 5 6) { newSeed: mkSeed 9, size: 1 } # \\(Tuple a b) -> within 1 2 [a] && within 5 6 [b]",
        "true",
    ),
    (
        "evalGen (tailRecM (\\n -> pure (if n >= 20000 then Done n else Loop (n + 1))) 0) { newSeed: mkSeed 1, size: 1 }",
        "20000",
    ),
    ("A.nub (A.sort (many (choose (pure 1) (pure 2))))", "[1,2]"),
    ("A.nub (A.sort (many (oneOf (pure 1 :| [pure 2, pure 3]))))", "[1,2,3]"),
    ("A.nub (A.sort (many (elements ('a' :| ['b', 'c']))))", "['a','b','c']"),
    (
        "let xs = many (frequency (Tuple 9.0 (pure 'x') :| [Tuple 1.0 (pure 'y'), Tuple 0.0 (pure 'z')]))"
        " in [A.length (A.filter (_ == 'x') xs) > 25, A.elem 'y' xs, A.elem 'z' xs]",
        "[true,true,false]",
    ),
    (
        "[A.nub (map A.length (many (unfoldable (chooseInt 0 9) :: Gen (Array Int)))),"
        " A.nub (map length (many (resize (const 3) (unfoldable chooseBool) :: Gen (List Boolean))))]",
        "[[40],[3]]",
    ),
    ("all (\\n -> n `mod` 3 == 0) (many (suchThat (chooseInt 0 100) (\\n -> n `mod` 3 == 0)))", "true"),
    ("all (\\n -> n > 50) (many (filtered (chooseInt 0 100 <#> \\n -> if n > 50 then Just n else Nothing)))", "true"),
    ("let xs = many (genEither (pure 1) (pure 'a')) in [A.any isLeft xs, A.any (not <<< isLeft) xs]", "[true,true]"),
    (
        "[A.any isLeft (many (genEither' 0.0 (pure 1) (pure 2))), A.all isLeft (many (genEither' 1.0 (pure 1) (pure 2)))]",
        "[false,true]",
    ),
    ("A.nub (many (genIdentity (pure 'q')))", "[Identity 'q']"),
    ("let xs = many (genMaybe (pure 1)) in [A.any isJust xs, A.any (not <<< isJust) xs]", "[true,true]"),
    ("[A.any isJust (many (genMaybe' 0.0 (pure 1))), A.all isJust (many (genMaybe' 1.0 (pure 1)))]", "[false,true]"),
    ('A.nub (many (genTuple (pure 1) (pure "b")))', '[Tuple 1 "b"]'),
    ("A.nub (map (\\(NonEmpty _ xs) -> A.length xs) (sample (mkSeed 5) 4 (genNonEmpty (chooseInt 0 9))))", "[3]"),
    (
        "[within 0 65536 (codes genUnicodeChar), within 32 127 (codes genAsciiChar), within 0 127 (codes genAsciiChar'),"
        " within 48 57 (codes genDigitChar)]",
        "[true,true,true,true]",
    ),
    (
        "[within 97 122 (codes genAlphaLowercase), within 65 90 (codes genAlphaUppercase),"
        " within 65 122 (codes genAlpha), A.any (_ < 91) (codes genAlpha) && A.any (_ > 96) (codes genAlpha)]",
        "[true,true,true,true]",
    ),
    (
        "[charsWithin 48 57 (genString genDigitChar), charsWithin 0 65536 genUnicodeString,"
        " charsWithin 32 127 genAsciiString, charsWithin 0 127 genAsciiString']",
        "[true,true,true,true]",
    ),
    (
        "[charsWithin 48 57 genDigitString, charsWithin 65 122 genAlphaString, charsWithin 97 122 genAlphaLowercaseString,"
        " charsWithin 65 90 genAlphaUppercaseString]",
        "[true,true,true,true]",
    ),
    (
        "A.all (\\s -> A.length (toCharArray s) <= 12) (fewer genAlphaString)"
        " && A.length (A.nub (map (A.length <<< toCharArray) (fewer genAlphaString))) > 4",
        "true",
    ),
    ("A.nub (A.sort (many (genBoundedEnum :: Gen Boolean)))", "[false,true]"),
    ("A.nub (A.sort (many (genBoundedEnum :: Gen Ordering)))", "[LT,EQ,GT]"),
]
