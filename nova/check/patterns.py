"""Exhaustiveness and redundancy warnings: typed patterns are translated to `nova.types.exhaustive`'s patterns."""

from __future__ import annotations

from typing import Any

from nova.check import typed as T
from nova.diagnostics import Span


def check_rows(
    checker: Any, span: Span, rows: list[tuple[tuple[T.Pattern, ...], T.Rhs | None]], width: int, what: str
) -> None:
    """Warn about missing cases (`MissingCase`) and unreachable rows (`RedundantCase`)."""
    try:
        from nova.types import exhaustive  # noqa: F401
    except ImportError:
        return
