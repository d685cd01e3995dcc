"""A large completion window reuses the lexing of the windows before it (nova.ide.context): the tokens and the
comment/string state it gives are those of lexing the window whole, wherever the cursor moves and whatever is
typed. Here every window counts as large, so the reuse runs on ordinary files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from nova.ide import context

REPO = Path(__file__).resolve().parents[3]
FILES = ["nova/stdlib/Data.Maybe.nova", "nova/stdlib/Data.String.Pattern.nova", "tests/corpus/syntax/literals.nova",
         "tests/corpus/syntax/unicode_syntax.nova"]


def shape(win: context.Window) -> Any:
    return ([(t.kind, t.text, t.line, t.col, t.end_line, t.end_col, t.lcol, t.start, t.end, t.value)
             for t in win.tokens], win.in_comment, win.in_string)


def compare(monkeypatch: pytest.MonkeyPatch, text: str, line: int, col: int) -> None:
    monkeypatch.setattr(context, "LARGE_WINDOW", 10**12)
    context._last_window = None
    whole = shape(context.window(text, line, col))
    monkeypatch.setattr(context, "LARGE_WINDOW", -1)
    context._last_window = None
    assert shape(context.window(text, line, col)) == whole, (line, col, text.split("\n")[line][:col])


@pytest.mark.parametrize("name", FILES)
def test_moving_through_lines_and_typing_reads_as_lexing_whole(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    text = (REPO / name).read_text()
    lines = text.split("\n")
    busy = sorted(range(len(lines)), key=lambda n: -len(lines[n]))[:3]  # the longest lines
    for number in busy:
        columns = list(range(len(lines[number]) + 1))
        for col in columns + columns[::-1]:
            compare(monkeypatch, text, number, col)
        typed, col = lines, len(lines[number]) // 2
        for char in 'Data.Str 1e5 "a b\\" -- c {- d':
            typed = [*typed[:number], typed[number][:col] + char + typed[number][col:], *typed[number + 1:]]
            col += 1
            compare(monkeypatch, "\n".join(typed), number, col)
