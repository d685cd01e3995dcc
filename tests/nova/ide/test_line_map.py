"""Stored lines (nova.ide.line_map): the whole lines two texts differ by, and maps that keep every line outside an
edit on its stored line while staying one-to-one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nova.diagnostics import Span
from nova.ide.line_map import LineMap, line_edit

texts = st.text(alphabet="ab\n", max_size=14)


@settings(max_examples=400, deadline=None)
@given(texts, st.lists(st.tuples(st.integers(0, 20), st.integers(0, 3), st.text(alphabet="ab\n", max_size=3)),
                       max_size=3))
def test_the_lines_outside_the_edit_are_equal_and_those_below_moved(old: str, changes: list[tuple[int, int, str]]
                                                                    ) -> None:
    new = old
    for at, removed, inserted in changes:
        at = min(at, len(new))
        new = new[:at] + inserted + new[at + removed:]
    edit = line_edit(old, new)
    if edit is None:
        assert old == new
        return
    first, old_end, new_end = edit
    before, after = old.split("\n"), new.split("\n")
    assert first <= old_end and first <= new_end
    assert before[:first] == after[:first] and before[old_end:] == after[new_end:]
    assert new_end - old_end == len(after) - len(before)


def test_a_line_added_is_one_line_of_difference() -> None:
    old = "module M where\n\na = 1\n\nb = 2\n"
    assert line_edit(old, old.replace("a = 1\n", "a = 1\n\n")) == (4, 4, 5)
    assert line_edit(old, old.replace("a = 1", "a = 12")) == (2, 3, 3)
    assert line_edit(old, old) is None


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 30), st.lists(st.tuples(st.integers(0, 40), st.integers(0, 5), st.integers(0, 5)),
                                    min_size=1, max_size=8))
def test_edited_maps_keep_the_lines_outside_each_edit_and_stay_one_to_one(
        lines: int, edits: list[tuple[int, int, int]]) -> None:
    current = LineMap()
    stored = list(range(lines))  # the stored line of each current line
    for at, removed, added in edits:
        first = min(at, len(stored))
        old_end = min(first + removed, len(stored))
        new_end = first + added
        edited = current.edited(first, old_end, new_end)
        assert edited is not None
        kept = min(old_end, new_end)
        expected = stored[:kept] + [None] * (new_end - kept) + stored[old_end:]
        got = [edited.line(line) for line in range(len(expected))]
        assert all(want is None or want == have for want, have in zip(expected, got, strict=True))
        assert len(set(got)) == len(got)
        current, stored = edited, got
    span = Span(0, 1, len(stored) - 1, 2)
    assert current.span(span) == Span(current.line(0), 1, current.line(len(stored) - 1), 2)
    assert LineMap().span(span) is span
