"""`Partial`: a class without parameters that PureScript has in scope everywhere, discharged by `unsafePartial`."""

from __future__ import annotations

from tests.nova.types.helpers import check, diagnostics, types_of

SOURCE = """module M where

import Prelude
import Data.Maybe (Maybe(..))
import Partial (crashWith)
import Partial.Unsafe (unsafePartial)

fromJust :: forall a. Partial => Maybe a -> a
fromJust (Just x) = x
fromJust Nothing = crashWith "Nothing"

direct :: Int
direct = unsafePartial (fromJust (Just 1))

viaDollar :: Int
viaDollar = unsafePartial $ fromJust (Just 1) + 1

inferred m = fromJust m

local :: Int
local = unsafePartial (let get = fromJust in get (Just 2))
"""


def test_unsafe_partial_discharges_and_inference_keeps_the_constraint() -> None:
    result = check(M=SOURCE)
    assert diagnostics(result) == []
    types = types_of(result, "M")
    assert types["inferred"] == "forall a. Partial => Maybe a -> a"
    assert types["fromJust"] == "forall a. Partial => Maybe a -> a"


def test_a_partial_function_without_unsafe_partial_is_an_error() -> None:
    result = check(M=SOURCE + "\nbad :: Int\nbad = fromJust (Just 3)\n")
    assert [(d[0], d[1], d[2], d[5]) for d in diagnostics(result)] == [
        ("NoInstanceFound", 23, 6, "No instance for Partial")
    ]
