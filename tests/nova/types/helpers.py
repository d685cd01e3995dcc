"""Checking small in-memory workspaces in tests."""

from __future__ import annotations

from functools import cache
from typing import Any

from nova.stdlib import build_root
from nova.types.pretty import print_scheme
from nova.workspace import WorkspaceResult, check_workspace


@cache
def _built() -> tuple[Any, dict[str, Any]]:
    return build_root(lint=True)  # the lint's own test reads the library's lint warnings from it


def root() -> Any:
    return _built()[0]


def stdlib_modules() -> dict[str, Any]:
    """The standard library's checked modules (built once with `root`)."""
    return _built()[1]


def check(**modules: str) -> WorkspaceResult:
    """Check sources given as `File_Name="…"` (the keyword only names the path)."""
    return check_workspace({f"/ws/{name}.nova": text for name, text in modules.items()}, root())


def types_of(result: WorkspaceResult, module: str) -> dict[str, str]:
    els = result.modules[module].typed_ast.elements
    return {k: print_scheme(e.scheme) for k, e in els.items() if e.scheme is not None and e.kind == "value"}


def diagnostics(result: WorkspaceResult) -> list[tuple[str, int, int, int, int, str]]:
    out = []
    for diags in result.diagnostics_by_path.values():
        for d in diags:
            s = d.span
            out.append((d.code, s.start_line, s.start_col, s.end_line, s.end_col, d.message))
    return out
