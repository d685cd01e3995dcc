"""Faster constructors for the frozen, slotted dataclasses that are made by the hundred thousand (spans, syntax trees).

A frozen dataclass's generated `__init__` assigns each field through `object.__setattr__` (its own `__setattr__`
raises). Calling each slot's descriptor directly makes the same assignment for a fraction of the cost; the instance
stays frozen (assignment after construction still raises) and the constructor keeps the generated one's parameters
and defaults. Classes whose generated `__init__` does more than assign its parameters (default factories,
`__post_init__`, fields left out of `__init__`, keyword-only or inherited fields) keep the generated one.
"""

from __future__ import annotations

import dataclasses
from typing import Any

_DEFAULT = "_frozen_init_default_"
_SET = "_frozen_init_set_"


def fast_frozen_init(cls: type) -> bool:
    """Give `cls` the direct-assignment constructor if it is a frozen slotted dataclass it fits; True if it did.
    A class compiled by mypyc (`nova.compiled`) has no `__slots__` but fixed attributes with the same descriptors."""
    params = getattr(cls, "__dataclass_params__", None)
    fixed = "__slots__" in cls.__dict__ or "__mypyc_attrs__" in cls.__dict__
    if params is None or not params.frozen or not fixed or "__post_init__" in dir(cls):
        return False
    names: list[str] = []
    namespace: dict[str, Any] = {}
    body: list[str] = []
    for index, field in enumerate(dataclasses.fields(cls)):
        slot = cls.__dict__.get(field.name)
        if (
            not field.init
            or field.kw_only
            or field.default_factory is not dataclasses.MISSING
            or field.name == "self"
            or slot is None
            or not hasattr(slot, "__set__")
        ):
            return False
        if field.default is dataclasses.MISSING:
            names.append(field.name)
        else:
            namespace[f"{_DEFAULT}{index}"] = field.default
            names.append(f"{field.name}={_DEFAULT}{index}")
        namespace[f"{_SET}{index}"] = slot.__set__
        body.append(f"    {_SET}{index}(self, {field.name})")
    source = f"def __init__(self, {', '.join(names)}):\n" + ("\n".join(body) or "    pass")
    exec(source, namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    type.__setattr__(cls, "__init__", init)
    return True


def fast_frozen_inits(namespace: dict[str, Any]) -> int:
    """`fast_frozen_init` for every dataclass defined in a module (its `globals()`); returns how many changed."""
    module = namespace.get("__name__")
    return sum(
        fast_frozen_init(value)
        for value in list(namespace.values())
        if isinstance(value, type) and value.__module__ == module and dataclasses.is_dataclass(value)
    )
