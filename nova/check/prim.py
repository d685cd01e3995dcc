"""PureScript's built-in modules (`Prim.Row`, `Prim.Coerce`, `Prim.TypeError`, …): the classes the compiler
solves and the type-level constructors they are stated over, as module environments.

They have no source and no registry entry: an import of one of these modules resolves to the environment here
(`prim_env`), and `Prim`'s own `Partial` is in scope everywhere, as in PureScript. Kinds are PureScript's own,
poly-kinded where PureScript's are (`Prim.Row.Cons :: forall k. Symbol -> k -> Row k -> Row k -> Constraint`).
"""

from __future__ import annotations

from nova import keys
from nova.check.env import ModuleEnv, TypeInfo
from nova.types.builtin_classes import SOLVERS
from nova.types.classes import ClassInfo
from nova.types.types import (
    K_CONSTRAINT,
    K_INT,
    K_ROW,
    K_SYMBOL,
    K_TYPE,
    PRIM_KINDS,
    T_BOOLEAN,
    TApp,
    TCon,
    TFun,
    TGen,
    Type,
)

# PureScript's kinds for these: a class or type over rows of any kind is poly-kinded (`TGen(0)` is its `k`).
K = TGen(0)
K_ROW_K = TApp(K_ROW, K)
K_ORDERING: Type = TCon("Ordering", "Prim.Ordering")
K_DOC: Type = TCon("Doc", "Prim.TypeError")
T_ROWLIST: Type = TCon("RowList", "Prim.RowList")
K_ROWLIST_K: Type = TApp(T_ROWLIST, K)


def _kind(*params: Type, result: Type = K_CONSTRAINT) -> Type:
    out = result
    for k in reversed(params):
        out = TFun(k, out)
    return out


_CLASSES: dict[str, list[tuple[str, tuple[str, ...], tuple[Type, ...]]]] = {
    "Prim": [("Partial", (), ())],
    "Prim.Coerce": [("Coercible", ("a", "b"), (K, K))],
    "Prim.Row": [
        ("Cons", ("label", "a", "tail", "row"), (K_SYMBOL, K, K_ROW_K, K_ROW_K)),
        ("Union", ("left", "right", "union"), (K_ROW_K, K_ROW_K, K_ROW_K)),
        ("Nub", ("original", "nubbed"), (K_ROW_K, K_ROW_K)),
        ("Lacks", ("label", "row"), (K_SYMBOL, K_ROW_K)),
    ],
    "Prim.RowList": [("RowToList", ("row", "list"), (K_ROW_K, K_ROWLIST_K))],
    "Prim.Symbol": [
        ("Append", ("left", "right", "appended"), (K_SYMBOL, K_SYMBOL, K_SYMBOL)),
        ("Compare", ("left", "right", "ordering"), (K_SYMBOL, K_SYMBOL, K_ORDERING)),
        ("Cons", ("head", "tail", "symbol"), (K_SYMBOL, K_SYMBOL, K_SYMBOL)),
    ],
    "Prim.Int": [
        ("Add", ("left", "right", "sum"), (K_INT, K_INT, K_INT)),
        ("Compare", ("left", "right", "ordering"), (K_INT, K_INT, K_ORDERING)),
        ("Mul", ("left", "right", "product"), (K_INT, K_INT, K_INT)),
        ("ToString", ("int", "string"), (K_INT, K_SYMBOL)),
    ],
    "Prim.TypeError": [("Warn", ("message",), (K_DOC,)), ("Fail", ("message",), (K_DOC,))],
}

_TYPES: dict[str, list[tuple[str, Type]]] = {
    "Prim.RowList": [
        ("RowList", TFun(K_TYPE, K_TYPE)),
        ("Cons", _kind(K_SYMBOL, K, K_ROWLIST_K, result=K_ROWLIST_K)),
        ("Nil", K_ROWLIST_K),
    ],
    "Prim.Ordering": [("Ordering", K_TYPE), ("LT", K_ORDERING), ("EQ", K_ORDERING), ("GT", K_ORDERING)],
    "Prim.Boolean": [("True", T_BOOLEAN), ("False", T_BOOLEAN)],
    "Prim.TypeError": [
        ("Doc", K_TYPE),
        ("Text", TFun(K_SYMBOL, K_DOC)),
        ("Quote", TFun(K, K_DOC)),
        ("QuoteLabel", TFun(K_SYMBOL, K_DOC)),
        ("Beside", _kind(K_DOC, K_DOC, result=K_DOC)),
        ("Above", _kind(K_DOC, K_DOC, result=K_DOC)),
    ],
    "Prim.Row": [],
    "Prim.Symbol": [],
    "Prim.Int": [],
    "Prim.Coerce": [],
    # (in scope without an import; `import Prim (Number)` and `import Prim as P` name them too)
    "Prim": list(PRIM_KINDS.items()),
}


def _build() -> dict[str, ModuleEnv]:
    out: dict[str, ModuleEnv] = {}
    for module in sorted(set(_CLASSES) | set(_TYPES)):
        class_infos = {
            name: ClassInfo(
                module,
                name,
                params,
                (),
                (),
                _kind(*kinds),
                SOLVERS[(module, name)][0] if (module, name) in SOLVERS else (),
            )
            for name, params, kinds in _CLASSES.get(module, [])
        }
        type_infos = {name: TypeInfo(module, name, kind, ()) for name, kind in _TYPES.get(module, [])}
        out[module] = ModuleEnv(
            module,
            types={n: (module, keys.type_key(n)) for n in type_infos},
            type_members={n: () for n in type_infos},
            classes={n: (module, keys.class_key(n)) for n in class_infos},
            type_infos=type_infos,
            class_infos=class_infos,
        )
    return out


PRIM_MODULES: dict[str, ModuleEnv] = _build()
PRIM_CLASSES: dict[str, ClassInfo] = dict(PRIM_MODULES["Prim"].class_infos)
"""Classes of `Prim` itself, in scope in every module without an import (`Partial`)."""


def prim_env(module: str) -> ModuleEnv | None:
    return PRIM_MODULES.get(module)
