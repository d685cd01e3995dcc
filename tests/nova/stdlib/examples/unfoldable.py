"""Examples: Data.Unfoldable and Data.Unfoldable1, into arrays, lists and `Maybe`."""

HEADER = """
import Prelude
import Data.List (List)
import Data.Maybe (Maybe(..))
import Data.Tuple (Tuple(..))
import Data.Unfoldable (fromMaybe, iterateN, none, range, replicate, replicate1, replicateA, singleton, unfoldr, unfoldr1)
import Data.Unfoldable1 (replicate1A)
import Data.Array.NonEmpty (NonEmptyArray, toArray)
import Data.List.NonEmpty as NEL

countTo :: Int -> Int -> Maybe (Tuple Int Int)
countTo n i = if i > n then Nothing else Just (Tuple i (i + 1))

countTo1 :: Int -> Int -> Tuple Int (Maybe Int)
countTo1 n i = Tuple i (if i < n then Just (i + 1) else Nothing)
"""

EXAMPLES: list[tuple[str, str]] = [
    # Data.Unfoldable
    ("[unfoldr (countTo 3) 1, unfoldr (countTo 0) 1] :: Array (Array Int)", "[[1,2,3],[]]"),
    (
        "[show (unfoldr (countTo 3) 1 :: List Int), show (unfoldr (countTo 3) 1 :: Maybe Int), show (unfoldr (countTo 0) 1 :: Maybe Int)]",
        '["(1 : 2 : 3 : Nil)","(Just 1)","Nothing"]',
    ),
    ('[replicate 3 "x", replicate 0 "y", replicate (-1) "z"] :: Array (Array String)', '[["x","x","x"],[],[]]'),
    ("(replicateA 2 [0, 1] :: Array (Array Int))", "[[0,0],[0,1],[1,0],[1,1]]"),
    ("[show (none :: Array Int), show (none :: List Int), show (none :: Maybe Int)]", '["[]","Nil","Nothing"]'),
    ("[fromMaybe (Just 1), fromMaybe Nothing] :: Array (Array Int)", "[[1],[]]"),
    ("(fromMaybe (Just 2) :: List Int)", "Cons 2 Nil"),
    # Data.Unfoldable1
    ("[unfoldr1 (countTo1 3) 1, unfoldr1 (countTo1 0) 1] :: Array (Array Int)", "[[1,2,3],[1]]"),
    (
        "[show (unfoldr1 (countTo1 3) 1 :: List Int), show (unfoldr1 (countTo1 3) 1 :: Maybe Int)]",
        '["(1 : 2 : 3 : Nil)","(Just 1)"]',
    ),
    ('[replicate1 3 "x", replicate1 0 "y", singleton "z"] :: Array (Array String)', '[["x","x","x"],["y"],["z"]]'),
    ("[range 1 4, range 3 1, range 2 2] :: Array (Array Int)", "[[1,2,3,4],[3,2,1],[2]]"),
    ("[iterateN 4 (_ * 2) 1, iterateN 0 (_ * 2) 5] :: Array (Array Int)", "[[1,2,4,8],[5]]"),
    ("(range 1 3 :: List Int)", "Cons 1 (Cons 2 (Cons 3 Nil))"),
    (
        "[map toArray (replicate1A 3 (Just 1) :: Maybe (NonEmptyArray Int)), map toArray (replicate1A 0 (Just 2) :: Maybe (NonEmptyArray Int)), map toArray (replicate1A 2 (Nothing :: Maybe Int))]",
        "[Just [1,1,1],Just [2],Nothing]",
    ),
    (
        "map NEL.toList (replicate1A 2 [0, 1] :: Array (NEL.NonEmptyList Int))",
        "[Cons 0 (Cons 0 Nil),Cons 0 (Cons 1 Nil),Cons 1 (Cons 0 Nil),Cons 1 (Cons 1 Nil)]",
    ),
]
