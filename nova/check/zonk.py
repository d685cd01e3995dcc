"""Zonking: replace unification cells by what they stand for, once per finished declaration.

After zonking, a typed tree holds only immutable types; quantified variables (and any variable left unsolved)
become `TGen` indices, and skolems of a signature become the `TGen` of the scheme variable they stand for.
Also: shifting every span of a reused typed tree when its declaration only moved by whole lines.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from typing import Any

from nova.diagnostics import Diagnostic, Related, Span
from nova.shift import shift_lines
from nova.types.types import TApp, TCon, TForall, TFun, TGen, TRow, TSkolem, TVar, Type, iter_type, prune


class Zonker:
    """Maps cells and skolems to `TGen` indices; `mapping` is pre-filled with the scheme's own variables."""

    __slots__ = ("keep_skolems", "mapping", "memo", "next")

    def __init__(self, mapping: dict[int, int] | None = None, start: int = 0, keep_skolems: bool = False) -> None:
        self.keep_skolems = keep_skolems
        self.mapping: dict[int, int] = mapping if mapping is not None else {}
        self.next = max([start, *[i + 1 for i in self.mapping.values()]])
        self.memo: dict[int, Type] = {}

    def _index(self, key: int) -> int:
        got = self.mapping.get(key)
        if got is None:
            got = self.mapping[key] = self.next
            self.next += 1
        return got

    def type(self, t: Type) -> Type:
        """The immutable form of `t`; every distinct object is zonked once, unchanged subtrees are shared."""
        tt = type(t)
        if tt is TCon or tt is TGen:
            return t
        key = id(t)
        memo = self.memo
        got = memo.get(key)
        if got is not None:
            return got
        out: Type
        # leaves (constructors, quantified variables) are returned in place, without a call
        if tt is TFun:
            assert isinstance(t, TFun)
            a0 = t.arg
            r0 = t.res
            ta = type(a0)
            a = a0 if (ta is TCon or ta is TGen) else self.type(a0)
            tr = type(r0)
            r = r0 if (tr is TCon or tr is TGen) else self.type(r0)
            out = t if (a is a0 and r is r0) else TFun(a, r)
        elif tt is TVar:
            assert isinstance(t, TVar)
            out = self.type(prune(t)) if t.ref is not None else TGen(self._index(t.id))
        elif tt is TApp:
            assert isinstance(t, TApp)
            f0 = t.fn
            a0 = t.arg
            tf = type(f0)
            f = f0 if (tf is TCon or tf is TGen) else self.type(f0)
            ta = type(a0)
            a = a0 if (ta is TCon or ta is TGen) else self.type(a0)
            out = t if (f is f0 and a is a0) else TApp(f, a)
        elif tt is TSkolem:
            assert isinstance(t, TSkolem)
            out = t if self.keep_skolems else TGen(self._index(t.id))
        elif tt is TRow:
            assert isinstance(t, TRow)
            from nova.types.unify import flatten_row

            flds, tail = flatten_row(t)
            out = TRow(tuple((lbl, self.type(ft)) for lbl, ft in flds), self.type(tail) if tail is not None else None)
        elif tt is TForall:
            assert isinstance(t, TForall)
            from nova.types.types import Constraint

            cs = tuple(Constraint(c.module, c.cls, tuple(self.type(a) for a in c.args)) for c in t.constraints)
            out = TForall(t.vars, cs, self.type(t.body))
        else:
            out = t
        memo[key] = out
        return out

    def tree(self, root: Any) -> None:
        """Zonk the `type` field of every node reachable from `root` (typed-tree dataclasses, tuples)."""
        stack: list[Any] = [root]
        pop = stack.pop
        push = stack.append
        extend = stack.extend
        zonk = self.type
        walkers = _WALKERS
        while stack:
            node = pop()
            tn = type(node)
            if tn is tuple:
                extend(node)
                continue
            walker = walkers.get(tn)
            if walker is None:
                walker = _make_walker(tn)
            walker(node, push, zonk)


_WALKERS: dict[type, Any] = {}
_SKIP_FIELDS = frozenset(
    {
        "span",
        "name_span",
        "instance",
        "class_info",
        "target",
        "binder",
        "evidence",
        "super_evidence",
        "reads",
        "kind_of",
        "alias",
        "fixity",
        "cls",
    }
)
_NODE_WORDS = ("Expr", "Pattern", "Alt", "Rhs", "Branch", "Guard", "Binding", "Clause", "FieldUpdate")


def settled(t: Type, zonker: Zonker) -> Type | None:
    """`t` zonked when no unknown is left in it, else None: a kind written in a signature that the signature
    fixed (`Type`, another of its variables), kept in its scheme; one still open says nothing worth keeping."""
    for node in iter_type(t):
        if type(node) is TVar:
            return None
    return zonker.type(t)


def _zonk_scheme(sc: Any, zonk: Any) -> Any:
    from nova.types.types import Constraint, Scheme

    return Scheme(
        sc.arity,
        tuple(Constraint(c.module, c.cls, tuple(zonk(a) for a in c.args)) for c in sc.constraints),
        zonk(sc.type),
        sc.names,
        sc.visible,
        # (as written: a scoped variable of the enclosing signature in it is that signature's, zonked as the type)
        zonk(sc.display) if sc.display is not None else None,
        tuple(zonk(k) if k is not None else None for k in sc.kinds),
    )


def _noop(node: Any, push: Any, zonk: Any) -> None:
    return None


def _make_walker(cls: type) -> Any:
    """A small generated function that zonks a node's `type` and pushes its child nodes (one per class)."""
    walker: Any = _noop
    if is_dataclass(cls) and cls.__module__ == "nova.check.typed":
        lines = ["def walk(n, push, zonk):"]
        for f in fields(cls):
            if f.name in _SKIP_FIELDS:
                continue
            ann = str(f.type)
            if f.name == "type":
                lines.append("    n.type = zonk(n.type)")
            elif f.name == "scheme" and cls.__name__ == "Binding":
                lines.append("    if n.scheme is not None:")
                lines.append("        n.scheme = zonk_scheme(n.scheme, zonk)")
            elif any(w in ann for w in _NODE_WORDS):
                lines.append(f"    v = n.{f.name}")
                lines.append("    if v is not None:")
                lines.append("        push(v)")
        lines.append("    return None")
        namespace: dict[str, Any] = {"zonk_scheme": _zonk_scheme}
        exec("\n".join(lines), namespace)
        walker = namespace["walk"]
    _WALKERS[cls] = walker
    return walker


def shift_tree(root: Any, delta: int) -> Any:
    """A copy of a typed tree (or any dataclass/tuple structure) with every `Span` moved by `delta` lines."""
    return shift_lines(root, delta)


def shift_diagnostic(d: Diagnostic, delta: int) -> Diagnostic:
    if delta == 0:
        return d

    def mv(s: Span) -> Span:
        return Span(s.start_line + delta, s.start_col, s.end_line + delta, s.end_col)

    def moved(value: Any) -> Any:
        if isinstance(value, Span):
            return mv(value)
        if isinstance(value, Mapping):
            return {k: moved(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [moved(v) for v in value]
        return value

    return Diagnostic(
        mv(d.span),
        d.severity,
        d.code,
        d.message,
        tuple(Related(mv(r.span), r.message, r.module) for r in d.related),
        d.unnecessary,
        moved(d.data) if d.data is not None else None,
    )
