"""Examples: Type.Equality, Type.Row, Type.RowList (incl. RowListRemove/Set/Nub/Append) and Type.Prelude (type-level results observed through a class
that reflects a row list's labels)."""

HEADER = """
import Prelude
import Type.Prelude (class IsSymbol, class ListToRow, class RowToList, Proxy(..), reflectSymbol, type (+))
import Type.Equality (class TypeEquals, from, proof, to)
import Type.RowList (Cons, Nil, RowList, class RowListAppend, class RowListNub, class RowListRemove, class RowListSet)

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

-- | The row list without a label (no annotation on the result: the class computes it).
remove :: forall l i o. RowListRemove l i o => Proxy l -> Proxy i -> Proxy o
remove _ _ = Proxy

-- | The row list with a label set in front.
set :: forall l t i o. RowListSet l t i o => Proxy l -> Proxy t -> Proxy i -> Proxy o
set _ _ _ = Proxy

-- | The row list with only the first entry of each label.
nub :: forall i o. RowListNub i o => Proxy i -> Proxy o
nub _ = Proxy

-- | Two row lists one after the other.
append' :: forall a b o. RowListAppend a b o => Proxy a -> Proxy b -> Proxy o
append' _ _ = Proxy
"""

EXAMPLES: list[tuple[str, str]] = [
    ("[ab.a + 1]", "[2]"),
    ("[labels aba, labels (Proxy :: Proxy Nil)]", '[["a","b","a"],[]]'),
    ('labels (roundTrip (Proxy :: Proxy (Cons "z" Int (Cons "m" Int Nil))))', '["m","z"]'),
    ("[same 1 + to 2 + from 3, (idProof [4] :: Array Int) == [4] # \\b -> if b then 1 else 0]", "[6,1]"),
    ('[labels (remove (Proxy :: Proxy "a") aba), labels (remove (Proxy :: Proxy "z") aba)]', '[["b"],["a","b","a"]]'),
    ('labels (set (Proxy :: Proxy "b") (Proxy :: Proxy Boolean) aba)', '["b","a","a"]'),
    ("[labels (nub aba), labels (nub (Proxy :: Proxy Nil))]", '[["a","b"],[]]'),
    ('labels (append\' aba (Proxy :: Proxy (Cons "c" Int Nil)))', '["a","b","a","c"]'),
]
