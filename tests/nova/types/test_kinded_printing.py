"""Schemes whose signatures wrote kinds on `forall` variables print them as written (`(t :: k)`, `@` on visible
ones), and the printed signature, checked again, means the same scheme: a signature inserted from a hover or a
quick fix parses and keeps the kinds."""

from __future__ import annotations

import pytest

from nova.types.pretty import canonical_scheme, print_scheme
from tests.nova.types.helpers import check, diagnostics

HEADER = "module Main where\n\nimport Prelude\nimport Type.Proxy (Proxy(..))\n\n"

SIGNATURES = [
    ("fail", "forall @k (@t :: k). Proxy t", "Proxy"),
    ("width", "forall (@s :: Symbol). Proxy s -> Int", "\\_ -> 1"),
    ("both", "forall (a :: Type) b. a -> Proxy b -> a", "\\x _ -> x"),
    ("lift", "forall (f :: Type -> Type) (r :: Row Type). Proxy f -> Proxy r -> Int", "\\_ _ -> 0"),
    ("shown", "forall (@a :: Type). Show a => a -> String", "show"),
]


def _scheme(name: str, signature: str, body: str) -> object:
    result = check(Main=f"{HEADER}{name} :: {signature}\n{name} = {body}\n")
    assert diagnostics(result) == []
    return result.modules["Main"].typed_ast.elements[name].scheme


@pytest.mark.parametrize(("name", "signature", "body"), SIGNATURES)
def test_printed_as_written_and_read_back_the_same(name: str, signature: str, body: str) -> None:
    scheme = _scheme(name, signature, body)
    printed = print_scheme(scheme)
    assert printed == signature
    again = _scheme(name, printed, body)
    assert canonical_scheme(again) == canonical_scheme(scheme)
    assert again.kinds == scheme.kinds  # type: ignore[attr-defined]
    assert again.visible == scheme.visible  # type: ignore[attr-defined]


def test_canonical_form_binds_a_kind_variable_before_the_variable_it_kinds() -> None:
    scheme = _scheme("fail", "forall @k (@t :: k). Proxy t", "Proxy")
    assert canonical_scheme(scheme) == "forall @a (@b :: a). Proxy b"


def test_a_written_kind_changes_nothing_else() -> None:
    plain = _scheme("width", "forall s. Proxy s -> Int", "\\_ -> 1")
    assert print_scheme(plain) == "forall s. Proxy s -> Int"
