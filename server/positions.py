"""Conversion between the language's code-point columns and the client's negotiated position encoding.

The language passes count columns in code points (Python `str` indices); LSP clients count UTF-16 code units unless
`positionEncoding` negotiated UTF-8 or UTF-32. Converting needs the text of the line, so every function here takes it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Literal

Encoding = Literal["utf-8", "utf-16", "utf-32"]
_LINE_END = re.compile(r"\n|\r(?!\n)")
SUPPORTED: tuple[Encoding, ...] = ("utf-32", "utf-8", "utf-16")


def choose_encoding(offered: list[str] | None) -> Encoding:
    """Prefer utf-32 (no conversion), then utf-8, else the protocol's mandatory utf-16."""
    if offered:
        for preferred in ("utf-32", "utf-8"):
            if preferred in offered:
                return "utf-32" if preferred == "utf-32" else "utf-8"
    return "utf-16"


def _units(char: str, encoding: Encoding) -> int:
    code = ord(char)
    if encoding == "utf-32":
        return 1
    if encoding == "utf-16":
        return 2 if code > 0xFFFF else 1
    if code < 0x80:
        return 1
    if code < 0x800:
        return 2
    return 3 if code < 0x10000 else 4


def to_client_col(line_text: str, col: int, encoding: Encoding) -> int:
    """Code-point column → client units. Columns past the end of the line count as plain ASCII beyond it."""
    if encoding == "utf-32":
        return col
    col = max(col, 0)
    prefix = line_text[:col]
    if encoding == "utf-16":
        units = len(prefix) + sum(1 for c in prefix if ord(c) > 0xFFFF)
    else:
        units = len(prefix.encode("utf-8", "surrogatepass"))
    return units + max(0, col - len(line_text))


def from_client_col(line_text: str, units: int, encoding: Encoding) -> int:
    """Client units → code-point column; a column inside a surrogate pair / multi-byte char snaps to its start;
    a column beyond the line is clamped to the line's end."""
    if encoding == "utf-32":
        return max(0, min(units, len(line_text)))
    seen = 0
    for index, char in enumerate(line_text):
        width = _units(char, encoding)
        if seen + width > units:
            return index
        seen += width
    return len(line_text)


@dataclass(frozen=True, slots=True)
class LineIndex:
    """The lines of one text, for position conversion and offset computation.

    Converting a column is O(1) on an ASCII line and O(log n) on another once the line's table of client offsets is
    built (once per line): a request that converts the 30,000 references on one long line stays linear."""

    lines: tuple[str, ...]
    _tables: dict[tuple[int, str], list[int] | None] = field(default_factory=dict, compare=False, repr=False)

    @staticmethod
    def of(text: str) -> LineIndex:
        """Lines end at LF or at a lone CR (as the LSP counts them); a CRLF's CR stays at the end of its line, so
        every line ending is one character and offsets add up."""
        if "\r" in text:
            return LineIndex(tuple(_LINE_END.split(text)))
        return LineIndex(tuple(text.split("\n")))

    def line(self, number: int) -> str:
        if 0 <= number < len(self.lines):
            return self.lines[number].rstrip("\r")
        return ""

    def _table(self, number: int, encoding: Encoding) -> list[int] | None:
        """Client offsets of every code-point column of a line (None for an ASCII line: the column itself)."""
        key = (number, encoding)
        if key not in self._tables:
            text = self.line(number)
            if text.isascii():
                self._tables[key] = None
            else:
                offsets = [0]
                total = 0
                for char in text:
                    total += _units(char, encoding)
                    offsets.append(total)
                self._tables[key] = offsets
        return self._tables[key]

    def client_columns(self, number: int, encoding: Encoding) -> list[int] | None:
        """The client offset of each code-point column of a line, or None when they are the columns themselves
        (an ASCII line, or UTF-32): for converting many positions of one line at once."""
        return None if encoding == "utf-32" else self._table(number, encoding)

    def to_client(self, line: int, col: int, encoding: Encoding) -> tuple[int, int]:
        if encoding == "utf-32" or col <= 0:
            return line, max(col, 0) if encoding != "utf-32" else col
        table = self._table(line, encoding)
        if table is None:
            return line, col
        last = len(table) - 1
        return line, table[col] if col <= last else table[last] + (col - last)

    def from_client(self, line: int, units: int, encoding: Encoding) -> tuple[int, int]:
        """Clamp out-of-range lines to the text, so a stale or bogus position never raises."""
        if line < 0:
            return 0, 0
        if line >= len(self.lines):
            last = len(self.lines) - 1
            return last, len(self.line(last))
        units = max(units, 0)
        if encoding == "utf-32":
            return line, min(units, len(self.line(line)))
        table = self._table(line, encoding)
        if table is None:
            return line, min(units, len(self.line(line)))
        return line, bisect.bisect_right(table, units) - 1
