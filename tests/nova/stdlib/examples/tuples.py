"""Examples: Data.Tuple."""

HEADER = """

import Prelude
import Data.Maybe (Maybe(..), fromMaybe, fromMaybe', isJust, isNothing, maybe, maybe')
import Data.Either (Either(..), blush, either, fromLeft, fromRight, hush, isLeft, isRight, note)
import Data.Tuple (Tuple(..), curry, fst, snd, swap, uncurry)
import Control.Comonad (extract)
import Control.Extend (extend)
import Control.Lazy as CL
import Control.Monad (ap)
import Data.Eq (eq1)
import Data.HeytingAlgebra (ff, implies, tt)
import Data.Lazy as Lazy
import Data.Functor.Invariant (imap)
import Data.Identity (Identity(..))
import Data.Const (Const(..))
import Data.Ord (compare1)
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

square :: forall a. CommutativeRing a => a -> a
square a = a * a

excluded :: forall a. BooleanAlgebra a => a -> a
excluded x = x || not x

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
    ('[eq1 (Tuple "a" 1) (Tuple "a" 1), compare1 (Tuple "a" 2) (Tuple "a" 1) == GT]', "[true,true]"),
    ("Tuple 1 true <<< Tuple false 2", "Tuple false true"),
    (
        "[Tuple 1 2.0 + Tuple 3 4.0, Tuple 2 3.0 * Tuple 4 5.0, zero, one, Tuple 1 1.0 - Tuple 3 0.5, square (Tuple 3 1.5)]",
        "[Tuple 4 6.0,Tuple 8 15.0,Tuple 0 0.0,Tuple 1 1.0,Tuple (-2) 0.5,Tuple 9 2.25]",
    ),
    (
        "[Tuple true false && Tuple true true, Tuple true false || Tuple false false, not (Tuple true false),"
        " implies (Tuple true false) (Tuple false false), ff, tt, excluded (Tuple true false)]",
        "[Tuple true false,Tuple true false,Tuple false true,Tuple false true,Tuple false false,Tuple true true,Tuple true true]",
    ),
    (
        '[Tuple "a" negate <*> Tuple "b" 1, pure 2, Tuple "c" 3 >>= (\\x -> Tuple "d" (x * 2)), ap (Tuple "e" (_ + 1)) (Tuple "f" 4)]',
        '[Tuple "ab" (-1),Tuple "" 2,Tuple "cd" 6,Tuple "ef" 5]',
    ),
    (
        '[extract (Tuple "a" 1), extract (extend (\\(Tuple _ x) -> x + 1) (Tuple "b" 1)), fst (extend snd (Tuple 7 0))]',
        "[1,2,7]",
    ),
    (
        "[show (imap (_ + 1) (_ - 1) (Just 1)), show (imap (_ + 1) (_ - 1) (Right 1 :: Either String Int)),"
        " show (imap (_ + 1) (_ - 1) (Tuple 0 1)), show (imap (_ + 1) (_ - 1) (Identity 1)),"
        " show (imap (_ + 1) (_ - 1) (Const 7 :: Const Int Int))]",
        '["(Just 2)","(Right 2)","(Tuple 0 2)","(Identity 2)","(Const 7)"]',
    ),
    (
        "[Just 2 + Just 3, Just 2 + Nothing, Nothing + Just 3, Just 2 * Just 3, Just 2 * Nothing, zero, one]",
        "[Just 5,Just 2,Just 3,Just 6,Nothing,Nothing,Just 1]",
    ),
    (
        "(CL.defer \\_ -> Tuple (Lazy.defer \\_ -> 1) (Lazy.defer \\_ -> 2)) # \\(Tuple a b) -> [Lazy.force a, Lazy.force b]",
        "[1,2]",
    ),
]
