"""Unification, rows, levels and printing of the type representation."""

from __future__ import annotations

import pytest

from nova.types.pretty import print_scheme, print_type
from nova.types.types import (
    T_INT,
    T_STRING,
    Constraint,
    Scheme,
    TApp,
    TCon,
    TFun,
    TGen,
    TRow,
    TSkolem,
    TVar,
    array,
    fresh_id,
    prune,
    record,
)
from nova.types.unify import UnifyError, unify

MAYBE = TCon("Maybe", "Data.Maybe")


def var(level: int = 1) -> TVar:
    return TVar(fresh_id(), level)


def test_binding_a_variable_is_visible_through_prune() -> None:
    a = var()
    unify(a, T_INT)
    assert prune(a) is T_INT


def test_function_types_unify_componentwise() -> None:
    a, b = var(), var()
    unify(TFun(a, T_STRING), TFun(T_INT, b))
    assert prune(a) == T_INT and prune(b) == T_STRING


def test_mismatch_reports_both_types() -> None:
    with pytest.raises(UnifyError) as err:
        unify(array(T_INT), array(T_STRING))
    assert err.value.kind == "mismatch"
    assert {print_type(err.value.left), print_type(err.value.right)} == {"Int", "String"}  # type: ignore[arg-type]


def test_occurs_check_gives_infinite_type() -> None:
    a = var()
    with pytest.raises(UnifyError) as err:
        unify(a, TApp(MAYBE, a))
    assert err.value.kind == "infinite"


def test_binding_lowers_levels() -> None:
    outer, inner = var(1), var(5)
    unify(outer, TFun(inner, T_INT))
    assert inner.level == 1


def test_skolem_escape_into_an_outer_variable() -> None:
    outer = var(1)
    sk = TSkolem("a", fresh_id(), 2)
    with pytest.raises(UnifyError) as err:
        unify(outer, array(sk))
    assert err.value.kind == "escape"


def test_distinct_skolems_do_not_unify() -> None:
    with pytest.raises(UnifyError):
        unify(TSkolem("a", fresh_id(), 1), TSkolem("b", fresh_id(), 1))


def test_open_rows_exchange_missing_labels() -> None:
    r1, r2 = var(), var()
    left = record(TRow((("name", T_STRING),), r1))
    right = record(TRow((("age", T_INT),), r2))
    unify(left, right)
    assert print_type(left) == print_type(right)
    assert print_type(left) == "{ age :: Int, name :: String | r }"


def test_closed_row_lacking_a_label_fails() -> None:
    rho = var()
    with pytest.raises(UnifyError) as err:
        unify(record(TRow((("name", T_STRING),), None)), record(TRow((("age", T_INT),), rho)))
    assert err.value.kind == "labels"
    assert err.value.labels == ("age",)


def test_row_tail_absorbs_extra_labels() -> None:
    rho, a = var(), var()
    unify(record(TRow((("name", a),), rho)), record(TRow((("age", T_INT), ("name", T_STRING)), None)))
    assert prune(a) == T_STRING
    assert print_type(rho) == "( age :: Int )"


def test_same_tail_with_different_labels_fails() -> None:
    rho = var()
    with pytest.raises(UnifyError):
        unify(TRow((("a", T_INT),), rho), TRow((("b", T_INT),), rho))


def test_scheme_printing_names_variables_by_appearance() -> None:
    # forall x y. (y -> x) -> List y -> List x
    lst = TCon("List", "Data.List")
    sc = Scheme(2, (), TFun(TFun(TGen(1), TGen(0)), TFun(TApp(lst, TGen(1)), TApp(lst, TGen(0)))))
    assert print_scheme(sc) == "forall a b. (a -> b) -> List a -> List b"


def test_constraints_are_sorted_and_parenthesised() -> None:
    sc = Scheme(
        1, (Constraint("Prelude", "Show", (TGen(0),)), Constraint("Prelude", "Eq", (TGen(0),))), TFun(TGen(0), T_STRING)
    )
    assert print_scheme(sc) == "forall a. (Eq a, Show a) => a -> String"
    one = Scheme(1, (Constraint("Prelude", "Show", (TGen(0),)),), TFun(TGen(0), T_STRING))
    assert print_scheme(one) == "forall a. Show a => a -> String"


def test_records_print_labels_sorted_with_row_variable_last() -> None:
    sc = Scheme(2, (), TFun(record(TRow((("name", TGen(0)), ("age", T_INT)), TGen(1))), TGen(0)))
    assert print_scheme(sc) == "forall a r. { age :: Int, name :: a | r } -> a"
    assert print_type(record(TGen(0))) == "Record r"
    assert print_type(record(TRow((), TGen(0)))) == "Record r"
    assert print_type(record(TRow((), None))) == "{}"


def test_type_application_arguments_are_parenthesised() -> None:
    lst = TCon("List", "Data.List")
    assert print_type(TApp(MAYBE, TApp(lst, T_INT))) == "Maybe (List Int)"
    assert print_type(TFun(TFun(T_INT, T_INT), array(TFun(T_INT, T_INT)))) == "(Int -> Int) -> Array (Int -> Int)"
