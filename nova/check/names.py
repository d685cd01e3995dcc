"""Unqualified value names a piece of syntax mentions (for binding-group dependency order).

An over-approximation (local shadowing is ignored): at worst two bindings land in one group, which only makes
inference of that group monomorphic in each other, never unsound.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any

from nova.syntax import ast

_WALKERS: dict[type, Any] = {}
_CACHE: dict[str, frozenset[str]] = {}
_CACHE_LIMIT = 100_000
_SCALAR_ANNOTATIONS = frozenset({"bool", "float", "int", "str", "str | None", "Span", "Span | None"})


def _skip(node: Any, push: Any, extend: Any, out: set[str]) -> None:
    return None


def _name_ref(node: Any, push: Any, extend: Any, out: set[str]) -> None:
    if node.qualifier is None:
        out.add(node.name)


def _walker(cls: type) -> Any:
    """A small generated function that pushes the child nodes of one syntax class (made once per class)."""
    walker: Any = _skip
    if cls is ast.Var or cls is ast.OperatorRef or cls is ast.Operator:
        walker = _name_ref
    elif is_dataclass(cls) and cls.__module__ == "nova.syntax.ast" and cls not in _TYPE_NODES:
        lines = ["def walk(n, push, extend, out):"]
        if cls is ast.Do:
            lines += ["    if n.qualifier is None:", "        out.add('bind')", "        out.add('discard')"]
        elif cls is ast.Ado:
            lines += ["    if n.qualifier is None:", "        out.update(('map', 'apply', 'pure'))"]
        for f in fields(cls):
            ann = str(f.type)
            if f.name.endswith("span") or f.name in ("doc", "fingerprint", "layout") or ann in _SCALAR_ANNOTATIONS:
                continue
            lines.append(f"    v = n.{f.name}")
            lines.append("    if v is not None:")
            lines.append(f"        {'extend' if ann.startswith('tuple[') else 'push'}(v)")
        lines.append("    return None")
        namespace: dict[str, Any] = {}
        exec("\n".join(lines), namespace)
        walker = namespace["walk"]
    _WALKERS[cls] = walker
    return walker


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
    pop = stack.pop
    push = stack.append
    extend = stack.extend
    walkers = _WALKERS
    while stack:
        node = pop()
        tn = type(node)
        if tn is tuple or tn is list:
            extend(node)
            continue
        walker = walkers.get(tn)
        if walker is None:
            walker = _walker(tn)
        walker(node, push, extend, out)
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
    ast.TypeWildcard,
    ast.TypeHole,
    ast.TypeString,
    ast.TypeInt,
    ast.TypeArrow,
    ast.TypeKinded,
    ast.TypedHole,
}
