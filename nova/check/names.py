"""Unqualified value names a piece of syntax mentions (for binding-group dependency order).

An over-approximation (local shadowing is ignored): at worst two bindings land in one group, which only makes
inference of that group monomorphic in each other, never unsound.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any

from nova.syntax import ast

_FIELDS: dict[type, tuple[str, ...] | None] = {}
_CACHE: dict[str, frozenset[str]] = {}
_CACHE_LIMIT = 100_000


def _node_fields(cls: type) -> tuple[str, ...] | None:
    try:
        return _FIELDS[cls]
    except KeyError:
        pass
    names: tuple[str, ...] | None = None
    if is_dataclass(cls) and cls.__module__ == "nova.syntax.ast" and cls not in _TYPE_NODES:
        names = tuple(
            f.name for f in fields(cls) if not f.name.endswith("span") and f.name not in ("doc", "fingerprint")
        )
    _FIELDS[cls] = names
    return names


def free_names_cached(decls: Any, fingerprint: str) -> frozenset[str]:
    """`free_names` memoised by the declarations' fingerprint (a hash of their tokens)."""
    if fingerprint:
        got = _CACHE.get(fingerprint)
        if got is not None:
            return got
    names = frozenset(free_names(decls))
    if fingerprint:
        if len(_CACHE) >= _CACHE_LIMIT:
            _CACHE.clear()
        _CACHE[fingerprint] = names
    return names


def free_names(root: Any) -> set[str]:
    out: set[str] = set()
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        tn = type(node)
        if tn is tuple or tn is list:
            stack.extend(node)
            continue
        if tn is ast.Var or tn is ast.OperatorRef or tn is ast.Operator:
            if node.qualifier is None:
                out.add(node.name)
            continue
        names = _node_fields(tn)
        if names is None:
            continue
        if tn is ast.Do and node.qualifier is None:
            out.add("bind")
            out.add("discard")
        for f in names:
            v = getattr(node, f)
            if v is not None and not isinstance(v, (str, int, float, bool)):
                stack.append(v)
    return out


# Subtrees that cannot mention a value: types, patterns (constructors are not binding-group dependencies),
# literals and local signatures.
_TYPE_NODES = {
    ast.PatVar,
    ast.PatWildcard,
    ast.PatLiteral,
    ast.PatConstructor,
    ast.PatArray,
    ast.PatRecord,
    ast.PatNamed,
    ast.PatParen,
    ast.PatTyped,
    ast.PatOpChain,
    ast.PatBinOp,
    ast.IntLit,
    ast.NumberLit,
    ast.StringLit,
    ast.CharLit,
    ast.BoolLit,
    ast.LocalSignature,
    ast.Constructor,
    ast.Hole,
    ast.TypeVar,
    ast.TypeCon,
    ast.TypeApp,
    ast.TypeFun,
    ast.TypeForall,
    ast.TypeConstrained,
    ast.TypeRecord,
    ast.TypeRow,
    ast.TypeParen,
    ast.TypeOpChain,
    ast.TypeBinOp,
}
