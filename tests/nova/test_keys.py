"""Element keys and reads: built and taken apart by `nova.keys`, and the checker's rows use exactly those keys."""

from __future__ import annotations

import pytest

from nova import keys
from nova.stdlib import load_root
from nova.workspace import check_workspace


@pytest.mark.parametrize(
    ("key", "namespace", "name"),
    [
        ("map", "value", "map"),
        ("Just", "value", "Just"),
        ("<>", "value", "<>"),
        (":|", "value", ":|"),  # an operator with a colon is a bare key, not a namespace
        ("::>", "value", "::>"),
        (keys.type_key("Maybe"), "type", "Maybe"),
        (keys.type_key("/\\"), "type", "/\\"),
        (keys.class_key("Eq"), "class", "Eq"),
        (keys.instance_key("showMaybe"), "instance", "showMaybe"),
    ],
)
def test_keys_round_trip(key: str, namespace: str, name: str) -> None:
    assert keys.namespace_of(key) == namespace
    assert keys.name_of(key) == name
    assert keys.type_name(key) == (name if namespace == "type" else None)
    assert keys.class_name(key) == (name if namespace == "class" else None)
    assert keys.renamed(key, "X") == {"value": "X", "type": keys.type_key("X"), "class": keys.class_key("X"),
                                      "instance": keys.instance_key("X")}[namespace]


def test_a_type_and_its_constructor_have_distinct_keys() -> None:
    assert keys.type_key("Box") != "Box"
    assert keys.name_of(keys.type_key("Box")) == keys.name_of("Box")


def test_resolution_reads() -> None:
    read = keys.resolution("value", "Array", "map")
    assert keys.is_resolution(read) and not keys.is_interface_read(read)
    assert keys.resolution_parts(read) == ("value", "Array", "map")
    assert keys.resolution_parts(keys.resolution("type", None, "Maybe")) == ("type", None, "Maybe")
    assert keys.resolution("value", None, "map") != keys.resolution("value", "", "map.x")
    assert not keys.is_resolution(keys.INSTANCES) and not keys.is_interface_read(keys.INSTANCES)
    assert not keys.is_resolution(keys.HOLES) and not keys.is_interface_read(keys.HOLES)
    assert keys.signature_name(keys.signature("f")) == "f" and not keys.is_resolution(keys.signature("f"))
    assert keys.signature_name(keys.resolution("value", None, "f")) is None
    assert keys.is_interface_read(("Data.Maybe", keys.type_key("Maybe")))


def test_checked_rows_use_these_keys() -> None:
    source = """module Boxes where

import Prelude

data Box = Box Int
class Sized a where
  size :: a -> Int
instance sizedBox :: Sized Box where
  size (Box n) = n
infixr 5 cons as :|
cons :: Int -> Int -> Int
cons a b = a + b
"""
    result = check_workspace({"Boxes.nova": source}, load_root())
    checked = result.modules["Boxes"]
    assert not [d for d in checked.diagnostics if d.severity == 1], checked.diagnostics
    exported = set(checked.exports)
    assert {keys.type_key("Box"), "Box", keys.class_key("Sized"), "size", ":|", "cons"} <= exported
    assert keys.instance_key("sizedBox") in exported
    by_namespace = {keys.namespace_of(k) for k in checked.typed_ast.elements}
    assert by_namespace == {"value", "type", "class", "instance"}
    # what `cons` read while it was inferred: interface rows, resolutions, its own signature, nothing else
    reads = checked.typed_ast.elements["cons"].reads
    assert reads and all(
        keys.is_interface_read(r) or keys.is_resolution(r) or keys.signature_name(r) is not None or r == keys.HOLES
        for r in reads
    )
    assert keys.signature("cons") in reads
    assert any(keys.is_resolution(r) and keys.resolution_parts(r)[2] == "+" for r in reads)
