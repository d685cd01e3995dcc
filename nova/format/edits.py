"""Formatting as edits for an editor: whole changed lines, in code-point positions (the server converts)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TextEdit:
    """Replace lines `[start_line, end_line)` (0-based, whole lines) with `new_text`."""

    start_line: int
    start_col: int
    end_line: int
    end_col: int
    new_text: str


def _lines(text: str) -> list[str]:
    return text.split("\n")


def edits_for(original: str, formatted: str, first_line: int | None = None, last_line: int | None = None
              ) -> list[TextEdit]:
    """The edits turning `original` into `formatted`: one per changed run of lines (so the cursor and the marks on
    untouched lines stay put). With `first_line`/`last_line`, only the runs that touch those lines of the original
    (the caller widens a range to whole declarations)."""
    old = _lines(original)
    new = _lines(formatted)
    edits: list[TextEdit] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if first_line is not None and last_line is not None:
            touched_last = max(i1, i2 - 1)
            if touched_last < first_line or i1 > last_line:
                continue
        replacement = "".join(line + "\n" for line in new[j1:j2])
        if i2 <= len(old) - 1:
            edits.append(TextEdit(i1, 0, i2, 0, replacement))
        else:  # the run reaches the last line (no newline after it)
            end_line = len(old) - 1
            end_col = len(old[-1])
            if i1 >= len(old):
                i1 = len(old) - 1
                start_col = len(old[-1])
                replacement = "\n" + replacement
            else:
                start_col = 0
            if replacement.endswith("\n") and j2 == len(new):
                replacement = replacement[:-1]
            edits.append(TextEdit(i1, start_col, end_line, end_col, replacement))
    return edits


def apply_edits(text: str, edits: list[TextEdit]) -> str:
    """Apply non-overlapping edits (code-point positions) to `text`: what an editor does with them."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    result = text
    for edit in sorted(edits, key=lambda e: (e.start_line, e.start_col), reverse=True):
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
