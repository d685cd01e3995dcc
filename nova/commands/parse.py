"""`nova parse PATH…`: parse Nova files (or every `.nova` file under folders) and report syntax errors.

Text output is compiler-style (`file:line:col: error: message`, 1-based) with a last line
`N files, M with syntax errors`; `--json` prints the same facts as one JSON object. Exit status 1 when any file
has a syntax error (warnings such as tab characters do not count).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from nova.diagnostics import Diagnostic, Severity, Span
from nova.sources import SourceError, read_source
from nova.syntax import parse_module
from nova.syntax.sexpr import to_sexpr

_SEVERITY_NAMES = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFORMATION: "info",
    Severity.HINT: "hint",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a .nova file or a folder searched recursively")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--sexpr", action="store_true", help="also print each file's syntax tree (debug form)")


@dataclass(frozen=True, slots=True)
class FileResult:
    path: str
    module: str | None
    diagnostics: tuple[Diagnostic, ...]
    tree: str | None = None

    @property
    def has_errors(self) -> bool:
        return any(d.severity == Severity.ERROR for d in self.diagnostics)


def collect_sources(paths: list[str]) -> list[Path | FileResult]:
    """Files to parse in argument order (folders expanded, sorted), and results for paths that do not exist."""
    found: list[Path | FileResult] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.nova") if p.is_file()))
        elif path.exists() or path.is_symlink():  # not only regular files: reading says what is wrong with others
            found.append(path)
        else:
            diag = Diagnostic(Span(0, 0, 0, 0), Severity.ERROR, "FileNotFound", "no such file or directory")
            found.append(FileResult(raw, None, (diag,)))
    return found


def parse_file(path: Path, with_tree: bool) -> FileResult:
    try:
        source = read_source(path)
    except SourceError as err:
        diag = Diagnostic(Span(0, 0, 0, 0), Severity.ERROR, "FileUnreadable", f"cannot read file: {err}")
        return FileResult(str(path), None, (diag,))
    text, extra = source.text, list(source.diagnostics)
    parsed = parse_module(text)
    tree = to_sexpr(parsed.module) if with_tree else None
    diagnostics = sorted(extra + list(parsed.diagnostics), key=lambda d: (d.span.start_line, d.span.start_col))
    return FileResult(str(path), parsed.module.name, tuple(diagnostics), tree)


def run(args: argparse.Namespace) -> int:
    results = [
        item if isinstance(item, FileResult) else parse_file(item, bool(args.sexpr))
        for item in collect_sources(list(args.paths))
    ]
    with_errors = sum(1 for r in results if r.has_errors)
    if args.json:
        payload = {
            "files": [
                {
                    "path": r.path,
                    "module": r.module,
                    "ok": not r.has_errors,
                    "diagnostics": [_diagnostic_json(d) for d in r.diagnostics],
                    **({"tree": r.tree} if r.tree is not None else {}),
                }
                for r in results
            ],
            "file_count": len(results),
            "files_with_errors": with_errors,
        }
        json.dump(payload, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        out = sys.stdout
        for r in results:
            for d in r.diagnostics:
                severity = _SEVERITY_NAMES.get(d.severity, "error")
                out.write(f"{r.path}:{d.span.start_line + 1}:{d.span.start_col + 1}: {severity}: {d.message}\n")
            if r.tree is not None:
                out.write(r.tree + "\n")
        out.write(f"{len(results)} files, {with_errors} with syntax errors\n")
    return 1 if with_errors else 0


def _diagnostic_json(d: Diagnostic) -> dict[str, object]:
    return {
        "line": d.span.start_line + 1,
        "col": d.span.start_col + 1,
        "end_line": d.span.end_line + 1,
        "end_col": d.span.end_col + 1,
        "severity": _SEVERITY_NAMES.get(d.severity, "error"),
        "code": d.code,
        "message": d.message,
    }
