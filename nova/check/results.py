"""What checking a module produces, and what a later check may reuse."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from nova.check import typed as T
from nova.check.env import ModuleEnv, Ref, TypeInfo
from nova.check.scope import Scope
from nova.diagnostics import Diagnostic, Span
from nova.syntax import Fixity
from nova.types.classes import ClassEnv, ClassInfo, InstanceInfo
from nova.types.types import (
    Scheme,
)


@dataclass(slots=True)
class GroupCache:
    """What a checked value binding group produced and what it depended on (for reuse by the next check)."""

    keys: tuple[str, ...]
    fingerprints: tuple[Any, ...]  # per declaration: (fingerprint, layout shape), or "" when unknown
    spans: tuple[Span, ...]
    reads: dict[Ref, Any]
    elements: dict[str, T.TypedElement]
    schemes: dict[str, Scheme]
    diagnostics: list[Diagnostic]


@dataclass(slots=True)
class Structure:
    """The declaration phase's results, reusable by the next check when the header key is unchanged."""

    key: Any
    scope: Scope
    envs: dict[str, ModuleEnv]
    classenv: ClassEnv
    own_aliases: dict[str, Ref]
    own_types: dict[str, TypeInfo]
    own_classes: dict[str, ClassInfo]
    own_instances: list[InstanceInfo]
    instance_decls: list[tuple[Any, InstanceInfo]]
    signatures: dict[str, tuple[Any, Scheme]]
    schemes: dict[str, Scheme]
    elements: dict[str, T.TypedElement]
    diagnostics: list[Diagnostic]
    import_diagnostics: list[Diagnostic]
    instance_digest: Any
    fixity_table: dict[str, Fixity]
    # signatures with wildcards `_`: (declaration, scheme, (scheme index, span, hole name) of each wildcard)
    partial_signatures: dict[str, tuple[Any, Scheme, tuple[tuple[int, Span, str | None], ...]]] = field(
        default_factory=dict
    )
    broken_signatures: dict[str, Any] = field(default_factory=dict)
    broken_instances: set[str] = field(default_factory=set)


@dataclass(slots=True)
class CheckedModule:
    """The result of checking one module: what `Layer.put` stores, plus diagnostics and incremental stats."""

    name: str
    exports: dict[str, Scheme]
    typed_ast: T.TypedModule
    env: ModuleEnv
    imports: tuple[str, ...]
    diagnostics: tuple[Diagnostic, ...]
    fixities: dict[str, Fixity]
    lint: tuple[Diagnostic, ...] = ()
    """PureScript's lint warnings (nova.check.lint), apart from `diagnostics`: what editors and `nova check`
    show, computed only for a module that checks without errors."""
    linted: bool = False
    """Whether the lint ran (not for a module with errors, nor when the check was asked to leave it out)."""
    reinferred: int = 0
    reused: int = 0
    cache: dict[tuple[str, ...], GroupCache] = field(default_factory=dict, repr=False, compare=False)
    header_span: Span | None = None
    structure: Structure | None = field(default=None, repr=False, compare=False)
    # every scheme of the module's own declarations (exported or not), for the next incremental check
    schemes: dict[str, Scheme] = field(default_factory=dict, repr=False, compare=False)
    # value name -> (fingerprint, own unsigned values it depends on, own signed values it uses), and the binding
    # groups in checking order
    value_deps: dict[str, tuple[str, list[str], list[str]]] = field(default_factory=dict, repr=False, compare=False)
    groups: list[list[str]] = field(default_factory=list, repr=False, compare=False)
