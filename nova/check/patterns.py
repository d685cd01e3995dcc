"""Exhaustiveness and redundancy warnings: typed patterns are mapped onto `nova.types.exhaustive`'s patterns.

A match that does not cover all inputs needs `Partial`, as in PureScript (unsolved: `NoInstanceFound` naming the
missing patterns, on `case … of` or the function's name); `OverlappingPattern` warns on the patterns of an unreachable
alternative or clause.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from nova.check import typed as T
from nova.diagnostics import Span
from nova.types import exhaustive as X
from nova.types.classes import PartialCase


class _BrokenPattern(Exception):
    """A pattern that already has an error: the match is not analysed (its warnings would be noise)."""


def to_pattern(
    p: T.Pattern, owners: dict[str, tuple[str, str]], broken: frozenset[Span] | set[Span] = frozenset()
) -> X.Pattern:
    if isinstance(p, T.PWild) and p.span in broken:
        raise _BrokenPattern
    if isinstance(p, (T.PVar, T.PWild)):
        return X.Wild()
    if isinstance(p, T.PAs):
        return to_pattern(p.pattern, owners, broken)
    if isinstance(p, T.PLit):
        return X.Lit(p.value, is_char=p.lit == "char")
    if isinstance(p, T.PCon):
        name = p.target[1] if p.target is not None else p.name
        if p.target is not None:
            owners[name] = p.target
        return X.Con(name, tuple(to_pattern(a, owners, broken) for a in p.args))
    if isinstance(p, T.PArray):
        return X.Array(tuple(to_pattern(i, owners, broken) for i in p.items))
    if isinstance(p, T.PRecord):
        fields: dict[str, X.Pattern] = {}
        for label, sub in p.fields:
            fields.setdefault(label, to_pattern(sub, owners, broken))
        return X.Record(tuple(sorted(fields.items())))
    return X.Wild()


def _always(rhs: T.Rhs | None, irrefutable: Any = None) -> bool:
    """True when the right-hand side cannot fall through (no guards, or a last guard that always holds: `otherwise`,
    `true`, or a pattern guard whose pattern matches every value of its type, as `irrefutable` tells)."""
    if rhs is None or not rhs.branches:
        return True
    last = rhs.branches[-1]
    for g in last.guards:
        if isinstance(g, T.GCond):
            e = g.expr
            if isinstance(e, T.EVar) and e.name == "otherwise":
                continue
            if isinstance(e, T.ELit) and e.value is True:
                continue
            return False
        if (
            isinstance(g, T.GBind)
            and not isinstance(g.pattern, (T.PVar, T.PWild))
            and (irrefutable is None or not irrefutable(g.pattern))
        ):
            return False
    return True


def check_rows(
    checker: Any,
    span: Span,
    rows: Sequence[tuple[tuple[T.Pattern, ...], T.Rhs | None]],
    width: int,
    what: str,
) -> None:
    """Require `Partial` for missing cases and warn about unreachable rows (`OverlappingPattern`)."""
    if not rows or width == 0:
        return
    owners: dict[str, tuple[str, str]] = {}
    broken: set[Span] = checker.broken_patterns
    try:
        matrix = [[to_pattern(p, owners, broken) for p in pats] for pats, _ in rows]
    except _BrokenPattern:
        return
    if all(isinstance(p, X.Wild) for row in matrix for p in row) and all(_always(r) for _, r in rows):
        return  # the common case: only variables, nothing to prove

    def siblings(name: str) -> Sequence[tuple[str, int]] | None:
        target = owners.get(name)
        if target is None:
            return None
        got: Sequence[tuple[str, int]] | None = checker.constructor_siblings(target)
        return got

    def irrefutable(p: T.Pattern) -> bool:
        try:
            alone = X.check_match([[to_pattern(p, owners, broken)]], siblings)
        except _BrokenPattern:
            return False
        return alone.complete and not alone.missing

    guarded = [not _always(rhs, irrefutable) for _, rhs in rows]

    report = X.check_match(matrix, siblings, guarded=guarded)
    separator = ", " if what == "case" else " "
    if report.complete and report.missing:
        shown = tuple(report.missing_text(separator))
        missing = ", ".join(f"`{m}`" for m in shown)
        if what == "case":
            message = f"A case expression could not be determined to cover all inputs; missing: {missing}"
        else:
            message = f"The definition of {what} does not cover all inputs; missing: {missing}"
        # PureScript: the match needs `Partial` (the enclosing signature's, `unsafePartial`'s, or generalised into
        # an unsigned binding's type); unsolved, it is `NoInstanceFound` with the missing patterns
        message += ". Alternatively, add a Partial constraint to the type of the enclosing value."
        checker.wanted.append(PartialCase(span, message, shown))
    for index in report.redundant:
        pats = rows[index][0]
        if not pats:
            continue
        where = Span.join(pats[0].span, pats[-1].span)
        if what == "case":
            checker.warn(where, "OverlappingPattern", "A case expression contains unreachable cases.")
        else:
            checker.warn(where, "OverlappingPattern", f"The definition of {what} contains an unreachable clause.")
