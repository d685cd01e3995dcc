"""The type of a selection: the typed expressions (and patterns) around a position or a range, from the smallest
that covers it to the whole declaration, each with its type — what `nova/typeEnclosing` answers and what a hover on
a selection shows (its first entry)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from nova import query
from nova.diagnostics import Span
from nova.types.types import Type

MAX_ENCLOSING = 32
"""Enclosing expressions listed at most (innermost first): a 100k-deep nesting must not print 100k types."""


MAX_TYPE_NODES = 2000
TOO_LARGE = "(a type too large to show)"


def _printable(type_: Type) -> bool:
    from nova.types.types import iter_type

    return all(count <= MAX_TYPE_NODES for count, _ in enumerate(iter_type(type_)))


@dataclass(frozen=True, slots=True)
class Enclosing:
    span: Span
    type: str


def enclosing_types(elements: Mapping[str, Any], selection: Span,
                    qualify: Mapping[tuple[str, str], str] | None = None) -> list[Enclosing]:
    """The typed nodes whose spans cover `selection` (a position is an empty span), smallest first, each span
    strictly larger than the one before; the last is the top-level element with its scheme. `qualify` names
    types as the module imports them (`nova.ide.hover.type_names`)."""
    from nova.types.pretty import print_scheme, print_type_within

    hit = query.element_at(elements, selection.start_line, selection.start_col)
    if hit is None:
        return []
    element = hit[1]
    element_span = query.span_of(element)
    if element_span is None or not element_span.covers(selection):
        return []
    found: list[Enclosing] = []
    last: Span | None = None
    outer = getattr(element, "scheme", None)
    path = query.nodes_at(element, selection.start_line, selection.start_col)
    for node in reversed(path):
        span = query.span_of(node)
        type_ = query.type_of(node)
        if span is None or not isinstance(type_, Type) or node is element or not span.covers(selection):
            continue
        if last is not None and (span == last or not span.covers(last)):
            continue
        found.append(Enclosing(span, str(print_type_within(type_, outer, qualify)) if _printable(type_) else TOO_LARGE))
        last = span
        if len(found) >= MAX_ENCLOSING:
            break
    scheme = getattr(element, "scheme", None)
    if scheme is not None and (last is None or element_span != last):
        found.append(Enclosing(element_span, str(print_scheme(scheme, qualify=qualify))))
    return found
