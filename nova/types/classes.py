"""Type classes: class and instance descriptions, instance matching and constraint reduction with evidence.

Classes take any number of parameters (none for `Partial`) and may have functional dependencies. Matching an
instance head against a constraint follows PureScript: each argument either *matches* (the instance's variables
are bound), is *apart* (it can never match, whatever the unknown types turn out to be) or is *unknown* (it might
match once more is known). An instance is chosen when the arguments that match determine, through the functional
dependencies, every argument; the others are then *improved*: unified with what the instance says they are. In an
instance chain (`else instance`) an instance is considered only when every earlier one is apart.

A `Wanted` is one constraint arising at a use site. Reduction fills its `solution` with a given's evidence, or an
instance (or a compiler-solved class's evidence) plus the wanted constraints of that instance's context; the
frozen `Evidence` tree is built once at the end of a declaration (`to_evidence`).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from nova.diagnostics import Span
from nova.types.evidence import BuiltinEv, Evidence, InstanceEv, SuperEv
from nova.types.types import (
    T_ARROW,
    Constraint,
    TApp,
    TCon,
    TForall,
    TFun,
    TGen,
    TRow,
    TSkolem,
    TVar,
    Type,
    fresh_id,
    prune,
)
from nova.types.unify import UnifyError, flatten_row, unify

Fundep = tuple[tuple[int, ...], tuple[int, ...]]
"""`a b -> c` as (indices of the determining parameters, indices of the determined ones)."""


@dataclass(frozen=True, slots=True)
class ClassInfo:
    """A class; `supers` and method schemes are stated over `TGen(0..len(params)-1)`.

    `kind` is the class's kind, `k1 -> … -> kn -> Constraint` (just `Constraint` without parameters).
    """

    module: str
    name: str
    params: tuple[str, ...]
    supers: tuple[Constraint, ...]
    methods: tuple[str, ...]
    kind: Type
    fundeps: tuple[Fundep, ...] = ()


@dataclass(frozen=True, slots=True)
class InstanceInfo:
    """An instance `context => cls args`, `args` and `context` over `TGen(0..arity-1)`.

    Instances of one `else` chain share `chain` (the key of the chain's first instance) and are tried in `index`
    order; an instance on its own has `chain == ""`. `names` are the written names of the variables (in scope in
    the instance's method bodies).
    """

    module: str
    key: str
    name: str
    cls_module: str
    cls: str
    arity: int
    args: tuple[Type, ...]
    context: tuple[Constraint, ...]
    chain: str = ""
    index: int = 0
    names: tuple[str, ...] = ()
    # the kind of each variable where the head fixes it (`Proxy (a :: Symbol)`), coarsely (`coarse_kind`); "" where
    # it is open: instances apart only by kinds are told apart by them, as PureScript does
    kinds: tuple[str, ...] = ()

    @property
    def chain_id(self) -> tuple[str, str]:
        return (self.module, self.chain or self.key)


def coarse_kind(kind: Type) -> str:
    """A kind as far as instance selection looks at it: `Type`, `Symbol`, `Int`, `Row`, `Constraint`, `->` (a type
    constructor's kind), or "" (unknown or polymorphic)."""
    kind = prune(kind)
    if isinstance(kind, TFun):
        return "->"
    if isinstance(kind, TApp):
        head = prune(kind.fn)
        return "Row" if isinstance(head, TCon) and head.name == "Row" and head.module == "Prim" else ""
    if isinstance(kind, TCon) and kind.module == "Prim" and kind.name in ("Type", "Symbol", "Int", "Constraint"):
        return kind.name
    return ""


def kind_of_type(t: Type, kind_of_con: Callable[[TCon], Type | None]) -> str:
    """The coarse kind of a type (`coarse_kind`), "" when it cannot be told (an unknown, a polymorphic result)."""
    t = prune(t)
    if isinstance(t, (TFun, TForall)):
        return "Type"
    if isinstance(t, TRow):
        return "Row"
    if isinstance(t, TVar):
        return coarse_kind(t.kind) if t.kind is not None else ""
    depth = 0
    head = t
    while isinstance(head, TApp):
        depth += 1
        head = prune(head.fn)
    if not isinstance(head, TCon):
        return ""
    if depth == 0 and head.module == "Prim" and head.name[:1] in '"-0123456789':
        first = head.name[:1]
        if first == '"':
            return "Symbol"
        if first == "-" or first.isdigit():
            return "Int"
    kind = kind_of_con(head)
    if kind is None:
        return ""
    for _ in range(depth):
        kind = prune(kind)
        if not isinstance(kind, TFun):
            return ""
        kind = kind.res
    if isinstance(prune(kind), TGen):
        return ""
    return coarse_kind(kind)


def _kinds_fit(inst: InstanceInfo, subst: dict[int, list[Type]], facts: Any) -> bool:
    lookup = getattr(facts, "kind_of_con", None)
    return lookup is None or kinds_fit(inst, subst, lookup)


def kinds_fit(inst: InstanceInfo, subst: dict[int, list[Type]], kind_of_con: Callable[[TCon], Type | None]) -> bool:
    """False when a variable of the instance whose kind the head fixes would stand for a type of another kind
    (`Proxy (a :: Symbol)` does not match `Proxy Int`)."""
    kinds = inst.kinds
    for i, ts in subst.items():
        want = kinds[i] if i < len(kinds) else ""
        if want and ts:
            got = kind_of_type(ts[0], kind_of_con)
            if got and got != want:
                return False
    return True


class Wanted:
    """A constraint to solve, from the use site at `span`; `solution` is filled by reduction.

    `failure` says why reduction gave up (for the diagnostic): `("unify", error, found, expected)` when improving
    by a functional dependency failed, `("overlap", names)` when several instances match, `("chain", names)` when
    an instance chain could not be passed because its head partially matches, `("depth",)` for a runaway
    reduction.

    `scope`: the givens of the quantified type the constraint arose under, when it is solved after leaving it (its
    types were not known yet there: `\\lbl -> …` against `forall l t. Cons l a t r => …` before `r` is known)."""

    __slots__ = ("args", "cls", "depth", "failure", "module", "scope", "solution", "span")

    def __init__(self, module: str, cls: str, args: tuple[Type, ...], span: Span, depth: int = 0) -> None:
        self.module = module
        self.cls = cls
        self.args = args
        self.span = span
        self.depth = depth
        self.solution: Evidence | tuple[Any, list[Wanted]] | Wanted | None = None
        self.failure: tuple[Any, ...] | None = None
        self.scope: list[Given] | None = None

    def __repr__(self) -> str:
        return f"Wanted({self.module}.{self.cls} {self.args!r})"


class PartialCase(Wanted):
    """The `Partial` constraint a match that does not cover all inputs adds (PureScript's way: such a match is fine
    under a `Partial` context or `unsafePartial`); left unsolved, it is reported with `message` (the missing
    patterns) instead of a bare "No instance for Partial"; `missing` holds those patterns as Nova source (`Just _`),
    for the quick fix that adds them."""

    __slots__ = ("message", "missing")

    def __init__(self, span: Span, message: str, missing: tuple[str, ...] = ()) -> None:
        super().__init__("Prim", "Partial", (), span)
        self.message = message
        self.missing = missing


@dataclass(slots=True)
class Given:
    """A constraint available as a dictionary (a signature's context, or a superclass of one, `path` steps up)."""

    module: str
    cls: str
    args: tuple[Type, ...]
    evidence: Evidence
    path: int = 0


# ---------------------------------------------------------------------------------------------- functional deps
@functools.lru_cache(maxsize=4096)
def fundep_closure(fundeps: tuple[Fundep, ...], start: frozenset[int]) -> frozenset[int]:
    """The parameters determined by `start` (itself included) through the dependencies."""
    known = set(start)
    changed = True
    while changed:
        changed = False
        for lhs, rhs in fundeps:
            if all(i in known for i in lhs) and not all(i in known for i in rhs):
                known.update(rhs)
                changed = True
    return frozenset(known)


@functools.lru_cache(maxsize=4096)
def determined_by_fundeps(fundeps: tuple[Fundep, ...]) -> frozenset[int]:
    """Every parameter on the right of some dependency (never needed to choose an instance)."""
    return frozenset(i for _, rhs in fundeps for i in rhs)


@functools.lru_cache(maxsize=4096)
def _reach(arity: int, fundeps: tuple[Fundep, ...]) -> tuple[frozenset[int], ...]:
    """Per parameter, the parameters it reaches in the graph with an edge from each determining parameter of a
    dependency to each determined one (PureScript's approximation of the dependencies, kept for its rules)."""
    edges: dict[int, set[int]] = {i: set() for i in range(arity)}
    for lhs, rhs in fundeps:
        for i in lhs:
            edges.setdefault(i, set()).update(rhs)
    out: list[frozenset[int]] = []
    for i in range(arity):
        seen = {i}
        stack = [i]
        while stack:
            for j in edges.get(stack.pop(), ()):
                if j not in seen:
                    seen.add(j)
                    stack.append(j)
        out.append(frozenset(seen))
    return tuple(out)


@functools.lru_cache(maxsize=4096)
def fundep_determined(arity: int, fundeps: tuple[Fundep, ...]) -> frozenset[int]:
    """Parameters in no covering set (PureScript's "determined arguments": where an instance head may be a row)."""
    covered: set[int] = set()
    for s in covering_sets(arity, fundeps):
        covered |= s
    return frozenset(i for i in range(arity) if i not in covered)


_EXACT_COVERING_ARITY = 12  # (beyond it, the SCC approximation below: 2^arity subsets would be too many)


@functools.lru_cache(maxsize=4096)
def covering_sets(arity: int, fundeps: tuple[Fundep, ...]) -> tuple[frozenset[int], ...]:
    """The inclusion-minimal sets of parameters that determine all of them through the dependencies (one set of
    all parameters without fundeps), as PureScript computes them: `class C o m w | w -> o m, o m -> w` has the
    covering sets `{w}` and `{o, m}`.

    An instance is found through any covering set, so where it may live (orphan rule) and whether two instances
    are apart is judged per covering set."""
    if not fundeps:
        return (frozenset(range(arity)),)
    if arity > _EXACT_COVERING_ARITY:
        return _covering_sets_by_components(arity, fundeps)
    everything = frozenset(range(arity))
    found: list[frozenset[int]] = []
    for size in range(arity + 1):
        for combo in itertools.combinations(range(arity), size):
            s = frozenset(combo)
            if any(f <= s for f in found):
                continue
            if fundep_closure(fundeps, s) == everything:
                found.append(s)
    return tuple(found)


def _covering_sets_by_components(arity: int, fundeps: tuple[Fundep, ...]) -> tuple[frozenset[int], ...]:
    """One parameter from each group of mutually reaching parameters that nothing outside it reaches."""
    reach = _reach(arity, fundeps)
    determined = {i for i in range(arity) if any(i in reach[j] and j not in reach[i] for j in range(arity))}
    groups: list[list[int]] = []
    seen: set[int] = set()
    for i in range(arity):
        if i in seen or i in determined:
            continue
        group = [j for j in range(arity) if j not in determined and j in reach[i] and i in reach[j]]
        seen.update(group)
        groups.append(group)
    sets: list[frozenset[int]] = [frozenset()]
    for group in groups:
        sets = [s | {j} for s in sets for j in group]
    return tuple(dict.fromkeys(sets))


# ---------------------------------------------------------------------------------------------- matching
APART = 0
MATCH = 1
UNKNOWN = 2

NOMATCH = 0
STUCK = 2


def _as_app(t: TFun) -> TApp:
    return TApp(TApp(T_ARROW, t.arg), t.res)


def _is_unknown(t: Type) -> bool:
    return isinstance(t, TVar) and t.ref is None


def head_match(t: Type, p: Type, subst: dict[int, list[Type]]) -> int:
    """Does `t` (a constraint argument) match the instance (or given) type `p`? MATCH (binding `p`'s `TGen`s in
    `subst`), APART (never) or UNKNOWN (maybe, once unknowns in `t` are solved)."""
    result = MATCH
    stack = [(t, p)]
    while stack:
        x, q = stack.pop()
        if type(x) is TVar:
            x = prune(x)
        if type(q) is TVar:
            q = prune(q)
        tq = type(q)
        if tq is TGen:
            subst.setdefault(q.index, []).append(x)  # type: ignore[attr-defined]
            continue
        tx = type(x)
        if tx is TVar:
            if x is not q:
                result = UNKNOWN
            continue
        if tx is TSkolem:
            if not (tq is TSkolem and x == q):
                result = UNKNOWN
            continue
        if tx is TCon:
            if x != q:
                return APART
            continue
        if tx is TFun:
            if tq is TFun:
                stack.append((x.arg, q.arg))  # type: ignore[attr-defined]
                stack.append((x.res, q.res))  # type: ignore[attr-defined]
                continue
            if tq is not TApp:
                return APART
            x = _as_app(x)  # type: ignore[arg-type]
            tx = TApp
        elif tx is TApp and tq is TFun:
            q = _as_app(q)  # type: ignore[arg-type]
            tq = TApp
        if tx is TApp:
            if tq is not TApp:
                return APART
            stack.append((x.fn, q.fn))  # type: ignore[attr-defined]
            stack.append((x.arg, q.arg))  # type: ignore[attr-defined]
            continue
        if tx is TRow:
            if tq is not TRow:
                return APART
            r = _row_match(x, q, subst, stack)  # type: ignore[arg-type]
            if r == APART:
                return APART
            if r == UNKNOWN:
                result = UNKNOWN
            continue
        if x != q:
            return APART
    return result


def _row_match(x: TRow, q: TRow, subst: dict[int, list[Type]], stack: list[tuple[Type, Type]]) -> int:
    xf, xt = flatten_row(x)
    qf, qt = flatten_row(q)
    qlabels = {lbl for lbl, _ in qf}
    xlabels = {lbl for lbl, _ in xf}
    qleft = {lbl: [ft for l2, ft in qf if l2 == lbl] for lbl in qlabels}
    x_rest: list[tuple[str, Type]] = []
    for lbl, ft in xf:
        pending = qleft.get(lbl)
        if pending:
            stack.append((ft, pending.pop(0)))
        else:
            x_rest.append((lbl, ft))
    q_rest = [(lbl, ft) for lbl in qlabels for ft in qleft[lbl]]
    q_rest += [(lbl, ft) for lbl, ft in qf if lbl not in xlabels and (lbl, ft) not in q_rest]
    xt = prune(xt) if xt is not None else None
    qt = prune(qt) if qt is not None else None
    if not q_rest and isinstance(qt, TGen):
        if not x_rest and xt is not None and _is_unknown(xt):
            return UNKNOWN
        subst.setdefault(qt.index, []).append(TRow(tuple(x_rest), xt) if x_rest else (xt or TRow((), None)))
        return MATCH
    if xt is not None and _is_unknown(xt):
        return MATCH if (not x_rest and not q_rest and xt is qt) else UNKNOWN
    if x_rest or q_rest:
        return APART
    if xt is None and qt is None:
        return MATCH
    if isinstance(xt, TSkolem):
        return MATCH if xt == qt else UNKNOWN
    if xt is not None and qt is not None:
        stack.append((xt, qt))
        return MATCH
    return APART


def _occurs(t: Type, target: Type) -> bool:
    stack = [t]
    while stack:
        n = prune(stack.pop())
        if n is target or (type(n) is TSkolem and n == target):
            return True
        if isinstance(n, TFun):
            stack += [n.arg, n.res]
        elif isinstance(n, TApp):
            stack += [n.fn, n.arg]
        elif isinstance(n, TRow):
            stack += [ft for _, ft in n.fields]
            if n.tail is not None:
                stack.append(n.tail)
        elif isinstance(n, TForall):
            stack.append(n.body)
    return False


def types_agree(a: Type, b: Type) -> int:
    """Are two types (bound to one instance variable) equal? MATCH, APART or UNKNOWN."""
    result = MATCH
    stack = [(a, b)]
    while stack:
        x, y = stack.pop()
        x = prune(x)
        y = prune(y)
        if x is y:
            continue
        tx, ty = type(x), type(y)
        if tx is TVar or ty is TVar:
            var, other = (x, y) if tx is TVar else (y, x)
            if _occurs(other, var):
                return APART
            result = UNKNOWN
            continue
        if tx is TSkolem or ty is TSkolem:
            if tx is TSkolem and ty is TSkolem and x == y:
                continue
            sk, other = (x, y) if tx is TSkolem else (y, x)
            if _occurs(other, sk):
                return APART
            result = UNKNOWN
            continue
        if tx is TFun and ty is TApp:
            x, tx = _as_app(x), TApp  # type: ignore[arg-type]
        elif tx is TApp and ty is TFun:
            y, ty = _as_app(y), TApp  # type: ignore[arg-type]
        if tx is not ty:
            return APART
        if tx is TFun:
            stack += [(x.arg, y.arg), (x.res, y.res)]  # type: ignore[attr-defined]
        elif tx is TApp:
            stack += [(x.fn, y.fn), (x.arg, y.arg)]  # type: ignore[attr-defined]
        elif tx is TRow:
            xf, xt = flatten_row(x)
            yf, yt = flatten_row(y)
            if [lbl for lbl, _ in xf] != [lbl for lbl, _ in yf]:
                if (xt is not None and _is_unknown(prune(xt))) or (yt is not None and _is_unknown(prune(yt))):
                    result = UNKNOWN
                    continue
                return APART
            stack += [(f1, f2) for (_, f1), (_, f2) in zip(xf, yf, strict=True)]
            if (xt is None) != (yt is None):
                tail = xt if xt is not None else yt
                assert tail is not None
                if _is_unknown(prune(tail)):
                    result = UNKNOWN
                    continue
                return APART
            if xt is not None and yt is not None:
                stack.append((xt, yt))
        elif x != y:
            return APART
    return result


def match_args(
    fundeps: tuple[Fundep, ...], pattern: tuple[Type, ...], args: tuple[Type, ...]
) -> tuple[int, dict[int, list[Type]]]:
    """Match a constraint's arguments against an instance's (or a given's): the result and the bindings."""
    n = len(args)
    subst: dict[int, list[Type]] = {}
    if not fundeps:
        if n == 1:  # the common case, kept short
            r = head_match(args[0], pattern[0], subst)
            if r != MATCH:
                return r, subst
            for ts in subst.values():
                if len(ts) > 1:
                    return _verify(subst), subst
            return MATCH, subst
        result = MATCH
        for i in range(n):
            r = head_match(args[i], pattern[i], subst)
            if r == APART:
                return APART, subst
            if r == UNKNOWN:
                result = UNKNOWN
        if result == UNKNOWN:
            return UNKNOWN, subst
        return _verify(subst), subst
    per: list[dict[int, list[Type]]] = []
    matched: set[int] = set()
    any_apart = False
    for i in range(n):
        s: dict[int, list[Type]] = {}
        r = head_match(args[i], pattern[i], s)
        per.append(s)
        if r == MATCH:
            matched.add(i)
        elif r == APART:
            any_apart = True
    closure = fundep_closure(fundeps, frozenset(matched))
    if not all(i in closure for i in range(n)):
        return (APART if any_apart else UNKNOWN), subst
    rhs = determined_by_fundeps(fundeps)
    for i in range(n):
        if i not in rhs:
            for k, ts in per[i].items():
                subst.setdefault(k, []).extend(ts)
    return _verify(subst), subst


def _determined_apart(pattern: tuple[Type, ...], args: tuple[Type, ...]) -> bool:
    """Whether some argument is apart from a given's (a match by functional dependencies ignores the arguments
    they determine; improving by that given would then fail)."""
    return any(head_match(a, p, {}) == APART for p, a in zip(pattern, args, strict=True))


def _verify(subst: dict[int, list[Type]]) -> int:
    """Variables bound more than once (`instance C a a`) must agree."""
    result = MATCH
    for ts in subst.values():
        for i in range(len(ts)):
            for j in range(i + 1, len(ts)):
                r = types_agree(ts[i], ts[j])
                if r == APART:
                    return APART
                if r == UNKNOWN:
                    result = UNKNOWN
    return result


def heads_apart(
    sets: tuple[frozenset[int], ...],
    lhs: tuple[Type, ...],
    rhs: tuple[Type, ...],
    lhs_kinds: tuple[str, ...] = (),
    rhs_kinds: tuple[str, ...] = (),
) -> bool:
    """Can two instance heads never match one constraint? (Per covering set some argument differs in its
    constructors; a variable on either side is never apart, unless both are variables of different known kinds.)"""

    def apart(a: Type, b: Type) -> bool:
        stack = [(a, b)]
        while stack:
            x, y = stack.pop()
            if isinstance(x, TGen) and isinstance(y, TGen):
                kx = lhs_kinds[x.index] if x.index < len(lhs_kinds) else ""
                ky = rhs_kinds[y.index] if y.index < len(rhs_kinds) else ""
                if kx and ky and kx != ky:
                    return True
                continue
            if isinstance(x, (TGen, TVar)) or isinstance(y, (TGen, TVar)):
                continue
            if isinstance(x, TFun) and isinstance(y, TApp):
                x = _as_app(x)
            elif isinstance(x, TApp) and isinstance(y, TFun):
                y = _as_app(y)
            if isinstance(x, TFun) and isinstance(y, TFun):
                stack += [(x.arg, y.arg), (x.res, y.res)]
            elif isinstance(x, TApp) and isinstance(y, TApp):
                stack += [(x.fn, y.fn), (x.arg, y.arg)]
            elif isinstance(x, TRow) or isinstance(y, TRow):
                continue
            elif x != y:
                return True
        return False

    return all(any(apart(lhs[i], rhs[i]) for i in s) for s in sets)


def substitute(t: Type, args: list[Type | None] | list[Type] | tuple[Type, ...]) -> Type:
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
    if tt is TForall:
        assert isinstance(t, TForall)
        return TForall(
            t.vars,
            tuple(Constraint(c.module, c.cls, substitute_all(c.args, args)) for c in t.constraints),
            substitute(t.body, args),
        )
    return t


def substitute_all(ts: tuple[Type, ...], args: list[Type | None] | list[Type] | tuple[Type, ...]) -> tuple[Type, ...]:
    if len(ts) == 1:
        return (substitute(ts[0], args),)
    return tuple([substitute(t, args) for t in ts])


def types_equal(a: Type, b: Type) -> bool:
    """Structural equality after pruning (no binding)."""
    return types_agree(a, b) == MATCH


def args_equal(a: tuple[Type, ...], b: tuple[Type, ...]) -> bool:
    return len(a) == len(b) and all(types_agree(x, y) == MATCH for x, y in zip(a, b, strict=True))


# ---------------------------------------------------------------------------------------------- compiler-solved
@dataclass(frozen=True, slots=True)
class Builtin:
    """A solution of a compiler-solved class: the arguments it holds at (matched like a given's, so a functional
    dependency improves the others), its evidence and further constraints to solve (over the same types)."""

    args: tuple[Type, ...]
    evidence: BuiltinEv
    context: tuple[Constraint, ...] = ()


BuiltinSolver = Callable[
    [tuple[Type, ...], list[Any]], list[tuple[tuple[Type, ...], BuiltinEv, tuple[Constraint, ...]]] | None
]
"""Solutions (arguments, evidence, further constraints) of a compiler-solved class at these (pruned) arguments,
given the givens in scope; None when it cannot tell yet."""


def _builtin_solvers() -> dict[tuple[str, str], tuple[tuple[Fundep, ...], BuiltinSolver]]:
    from nova.types.builtin_classes import SOLVERS

    return dict(SOLVERS)


COERCIBLE = ("Prim.Coerce", "Coercible")

MAX_DEPTH = 1000


@dataclass(frozen=True, slots=True)
class _ClassFacts:
    """Per class: its functional dependencies, its solver when the compiler solves it, its instance chains (and,
    without dependencies, the chains indexed by the constructor heading their first argument)."""

    fundeps: tuple[Fundep, ...]
    solver: BuiltinSolver | None
    by_head: dict[str, list[list[InstanceInfo]]] | None
    other: list[list[InstanceInfo]]


@dataclass
class ClassEnv:
    """Classes and instances visible to one module (its own plus those of every module it reaches)."""

    classes: dict[tuple[str, str], ClassInfo] = field(default_factory=dict)
    instances: dict[tuple[str, str], list[InstanceInfo]] = field(default_factory=dict)
    builtins: dict[tuple[str, str], tuple[tuple[Fundep, ...], BuiltinSolver]] = field(
        default_factory=_builtin_solvers
    )
    improvements: int = 0
    """How many times improvement unified something (a stuck constraint may be solvable now)."""
    _chains: dict[tuple[str, str], list[list[InstanceInfo]]] = field(default_factory=dict)
    _facts: dict[tuple[str, str], _ClassFacts] = field(default_factory=dict)

    def add_class(self, info: ClassInfo) -> None:
        self.classes[(info.module, info.name)] = info
        self._facts.pop((info.module, info.name), None)

    def add_instance(self, inst: InstanceInfo) -> None:
        ref = (inst.cls_module, inst.cls)
        self.instances.setdefault(ref, []).append(inst)
        self._chains.pop(ref, None)
        self._facts.pop(ref, None)

    def add_instances(self, ref: tuple[str, str], insts: Iterable[InstanceInfo]) -> None:
        """`add_instance` of each of `insts`, all instances of the class `ref`."""
        self.instances.setdefault(ref, []).extend(insts)
        self._chains.pop(ref, None)
        self._facts.pop(ref, None)

    def chains(self, ref: tuple[str, str]) -> list[list[InstanceInfo]]:
        """The class's instances grouped into chains, each in `index` order (an instance alone is a chain)."""
        got = self._chains.get(ref)
        if got is None:
            groups: dict[tuple[str, str], list[InstanceInfo]] = {}
            for inst in self.instances.get(ref, ()):
                groups.setdefault(inst.chain_id, []).append(inst)
            got = [sorted(g, key=lambda i: i.index) for g in groups.values()]
            self._chains[ref] = got
        return got

    def fundeps(self, module: str, cls: str) -> tuple[Fundep, ...]:
        info = self.classes.get((module, cls))
        if info is not None and info.fundeps:
            return info.fundeps
        builtin = self.builtins.get((module, cls))
        return builtin[0] if builtin is not None else ()

    def given_closure(self, givens: Iterable[Given]) -> list[Given]:
        """The givens plus every superclass they entail (`Ord a` gives `Eq a`)."""
        out: list[Given] = []
        stack = list(givens)
        seen: set[tuple[int, int]] = set()
        while stack:
            g = stack.pop(0)
            out.append(g)
            info = self.classes.get((g.module, g.cls))
            if info is None or g.path > 50:
                continue
            for i, sup in enumerate(info.supers):
                key = (i, id(g))
                if key in seen:
                    continue
                seen.add(key)
                st = substitute_all(sup.args, g.args)
                stack.append(Given(sup.module, sup.cls, st, SuperEv(g.evidence, sup.module, sup.cls, i), g.path + 1))
        return out

    def _facts_of(self, ref: tuple[str, str]) -> _ClassFacts:
        """What reduction needs of a class, computed once per class (instances change it: see `add_instance`)."""
        facts = self._facts.get(ref)
        if facts is None:
            info = self.classes.get(ref)
            builtin = self.builtins.get(ref)
            fundeps = info.fundeps if info is not None and info.fundeps else (builtin[0] if builtin else ())
            by_head: dict[str, list[list[InstanceInfo]]] | None = None
            other = self.chains(ref)
            if not fundeps:
                # index the instances alone by the constructor heading their first argument: an instance whose
                # first argument has another constructor than the constraint's is apart, never tried
                by_head = {}
                rest: list[list[InstanceInfo]] = []
                for chain in other:
                    key = _head_key(chain[0].args[0]) if len(chain) == 1 and chain[0].args else None
                    if key is None:
                        rest.append(chain)
                    else:
                        by_head.setdefault(key, []).append(chain)
                by_head = {k: v + rest for k, v in by_head.items()}
                other = rest
            facts = self._facts[ref] = _ClassFacts(fundeps, builtin[1] if builtin else None, by_head, other)
        return facts

    def reduce(self, w: Wanted, givens: list[Given], facts: Any = None) -> tuple[int, list[Wanted]]:
        """Try to solve `w`: (MATCH, new wanteds) when solved, (STUCK, []) to retry later, (NOMATCH, []) when it
        never can be (`w.failure` may say why)."""
        if w.depth > MAX_DEPTH:
            w.failure = ("depth",)
            return NOMATCH, []
        wargs = w.args
        args = (prune(wargs[0]),) if len(wargs) == 1 else tuple([prune(a) for a in wargs])
        module, cls = w.module, w.cls
        ref = (module, cls)
        known = self._facts.get(ref) or self._facts_of(ref)
        fundeps = known.fundeps
        n = len(args)
        # a given (or a compiler-solved class's answer) first: the first that matches wins
        local: tuple[Given | Builtin, dict[int, list[Type]]] | None = None
        contradicted: tuple[Given | Builtin, dict[int, list[Type]]] | None = None
        for g in givens:
            if g.cls == cls and g.module == module and len(g.args) == n:
                r, subst = match_args(fundeps, g.args, args)
                if r == MATCH:
                    if fundeps and contradicted is None and _determined_apart(g.args, args):
                        # (its dependencies would make an argument what it cannot be: an instance may still solve
                        # it, `TypeEquals (Either a b) (Either a b)` under a given `TypeEquals co (Either a b)`)
                        contradicted = (g, subst)
                        continue
                    local = (g, subst)
                    break
        if local is None and known.solver is not None:
            if ref == COERCIBLE:
                mismatch: list[tuple[Type, Type]] = []
                answers = solve_coercible(args, givens, facts, mismatch)
                if answers is not None and not answers:
                    if _coercible_infinite(answers):
                        w.failure = ("coercible-depth",)
                    elif mismatch:
                        a, b = mismatch[0]
                        w.failure = ("unify", UnifyError("coercible", a, b), args[0], args[1])
            else:
                answers = known.solver(args, givens)
            for b_args, b_ev, b_context in answers or ():
                if len(b_args) != n:
                    continue
                r, subst = match_args(fundeps, b_args, args)
                if r == MATCH:
                    local = (Builtin(b_args, b_ev, b_context), subst)
                    break
        found: tuple[InstanceInfo, dict[int, list[Type]]] | None = None
        overlapping: list[InstanceInfo] | None = None
        blocked: list[InstanceInfo] | None = None
        if local is None or (type(local[0]) is Given and local[0].path > 0):
            chains = known.other
            by_head = known.by_head
            if by_head is not None and n:
                head = args[0]
                while isinstance(head, TApp):
                    head = prune(head.fn)
                key: str | None = None
                if isinstance(head, TCon):
                    key = head.name
                elif isinstance(head, (TFun, TRow)):
                    key = "Function" if isinstance(head, TFun) else "( )"
                if key is not None:
                    chains = by_head.get(key, chains)
            single = n == 1 and not fundeps
            for chain in chains:
                if len(chain) == 1:  # an instance on its own (the usual case)
                    inst = chain[0]
                    if len(inst.args) != n:  # (an instance of an earlier version of the class)
                        continue
                    if single:
                        subst = {}
                        r = head_match(args[0], inst.args[0], subst)
                        if r == MATCH and subst:
                            for ts in subst.values():
                                if len(ts) > 1:
                                    r = _verify(subst)
                                    break
                    else:
                        r, subst = match_args(fundeps, inst.args, args)
                    if r == MATCH and inst.kinds and not _kinds_fit(inst, subst, facts):
                        r = APART
                    if r == MATCH:
                        if found is None:
                            found = (inst, subst)
                        else:
                            overlapping = [*(overlapping or ()), inst]
                    continue
                last = len(chain) - 1
                for pos, inst in enumerate(chain):
                    if len(inst.args) != n:
                        continue
                    r, subst = match_args(fundeps, inst.args, args)
                    if r == MATCH and inst.kinds and not _kinds_fit(inst, subst, facts):
                        r = APART
                    if r == APART:
                        continue
                    if r == MATCH:
                        if found is None:
                            found = (inst, subst)
                        else:
                            overlapping = [*(overlapping or ()), inst]
                    elif pos < last:
                        blocked = [*(blocked or ()), inst]  # needs proof that this one is apart before going on
                    break
        if found is None:
            if local is None:
                local = contradicted
            if local is not None:
                return self._use_local(w, args, local, fundeps)
            if blocked:
                w.failure = ("chain", tuple(i.name for i in blocked))
            return STUCK, []
        if overlapping:
            w.failure = ("overlap", tuple(f"{i.module}.{i.name}" for i in (found[0], *overlapping)))
            return NOMATCH, []
        inst, subst = found
        full: list[Type] = []
        for i in range(inst.arity):
            bound = subst.get(i)
            full.append(bound[0] if bound else TVar(fresh_id(), 1 << 20))
        if fundeps and not self._improve(w, inst.args, full, args):
            return NOMATCH, []
        depth = w.depth + 1
        span = w.span
        subs = [
            Wanted(
                c.module,
                c.cls,
                (substitute(c.args[0], full),) if len(c.args) == 1 else substitute_all(c.args, full),
                span,
                depth,
            )
            for c in inst.context
        ]
        w.solution = (inst, subs)
        w.failure = None
        return MATCH, subs

    def _use_local(
        self,
        w: Wanted,
        args: tuple[Type, ...],
        local: tuple[Given | Builtin, dict[int, list[Type]]],
        fundeps: tuple[Fundep, ...],
    ) -> tuple[int, list[Wanted]]:
        """Solve by a given or a compiler-solved answer (without functional dependencies the match was exact:
        there is nothing to improve)."""
        found, _ = local
        if fundeps and not self._improve(w, found.args, [], args):
            return NOMATCH, []
        w.failure = None
        if isinstance(found, Given):
            w.solution = found.evidence
            return MATCH, []
        subs = [Wanted(c.module, c.cls, c.args, w.span, w.depth + 1) for c in found.context]
        w.solution = (found.evidence, subs)
        return MATCH, subs

    def _improve(self, w: Wanted, pattern: tuple[Type, ...], full: list[Type], args: tuple[Type, ...]) -> bool:
        """Unify what the chosen instance says each argument is with the argument (functional dependencies)."""
        for p, a in zip(pattern, args, strict=True):
            expected = substitute(p, full) if full else p
            if expected is a:
                continue
            # (an argument without unknowns still teaches the instance's variable what it is: `instance TypeEquals
            # a a` met as `TypeEquals Int t`, where both positions are determined, learns `a = Int` from the first)
            self.improvements += 1
            try:
                unify(a, expected)
            except UnifyError as err:
                w.failure = ("unify", err, a, expected)
                return False
        return True


def _head_key(t: Type) -> str | None:
    """The name of the constructor at the head of a type (functions are `Function`), None for a variable head.
    (Names, not constructors, index the instances: a string hashes fast, and two modules' constructors of one
    name only share a bucket.)"""
    t = prune(t)
    while isinstance(t, TApp):
        t = prune(t.fn)
    if isinstance(t, TCon):
        return t.name
    if isinstance(t, TFun):
        return "Function"
    if isinstance(t, TRow):
        return "( )"
    return None


def _has_cell(t: Type) -> bool:
    stack = [t]
    while stack:
        n = prune(stack.pop())
        tn = type(n)
        if tn is TVar:
            return True
        if tn is TFun:
            stack += [n.arg, n.res]  # type: ignore[attr-defined]
        elif tn is TApp:
            stack += [n.fn, n.arg]  # type: ignore[attr-defined]
        elif tn is TRow:
            stack += [ft for _, ft in n.fields]  # type: ignore[attr-defined]
            if n.tail is not None:  # type: ignore[attr-defined]
                stack.append(n.tail)  # type: ignore[attr-defined]
    return False


def solve_coercible(
    args: tuple[Type, ...], givens: list[Given], facts: Any, mismatch: list[tuple[Type, Type]] | None = None
) -> Any:
    from nova.types import builtin_classes

    return builtin_classes.solve_coercible(args, givens, facts, mismatch)


def _coercible_infinite(answers: Any) -> bool:
    from nova.types import builtin_classes

    return answers is builtin_classes.COERCIBLE_INFINITE


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
        if isinstance(inst, BuiltinEv):
            return inst
        return InstanceEv(inst.module, inst.key, tuple(args))
    return sol
