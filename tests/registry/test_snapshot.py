"""Invariant 8: dump then restore gives equal lookups; every kind of bad file is a SnapshotError; dump is atomic."""

from __future__ import annotations

import hashlib
import os
import zlib
from pathlib import Path
from typing import Any

import cattrs
import cbor2
import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from registry import Layer, ModuleEntry, RegistryError, SnapshotError, dump, restore
from registry.snapshot import FORMAT_NAME, FORMAT_VERSION, same_data
from tests.registry.fakes import FakeElement, FakeEnv, FakeModuleAst, FakeScheme, converter, put, root_with

# ---------------------------------------------------------------------- round trip


def assert_same_view(original: Layer, restored: Layer, extra_keys: tuple[str, ...] = ("absent",)) -> None:
    """Every lookup of the registry's API gives the same answer on both layers."""
    modules = original.modules()
    assert restored.modules() == modules
    for module in modules | {"Never.Seen"}:
        assert restored.get(module) == original.get(module)
        assert restored.revision(module) == original.revision(module)
        assert dict(restored.elements(module)) == dict(original.elements(module))
        entry = original.get(module)
        keys = (*(() if entry is None else entry.exports), *extra_keys)
        for key in keys:
            assert restored.scheme(module, key) == original.scheme(module, key)
            assert restored.element(module, key) == original.element(module, key)
        assert restored.dependents(module) == original.dependents(module)
        for other in modules:
            assert restored.depends_on(module, other) == original.depends_on(module, other)


segment = st.from_regex(r"[A-Z][A-Za-z0-9_']{0,5}", fullmatch=True)
module_names = st.lists(segment, min_size=1, max_size=3).map(".".join)
keys = st.one_of(st.text(max_size=6), st.sampled_from(["map", "<>", "type:Maybe", "class:Eq", "Just"]))
schemes = st.builds(FakeScheme, text=st.text(max_size=20), generation=st.integers(-(2**70), 2**70))
element_values = st.builds(FakeElement, name=st.text(max_size=8), kind=st.sampled_from(["value", "type", "class"]))


@st.composite
def module_contents(draw: st.DrawFn, names: list[str]) -> dict[str, Any]:
    element_keys = draw(st.lists(keys, max_size=4, unique=True))
    return {
        "exports": {key: draw(schemes) for key in element_keys},
        "ast": FakeModuleAst({key: draw(element_values) for key in element_keys}),
        "env": FakeEnv(tuple(draw(st.lists(st.text(max_size=5), max_size=3)))),
        "imports": tuple(draw(st.lists(st.sampled_from(names), max_size=3, unique=True))) if names else (),
        "source_hash": draw(st.none() | st.text(max_size=12)),
    }


@st.composite
def layered_registries(draw: st.DrawFn) -> tuple[Layer, Layer]:
    """A root and a baseline on it with puts (some shadowing the root) and removals."""
    root_names = draw(st.lists(module_names, max_size=4, unique=True))
    root = Layer.new_root(ModuleEntry(name, rev=0, **draw(module_contents(root_names))) for name in root_names)
    base = root.begin_batch()
    for name in draw(st.lists(module_names, max_size=4, unique=True)):
        c = draw(module_contents([*root_names, name]))
        base.put(name, c["exports"], c["ast"], c["env"], imports=c["imports"], source_hash=c["source_hash"])
    for name in draw(st.lists(st.sampled_from(root_names), max_size=2)) if root_names else []:
        base.remove(name)
    return root, base


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(layered_registries())
def test_dump_then_restore_gives_equal_lookups(tmp_path: Path, layers: tuple[Layer, Layer]) -> None:
    root, base = layers
    conv = converter()
    root_file, base_file = tmp_path / "root.nvc", tmp_path / "base.nvc"
    dump(root, root_file, conv)
    dump(base, base_file, conv)
    restored_root = restore(root_file, conv)
    assert restored_root.is_root
    assert_same_view(root, restored_root)
    assert_same_view(base, restore(base_file, conv, parent=root))
    assert_same_view(base, restore(base_file, conv, parent=restored_root))


def test_restored_root_is_frozen_and_restored_batch_is_writable(tmp_path: Path) -> None:
    root = root_with("Prelude", "Data.List")
    dump(root, tmp_path / "root.nvc", converter())
    restored = restore(tmp_path / "root.nvc", converter())
    with pytest.raises(RegistryError, match="frozen"):
        put(restored, "Foo")
    base = restored.begin_batch()
    put(base, "Foo", imports=("Prelude",))
    dump(base, tmp_path / "base.nvc", converter())
    again = restore(tmp_path / "base.nvc", converter(), parent=restored)
    put(again, "Bar")
    assert again.dependents("Prelude") == {"Foo"} and again.get("Bar") is not None


def test_later_revisions_exceed_restored_ones(tmp_path: Path) -> None:
    path = tmp_path / "far.nvc"
    write_snapshot(path, body={"root": True, "modules": [module_record("Far", rev=10**9)]})
    restored = restore(path, converter())
    assert restored.revision("Far") == 10**9
    assert put(restored.begin_batch(), "Near").rev > 10**9


def test_dump_of_a_dead_layer_raises(tmp_path: Path) -> None:
    batch = root_with().begin_batch()
    batch.discard()
    with pytest.raises(RegistryError, match="dead"):
        dump(batch, tmp_path / "x.nvc", converter())


# ---------------------------------------------------------------------- bad files


def module_record(name: str, rev: int = 1) -> dict[str, Any]:
    conv = converter()
    return {
        "name": name,
        "rev": rev,
        "removed": False,
        "exports": {"f": conv.unstructure(FakeScheme("f"))},
        "ast": conv.unstructure(FakeModuleAst({"f": FakeElement("f", "value", "")})),
        "env": conv.unstructure(FakeEnv()),
        "imports": [],
        "source_hash": None,
    }


def write_snapshot(
    path: Path, body: object, *, version: int = FORMAT_VERSION, format_name: str = FORMAT_NAME, compressed: bool = True
) -> None:
    """A file built by hand, with a correct checksum, to reach the checks that lie behind the checksum."""
    encoded = zlib.compress(cbor2.dumps(body)) if compressed else cbor2.dumps(body)
    header = {"format": format_name, "version": version, "sha256": hashlib.sha256(encoded).digest(), "body": encoded}
    path.write_bytes(cbor2.dumps(header))


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    base = root_with("Prelude").begin_batch()
    put(base, "Foo", ("f", "type:T"), imports=("Prelude",))
    base.remove("Prelude")
    path = tmp_path / "good.nvc"
    dump(base, path, converter())
    return path


SHARED_CONVERTER = converter()


def restore_error(path: Path, conv: cattrs.Converter | None = None, parent: Layer | None = None) -> str:
    parent = parent if parent is not None else root_with("Prelude")
    children_before = len(parent._children)
    with pytest.raises(SnapshotError) as caught:
        restore(path, conv if conv is not None else SHARED_CONVERTER, parent=parent)
    assert len(parent._children) == children_before  # nothing half-built was attached
    return str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    assert "no snapshot" in restore_error(tmp_path / "missing.nvc")


def test_directory_instead_of_file(tmp_path: Path) -> None:
    assert "not a regular file" in restore_error(tmp_path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.nvc"
    path.write_bytes(b"")
    assert "empty" in restore_error(path)


def test_every_truncation_is_rejected(good_file: Path, tmp_path: Path) -> None:
    data = good_file.read_bytes()
    messages = set()
    for length in range(1, len(data)):
        cut = tmp_path / f"cut-{length}.nvc"
        cut.write_bytes(data[:length])
        messages.add(restore_error(cut).split(": ", 1)[1])
    assert "the snapshot is truncated (the file ends early)" in messages


def test_every_single_bit_flip_is_rejected(good_file: Path, tmp_path: Path) -> None:
    data = good_file.read_bytes()
    conv, parent = converter(), root_with("Prelude")
    for position in range(len(data)):
        for bit in range(8):
            corrupt = bytearray(data)
            corrupt[position] ^= 1 << bit
            flipped = tmp_path / f"flipped-{position}-{bit}.nvc"  # new files: rewriting one is slow on some disks
            flipped.write_bytes(bytes(corrupt))
            with pytest.raises(SnapshotError):
                restore(flipped, conv, parent=parent)


def test_flip_in_the_body_is_a_checksum_mismatch(good_file: Path) -> None:
    data = bytearray(good_file.read_bytes())
    data[-5] ^= 0x10
    good_file.write_bytes(bytes(data))
    assert "checksum mismatch" in restore_error(good_file)


def test_stray_bytes_after_the_snapshot(good_file: Path) -> None:
    good_file.write_bytes(good_file.read_bytes() + b"\x00")
    assert "stray bytes" in restore_error(good_file)


@pytest.mark.parametrize(
    "content",
    [
        b'{"format": "nova-registry-snapshot", "version": 1}',
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        cbor2.dumps({"format": "someone-elses-cache", "version": 1}),
        cbor2.dumps([1, 2, 3]),
        cbor2.dumps(42),
        b"\xff\xfe\xfd",
    ],
)
def test_foreign_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "foreign.nvc"
    path.write_bytes(content)
    message = restore_error(path)
    assert any(text in message for text in ("not a registry snapshot", "not valid CBOR", "truncated")), message


def test_newer_version(tmp_path: Path) -> None:
    path = tmp_path / "newer.nvc"
    write_snapshot(path, body={"root": True, "modules": []}, version=FORMAT_VERSION + 1)
    assert f"version {FORMAT_VERSION + 1} is newer" in restore_error(path)


def test_invalid_version(tmp_path: Path) -> None:
    path = tmp_path / "zero.nvc"
    write_snapshot(path, body={"root": True, "modules": []}, version=0)
    assert "version 0 is not valid" in restore_error(path)


def test_extra_header_keys(tmp_path: Path, good_file: Path) -> None:
    header = cbor2.loads(good_file.read_bytes())
    header["extra"] = 1
    good_file.write_bytes(cbor2.dumps(header))
    assert "header has keys" in restore_error(good_file)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ([1, 2], "does not describe a layer"),
        ({"root": True}, "does not describe a layer"),
        ({"root": "yes", "modules": []}, "does not describe a layer"),
        ({"root": True, "modules": [{"name": "Foo"}]}, "malformed"),
        ({"root": True, "modules": [{**module_record("Foo"), "name": "foo"}]}, "invalid module name"),
        ({"root": True, "modules": [{**module_record("Foo"), "rev": -1}]}, "invalid revision"),
        ({"root": True, "modules": [{**module_record("Foo"), "rev": True}]}, "invalid revision"),
        ({"root": True, "modules": [{**module_record("Foo"), "imports": ["bad name"]}]}, "malformed imports"),
        ({"root": True, "modules": [{**module_record("Foo"), "exports": [1]}]}, "malformed exports"),
        ({"root": True, "modules": [{**module_record("Foo"), "source_hash": 5}]}, "source hash"),
        ({"root": True, "modules": [{**module_record("Foo"), "ast": {"nope": 1}}]}, "cannot rebuild module 'Foo'"),
        ({"root": True, "modules": [module_record("Foo"), module_record("Foo")]}, "appears twice"),
    ],
)
def test_checksummed_but_malformed_bodies(tmp_path: Path, body: object, message: str) -> None:
    path = tmp_path / "odd.nvc"
    write_snapshot(path, body=body)
    assert message in restore_error(path)


def test_body_that_is_not_compressed(tmp_path: Path) -> None:
    path = tmp_path / "raw.nvc"
    write_snapshot(path, body={"root": True, "modules": []}, compressed=False)
    assert "not valid compressed data" in restore_error(path)


def test_body_that_expands_too_much(tmp_path: Path) -> None:
    path = tmp_path / "bomb.nvc"
    write_snapshot(path, body={"root": True, "modules": [], "padding": "x" * 10_000_000})
    assert "expands more than" in restore_error(path)


def test_compressed_body_with_stray_bytes(tmp_path: Path) -> None:
    body = zlib.compress(cbor2.dumps({"root": True, "modules": []})) + b"junk"
    header = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "sha256": hashlib.sha256(body).digest(), "body": body}
    path = tmp_path / "stray.nvc"
    path.write_bytes(cbor2.dumps(header))
    assert "truncated or has stray bytes" in restore_error(path)


def test_converter_without_hooks_cannot_rebuild(good_file: Path) -> None:
    assert "cannot rebuild module 'Foo'" in restore_error(good_file, conv=cattrs.Converter())


def test_restore_onto_a_dead_parent(good_file: Path) -> None:
    parent = root_with("Prelude").begin_batch()
    parent.discard()
    assert "dead" in restore_error(good_file, parent=parent)


# ---------------------------------------------------------------------- atomic dump


def files_in(directory: Path) -> set[str]:
    return {path.name for path in directory.iterdir()}


def test_dump_replaces_the_old_file_and_leaves_no_temporary(good_file: Path) -> None:
    base = root_with().begin_batch()
    put(base, "Other")
    dump(base, good_file, converter())
    assert files_in(good_file.parent) == {good_file.name}
    assert restore(good_file, converter(), parent=root_with()).modules() == {"Other"}


def test_converter_failure_leaves_the_old_file_whole(good_file: Path) -> None:
    before = good_file.read_bytes()
    base = root_with().begin_batch()
    base.put("Foo", {"f": object()}, FakeModuleAst({}), None)
    with pytest.raises(SnapshotError, match="Foo"):
        dump(base, good_file, converter())
    assert good_file.read_bytes() == before and files_in(good_file.parent) == {good_file.name}


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_io_failure_during_dump_leaves_the_old_file_whole(
    good_file: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    before = good_file.read_bytes()

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, step, fail)
    base = root_with().begin_batch()
    put(base, "Other")
    with pytest.raises(SnapshotError, match="No space left"):
        dump(base, good_file, converter())
    monkeypatch.undo()
    assert good_file.read_bytes() == before and files_in(good_file.parent) == {good_file.name}


def test_crash_during_dump_leaves_the_old_file_whole(good_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash (here: an interrupt while syncing) after the temp file was written still leaves the old file."""
    before = good_file.read_bytes()

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        dump(root_with("Big"), good_file, converter())
    monkeypatch.undo()
    assert good_file.read_bytes() == before and files_in(good_file.parent) == {good_file.name}


def test_dump_into_a_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(SnapshotError, match="cannot write"):
        dump(root_with("Prelude"), tmp_path / "no" / "such" / "dir.nvc", converter())


def test_same_data_compares_lists_of_text_at_once_and_everything_else_exactly() -> None:
    assert same_data(["Data.List", "map"], ("Data.List", "map"))
    assert not same_data(["Data.List", "map"], ["Data.List", "mop"])
    assert not same_data(["a", "b"], ["a"])
    assert same_data([], ())
    assert not same_data(["a", 1], ["a", True])  # mixed lists keep the exact comparison: 1 is not True
    assert not same_data([1, 2], [1.0, 2.0])
    assert same_data({"keys": ["f", "g"], "nan": float("nan")}, {"keys": ("f", "g"), "nan": float("nan")})
