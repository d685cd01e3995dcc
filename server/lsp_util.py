"""Helpers shared by the feature modules: crash containment and "what is under the cursor"."""

from __future__ import annotations

import asyncio
import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from lsprotocol import types

from nova import keys, query
from nova.diagnostics import Span
from server import analysis
from server.connection import Connection
from server.session import OpenDoc, WorkspaceSession

log = logging.getLogger(__name__)
_QUALIFIED_UPPER = re.compile(r"((?:[A-Z][A-Za-z0-9_']*\.)*)([A-Z][A-Za-z0-9_']*)")
F = TypeVar("F", bound=Callable[..., Any])


def safe(default: Any = None) -> Callable[[F], F]:
    """A crash inside a handler is logged and answered with `default`, so the server keeps serving."""

    def decorate(handler: F) -> F:
        if asyncio.iscoroutinefunction(handler):

            @functools.wraps(handler)
            async def run_async(*args: Any, **kwargs: Any) -> Any:
                try:
                    return await handler(*args, **kwargs)
                except asyncio.CancelledError:
                    raise
                except Exception:
                    log.exception("%s failed", handler.__name__)
                    return default

            return run_async  # type: ignore[return-value]

        @functools.wraps(handler)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return handler(*args, **kwargs)
            except Exception:
                log.exception("%s failed", handler.__name__)
                return default

        return run  # type: ignore[return-value]

    return decorate


def markup(formats: Any, value: str) -> types.MarkupContent:
    """Markdown when the client lists it among the formats it renders (or lists none), else plain text."""
    if formats and types.MarkupKind.Markdown not in formats:
        return types.MarkupContent(kind=types.MarkupKind.PlainText, value=value)
    return types.MarkupContent(kind=types.MarkupKind.Markdown, value=value)


def documentation_formats(ls: Any) -> Any:
    document = ls.client_capabilities.text_document
    completion = document.completion if document is not None else None
    item = completion.completion_item if completion is not None else None
    return item.documentation_format if item is not None else None


def hover_formats(ls: Any) -> Any:
    document = ls.client_capabilities.text_document
    return document.hover.content_format if document is not None and document.hover is not None else None


def bare_name(key: str) -> str:
    """The name an element key stands for (`type:Maybe` → `Maybe`; an operator such as `:|` stays whole)."""
    return keys.name_of(key)


@dataclass(slots=True)
class At:
    """The cursor resolved against the document's last good typed AST."""

    connection: Connection
    session: WorkspaceSession
    open_doc: OpenDoc
    line: int
    col: int
    key: str | None
    element: Any
    node: Any
    word_span: Span | None = None  # set when the target is a type/class name found in the text

    @property
    def module(self) -> str:
        return self.open_doc.module or ""

    def target(self) -> query.Target | None:
        """What the cursor names: a reference's target, the declaration whose name is under the cursor, or a type
        or class name written in a signature (which the typed AST does not keep as nodes)."""
        found = query.target_of(self.node) if self.node is not None else None
        if found is not None:
            return found
        if self.element is not None and self.key is not None:
            name_span = query.name_span_of(self.element)
            if name_span is not None and name_span.contains(self.line, self.col):
                return (self.module, self.key)
            if self.node is self.element:
                return self.type_name_target() or (self.module, self.key)
        return None

    def type_name_target(self) -> query.Target | None:
        """`Maybe`, `M.Map` or `Show` under the cursor, resolved to a type or class visible in this module."""
        good_text = getattr(self.open_doc, "good_text", None) or self.open_doc.checked_text
        lines = good_text.split("\n")
        if not 0 <= self.line < len(lines):
            return None
        line = lines[self.line]
        for match in _QUALIFIED_UPPER.finditer(line):
            if match.start() <= self.col <= match.end():
                qualifier, name = match.group(1), match.group(2)
                word = Span(self.line, match.start(), self.line, match.end())
                break
        else:
            return None
        aliases = analysis.import_aliases(good_text)
        if qualifier:
            candidates = aliases.get(qualifier[:-1], [])
        else:
            candidates = [self.module, *[m for q, ms in aliases.items() for m in ms if q == m]]
        view = self.session.batch
        for module in candidates:
            for key in (f"type:{name}", f"class:{name}"):
                if view.element(module, key) is not None:
                    self.word_span = word
                    return (module, key)
        return None

    def binder(self) -> Span | None:
        """For a local variable under the cursor: the span of its binding occurrence."""
        if self.node is None or self.target() is not None:
            return None
        return query.binder_of(self.node)

    def range(self, span: Span) -> types.Range | None:
        """A span of the last good typed AST → the client's current text, or None when edits since replaced it."""
        doc = self.open_doc.doc
        start = doc.from_checked((span.start_line, span.start_col))
        end = doc.from_checked((span.end_line, span.end_col))
        if start is None or end is None:
            return None
        return self.connection.lsp_range(Span(*start, *end), doc.index)


def resolve(connection: Connection, uri: str, position: types.Position) -> At | None:
    found = connection.open_doc(uri)
    if found is None:
        return None
    session, open_doc = found
    if open_doc.good is None:
        return None
    doc = open_doc.doc
    current = doc.index.from_client(position.line, position.character, connection.encoding)
    mapped = doc.to_checked(current)
    if mapped is None:
        return None
    line, col = mapped
    elements = open_doc.elements()
    hit = query.element_at(elements, line, col)
    if hit is None:
        return At(connection, session, open_doc, line, col, None, None, None)
    key, element = hit
    node = query.node_at(element, line, col)
    return At(connection, session, open_doc, line, col, key, element, node)
