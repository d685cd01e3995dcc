"""Formatting one file's text: print, then prove the tree is unchanged (or fall back)."""

from __future__ import annotations

from dataclasses import dataclass

from nova.diagnostics import Severity
from nova.format.printer import render
from nova.format.shape import same_tree
from nova.format.trivia import comments_between
from nova.syntax import ast, parse_module
from nova.syntax.layout import layout
from nova.syntax.lexer import Lexed, lex
from nova.syntax.parser import Parser, parse_guards
from nova.syntax.tokens import Token

CANONICAL = "canonical"
KEPT_INDENTATION = "kept-indentation"
UNCHANGED = "unchanged"
MAX_CHARS = 1_000_000
"""Longer texts are not formatted: a file this size is generated, and formatting costs about three parses."""


@dataclass(frozen=True, slots=True)
class FormatResult:
    """The formatted text and how it was obtained (`mode`: canonical, kept-indentation when canonical block
    indentation would have changed the syntax tree, unchanged when even that would have)."""

    text: str
    mode: str


def _parse(text: str) -> tuple[Lexed, list[Token], ast.Module] | None:
    """Lexed tokens, laid-out tokens and tree of a file without syntax errors (None for one with errors).

    The printer needs the tokens the parser saw, so this runs the pipeline of `parse_module` once, under the same
    guards (`parse_guards`; a parser failure counts as a syntax error)."""
    with parse_guards():
        try:
            lexed = lex(text)
            laid_out = layout(lexed.tokens)
            parser = Parser(laid_out)
            module = parser.parse_module()
        except Exception:  # RecursionError included: refuse rather than crash
            return None
    errors = [d for d in (*lexed.diagnostics, *parser.diagnostics) if d.severity == Severity.ERROR]
    return None if errors else (lexed, laid_out, module)


def format_source(text: str) -> FormatResult | None:
    """The file formatted, or None when it has syntax errors (a broken file is never rewritten) or is longer than
    MAX_CHARS."""
    if len(text) > MAX_CHARS:
        return None
    parsed = _parse(text)
    if parsed is None:
        return None
    lexed, laid_out, module = parsed
    comments = comments_between(text, lexed.tokens, lexed.line_starts)
    for reindent in (True, False):
        candidate = render(text, lexed.tokens, laid_out, comments, reindent)
        if candidate == text:
            return FormatResult(text, CANONICAL if reindent else KEPT_INDENTATION)
        again = parse_module(candidate)
        if not any(d.severity == Severity.ERROR for d in again.diagnostics) and same_tree(again.module, module):
            return FormatResult(candidate, CANONICAL if reindent else KEPT_INDENTATION)
    return FormatResult(text, UNCHANGED)
