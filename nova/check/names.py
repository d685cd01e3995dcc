"""Unqualified value names a piece of syntax mentions (for binding-group dependency order).

An over-approximation (local shadowing is ignored): at worst two bindings land in one group, which only makes
inference of that group monomorphic in each other, never unsound.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any

from nova.syntax import ast


def free_names(root: Any) -> set[str]:
    out: set[str] = set()
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, (list, tuple)):
            stack.extend(node)
            continue
        if not is_dataclass(node) or isinstance(node, type):
            continue
        tn = type(node)
        if tn is ast.Var or tn is ast.OperatorRef or tn is ast.Operator:
            if node.qualifier is None:
                out.add(node.name)
            continue
        if tn is ast.Do and node.qualifier is None:
            out.add("bind")
            out.add("discard")
        if tn in _TYPE_NODES:
            continue
        for f in fields(node):
            v = getattr(node, f.name)
            if isinstance(v, (tuple, list)) or (is_dataclass(v) and type(v).__name__ != "Span"):
                stack.append(v)
    return out


_TYPE_NODES = {
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
