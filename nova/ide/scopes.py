"""Local variables in scope at a position of a typed tree: parameters, `let`/`where` bindings, case and lambda
patterns, guards' pattern binds, `do` binds (desugared into lambdas, which cover the statements after them)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from nova import query
from nova.check import typed as T
from nova.diagnostics import Span


@dataclass(frozen=True, slots=True)
class Local:
    name: str
    type: Any
    binder: Span


def pattern_vars(pattern: Any) -> Iterator[Local]:
    stack = [pattern]
    while stack:
        node = stack.pop()
        if isinstance(node, T.PVar):
            yield Local(node.name, node.type, node.span)
        elif isinstance(node, T.PAs):
            yield Local(node.name, node.type, node.name_span)
            stack.append(node.pattern)
        elif isinstance(node, T.PCon):
            stack.extend(reversed(node.args))
        elif isinstance(node, T.PArray):
            stack.extend(reversed(node.items))
        elif isinstance(node, T.PRecord):
            stack.extend(p for _, p in reversed(node.fields))


def binding_vars(bindings: tuple[T.Binding, ...]) -> Iterator[Local]:
    for binding in bindings:
        if binding.pattern is not None:
            yield from pattern_vars(binding.pattern)
        else:
            shown = binding.scheme.type if binding.scheme is not None else binding.type
            yield Local(binding.name, shown, binding.name_span)


def locals_at(element: Any, line: int, col: int) -> list[Local]:
    """The local variables visible at the position, innermost first (an inner binding shadows an outer one of
    the same name: only the innermost is kept)."""
    found: list[Local] = []
    for node in query.nodes_at(element, line, col):
        if isinstance(node, T.Clause):
            for param in node.params:
                found.extend(pattern_vars(param))
        elif isinstance(node, T.Alt):
            for pattern in node.patterns:
                found.extend(pattern_vars(pattern))
        elif isinstance(node, T.Rhs):
            found.extend(binding_vars(node.where))
        elif isinstance(node, T.Branch):
            for guard in node.guards:
                if (guard.span.end_line, guard.span.end_col) > (line, col):
                    break
                if isinstance(guard, T.GBind):
                    found.extend(pattern_vars(guard.pattern))
                elif isinstance(guard, T.GLet):
                    found.extend(binding_vars(guard.bindings))
        elif isinstance(node, T.ELam):
            for param in node.params:
                found.extend(pattern_vars(param))
        elif isinstance(node, T.ELet):
            found.extend(binding_vars(node.bindings))
    unique: dict[str, Local] = {}
    for local in reversed(found):
        unique.setdefault(local.name, local)
    return [v for v in unique.values() if not v.name.startswith("$")]
