"""Checking a set of Nova sources (a workspace folder, or the standard library) into one batch layer.

Modules are checked in import order (dependencies first) so every import resolves through the batch being
filled; modules in an import cycle are still checked (in source order), each reporting the cycle.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nova.check.graph import strongly_connected
from nova.diagnostics import Diagnostic, Related, Severity, Span

if TYPE_CHECKING:  # the checker is imported when something is checked: finding sources needs none of it
    from nova.check import CheckedModule
    from nova.syntax.parser import ParsedModule

SKIP_DIRS = {".git", ".venv", "node_modules", "__pycache__", ".mypy_cache", ".ruff_cache", "build", "dist"}


def find_sources(folder: str | Path) -> list[Path]:
    """Every `.nova` file under `folder`, sorted, skipping VCS/tooling directories."""
    root = Path(folder)
    if root.is_file():
        return [root] if root.suffix == ".nova" else []
    out: list[Path] = []
    for path in root.rglob("*.nova"):
        if any(part in SKIP_DIRS for part in path.relative_to(root).parts[:-1]):
            continue
        if path.is_file():
            out.append(path)
    return sorted(out)


@dataclass(slots=True)
class WorkspaceResult:
    layer: Any
    modules: dict[str, CheckedModule] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)
    diagnostics_by_path: dict[str, list[Diagnostic]] = field(default_factory=dict)


def source_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def import_order(parsed: Mapping[str, ParsedModule]) -> list[str]:
    """Module names ordered so that each comes after the modules it imports (cycles kept together)."""
    names = list(parsed)
    deps = {n: [i.module for i in parsed[n].module.imports if i.module in parsed] for n in names}
    return [n for comp in strongly_connected(names, deps) for n in comp]


def check_workspace(sources: Mapping[str, str], parent: Any) -> WorkspaceResult:
    """Parse and check every source (path → text) into a new child batch of `parent`."""
    from nova.check import _enter_deep, _leave_deep

    _enter_deep()  # one pause of the cyclic GC for the whole build (see nova.check)
    try:
        return _check_workspace(sources, parent)
    finally:
        _leave_deep()


def _check_workspace(sources: Mapping[str, str], parent: Any) -> WorkspaceResult:
    from nova.check import check_module
    from nova.syntax import parse_module

    layer = parent.begin_batch()
    result = WorkspaceResult(layer)
    by_module: dict[str, ParsedModule] = {}
    hashes: dict[str, str] = {}
    for path, text in sources.items():
        parsed = parse_module(text)
        result.diagnostics_by_path[path] = []
        name = parsed.module.name or _fallback_name(path)
        if name in result.paths:
            other = result.paths[name]
            span = parsed.module.name_span or Span(0, 0, 0, 0)
            other_span = by_module[name].module.name_span or Span(0, 0, 0, 0)
            result.diagnostics_by_path[path].append(
                Diagnostic(
                    span,
                    Severity.ERROR,
                    "DuplicateModule",
                    f"Module `{name}` is also declared in {other}.",
                    (Related(other_span, "other declaration", name),),
                )
            )
            result.diagnostics_by_path[other].append(
                Diagnostic(
                    other_span,
                    Severity.ERROR,
                    "DuplicateModule",
                    f"Module `{name}` is also declared in {path}.",
                    (Related(span, "other declaration", name),),
                )
            )
            result.diagnostics_by_path[path].extend(parsed.diagnostics)
            continue
        result.paths[name] = path
        by_module[name] = parsed
        hashes[name] = source_hash(text)
    _announce_cycles(layer, by_module)
    for name in import_order(by_module):
        checked = check_module(by_module[name], layer)
        result.modules[name] = checked
        result.diagnostics_by_path[result.paths[name]].extend(checked.diagnostics)
        put_checked(layer, checked, hashes.get(name))
    return result


def put_checked(layer: Any, checked: CheckedModule, source_hash: str | None = None) -> Any:
    """Store a checked module in `layer` (skipped when its name is not a valid module name)."""
    try:
        return layer.put(
            checked.name,
            checked.exports,
            checked.typed_ast,
            checked.env,
            imports=checked.imports,
            source_hash=source_hash,
        )
    except Exception as exc:  # an invalid module name: the parser already reported the header
        if type(exc).__name__ == "RegistryError":
            return None
        raise


def _fallback_name(path: str) -> str:
    stem = Path(path).stem
    parts = [p for p in stem.split(".") if p[:1].isupper() and p.replace("_", "").isalnum()]
    return ".".join(parts) if parts else "Main"


def _announce_cycles(layer: Any, by_module: Mapping[str, ParsedModule]) -> None:
    """Put an empty interface for each module of an import cycle, so each sees the cycle (and reports it)."""
    from nova.check.env import ModuleEnv
    from nova.check.typed import TypedModule

    names = list(by_module)
    deps = {n: [i.module for i in by_module[n].module.imports if i.module in by_module] for n in names}
    for comp in strongly_connected(names, deps):
        if len(comp) < 2:
            continue
        for n in comp:
            imports = tuple(dict.fromkeys(deps[n]))
            try:
                layer.put(n, {}, TypedModule(n, {}), ModuleEnv(n, imports=imports), imports=imports)
            except Exception as exc:
                if type(exc).__name__ != "RegistryError":
                    raise
