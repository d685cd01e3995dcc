"""Examples: Data.List.Partial, Data.Either.Inject, Data.Int.Bits, Data.Traversable.Accum and .Accum.Internal,
Control.Monad.ST.Internal, Data.String.Unsafe,
Data.String.CaseInsensitive, Data.Number.Approximate, Data.Number.Format, and Data.Semigroup.Foldable's
maximumBy/minimumBy."""

HEADER = r"""

import Prelude
import Data.Array.NonEmpty as NEA
import Data.Either (Either(..))
import Data.Either.Inject (inj, prj)
import Data.Function (on)
import Data.Int.Bits (and, or, xor, shl, shr, zshr, complement, (.&.), (.|.), (.^.))
import Data.Traversable.Accum.Internal (StateL(..), StateR(..), stateL, stateR)
import Control.Monad.ST.Internal as STI
import Data.Traversable (traverse)
import Data.List (List(..), (:))
import Data.List.Partial as LP
import Data.Maybe (Maybe(..))
import Data.Newtype (unwrap)
import Data.Number.Approximate (Fraction(..), Tolerance(..), eqAbsolute, eqApproximate, eqRelative, neqApproximate, (~=), (≅), (≇))
import Data.Number.Format (exponential, fixed, precision, toString, toStringWith)
import Data.Semigroup.Foldable (maximumBy, minimumBy)
import Data.String.CaseInsensitive (CaseInsensitiveString(..))
import Data.String.Unsafe as SU
import Data.Traversable (mapAccumL)
import Data.Traversable.Accum (Accum)
import Data.Tuple (Tuple(..), fst)
import Partial.Unsafe (unsafePartial)

nested :: Either String (Either Int Boolean)
nested = inj 3

step :: Int -> Int -> Accum Int Int
step acc x = { accum: acc + x, value: acc * x }

ci :: String -> CaseInsensitiveString
ci = CaseInsensitiveString
"""

EXAMPLES: list[tuple[str, str]] = [
    ("(stateL (traverse (\\a -> StateL \\s -> { accum: s + a, value: s }) [1, 2, 3]) 0).value", "[0,1,3]"),
    ("(stateR (traverse (\\a -> StateR \\s -> { accum: s + a, value: s }) [1, 2, 3]) 0).value", "[5,3,0]"),
    ("STI.run (STI.new 1 >>= \\r -> STI.modify (_ + 41) r)", "42"),
    # Data.List.Partial
    ("unsafePartial [LP.head (1 : 2 : 3 : Nil), LP.last (1 : 2 : 3 : Nil)]", "[1,3]"),
    ("unsafePartial (show [LP.tail (1 : 2 : Nil), LP.init (1 : 2 : Nil)])", '"[(2 : Nil),(1 : Nil)]"'),
    # Data.Either.Inject
    (
        "[show nested, show (prj nested :: Maybe Int), show (prj nested :: Maybe Boolean), show (prj nested :: Maybe String)]",
        '["(Right (Left 3))","(Just 3)","Nothing","Nothing"]',
    ),
    (
        '[show (inj "s" :: Either String Int), show (inj true :: Boolean), show (prj (Left "s" :: Either String Int) :: Maybe String)]',
        '["(Left \\"s\\")","true","(Just \\"s\\")"]',
    ),
    # Data.Int.Bits
    (
        "[12 .&. 10, 12 .|. 10, 12 .^. 10, and 7 3, or 4 1, xor 5 5, shl 1 4, shr (-16) 2, zshr 16 2, complement 0]",
        "[8,14,6,3,5,0,16,-4,4,-1]",
    ),
    ("[shl 1 31, zshr (-1) 28, shl 1 32, complement 2147483647, and 4294967295 7]", "[-2147483648,15,1,-2147483648,7]"),
    # `>>>` is unsigned in JavaScript, so in PureScript: a zero shift of a negative number leaves the Int range
    ("[zshr (-1) 0, zshr (-8) 0, zshr (-8) 1]", "[4294967295,4294967288,2147483644]"),
    # Data.Traversable.Accum
    ("mapAccumL step 1 [2, 3, 4]", "{ accum: 10, value: [2,9,24] }"),
    # Data.String.Unsafe
    ('[SU.char "a", SU.charAt 1 "xyz"]', "['a','y']"),
    # Data.String.CaseInsensitive
    (
        '[show (ci "Ab" == ci "aB"), show (compare (ci "b") (ci "A")), show (ci "Ab"), unwrap (ci "Ab")]',
        '["true","GT","(CaseInsensitiveString \\"Ab\\")","Ab"]',
    ),
    # Data.Number.Approximate
    (
        "[0.1 + 0.2 ~= 0.3, 0.1 + 0.2 ≅ 0.3, 1.0 ≇ 1.1, eqApproximate 1.0 1.0000001, neqApproximate 1.0 1.0]",
        "[true,true,true,true,false]",
    ),
    (
        "[eqRelative (Fraction 0.01) 100.0 100.5, eqRelative (Fraction 0.01) 0.0 0.001, eqRelative (Fraction 0.01) 0.5 0.0, eqAbsolute (Tolerance 0.1) 1.0 1.05, eqAbsolute (Tolerance 0.1) 1.0 1.2]",
        "[true,true,false,true,false]",
    ),
    # Data.Number.Format
    (
        "[toStringWith (precision 3) 123.456, toStringWith (fixed 2) 1.005, toStringWith (exponential 2) 1234.0, toStringWith (precision 1) 12345.0, toStringWith (fixed 0) 2.5]",
        '["123","1.00","1.23e+3","1e+4","3"]',
    ),
    (
        "[toString 1.0, toString 0.1, toString 1.0e21, toString 1.5e-7, toStringWith (precision 50) 1.0, toStringWith (fixed (-3)) 1.25]",
        '["1","0.1","1e+21","1.5e-7","1.00000000000000000000","1"]',
    ),
    ("[toString 0.000001, toString 1.5e-5, toString 1e-7]", '["0.000001","0.000015","1e-7"]'),
    # Data.Semigroup.Foldable maximumBy / minimumBy
    (
        "[fst (maximumBy (compare `on` fst) (NEA.cons' (Tuple 1 1) [Tuple 3 2, Tuple 3 3])), fst (minimumBy (compare `on` fst) (NEA.cons' (Tuple 2 1) [Tuple 1 2, Tuple 5 3]))]",
        "[3,1]",
    ),
    (
        "[map (\\t -> case t of Tuple _ b -> b) [maximumBy (compare `on` fst) (NEA.cons' (Tuple 3 1) [Tuple 3 2]), minimumBy (compare `on` fst) (NEA.cons' (Tuple 1 1) [Tuple 1 2])]]",
        "[[2,2]]",
    ),
]

FAILING: list[tuple[str, str]] = [
    ("unsafePartial (LP.head (Nil :: List Int))", "empty list"),
    ('SU.char "ab"', "one-character"),
    ('SU.charAt 5 "ab"', "out of range"),
]
