"""Examples: names added to match the published packages' export lists (Data.Number's functions and constants,
Data.Int's radixes and parity, Effect.untilE, the rest of Data.Array.NonEmpty, Data.Map.Internal.showTree)."""

HEADER = r"""

import Prelude
import Data.Array.NonEmpty as NEA
import Data.Int (Parity(..), base36, binary, decimal, fromStringAs, hexadecimal, octal, parity, radix, toStringAs, trunc)
import Data.Map.Internal as MI
import Data.Maybe (Maybe(..))
import Data.NonEmpty (NonEmpty(..))
import Data.Number as N
import Data.Number ((%))
import Data.Tuple (Tuple(..))
import Effect (untilE)
import Effect.Ref as Ref
import Effect.Unsafe (unsafePerformEffect)
import Control.Lazy (class Lazy)
import Control.Alt (class Alt)
import Control.Plus (class Plus, empty)
import Control.Alternative (class Alternative)
import Data.Array as A

nea :: NEA.NonEmptyArray Int
nea = NEA.cons' 3 [1, 2]

-- A parser of positive numbers, to run `some` and `many`.
newtype P a = P (Array Int -> Maybe (Tuple a (Array Int)))

runP :: forall a. P a -> Array Int -> Maybe (Tuple a (Array Int))
runP (P f) = f

instance Functor P where
  map f p = P \s -> map (\(Tuple a rest) -> Tuple (f a) rest) (runP p s)

instance Apply P where
  apply pf pa = P \s -> case runP pf s of
    Nothing -> Nothing
    Just (Tuple f rest) -> runP (map f pa) rest

instance Applicative P where
  pure a = P \s -> Just (Tuple a s)

instance Alt P where
  alt p q = P \s -> case runP p s of
    Nothing -> runP q s
    r -> r

instance Plus P where
  empty = P \_ -> Nothing

instance Alternative P

instance Lazy (P a) where
  defer f = P \s -> runP (f unit) s

positive :: P Int
positive = P \s -> case A.uncons s of
  Just { head, tail } | head > 0 -> Just (Tuple head tail)
  _ -> Nothing
"""

EXAMPLES: list[tuple[str, str]] = [
    # Data.Number
    (
        "[N.abs (-2.5), N.max 1.0 2.0, N.min 1.0 2.0, N.sign (-3.0), N.sign 0.0, N.remainder 5.5 2.0, (-5.5) % 2.0]",
        "[2.5,2.0,1.0,-1.0,0.0,1.5,-1.5]",
    ),
    (
        "[N.isNaN (N.max N.nan 1.0), N.isNaN (N.min 1.0 N.nan), N.isNaN (N.sign N.nan), N.isNaN (N.remainder 1.0 0.0), N.isNaN (N.acos 2.0)]",
        "[true,true,true,true,true]",
    ),
    ("[N.acos 1.0, N.asin 0.0, N.atan 0.0, N.atan2 0.0 1.0, N.tan 0.0]", "[0.0,0.0,0.0,0.0,0.0]"),
    (
        "[N.atan2 1.0 0.0 == N.pi / 2.0, N.tau == 2.0 * N.pi, N.sqrt2 * N.sqrt1_2 > 0.999, N.exp N.ln2 > 1.999, N.exp N.ln10 > 9.999, N.log10e * N.ln10 > 0.999, N.log2e * N.ln2 > 0.999]",
        "[true,true,true,true,true,true,true]",
    ),
    # Data.Int
    ("[trunc 2.7, trunc (-2.7), trunc N.nan]", "[2,-2,0]"),
    (
        "[toStringAs binary 5, toStringAs octal 64, toStringAs decimal (-12), toStringAs hexadecimal 255, toStringAs base36 35, toStringAs hexadecimal 0]",
        '["101","100","-12","ff","z","0"]',
    ),
    (
        '[fromStringAs hexadecimal "FF", fromStringAs binary "-101", fromStringAs binary "102", fromStringAs decimal "", fromStringAs octal "+17"]',
        "[Just 255,Just (-5),Nothing,Nothing,Just 15]",
    ),
    (
        "[map (\\r -> toStringAs r 100) (radix 36), map (\\r -> toStringAs r 100) (radix 37), map (\\r -> toStringAs r 100) (radix 1)]",
        '[Just "2s",Nothing,Nothing]',
    ),
    ("[parity 4, parity (-3), parity 0]", "[Even,Odd,Even]"),
    (
        "[show Even, show Odd, show (Even == Even), show (Even == Odd), show (compare Even Odd), show (compare Odd Even), show (compare Odd Odd)]",
        '["Even","Odd","true","false","LT","GT","EQ"]',
    ),
    # Effect.untilE
    (
        "unsafePerformEffect do\n  r <- Ref.new 0\n  untilE do\n    n <- Ref.modify (_ + 1) r\n    pure (n >= 3)\n  Ref.read r",
        "3",
    ),
    # Data.Array.NonEmpty
    ("[NEA.toArray (NEA.fromNonEmpty (NonEmpty 1 [2, 3]))]", "[[1,2,3]]"),
    ("NEA.toNonEmpty nea", "NonEmpty 3 [1,2]"),
    ("[NEA.elem 1 nea, NEA.elem 9 nea, NEA.notElem 9 nea, NEA.notElem 1 nea]", "[true,false,true,false]"),
    (
        "[NEA.find (_ < 3) nea, NEA.find (_ > 3) nea, NEA.findMap (\\x -> if x < 3 then Just (x * 10) else Nothing) nea]",
        "[Just 1,Nothing,Just 10]",
    ),
    (
        "[NEA.toArray (NEA.updateAtIndices [Tuple 0 9, Tuple 7 9] nea), NEA.toArray (NEA.modifyAtIndices [1, 2, 5] negate nea)]",
        "[[9,1,2],[3,-1,-2]]",
    ),
    (
        "map NEA.toArray (NEA.toArray (NEA.transpose (NEA.cons' (NEA.cons' 1 [2]) [NEA.cons' 3 [4, 5]])))",
        "[[1,3],[2,4],[5]]",
    ),
    (
        "[map NEA.toArray (NEA.transpose' (NEA.cons' [1, 2] [[3]])), map NEA.toArray (NEA.transpose' (NEA.cons' [] [[]]))]",
        "[Just [[1,3],[2]],Nothing]",
    ),
    (
        "[NEA.difference' nea [1], NEA.intersect' nea [2, 3, 4], NEA.intersectBy' (\\a b -> a == b * 2) nea [1]]",
        "[[3,2],[3,2],[2]]",
    ),
    ("NEA.foldRecM (\\acc x -> Just (acc * 10 + x)) 0 nea", "Just 312"),
    (
        "[map (\\(Tuple xs rest) -> Tuple (NEA.toArray xs) rest) (runP (NEA.some positive) [1, 2, 0]), map (\\(Tuple xs rest) -> Tuple (NEA.toArray xs) rest) (runP (NEA.some positive) [0])]",
        "[Just (Tuple [1,2] [0]),Nothing]",
    ),
    # Data.Map.Internal.showTree
    (
        'MI.showTree (MI.fromFoldable [Tuple 1 "a", Tuple 2 "b", Tuple 3 "c"])',
        '"[2] 2 => \\"b\\"\\n    [1] 1 => \\"a\\"\\n        Leaf\\n        Leaf\\n    [1] 3 => \\"c\\"\\n        Leaf\\n        Leaf"',
    ),
    ("MI.showTree (MI.empty :: MI.Map Int Int)", '"Leaf"'),
]
