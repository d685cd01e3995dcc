"""A fast child enumeration for the typed tree: the structural fields of each node class, read once per class
(nova.query's walk reflects over every node; the token and hint passes visit every node of a module per request)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from nova.diagnostics import Span

_NOT_CHILDREN = frozenset({"span", "name_span", "type", "scheme", "doc", "fingerprint", "evidence", "binder",
                           "class_info", "instance", "reads", "alias", "fixity", "kind_of", "cls", "super_evidence",
                           "derivation", "target", "name", "key", "label", "lit", "message"})
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


def iter_typed_nodes(root: Any) -> Iterator[Any]:
    """Every node with a span under a typed node, root included, depth first in field order: `query.iter_nodes`
    without its reflection over every node's fields."""
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        if isinstance(getattr(node, "span", None), Span):
            yield node
        children = list(typed_children(node))
        children.reverse()
        stack.extend(children)


_SYNTAX_FIELDS: dict[type, tuple[str, ...]] = {}
_IS_SYNTAX_NODE: dict[type, bool] = {}


def _syntax_node_class(cls: type) -> bool:
    known = _IS_SYNTAX_NODE.get(cls)
    if known is None:
        known = dataclasses.is_dataclass(cls) and not issubclass(cls, Span)
        _IS_SYNTAX_NODE[cls] = known
    return known


def syntax_children(node: Any) -> list[Any]:
    """The same children as `nova.syntax.walk.children`, in the same order, with the per-value dataclass test
    answered from a table by class (the token pass visits every node of a module on each request)."""
    cls = type(node)
    names = _SYNTAX_FIELDS.get(cls)
    if names is None:
        names = tuple(f.name for f in dataclasses.fields(cls) if f.name != "span")
        _SYNTAX_FIELDS[cls] = names
    out: list[Any] = []
    is_node = _IS_SYNTAX_NODE
    for name in names:
        value = getattr(node, name)
        if isinstance(value, tuple):
            for item in value:
                known = is_node.get(type(item))
                if known is None:
                    known = _syntax_node_class(type(item))
                if known:
                    out.append(item)
        else:
            known = is_node.get(type(value))
            if known is None:
                known = _syntax_node_class(type(value))
            if known:
                out.append(value)
    return out
