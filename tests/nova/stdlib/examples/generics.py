"""Examples: generic representations and the generic show, eq and compare (Data.Generic.Rep, Data.Show.Generic,
Data.Eq.Generic, Data.Ord.Generic)."""

HEADER = """
import Prelude
import Data.Eq.Generic (genericEq, genericEq')
import Data.Generic.Rep (class Generic, Argument(..), Constructor(..), NoArguments(..), NoConstructors, Product(..), Sum(..), from, repOf, to)
import Data.Ord.Generic (genericCompare, genericCompare')
import Data.Show.Generic (genericShow, genericShow', genericShowArgs)
import Data.Either (Either(..))
import Data.Maybe (Maybe(..))
import Data.Tuple (Tuple(..))
import Type.Proxy (Proxy(..))
import Unsafe.Coerce (unsafeCoerce)

data Shape = Circle Int | Rect Int Int | Dot

derive instance genericShape :: Generic Shape _

instance showShape :: Show Shape where
  show = genericShow

instance eqShape :: Eq Shape where
  eq = genericEq

instance ordShape :: Ord Shape where
  compare = genericCompare

nothing :: NoConstructors
nothing = unsafeCoerce unit
"""

EXAMPLES: list[tuple[str, str]] = [
    # Data.Show.Generic
    ("[show (Rect 1 2), show Dot, genericShow (Circle 3)]", '["(Rect 1 2)","Dot","(Circle 3)"]'),
    ('genericShowArgs (Product (Argument 1) (Argument "a"))', '["1","\\"a\\""]'),
    ('const "built" (genericShow\' :: NoConstructors -> String)', '"built"'),
    # Data.Eq.Generic
    ("[Rect 1 2 == Rect 1 2, Rect 1 2 == Rect 1 3, Dot == Circle 1, genericEq Dot Dot]", "[true,false,false,true]"),
    ("[genericEq' nothing nothing, genericEq' NoArguments NoArguments]", "[true,true]"),
    # Data.Ord.Generic
    (
        "[compare Dot (Circle 1), compare (Rect 1 2) (Rect 1 3), genericCompare (Circle 5) (Circle 5), compare (Circle 9) (Rect 0 0)]",
        "[GT,LT,EQ,LT]",
    ),
    ("[genericCompare' nothing nothing, genericCompare' NoArguments NoArguments]", "[EQ,EQ]"),
    # Data.Generic.Rep
    ("show (from (Rect 1 2))", '"(Inr (Inl (Constructor @\\"Rect\\" (Product (Argument 1) (Argument 2)))))"'),
    (
        "[show (from Dot), show (from (Circle 7))]",
        '["(Inr (Inr (Constructor @\\"Dot\\" NoArguments)))","(Inl (Constructor @\\"Circle\\" (Argument 7)))"]',
    ),
    ("[to (from (Rect 4 5)), to (Inl (Constructor (Argument 1)))] :: Array Shape", "[Rect 4 5,Circle 1]"),
    ("const unit (repOf (Proxy :: Proxy Shape))", "unit"),
    # the Generic instances of Maybe, Either and Tuple
    (
        "[genericShow (Just 1), genericShow (Nothing :: Maybe Int), genericShow (Left 1 :: Either Int Int), genericShow (Tuple 1 2)]",
        '["(Just 1)","Nothing","(Left 1)","(Tuple 1 2)"]',
    ),
    ("[to (from (Just 2))] :: Array (Maybe Int)", "[Just 2]"),
    ("[to (from (Right 3))] :: Array (Either Int Int)", "[Right 3]"),
    ("[genericEq (Tuple 1 2) (to (from (Tuple 1 2)))]", "[true]"),
]
