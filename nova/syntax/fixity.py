"""Operator fixity: the table type, the module's own fixities, and re-association of flat operator chains."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from nova.diagnostics import Diagnostic
from nova.syntax import ast


@dataclass(frozen=True, slots=True)
class Fixity:
    """How an operator associates and binds; `target` is the aliased function or constructor as written."""

    assoc: str  # "infixl" | "infixr" | "infix"
    precedence: int
    target: str


DEFAULT_FIXITY = Fixity("infixl", 9, "")


def module_fixities(module: ast.Module) -> dict[str, Fixity]:
    """Fixities declared by the module itself, keyed by operator (type operators under `type:op`)."""
    table: dict[str, Fixity] = {}
    for decl in module.decls:
        if isinstance(decl, ast.FixityDecl):
            key = f"type:{decl.operator}" if decl.is_type else decl.operator
            table[key] = Fixity(decl.assoc, decl.precedence, decl.target.full)
    return table


def resolve_fixity(module: ast.Module, fixities: Mapping[str, Fixity]) -> tuple[ast.Module, tuple[Diagnostic, ...]]:
    """Rewrite every operator chain into nested binary nodes (not implemented yet: returns the module unchanged)."""
    return module, ()
