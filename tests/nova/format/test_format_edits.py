"""Formatting as editor edits: applied in order they give the formatted text, untouched text is not in them, and a
range is widened to whole declarations."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nova.format import format_source
from nova.format.edits import apply_edits, document_edits, edits_for, range_edits

LINES = st.lists(st.sampled_from(["a", "b", "", "c d", "  x", "x = 1"]), max_size=7)


@settings(max_examples=300, deadline=None)
@given(LINES, LINES, st.booleans(), st.booleans())
def test_edits_turn_any_text_into_any_other(old: list[str], new: list[str], old_nl: bool, new_nl: bool) -> None:
    original = "\n".join(old) + ("\n" if old_nl else "")
    formatted = "\n".join(new) + ("\n" if new_nl else "")
    assert apply_edits(original, edits_for(original, formatted)) == formatted


UGLY = "module M where\n\nf x = x+1\n\ng y = y*2\n"


def test_document_edits_touch_only_what_changes() -> None:
    edits = document_edits(UGLY)
    result = format_source(UGLY)
    assert result is not None
    assert apply_edits(UGLY, edits) == result.text
    assert all(e.start_line in (2, 4) for e in edits)
    assert all(not e.new_text.endswith("\n") for e in edits)  # the final newline is left alone


def test_crlf_documents_keep_crlf() -> None:
    text = UGLY.replace("\n", "\r\n")
    formatted = apply_edits(text, document_edits(text))
    assert formatted == "module M where\r\n\r\nf x = x + 1\r\n\r\ng y = y * 2\r\n"


def test_range_edits_widen_to_the_declaration_and_stop_there() -> None:
    edits = range_edits(UGLY, 2, 2)
    assert apply_edits(UGLY, edits) == "module M where\n\nf x = x + 1\n\ng y = y*2\n"


def test_no_edits_for_a_broken_or_tidy_document() -> None:
    assert document_edits("module M where\n\nf = (\n") == []
    assert range_edits("module M where\n\nf = (\n", 0, 3) == []
    assert document_edits("module M where\n\nf = 1\n") == []
