"""Examples: the Eq/Eq1, Ord/Ord1, Extend/Comonad, Lazy and MonadPlus instances of App, Compose, Product and
Coproduct, with PureScript's contexts (`Eq (Product f g a)` asks `Eq1 f, Eq1 g, Eq a`); NonEmpty's Eq1, Ord1 and
Semigroup; NonEmptyArray's Eq1 and Ord1."""

HEADER = r"""

import Prelude
import Control.Comonad (extract)
import Control.Extend (extend)
import Control.Lazy (defer)
import Control.MonadPlus (class MonadPlus)
import Data.Array.NonEmpty as NEA
import Data.Eq (eq1)
import Data.Functor.App (App(..))
import Data.Functor.Compose (Compose(..))
import Data.Functor.Coproduct (Coproduct, left, right)
import Data.Functor.Product (product)
import Data.Identity (Identity(..))
import Data.Maybe (Maybe(..))
import Data.NonEmpty ((:|))
import Data.Ord (compare1)

viaMonadPlus :: forall m. MonadPlus m => m Int -> m Int
viaMonadPlus m = m >>= \n -> pure (n * 10)

lr :: Array (Coproduct Maybe Array Int)
lr = [ left (Just 1), right [ 1 ], left Nothing ]
"""

EXAMPLES: list[tuple[str, str]] = [
    (
        "[App [1] == App [1], eq1 (App (Just 1)) (App (Just 2)), App [1] < App [2], compare1 (App [2]) (App [1]) == GT]",
        "[true,false,true,true]",
    ),
    (
        "[Compose [Just 1] == Compose [Just 1], eq1 (Compose [Just 1]) (Compose [Nothing]),"
        " Compose (Just [1]) < Compose (Just [1, 0]), compare1 (Compose [Just 2]) (Compose [Just 1]) == GT]",
        "[true,false,true,true]",
    ),
    (
        "[product [1] (Just 2) == product [1] (Just 2), eq1 (product [1] (Just 2)) (product [1] Nothing),"
        " product [1] (Just 2) < product [1] (Just 3), compare1 (product [2] Nothing) (product [1] (Just 0)) == GT]",
        "[true,false,true,true]",
    ),
    ("map (\\x -> map (x == _) lr) lr", "[[true,false,false],[false,true,false],[false,false,true]]"),
    ("map (\\x -> map (compare x) lr) lr == map (\\x -> map (compare1 x) lr) lr", "true"),
    ("map (\\x -> map (compare x) lr) lr", "[[EQ,LT,GT],[GT,EQ,GT],[LT,LT,EQ]]"),
    ("[extract (App (Identity 3)), extract (extend (\\(App (Identity n)) -> n + 1) (App (Identity 1)))]", "[3,2]"),
    ("case defer (\\_ -> App (Identity (_ + 1))) of App (Identity f) -> f 41", "42"),
    ("viaMonadPlus (App [1, 2])", "App [10,20]"),
    (
        "let c = left (Identity 5) :: Coproduct Identity Identity Int in"
        " [extract c, extract (extend (\\w -> extract w * 2) c), extract (right (Identity 7) :: Coproduct Identity Identity Int)]",
        "[5,10,7]",
    ),
    (
        "[eq1 (1 :| [2]) (1 :| [2]), eq1 (1 :| [2]) (1 :| []), compare1 (1 :| [3]) (1 :| [2]) == GT, (2 :| [1]) < (3 :| [])]",
        "[true,false,true,true]",
    ),
    ("(1 :| [2]) <> (3 :| [4])", "NonEmpty 1 [2,3,4]"),
    (
        "[eq1 (NEA.cons' 1 [2]) (NEA.cons' 1 [2]), eq1 (NEA.singleton 1) (NEA.cons' 1 [2]),"
        " compare1 (NEA.singleton 2) (NEA.cons' 1 [5]) == GT, (1 :| NEA.singleton 1) < (1 :| NEA.singleton 2)]",
        "[true,false,true,true]",
    ),
]
