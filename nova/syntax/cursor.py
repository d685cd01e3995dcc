"""The token cursor every part of the parser builds on: position, lookahead, spans, errors, depth budget."""

from __future__ import annotations

from nova.diagnostics import Diagnostic, Severity, Span
from nova.syntax import ast
from nova.syntax.tokens import (
    CHAR,
    EOF,
    HOLE,
    INT,
    KEYWORDS,
    LOWER,
    NUMBER,
    QLOWER,
    QSYMBOL,
    QUPPER,
    STRING,
    TYPED_HOLE,
    UPPER,
    VEND,
    VIRTUAL,
    VSEP,
    Token,
    describe,
)

# Nesting budget in syntactic levels (a parenthesis counts two); each level costs at most ~4 Python frames, and
# `parse_module` raises the recursion limit to cover the budget while parsing, then restores it.
MAX_DEPTH = 200

ATOM_START = frozenset(
    {LOWER, QLOWER, UPPER, QUPPER, QSYMBOL, HOLE, TYPED_HOLE, INT, NUMBER, STRING, CHAR, "(", "[", "{"}
)
BLOCK_START = frozenset({"\\", "if", "case", "let", "do", "ado"})
PATTERN_ATOM_START = frozenset({LOWER, UPPER, QUPPER, HOLE, INT, NUMBER, STRING, CHAR, "(", "[", "{"})
TYPE_ATOM_START = frozenset({LOWER, UPPER, QUPPER, QSYMBOL, HOLE, TYPED_HOLE, STRING, INT, "(", "{"})
LABEL_KINDS = frozenset({LOWER, STRING}) | KEYWORDS
NAME_KINDS = frozenset({LOWER, QLOWER, UPPER, QUPPER})


class ParseError(Exception):
    def __init__(self, span: Span, message: str, code: str = "SyntaxError") -> None:
        super().__init__(message)
        self.span = span
        self.message = message
        self.code = code


class Cursor:
    """Walks the laid-out token list; `last` is the last real (non-virtual) token consumed, which ends spans."""

    def __init__(self, tokens: list[Token]) -> None:
        self.toks = tokens
        self.pos = 0
        self.t = tokens[0]
        self.last: Token | None = None
        self.depth = 0
        self.diagnostics: list[Diagnostic] = []
        self.holes: list[ast.Hole] = []
        self.claimed: set[int] = set()
        self.broken: list[ast.BrokenDecl] = []

    # -- token helpers ---------------------------------------------------------------------------------------

    def advance(self) -> Token:
        tok = self.t
        if tok.kind == EOF:
            return tok
        if tok.kind not in VIRTUAL:
            self.last = tok
        self.pos += 1
        self.t = self.toks[self.pos]
        return tok

    def peek(self, offset: int = 1) -> Token:
        index = self.pos + offset
        if index >= len(self.toks):
            return self.toks[-1]
        return self.toks[index]

    def here(self) -> Span:
        """Where an error at the current token is reported (virtual tokens: right after the last real token)."""
        tok = self.t
        if tok.kind in VIRTUAL or tok.kind == EOF:
            last = self.last
            if last is None:
                return Span(tok.line, tok.col, tok.line, tok.col)
            return Span(last.end_line, last.end_col, last.end_line, last.end_col)
        return Span(tok.line, tok.col, tok.end_line, tok.end_col)

    def fail(self, expected: str) -> ParseError:
        tok = self.t
        if tok.kind in (VSEP, VEND) and self.last is not None:
            # A block closed by a token on the same line (`let x = )`): that token is what was found.
            index = self.pos
            while self.toks[index].kind in VIRTUAL:
                index += 1
            real = self.toks[index]
            if real.kind != EOF and real.line == self.last.end_line:
                return ParseError(real.span, f"expected {expected}, found {describe(real)}")
        return ParseError(self.here(), f"expected {expected}, found {describe(tok)}")

    def expect(self, kind: str, expected: str) -> Token:
        if self.t.kind != kind:
            raise self.fail(expected)
        return self.advance()

    def span_from(self, first: Token) -> Span:
        last = self.last
        if last is None or last.start < first.start:
            return Span(first.line, first.col, first.end_line, first.end_col)
        return Span(first.line, first.col, last.end_line, last.end_col)

    def span_nodes(self, first: Span, last: Span) -> Span:
        return Span(first.start_line, first.start_col, last.end_line, last.end_col)

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ParseError(self.here(), "expression nested too deeply", "NestedTooDeeply")

    def report(self, err: ParseError) -> None:
        """Record a syntax error; a second error at the same position (a cascade) is not repeated."""
        start = (err.span.start_line, err.span.start_col)
        for existing in self.diagnostics:
            if (existing.span.start_line, existing.span.start_col) == start and existing.severity == Severity.ERROR:
                return
        self.diagnostics.append(Diagnostic(err.span, Severity.ERROR, err.code, err.message))
