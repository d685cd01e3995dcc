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


def mentions_instance(ev: Evidence, module: str, key: str) -> bool:
    """Whether a dictionary is built from the instance `module`.`key` anywhere in it (its arguments, or the
    dictionary a superclass is taken from): what finds an instance that needs itself."""
    return key in instances_in(ev, module)


def instances_in(ev: Evidence, module: str) -> list[str]:
    """The keys of the instances of `module` a dictionary is built from (its arguments, the dictionary a
    superclass is taken from), outermost first."""
    out: list[str] = []
    stack: list[Evidence] = [ev]
    while stack:
        e = stack.pop()
        if isinstance(e, InstanceEv):
            if e.module == module:
                out.append(e.key)
            stack.extend(reversed(e.args))
        elif isinstance(e, SuperEv):
            stack.append(e.base)
    return out


# ---------------------------------------------------------------------------------------------- derived instances
@dataclass(frozen=True, slots=True)
class FieldUse:
    """How a derived method treats one value of a constructor (or of a record field inside one).

    Comparisons (`Eq`, `Ord`): `dict` compares with the dictionary `evidence[0]` of the class at the value's
    type; `dict1` with `eq1`/`compare1` of `evidence[0]` (the `Eq1`/`Ord1` dictionary of an applied type variable)
    given `evidence[1]` (the dictionary at its argument); `record` compares the fields `labels` (code-point order)
    with `parts`.

    Mappings, folds and traversals (the `Functor` family): `param` is the class's last type parameter (the function
    `g`, or `f` for one-parameter classes), `lparam` the one before it (`f` of `bimap f g`); `mono`, `bi`, `contra`
    and `pro` go inside a value whose type constructor has an instance (`evidence[0]`) of the one-parameter class,
    the two-parameter class, `Contravariant` or `Profunctor`, with `parts` the uses of its last argument (and of
    the one before it, first, for `bi`/`pro`; None where it does not mention a parameter); `record` goes into the
    fields `labels` that mention a parameter; `constrained` into a quantified value whose constraints (one
    dictionary each, their classes in `labels`) come first, with `parts[0]` the use of its body.
    """

    kind: str
    evidence: tuple[Evidence | None, ...] = ()
    parts: tuple[FieldUse | None, ...] = ()
    labels: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DerivedConstructor:
    """One constructor of the derived type: its element `(module, key)`, its run-time name, its uses per field."""

    module: str
    key: str
    name: str
    fields: tuple[FieldUse | None, ...]


@dataclass(frozen=True, slots=True)
class Derivation:
    """What the checker learnt about a `derive` declaration, for the evaluator to build its dictionary from.

    `strategy` names the class derived (`Eq`, `Ord`, `Eq1`, `Ord1`, `Functor`, `Foldable`, `Traversable`,
    `Bifunctor`, `Bifoldable`, `Bitraversable`, `Contravariant`, `Profunctor`, `Generic`, `Newtype`), or is
    `newtype` for `derive newtype instance` (the dictionary is `extras`' `("", "")` entry: the wrapped type's).
    `newtype` is True when the type is a newtype (its constructor is erased at run time). `extras` are further
    dictionaries by (method, class name): the superclass dictionaries a method's own constraint gives (the `Apply`
    inside `traverse`'s `Applicative m`), or the class's dictionary at the type applied (what `eq1` uses).
    """

    strategy: str
    constructors: tuple[DerivedConstructor, ...] = ()
    newtype: bool = False
    extras: tuple[tuple[str, str, Evidence | None], ...] = ()
