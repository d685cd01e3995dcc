"""Source spans and diagnostics shared by every pass of the language (syntax, types, eval).

Positions are 0-based lines and 0-based columns counted in code points (Python `str` indices); the server alone
converts them to the client's negotiated encoding (UTF-16 by default), so no pass of the language knows about LSP.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True, order=True, unsafe_hash=True)
class Span:
    """A half-open source range `[start, end)` in 0-based lines and code-point columns.

    Immutable by convention, like the syntax tree's nodes (`nova.syntax.ast`): the explicit constructor is what
    makes it a native class with a native constructor once compiled (see `nova.compiled`)."""

    start_line: int
    start_col: int
    end_line: int
    end_col: int

    def __init__(self, start_line: int, start_col: int, end_line: int, end_col: int) -> None:
        self.start_line = start_line
        self.start_col = start_col
        self.end_line = end_line
        self.end_col = end_col

    def contains(self, line: int, col: int) -> bool:
        """True when the position lies inside the span (the end column counts, so a cursor after a name hits it)."""
        if (line, col) < (self.start_line, self.start_col):
            return False
        return (line, col) <= (self.end_line, self.end_col)

    def covers(self, other: Span) -> bool:
        return (self.start_line, self.start_col) <= (other.start_line, other.start_col) and (
            other.end_line,
            other.end_col,
        ) <= (self.end_line, self.end_col)

    @staticmethod
    def join(first: Span, last: Span) -> Span:
        return Span(first.start_line, first.start_col, last.end_line, last.end_col)


class Severity(enum.IntEnum):
    """Values match LSP's DiagnosticSeverity so the server can pass them through."""

    ERROR = 1
    WARNING = 2
    INFORMATION = 3
    HINT = 4


@dataclass(frozen=True, slots=True)
class Related:
    """A second place a diagnostic points at (the other definition of a duplicate, the import in a cycle)."""

    span: Span
    message: str
    module: str | None = None
    path: str | None = None
    """A file, for a place that no module names (the other file declaring a duplicate module)."""


@dataclass(frozen=True, slots=True)
class Diagnostic:
    span: Span
    severity: Severity
    code: str
    message: str
    related: tuple[Related, ...] = ()
    unnecessary: bool = False
    """The range holds only something unused (an import, a name): editors fade it (LSP's `Unnecessary` tag)."""
    data: Mapping[str, Any] | None = field(default=None, hash=False)
    """Plain facts a quick fix acts on (names, the inferred type, ranges as `Span`s), so that no fix parses the
    message: strings, numbers, booleans, `Span`s and lists and string-keyed mappings of them. The server carries
    it to LSP's `Diagnostic.data` (spans as ranges of the client's text) and reads it back from a code action
    request's context."""

