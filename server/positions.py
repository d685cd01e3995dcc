"""Conversion between the language's code-point columns and the client's negotiated position encoding.

The language passes count columns in code points (Python `str` indices); LSP clients count UTF-16 code units unless
`positionEncoding` negotiated UTF-8 or UTF-32. Converting needs the text of the line, so every function here takes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Encoding = Literal["utf-8", "utf-16", "utf-32"]
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
    """The lines of one text, for position conversion and offset computation."""

    lines: tuple[str, ...]

    @staticmethod
    def of(text: str) -> LineIndex:
        return LineIndex(tuple(text.split("\n")))

    def line(self, number: int) -> str:
        if 0 <= number < len(self.lines):
            return self.lines[number].rstrip("\r")
        return ""

    def to_client(self, line: int, col: int, encoding: Encoding) -> tuple[int, int]:
        return line, to_client_col(self.line(line), col, encoding)

    def from_client(self, line: int, units: int, encoding: Encoding) -> tuple[int, int]:
        """Clamp out-of-range lines to the text, so a stale or bogus position never raises."""
        if line < 0:
            return 0, 0
        if line >= len(self.lines):
            last = len(self.lines) - 1
            return last, len(self.line(last))
        return line, from_client_col(self.line(line), max(units, 0), encoding)
