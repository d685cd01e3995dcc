"""The converter the server hands to `registry.dump`/`restore`: nova's snapshot encoding, restored lazily.

Materialising every typed-AST node of a workspace costs a large fraction of checking it from scratch, so a warm
start that decoded everything up front could never be much faster than a cold one. Here each element of a module's
typed AST is stored as its own CBOR blob (nova's `encode` form inside), so reading the snapshot only copies bytes;
an element is decoded the first time anything reads one of its fields (hover, definition, the evaluator, a
dependent's check). Schemes and environments are decoded at once: importers need them to type check.

A not-yet-read element is a `LazyElement`, a field-less subclass of `TypedElement` that fills in its slots and
turns itself into a plain `TypedElement` on first access, so `isinstance`, `dataclasses.fields` and equality behave
as for any element. The registry verifies the file's checksum before anything is built.
"""

from __future__ import annotations

import dataclasses
import threading
from typing import Any

import cattrs
import cbor2

from nova.check.typed import TypedElement, TypedModule

_PENDING: dict[int, bytes] = {}  # id(LazyElement) → its encoded blob, until first read
_LOCK = threading.RLock()
_FIELDS = tuple(f.name for f in dataclasses.fields(TypedElement))


class LazyElement(TypedElement):
    __slots__ = ()

    def __getattribute__(self, name: str) -> Any:
        if object.__getattribute__(self, "__class__") is LazyElement:
            _materialize(self)
        return object.__getattribute__(self, name)

    def __eq__(self, other: object) -> bool:
        _materialize(self)
        return self == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        _materialize(self)
        return repr(self)

    def __del__(self) -> None:
        _PENDING.pop(id(self), None)


def _lazy(blob: bytes) -> LazyElement:
    element = object.__new__(LazyElement)
    _PENDING[id(element)] = blob
    return element


def _materialize(element: Any) -> None:
    with _LOCK:
        if object.__getattribute__(element, "__class__") is not LazyElement:
            return
        blob = _PENDING.pop(id(element))
        value = _decode(cbor2.loads(blob))
        if type(value) is not TypedElement:
            raise ValueError("malformed element in snapshot")
        for name in _FIELDS:
            object.__setattr__(element, name, object.__getattribute__(value, name))
        object.__setattr__(element, "__class__", TypedElement)


def _decode(raw: Any) -> Any:
    from nova.snapshot import _deep, decode

    try:
        return decode(raw)
    except RecursionError:
        return _deep(decode, raw)


def _encode(value: Any) -> Any:
    from nova.snapshot import _deep, encode

    try:
        return encode(value)
    except RecursionError:
        return _deep(encode, value)


def unstructure_typed_module(module: Any) -> Any:
    """`{"name", "elements": [[key, blob]…]}`; an element restored earlier and never read keeps its blob."""
    table = []
    for key, element in module.elements.items():
        with _LOCK:
            pending = type(element) is LazyElement and id(element) in _PENDING
            blob = _PENDING[id(element)] if pending else None
        if blob is None:
            blob = cbor2.dumps(_encode(element))
        table.append([key, blob])
    return {"name": module.name, "elements": table}


def structure_typed_module(data: Any) -> TypedModule:
    if not (isinstance(data, dict) and isinstance(data.get("name"), str) and isinstance(data.get("elements"), list)):
        raise ValueError("malformed typed module in snapshot")
    elements: dict[str, Any] = {}
    for pair in data["elements"]:
        if not (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str) and isinstance(pair[1], bytes)):
            raise ValueError("malformed element table in snapshot")
        elements[pair[0]] = _lazy(pair[1])
    return TypedModule(name=data["name"], elements=elements)


def lazy_converter() -> cattrs.Converter:
    from nova.snapshot import converter
    from registry import SnapshotAst

    conv = converter()
    conv.register_unstructure_hook(SnapshotAst, unstructure_typed_module)
    conv.register_structure_hook(SnapshotAst, lambda data, _t: structure_typed_module(data))
    return conv
