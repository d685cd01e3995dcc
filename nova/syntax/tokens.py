"""Token kinds and the token record shared by the lexer, the layout pass and the parser.

Kinds are interned strings: keywords and reserved symbols are their own text (`"where"`, `"::"`), the rest use the
upper-case names below. Virtual layout tokens (block start, separator, block end) are zero-width.
"""

from __future__ import annotations

from nova.diagnostics import Span

LOWER = "LOWER"  # map, foldl', _acc
UPPER = "UPPER"  # Just, Data
QLOWER = "QLOWER"  # List.map (qualifier in `qualifier`, name in `name`)
QUPPER = "QUPPER"  # M.Map, Data.Maybe
QOP = "QOP"  # M.<>
QSYMBOL = "QSYMBOL"  # M.(<>): a qualified operator name in parentheses (qualifier in `qualifier`, operator in `name`)
TYPED_HOLE = "TYPED_HOLE"  # ?name (the name, without `?`, in `name`)
OP = "OP"  # <>, >>=, :, -
HOLE = "_"
INT = "INT"
NUMBER = "NUMBER"
STRING = "STRING"
CHAR = "CHAR"
ERROR = "ERROR"  # a character no token starts with, or an unterminated literal
EOF = "EOF"
VSTART = "{L"  # virtual block start
VSEP = ";L"  # virtual item separator
VEND = "}L"  # virtual block end

KEYWORDS = frozenset(
    {
        "module",
        "where",
        "import",
        "data",
        "newtype",
        "type",
        "class",
        "instance",
        "derive",
        "foreign",
        "infix",
        "infixl",
        "infixr",
        "let",
        "in",
        "case",
        "of",
        "if",
        "then",
        "else",
        "do",
        "ado",
        "forall",
    }
)

# Words that are keywords only in some positions; they lex as LOWER and the parser checks their text.
CONTEXTUAL = frozenset({"as", "hiding"})

RESERVED_SYMBOLS = {
    "::": "::",
    "∷": "::",
    "->": "->",
    "→": "->",
    "<-": "<-",
    "←": "<-",
    "=>": "=>",
    "⇒": "=>",
    "=": "=",
    "|": "|",
    "\\": "\\",
    "@": "@",
    ".": ".",
    "∀": "forall",
}

VIRTUAL = frozenset({VSTART, VSEP, VEND})


class Token:
    """One token. `col` counts code points (for spans); `lcol` is the layout column (tabs to multiples of 8)."""

    __slots__ = (
        "col",
        "doc",
        "end",
        "end_col",
        "end_line",
        "kind",
        "lcol",
        "line",
        "name",
        "qualifier",
        "start",
        "text",
        "value",
    )

    def __init__(
        self,
        kind: str,
        text: str,
        start: int,
        end: int,
        line: int,
        col: int,
        end_line: int,
        end_col: int,
        lcol: int,
    ) -> None:
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.line = line
        self.col = col
        self.end_line = end_line
        self.end_col = end_col
        self.lcol = lcol
        self.value: object = None
        self.doc: str | None = None
        self.qualifier: str | None = None
        self.name = text

    @property
    def span(self) -> Span:
        return Span(self.line, self.col, self.end_line, self.end_col)

    def __repr__(self) -> str:
        return f"Token({self.kind!r}, {self.text!r}, {self.line}:{self.col})"


def virtual(kind: str, line: int, col: int, lcol: int, offset: int) -> Token:
    """A zero-width layout token at a position."""
    return Token(kind, "", offset, offset, line, col, line, col, lcol)


def describe(token: Token) -> str:
    """How an error message names a token: `found Y`."""
    kind = token.kind
    if kind == EOF:
        return "end of file"
    if kind in (VSEP, VEND):
        if token.value == 1:
            return "the end of the declaration"
        return "a new line at the block's indentation" if kind == VSEP else "the end of the indented block"
    if kind == VSTART:
        return "the module's declarations" if token.value == 1 else "an indented block"
    if kind in KEYWORDS:
        return f"keyword `{token.text}`"
    if kind in (LOWER, QLOWER):
        return f"identifier `{token.text}`"
    if kind in (UPPER, QUPPER):
        return f"name `{token.text}`"
    if kind in (INT, NUMBER):
        return f"number `{token.text}`"
    if kind == STRING:
        return "a string literal"
    if kind == CHAR:
        return "a character literal"
    if kind == TYPED_HOLE:
        return f"typed hole `{token.text}`"
    if kind == QSYMBOL:
        return f"operator `{token.text}`"
    if kind == ERROR:
        return f"unexpected `{token.text[:20]}`"
    return f"`{token.text}`"
