"""Open documents of one connection: text kept current under incremental sync, plus the edits made since the
last good check so positions can be mapped between the current text and the typed AST (as ghcide does)."""

from __future__ import annotations

from dataclasses import dataclass, field

from server.positions import Encoding, LineIndex

Pos = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Edit:
    """One replacement in code-point coordinates: old range [start, old_end) became text ending at new_end."""

    start: Pos
    old_end: Pos
    new_end: Pos


def _end_of(start: Pos, text: str) -> Pos:
    newlines = text.count("\n")
    if newlines == 0:
        return start[0], start[1] + len(text)
    return start[0] + newlines, len(text) - text.rfind("\n") - 1


def _common_length(a: str, b: str, limit: int, from_end: bool) -> int:
    """Length of the common prefix (or suffix) of a and b, at most `limit`, by bisection over C-level slice
    comparisons (a whole-document change of a large file costs microseconds, not a Python loop per character)."""
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        same = a[len(a) - middle:] == b[len(b) - middle:] if from_end else a[:middle] == b[:middle]
        if same:
            low = middle
        else:
            high = middle - 1
    return low


def _pos_of(text: str, offset: int) -> Pos:
    line = text.count("\n", 0, offset)
    return line, offset - (text.rfind("\n", 0, offset) + 1)


def _shift(pos: Pos, src_end: Pos, dst_end: Pos) -> Pos:
    if pos[0] == src_end[0]:
        return dst_end[0], pos[1] - src_end[1] + dst_end[1]
    return pos[0] + dst_end[0] - src_end[0], pos[1]


def map_backward(edits: list[Edit], pos: Pos) -> Pos | None:
    """A position in the current text → the same character before `edits`; None when it lies in inserted text."""
    for edit in reversed(edits):
        if pos < edit.start:
            continue
        if pos >= edit.new_end:
            pos = _shift(pos, edit.new_end, edit.old_end)
            continue
        return None
    return pos


def map_forward(edits: list[Edit], pos: Pos) -> Pos | None:
    """A position of the text before `edits` → the same character now; None when that text was replaced."""
    for edit in edits:
        if pos < edit.start:
            continue
        if pos >= edit.old_end:
            pos = _shift(pos, edit.old_end, edit.new_end)
            continue
        return None
    return pos


@dataclass(slots=True)
class Document:
    uri: str
    text: str
    version: int
    index: LineIndex = field(init=False)
    edits_since_check: list[Edit] = field(default_factory=list)
    dropped_edits: int = 0

    def __post_init__(self) -> None:
        self.index = LineIndex.of(self.text)

    def offset(self, pos: Pos) -> int:
        line, col = pos
        offset = 0
        for number in range(min(line, len(self.index.lines))):
            offset += len(self.index.lines[number]) + 1
        if line >= len(self.index.lines):
            return len(self.text)
        return offset + min(col, len(self.index.lines[line]))

    def replace_all(self, text: str, version: int) -> None:
        """A full-text change is recorded as the one replacement between the common prefix and suffix, so
        positions outside it still map to the checked text (clients that send whole documents keep hovers)."""
        old = self.text
        prefix = _common_length(old, text, min(len(old), len(text)), from_end=False)
        suffix = _common_length(old, text, min(len(old), len(text)) - prefix, from_end=True)
        start = _pos_of(old, prefix)
        self.edits_since_check.append(
            Edit(start, _pos_of(old, len(old) - suffix), _end_of(start, text[prefix:len(text) - suffix]))
        )
        self.text = text
        self.version = version
        self.index = LineIndex.of(text)

    def apply(self, start_units: Pos, end_units: Pos, new_text: str, encoding: Encoding) -> None:
        """Apply one incremental change given in client units; out-of-range ends are clamped to the text."""
        start = self.index.from_client(*start_units, encoding)
        end = self.index.from_client(*end_units, encoding)
        if end < start:
            start, end = end, start
        begin, finish = self.offset(start), self.offset(end)
        self.text = self.text[:begin] + new_text + self.text[finish:]
        self.index = LineIndex.of(self.text)
        self.edits_since_check.append(Edit(start, end, _end_of(start, new_text)))

    def mark(self) -> int:
        """The absolute edit count now: a check started here makes every earlier edit obsolete when it lands."""
        return self.dropped_edits + len(self.edits_since_check)

    def checked_at(self, mark: int) -> None:
        drop = max(0, mark - self.dropped_edits)
        del self.edits_since_check[:drop]
        self.dropped_edits += drop

    def to_checked(self, pos: Pos) -> Pos | None:
        return map_backward(self.edits_since_check, pos)

    def from_checked(self, pos: Pos) -> Pos | None:
        return map_forward(self.edits_since_check, pos)
