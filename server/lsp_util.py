"""Helpers shared by the feature modules: crash containment and markup for the client's formats."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from lsprotocol import types

log = logging.getLogger(__name__)
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
    return key.split(":", 1)[1] if ":" in key else key
