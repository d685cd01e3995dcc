"""PureScript-style printing of types and schemes.

Variables are named `a`, `b`, … in order of first appearance (row variables `r`, `r1`, …), record labels are
printed in alphabetical order with the row variable last, constraints as `Show a =>` or `(Eq a, Show a) =>`.
"""

from __future__ import annotations

import re

from nova.types.types import (
    T_ARROW,
    T_RECORD,
    Constraint,
    Scheme,
    TApp,
    TBound,
    TCon,
    TForall,
    TFun,
    TGen,
    TRow,
    TSkolem,
    TVar,
    Type,
    prune,
    split_app,
)
from nova.types.unify import flatten_row

_LABEL_OK = re.compile(r"^[a-z_][A-Za-z0-9_']*$")

VarKey = tuple[str, int] | tuple[str, int, str]


def _var_key(t: Type) -> VarKey | None:
    if isinstance(t, TGen):
        return ("g", t.index)
    if isinstance(t, TVar):
        return ("v", t.id)
    if isinstance(t, TSkolem):
        return ("s", t.id)
    return None


class Namer:
    """Assigns readable names to variables in order of first appearance, row variables apart."""

    def __init__(self) -> None:
        self.names: dict[VarKey, str] = {}
        self.order: list[VarKey] = []
        self.rows: set[VarKey] = set()
        self.skolem_names: dict[VarKey, str] = {}
        # (expansion, name) of parameterless type synonyms to print by name (error messages keep user aliases)
        self.aliases: list[tuple[Type, str]] = []
        self._plain = 0
        self._row = 0
        # while printing a quantified type: its variables' keys, innermost last
        self.bound: list[dict[str, VarKey]] = []

    def scan(self, t: Type) -> None:
        """Record appearance order and which variables stand for rows (tails, arguments of `Record`)."""
        stack: list[tuple[Type, bool, dict[str, VarKey] | None]] = [(t, False, None)]
        while stack:
            node, is_row, env = stack.pop()
            n = prune(node)
            if type(n) is TBound or type(n) is TForall:
                self._scan_bound(n, is_row, env, stack)
                continue
            key = _var_key(n)
            if key is not None:
                if key not in self.names:
                    self.names[key] = ""
                    self.order.append(key)
                    if isinstance(n, TSkolem) and n.name and n.name[:1].islower():
                        self.skolem_names[key] = n.name
                if is_row:
                    self.rows.add(key)
                continue
            if isinstance(n, TFun):
                stack.append((n.res, False, env))
                stack.append((n.arg, False, env))
            elif isinstance(n, TApp):
                stack.append((n.arg, prune(n.fn) == T_RECORD, env))
                stack.append((n.fn, False, env))
            elif isinstance(n, TRow):
                fields, tail = flatten_row(n)
                if tail is not None:
                    stack.append((tail, True, env))
                for _, ft in reversed(fields):
                    stack.append((ft, False, env))

    def _scan_bound(
        self,
        n: Type,
        is_row: bool,
        env: dict[str, VarKey] | None,
        stack: list[tuple[Type, bool, dict[str, VarKey] | None]],
    ) -> None:
        """A quantified type's variables are named like the others, by appearance, keyed by their binder."""
        if isinstance(n, TBound):
            key = env.get(n.name) if env is not None else None
            if key is not None:
                if key not in self.names:
                    self.names[key] = ""
                    self.order.append(key)
                if is_row:
                    self.rows.add(key)
            return
        assert isinstance(n, TForall)
        inner = dict(env or {})
        for v in n.vars:  # (named in the order the quantifier lists them)
            key = inner[v] = ("b", id(n), v)
            if key not in self.names:
                self.names[key] = ""
                self.order.append(key)
        stack.append((n.body, False, inner))
        for c in reversed(n.constraints):
            for a in reversed(c.args):
                stack.append((a, False, inner))

    def bound_name(self, t: TBound) -> str:
        for env in reversed(self.bound):
            key = env.get(t.name)
            if key is not None:
                got = self.names.get(key)
                if not got:
                    self.names[key] = got = _letters(self._plain)
                    self._plain += 1
                return got
        return t.name

    def finish(self) -> None:
        """Skolems keep the name their signature gave them (when unambiguous); others get `a`, `b`, …"""
        taken: set[str] = set()
        counts: dict[str, int] = {}
        for name in self.skolem_names.values():
            counts[name] = counts.get(name, 0) + 1
        for key, name in self.skolem_names.items():
            if counts[name] == 1:
                self.names[key] = name
                taken.add(name)
        # the variables of quantified types inside the type are named after the others (`forall a. (forall b. …`)
        ordered = [k for k in self.order if k[0] != "b"] + [k for k in self.order if k[0] == "b"]
        for key in ordered:
            if self.names[key]:
                continue
            while True:
                candidate = ("r" if self._row == 0 else f"r{self._row}") if key in self.rows else _letters(self._plain)
                if candidate not in taken:
                    break
                if key in self.rows:
                    self._row += 1
                else:
                    self._plain += 1
            if key in self.rows:
                self.names[key] = "r" if self._row == 0 else f"r{self._row}"
                self._row += 1
            else:
                self.names[key] = _letters(self._plain)
                self._plain += 1

    def name(self, t: Type) -> str:
        key = _var_key(t)
        assert key is not None
        got = self.names.get(key)
        if not got:
            self.names[key] = got = _letters(self._plain)
            self._plain += 1
        return got


def _letters(i: int) -> str:
    base = "abcdefghijklmnopqstuvwxyz"  # no 'r': reserved for rows
    if i < len(base):
        return base[i]
    return f"{base[i % len(base)]}{i // len(base)}"


def _label(label: str) -> str:
    return label if _LABEL_OK.match(label) else '"' + label.replace('"', '\\"') + '"'


def _row_body(t: Type, namer: Namer) -> tuple[str, str | None]:
    fields, tail = flatten_row(t)
    parts = ", ".join(f"{_label(lbl)} :: {_fmt(ft, namer, 0)}" for lbl, ft in sorted(fields, key=lambda f: f[0]))
    tail_s: str | None = None
    if tail is not None:
        tail_s = _fmt(tail, namer, 2)
    return parts, tail_s


def _fmt(t: Type, namer: Namer, prec: int) -> str:
    """prec 0: top, 1: function argument, 2: type-application argument."""
    t = prune(t)
    if namer.aliases and isinstance(t, (TApp, TFun)):
        from nova.types.classes import types_equal

        for expansion, alias in namer.aliases:
            if types_equal(t, expansion):
                return alias
    if isinstance(t, (TGen, TVar, TSkolem)):
        return namer.name(t)
    if isinstance(t, TBound):
        return namer.bound_name(t)
    if isinstance(t, TForall):
        namer.bound.append({v: ("b", id(t), v) for v in t.vars})
        try:
            quantifier = f"forall {' '.join(namer.bound_name(TBound(v)) for v in t.vars)}. " if t.vars else ""
            text = quantifier + print_constraints(t.constraints, namer) + _fmt(t.body, namer, 0)
        finally:
            namer.bound.pop()
        return f"({text})" if prec >= 1 else text
    if isinstance(t, TCon):
        return "(->)" if t == T_ARROW else t.name
    if isinstance(t, TFun):
        s = f"{_fmt(t.arg, namer, 1)} -> {_fmt(t.res, namer, 0)}"
        return f"({s})" if prec >= 1 else s
    if isinstance(t, TRow):
        parts, tail = _row_body(t, namer)
        if not parts and tail is None:
            return "()"
        if not parts:
            return f"( | {tail} )"
        return f"( {parts} | {tail} )" if tail else f"( {parts} )"
    if isinstance(t, TApp):
        head, args = split_app(t)
        if head == T_ARROW and len(args) == 2:
            return _fmt(TFun(args[0], args[1]), namer, prec)
        if head == T_RECORD and len(args) == 1 and isinstance(prune(args[0]), TRow):
            parts, tail = _row_body(args[0], namer)
            if not parts:
                if tail is None:
                    return "{}"
                rec = f"Record {tail}"
                return f"({rec})" if prec >= 2 else rec
            return f"{{ {parts} | {tail} }}" if tail else f"{{ {parts} }}"
        s = " ".join([_fmt(head, namer, 2)] + [_fmt(a, namer, 2) for a in args])
        return f"({s})" if prec >= 2 else s
    return "?"


def _constraint(c: Constraint, namer: Namer) -> str:
    return " ".join([c.cls, *(_fmt(a, namer, 2) for a in c.args)])


def print_constraint(cls: str, args: tuple[Type, ...] | list[Type], namer: Namer | None = None) -> str:
    """`Class arg1 arg2` with the arguments parenthesised where needed (a diagnostic's constraint)."""
    if namer is None:
        namer = Namer()
        for a in args:
            namer.scan(a)
        namer.finish()
    return " ".join([cls, *(_fmt(a, namer, 2) for a in args)])


def print_type(t: Type, namer: Namer | None = None) -> str:
    if namer is None:
        namer = Namer()
        namer.scan(t)
        namer.finish()
    return _fmt(t, namer, 0)


def print_constraints(cs: tuple[Constraint, ...] | list[Constraint], namer: Namer) -> str:
    if not cs:
        return ""
    if len(cs) == 1:
        return f"{_constraint(cs[0], namer)} => "
    return "(" + ", ".join(_constraint(c, namer) for c in cs) + ") => "


def print_scheme(scheme: Scheme) -> str:
    """Canonical form: variables named in order of appearance in the type (then the constraints), constraints
    sorted by class name then printed argument, duplicates dropped."""
    namer = Namer()
    namer.scan(scheme.type)
    for c in scheme.constraints:
        for a in c.args:
            namer.scan(a)
    namer.finish()
    quantified = [k for k in namer.order if k[0] == "g"]
    head = ""
    if quantified:
        head = "forall " + " ".join(namer.names[k] for k in quantified) + ". "
    printed = sorted({(c.cls, " ".join(_fmt(a, namer, 2) for a in c.args)) for c in scheme.constraints})
    texts = [f"{c} {t}" if t else c for c, t in printed]
    cons = ""
    if len(texts) == 1:
        cons = f"{texts[0]} => "
    elif texts:
        cons = "(" + ", ".join(texts) + ") => "
    return head + cons + _fmt(scheme.type, namer, 0)


class KindNamer:
    """Names kind variables `k`, `k1`, `k2`, … in order of first appearance; a rigid one (from a kind signature)
    keeps the name its signature gave it."""

    def __init__(self) -> None:
        self.names: dict[VarKey, str] = {}

    def name(self, k: Type) -> str:
        key = _var_key(k)
        assert key is not None
        got = self.names.get(key)
        if got is None:
            if isinstance(k, TSkolem) and k.name:
                got = k.name
            else:
                n = sum(1 for v in self.names if v[0] != "s")
                got = "k" if n == 0 else f"k{n}"
            self.names[key] = got
        return got


def _kind(k: Type, namer: KindNamer, prec: int) -> str:
    """prec 0: top, 1: left of an arrow, 2: argument of an application."""
    k = prune(k)
    if isinstance(k, (TGen, TVar, TSkolem)):
        return namer.name(k)
    if isinstance(k, TFun):
        s = f"{_kind(k.arg, namer, 1)} -> {_kind(k.res, namer, 0)}"
        return f"({s})" if prec >= 1 else s
    if isinstance(k, TApp):
        head, args = split_app(k)
        if head == T_ARROW and len(args) == 2:
            return _kind(TFun(args[0], args[1]), namer, prec)
        s = " ".join([_kind(head, namer, 2)] + [_kind(a, namer, 2) for a in args])
        return f"({s})" if prec >= 2 else s
    if isinstance(k, TCon):
        return k.name
    if isinstance(k, TRow):
        return _fmt(k, Namer(), prec)
    return "?"


def print_kind(k: Type, namer: KindNamer | None = None) -> str:
    """A kind as PureScript writes it (`Type -> Type`, `Row Type`, `k -> Type`); unknowns are named `k`, `k1`, …"""
    return _kind(k, namer if namer is not None else KindNamer(), 0)


def print_kind_scheme(k: Type) -> str:
    """A declared or inferred kind with its quantified variables: `forall k. (k -> Type) -> k -> Type`."""
    namer = KindNamer()
    body = _kind(k, namer, 0)
    quantified = [name for key, name in namer.names.items() if key[0] == "g"]
    return f"forall {' '.join(quantified)}. {body}" if quantified else body
