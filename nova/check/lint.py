"""PureScript's lint warnings for one checked module: unused and duplicate imports, open imports PureScript asks to
make explicit, unused and shadowed names and type variables, unused declarations.

Run after a module checks without errors (with errors, what the code uses is not known, and PureScript reports
none either). Costs one walk of the module's syntax tree plus a look-up per name read; nothing is cached.
"""

from __future__ import annotations

from typing import Any

from nova.check.lint_imports import lint_imports
from nova.check.lint_names import lint_names, unused_declarations
from nova.diagnostics import Diagnostic
from nova.syntax import ast

LINT_CODES = frozenset({
    "UnusedImport", "UnusedExplicitImport", "UnusedDctorImport", "UnusedDctorExplicitImport", "DuplicateImport",
    "DuplicateSelectiveImport", "DuplicateImportRef", "RedundantUnqualifiedImport", "ImplicitImport",
    "HidingImport", "ImplicitQualifiedImport", "ImplicitQualifiedImportReExport", "UnusedName",
    "UnusedDeclaration", "UnusedTypeVar", "ShadowedName", "ShadowedTypeVar",
})


def lint_module(name: str, mod: ast.Module, view: Any) -> list[Diagnostic]:
    from nova.check.scope import env_of

    facts = lint_names(mod)
    out = facts.diagnostics
    out.extend(unused_declarations(mod, facts))
    out.extend(lint_imports(name, mod, facts, lambda module: env_of(view, module)))
    return out
