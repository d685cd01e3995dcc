"""Snapshots carry every string a Nova program can hold, lone UTF-16 surrogates included (`"\\xD834"` is legal
PureScript), and give back equal values."""

from __future__ import annotations

from pathlib import Path

from nova.check import typed as T
from nova.snapshot import converter, decode, encode
from registry import dump, restore
from tests.nova.types.helpers import check, root


def test_encode_and_decode_strings_with_lone_surrogates() -> None:
    for text in ["plain", "é", "\U0001f600", "\ud834", "a\udd1eb\ud834", ""]:
        assert decode(encode(text)) == text
    assert decode(encode(("\ud834", ["x", "\udfff"]))) == ("\ud834", ["x", "\udfff"])


def test_a_module_with_a_lone_surrogate_literal_dumps_and_restores(tmp_path: Path) -> None:
    result = check(S='module S where\nimport Prelude\ns :: String\ns = "\\xD834!"\n')
    assert result.diagnostics_by_path["/ws/S.nova"] == []
    path = tmp_path / "layer.cbor"
    dump(result.layer, path, converter())
    restored = restore(path, converter(), parent=root())
    element = restored.element("S", "s")
    assert isinstance(element, T.TypedElement)
    # the literal's value (printed inside the element's repr) survives the round trip
    assert "'\\ud834!'" in repr(element)
    assert repr(element).count("\\ud834") == repr(result.layer.element("S", "s")).count("\\ud834") >= 1
