"""Formatting as edits for an editor: whole changed lines, in code-point positions (the server converts)."""

from __future__ import annotations

import bisect
import difflib
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TextEdit:
    """Replace the text from (start_line, start_col) to (end_line, end_col) (0-based, code points) with `new_text`."""

    start_line: int
    start_col: int
    end_line: int
    end_col: int
    new_text: str


def edits_for(original: str, formatted: str, first_line: int | None = None, last_line: int | None = None
              ) -> list[TextEdit]:
    """The edits turning `original` into `formatted`: one per changed run of lines, trimmed to the characters that
    differ (so the cursor and the marks on untouched text stay put, and an unchanged final newline is never part
    of an edit, which editors treat differently). With `first_line`/`last_line`, only the runs that touch those
    lines of the original (the caller widens a range to whole declarations)."""
    old = original.split("\n")
    new = formatted.split("\n")
    starts = [0]
    for line in old:
        starts.append(starts[-1] + len(line) + 1)
    edits: list[TextEdit] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if first_line is not None and last_line is not None and (max(i1, i2 - 1) < first_line or i1 > last_line):
            continue
        replacement = "".join(line + "\n" for line in new[j1:j2])
        if i2 < len(old):
            start, end = starts[i1], starts[i2]
        elif i1 < len(old):  # the run reaches the last line (no newline after it; so does the new run)
            start, end = starts[i1], len(original)
            replacement = replacement[:-1]
            if j1 == j2 and i1 > 0:  # lines deleted at the end: with the newline before them
                start -= 1
        else:  # lines added after the last one
            start = end = len(original)
            replacement = "\n" + replacement[:-1]
        chunk = original[start:end]
        limit = min(len(chunk), len(replacement))
        prefix = 0
        while prefix < limit and chunk[prefix] == replacement[prefix]:
            prefix += 1
        suffix = 0
        while suffix < limit - prefix and chunk[len(chunk) - 1 - suffix] == replacement[len(replacement) - 1 - suffix]:
            suffix += 1
        start += prefix
        end -= suffix
        replacement = replacement[prefix:len(replacement) - suffix]
        if start == end and not replacement:
            continue
        start_line, start_col = _position(starts, start)
        end_line, end_col = _position(starts, end)
        edits.append(TextEdit(start_line, start_col, end_line, end_col, replacement))
    return edits


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, offset) - 1
    line = min(line, len(starts) - 2)
    return line, offset - starts[line]


def apply_edits(text: str, edits: list[TextEdit]) -> str:
    """Apply non-overlapping edits (code-point positions) to `text`: what an editor does with them."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    result = text
    # from the end backwards; edits at one position in reverse order, so their texts end up in array order
    ordered = sorted(enumerate(edits), key=lambda pair: (pair[1].start_line, pair[1].start_col, pair[0]), reverse=True)
    for _, edit in ordered:
        start = starts[edit.start_line] + edit.start_col
        end = starts[edit.end_line] + edit.end_col
        result = result[:start] + edit.new_text + result[end:]
    return result


def document_edits(text: str) -> list[TextEdit]:
    """The edits that format a whole document; none when it has syntax errors or is formatted already.

    CRLF line ends stay CRLF (the formatter works on LF text)."""
    from nova.format.format import format_source

    crlf = "\r\n" in text
    result = format_source(text.replace("\r\n", "\n") if crlf else text)
    if result is None:
        return []
    formatted = result.text.replace("\n", "\r\n") if crlf else result.text
    return edits_for(text, formatted) if formatted != text else []


def range_edits(text: str, first_line: int, last_line: int) -> list[TextEdit]:
    """The edits that format the top-level declarations touching lines `first_line..last_line` (0-based,
    inclusive): a range is widened to whole declarations, whose layout does not depend on the code around them.
    None when the document has syntax errors; none either if applying only these edits would read differently
    (checked by parsing the result)."""
    from nova.format.format import format_source
    from nova.format.shape import same_tree
    from nova.syntax import parse_module

    crlf = "\r\n" in text
    plain = text.replace("\r\n", "\n") if crlf else text
    result = format_source(plain)
    if result is None or result.text == plain:
        return []
    module = parse_module(plain).module
    low, high = first_line, last_line
    for node in (*module.imports, *module.decls):
        span = node.span
        if span.end_line >= first_line and span.start_line <= last_line:
            low = min(low, span.start_line)
            high = max(high, span.end_line)
    formatted = result.text.replace("\n", "\r\n") if crlf else result.text
    edits = edits_for(text, formatted, low, high)
    if not edits:
        return []
    applied = apply_edits(plain, edits_for(plain, result.text, low, high))
    again = parse_module(applied).module
    if not same_tree(again, module):
        return []
    return edits
