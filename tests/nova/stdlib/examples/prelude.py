"""Examples: Prelude and the modules it re-exports (PureScript's prelude package)."""

HEADER = """
import Prelude
import Control.Apply (applyFirst, applySecond, lift2, lift3, lift4, lift5)
import Control.Bind (bindFlipped, composeKleisli, composeKleisliFlipped)
import Control.Semigroupoid (composeFlipped)
import Data.DivisionRing (leftDiv, rightDiv)
import Data.Eq (class Eq1, eq1, notEq1, eqRecord)
import Data.Function (applyFlipped, applyN, on)
import Data.Function as Function
import Data.Functor (mapFlipped, voidLeft, voidRight)
import Data.HeytingAlgebra (ff, implies, tt)
import Data.Maybe (Maybe(..))
import Data.Either (Either(..))
import Data.List (List)
import Data.List as L
import Data.Monoid (guard, power)
import Data.Ord (abs, signum, lessThan, lessThanOrEq, greaterThan, greaterThanOrEq, compare1, compareRecord)
import Data.Ordering (invert)
import Data.Semigroup (appendRecord)
import Data.Show (showRecordFields)
import Prim.RowList as RL
import Record.Unsafe (unsafeDelete, unsafeGet, unsafeHas, unsafeSet)
import Type.Proxy (Proxy(..))

l3 :: List Int
l3 = L.range 1 3

rec :: { a :: Int, b :: String }
rec = { a: 1, b: "x" }

xorB :: forall a. BooleanAlgebra a => a -> a -> a
xorB a b = (a || b) && not (a && b)

square :: forall a. CommutativeRing a => a -> a
square a = a * a

half :: forall a. Field a => a -> a
half a = a / (one + one)

pairList :: Proxy (RL.Cons "a" Int (RL.Cons "b" String RL.Nil))
pairList = Proxy
"""

EXAMPLES: list[tuple[str, str]] = [
    # Data.Unit, Data.Void, Data.Boolean
    ("unit", "unit"),
    ("(\\_ -> 1) (absurd :: Void -> Int)", "1"),
    ("otherwise", "true"),
    # Control.Semigroupoid, Control.Category, Data.Function
    ("identity 3", "3"),
    ("compose show negate 2", '"-2"'),
    ("composeFlipped negate show 2", '"-2"'),
    ("(show <<< negate) 1", '"-1"'),
    ("(negate >>> show) 1", '"-1"'),
    ("const 1 2", "1"),
    ("flip sub 1 10", "9"),
    ("on add negate 2 3", "-5"),
    ("Function.apply negate 4", "-4"),
    ("show $ 1 + 1", '"2"'),
    ("applyFlipped 4 negate", "-4"),
    ("5 # show", '"5"'),
    ("[applyN (_ * 2) 3 1, applyN (_ * 2) 0 1, applyN (_ * 2) (-1) 5]", "[8,1,5]"),
    # Data.HeytingAlgebra, Data.BooleanAlgebra
    (
        "[ff, tt, implies true false, conj true false, disj true false, not true] :: Array Boolean",
        "[false,true,false,false,true,false]",
    ),
    ("true && false || true", "true"),
    ("[(not (_ > 2) && (_ > 0)) 1, ((_ > 2) || (_ < 0)) 1]", "[true,false]"),
    ("[ff, tt, not unit, conj unit unit] :: Array Unit", "[unit,unit,unit,unit]"),
    ("(tt :: Proxy Int)", "Proxy"),
    ("[xorB true false, xorB true true, xorB (_ > 1) (_ > 2) 2]", "[true,false,true]"),
    ("[show (xorB unit unit), show (xorB (Proxy :: Proxy Int) Proxy)]", '["unit","Proxy"]'),
    (
        "[show (square 3), show (square (_ + 1) 2), show (square unit), show (square (Proxy :: Proxy Int))]",
        '["9","9","unit","Proxy"]',
    ),
    ("half 5.0", "2.5"),
    (
        "[const 0 (compare :: Void -> Void -> Ordering), const 1 (append :: Void -> Void -> Void),"
        " const 2 (show :: Void -> String), const 3 (eq :: Void -> Void -> Boolean)]",
        "[0,1,2,3]",
    ),
    # Data.Eq
    ("[eq 1 1, notEq 1 2, 1 == 2, 1 /= 1]", "[true,true,false,false]"),
    ("[1.0 == 1.0, 'a' == 'b', true == true, unit == unit, \"a\" == \"a\"]", "[true,false,true,true,true]"),
    ("[[1, 2] == [1, 2], [1] == [1, 2], (Proxy :: Proxy Int) == Proxy]", "[true,false,true]"),
    ("[eq1 [1] [1], notEq1 [1] [2]]", "[true,true]"),
    ('[{ a: 1, b: "x" } == { b: "x", a: 1 }, rec == rec { a = 2 }, {} == {}]', "[true,false,true]"),
    ("eqRecord pairList rec rec", "true"),
    # Data.Ordering, Data.Ord
    ("[LT, GT, EQ]", "[LT,GT,EQ]"),
    ("[invert LT, invert EQ, invert GT]", "[GT,EQ,LT]"),
    ("[compare 1 2, compare 2 2, compare 'b' 'a', compare \"a\" \"ab\", compare true false]", "[LT,EQ,GT,LT,GT]"),
    ("[compare LT GT, compare GT EQ, compare EQ EQ, compare unit unit, compare 1.5 0.5]", "[LT,GT,EQ,EQ,GT]"),
    ("[compare [1, 2] [1, 3], compare [LT] [LT], compare [GT] [EQ, LT], compare [1] [1, 0]]", "[LT,EQ,GT,LT]"),
    ("[lessThan 1 2, lessThanOrEq 2 2, greaterThan 1 2, greaterThanOrEq 1 2]", "[true,true,false,false]"),
    ("[1 < 2, 2 <= 1, 3 > 2, 3 >= 4]", "[true,false,true,false]"),
    ("comparing negate 1 2", "GT"),
    ("[min 3 4, max 3 4, clamp 0 10 11, clamp 0 10 (-1)]", "[3,4,10,0]"),
    ("[between 1 5 3, between 1 5 9, between 1 5 0]", "[true,false,false]"),
    ("[abs (-3), abs 4, signum (-7), signum 0, signum 9]", "[3,4,-1,0,1]"),
    ("[abs (-2.5), signum 3.0, signum 0.0]", "[2.5,1.0,0.0]"),
    ("[compare1 [1] [2], compare (Proxy :: Proxy Int) Proxy]", "[LT,EQ]"),
    ("[compare { a: 1, b: 2 } { a: 1, b: 3 }, compare { a: 2, b: 0 } { a: 1, b: 9 }]", "[LT,GT]"),
    ('[{ x: 1 } < { x: 2 }, compareRecord pairList rec (rec { b = "a" }) == GT]', "[true,true]"),
    # Data.Bounded
    ("[top, bottom] :: Array Int", "[2147483647,-2147483648]"),
    ("[top, bottom] :: Array Boolean", "[true,false]"),
    ("[top, bottom] :: Array Ordering", "[GT,LT]"),
    ("[top, bottom] :: Array Char", "['\uffff','\\x00']"),
    ("[top, bottom] :: Array Number", "[Infinity,-Infinity]"),
    ("[top, bottom] :: Array Unit", "[unit,unit]"),
    ("(top :: Proxy Int)", "Proxy"),
    # Data.Show
    (
        "[show 42, show (-1.5), show \"a\\nb\", show 'x', show true, show unit, show [1, 2], show 2.0]",
        '["42","-1.5","\\"a\\\\nb\\"","\'x\'","true","unit","[1,2]","2.0"]',
    ),
    ("[show LT, show GT, show EQ, show (Proxy :: Proxy Int)]", '["LT","GT","EQ","Proxy"]'),
    ("[show rec, show {}, show { n: { m: [1] } }]", '["{ a: 1, b: \\"x\\" }","{}","{ n: { m: [1] } }"]'),
    ("[showRecordFields pairList rec, showRecordFields (Proxy :: Proxy RL.Nil) rec]", '[" a: 1, b: \\"x\\" ",""]'),
    # Data.Semiring, Data.Ring, Data.CommutativeRing, Data.EuclideanRing, Data.DivisionRing, Data.Field
    ("[add 1 2, zero, mul 3 4, one, 2 + 3 * 4]", "[3,0,12,1,14]"),
    ("[add 0.5 0.25, zero, mul 1.5 2.0, one]", "[0.75,0.0,3.0,1.0]"),
    ("[sub 1 3, negate 4, 10 - 3, -(2)]", "[-2,-4,7,-2]"),
    ("[((_ + 1) + (_ * 2)) 5, ((_ * 3) * one) 2, (zero :: Int -> Int) 7, ((_ * 2) - identity) 4]", "[16,6,0,4]"),
    ("[one + one, zero - one, one * zero] :: Array Unit", "[unit,unit,unit]"),
    ("[one + zero, one - one] :: Array (Proxy Int)", "[Proxy,Proxy]"),
    ("[degree (-7), div 7 2, mod (-7) 2, 7 / 2, -7 / 2, 7 / (-2), 5 / 0, 5 `mod` 0]", "[7,3,1,3,-4,-3,0,0]"),
    ("[gcd 12 18, lcm 4 6, lcm 0 3, gcd 7 0]", "[6,12,0,7]"),
    ("[7.0 / 2.0, div 1.0 4.0, mod 3.0 2.0, recip 4.0, 1.0 / 0.0]", "[3.5,0.25,0.0,0.25,Infinity]"),
    ("[degree 2.5, degree 0.0]", "[1,1]"),
    ("[leftDiv 1.0 4.0, rightDiv 1.0 4.0]", "[0.25,0.25]"),
    ("gcd 4.0 6.0", "6.0"),  # the mod of Number is always 0.0, as in PureScript
    # Data.Semigroup, Data.Monoid
    ('[append "a" "b", "c" <> "d", mempty]', '["ab","cd",""]'),
    ("[1] <> [2, 3] <> mempty", "[1,2,3]"),
    ("[unit <> unit, mempty]", "[unit,unit]"),
    ("[LT <> GT, EQ <> GT, GT <> LT, mempty]", "[LT,GT,GT,EQ]"),
    ('(show <> (\\_ -> "!")) 5', '"5!"'),
    ("(mempty :: Int -> String) 5", '""'),
    ("[Proxy <> Proxy, mempty] :: Array (Proxy Int)", "[Proxy,Proxy]"),
    ('{ a: "x", b: [1] } <> { a: "y", b: [2] }', '{ a: "xy", b: [1,2] }'),
    ('appendRecord (Proxy :: Proxy (RL.Cons "b" String RL.Nil)) { a: 1, b: "x" } { a: 2, b: "y" }', '{ b: "xy" }'),
    ('[power "ab" 3, power "x" 0, power "x" (-1), power "x" 1, power "ab" 2]', '["ababab","","","x","abab"]'),
    ('[guard true "yes", guard false "no"]', '["yes",""]'),
    # Data.Functor
    ("map (_ + 1) [1, 2]", "[2,3]"),
    ("(_ * 2) <$> Just 4", "Just 8"),
    ("map (_ + 1) (_ * 2) 5", "11"),
    ("mapFlipped [1] show", '["1"]'),
    ("Just 1 <#> negate", "Just (-1)"),
    ("[void (Just 3), voidLeft (Just 1) unit, voidRight unit (Just 2)]", "[Just unit,Just unit,Just unit]"),
    ("[Just 1 $> 2, 3 <$ Just 4]", "[Just 2,Just 3]"),
    ("[flap [(_ + 1), (_ * 2)] 3, [negate] <@> 1]", "[[4,6],[-1]]"),
    ("map show (Proxy :: Proxy Int)", "Proxy"),
    # Control.Apply, Control.Applicative
    ("apply (Just negate) (Just 2)", "Just (-2)"),
    ("Just (+) <*> Just 1 <*> Just 2", "Just 3"),
    ("[negate, identity] <*> [1, 2]", "[-1,-2,1,2]"),
    ("(add <*> (_ * 10)) 2", "22"),
    (
        "[applyFirst (Just 1) (Just 2), applySecond (Just 1) (Just 2), Just 3 <* Just 4, Just 5 *> Just 6]",
        "[Just 1,Just 2,Just 3,Just 6]",
    ),
    ("[lift2 add (Just 1) (Just 2), lift3 (\\a b c -> a + b + c) (Just 1) (Just 2) (Just 3)]", "[Just 3,Just 6]"),
    (
        "[lift4 (\\a b c d -> a + b + c + d) [1] [2] [3] [4],"
        " lift5 (\\a b c d e -> a + b + c + d + e) [1] [2] [3] [4] [5]]",
        "[[10],[15]]",
    ),
    ("[pure 1, liftA1 negate (Just 1)] :: Array (Maybe Int)", "[Just 1,Just (-1)]"),
    ("(pure 1 :: Array Int)", "[1]"),
    ('(pure 1 :: String -> Int) "x"', "1"),
    ("[pure 1, (Proxy :: Proxy (Int -> Int)) <*> Proxy] :: Array (Proxy Int)", "[Proxy,Proxy]"),
    (
        "[when true (Just unit), when false Nothing, unless true Nothing, unless false (Just unit)]",
        "[Just unit,Just unit,Just unit,Just unit]",
    ),
    # Control.Bind, Control.Monad
    ("bind (Just 2) (\\x -> Just (x * 10))", "Just 20"),
    ("[1, 2] >>= \\x -> [x, x]", "[1,1,2,2]"),
    ("((_ * 2) >>= (\\d x -> d + x)) 5", "15"),
    ("(Proxy :: Proxy Int) >>= \\_ -> (Proxy :: Proxy Int)", "Proxy"),
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
    ("[ifM (Just true) (Just 1) (Just 2), ifM (Just false) (Just 1) (Just 2)]", "[Just 1,Just 2]"),
    ("[ap (Just negate) (Just 1), liftM1 negate (Just 2)]", "[Just (-1),Just (-2)]"),
    ("[liftM1 (_ + 1) (_ * 2) 5, ap (+) (_ * 2) 5]", "[11,15]"),
    ("liftM1 identity (Proxy :: Proxy Int)", "Proxy"),
    ("ap [negate] [1]", "[-1]"),
    ("ap (Right negate) (Right 1 :: Either String Int)", "Right (-1)"),
    ("ap (L.singleton negate) l3", "Cons (-1) (Cons (-2) (Cons (-3) Nil))"),
    ("[whenM (Just true) (Just unit), unlessM (Just true) Nothing]", "[Just unit,Just unit]"),
    ("discard (Just unit) (\\_ -> Just 5)", "Just 5"),
    ("do\n  x <- Just 1\n  let y = x + 1\n  Just unit\n  pure (x + y)", "Just 3"),
    ("discard [Proxy :: Proxy Int] (\\_ -> [1, 2])", "[1,2]"),
    # Record.Unsafe
    ('[unsafeHas "a" rec, unsafeHas "z" rec]', "[true,false]"),
    ('(unsafeGet "b" rec :: String)', '"x"'),
    ('(unsafeSet "c" true rec :: { a :: Int, b :: String, c :: Boolean })', '{ a: 1, b: "x", c: true }'),
    ('(unsafeDelete "a" rec :: { b :: String })', '{ b: "x" }'),
]
