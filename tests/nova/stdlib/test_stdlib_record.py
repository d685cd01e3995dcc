"""Programs that `Record` and `Record.Builder` must reject: the row constraints (`Lacks`, `Cons`, `Nub`) of
their signatures are what keep the unchecked operations underneath sound."""

from __future__ import annotations

import pytest

from nova.check import check_module
from nova.syntax import parse_module
from tests.nova.stdlib.stdlib_examples import root

HEADER = """module M where
import Prelude
import Record as Record
import Record.Builder as Builder
import Type.Proxy (Proxy(..))
"""


def _error_codes(body: str) -> list[str]:
    checked = check_module(parse_module(HEADER + body), root().begin_batch())
    return [d.code for d in checked.diagnostics if d.severity.name == "ERROR"]


@pytest.mark.parametrize(
    "body",
    [
        'bad = Record.insert (Proxy :: Proxy "x") 2 { x: 1 }',
        'bad = Builder.build (Builder.insert (Proxy :: Proxy "x") 2) { x: 1 }',
        'bad = Record.rename (Proxy :: Proxy "x") (Proxy :: Proxy "y") { x: 1, y: 2 }',
    ],
)
def test_a_label_the_record_already_has_is_refused(body: str) -> None:
    assert "NoInstanceFound" in _error_codes(body)


@pytest.mark.parametrize(
    "body",
    [
        'bad = Record.get (Proxy :: Proxy "z") { x: 1 }',
        'bad = Record.delete (Proxy :: Proxy "z") { x: 1 }',
        'bad = Builder.build (Builder.modify (Proxy :: Proxy "z") show) { x: 1 }',
    ],
)
def test_a_label_the_record_lacks_is_refused(body: str) -> None:
    assert _error_codes(body) != []


def test_the_accepted_forms_of_the_same_programs_check_cleanly() -> None:
    body = """good1 = Record.insert (Proxy :: Proxy "y") 2 { x: 1 }
good2 = Record.get (Proxy :: Proxy "x") { x: 1 }
good3 = Record.disjointUnion { x: 1 } { y: 2 }
good4 = Builder.build (Builder.insert (Proxy :: Proxy "y") 2) { x: 1 }
"""
    assert _error_codes(body) == []


def test_a_disjoint_union_of_records_sharing_a_label_is_refused() -> None:
    """`Nub r3 r3` fails: the row with the label twice is not its own `Nub` (a unification error, as in
    PureScript, where the solved `Nub` is unified with the row)."""
    assert "TypesDoNotUnify" in _error_codes("bad = Record.disjointUnion { x: 1 } { x: 2 }\n")


def test_equal_needs_eq_for_every_field() -> None:
    assert _error_codes("bad = Record.equal { f: \\(x :: Int) -> x } { f: \\x -> x }\n") != []
