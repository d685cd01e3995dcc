"""The machine: tail calls in constant stack, fuel, time and depth limits, closures, patterns, records, effects."""

from __future__ import annotations

import threading

import pytest
from eval_helpers import app, g, lit, local, run

from nova.eval import core as c
from nova.eval.errors import EvalError, EvalLimitError
from nova.eval.machine import Limits
from nova.eval.runner import run_with_big_stack
from nova.eval.values import UNIT, Con, RecordV

# isEven n = if n == 0 then true else isOdd (n - 1), and the mirror image: mutual tail recursion.
PARITY = {
    "isEven": c.Lam(
        ("n",), c.If(app(g("eq"), local("n"), lit(0)), lit(True), app(g("isOdd"), app(g("sub"), local("n"), lit(1))))
    ),
    "isOdd": c.Lam(
        ("n",), c.If(app(g("eq"), local("n"), lit(0)), lit(False), app(g("isEven"), app(g("sub"), local("n"), lit(1))))
    ),
    "loop": c.Lam(("n",), app(g("loop"), app(g("add"), local("n"), lit(1)))),
    # count n = if n == 0 then 0 else 1 + count (n - 1): not a tail call.
    "count": c.Lam(
        ("n",),
        c.If(
            app(g("eq"), local("n"), lit(0)),
            lit(0),
            app(g("add"), lit(1), app(g("count"), app(g("sub"), local("n"), lit(1)))),
        ),
    ),
    "sumTo": c.Lam(
        ("acc", "n"),
        c.If(
            app(g("eq"), local("n"), lit(0)),
            local("acc"),
            app(g("sumTo"), app(g("add"), local("acc"), local("n")), app(g("sub"), local("n"), lit(1))),
        ),
    ),
}


def test_mutual_tail_recursion_far_beyond_the_depth_limit_runs_in_constant_stack() -> None:
    value, machine = run(app(g("isEven"), lit(300_000)), PARITY, Limits(timeout=None))
    assert value is True
    assert machine.depth == 0
    value, _ = run(app(g("isOdd"), lit(100_001)), PARITY)
    assert value is True


def test_self_tail_recursion_with_accumulator() -> None:
    value, _ = run(app(g("sumTo"), lit(0), lit(200_000)), PARITY)
    assert value == 200_000 * 200_001 // 2


def test_endless_loop_stops_at_the_step_limit_with_a_clear_message() -> None:
    with pytest.raises(EvalLimitError) as caught:
        run(app(g("loop"), lit(0)), PARITY, Limits(max_steps=50_000))
    assert "evaluation stopped after 50000 steps" in str(caught.value)
    assert caught.value.steps == 50_000


def test_endless_loop_stops_at_the_time_limit() -> None:
    with pytest.raises(EvalLimitError) as caught:
        run(app(g("loop"), lit(0)), PARITY, Limits(max_steps=10**12, timeout=0.2))
    assert "time limit" in str(caught.value)
    assert "evaluation stopped after" in str(caught.value)


def test_cancel_flag_stops_an_evaluation() -> None:
    from nova.eval.compiler import compile_top
    from nova.eval.foreign import FOREIGNS
    from nova.eval.machine import Machine

    cancel = threading.Event()
    cancel.set()

    def resolve(m: Machine, module: str, key: str) -> object:
        return FOREIGNS[("Data.Semiring", "intAdd")] if key == "add" else compile_top(PARITY[key]).run(m)

    machine = Machine(resolve, Limits(max_steps=10**12, timeout=None), cancel)
    with pytest.raises(EvalLimitError, match="cancelled"):
        compile_top(app(g("loop"), lit(0))).run(machine)


def test_non_tail_recursion_within_the_depth_limit_works() -> None:
    value = run_with_big_stack(lambda: run(app(g("count"), lit(5_000)), PARITY)[0], 10_000)
    assert value == 5_000


def test_too_deep_non_tail_recursion_is_stopped_not_crashed() -> None:
    def deep() -> object:
        return run(app(g("count"), lit(100_000)), PARITY, Limits(max_depth=2_000))[0]

    with pytest.raises(EvalLimitError) as caught:
        run_with_big_stack(deep, 2_000)
    assert "recursion deeper than 2000 calls" in str(caught.value)
    assert "evaluation stopped after" in str(caught.value)


def test_partial_application_and_over_application() -> None:
    add = g("add")
    # (\f -> f 2) (add 40)
    value, _ = run(app(c.Lam(("f",), app(local("f"), lit(2))), app(add, lit(40))))
    assert value == 42
    # (\x -> \y -> x - y) applied to both at once
    curried = c.Lam(("x",), c.Lam(("y",), app(g("sub"), local("x"), local("y"))))
    value, _ = run(app(curried, lit(10), lit(3)))
    assert value == 7


def test_closures_capture_their_environment() -> None:
    # let k = 5 in (\x -> x + k) 1
    expr = c.Let((c.Binding("k", lit(5)),), app(c.Lam(("x",), app(g("add"), local("x"), local("k"))), lit(1)))
    assert run(expr)[0] == 6


def test_recursive_let_functions() -> None:
    # let go n acc = if n == 0 then acc else go (n - 1) (acc * 2) in go 10 1
    go = c.Lam(
        ("n", "acc"),
        c.If(
            app(g("eq"), local("n"), lit(0)),
            local("acc"),
            app(local("go"), app(g("sub"), local("n"), lit(1)), app(g("mul"), local("acc"), lit(2))),
        ),
    )
    assert run(c.Let((c.Binding("go", go),), app(local("go"), lit(10), lit(1))))[0] == 1024


def test_value_used_before_definition_is_an_error() -> None:
    expr = c.Let((c.Binding("a", local("b")), c.Binding("b", lit(1))), local("a"))
    with pytest.raises(EvalError, match="b is used before its value is defined"):
        run(expr)


def _just(x: c.Expr) -> c.Expr:
    return app(c.Lit(__import__("nova.eval.values", fromlist=["ConFn"]).ConFn(1, "Just", 1)), x)


def test_case_with_constructor_array_record_named_and_literal_patterns() -> None:
    alts = (
        c.Alt((c.PLit(0),), c.simple(lit("zero"))),
        c.Alt((c.PCon("Just", (c.PVar("x"),)),), c.simple(local("x"))),
        c.Alt((c.PArray((c.PVar("a"), c.PWild())),), c.simple(local("a"))),
        c.Alt((c.PRecord((("name", c.PVar("n")),)),), c.simple(local("n"))),
        c.Alt((c.PNamed("all", c.PCon("Nothing")),), c.simple(local("all"))),
    )

    def match(value: c.Expr) -> object:
        return run(c.Case((value,), alts))[0]

    assert match(lit(0)) == "zero"
    assert match(_just(lit("j"))) == "j"
    assert match(c.ArrayLit((lit("first"), lit("second")))) == "first"
    assert match(c.RecordLit((("name", lit("nova")), ("age", lit(3))))) == "nova"
    assert match(lit(Con("Nothing", 0))) == Con("Nothing", 0)
    with pytest.raises(EvalError, match="no pattern matches 7"):
        match(lit(7))


def test_guards_fall_through_to_the_next_alternative() -> None:
    # case n of x | x == 1 -> "one" | Just y <- Just x, y == 2 -> "two";  _ -> "other"
    rhs = c.Guarded(
        (
            ((c.GuardBool(app(g("eq"), local("x"), lit(1))),), lit("one")),
            (
                (
                    c.GuardBind(c.PCon("Just", (c.PVar("y"),)), _just(local("x"))),
                    c.GuardBool(app(g("eq"), local("y"), lit(2))),
                ),
                lit("two"),
            ),
        )
    )
    alts = (c.Alt((c.PVar("x"),), rhs), c.Alt((c.PWild(),), c.simple(lit("other"))))
    assert run(c.Case((lit(1),), alts))[0] == "one"
    assert run(c.Case((lit(2),), alts))[0] == "two"
    assert run(c.Case((lit(3),), alts))[0] == "other"


def test_where_bindings_and_let_guards() -> None:
    rhs = c.Guarded(
        (((c.GuardLet((c.Binding("z", app(g("add"), local("w"), lit(1))),)),), local("z")),),
        where=(c.Binding("w", lit(41)),),
    )
    assert run(c.Case((), (c.Alt((), rhs),)))[0] == 42


def test_records_access_and_nested_update() -> None:
    person = c.RecordLit((("name", lit("x")), ("address", c.RecordLit((("city", lit("a")),)))))
    updated = c.Update(person, ((("address", "city"), lit("b")), (("name",), lit("y"))))
    value = run(updated)[0]
    assert isinstance(value, RecordV)
    assert value.fields["name"] == "y"
    assert value.fields["address"].fields["city"] == "b"
    assert run(c.Access(updated, "name"))[0] == "y"
    with pytest.raises(EvalError, match="no field missing"):
        run(c.Access(person, "missing"))


def test_dictionaries_methods_and_superclasses() -> None:
    eq_dict = c.MakeDict("Eq", "eqInt", (("eq", g("eq")),))
    ord_dict = c.MakeDict("Ord", "ordInt", (("compare", lit("cmp")),), (("0", eq_dict),))
    expr = app(c.Method(c.Super(ord_dict, "0"), "eq"), lit(3), lit(3))
    assert run(expr)[0] is True
    assert run(c.Method(ord_dict, "compare"))[0] == "cmp"


def test_applying_a_non_function_is_an_error() -> None:
    with pytest.raises(EvalError, match="not a function"):
        run(app(lit(3), lit(4)))


def test_fail_nodes_raise_at_run_time_only() -> None:
    expr = c.If(lit(True), lit(1), c.Fail("type error here"))
    assert run(expr)[0] == 1
    with pytest.raises(EvalError, match="type error here"):
        run(c.If(lit(False), lit(1), c.Fail("type error here")))


def test_effects_run_in_order_with_captured_output_and_constant_stack() -> None:
    # loop n = if n == 0 then pureE unit else bindE (log "tick") (\_ -> loop (n - 1))
    defs = {
        "loopE": c.Lam(
            ("n",),
            c.If(
                app(g("eq"), local("n"), lit(0)),
                app(g("pureE"), lit(UNIT)),
                app(
                    g("bindE"),
                    app(g("log"), lit("tick")),
                    c.Lam(("_",), app(g("loopE"), app(g("sub"), local("n"), lit(1)))),
                ),
            ),
        )
    }
    effect, machine = run(app(g("loopE"), lit(50_000)), defs)
    assert machine.output == []
    assert machine.run_effect(effect) is UNIT
    assert machine.output == ["tick"] * 50_000


def test_global_that_depends_on_itself_is_reported() -> None:
    with pytest.raises(EvalError, match="depends on itself"):
        run(g("x"), {"x": app(g("add"), g("x"), lit(1))})
