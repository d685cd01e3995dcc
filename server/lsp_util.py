"""Helpers shared by the feature modules: crash containment and markup for the client's formats."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from lsprotocol import types
from pygls.exceptions import JsonRpcException

from nova import keys

log = logging.getLogger(__name__)
F = TypeVar("F", bound=Callable[..., Any])


def safe(default: Any = None) -> Callable[[F], F]:
    """A crash inside a handler is logged and answered with `default`, so the server keeps serving; a
    JsonRpcException raised on purpose goes out as the request's error."""

    def decorate(handler: F) -> F:
        if asyncio.iscoroutinefunction(handler):

            @functools.wraps(handler)
            async def run_async(*args: Any, **kwargs: Any) -> Any:
                try:
                    return await handler(*args, **kwargs)
                except (asyncio.CancelledError, JsonRpcException):
                    raise
                except Exception:
                    log.exception("%s failed", handler.__name__)
                    return default

            return run_async  # type: ignore[return-value]

        @functools.wraps(handler)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return handler(*args, **kwargs)
            except JsonRpcException:
                raise  # an answer meant for the user (a refused rename): sent as the JSON-RPC error
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


KEPT_DOCUMENTS = 64
"""How many documents' entries a feature's per-document tables keep (the most recently used)."""


def trim(table: dict[str, Any], kept: int = KEPT_DOCUMENTS) -> None:
    """Keep the most recently used documents' entries (dicts keep insertion order; users re-insert)."""
    while len(table) > kept:
        table.pop(next(iter(table)))
