"""PureScript-style printing of runtime values (what `show` prints, and what `nova eval` answers).

`Just 3`, `Cons 1 (Cons 2 Nil)`, `{ age: 3, name: "x" }`, `"a\\nb"`, `Just (-3)`, `[1,2]`, `'a'`, `unit`.
Printing is iterative (an explicit work stack), so a list of a million cells prints without recursion, and the
output is cut at `limit` characters so a huge value cannot flood an editor.
"""

from __future__ import annotations

import math
from decimal import Decimal

from nova.eval.values import UNIT, Char, Con, EffectV, Function, InstanceDict, MapV, RecordV, Value
from nova.numbers import int_to_decimal

_NAMED_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(text: str, quote: str) -> str:
    out: list[str] = []
    for ch in text:
        if ch == quote or ch == "\\":
            out.append("\\" + ch)
        elif ch in _NAMED_ESCAPES:
            out.append(_NAMED_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\x{ord(ch):02x}")
        elif 0xD800 <= ord(ch) <= 0xDFFF:  # a lone UTF-16 surrogate (`"\\xD834"`) has no printable form
            out.append(f"\\x{ord(ch):X}")
        else:
            out.append(ch)
    return "".join(out)


def show_string(text: str) -> str:
    """`show` of a String (`"a\\nb"`, `"say \\"hi\\""`; other control characters as `\\xHH`)."""
    return '"' + _escape(text, '"') + '"'


def show_char(ch: str) -> str:
    return "'" + _escape(ch, "'") + "'"


def show_number(value: float) -> str:
    """PureScript's `showNumberImpl`: JavaScript's `String(n)`, with `.0` added when that reads as an integer
    (`1.0`, `1e16` as `10000000000000000.0`, `0.00001`, `1e-7`, `1e+21`; `-0.0` shows as `0.0`, as in JS)."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    text = js_number_text(value)
    return text + ".0" if text.lstrip("-").isdigit() else text


def js_number_text(value: float) -> str:
    """JavaScript's `Number.prototype.toString()` of a finite number: the shortest digits that read back as it
    (Python's `repr` finds the same ones), written out below 1e21 and down to 1e-6, in exponent form beyond."""
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    _, digit_tuple, exponent = Decimal(repr(abs(value))).as_tuple()
    assert isinstance(exponent, int)
    digits = "".join(map(str, digit_tuple)).lstrip("0")
    point = len(digits) + exponent  # (the value is 0.DIGITS × 10^point)
    digits = digits.rstrip("0")
    k = len(digits)
    if k <= point <= 21:
        return sign + digits + "0" * (point - k)
    if 0 < point <= 21:
        return sign + digits[:point] + "." + digits[point:]
    if -6 < point <= 0:
        return sign + "0." + "0" * -point + digits
    mantissa = digits[0] + ("." + digits[1:] if k > 1 else "")
    return f"{sign}{mantissa}e{'+' if point - 1 >= 0 else '-'}{abs(point - 1)}"


def _is_negative(value: Value) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool) and value < 0) or (
        isinstance(value, float) and (value < 0 or (value == 0 and math.copysign(1.0, value) < 0))
    )


def _atomic(value: Value) -> bool:
    """Whether the printed form needs no parentheses as a constructor argument."""
    if isinstance(value, Con):
        return not value.args
    if isinstance(value, MapV):
        return False
    return not _is_negative(value)


def show_value(value: Value, limit: int = 100_000) -> str:
    """Print a value; output longer than `limit` characters ends in `…`."""
    out: list[str] = []
    size = 0
    # The work stack holds values to print, or literal strings (marked by a tuple ("lit", text)).
    stack: list[tuple[bool, Value]] = [(False, value)]
    while stack:
        if size > limit:
            out.append("…")
            break
        is_text, item = stack.pop()
        if is_text:
            out.append(item)
            size += len(item)
            continue
        pieces = _expand(item)
        if isinstance(pieces, str):
            out.append(pieces)
            size += len(pieces)
        else:
            stack.extend(reversed(pieces))
    text = "".join(out)
    if len(text) > limit + 1:
        text = text[:limit] + "…"
    return text


def _expand(value: Value) -> str | list[tuple[bool, Value]]:
    """One step of printing: either the finished text of a leaf, or the pieces (text and sub-values) in order."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return int_to_decimal(value)
    if isinstance(value, float):
        return show_number(value)
    if isinstance(value, str):
        return show_string(value)
    if isinstance(value, Char):
        return show_char(value.value)
    if value is UNIT:
        return "unit"
    if isinstance(value, Con):
        if not value.args:
            return value.name
        pieces: list[tuple[bool, Value]] = [(True, value.name)]
        for arg in value.args:
            if _atomic(arg):
                pieces += [(True, " "), (False, arg)]
            else:
                pieces += [(True, " ("), (False, arg), (True, ")")]
        return pieces
    if isinstance(value, tuple):
        return _sequence("[", value, "]")
    if isinstance(value, RecordV):
        if not value.fields:
            return "{}"
        pieces = [(True, "{ ")]
        for index, label in enumerate(sorted(value.fields)):
            if index:
                pieces.append((True, ", "))
            pieces += [(True, f"{label}: "), (False, value.fields[label])]
        pieces.append((True, " }"))
        return pieces
    if isinstance(value, MapV):
        pairs = tuple(Con("Tuple", 0, (k, v)) for k, v in value.entries)
        return [(True, "(fromFoldable "), *_sequence("[", pairs, "]"), (True, ")")]
    if isinstance(value, Function):
        return f"<function {value.name}>" if value.name else "<function>"
    if isinstance(value, EffectV):
        return "<Effect>"
    if isinstance(value, InstanceDict):
        return f"<instance {value.name}>"
    return f"<{type(value).__name__}>"


def _sequence(open_: str, items: tuple[Value, ...], close: str) -> list[tuple[bool, Value]]:
    pieces: list[tuple[bool, Value]] = [(True, open_)]
    for index, item in enumerate(items):
        if index:
            pieces.append((True, ","))
        pieces.append((False, item))
    pieces.append((True, close))
    return pieces
