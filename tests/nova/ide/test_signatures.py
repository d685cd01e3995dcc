"""Missing signatures (nova.ide.signatures): unsigned top-level values with their inferred signatures."""

from __future__ import annotations

from nova.ide.signatures import missing_signatures
from nova.stdlib import load_root
from nova.syntax import parse_module
from nova.workspace import check_workspace

TEXT = """module Main where

import Prelude

signed :: Int
signed = 1

double x = x * 2

pair a b = { first: a, second: b }

showAll xs = map show xs
"""


def test_unsigned_values_get_their_inferred_signatures() -> None:
    result = check_workspace({"Main.nova": TEXT}, load_root())
    found = missing_signatures(result.modules["Main"].typed_ast.elements, parse_module(TEXT).module)
    rows = TEXT.split("\n")
    assert [(rows[m.line], m.signature.split(" :: ")[0]) for m in found] == [
        ("double x = x * 2", "double"), ("pair a b = { first: a, second: b }", "pair"),
        ("showAll xs = map show xs", "showAll")]
    assert found[0].signature == "double :: Int -> Int"
    assert "first :: " in found[1].signature and "forall" in found[1].signature
    assert "Functor" in found[2].signature and "Show" in found[2].signature
    assert all(m.indent == 0 for m in found)


def test_inserting_the_signatures_checks_the_same() -> None:
    result = check_workspace({"Main.nova": TEXT}, load_root())
    found = missing_signatures(result.modules["Main"].typed_ast.elements, parse_module(TEXT).module)
    rows = TEXT.split("\n")
    for m in sorted(found, key=lambda m: m.line, reverse=True):
        rows.insert(m.line, " " * m.indent + m.signature)
    signed = "\n".join(rows)
    again = check_workspace({"Main.nova": signed}, load_root())
    assert [d.message for d in again.modules["Main"].diagnostics if int(d.severity) == 1] == []
    assert missing_signatures(again.modules["Main"].typed_ast.elements, parse_module(signed).module) == []


def test_an_added_signature_names_types_as_the_module_imports_them_and_checks() -> None:
    from nova.ide.hover import type_names
    from tests.nova.ide.fixtures import fixture

    text = "module Main where\n\nimport Prelude\nimport Data.Map as M\n\nsingle k = M.singleton k 1\n"
    fx = fixture(text)
    src = fx.source("Main")
    found = missing_signatures(src.elements, src.syntax(), type_names(fx.workspace.view, src))
    assert [m.signature for m in found] == ["single :: forall a. a -> M.Map a Int"]
    signed = text.replace("single k =", found[0].signature + "\nsingle k =")
    assert fixture(signed).errors("Main") == []
