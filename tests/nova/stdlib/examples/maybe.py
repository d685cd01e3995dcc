"""Examples: Data.Maybe."""

HEADER = """
import Prelude
import Control.Alt ((<|>))
import Control.Alternative (guard)
import Control.Extend (extend)
import Control.Monad (ap)
import Control.Plus (empty)
import Data.Eq (eq1)
import Data.Maybe (Maybe(..), fromJust, fromMaybe, fromMaybe', isJust, isNothing, maybe, maybe', optional)
import Data.Maybe.First (First(..))
import Data.Maybe.Last (Last(..))
import Data.Newtype (unwrap)
import Data.Ord (compare1)
import Partial.Unsafe (unsafePartial)
"""

EXAMPLES: list[tuple[str, str]] = [
    (
        "[fromMaybe 0 Nothing, fromMaybe' (\\_ -> 1) Nothing, maybe 0 negate (Just 2),"
        " maybe' (\\_ -> 5) negate Nothing]",
        "[0,1,-2,5]",
    ),
    ("[isJust (Just 1), isNothing (Just 1)]", "[true,false]"),
    ("[Just 1 == Just 1, Nothing < Just 0, Just 2 > Just 1]", "[true,true,true]"),
    ("[Just [1] <> Just [2], Nothing <> Just [3], mempty]", "[Just [1,2],Just [3],Nothing]"),
    ("show (Just (Just (-1)))", '"(Just (Just -1))"'),
    ("[unsafePartial (fromJust (Just 3)), fromMaybe 0 (Nothing <|> Just 2), fromMaybe 0 empty]", "[3,2,0]"),
    ("[optional (Just 1), optional Nothing] :: Array (Maybe (Maybe Int))", "[Just (Just 1),Just Nothing]"),
    ("[extend isJust (Just 1), extend isJust Nothing]", "[Just true,Nothing]"),
    ("[eq1 (Just 1) (Just 1), compare1 Nothing (Just 1) == LT]", "[true,true]"),
    ("[top, bottom] :: Array (Maybe Boolean)", "[Just true,Nothing]"),
    ("unwrap (First (Just 1) <> First Nothing <> First (Just 3))", "Just 1"),
    ("unwrap (Last (Just 1) <> Last (Just 3) <> mempty)", "Just 3"),
    ("[unwrap (First Nothing <|> First (Just 2)), unwrap (Last (Just 1) <|> empty)]", "[Just 2,Just 1]"),
]

FAILING: list[tuple[str, str]] = [
    ("unsafePartial (fromJust (Nothing :: Maybe Int))", "fromJust"),
]

# Eq, Eq1, Ord, Ord1, Bounded, Show, Functor, Apply, Applicative, Bind, Monad, Extend, Monoid of First and Last.
for _n in ("First", "Last"):
    EXAMPLES += [
        (
            f"[{_n} (Just 1) == {_n} (Just 1), eq1 ({_n} (Just 1)) ({_n} Nothing), {_n} Nothing < {_n} (Just 1),"
            f" compare1 ({_n} (Just 2)) ({_n} (Just 1)) == GT]",
            "[true,false,true,true]",
        ),
        (
            f"[show ({_n} (Just 1)), show (top :: {_n} Boolean), show (mempty :: {_n} Int)]",
            f'["({_n} (Just 1))","({_n} (Just true))","({_n} Nothing)"]',
        ),
        (
            f"map unwrap [map (_ + 1) ({_n} (Just 1)), {_n} (Just negate) <*> {_n} (Just 2), pure 3,"
            f" {_n} (Just 4) >>= \\x -> {_n} (Just (x * 2)), extend (\\_ -> 0) ({_n} (Just 9))]",
            "[Just 2,Just (-2),Just 3,Just 8,Just 0]",
        ),
        (
            f"map unwrap [ap ({_n} (Just negate)) ({_n} (Just 5)), guard true $> 1, guard false $> 2, empty]",
            "[Just (-5),Just 1,Nothing,Nothing]",
        ),
    ]

EXAMPLES += [
    ("[guard true $> 1, guard false $> 2] :: Array (Maybe Int)", "[Just 1,Nothing]"),
]
