"""Call hierarchy: the module-level values (functions, methods, constructors) a value uses (outgoing calls) and
the ones using it (incoming calls), across the workspace's modules. A call is any use of the name, applied or
not, as in other language servers of functional languages."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from nova import query
from nova.check import typed as T
from nova.diagnostics import Span
from nova.ide.hover import print_scheme
from nova.ide.locate import locate, name_span
from nova.ide.model import Call, CallItem, Target
from nova.ide.occurrences import bare, find_occurrences, is_type_level
from nova.ide.source import ModuleSource, Workspace

CALLABLE = frozenset({"value", "method", "constructor", "foreign", "operator", "instance"})


def call_item(workspace: Workspace, target: Target) -> CallItem | None:
    module, key = target
    if is_type_level(key):
        return None
    src = workspace.source(module)
    element = src.elements.get(key) if src is not None else None
    if element is None:
        element = workspace.view.element(module, key)
    kind = getattr(element, "kind", None)
    if element is None or kind not in CALLABLE:
        return None
    span = query.span_of(element)
    name_span_ = query.name_span_of(element) or span
    if span is None or name_span_ is None:
        return None
    scheme = workspace.view.scheme(module, key) or getattr(element, "scheme", None)
    return CallItem(bare(key), module, key, kind, span, name_span_,
                    print_scheme(scheme) if scheme is not None else None)


def prepare(workspace: Workspace, src: ModuleSource, line: int, col: int) -> list[CallItem]:
    symbol = locate(src, workspace.view, line, col)
    if symbol is None or symbol.kind != "element" or symbol.target is None:
        return []
    item = call_item(workspace, symbol.target)
    return [item] if item is not None else []


def incoming(workspace: Workspace, item: CallItem) -> list[Call]:
    """The elements whose code names the item, with where they do (in their module's text)."""
    return _calls(workspace, (((o.module, o.key), o.module, o.span)
                              for o in find_occurrences(workspace, (item.module, item.key))
                              if o.role in ("reference", "instance-method") and o.key is not None))


def outgoing(workspace: Workspace, item: CallItem) -> list[Call]:
    """The module-level values the item's code names (instance dictionaries and Prim left out)."""
    src = workspace.source(item.module)
    element: Any = src.elements.get(item.key) if src is not None else None
    if src is None or element is None:
        return []
    return _calls(workspace, _named_in(src, element, item.module), keep=lambda callee: callee.kind != "instance")


def _named_in(src: ModuleSource, element: Any, module: str) -> Iterator[tuple[Target, str, Span]]:
    """(element named, module, where) for each module-level name the element's code writes."""
    from nova.ide.typed_walk import iter_typed_nodes

    for node in iter_typed_nodes(element):
        if not isinstance(node, T.EVar | T.PCon) or not isinstance(node.target, tuple):
            continue
        written = node.name_span if isinstance(node, T.PCon) and isinstance(node.name_span, Span) else node.span
        spot = name_span(src, written, bare(node.target[1]))
        if spot is not None:  # None: desugared (`bind` of a do statement)
            yield (node.target[0], node.target[1]), module, spot


def _calls(workspace: Workspace, found: Iterable[tuple[Target, str, Span]],
           keep: Callable[[CallItem], bool] = lambda _: True) -> list[Call]:
    """Calls grouped by the element at the other end and the module the spans are in, Prim left out."""
    grouped: dict[tuple[Target, str], set[Span]] = {}
    for target, module, span in found:
        grouped.setdefault((target, module), set()).add(span)
    calls: list[Call] = []
    for (target, module), spans in sorted(grouped.items()):
        if target[0] == "Prim":
            continue
        other = call_item(workspace, target)
        if other is not None and keep(other):
            calls.append(Call(other, tuple(sorted(spans)), module))
    return calls
