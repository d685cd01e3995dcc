"""Put newtype constructors back into a value for display, following its type.

Newtypes are erased at run time (as in PureScript: a newtype's constructor is the identity, so `coerce` is too),
which would print `Total 7` as `7`. The result of an evaluation is printed after this walk re-wraps the parts
whose type is a newtype, through arrays, records, `Map`s and the fields of data constructors. The walk is bounded
(`budget` nodes): past it, the rest of the value is printed as it is.
"""

from __future__ import annotations

from typing import Any

from nova import keys
from nova.eval.values import Con, MapV, RecordV, Value
from nova.types.classes import substitute
from nova.types.types import T_ARRAY, T_RECORD, TCon, TFun, TRow, Type, split_app
from nova.types.unify import flatten_row

_EFFECT = TCon("Effect", "Effect")
_MAP = TCon("Map", "Data.Map.Internal")


class _Rewrapper:
    def __init__(self, layer: Any, budget: int) -> None:
        self.layer = layer
        self.budget = budget
        self.types: dict[tuple[str, str], Any] = {}

    def type_element(self, con: TCon) -> Any:
        key = (con.module, con.name)
        if key not in self.types:
            self.types[key] = self.layer.element(con.module, keys.type_key(con.name))
        return self.types[key]

    def go(self, value: Value, t: Type, depth: int = 0) -> Value:
        self.budget -= 1
        if self.budget < 0 or depth > 200 or isinstance(t, TFun):
            return value
        head, args = split_app(t)
        if not isinstance(head, TCon):
            return value
        if head == T_ARRAY and len(args) == 1 and isinstance(value, tuple):
            items = list(value)
            for i, item in enumerate(value):
                if self.budget < 0:
                    break  # the rest is printed as it is
                items[i] = self.go(item, args[0], depth + 1)
            return value if all(a is b for a, b in zip(items, value, strict=True)) else tuple(items)
        if head == T_RECORD and len(args) == 1 and isinstance(value, RecordV):
            row = args[0]
            row_fields, _ = flatten_row(row) if isinstance(row, TRow) else ([], None)
            types = dict(row_fields)
            changed = {
                label: self.go(v, types[label], depth + 1) if label in types else v
                for label, v in value.fields.items()
            }
            return value if all(changed[k] is v for k, v in value.fields.items()) else RecordV(changed)
        if head == _MAP and len(args) == 2 and isinstance(value, MapV):
            entries = tuple((self.go(k, args[0], depth + 1), self.go(v, args[1], depth + 1)) for k, v in value.entries)
            return MapV(entries)
        element = self.type_element(head)
        if element is None or not getattr(element, "constructors", ()):
            return value
        if getattr(element, "newtype", False):
            constructor = element.constructors[0]
            field = self._fields(head.module, constructor, args)
            inner = self.go(value, field[0], depth + 1) if field else value
            return Con(constructor, 0, (inner,))
        if isinstance(value, Con) and value.args:
            field_types = self._fields(head.module, value.name, args)
            if field_types is None or len(field_types) != len(value.args):
                return value
            new = tuple(self.go(a, f, depth + 1) for a, f in zip(value.args, field_types, strict=True))
            if all(a is b for a, b in zip(new, value.args, strict=True)):
                return value
            return Con(value.name, value.tag, new)
        return value

    def _fields(self, module: str, constructor: str, args: list[Type]) -> list[Type] | None:
        scheme = getattr(self.layer.element(module, constructor), "scheme", None)
        if scheme is None:
            return None
        out: list[Type] = []
        t = scheme.type
        while isinstance(t, TFun):
            out.append(substitute(t.arg, args))
            t = t.res
        return out


def rewrap_newtypes(value: Value, t: Type, layer: Any, budget: int = 20_000) -> Value:
    """`value` (of type `t`, over the view `layer`) with its newtype parts wrapped in their constructors again."""
    head, args = split_app(t)
    if head == _EFFECT and len(args) == 1:
        t = args[0]
    return _Rewrapper(layer, budget).go(value, t)

