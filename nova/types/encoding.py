"""The walk of nova's snapshot encoding (`nova.snapshot.encode`) over the nodes a typed tree is made of, compiled.

Each module a serial index makes compact, each module a worker process hands over and each snapshot written encodes
whole typed trees into tagged lists: a call per node, millions at 250k lines, most of the cost of making a module
compact. The nodes met most (strings, spans, the type terms, tuples, the typed tree's data classes) are encoded
here, where the build compiles the walk (`nova.compiled`): the type terms and spans are then read as native
objects, and the recursion is a C call. Every other value goes to `nova.snapshot`'s rules (`install`), which encode
their parts through `encode` again; the data classes' layouts (tag and fields) are `nova.snapshot`'s too, kept here
once known.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from nova.diagnostics import Span
from nova.types.terms import TApp, TCon, TFun, TGen

Layout = tuple[str, Callable[[Any], Any], bool]
"""A data class's tag, a getter of its encoded fields (`operator.attrgetter`), and whether it has several (the
getter then gives a tuple)."""

_SURROGATE = re.compile("[" + chr(0xD800) + "-" + chr(0xDFFF) + "]")
_LAYOUTS: dict[type, Layout] = {}
_rest: list[Callable[[Any], Any]] = []


def install(rest: Callable[[Any], Any]) -> None:
    """Have values of every type not encoded here encoded by `rest` (`nova.snapshot`'s rules)."""
    _rest[:] = [rest]


def remember_layout(cls: type, layout: Layout) -> None:
    """Encode the data class `cls` by `layout` from now on (found by `nova.snapshot` on meeting the class first)."""
    _LAYOUTS[cls] = layout


def encode(v: Any) -> Any:
    """The tagged-list form of a value (see `nova.snapshot.encode`)."""
    kind = type(v)
    if kind is str:
        text: str = v
        if not text.isascii() and _SURROGATE.search(text) is not None:
            # a Nova string may hold lone UTF-16 surrogates (`"\\xD834"`), which CBOR text cannot carry
            return ["U", text.encode("utf-8", "surrogatepass")]
        return v
    if v is None or kind is bool or kind is int or kind is float:
        return v
    if kind is Span:
        span: Span = v
        return ["S", span.start_line, span.start_col, span.end_line, span.end_col]
    if kind is TCon:
        con: TCon = v
        return ["C", con.name, con.module]
    if kind is TFun:
        fun: TFun = v
        return ["F", encode(fun.arg), encode(fun.res)]
    if kind is TApp:
        app: TApp = v
        return ["A", encode(app.fn), encode(app.arg)]
    if kind is TGen:
        gen: TGen = v
        return ["G", gen.index]
    if kind is tuple:
        items: list[Any] = ["()"]
        for item in v:
            items.append(encode(item))
        return items
    layout = _LAYOUTS.get(kind)
    if layout is None:
        return _rest[0](v)
    tag, fields, several = layout
    if not several:
        return [tag, encode(fields(v))]
    encoded: list[Any] = [tag]
    for field in fields(v):
        encoded.append(encode(field))
    return encoded
