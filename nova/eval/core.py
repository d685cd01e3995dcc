"""The evaluator's core language: what the typed AST is lowered to before it is compiled to Python closures.

Small on purpose: no operators, sections, `do`, `if`, where-blocks or multi-clause functions (lowering turns them
into applications, lambdas, `Case` and `Let`); class methods are explicit dictionary passing. Every node may carry
the span of the source it came from, for runtime error messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from nova.eval.errors import Where
from nova.eval.values import Value

# ---- expressions -----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Lit:
    value: Value


@dataclass(frozen=True, slots=True)
class Local:
    name: str
    span: Where = None


@dataclass(frozen=True, slots=True)
class Global:
    """A top-level definition, read through the registry view at run time (so edits are seen at once)."""

    module: str
    key: str
    span: Where = None


@dataclass(frozen=True, slots=True)
class Lam:
    params: tuple[str, ...]
    body: Expr
    name: str = ""


@dataclass(frozen=True, slots=True)
class App:
    fn: Expr
    args: tuple[Expr, ...]
    span: Where = None


@dataclass(frozen=True, slots=True)
class Let:
    """Recursive bindings, evaluated in order (functions may refer to any binding of the group)."""

    bindings: tuple[Binding, ...]
    body: Expr


@dataclass(frozen=True, slots=True)
class If:
    cond: Expr
    then: Expr
    else_: Expr


@dataclass(frozen=True, slots=True)
class Case:
    scrutinees: tuple[Expr, ...]
    alts: tuple[Alt, ...]
    span: Where = None


@dataclass(frozen=True, slots=True)
class ArrayLit:
    items: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class RecordLit:
    fields: tuple[tuple[str, Expr], ...]


@dataclass(frozen=True, slots=True)
class Access:
    record: Expr
    label: str
    span: Where = None


@dataclass(frozen=True, slots=True)
class Update:
    """`r { a = 1, b { c = 2 } }`: each path is the labels from the record to the field replaced."""

    record: Expr
    updates: tuple[tuple[tuple[str, ...], Expr], ...]
    span: Where = None


@dataclass(frozen=True, slots=True)
class Method:
    """Select a class method from a dictionary."""

    dictionary: Expr
    name: str


@dataclass(frozen=True, slots=True)
class Super:
    """Select a superclass dictionary (`Ord a` gives `Eq a`)."""

    dictionary: Expr
    cls: str


@dataclass(frozen=True, slots=True)
class MakeDict:
    """Build an instance dictionary; its entries are computed on first use (instances refer to each other)."""

    cls: str
    name: str
    methods: tuple[tuple[str, Expr], ...]
    supers: tuple[tuple[str, Expr], ...] = ()


@dataclass(frozen=True, slots=True)
class Fail:
    """A hole the checker left (an unknown name, a type error): evaluating it is a runtime error, not a crash."""

    message: str
    span: Where = None


Expr: TypeAlias = (
    Lit
    | Local
    | Global
    | Lam
    | App
    | Let
    | If
    | Case
    | ArrayLit
    | RecordLit
    | Access
    | Update
    | Method
    | Super
    | MakeDict
    | Fail
)

# ---- bindings, alternatives, patterns --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Binding:
    """`name = expr`, or a pattern binding `Tuple a b = expr` when `pattern` is set."""

    name: str
    expr: Expr
    pattern: Pattern | None = None
    span: Where = None


@dataclass(frozen=True, slots=True)
class GuardBool:
    cond: Expr


@dataclass(frozen=True, slots=True)
class GuardBind:
    pattern: Pattern
    expr: Expr


@dataclass(frozen=True, slots=True)
class GuardLet:
    bindings: tuple[Binding, ...]


Guard: TypeAlias = GuardBool | GuardBind | GuardLet


@dataclass(frozen=True, slots=True)
class Guarded:
    """Right-hand sides tried in order; the first whose guards all hold wins; none → the next alternative."""

    branches: tuple[tuple[tuple[Guard, ...], Expr], ...]
    where: tuple[Binding, ...] = ()


@dataclass(frozen=True, slots=True)
class Alt:
    patterns: tuple[Pattern, ...]
    rhs: Guarded


@dataclass(frozen=True, slots=True)
class PVar:
    name: str


@dataclass(frozen=True, slots=True)
class PWild:
    pass


@dataclass(frozen=True, slots=True)
class PLit:
    value: Value


@dataclass(frozen=True, slots=True)
class PCon:
    name: str
    args: tuple[Pattern, ...] = ()
    newtype: bool = False


@dataclass(frozen=True, slots=True)
class PArray:
    items: tuple[Pattern, ...]


@dataclass(frozen=True, slots=True)
class PRecord:
    fields: tuple[tuple[str, Pattern], ...]


@dataclass(frozen=True, slots=True)
class PNamed:
    name: str
    pattern: Pattern


Pattern: TypeAlias = PVar | PWild | PLit | PCon | PArray | PRecord | PNamed


def simple(expr: Expr) -> Guarded:
    """A right-hand side without guards."""
    return Guarded(branches=(((), expr),))

