"""The server's snapshot converter: restored elements, schemes and environments read back equal to the
originals, lazily, survive a second dump before being read, and check importers exactly as the originals do."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from nova.check import check_module
from nova.check.env import ModuleEnv
from nova.check.typed import TypedElement
from nova.snapshot import encode
from nova.stdlib import load_root
from nova.syntax import parse_module
from nova.types.types import Scheme
from registry import Layer, SnapshotAst, SnapshotError, dump, restore
from server.snapshot_codec import LazyElement, LazyEnv, LazyScheme, lazy_converter

IMPORTER = """module Main where

import Prelude
import Data.Maybe
import Data.List as List

data Shape = Circle Int | Square Int

instance Show Shape where
  show (Circle r) = "circle " <> show r
  show (Square s) = "square " <> show s

area :: Shape -> Int
area (Circle r) = 3 * r * r
area (Square s) = s * s

total :: List.List Shape -> Int
total shapes = List.foldl (\\acc s -> acc + area s) 0 shapes

firstOr :: forall a. a -> Maybe a -> a
firstOr d m = fromMaybe d m

broken :: Int
broken = "not an int"
"""


@pytest.fixture(scope="module")
def root() -> Layer:
    return load_root()


def test_restored_elements_equal_the_originals(root: Layer, tmp_path: Path) -> None:
    converter = lazy_converter()
    path = tmp_path / "root.cbor"
    dump(root, path, converter)
    restored = restore(path, converter)
    assert type(restored.element("Data.Functor", "map")) is LazyElement  # nothing decoded until a field is read
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
    assert partly_read.element("Data.Functor", "map") == root.element("Data.Functor", "map")
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


def test_restored_schemes_and_environments_are_lazy_and_equal(root: Layer, tmp_path: Path) -> None:
    converter = lazy_converter()
    path = tmp_path / "root.cbor"
    dump(root, path, converter)
    restored = restore(path, converter)
    assert type(restored.scheme("Data.Functor", "map")) is LazyScheme
    assert type(restored.get("Data.Functor").env) is LazyEnv  # type: ignore[union-attr]
    for module in root.modules():
        for key, scheme in root.get(module).exports.items():  # type: ignore[union-attr]
            again = restored.scheme(module, key)
            assert isinstance(again, Scheme)
            assert hash(again) == hash(scheme)  # hashing an unread scheme decodes it first
            assert again == scheme and scheme == again
            assert type(again) is Scheme and repr(again) == repr(scheme)
        env = restored.get(module).env  # type: ignore[union-attr]
        assert isinstance(env, ModuleEnv)
        assert env == root.get(module).env  # type: ignore[union-attr]
        assert type(env) is ModuleEnv


def test_an_unread_value_encodes_as_its_plain_class(root: Layer, tmp_path: Path) -> None:
    converter = lazy_converter()
    path = tmp_path / "root.cbor"
    dump(root, path, converter)
    restored = restore(path, converter)
    scheme, env = restored.scheme("Data.Functor", "map"), restored.get("Data.Functor").env  # type: ignore[union-attr]
    assert type(scheme) is LazyScheme and type(env) is LazyEnv
    assert encode((scheme, env)) == encode((root.scheme("Data.Functor", "map"), root.get("Data.Functor").env))  # type: ignore[union-attr]


def test_unread_schemes_and_environments_survive_a_second_dump(root: Layer, tmp_path: Path) -> None:
    converter = lazy_converter()
    first, second = tmp_path / "a.cbor", tmp_path / "b.cbor"
    dump(root, first, converter)
    partly_read = restore(first, converter)
    assert partly_read.scheme("Data.Functor", "map") == root.scheme("Data.Functor", "map")
    dump(partly_read, second, converter)
    again = restore(second, converter)
    for module in root.modules():
        assert dict(again.get(module).exports) == dict(root.get(module).exports)  # type: ignore[union-attr]
        assert again.get(module).env == root.get(module).env  # type: ignore[union-attr]


def test_an_importer_checks_the_same_against_a_restored_root(root: Layer, tmp_path: Path) -> None:
    converter = lazy_converter()
    path = tmp_path / "root.cbor"
    dump(root, path, converter)
    restored = restore(path, converter)
    cold = check_module(parse_module(IMPORTER), root.begin_batch())
    warm = check_module(parse_module(IMPORTER), restored.begin_batch())
    assert cold.exports and cold.diagnostics  # the module is typed, and its one error is reported
    assert dict(warm.exports) == dict(cold.exports)
    assert warm.diagnostics == cold.diagnostics
    assert warm.env == cold.env
    assert dict(warm.typed_ast.elements) == dict(cold.typed_ast.elements)


READ_CACHE = """
import sys
from registry import restore
from server.snapshot_codec import lazy_converter

layer = restore(sys.argv[1], lazy_converter())
heavy = ("nova.check.checker", "nova.syntax.parser", "nova.eval")
before = sorted(m for m in sys.modules if m.startswith(heavy))
scheme = layer.scheme("Data.Functor", "map")
print(before, scheme.arity > 0, type(scheme).__name__)
"""


def test_reading_a_cache_loads_neither_checker_nor_parser(root: Layer, tmp_path: Path) -> None:
    """A warm start reads interfaces only: importing the checker, parser or evaluator would double its cost."""
    path = tmp_path / "root.cbor"
    dump(root, path, lazy_converter())
    repo = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", READ_CACHE, str(path)], capture_output=True, text=True, cwd=repo,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["[]", "True", "Scheme"]


def test_a_malformed_element_table_is_refused_or_reported(root: Layer, tmp_path: Path) -> None:
    """A well-checksummed file with a bad table: bad keys fail the restore; a table that does not inflate fails
    the read of an element with a clear error, not a crash of the reader."""
    from server import snapshot_codec

    def with_table(table: Any, only_modules_with_elements: bool = False) -> Path:
        def garble(module: Any) -> Any:
            written = snapshot_codec.unstructure_typed_module(module)
            return written if only_modules_with_elements and not module.elements else {**written, **table}

        converter = lazy_converter()
        converter.register_unstructure_hook(SnapshotAst, garble)
        path = tmp_path / f"bad{len(list(tmp_path.iterdir()))}.cbor"
        dump(root, path, converter)
        return path

    with pytest.raises(SnapshotError):
        restore(with_table({"keys": ["map", "map"]}), lazy_converter())
    with pytest.raises(SnapshotError, match="would not write"):  # no element to read: refused up front
        restore(with_table({"table": b"not zlib at all"}), lazy_converter())
    garbled = restore(with_table({"table": b"not zlib at all"}, only_modules_with_elements=True), lazy_converter())
    for _ in range(2):  # the same clear error on every read, not a half-built element
        with pytest.raises(ValueError, match="element table"):
            _ = garbled.element("Data.Functor", "map").kind


def test_a_module_compacted_in_this_process_reads_back_and_writes_as_a_cbor_one(root: Layer, tmp_path: Path) -> None:
    """`compact_module` packs elements with marshal (a local table, cheaper to make than CBOR): every element reads
    back equal, and what is written of the module, read or unread, is what the CBOR path writes."""
    from nova import compact

    checked = check_module(parse_module(IMPORTER), root)
    live = root.begin_batch()
    live.put("Main", checked.exports, checked.typed_ast, checked.env, imports=checked.imports)
    expected = compact.unstructure_typed_module(checked.typed_ast)
    packed = root.begin_batch()
    packed.put("Main", checked.exports, checked.typed_ast, checked.env, imports=checked.imports)
    assert compact.compact_module(packed, "Main")
    assert not compact.compact_module(packed, "Main")  # compact already
    elements = packed.get("Main").ast.elements  # type: ignore[union-attr]
    assert all(type(element) is LazyElement for element in elements.values())
    table = compact._PENDING[id(elements["area"])][0]  # type: ignore[index]
    assert table.local
    assert compact.unstructure_typed_module(packed.get("Main").ast) == expected  # type: ignore[union-attr]
    assert table._blobs is None  # written without being kept unpacked
    assert elements["area"] == checked.typed_ast.elements["area"]  # one read …
    assert compact.unstructure_typed_module(packed.get("Main").ast) == expected  # type: ignore[union-attr]
    for key, element in checked.typed_ast.elements.items():  # … then all
        assert elements[key] == element
    path = tmp_path / "main.cbor"
    dump(packed, path, lazy_converter())
    again = restore(path, lazy_converter(), parent=root)
    assert {key: again.element("Main", key) for key in elements} == dict(checked.typed_ast.elements)


def test_the_elements_of_some_kinds_are_packed_from_a_compact_module_without_decoding_any(root: Layer) -> None:
    """What a worker process is sent of a module made compact earlier (its constructors' elements): the same as
    from the live module, read off the stored blobs, every element still unread and no table kept unpacked."""
    from nova import compact
    from nova.check.typed import TypedModule

    checked = check_module(parse_module(IMPORTER), root)
    kinds = frozenset({"constructor"})
    constructors = {k: e for k, e in checked.typed_ast.elements.items() if e.kind in kinds}
    assert set(constructors) == {"Circle", "Square"}
    expected = compact.unstructure_typed_module(TypedModule("Main", constructors))
    assert compact.unstructure_elements_of_kinds(checked.typed_ast, kinds) == expected
    layer = root.begin_batch()
    layer.put("Main", checked.exports, checked.typed_ast, checked.env, imports=checked.imports)
    assert compact.compact_module(layer, "Main")
    elements = layer.get("Main").ast.elements  # type: ignore[union-attr]
    table = compact._PENDING[id(elements["area"])][0]  # type: ignore[index]
    packed = compact.unstructure_elements_of_kinds(layer.get("Main").ast, kinds)  # type: ignore[union-attr]
    assert all(type(element) is LazyElement for element in elements.values())
    assert table._blobs is None
    assert packed == expected
    restored = compact.structure_typed_module(packed)
    assert dict(restored.elements) == constructors
    assert compact.unstructure_elements_of_kinds(layer.get("Main").ast, frozenset()) == \
        compact.unstructure_typed_module(TypedModule("Main", {}))  # type: ignore[union-attr]


SCHEMES = """module Main where

import Prelude

twice :: Int -> Int
twice x = x + x

labels :: forall a. Show a => Array a -> Array String
labels xs = map show xs

pick :: { name :: String, size :: Int, tags :: Array String, next :: Int -> Int } -> Int
pick r = r.size
"""


def test_compacting_a_module_keeps_its_small_schemes_live_and_packs_the_others(root: Layer, tmp_path: Path) -> None:
    """A blob of `Int -> Int` (with its lazy shell and pending entry) takes more memory than the scheme itself: such a
    scheme stays as it is; a constrained or larger one is packed. Both read and write back as they were."""
    from nova import compact

    checked = check_module(parse_module(SCHEMES), root)
    exports = dict(checked.exports)
    assert compact.small_scheme(exports["twice"])
    assert not compact.small_scheme(exports["labels"]) and not compact.small_scheme(exports["pick"])
    layer = root.begin_batch()
    layer.put("Main", checked.exports, checked.typed_ast, checked.env, imports=checked.imports)
    assert compact.compact_module(layer, "Main")
    assert not compact.compact_module(layer, "Main")  # a small live scheme is not "left to do"
    packed = layer.get("Main").exports  # type: ignore[union-attr]
    assert packed["twice"] is exports["twice"]
    assert type(packed["labels"]) is LazyScheme and type(packed["pick"]) is LazyScheme
    assert type(layer.get("Main").env) is LazyEnv  # type: ignore[union-attr]
    path = tmp_path / "main.cbor"
    dump(layer, path, lazy_converter())
    again = restore(path, lazy_converter(), parent=root)
    assert {key: again.scheme("Main", key) for key in exports} == exports
