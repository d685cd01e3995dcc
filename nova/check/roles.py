"""Roles of type parameters (`nominal`, `representational`, `phantom`), which decide what `Coercible` may
coerce under a type constructor.

As in PureScript: a parameter that no constructor field mentions is phantom; one that occurs under a nominal
parameter of another type (or as an argument of a type variable, whose roles are unknown) is nominal; otherwise it
is representational. The roles of a module's types are found together (they may refer to each other), starting
from phantom and raising them until nothing changes. Foreign types are nominal unless a `type role` declaration
says otherwise; a declaration for a data type may only make roles stricter.
"""

from __future__ import annotations

from collections.abc import Callable

from nova.types.types import TApp, TCon, TForall, TFun, TGen, TRow, Type, iter_type, prune

PHANTOM = "phantom"
REPRESENTATIONAL = "representational"
NOMINAL = "nominal"
_RANK = {PHANTOM: 0, REPRESENTATIONAL: 1, NOMINAL: 2}

PRIM_ROLES: dict[str, tuple[str, ...]] = {
    "Array": (REPRESENTATIONAL,),
    "Record": (REPRESENTATIONAL,),
    "Function": (REPRESENTATIONAL, REPRESENTATIONAL),
}


def stricter(a: str, b: str) -> str:
    return a if _RANK[a] >= _RANK[b] else b


def at_least(declared: str, inferred: str) -> bool:
    """Is the declared role at least as strict as the inferred one (a declaration may not loosen a role)?"""
    return _RANK[declared] >= _RANK[inferred]


def infer_roles(
    module: str,
    fields: dict[str, list[list[Type]]],
    arities: dict[str, int],
    imported: Callable[[TCon], tuple[str, ...] | None],
    declared: dict[str, tuple[str, ...]] | None = None,
) -> dict[str, tuple[str, ...]]:
    """The roles of the data types of `module` in `fields` (type name → per constructor, its field types over
    `TGen(i)` for the i-th parameter). `imported` gives the roles of any other type constructor (None when
    unknown: nominal). `declared`: the roles `type role` declarations give some of them, where inference starts
    (a declared `nominal` makes the parameters of the types using it there nominal too, as in PureScript); what
    is inferred is then at least as strict, and stricter where a declaration loosens a role (`RoleMismatch`)."""
    roles: dict[str, list[str]] = {}
    for name in fields:
        given = (declared or {}).get(name)
        roles[name] = list(given) if given is not None and len(given) == arities[name] else [PHANTOM] * arities[name]

    def roles_of(con: TCon) -> tuple[str, ...] | list[str] | None:
        own = roles.get(con.name) if con.module == module else None
        return own if own is not None else imported(con)

    changed = True
    rounds = 0
    while changed and rounds < 50:
        changed = False
        rounds += 1
        for name, ctors in fields.items():
            current = roles[name]
            for ctor in ctors:
                for field in ctor:
                    for index, role in _occurrences(field, roles_of):
                        if index < len(current) and _RANK[role] > _RANK[current[index]]:
                            current[index] = role
                            changed = True
    return {name: tuple(r) for name, r in roles.items()}


def _occurrences(
    t: Type, roles_of: Callable[[TCon], tuple[str, ...] | list[str] | None]
) -> list[tuple[int, str]]:
    """Each parameter occurrence in a field type with the role that occurrence requires."""
    out: list[tuple[int, str]] = []
    stack: list[tuple[Type, bool]] = [(t, False)]
    while stack:
        node, nominal = stack.pop()
        node = prune(node)
        if isinstance(node, TGen):
            out.append((node.index, NOMINAL if nominal else REPRESENTATIONAL))
        elif isinstance(node, TFun):
            stack += [(node.arg, nominal), (node.res, nominal)]
        elif isinstance(node, TForall):
            # a quantified field (`forall r. r -> a`): the parameters its body mentions count as anywhere else;
            # its constraints' arguments choose dictionaries, so a parameter there is nominal
            stack.append((node.body, nominal))
            stack += [(arg, True) for c in node.constraints for arg in c.args]
        elif isinstance(node, TRow):
            stack += [(ft, nominal) for _, ft in node.fields]
            if node.tail is not None:
                stack.append((node.tail, nominal))
        elif isinstance(node, TApp):
            args: list[Type] = []
            head: Type = node
            while isinstance(head, TApp):
                args.append(head.arg)
                head = prune(head.fn)
            args.reverse()
            if isinstance(head, TCon):
                head_roles = roles_of(head)
                for i, arg in enumerate(args):
                    role = head_roles[i] if head_roles is not None and i < len(head_roles) else NOMINAL
                    if role != PHANTOM:
                        stack.append((arg, nominal or role == NOMINAL))
            else:
                # an application of a type variable: the variable's roles are unknown, so every parameter its
                # arguments mention is nominal, also under a phantom parameter of a type there (`a (Phantom b)`)
                stack.append((head, nominal))
                out += [(n.index, NOMINAL) for arg in args for n in iter_type(arg) if isinstance(n, TGen)]
    return out
