"""Examples in comments (`-- > e`): finding them with the answer under them, and the write-back edit (value, type,
output, error, was/now)."""

from __future__ import annotations

from nova.ide.examples import Answer, TextEdit, answer_lines, example_at, find_examples, previous_value, write_back


def apply(text: str, edit: TextEdit) -> str:
    lines = text.split("\n")
    offset = lambda line, col: sum(len(x) + 1 for x in lines[:line]) + col  # noqa: E731
    return text[:offset(edit.start_line, edit.start_col)] + edit.text + text[offset(edit.end_line, edit.end_col):]


SOURCE = """module M where

-- > double 21
double x = x * 2

  -- > :type double
  -- => double :: Int -> Int
  -- !! stale
  -- a plain comment stays
"""


def test_examples_are_found_with_the_answer_block_under_them() -> None:
    first, second = find_examples(SOURCE)
    assert (first.line, first.indent, first.text, first.answer_end) == (2, "", "double 21", 3)
    assert not first.wants_type and first.expression == "double 21"
    assert (second.line, second.indent, second.answer_end) == (5, "  ", 8)
    assert second.wants_type and second.expression == "double"
    assert example_at(SOURCE, 7, "double 21") == first
    assert example_at(SOURCE, 2, "triple 3") is None


def test_a_first_answer_is_inserted_under_the_example() -> None:
    example = find_examples(SOURCE)[0]
    written = apply(SOURCE, write_back(SOURCE, example, Answer("42")))
    assert written.splitlines()[2:5] == ["-- > double 21", "-- => 42", "double x = x * 2"]
    # The same answer again replaces the block, and stays plain.
    again = apply(written, write_back(written, find_examples(written)[0], Answer("42")))
    assert again == written


def test_a_changed_answer_reads_was_now_and_collapses_when_run_again() -> None:
    text = "-- > answer\n-- => 42\nanswer = 63\n"
    changed = apply(text, write_back(text, find_examples(text)[0], Answer("63")))
    assert changed == "-- > answer\n-- => was: 42\n-- => now: 63\nanswer = 63\n"
    assert previous_value(changed, find_examples(changed)[0]) == ["63"]
    same = apply(changed, write_back(changed, find_examples(changed)[0], Answer("63")))
    assert same == "-- > answer\n-- => 63\nanswer = 63\n"
    other = apply(changed, write_back(changed, find_examples(changed)[0], Answer("64")))
    assert other == "-- > answer\n-- => was: 63\n-- => now: 64\nanswer = 63\n"


def test_type_answers_replace_an_old_block_keeping_its_indentation() -> None:
    example = find_examples(SOURCE)[1]
    written = apply(SOURCE, write_back(SOURCE, example, Answer("double :: Int -> Int")))
    assert written.splitlines()[5:8] == ["  -- > :type double", "  -- => double :: Int -> Int",
                                         "  -- a plain comment stays"]


def test_output_and_errors_have_their_own_prefixes() -> None:
    assert answer_lines(Answer("unit", ("hello", "42")), None) == ["-- out: hello", "-- out: 42", "-- => unit"]
    assert answer_lines(Answer(None, (), "1:8: Could not match\n  Int with Boolean"), ["3"]) == [
        "-- !! 1:8: Could not match", "-- !!   Int with Boolean"]
    text = "-- > f 1\n-- !! old error\n-- out: x\n"
    assert find_examples(text)[0].answer_end == 3
    assert apply(text, write_back(text, find_examples(text)[0], Answer("1"))) == "-- > f 1\n-- => 1\n"


def test_multi_line_values_and_long_answers_are_bounded() -> None:
    lines = answer_lines(Answer("a\nb"), ["c"])
    assert lines == ["-- => was: c", "-- => now: a", "-- =>      b"]
    text = "-- > x\n" + "\n".join(f"-- {line[3:]}" for line in lines)
    assert previous_value(text, find_examples(text)[0]) == ["a", "b"]
    many = answer_lines(Answer("\n".join(str(i) for i in range(100))), None)
    assert len(many) == 41 and many[-1] == "-- => … (60 more lines)"
    assert len(answer_lines(Answer("x" * 5000), None)[0]) < 500


def test_an_example_on_the_last_line_without_a_newline() -> None:
    text = "x = 1\n-- > x"
    assert apply(text, write_back(text, find_examples(text)[0], Answer("1"))) == "x = 1\n-- > x\n-- => 1"
    again = "x = 1\n-- > x\n-- => 0"
    assert apply(again, write_back(again, find_examples(again)[0], Answer("1"))) == (
        "x = 1\n-- > x\n-- => was: 0\n-- => now: 1")
