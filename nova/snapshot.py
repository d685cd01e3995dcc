"""(Un)structuring everything the checker puts into the registry, for `registry.dump` / `registry.restore`.

Values are encoded as CBOR-friendly nested lists tagged by their first element. Only the checker's own data classes
(a fixed allow-list) are rebuilt on restore, so a crafted snapshot cannot instantiate arbitrary classes; anything
malformed raises `ValueError`, which the registry turns into a `SnapshotError`.
"""

from __future__ import annotations

import dataclasses
import enum
import operator
import re
from collections.abc import Callable
from typing import Any

import cattrs

from nova import diagnostics
from nova.check import env as env_mod
from nova.check import typed as typed_mod
from nova.syntax import fixity as fixity_mod
from nova.types import classes as classes_mod
from nova.types import encoding
from nova.types import evidence as evidence_mod
from nova.types import types as types_mod
from nova.types.types import TApp, TBound, TCon, TForall, TFun, TGen, TRow, TSkolem, TVar, fresh_id

_CLASSES: dict[str, type] = {}
for _module in (typed_mod, env_mod, classes_mod, evidence_mod, diagnostics, fixity_mod):
    for _name, _obj in vars(_module).items():
        if isinstance(_obj, type) and dataclasses.is_dataclass(_obj) and _obj.__module__ == _module.__name__:
            _CLASSES[_name] = _obj
_CLASSES["Scheme"] = types_mod.Scheme
_CLASSES["Constraint"] = types_mod.Constraint
_ENUMS: dict[str, type[enum.Enum]] = {"Severity": diagnostics.Severity}


_SURROGATE = re.compile("[\ud800-\udfff]")


encode = encoding.encode
"""The tagged-list form of a value: the walk over a typed tree's common nodes is `nova.types.encoding`'s (compiled
with the checker), the rules for everything else are below (`_encode_rest`)."""


def _encode_rest(v: Any) -> Any:
    """The values `nova.types.encoding` leaves to this module: those with an exact rule (`_ENCODERS`), an allowed
    data class met for the first time (its layout is then kept there), the general rules for anything else."""
    tv = type(v)
    handler = _ENCODERS.get(tv)
    if handler is not None:
        return handler(v)
    if tv not in _NOT_DATACLASSES:
        layout = _layout_of(tv)
        if layout is not None:
            encoding.remember_layout(tv, layout)
            return encode(v)
        _NOT_DATACLASSES.add(tv)
    return _encode_general(v)


def _encode_general(v: Any) -> Any:
    """Values of a type without an exact rule: subclasses of the built-in types, enums."""
    if v is None or (isinstance(v, (bool, int, float, str)) and not isinstance(v, enum.Enum)):
        if isinstance(v, str) and not v.isascii() and _SURROGATE.search(v) is not None:
            return ["U", v.encode("utf-8", "surrogatepass")]
        return v
    if isinstance(v, dict):
        return _encode_dict(v)
    if isinstance(v, frozenset):
        return _encode_frozenset(v)
    if isinstance(v, enum.Enum):
        return ["E", type(v).__name__, v.value]
    raise ValueError(f"cannot encode a value of type {type(v).__name__}")


def _encode_dict(v: dict[Any, Any]) -> list[Any]:
    return ["{}", *[[encode(k), encode(x)] for k, x in v.items()]]


def _encode_frozenset(v: frozenset[Any]) -> list[Any]:
    # in a canonical order: a restored set writes back the very data it came from
    return ["fs", *sorted([encode(x) for x in v], key=repr)]


def _layout_of(cls: type) -> tuple[str, Callable[[Any], Any], bool] | None:
    """The tag of an allowed data class (or of a field-less subclass of one), a getter of its encoded fields' values
    (`operator.attrgetter`: one C call per node), and whether it has several of them (the getter then gives a
    tuple)."""
    if issubclass(cls, enum.Enum) or not dataclasses.is_dataclass(cls):
        return None
    allowed = cls if _CLASSES.get(cls.__name__) is cls else _stand_in_for(cls)
    if allowed is None:
        return None
    names = tuple(f.name for f in dataclasses.fields(allowed) if f.init)
    if not names:
        return f"D:{allowed.__name__}", lambda v: (), True
    return f"D:{allowed.__name__}", operator.attrgetter(*names), len(names) > 1


_NOT_DATACLASSES: set[type] = set()
# Strings, scalars, tuples, spans, TCon, TApp, TFun and TGen: `nova.types.encoding`. TVar is restored as a fresh
# variable: its id is not kept, so a value writes back as it was read
_ENCODERS: dict[type, Any] = {
    list: lambda v: ["[]", *[encode(x) for x in v]],
    dict: _encode_dict,
    frozenset: _encode_frozenset,
    TRow: lambda v: ["R", encode(v.fields), encode(v.tail)],
    TSkolem: lambda v: ["K", v.name, v.id, v.level],
    TVar: lambda v: ["V"],
    TForall: lambda v: ["Q", encode(v.vars), encode(v.constraints), encode(v.body)],
    TBound: lambda v: ["B", v.name],
}

encoding.install(_encode_rest)


def _stand_in_for(cls: type) -> type | None:
    """The allowed class that `cls` subclasses without adding fields (a lazily decoded value's class), if any."""
    for base in cls.__mro__[1:]:
        if _CLASSES.get(base.__name__) is base:
            same = [f.name for f in dataclasses.fields(cls)] == [f.name for f in dataclasses.fields(base)]
            return base if same else None
    return None


def decode(d: Any) -> Any:
    """Rebuild a value from its tagged-list form; one dict dispatch per node (a restore decodes every node of
    every typed AST of a workspace, so this loop is the warm start's cost)."""
    if d is None or type(d) in _SCALARS:
        return d
    if type(d) is not list or not d or type(d[0]) is not str:
        if isinstance(d, (bool, int, float, str)):
            return d
        raise ValueError("malformed snapshot value")
    tag = d[0]
    handler = _DECODERS.get(tag)
    if handler is not None:
        return handler(d)
    if tag.startswith("D:"):
        return _decode_dataclass(tag[2:], d)
    raise ValueError(f"unknown tag {tag!r} in snapshot")


_SCALARS = frozenset({bool, int, float, str})
_FIELD_NAMES: dict[str, tuple[type, tuple[str, ...]]] = {}


def _decode_dataclass(name: str, d: list[Any]) -> Any:
    known = _FIELD_NAMES.get(name)
    if known is None:
        dc = _CLASSES.get(name)
        if dc is None:
            raise ValueError(f"unknown class {name!r} in snapshot")
        known = (dc, tuple(f.name for f in dataclasses.fields(dc) if f.init))
        _FIELD_NAMES[name] = known
    dc, names = known
    if len(d) - 1 != len(names):
        raise ValueError(f"malformed {name} in snapshot")
    return dc(*[decode(x) for x in d[1:]])  # init fields, in declaration order (as `encode` wrote them)


def _decode_mapping(d: list[Any]) -> dict[Any, Any]:
    out: dict[Any, Any] = {}
    for pair in d[1:]:
        if not isinstance(pair, list) or len(pair) != 2:
            raise ValueError("malformed mapping in snapshot")
        out[decode(pair[0])] = decode(pair[1])
    return out


def _decode_span(d: list[Any]) -> diagnostics.Span:
    if len(d) != 5 or not all(isinstance(x, int) for x in d[1:]):
        raise ValueError("malformed span in snapshot")
    return diagnostics.Span(d[1], d[2], d[3], d[4])


def _decode_row(d: list[Any]) -> TRow:
    fields = decode(d[1])
    return TRow(tuple((str(lbl), t) for lbl, t in fields), decode(d[2]))


def _decode_enum(d: list[Any]) -> enum.Enum:
    cls = _ENUMS.get(_str(d[1]))
    if cls is None:
        raise ValueError(f"unknown enum {d[1]!r} in snapshot")
    return cls(d[2])


_DECODERS: dict[str, Any] = {
    "()": lambda d: tuple([decode(x) for x in d[1:]]),
    "[]": lambda d: [decode(x) for x in d[1:]],
    "{}": _decode_mapping,
    "fs": lambda d: frozenset([decode(x) for x in d[1:]]),
    "S": _decode_span,
    "C": lambda d: TCon(_str(d[1]), _str(d[2])),
    "A": lambda d: TApp(decode(d[1]), decode(d[2])),
    "F": lambda d: TFun(decode(d[1]), decode(d[2])),
    "G": lambda d: TGen(_int(d[1])),
    "R": _decode_row,
    "K": lambda d: TSkolem(_str(d[1]), _int(d[2]), _int(d[3])),
    "V": lambda d: TVar(fresh_id(), 0),
    "Q": lambda d: TForall(tuple(_str(n) for n in decode(d[1])), tuple(decode(d[2])), decode(d[3])),
    "B": lambda d: TBound(_str(d[1])),
    "E": _decode_enum,
    "U": lambda d: _bytes(d[1]).decode("utf-8", "surrogatepass"),
}


def _str(v: Any) -> str:
    if not isinstance(v, str):
        raise ValueError("malformed snapshot value: expected a string")
    return v


def _bytes(v: Any) -> bytes:
    if not isinstance(v, bytes):
        raise ValueError("malformed snapshot value: expected bytes")
    return v


def _int(v: Any) -> int:
    if not isinstance(v, int):
        raise ValueError("malformed snapshot value: expected an integer")
    return v


def converter() -> cattrs.Converter:
    """A converter with hooks for the registry's marker types (schemes, typed ASTs, module environments)."""
    from registry import SnapshotAst, SnapshotEnv, SnapshotScheme

    conv = cattrs.Converter()
    conv.register_unstructure_hook(SnapshotScheme, encode)
    conv.register_structure_hook(SnapshotScheme, lambda data, _t: decode(data))
    for marker in (SnapshotAst, SnapshotEnv):
        conv.register_unstructure_hook(marker, lambda value: _deep(encode, value))
        conv.register_structure_hook(marker, lambda data, _t: _deep(decode, data))
    return conv


def _deep(fn: Any, value: Any) -> Any:
    """Run `fn(value)` where deep typed trees cannot overflow: a big-stack thread with a raised recursion limit."""
    from nova.deep import deep_section, run_on_big_stack

    try:
        with deep_section():
            return run_on_big_stack(lambda: fn(value), name="nova-snapshot")
    except RecursionError as error:
        raise ValueError("value nested too deeply to (de)serialise") from error
