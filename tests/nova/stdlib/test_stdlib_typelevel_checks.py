"""Type-level modules whose point is what they reject or how types print: `Type.Row.Homogeneous` refuses a row
with two field types, `Data.String.NonEmpty`'s `nes` refuses the empty symbol with its message, `Show` refuses a
record type with a label twice (its `Nub` constraint, as in PureScript 0.15), and importing
`Type.Function` (whose `APPLY f a` expands to any application) does not make error messages print every
application as `APPLY`."""

from __future__ import annotations

from nova.check import check_module
from nova.diagnostics import Severity
from nova.syntax import parse_module
from tests.nova.stdlib.stdlib_examples import root


def _errors(source: str) -> list[str]:
    checked = check_module(parse_module(source), root().begin_batch())
    return [d.message for d in checked.diagnostics if d.severity == Severity.ERROR]


HOMOGENEOUS = """module H where
import Prelude
import Type.Row.Homogeneous (class Homogeneous)

count :: forall r. Homogeneous r Int => Record r -> Int
count _ = 1

ok = count { a: 1, b: 2 }
"""


def test_homogeneous_accepts_one_field_type_and_rejects_two() -> None:
    assert _errors(HOMOGENEOUS) == []
    assert _errors(HOMOGENEOUS + 'bad = count { a: 1, b: "x" }\n') != []


def test_type_function_synonyms_do_not_take_over_printed_types() -> None:
    source = 'module P where\nimport Type.Function (APPLY, FLIP)\nx :: Array Int\nx = "s"\n'
    (message,) = _errors(source)
    assert "`Array Int`" in message and "APPLY" not in message and "FLIP" not in message


NES = """module N where
import Data.String.NonEmpty (NonEmptyString, nes)
import Type.Proxy (Proxy(..))

ok :: NonEmptyString
ok = nes (Proxy :: Proxy "ok")
"""


def test_nes_accepts_a_non_empty_symbol_and_rejects_the_empty_one() -> None:
    assert _errors(NES) == []
    (message,) = _errors(NES + 'bad :: NonEmptyString\nbad = nes (Proxy :: Proxy "")\n')
    assert "Cannot create an NonEmptyString from an empty Symbol" in message


SHOW_RECORD = """module S where
import Prelude
import Unsafe.Coerce (unsafeCoerce)

ok :: String
ok = show { a: 1, b: "x" }
"""


def test_show_accepts_a_record_and_rejects_a_record_type_with_a_duplicate_label() -> None:
    assert _errors(SHOW_RECORD) == []
    bad = "bad :: String\nbad = show (unsafeCoerce { a: 1 } :: { a :: Int, a :: String })\n"
    assert _errors(SHOW_RECORD + bad) != []
