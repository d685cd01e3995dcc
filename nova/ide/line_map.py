"""Tables keyed by place that survive lines added or removed above their entries.

The reading features keep, per document, tables keyed by spans (the meaning of each name, the tokens of each
declaration) from one check to the next. An edit that adds or removes a line moves every declaration below it,
yet changes none of their meanings or tokens: re-keying every entry below (thousands of spans in a 2k-line module)
would cost more than the edit. Instead each table is keyed by *stored* lines, and a `LineMap` says which stored
line each line of the current text is: the lines below an edit keep their stored lines, only the map changes
(a few segments). The texts' difference is given by `line_edit`.
"""

from __future__ import annotations

from bisect import bisect_right

from nova.diagnostics import Span

_MAX_SEGMENTS = 256
"""Segments above which a map is not extended: its owner starts a new one (its tables made again)."""


class LineMap:
    """Current line → stored line, as sorted segments of consecutive lines (`starts[i]`: the segment's first
    current line, `stored[i]`: its stored line). A new map is the identity; tables keyed through a map stay valid
    through the maps `edited` makes of it."""

    __slots__ = ("fresh", "identity", "starts", "stored")

    def __init__(self, starts: list[int] | None = None, stored: list[int] | None = None, fresh: int = 1 << 40) -> None:
        self.starts = starts if starts is not None else [0]
        self.stored = stored if stored is not None else [0]
        self.fresh = fresh
        """The next stored line never used (lines added by edits get those, above any line of a text)."""
        self.identity = self.starts == [0] and self.stored == [0]

    def line(self, line: int) -> int:
        at = bisect_right(self.starts, line) - 1
        return self.stored[at] + line - self.starts[at]

    def span(self, span: Span) -> Span:
        """The span with its lines stored (the same object when the map is the identity)."""
        if self.identity:
            return span
        start = self.line(span.start_line)
        end = start if span.end_line == span.start_line else self.line(span.end_line)
        return Span(start, span.start_col, end, span.end_col)

    def edited(self, first: int, old_end: int, new_end: int) -> LineMap | None:
        """The map after the current lines [first, old_end) became [first, new_end) (the lines below moved by
        `new_end - old_end`): the lines above keep their stored lines, so do the edited ones one for one as far
        as both go, added ones get new stored lines, those below keep theirs. None when the map would grow past
        `_MAX_SEGMENTS`."""
        if old_end == new_end:
            return self
        starts: list[int] = []
        stored: list[int] = []

        def add(start: int, line: int) -> None:
            if starts and stored[-1] + start - starts[-1] == line:
                return  # (continues the segment before)
            starts.append(start)
            stored.append(line)

        kept = min(old_end, new_end)
        for start, line in zip(self.starts, self.stored, strict=True):
            if start >= kept:
                break
            add(start, line)
        fresh = self.fresh
        if new_end > old_end:
            add(old_end, fresh)
            fresh += new_end - old_end
        moved = new_end - old_end
        at = bisect_right(self.starts, old_end) - 1
        add(old_end + moved, self.stored[at] + old_end - self.starts[at])
        for start, line in zip(self.starts[at + 1:], self.stored[at + 1:], strict=True):
            add(start + moved, line)
        if len(starts) > _MAX_SEGMENTS:
            return None
        return LineMap(starts, stored, fresh)


def line_edit(old: str, new: str) -> tuple[int, int, int] | None:
    """Which whole lines differ between two texts: (first, old_end, new_end), the old lines [first, old_end)
    having become the new lines [first, new_end) and every other line the same (those below moved by
    `new_end - old_end`); None when the texts are equal."""
    if old == new:
        return None
    limit = min(len(old), len(new))
    prefix = _common_length(old, new, limit, from_end=False)
    line_start = old.rfind("\n", 0, prefix) + 1
    first = old.count("\n", 0, line_start)
    suffix = _common_length(old, new, limit - line_start, from_end=True)
    # the first whole line of the common end: where it begins when a line begins there in both texts, else after
    # its first line break
    begins, begins_new = len(old) - suffix, len(new) - suffix
    if not ((begins == 0 or old[begins - 1] == "\n") and (begins_new == 0 or new[begins_new - 1] == "\n")):
        newline = old.find("\n", begins)
        if newline < 0:  # no whole line in common at the end
            return first, old.count("\n") + 1, new.count("\n") + 1
        begins = newline + 1
    old_end = old.count("\n", 0, begins)
    return first, old_end, old_end + new.count("\n") - old.count("\n")


def _common_length(a: str, b: str, limit: int, from_end: bool) -> int:
    """The length of the common prefix (or suffix) of `a` and `b`, at most `limit`: by halving, each step one
    comparison of slices in C."""
    low, high = 0, limit
    la, lb = len(a), len(b)
    while low < high:
        middle = (low + high + 1) // 2
        if (a[la - middle:la - low] == b[lb - middle:lb - low]) if from_end else (a[low:middle] == b[low:middle]):
            low = middle
        else:
            high = middle - 1
    return low
