"""Examples: the record instances of the prelude's classes (field by field, through `RowToList`), and the
`…Record` classes' methods called directly with a row list."""

HEADER = """
import Prelude
import Data.BooleanAlgebra (class BooleanAlgebra)
import Data.Bounded (bottomRecord, topRecord)
import Data.HeytingAlgebra (conjRecord, disjRecord, ff, ffRecord, implies, impliesRecord, notRecord, tt, ttRecord)
import Data.Monoid (memptyRecord)
import Data.Ring (subRecord)
import Data.Semiring (addRecord, mulRecord, oneRecord, zeroRecord)
import Prim.RowList as RL
import Type.Proxy (Proxy(..))

type Flags = { a :: Boolean, b :: Boolean }

type Point = { x :: Int, y :: Number }

flagList :: Proxy (RL.Cons "a" Boolean (RL.Cons "b" Boolean RL.Nil))
flagList = Proxy

pointList :: Proxy (RL.Cons "x" Int (RL.Cons "y" Number RL.Nil))
pointList = Proxy

flags :: Proxy (a :: Boolean, b :: Boolean)
flags = Proxy

point :: Proxy (x :: Int, y :: Number)
point = Proxy

p1 :: Point
p1 = { x: 1, y: 2.5 }

p2 :: Point
p2 = { x: 10, y: 0.5 }

f1 :: Flags
f1 = { a: true, b: false }

-- | Uses the `CommutativeRing` dictionary of records itself.
square :: forall a. CommutativeRing a => a -> a
square a = a * a

-- | Uses the `BooleanAlgebra` dictionary of records itself.
excluded :: forall a. BooleanAlgebra a => a -> a
excluded x = x || not x
"""

EXAMPLES: list[tuple[str, str]] = [
    # HeytingAlgebra, BooleanAlgebra
    (
        "[f1 && { a: true, b: true }, f1 || { a: false, b: false }, not f1, implies f1 { a: false, b: false }, ff, tt, excluded f1]",
        "[{ a: true, b: false },{ a: true, b: false },{ a: false, b: true },{ a: false, b: true },{ a: false, b: false },{ a: true, b: true },{ a: true, b: true }]",
    ),
    (
        "[ffRecord flagList flags, ttRecord flagList flags, notRecord flagList f1]",
        "[{ a: false, b: false },{ a: true, b: true },{ a: false, b: true }]",
    ),
    (
        "[conjRecord flagList f1 f1, disjRecord flagList f1 (not f1), impliesRecord flagList f1 f1]",
        "[{ a: true, b: false },{ a: true, b: true },{ a: true, b: true }]",
    ),
    # Semiring, Ring, CommutativeRing
    (
        "[p1 + p2, p1 * p2, zero, one, p1 - p2, square p1]",
        "[{ x: 11, y: 3.0 },{ x: 10, y: 1.25 },{ x: 0, y: 0.0 },{ x: 1, y: 1.0 },{ x: -9, y: 2.0 },{ x: 1, y: 6.25 }]",
    ),
    (
        "[addRecord pointList p1 p1, mulRecord pointList p2 p2, zeroRecord pointList point, oneRecord pointList point, subRecord pointList p1 p1]",
        "[{ x: 2, y: 5.0 },{ x: 100, y: 0.25 },{ x: 0, y: 0.0 },{ x: 1, y: 1.0 },{ x: 0, y: 0.0 }]",
    ),
    # Monoid
    ('[{ s: "a", xs: [1] } <> { s: "b", xs: [2] }, mempty]', '[{ s: "ab", xs: [1,2] },{ s: "", xs: [] }]'),
    ('memptyRecord (Proxy :: Proxy (RL.Cons "s" String RL.Nil)) :: { s :: String }', '{ s: "" }'),
    # Bounded
    ("[top, bottom] :: Array { a :: Boolean, o :: Ordering }", "[{ a: true, o: GT },{ a: false, o: LT }]"),
    ("[topRecord flagList flags, bottomRecord flagList flags]", "[{ a: true, b: true },{ a: false, b: false }]"),
    ("[{ a: true, o: LT } < top, ({ a: true, o: LT } :: { a :: Boolean, o :: Ordering }) > bottom]", "[true,true]"),
]
