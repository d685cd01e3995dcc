"""A signature's display type (synonyms applied, names as written, labels in written order) built by a plain walk
of the written type: no kinds inferred, no unknowns made. The checker translates each signature that uses a synonym
or a qualified name a second time for printing; in a module full of synonyms that second translation, with its
kind inference, was a tenth of the check. The walk answers for the usual shapes of types and gives up (None) on
the rest — operator chains, constraints below the top, wildcards, unknown names — which the full translation in
display mode then handles as before, so both give the same display type."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from nova.check.typeconv import _normalise_fun, shown_name
from nova.syntax import ast
from nova.types.types import T_ARROW, T_RECORD, TApp, TBound, TCon, TForall, TFun, TRow, Type

_WRAPPERS = (ast.TypeParen, ast.TypeKinded)
_APPLIED = (ast.TypeApp, ast.TypeCon, ast.TypeBinOp, ast.TypeOperator)
_APP_HEADS = (ast.TypeApp, ast.TypeCon)
_NAMED = (ast.TypeCon, ast.TypeOperator)

MAX_DEPTH = 200
"""Nesting the walk follows before leaving a type to the full translation (which bounds and reports depth)."""


class _GiveUp(Exception):
    """A shape the walk leaves to the full translation."""


def light_display(
    body: ast.Type, tvars: Mapping[str, Any], lookup_type: Callable[[Any], Any]
) -> Type | None:
    """The display type of a signature's body (below its `forall` and constraints), or None when the full
    translation must make it. `tvars` maps the signature's variables to their entries (`.type`); `lookup_type`
    resolves a written type constructor or operator to its `TypeInfo` (None: unknown)."""
    try:
        return _Walk(tvars, lookup_type).go(body, 0)
    except _GiveUp:
        return None


class _Walk:
    __slots__ = ("bound", "infos", "lookup_type", "tvars")

    def __init__(self, tvars: Mapping[str, Any], lookup_type: Callable[[Any], Any]) -> None:
        self.tvars = tvars
        self.lookup_type = lookup_type
        self.bound: dict[str, Type] = {}
        self.infos: dict[tuple[type, str, str | None], Any] = {}  # (a name written twice is resolved once)

    def go(self, t: ast.Type, depth: int) -> Type:
        if depth > MAX_DEPTH:
            raise _GiveUp
        depth += 1
        if isinstance(t, _APPLIED):
            return self.app(t, depth)
        if isinstance(t, _WRAPPERS):
            return self.go(t.type, depth)
        if isinstance(t, ast.TypeVar):
            found = self.bound.get(t.name)
            if found is not None:
                return found
            entry = self.tvars.get(t.name)
            if entry is None:
                raise _GiveUp
            return entry.type  # type: ignore[no-any-return]
        if isinstance(t, ast.TypeFun):
            return TFun(self.go(t.arg, depth), self.go(t.result, depth))
        if isinstance(t, ast.TypeRecord):
            return TApp(T_RECORD, self.row(t.row, depth))
        if isinstance(t, ast.TypeRow):
            return self.row(t.row, depth)
        if isinstance(t, ast.TypeForall):
            return self.forall(t, depth)
        if isinstance(t, ast.TypeArrow):
            return T_ARROW
        if isinstance(t, ast.TypeString):
            return TCon(json.dumps(t.value))
        if isinstance(t, ast.TypeInt):
            return TCon(str(t.value))
        raise _GiveUp  # operator chains, constraints, wildcards and holes

    def row(self, row: ast.Row, depth: int) -> Type:
        fields = tuple((f.label, self.go(f.type, depth)) for f in row.fields)
        tail = self.go(row.tail, depth) if row.tail is not None else None
        return TRow(fields, tail)

    def forall(self, t: ast.TypeForall, depth: int) -> Type:
        if any(b.name in self.bound for b in t.vars):
            raise _GiveUp  # (shadowing: left to the full translation)
        names: list[str] = []
        for b in t.vars:
            self.bound[b.name] = TBound(b.name)
            if b.name not in names:
                names.append(b.name)
        try:
            body = self.go(t.body, depth)
        finally:
            for b in t.vars:
                self.bound.pop(b.name, None)
        return TForall(tuple(names), (), body) if names else body

    def app(self, t: ast.Type, depth: int) -> Type:
        args: list[ast.Type] = []
        head: Any = t
        while True:
            if isinstance(head, ast.TypeApp):
                args.append(head.arg)
                head = head.fn
            elif isinstance(head, ast.TypeParen) and isinstance(head.type, _APP_HEADS):
                head = head.type
            else:
                break
        args.reverse()
        if isinstance(head, ast.TypeBinOp):
            args = [head.left, head.right, *args]
            head = head.op
        if not isinstance(head, _NAMED):
            ty = self.go(head, depth)
            for a in args:
                ty = TApp(ty, self.go(a, depth))
            return _normalise_fun(ty)
        known = (type(head), head.name, head.qualifier)
        info = self.infos.get(known)
        if info is None:
            info = self.infos[known] = self.lookup_type(head)
        if info is None:
            raise _GiveUp
        ty = TCon(shown_name(head, info, len(args)), info.module)
        for a in args:
            ty = TApp(ty, self.go(a, depth))
        return ty if info.synonym is not None else _normalise_fun(ty)
