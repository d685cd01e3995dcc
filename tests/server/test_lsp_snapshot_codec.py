"""The server's snapshot converter: restored elements read back equal to the originals, lazily, and survive a
second dump before being read."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from nova.check.typed import TypedElement
from nova.stdlib import load_root
from registry import Layer, SnapshotError, dump, restore
from server.snapshot_codec import LazyElement, lazy_converter


@pytest.fixture(scope="module")
def root() -> Layer:
    return load_root()


def test_restored_elements_equal_the_originals(root: Layer, tmp_path: Path) -> None:
    converter = lazy_converter()
    path = tmp_path / "root.cbor"
    dump(root, path, converter)
    restored = restore(path, converter)
    assert type(restored.element("Prelude", "map")) is LazyElement  # nothing decoded until a field is read
    for module in root.modules():
        assert dict(restored.get(module).exports) == dict(root.get(module).exports)  # type: ignore[union-attr]
        for key, element in root.elements(module).items():
            again = restored.element(module, key)
            assert isinstance(again, TypedElement)
            assert again == element and element == again
            assert type(again) is TypedElement  # read once, it is a plain element for good
            assert dataclasses.fields(again) == dataclasses.fields(element)


def test_unread_elements_survive_a_second_dump(root: Layer, tmp_path: Path) -> None:
    converter = lazy_converter()
    first, second = tmp_path / "a.cbor", tmp_path / "b.cbor"
    dump(root, first, converter)
    partly_read = restore(first, converter)
    assert partly_read.element("Prelude", "map") == root.element("Prelude", "map")
    dump(partly_read, second, converter)
    again = restore(second, converter)
    for module in root.modules():
        for key, element in root.elements(module).items():
            assert again.element(module, key) == element


def test_a_foreign_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "junk.cbor"
    path.write_bytes(b"\xa1\x61x\x01")
    with pytest.raises(SnapshotError):
        restore(path, lazy_converter())
