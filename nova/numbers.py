"""Decimal text ↔ Int beyond CPython's 4,300-digit guard, without lifting that guard for the whole process.

CPython converts decimal strings to and from ints in quadratic time and refuses more than 4,300 digits (a guard
against denial of service through huge JSON numbers, which the server still wants for its JSON). Nova Ints are
unbounded (up to the evaluator's size limit), so the language converts them itself, splitting the digits in halves
around a power of ten: a few big multiplications or divisions instead of quadratic digit loops.
"""

from __future__ import annotations

import decimal
from functools import lru_cache

_CHUNK = 3000
"""Digits converted by the built-in int() / str(), well within the guard."""


@lru_cache(maxsize=64)
def _power_of_ten(digits: int) -> int:
    power: int = 10**digits
    return power


def decimal_to_int(text: str) -> int:
    """A string of decimal digits (an optional sign first) → its int, at any length."""
    sign = 1
    if text[:1] in "+-":
        sign = -1 if text[0] == "-" else 1
        text = text[1:]
    if not text or not text.isascii() or not text.isdigit():
        raise ValueError(f"not a decimal integer: {text[:40]!r}")
    return sign * _digits_to_int(text)


def _digits_to_int(digits: str) -> int:
    if len(digits) <= _CHUNK:
        return int(digits)
    low_length = len(digits) // 2
    high, low = digits[:-low_length], digits[-low_length:]
    return _digits_to_int(high) * _power_of_ten(low_length) + _digits_to_int(low)


def int_to_decimal(value: int) -> str:
    """An int → its decimal text, at any length. Built as a `decimal.Decimal` from halves of its bits (libmpdec
    multiplies huge numbers fast; dividing by powers of ten, as str() does, is quadratic)."""
    if value < 0:
        return "-" + int_to_decimal(-value)
    if value < _power_of_ten(_CHUNK):
        return str(value)
    context = decimal.Context(prec=decimal.MAX_PREC, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)
    powers: dict[int, decimal.Decimal] = {}

    def power_of_two(bits: int) -> decimal.Decimal:
        if bits not in powers:
            powers[bits] = context.power(decimal.Decimal(2), bits)
        return powers[bits]

    def build(number: int, bits: int) -> decimal.Decimal:
        if bits <= 8000:
            return decimal.Decimal(number)
        half = bits >> 1
        high = number >> half
        low = number - (high << half)
        return context.add(context.multiply(build(high, bits - half), power_of_two(half)), build(low, half))

    return str(build(value, value.bit_length()))
