"""The shape of a syntax tree without its positions: what must not change when a file is formatted."""

from __future__ import annotations

from nova.diagnostics import Span
from nova.syntax.walk import is_node, node_fields

# fields that only say where things are (or hash where tokens sit), not what the program is
_POSITIONAL = frozenset({"fingerprint", "layout"})


def tree_shape(node: object) -> object:
    """A nested tuple of every node's class and fields, spans left out (iterative: deep trees cannot overflow)."""
    # Post-order over an explicit stack: each entry is (value, done-flag).
    results: list[object] = []
    stack: list[tuple[object, bool]] = [(node, False)]
    while stack:
        value, expanded = stack.pop()
        if is_node(value):
            cls = type(value)
            names = [n for n in node_fields(cls) if n not in _POSITIONAL]
            if expanded:
                count = len(names)
                fields = tuple(results[len(results) - count :]) if count else ()
                del results[len(results) - count :]
                results.append((cls.__name__, fields))
            else:
                stack.append((value, True))
                for name in reversed(names):
                    stack.append((getattr(value, name), False))
        elif isinstance(value, tuple):
            if expanded:
                count = len(value)
                items = tuple(results[len(results) - count :]) if count else ()
                del results[len(results) - count :]
                results.append(("tuple", items))
            else:
                stack.append((value, True))
                for item in reversed(value):
                    stack.append((item, False))
        elif isinstance(value, Span):
            results.append(None)
        else:
            results.append(value)
    return results[0]


_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _fields_of(cls: type) -> tuple[str, ...] | None:
    """The compared fields of a node class; None for a value that is not a node (cached per class)."""
    try:
        return _FIELDS[cls]
    except KeyError:
        fields = None
        if is_node_class(cls):
            fields = tuple(n for n in node_fields(cls) if n not in _POSITIONAL)
        _FIELDS[cls] = fields
        return fields


def is_node_class(cls: type) -> bool:
    import dataclasses

    return dataclasses.is_dataclass(cls) and cls is not Span


def same_tree(a: object, b: object) -> bool:
    """`tree_shape(a) == tree_shape(b)`, without building the shapes, stopping at the first difference."""
    stack: list[tuple[object, object]] = [(a, b)]
    pop = stack.pop
    push = stack.append
    while stack:
        x, y = pop()
        cls = type(x)
        if cls is not type(y):
            return False
        if cls is tuple:
            if len(x) != len(y):  # type: ignore[arg-type]
                return False
            stack.extend(zip(x, y, strict=True))  # type: ignore[call-overload]
            continue
        if cls is Span:
            continue
        fields = _fields_of(cls)
        if fields is None:
            if x != y:
                return False
            continue
        for name in fields:
            push((getattr(x, name), getattr(y, name)))
    return True
