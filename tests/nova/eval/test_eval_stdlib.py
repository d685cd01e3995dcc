"""Every exported value of the standard library, evaluated at least once through the whole pipeline
(parse → check → lower → compile → run), with PureScript's results."""

from __future__ import annotations

from typing import Any

import pytest
from nova_programs import put_program, root

from nova.eval.api import evaluate_value
from nova.eval.errors import EvalError
from nova.eval.link import ElementCache

HEADER = """module StdlibExamples where

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
import Partial (crash, crashWith)
import Partial.Unsafe (unsafePartial, unsafeCrashWith)

l3 :: List Int
l3 = L.range 1 3

s3 :: Set.Set Int
s3 = Set.fromFoldable [3, 1, 2, 1]

m3 :: M.Map Int String
m3 = M.fromFoldable [Tuple 2 "b", Tuple 1 "a", Tuple 3 "c"]
"""

# (expression, expected value as printed); grouped by module. Every exported value of the standard library
# appears in at least one expression (the test below checks that against the registry).
EXAMPLES: list[tuple[str, str]] = [
    # Prelude: functions and operators
    ("identity 3", "3"),
    ("const 1 2", "1"),
    ("flip sub 1 10", "9"),
    ("on add negate 2 3", "-5"),
    ("applyFunction negate 4", "-4"),
    ("applyFlipped 4 negate", "-4"),
    ("compose show negate 2", '"-2"'),
    ("composeFlipped negate show 2", '"-2"'),
    ("show $ 1 + 1", '"2"'),
    ("5 # show", '"5"'),
    ("(show <<< negate) 1", '"-1"'),
    ("(negate >>> show) 1", '"-1"'),
    (
        "[ff, tt, implies true false, conj true false, disj true false, not true] :: Array Boolean",
        "[false,true,false,false,true,false]",
    ),
    ("true && false || true", "true"),
    ("otherwise", "true"),
    ("[eq 1 1, notEq 1 2, 1 == 2, 1 /= 1]", "[true,true,false,false]"),
    ("[compare 1 2, compare 2 2, compare 'b' 'a', compare \"a\" \"ab\", compare true false]", "[LT,EQ,GT,LT,GT]"),
    ("[lessThan 1 2, lessThanOrEq 2 2, greaterThan 1 2, greaterThanOrEq 1 2]", "[true,true,false,false]"),
    ("[1 < 2, 2 <= 1, 3 > 2, 3 >= 4]", "[true,false,true,false]"),
    ("comparing negate 1 2", "GT"),
    ("[min 3 4, max 3 4, clamp 0 10 11, clamp 0 10 (-1)]", "[3,4,10,0]"),
    ("[between 1 5 3, between 1 5 9]", "[true,false]"),
    ("[compare [1, 2] [1, 3], compare [LT] [LT], compare [GT] [EQ, LT]]", "[LT,EQ,GT]"),
    ("[compare unit unit, compare 1.5 0.5]", "[EQ,GT]"),
    (
        "[show 42, show (-1.5), show \"a\\nb\", show 'x', show true, show unit, show [1, 2], show 2.0]",
        '["42","-1.5","\\"a\\\\nb\\"","\'x\'","true","unit","[1,2]","2.0"]',
    ),
    ("[add 1 2, zero, mul 3 4, one, 2 + 3 * 4]", "[3,0,12,1,14]"),
    ("[add 0.5 0.25, zero, mul 1.5 2.0, one]", "[0.75,0.0,3.0,1.0]"),
    ("[sub 1 3, negate 4, 10 - 3, abs (-3), signum (-7), signum 0]", "[-2,-4,7,3,-1,0]"),
    ("[abs (-2.5), signum 3.0]", "[2.5,1.0]"),
    ("[degree (-7), div 7 2, mod (-7) 2, 7 / 2, gcd 12 18, lcm 4 6]", "[7,3,1,3,6,12]"),
    ("[7.0 / 2.0, div 1.0 4.0, mod 3.0 2.0, recip 4.0]", "[3.5,0.25,0.0,0.25]"),
    ('[append "a" "b", "c" <> "d", mempty]', '["ab","cd",""]'),
    ("[1] <> [2, 3] <> mempty", "[1,2,3]"),
    ("unit <> unit", "unit"),
    ("map (_ + 1) [1, 2]", "[2,3]"),
    ("(_ * 2) <$> Just 4", "Just 8"),
    ("mapFlipped [1] show", '["1"]'),
    ("Just 1 <#> negate", "Just (-1)"),
    ("[void (Just 3), voidLeft (Just 1) unit, voidRight unit (Just 2)]", "[Just unit,Just unit,Just unit]"),
    ("[Just 1 $> 2, 3 <$ Just 4]", "[Just 2,Just 3]"),
    ("apply (Just negate) (Just 2)", "Just (-2)"),
    ("Just (+) <*> Just 1 <*> Just 2", "Just 3"),
    (
        "[applyFirst (Just 1) (Just 2), applySecond (Just 1) (Just 2), Just 3 <* Just 4, Just 5 *> Just 6]",
        "[Just 1,Just 2,Just 3,Just 6]",
    ),
    ("lift2 add (Just 1) (Just 2)", "Just 3"),
    ("[pure 1, liftA1 negate (Just 1)] :: Array (Maybe Int)", "[Just 1,Just (-1)]"),
    ("[when true (Just unit), unless true Nothing]", "[Just unit,Just unit]"),
    ("bind (Just 2) (\\x -> Just (x * 10))", "Just 20"),
    ("[1, 2] >>= \\x -> [x, x]", "[1,1,2,2]"),
    ("bindFlipped Just (Just 3)", "Just 3"),
    ("(\\x -> [x + 1]) =<< [1, 2]", "[2,3]"),
    ("join [[1], [2, 3]]", "[1,2,3]"),
    (
        "[composeKleisli (\\x -> Just (x + 1)) Just 1, composeKleisliFlipped Just (\\x -> Just (x * 2)) 3]",
        "[Just 2,Just 6]",
    ),
    (
        "[((\\x -> Just (x + 1)) >=> (\\y -> Just (y * 2))) 1, ((\\x -> Just (x + 1)) <=< (\\y -> Just (y * 2))) 1]",
        "[Just 4,Just 3]",
    ),
    ("[ap (Just negate) (Just 1), liftM1 negate (Just 2)]", "[Just (-1),Just (-2)]"),
    ("discard (Just unit) (\\_ -> Just 5)", "Just 5"),
    ("do\n  x <- Just 1\n  let y = x + 1\n  Just unit\n  pure (x + y)", "Just 3"),
    ("unit", "unit"),
    ("[LT, GT, EQ]", "[LT,GT,EQ]"),
    ("[1.0 == 1.0, 'a' == 'b', true == true, unit == unit]", "[true,false,true,true]"),
    ("[show LT, show GT, show EQ]", '["LT","GT","EQ"]'),
    ("[LT <> GT, EQ <> GT, mempty]", "[LT,GT,EQ]"),
    ("(mempty :: Unit)", "unit"),
    ("gcd 4.0 6.0", "6.0"),  # the mod of Number is always 0.0, as in PureScript
    ("lcm 4 6", "12"),
    ("[negate, identity] <*> [1, 2]", "[-1,-2,1,2]"),
    ("(pure 1 :: Array Int)", "[1]"),
    ("ap [negate] [1]", "[-1]"),
    ("ap (Right negate) (Right 1 :: Either String Int)", "Right (-1)"),
    ("ap (L.singleton negate) l3", "Cons (-1) (Cons (-2) (Cons (-3) Nil))"),
    # Data.Maybe
    (
        "[fromMaybe 0 Nothing, fromMaybe' (\\_ -> 1) Nothing, maybe 0 negate (Just 2),"
        " maybe' (\\_ -> 5) negate Nothing]",
        "[0,1,-2,5]",
    ),
    ("[isJust (Just 1), isNothing (Just 1)]", "[true,false]"),
    ("[Just 1 == Just 1, Nothing < Just 0, Just 2 > Just 1]", "[true,true,true]"),
    ("[Just [1] <> Just [2], Nothing <> Just [3], mempty]", "[Just [1,2],Just [3],Nothing]"),
    ("show (Just (Just (-1)))", '"(Just (Just -1))"'),
    # Data.Either
    ('[Left 1, Right "x"]', '[Left 1,Right "x"]'),
    ("[either negate identity (Left 1), either negate identity (Right 5)]", "[-1,5]"),
    ("[fromLeft 0 (Left 3), fromRight 0 (Left 3), fromLeft 0 (Right 1)]", "[3,0,0]"),
    ('[hush (Right 1), hush (Left "e"), blush (Left 2)]', "[Just 1,Nothing,Just 2]"),
    ("[isLeft (Left 1), isRight (Left 1)]", "[true,false]"),
    ('[note "missing" Nothing, note "missing" (Just 1)]', '[Left "missing",Right 1]'),
    ("map negate (Right 1 :: Either String Int)", "Right (-1)"),
    ('(Right 1 :: Either String Int) >>= \\x -> if x > 0 then Left "pos" else Right x', 'Left "pos"'),
    ("[show (Left 1 :: Either Int Int), show (Right 2 :: Either Int Int)]", '["(Left 1)","(Right 2)"]'),
    ("[Left 1 == (Left 1 :: Either Int Int), Left 9 < (Right 0 :: Either Int Int)]", "[true,true]"),
    ("Right negate <*> (Right 1 :: Either String Int)", "Right (-1)"),
    ("(pure 1 :: Either String Int)", "Right 1"),
    # Data.Tuple
    ('Tuple 1 "a"', 'Tuple 1 "a"'),
    ("[fst (Tuple 1 2), snd (Tuple 1 2)]", "[1,2]"),
    ('swap (Tuple 1 "a")', 'Tuple "a" 1'),
    ("[curry fst 1 2, uncurry add (Tuple 3 4)]", "[1,7]"),
    ("[Tuple 1 2 == Tuple 1 2, Tuple 1 2 < Tuple 1 3]", "[true,true]"),
    ('show (Tuple 1 "a")', '"(Tuple 1 \\"a\\")"'),
    ('Tuple [1] "a" <> Tuple [2] "b"', 'Tuple [1,2] "ab"'),
    ("(mempty :: Tuple String (Array Int))", 'Tuple "" []'),
    ('map negate (Tuple "k" 1)', 'Tuple "k" (-1)'),
    # Data.Array
    ("[1, 2, 3] A.!! 1", "Just 2"),
    ("0 A.: [1]", "[0,1]"),
    ("A.catMaybes [Just 1, Nothing, Just 3]", "[1,3]"),
    ("A.concat [[1], [], [2, 3]]", "[1,2,3]"),
    ("A.concatMap (\\x -> [x, x * 10]) [1, 2]", "[1,10,2,20]"),
    ("A.cons 1 [2]", "[1,2]"),
    ("[A.deleteAt 1 [1, 2, 3], A.deleteAt 5 [1]]", "[Just [1,3],Nothing]"),
    ("A.drop 2 [1, 2, 3]", "[3]"),
    ("A.dropWhile (_ < 3) [1, 2, 3, 1]", "[3,1]"),
    ("[A.elemIndex 3 [1, 3], A.elemIndex 9 [1]]", "[Just 1,Nothing]"),
    ("A.filter (_ > 1) [1, 2, 3]", "[2,3]"),
    ("A.findIndex (_ > 1) [1, 2, 3]", "Just 1"),
    ("A.fromFoldable (Just 1)", "[1]"),
    ("[A.head [1, 2], A.head []]", "[Just 1,Nothing]"),
    ("A.index [1, 2] 5", "Nothing"),
    ("A.init [1, 2, 3]", "Just [1,2]"),
    ("[A.insertAt 1 9 [1, 2], A.insertAt 9 9 [1]]", "[Just [1,9,2],Nothing]"),
    ("A.last [1, 2, 3]", "Just 3"),
    ("A.length [1, 2, 3]", "3"),
    ("A.mapMaybe (\\x -> if x > 1 then Just (x * 2) else Nothing) [1, 2, 3]", "[4,6]"),
    ("A.mapWithIndex (\\i x -> i * x) [5, 6, 7]", "[0,6,14]"),
    ("A.modifyAt 0 negate [1, 2]", "Just [-1,2]"),
    ("A.nub [1, 2, 1, 3, 2]", "[1,2,3]"),
    ("A.nubEq [1, 2, 1, 3, 2]", "[1,2,3]"),
    ("[A.null [], A.null [1]]", "[true,false]"),
    ("A.partition (_ > 1) [1, 2, 3]", "{ no: [1], yes: [2,3] }"),
    ("[A.range 1 4, A.range 3 1]", "[[1,2,3,4],[3,2,1]]"),
    ("A.replicate 3 'x'", "['x','x','x']"),
    ("A.reverse [1, 2, 3]", "[3,2,1]"),
    ("A.singleton 1", "[1]"),
    ("A.slice 1 3 [0, 1, 2, 3]", "[1,2]"),
    ("A.snoc [1] 2", "[1,2]"),
    ("A.sort [3, 1, 2]", "[1,2,3]"),
    ("A.sortBy (flip compare) [1, 3, 2]", "[3,2,1]"),
    ("A.sortWith negate [1, 3, 2]", "[3,2,1]"),
    ("[A.tail [1, 2, 3], A.tail []]", "[Just [2,3],Nothing]"),
    ("A.take 2 [1, 2, 3]", "[1,2]"),
    ("A.takeWhile (_ < 3) [1, 2, 3, 1]", "[1,2]"),
    ("A.uncons [1, 2]", "Just { head: 1, tail: [2] }"),
    ("A.unzip [Tuple 1 'a', Tuple 2 'b']", "Tuple [1,2] ['a','b']"),
    ("A.updateAt 1 9 [1, 2]", "Just [1,9]"),
    ("A.zip [1, 2, 3] ['a', 'b']", "[Tuple 1 'a',Tuple 2 'b']"),
    ("A.zipWith add [1, 2] [10, 20, 30]", "[11,22]"),
    # Data.List
    ("l3", "Cons 1 (Cons 2 (Cons 3 Nil))"),
    ("l3 L.!! 0", "Just 1"),
    ("0 L.: Nil", "Cons 0 Nil"),
    ("Cons 1 Nil", "Cons 1 Nil"),
    ("L.catMaybes (Cons (Just 1) (Cons Nothing Nil))", "Cons 1 Nil"),
    ("L.concat (Cons l3 (Cons l3 Nil))", "Cons 1 (Cons 2 (Cons 3 (Cons 1 (Cons 2 (Cons 3 Nil)))))"),
    ("L.concatMap (\\x -> Cons x (Cons x Nil)) (L.range 1 2)", "Cons 1 (Cons 1 (Cons 2 (Cons 2 Nil)))"),
    ("L.delete 2 l3", "Cons 1 (Cons 3 Nil)"),
    ("L.drop 2 l3", "Cons 3 Nil"),
    ("L.dropWhile (_ < 2) l3", "Cons 2 (Cons 3 Nil)"),
    ("L.elemIndex 3 l3", "Just 2"),
    ("L.filter (_ /= 2) l3", "Cons 1 (Cons 3 Nil)"),
    ("L.findIndex (_ > 5) l3", "Nothing"),
    ("L.fromFoldable [1, 2]", "Cons 1 (Cons 2 Nil)"),
    ("[L.head l3, L.last l3, L.index l3 1]", "[Just 1,Just 3,Just 2]"),
    ("L.init l3", "Just (Cons 1 (Cons 2 Nil))"),
    ("L.insert 2 (L.fromFoldable [1, 3])", "Cons 1 (Cons 2 (Cons 3 Nil))"),
    ("L.insertBy (flip compare) 2 (L.fromFoldable [3, 1])", "Cons 3 (Cons 2 (Cons 1 Nil))"),
    ("L.length l3", "3"),
    ("L.mapMaybe (\\x -> if x == 2 then Nothing else Just x) l3", "Cons 1 (Cons 3 Nil)"),
    ("L.nub (L.fromFoldable [1, 1, 2])", "Cons 1 (Cons 2 Nil)"),
    ("L.nubEq (L.fromFoldable [2, 1, 2])", "Cons 2 (Cons 1 Nil)"),
    ("[L.null Nil, L.null l3]", "[true,false]"),
    ("L.partition (_ > 1) l3", "{ no: Cons 1 Nil, yes: Cons 2 (Cons 3 Nil) }"),
    ("L.replicate 2 'a'", "Cons 'a' (Cons 'a' Nil)"),
    ("L.reverse l3", "Cons 3 (Cons 2 (Cons 1 Nil))"),
    ("L.singleton 1", "Cons 1 Nil"),
    ("L.snoc (L.singleton 1) 2", "Cons 1 (Cons 2 Nil)"),
    ("L.sort (L.fromFoldable [3, 1, 2])", "Cons 1 (Cons 2 (Cons 3 Nil))"),
    ("L.sortBy (flip compare) l3", "Cons 3 (Cons 2 (Cons 1 Nil))"),
    ("L.span (_ < 2) l3", "{ init: Cons 1 Nil, rest: Cons 2 (Cons 3 Nil) }"),
    ("L.tail l3", "Just (Cons 2 (Cons 3 Nil))"),
    ("[L.take 1 l3, L.takeWhile (_ < 3) l3]", "[Cons 1 Nil,Cons 1 (Cons 2 Nil)]"),
    ("L.uncons l3", "Just { head: 1, tail: Cons 2 (Cons 3 Nil) }"),
    ("L.unzip (L.zip l3 (L.fromFoldable ['a']))", "Tuple (Cons 1 Nil) (Cons 'a' Nil)"),
    ("L.zipWith add l3 l3", "Cons 2 (Cons 4 (Cons 6 Nil))"),
    ("[l3 == l3, l3 < L.fromFoldable [1, 3]]", "[true,true]"),
    ("show l3", '"(1 : 2 : 3 : Nil)"'),
    ("l3 <> L.singleton 4", "Cons 1 (Cons 2 (Cons 3 (Cons 4 Nil)))"),
    ("map negate (L.singleton 1)", "Cons (-1) Nil"),
    ("(pure 1 :: List Int)", "Cons 1 Nil"),
    ("L.singleton negate <*> l3", "Cons (-1) (Cons (-2) (Cons (-3) Nil))"),
    ("l3 >>= \\x -> L.replicate x x", "Cons 1 (Cons 2 (Cons 2 (Cons 3 (Cons 3 (Cons 3 Nil)))))"),
    ("(mempty :: List Int)", "Nil"),
    # Data.Foldable
    ("[F.foldr (\\x acc -> x - acc) 0 [1, 2, 3], F.foldl (\\acc x -> acc - x) 0 [1, 2, 3]]", "[2,-6]"),
    ("F.foldr add 0 l3", "6"),
    ("F.foldMap show [1, 2]", '"12"'),
    ("F.fold [[1], [2]]", "[1,2]"),
    ("F.foldM (\\acc x -> if x > 0 then Just (acc + x) else Nothing) 0 [1, 2]", "Just 3"),
    ("F.traverse_ (\\x -> if x > 0 then Just x else Nothing) [1, 2]", "Just unit"),
    ("F.for_ [1, -1] (\\x -> if x > 0 then Just x else Nothing)", "Nothing"),
    ("F.sequence_ [Just 1, Just 2]", "Just unit"),
    ('F.intercalate ", " ["a", "b"]', '"a, b"'),
    ("[F.sum [1, 2, 3], F.product [2, 3]]", "[6,6]"),
    (
        "[F.and [true, false], F.or [true, false], F.any (_ > 2) [1, 3], F.all (_ > 2) [1, 3]]",
        "[false,true,true,false]",
    ),
    ("[F.elem 2 [1, 2], F.notElem 2 [1, 2]]", "[true,false]"),
    (
        "[F.find (_ > 1) [1, 2, 3], F.findMap (\\x -> if x > 1 then Just (x * 10) else Nothing) [1, 2]]",
        "[Just 2,Just 20]",
    ),
    ("[F.length [1, 2] :: Int, F.length (Just 1)]", "[2,1]"),
    ("[F.null [], F.null (Just 1)]", "[true,false]"),
    ("[F.maximum [1, 3, 2], F.minimum [1, 3, 2], F.maximum []]", "[Just 3,Just 1,Nothing]"),
    ("[F.maximumBy compare l3, F.minimumBy compare l3]", "[Just 3,Just 1]"),
    ("F.sum (Just 4)", "4"),
    # Data.Int
    ("[I.ceil 1.2, I.floor (-1.5), I.round 2.5, I.truncate (-1.7)]", "[2,-2,3,-1]"),
    ("[I.even 4, I.odd 4]", "[true,false]"),
    ("[I.fromNumber 3.0, I.fromNumber 3.5]", "[Just 3,Nothing]"),
    ('[I.fromString "-12", I.fromString "x"]', "[Just (-12),Nothing]"),
    ("[I.pow 2 10, I.quot (-7) 2, I.rem (-7) 2]", "[1024,-3,-1]"),
    ("I.toNumber 3", "3.0"),
    # Data.Number
    ("[N.ceil 1.2, N.floor 1.8, N.round 2.5, N.trunc (-1.5)]", "[2.0,1.0,3.0,-1.0]"),
    ("[N.cos 0.0, N.sin 0.0, N.exp 0.0, N.log 1.0, N.sqrt 9.0, N.pow 2.0 3.0]", "[1.0,0.0,1.0,0.0,3.0,8.0]"),
    ("[N.isNaN N.nan, N.isFinite N.infinity, N.pi > 3.14, N.e > 2.71]", "[true,false,true,true]"),
    ('[N.fromString "1.5", N.fromString "x"]', "[Just 1.5,Nothing]"),
    # Data.String
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
    # Data.Char
    ("[C.toCharCode 'A']", "[65]"),
    ("[C.fromCharCode 66, C.fromCharCode (-1)]", "[Just 'B',Nothing]"),
    # Data.Map
    ("m3", '(fromFoldable [Tuple 1 "a",Tuple 2 "b",Tuple 3 "c"])'),
    ("M.lookup 2 m3", 'Just "b"'),
    ("M.lookup 9 m3", "Nothing"),
    ('M.size (M.insert 4 "d" m3)', "4"),
    ("M.toUnfoldable (M.delete 2 m3)", '[Tuple 1 "a",Tuple 3 "c"]'),
    ('M.toUnfoldable (M.alter (\\_ -> Just "z") 1 m3)', '[Tuple 1 "z",Tuple 2 "b",Tuple 3 "c"]'),
    ("[M.isEmpty M.empty, M.isEmpty m3, M.member 3 m3]", "[true,false,true]"),
    ("M.keys m3", "Cons 1 (Cons 2 (Cons 3 Nil))"),
    ("M.values m3", 'Cons "a" (Cons "b" (Cons "c" Nil))'),
    ('M.toUnfoldable (M.filter (_ /= "b") m3)', '[Tuple 1 "a",Tuple 3 "c"]'),
    ("M.toUnfoldable (M.filterWithKey (\\k _ -> k > 2) m3)", '[Tuple 3 "c"]'),
    ("M.toUnfoldable (M.fromFoldableWith add [Tuple 'a' 1, Tuple 'a' 2])", "[Tuple 'a' 3]"),
    ("M.toUnfoldable (M.insertWith add 1 5 (M.singleton 1 1))", "[Tuple 1 6]"),
    ("M.toUnfoldable (M.mapWithKey (\\k v -> show k <> v) m3)", '[Tuple 1 "1a",Tuple 2 "2b",Tuple 3 "3c"]'),
    ('M.toUnfoldable (M.union (M.singleton 1 "x") m3)', '[Tuple 1 "x",Tuple 2 "b",Tuple 3 "c"]'),
    ('M.toUnfoldable (M.unionWith (<>) (M.singleton 1 "x") m3)', '[Tuple 1 "xa",Tuple 2 "b",Tuple 3 "c"]'),
    ("M.toUnfoldable (M.update (\\_ -> Nothing) 1 m3)", '[Tuple 2 "b",Tuple 3 "c"]'),
    ('[m3 == m3, m3 == M.singleton 1 "a"]', "[true,false]"),
    ('show (M.singleton 1 "a")', '"(fromFoldable [(Tuple 1 \\"a\\")])"'),
    ("M.toUnfoldable (map S.toUpper m3)", '[Tuple 1 "A",Tuple 2 "B",Tuple 3 "C"]'),
    ('F.foldr (<>) "" m3', '"abc"'),
    # Data.Set
    ("Set.toUnfoldable s3", "[1,2,3]"),
    ("[Set.size s3, Set.size Set.empty, Set.size (Set.singleton 'a')]", "[3,0,1]"),
    ("Set.toUnfoldable (Set.insert 0 (Set.delete 2 s3))", "[0,1,3]"),
    ("[Set.member 2 s3, Set.member 9 s3, Set.isEmpty s3, Set.isEmpty Set.empty]", "[true,false,false,true]"),
    ("[Set.toUnfoldable (Set.toggle 2 s3), Set.toUnfoldable (Set.toggle 5 s3)]", "[[1,3],[1,2,3,5]]"),
    ("Set.toUnfoldable (Set.union s3 (Set.fromFoldable [5, 4]))", "[1,2,3,4,5]"),
    ("Set.toUnfoldable (Set.intersection s3 (Set.fromFoldable [2, 3, 4]))", "[2,3]"),
    ("Set.toUnfoldable (Set.difference s3 (Set.fromFoldable [2]))", "[1,3]"),
    ("[Set.subset (Set.fromFoldable [1, 2]) s3, Set.subset s3 (Set.singleton 1)]", "[true,false]"),
    ("Set.toUnfoldable (Set.filter (_ > 1) s3)", "[2,3]"),
    ("Set.toUnfoldable (Set.map (_ `mod` 2) s3)", "[0,1]"),
    ("[Set.findMin s3, Set.findMax s3, Set.findMin (Set.empty :: Set.Set Int)]", "[Just 1,Just 3,Nothing]"),
    ("[s3 == Set.fromFoldable [1, 2, 3], s3 < Set.fromFoldable [1, 2, 4]]", "[true,true]"),
    ("show s3", '"(fromFoldable [1,2,3])"'),
    ("F.sum s3", "6"),
    ("Set.toUnfoldable (s3 <> Set.singleton 7 <> mempty)", "[1,2,3,7]"),
    # Data.Traversable
    ("traverse (\\x -> if x > 0 then Just x else Nothing) [1, 2]", "Just [1,2]"),
    ("traverse (\\x -> if x > 0 then Just x else Nothing) (L.fromFoldable [1, 0])", "Nothing"),
    ("sequence [Just 1, Just 2]", "Just [1,2]"),
    ("sequence (Just [1, 2])", "[Just 1,Just 2]"),
    (
        "for (L.fromFoldable [1, 2]) (\\x -> [x, x * 10])",
        "[Cons 1 (Cons 2 Nil),Cons 1 (Cons 20 Nil),Cons 10 (Cons 2 Nil),Cons 10 (Cons 20 Nil)]",
    ),
    ("for (Just 3) (\\x -> Right x :: Either String Int)", "Right (Just 3)"),
    # Effect and Effect.Console
    ('log "hello"', "unit"),
    ('do\n  info "i"\n  warn "w"\n  error "e"\n  logShow [1]\n  pure 7', "7"),
    ("forE 1 3 (\\i -> log (show i))", "unit"),
    ('foreachE ["a", "b"] log', "unit"),
    ('whileE (pure false) (log "never")', "unit"),
    # Type.Proxy, Data.Symbol, Data.Reflectable, Safe.Coerce, Unsafe.Coerce
    ('reflectSymbol (Proxy :: Proxy "label")', '"label"'),
    ("reflectType (Proxy :: Proxy 42)", "42"),
    ('[coerce (Pattern "a"), unsafeCoerce (Replacement "b")] :: Array String', '["a","b"]'),
    # Partial.Unsafe
    ("unsafePartial (if true then 1 else crash)", "1"),
    ("map (_ + 1) (pure 1 :: Effect Int)", "2"),
    ("(pure negate <*> pure 1) :: Effect Int", "-1"),
    ("(pure [1] <> pure [2]) :: Effect (Array Int)", "[1,2]"),
    ("(mempty :: Effect String)", '""'),
]


FAILING: list[tuple[str, str]] = [
    # (expression, the error it stops with)
    ("unsafePartial (crash :: Int)", "Partial.crash: partial function"),
    ('unsafePartial $ crashWith "stopped" :: Int', "stopped"),
    ('unsafeCrashWith "halt" :: Int', "halt"),
]


@pytest.fixture(scope="module")
def program() -> tuple[Any, ElementCache]:
    lines = [HEADER]
    for index, (expression, _) in enumerate(EXAMPLES):
        body = "\n".join("  " + line for line in expression.splitlines())
        lines.append(f"example{index} =\n{body}\n")
    for index, (expression, _) in enumerate(FAILING):
        lines.append(f"failing{index} =\n  {expression}\n")
    layer, _ = put_program("\n".join(lines))
    return layer, ElementCache()


@pytest.mark.parametrize(("index", "expression", "expected"), [(i, e, v) for i, (e, v) in enumerate(EXAMPLES)])
def test_stdlib_example(program: tuple[Any, ElementCache], index: int, expression: str, expected: str) -> None:
    layer, cache = program
    result = evaluate_value(layer, "StdlibExamples", f"example{index}", cache=cache)
    assert result.value == expected, expression


def test_effect_output_is_captured_in_order(program: tuple[Any, ElementCache]) -> None:
    layer, cache = program
    index = next(i for i, (e, _) in enumerate(EXAMPLES) if e.startswith("do\n  info"))
    result = evaluate_value(layer, "StdlibExamples", f"example{index}", cache=cache)
    assert result.output == ("i", "[1]")
    assert result.errors == ("w", "e")
    index = next(i for i, (e, _) in enumerate(EXAMPLES) if e.startswith("forE"))
    assert evaluate_value(layer, "StdlibExamples", f"example{index}", cache=cache).output == ("1", "2")


def test_every_exported_stdlib_value_was_evaluated(program: tuple[Any, ElementCache]) -> None:
    layer, cache = program
    for index in range(len(EXAMPLES)):
        evaluate_value(layer, "StdlibExamples", f"example{index}", cache=cache)
    for index, (_, message) in enumerate(FAILING):
        with pytest.raises(EvalError, match=message):
            evaluate_value(layer, "StdlibExamples", f"failing{index}", cache=cache)
    stdlib = root()
    missing = []
    for module in sorted(stdlib.modules()):
        for key, element in stdlib.elements(module).items():
            exported = getattr(element, "exported", False) and getattr(element, "scheme", None) is not None
            if exported and (module, key) not in cache.used:
                missing.append(f"{module}.{key}")
    assert not missing, f"never evaluated: {', '.join(missing)}"
