"""Comments recovered from the gaps between tokens: the lexer drops them, the formatter must keep every one.

Between two tokens the source holds only white space and comments (that is what the lexer skipped), so scanning
the gaps finds every `--` line comment (doc comments `-- |` included), every `{- -}` block comment (nested ones
as one comment) and the `#!` lines at the top of a file, each with its position.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from nova.syntax.tokens import Token


@dataclass(frozen=True, slots=True)
class Comment:
    """One comment as written: `text` is verbatim (a block comment may span lines)."""

    text: str
    start: int
    end: int
    line: int
    col: int
    end_line: int
    block: bool


def _block_end(source: str, start: int) -> int:
    """The offset just after the `-}` that closes the (possibly nested) block comment opened at `start`."""
    depth = 0
    scan = start
    length = len(source)
    while scan < length:
        open_at = source.find("{-", scan)
        close_at = source.find("-}", scan)
        if close_at < 0:
            return length
        if 0 <= open_at < close_at:
            depth += 1
            scan = open_at + 2
        else:
            depth -= 1
            scan = close_at + 2
            if depth == 0:
                return scan
    return length


def comments_between(source: str, tokens: list[Token], line_starts: list[int]) -> list[Comment]:
    """Every comment of the file, in source order (`tokens` are the lexer's, ending with EOF)."""
    found: list[Comment] = []

    def position(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(line_starts, offset) - 1
        return line, offset - line_starts[line]

    def scan_gap(start: int, end: int) -> None:
        pos = start
        while pos < end:
            dash = source.find("--", pos, end)
            brace = source.find("{-", pos, end)
            if dash < 0 and brace < 0:
                return
            if brace < 0 or 0 <= dash < brace:
                stop = source.find("\n", dash, end)
                stop = end if stop < 0 else stop
                text = source[dash:stop].rstrip(" \t\r\f\v")
                line, col = position(dash)
                found.append(Comment(text, dash, dash + len(text), line, col, line, False))
                pos = stop
            else:
                stop = min(_block_end(source, brace), end)
                line, col = position(brace)
                end_line, _ = position(stop)
                found.append(Comment(source[brace:stop], brace, stop, line, col, end_line, True))
                pos = stop

    pos = 0
    while source.startswith("#!", pos):  # shebang lines (the lexer skips them too)
        stop = source.find("\n", pos)
        stop = len(source) if stop < 0 else stop
        text = source[pos:stop].rstrip()
        line, col = position(pos)
        found.append(Comment(text, pos, pos + len(text), line, col, line, False))
        pos = stop + 1 if stop < len(source) else stop
    for tok in tokens:
        if tok.start > pos:
            scan_gap(pos, tok.start)
        pos = max(pos, tok.end)
    if pos < len(source):
        scan_gap(pos, len(source))
    return found
