"""The compiler-solved classes on hand-built types: each solver's answer, and how functional dependencies improve
the other arguments from it (`Append "a" "b" t` gives `t = "ab"`, run backwards too)."""

from __future__ import annotations

import pytest

from nova.diagnostics import Span
from nova.types.builtin_classes import int_value, integer, ordering_type, render_doc, symbol, symbol_value
from nova.types.classes import MATCH, STUCK, ClassEnv, Given, Wanted, to_evidence, types_equal
from nova.types.evidence import BuiltinEv, ParamEv
from nova.types.types import T_INT, T_STRING, TApp, TCon, TRow, TSkolem, TVar, Type, fresh_id, prune

SPAN = Span(0, 0, 0, 1)


def cell() -> TVar:
    return TVar(fresh_id(), 1)


def solve(module: str, cls: str, *args: Type, givens: list[Given] | None = None) -> tuple[int, Wanted]:
    env = ClassEnv()
    w = Wanted(module, cls, tuple(args), SPAN)
    work = [w]
    result = MATCH
    while work and result == MATCH:
        result, subs = env.reduce(work.pop(), givens or [])
        work.extend(subs)
    return result, w


def row(*fields: tuple[str, Type], tail: Type | None = None) -> TRow:
    return TRow(tuple(sorted(fields, key=lambda f: f[0])), tail)


def test_literals_round_trip() -> None:
    assert symbol_value(symbol('say "hi"')) == 'say "hi"'
    assert int_value(integer(-12)) == -12
    assert symbol_value(T_INT) is None and int_value(T_STRING) is None


def test_is_symbol_reflects_the_literal() -> None:
    r, w = solve("Data.Symbol", "IsSymbol", symbol("name"))
    assert r == MATCH and to_evidence(w) == BuiltinEv("Data.Symbol", "IsSymbol", "name")
    assert solve("Data.Symbol", "IsSymbol", cell())[0] == STUCK


def test_reflectable_improves_the_type_of_the_value() -> None:
    t = cell()
    r, w = solve("Data.Reflectable", "Reflectable", integer(3), t)
    assert r == MATCH and prune(t) == T_INT
    assert to_evidence(w) == BuiltinEv("Data.Reflectable", "Reflectable", 3)
    t2 = cell()
    r, w = solve("Data.Reflectable", "Reflectable", ordering_type(-1), t2)
    assert r == MATCH and prune(t2) == TCon("Ordering", "Data.Ordering")
    assert to_evidence(w) == BuiltinEv("Data.Reflectable", "Reflectable", "LT", ordering=True)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("ab", "cd", None), (2, "abcd")),
        (("ab", None, "abcd"), (1, "cd")),
        ((None, "cd", "abcd"), (0, "ab")),
    ],
)
def test_symbol_append_in_every_direction(
    args: tuple[str | None, str | None, str | None], expected: tuple[int, str]
) -> None:
    types = [symbol(a) if a is not None else cell() for a in args]
    r, _ = solve("Prim.Symbol", "Append", *types)
    assert r == MATCH
    assert symbol_value(types[expected[0]]) == expected[1]


def test_symbol_append_that_cannot_hold_is_not_solved() -> None:
    assert solve("Prim.Symbol", "Append", symbol("x"), cell(), symbol("abc"))[0] == STUCK


def test_symbol_cons_and_compare() -> None:
    h, t = cell(), cell()
    assert solve("Prim.Symbol", "Cons", h, t, symbol("hey"))[0] == MATCH
    assert (symbol_value(h), symbol_value(t)) == ("h", "ey")
    o = cell()
    assert solve("Prim.Symbol", "Compare", symbol("a"), symbol("b"), o)[0] == MATCH
    assert prune(o) == ordering_type(-1)


def test_int_arithmetic() -> None:
    out = cell()
    assert solve("Prim.Int", "Add", integer(2), integer(3), out)[0] == MATCH and int_value(out) == 5
    right = cell()
    assert solve("Prim.Int", "Add", integer(2), right, integer(10))[0] == MATCH and int_value(right) == 8
    product = cell()
    assert solve("Prim.Int", "Mul", integer(4), integer(-3), product)[0] == MATCH and int_value(product) == -12
    text = cell()
    assert solve("Prim.Int", "ToString", integer(42), text)[0] == MATCH and symbol_value(text) == "42"


def test_int_compare_through_givens() -> None:
    a = TSkolem("a", fresh_id(), 1)
    b = TSkolem("b", fresh_id(), 1)
    lt = ordering_type(-1)
    givens = [
        Given("Prim.Int", "Compare", (a, b, lt), ParamEv("f", 0)),
        Given("Prim.Int", "Compare", (b, integer(3), lt), ParamEv("f", 1)),
    ]
    o = cell()
    r, _ = solve("Prim.Int", "Compare", a, integer(5), o, givens=givens)
    assert r == MATCH and prune(o) == lt
    # nothing relates the skolem to 1 in a known direction
    assert solve("Prim.Int", "Compare", a, integer(1), cell(), givens=givens)[0] == STUCK


def test_row_cons_builds_the_row() -> None:
    whole = cell()
    r, _ = solve("Prim.Row", "Cons", symbol("x"), T_INT, row(("y", T_STRING)), whole)
    assert r == MATCH and types_equal(whole, row(("x", T_INT), ("y", T_STRING)))


def test_row_cons_takes_a_label_out_of_a_known_row() -> None:
    ty, tail = cell(), cell()
    r, _ = solve("Prim.Row", "Cons", symbol("x"), ty, tail, row(("x", T_INT), ("y", T_STRING)))
    assert r == MATCH and prune(ty) == T_INT and types_equal(tail, row(("y", T_STRING)))


def test_row_union_is_left_biased_and_nub_keeps_the_first() -> None:
    u = cell()
    left = row(("a", T_INT), ("c", T_INT))
    right = row(("a", T_STRING), ("b", T_STRING))
    assert solve("Prim.Row", "Union", left, right, u)[0] == MATCH
    nubbed = cell()
    assert solve("Prim.Row", "Nub", u, nubbed)[0] == MATCH
    assert types_equal(nubbed, row(("a", T_INT), ("b", T_STRING), ("c", T_INT)))


def test_row_union_backwards_finds_the_left_row() -> None:
    left = cell()
    union = row(("a", T_INT), ("b", T_STRING))
    assert solve("Prim.Row", "Union", left, row(("b", T_STRING)), union)[0] == MATCH
    assert types_equal(left, row(("a", T_INT)))
    # duplicate labels (PureScript's passing test RowUnion): the left row's come first in the union
    left = cell()
    right = row(("a", T_INT), ("a", T_STRING))
    union = row(("a", TCon("Boolean")), ("a", T_INT), ("a", T_STRING))
    assert solve("Prim.Row", "Union", left, right, union)[0] == MATCH
    assert types_equal(left, row(("a", TCon("Boolean"))))


def test_row_lacks() -> None:
    assert solve("Prim.Row", "Lacks", symbol("z"), row(("a", T_INT)))[0] == MATCH
    assert solve("Prim.Row", "Lacks", symbol("a"), row(("a", T_INT)))[0] == STUCK
    # an open row: the known labels are checked, the tail must lack it too
    tail = TSkolem("r", fresh_id(), 1)
    given = Given("Prim.Row", "Lacks", (symbol("z"), tail), ParamEv("f", 0))
    assert solve("Prim.Row", "Lacks", symbol("z"), row(("a", T_INT), tail=tail), givens=[given])[0] == MATCH


def test_row_to_list_sorts_the_labels() -> None:
    out = cell()
    assert solve("Prim.RowList", "RowToList", row(("b", T_INT), ("a", T_STRING)), out)[0] == MATCH
    cons, nil = TCon("Cons", "Prim.RowList"), TCon("Nil", "Prim.RowList")

    def item(label: str, t: Type, rest: Type) -> Type:
        return TApp(TApp(TApp(cons, symbol(label)), t), rest)

    assert types_equal(out, item("a", T_STRING, item("b", T_INT, nil)))
    assert solve("Prim.RowList", "RowToList", row(("a", T_INT), tail=cell()), cell())[0] == STUCK


def test_type_error_messages_render() -> None:
    doc = TApp(
        TApp(TCon("Beside", "Prim.TypeError"), TApp(TCon("Text", "Prim.TypeError"), symbol("no "))),
        TApp(TCon("Quote", "Prim.TypeError"), T_INT),
    )
    assert render_doc(doc) == "no Int"
    r, w = solve("Prim.TypeError", "Warn", doc)
    assert r == MATCH and to_evidence(w) == BuiltinEv("Prim.TypeError", "Warn")
    assert solve("Prim.TypeError", "Fail", doc)[0] == STUCK
