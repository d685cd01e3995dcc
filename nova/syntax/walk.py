"""Generic traversal of the syntax tree: child enumeration and bottom-up rewriting of frozen nodes."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

from nova.diagnostics import Span

_FIELDS: dict[type, tuple[str, ...]] = {}


def node_fields(cls: type) -> tuple[str, ...]:
    """The field names of a node class except `span` (cached)."""
    names = _FIELDS.get(cls)
    if names is None:
        names = tuple(f.name for f in dataclasses.fields(cls) if f.name != "span")
        _FIELDS[cls] = names
    return names


def is_node(value: object) -> bool:
    return dataclasses.is_dataclass(value) and not isinstance(value, type | Span)


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


def rewrite(node: object, fn: Callable[[object], object]) -> object:
    """Rebuild `node` bottom-up, applying `fn` to every node after its children; unchanged subtrees are shared."""
    cls = type(node)
    names = node_fields(cls)
    changes: dict[str, object] = {}
    for name in names:
        value = getattr(node, name)
        if isinstance(value, tuple):
            if value and is_node(value[0]):
                new_items = tuple(rewrite(item, fn) if is_node(item) else item for item in value)
                if any(a is not b for a, b in zip(new_items, value, strict=True)):
                    changes[name] = new_items
        elif is_node(value):
            new_value = rewrite(value, fn)
            if new_value is not value:
                changes[name] = new_value
    rebuilt = dataclasses.replace(node, **changes) if changes else node  # type: ignore[type-var]
    return fn(rebuilt)
