"""The typed syntax tree the checker stores in the registry (one `TypedElement` per top-level element).

Every expression and pattern node has `span` and `type` (zonked: no unification cells remain once a declaration is
finished; quantified variables are `TGen`). Reference nodes (`EVar`, `PCon`) carry `target = (module, element key)`
or `None` for a local variable (then `binder` is the span of its binding occurrence). Uses of constrained names
carry `evidence`, one entry per constraint of the referenced scheme, in order.

Sugar is removed: operators become applications of the operator's element (whose `alias` names the function),
sections and `_.f` become lambdas, `do` becomes `bind`/`discard` applications, negation `negate`.
Nodes are mutable only while the checker fills in types; treat them as immutable afterwards.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from nova.diagnostics import Span
from nova.types.classes import ClassInfo, InstanceInfo
from nova.types.evidence import Derivation, Evidence
from nova.types.types import Scheme, Type

Target = tuple[str, str]


# ----------------------------------------------------------------------------------------------- patterns
@dataclass(slots=True)
class PVar:
    span: Span
    type: Type
    name: str


@dataclass(slots=True)
class PWild:
    span: Span
    type: Type


@dataclass(slots=True)
class PLit:
    span: Span
    type: Type
    value: int | float | str | bool
    lit: str = "int"  # "int" | "number" | "string" | "char" | "boolean"


@dataclass(slots=True)
class PCon:
    span: Span
    type: Type
    name: str
    target: Target | None
    args: tuple[Pattern, ...]
    name_span: Span | None = None


@dataclass(slots=True)
class PArray:
    span: Span
    type: Type
    items: tuple[Pattern, ...]


@dataclass(slots=True)
class PRecord:
    span: Span
    type: Type
    fields: tuple[tuple[str, Pattern], ...]


@dataclass(slots=True)
class PAs:
    span: Span
    type: Type
    name: str
    name_span: Span
    pattern: Pattern


Pattern = PVar | PWild | PLit | PCon | PArray | PRecord | PAs


# ----------------------------------------------------------------------------------------------- expressions
@dataclass(slots=True)
class EVar:
    """A reference. `constructor` for data constructors; `binder` is the binding span of a local variable."""

    span: Span
    type: Type
    name: str
    target: Target | None
    binder: Span | None = None
    evidence: tuple[Evidence, ...] = ()
    constructor: bool = False


@dataclass(slots=True)
class ELit:
    span: Span
    type: Type
    value: int | float | str | bool
    lit: str = "int"


@dataclass(slots=True)
class EApp:
    span: Span
    type: Type
    fn: Expr
    arg: Expr


@dataclass(slots=True)
class ELam:
    span: Span
    type: Type
    params: tuple[Pattern, ...]
    body: Expr


@dataclass(slots=True)
class ELet:
    span: Span
    type: Type
    bindings: tuple[Binding, ...]
    body: Expr


@dataclass(slots=True)
class EIf:
    span: Span
    type: Type
    cond: Expr
    then_branch: Expr
    else_branch: Expr


@dataclass(slots=True)
class ECase:
    span: Span
    type: Type
    scrutinees: tuple[Expr, ...]
    alts: tuple[Alt, ...]


@dataclass(slots=True)
class EArray:
    span: Span
    type: Type
    items: tuple[Expr, ...]


@dataclass(slots=True)
class ERecord:
    span: Span
    type: Type
    fields: tuple[tuple[str, Expr], ...]


@dataclass(slots=True)
class EAccess:
    span: Span
    type: Type
    expr: Expr
    label: str


@dataclass(slots=True)
class FieldUpdate:
    """`label = value` (value set) or `label { … }` (nested updates)."""

    span: Span
    label: str
    value: Expr | None = None
    nested: tuple[FieldUpdate, ...] = ()


@dataclass(slots=True)
class EUpdate:
    span: Span
    type: Type
    expr: Expr
    updates: tuple[FieldUpdate, ...]


@dataclass(slots=True)
class EPoly:
    """An expression checked against a quantified type (`forall a. Show a => a -> String`, a rank-N argument or an
    annotation): `type` is that type; with `count` constraints it is a function of their dictionaries (evidence
    `ParamEv(owner, i)` inside `body` refers to them)."""

    span: Span
    type: Type
    owner: str
    count: int
    body: Expr


@dataclass(slots=True)
class EInst:
    """A value of a quantified type (a rank-N argument, a constrained field) used at one instance: `expr` applied
    to the dictionaries of the constraints, in order (`evidence`, filled once constraints are solved)."""

    span: Span
    type: Type
    expr: Expr
    evidence: tuple[Evidence, ...] = ()


@dataclass(slots=True)
class EError:
    """A sub-expression that could not be checked (an error was reported); evaluates to a runtime failure."""

    span: Span
    type: Type
    message: str = ""


Expr = EVar | ELit | EApp | ELam | ELet | EIf | ECase | EArray | ERecord | EAccess | EUpdate | EPoly | EInst | EError


# ----------------------------------------------------------------------------------------------- bodies
@dataclass(slots=True)
class GCond:
    span: Span
    expr: Expr


@dataclass(slots=True)
class GBind:
    span: Span
    pattern: Pattern
    expr: Expr


@dataclass(slots=True)
class GLet:
    span: Span
    bindings: tuple[Binding, ...]


Guard = GCond | GBind | GLet


@dataclass(slots=True)
class Branch:
    """`| guards = expr`; an unguarded body is a branch with no guards."""

    span: Span
    guards: tuple[Guard, ...]
    expr: Expr


@dataclass(slots=True)
class Rhs:
    """Branches tried in order (falling through to the next clause when all fail), with `where` bindings."""

    span: Span
    branches: tuple[Branch, ...]
    where: tuple[Binding, ...] = ()


@dataclass(slots=True)
class Alt:
    span: Span
    patterns: tuple[Pattern, ...]
    rhs: Rhs


@dataclass(slots=True)
class Clause:
    """One clause of a function. `dicts`: dictionary parameters among the parameters, from a constrained quantifier
    after some arrows of the signature (`lens' to pab` against `… -> forall p. Strong p => p a b -> p s t`): for
    each, the number of parameters before it, the owner of its `ParamEv` evidence and how many there are."""

    span: Span
    params: tuple[Pattern, ...]
    rhs: Rhs
    dicts: tuple[tuple[int, str, int], ...] = ()


@dataclass(slots=True)
class Binding:
    """A local (or instance-method) function/value binding: clauses, or a pattern binding when `pattern` is set.

    `scheme` is set for generalised bindings; its constraints are the binding's dictionary parameters
    (evidence `ParamEv(name, i)` refers to them).
    """

    span: Span
    name: str
    name_span: Span
    type: Type
    clauses: tuple[Clause, ...] = ()
    pattern: Pattern | None = None
    scheme: Scheme | None = None


# ----------------------------------------------------------------------------------------------- elements
@dataclass(slots=True)
class TypedElement:
    """One registry element (T2 row): a value, constructor, type, class, class method, instance, operator, foreign.

    `kind` is one of "value", "constructor", "type", "synonym", "class", "method", "instance", "operator",
    "foreign", "foreign-type", "type-operator".
    """

    key: str
    name: str
    kind: str
    span: Span
    name_span: Span
    doc: str | None = None
    scheme: Scheme | None = None
    exported: bool = False
    fingerprint: str = ""
    clauses: tuple[Clause, ...] = ()
    # constructor: owning type key, index among the type's constructors, number of fields
    type_name: str | None = None
    index: int = 0
    arity: int = 0
    # type: its constructor names; its kind (scheme of arity 0 over kinds)
    constructors: tuple[str, ...] = ()
    kind_of: Type | None = None
    newtype: bool = False
    # operator / type operator: the aliased element
    alias: Target | None = None
    fixity: tuple[str, int] | None = None
    # class / method
    class_info: ClassInfo | None = None
    cls: Target | None = None
    # instance: the instance, its method bindings (dictionary parameters: `ParamEv(key, i)`), derived class name
    # and what the evaluator builds a derived instance from, and how each superclass dictionary of the class is
    # made at this instance (None where it could not be solved)
    instance: InstanceInfo | None = None
    methods: tuple[Binding, ...] = ()
    derived: str | None = None
    derivation: Derivation | None = None
    super_evidence: tuple[Evidence | None, ...] = ()
    # foreign value: the backend string if written
    backend: str | None = None
    reads: frozenset[Target] = field(default_factory=frozenset)


@dataclass(slots=True)
class TypedModule:
    name: str
    elements: Mapping[str, TypedElement]
