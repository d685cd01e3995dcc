"""(Un)structuring everything the checker puts into the registry, for `registry.dump` / `registry.restore`.

Values are encoded as CBOR-friendly nested lists tagged by their first element. Only the checker's own data classes
(a fixed allow-list) are rebuilt on restore, so a crafted snapshot cannot instantiate arbitrary classes; anything
malformed raises `ValueError`, which the registry turns into a `SnapshotError`.
"""

from __future__ import annotations

import dataclasses
import enum
from typing import Any

import cattrs

from nova import diagnostics
from nova.check import env as env_mod
from nova.check import typed as typed_mod
from nova.syntax import fixity as fixity_mod
from nova.types import classes as classes_mod
from nova.types import evidence as evidence_mod
from nova.types import types as types_mod
from nova.types.types import TApp, TCon, TFun, TGen, TRow, TSkolem, TVar, fresh_id

_CLASSES: dict[str, type] = {}
for _module in (typed_mod, env_mod, classes_mod, evidence_mod, diagnostics, fixity_mod):
    for _name, _obj in vars(_module).items():
        if isinstance(_obj, type) and dataclasses.is_dataclass(_obj) and _obj.__module__ == _module.__name__:
            _CLASSES[_name] = _obj
_CLASSES["Scheme"] = types_mod.Scheme
_CLASSES["Constraint"] = types_mod.Constraint
_ENUMS: dict[str, type[enum.Enum]] = {"Severity": diagnostics.Severity}


def encode(v: Any) -> Any:
    if v is None or (isinstance(v, (bool, int, float, str)) and not isinstance(v, enum.Enum)):
        return v
    tv = type(v)
    if tv is tuple:
        return ["()", *[encode(x) for x in v]]
    if tv is list:
        return ["[]", *[encode(x) for x in v]]
    if isinstance(v, dict):
        return ["{}", *[[encode(k), encode(x)] for k, x in v.items()]]
    if isinstance(v, frozenset):
        return ["fs", *[encode(x) for x in v]]
    if tv is diagnostics.Span:
        return ["S", v.start_line, v.start_col, v.end_line, v.end_col]
    if tv is TCon:
        return ["C", v.name, v.module]
    if tv is TApp:
        return ["A", encode(v.fn), encode(v.arg)]
    if tv is TFun:
        return ["F", encode(v.arg), encode(v.res)]
    if tv is TGen:
        return ["G", v.index]
    if tv is TRow:
        return ["R", encode(v.fields), encode(v.tail)]
    if tv is TSkolem:
        return ["K", v.name, v.id, v.level]
    if tv is TVar:
        return ["V", v.id]
    if isinstance(v, enum.Enum):
        return ["E", tv.__name__, v.value]
    if dataclasses.is_dataclass(v) and tv.__name__ in _CLASSES and _CLASSES[tv.__name__] is tv:
        return [f"D:{tv.__name__}", *[encode(getattr(v, f.name)) for f in dataclasses.fields(v) if f.init]]
    raise ValueError(f"cannot encode a value of type {tv.__name__}")


def decode(d: Any) -> Any:
    if d is None or isinstance(d, (bool, int, float, str)):
        return d
    if not isinstance(d, list) or not d or not isinstance(d[0], str):
        raise ValueError("malformed snapshot value")
    tag = d[0]
    rest = d[1:]
    if tag == "()":
        return tuple(decode(x) for x in rest)
    if tag == "[]":
        return [decode(x) for x in rest]
    if tag == "{}":
        out: dict[Any, Any] = {}
        for pair in rest:
            if not isinstance(pair, list) or len(pair) != 2:
                raise ValueError("malformed mapping in snapshot")
            out[decode(pair[0])] = decode(pair[1])
        return out
    if tag == "fs":
        return frozenset(decode(x) for x in rest)
    if tag == "S":
        if len(rest) != 4 or not all(isinstance(x, int) for x in rest):
            raise ValueError("malformed span in snapshot")
        return diagnostics.Span(*rest)
    if tag == "C":
        return TCon(_str(rest[0]), _str(rest[1]))
    if tag == "A":
        return TApp(decode(rest[0]), decode(rest[1]))
    if tag == "F":
        return TFun(decode(rest[0]), decode(rest[1]))
    if tag == "G":
        return TGen(_int(rest[0]))
    if tag == "R":
        fields = decode(rest[0])
        return TRow(tuple((str(lbl), t) for lbl, t in fields), decode(rest[1]))
    if tag == "K":
        return TSkolem(_str(rest[0]), _int(rest[1]), _int(rest[2]))
    if tag == "V":
        return TVar(fresh_id(), 0)
    if tag == "E":
        cls = _ENUMS.get(_str(rest[0]))
        if cls is None:
            raise ValueError(f"unknown enum {rest[0]!r} in snapshot")
        return cls(rest[1])
    if tag.startswith("D:"):
        dc = _CLASSES.get(tag[2:])
        if dc is None:
            raise ValueError(f"unknown class {tag[2:]!r} in snapshot")
        names = [f.name for f in dataclasses.fields(dc) if f.init]
        if len(rest) != len(names):
            raise ValueError(f"malformed {tag[2:]} in snapshot")
        return dc(**{n: decode(x) for n, x in zip(names, rest, strict=True)})
    raise ValueError(f"unknown tag {tag!r} in snapshot")


def _str(v: Any) -> str:
    if not isinstance(v, str):
        raise ValueError("malformed snapshot value: expected a string")
    return v


def _int(v: Any) -> int:
    if not isinstance(v, int):
        raise ValueError("malformed snapshot value: expected an integer")
    return v


def converter() -> cattrs.Converter:
    """A converter with hooks for the registry's marker types (schemes, typed ASTs, module environments)."""
    from registry import SnapshotAst, SnapshotEnv, SnapshotScheme

    conv = cattrs.Converter()
    for marker in (SnapshotScheme, SnapshotAst, SnapshotEnv):
        conv.register_unstructure_hook(marker, encode)
        conv.register_structure_hook(marker, lambda data, _t: decode(data))
    return conv
