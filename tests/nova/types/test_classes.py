"""Instance resolution with evidence and superclass entailment, on a hand-built class environment."""

from __future__ import annotations

from nova.diagnostics import Span
from nova.types.classes import MATCH, NOMATCH, STUCK, ClassEnv, ClassInfo, Given, InstanceInfo, Wanted, to_evidence
from nova.types.evidence import InstanceEv, ParamEv, SuperEv
from nova.types.types import K_TYPE, T_INT, T_STRING, Constraint, TApp, TCon, TFun, TGen, TVar, array, fresh_id

SPAN = Span(0, 0, 0, 1)
MAYBE = TCon("Maybe", "Data.Maybe")


def env() -> ClassEnv:
    e = ClassEnv()
    e.add_class(ClassInfo("Prelude", "Eq", "a", (), ("eq",), K_TYPE))
    e.add_class(ClassInfo("Prelude", "Ord", "a", (Constraint("Prelude", "Eq", TGen(0)),), ("compare",), K_TYPE))
    e.add_class(ClassInfo("Prelude", "Show", "a", (), ("show",), K_TYPE))
    e.add_instance(InstanceInfo("Prelude", "instance:showInt", "showInt", "Prelude", "Show", 0, T_INT, ()))
    e.add_instance(
        InstanceInfo(
            "Prelude",
            "instance:showArray",
            "showArray",
            "Prelude",
            "Show",
            1,
            array(TGen(0)),
            (Constraint("Prelude", "Show", TGen(0)),),
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


def test_instance_with_context_gives_nested_evidence() -> None:
    e = env()
    w = Wanted("Prelude", "Show", array(array(T_INT)), SPAN)
    assert solve_all(e, w, []) == MATCH
    inner = InstanceEv("Prelude", "instance:showArray", (InstanceEv("Prelude", "instance:showInt", ()),))
    assert to_evidence(w) == InstanceEv("Prelude", "instance:showArray", (inner,))


def test_missing_instance_and_unknown_type() -> None:
    e = env()
    assert solve_all(e, Wanted("Prelude", "Show", TFun(T_INT, T_INT), SPAN), []) == NOMATCH
    assert solve_all(e, Wanted("Prelude", "Show", TApp(MAYBE, T_STRING), SPAN), []) == NOMATCH
    assert solve_all(e, Wanted("Prelude", "Show", TVar(fresh_id(), 1), SPAN), []) == STUCK


def test_superclass_of_a_given_entails_the_subclass_constraint() -> None:
    e = env()
    a = TVar(fresh_id(), 1)
    givens = e.given_closure([Given("Prelude", "Ord", a, ParamEv("f", 0))])
    w = Wanted("Prelude", "Eq", a, SPAN)
    assert solve_all(e, w, givens) == MATCH
    assert to_evidence(w) == SuperEv(ParamEv("f", 0), "Prelude", "Eq", 0)


def test_given_on_a_variable_solves_an_instance_context() -> None:
    e = env()
    a = TVar(fresh_id(), 1)
    givens = e.given_closure([Given("Prelude", "Show", a, ParamEv("g", 1))])
    w = Wanted("Prelude", "Show", array(a), SPAN)
    assert solve_all(e, w, givens) == MATCH
    assert to_evidence(w) == InstanceEv("Prelude", "instance:showArray", (ParamEv("g", 1),))
