"""The formatter on one construct at a time: each `cases/NAME.input` must format to `cases/NAME.expected`, and the
expected text must be a fixed point (formatting is idempotent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nova.format import format as format_module
from nova.format import format_source
from nova.format.format import CANONICAL, KEPT_INDENTATION, UNCHANGED
from nova.format.shape import same_tree, tree_shape
from nova.syntax import parse_module

CASES = Path(__file__).parent / "cases"
NAMES = sorted(p.stem for p in CASES.glob("*.input"))


@pytest.mark.parametrize("name", NAMES)
def test_case_formats_to_expected(name: str) -> None:
    source = (CASES / f"{name}.input").read_text(encoding="utf-8")
    expected = (CASES / f"{name}.expected").read_text(encoding="utf-8")
    result = format_source(source)
    assert result is not None
    assert result.mode == CANONICAL
    assert result.text == expected
    again = format_source(expected)
    assert again is not None and again.text == expected


def test_cases_cover_every_fixture_pair() -> None:
    assert len(NAMES) >= 4
    assert sorted(p.stem for p in CASES.glob("*.expected")) == NAMES


def test_file_with_syntax_errors_is_refused() -> None:
    assert format_source("module M where\n\nf x = (x +\n") is None


def test_blank_lines_collapse_and_the_file_ends_with_one_newline() -> None:
    result = format_source("\n\nmodule M where\n\n\n\nx = 1   \n\n\n")
    assert result is not None
    assert result.text == "module M where\n\nx = 1\n"


def test_tabs_become_spaces_without_changing_the_tree() -> None:
    source = "module M where\n\nf = do\n\tpure 1\n"
    result = format_source(source)
    assert result is not None
    assert "\t" not in result.text
    assert result.text == "module M where\n\nf = do\n  pure 1\n"


def test_an_else_left_of_a_do_block_still_closes_it() -> None:
    source = (
        "module M where\n\n"
        "f c = if c then do\n"
        "                  pure 1\n"
        "               else pure 2\n"
    )
    result = format_source(source)
    assert result is not None
    assert tree_shape(parse_module(result.text).module) == tree_shape(parse_module(source).module)
    again = format_source(result.text)
    assert again is not None and again.text == result.text


def test_a_printing_that_changes_the_tree_is_never_returned(monkeypatch: pytest.MonkeyPatch) -> None:
    """The re-parse check is what makes the formatter safe: a printing whose tree differs is replaced by the
    conservative one (block columns kept), and if that differs too the text is left as it is."""
    source = "module M where\n\nx   =   1\n"
    real = format_module.render

    def canonical_breaks(text: str, tokens: object, laid_out: object, comments: object, reindent: bool,
                         *rest: object) -> str:
        printed = real(text, tokens, laid_out, comments, reindent, *rest)  # type: ignore[arg-type]
        return printed.replace("1", "2") if reindent else printed

    monkeypatch.setattr(format_module, "render", canonical_breaks)
    result = format_source(source)
    assert result is not None and result.mode == KEPT_INDENTATION and result.text == "module M where\n\nx = 1\n"

    monkeypatch.setattr(format_module, "render", lambda *args: "module M where\n\nx = 3\n")
    result = format_source(source)
    assert result is not None and result.mode == UNCHANGED and result.text == source


def test_tree_shape_ignores_positions_only() -> None:
    a = parse_module("module M where\nx = 1 + 2\n").module
    b = parse_module("module M where\n\nx   =   1+2\n").module
    c = parse_module("module M where\nx = 1 + 3\n").module
    assert tree_shape(a) == tree_shape(b)
    assert tree_shape(a) != tree_shape(c)
    assert same_tree(a, b) and not same_tree(a, c)


def test_a_text_over_the_limit_is_not_formatted() -> None:
    from nova.format.format import MAX_CHARS

    big = "module M where\n\n" + "x = 1\n" * (MAX_CHARS // 6 + 1)
    assert len(big) > MAX_CHARS
    assert format_source(big) is None
    assert format_source("module M where\n\n" + "x = 1\n" * 100) is not None


def test_deep_nesting_is_bounded_like_a_parse_and_the_guards_are_restored() -> None:
    import gc
    import sys

    limit = sys.getrecursionlimit()
    enabled = gc.isenabled()
    deep = "module Deep where\n\nx = " + "(" * 3000 + "1" + ")" * 3000 + "\n"
    result = format_source(deep)
    parsed = parse_module(deep)
    # the formatter refuses exactly what the parser reports as an error, and never raises
    assert (result is None) == any(d.severity.name == "ERROR" for d in parsed.diagnostics)
    assert sys.getrecursionlimit() == limit and gc.isenabled() == enabled


def test_a_long_line_is_broken_at_the_width_and_the_tree_kept() -> None:
    source = ("module W where\n\nitems = [ \"first item\", \"second item\", \"third item\", \"fourth item\", "
              "\"fifth item\", \"sixth\" ]\n")
    result = format_source(source)
    assert result is not None and result.mode == CANONICAL
    lines = result.text.splitlines()
    assert max(len(line) for line in lines) <= 80
    # the right-hand side on the next line, two columns in; still too long there, one item a line
    assert lines[2:5] == ["items =", '  [ "first item"', '  , "second item"'] and lines[-1] == "  ]"
    assert tree_shape(parse_module(result.text).module) == tree_shape(parse_module(source).module)


def test_a_right_hand_side_that_fits_on_the_next_line_moves_there_whole() -> None:
    source = ("module W where\n\ntotal items = sum (map (\\i -> toNumber i.quantity * i.price) (Map.values items))"
              " + 1\n")
    result = format_source(source)
    assert result is not None and result.mode == CANONICAL
    assert result.text.splitlines()[2:] == [
        "total items =", "  sum (map (\\i -> toNumber i.quantity * i.price) (Map.values items)) + 1"]
