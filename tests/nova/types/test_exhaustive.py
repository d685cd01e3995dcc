"""Maranget usefulness: missing cases, redundant rows, records, arrays, literals, guards, and bounded work."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nova.types.exhaustive import (
    Array,
    Con,
    Lit,
    MatchReport,
    Pattern,
    Record,
    Wild,
    check_match,
    print_pattern,
    print_row,
)

W = Wild()
TYPES: dict[str, list[tuple[str, int]]] = {
    "Maybe": [("Nothing", 0), ("Just", 1)],
    "List": [("Nil", 0), ("Cons", 2)],
    "Tree": [("Leaf", 0), ("Node", 3)],
    "Colour": [("Red", 0), ("Green", 0), ("Blue", 0)],
    "Either": [("Left", 1), ("Right", 1)],
    "Tuple": [("Tuple", 2)],
}
OWNER = {name: ctors for ctors in TYPES.values() for name, _ in ctors}


def siblings(name: str) -> Sequence[tuple[str, int]] | None:
    return OWNER.get(name)


def just(p: Pattern) -> Con:
    return Con("Just", (p,))


NOTHING = Con("Nothing")
NIL = Con("Nil")


def cons(h: Pattern, t: Pattern) -> Con:
    return Con("Cons", (h, t))


def node(left: Pattern, value: Pattern, right: Pattern) -> Con:
    return Con("Node", (left, value, right))


def missing(rows: list[list[Pattern]], **kw: object) -> list[str]:
    return check_match(rows, siblings, **kw).missing_text()  # type: ignore[arg-type]


def test_complete_match_has_nothing_missing_or_redundant() -> None:
    report = check_match([[NOTHING], [just(W)]], siblings)
    assert report.exhaustive and report.redundant == () and report.complete


def test_missing_constructor_is_named() -> None:
    assert missing([[Con("Red")], [Con("Green")]]) == ["Blue"]


def test_missing_constructor_with_fields_prints_wildcards() -> None:
    assert missing([[Con("Leaf")]]) == ["Node _ _ _"]


def test_nested_missing_case_is_parenthesised() -> None:
    rows: list[list[Pattern]] = [[NIL], [cons(W, NIL)]]
    assert missing(rows) == ["Cons _ (Cons _ _)"]


def test_missing_inner_constructor() -> None:
    assert missing([[NOTHING], [just(Con("Red"))], [just(Con("Blue"))]]) == ["Just Green"]


def test_redundant_wildcard_after_complete_match() -> None:
    report = check_match([[Con("Red")], [Con("Green")], [Con("Blue")], [W]], siblings)
    assert report.redundant == (3,)
    assert report.exhaustive


def test_redundant_duplicate_row_in_the_middle() -> None:
    report = check_match([[just(W)], [just(Con("Red"))], [NOTHING]], siblings)
    assert report.redundant == (1,)


def test_several_scrutinees() -> None:
    rows: list[list[Pattern]] = [[just(W), W], [NOTHING, Con("Left", (W,))]]
    report = check_match(rows, siblings)
    assert report.missing_text() == ["Nothing, Right _"]
    assert report.missing_text(" ") == ["Nothing (Right _)"]


def test_tuple_of_booleans_truth_table() -> None:
    t, f = Lit(True), Lit(False)
    full = [[t, t], [t, f], [f, t], [f, f]]
    assert check_match(full, siblings).exhaustive
    assert missing(full[:3]) == ["false, false"]


def test_int_literals_need_a_wildcard() -> None:
    assert missing([[Lit(1)], [Lit(2)]]) == ["_"]
    assert check_match([[Lit(1)], [W]], siblings).exhaustive
    assert check_match([[Lit(1)], [Lit(1)], [W]], siblings).redundant == (1,)


def test_literal_types_are_kept_apart() -> None:
    # True == 1 in Python, but the literal `1` does not make `true` redundant.
    report = check_match([[Lit(1)], [Lit(True)], [W]], siblings)
    assert report.redundant == ()


def test_string_and_char_literals() -> None:
    report = check_match([[Lit("a")], [Lit("a", is_char=False)], [W]], siblings)
    assert report.redundant == (1,)
    assert print_pattern(Lit("'", is_char=True)) == "'\\''"
    assert print_pattern(Lit('say "hi"')) == '"say \\"hi\\""'
    assert print_pattern(Lit(-3), atomic=True) == "(-3)"
    assert print_pattern(Lit(2.0)) == "2.0"


def test_records_with_different_label_sets() -> None:
    rows: list[list[Pattern]] = [
        [Record((("kind", Lit("number")),))],
        [Record((("kind", W), ("value", NOTHING)))],
    ]
    report = check_match(rows, siblings)
    assert report.missing_text() == ["{ value: Just _ }"]
    assert report.redundant == ()


def test_record_wildcard_fields_make_later_rows_redundant() -> None:
    rows: list[list[Pattern]] = [[Record((("a", W),))], [Record((("a", NOTHING), ("b", W)))]]
    report = check_match(rows, siblings)
    assert report.redundant == (1,) and report.exhaustive


def test_arrays_of_fixed_length() -> None:
    rows: list[list[Pattern]] = [[Array(())], [Array((W,))], [Array((W, W))]]
    assert missing(rows) == ["[_, _, _]"]
    assert check_match([*rows, [W]], siblings).exhaustive
    assert check_match([[Array((W,))], [Array((Lit(1),))], [W]], siblings).redundant == (1,)


def test_array_elements_are_checked() -> None:
    rows: list[list[Pattern]] = [[Array((NOTHING,))], [Array(())], [W]]
    report = check_match(rows, siblings)
    assert report.exhaustive
    # Array lengths never form a complete signature, so the example is an array of an unused length.
    assert missing(rows[:2]) == ["[_, _]"]
    assert missing([[Array((NOTHING,))], [Array((W, W))]]) == ["[]"]


def test_guarded_rows_do_not_cover() -> None:
    rows: list[list[Pattern]] = [[just(W)], [NOTHING]]
    assert check_match(rows, siblings, guarded=[True, False]).missing_text() == ["Just _"]
    # A guarded row can still be unreachable.
    rows2: list[list[Pattern]] = [[W], [just(W)]]
    assert check_match(rows2, siblings, guarded=[False, True]).redundant == (1,)


def test_unknown_type_needs_a_wildcard() -> None:
    assert missing([[Con("Mystery")]]) == ["_"]
    assert check_match([[Con("Mystery")], [W]], siblings).exhaustive


def test_failing_callback_is_treated_as_unknown() -> None:
    def broken(name: str) -> Sequence[tuple[str, int]] | None:
        raise KeyError(name)

    assert check_match([[Con("Red")]], broken).missing_text() == ["_"]


def test_several_missing_examples_are_capped() -> None:
    rows: list[list[Pattern]] = [[Con("Leaf"), Con("Leaf")], [node(W, W, W), Con("Leaf")]]
    report = check_match(rows, siblings, max_examples=2)
    assert report.missing_text() == ["Leaf, Node _ _ _", "Node _ _ _, Node _ _ _"]
    assert len(check_match(rows, siblings, max_examples=1).missing) == 1


def test_empty_match_and_bad_input() -> None:
    assert check_match([], siblings).exhaustive
    with pytest.raises(ValueError):
        check_match([[W], [W, W]], siblings)
    with pytest.raises(ValueError):
        check_match([[W]], siblings, guarded=[True, False])
    with pytest.raises(ValueError):
        Record((("b", W), ("a", W)))


def _bool_rows(width: int) -> list[list[Pattern]]:
    """Each column is fixed to `true` by one row and to `false` by another: every signature is complete."""
    rows: list[list[Pattern]] = []
    for i in range(width):
        for value in (True, False):
            row: list[Pattern] = [W] * width
            row[i] = Lit(value)
            rows.append(row)
    return rows


def test_wide_match_finishes_within_the_default_budget() -> None:
    report = check_match(_bool_rows(12), siblings)
    assert report.complete and report.exhaustive
    assert report.redundant == tuple(range(2, 24))


def test_exhausted_budget_reports_conservatively() -> None:
    rows = _bool_rows(12)
    starved = check_match(rows, siblings, budget=30)
    assert not starved.complete
    assert starved.missing == ()
    assert set(starved.redundant) < set(check_match(rows, siblings).redundant)
    # A match that is not exhaustive reports no missing case when the budget is gone before the search ends.
    assert check_match([[Con("Red")]], siblings).missing_text() == ["Green", "Blue"]
    assert check_match([[Con("Red")]], siblings, budget=0) == MatchReport(missing=(), redundant=(), complete=False)


def test_deep_patterns_hit_the_depth_limit_not_the_stack() -> None:
    deep: Pattern = NIL
    for _ in range(5_000):
        deep = cons(W, deep)
    assert check_match([[deep]], siblings).missing_text() == ["Nil"]
    # Proving the second row redundant needs the whole depth: beyond the limit nothing is claimed.
    report = check_match([[deep], [deep]], siblings)
    assert not report.complete and report.missing == () and report.redundant == ()


def test_many_rows_of_literals_are_fast_enough_to_finish() -> None:
    rows: list[list[Pattern]] = [[Lit(i)] for i in range(2_000)] + [[W]]
    report = check_match(rows, siblings, budget=100_000)
    assert report.complete and report.exhaustive and report.redundant == ()


def test_print_row_for_clauses_parenthesises() -> None:
    assert print_row([just(W), Con("Red"), Lit(-1)], " ") == "(Just _) Red (-1)"
    assert print_pattern(Record((("name", Lit("x")), ("type", W)))) == '{ name: "x" }'
    assert print_pattern(Record((("a", W),))) == "_"


# --- properties: the report agrees with brute-force matching over small values -------------------------------------

COLOURS: list[Pattern] = [Con("Red"), Con("Green"), Con("Blue")]


def _lists(max_length: int) -> list[Pattern]:
    """Every list of colours with at most `max_length` elements, as wildcard-free patterns."""
    out: list[Pattern] = [NIL]
    layer: list[Pattern] = [NIL]
    for _ in range(max_length):
        layer = [cons(c, rest) for c in COLOURS for rest in layer]
        out.extend(layer)
    return out


def _matches(p: Pattern, v: Pattern) -> bool:
    if isinstance(p, Wild):
        return True
    assert isinstance(p, Con) and isinstance(v, Con)
    return p.name == v.name and all(_matches(a, b) for a, b in zip(p.args, v.args, strict=True))


def _patterns(depth: int) -> st.SearchStrategy[Pattern]:
    colour = st.sampled_from([W, *COLOURS])
    if depth == 0:
        return st.just(W)
    return st.one_of(st.just(W), st.just(NIL), st.builds(cons, colour, _patterns(depth - 1)))


@settings(max_examples=60, deadline=None)
@given(st.lists(_patterns(3), min_size=1, max_size=5))
def test_report_agrees_with_brute_force_on_lists(pats: list[Pattern]) -> None:
    """Patterns are at most 3 deep, so lists of up to 4 colours tell every case apart."""
    values = _lists(4)
    report = check_match([[p] for p in pats], siblings)
    assert report.complete
    uncovered = [v for v in values if not any(_matches(p, v) for p in pats)]
    assert report.exhaustive == (not uncovered)
    for (example,) in report.missing:
        assert any(_matches(example, v) for v in uncovered), print_pattern(example)
    for index, p in enumerate(pats):
        reachable = any(_matches(p, v) and not any(_matches(q, v) for q in pats[:index]) for v in values)
        assert (index in report.redundant) == (not reachable)


def _cell_values() -> list[Pattern]:
    """Every value of `{ flag :: Boolean, item :: Maybe Colour }` as a record pattern without wildcards."""
    items: list[Pattern] = [NOTHING, *(just(c) for c in COLOURS)]
    return [Record((("flag", Lit(b)), ("item", i))) for b in (True, False) for i in items]


def _matches_any(p: Pattern, v: Pattern) -> bool:
    """Matching for the record/literal/constructor patterns of the two-column property."""
    if isinstance(p, Wild):
        return True
    if isinstance(p, Lit):
        return isinstance(v, Lit) and p == v
    if isinstance(p, Record):
        assert isinstance(v, Record)
        fields = dict(v.fields)
        return all(_matches_any(sub, fields[label]) for label, sub in p.fields)
    assert isinstance(p, Con) and isinstance(v, Con)
    return p.name == v.name and all(_matches_any(a, b) for a, b in zip(p.args, v.args, strict=True))


def _cells() -> st.SearchStrategy[Pattern]:
    item = st.one_of(st.just(W), st.just(NOTHING), st.builds(just, st.sampled_from([W, *COLOURS])))
    flag = st.sampled_from([W, Lit(True), Lit(False)])

    def record(f: Pattern, i: Pattern, which: int) -> Pattern:
        fields = [("flag", f), ("item", i)]
        chosen = [fields[0]] if which == 0 else [fields[1]] if which == 1 else fields
        return Record(tuple(chosen))

    return st.one_of(st.just(W), st.builds(record, flag, item, st.integers(0, 2)))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_cells(), st.sampled_from([W, Lit(True), Lit(False)])), min_size=1, max_size=6))
def test_report_agrees_with_brute_force_on_records_and_two_columns(rows: list[tuple[Pattern, Pattern]]) -> None:
    """Records with partial label sets in the first column, booleans in the second."""
    values = [(cell, Lit(b)) for cell in _cell_values() for b in (True, False)]
    report = check_match([list(r) for r in rows], siblings)
    assert report.complete

    def hits(row: tuple[Pattern, ...], value: tuple[Pattern, Pattern]) -> bool:
        return all(_matches_any(p, v) for p, v in zip(row, value, strict=True))

    uncovered = [v for v in values if not any(hits(r, v) for r in rows)]
    assert report.exhaustive == (not uncovered)
    for example in report.missing:
        assert any(hits(example, v) for v in uncovered), print_row(example)
    for index, row in enumerate(rows):
        reachable = any(hits(row, v) and not any(hits(r, v) for r in rows[:index]) for v in values)
        assert (index in report.redundant) == (not reachable)
