"""Type representation for the checker.

Types are small slotted objects. Everything is immutable except `TVar`, a mutable unification cell: binding a
variable is one assignment to `ref`, and `prune` follows (and compresses) chains of bound cells. No substitution
maps are ever built or copied; that is what keeps inference linear-ish in pure Python.

Quantified variables of a stored `Scheme` are `TGen(index)`; instantiation replaces them by fresh cells.
Kinds are types too (`Type`, `Row k`, `k1 -> k2`), so one unifier serves both levels.

These classes are compiled (`nova.compiled`), native classes read directly by the compiled checker; `Scheme`, which a
warm start decodes lazily through a Python subclass, is in `nova.types.types`, which re-exports everything here.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator
from dataclasses import dataclass


class Type:
    """Base of every type node."""

    __slots__ = ()


class TCon(Type):
    """A type constructor, identified by its defining module and name (`Prim.Int`, `Data.Maybe.Maybe`)."""

    __slots__ = ("module", "name")

    def __init__(self, name: str, module: str = "Prim") -> None:
        self.name = sys.intern(name)
        self.module = sys.intern(module)

    def __eq__(self, other: object) -> bool:
        return self is other or (type(other) is TCon and self.name == other.name and self.module == other.module)

    def __hash__(self) -> int:
        return hash((self.name, self.module))

    def __repr__(self) -> str:
        return f"TCon({self.module}.{self.name})"


class TApp(Type):
    """Application of a constructor to an argument: `Maybe a` is `TApp(Maybe, a)`."""

    __slots__ = ("arg", "fn")

    def __init__(self, fn: Type, arg: Type) -> None:
        self.fn = fn
        self.arg = arg

    def __eq__(self, other: object) -> bool:
        return self is other or (type(other) is TApp and self.fn == other.fn and self.arg == other.arg)

    def __hash__(self) -> int:
        return hash(("app", self.fn, self.arg))

    def __repr__(self) -> str:
        return f"TApp({self.fn!r}, {self.arg!r})"


class TFun(Type):
    """A function type `arg -> res` (kept apart from `TApp` because it is by far the most common shape)."""

    __slots__ = ("arg", "res")

    def __init__(self, arg: Type, res: Type) -> None:
        self.arg = arg
        self.res = res

    def __eq__(self, other: object) -> bool:
        return self is other or (type(other) is TFun and self.arg == other.arg and self.res == other.res)

    def __hash__(self) -> int:
        return hash(("fun", self.arg, self.res))

    def __repr__(self) -> str:
        return f"TFun({self.arg!r}, {self.res!r})"


class TRow(Type):
    """A row: labels (sorted, possibly repeated) with their types, and a tail (`None` for a closed row)."""

    __slots__ = ("fields", "tail")

    def __init__(self, fields: tuple[tuple[str, Type], ...], tail: Type | None) -> None:
        self.fields = fields
        self.tail = tail

    def __eq__(self, other: object) -> bool:
        return self is other or (type(other) is TRow and self.fields == other.fields and self.tail == other.tail)

    def __hash__(self) -> int:
        return hash(("row", self.fields, self.tail))

    def __repr__(self) -> str:
        return f"TRow({self.fields!r}, {self.tail!r})"


class TGen(Type):
    """The `index`-th quantified variable of the enclosing scheme."""

    __slots__ = ("index",)

    def __init__(self, index: int) -> None:
        self.index = index

    def __eq__(self, other: object) -> bool:
        return self is other or (type(other) is TGen and self.index == other.index)

    def __hash__(self) -> int:
        return hash(("gen", self.index))

    def __repr__(self) -> str:
        return f"TGen({self.index})"


class TSkolem(Type):
    """A rigid variable introduced by a signature; equal only to itself. `level` detects escapes."""

    __slots__ = ("id", "level", "name")

    def __init__(self, name: str, id: int, level: int) -> None:
        self.name = name
        self.id = id
        self.level = level

    def __eq__(self, other: object) -> bool:
        return self is other or (type(other) is TSkolem and self.id == other.id)

    def __hash__(self) -> int:
        return hash(("skolem", self.id))

    def __repr__(self) -> str:
        return f"TSkolem({self.name}#{self.id})"


class TBound(Type):
    """A variable bound by the nearest enclosing `TForall` that names it (only ever inside that forall's body).

    Bound variables are known by name: a forall's body is only taken out of it by `open_forall`, which replaces
    them (an inner forall binding the same name shadows), so no bound variable is ever free where it could be
    captured."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = sys.intern(name)

    def __eq__(self, other: object) -> bool:
        return self is other or (type(other) is TBound and self.name == other.name)

    def __hash__(self) -> int:
        return hash(("bound", self.name))

    def __repr__(self) -> str:
        return f"TBound({self.name})"


class TForall(Type):
    """A quantified type inside a type (rank-N): `forall a b. C a => body`, or only `C a => body` (no variables).

    A scheme's own outermost quantifiers are `Scheme`'s `TGen`s; a `TForall` is what stays below them: the type of
    a function's argument (`(forall a. a -> a) -> Int`), of a constructor field or record field, a result after an
    argument (`Int -> forall a. a -> a`)."""

    __slots__ = ("body", "constraints", "vars")

    def __init__(self, vars: tuple[str, ...], constraints: tuple[Constraint, ...], body: Type) -> None:
        self.vars = vars
        self.constraints = constraints
        self.body = body

    def __eq__(self, other: object) -> bool:
        return self is other or (
            type(other) is TForall
            and self.vars == other.vars
            and self.constraints == other.constraints
            and self.body == other.body
        )

    def __hash__(self) -> int:
        return hash(("forall", self.vars, self.constraints, self.body))

    def __repr__(self) -> str:
        return f"TForall({self.vars!r}, {self.constraints!r}, {self.body!r})"


class TVar(Type):
    """A unification variable: a mutable cell. `ref` is what it was bound to, `level` its let-depth."""

    __slots__ = ("id", "kind", "level", "ref")

    def __init__(self, id: int, level: int, kind: Type | None = None) -> None:
        self.id = id
        self.level = level
        self.ref: Type | None = None
        self.kind = kind

    def __repr__(self) -> str:
        return f"TVar({self.id}@{self.level}{'=' + repr(self.ref) if self.ref is not None else ''})"


_ids = itertools.count(1)


def fresh_id() -> int:
    return next(_ids)


def prune(t: Type) -> Type:
    """Follow bound variable cells to the representative, compressing the path."""
    if type(t) is not TVar or t.ref is None:
        return t
    root = t.ref
    while type(root) is TVar and root.ref is not None:
        root = root.ref
    # path compression
    while type(t) is TVar and t.ref is not None and t.ref is not root:
        nxt = t.ref
        t.ref = root
        t = nxt
    return root


# ---------------------------------------------------------------- primitive constructors and kinds
PRIM = "Prim"
T_INT = TCon("Int")
T_NUMBER = TCon("Number")
T_STRING = TCon("String")
T_CHAR = TCon("Char")
T_BOOLEAN = TCon("Boolean")
T_ARRAY = TCon("Array")
T_RECORD = TCon("Record")
T_ARROW = TCon("Function")

K_TYPE = TCon("Type")
K_ROW = TCon("Row")
K_CONSTRAINT = TCon("Constraint")
K_SYMBOL = TCon("Symbol")
K_INT = T_INT  # the kind of type-level integers is the type `Int` (kinds are types)
K_ROW_TYPE = TApp(K_ROW, K_TYPE)

PRIM_TYPES: dict[str, Type] = {
    "Int": T_INT,
    "Number": T_NUMBER,
    "String": T_STRING,
    "Char": T_CHAR,
    "Boolean": T_BOOLEAN,
    "Array": T_ARRAY,
    "Record": T_RECORD,
    "Function": T_ARROW,
}

PRIM_KINDS: dict[str, Type] = {
    "Int": K_TYPE,
    "Number": K_TYPE,
    "String": K_TYPE,
    "Char": K_TYPE,
    "Boolean": K_TYPE,
    "Array": TFun(K_TYPE, K_TYPE),
    "Record": TFun(TApp(K_ROW, K_TYPE), K_TYPE),
    "Function": TFun(K_TYPE, TFun(K_TYPE, K_TYPE)),
    "Type": K_TYPE,
    "Constraint": K_TYPE,
    "Symbol": K_TYPE,
    "Row": TFun(K_TYPE, K_TYPE),
}


def record(row: Type) -> Type:
    return TApp(T_RECORD, row)


def array(elem: Type) -> Type:
    return TApp(T_ARRAY, elem)


def funs(args: list[Type], res: Type) -> Type:
    for a in reversed(args):
        res = TFun(a, res)
    return res


def app(head: Type, *args: Type) -> Type:
    for a in args:
        head = TApp(head, a)
    return head


def split_app(t: Type) -> tuple[Type, list[Type]]:
    """`F a b` -> (F, [a, b]) after pruning."""
    args: list[Type] = []
    t = prune(t)
    while type(t) is TApp:
        args.append(t.arg)
        t = prune(t.fn)
    args.reverse()
    return t, args


# ---------------------------------------------------------------- constraints and schemes
@dataclass(slots=True, unsafe_hash=True)
class Constraint:
    """`Class t1 … tn` with the class identified by its defining module and name (`args` is empty for a class
    without parameters, such as `Partial`)."""

    module: str
    cls: str
    args: tuple[Type, ...]

    def __init__(self, module: str, cls: str, args: tuple[Type, ...]) -> None:
        self.module = module
        self.cls = cls
        self.args = args


def open_forall(t: TForall, replacements: list[Type]) -> tuple[tuple[Constraint, ...], Type]:
    """The constraints and body of `t` with its variables replaced (in order): how a rank-N type is instantiated
    (with unknowns) or skolemised (with rigid variables)."""
    mapping = dict(zip(t.vars, replacements, strict=True))
    constraints = tuple(
        Constraint(c.module, c.cls, tuple(_replace_bound(a, mapping) for a in c.args)) for c in t.constraints
    )
    return constraints, _replace_bound(t.body, mapping)


def _replace_bound(t: Type, mapping: dict[str, Type]) -> Type:
    tt = type(t)
    if tt is TCon or tt is TGen:
        return t
    if tt is TBound:
        return mapping.get(t.name, t)  # type: ignore[attr-defined]
    if tt is TVar:
        if t.ref is None:  # type: ignore[attr-defined]
            return t
        return _replace_bound(prune(t), mapping)
    if tt is TFun:
        a = _replace_bound(t.arg, mapping)  # type: ignore[attr-defined]
        r = _replace_bound(t.res, mapping)  # type: ignore[attr-defined]
        return t if (a is t.arg and r is t.res) else TFun(a, r)  # type: ignore[attr-defined]
    if tt is TApp:
        f = _replace_bound(t.fn, mapping)  # type: ignore[attr-defined]
        x = _replace_bound(t.arg, mapping)  # type: ignore[attr-defined]
        return t if (f is t.fn and x is t.arg) else TApp(f, x)  # type: ignore[attr-defined]
    if tt is TRow:
        assert isinstance(t, TRow)
        fields = tuple((lbl, _replace_bound(ft, mapping)) for lbl, ft in t.fields)
        tail = _replace_bound(t.tail, mapping) if t.tail is not None else None
        return TRow(fields, tail)
    if tt is TForall:
        assert isinstance(t, TForall)
        inner = {k: v for k, v in mapping.items() if k not in t.vars}  # (an inner forall shadows)
        if not inner:
            return t
        cs = tuple(Constraint(c.module, c.cls, tuple(_replace_bound(a, inner) for a in c.args)) for c in t.constraints)
        return TForall(t.vars, cs, _replace_bound(t.body, inner))
    return t


def iter_type(t: Type) -> Iterator[Type]:
    """Every node of an (already zonked) type, pre-order, without recursion."""
    stack = [t]
    while stack:
        n = prune(stack.pop())
        yield n
        tn = type(n)
        if tn is TForall:
            stack.append(n.body)  # type: ignore[attr-defined]
            for c in reversed(n.constraints):  # type: ignore[attr-defined]
                stack.extend(reversed(c.args))
        elif tn is TFun:
            stack.append(n.res)  # type: ignore[attr-defined]
            stack.append(n.arg)  # type: ignore[attr-defined]
        elif tn is TApp:
            stack.append(n.arg)  # type: ignore[attr-defined]
            stack.append(n.fn)  # type: ignore[attr-defined]
        elif tn is TRow:
            row: TRow = n  # type: ignore[assignment]
            if row.tail is not None:
                stack.append(row.tail)
            for _, ft in reversed(row.fields):
                stack.append(ft)
