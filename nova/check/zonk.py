"""Zonking: replace unification cells by what they stand for, once per finished declaration.

After zonking, a typed tree holds only immutable types; quantified variables (and any variable left unsolved)
become `TGen` indices, and skolems of a signature become the `TGen` of the scheme variable they stand for.
Also: shifting every span of a reused typed tree when its declaration only moved by whole lines.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from typing import Any

from nova.diagnostics import Diagnostic, Related, Span
from nova.types.types import TApp, TCon, TFun, TGen, TRow, TSkolem, TVar, Type, prune


class Zonker:
    """Maps cells and skolems to `TGen` indices; `mapping` is pre-filled with the scheme's own variables."""

    __slots__ = ("mapping", "next")

    def __init__(self, mapping: dict[int, int] | None = None, start: int = 0) -> None:
        self.mapping: dict[int, int] = mapping if mapping is not None else {}
        self.next = max([start, *[i + 1 for i in self.mapping.values()]])

    def _index(self, key: int) -> int:
        got = self.mapping.get(key)
        if got is None:
            got = self.mapping[key] = self.next
            self.next += 1
        return got

    def type(self, t: Type) -> Type:
        t = prune(t)
        tt = type(t)
        if tt is TCon or tt is TGen:
            return t
        if tt is TVar:
            assert isinstance(t, TVar)
            return TGen(self._index(t.id))
        if tt is TSkolem:
            assert isinstance(t, TSkolem)
            return TGen(self._index(t.id))
        if tt is TFun:
            assert isinstance(t, TFun)
            return TFun(self.type(t.arg), self.type(t.res))
        if tt is TApp:
            assert isinstance(t, TApp)
            return TApp(self.type(t.fn), self.type(t.arg))
        if tt is TRow:
            assert isinstance(t, TRow)
            from nova.types.unify import flatten_row

            flds, tail = flatten_row(t)
            return TRow(tuple((lbl, self.type(ft)) for lbl, ft in flds), self.type(tail) if tail is not None else None)
        return t

    def tree(self, root: Any) -> None:
        """Zonk the `type` field of every node reachable from `root` (typed-tree dataclasses, tuples)."""
        stack: list[Any] = [root]
        while stack:
            node = stack.pop()
            if isinstance(node, tuple):
                stack.extend(node)
                continue
            if not is_dataclass(node) or isinstance(node, type):
                continue
            for f in fields(node):
                v = getattr(node, f.name)
                if f.name == "type" and isinstance(v, Type):
                    setattr(node, f.name, self.type(v))
                elif isinstance(v, tuple) or (is_dataclass(v) and not isinstance(v, (Span,))):
                    if f.name in ("scheme", "instance", "class_info"):
                        continue
                    stack.append(v)


def shift_tree(root: Any, delta: int) -> Any:
    """A copy of a typed tree (or any dataclass/tuple structure) with every `Span` moved by `delta` lines."""
    if delta == 0:
        return root
    memo: dict[int, Any] = {}

    def go(v: Any) -> Any:
        if isinstance(v, Span):
            return Span(v.start_line + delta, v.start_col, v.end_line + delta, v.end_col)
        if isinstance(v, tuple):
            return tuple(go(x) for x in v)
        if isinstance(v, frozenset):
            return v
        if is_dataclass(v) and not isinstance(v, type):
            key = id(v)
            if key in memo:
                return memo[key]
            if type(v).__module__.startswith("nova.types"):
                return v  # schemes, evidence, class/instance infos hold no spans
            changes = {f.name: go(getattr(v, f.name)) for f in fields(v) if f.init}
            out = replace(v, **changes)
            memo[key] = out
            return out
        return v

    return go(root)


def shift_diagnostic(d: Diagnostic, delta: int) -> Diagnostic:
    if delta == 0:
        return d

    def mv(s: Span) -> Span:
        return Span(s.start_line + delta, s.start_col, s.end_line + delta, s.end_col)

    return Diagnostic(
        mv(d.span), d.severity, d.code, d.message, tuple(Related(mv(r.span), r.message, r.module) for r in d.related)
    )
