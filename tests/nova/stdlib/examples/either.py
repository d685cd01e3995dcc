"""Examples: Data.Either."""

HEADER = """
import Prelude
import Control.Alt ((<|>))
import Control.Extend (extend)
import Data.Either (Either(..), blush, choose, either, fromLeft, fromLeft', fromRight, fromRight', hush, isLeft, isRight, note, note')
import Data.Eq (eq1)
import Data.Maybe (Maybe(..))
import Data.Ord (compare1)
"""

EXAMPLES: list[tuple[str, str]] = [
    ('[Left 1, Right "x"]', '[Left 1,Right "x"]'),
    ("[either negate identity (Left 1), either negate identity (Right 5)]", "[-1,5]"),
    ("[fromLeft 0 (Left 3), fromRight 0 (Left 3), fromLeft 0 (Right 1)]", "[3,0,0]"),
    ('[hush (Right 1), hush (Left "e"), blush (Left 2)]', "[Just 1,Nothing,Just 2]"),
    ("[isLeft (Left 1), isRight (Left 1)]", "[true,false]"),
    ('[note "missing" Nothing, note "missing" (Just 1)]', '[Left "missing",Right 1]'),
    ("map negate (Right 1 :: Either String Int)", "Right (-1)"),
    ('(Right 1 :: Either String Int) >>= \\x -> if x > 0 then Left "pos" else Right x', 'Left "pos"'),
    ("[show (Left 1 :: Either Int Int), show (Right 2 :: Either Int Int)]", '["(Left 1)","(Right 2)"]'),
    ("[Left 1 == (Left 1 :: Either Int Int), Left 9 < (Right 0 :: Either Int Int)]", "[true,true]"),
    ("Right negate <*> (Right 1 :: Either String Int)", "Right (-1)"),
    ("(pure 1 :: Either String Int)", "Right 1"),
    ("[choose (Just 1) (Just 'a'), choose Nothing (Just 'b')]", "[Just (Left 1),Just (Right 'b')]"),
    ("[show (fromLeft' (\\_ -> 0) (Right 'x')), show (fromRight' (\\_ -> 'z') (Left 1))]", '["0","\'z\'"]'),
    ('[note\' (\\_ -> "e") Nothing, note\' (\\_ -> "e") (Just 1)]', '[Left "e",Right 1]'),
    (
        "[Left 1 <|> Right 2, Right 3 <|> Right 4, Left 5 <|> Left 6] :: Array (Either Int Int)",
        "[Right 2,Right 3,Left 6]",
    ),
    ("[extend isRight (Right 1 :: Either Int Int), extend isRight (Left 2)]", "[Right true,Left 2]"),
    ("[eq1 (Left 1) (Left 1 :: Either Int Int), compare1 (Left 1) (Right 0 :: Either Int Int) == LT]", "[true,true]"),
    ("[top, bottom] :: Array (Either Boolean Ordering)", "[Right GT,Left false]"),
    ('[Right "a" <> Right "b", Left 1 <> Right "c", Right "d" <> Left 2]', '[Right "ab",Left 1,Left 2]'),
]
