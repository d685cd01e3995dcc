"""Type classes: class and instance descriptions, instance matching and constraint reduction with evidence.

A `Wanted` is one constraint arising at a use site. Reduction fills its `solution` with a given's evidence or with
an instance plus the wanted constraints of that instance's context; the frozen `Evidence` tree is built once at
the end of a declaration (`to_evidence`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from nova.diagnostics import Span
from nova.types.evidence import Evidence, InstanceEv, SuperEv
from nova.types.types import (
    Constraint,
    TApp,
    TCon,
    TFun,
    TGen,
    TRow,
    TSkolem,
    TVar,
    Type,
    fresh_id,
    prune,
    split_app,
)
from nova.types.unify import flatten_row


@dataclass(frozen=True, slots=True)
class ClassInfo:
    """A single-parameter class; `supers` and method schemes are stated over `TGen(0)`."""

    module: str
    name: str
    param: str
    supers: tuple[Constraint, ...]
    methods: tuple[str, ...]
    kind: Type


@dataclass(frozen=True, slots=True)
class InstanceInfo:
    """An instance `context => cls head`, `head` and `context` over `TGen(0..arity-1)`."""

    module: str
    key: str
    name: str
    cls_module: str
    cls: str
    arity: int
    head: Type
    context: tuple[Constraint, ...]


class Wanted:
    """A constraint to solve, from the use site at `span`; `solution` is filled by reduction."""

    __slots__ = ("cls", "module", "solution", "span", "type")

    def __init__(self, module: str, cls: str, type: Type, span: Span) -> None:
        self.module = module
        self.cls = cls
        self.type = type
        self.span = span
        self.solution: Evidence | tuple[InstanceInfo, list[Wanted]] | Wanted | None = None


@dataclass(slots=True)
class Given:
    """A constraint available as a dictionary (a signature's context, or a superclass of one)."""

    module: str
    cls: str
    type: Type
    evidence: Evidence


def types_equal(a: Type, b: Type) -> bool:
    """Structural equality after pruning (no binding)."""
    stack = [(a, b)]
    while stack:
        x, y = stack.pop()
        x = prune(x)
        y = prune(y)
        if x is y:
            continue
        tx = type(x)
        if tx is not type(y):
            if tx in (TFun, TApp) and type(y) in (TFun, TApp):
                return False
            return False
        if isinstance(x, TFun):
            assert isinstance(y, TFun)
            stack.append((x.arg, y.arg))
            stack.append((x.res, y.res))
        elif isinstance(x, TApp):
            assert isinstance(y, TApp)
            stack.append((x.fn, y.fn))
            stack.append((x.arg, y.arg))
        elif isinstance(x, TRow):
            assert isinstance(y, TRow)
            fx, tx_ = flatten_row(x)
            fy, ty_ = flatten_row(y)
            if [f for f, _ in fx] != [f for f, _ in fy]:
                return False
            for (_, t1), (_, t2) in zip(fx, fy, strict=True):
                stack.append((t1, t2))
            if (tx_ is None) != (ty_ is None):
                return False
            if tx_ is not None and ty_ is not None:
                stack.append((tx_, ty_))
        elif isinstance(x, (TCon, TSkolem, TGen)):
            if x != y:
                return False
        else:
            return False  # distinct unbound variables
    return True


NOMATCH = 0
MATCH = 1
STUCK = 2


def match(pattern: Type, t: Type, subst: list[Type | None]) -> int:
    """One-way match of an instance head (with `TGen`s) against `t`, filling `subst`; never binds variables."""
    stack = [(pattern, t)]
    stuck = False
    while stack:
        p, x = stack.pop()
        x = prune(x)
        if isinstance(p, TGen):
            prev = subst[p.index]
            if prev is None:
                subst[p.index] = x
            elif not types_equal(prev, x):
                if isinstance(x, TVar) or isinstance(prune(prev), TVar):
                    stuck = True
                else:
                    return NOMATCH
            continue
        if isinstance(x, TVar):
            stuck = True
            continue
        if isinstance(p, TCon):
            if not (isinstance(x, TCon) and x == p):
                return NOMATCH
        elif isinstance(p, TFun):
            if isinstance(x, TFun):
                stack.append((p.arg, x.arg))
                stack.append((p.res, x.res))
            else:
                return NOMATCH
        elif isinstance(p, TApp):
            if isinstance(x, TApp):
                stack.append((p.fn, x.fn))
                stack.append((p.arg, x.arg))
            else:
                return NOMATCH
        elif isinstance(p, TRow):
            return NOMATCH  # instances on rows are not supported
        else:
            return NOMATCH
    return STUCK if stuck else MATCH


def substitute(t: Type, args: list[Type | None] | list[Type]) -> Type:
    """Replace `TGen(i)` by `args[i]` (in a scheme-level type: no cells to follow; ground parts are shared)."""
    tt = type(t)
    if tt is TCon:
        return t
    if tt is TGen:
        index: int = t.index  # type: ignore[attr-defined]
        got = args[index] if index < len(args) else None
        if got is None:  # a variable the caller did not supply (after an error): an unconstrained type
            return TVar(fresh_id(), 1 << 20)
        return got
    # (constructor leaves are kept without a call: they are most of the leaves)
    if tt is TFun:
        a0: Type = t.arg  # type: ignore[attr-defined]
        r0: Type = t.res  # type: ignore[attr-defined]
        a = a0 if type(a0) is TCon else substitute(a0, args)
        r = r0 if type(r0) is TCon else substitute(r0, args)
        return t if (a is a0 and r is r0) else TFun(a, r)
    if tt is TApp:
        f0: Type = t.fn  # type: ignore[attr-defined]
        x0: Type = t.arg  # type: ignore[attr-defined]
        f = f0 if type(f0) is TCon else substitute(f0, args)
        x = x0 if type(x0) is TCon else substitute(x0, args)
        return t if (f is f0 and x is x0) else TApp(f, x)
    if tt is TRow:
        assert isinstance(t, TRow)
        return TRow(
            tuple((lbl, substitute(ft, args)) for lbl, ft in t.fields),
            substitute(t.tail, args) if t.tail is not None else None,
        )
    if tt is TVar:
        assert isinstance(t, TVar)
        return substitute(t.ref, args) if t.ref is not None else t
    return t


@dataclass
class ClassEnv:
    """Classes and instances visible to one module (its own plus those of every module it reaches)."""

    classes: dict[tuple[str, str], ClassInfo] = field(default_factory=dict)
    instances: dict[tuple[str, str], list[InstanceInfo]] = field(default_factory=dict)

    def add_class(self, info: ClassInfo) -> None:
        self.classes[(info.module, info.name)] = info

    def add_instance(self, inst: InstanceInfo) -> None:
        self.instances.setdefault((inst.cls_module, inst.cls), []).append(inst)

    def given_closure(self, givens: Iterable[Given]) -> list[Given]:
        """The givens plus every superclass they entail (`Ord a` gives `Eq a`)."""
        out: list[Given] = []
        stack = list(givens)
        seen: set[tuple[str, str, int]] = set()
        while stack:
            g = stack.pop(0)
            out.append(g)
            info = self.classes.get((g.module, g.cls))
            if info is None:
                continue
            for i, sup in enumerate(info.supers):
                key = (sup.module, sup.cls, id(g))
                if key in seen:
                    continue
                seen.add(key)
                st = substitute(sup.type, [g.type])
                stack.append(Given(sup.module, sup.cls, st, SuperEv(g.evidence, sup.module, sup.cls, i)))
        return out

    def reduce(self, w: Wanted, givens: list[Given]) -> tuple[int, list[Wanted]]:
        """Try to solve `w`: (MATCH, new wanteds) when solved, (STUCK, []) to retry later, (NOMATCH, []) on error."""
        t = prune(w.type)
        for g in givens:
            if g.cls == w.cls and g.module == w.module and types_equal(g.type, t):
                w.solution = g.evidence
                return MATCH, []
        head, _ = split_app(t)
        if isinstance(head, TVar):
            return STUCK, []
        candidates = self.instances.get((w.module, w.cls), [])
        any_stuck = False
        for inst in candidates:
            subst: list[Type | None] = [None] * inst.arity
            r = match(inst.head, t, subst)
            if r == NOMATCH:
                continue
            if r == STUCK:
                any_stuck = True
                continue
            subs = [Wanted(c.module, c.cls, substitute(c.type, subst), w.span) for c in inst.context]
            w.solution = (inst, subs)
            return MATCH, subs
        if any_stuck:
            return STUCK, []
        return NOMATCH, []


def to_evidence(w: Wanted) -> Evidence | None:
    sol = w.solution
    seen = 0
    while isinstance(sol, Wanted):
        sol = sol.solution
        seen += 1
        if seen > 1000:
            return None
    if sol is None:
        return None
    if isinstance(sol, tuple):
        inst, subs = sol
        args: list[Evidence] = []
        for s in subs:
            ev = to_evidence(s)
            if ev is None:
                return None
            args.append(ev)
        return InstanceEv(inst.module, inst.key, tuple(args))
    return sol
