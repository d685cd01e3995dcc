"""What initialising a value evaluates, and the cycles PureScript refuses there.

A value defined without parameters is computed once, when it is first needed; the references it makes outside
any function (a lambda, or a local binding with parameters) are evaluated right then. A chain of such references
that comes back to where it started can never finish: PureScript reports `CycleInDeclaration` for values
(`x = x`, `a = b` with `b = a`, `let y = y in y`), instance methods that need their own dictionary
included. A reference under a lambda is fine (`f = \\n -> f n`, `xs = defer \\_ -> xs`).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

from nova.check import typed as T
from nova.diagnostics import Diagnostic, Severity

K = TypeVar("K", bound=Hashable)

_SKIPPED_FIELDS = frozenset(("span", "type", "scheme", "pattern", "params"))


def eager_refs(root: object) -> list[T.EVar]:
    """Each reference in `root` evaluated without entering a function, in source order."""
    out: list[T.EVar] = []
    stack: list[object] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, T.ELam):
            continue
        if isinstance(node, T.Binding) and any(c.params for c in node.clauses):
            continue
        if isinstance(node, T.EVar):
            out.append(node)
            continue
        if isinstance(node, (tuple, list)):
            stack.extend(reversed(node))
            continue
        fields: dict[str, object] | None = getattr(type(node), "__dataclass_fields__", None)
        if fields is None:
            continue
        for name in reversed(list(fields)):
            if name in _SKIPPED_FIELDS:
                continue
            value = getattr(node, name)
            if value is not None and not isinstance(value, (str, int, float, bool)):
                stack.append(value)
    return out


def cycle_uses(edges: Mapping[K, Sequence[tuple[K, T.EVar]]]) -> dict[K, T.EVar]:
    """For each member of a cycle of `edges` (member → (member it needs, the reference that needs it)), the first
    of its references that leads back to it."""
    out: dict[K, T.EVar] = {}
    for start, targets in edges.items():
        for target, use in targets:
            if _reaches(edges, target, start):
                out[start] = use
                break
    return out


def cycle_in_declaration(use: T.EVar) -> Diagnostic:
    """The error at a reference to a value that is not yet defined when it is evaluated."""
    return Diagnostic(
        use.span,
        Severity.ERROR,
        "CycleInDeclaration",
        f"The value of `{use.name}` is undefined here, so this reference is not allowed: it is evaluated while "
        "that value is being computed. Put it under a function (`\\_ -> ...`) or give the value a parameter.",
    )


def local_cycles(bindings: Sequence[T.Binding]) -> list[Diagnostic]:
    """`CycleInDeclaration` among the bindings of one `let`/`where` block."""
    members = {b.name_span: b.name_span for b in bindings if b.name and b.pattern is None}
    edges: dict[object, list[tuple[object, T.EVar]]] = {}
    for b in bindings:
        if b.name_span not in members or not b.clauses or any(c.params for c in b.clauses):
            continue
        for clause in b.clauses:
            for v in eager_refs(clause.rhs):
                if v.binder is not None and v.binder in members:
                    edges.setdefault(b.name_span, []).append((v.binder, v))
    return [cycle_in_declaration(use) for use in cycle_uses(edges).values()] if edges else []


def _reaches(edges: Mapping[K, Sequence[tuple[K, T.EVar]]], start: K, goal: K) -> bool:
    seen = {start}
    todo = [start]
    while todo:
        k = todo.pop()
        if k == goal:
            return True
        for nxt, _ in edges.get(k, ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return False
