"""Examples: Data.Newtype and the newtypes of the prelude (Data.Monoid.*, Data.Semigroup.First/Last)."""

HEADER = """
import Prelude
import Control.Monad (ap)
import Data.Eq (eq1)
import Data.Foldable (foldMap)
import Data.Maybe (Maybe(..))
import Data.Monoid.Additive (Additive(..))
import Data.Monoid.Conj (Conj(..))
import Data.Monoid.Disj (Disj(..))
import Data.Monoid.Dual (Dual(..))
import Data.Monoid.Endo (Endo(..))
import Data.Monoid.Multiplicative (Multiplicative(..))
import Data.Newtype (ala, alaF, collect, modify, over, over2, overF, overF2, traverse, un, under, under2, underF, underF2, unwrap, wrap)
import Data.Ord (compare1)
import Data.Semigroup.First (First(..))
import Data.Semigroup.Last (Last(..))
import Data.Tuple (Tuple(..))
"""

EXAMPLES: list[tuple[str, str]] = [
    # Data.Newtype
    ("[unwrap (Additive 3), un Additive (Additive 4), unwrap (wrap 5 :: Additive Int)]", "[3,4,5]"),
    ("modify (_ + 1) (Additive 1)", "Additive 2"),
    ("[ala Additive foldMap [1, 2, 3], ala Multiplicative foldMap [2, 3, 4]] :: Array Int", "[6,24]"),
    ("alaF Additive foldMap identity [1, 2, 3]", "6"),
    (
        "[over Additive (_ * 10) (Additive 2), over2 Additive add (Additive 1) (Additive 2)] :: Array (Additive Int)",
        "[Additive 20,Additive 3]",
    ),
    ("(overF Additive (map (_ + 1)) [Additive 1, Additive 2] :: Array (Additive Int))", "[Additive 2,Additive 3]"),
    (
        "(overF2 Additive (\\xs ys -> xs <> ys) [Additive 1] [Additive 2] :: Array (Additive Int))",
        "[Additive 1,Additive 2]",
    ),
    ("[under Additive (_ <> Additive 1) 2, under2 Additive (<>) 3 4]", "[3,7]"),
    ("[underF Additive (map (_ <> Additive 1)) [1, 2], underF2 Additive (<>) [1] [2]]", "[[2,3],[1,2]]"),
    ("traverse Additive (\\x -> [x, x + 1]) (Additive 1)", "[Additive 1,Additive 2]"),
    ('collect Additive (foldMap identity) [Additive "a", Additive "b"]', 'Additive "ab"'),
    # Additive, Multiplicative, Conj, Disj, Dual
    ("[Additive 1 <> Additive 2, mempty, Additive 5]", "[Additive 3,Additive 0,Additive 5]"),
    ("[Multiplicative 2 <> Multiplicative 3, mempty]", "[Multiplicative 6,Multiplicative 1]"),
    (
        "[Conj true <> Conj false, mempty, Conj true + Conj false, Conj true * Conj false, zero, one]",
        "[Conj false,Conj true,Conj false,Conj true,Conj true,Conj false]",
    ),
    (
        "[Disj true <> Disj false, mempty, Disj true + Disj false, Disj true * Disj false, zero, one]",
        "[Disj true,Disj false,Disj true,Disj false,Disj false,Disj true]",
    ),
    ('[Dual "a" <> Dual "b", mempty]', '[Dual "ba",Dual ""]'),
    ('[unwrap (Endo (_ <> "a") <> Endo (_ <> "b")) "", unwrap (mempty :: Endo (->) String) "x"]', '["ba","x"]'),
    # Data.Semigroup.First, Data.Semigroup.Last
    ("[show (First 1 <> First 2), show (Last 1 <> Last 2)]", '["(First 1)","(Last 2)"]'),
]

# Eq, Eq1, Ord, Ord1, Bounded, Show, Functor, Apply, Applicative, Bind and Monad of every wrapper alike.
for _n in ("Additive", "Multiplicative", "Conj", "Disj", "Dual", "First", "Last"):
    EXAMPLES += [
        (
            f"[{_n} 1 == {_n} 1, eq1 ({_n} 1) ({_n} 2), {_n} 1 < {_n} 2, compare1 ({_n} 2) ({_n} 1) == GT]",
            "[true,false,true,true]",
        ),
        (
            f"[show ({_n} 1), show (top :: {_n} Boolean), show (bottom :: {_n} Boolean)]",
            f'["({_n} 1)","({_n} true)","({_n} false)"]',
        ),
        (
            f"[map (_ + 1) ({_n} 1), {_n} negate <*> {_n} 2, pure 3, {_n} 4 >>= \\x -> {_n} (x * 2)]",
            f"[{_n} 2,{_n} (-2),{_n} 3,{_n} 8]",
        ),
        (f"[unwrap ({_n} 1), unwrap (ap ({_n} negate) ({_n} 2)), unwrap (wrap 3 :: {_n} Int)]", "[1,-2,3]"),
    ]

EXAMPLES += [
    (
        "[show (Endo (Tuple 1 2)), show (Endo (Tuple 1 2) == Endo (Tuple 1 2)), show (Endo (Tuple 1 2) < Endo (Tuple 1 3))]",
        '["(Endo (Tuple 1 2))","true","true"]',
    ),
    ("(top :: Endo Tuple Boolean)", "Endo (Tuple true true)"),
]
