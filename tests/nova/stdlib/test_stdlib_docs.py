"""Every name the standard library exports has a doc comment that hover shows: each exported element of every
module, described the way hover describes it (`describe_target`), and a few through a real hover on an import."""

from __future__ import annotations

from nova import keys
from nova.ide.hover import describe_target, hover
from tests.nova.ide.fixtures import fixture
from tests.nova.stdlib.stdlib_examples import root


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
    assert undocumented == set(), sorted(undocumented)


def test_constructors_of_data_and_newtypes_have_the_doc_comments_hover_shows() -> None:
    """Constructors are exported with their type (`T(..)`): each one's doc comment is its own (for a newtype, the
    one between `newtype T` and `= T`), never the type's."""
    layer = root()
    checked = {"data": 0, "newtype": 0}
    for module in sorted(layer.modules()):
        for key, element in layer.elements(module).items():
            if not keys.is_type_key(key):
                continue
            for ctor in getattr(element, "constructors", ()) or ():
                shown = describe_target(layer, (module, ctor))
                assert shown is not None and shown[1], (module, ctor)
                type_shown = describe_target(layer, (module, key))
                assert type_shown is not None and shown[1] != type_shown[1], (module, ctor)
                checked["newtype" if getattr(element, "newtype", False) else "data"] += 1
    assert checked["newtype"] >= 40 and checked["data"] >= 20, checked


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
