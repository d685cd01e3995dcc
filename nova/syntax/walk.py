"""Generic traversal of the syntax tree: child enumeration and bottom-up rewriting of frozen nodes."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import TypeVar

from nova.diagnostics import Span

N = TypeVar("N")

_FIELDS: dict[type, tuple[str, ...]] = {}


def node_fields(cls: type) -> tuple[str, ...]:
    """The field names of a node class except `span` (cached)."""
    names = _FIELDS.get(cls)
    if names is None:
        names = tuple(f.name for f in dataclasses.fields(cls) if f.name != "span")
        _FIELDS[cls] = names
    return names


_IS_NODE: dict[type, bool] = {}


def is_node(value: object) -> bool:
    """A syntax node: a dataclass instance other than a span (answered per class from a cache, as every walk of
    the tree asks it once per field value)."""
    cls = type(value)
    known = _IS_NODE.get(cls)
    if known is None:
        known = dataclasses.is_dataclass(cls) and not issubclass(cls, type | Span)
        _IS_NODE[cls] = known
    return known


def children(node: object) -> Iterator[object]:
    """Direct child nodes, in field order."""
    for name in node_fields(type(node)):
        value = getattr(node, name)
        if isinstance(value, tuple):
            for item in value:
                if is_node(item):
                    yield item
        elif is_node(value):
            yield value


def first_node(root: object, cls: type[N]) -> N | None:
    """The first node of class `cls` in `root` (itself included), in source order."""
    stack: list[object] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, cls):
            return node
        stack.extend(reversed(list(children(node))))
    return None


def rewrite(root: object, fn: Callable[[object], object]) -> object:
    """Rebuild `root` bottom-up, applying `fn` to every node after its children; unchanged subtrees are shared.

    Iterative (an explicit pre-order list walked backwards), so arbitrarily deep trees cannot overflow the stack.
    """
    order: list[object] = []
    stack = [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(children(node))
    done: dict[int, object] = {}
    for node in reversed(order):
        changes: dict[str, object] = {}
        for name in node_fields(type(node)):
            value = getattr(node, name)
            if isinstance(value, tuple):
                if value and is_node(value[0]):
                    new_items = tuple(done.get(id(item), item) for item in value)
                    if any(a is not b for a, b in zip(new_items, value, strict=True)):
                        changes[name] = new_items
            elif is_node(value):
                new_value = done.get(id(value), value)
                if new_value is not value:
                    changes[name] = new_value
        rebuilt = dataclasses.replace(node, **changes) if changes else node  # type: ignore[type-var]
        done[id(node)] = fn(rebuilt)
    return done[id(root)]
