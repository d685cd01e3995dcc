"""Python implementations of the standard library's `foreign import`s (listed in `nova/stdlib/FOREIGN.md`).

Each is registered under (module, name) with its arity; `impl(machine, *args)` gets fully applied arguments and
may call back into Nova through `machine.apply`. Nothing here touches files, the network or processes: the only
effect Nova code has is `log` (and friends), which writes to the machine's captured output.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from nova.eval.errors import EvalError
from nova.eval.machine import Machine
from nova.eval.printer import show_char, show_number, show_string
from nova.eval.values import UNIT, Char, Con, EffectV, Foreign, Value

FOREIGNS: dict[tuple[str, str], Foreign] = {}


def foreign(module: str, name: str, arity: int) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def register(impl: Callable[..., Any]) -> Callable[..., Any]:
        FOREIGNS[(module, name)] = Foreign(arity, name, impl)
        return impl

    return register


def constant(module: str, name: str, value: Value) -> None:
    """A foreign value that is not a function (`unit`, `infinity`)."""
    FOREIGNS[(module, name)] = Foreign(0, name, lambda m: value)


def lookup_foreign(module: str, name: str) -> Value | None:
    found = FOREIGNS.get((module, name))
    if found is None:
        return None
    if found.arity == 0:
        return found.impl(None)
    return found


def _ordering(lt: Value, eq: Value, gt: Value, x: Value, y: Value) -> Value:
    return lt if x < y else (eq if x == y else gt)


def _euclid_div(x: int, y: int) -> int:
    if y == 0:
        return 0
    r = x % abs(y)
    return (x - r) // y


def _euclid_mod(x: int, y: int) -> int:
    if y == 0:
        return 0
    return x % abs(y)


def _num_div(x: float, y: float) -> float:
    try:
        return x / y
    except ZeroDivisionError:
        if x == 0 or math.isnan(x):
            return math.nan
        return math.copysign(math.inf, x) * math.copysign(1.0, y)


def _fn(name: str, arity: int, impl: Callable[..., Any]) -> Foreign:
    return Foreign(arity, name, impl)


# ---- Prelude -------------------------------------------------------------------------------------------------

constant("Prelude", "unit", UNIT)

for _suffix in ("Int", "Number", "String", "Char", "Boolean"):
    foreign("Prelude", f"eq{_suffix}Impl", 2)(lambda m, x, y: x == y)
    foreign("Prelude", f"ord{_suffix}Impl", 5)(lambda m, lt, eq, gt, x, y: _ordering(lt, eq, gt, x, y))


@foreign("Prelude", "eqArrayImpl", 3)
def _eq_array(m: Machine, eq: Value, xs: tuple[Value, ...], ys: tuple[Value, ...]) -> bool:
    return len(xs) == len(ys) and all(m.apply(eq, (x, y)) is True for x, y in zip(xs, ys, strict=True))


@foreign("Prelude", "ordArrayImpl", 3)
def _ord_array(m: Machine, cmp: Value, xs: tuple[Value, ...], ys: tuple[Value, ...]) -> int:
    for x, y in zip(xs, ys, strict=False):
        delta = m.apply(cmp, (x, y))
        if delta != 0:
            return int(delta)
    return (len(xs) > len(ys)) - (len(xs) < len(ys))


foreign("Prelude", "showIntImpl", 1)(lambda m, x: str(x))
foreign("Prelude", "showNumberImpl", 1)(lambda m, x: show_number(x))
foreign("Prelude", "showStringImpl", 1)(lambda m, x: show_string(x))
foreign("Prelude", "showCharImpl", 1)(lambda m, c: show_char(c.value))


@foreign("Prelude", "showArrayImpl", 2)
def _show_array(m: Machine, show: Value, xs: tuple[Value, ...]) -> str:
    return "[" + ",".join(m.apply(show, (x,)) for x in xs) + "]"


foreign("Prelude", "intAdd", 2)(lambda m, x, y: x + y)
foreign("Prelude", "intMul", 2)(lambda m, x, y: x * y)
foreign("Prelude", "intSub", 2)(lambda m, x, y: x - y)
foreign("Prelude", "numAdd", 2)(lambda m, x, y: x + y)
foreign("Prelude", "numMul", 2)(lambda m, x, y: x * y)
foreign("Prelude", "numSub", 2)(lambda m, x, y: x - y)
foreign("Prelude", "intDiv", 2)(lambda m, x, y: _euclid_div(x, y))
foreign("Prelude", "intMod", 2)(lambda m, x, y: _euclid_mod(x, y))
foreign("Prelude", "numDiv", 2)(lambda m, x, y: _num_div(x, y))
foreign("Prelude", "concatString", 2)(lambda m, x, y: x + y)
foreign("Prelude", "concatArray", 2)(lambda m, x, y: x + y)


@foreign("Prelude", "arrayMap", 2)
def _array_map(m: Machine, f: Value, xs: tuple[Value, ...]) -> tuple[Value, ...]:
    return tuple([m.apply(f, (x,)) for x in xs])


@foreign("Prelude", "arrayBind", 2)
def _array_bind(m: Machine, xs: tuple[Value, ...], f: Value) -> tuple[Value, ...]:
    out: list[Value] = []
    for x in xs:
        out.extend(m.apply(f, (x,)))
    return tuple(out)


# ---- Data.Foldable -------------------------------------------------------------------------------------------


@foreign("Data.Foldable", "arrayFoldr", 3)
def _array_foldr(m: Machine, f: Value, acc: Value, xs: tuple[Value, ...]) -> Value:
    for x in reversed(xs):
        acc = m.apply(f, (x, acc))
    return acc


@foreign("Data.Foldable", "arrayFoldl", 3)
def _array_foldl(m: Machine, f: Value, acc: Value, xs: tuple[Value, ...]) -> Value:
    for x in xs:
        acc = m.apply(f, (acc, x))
    return acc


# ---- Effect --------------------------------------------------------------------------------------------------


def pure_effect(value: Value) -> EffectV:
    return EffectV("pure", value)


def bind_effect(effect: Value, k: Value) -> EffectV:
    return EffectV("bind", effect, k)


foreign("Effect", "pureE", 1)(lambda m, x: pure_effect(x))
foreign("Effect", "bindE", 2)(lambda m, e, k: bind_effect(e, k))


@foreign("Effect", "mapE", 2)
def _map_effect(m: Machine, f: Value, e: Value) -> EffectV:
    return bind_effect(e, _fn("mapE", 1, lambda m2, x: pure_effect(m2.apply(f, (x,)))))


@foreign("Effect", "applyE", 2)
def _apply_effect(m: Machine, ef: Value, ex: Value) -> EffectV:
    def after_f(m2: Machine, f: Value) -> EffectV:
        return bind_effect(ex, _fn("applyE", 1, lambda m3, x: pure_effect(m3.apply(f, (x,)))))

    return bind_effect(ef, _fn("applyE", 1, after_f))


@foreign("Effect", "untilE", 1)
def _until(m: Machine, e: Value) -> EffectV:
    def loop(m2: Machine) -> Value:
        while m2.run_effect(e) is not True:
            pass
        return UNIT

    return EffectV("prim", loop)


@foreign("Effect", "whileE", 2)
def _while(m: Machine, cond: Value, body: Value) -> EffectV:
    def loop(m2: Machine) -> Value:
        while m2.run_effect(cond) is True:
            m2.run_effect(body)
        return UNIT

    return EffectV("prim", loop)


@foreign("Effect", "forE", 3)
def _for(m: Machine, lo: int, hi: int, f: Value) -> EffectV:
    def loop(m2: Machine) -> Value:
        for i in range(lo, hi):
            m2.run_effect(m2.apply(f, (i,)))
        return UNIT

    return EffectV("prim", loop)


@foreign("Effect", "foreachE", 2)
def _foreach(m: Machine, xs: tuple[Value, ...], f: Value) -> EffectV:
    def loop(m2: Machine) -> Value:
        for x in xs:
            m2.run_effect(m2.apply(f, (x,)))
        return UNIT

    return EffectV("prim", loop)


# ---- Effect.Console ------------------------------------------------------------------------------------------


def _writer(prefix: str) -> Callable[[Machine, str], EffectV]:
    def write(m: Machine, text: str) -> EffectV:
        def run(m2: Machine) -> Value:
            m2.write(prefix + text)
            return UNIT

        return EffectV("prim", run)

    return write


for _name, _prefix in (("log", ""), ("info", ""), ("debug", ""), ("warn", "warning: "), ("error", "error: ")):
    foreign("Effect.Console", _name, 1)(_writer(_prefix))


# ---- helpers shared by the modules below ---------------------------------------------------------------------


def require_int(value: Value, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise EvalError(f"{what}: expected an Int")
    return value


def char(text: str) -> Char:
    return Char(text)


def just(m: Machine, just_fn: Value, value: Value) -> Value:
    return m.apply(just_fn, (value,))


def tuple_con(a: Value, b: Value) -> Con:
    return Con("Tuple", 0, (a, b))
