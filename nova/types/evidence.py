"""How a class constraint was solved: the evidence the evaluator runs instead of re-solving.

- `InstanceEv`: use the instance stored at registry element `(module, key)`, whose own context is solved by `args`
  (in the order of the instance's context constraints).
- `ParamEv`: the `index`-th dictionary parameter of the binding `owner` (a top-level key or a local name), i.e.
  the constraint is one of that binding's scheme constraints, supplied by its caller.
- `SuperEv`: the superclass dictionary number `index` (class `cls` of `module`) inside the dictionary `base`.
- `BuiltinEv`: a compiler-solved class (`IsSymbol "x"`, `Reflectable 3 Int`, `Coercible a b`, …): the dictionary
  is made by the evaluator from `value` (the reflected symbol, integer or boolean, or the name of an `Ordering`
  constructor when `ordering`; None when the class has no methods).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class InstanceEv:
    module: str
    key: str
    args: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class ParamEv:
    owner: str
    index: int


@dataclass(frozen=True, slots=True)
class SuperEv:
    base: Evidence
    module: str
    cls: str
    index: int


@dataclass(frozen=True, slots=True)
class BuiltinEv:
    module: str
    cls: str
    value: str | int | bool | None = None
    ordering: bool = False


Evidence = InstanceEv | ParamEv | SuperEv | BuiltinEv
