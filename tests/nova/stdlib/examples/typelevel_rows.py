"""Examples: Type.Equality, Type.Row, Type.RowList and Type.Prelude (type-level results observed through a class
that reflects a row list's labels)."""

HEADER = """
import Prelude
import Type.Prelude (class IsSymbol, class ListToRow, class RowToList, Proxy(..), reflectSymbol, type (+))
import Type.Equality (class TypeEquals, from, proof, to)
import Type.RowList (Cons, Nil, RowList)

class Labels :: RowList Type -> Constraint
class Labels l where
  labels :: Proxy l -> Array String

instance labelsNil :: Labels Nil where
  labels _ = []

instance labelsCons :: (IsSymbol k, Labels t) => Labels (Cons k v t) where
  labels _ = [reflectSymbol (Proxy :: Proxy k)] <> labels (Proxy :: Proxy t)

type A r = (a :: Int | r)
type B r = (b :: String | r)

ab :: Record (A + B + ())
ab = { a: 1, b: "x" }

type ABA = Cons "a" Int (Cons "b" String (Cons "a" Int Nil))

aba :: Proxy ABA
aba = Proxy

-- | A row list to a row and back to a (sorted) row list.
roundTrip :: forall l r l2. ListToRow l r => RowToList r l2 => Proxy l -> Proxy l2
roundTrip _ = Proxy

-- | Equal types are interchangeable.
same :: forall a b. TypeEquals a b => a -> b
same x = to x

idProof :: forall a b. TypeEquals a b => Array a -> Array b
idProof = proof
"""

EXAMPLES: list[tuple[str, str]] = [
    ("[ab.a + 1]", "[2]"),
    ("[labels aba, labels (Proxy :: Proxy Nil)]", '[["a","b","a"],[]]'),
    ("labels (roundTrip (Proxy :: Proxy (Cons \"z\" Int (Cons \"m\" Int Nil))))", '["m","z"]'),
    ('[same 1 + to 2 + from 3, (idProof [4] :: Array Int) == [4] # \\b -> if b then 1 else 0]', "[6,1]"),
]
