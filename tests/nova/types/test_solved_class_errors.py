"""The compiler-solved classes at types where they cannot hold, in whole programs: each gives PureScript's code on
the use of the constrained name. A class whose functional dependencies determine the contradicted argument
(`Add a b c | a b -> c`) improves it to the computed type, so the program fails with `TypesDoNotUnify`, as
PureScript's solver reports it; the negative corpus has `Lacks`, `Add`, `Append` and `IsSymbol`."""

from __future__ import annotations

import pytest

from nova.diagnostics import Severity
from tests.nova.types.helpers import check

HEADER = """module Main where
import Prelude
import Type.Proxy (Proxy(..))
import Data.Reflectable (reflectType)
import Prim.Row (class Union, class Nub, class Cons)
import Prim.RowList (class RowToList, RowList, Nil)
import Prim.Int (class Compare, class Mul, class ToString)
import Prim.Symbol as S
import Prim.Ordering (GT)
"""

CASES = {
    "Prim.Int.Compare": (
        "ordered :: forall a b o. Compare a b o => Proxy a -> Proxy b -> Proxy o -> Int\nordered _ _ _ = 0\n"
        "bad = ordered (Proxy :: Proxy 1) (Proxy :: Proxy 2) (Proxy :: Proxy GT)\n",
        "ordered", "Could not match type `GT` with type `LT`.",
    ),
    "Prim.Symbol.Compare": (
        "ordered :: forall a b o. S.Compare a b o => Proxy a -> Proxy b -> Proxy o -> Int\nordered _ _ _ = 0\n"
        'bad = ordered (Proxy :: Proxy "a") (Proxy :: Proxy "b") (Proxy :: Proxy GT)\n',
        "ordered", "Could not match type `GT` with type `LT`.",
    ),
    "Prim.Symbol.Cons": (
        "headOf :: forall h t s. S.Cons h t s => Proxy s -> Proxy h -> Int\nheadOf _ _ = 0\n"
        'bad = headOf (Proxy :: Proxy "abc") (Proxy :: Proxy "b")\n',
        "headOf", 'Could not match type `"b"` with type `"a"`.',
    ),
    "Prim.Int.Mul": (
        "times :: forall a b c. Mul a b c => Proxy a -> Proxy b -> Proxy c -> Int\ntimes _ _ _ = 0\n"
        "bad = times (Proxy :: Proxy 2) (Proxy :: Proxy 3) (Proxy :: Proxy 5)\n",
        "times", "Could not match type `5` with type `6`.",
    ),
    "Prim.Int.ToString": (
        "text :: forall a s. ToString a s => Proxy a -> Proxy s -> Int\ntext _ _ = 0\n"
        'bad = text (Proxy :: Proxy 12) (Proxy :: Proxy "13")\n',
        "text", 'Could not match type `"13"` with type `"12"`.',
    ),
    "Prim.Row.Union": (
        "unite :: forall l r u. Union l r u => Record l -> Record r -> Record u -> Int\nunite _ _ _ = 0\n"
        "bad = unite { a: 1 } { b: true } { a: 2 }\n",
        "unite", "Could not match type `( a :: Int )` with type `( a :: Int, b :: Boolean )`.",
    ),
    "Prim.Row.Nub": (
        "nubbed :: forall r n. Nub r n => Proxy r -> Proxy n -> Int\nnubbed _ _ = 0\n"
        "bad = nubbed (Proxy :: Proxy (a :: Int, a :: String)) (Proxy :: Proxy (a :: String))\n",
        "nubbed", "Could not match type `String` with type `Int`",
    ),
    "Prim.Row.Cons": (
        "field :: forall l a r r1. Cons l a r r1 => Proxy l -> Record r1 -> Int\nfield _ _ = 0\n"
        'bad = field (Proxy :: Proxy "y") { x: 1 }\n',
        "field", "Could not match type `( x :: Int )` with type `( y :: a | r )`.",
    ),
    "Prim.RowList.RowToList": (
        "listed :: forall r l. RowToList r l => Proxy r -> Proxy l -> Int\nlisted _ _ = 0\n"
        "bad = listed (Proxy :: Proxy (a :: Int)) (Proxy :: Proxy (Nil :: RowList Type))\n",
        "listed", 'Could not match type `Nil` with type `Cons "a" Int Nil`.',
    ),
    "Data.Reflectable.Reflectable": (
        "bad :: String\nbad = reflectType (Proxy :: Proxy 3)\n",
        "reflectType", "Could not match type `String` with type `Int`.",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_a_constraint_the_solver_contradicts_is_reported_on_the_constrained_use(name: str) -> None:
    body, culprit, message = CASES[name]
    text = HEADER + body
    errors = [d for d in check(Main=text).diagnostics_by_path["/ws/Main.nova"] if d.severity == Severity.ERROR]
    assert [d.code for d in errors] == ["TypesDoNotUnify"], [(d.code, d.message) for d in errors]
    span = errors[0].span
    line = text.split("\n")[span.start_line]
    assert (span.start_line, line[span.start_col : span.end_col]) == (len(text.split("\n")) - 2, culprit)
    assert errors[0].message.startswith(message)
