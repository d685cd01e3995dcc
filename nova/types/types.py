"""Type schemes, and (re-exported) the type terms of `nova.types.terms`: the one module the rest imports types from.

`Scheme` stays a Python class: a warm start decodes schemes lazily (`nova.compact` subclasses it in Python and
intercepts attribute reads, which compiled code would not go through). The terms are compiled (`nova.compiled`).
"""

from __future__ import annotations

from dataclasses import dataclass

from nova.types.terms import (
    K_CONSTRAINT,
    K_INT,
    K_ROW,
    K_ROW_TYPE,
    K_SYMBOL,
    K_TYPE,
    PRIM,
    PRIM_KINDS,
    PRIM_TYPES,
    T_ARRAY,
    T_ARROW,
    T_BOOLEAN,
    T_CHAR,
    T_INT,
    T_NUMBER,
    T_RECORD,
    T_STRING,
    Constraint,
    TApp,
    TBound,
    TCon,
    TForall,
    TFun,
    TGen,
    TRow,
    TSkolem,
    TVar,
    Type,
    app,
    array,
    fresh_id,
    funs,
    iter_type,
    open_forall,
    prune,
    record,
    split_app,
)

__all__ = [
    "K_CONSTRAINT",
    "K_INT",
    "K_ROW",
    "K_ROW_TYPE",
    "K_SYMBOL",
    "K_TYPE",
    "PRIM",
    "PRIM_KINDS",
    "PRIM_TYPES",
    "T_ARRAY",
    "T_ARROW",
    "T_BOOLEAN",
    "T_CHAR",
    "T_INT",
    "T_NUMBER",
    "T_RECORD",
    "T_STRING",
    "Constraint",
    "Scheme",
    "TApp",
    "TBound",
    "TCon",
    "TForall",
    "TFun",
    "TGen",
    "TRow",
    "TSkolem",
    "TVar",
    "Type",
    "app",
    "array",
    "fresh_id",
    "funs",
    "iter_type",
    "open_forall",
    "prune",
    "record",
    "split_app",
]


@dataclass(frozen=True, slots=True)
class Scheme:
    """`forall (TGen 0..arity-1). constraints => type`; `names` keeps the user's variable names when known.

    `visible` lists, in order, the variables a visible type application (`f @Int`) gives: those declared `forall
    @a.`, every parameter of a data type for its constructors, every class parameter for its methods (class and
    data parameters are visible without being declared so, as in PureScript); `@_` skips one.

    `display` is the type as its signature wrote it (synonyms unexpanded, constructors named as imported, record
    labels in written order), for printing only: it is never unified, so it costs the checker nothing.

    `kinds` holds, per variable, the kind its `forall` wrote on it (`forall k (@t :: k).` gives `(None, TGen(0))`:
    a kind may name an earlier variable), None for one written without; empty when the signature wrote none. The
    type alone does not always fix a variable's kind (`Proxy t` with a poly-kinded `Proxy`), and a visible type
    application or a use must still give it a type of that kind."""

    arity: int
    constraints: tuple[Constraint, ...]
    type: Type
    names: tuple[str, ...] = ()
    visible: tuple[int, ...] = ()
    display: Type | None = None
    kinds: tuple[Type | None, ...] = ()

    @staticmethod
    def mono(t: Type) -> Scheme:
        return Scheme(0, (), t)
