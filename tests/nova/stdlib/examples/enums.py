"""Examples: enumerations (Data.Enum)."""

HEADER = """
import Prelude
import Data.Enum
import Data.List (List)
import Data.Maybe (Maybe(..))
import Data.Newtype (unwrap)

data Colour = Red | Green | Blue

derive instance eqColour :: Eq Colour
derive instance ordColour :: Ord Colour

instance boundedColour :: Bounded Colour where
  bottom = Red
  top = Blue

instance showColour :: Show Colour where
  show Red = "Red"
  show Green = "Green"
  show Blue = "Blue"

instance enumColour :: Enum Colour where
  succ Red = Just Green
  succ Green = Just Blue
  succ Blue = Nothing
  pred Blue = Just Green
  pred Green = Just Red
  pred Red = Nothing

instance boundedEnumColour :: BoundedEnum Colour where
  cardinality = defaultCardinality
  toEnum = defaultToEnum
  fromEnum = defaultFromEnum
"""

EXAMPLES: list[tuple[str, str]] = [
    ("[succ false, succ true, pred true, pred false]", "[Just true,Nothing,Just false,Nothing]"),
    ("[succ 1, pred 1]", "[Just 2,Just 0]"),
    ("[succ 'a', pred 'b', succ (top :: Char), pred (bottom :: Char)]", "[Just 'b',Just 'a',Nothing,Nothing]"),
    ("[succ unit, pred unit]", "[Nothing,Nothing]"),
    ("[succ LT, succ EQ, succ GT, pred GT, pred EQ, pred LT]", "[Just EQ,Just GT,Nothing,Just EQ,Just LT,Nothing]"),
    (
        "[show (cardinality :: Cardinality Boolean), show (cardinality :: Cardinality Unit), show (cardinality :: Cardinality Ordering), show (cardinality :: Cardinality Colour)]",
        '["(Cardinality 2)","(Cardinality 1)","(Cardinality 3)","(Cardinality 3)"]',
    ),
    ("unwrap (cardinality :: Cardinality Char)", "65535"),
    (
        "[Cardinality 1 == (Cardinality 1 :: Cardinality Unit), Cardinality 1 < (Cardinality 2 :: Cardinality Unit)]",
        "[true,true]",
    ),
    ("[toEnum 0, toEnum 1, toEnum 2] :: Array (Maybe Boolean)", "[Just false,Just true,Nothing]"),
    (
        "[fromEnum false, fromEnum true, fromEnum unit, fromEnum LT, fromEnum EQ, fromEnum GT, fromEnum 'A']",
        "[0,1,0,0,1,2,65]",
    ),
    ("[toEnum 0 :: Maybe Unit, toEnum 1]", "[Just unit,Nothing]"),
    ("[toEnum 0, toEnum 1, toEnum 2, toEnum 3] :: Array (Maybe Ordering)", "[Just LT,Just EQ,Just GT,Nothing]"),
    ("[toEnum 66, toEnum (-1)] :: Array (Maybe Char)", "[Just 'B',Nothing]"),
    ("[toEnum 2, toEnum 5, toEnum (-1)] :: Array (Maybe Colour)", "[Just Blue,Nothing,Nothing]"),
    ("map fromEnum [Red, Green, Blue]", "[0,1,2]"),
    (
        "[toEnumWithDefaults Red Blue (-5), toEnumWithDefaults Red Blue 1, toEnumWithDefaults Red Blue 9]",
        "[Red,Green,Blue]",
    ),
    ("[enumFromTo 1 4, enumFromTo 4 1, enumFromTo 2 2] :: Array (Array Int)", "[[1,2,3,4],[4,3,2,1],[2]]"),
    ("enumFromTo Red Blue :: List Colour", "Cons Red (Cons Green (Cons Blue Nil))"),
    ("enumFromThenTo 'a' 'c' 'h' :: Array Char", "['a','c','e','g']"),
    ("[upFrom Red, downFrom Blue] :: Array (Array Colour)", "[[Green,Blue],[Green,Red]]"),
    ("[upFromIncluding Green, downFromIncluding Green] :: Array (Array Colour)", "[[Green,Blue],[Green,Red]]"),
    (
        "[defaultSucc (toEnum :: Int -> Maybe Colour) fromEnum Red, defaultPred toEnum fromEnum Red]",
        "[Just Green,Nothing]",
    ),
]
