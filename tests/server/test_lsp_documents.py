"""Incremental sync and the position mapping between the current text and the last checked text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from server.documents import Document


def test_incremental_edits_apply_in_utf16_units() -> None:
    doc = Document("file:///a.nova", 'x = "😀"\ny = 1\n', 1)
    doc.apply((0, 7), (0, 7), "!", "utf-16")  # after the emoji (2 units) and before the closing quote
    assert doc.text == 'x = "😀!"\ny = 1\n'
    doc.apply((1, 4), (1, 5), "22", "utf-16")
    assert doc.text == 'x = "😀!"\ny = 22\n'


def test_positions_after_an_edit_map_back_to_the_checked_text() -> None:
    doc = Document("file:///a.nova", "f = 1\ng = f\nh = g\n", 1)
    mark = doc.mark()
    doc.checked_at(mark)
    doc.apply((0, 0), (0, 0), "-- a comment\n", "utf-16")
    assert doc.text.splitlines()[2] == "g = f"
    assert doc.to_checked((2, 4)) == (1, 4)
    assert doc.from_checked((1, 4)) == (2, 4)
    doc.apply((2, 4), (2, 5), "ff", "utf-16")
    assert doc.to_checked((2, 5)) is None  # inside the replaced text
    assert doc.to_checked((3, 4)) == (2, 4)


def test_a_landed_check_forgets_older_edits() -> None:
    doc = Document("file:///a.nova", "a\n", 1)
    doc.apply((0, 1), (0, 1), "b", "utf-16")
    mark = doc.mark()
    doc.apply((0, 2), (0, 2), "\n", "utf-16")
    doc.checked_at(mark)
    assert doc.to_checked((1, 0)) == (0, 2)


def test_full_replacement_is_an_edit_of_everything() -> None:
    doc = Document("file:///a.nova", "abc\n", 1)
    doc.replace_all("xyz\nmore\n", 2)
    assert doc.text == "xyz\nmore\n" and doc.version == 2
    assert doc.to_checked((1, 0)) is None


def test_full_replacement_keeps_the_unchanged_prefix_and_suffix_mappable() -> None:
    doc = Document("file:///a.nova", "one = 1\ntwo = 2\nthree = 3\n", 1)
    doc.replace_all("one = 1\ntwo = 22\nextra\nthree = 3\n", 2)
    assert doc.to_checked((0, 2)) == (0, 2)
    assert doc.to_checked((3, 4)) == (2, 4)
    assert doc.to_checked((2, 0)) is None  # inserted text
    assert doc.from_checked((2, 0)) == (3, 0)


@settings(max_examples=60)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.text("ab\n", max_size=4)), max_size=6))
def test_mapped_positions_keep_their_character(edits: list[tuple[int, int, str]]) -> None:
    original = "line one\nline two\nline three\n"
    doc = Document("file:///a.nova", original, 1)
    for first, second, text in edits:
        start, end = sorted((first, second))
        start_pos = _pos(doc.text, min(start, len(doc.text)))
        end_pos = _pos(doc.text, min(end, len(doc.text)))
        if first % 3 == 0:
            doc.replace_all(doc.text[:start] + text + doc.text[end:], doc.version + 1)
        else:
            doc.apply(start_pos, end_pos, text, "utf-32")
    for offset in range(len(doc.text)):
        new = _pos(doc.text, offset)
        old = doc.to_checked(new)
        if old is not None:
            assert _char(original, old) == doc.text[offset]
            assert doc.from_checked(old) == new


def _pos(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset)
    return line, offset - (text.rfind("\n", 0, offset) + 1)


def _char(text: str, pos: tuple[int, int]) -> str:
    line_start = 0
    for _ in range(pos[0]):
        line_start = text.index("\n", line_start) + 1
    return text[line_start + pos[1]]
