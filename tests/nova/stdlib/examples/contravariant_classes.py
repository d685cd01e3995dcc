"""Examples: Data.Divide, Data.Divisible, Data.Decide and Data.Decidable over Comparison, Equivalence, Predicate
and Op."""

HEADER = r"""

import Prelude
import Data.Comparison (Comparison(..), defaultComparison)
import Data.Decidable (lose, lost)
import Data.Decide (choose, chosen)
import Data.Divide (divide, divided)
import Data.Divisible (conquer)
import Data.Either (Either(..))
import Data.Equivalence (Equivalence(..), defaultEquivalence)
import Data.Op (Op(..))
import Data.Predicate (Predicate(..))
import Data.Tuple (Tuple(..))
import Data.Void (Void)

pairs :: Array (Tuple Int String)
pairs = [ Tuple 1 "b", Tuple 1 "a", Tuple 0 "z" ]

cmp :: forall a. Comparison a -> a -> a -> Ordering
cmp (Comparison f) = f

eqv :: forall a. Equivalence a -> a -> a -> Boolean
eqv (Equivalence f) = f

test :: forall a. Predicate a -> a -> Boolean
test (Predicate f) = f

run :: forall r a. Op r a -> a -> r
run (Op f) = f

positive :: Predicate Int
positive = Predicate (_ > 0)

shown :: Op String Int
shown = Op show

sides :: Array (Either Int String)
sides = [ Left 2, Right "x", Left 1 ]
"""

EXAMPLES: list[tuple[str, str]] = [
    (
        "map (\\p -> map (cmp (divided defaultComparison defaultComparison) p) pairs) pairs",
        "[[EQ,GT,GT],[LT,EQ,GT],[LT,LT,EQ]]",
    ),
    (
        '[eqv (divided defaultEquivalence defaultEquivalence) (Tuple 1 "a") (Tuple 1 "a"),'
        " eqv (divide (\\n -> Tuple (n `mod` 2) (n > 5)) defaultEquivalence defaultEquivalence) 1 3,"
        " eqv (divide (\\n -> Tuple (n `mod` 2) (n > 5)) defaultEquivalence defaultEquivalence) 1 7]",
        "[true,true,false]",
    ),
    ("[test (divided positive positive) (Tuple 1 2), test (divided positive positive) (Tuple 1 0)]", "[true,false]"),
    ("run (divide (\\n -> Tuple n (n * 2)) shown shown) 21", '"2142"'),
    ("[cmp conquer 1 2, cmp (divide (\\n -> Tuple n n) conquer defaultComparison) 1 2]", "[EQ,LT]"),
    ('[eqv conquer 1 2, test conquer 0, run (conquer :: Op String Int) 5 == ""]', "[true,true,true]"),
    (
        "map (\\x -> map (cmp (chosen defaultComparison defaultComparison) x) sides) sides",
        "[[EQ,LT,GT],[GT,EQ,GT],[LT,LT,EQ]]",
    ),
    (
        "map (\\x -> map (eqv (chosen defaultEquivalence defaultEquivalence) x) sides) sides",
        "[[true,false,false],[false,true,false],[false,false,true]]",
    ),
    (
        "[test (choose (\\n -> if n < 0 then Left n else Right n) (Predicate (_ < -5)) positive) (-9),"
        ' test (chosen positive (Predicate (_ == ""))) (Right "x")]',
        "[true,false]",
    ),
    ("map (run (chosen shown (Op identity))) sides", '["2","x","1"]'),
    ("map (cmp (chosen lost defaultComparison) (Right 1)) [Right 0, Right 2]", "[GT,LT]"),
    ("map (eqv (chosen (lose identity) defaultEquivalence) (Right 1)) [Right 1, Right 2]", "[true,false]"),
    ("map (test (chosen (lose identity) positive)) [Right 1, Right 0]", "[true,false]"),
    ("map (run (chosen (lose identity) shown)) [Right 1, Right 0]", '["1","0"]'),
]
