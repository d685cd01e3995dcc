"""The lexer: one master regular expression, positions in offsets, lines and code-point columns.

Never fails: a character no token starts with, an unterminated string/char/comment or an invalid escape becomes a
diagnostic (and an ERROR token where something must stand in the stream). Doc comments (`-- |` and the `--` lines
that continue them) are attached to the next real token as `token.doc`.
"""

from __future__ import annotations

import re

from nova.diagnostics import Diagnostic, Severity, Span
from nova.numbers import decimal_to_int
from nova.syntax.tokens import (
    CHAR,
    EOF,
    HOLE,
    INT,
    KEYWORDS,
    LOWER,
    NUMBER,
    OP,
    QLOWER,
    QOP,
    QSYMBOL,
    QUPPER,
    RESERVED_SYMBOLS,
    STRING,
    TYPED_HOLE,
    UPPER,
    Token,
)
from nova.syntax.unicode_symbols import UNICODE_SYMBOL_RANGES

# Operator characters: ASCII ones, and every non-ASCII symbol (which includes the Unicode forms `∷ → ← ⇒ ∀`).
# Operators made of ASCII characters only and not followed by a non-ASCII character (nearly all) match a group
# with the small class; the others are caught by a group near the end, so the large class costs nothing on
# ordinary code.
_ASCII_SYMBOL_CHARS = r":!#$%&*+./<=>?@\\^|~\-"
_SYMBOL_CHARS = _ASCII_SYMBOL_CHARS + UNICODE_SYMBOL_RANGES

# Horizontal spaces are a prefix of every match; each alternative is exactly one capturing group, so
# `match.lastindex` says which one matched (numbers below). The order matters: `--` comments before operators,
# `{-` before punctuation, qualified names before plain identifiers, typed holes (`?name`) before operators,
# triple-quoted strings (which may end with up to two extra quotes, part of the text) before strings.
_MASTER = re.compile(
    r"""[ \r\f\v]*(?:
      (\n)
    | (--[^\n]*)
    | ((?:[A-Z][\w']*\.)+(?:[^\W\d][\w']*|[SYM]+|\([SYM]+\)))
    | ([^\W\d][\w']*)
    | (\{-)
    | ([()\[\]{},;`])
    | (\?[\w']+)
    | ([ASCIISYM]+(?![^\x00-\x7f]))
    | (0x[0-9a-fA-F]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?)
    | (\"\"\"(?:.*?\"\"\"\"{0,2}|.*))
    | ("(?:[^"\\\n]|\\(?:[ \t\r\n]+\\|[^\n]))*"?)
    | ('(?:[^'\\\n]|\\(?:x[0-9a-fA-F]{1,6}|u[0-9a-fA-F]{4}|[^\n]))'|'(?:\\.?|[^'\\\n]?))
    | (\t+)
    | ([SYM]+)
    | ([^ \r\f\v])
    )""".replace("ASCIISYM", _ASCII_SYMBOL_CHARS).replace("SYM", _SYMBOL_CHARS),
    re.VERBOSE | re.DOTALL,
)
(
    _G_NL,
    _G_LCOM,
    _G_QUAL,
    _G_IDENT,
    _G_BCOM,
    _G_PUNCT,
    _G_HOLE,
    _G_OP,
    _G_NUM,
    _G_TSTR,
    _G_STR,
    _G_CHAR,
    _G_TAB,
    _G_UNICODE_OP,
) = range(1, 15)
# what makes no token: tabs, line comments, block comments (the lexer's loop tests this set once per token)
_TRIVIA = frozenset({_G_TAB, _G_LCOM, _G_BCOM})

_ESCAPE = re.compile(r"\\(?:x([0-9a-fA-F]{0,6})|u([0-9a-fA-F]{4})|([ \t\r\n]+)\\|(.))", re.DOTALL)
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "'": "'", "\\": "\\", "0": "\0"}
_DOC_START = re.compile(r"--+ ?\|(?: ?)(.*)")
_DOC_MORE = re.compile(r"--+ ?(.*)")


class Lexed:
    """The lexer's result: tokens ending with EOF, and the diagnostics it produced."""

    __slots__ = ("diagnostics", "line_starts", "tokens")

    def __init__(self, tokens: list[Token], diagnostics: list[Diagnostic], line_starts: list[int]) -> None:
        self.tokens = tokens
        self.diagnostics = diagnostics
        self.line_starts = line_starts


def _decode(body: str, line: int, col: int, diags: list[Diagnostic]) -> str:
    """Resolve escapes; an invalid one is reported at its position and kept as written."""

    def replace(match: re.Match[str]) -> str:
        hex_code, uni_code, gap, single = match.groups()
        code = hex_code if hex_code is not None else uni_code
        if code is not None:
            value = int(code, 16) if code else 0  # `\x` followed by no digit is NUL, as in PureScript
            if value > 0x10FFFF:
                _bad_escape(match, body, line, col, diags)
                return "\ufffd"
            return chr(value)  # lone surrogates included: PureScript strings are UTF-16 code units
        if gap is not None:
            return ""
        simple = _SIMPLE_ESCAPES.get(single)
        if simple is None:
            _bad_escape(match, body, line, col, diags)
            return single
        return simple

    return _ESCAPE.sub(replace, body)


def _bad_escape(match: re.Match[str], body: str, line: int, col: int, diags: list[Diagnostic]) -> None:
    before = body[: match.start()]
    esc_line = line + before.count("\n")
    esc_col = (len(before) - before.rfind("\n") - 1) if "\n" in before else col + len(before)
    width = len(match.group(0))
    diags.append(
        Diagnostic(
            Span(esc_line, esc_col, esc_line, esc_col + width),
            Severity.ERROR,
            "InvalidEscape",
            f"invalid escape sequence `{match.group(0)}`",
        )
    )


def lex(source: str) -> Lexed:
    tokens: list[Token] = []
    diags: list[Diagnostic] = []
    line_starts = [0]
    append = tokens.append
    line = 0
    line_start = 0
    tab_line = -1  # the last line with a tab in its whitespace so far
    tab_extra = 0  # on that line: layout columns gained by tabs (a tab counts to the next multiple of 8)
    pending_doc: list[str] | None = None
    pos = 0
    length = len(source)
    match_at = _MASTER.match
    keywords = KEYWORDS
    reserved = RESERVED_SYMBOLS

    while source.startswith("#!", pos):  # shebang lines at the top of the file are comments
        newline = source.find("\n", pos)
        if newline < 0:
            pos = length
            break
        pos = newline + 1
        line += 1
        line_start = pos
        line_starts.append(pos)

    while pos < length:
        m = match_at(source, pos)
        if m is None:  # only trailing spaces remain
            break
        group = m.lastindex or 0
        start = m.start(group)
        end = m.end()
        if group == _G_NL:
            line += 1
            line_start = end
            line_starts.append(end)
            pos = end
            continue
        text = m.group(group)
        col = start - line_start
        if group in _TRIVIA:
            if group == _G_TAB:
                for offset in range(len(text)):
                    diags.append(
                        Diagnostic(
                            Span(line, col + offset, line, col + offset + 1),
                            Severity.WARNING,
                            "TabCharacter",
                            "tab character: indentation counts it to the next multiple of 8 columns; use spaces",
                        )
                    )
                layout_col = col + (tab_extra if tab_line == line else 0)
                for _ in text:
                    layout_col = (layout_col // 8 + 1) * 8
                tab_extra = layout_col - (col + len(text))
                tab_line = line
                pos = end
                continue
            if group == _G_LCOM:
                doc_match = _DOC_START.match(text)
                if doc_match is not None:
                    # Each line of a multi-line doc comment starts with `-- |` (PureScript style): keep them all.
                    if pending_doc is None:
                        pending_doc = [doc_match.group(1).rstrip()]
                    else:
                        pending_doc.append(doc_match.group(1).rstrip())
                elif pending_doc is not None:
                    more = _DOC_MORE.match(text)
                    pending_doc.append(more.group(1).rstrip() if more else "")
                pos = end
                continue
            if group == _G_BCOM:
                depth = 1
                scan = end
                while depth > 0:
                    open_at = source.find("{-", scan)
                    close_at = source.find("-}", scan)
                    if close_at < 0:
                        scan = length
                        diags.append(
                            Diagnostic(
                                Span(line, col, line, col + 2),
                                Severity.ERROR,
                                "UnterminatedComment",
                                "unterminated block comment: expected `-}`, found end of file",
                            )
                        )
                        break
                    if 0 <= open_at < close_at:
                        depth += 1
                        scan = open_at + 2
                    else:
                        depth -= 1
                        scan = close_at + 2
                text = source[start:scan]
                end = scan
                if "\n" in text:
                    newline_index = text.find("\n")
                    while newline_index >= 0:
                        line += 1
                        line_starts.append(start + newline_index + 1)
                        newline_index = text.find("\n", newline_index + 1)
                    line_start = line_starts[-1]
                pos = end
                continue

        lcol = col if tab_line != line else col + tab_extra
        value: object = None
        qualifier: str | None = None
        name = text
        if group == _G_IDENT:
            if text in keywords:
                kind = text
            elif text == "_":
                kind = HOLE
            elif text[0].isupper():
                kind = UPPER
            else:
                kind = LOWER
        elif group == _G_PUNCT:
            kind = text
        elif group in (_G_OP, _G_UNICODE_OP):
            kind = reserved.get(text, OP)
        elif group == _G_QUAL and text[-1] == ")":  # M.(<>)
            dot = text.index(".(")
            qualifier = text[:dot]
            name = text[dot + 2 : -1]
            kind = QSYMBOL
        elif group == _G_QUAL:
            dot = text.rfind(".", 0, len(text) - 1)
            last = text[dot + 1 :]
            if not last[0].isalpha() and last[0] != "_":
                dot = _qualified_operator_split(text)
                last = text[dot + 1 :]
            qualifier = text[:dot]
            name = last
            first = last[0]
            kind = (QUPPER if first.isupper() else QLOWER) if first.isalpha() or first == "_" else QOP
        elif group == _G_NUM:
            if text.startswith("0x"):
                kind = INT
                value = int(text, 16)
            elif "." in text or "e" in text or "E" in text:
                kind = NUMBER
                value = float(text.replace("_", ""))
            else:
                kind = INT
                # any length (int() stops at 4,300 digits); int() itself for the usual short ASCII literal
                value = int(text) if len(text) < 20 and text.isascii() and "_" not in text else decimal_to_int(
                    text.replace("_", ""))
        elif group in (_G_STR, _G_TSTR):
            kind = STRING
            if group == _G_TSTR:
                if len(text) < 6 or not text.endswith('"""'):
                    diags.append(_unterminated(line, col, "string", '"""'))
                    value = text[3:]
                else:
                    value = text[3:-3]
            elif len(text) < 2 or not text.endswith('"') or (text.endswith('\\"') and _odd_backslashes(text)):
                diags.append(_unterminated(line, col, "string", '"'))
                value = _decode(text[1:], line, col + 1, diags) if "\\" in text else text[1:]
            else:
                body = text[1:-1]
                value = _decode(body, line, col + 1, diags) if "\\" in body else body
        elif group == _G_CHAR:
            kind = CHAR
            if len(text) < 3 or not text.endswith("'") or text == "'\\'":
                diags.append(_unterminated(line, col, "character", "'"))
                value = "\0"
            else:
                decoded = _decode(text[1:-1], line, col + 1, diags)
                value = decoded[:1] if decoded else "\0"
                if decoded and ord(decoded[0]) > 0xFFFF:
                    diags.append(
                        Diagnostic(
                            Span(line, col, line, col + (end - start)),
                            Severity.ERROR,
                            "AstralCodePointInChar",
                            "a character literal holds one UTF-16 code unit: this code point needs two; "
                            "write it in a string instead",
                        )
                    )
        elif group == _G_HOLE:
            kind = TYPED_HOLE
            name = text[1:]
        else:
            diags.append(
                Diagnostic(
                    Span(line, col, line, col + 1),
                    Severity.ERROR,
                    "UnexpectedCharacter",
                    f"unexpected character {text!r}",
                )
            )
            pos = end
            continue

        if group >= _G_TSTR and "\n" in text:
            end_line = line + text.count("\n")
            newline_index = text.find("\n")
            while newline_index >= 0:
                line_starts.append(start + newline_index + 1)
                newline_index = text.find("\n", newline_index + 1)
            end_col = end - line_starts[-1]
        else:
            end_line = line
            end_col = col + (end - start)
        token = Token(kind, text, start, end, line, col, end_line, end_col, lcol)
        if value is not None:
            token.value = value
        if name is not text:  # qualified names and typed holes
            token.name = name
            if qualifier is not None:
                token.qualifier = qualifier
        if pending_doc is not None:
            token.doc = "\n".join(pending_doc).strip("\n")
            pending_doc = None
        append(token)
        if end_line != line:
            line = end_line
            line_start = line_starts[-1]
        pos = end

    col = length - line_start
    eof = Token(
        EOF,
        "",
        length,
        length,
        line,
        col,
        line,
        col,
        col if tab_line != line else col + tab_extra,
    )
    append(eof)
    return Lexed(tokens, diags, line_starts)


def _qualified_operator_split(text: str) -> int:
    """Index of the `.` separating the module qualifier from a qualified operator (`Data.Map.<>` → 8)."""
    index = 0
    while True:
        dot = text.find(".", index)
        following = text[dot + 1 : dot + 2]
        if not following or not (following[0].isalpha() and following[0].isupper()):
            return dot
        index = dot + 1


def _odd_backslashes(text: str) -> bool:
    count = 0
    index = len(text) - 2
    while index >= 0 and text[index] == "\\":
        count += 1
        index -= 1
    return count % 2 == 1


def _unterminated(line: int, col: int, what: str, closer: str) -> Diagnostic:
    return Diagnostic(
        Span(line, col, line, col + 1),
        Severity.ERROR,
        "UnterminatedLiteral",
        f"unterminated {what} literal: expected `{closer}`, found end of line",
    )


__all__ = ["CHAR", "EOF", "INT", "LOWER", "NUMBER", "OP", "QLOWER", "QOP", "QUPPER", "STRING", "UPPER", "Lexed", "lex"]
