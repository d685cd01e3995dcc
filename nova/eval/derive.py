"""Derived `Eq` and `Ord` (`derive instance eqShape :: Eq Shape`): structural, without recursion in Python.

Constructors compare by their index in the data declaration first, then argument by argument; records label by
label in sorted order; arrays element-wise with a shorter prefix first. Both walk an explicit stack so a list of a
million cells compares in constant Python stack.
"""

from __future__ import annotations

from nova.eval.machine import Machine
from nova.eval.values import Char, Con, Foreign, RecordV, Value

ORDERING = {"LT": Con("LT", 0), "GT": Con("GT", 1), "EQ": Con("EQ", 2)}


def structural_compare(x: Value, y: Value) -> int:
    """-1, 0 or 1."""
    stack: list[tuple[Value, Value]] = [(x, y)]
    while stack:
        a, b = stack.pop()
        if a is b:
            continue
        if isinstance(a, Con) and isinstance(b, Con):
            if a.tag != b.tag:
                return -1 if a.tag < b.tag else 1
            stack.extend(reversed(list(zip(a.args, b.args, strict=False))))
        elif isinstance(a, tuple) and isinstance(b, tuple):
            if len(a) != len(b):
                # Compare the common prefix first; the shorter array is smaller when it is a prefix.
                common = min(len(a), len(b))
                stack.append((len(a), len(b)))
                stack.extend(reversed(list(zip(a[:common], b[:common], strict=True))))
            else:
                stack.extend(reversed(list(zip(a, b, strict=True))))
        elif isinstance(a, RecordV) and isinstance(b, RecordV):
            labels = sorted(a.fields)
            stack.extend(reversed([(a.fields[label], b.fields[label]) for label in labels]))
        elif isinstance(a, Char) and isinstance(b, Char):
            if a.value != b.value:
                return -1 if a.value < b.value else 1
        elif a != b:
            return -1 if a < b else 1
    return 0


def derived_eq() -> Foreign:
    return Foreign(2, "eq", lambda m, x, y: structural_compare(x, y) == 0)


def derived_compare() -> Foreign:
    def compare(m: Machine, x: Value, y: Value) -> Value:
        result = structural_compare(x, y)
        return ORDERING["LT"] if result < 0 else ORDERING["EQ"] if result == 0 else ORDERING["GT"]

    return Foreign(2, "compare", compare)
