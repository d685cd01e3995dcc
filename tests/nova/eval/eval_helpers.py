"""Build core programs by hand for the machine tests (no checker involved)."""

from __future__ import annotations

from collections.abc import Mapping

from nova.eval import core as c
from nova.eval.compiler import compile_top
from nova.eval.foreign import FOREIGNS
from nova.eval.machine import Limits, Machine
from nova.eval.values import Value


def g(key: str) -> c.Global:
    return c.Global("M", key)


def app(fn: c.Expr, *args: c.Expr) -> c.App:
    return c.App(fn, tuple(args))


def lit(value: Value) -> c.Lit:
    return c.Lit(value)


def local(name: str) -> c.Local:
    return c.Local(name)


PRIMS = {
    "add": ("Data.Semiring", "intAdd"),
    "sub": ("Data.Ring", "intSub"),
    "mul": ("Data.Semiring", "intMul"),
    "eq": ("Data.Eq", "eqIntImpl"),
    "log": ("Effect.Console", "log"),
    "pureE": ("Effect", "pureE"),
    "bindE": ("Effect", "bindE"),
}


def run(expr: c.Expr, defs: Mapping[str, c.Expr] = {}, limits: Limits | None = None) -> tuple[Value, Machine]:
    def resolve(m: Machine, module: str, key: str) -> Value:
        if key in PRIMS:
            return FOREIGNS[PRIMS[key]]
        return compile_top(defs[key]).run(m)

    machine = Machine(resolve, limits or Limits())
    return compile_top(expr).run(machine), machine
