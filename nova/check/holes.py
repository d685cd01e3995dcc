"""Typed holes `?name`: PureScript's `HoleInferredType` error, with what could fill the hole.

The message gives the type the hole must have (known once its declaration is inferred), the names in scope whose
type fits it (PureScript's "You could substitute the hole with one of these values") and the local names in
scope with their types ("in the following context"). A name fits when its type, instantiated, unifies with the
hole's: both are copied first (unknowns made fresh), so trying never binds anything of the declaration; a
constraint of the candidate on a ground type must have an instance (`show` fits `Int -> String`, not
`(Int -> Int) -> String`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from nova.diagnostics import Span
from nova.types.classes import MATCH, NOMATCH, Given, Wanted, substitute, substitute_all
from nova.types.pretty import Namer, print_scheme, print_type
from nova.types.types import Scheme, TVar, Type, fresh_id, prune
from nova.types.unify import UnifyError, unify

MAX_FITS = 10
"""How many fitting names a message lists (the rest are counted)."""
MAX_CONTEXT = 12
"""How many local names the context lists (innermost first)."""
_TRIAL_LEVEL = 1 << 20  # (deeper than any skolem: a trial never reports an escape)


@dataclass(slots=True)
class PendingHole:
    """A hole met during inference, reported once its declaration is inferred."""

    span: Span
    name: str
    type: Type
    locals: dict[str, Any]  # name -> LocalVar, as in scope at the hole
    givens: list[Given]  # the constraints in scope at the hole (a fitting name's constraints may use them)


def scope_digest(checker: Any) -> str:
    """What the search for fitting names depends on besides schemes: which names are in scope."""
    names = [*sorted(checker.own_values), "\x00", *sorted(checker.scope_values())]
    return hashlib.blake2b("\x01".join(names).encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def hole_report(checker: Any, hole: PendingHole) -> tuple[str, dict[str, Any]]:
    """The `HoleInferredType` message, and its `data`: the hole's name, its type and the names that fit it (what
    the quick fixes offer, in the message's order)."""
    namer = Namer()
    namer.scan(hole.type)
    context = _context(hole)
    for _, t in context:
        namer.scan(t)
    namer.finish()
    lines = [f"Hole `?{hole.name}` has the inferred type `{print_type(hole.type, namer)}`."]
    fits = _fitting_names(checker, hole)
    if fits:
        lines.append("You could substitute the hole with one of these values:")
        lines.extend(f"  {n} :: {shown}" for n, shown in fits[:MAX_FITS])
        if len(fits) > MAX_FITS:
            lines.append(f"  … and {len(fits) - MAX_FITS} more")
    if context:
        lines.append("in the following context:")
        lines.extend(f"  {n} :: {print_type(t, namer)}" for n, t in context[:MAX_CONTEXT])
    data = {"name": hole.name, "type": print_type(hole.type, namer), "fits": [n for n, _ in fits[:MAX_FITS]]}
    return "\n".join(lines), data


def _local_type(loc: Any) -> Type | None:
    if loc.type is not None:
        return loc.type  # type: ignore[no-any-return]
    if loc.poly is not None:
        return loc.poly[1]  # type: ignore[no-any-return]
    return None


def _context(hole: PendingHole) -> list[tuple[str, Type]]:
    """The local names in scope at the hole (innermost binder last in the source: listed first)."""
    out: list[tuple[Span, str, Type]] = []
    for n, loc in hole.locals.items():
        if not n[:1].isalpha() and n[:1] != "_":
            continue
        t = _local_type(loc)
        if t is None and loc.scheme is not None:
            continue  # (a local with a signature: listed among the fitting names when it fits)
        if t is not None:
            out.append((loc.binder, n, t))
    out.sort(key=lambda x: x[0], reverse=True)
    return [(n, t) for _, n, t in out]


def _fitting_names(checker: Any, hole: PendingHole) -> list[tuple[str, str]]:
    target = prune(hole.type)
    if type(target) is TVar:
        return []  # (anything fits an unknown type: no list)
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for n, loc in hole.locals.items():
        if not _is_name(n):
            continue
        seen.add(n)
        if loc.scheme is not None:
            if _scheme_fits(checker, loc.scheme, target, hole.givens):
                out.append((n, print_scheme(loc.scheme)))
            continue
        t = _local_type(loc)
        if t is not None and _type_fits(t, target):
            out.append((n, print_type(t)))
    own = sorted((n, key) for n, key in checker.own_values.items() if _is_name(n) and n not in seen)
    for n, key in own:
        seen.add(n)
        sc = checker.schemes.get(key)
        if sc is None or key in checker.mono:
            continue
        checker.state.reads[(checker.name, key)] = sc
        if _scheme_fits(checker, sc, target, hole.givens):
            out.append((n, print_scheme(sc)))
    scope = checker.scope_values()
    for n in sorted(scope):
        if n in seen or not _is_name(n):
            continue
        refs = scope[n]
        if len(refs) != 1:
            continue  # (ambiguous here: not a name the user can write as is)
        ref = next(iter(refs))
        sc = checker.scheme_of(ref)
        if sc is not None and _scheme_fits(checker, sc, target, hole.givens):
            out.append((n, print_scheme(sc)))
    return out


def _is_name(n: str) -> bool:
    last = n.rsplit(".", 1)[-1]
    return "." not in n and (last[:1].isalpha() or last[:1] == "_")


def _fresh_copy(t: Type, mapping: dict[int, Type]) -> Type:
    from nova.check.infer_base import copy_poly, free_cells

    cells: dict[int, TVar] = {}
    free_cells(t, cells)
    for cid in cells:
        if cid not in mapping:
            mapping[cid] = TVar(fresh_id(), _TRIAL_LEVEL)
    return copy_poly(t, mapping)


def _type_fits(t: Type, target: Type) -> bool:
    mapping: dict[int, Type] = {}
    try:
        unify(_fresh_copy(t, mapping), _fresh_copy(target, mapping))
    except (UnifyError, RecursionError):
        return False
    return True


def _scheme_fits(checker: Any, sc: Scheme, target: Type, givens: list[Given]) -> bool:
    args: list[Type] = [TVar(fresh_id(), _TRIAL_LEVEL) for _ in range(sc.arity)]
    t = substitute(sc.type, args) if sc.arity else sc.type
    try:
        unify(t, _fresh_copy(target, {}))
    except (UnifyError, RecursionError):
        return False
    for c in sc.constraints:
        w = Wanted(c.module, c.cls, substitute_all(c.args, args), Span(0, 0, 0, 0))
        if not _may_hold(checker, w, givens, 0):
            return False
    return True


def _may_hold(checker: Any, w: Wanted, givens: list[Given], depth: int) -> bool:
    """False only when the constraint can never be solved (no instance for these types)."""
    if depth > 8:
        return True
    try:
        r, subs = checker.classenv.reduce(w, givens, checker)
    except RecursionError:
        return True
    if r == NOMATCH:
        return False
    if r == MATCH:
        return all(_may_hold(checker, s, givens, depth + 1) for s in subs)
    # stuck: on unknowns it may still hold; on known types no instance matches
    from nova.check.infer_base import free_cells

    cells: dict[int, TVar] = {}
    for a in w.args:
        free_cells(a, cells)
    return bool(cells)


__all__ = ["PendingHole", "hole_report", "scope_digest"]
