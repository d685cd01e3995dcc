"""Examples: the generic instances of Data.Bounded.Generic, Data.Enum.Generic, Data.Semigroup.Generic,
Data.Monoid.Generic, Data.Semiring.Generic, Data.Ring.Generic and Data.HeytingAlgebra.Generic."""

HEADER = """
import Prelude
import Data.Bounded.Generic (genericBottom, genericBottom', genericTop, genericTop')
import Data.Enum (class BoundedEnum, class Enum, Cardinality(..), cardinality, fromEnum, pred, succ, toEnum, upFromIncluding)
import Data.Enum.Generic (genericCardinality, genericCardinality', genericFromEnum, genericFromEnum', genericPred, genericPred', genericSucc, genericSucc', genericToEnum, genericToEnum')
import Data.Eq.Generic (genericEq)
import Data.Generic.Rep (class Generic, Argument(..), Constructor(..), NoArguments(..), NoConstructors, Product(..), Sum(..))
import Data.HeytingAlgebra (ff, implies, tt)
import Data.HeytingAlgebra.Generic (genericConj, genericConj', genericDisj, genericDisj', genericFF, genericFF', genericImplies, genericImplies', genericNot, genericNot', genericTT, genericTT')
import Data.Maybe (Maybe(..))
import Data.Monoid.Generic (genericMempty, genericMempty')
import Data.Newtype (unwrap)
import Data.Ord.Generic (genericCompare)
import Data.Ring.Generic (genericSub, genericSub')
import Data.Semigroup.Generic (genericAppend, genericAppend')
import Data.Semiring.Generic (genericAdd, genericAdd', genericMul, genericMul', genericOne, genericOne', genericZero, genericZero')
import Data.Show.Generic (genericShow)
import Unsafe.Coerce (unsafeCoerce)

data Color = Red | Green | Blue

derive instance genericColor :: Generic Color _

instance eqColor :: Eq Color where
  eq = genericEq

instance ordColor :: Ord Color where
  compare = genericCompare

instance showColor :: Show Color where
  show = genericShow

instance boundedColor :: Bounded Color where
  bottom = genericBottom
  top = genericTop

instance enumColor :: Enum Color where
  succ = genericSucc
  pred = genericPred

instance boundedEnumColor :: BoundedEnum Color where
  cardinality = genericCardinality
  toEnum = genericToEnum
  fromEnum = genericFromEnum

data Cell = Cell Boolean Color

derive instance genericCell :: Generic Cell _

instance eqCell :: Eq Cell where
  eq = genericEq

instance ordCell :: Ord Cell where
  compare = genericCompare

instance showCell :: Show Cell where
  show = genericShow

instance boundedCell :: Bounded Cell where
  bottom = genericBottom
  top = genericTop

instance enumCell :: Enum Cell where
  succ = genericSucc
  pred = genericPred

instance boundedEnumCell :: BoundedEnum Cell where
  cardinality = genericCardinality
  toEnum = genericToEnum
  fromEnum = genericFromEnum

data Log = Log String (Array Int)

derive instance genericLog :: Generic Log _

instance showLog :: Show Log where
  show = genericShow

instance semigroupLog :: Semigroup Log where
  append = genericAppend

instance monoidLog :: Monoid Log where
  mempty = genericMempty

data V2 = V2 Int Number

derive instance genericV2 :: Generic V2 _

instance showV2 :: Show V2 where
  show = genericShow

instance semiringV2 :: Semiring V2 where
  add = genericAdd
  zero = genericZero
  mul = genericMul
  one = genericOne

instance ringV2 :: Ring V2 where
  sub = genericSub

data Flags = Flags Boolean Boolean

derive instance genericFlags :: Generic Flags _

instance showFlags :: Show Flags where
  show = genericShow

instance heytingAlgebraFlags :: HeytingAlgebra Flags where
  ff = genericFF
  tt = genericTT
  implies = genericImplies
  conj = genericConj
  disj = genericDisj
  not = genericNot

nothing :: NoConstructors
nothing = unsafeCoerce unit

na :: NoArguments -> String
na NoArguments = "NA"
"""

EXAMPLES: list[tuple[str, str]] = [
    # Data.Bounded.Generic
    (
        "[show (bottom :: Color), show (top :: Color), show (bottom :: Cell), show (top :: Cell)]",
        '["Red","Blue","(Cell false Red)","(Cell true Blue)"]',
    ),
    ("map na [genericBottom', genericTop']", '["NA","NA"]'),
    # Data.Enum.Generic
    ("[succ Red, succ Blue, pred Green, pred Red]", "[Just Green,Nothing,Just Red,Nothing]"),
    (
        "[succ (Cell false Blue), pred (Cell true Red), succ (Cell true Blue)]",
        "[Just (Cell true Red),Just (Cell false Blue),Nothing]",
    ),
    (
        "[unwrap (cardinality :: Cardinality Color), unwrap (cardinality :: Cardinality Cell), fromEnum Blue, fromEnum (Cell true Green)]",
        "[3,6,2,4]",
    ),
    ("[toEnum 1 :: Maybe Color, toEnum 3, toEnum (-1)]", "[Just Green,Nothing,Nothing]"),
    ("[toEnum 5 :: Maybe Cell, toEnum 0, toEnum 6]", "[Just (Cell true Blue),Just (Cell false Red),Nothing]"),
    ("upFromIncluding (Cell true Green) :: Array Cell", "[Cell true Green,Cell true Blue]"),
    (
        "[map na (genericPred' NoArguments), map na (genericSucc' NoArguments), map na (genericToEnum' 0), map na (genericToEnum' 1)]",
        '[Nothing,Nothing,Just "NA",Nothing]',
    ),
    ("[genericFromEnum' NoArguments, unwrap (genericCardinality' :: Cardinality NoArguments)]", "[0,1]"),
    # Data.Semigroup.Generic, Data.Monoid.Generic
    (
        '[show (Log "a" [1] <> Log "b" [2]), show (mempty :: Log), show (Log "x" [] <> mempty)]',
        '["(Log \\"ab\\" [1,2])","(Log \\"\\" [])","(Log \\"x\\" [])"]',
    ),
    (
        "map na [genericAppend' NoArguments NoArguments, genericMempty'] <> [const \"built\" (genericAppend' nothing)]",
        '["NA","NA","built"]',
    ),
    # Data.Semiring.Generic, Data.Ring.Generic
    (
        "[V2 1 2.0 + V2 3 0.5, V2 2 3.0 * V2 4 0.5, zero, one, V2 5 1.0 - V2 1 2.0]",
        "[V2 4 2.5,V2 8 1.5,V2 0 0.0,V2 1 1.0,V2 4 (-1.0)]",
    ),
    (
        "map na [genericAdd' NoArguments NoArguments, genericMul' NoArguments NoArguments, genericZero', genericOne', genericSub' NoArguments NoArguments]",
        '["NA","NA","NA","NA","NA"]',
    ),
    # Data.HeytingAlgebra.Generic
    (
        "[Flags true false && Flags true true, Flags true false || Flags false false, not (Flags true false), ff, tt, implies (Flags true false) (Flags false false)]",
        "[Flags true false,Flags true false,Flags false true,Flags false false,Flags true true,Flags false true]",
    ),
    (
        "map na [genericFF', genericTT', genericNot' NoArguments, genericConj' NoArguments NoArguments, genericDisj' NoArguments NoArguments, genericImplies' NoArguments NoArguments]",
        '["NA","NA","NA","NA","NA","NA"]',
    ),
]
