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
