"""A fast child enumeration for the typed tree: the structural fields of each node class, read once per class
(nova.query's walk reflects over every node; the token and hint passes visit every node of a module per request)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

_NOT_CHILDREN = frozenset({"span", "name_span", "type", "scheme", "doc", "fingerprint", "evidence", "binder",
                           "class_info", "instance", "reads", "alias", "fixity", "kind_of", "cls", "super_evidence",
                           "derivation", "target", "name", "key", "label", "value", "lit", "message"})
_FIELDS: dict[type, tuple[str, ...]] = {}


def typed_children(node: Any) -> Iterator[Any]:
    """The sub-nodes of a typed node (expressions, patterns, clauses, bindings), in field order."""
    cls = type(node)
    names = _FIELDS.get(cls)
    if names is None:
        names = tuple(f.name for f in dataclasses.fields(node) if f.name not in _NOT_CHILDREN) \
            if dataclasses.is_dataclass(node) else ()
        _FIELDS[cls] = names
    for name in names:
        value = getattr(node, name)
        if isinstance(value, tuple):
            for item in value:
                if isinstance(item, tuple):  # record fields: (label, expr)
                    yield from (part for part in item if not isinstance(part, str))
                elif item is not None and not isinstance(item, str):
                    yield item
        elif value is not None and not isinstance(value, str | int | float | bool):
            yield value
