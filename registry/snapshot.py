"""Snapshots of a layer on disk: CBOR, checksummed, written atomically, read back all-or-nothing.

File layout (one CBOR map): `format` (the format name), `version`, `sha256` (digest of `body`: an HMAC-SHA256
under the caller's private key when one is given, see `registry.private_files`) and `body` (bytes: the
zlib-compressed CBOR encoding of the layer's own modules; typed ASTs repeat much and compress well).
A reader rejects, with a SnapshotError saying what is wrong, an empty, truncated, bit-flipped, foreign, forged,
newer or oversized file, and anything but a regular file of this user that only this user may write, before
building anything, so it never returns half a layer. Each restored value must unstructure back to the data it was
built from: data the converter would not have written (coerced on the way in) is refused too.

The registry does not know the classes of the values it stores. It asks the converter to (un)structure them under
three marker types, for which the converter's owner registers hooks:
`SnapshotScheme` (one exported scheme), `SnapshotAst` (a module's typed AST, exposing `.elements`) and
`SnapshotEnv` (a module's typing environment).
"""

from __future__ import annotations

import hashlib
import hmac
import io
import os
import zlib
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any, NewType

import cattrs
import cbor2

from registry.entry import ModuleEntry
from registry.errors import RegistryError, SnapshotError
from registry.layer import Layer
from registry.names import is_module_name
from registry.private_files import atomic_write, read_private
from registry.records import Record, live_record, tombstone
from registry.revision import REVISIONS

SnapshotScheme = NewType("SnapshotScheme", object)
SnapshotAst = NewType("SnapshotAst", object)
SnapshotEnv = NewType("SnapshotEnv", object)

FORMAT_NAME = "nova-registry-snapshot"
FORMAT_VERSION = 1
COMPRESSION_LEVEL = 6
# A body may expand at most this much when decompressed (zlib's own limit is ~1000x): bounds a hostile file's cost.
MAX_EXPANSION = 256
# The largest snapshot file read: far above any workspace's, far below what would exhaust memory.
MAX_SNAPSHOT_BYTES = 1 << 30

_HEADER_KEYS = frozenset({"format", "version", "sha256", "body"})
_BODY_KEYS = frozenset({"root", "modules"})
_MODULE_KEYS = frozenset({"name", "rev", "removed", "exports", "ast", "env", "imports", "source_hash"})

PathLike = str | os.PathLike[str]


def dump(layer: Layer, path: PathLike, converter: cattrs.BaseConverter, key: bytes | None = None) -> None:
    """Write the modules put in `layer` (all of them for a root), tombstones included, to `path` atomically.

    The file is replaced only once the new one is complete and synced: a failure at any point leaves the old file
    whole and no temporary file behind. With a `key`, the digest is an HMAC that only holders of the key can make.
    """
    if layer.is_dead:
        raise RegistryError("cannot dump a dead layer (it was discarded or committed whole)")
    records = layer._own  # one published map: a consistent picture even while writers go on
    modules = [_unstructure_module(name, records[name], converter) for name in sorted(records.keys())]
    body = zlib.compress(_encode({"root": layer.is_root, "modules": modules}, "layer contents"), COMPRESSION_LEVEL)
    header = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "sha256": _digest(body, key), "body": body}
    atomic_write(Path(path), _encode(header, "snapshot header"))


def restore(path: PathLike, converter: cattrs.BaseConverter, parent: Layer | None = None, key: bytes | None = None,
            max_bytes: int = MAX_SNAPSHOT_BYTES, owners: Collection[int] | None = None) -> Layer:
    """Rebuild a dumped layer: a frozen root when `parent` is None, else a new batch on `parent`.

    Revisions are kept as dumped (later revisions are made larger). Lookups equal the original's when `parent`
    shows what the original's parent showed. A file dumped with a `key` is read back only with the same key. The
    file must belong to this user, or to one of `owners` when given (`registry.private_files.read_private`).

    Every value is structured and then unstructured again, and must give back exactly what the file holds. A
    converter whose class sets `BLOBS_ROUND_TRIP = True` promises that for a `bytes` value (it keeps the blob and
    writes that very blob back, decoding it only when read): those values skip the second half.
    """
    data = _read(Path(path), max_bytes, owners)
    body = _open_envelope(data, path, key)
    root_flag, raw_modules = _check_body(body, path)
    del root_flag  # informational: the caller decides where the layer goes
    records: dict[str, Record] = {}
    for raw in raw_modules:
        name, record = _structure_module(raw, converter, path)
        if name in records:
            raise SnapshotError(f"{path}: module {name!r} appears twice; the file is corrupt")
        records[name] = record
    if records:
        REVISIONS.advance_past(max(record.rev for record in records.values()))
    try:
        return Layer._from_records(records, parent)
    except RegistryError as error:
        raise SnapshotError(f"{path}: cannot restore onto this parent: {error}") from error


def reseal(source: PathLike, target: PathLike, key: bytes | None, source_key: bytes | None = None,
           owners: Collection[int] | None = None, max_bytes: int = MAX_SNAPSHOT_BYTES) -> None:
    """Copy the snapshot `source` (sealed with `source_key`, belonging to one of `owners`) to `target` sealed with
    `key`, atomically, without decoding its body: a copy costs what its bytes cost. The source's envelope and
    checksum are checked first (a damaged or foreign source raises SnapshotError and writes nothing); its body is
    checked when `target` is restored."""
    header = _decode_one(_read(Path(source), max_bytes, owners), source, "snapshot")
    body = _checked_body(header, source, source_key)
    assert isinstance(header, dict)  # _checked_body refuses anything else
    sealed = {**header, "sha256": _digest(body, key)}  # the version stays the body's
    atomic_write(Path(target), _encode(sealed, "snapshot header"))


# ---------------------------------------------------------------------- writing


def _unstructure_module(name: str, record: Record, converter: cattrs.BaseConverter) -> dict[str, Any]:
    entry = record.entry
    if entry is None:
        return {
            "name": name,
            "rev": record.rev,
            "removed": True,
            "exports": None,
            "ast": None,
            "env": None,
            "imports": [],
            "source_hash": None,
        }
    try:
        exports = {key: converter.unstructure(value, SnapshotScheme) for key, value in entry.exports.items()}
        ast = converter.unstructure(entry.ast, SnapshotAst)
        env = converter.unstructure(entry.env, SnapshotEnv)
    except Exception as error:
        raise SnapshotError(f"cannot serialise module {name!r}: the converter failed: {error!r}") from error
    return {
        "name": name,
        "rev": entry.rev,
        "removed": False,
        "exports": exports,
        "ast": ast,
        "env": env,
        "imports": list(entry.imports),
        "source_hash": entry.source_hash,
    }


def _encode(value: object, what: str) -> bytes:
    try:
        return cbor2.dumps(value, string_referencing=True)
    except Exception as error:
        raise SnapshotError(
            f"cannot encode the {what} as CBOR (does the converter unstructure every value to plain data?): {error}"
        ) from error


# ---------------------------------------------------------------------- reading


def _digest(body: bytes, key: bytes | None) -> bytes:
    return hashlib.sha256(body).digest() if key is None else hmac.new(key, body, hashlib.sha256).digest()


def _read(path: Path, max_bytes: int, owners: Collection[int] | None = None) -> bytes:
    data = read_private(path, max_bytes, "snapshot", owners=owners)
    if not data:
        raise SnapshotError(f"{path}: the snapshot file is empty")
    return data


def _decode_one(data: bytes, path: PathLike, what: str) -> object:
    """Decode exactly one CBOR item filling `data`; anything else is truncation or corruption."""
    stream = io.BytesIO(data)
    try:
        value = cbor2.CBORDecoder(stream).decode()
    except cbor2.CBORDecodeEOF as error:
        raise SnapshotError(f"{path}: the {what} is truncated (the file ends early)") from error
    except Exception as error:
        raise SnapshotError(f"{path}: the {what} is not valid CBOR: {error}") from error
    if stream.tell() != len(data):
        raise SnapshotError(f"{path}: {len(data) - stream.tell()} stray bytes after the {what}; the file is corrupt")
    return value


def _open_envelope(data: bytes, path: PathLike, key: bytes | None) -> object:
    """Check the header (format, version, checksum) and return the decoded body."""
    body = _checked_body(_decode_one(data, path, "snapshot"), path, key)
    return _decode_one(_decompress(body, path), path, "snapshot body")


def _checked_body(header: object, path: PathLike, key: bytes | None) -> bytes:
    """The compressed body of a decoded envelope whose format, version and checksum are right."""
    if not isinstance(header, dict) or header.get("format") != FORMAT_NAME:
        found = header.get("format") if isinstance(header, dict) else type(header).__name__
        raise SnapshotError(f"{path}: not a registry snapshot (format {found!r}, expected {FORMAT_NAME!r})")
    if set(header) != _HEADER_KEYS:
        raise SnapshotError(f"{path}: snapshot header has keys {sorted(map(str, header))}; the file is corrupt")
    version = header["version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SnapshotError(f"{path}: snapshot version {version!r} is not valid; the file is corrupt")
    if version > FORMAT_VERSION:
        raise SnapshotError(
            f"{path}: snapshot format version {version} is newer than this reader (supports up to {FORMAT_VERSION})"
        )
    body, digest = header["body"], header["sha256"]
    if not isinstance(body, bytes) or not isinstance(digest, bytes):
        raise SnapshotError(f"{path}: snapshot body or checksum has the wrong type; the file is corrupt")
    if not hmac.compare_digest(_digest(body, key), digest):
        if key is None:
            raise SnapshotError(f"{path}: checksum mismatch: the snapshot is corrupt")
        raise SnapshotError(f"{path}: checksum mismatch: the snapshot is corrupt or was not written with this key")
    return body


def _decompress(body: bytes, path: PathLike) -> bytes:
    limit = MAX_EXPANSION * len(body) + 4096
    decompressor = zlib.decompressobj()
    try:
        data = decompressor.decompress(body, limit)
    except zlib.error as error:
        raise SnapshotError(f"{path}: the snapshot body is not valid compressed data: {error}") from error
    if decompressor.unconsumed_tail:
        raise SnapshotError(f"{path}: the snapshot body expands more than {MAX_EXPANSION}x; refusing it as corrupt")
    if not decompressor.eof or decompressor.unused_data:
        raise SnapshotError(f"{path}: the compressed snapshot body is truncated or has stray bytes")
    return data


def _check_body(body: object, path: PathLike) -> tuple[bool, list[Mapping[str, object]]]:
    if not isinstance(body, dict) or set(body) != _BODY_KEYS:
        raise SnapshotError(f"{path}: snapshot body does not describe a layer")
    root, modules = body["root"], body["modules"]
    if not isinstance(root, bool) or not isinstance(modules, list):
        raise SnapshotError(f"{path}: snapshot body does not describe a layer")
    for raw in modules:
        if not isinstance(raw, dict) or set(raw) != _MODULE_KEYS:
            raise SnapshotError(f"{path}: a module record of the snapshot is malformed")
    return root, modules


def _structure_module(raw: Mapping[str, object], converter: cattrs.BaseConverter, path: PathLike) -> tuple[str, Record]:
    name, rev, removed = raw["name"], raw["rev"], raw["removed"]
    if not isinstance(name, str) or not is_module_name(name):
        raise SnapshotError(f"{path}: invalid module name {name!r} in the snapshot")
    if not isinstance(rev, int) or isinstance(rev, bool) or rev < 0:
        raise SnapshotError(f"{path}: module {name!r} has an invalid revision {rev!r}")
    if not isinstance(removed, bool):
        raise SnapshotError(f"{path}: module {name!r} has a malformed record")
    if removed:
        return name, tombstone(rev)
    imports, source_hash, raw_exports = raw["imports"], raw["source_hash"], raw["exports"]
    if not isinstance(imports, list) or not all(isinstance(i, str) and is_module_name(i) for i in imports):
        raise SnapshotError(f"{path}: module {name!r} has malformed imports")
    if source_hash is not None and not isinstance(source_hash, str):
        raise SnapshotError(f"{path}: module {name!r} has a malformed source hash")
    if not isinstance(raw_exports, dict) or not all(map(str.__instancecheck__, raw_exports)):
        raise SnapshotError(f"{path}: module {name!r} has malformed exports")
    try:
        exports = _structure_exports(raw_exports, converter)
        ast = _structure_exactly(raw["ast"], SnapshotAst, converter)
        env = _structure_exactly(raw["env"], SnapshotEnv, converter)
    except _NotWhatTheConverterWrites as error:
        raise SnapshotError(f"{path}: module {name!r} holds {error} that the converter would not write; "
                            "the file is corrupt") from None
    except Exception as error:
        raise SnapshotError(f"{path}: cannot rebuild module {name!r} with the converter: {error!r}") from error
    elements = getattr(ast, "elements", None)
    if not isinstance(elements, Mapping) or not all(map(str.__instancecheck__, elements)):
        raise SnapshotError(f"{path}: the typed AST rebuilt for {name!r} has no `.elements` mapping")
    entry = ModuleEntry(name, exports, ast, env, rev, tuple(imports), source_hash)
    return name, live_record(entry)


def _structure_exports(raw_exports: Mapping[str, object], converter: cattrs.BaseConverter) -> dict[str, object]:
    """`_structure_exactly` of each export; the converter's hook is looked up once, not once per export (a warm
    start restores tens of thousands of them, most kept as blobs)."""
    if getattr(type(converter), "BLOBS_ROUND_TRIP", False) is True and set(map(type, raw_exports.values())) <= {bytes}:
        hook = converter.get_structure_hook(SnapshotScheme)
        return {key: hook(value, SnapshotScheme) for key, value in raw_exports.items()}
    return {key: _structure_exactly(value, SnapshotScheme, converter) for key, value in raw_exports.items()}


class _NotWhatTheConverterWrites(Exception):
    """A stored value the converter accepted by coercing it (a number where it writes a string, say)."""


def _structure_exactly(raw: object, marker: Any, converter: cattrs.BaseConverter) -> object:
    """The value `raw` describes, provided the converter writes that value back as `raw` (arrays compare equal
    whether they come back as lists or tuples: CBOR knows only arrays)."""
    value = converter.structure(raw, marker)
    if type(raw) is bytes and getattr(type(converter), "BLOBS_ROUND_TRIP", False) is True:
        return value
    if not same_data(converter.unstructure(value, marker), raw):
        raise _NotWhatTheConverterWrites(f"a {getattr(marker, '__name__', marker)} value")
    return value


def _all_text(items: list[object] | tuple[object, ...]) -> bool:
    """Whether every item is exactly a `str` (two such lists are equal data when they are equal lists)."""
    return set(map(type, items)) <= {str}


def same_data(left: object, right: object) -> bool:
    """Equality of plain (CBOR) data, iteratively (deep trees are fine): a tuple equals the list of its items, a
    NaN equals a NaN, and types are compared exactly (True is not 1, 1 is not 1.0)."""
    pending = [(left, right)]
    while pending:
        a, b = pending.pop()
        if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
            if len(a) != len(b):
                return False
            if _all_text(a) and _all_text(b):  # a module's element keys, say: compared at once
                if list(a) != list(b):
                    return False
                continue
            pending.extend(zip(a, b, strict=True))
        elif isinstance(a, dict) and isinstance(b, dict):
            if a.keys() != b.keys():
                return False
            pending.extend((a[k], b[k]) for k in a)
        elif type(a) is not type(b):
            return False
        elif isinstance(a, float):
            if not (a == b or (a != a and b != b)):
                return False
        elif a != b:
            return False
    return True
