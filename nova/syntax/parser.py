"""Recursive-descent parser over the laid-out token stream (placeholder until the parser lands)."""

from __future__ import annotations

from dataclasses import dataclass

from nova.diagnostics import Diagnostic, Span
from nova.syntax import ast


@dataclass(frozen=True, slots=True)
class ParsedModule:
    module: ast.Module
    diagnostics: tuple[Diagnostic, ...]


def parse_module(source: str) -> ParsedModule:
    """Parse a whole file; never raises."""
    empty = ast.Module(Span(0, 0, 0, 0), None, None, None, (), ())
    return ParsedModule(empty, ())
