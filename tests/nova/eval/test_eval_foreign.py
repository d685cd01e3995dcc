"""Every foreign function of the standard library, called directly (through the machine, curried like Nova)."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import pytest

from nova.eval.errors import EvalError, EvalLimitError
from nova.eval.foreign import FOREIGNS, lookup_foreign
from nova.eval.machine import Limits, Machine
from nova.eval.values import UNIT, Char, Con, ConFn, EffectV, Foreign, MapV

LT, GT, EQ = Con("LT", 0), Con("GT", 1), Con("EQ", 2)
JUST = ConFn(1, "Just", 1)
NOTHING = Con("Nothing", 0)


def machine(limits: Limits | None = None) -> Machine:
    def resolve(m: Machine, module: str, key: str) -> Any:
        raise AssertionError("no globals here")

    return Machine(resolve, limits)


def call(module: str, name: str, *args: Any, m: Machine | None = None) -> Any:
    m = m or machine()
    fn = lookup_foreign(module, name)
    assert fn is not None, f"{module}.{name} is not implemented"
    if not args:
        return fn
    # Curried, one argument at a time, as Nova code applies it.
    for arg in args:
        fn = m.apply(fn, (arg,))
    return fn


def py(fn: Any, arity: int = 1) -> Foreign:
    return Foreign(arity, "f", lambda m, *a: fn(*a))


def test_the_table_has_every_foreign_value_of_foreign_md() -> None:
    """FOREIGN.md states its count (tests/nova/stdlib checks it against the sources); the table has that many."""
    text = (Path(__file__).parents[3] / "nova" / "stdlib" / "FOREIGN.md").read_text(encoding="utf-8")
    stated = re.search(r"\*\*(\d+) foreign values\*\*", text)
    assert stated is not None
    assert len(FOREIGNS) == int(stated.group(1))


def test_prelude_equality_and_order() -> None:
    assert call("Data.Eq", "eqIntImpl", 3, 3) is True
    assert call("Data.Eq", "eqNumberImpl", math.nan, math.nan) is False
    assert call("Data.Eq", "eqNumberImpl", 0.0, -0.0) is True
    assert call("Data.Eq", "eqStringImpl", "a", "b") is False
    assert call("Data.Eq", "eqCharImpl", Char("a"), Char("a")) is True
    assert call("Data.Eq", "eqBooleanImpl", True, False) is False
    eq = py(lambda x, y: x == y, 2)
    assert call("Data.Eq", "eqArrayImpl", eq, (1, 2), (1, 2)) is True
    assert call("Data.Eq", "eqArrayImpl", eq, (1, 2), (1,)) is False
    assert call("Data.Ord", "ordIntImpl", LT, EQ, GT, 1, 2) is LT
    assert call("Data.Ord", "ordNumberImpl", LT, EQ, GT, math.nan, 1.0) is GT
    assert call("Data.Ord", "ordStringImpl", LT, EQ, GT, "b", "a") is GT
    assert call("Data.Ord", "ordCharImpl", LT, EQ, GT, Char("a"), Char("a")) is EQ
    assert call("Data.Ord", "ordBooleanImpl", LT, EQ, GT, False, True) is LT
    cmp = py(lambda x, y: (x > y) - (x < y), 2)
    assert call("Data.Ord", "ordArrayImpl", cmp, (1, 2), (1, 3)) == -1
    assert call("Data.Ord", "ordArrayImpl", cmp, (1, 2), (1,)) == 1
    assert call("Data.Ord", "ordArrayImpl", cmp, (1,), (1,)) == 0


def test_prelude_show() -> None:
    assert call("Data.Show", "showIntImpl", -42) == "-42"
    assert call("Data.Show", "showNumberImpl", 1.0) == "1.0"
    assert call("Data.Show", "showNumberImpl", 1e-07) == "1e-7"  # (JavaScript's digits, PureScript's `show`)
    assert call("Data.Show", "showNumberImpl", 0.00001) == "0.00001"
    assert call("Data.Show", "showNumberImpl", -0.0) == "0.0"
    assert call("Data.Show", "showNumberImpl", 1e21) == "1e+21"
    assert call("Data.Show", "showNumberImpl", -math.inf) == "-Infinity"
    assert call("Data.Show", "showStringImpl", "a\nb\x01") == '"a\\nb\\x01"'
    assert call("Data.Show", "showCharImpl", Char("'")) == "'\\''"
    assert call("Data.Show", "showCharImpl", Char('"')) == "'\"'"
    assert call("Data.Show", "showArrayImpl", py(str), (1, 2, 3)) == "[1,2,3]"
    assert call("Data.Show", "showArrayImpl", py(str), ()) == "[]"


def test_prelude_arithmetic() -> None:
    assert call("Data.Semiring", "intAdd", 2**70, 1) == 2**70 + 1
    assert call("Data.Semiring", "intMul", 6, 7) == 42
    assert call("Data.Ring", "intSub", 1, 3) == -2
    assert call("Data.Semiring", "numAdd", 0.5, 0.25) == 0.75
    assert call("Data.Semiring", "numMul", 1.5, 2.0) == 3.0
    assert call("Data.Ring", "numSub", 1.0, 0.5) == 0.5
    assert [call("Data.EuclideanRing", "intDiv", x, y) for x, y in ((7, 2), (-7, 2), (7, -2), (-7, -2), (5, 0))] == [
        3,
        -4,
        -3,
        4,
        0,
    ]
    assert [call("Data.EuclideanRing", "intMod", x, y) for x, y in ((-7, 2), (7, -2), (5, 0))] == [1, 1, 0]
    assert call("Data.EuclideanRing", "numDiv", 1.0, 0.0) == math.inf
    assert call("Data.EuclideanRing", "numDiv", -1.0, 0.0) == -math.inf
    assert math.isnan(call("Data.EuclideanRing", "numDiv", 0.0, 0.0))
    assert call("Data.Semigroup", "concatString", "ab", "c") == "abc"
    assert call("Data.Semigroup", "concatArray", (1,), (2,)) == (1, 2)
    assert call("Data.Functor", "arrayMap", py(lambda x: x * 2), (1, 2)) == (2, 4)
    assert call("Control.Bind", "arrayBind", (1, 2), py(lambda x: (x, x))) == (1, 1, 2, 2)
    assert call("Data.Unit", "unit") is UNIT


def test_foldable() -> None:
    minus = py(lambda a, b: a - b, 2)
    assert call("Data.Foldable", "arrayFoldr", minus, 0, (1, 2, 3)) == 1 - (2 - (3 - 0))
    assert call("Data.Foldable", "arrayFoldl", minus, 0, (1, 2, 3)) == ((0 - 1) - 2) - 3


def test_array_extend_applies_the_function_to_every_suffix() -> None:
    assert call("Control.Extend", "arrayExtend", py(len), (1, 2, 3)) == (3, 2, 1)
    assert call("Control.Extend", "arrayExtend", py(lambda xs: xs), (1, 2)) == ((1, 2), (2,))
    assert call("Control.Extend", "arrayExtend", py(len), ()) == ()


def test_lazy_runs_its_thunk_once_on_the_first_force() -> None:
    runs: list[object] = []

    def thunk(unit: object) -> int:
        runs.append(unit)
        return 42

    m = machine()
    cell = call("Data.Lazy", "defer", py(thunk), m=m)
    assert runs == []  # defer evaluates nothing
    assert call("Data.Lazy", "force", cell, m=m) == 42
    assert call("Data.Lazy", "force", cell, m=m) == 42
    assert runs == [UNIT]


def test_unfoldr_into_arrays_stops_at_nothing() -> None:
    # Maybe values as Python pairs here: the primitive only looks at them through the functions it is given.
    is_nothing = py(lambda m: m is None)
    from_just = py(lambda m: m)
    first = py(lambda pair: pair[0])
    second = py(lambda pair: pair[1])
    count_to_3 = py(lambda i: None if i > 3 else (i * 10, i + 1))
    assert call("Data.Unfoldable", "unfoldrArrayImpl", is_nothing, from_just, first, second, count_to_3, 1) == (
        10,
        20,
        30,
    )
    assert call("Data.Unfoldable", "unfoldrArrayImpl", is_nothing, from_just, first, second, count_to_3, 9) == ()
    count_to_3_1 = py(lambda i: (i, i + 1 if i < 3 else None))
    assert call("Data.Unfoldable1", "unfoldr1ArrayImpl", is_nothing, from_just, first, second, count_to_3_1, 1) == (
        1,
        2,
        3,
    )
    assert call("Data.Unfoldable1", "unfoldr1ArrayImpl", is_nothing, from_just, first, second, count_to_3_1, 7) == (7,)


def test_an_endless_unfold_stops_at_the_step_budget() -> None:
    m = machine(Limits(max_steps=10_000))
    forever = py(lambda i: (i, i + 1))
    with pytest.raises(EvalLimitError):
        call(
            "Data.Unfoldable",
            "unfoldrArrayImpl",
            py(lambda m_: m_ is None),
            py(lambda x: x),
            py(lambda pair: pair[0]),
            py(lambda pair: pair[1]),
            forever,
            0,
            m=m,
        )


def test_array() -> None:
    assert call("Data.Array", "arrayLength", (1, 2)) == 2
    assert call("Data.Array", "rangeImpl", 1, 3) == (1, 2, 3)
    assert call("Data.Array", "rangeImpl", 3, 1) == (3, 2, 1)
    assert call("Data.Array", "replicateImpl", 2, "x") == ("x", "x")
    assert call("Data.Array", "replicateImpl", -1, "x") == ()
    assert call("Data.Array", "unsafeIndexImpl", (5, 6), 1) == 6
    with pytest.raises(EvalError, match="index out of range"):
        call("Data.Array", "unsafeIndexImpl", (5, 6), -1)
    assert call("Data.Array", "sliceImpl", -3, 2, (1, 2, 3)) == (1, 2)
    assert call("Data.Array", "sliceImpl", 2, 1, (1, 2, 3)) == ()
    assert call("Data.Array", "reverseImpl", (1, 2)) == (2, 1)
    assert call("Data.Array", "filterImpl", py(lambda x: x > 1), (1, 2, 3)) == (2, 3)
    assert call("Data.Array", "findIndexImpl", py(lambda x: x > 1), (1, 2, 3)) == 1
    assert call("Data.Array", "findIndexImpl", py(lambda x: x > 9), (1, 2, 3)) == -1
    by_first = py(lambda a, b: (a[0] > b[0]) - (a[0] < b[0]), 2)
    assert call("Data.Array", "sortByImpl", by_first, ((2, "a"), (1, "b"), (2, "c"))) == ((1, "b"), (2, "a"), (2, "c"))
    assert call("Data.Array", "zipWithImpl", py(lambda a, b: a + b, 2), (1, 2, 3), (10, 20)) == (11, 22)


def test_a_huge_range_respects_the_step_limit() -> None:
    with pytest.raises(EvalLimitError, match="evaluation stopped after"):
        call("Data.Array", "rangeImpl", 0, 1_000_000, m=machine(Limits(max_steps=1_000)))
    with pytest.raises(EvalError, match="more than"):
        call("Data.Array", "rangeImpl", 0, 10**12)
    with pytest.raises(EvalError, match="more than"):
        call("Data.Array", "replicateImpl", 10**12, 0)


def test_string() -> None:
    assert call("Data.String.CodeUnits", "lengthImpl", "héllo") == 5
    assert call("Data.String.CodeUnits", "singletonImpl", Char("x")) == "x"
    assert call("Data.String.CodeUnits", "unsafeCharAtImpl", 1, "abc") == Char("b")
    with pytest.raises(EvalError):
        call("Data.String.CodeUnits", "unsafeCharAtImpl", 3, "abc")
    assert call("Data.String.CodeUnits", "toCharArrayImpl", "ab") == (Char("a"), Char("b"))
    assert call("Data.String.CodeUnits", "fromCharArrayImpl", (Char("a"), Char("b"))) == "ab"
    assert call("Data.String.CodeUnits", "takeImpl", 2, "abc") == "ab"
    assert call("Data.String.CodeUnits", "takeImpl", -1, "abc") == ""
    assert call("Data.String.CodeUnits", "dropImpl", 2, "abc") == "c"
    assert call("Data.String.CodeUnits", "dropImpl", -2, "abc") == "abc"
    assert call("Data.String.CodeUnits", "indexOfImpl", "c", "abc") == 2
    assert call("Data.String.CodeUnits", "indexOfImpl", "z", "abc") == -1
    assert call("Data.String.CodeUnits", "lastIndexOfImpl", "a", "banana") == 5
    assert call("Data.String.CodeUnits", "lastIndexOfImpl", "", "abc") == 3
    assert call("Data.String.CodeUnits", "lastIndexOfImpl", "z", "abc") == -1
    assert call("Data.String.Common", "splitImpl", ",", "a,b") == ("a", "b")
    assert call("Data.String.Common", "splitImpl", "", "ab") == ("a", "b")
    assert call("Data.String.Common", "splitImpl", "", "") == ()
    assert call("Data.String.Common", "joinWithImpl", "-", ("a", "b")) == "a-b"
    assert call("Data.String.Common", "replaceImpl", "a", "x", "aa") == "xa"
    assert call("Data.String.Common", "replaceImpl", "", "x", "aa") == "xaa"
    assert call("Data.String.Common", "replaceAllImpl", "a", "x", "aa") == "xx"
    assert call("Data.String.Common", "replaceAllImpl", "", "x", "aa") == "aa"
    assert call("Data.String.Common", "toUpperImpl", "ab") == "AB"
    assert call("Data.String.Common", "toLowerImpl", "AB") == "ab"
    assert call("Data.String.Common", "trimImpl", "  a \n") == "a"


def test_char() -> None:
    assert call("Data.Char", "toCharCodeImpl", Char("A")) == 65
    assert call("Data.Char", "fromCharCodeImpl", JUST, NOTHING, 66) == Con("Just", 1, (Char("B"),))
    assert call("Data.Char", "fromCharCodeImpl", JUST, NOTHING, 0xD800) is NOTHING
    assert call("Data.Char", "fromCharCodeImpl", JUST, NOTHING, -1) is NOTHING


def test_int() -> None:
    assert call("Data.Int", "toNumberImpl", 3) == 3.0
    assert call("Data.Int", "toNumberImpl", 10**400) == math.inf
    assert call("Data.Int", "fromNumberImpl", JUST, NOTHING, 3.0) == Con("Just", 1, (3,))
    assert call("Data.Int", "fromNumberImpl", JUST, NOTHING, 3.5) is NOTHING
    assert call("Data.Int", "fromNumberImpl", JUST, NOTHING, math.inf) is NOTHING
    assert call("Data.Int", "floorImpl", -1.5) == -2
    assert call("Data.Int", "ceilImpl", 1.2) == 2
    assert call("Data.Int", "roundImpl", 2.5) == 3
    assert call("Data.Int", "roundImpl", -2.5) == -2
    assert call("Data.Int", "truncateImpl", -1.7) == -1
    assert call("Data.Int", "floorImpl", math.nan) == 0
    assert call("Data.Int", "fromStringImpl", JUST, NOTHING, "-12") == Con("Just", 1, (-12,))
    assert call("Data.Int", "fromStringImpl", JUST, NOTHING, "1_0") is NOTHING
    assert call("Data.Int", "fromStringImpl", JUST, NOTHING, " 1") is NOTHING
    assert call("Data.Int", "quotImpl", -7, 2) == -3
    assert call("Data.Int", "remImpl", -7, 2) == -1
    assert call("Data.Int", "quotImpl", 1, 0) == 0
    assert call("Data.Int", "remImpl", 1, 0) == 0
    assert call("Data.Int", "powImpl", 2, 10) == 1024
    assert call("Data.Int", "powImpl", 0, 0) == 1
    assert call("Data.Int", "powImpl", -1, -3) == -1
    assert call("Data.Int", "powImpl", 2, -1) == 0


def test_number() -> None:
    assert call("Data.Number", "pi") == math.pi
    assert call("Data.Number", "e") == math.e
    assert call("Data.Number", "infinity") == math.inf
    assert math.isnan(call("Data.Number", "nan"))
    assert call("Data.Number", "isNaN", math.nan) is True
    assert call("Data.Number", "isFinite", math.inf) is False
    assert math.isnan(call("Data.Number", "sqrt", -1.0))
    assert call("Data.Number", "sqrt", 4.0) == 2.0
    assert call("Data.Number", "pow", 2.0, 0.5) == pytest.approx(1.41421356)
    assert math.isnan(call("Data.Number", "pow", -8.0, 0.5))
    assert call("Data.Number", "pow", 10.0, 400.0) == math.inf
    assert call("Data.Number", "exp", 1000.0) == math.inf
    assert call("Data.Number", "log", 0.0) == -math.inf
    assert math.isnan(call("Data.Number", "log", -1.0))
    assert math.isnan(call("Data.Number", "sin", math.inf))
    assert call("Data.Number", "cos", 0.0) == 1.0
    assert call("Data.Number", "floor", -1.5) == -2.0
    assert call("Data.Number", "ceil", 1.2) == 2.0
    assert call("Data.Number", "round", 2.5) == 3.0
    assert call("Data.Number", "trunc", -1.5) == -1.0
    assert math.isnan(call("Data.Number", "floor", math.nan))
    # JavaScript's parseFloat: leading white space, then the longest prefix that reads as a number
    for text, expected in (
        ("1.5", 1.5), (" .5 ", 0.5), ("5.", 5.0), ("-1e3", -1000.0), ("Infinity", math.inf), ("-Infinityx", -math.inf),
        ("  1.2 ??", 1.2), ("\n\t7", 7.0), ("1.2.3", 1.2), ("1_0", 1.0), ("1e", 1.0), ("2e+", 2.0), ("1e400", math.inf),
    ):
        assert call("Data.Number", "fromStringImpl", JUST, NOTHING, text) == Con("Just", 1, (expected,)), text
    for bad in ("inf", "", "abc", "NaN", "+-1", ".", "e5", "x1"):
        assert call("Data.Number", "fromStringImpl", JUST, NOTHING, bad) is NOTHING, bad


@pytest.mark.parametrize(
    ("name", "digits", "x", "text"),
    [
        # the examples Data.Number.Format documents
        ("toPrecisionNative", 6, 1234.56789, "1234.57"),
        ("toFixedNative", 3, 1234.56789, "1234.568"),
        ("toExponentialNative", 2, 1234.56789, "1.23e+3"),
        # JavaScript rounds an exact tie away from zero, Python's formatting to even
        ("toFixedNative", 0, 2.5, "3"),
        ("toFixedNative", 0, -2.5, "-3"),
        ("toFixedNative", 2, 0.125, "0.13"),
        ("toExponentialNative", 0, -1.5, "-2e+0"),
        ("toPrecisionNative", 1, 2.5, "3"),
        # no tie: the double below 1.005
        ("toFixedNative", 2, 1.005, "1.00"),
        ("toFixedNative", 2, -0.0, "0.00"),
        ("toFixedNative", 2, -0.001, "-0.00"),
        ("toFixedNative", 20, 0.1, "0.10000000000000000555"),
        ("toFixedNative", 2, 1e21, "1e+21"),
        ("toExponentialNative", 2, 0.0, "0.00e+0"),
        ("toExponentialNative", 1, 99.99, "1.0e+2"),
        ("toExponentialNative", 20, 5e-324, "4.94065645841246544177e-324"),
        ("toPrecisionNative", 2, 0.000001234, "0.0000012"),
        ("toPrecisionNative", 2, 0.0000001234, "1.2e-7"),
        ("toPrecisionNative", 3, 99.99, "100"),
        ("toPrecisionNative", 3, 999.9, "1.00e+3"),
        ("toPrecisionNative", 21, 1.0, "1.00000000000000000000"),
        ("toFixedNative", 2, math.nan, "NaN"),
        ("toExponentialNative", 2, -math.inf, "-Infinity"),
    ],
)
def test_number_format_rounds_as_javascript(name: str, digits: int, x: float, text: str) -> None:
    assert call("Data.Number.Format", name, digits, x) == text


@pytest.mark.parametrize(
    ("x", "text"),
    [
        (12.34, "12.34"),
        (1234.0, "1234"),
        (1.2e-10, "1.2e-10"),
        # written out in full from 1e-6 (Python's repr switches to an exponent below 1e-4)
        (0.000001, "0.000001"),
        (1.5e-5, "0.000015"),
        (-0.00002, "-0.00002"),
        (1e-7, "1e-7"),
        (1.25e20, "125000000000000000000"),
        (1e21, "1e+21"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (5e-324, "5e-324"),
        (0.30000000000000004, "0.30000000000000004"),
        (-0.0, "0"),
    ],
)
def test_number_format_to_string_is_javascripts(x: float, text: str) -> None:
    assert call("Data.Number.Format", "toString", x) == text


@pytest.mark.parametrize(
    ("x", "rounded"),
    [(2.5, 3), (-2.5, -2), (1.5, 2), (-1.5, -1), (0.49999999999999994, 0), (4503599627370497.0, 4503599627370497)],
)
def test_round_is_javascripts_math_round(x: float, rounded: int) -> None:
    """A tie goes towards +∞, and no addition rounds first (`floor (x + 0.5)` gives 1 and 4503599627370498)."""
    assert call("Data.Number", "round", x) == float(rounded)
    assert call("Data.Int", "roundImpl", x) == rounded


@pytest.mark.parametrize(
    ("x", "y", "power"),
    [
        (0.0, -1.0, math.inf),
        (-0.0, -1.0, -math.inf),
        (-0.0, -2.0, math.inf),
        (0.0, -math.inf, math.inf),
        (1.0, math.inf, math.nan),
        (-1.0, -math.inf, math.nan),
        (1.0, math.nan, math.nan),
        (math.nan, 0.0, 1.0),
        (-8.0, 1 / 3, math.nan),
        (-2.0, 3.0, -8.0),
    ],
)
def test_pow_is_javascripts_math_pow(x: float, y: float, power: float) -> None:
    result = call("Data.Number", "pow", x, y)
    assert (math.isnan(result) and math.isnan(power)) or result == power


def test_map() -> None:
    cmp = py(lambda a, b: (a > b) - (a < b), 2)
    empty = call("Data.Map.Internal", "emptyImpl")
    assert empty == MapV(()) or empty.entries == ()
    m = empty
    for key in (3, 1, 2, 1):
        m = call("Data.Map.Internal", "insertImpl", cmp, key, key * 10, m)
    assert call("Data.Map.Internal", "sizeImpl", m) == 3
    assert call("Data.Map.Internal", "toArrayImpl", py(lambda k, v: (k, v), 2), m) == ((1, 10), (2, 20), (3, 30))
    assert call("Data.Map.Internal", "lookupImpl", JUST, NOTHING, cmp, 2, m) == Con("Just", 1, (20,))
    assert call("Data.Map.Internal", "lookupImpl", JUST, NOTHING, cmp, 9, m) is NOTHING
    smaller = call("Data.Map.Internal", "deleteImpl", cmp, 2, m)
    assert call("Data.Map.Internal", "sizeImpl", smaller) == 2
    assert call("Data.Map.Internal", "sizeImpl", m) == 3  # immutable
    assert call("Data.Map.Internal", "deleteImpl", cmp, 9, m) is m
    doubled = call("Data.Map.Internal", "mapWithKeyImpl", py(lambda k, v: k + v, 2), m)
    assert call("Data.Map.Internal", "toArrayImpl", py(lambda k, v: v, 2), doubled) == (11, 22, 33)
    odd = call("Data.Map.Internal", "filterWithKeyImpl", py(lambda k, v: k % 2 == 1, 2), m)
    assert call("Data.Map.Internal", "sizeImpl", odd) == 2
    renamed = call("Data.Map.Internal", "replaceValuesImpl", m, ("a", "b", "c"))
    pairs = call("Data.Map.Internal", "toArrayImpl", py(lambda k, v: (k, v), 2), renamed)
    assert pairs == ((1, "a"), (2, "b"), (3, "c"))


def test_effects_and_console() -> None:
    m = machine()
    pure = call("Effect", "pureE", 5, m=m)
    assert isinstance(pure, EffectV)
    assert m.run_effect(pure) == 5
    log = lookup_foreign("Effect.Console", "log")
    chained = call(
        "Effect", "bindE", call("Effect.Console", "log", "one", m=m), py(lambda _: m.apply(log, ("two",))), m=m
    )
    assert m.output == []  # nothing runs until the effect is run
    assert m.run_effect(chained) is UNIT
    assert m.output == ["one", "two"]
    m.run_effect(call("Effect.Console", "info", "three", m=m))
    m.run_effect(call("Effect.Console", "warn", "careful", m=m))
    m.run_effect(call("Effect.Console", "error", "bad", m=m))
    assert m.output == ["one", "two", "three"]
    assert m.errors == ["careful", "bad"]
    m.run_effect(call("Effect", "forE", 1, 4, py(lambda i: m.apply(log, (str(i),))), m=m))
    assert m.output[-3:] == ["1", "2", "3"]
    m.run_effect(call("Effect", "foreachE", ("a", "b"), py(lambda s: m.apply(log, (s,))), m=m))
    assert m.output[-2:] == ["a", "b"]
    counter = {"n": 0}

    def cond_run(machine_: Machine) -> bool:
        counter["n"] += 1
        return counter["n"] <= 3

    cond = EffectV("prim", cond_run)
    body = call("Effect.Console", "log", "loop", m=m)
    m.run_effect(call("Effect", "whileE", cond, body, m=m))
    assert m.output[-3:] == ["loop"] * 3
    assert counter["n"] == 4


def test_unsafe_coerce_is_the_identity() -> None:
    value = (1, "x")
    assert call("Unsafe.Coerce", "unsafeCoerce", value) is value
