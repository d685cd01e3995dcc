"""The walk of the snapshot encoding over a typed tree's common nodes (`nova.types.encoding`, compiled with the checker)
and `nova.snapshot`'s rules for everything else: one encoding, whichever of them a node reaches."""

from __future__ import annotations

import dataclasses

from nova.diagnostics import Severity, Span
from nova.snapshot import decode, encode
from nova.types import encoding
from nova.types.types import Scheme, TApp, TCon, TForall, TFun, TGen, TRow
from tests.nova.types.helpers import root


def test_the_common_nodes_have_their_tagged_forms() -> None:
    assert encode(Span(1, 2, 3, 4)) == ["S", 1, 2, 3, 4]
    assert encode(TFun(TCon("Int"), TApp(TCon("Maybe", "Data.Maybe"), TGen(0)))) == [
        "F", ["C", "Int", "Prim"], ["A", ["C", "Maybe", "Data.Maybe"], ["G", 0]]]
    assert encode((1, None, True, 2.5, "x")) == ["()", 1, None, True, 2.5, "x"]
    assert encode("a\ud834b") == ["U", "a\ud834b".encode("utf-8", "surrogatepass")]  # a lone surrogate: as bytes
    assert encode("é") == "é"


def test_other_values_are_encoded_by_the_snapshot_rules_with_their_parts_through_the_walk() -> None:
    row = TRow((("name", TCon("String")),), None)
    assert encode(row) == ["R", ["()", ["()", "name", ["C", "String", "Prim"]]], None]
    assert encode([Span(0, 0, 0, 1)]) == ["[]", ["S", 0, 0, 0, 1]]
    assert encode(frozenset({"b", "a"})) == ["fs", "a", "b"]
    assert encode(Severity.ERROR) == ["E", "Severity", Severity.ERROR.value]
    scheme = Scheme(1, (), TForall(("a",), (), TFun(TGen(0), TGen(0))))
    assert encode(scheme)[0] == "D:Scheme" and Scheme in encoding._LAYOUTS  # its layout kept for the walk
    assert decode(encode(scheme)) == scheme


def test_every_value_of_the_standard_library_encodes_as_its_fields_do_and_decodes_back() -> None:
    """Each data class node's form is its tag and its init fields' forms, in order, at every depth (the walk and
    the snapshot rules agree), and decoding gives the value back."""
    layer = root()
    checked = 0
    for module in sorted(layer.modules())[:40]:
        entry = layer.get(module)
        assert entry is not None
        for value in (*entry.ast.elements.values(), *entry.exports.values(), entry.env):
            stack = [value]
            while stack and checked < 20_000:
                node = stack.pop()
                if dataclasses.is_dataclass(node) and not isinstance(node, type):
                    fields = [getattr(node, f.name) for f in dataclasses.fields(node) if f.init]
                    assert encode(node)[1:] == [encode(f) for f in fields]
                    stack.extend(fields)
                    checked += 1
            assert encode(decode(encode(value))) == encode(value)
    assert checked > 1_000


def test_a_schemes_written_kinds_round_trip_and_a_scheme_of_the_previous_layout_is_refused() -> None:
    """`forall k (t :: k). Proxy t` keeps the kind written on `t` (naming `k`); a scheme written before schemes had
    kinds (six fields) is not misread as one without them: decoding it fails, and the cache format's version
    (`server.CACHE_FORMAT`, part of every cache file's name) changed with the layout, so such a file is not read."""
    import pytest

    scheme = Scheme(2, (), TApp(TCon("Proxy", "Type.Proxy"), TGen(1)), ("k", "t"), (0, 1), kinds=(None, TGen(0)))
    encoded = encode(scheme)
    assert encoded[-1] == ["()", None, ["G", 0]]
    assert decode(encoded) == scheme
    with pytest.raises(ValueError, match="malformed Scheme"):
        decode(encoded[:-1])
