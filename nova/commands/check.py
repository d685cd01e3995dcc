"""`nova check PATH… [--json]`: type-check files or folders.

Text mode prints `file:line:col: error[Code]: message` (1-based line and column). Files are read as every Nova
tool reads them (`nova.sources`: regular files only, a UTF-8 BOM dropped, a lone CR ending a line, invalid UTF-8
reported as `InvalidEncoding`). Exit status: 0 without errors, 1 with an error (or a file that cannot be read),
2 when no given path can be read. `--json` prints every module with every top-level declaration (its printed type)
and every diagnostic, with LSP-style 0-based ranges.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from nova.diagnostics import Diagnostic, Severity, Span

SEVERITY_NAMES = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFORMATION: "info",
    Severity.HINT: "hint",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="Nova files or folders")
    parser.add_argument("--json", action="store_true", help="print declarations and diagnostics as JSON")


def _range(span: Span) -> dict[str, dict[str, int]]:
    return {
        "start": {"line": span.start_line, "character": span.start_col},
        "end": {"line": span.end_line, "character": span.end_col},
    }


def _declaration(el: Any) -> dict[str, Any]:
    from nova.types.pretty import print_kind_scheme, print_scheme

    type_text: str | None = None
    if el.scheme is not None and el.kind not in ("type", "synonym", "class", "instance"):
        type_text = print_scheme(el.scheme)
    elif el.kind_of is not None:
        type_text = print_kind_scheme(el.kind_of)
    elif el.kind == "instance" and el.scheme is not None:
        type_text = print_scheme(el.scheme)
    return {
        "name": el.name,
        "kind": el.kind,
        "type": type_text,
        "exported": bool(el.exported),
        "range": _range(el.span),
    }


def _diagnostic(d: Diagnostic) -> dict[str, Any]:
    return {
        "severity": SEVERITY_NAMES.get(d.severity, "error"),
        "code": d.code,
        "message": d.message,
        "range": _range(d.span),
    }


def collect_sources(paths: list[str]) -> tuple[dict[str, str], list[str], dict[str, tuple[Diagnostic, ...]]]:
    """path → text of every source (read as `nova parse` and the server read them), the problems of paths that
    cannot be read, and each file's own diagnostics (its encoding)."""
    from nova.sources import SourceError, read_source
    from nova.workspace import find_sources

    sources: dict[str, str] = {}
    problems: list[str] = []
    encodings: dict[str, tuple[Diagnostic, ...]] = {}
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            problems.append(f"{raw}: no such file or directory")
            continue
        files = find_sources(p) if p.is_dir() else [p]  # a named file is read whatever its suffix or kind
        for f in files:
            try:
                source = read_source(f)
            except SourceError as err:
                problems.append(f"{f}: cannot read: {err}")
                continue
            sources[str(f)] = source.text
            encodings[str(f)] = source.diagnostics
    return sources, problems, encodings


def run(args: argparse.Namespace) -> int:
    from nova.stdlib import load_root
    from nova.workspace import check_workspace

    sources, problems, encodings = collect_sources(list(args.paths))
    for p in problems:
        print(f"nova check: {p}", file=sys.stderr)
    if problems and not sources:
        return 2
    result = check_workspace(sources, load_root())
    for path, found in encodings.items():
        if found:
            merged = [*found, *result.diagnostics_by_path.get(path, [])]
            result.diagnostics_by_path[path] = sorted(merged, key=lambda d: (d.span.start_line, d.span.start_col))
    by_path_module = {path: module for module, path in result.paths.items()}
    has_error = bool(problems)  # an unreadable file is an error of the run
    if args.json:
        modules_out: list[dict[str, Any]] = []
        for path in sources:
            diags = result.diagnostics_by_path.get(path, [])
            has_error = has_error or any(d.severity == Severity.ERROR for d in diags)
            module = by_path_module.get(path)
            decls: list[dict[str, Any]] = []
            if module is not None:
                checked = result.modules[module]
                els = sorted(checked.typed_ast.elements.values(), key=lambda e: (e.span.start_line, e.span.start_col))
                decls = [_declaration(e) for e in els]
            modules_out.append(
                {
                    "module": module,
                    "path": path,
                    "declarations": decls,
                    "diagnostics": [_diagnostic(d) for d in diags],
                }
            )
        json.dump({"modules": modules_out}, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        for path in sources:
            for d in result.diagnostics_by_path.get(path, []):
                sev = SEVERITY_NAMES.get(d.severity, "error")
                has_error = has_error or d.severity == Severity.ERROR
                print(f"{path}:{d.span.start_line + 1}:{d.span.start_col + 1}: {sev}[{d.code}]: {d.message}")
    return 1 if has_error else 0
