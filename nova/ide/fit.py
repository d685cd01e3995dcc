"""Whether a name's type fits the type expected at a position (completion ranks such names first): a one-way
match where the candidate's quantified variables and the expected type's unknowns match anything."""

from __future__ import annotations

from typing import Any

from nova.types.types import TApp, TCon, TFun, TGen, TRow, TSkolem, TVar, prune

MAX_STEPS = 2000


def _match(candidate: Any, expected: Any, binds: dict[int, Any], budget: list[int]) -> bool:
    budget[0] -= 1
    if budget[0] < 0:
        return False
    c, e = prune(candidate), prune(expected)
    if isinstance(e, TVar | TGen):
        return True
    if isinstance(c, TGen):
        bound = binds.get(c.index)
        if bound is None:
            binds[c.index] = e
            return True
        return bound == e or isinstance(prune(bound), TVar | TGen)
    if isinstance(c, TVar):
        return True
    if isinstance(c, TCon) or isinstance(e, TCon):
        return c == e
    if isinstance(c, TSkolem) or isinstance(e, TSkolem):
        return c == e
    if isinstance(c, TFun) and isinstance(e, TFun):
        return _match(c.arg, e.arg, binds, budget) and _match(c.res, e.res, binds, budget)
    if isinstance(c, TApp) and isinstance(e, TApp):
        return _match(c.fn, e.fn, binds, budget) and _match(c.arg, e.arg, binds, budget)
    if isinstance(c, TRow) and isinstance(e, TRow):
        c_fields, e_fields = dict(c.fields), dict(e.fields)
        if c.tail is None and e.tail is None and set(c_fields) != set(e_fields):
            return False
        return all(_match(t, e_fields[label], binds, budget) for label, t in c_fields.items() if label in e_fields)
    return False


def fits(candidate: Any, expected: Any) -> bool:
    return _match(candidate, expected, {}, [MAX_STEPS])


def fitness(candidate: Any, expected: Any) -> int:
    """0: the name itself has the expected type; 1: applied to arguments it gives it; 2: neither (or no
    expectation). A bare type variable expected (`a`) says nothing: every candidate gets 2."""
    if expected is None or candidate is None or isinstance(prune(expected), TVar | TGen):
        return 2
    if not isinstance(prune(candidate), TGen | TVar) and fits(candidate, expected):
        return 0
    result = prune(candidate)
    while isinstance(result, TFun):
        result = prune(result.res)
        if not isinstance(result, TGen | TVar) and fits(result, expected):
            return 1
    return 2
