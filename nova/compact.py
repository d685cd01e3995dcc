"""The compact form of typed results: nova's snapshot encoding, one blob per value, decoded on first read.

Materialising every typed-AST node, scheme and environment of a workspace costs a large fraction of checking it
from scratch, so a warm start that decoded everything up front could never be much faster than a cold one. Here
each element of a module's typed AST, each exported scheme and each module environment is stored as its own CBOR
blob (nova's `encode` form inside), so reading the snapshot only copies bytes; a value is decoded the first time
anything reads one of its fields (hover, definition, the evaluator, a dependent's check, an early-cutoff compare).
A module's element blobs (nine tenths of a snapshot) are compressed together and inflated on the first read of
one of them. A warm start whose files are all unchanged decodes and inflates nothing at all.

A not-yet-read value is an instance of a field-less subclass of its class (`LazyElement`, `LazyScheme`,
`LazyEnv`) that fills in its slots and turns itself into a plain instance on first access, so `isinstance`,
`dataclasses.fields`, equality and hashing behave as for any value. The registry verifies the file's checksum
before anything is built. Values of any other type (a test's stand-in environment, say) are encoded eagerly.
"""

from __future__ import annotations

import dataclasses
import marshal
import os
import threading
import zlib
from collections.abc import Callable
from typing import Any, ClassVar

import cattrs
import cbor2

from nova.check.env import ModuleEnv
from nova.check.typed import TypedElement, TypedModule
from nova.types.types import Scheme, TApp, TBound, TCon, TFun, TGen

_LOCK = threading.RLock()
# The language server writes its cache from a forked child (`server.hub.in_child`) while other threads may be
# decoding: a fork in the middle of their section would leave the child a lock that no thread of it can release.
# Forking waits for the section to end instead, and both processes come out with the lock free.
os.register_at_fork(before=_LOCK.acquire, after_in_parent=_LOCK.release, after_in_child=_LOCK.release)
COMPRESSION_LEVEL = 6


class _Lazy:
    """Mixed in before a slotted dataclass: every attribute read decodes the blob into the instance's own slots,
    then reassigns `__class__` to the plain class (same layout), so later reads cost nothing extra."""

    __slots__ = ()
    _plain: ClassVar[type]
    _fields: ClassVar[tuple[str, ...]]

    def __getattribute__(self, name: str) -> Any:
        _materialize(self)
        return object.__getattribute__(self, name)

    def __setattr__(self, name: str, value: Any) -> None:
        _materialize(self)
        setattr(self, name, value)

    def __eq__(self, other: object) -> bool:
        _materialize(self)
        return bool(self == other)

    def __hash__(self) -> int:
        _materialize(self)
        return hash(self)

    def __repr__(self) -> str:
        _materialize(self)
        return repr(self)

    def __del__(self) -> None:
        _PENDING.pop(id(self), None)


class LazyElement(_Lazy, TypedElement):
    __slots__ = ()
    _plain = TypedElement
    _fields = tuple(f.name for f in dataclasses.fields(TypedElement))


class LazyScheme(_Lazy, Scheme):
    __slots__ = ()
    _plain = Scheme
    _fields = tuple(f.name for f in dataclasses.fields(Scheme))


class LazyEnv(_Lazy, ModuleEnv):
    __slots__ = ()
    _plain = ModuleEnv
    _fields = tuple(f.name for f in dataclasses.fields(ModuleEnv))


_LAZY_OF: dict[type, type[_Lazy]] = {TypedElement: LazyElement, Scheme: LazyScheme, ModuleEnv: LazyEnv}


class _Table:
    """One module's element blobs, compressed together (typed ASTs repeat much within a module). Restoring keeps
    the compressed bytes; the first read of any of the module's elements unpacks the table, which lives as long as
    one of its elements is still unread.

    A table is CBOR (a CBOR list of each element's CBOR blob), the form snapshot files and worker processes carry,
    or `local`: the same made with `marshal`, several times cheaper to make and to read, for a module this process
    compacts itself (`compact_module`, after each module of an index). A local table never leaves the process: it
    is turned into CBOR when written (`cbor_packed`, `blob`), so snapshot files are the same either way and only
    CBOR is ever read from one."""

    __slots__ = ("_blobs", "keys", "local", "packed")

    def __init__(self, keys: tuple[str, ...], packed: bytes, local: bool = False) -> None:
        self.keys = keys
        self.packed = packed
        self.local = local
        self._blobs: list[bytes] | None = None

    def _blob(self, index: int) -> bytes:
        if self._blobs is None:
            self._blobs = self._unpacked()
        return self._blobs[index]

    def _unpacked(self) -> list[bytes]:
        blobs = (marshal if self.local else cbor2).loads(_inflate(self.packed))
        if not (isinstance(blobs, list) and len(blobs) == len(self.keys) and all(isinstance(b, bytes) for b in blobs)):
            raise ValueError("malformed element table in snapshot")
        return blobs

    def encoded(self, index: int) -> Any:
        """The element's encoded (tagged-list) form."""
        return (marshal if self.local else cbor2).loads(self._blob(index))

    def blob(self, index: int) -> bytes:
        """The element's CBOR blob."""
        return cbor2.dumps(self.encoded(index)) if self.local else self._blob(index)

    def cbor_packed(self) -> bytes:
        """The table in CBOR form, compressed (a local table stays packed: writing a snapshot reads every table)."""
        if not self.local:
            return self.packed
        blobs = [cbor2.dumps(marshal.loads(blob)) for blob in self._blobs or self._unpacked()]
        return zlib.compress(cbor2.dumps(blobs), COMPRESSION_LEVEL)


_on_corrupt: Callable[[Exception], None] | None = None


def on_corrupt(callback: Callable[[Exception], None] | None) -> None:
    """Have `callback` told of every restored value that cannot be decoded (the cache that held it is bad: its
    owner drops it so the next start rebuilds it). The read itself still fails with the error."""
    global _on_corrupt
    _on_corrupt = callback


Pending = bytes | tuple[_Table, int]
_PENDING: dict[int, Pending] = {}  # id(lazy value) → its blob (or its place in a packed table), until first read
MAX_EXPANSION = 256  # a table may inflate at most this much: bounds what a hostile file can cost


def _inflate(packed: bytes) -> bytes:
    inflater = zlib.decompressobj()
    try:
        data = inflater.decompress(packed, MAX_EXPANSION * len(packed) + 4096)
    except zlib.error as error:
        raise ValueError(f"malformed element table in snapshot: {error}") from error
    if inflater.unconsumed_tail or not inflater.eof or inflater.unused_data:
        raise ValueError("malformed element table in snapshot")
    return data


def _lazy(cls: type[_Lazy], pending: Pending) -> Any:
    value = object.__new__(cls)
    _PENDING[id(value)] = pending
    return value


def _blob_of(pending: Pending) -> bytes:
    return pending if isinstance(pending, bytes) else pending[0].blob(pending[1])


def _encoded_of(pending: Pending) -> Any:
    return cbor2.loads(pending) if isinstance(pending, bytes) else pending[0].encoded(pending[1])


def _materialize(value: Any) -> None:
    with _LOCK:
        cls = object.__getattribute__(value, "__class__")
        if not issubclass(cls, _Lazy):
            return  # another thread got here first
        pending = _PENDING.get(id(value))
        try:
            if pending is None:
                raise ValueError(f"the cached {cls._plain.__name__} has no data")
            decoded = _decode(_encoded_of(pending))  # on failure the blob stays: every read reports it
            if type(decoded) is not cls._plain:
                raise ValueError(f"malformed {cls._plain.__name__} in snapshot")
        except Exception as error:
            if _on_corrupt is not None:
                _on_corrupt(error)
            raise
        for name in cls._fields:
            object.__setattr__(value, name, object.__getattribute__(decoded, name))
        object.__setattr__(value, "__class__", cls._plain)
        del _PENDING[id(value)]


def pending_blob(value: Any) -> bytes | None:
    """The stored blob of a restored value nobody has read yet (None once it is decoded, or for a plain value)."""
    with _LOCK:
        pending = _PENDING.get(id(value)) if issubclass(type(value), _Lazy) else None
        return None if pending is None else _blob_of(pending)


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


def unstructure_value(value: Any) -> Any:
    """A blob for an element, scheme or environment (an unread restored one keeps its blob); any other value in
    nova's tagged-list form, decoded eagerly on restore."""
    with _LOCK:
        if issubclass(type(value), _Lazy):
            blob = pending_blob(value)
            if blob is not None:
                return blob
            _materialize(value)
    if type(value) in _LAZY_OF:
        return cbor2.dumps(_encode(value))
    return _encode(value)


def structure_value(data: Any, lazy: type[_Lazy]) -> Any:
    if isinstance(data, bytes):
        return _lazy(lazy, data)
    return _decode(data)


def unstructure_typed_module(module: Any) -> Any:
    """`{"name", "keys": [element key…], "table": zlib(CBOR [blob…])}`; a module restored earlier whose elements
    are all unread writes its table back as it was read."""
    elements = module.elements
    with _LOCK:
        table = _untouched_table(elements)
    if table is None:
        blobs = [unstructure_value(element) for element in elements.values()]
        if not all(isinstance(blob, bytes) for blob in blobs):
            raise ValueError(f"module {module.name!r} has an element that is not a typed element")
        table = _Table(tuple(elements), zlib.compress(cbor2.dumps(blobs), COMPRESSION_LEVEL))
    return {"name": module.name, "keys": list(table.keys), "table": table.cbor_packed()}


def unstructure_elements_of_kinds(module: Any, kinds: frozenset[str]) -> Any:
    """`unstructure_typed_module` of the module's elements of `kinds` only. An unread element's kind is read off its
    stored form, which is copied as it is: nothing is decoded and no table is kept unpacked (what a worker process
    is sent of a module made compact earlier: decoding every element to find the few it reads cost as much as
    half the module's check)."""
    keys: list[str] = []
    blobs: list[bytes] = []
    unpacked: dict[int, tuple[_Table, list[bytes]]] = {}
    for key, element in module.elements.items():
        with _LOCK:
            pending = _PENDING.get(id(element)) if type(element) is LazyElement else None
        if pending is None:
            if element.kind in kinds:
                keys.append(key)
                blobs.append(unstructure_value(element))
            continue
        if isinstance(pending, bytes):
            encoded, local, raw = cbor2.loads(pending), False, pending
        else:
            table, index = pending
            if table._blobs is not None:
                raw = table._blobs[index]
            else:
                if id(table) not in unpacked:
                    unpacked[id(table)] = table, table._unpacked()
                raw = unpacked[id(table)][1][index]
            local = table.local
            encoded = (marshal if local else cbor2).loads(raw)
        if _kind_of_encoded(encoded) in kinds:
            keys.append(key)
            blobs.append(cbor2.dumps(encoded) if local else raw)
    return {"name": module.name, "keys": keys, "table": zlib.compress(cbor2.dumps(blobs), COMPRESSION_LEVEL)}


_KIND_AT = 1 + [f.name for f in dataclasses.fields(TypedElement) if f.init].index("kind")
"""Where an encoded typed element (`["D:TypedElement", key, name, kind, …]`, its init fields in order) holds its
kind."""


def _kind_of_encoded(encoded: Any) -> Any:
    """An encoded typed element's kind (decoded whole when it does not have the expected shape)."""
    if type(encoded) is list and len(encoded) > _KIND_AT and encoded[0] == "D:TypedElement" \
            and type(encoded[_KIND_AT]) is str:
        return encoded[_KIND_AT]
    return _decode(encoded).kind


def _untouched_table(elements: Any) -> _Table | None:
    table: _Table | None = None
    for index, element in enumerate(elements.values()):
        pending = _PENDING.get(id(element)) if type(element) is LazyElement else None
        if not isinstance(pending, tuple) or pending[1] != index or (table is not None and pending[0] is not table):
            return None
        table = pending[0]
    return table if table is not None and table.keys == tuple(elements) else None


def structure_typed_module(data: Any) -> TypedModule:
    if not (isinstance(data, dict) and set(data) == {"name", "keys", "table"} and isinstance(data["name"], str)
            and isinstance(data["keys"], list) and isinstance(data["table"], bytes)):
        raise ValueError("malformed typed module in snapshot")
    keys = tuple(data["keys"])
    if not all(isinstance(key, str) for key in keys) or len(set(keys)) != len(keys):
        raise ValueError("malformed element keys in snapshot")
    table = _Table(keys, data["table"])
    elements = {key: _lazy(LazyElement, (table, index)) for index, key in enumerate(keys)}
    return TypedModule(name=data["name"], elements=elements)


class _LazyConverter(cattrs.Converter):
    """`BLOBS_ROUND_TRIP`: a blob restored is kept as it is and written back as it is (`pending_blob`) until it is
    decoded, so `registry.restore` need not unstructure each one again to compare (a warm start restores tens of
    thousands); a blob that does not decode is reported when first read (`on_corrupt`). `PACKS_VALUES`: a typed
    module is written as its compressed table, so `registry.dump` stores the snapshot's body as it is (inflating it
    again would cost each restore more than reading it)."""

    __slots__ = ()
    BLOBS_ROUND_TRIP = True
    PACKS_VALUES = True


def lazy_converter() -> cattrs.Converter:
    """Hooks for the registry's three markers (nova's snapshot module is imported once something is decoded)."""
    from registry import SnapshotAst, SnapshotEnv, SnapshotScheme

    conv = _LazyConverter()
    conv.register_unstructure_hook(SnapshotAst, unstructure_typed_module)
    conv.register_structure_hook(SnapshotAst, lambda data, _t: structure_typed_module(data))
    conv.register_unstructure_hook(SnapshotScheme, unstructure_value)
    conv.register_structure_hook(SnapshotScheme, lambda data, _t: structure_value(data, LazyScheme))
    conv.register_unstructure_hook(SnapshotEnv, unstructure_value)
    conv.register_structure_hook(SnapshotEnv, lambda data, _t: structure_value(data, LazyEnv))
    return conv


def compact_module(layer: Any, module: str, *, elements: bool = True, interface: bool = True) -> bool:
    """Keep a module put in `layer` in the compact form a warm start restores (decoded again on first read):
    a workspace's typed trees take a fraction of the memory so. `elements`: its typed elements (nine tenths of
    it); `interface`: its exported schemes and environment, which its importers' checks read (decoding them again
    there would cost more than keeping them live until those checks are done). A scheme whose live form is smaller
    than a blob of it would be (`small_scheme`: most exported functions' `Int -> Int`) stays live. False when there
    was nothing to do (the layer does not hold the module itself, or holds those parts compact already)."""
    entry = layer.get(module)
    if entry is None:
        return False
    ast, exports, env = entry.ast, entry.exports, entry.env
    changed = False
    if elements and any(type(element) is not LazyElement for element in ast.elements.values()):
        ast, changed = _local_typed_module(ast), True
    if interface and any(type(value) is not LazyScheme and not small_scheme(value) for value in exports.values()):
        exports = {key: value if type(value) is LazyScheme or small_scheme(value)
                   else structure_value(unstructure_value(value), LazyScheme) for key, value in exports.items()}
        changed = True
    if interface and type(env) is not LazyEnv:
        env, changed = structure_value(unstructure_value(env), LazyEnv), True
    return changed and bool(layer.replace_values(module, exports, ast, env))


SMALL_SCHEME_NODES = 7
"""Type nodes up to which an unconstrained scheme stays live when its module is made compact: a lazy scheme costs
its shell, its entry among the pending values and its blob (about 250 bytes however small the type), a live one
its shell and its type's nodes (56 bytes each, the constructors' often shared). Measured on 500-line modules of
`Int -> Int` functions, compacting their schemes took 555 kB per 2,480 of them where they took 337 kB live."""


def small_scheme(value: Any) -> bool:
    """Whether `value` is a plain `Scheme` without constraints whose type and display are built of at most
    `SMALL_SCHEME_NODES` constructors, applications, functions and bound variables."""
    if type(value) is not Scheme or value.constraints or value.kinds:
        return False
    budget = SMALL_SCHEME_NODES
    stack: list[Any] = [value.type] if value.display is None else [value.type, value.display]
    while stack:
        node = stack.pop()
        budget -= 1
        kind = type(node)
        if budget < 0:
            return False
        if kind is TFun:
            stack.append(node.arg)
            stack.append(node.res)
        elif kind is TApp:
            stack.append(node.fn)
            stack.append(node.arg)
        elif kind is not TCon and kind is not TGen and kind is not TBound:
            return False
    return True


def _local_typed_module(module: Any) -> TypedModule:
    """A typed module's elements in a local table (see `_Table`): what `structure_typed_module` of its
    `unstructure_typed_module` gives, for a fraction of the cost."""
    return _from_table(module.name, _local_table(module, LOCAL_LEVEL))


def _local_table(module: Any, level: int) -> _Table:
    elements = module.elements
    blobs: list[bytes] = []
    for element in elements.values():
        kind = type(element)
        if kind is not TypedElement and kind is not LazyElement:
            raise ValueError(f"module {module.name!r} has an element that is not a typed element")
        with _LOCK:
            pending = _PENDING.get(id(element)) if kind is LazyElement else None
        blobs.append(marshal.dumps(_encode(element) if pending is None else _encoded_of(pending)))
    return _Table(tuple(elements), zlib.compress(marshal.dumps(blobs), level), local=True)


def _from_table(name: str, table: _Table) -> TypedModule:
    return TypedModule(name=name, elements={key: _lazy(LazyElement, (table, index))
                                            for index, key in enumerate(table.keys)})


LOCAL_LEVEL = 1
"""zlib's level for local tables (a module this process makes compact, a module a worker process hands its parent):
a third of level 6's time for a fifth more bytes. Both are on an index's critical path: each module of a serial
index is made compact after its check; on a chain of imports the workers' packing delays the next module's."""


def hand_over_typed_module(module: Any) -> dict[str, Any]:
    """A typed module's elements as a local table (`marshal`, see `_Table`), for a worker process to send to the
    process that started it (the same interpreter, which trusts it as its own): several times cheaper to make than
    the CBOR form of `unstructure_typed_module`. The receiver keeps the table local; a snapshot written from it
    gets the CBOR form."""
    table = _local_table(module, LOCAL_LEVEL)
    return {"name": module.name, "keys": list(table.keys), "local": table.packed}


def taken_over_typed_module(data: dict[str, Any]) -> TypedModule:
    """The typed module `hand_over_typed_module` made (its elements decoded on first read)."""
    if not (isinstance(data, dict) and set(data) == {"name", "keys", "local"} and isinstance(data["name"], str)
            and isinstance(data["keys"], list) and isinstance(data["local"], bytes)):
        raise ValueError("malformed typed module from a worker")
    return _from_table(data["name"], _Table(tuple(data["keys"]), data["local"], local=True))
