"""Instance resolution on a hand-built class environment: evidence, superclasses, several parameters, functional
dependencies (improvement), instance chains (apartness) and the derived class facts (covering sets)."""

from __future__ import annotations

from nova.diagnostics import Span
from nova.types.classes import (
    APART,
    MATCH,
    NOMATCH,
    STUCK,
    UNKNOWN,
    ClassEnv,
    ClassInfo,
    Given,
    InstanceInfo,
    Wanted,
    covering_sets,
    fundep_determined,
    heads_apart,
    match_args,
    to_evidence,
    types_equal,
)
from nova.types.evidence import InstanceEv, ParamEv, SuperEv
from nova.types.types import (
    K_CONSTRAINT,
    K_TYPE,
    T_BOOLEAN,
    T_INT,
    T_STRING,
    Constraint,
    TApp,
    TCon,
    TFun,
    TGen,
    TSkolem,
    TVar,
    Type,
    array,
    fresh_id,
    prune,
)

SPAN = Span(0, 0, 0, 1)
MAYBE = TCon("Maybe", "Data.Maybe")
K1 = TFun(K_TYPE, K_CONSTRAINT)
K2 = TFun(K_TYPE, TFun(K_TYPE, K_CONSTRAINT))


def one(module: str, cls: str, t: Type) -> Constraint:
    return Constraint(module, cls, (t,))


def env() -> ClassEnv:
    e = ClassEnv()
    e.add_class(ClassInfo("Prelude", "Eq", ("a",), (), ("eq",), K1))
    e.add_class(ClassInfo("Prelude", "Ord", ("a",), (one("Prelude", "Eq", TGen(0)),), ("compare",), K1))
    e.add_class(ClassInfo("Prelude", "Show", ("a",), (), ("show",), K1))
    e.add_instance(InstanceInfo("Prelude", "instance:showInt", "showInt", "Prelude", "Show", 0, (T_INT,), ()))
    e.add_instance(
        InstanceInfo(
            "Prelude",
            "instance:showArray",
            "showArray",
            "Prelude",
            "Show",
            1,
            (array(TGen(0)),),
            (one("Prelude", "Show", TGen(0)),),
        )
    )
    return e


def solve_all(e: ClassEnv, w: Wanted, givens: list[Given]) -> int:
    work = [w]
    while work:
        r, subs = e.reduce(work.pop(), givens)
        if r != MATCH:
            return r
        work.extend(subs)
    return MATCH


def cell() -> TVar:
    return TVar(fresh_id(), 1)


def test_instance_with_context_gives_nested_evidence() -> None:
    e = env()
    w = Wanted("Prelude", "Show", (array(array(T_INT)),), SPAN)
    assert solve_all(e, w, []) == MATCH
    inner = InstanceEv("Prelude", "instance:showArray", (InstanceEv("Prelude", "instance:showInt", ()),))
    assert to_evidence(w) == InstanceEv("Prelude", "instance:showArray", (inner,))


def test_missing_instance_and_unknown_type() -> None:
    e = env()
    # no instance at all: stuck until the solver's last pass decides (it may still be generalised)
    assert solve_all(e, Wanted("Prelude", "Show", (TFun(T_INT, T_INT),), SPAN), []) == STUCK
    assert solve_all(e, Wanted("Prelude", "Show", (TApp(MAYBE, T_STRING),), SPAN), []) == STUCK
    assert solve_all(e, Wanted("Prelude", "Show", (cell(),), SPAN), []) == STUCK


def test_superclass_of_a_given_entails_the_subclass_constraint() -> None:
    e = env()
    a = cell()
    givens = e.given_closure([Given("Prelude", "Ord", (a,), ParamEv("f", 0))])
    w = Wanted("Prelude", "Eq", (a,), SPAN)
    assert solve_all(e, w, givens) == MATCH
    assert to_evidence(w) == SuperEv(ParamEv("f", 0), "Prelude", "Eq", 0)


def test_given_on_a_variable_solves_an_instance_context() -> None:
    e = env()
    a = cell()
    givens = e.given_closure([Given("Prelude", "Show", (a,), ParamEv("g", 1))])
    w = Wanted("Prelude", "Show", (array(a),), SPAN)
    assert solve_all(e, w, givens) == MATCH
    assert to_evidence(w) == InstanceEv("Prelude", "instance:showArray", (ParamEv("g", 1),))


# ---------------------------------------------------------------------------------------------- several parameters
def convert_env() -> ClassEnv:
    """`class Convert a b | a -> b` with `Convert Int String` and `Convert (Array a) (Array b)` given `Convert a b`."""
    e = ClassEnv()
    e.add_class(ClassInfo("M", "Convert", ("a", "b"), (), ("convert",), K2, (((0,), (1,)),)))
    e.add_instance(InstanceInfo("M", "instance:ci", "ci", "M", "Convert", 0, (T_INT, T_STRING), ()))
    e.add_instance(
        InstanceInfo(
            "M",
            "instance:ca",
            "ca",
            "M",
            "Convert",
            2,
            (array(TGen(0)), array(TGen(1))),
            (Constraint("M", "Convert", (TGen(0), TGen(1))),),
        )
    )
    return e


def test_a_functional_dependency_improves_the_determined_argument() -> None:
    e = convert_env()
    b = cell()
    w = Wanted("M", "Convert", (array(T_INT), b), SPAN)
    assert solve_all(e, w, []) == MATCH
    assert types_equal(b, array(T_STRING))
    assert to_evidence(w) == InstanceEv("M", "instance:ca", (InstanceEv("M", "instance:ci", ()),))


def test_improvement_that_contradicts_the_argument_fails_with_the_types() -> None:
    e = convert_env()
    w = Wanted("M", "Convert", (T_INT, T_BOOLEAN), SPAN)
    r, _ = e.reduce(w, [])
    assert r == NOMATCH
    assert w.failure is not None and w.failure[0] == "unify"


def test_without_the_determining_argument_nothing_is_chosen() -> None:
    e = convert_env()
    w = Wanted("M", "Convert", (cell(), T_STRING), SPAN)
    assert e.reduce(w, []) == (STUCK, [])


def test_a_given_improves_through_a_functional_dependency() -> None:
    e = convert_env()
    a = TSkolem("a", fresh_id(), 1)
    bs = TSkolem("b", fresh_id(), 1)
    b = cell()
    givens = [Given("M", "Convert", (a, bs), ParamEv("f", 0))]
    w = Wanted("M", "Convert", (a, b), SPAN)
    assert solve_all(e, w, givens) == MATCH
    assert prune(b) == bs
    assert to_evidence(w) == ParamEv("f", 0)


def test_zero_parameter_class_is_solved_by_its_instance() -> None:
    e = ClassEnv()
    e.add_class(ClassInfo("M", "Ready", (), (), ("go",), K_CONSTRAINT))
    w = Wanted("M", "Ready", (), SPAN)
    assert e.reduce(w, []) == (STUCK, [])
    e.add_instance(InstanceInfo("M", "instance:ready", "ready", "M", "Ready", 0, (), ()))
    assert solve_all(e, w, []) == MATCH
    assert to_evidence(w) == InstanceEv("M", "instance:ready", ())


def test_repeated_instance_variables_must_agree() -> None:
    pattern = (TGen(0), TGen(0))
    assert match_args((), pattern, (T_INT, T_INT))[0] == MATCH
    assert match_args((), pattern, (T_INT, T_STRING))[0] == APART
    assert match_args((), pattern, (T_INT, cell()))[0] == UNKNOWN


def test_a_skolem_is_never_apart_from_a_constructor() -> None:
    sk = TSkolem("a", fresh_id(), 1)
    assert match_args((), (T_INT,), (sk,))[0] == UNKNOWN
    assert match_args((), (TGen(0),), (sk,))[0] == MATCH
    assert match_args((), (T_INT,), (array(sk),))[0] == APART


def test_functions_match_applications_of_the_function_type() -> None:
    arrow_partial = TApp(TCon("Function"), TGen(0))  # instance Functor ((->) r)
    fn = TFun(T_INT, T_STRING)
    subst: dict[int, list[Type]] = {}
    r, subst = match_args((), (TApp(arrow_partial, TGen(1)),), (fn,))
    assert r == MATCH and subst[0] == [T_INT] and subst[1] == [T_STRING]


# ---------------------------------------------------------------------------------------------- chains
def chain_env() -> ClassEnv:
    """`instance isInt :: IsInt Int` `else instance notInt :: IsInt a` (a two-instance chain)."""
    e = ClassEnv()
    e.add_class(ClassInfo("M", "IsInt", ("a",), (), ("isInt",), K1))
    e.add_instance(InstanceInfo("M", "instance:isInt", "isInt", "M", "IsInt", 0, (T_INT,), (), "instance:isInt", 0))
    e.add_instance(
        InstanceInfo("M", "instance:notInt", "notInt", "M", "IsInt", 1, (TGen(0),), (), "instance:isInt", 1)
    )
    return e


def test_chain_takes_the_first_instance_that_matches() -> None:
    e = chain_env()
    w = Wanted("M", "IsInt", (T_INT,), SPAN)
    assert solve_all(e, w, []) == MATCH and to_evidence(w) == InstanceEv("M", "instance:isInt", ())
    w2 = Wanted("M", "IsInt", (array(T_INT),), SPAN)
    assert solve_all(e, w2, []) == MATCH and to_evidence(w2) == InstanceEv("M", "instance:notInt", ())


def test_chain_waits_for_apartness_of_an_unknown_type() -> None:
    e = chain_env()
    v = cell()
    w = Wanted("M", "IsInt", (v,), SPAN)
    assert e.reduce(w, []) == (STUCK, [])
    assert w.failure == ("chain", ("isInt",))
    v.ref = T_STRING  # once known to be apart from Int, the next instance applies
    assert solve_all(e, w, []) == MATCH and to_evidence(w) == InstanceEv("M", "instance:notInt", ())


def test_a_skolem_blocks_a_chain() -> None:
    e = chain_env()
    w = Wanted("M", "IsInt", (TSkolem("a", fresh_id(), 1),), SPAN)
    assert e.reduce(w, [])[0] == STUCK


def test_two_matching_instances_of_different_chains_overlap() -> None:
    e = env()
    e.add_instance(
        InstanceInfo("Other", "instance:showAny", "showAny", "Prelude", "Show", 1, (array(TGen(0)),), ())
    )
    w = Wanted("Prelude", "Show", (array(T_INT),), SPAN)
    assert e.reduce(w, []) == (NOMATCH, [])
    assert w.failure is not None and w.failure[0] == "overlap"


# ---------------------------------------------------------------------------------------------- class facts
def test_covering_sets_follow_the_dependencies() -> None:
    assert covering_sets(2, ()) == (frozenset({0, 1}),)
    assert covering_sets(2, (((0,), (1,)),)) == (frozenset({0}),)
    assert set(covering_sets(2, (((0,), (1,)), ((1,), (0,))))) == {frozenset({0}), frozenset({1})}
    # Prim.Row.Cons (label a tail -> row, label row -> a tail): the inclusion-minimal determining sets
    cons = (((0, 1, 2), (3,)), ((0, 3), (1, 2)))
    assert set(covering_sets(4, cons)) == {frozenset({0, 1, 2}), frozenset({0, 3})}
    assert fundep_determined(2, (((0,), (1,)),)) == frozenset({1})
    assert fundep_determined(4, cons) == frozenset()
    # mutually determining groups of different sizes (PureScript's passing test 4194): `w` alone, or `o` with `m`
    mutual = (((2,), (0, 1)), ((0, 1), (2,)))
    assert set(covering_sets(3, mutual)) == {frozenset({2}), frozenset({0, 1})}
    assert fundep_determined(3, mutual) == frozenset()


def test_heads_are_apart_only_when_every_covering_set_differs() -> None:
    x, y = TCon("X", "M"), TCon("Y", "M")
    full = (frozenset({0, 1}),)
    assert not heads_apart(full, (x, TGen(0)), (x, y))
    assert heads_apart(full, (x, x), (x, y))
    assert not heads_apart(((frozenset({0}),)), (x, x), (x, y))  # `a -> b`: only the first argument chooses
    assert heads_apart(full, (array(T_INT),), (array(T_STRING),))
