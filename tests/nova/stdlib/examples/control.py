"""Examples: PureScript's control package (Control.Alt, Plus, Alternative, MonadPlus, Lazy, Extend, Comonad,
Data.Monoid.Alternate)."""

HEADER = """
import Prelude
import Control.Alt (alt, (<|>))
import Control.Alternative (guard)
import Control.Comonad (extract)
import Control.Extend (composeCoKleisli, composeCoKleisliFlipped, duplicate, extend, extendFlipped, (<<=), (=<=), (=>=), (=>>))
import Control.Lazy (defer, fix)
import Control.MonadPlus (class MonadPlus)
import Control.Plus (empty)
import Control.Monad (ap)
import Data.Array as A
import Data.Eq (eq1)
import Data.Identity (Identity(..))
import Data.Maybe (Maybe(..))
import Data.Monoid.Alternate (Alternate(..))
import Data.Newtype (unwrap)
import Data.Ord (compare1)

evens :: forall m. MonadPlus m => m Int -> m Int
evens xs = do
  x <- xs
  guard (x `mod` 2 == 0)
  pure x

factorial :: Int -> Int
factorial = fix \\rec n -> if n <= 1 then 1 else n * rec (n - 1)
"""

EXAMPLES: list[tuple[str, str]] = [
    # Control.Alt, Control.Plus, Control.Alternative, Control.MonadPlus
    ("[alt [1] [2], [3] <|> empty]", "[[1,2],[3]]"),
    ("(empty :: Array Int)", "[]"),
    ("[guard true, guard false] :: Array (Array Unit)", "[[unit],[]]"),
    ("evens [1, 2, 3, 4]", "[2,4]"),
    # Control.Lazy
    ("[factorial 5, (defer \\_ -> (_ + 1)) 1]", "[120,2]"),
    ("(defer \\_ -> unit :: Unit)", "unit"),
    # Control.Extend, Control.Comonad
    ("[extend A.length [1, 2, 3], A.length <<= [4, 5], [6, 7] =>> A.length]", "[[3,2,1],[2,1],[2,1]]"),
    ("extendFlipped [1, 2] A.length", "[2,1]"),
    ("[composeCoKleisli A.length show [1, 2], (A.length =>= show) [1]]", '["[2,1]","[1]"]'),
    ("[composeCoKleisliFlipped show A.length [1, 2], (show =<= A.length) [1]]", '["[2,1]","[1]"]'),
    ("duplicate [1, 2]", "[[1,2],[2]]"),
    ("extend (\\f -> f [0]) (\\xs -> A.length xs) [1, 2]", "3"),
    ("extract (Identity 5)", "5"),
    # Data.Monoid.Alternate
    ("unwrap (Alternate Nothing <> Alternate (Just 1) <> Alternate (Just 2))", "Just 1"),
    (
        "[Alternate [1] <> mempty, Alternate [2] <|> empty, pure 3, map (_ + 1) (Alternate [4])]",
        "[Alternate [1],Alternate [2],Alternate [3],Alternate [5]]",
    ),
    (
        "[Alternate (Just 1) == Alternate (Just 1), eq1 (Alternate [1]) (Alternate [2]), Alternate [1] < Alternate [2]]",
        "[true,false,true]",
    ),
    ("[compare1 (Alternate [1]) (Alternate [0]), compare (Alternate [1]) (Alternate [1])]", "[GT,EQ]"),
    (
        "[show (Alternate [1]), show (top :: Alternate Identity Boolean)]",
        '["(Alternate [1])","(Alternate (Identity true))"]',
    ),
    ("unwrap (Alternate (Just negate) <*> Alternate (Just 1))", "Just (-1)"),
    ("unwrap (Alternate [1, 2] >>= \\x -> Alternate [x, x * 10])", "[1,10,2,20]"),
    ("[extract (Alternate (Identity 7)), extract (extend (\\_ -> 8) (Alternate (Identity 7)))]", "[7,8]"),
    (
        "[unwrap (guard true $> 1 :: Alternate Array Int), unwrap (ap (Alternate [negate]) (Alternate [1, 2]))]",
        "[[1],[-1,-2]]",
    ),
]
