"""Formatting one file's text: print, then prove the tree is unchanged (or fall back)."""

from __future__ import annotations

from dataclasses import dataclass

from nova.diagnostics import Severity
from nova.format.printer import render
from nova.format.shape import tree_shape
from nova.format.trivia import comments_between
from nova.syntax import parse_module
from nova.syntax.layout import layout
from nova.syntax.lexer import lex

CANONICAL = "canonical"
KEPT_INDENTATION = "kept-indentation"
UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class FormatResult:
    """The formatted text and how it was obtained (`mode`: canonical, kept-indentation when canonical block
    indentation would have changed the syntax tree, unchanged when even that would have)."""

    text: str
    mode: str

    def changed(self, original: str) -> bool:
        return self.text != original


def format_source(text: str) -> FormatResult | None:
    """The file formatted, or None when it has syntax errors (a broken file is never rewritten)."""
    parsed = parse_module(text)
    if any(d.severity == Severity.ERROR for d in parsed.diagnostics):
        return None
    expected = tree_shape(parsed.module)
    lexed = lex(text)
    comments = comments_between(text, lexed.tokens, lexed.line_starts)
    laid_out = layout(list(lexed.tokens))
    for reindent in (True, False):
        candidate = render(text, lexed.tokens, laid_out, comments, reindent)
        if candidate == text:
            return FormatResult(text, CANONICAL if reindent else KEPT_INDENTATION)
        again = parse_module(candidate)
        if not any(d.severity == Severity.ERROR for d in again.diagnostics) and tree_shape(again.module) == expected:
            return FormatResult(candidate, CANONICAL if reindent else KEPT_INDENTATION)
    return FormatResult(text, UNCHANGED)
