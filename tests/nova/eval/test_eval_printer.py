"""Values print as PureScript writes them."""

from __future__ import annotations

import math

from nova.eval.printer import show_char, show_number, show_string, show_value
from nova.eval.values import UNIT, Char, Con, ConFn, EffectV, RecordV


def nil() -> Con:
    return Con("Nil", 0)


def cons(x: object, xs: Con) -> Con:
    return Con("Cons", 1, (x, xs))


def test_constructors_nest_with_parentheses() -> None:
    assert show_value(Con("Just", 1, (3,))) == "Just 3"
    assert show_value(cons(1, cons(2, nil()))) == "Cons 1 (Cons 2 Nil)"
    assert show_value(Con("Nothing", 0)) == "Nothing"
    assert show_value(Con("Just", 1, (Con("Nothing", 0),))) == "Just Nothing"


def test_negative_numbers_are_parenthesised_as_arguments() -> None:
    assert show_value(Con("Just", 1, (-3,))) == "Just (-3)"
    assert show_value(Con("Just", 1, (-2.5,))) == "Just (-2.5)"
    assert show_value(-3) == "-3"


def test_records_sort_their_labels() -> None:
    assert show_value(RecordV({"name": "x", "age": 3})) == '{ age: 3, name: "x" }'
    assert show_value(RecordV({})) == "{}"
    assert show_value(Con("Just", 1, (RecordV({"a": 1}),))) == "Just { a: 1 }"


def test_strings_chars_and_escapes() -> None:
    assert show_value("a\nb") == '"a\\nb"'
    assert show_string('say "hi" \\ ok') == '"say \\"hi\\" \\\\ ok"'
    assert show_string("\x01" + "2") == '"\\x012"'
    assert show_value(Char("a")) == "'a'"
    assert show_char("'") == "'\\''"
    assert show_char("\n") == "'\\n'"


def test_numbers_booleans_unit_arrays() -> None:
    assert show_value(1.0) == "1.0"
    assert show_value(0.5) == "0.5"
    assert show_number(math.inf) == "Infinity"
    assert show_number(math.nan) == "NaN"
    assert show_number(1e21) == "1e+21"
    assert show_value(True) == "true"
    assert show_value(False) == "false"
    assert show_value(UNIT) == "unit"
    assert show_value((1, 2, 3)) == "[1,2,3]"
    assert show_value(()) == "[]"
    assert show_value(12345678901234567890) == "12345678901234567890"


def test_functions_and_effects_print_as_placeholders() -> None:
    assert show_value(ConFn(1, "Just", 1)) == "<function Just>"
    assert show_value(EffectV("pure", 1)) == "<Effect>"


def test_a_very_long_list_prints_without_recursion_and_is_cut() -> None:
    xs = nil()
    for i in range(200_000):
        xs = cons(i, xs)
    text = show_value(xs, limit=1_000)
    assert text.startswith("Cons 199999 (Cons 199998 (")
    assert text.endswith("…")
    assert len(text) < 1_200
