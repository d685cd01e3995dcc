"""Signature help: inside an application `f a b`, f's type with the parameter at the cursor active. The application
is read from the tokens before the cursor (linear in the line, and still there while the next argument is being
typed, before any check has seen it); its head is resolved through the last good check."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nova import query
from nova.ide.context import application_at, completion_context
from nova.ide.hover import operator_safe, print_scheme, print_type_within, type_names
from nova.ide.locate import locate, resolve_value_name
from nova.ide.model import Pos, SignatureInfo
from nova.ide.occurrences import bare
from nova.ide.scopes import locals_at
from nova.ide.source import ModuleSource, Workspace
from nova.syntax.tokens import QLOWER, QUPPER


def split_parameters(printed: str) -> list[tuple[int, int]]:
    """Offsets of each parameter type in a printed type: the top-level `->` pieces after `forall ….` and `=>`."""
    start = 0
    if printed.startswith("forall"):
        start = printed.find(".") + 1
    depth, pieces, piece_start, index = 0, [], start, start
    while index < len(printed):
        char = printed[index]
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif depth == 0 and printed.startswith("=>", index):
            piece_start = index + 2
            index += 2
            continue
        elif depth == 0 and printed.startswith("->", index):
            pieces.append((piece_start, index))
            piece_start = index + 2
            index += 2
            continue
        index += 1
    trimmed = []
    for begin, end in pieces:
        text = printed[begin:end]
        left = len(text) - len(text.lstrip())
        right = len(text.rstrip())
        trimmed.append((begin + left, begin + right))
    return trimmed


def signature_help(workspace: Workspace, text: str, line: int, col: int, good: ModuleSource | None,
                   to_good: Callable[[Pos], Pos | None]) -> SignatureInfo | None:
    context = completion_context(text, line, col)
    if context.in_text or context.kind in ("type", "import-module", "import-item"):
        return None
    application = application_at(text, line, col)
    if application is None or good is None:
        return None
    head = application.head
    name = head.name if head.kind in (QLOWER, QUPPER) else head.text
    qualifier = head.qualifier if head.kind in (QLOWER, QUPPER) else None
    printed: str | None = None
    doc: Any = None
    view = workspace.view
    at = to_good((head.line, head.col))
    symbol = locate(good, view, *at) if at is not None else None
    target = symbol.target if symbol is not None and symbol.kind == "element" else None
    names = type_names(view, good)
    enclosing = query.element_at(good.elements, *at) if at is not None else None
    outer = getattr(enclosing[1], "scheme", None) if enclosing is not None else None
    if symbol is not None and symbol.kind == "local":
        type_ = query.type_of(symbol.node)
        printed = print_type_within(type_, outer, names) if type_ is not None else None
    if target is None and printed is None:
        target = resolve_value_name(good, view, name, qualifier)
        if target is None and qualifier is None:
            cursor = to_good((line, col)) or at
            hit = query.element_at(good.elements, *cursor) if cursor is not None else None
            if hit is not None and cursor is not None:
                for local in locals_at(hit[1], *cursor):
                    if local.name == name:
                        printed = print_type_within(local.type, getattr(hit[1], "scheme", None), names)
    if target is not None:
        element = view.element(*target)
        scheme = view.scheme(*target) or getattr(element, "scheme", None)
        if scheme is None:
            return None
        printed = print_scheme(scheme, names)
        doc = getattr(element, "doc", None)
        name = bare(target[1])
    if printed is None:
        return None
    prefix = f"{operator_safe(name)} :: "
    parameters = tuple((len(prefix) + b, len(prefix) + e) for b, e in split_parameters(printed))
    active = min(application.argument, max(len(parameters) - 1, 0))
    return SignatureInfo(prefix + printed, parameters, active, doc if isinstance(doc, str) else None)
