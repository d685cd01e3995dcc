"""Position conversion between code-point columns and the client's encoding (UTF-16 default, UTF-8, UTF-32)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from server.positions import LineIndex, choose_encoding, from_client_col, to_client_col

LINE = 'x = "😀é" <> name'  # U+1F600 is outside the BMP: two UTF-16 units, four UTF-8 bytes


def test_negotiation_prefers_utf32_then_utf8() -> None:
    assert choose_encoding(["utf-16", "utf-8", "utf-32"]) == "utf-32"
    assert choose_encoding(["utf-16", "utf-8"]) == "utf-8"
    assert choose_encoding(["utf-16"]) == "utf-16"
    assert choose_encoding(None) == "utf-16"


def test_non_bmp_shifts_utf16_columns_by_one() -> None:
    name_col = LINE.index("name")
    assert to_client_col(LINE, name_col, "utf-16") == name_col + 1
    assert to_client_col(LINE, name_col, "utf-8") == name_col + 3 + 1
    assert to_client_col(LINE, name_col, "utf-32") == name_col
    assert from_client_col(LINE, name_col + 1, "utf-16") == name_col


def test_column_inside_a_surrogate_pair_snaps_to_the_character() -> None:
    emoji = LINE.index("😀")
    assert from_client_col(LINE, emoji + 1, "utf-16") == emoji


def test_out_of_range_positions_are_clamped() -> None:
    index = LineIndex.of("ab\ncd")
    assert index.from_client(7, 3, "utf-16") == (1, 2)
    assert index.from_client(0, 99, "utf-16") == (0, 2)
    assert index.from_client(-1, 5, "utf-16") == (0, 0)


@settings(max_examples=60)
@given(st.text(max_size=20), st.sampled_from(["utf-8", "utf-16", "utf-32"]))
def test_round_trip_every_column(line: str, encoding: str) -> None:
    line = line.replace("\n", " ").replace("\r", " ")
    for col in range(len(line) + 1):
        units = to_client_col(line, col, encoding)  # type: ignore[arg-type]
        assert from_client_col(line, units, encoding) == col  # type: ignore[arg-type]
