"""Examples: Data.Predicate, Data.Comparison, Data.Equivalence and Data.Op, the contravariant functors of
PureScript's contravariant package."""

HEADER = r"""

import Prelude
import Data.Array as A
import Data.Bifoldable (biall, biany)
import Data.Tuple (Tuple(..))
import Data.Comparison (Comparison(..), defaultComparison)
import Data.Equivalence (Equivalence(..), defaultEquivalence, comparisonEquivalence)
import Data.Functor.Contravariant (cmap, (>$<))
import Data.HeytingAlgebra (ff, implies, tt)
import Data.Newtype (unwrap)
import Data.Op (Op(..))
import Data.Predicate (Predicate(..))
import Data.String as S

test :: forall a. Predicate a -> a -> Boolean
test (Predicate p) = p

byLength :: Comparison String
byLength = S.length >$< defaultComparison

sameLength :: Equivalence String
sameLength = S.length >$< defaultEquivalence

runOp :: forall a b. Op a b -> b -> a
runOp (Op f) = f
"""

EXAMPLES: list[tuple[str, str]] = [
    # Predicate
    (
        '[test (S.length >$< Predicate (_ > 2)) "abc", test (cmap S.length (Predicate (_ > 2))) "a", unwrap (Predicate (_ > 0)) 1]',
        "[true,false,true]",
    ),
    (
        "[test (Predicate (_ > 0) && Predicate (_ < 10)) 5, test (Predicate (_ > 0) || Predicate (_ < -10)) (-20), test (not (Predicate (_ > 0))) 1, test (Predicate (_ > 0) `implies` Predicate (_ > 5)) 3]",
        "[true,true,false,false]",
    ),
    ("[test (tt :: Predicate Int) 0, test (ff :: Predicate Int) 0]", "[true,false]"),
    (
        "[test (biany (\\lo -> Predicate (_ > lo)) (\\hi -> Predicate (_ < hi)) (Tuple 5 0)) 7, test (biall (\\lo -> Predicate (_ > lo)) (\\hi -> Predicate (_ < hi)) (Tuple 5 0)) 7]",
        "[true,false]",
    ),
    # Comparison
    ('[unwrap byLength "ab" "c", unwrap defaultComparison 1 2, unwrap (mempty :: Comparison Int) 1 2]', "[GT,LT,EQ]"),
    ('A.sortBy (unwrap (byLength <> defaultComparison)) ["bb", "a", "ab", "c"]', '["a","c","ab","bb"]'),
    # Equivalence
    (
        '[unwrap sameLength "ab" "cd", unwrap sameLength "a" "cd", unwrap (sameLength <> defaultEquivalence) "ab" "cd", unwrap (mempty :: Equivalence Int) 1 2]',
        "[true,false,false,true]",
    ),
    (
        '[unwrap (comparisonEquivalence byLength) "xy" "zw", unwrap (comparisonEquivalence defaultComparison) 1 2]',
        "[true,false]",
    ),
    # Op
    (
        '[runOp (Op (_ + 1) <<< Op (_ * 10)) 1, runOp (identity :: Op Int Int) 7, runOp (cmap S.length (Op (_ * 2))) "abc"]',
        "[20,7,6]",
    ),
    (
        "[runOp (Op show <> Op (\\n -> show (n + 1))) 1, runOp (mempty :: Op String Int) 5, unwrap (Op show) 3]",
        '["12","","3"]',
    ),
]
