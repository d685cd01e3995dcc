"""Type wildcards `_`: partial signatures and annotations, reported with what inference found for them.

PureScript checks a value whose signature has wildcards (`f :: _ -> Int`) against the written shape with each
wildcard an unknown, and warns (`WildcardInferredType`) with the type each one stood for; an annotation
`(e :: _)` or a local signature is reported the same way, except under a top-level declaration whose signature is
complete (PureScript 0.15: there a wildcard means "infer this", not "tell me"). A type hole `?name` is a named
wildcard that is always reported, as an error (`HoleInferredType`).

Here a value with a partial signature is inferred like one without a signature (it takes part in its binding
group; a top-level one is generalised, a local one only when its signature has a `forall` of its own, since a
wildcard stands for one type), its type first made to fit the shape; it gets no constraint inferred beyond those
its signature writes (PureScript checks it against the signature and generalises no constraint of a
signed binding: an unwritten one is `NoInstanceFound`); the signature's own variables (`forall a. a -> _`)
start as unknowns too and must come out distinct and general, else the body does not work for every `a`, which is
an error as with a complete signature.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from nova.check.typeconv import TypeVarEntry
from nova.diagnostics import Span
from nova.types.classes import substitute
from nova.types.pretty import Namer, print_type
from nova.types.types import Scheme, TVar, Type, fresh_id, prune

Report = Callable[[Span, str, str], Any]


@dataclass(slots=True)
class PartialShape:
    """What checking a value against a signature with wildcards reports afterwards."""

    type_span: Span
    wildcards: list[tuple[Span, Type, str | None]]  # each wildcard's span, the unknown it became, its hole name
    named: list[tuple[str, Type]]  # the signature's own variables and the unknowns they became
    tyvars: dict[str, TypeVarEntry]  # the signature's variables in scope in the body (scoped type variables)
    constraints: list[tuple[str, str, tuple[Type, ...]]]  # the written constraints, over those unknowns


def open_partial(
    sc: Scheme, wildcards: tuple[tuple[int, Span, str | None], ...], fresh: Callable[[], TVar], type_span: Span
) -> tuple[Type, PartialShape]:
    """The written shape with every quantified variable (wildcards included) an unknown made by `fresh`."""
    args: list[Type] = [fresh() for _ in range(sc.arity)]
    wild = {i for i, _, _ in wildcards}
    named = [(sc.names[i], args[i]) for i in range(sc.arity) if i not in wild and i < len(sc.names)]
    tyvars = {n: TypeVarEntry(t, TVar(fresh_id(), 1 << 20)) for n, t in named}
    constraints = [(c.module, c.cls, tuple(substitute(a, args) for a in c.args)) for c in sc.constraints]
    shape = PartialShape(type_span, [(span, args[i], hole) for i, span, hole in wildcards], named, tyvars, constraints)
    return substitute(sc.type, args), shape


def report_partial(name: str, shape: PartialShape, error: Report, warn: Report | None) -> None:
    """PureScript's warning for each wildcard, with the type inferred for it; an error when the body fixed one of
    the signature's own type variables (or made two of them the same)."""
    check_partial_variables(name, shape, error)
    report_wildcards(shape.wildcards, error, warn, shape.named)


def check_partial_variables(name: str, shape: PartialShape, error: Report) -> None:
    """The error of `report_partial` alone: a local binding's wildcards are reported with the rest of its
    declaration's, once the whole declaration is solved (what the enclosing body and its constraints decide for
    them is part of their type, as in PureScript, which reports them with the declaration's final substitution)."""
    seen: dict[int, str] = {}
    for var, t in shape.named:
        got = prune(t)
        if type(got) is TVar and got.id not in seen:
            seen[got.id] = var
            continue
        other = f"`{seen[got.id]}`" if type(got) is TVar else f"`{print_type(got)}`"
        error(
            shape.type_span,
            "TypesDoNotUnify",
            f"Could not match type {other} with type `{var}`: the body of `{name}` does not work for every `{var}`.",
        )


def report_wildcards(
    wildcards: list[tuple[Span, Type, str | None]],
    error: Report,
    warn: Report | None,
    named: list[tuple[str, Type]] | None = None,
) -> None:
    """`WildcardInferredType` for each wildcard (unless `warn` is None), `HoleInferredType` for each type hole;
    unknowns standing for a signature's variable print by its name."""
    if not wildcards or (warn is None and all(hole is None for _, _, hole in wildcards)):
        return
    namer = Namer()
    for _, t, _ in wildcards:
        namer.scan(t)
    for var, t in named or ():
        got = prune(t)
        if type(got) is TVar and ("v", got.id) in namer.names:
            namer.skolem_names[("v", got.id)] = var
    namer.finish()
    for span, t, hole in wildcards:
        shown = print_type(t, namer)
        if hole is not None:
            error(span, "HoleInferredType", f"Hole `?{hole}` has the inferred type `{shown}`.")
        elif warn is not None:
            warn(span, "WildcardInferredType", f"Wildcard type definition has the inferred type `{shown}`.")


__all__ = ["PartialShape", "check_partial_variables", "open_partial", "report_partial", "report_wildcards"]
