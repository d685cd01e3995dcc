"""Element keys and "reads" keys: built and taken apart here, nowhere else by string prefixes and slices.

**Element keys** name the rows of a module in the registry (its exports and its typed elements). Values,
constructors, class methods and operators are bare (`"map"`, `"Just"`, `"<>"`); the other namespaces carry a prefix,
so that a type and a constructor of the same name (`data Box = Box Int`) get different keys: `"type:Box"`,
`"class:Eq"`, `"instance:showBox"`.

**Reads** are what a binding group looked at while it was inferred (`DeclState.reads`), so that a later check can
reuse the group only when each read still gives the same value. A read is a pair: `(module, element key)` for an
interface row, `resolution(what, qualifier, name)` for how a name resolved in the module's scope, `INSTANCES` for
the instances in scope, `signature(name)` for whether an own value has a signature, `HOLES` for what typed holes
may suggest. The last four are about the module's own scope and never memoised across declarations. The pairs
stay plain tuples: they are stored in typed elements and in the warm-start cache.
"""

from __future__ import annotations

from typing import Final, Literal

Namespace = Literal["value", "type", "class", "instance"]
Ref = tuple[str, str]
"""A read or a reference: (module, element key), or one of the special reads below."""

TYPE_PREFIX: Final = "type:"
CLASS_PREFIX: Final = "class:"
INSTANCE_PREFIX: Final = "instance:"
_PREFIXES: Final[tuple[tuple[str, Namespace], ...]] = (
    (TYPE_PREFIX, "type"),
    (CLASS_PREFIX, "class"),
    (INSTANCE_PREFIX, "instance"),
)


def type_key(name: str) -> str:
    """The key of a type (data, newtype, synonym, foreign type) or type operator."""
    return TYPE_PREFIX + name


def class_key(name: str) -> str:
    return CLASS_PREFIX + name


def instance_key(name: str) -> str:
    return INSTANCE_PREFIX + name


def namespace_of(key: str) -> Namespace:
    for prefix, namespace in _PREFIXES:
        if key.startswith(prefix):
            return namespace
    return "value"


def name_of(key: str) -> str:
    """The name a key stands for, without its namespace (`"type:Maybe"` → `"Maybe"`, `"map"` → `"map"`)."""
    for prefix, _ in _PREFIXES:
        if key.startswith(prefix):
            return key[len(prefix):]
    return key


def renamed(key: str, name: str) -> str:
    """The key of `name` in the namespace of `key` (`renamed("type:Box", "Crate")` → `"type:Crate"`)."""
    for prefix, _ in _PREFIXES:
        if key.startswith(prefix):
            return prefix + name
    return name


def type_name(key: str) -> str | None:
    """The type's name when `key` is a type key, else None."""
    return key[len(TYPE_PREFIX):] if key.startswith(TYPE_PREFIX) else None


def class_name(key: str) -> str | None:
    """The class's name when `key` is a class key, else None."""
    return key[len(CLASS_PREFIX):] if key.startswith(CLASS_PREFIX) else None


def is_type_key(key: str) -> bool:
    return key.startswith(TYPE_PREFIX)


def is_class_key(key: str) -> bool:
    return key.startswith(CLASS_PREFIX)


def is_instance_key(key: str) -> bool:
    return key.startswith(INSTANCE_PREFIX)


# ---- reads -----------------------------------------------------------------------------------------------------

INSTANCES: Final[Ref] = ("#instances", "")
"""The read of the instances in scope (its value: their digest)."""
HOLES: Final[Ref] = ("#holes", "")
"""The read of what a typed hole can suggest (its value: a digest of the names in scope)."""

_RESOLUTION_MARK: Final = "#"
_SEPARATOR: Final = "\x00"
_SIGNATURE: Final = "#signature"
_NOT_RESOLUTIONS: Final = frozenset({INSTANCES[0], HOLES[0], _SIGNATURE})


def signature(name: str) -> Ref:
    """The read of whether (and how) the module's own value `name` has a type signature."""
    return (_SIGNATURE, name)


def signature_name(ref: Ref) -> str | None:
    """The value's name when `ref` is a signature read, else None."""
    return ref[1] if ref[0] == _SIGNATURE else None


def resolution(what: str, qualifier: str | None, name: str) -> Ref:
    """The read of how `qualifier.name` resolves in the module's scope (`what`: "type", "class", "value",
    "constructor", "operator", …)."""
    return (_RESOLUTION_MARK + what, f"{qualifier or ''}{_SEPARATOR}{name}")


def is_resolution(ref: Ref) -> bool:
    return ref[0].startswith(_RESOLUTION_MARK) and ref[0] not in _NOT_RESOLUTIONS


def resolution_parts(ref: Ref) -> tuple[str, str | None, str]:
    """(what, qualifier or None, name) of a resolution read."""
    qualifier, _, name = ref[1].partition(_SEPARATOR)
    return ref[0][len(_RESOLUTION_MARK):], qualifier or None, name


def is_interface_read(ref: Ref) -> bool:
    """Whether a read is a row of a module's interface (not about the module's own scope)."""
    return not ref[0].startswith(_RESOLUTION_MARK)
