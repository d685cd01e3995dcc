"""Runtime values of Nova.

Int is a Python `int` (arbitrary precision), Number a `float`, String a `str`, Boolean a `bool`, Array a `tuple`
(immutable, so sharing is safe). Everything that Python has no faithful type for gets a small slotted class here:
`Char` (so `'a'` and `"a"` stay apart when printed), `Con` (constructor applications), `RecordV`, functions
(`Closure`, `Foreign`, `ConFn`, `Partial`), `EffectV` (a description of an effect, run by the machine), and
`InstanceDict` (a type class dictionary).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    from nova.eval.machine import Machine

Value: TypeAlias = Any
"""Any Nova runtime value (see the module docstring for the representation of each type)."""


@dataclass(frozen=True, slots=True, order=True)
class Char:
    value: str


class _Unit:
    """The one value of type Unit."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "unit"


UNIT = _Unit()


@dataclass(frozen=True, slots=True)
class Con:
    """A saturated constructor: `tag` is its index in the data declaration (what derived Ord compares first)."""

    name: str
    tag: int
    args: tuple[Value, ...] = ()


@dataclass(frozen=True, slots=True, eq=False)
class RecordV:
    """A record; the mapping is never mutated after construction (updates copy)."""

    fields: Mapping[str, Value]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RecordV) and dict(self.fields) == dict(other.fields)

    __hash__ = None  # type: ignore[assignment]


class Function:
    """Anything that can be applied; `arity` is how many arguments it takes before it runs."""

    __slots__ = ("arity", "name")

    def __init__(self, arity: int, name: str) -> None:
        self.arity = arity
        self.name = name


Code: TypeAlias = Callable[["Machine", list[Any]], Any]
"""Compiled code: runs against the machine and a frame (a list whose slot 0 is the enclosing frame)."""


class Closure(Function):
    """A lambda compiled from Nova: a fresh frame of `frame_size` slots is made per call."""

    __slots__ = ("body", "env", "frame_size")

    def __init__(self, arity: int, name: str, body: Code, env: list[Any] | None, frame_size: int) -> None:
        super().__init__(arity, name)
        self.body = body
        self.env = env
        self.frame_size = frame_size


class Foreign(Function):
    """A primitive implemented in Python: `impl(machine, *args)` returns a value or a `TailCall`."""

    __slots__ = ("impl",)

    def __init__(self, arity: int, name: str, impl: Callable[..., Any]) -> None:
        super().__init__(arity, name)
        self.impl = impl


class ConFn(Function):
    """A constructor used as a function (`Just`, `Cons`) before it has all its arguments."""

    __slots__ = ("tag",)

    def __init__(self, arity: int, name: str, tag: int) -> None:
        super().__init__(arity, name)
        self.tag = tag


class Partial(Function):
    """A function applied to fewer arguments than its arity."""

    __slots__ = ("args", "fn")

    def __init__(self, fn: Function, args: tuple[Value, ...]) -> None:
        super().__init__(fn.arity - len(args), fn.name)
        self.fn = fn
        self.args = args


@dataclass(frozen=True, slots=True)
class TailCall:
    """Returned by code in tail position instead of calling: the machine's loop makes the call (constant stack)."""

    fn: Value
    args: tuple[Value, ...]


@dataclass(frozen=True, slots=True, eq=False)
class EffectV:
    """An Effect: a description, run only by `Machine.run_effect`.

    `kind` is "pure" (`a` is the result), "bind" (`a` is the effect, `b` the continuation), "prim" (`a` is a
    Python callable taking the machine) or "thunk" (`a` is a Nova function applied to unit).
    """

    kind: str
    a: Value
    b: Value = None


class Thunk:
    """A dictionary entry computed on first use: instance dictionaries refer to each other (`Monad Effect`
    needs `Apply Effect`, whose `apply = ap` needs `Monad Effect`), so their slots cannot all be filled eagerly."""

    __slots__ = ("code", "frame")

    def __init__(self, code: Code, frame: list[Any]) -> None:
        self.code = code
        self.frame = frame


@dataclass(slots=True, eq=False)
class InstanceDict:
    """A type class dictionary: methods by name and superclass dictionaries by class name."""

    cls: str
    name: str
    methods: dict[str, Value] = field(default_factory=dict)
    supers: dict[str, Value] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, eq=False)
class MapV:
    """A `Data.Map` value: entries sorted by key (with the key type's `compare`), as an immutable tuple."""

    entries: tuple[tuple[Value, Value], ...]

