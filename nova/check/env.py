"""A module's interface as stored in its registry entry (`ModuleEntry.env`): what importers need beyond schemes.

Exported names map to their origin `(module, element key)`, so re-exports (`module X (module Y)`) resolve to the
defining module; type and class descriptions live with the module that declares them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from nova.types.classes import ClassInfo, InstanceInfo
from nova.types.types import Type

if TYPE_CHECKING:  # annotations only: reading a cached environment need not load the syntax tree classes
    from nova.syntax import Fixity

Ref = tuple[str, str]


@dataclass(frozen=True, slots=True)
class TypeInfo:
    """A type constructor: its kind, parameters, constructors; `synonym` (over `TGen`) for `type` aliases.

    `roles` gives each parameter's role (`nominal`, `representational`, `phantom`) for `Coercible`; empty means
    nominal for every parameter."""

    module: str
    name: str
    kind: Type
    params: tuple[str, ...]
    constructors: tuple[str, ...] = ()
    synonym: Type | None = None
    newtype: bool = False
    roles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ModuleEnv:
    name: str
    values: Mapping[str, Ref] = field(default_factory=dict)
    types: Mapping[str, Ref] = field(default_factory=dict)
    type_members: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    classes: Mapping[str, Ref] = field(default_factory=dict)
    type_infos: Mapping[str, TypeInfo] = field(default_factory=dict)
    class_infos: Mapping[str, ClassInfo] = field(default_factory=dict)
    instances: tuple[InstanceInfo, ...] = ()
    fixities: Mapping[str, Fixity] = field(default_factory=dict)
    type_fixities: Mapping[str, Fixity] = field(default_factory=dict)
    type_operators: Mapping[str, Ref] = field(default_factory=dict)
    # operator element key (declared here) -> the element it aliases
    aliases: Mapping[str, Ref] = field(default_factory=dict)
    # every module this one imports (for instance visibility)
    imports: tuple[str, ...] = ()
