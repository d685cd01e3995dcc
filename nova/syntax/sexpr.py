"""A readable S-expression form of the syntax tree (spans included), used by the snapshot tests and `--sexpr`."""

from __future__ import annotations

from nova.diagnostics import Span
from nova.syntax.walk import is_node, node_fields


def _span(span: Span) -> str:
    return f"{span.start_line}:{span.start_col}-{span.end_line}:{span.end_col}"


def to_sexpr(node: object, indent: int = 0) -> str:
    lines: list[str] = []
    _emit(node, indent, lines, "")
    return "\n".join(lines)


def _emit(node: object, indent: int, lines: list[str], label: str) -> None:
    pad = "  " * indent
    cls = type(node)
    span = getattr(node, "span", None)
    head = f"{pad}{label}({cls.__name__}" + (f" @{_span(span)}" if isinstance(span, Span) else "")
    nested: list[tuple[str, object]] = []
    for name in node_fields(cls):
        value = getattr(node, name)
        if (isinstance(value, tuple) and value and is_node(value[0])) or is_node(value):
            nested.append((name, value))
        elif isinstance(value, Span):
            head += f" {name}=@{_span(value)}"
        elif isinstance(value, tuple):
            head += f" {name}=[]" if not value else f" {name}={list(value)!r}"
        elif value is None or value is False or value == "":
            continue
        else:
            head += f" {name}={value!r}"
    if not nested:
        lines.append(head + ")")
        return
    lines.append(head)
    for name, value in nested:
        if isinstance(value, tuple):
            lines.append(f"{pad}  {name}:")
            for item in value:
                _emit(item, indent + 2, lines, "")
        else:
            _emit(value, indent + 1, lines, f"{name}: ")
    lines[-1] += ")"
