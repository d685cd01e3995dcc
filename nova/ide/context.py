"""Where the cursor is in the text being typed, read from tokens (never from regular expressions over the line):
the word being typed and its qualifier, whether the position takes a type, an expression, a record label, a
module name or an import item, and the application around it (for signature help).

Only a window is lexed: from the start of the top-level declaration holding the cursor (the nearest line above
that starts in column 0) to the cursor, so the cost is linear in that window, whatever the file's size. A line
starting in column 0 inside a block comment or a multi-line string can cut the window short; the answer is then
only less precise.
"""

from __future__ import annotations

import bisect
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from nova.diagnostics import Diagnostic, Span
from nova.syntax.lexer import lex
from nova.syntax.tokens import (
    CHAR,
    EOF,
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
    VIRTUAL,
    Token,
)

MAX_WINDOW_LINES = 2000
NAME_KINDS = frozenset({LOWER, UPPER, QLOWER, QUPPER})
ATOM_END = frozenset({LOWER, UPPER, QLOWER, QUPPER, INT, NUMBER, STRING, CHAR, TYPED_HOLE, QSYMBOL, ")", "]", "}",
                      "_"})
OPENERS = {"(": ")", "[": "]", "{": "}"}
CLOSERS = {v: k for k, v in OPENERS.items()}
EXPRESSION_STARTERS = frozenset({"=", "<-", "in", "then", "else", "if", "case", "of", "do", "ado", "let",
                                 "where", "\\", "|", ","})
TYPE_DECLARATIONS = frozenset({"data", "newtype", "type", "foreign", "class", "instance", "derive"})


@dataclass(slots=True)
class Window:
    """Tokens from the start of the enclosing top-level declaration up to the cursor (absolute positions)."""

    tokens: list[Token]
    line: int
    col: int
    in_comment: bool = False
    in_string: bool = False


SENTINEL = "nova_cursor_sentinel_"


def window(text: str, line: int, col: int) -> Window:
    """The window's tokens through the layout rule, so virtual separators and block ends mark where items of a
    `do`, `let`, `where` or `case` block begin (a sentinel token at the cursor gets the separator due there).
    The window last built is kept: completion and signature help ask for the same one several times."""
    global _last_window
    last = _last_window
    if last is not None and last[0] is text and last[1] == (line, col):
        return last[2]
    found = _window(text, line, col)
    _last_window = (text, (line, col), found)
    return found


_last_window: tuple[str, tuple[int, int], Window] | None = None

LARGE_WINDOW = 20_000
"""Characters from which a window's lexing is reused (see `_large_window_tokens`)."""

_KEPT_TOKENS = 300_000
"""Tokens kept for reuse by large windows, all of them together (the oldest windows' are dropped first)."""
_KEPT_WINDOWS = 16
"""Large windows whose tokens are kept, at most (each holds its text too)."""
_lexes: OrderedDict[tuple[int, str], list[Token]] = OrderedDict()
_lexes_lock = threading.Lock()
_last_lines: tuple[str, list[str]] | None = None


def _lines_of(text: str) -> list[str]:
    """The text's lines, split once for the requests that follow one another on the same text."""
    global _last_lines
    held = _last_lines
    if held is not None and held[0] is text:
        return held[1]
    lines = text.split("\n")
    _last_lines = (text, lines)
    return lines


def _window(text: str, line: int, col: int) -> Window:
    lines = _lines_of(text)
    if not 0 <= line < len(lines):
        return Window([], line, col)
    col = min(col, len(lines[line]))
    start = line
    floor = max(0, line - MAX_WINDOW_LINES)
    while start > floor and not (lines[start][:1].strip() and not lines[start].startswith(("--", "{-", "-}"))):
        start -= 1
    before = lines[line][:col]
    glue = " " if before[-1:].strip() else ""
    from nova.syntax.layout import layout

    large = _large_window_tokens(lines, start, line, col, glue)
    if large is not None:
        lexed_tokens, diagnostics = large
        laid = layout(lexed_tokens)
        cut = next((i for i in range(len(laid) - 1, -1, -1)
                    if laid[i].kind == LOWER and laid[i].text == SENTINEL), len(laid))
        tokens = [t for t in laid[:cut] if t.kind != EOF]
    else:
        chunk = "\n".join([*lines[start:line], before + glue + SENTINEL])
        lexed = lex(chunk)
        diagnostics = lexed.diagnostics
        laid = layout(lexed.tokens)
        cut = next((i for i, t in enumerate(laid) if t.kind == LOWER and t.text == SENTINEL), len(laid))
        tokens = [t for t in laid[:cut] if t.kind != EOF]
        if start:
            for token in tokens:
                token.line += start
                token.end_line += start
    real = [t for t in tokens if t.kind not in VIRTUAL]
    last = real[-1] if real else None
    in_string = any(d.code == "UnterminatedLiteral" for d in diagnostics) and last is not None and (
        last.kind in (STRING, CHAR) and ends_at(last, line, col))
    in_comment = any(d.code == "UnterminatedComment" for d in diagnostics) or cut == len(laid)
    if not in_comment:
        gap_start = last.end_col if last is not None and last.end_line == line else 0
        in_comment = "--" in before[gap_start:]
    return Window(tokens, line, col, in_comment, in_string)


def _large_window_tokens(lines: list[str], start: int, line: int, col: int, glue: str
                         ) -> tuple[list[Token], list[Diagnostic]] | None:
    """A large window's tokens before layout (absolute lines; offsets within the window's text), and the
    diagnostics of lexing its end; None when the window is small or must be lexed whole.

    The tokens of a window that end before its cursor are the same whatever follows the cursor, so they are kept
    (for the last few windows) and reused by the next window that starts on the same line and shares that text:
    the same position asked again, a position further back, or further on (typing at the end of a long line).
    Only the text from the last reused token to the cursor is lexed again, so moving through a line of 100k
    tokens costs the layout pass, not a new lexing of the whole line each time."""
    text = "\n".join([*lines[start:line], lines[line][:col]])
    cursor = len(text)
    if cursor <= LARGE_WINDOW:
        return None
    reused: list[Token] = []
    with _lexes_lock:
        for (first_line, lexed_text), tokens in reversed(_lexes.items()):
            if first_line != start:
                continue
            if text.startswith(lexed_text):
                reused = tokens
            elif lexed_text.startswith(text):
                reused = tokens[:_settled(tokens, text, cursor)]
            else:
                continue
            break
    resume = reused[-1].end if reused else 0
    line_start = text.rfind("\n", 0, resume) + 1
    rest = text[resume:] + glue + SENTINEL
    if "\t" in text[line_start:resume] or rest.startswith("#!"):
        return None  # layout columns after a tab, or a shebang the lexer would read: lex the window whole
    resume_line = start + text.count("\n", 0, resume)
    shift_col = resume - line_start
    lexed = lex(rest)
    for token in lexed.tokens:
        token.start += resume
        token.end += resume
        if token.line == 0:
            token.col += shift_col
            token.lcol += shift_col
        if token.end_line == 0:
            token.end_col += shift_col
        token.line += resume_line
        token.end_line += resume_line
    with _lexes_lock:
        _lexes.pop((start, text), None)
        _lexes[(start, text)] = reused + lexed.tokens[:_settled(lexed.tokens, text, cursor)]
        kept = sum(len(tokens) for tokens in _lexes.values())
        while len(_lexes) > 1 and (kept > _KEPT_TOKENS or len(_lexes) > _KEPT_WINDOWS):
            kept -= len(_lexes.popitem(last=False)[1])
    return reused + lexed.tokens, lexed.diagnostics


def _settled(tokens: list[Token], text: str, limit: int) -> int:
    """How many of `tokens` (lexed from `text` cut somewhere after `limit`) any text sharing `text[:limit]` lexes
    alike: those up to the last one ending before `limit` and followed by white space. (A token ending right at
    the cut, or followed by more text, can read differently with other text after it: `Data.String|.Pattern`,
    `1e|5`.)"""
    count = bisect.bisect_left(tokens, limit, key=lambda t: t.end)
    while count and not text[tokens[count - 1].end].isspace():
        count -= 1
    return count


def ends_at(token: Token, line: int, col: int) -> bool:
    return (token.end_line, token.end_col) == (line, col)


def adjacent(before: Token, after: Token) -> bool:
    return (before.end_line, before.end_col) == (after.line, after.col)


@dataclass(slots=True)
class Context:
    """What completion should offer at the cursor.

    `kind`: "expression", "type", "qualified", "field" (after `expr.`), "label" (record literal, update or pattern
    label), "import-module", "import-item", "none" (inside a comment or string, or after a literal).
    `word` is the part of the name typed so far, `replace` its span (empty at the cursor when nothing is typed).
    """

    kind: str
    word: str
    replace: Span
    qualifier: str | None = None
    module: str | None = None  # import-item: the imported module
    atom: Span | None = None  # field: the expression before the dot; label (update): the record updated
    braces: Span | None = None  # label: from `{` to the cursor (or its matching `}`)
    present: tuple[str, ...] = ()  # label: the labels already written in the braces
    hole: Span | None = None  # expression: where a typed hole stands in for the word in a probe check
    tokens: list[Token] = field(default_factory=list)
    in_text: bool = False  # inside a comment or a string literal


def completion_context(text: str, line: int, col: int) -> Context:
    win = window(text, line, col)
    tokens = win.tokens
    here = Span(line, win.col, line, win.col)
    if win.in_comment or win.in_string:
        return Context("none", "", here, tokens=tokens, in_text=True)
    word, replace, qualifier = "", here, None
    rest = tokens
    last = tokens[-1] if tokens else None
    if last is not None and ends_at(last, line, win.col):
        if last.kind in (LOWER, UPPER) or last.kind in KEYWORDS:
            word, replace, rest = last.text, last.span, tokens[:-1]
        elif last.kind in (QLOWER, QUPPER):
            word = last.name
            replace = Span(last.end_line, last.end_col - len(last.name), last.end_line, last.end_col)
            qualifier, rest = last.qualifier, tokens[:-1]
        elif last.kind == "." and len(tokens) >= 2 and adjacent(tokens[-2], last):
            previous = tokens[-2]
            if previous.kind in (UPPER, QUPPER):
                qualifier, rest = previous.text, tokens[:-2]
            else:
                return _field_context(tokens[:-1], "", here, tokens)
        elif last.kind in (INT, NUMBER, STRING, CHAR):
            return Context("none", "", here, tokens=tokens)
    if qualifier is None and rest and rest[-1].kind == "." and word and adjacent(rest[-1], tokens[-1]) and len(
            rest) >= 2 and adjacent(rest[-2], rest[-1]) and rest[-2].kind not in (UPPER, QUPPER):
        return _field_context(rest[:-1], word, replace, tokens)
    first = first_real(tokens)
    if first is not None and first.kind == "import":
        return _import_context(tokens, word, replace, qualifier)
    if qualifier is not None:
        return Context("qualified", word, replace, qualifier=qualifier, tokens=tokens)
    label = _label_context(rest, word, replace, tokens)
    if label is not None:
        return label
    if is_type_position(rest):
        return Context("type", word, replace, tokens=tokens)
    return Context("expression", word, replace, hole=replace, tokens=tokens)


def first_real(tokens: list[Token]) -> Token | None:
    return next((t for t in tokens if t.kind not in VIRTUAL), None)


def _field_context(before_dot: list[Token], word: str, replace: Span, tokens: list[Token]) -> Context:
    start = atom_start(before_dot)
    if start is None:
        return Context("none", word, replace, tokens=tokens)
    first, last = before_dot[start], before_dot[-1]
    atom = Span(first.line, first.col, last.end_line, last.end_col)
    return Context("field", word, replace, atom=atom, tokens=tokens)


def atom_start(tokens: list[Token]) -> int | None:
    """Index of the first token of the atom (with its `.label` chain) ending the token list: `r`, `r.a.b`,
    `(f x)`, `{ a: 1 }.a`, `xs`."""
    index = len(tokens) - 1
    while index >= 0:
        token = tokens[index]
        if token.kind in CLOSERS:
            depth = 0
            while index >= 0:
                kind = tokens[index].kind
                if kind in CLOSERS:
                    depth += 1
                elif kind in OPENERS:
                    depth -= 1
                    if depth == 0:
                        break
                index -= 1
            if index < 0:
                return None
        elif token.kind not in (LOWER, QLOWER, UPPER, QUPPER, TYPED_HOLE, "_", STRING) and token.kind not in KEYWORDS:
            return None
        if index >= 2 and tokens[index - 1].kind == "." and adjacent(tokens[index - 1], tokens[index]) and adjacent(
                tokens[index - 2], tokens[index - 1]):
            index -= 2
            continue
        return index
    return None


def _import_context(tokens: list[Token], word: str, replace: Span, qualifier: str | None) -> Context:
    tokens = [t for t in tokens if t.kind not in VIRTUAL]
    opened = next((i for i, t in enumerate(tokens) if t.kind == "("), None)
    if opened is None:
        after = tokens[1:]
        if not after or all(t.kind in (UPPER, QUPPER, ".") for t in after):
            start = after[0] if after else None
            typed = "".join(t.text for t in after)
            span = Span(start.line, start.col, replace.end_line, replace.end_col) if start is not None else replace
            return Context("import-module", typed, span, tokens=tokens)
        return Context("none", word, replace, tokens=tokens)
    module = tokens[1].text if len(tokens) > 1 and tokens[1].kind in (UPPER, QUPPER) else None
    return Context("import-item", word, replace, module=module, tokens=tokens)


def _label_context(rest: list[Token], word: str, replace: Span, tokens: list[Token]) -> Context | None:
    """Inside `{ … }` at a label's place (right after `{` or `,`): a record literal, update or pattern."""
    depth = 0
    index = len(rest) - 1
    expects_label = True
    while index >= 0:
        kind = rest[index].kind
        if kind in CLOSERS:
            depth += 1
        elif kind in OPENERS:
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and kind == "," and index == len(rest) - 1:
            expects_label = True
        elif depth == 0 and index == len(rest) - 1:
            expects_label = False
        index -= 1
    if index < 0 or rest[index].kind != "{" or not expects_label:
        return None
    opener = rest[index]
    present: list[str] = []
    depth = 0
    for position in range(index + 1, len(rest)):
        token = rest[position]
        if token.kind in OPENERS:
            depth += 1
        elif token.kind in CLOSERS:
            depth -= 1
        elif depth == 0 and token.kind in (LOWER, STRING) and (position == index + 1 or rest[position - 1].kind == ","):
            present.append(token.text if token.kind == LOWER else str(token.value))
    braces = Span(opener.line, opener.col, replace.end_line, replace.end_col)
    atom = None
    if index > 0 and rest[index - 1].kind in ATOM_END and adjacent_or_space(rest[index - 1], opener):
        start = atom_start(rest[:index])
        if start is not None and start < index:
            first, last = rest[start], rest[index - 1]
            if not (last.kind in (UPPER, QUPPER) and start == index - 1):  # `Ctor { … }` is a literal argument
                atom = Span(first.line, first.col, last.end_line, last.end_col)
    return Context("label", word, replace, atom=atom, braces=braces, present=tuple(present), tokens=tokens)


def adjacent_or_space(before: Token, after: Token) -> bool:
    return before.end_line == after.line


def is_type_position(tokens: list[Token]) -> bool:
    """After `::` (signatures, annotations), and in the heads and bodies of type-level declarations."""
    if not tokens:
        return False
    depth = 0
    for token in reversed(tokens):
        kind = token.kind
        if kind in CLOSERS:
            depth += 1
        elif kind in OPENERS:
            depth = max(0, depth - 1)
        elif kind == "::":
            return True
        elif depth == 0 and (kind in EXPRESSION_STARTERS - {"|", ","} or kind in VIRTUAL):
            break
    head = first_real(tokens)
    first = head.kind if head is not None else ""
    if first in TYPE_DECLARATIONS:
        return not (first in ("class", "instance") and any(t.kind == "where" for t in tokens))
    return False


# ------------------------------------------------------------------------------------------------- applications
@dataclass(frozen=True, slots=True)
class Application:
    """The application the cursor is in: its head (a name token) and the index of the argument at the cursor."""

    head: Token
    argument: int


UNIT_KINDS = frozenset({LOWER, QLOWER, UPPER, QUPPER, INT, NUMBER, STRING, CHAR, TYPED_HOLE, "_", QSYMBOL})


def _units(tokens: list[Token], end: int) -> tuple[list[int], int]:
    """The atoms (bracketed groups count as one, `r.a.b` as one) right before `end`, back to the first delimiter
    (an unmatched bracket, an operator, a keyword, a layout separator…): their first tokens' indexes, in order,
    and the delimiter's index (-1 at the window's start)."""
    units: list[int] = []
    index = end - 1
    while index >= 0:
        kind = tokens[index].kind
        if kind in CLOSERS:
            depth = 0
            while index >= 0:
                inner = tokens[index].kind
                if inner in CLOSERS:
                    depth += 1
                elif inner in OPENERS:
                    depth -= 1
                    if depth == 0:
                        break
                index -= 1
            if index < 0:
                return list(reversed(units)), -1
            units.append(index)
        elif kind in UNIT_KINDS:
            units.append(index)
        elif (kind == "." and units and index > 0 and adjacent(tokens[index - 1], tokens[index])
              and adjacent(tokens[index], tokens[units[-1]])):
            units.pop()  # `r.label`: the label joins the atom before the dot
        else:
            return list(reversed(units)), index
        index -= 1
    return list(reversed(units)), -1


def application_at(text: str, line: int, col: int) -> Application | None:
    """The innermost application around the cursor whose head is a name: `f a b |` → (f, 2), `f a b|` → (f, 1),
    `f (g x|` → (g, 0), `f (g|` → (f, 0) (a lone name being typed is no application yet), `f (|` → (f, 0)."""
    win = window(text, line, col)
    if win.in_comment or win.in_string:
        return None
    tokens = win.tokens
    typing = bool(tokens) and ends_at(tokens[-1], line, win.col) and (
        tokens[-1].kind in UNIT_KINDS or tokens[-1].kind in CLOSERS)
    end, open_group = len(tokens), False
    while True:
        units, stop = _units(tokens, end)
        arguments = len(units) - 1 + (1 if open_group else 0)
        head = units[0] if units else None
        compound = head is not None and head + 1 < end and tokens[head + 1].kind == "." and adjacent(
            tokens[head], tokens[head + 1])
        if head is not None and tokens[head].kind in NAME_KINDS and not compound:
            if open_group or typing:
                if arguments >= 1:
                    return Application(tokens[head], arguments - 1)
            else:
                return Application(tokens[head], arguments)
        if stop >= 0 and tokens[stop].kind in (",", ":"):
            stop = _unmatched_opener(tokens, stop)
        if stop >= 0 and tokens[stop].kind in OPENERS:
            end, open_group, typing = stop, True, False
            continue
        return None


def _unmatched_opener(tokens: list[Token], end: int) -> int:
    """Index of the innermost bracket left open before `end` (-1 when none)."""
    depth = 0
    for index in range(end - 1, -1, -1):
        kind = tokens[index].kind
        if kind in CLOSERS:
            depth += 1
        elif kind in OPENERS:
            if depth == 0:
                return index
            depth -= 1
        elif kind in VIRTUAL and depth == 0:
            return -1
    return -1
