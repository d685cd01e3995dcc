"""Python implementations of the standard library's `foreign import`s (listed in `nova/stdlib/FOREIGN.md`).

Each is registered under (module, name) with its arity; `impl(machine, *args)` gets fully applied arguments and
may call back into Nova through `machine.apply`. Nothing here touches files, the network or processes: the only
effect Nova code has is `log` (and friends), which writes to the machine's captured output.
"""

from __future__ import annotations

import decimal
import functools
import math
import re
import time
import weakref
from collections.abc import Callable
from typing import Any

from nova.eval.errors import EvalError
from nova.eval.machine import Machine
from nova.eval.printer import js_number_text, show_char, show_number, show_string
from nova.eval.values import UNIT, Char, Con, EffectV, Foreign, InstanceDict, MapV, RecordV, Value
from nova.numbers import decimal_to_int, int_to_decimal

FOREIGNS: dict[tuple[str, str], Foreign] = {}

MAX_INT_BITS = 1 << 22
"""The largest Int a multiplication or power may produce (about 1.2 million digits): bounded memory and time."""
MAX_ARRAY = 1 << 23
"""The longest Array a concatenation may produce."""
MAX_STRING = 1 << 24
"""The longest String a concatenation may produce."""


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
    return x // y if y > 0 else -(x // -y)


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


# ---- Prelude's modules ----------------------------------------------------------------------------------------

constant("Data.Unit", "unit", UNIT)

for _suffix in ("Int", "String", "Char", "Boolean"):
    foreign("Data.Eq", f"eq{_suffix}Impl", 2)(lambda m, x, y: x == y)
    foreign("Data.Ord", f"ord{_suffix}Impl", 5)(lambda m, lt, eq, gt, x, y: _ordering(lt, eq, gt, x, y))
foreign("Data.Eq", "eqNumberImpl", 2)(lambda m, x, y: x == y)


@foreign("Data.Ord", "ordNumberImpl", 5)
def _ord_number(m: Machine, lt: Value, eq: Value, gt: Value, x: float, y: float) -> Value:
    if x < y:
        return lt
    return eq if x == y else gt  # NaN compares as greater, as PureScript does


@foreign("Data.Eq", "eqArrayImpl", 3)
def _eq_array(m: Machine, eq: Value, xs: tuple[Value, ...], ys: tuple[Value, ...]) -> bool:
    if len(xs) != len(ys):
        return False
    return all(m.apply(eq, (x, y)) is True for x, y in zip(xs, ys, strict=True))


@foreign("Data.Ord", "ordArrayImpl", 3)
def _ord_array(m: Machine, cmp: Value, xs: tuple[Value, ...], ys: tuple[Value, ...]) -> int:
    for x, y in zip(xs, ys, strict=False):
        delta = m.apply(cmp, (x, y))
        if delta != 0:
            return 1 if delta > 0 else -1
    return (len(xs) > len(ys)) - (len(xs) < len(ys))


foreign("Data.Show", "showIntImpl", 1)(lambda m, x: int_to_decimal(x))
foreign("Data.Show", "showNumberImpl", 1)(lambda m, x: show_number(x))
foreign("Data.Show", "showStringImpl", 1)(lambda m, x: show_string(x))
foreign("Data.Show", "showCharImpl", 1)(lambda m, c: show_char(c.value))


@foreign("Data.Show", "showArrayImpl", 2)
def _show_array(m: Machine, show: Value, xs: tuple[Value, ...]) -> str:
    return "[" + ",".join(m.apply(show, (x,)) for x in xs) + "]"


foreign("Data.Semiring", "intAdd", 2)(lambda m, x, y: x + y)


@foreign("Data.Semiring", "intMul", 2)
def _int_mul(m: Machine, x: int, y: int) -> int:
    # Repeated squaring doubles the size each step: charge big products by their size, and cap it.
    bits = x.bit_length() + y.bit_length()
    if bits > MAX_INT_BITS:
        raise EvalError(f"an Int product would have about {bits} bits (more than {MAX_INT_BITS})")
    if bits > 64:
        charge(m, bits // 64)
    return x * y


foreign("Data.Ring", "intSub", 2)(lambda m, x, y: x - y)
foreign("Data.Semiring", "numAdd", 2)(lambda m, x, y: x + y)
foreign("Data.Semiring", "numMul", 2)(lambda m, x, y: x * y)
foreign("Data.Ring", "numSub", 2)(lambda m, x, y: x - y)
foreign("Data.EuclideanRing", "intDegree", 1)(lambda m, x: abs(x))
foreign("Data.EuclideanRing", "intDiv", 2)(lambda m, x, y: _euclid_div(x, y))
foreign("Data.EuclideanRing", "intMod", 2)(lambda m, x, y: _euclid_mod(x, y))
foreign("Data.EuclideanRing", "numDiv", 2)(lambda m, x, y: _num_div(x, y))
foreign("Data.DivisionRing", "numRecip", 1)(lambda m, x: _num_div(1.0, x))
constant("Data.Bounded", "topNumber", math.inf)
constant("Data.Bounded", "bottomNumber", -math.inf)


@foreign("Data.Semigroup", "concatString", 2)
def _concat_string(m: Machine, x: str, y: str) -> str:
    size = len(x) + len(y)
    if size > MAX_STRING:
        raise EvalError(f"a String would have {size} characters (more than {MAX_STRING})")
    charge(m, size // 64)
    m.allocate(size // 32)
    return x + y


@foreign("Data.Semigroup", "concatArray", 2)
def _concat_array(m: Machine, x: tuple[Value, ...], y: tuple[Value, ...]) -> tuple[Value, ...]:
    size = len(x) + len(y)
    if size > MAX_ARRAY:
        raise EvalError(f"an Array would have {size} elements (more than {MAX_ARRAY})")
    charge(m, size)  # copying is work: `xs <> xs` repeated must not outgrow the step limit
    m.allocate(size)
    return x + y


@foreign("Data.Functor", "arrayMap", 2)
def _array_map(m: Machine, f: Value, xs: tuple[Value, ...]) -> tuple[Value, ...]:
    m.allocate(len(xs))
    return tuple([m.apply(f, (x,)) for x in xs])


@foreign("Data.FunctorWithIndex", "mapWithIndexArray", 2)
def _array_map_with_index(m: Machine, f: Value, xs: tuple[Value, ...]) -> tuple[Value, ...]:
    m.allocate(len(xs))
    return tuple([m.apply(f, (i, x)) for i, x in enumerate(xs)])


@foreign("Control.Apply", "arrayApply", 2)
def _array_apply(m: Machine, fs: tuple[Value, ...], xs: tuple[Value, ...]) -> tuple[Value, ...]:
    m.allocate(len(fs) * len(xs))
    return tuple([m.apply(f, (x,)) for f in fs for x in xs])


@foreign("Control.Bind", "arrayBind", 2)
def _array_bind(m: Machine, xs: tuple[Value, ...], f: Value) -> tuple[Value, ...]:
    out: list[Value] = []
    for x in xs:
        ys = m.apply(f, (x,))
        m.allocate(len(ys))
        out.extend(ys)
    return tuple(out)


# ---- Record.Unsafe ---------------------------------------------------------------------------------------------

foreign("Record.Unsafe", "unsafeHas", 2)(lambda m, label, r: label in r.fields)


@foreign("Record.Unsafe", "unsafeGet", 2)
def _unsafe_get(m: Machine, label: str, r: RecordV) -> Value:
    if label not in r.fields:
        raise EvalError(f"the record has no field {label}")
    return r.fields[label]


@foreign("Record.Unsafe", "unsafeSet", 3)
def _unsafe_set(m: Machine, label: str, value: Value, r: RecordV) -> RecordV:
    m.allocate(len(r.fields) + 1)
    return RecordV({**r.fields, label: value})


@foreign("Record.Unsafe", "unsafeDelete", 2)
def _unsafe_delete(m: Machine, label: str, r: RecordV) -> RecordV:
    return RecordV({k: v for k, v in r.fields.items() if k != label})


@foreign("Record.Unsafe.Union", "unsafeUnion", 2)
def _unsafe_union(m: Machine, left: RecordV, right: RecordV) -> RecordV:
    m.allocate(len(left.fields) + len(right.fields))
    return RecordV({**right.fields, **left.fields})


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


# ---- Data.Array ----------------------------------------------------------------------------------------------

foreign("Data.Array", "arrayLength", 1)(lambda m, xs: len(xs))


@foreign("Data.Array", "rangeImpl", 2)
def _range(m: Machine, a: int, b: int) -> tuple[int, ...]:
    _budget(m, abs(b - a) + 1)
    return tuple(range(a, b + 1)) if a <= b else tuple(range(a, b - 1, -1))


@foreign("Data.Array", "replicateImpl", 2)
def _replicate(m: Machine, n: int, x: Value) -> tuple[Value, ...]:
    _budget(m, max(n, 0))
    return (x,) * max(n, 0)


@foreign("Data.Array", "unsafeIndexImpl", 2)
def _unsafe_index(m: Machine, xs: tuple[Value, ...], i: int) -> Value:
    if not 0 <= i < len(xs):
        raise EvalError(f"index out of range: {i} (length {len(xs)})")
    return xs[i]


@foreign("Data.Array", "sliceImpl", 3)
def _slice(m: Machine, start: int, end: int, xs: tuple[Value, ...]) -> tuple[Value, ...]:
    start = min(max(start, 0), len(xs))
    end = min(max(end, 0), len(xs))
    return xs[start:end] if start < end else ()


@foreign("Data.Array", "reverseImpl", 1)
def _reverse(m: Machine, xs: tuple[Value, ...]) -> tuple[Value, ...]:
    m.allocate(len(xs))
    return xs[::-1]


@foreign("Data.Array", "filterImpl", 2)
def _filter(m: Machine, p: Value, xs: tuple[Value, ...]) -> tuple[Value, ...]:
    m.allocate(len(xs))
    return tuple([x for x in xs if m.apply(p, (x,)) is True])


@foreign("Data.Array", "findIndexImpl", 2)
def _find_index(m: Machine, p: Value, xs: tuple[Value, ...]) -> int:
    for index, x in enumerate(xs):
        if m.apply(p, (x,)) is True:
            return index
    return -1


@foreign("Data.Array", "sortByImpl", 2)
def _sort_by(m: Machine, cmp: Value, xs: tuple[Value, ...]) -> tuple[Value, ...]:
    m.allocate(len(xs))
    return tuple(sorted(xs, key=functools.cmp_to_key(lambda x, y: m.apply(cmp, (x, y)))))


@foreign("Data.Array", "zipWithImpl", 3)
def _zip_with(m: Machine, f: Value, xs: tuple[Value, ...], ys: tuple[Value, ...]) -> tuple[Value, ...]:
    m.allocate(min(len(xs), len(ys)))
    return tuple([m.apply(f, (x, y)) for x, y in zip(xs, ys, strict=False)])


def _budget(m: Machine, size: int) -> None:
    """Building a huge array in one primitive still has to respect the step limit: refuse before building."""
    if size > MAX_ARRAY:
        raise EvalError(f"an Array would have {size} elements (more than {MAX_ARRAY})")
    if size > m.limits.max_steps - m.steps:
        m.steps = m.limits.max_steps
        m.check_now()
    charge(m, size)
    m.allocate(size)


def charge(m: Machine, work: int) -> None:
    """Count `work` steps of fuel for a primitive whose cost grows with the size of its values."""
    m.steps += work
    if m.steps >= m.next_check:
        m.check_now()


# ---- Data.String ---------------------------------------------------------------------------------------------

foreign("Data.String.CodeUnits", "lengthImpl", 1)(lambda m, s: len(s))
foreign("Data.String.CodeUnits", "singletonImpl", 1)(lambda m, c: c.value)


@foreign("Data.String.CodeUnits", "unsafeCharAtImpl", 2)
def _char_at(m: Machine, i: int, s: str) -> Char:
    if not 0 <= i < len(s):
        raise EvalError(f"index out of range: {i} (length {len(s)})")
    return Char(s[i])


@foreign("Data.String.CodeUnits", "toCharArrayImpl", 1)
def _to_char_array(m: Machine, s: str) -> tuple[Char, ...]:
    m.allocate(2 * len(s))
    return tuple(Char(ch) for ch in s)
foreign("Data.String.CodeUnits", "fromCharArrayImpl", 1)(lambda m, cs: "".join(c.value for c in cs))
foreign("Data.String.CodeUnits", "takeImpl", 2)(lambda m, n, s: s[: max(n, 0)])
foreign("Data.String.CodeUnits", "dropImpl", 2)(lambda m, n, s: s[max(n, 0) :])
foreign("Data.String.CodeUnits", "indexOfImpl", 2)(lambda m, p, s: s.find(p))
foreign("Data.String.CodeUnits", "lastIndexOfImpl", 2)(lambda m, p, s: s.rfind(p))
foreign("Data.String.Common", "splitImpl", 2)(lambda m, p, s: tuple(s.split(p)) if p else tuple(s))


@foreign("Data.String.Common", "joinWithImpl", 2)
def _join_with(m: Machine, sep: str, xs: tuple[str, ...]) -> str:
    text = sep.join(xs)
    charge(m, len(xs) + len(text) // 64)
    return text


foreign("Data.String.Common", "replaceImpl", 3)(lambda m, p, r, s: s.replace(p, r, 1) if p else r + s)
foreign("Data.String.Common", "replaceAllImpl", 3)(lambda m, p, r, s: s.replace(p, r) if p else s)
foreign("Data.String.Common", "toUpperImpl", 1)(lambda m, s: s.upper())
foreign("Data.String.Common", "toLowerImpl", 1)(lambda m, s: s.lower())
foreign("Data.String.Common", "trimImpl", 1)(lambda m, s: s.strip())


# ---- Data.Char -----------------------------------------------------------------------------------------------

foreign("Data.Char", "toCharCodeImpl", 1)(lambda m, c: ord(c.value))


@foreign("Data.Char", "fromCharCodeImpl", 3)
def _from_char_code(m: Machine, just: Value, nothing: Value, n: int) -> Value:
    if 0 <= n <= 0x10FFFF and not 0xD800 <= n <= 0xDFFF:
        return m.apply(just, (Char(chr(n)),))
    return nothing


# ---- Data.Int ------------------------------------------------------------------------------------------------


def _to_number(n: int) -> float:
    try:
        return float(n)
    except OverflowError:
        return math.inf if n > 0 else -math.inf


def _js_math_round(x: float) -> int:
    """JavaScript's `Math.round` of a finite `x`: the nearest integer, a tie towards +∞. (`floor(x + 0.5)` is off
    where the addition rounds: 0.49999999999999994 and odd integers from 2^52.)"""
    below = math.floor(x)
    return below + 1 if x - below >= 0.5 else below


def _finite_int(x: float, op: Callable[[float], float]) -> int:
    if not math.isfinite(x):
        return 0
    return int(op(x))


foreign("Data.Int", "toNumberImpl", 1)(lambda m, n: _to_number(n))


@foreign("Data.Int", "fromNumberImpl", 3)
def _int_from_number(m: Machine, just: Value, nothing: Value, x: float) -> Value:
    if math.isfinite(x) and x == math.floor(x):
        return m.apply(just, (int(x),))
    return nothing


foreign("Data.Int", "floorImpl", 1)(lambda m, x: _finite_int(x, math.floor))
foreign("Data.Int", "ceilImpl", 1)(lambda m, x: _finite_int(x, math.ceil))
foreign("Data.Int", "roundImpl", 1)(lambda m, x: _finite_int(x, _js_math_round))
foreign("Data.Int", "truncateImpl", 1)(lambda m, x: _finite_int(x, math.trunc))

_INT_TEXT = re.compile(r"[+-]?[0-9]+")


@foreign("Data.Int", "fromStringImpl", 3)
def _int_from_string(m: Machine, just: Value, nothing: Value, s: str) -> Value:
    if _INT_TEXT.fullmatch(s) and s.lstrip("+-").isascii():
        return m.apply(just, (decimal_to_int(s),))
    return nothing


_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


@foreign("Data.Int", "fromStringAsImpl", 4)
def _int_from_string_as(m: Machine, just: Value, nothing: Value, base: int, s: str) -> Value:
    digits = s[1:] if s[:1] in ("+", "-") else s
    allowed = _DIGITS[:base]
    if not digits or any(c not in allowed for c in digits.lower()):
        return nothing
    charge(m, len(s) // 64)
    try:
        return m.apply(just, (int(s, base),))
    except ValueError as error:  # beyond Python's limit on digits converted at once
        raise EvalError(f"fromStringAs: {error}") from None


@foreign("Data.Int", "toStringAsImpl", 2)
def _int_to_string_as(m: Machine, base: int, n: int) -> str:
    charge(m, n.bit_length() // 64)
    magnitude, out = abs(n), []
    while True:
        magnitude, digit = divmod(magnitude, base)
        out.append(_DIGITS[digit])
        if magnitude == 0:
            break
    return ("-" if n < 0 else "") + "".join(reversed(out))


def _quot(x: int, y: int) -> int:
    if y == 0:
        return 0
    q = abs(x) // abs(y)
    return q if (x >= 0) == (y >= 0) else -q


foreign("Data.Int", "quotImpl", 2)(lambda m, x, y: _quot(x, y))
foreign("Data.Int", "remImpl", 2)(lambda m, x, y: 0 if y == 0 else x - _quot(x, y) * y)


@foreign("Data.Int", "powImpl", 2)
def _int_pow(m: Machine, x: int, n: int) -> int:
    if n >= 0:
        if abs(x) > 1 and n * x.bit_length() > MAX_INT_BITS:
            raise EvalError(f"pow {x} {n}: the result would have more than {MAX_INT_BITS} bits")
        charge(m, n * x.bit_length() // 64)
        return int(x**n)
    if x == 1:
        return 1
    if x == -1:
        return 1 if n % 2 == 0 else -1
    return 0


# ---- Data.Int.Bits -------------------------------------------------------------------------------------------


def _int32(n: int) -> int:
    """The integer's low 32 bits read as a signed 32-bit integer (JavaScript's ToInt32)."""
    n &= 0xFFFFFFFF
    return n - 0x100000000 if n >= 0x80000000 else n


foreign("Data.Int.Bits", "and", 2)(lambda m, x, y: _int32(x & y))
foreign("Data.Int.Bits", "or", 2)(lambda m, x, y: _int32(x | y))
foreign("Data.Int.Bits", "xor", 2)(lambda m, x, y: _int32(x ^ y))
foreign("Data.Int.Bits", "shl", 2)(lambda m, x, n: _int32(x << (n & 31)))
foreign("Data.Int.Bits", "shr", 2)(lambda m, x, n: _int32(x) >> (n & 31))
# JavaScript's `>>>` gives an unsigned 32-bit result: `zshr (-1) 0` is 4294967295 in PureScript as here
foreign("Data.Int.Bits", "zshr", 2)(lambda m, x, n: (x & 0xFFFFFFFF) >> (n & 31))
foreign("Data.Int.Bits", "complement", 1)(lambda m, x: _int32(~x))


# ---- Data.Number.Format --------------------------------------------------------------------------------------


def _js_special(x: float) -> str | None:
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return None


_EXACT = decimal.Context(prec=1200)
"""Enough digits for any double exactly (the smallest subnormal has 1074 decimals), so only `quantize` rounds."""


def _js_round(x: decimal.Decimal, decimals: int) -> decimal.Decimal:
    """`x` to `decimals` places as JavaScript's `toFixed`/`toExponential`/`toPrecision` round the exact value of the
    double: to nearest, a tie away from zero ("pick the larger n"), where Python's formatting rounds a tie to even
    (`(2.5).toFixed(0)` is `"3"`, `f"{2.5:.0f}"` is `"2"`)."""
    return x.quantize(decimal.Decimal(1).scaleb(-decimals), rounding=decimal.ROUND_HALF_UP, context=_EXACT)


def _js_scientific(digits: int, x: float) -> tuple[str, int]:
    """The mantissa (`digits` decimals after one digit, sign included) and exponent of `x` (finite, non-zero)
    rounded as JavaScript does."""
    exact = decimal.Decimal(x)
    exponent = exact.adjusted()
    mantissa = _js_round(exact.scaleb(-exponent, context=_EXACT), digits)
    if abs(mantissa) >= 10:  # rounded up to the next power of ten
        exponent += 1
        mantissa = _js_round(exact.scaleb(-exponent, context=_EXACT), digits)
    return f"{mantissa:f}", exponent


def _exponential_text(mantissa: str, exponent: int) -> str:
    return f"{mantissa}e{'-' if exponent < 0 else '+'}{abs(exponent)}"


def _to_fixed(digits: int, x: float) -> str:
    special = _js_special(x)
    if special is not None:
        return special
    if abs(x) >= 1e21:
        return _to_string(x)
    return f"{_js_round(decimal.Decimal(x if x != 0 else 0.0), digits):f}"


def _to_exponential(digits: int, x: float) -> str:
    special = _js_special(x)
    if special is not None:
        return special
    if x == 0:
        return _exponential_text("0." + "0" * digits if digits else "0", 0)
    return _exponential_text(*_js_scientific(digits, x))


def _to_precision(digits: int, x: float) -> str:
    special = _js_special(x)
    if special is not None:
        return special
    if x == 0:
        return "0" if digits == 1 else "0." + "0" * (digits - 1)
    mantissa, exponent = _js_scientific(digits - 1, x)
    if exponent < -6 or exponent >= digits:
        return _exponential_text(mantissa, exponent)
    return f"{_js_round(decimal.Decimal(x), digits - 1 - exponent):f}"


def _to_string(x: float) -> str:
    """JavaScript's `String(x)` (Number::toString), as `show` prints numbers too."""
    special = _js_special(x)
    return special if special is not None else js_number_text(x)


foreign("Data.Number.Format", "toPrecisionNative", 2)(lambda m, d, x: _to_precision(d, x))
foreign("Data.Number.Format", "toFixedNative", 2)(lambda m, d, x: _to_fixed(d, x))
foreign("Data.Number.Format", "toExponentialNative", 2)(lambda m, d, x: _to_exponential(d, x))
foreign("Data.Number.Format", "toString", 1)(lambda m, x: _to_string(x))


# ---- Data.Number ---------------------------------------------------------------------------------------------

constant("Data.Number", "pi", math.pi)
constant("Data.Number", "e", math.e)
constant("Data.Number", "infinity", math.inf)
constant("Data.Number", "nan", math.nan)
foreign("Data.Number", "isNaN", 1)(lambda m, x: math.isnan(x))
foreign("Data.Number", "isFinite", 1)(lambda m, x: math.isfinite(x))


def _safe(op: Callable[..., float], *args: float) -> float:
    try:
        return op(*args)
    except (ValueError, ZeroDivisionError):
        return math.nan
    except OverflowError:
        return math.inf


def _log(x: float) -> float:
    if x == 0:
        return -math.inf
    return _safe(math.log, x)


def _pow(x: float, y: float) -> float:
    """JavaScript's `Math.pow`, which differs from C's `pow` (Python's `math.pow`) in a few cases."""
    if math.isnan(y) or (math.isinf(y) and abs(x) == 1):
        return math.nan  # `1 ** NaN`, `(±1) ** ±Infinity`: NaN in JavaScript, 1 in C
    if x == 0 and y < 0:  # Python raises; JavaScript gives an infinity, negative for -0 and an odd power
        return math.copysign(math.inf, x) if y.is_integer() and y % 2 == 1 else math.inf
    try:
        result = math.pow(x, y)
    except ZeroDivisionError:
        return math.inf
    except OverflowError:
        return math.inf if x > 0 or (float(y).is_integer() and y % 2 == 0) else -math.inf
    except ValueError:
        return math.nan
    return result


def _whole(op: Callable[[float], float]) -> Callable[[Machine, float], float]:
    return lambda m, x: x if not math.isfinite(x) else float(op(x))


foreign("Data.Number", "sqrt", 1)(lambda m, x: math.sqrt(x) if x >= 0 else (x if math.isnan(x) else math.nan))
foreign("Data.Number", "pow", 2)(lambda m, x, y: _pow(x, y))
foreign("Data.Number", "exp", 1)(lambda m, x: _safe(math.exp, x))
foreign("Data.Number", "log", 1)(lambda m, x: _log(x))
foreign("Data.Number", "sin", 1)(lambda m, x: _safe(math.sin, x))
foreign("Data.Number", "cos", 1)(lambda m, x: _safe(math.cos, x))
foreign("Data.Number", "floor", 1)(_whole(math.floor))
foreign("Data.Number", "ceil", 1)(_whole(math.ceil))
foreign("Data.Number", "round", 1)(_whole(_js_math_round))
foreign("Data.Number", "trunc", 1)(_whole(math.trunc))

def _js_max(x: float, y: float) -> float:
    return math.nan if math.isnan(x) or math.isnan(y) else max(x, y)


def _js_min(x: float, y: float) -> float:
    return math.nan if math.isnan(x) or math.isnan(y) else min(x, y)


def _js_sign(x: float) -> float:
    return x if math.isnan(x) or x == 0 else math.copysign(1.0, x)


foreign("Data.Number", "abs", 1)(lambda m, x: math.fabs(x))
foreign("Data.Number", "acos", 1)(lambda m, x: _safe(math.acos, x))
foreign("Data.Number", "asin", 1)(lambda m, x: _safe(math.asin, x))
foreign("Data.Number", "atan", 1)(lambda m, x: math.atan(x))
foreign("Data.Number", "atan2", 2)(lambda m, y, x: math.atan2(y, x))
foreign("Data.Number", "max", 2)(lambda m, x, y: _js_max(x, y))
foreign("Data.Number", "min", 2)(lambda m, x, y: _js_min(x, y))
foreign("Data.Number", "remainder", 2)(lambda m, x, y: _safe(math.fmod, x, y))
foreign("Data.Number", "tan", 1)(lambda m, x: _safe(math.tan, x))
foreign("Data.Number", "sign", 1)(lambda m, x: _js_sign(x))
constant("Data.Number", "ln2", math.log(2))
constant("Data.Number", "ln10", math.log(10))
constant("Data.Number", "log10e", 1 / math.log(10))
constant("Data.Number", "log2e", 1 / math.log(2))
constant("Data.Number", "sqrt1_2", math.sqrt(0.5))
constant("Data.Number", "sqrt2", math.sqrt(2))
constant("Data.Number", "tau", 2 * math.pi)


_NUMBER_PREFIX = re.compile(r"[+-]?(?:Infinity|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)")
"""What JavaScript's `parseFloat` reads: the longest prefix of this shape (ASCII digits only)."""


@foreign("Data.Number", "fromStringImpl", 3)
def _number_from_string(m: Machine, just: Value, nothing: Value, s: str) -> Value:
    found = _NUMBER_PREFIX.match(s.lstrip().lstrip("\ufeff"))
    if found is None:
        return nothing
    return m.apply(just, (float(found.group().replace("Infinity", "inf")),))


# ---- Data.Map ------------------------------------------------------------------------------------------------

constant("Data.Map.Internal", "emptyImpl", MapV(()))


def _find(m: Machine, cmp: Value, key: Value, entries: tuple[tuple[Value, Value], ...]) -> tuple[int, bool]:
    """Binary search with the Nova comparison: (position of the first entry not below `key`, found)."""
    lo, hi = 0, len(entries)
    while lo < hi:
        mid = (lo + hi) // 2
        if m.apply(cmp, (entries[mid][0], key)) < 0:
            lo = mid + 1
        else:
            hi = mid
    found = lo < len(entries) and m.apply(cmp, (entries[lo][0], key)) == 0
    return lo, found


@foreign("Data.Map.Internal", "insertImpl", 4)
def _map_insert(m: Machine, cmp: Value, key: Value, value: Value, mp: MapV) -> MapV:
    index, found = _find(m, cmp, key, mp.entries)
    entries = mp.entries
    end = index + 1 if found else index
    return MapV((*entries[:index], (key, value), *entries[end:]))


@foreign("Data.Map.Internal", "lookupImpl", 5)
def _map_lookup(m: Machine, just: Value, nothing: Value, cmp: Value, key: Value, mp: MapV) -> Value:
    index, found = _find(m, cmp, key, mp.entries)
    return m.apply(just, (mp.entries[index][1],)) if found else nothing


@foreign("Data.Map.Internal", "deleteImpl", 3)
def _map_delete(m: Machine, cmp: Value, key: Value, mp: MapV) -> MapV:
    index, found = _find(m, cmp, key, mp.entries)
    return MapV(mp.entries[:index] + mp.entries[index + 1 :]) if found else mp


foreign("Data.Map.Internal", "sizeImpl", 1)(lambda m, mp: len(mp.entries))


@foreign("Data.Map.Internal", "toArrayImpl", 2)
def _map_to_array(m: Machine, f: Value, mp: MapV) -> tuple[Value, ...]:
    return tuple([m.apply(f, (k, v)) for k, v in mp.entries])


@foreign("Data.Map.Internal", "mapWithKeyImpl", 2)
def _map_with_key(m: Machine, f: Value, mp: MapV) -> MapV:
    return MapV(tuple((k, m.apply(f, (k, v))) for k, v in mp.entries))


@foreign("Data.Map.Internal", "filterWithKeyImpl", 2)
def _map_filter(m: Machine, p: Value, mp: MapV) -> MapV:
    return MapV(tuple((k, v) for k, v in mp.entries if m.apply(p, (k, v)) is True))


@foreign("Data.Map.Internal", "replaceValuesImpl", 2)
def _map_replace_values(m: Machine, mp: MapV, values: tuple[Value, ...]) -> MapV:
    return MapV(tuple((k, v) for (k, _), v in zip(mp.entries, values, strict=False)))


# ---- Data.Symbol ---------------------------------------------------------------------------------------------


@foreign("Data.Symbol", "reifySymbolImpl", 2)
def _reify_symbol(m: Machine, text: str, f: Value) -> Value:
    """`f` takes the `IsSymbol` dictionary first (dictionary passing: `reifySymbol` hands it on unchanged, typed
    as a function of the dictionary), then the proxy: the dictionary built here is the one the compiler would solve
    for a type-level string with this text."""
    dictionary = InstanceDict("IsSymbol", "IsSymbol")
    dictionary.methods["reflectSymbol"] = Foreign(1, "reflectSymbol", lambda m2, _proxy: text)
    return m.apply(f, (dictionary, Con("Proxy", 0)))


@foreign("Data.Reflectable", "reifyTypeImpl", 2)
def _reify_type(m: Machine, value: Value, f: Value) -> Value:
    """As `reifySymbolImpl`, for `Reflectable`: the dictionary's `reflectType` gives the value back."""
    dictionary = InstanceDict("Reflectable", "Reflectable")
    dictionary.methods["reflectType"] = Foreign(1, "reflectType", lambda m2, _proxy: value)
    return m.apply(f, (dictionary, Con("Proxy", 0)))


# ---- Effect --------------------------------------------------------------------------------------------------


def pure_effect(value: Value) -> EffectV:
    return EffectV("pure", value)


foreign("Effect", "pureE", 1)(lambda m, x: pure_effect(x))
foreign("Effect", "bindE", 2)(lambda m, e, k: EffectV("bind", e, k))


@foreign("Effect", "whileE", 2)
def _while(m: Machine, cond: Value, body: Value) -> EffectV:
    def loop(m2: Machine) -> Value:
        while m2.run_effect(cond) is True:
            m2.run_effect(body)
        return UNIT

    return EffectV("prim", loop)


@foreign("Effect", "untilE", 1)
def _until(m: Machine, step: Value) -> EffectV:
    def loop(m2: Machine) -> Value:
        while m2.run_effect(step) is not True:
            pass
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


def _writer(error: bool) -> Callable[[Machine, str], EffectV]:
    def write(m: Machine, text: str) -> EffectV:
        def run(m2: Machine) -> Value:
            m2.write(text, error=error)
            return UNIT

        return EffectV("prim", run)

    return write


for _name, _error in (("log", False), ("info", False), ("debug", False), ("warn", True), ("error", True)):
    foreign("Effect.Console", _name, 1)(_writer(_error))
for _name in ("group", "groupCollapsed"):
    foreign("Effect.Console", _name, 1)(_writer(False))

_timers: weakref.WeakKeyDictionary[Machine, dict[str, float]] = weakref.WeakKeyDictionary()
"""`time`'s start times, per evaluation (a machine) and label; they go with the machine."""


def _timer_effect(stop: bool) -> Callable[[Machine, str], EffectV]:
    def make(m: Machine, label: str) -> EffectV:
        def run(m2: Machine) -> Value:
            started = _timers.get(m2, {}).get(label)
            if started is None:
                m2.write(f"Timer '{label}' does not exist", error=True)
                return UNIT
            m2.write(f"{label}: {(time.perf_counter() - started) * 1000:.3f}ms")
            if stop:
                del _timers[m2][label]
            return UNIT

        return EffectV("prim", run)

    return make


@foreign("Effect.Console", "time", 1)
def _time(m: Machine, label: str) -> EffectV:
    def run(m2: Machine) -> Value:
        _timers.setdefault(m2, {})[label] = time.perf_counter()
        return UNIT

    return EffectV("prim", run)


foreign("Effect.Console", "timeLog", 1)(_timer_effect(stop=False))
foreign("Effect.Console", "timeEnd", 1)(_timer_effect(stop=True))
# `clear` and `groupEnd` change nothing in captured output (lines are never erased nor indented).
constant("Effect.Console", "clear", pure_effect(UNIT))
constant("Effect.Console", "groupEnd", pure_effect(UNIT))


# ---- Effect.Ref, Control.Monad.ST, Control.Monad.ST.Ref -----------------------------------------------------


class RefV:
    """A mutable reference (`Effect.Ref.Ref`, `Control.Monad.ST.Ref.STRef`): the one mutable value Nova has."""

    __slots__ = ("value",)

    def __init__(self, value: Value) -> None:
        self.value: Value = value

    def __repr__(self) -> str:
        return "<ref>"


def _effect(action: Callable[[Machine], Value]) -> EffectV:
    return EffectV("prim", action)


def _new_ref(m: Machine, value: Value) -> EffectV:
    return _effect(lambda m2: RefV(value))


def _new_ref_with_self(m: Machine, f: Value) -> EffectV:
    def run(m2: Machine) -> Value:
        ref = RefV(UNIT)
        ref.value = m2.apply(f, (ref,))
        return ref

    return _effect(run)


def _read_ref(m: Machine, ref: RefV) -> EffectV:
    return _effect(lambda m2: ref.value)


def _write_ref(result_is_value: bool) -> Callable[[Machine, Value, RefV], EffectV]:
    def write(m: Machine, value: Value, ref: RefV) -> EffectV:
        def run(m2: Machine) -> Value:
            ref.value = value
            return value if result_is_value else UNIT

        return _effect(run)

    return write


foreign("Effect.Ref", "new", 1)(_new_ref)
foreign("Effect.Ref", "newWithSelf", 1)(_new_ref_with_self)
foreign("Effect.Ref", "read", 1)(_read_ref)
foreign("Effect.Ref", "write", 2)(_write_ref(False))
foreign("Control.Monad.ST.Ref", "new", 1)(_new_ref)
foreign("Control.Monad.ST.Ref", "read", 1)(_read_ref)
foreign("Control.Monad.ST.Ref", "write", 2)(_write_ref(True))

# An `ST r a` is run exactly like an `Effect a`: the same descriptions, the same interpreter.
foreign("Control.Monad.ST", "pureST", 1)(lambda m, x: pure_effect(x))
foreign("Control.Monad.ST", "bindST", 2)(lambda m, e, k: EffectV("bind", e, k))
foreign("Control.Monad.ST", "run", 1)(lambda m, st: m.run_effect(st))
foreign("Control.Monad.ST", "for", 3)(_for)
foreign("Control.Monad.ST", "foreach", 2)(_foreach)
foreign("Control.Monad.ST", "while", 2)(_while)

# `Effect.Unsafe.unsafePerformEffect`: the effect run where the expression is evaluated, by the same interpreter.
foreign("Effect.Unsafe", "unsafePerformEffect", 1)(lambda m, e: m.run_effect(e))


# ---- Control.Monad.Rec.Class ---------------------------------------------------------------------------------

_LOOP_TAG = 0
"""`Step`'s constructors in declaration order: `Loop a` (tag 0), `Done b` (tag 1)."""


def _step(step: Value) -> tuple[bool, Value]:
    if not isinstance(step, Con):
        raise EvalError(f"expected a Step, got {step!r}")
    return step.tag == _LOOP_TAG, step.args[0]


@foreign("Control.Monad.Rec.Class", "tailRecImpl", 2)
def _tail_rec(m: Machine, f: Value, seed: Value) -> Value:
    state = seed
    while True:  # every application counts against the step budget, so an endless loop stops there
        looping, state = _step(m.apply(f, (state,)))
        if not looping:
            return state


def _tail_rec_effect(m: Machine, f: Value, seed: Value) -> EffectV:
    def run(m2: Machine) -> Value:
        state = seed
        while True:
            looping, state = _step(m2.run_effect(m2.apply(f, (state,))))
            if not looping:
                return state

    return _effect(run)


foreign("Control.Monad.Rec.Class", "tailRecEffectImpl", 2)(_tail_rec_effect)
foreign("Control.Monad.ST", "tailRecST", 2)(_tail_rec_effect)


# ---- Effect.Exception ----------------------------------------------------------------------------------------


class ErrorV:
    """An `Effect.Exception.Error`: what `throwException` throws and `catchException` hands to its handler."""

    __slots__ = ("message", "name")

    def __init__(self, message: str, name: str = "Error") -> None:
        self.message = message
        self.name = name

    def __repr__(self) -> str:
        return f"<{self.name}: {self.message}>"


class Thrown(EvalError):
    """An exception thrown by Nova code: caught by the nearest `catchException`, else the evaluation's error.
    Only these are caught: the evaluator's own limits (steps, depth, time, memory) are never."""

    def __init__(self, error: ErrorV) -> None:
        super().__init__(f"uncaught exception: {error.name}: {error.message}")
        self.error = error


foreign("Effect.Exception", "error", 1)(lambda m, text: ErrorV(text))
foreign("Effect.Exception", "message", 1)(lambda m, e: e.message)
foreign("Effect.Exception", "name", 1)(lambda m, e: e.name)


@foreign("Effect.Exception", "throwException", 1)
def _throw(m: Machine, error: ErrorV) -> EffectV:
    def run(m2: Machine) -> Value:
        raise Thrown(error)

    return _effect(run)


@foreign("Effect.Exception", "catchException", 2)
def _catch(m: Machine, handler: Value, action: Value) -> EffectV:
    def run(m2: Machine) -> Value:
        try:
            return m2.run_effect(action)
        except Thrown as thrown:
            return m2.run_effect(m2.apply(handler, (thrown.error,)))

    return _effect(run)


# ---- Unsafe.Coerce ---------------------------------------------------------------------------------------------

FOREIGNS[("Unsafe.Coerce", "unsafeCoerce")] = Foreign(1, "unsafeCoerce", lambda m, value: value)


# ---- Partial, Partial.Unsafe -----------------------------------------------------------------------------------


@foreign("Partial", "_crashWith", 1)
def _crash_with(m: Machine, message: str) -> Value:
    raise EvalError(message)


FOREIGNS[("Partial.Unsafe", "unsafePartial")] = Foreign(1, "unsafePartial", lambda m, value: value)


# ---- Control.Extend ------------------------------------------------------------------------------------------


@foreign("Control.Extend", "arrayExtend", 2)
def _array_extend(m: Machine, f: Value, xs: tuple[Value, ...]) -> tuple[Value, ...]:
    charge(m, len(xs) * len(xs) // 64)  # every suffix is copied
    m.allocate(len(xs))
    return tuple([m.apply(f, (xs[i:],)) for i in range(len(xs))])


# ---- Data.Lazy -----------------------------------------------------------------------------------------------


class LazyV:
    """A `Data.Lazy` value: the thunk runs on the first `force`; the result is kept and the thunk dropped."""

    __slots__ = ("thunk", "value")

    def __init__(self, thunk: Value) -> None:
        self.thunk: Value = thunk
        self.value: Value = None

    def __repr__(self) -> str:
        return "<lazy>" if self.thunk is not None else f"<lazy {self.value!r}>"


foreign("Data.Lazy", "defer", 1)(lambda m, thunk: LazyV(thunk))


@foreign("Data.Lazy", "force", 1)
def _force(m: Machine, lazy: LazyV) -> Value:
    thunk = lazy.thunk
    if thunk is not None:
        lazy.value = m.apply(thunk, (UNIT,))
        lazy.thunk = None
    return lazy.value


# ---- Data.Unfoldable1, Data.Unfoldable -----------------------------------------------------------------------


def _unfold(m: Machine, seed: Value, step: Callable[[Value], tuple[bool, Value, bool, Value]]) -> tuple[Value, ...]:
    """Runs `step` from the seed, keeping the elements, while it gives a next seed. `step` answers (produced an
    element?, the element, goes on?, the next seed). Every element costs a step (besides the calls back into Nova),
    so an endless unfold stops at the step budget; the array is bounded like every other."""
    out: list[Value] = []
    state = seed
    while True:
        produced, element, more, state = step(state)
        if not produced:
            return tuple(out)
        out.append(element)
        if len(out) > MAX_ARRAY:
            raise EvalError(f"an Array would have more than {MAX_ARRAY} elements")
        charge(m, 1)
        m.allocate(1)
        if not more:
            return tuple(out)


@foreign("Data.Unfoldable", "unfoldrArrayImpl", 6)
def _unfoldr_array(
    m: Machine, is_nothing: Value, from_just: Value, first: Value, second: Value, f: Value, seed: Value
) -> tuple[Value, ...]:
    def step(state: Value) -> tuple[bool, Value, bool, Value]:
        result = m.apply(f, (state,))
        if m.apply(is_nothing, (result,)):
            return False, UNIT, False, UNIT
        pair = m.apply(from_just, (result,))
        return True, m.apply(first, (pair,)), True, m.apply(second, (pair,))

    return _unfold(m, seed, step)


@foreign("Data.Unfoldable1", "unfoldr1ArrayImpl", 6)
def _unfoldr1_array(
    m: Machine, is_nothing: Value, from_just: Value, first: Value, second: Value, f: Value, seed: Value
) -> tuple[Value, ...]:
    def step(state: Value) -> tuple[bool, Value, bool, Value]:
        pair = m.apply(f, (state,))
        following = m.apply(second, (pair,))
        if m.apply(is_nothing, (following,)):
            return True, m.apply(first, (pair,)), False, UNIT
        return True, m.apply(first, (pair,)), True, m.apply(from_just, (following,))

    return _unfold(m, seed, step)


# Registered on import: the regular expressions of `Data.String.Regex` live in their own module.
from nova.eval import foreign_regex as _foreign_regex  # noqa: E402

assert _foreign_regex.FLAG_ORDER
