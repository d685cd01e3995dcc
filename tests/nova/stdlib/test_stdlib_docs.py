"""Every name the standard library exports has a doc comment that hover shows: each exported element of every
module, described the way hover describes it (`describe_target`), and a few through a real hover on an import."""

from __future__ import annotations

from nova import keys
from nova.ide.hover import describe_target, hover
from tests.nova.ide.fixtures import fixture
from tests.nova.stdlib.stdlib_examples import root


def _newtype_constructors(layer: object) -> set[tuple[str, str]]:
    """(module, constructor) of every newtype: the parser attaches no doc comment to a newtype's constructor yet
    (`newtype T\\n  -- | doc\\n  = T Int` keeps none), so these are the known exception."""
    out: set[tuple[str, str]] = set()
    for module in layer.modules():  # type: ignore[attr-defined]
        for key, element in layer.elements(module).items():  # type: ignore[attr-defined]
            if keys.is_type_key(key) and getattr(element, "newtype", False):
                out.update((module, c) for c in getattr(element, "constructors", ()) or ())
    return out


def test_every_exported_name_has_a_doc_comment_that_hover_shows() -> None:
    layer = root()
    undocumented: set[tuple[str, str]] = set()
    described = 0
    for module in sorted(layer.modules()):
        entry = layer.get(module)
        assert entry is not None
        defined = layer.elements(module)
        for key in entry.exports:
            if key not in defined:
                continue  # a re-export: described (and checked) where it is defined
            shown = describe_target(layer, (module, key))
            assert shown is not None, (module, key)
            described += 1
            if shown[1] is None:
                undocumented.add((module, keys.name_of(key) if not keys.is_instance_key(key) else key))
    assert described > 2000
    newtype_constructors = _newtype_constructors(layer)
    assert newtype_constructors, "the exception below must name something"
    assert undocumented <= newtype_constructors, sorted(undocumented - newtype_constructors)


def test_hover_on_imported_stdlib_names_shows_their_doc_comments() -> None:
    fx = fixture(
        "module Main where\n\nimport Prelude\nimport Data.List.Lazy as LL\nimport Data.String as S\n"
        "import Type.Data.Boolean as B\n\n"
        "x = LL.sn‸1oc\n\ny = S.single‸2ton\n\nz = B.reflect‸3Boolean\n"
    )
    expected = {
        "1": ("snoc :: forall a. LL.List a -> a -> LL.List a", "The list with one more element at the end, lazily."),
        "2": ("singleton :: S.CodePoint -> String", "The one-code-point string"),
        "3": ("reflectBoolean", "The value of a type-level Boolean"),
    }
    for marker, (code, doc) in expected.items():
        src, line, col = fx.at(marker)
        info = hover(fx.workspace, src, line, col)
        assert info is not None and info.doc is not None, marker
        assert info.code.startswith(code) and info.doc.startswith(doc), (info.code, info.doc)
