"""PureScript's lint warnings for one checked module: unused and duplicate imports, open imports PureScript asks to
make explicit, unused and shadowed names and type variables, unused declarations, missing type and kind
signatures.

Run after a module checks without errors (with errors, what the code uses is not known, and PureScript reports
none either). Costs one walk of the module's syntax tree (each declaration's part cached, nova.check.lint_names)
plus a look-up per name read, and the printing of each missing signature from what the checker inferred.

The warnings are kept apart from the checker's diagnostics (`CheckedModule.lint`): they are style, not meaning,
and the language's own results (and the tests of them) stay what the checker decides; editors, `nova check` and
the quick fixes read both.
"""

from __future__ import annotations

from typing import Any

from nova.check.lint_imports import duplicate_refs, lint_imports
from nova.check.lint_names import lint_names, unused_declarations
from nova.check.lint_signatures import lint_signatures
from nova.diagnostics import Diagnostic
from nova.syntax import ast

LINT_CODES = frozenset({
    "UnusedImport", "UnusedExplicitImport", "UnusedDctorImport", "UnusedDctorExplicitImport", "DuplicateImport",
    "DuplicateSelectiveImport", "DuplicateImportRef", "DuplicateExportRef", "RedundantUnqualifiedImport",
    "ImplicitImport", "HidingImport", "ImplicitQualifiedImport", "ImplicitQualifiedImportReExport", "UnusedName",
    "UnusedDeclaration", "UnusedTypeVar", "ShadowedName", "ShadowedTypeVar", "MissingTypeDeclaration",
    "MissingKindDeclaration",
})


def lint_module(name: str, mod: ast.Module, view: Any, declared: Any = None) -> tuple[Diagnostic, ...]:
    """`declared`: the checker's results for the module (its values' schemes, its types' and classes' kinds, its
    import scope), for the missing signature warnings; without it they are not given."""
    from nova.check.scope import env_of

    facts = lint_names(mod)
    out = facts.diagnostics
    out.extend(unused_declarations(mod, facts))
    out.extend(lint_imports(name, mod, facts, lambda module: env_of(view, module)))
    duplicate_refs(mod.exports or (), "Export", {}, out)
    if declared is not None:
        out.extend(lint_signatures(mod, declared, view))
    return tuple(sorted(out, key=lambda d: (d.span.start_line, d.span.start_col)))
