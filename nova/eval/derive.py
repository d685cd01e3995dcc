"""Derived `Eq` and `Ord` (`derive instance eqShape :: Eq Shape`).

Constructors compare by their index in the data declaration first, then field by field with the instance of each
field's type (`with_field_instances`), as PureScript does — so a field whose type has a hand-written instance is
compared by it. Where a field's type has no instance the evaluator can name (a record, a bare type variable), and
for types it cannot see, the comparison is structural: records label by label in sorted order, arrays element-wise
with a shorter prefix first, walking an explicit stack so deep values compare in constant Python stack.
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


def _fields_compare(m: Machine, dicts: tuple[Value, ...], method: str, x: Con, y: Con) -> int:
    """Compare two values of one constructor field by field, each with its type's own instance (`dicts[i]`),
    or structurally where the field's type has none (records, type variables without a dictionary)."""
    for index, (a, b) in enumerate(zip(x.args, y.args, strict=False)):
        dictionary = dicts[index] if index < len(dicts) else None
        if dictionary is None:
            result = structural_compare(a, b)
        elif method == "eq":
            result = 0 if m.apply(_method(m, dictionary, "eq"), (a, b)) is True else 1
        else:
            ordering = m.apply(_method(m, dictionary, "compare"), (a, b))
            result = {"LT": -1, "EQ": 0, "GT": 1}.get(getattr(ordering, "name", "EQ"), 0)
        if result != 0:
            return result
    return 0


def _method(m: Machine, dictionary: Value, name: str) -> Value:
    from nova.eval.compiler import dict_entry

    return dict_entry(m, dictionary, "methods", name)


def with_field_instances(method: str) -> Foreign:
    """`fields -> eq` (or `compare`): a derived method comparing constructor fields with their types' instances.

    `fields` is a Nova function of one (ignored) argument giving, per constructor tag, the dictionaries of its
    fields: computed on first use, because a recursive type's field dictionary is the instance being built."""

    def make(m: Machine, fields: Value) -> Value:
        table: list[tuple[tuple[Value, ...], ...]] = []

        def dictionaries(m2: Machine, tag: int) -> tuple[Value, ...]:
            if not table:
                table.append(m2.apply(fields, (None,)))
            per_tag = table[0]
            return per_tag[tag] if tag < len(per_tag) else ()

        def eq(m2: Machine, x: Value, y: Value) -> Value:
            if not (isinstance(x, Con) and isinstance(y, Con)):
                return structural_compare(x, y) == 0
            return x.tag == y.tag and _fields_compare(m2, dictionaries(m2, x.tag), "eq", x, y) == 0

        def compare(m2: Machine, x: Value, y: Value) -> Value:
            if not (isinstance(x, Con) and isinstance(y, Con)):
                result = structural_compare(x, y)
            elif x.tag != y.tag:
                result = -1 if x.tag < y.tag else 1
            else:
                result = _fields_compare(m2, dictionaries(m2, x.tag), "compare", x, y)
            return ORDERING["LT"] if result < 0 else ORDERING["EQ"] if result == 0 else ORDERING["GT"]

        return Foreign(2, method, eq if method == "eq" else compare)

    return Foreign(1, f"derived {method}", make)
