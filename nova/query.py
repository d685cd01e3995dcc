"""Position → node queries over the typed AST (pure; no LSP types).

The typed AST is walked structurally: any dataclass / attrs instance, tuple, list or mapping is descended into, and
every object with a `span` attribute counts as a node. That keeps these queries independent of the exact node
classes the checker defines: expression and pattern nodes carry `.span` and `.type`, reference nodes `.target`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from nova.diagnostics import Span

Target = tuple[str, str]

_SKIPPED_FIELDS = frozenset({
    "span", "name_span", "type", "scheme", "doc", "fingerprint", "evidence", "env", "binder", "class_info", "instance",
    "reads", "alias", "fixity", "kind_of", "cls", "super_evidence",
})
_MAX_NODES = 1_000_000


def _children(node: object) -> Iterator[object]:
    if isinstance(node, str | bytes | int | float | bool) or node is None:
        return
    if isinstance(node, Mapping):
        yield from node.values()
        return
    if isinstance(node, list | tuple | frozenset | set):
        yield from node
        return
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        for field in dataclasses.fields(node):
            if field.name not in _SKIPPED_FIELDS:
                yield getattr(node, field.name, None)
        return
    attrs_fields = getattr(type(node), "__attrs_attrs__", None)
    if attrs_fields is not None:
        for attribute in attrs_fields:
            if attribute.name not in _SKIPPED_FIELDS:
                yield getattr(node, attribute.name, None)


def span_of(node: object) -> Span | None:
    span = getattr(node, "span", None)
    return span if isinstance(span, Span) else None


def target_of(node: object) -> Target | None:
    target = getattr(node, "target", None)
    if isinstance(target, tuple) and len(target) == 2 and all(isinstance(part, str) for part in target):
        return (target[0], target[1])
    return None


def type_of(node: object) -> object | None:
    return getattr(node, "type", None)


def name_of(node: object) -> str | None:
    for attribute in ("name", "label", "ident", "var"):
        value = getattr(node, attribute, None)
        if isinstance(value, str):
            return value
    return None


def iter_nodes(root: object) -> Iterator[object]:
    """Every node (object with a span) under `root`, root included, depth first, in source order of fields."""
    stack: list[object] = [root]
    seen = 0
    while stack and seen < _MAX_NODES:
        node = stack.pop()
        seen += 1
        if span_of(node) is not None:
            yield node
        children = list(_children(node))
        stack.extend(reversed(children))


def _extent(node: object) -> tuple[int, int]:
    span = span_of(node)
    if span is None:
        return (0, 0)
    return span.end_line - span.start_line, span.end_col - span.start_col


def nodes_at(root: object, line: int, col: int) -> list[object]:
    """The nodes whose span contains the position, outermost first (a path down the tree)."""
    path: list[object] = []
    stack: list[object] = [root]
    budget = _MAX_NODES
    while stack and budget > 0:
        node = stack.pop()
        budget -= 1
        span = span_of(node)
        if span is not None:
            if not span.contains(line, col):
                continue
            path.append(node)
        stack.extend(reversed(list(_children(node))))
    path.sort(key=_extent, reverse=True)
    return path


def node_at(root: object, line: int, col: int) -> object | None:
    """The innermost node at the position, preferring a node that names something (a reference) or has a type."""
    path = nodes_at(root, line, col)
    for node in reversed(path):
        if target_of(node) is not None or type_of(node) is not None:
            return node
    return path[-1] if path else None


def element_at(elements: Mapping[str, object], line: int, col: int) -> tuple[str, object] | None:
    """The top-level element whose span contains the position (the smallest, when spans nest)."""
    best: tuple[str, object] | None = None
    best_span: Span | None = None
    for key, element in elements.items():
        span = span_of(element)
        if span is None or not span.contains(line, col):
            continue
        if best_span is None or best_span.covers(span):
            best, best_span = (key, element), span
    return best


def name_span_of(element: object) -> Span | None:
    span = getattr(element, "name_span", None)
    return span if isinstance(span, Span) else None


def references_in(elements: Mapping[str, object], target: Target) -> list[Span]:
    """Spans of every use of `target` inside these elements, in source order."""
    found: set[Span] = set()
    for element in elements.values():
        for node in iter_nodes(element):
            if target_of(node) == target:
                span = span_of(node)
                if span is not None:
                    found.add(span)
    return sorted(found)


@dataclass(frozen=True, slots=True)
class CallSite:
    """A call around the cursor: the applied function's reference node and which argument the cursor is in."""

    function: object
    argument_index: int


_FUNCTION_FIELDS = ("function", "func", "fn", "callee", "head")
_ARGUMENT_FIELDS = ("argument", "arg", "args", "arguments")


def _one_application(node: object) -> tuple[object, list[object]] | None:
    """The function and arguments of one application node (not looking into its function)."""
    function = next((getattr(node, name) for name in _FUNCTION_FIELDS if hasattr(node, name)), None)
    if function is None:
        return None
    for name in _ARGUMENT_FIELDS:
        if hasattr(node, name):
            value: Any = getattr(node, name)
            return function, list(value) if isinstance(value, list | tuple) else [value]
    return None


def _application_parts(node: object) -> tuple[object, list[object]] | None:
    """The head and all the arguments of a curried application `f a b c`, unwound in a loop: linear in the
    number of arguments (`g 1 1 … 1` with 100,000 arguments is one chain of 100,000 nested applications)."""
    outer = _one_application(node)
    if outer is None:
        return None
    function, arguments = outer
    groups = [arguments]
    while (inner := _one_application(function)) is not None:
        function, arguments = inner
        groups.append(arguments)
    return function, [argument for group in reversed(groups) for argument in group]


def call_at(root: object, line: int, col: int) -> CallSite | None:
    """The innermost application whose head is a reference, and the index of the argument under the cursor
    (the count of arguments before the cursor when it sits between them)."""
    for node in reversed(nodes_at(root, line, col)):
        parts = _application_parts(node)
        if parts is None:
            continue
        function, arguments = parts
        if target_of(function) is None:
            continue
        function_span = span_of(function)
        if function_span is not None and function_span.contains(line, col):
            continue
        index = 0
        for position, argument in enumerate(arguments):
            span = span_of(argument)
            if span is not None and (span.start_line, span.start_col) <= (line, col):
                index = position
                if (line, col) > (span.end_line, span.end_col):
                    index = position + 1
        return CallSite(function, index)
    return None


def binder_of(node: object) -> Span | None:
    """The binding occurrence of a local variable: a reference's `binder`, or the variable pattern itself."""
    binder = getattr(node, "binder", None)
    if isinstance(binder, Span):
        return binder
    if target_of(node) is None and not hasattr(node, "target") and isinstance(getattr(node, "name", None), str):
        name_span = name_span_of(node)
        if name_span is not None and not hasattr(node, "key"):
            return name_span
        if not _children_with_spans(node):
            return span_of(node)
    return None


def _children_with_spans(node: object) -> bool:
    return any(span_of(child) is not None for child in _children(node))


def local_uses(root: object, binder: Span) -> list[Span]:
    """Spans of the references bound by `binder` under `root`, in source order."""
    return sorted({span for node in iter_nodes(root) if (span := span_of(node)) is not None
                   and getattr(node, "binder", None) == binder})
