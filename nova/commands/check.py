"""`nova check PATH… [--json]`: type-check files or folders.

Text mode prints `file:line:col: error[Code]: message` (1-based line and column) and exits 1 when there is an
error. `--json` prints every module with every top-level declaration (its printed type) and every diagnostic,
with LSP-style 0-based ranges.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from nova.commands.options import add_cache_arguments, count, root_is_cached, stdlib_root
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
    parser.add_argument("-j", "--jobs", type=count(1, 256), default=None, metavar="N",
                        help="check independent modules on N processes (default: the number of cores; "
                        "a small folder is checked in this process)")
    add_cache_arguments(parser)


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


def _plain(value: Any) -> Any:
    """A diagnostic's `data` as JSON (its spans as ranges, like the diagnostic's own)."""
    if isinstance(value, Span):
        return _range(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _diagnostic(d: Diagnostic) -> dict[str, Any]:
    out = {
        "severity": SEVERITY_NAMES.get(d.severity, "error"),
        "code": d.code,
        "message": d.message,
        "range": _range(d.span),
    }
    if d.data is not None:  # what a quick fix needs (the suggested import, the missing signature and its place)
        out["data"] = _plain(dict(d.data))
    return out


def run(args: argparse.Namespace) -> int:
    from nova.project import select

    missing = [raw for raw in args.paths if not Path(raw).exists() and not Path(raw).is_symlink()]
    for raw in missing:
        print(f"nova check: {raw}: no such file or directory", file=sys.stderr)
    selections = select(Path(raw) for raw in args.paths if raw not in missing)
    if not selections:
        return 2
    from nova.parallel import MIN_MODULES, WorkerPool, default_jobs

    jobs = args.jobs if args.jobs is not None else default_jobs()
    pools: list[WorkerPool | None] = []
    building = not root_is_cached(args)
    for selection in selections:
        # Started first when the stdlib must be built (seconds): the workers import the checker meanwhile. With
        # the root restored from the cache, a pool is started only for a folder whose plan is worth it.
        large = building and jobs > 1 and len(selection.project.own_files) >= MIN_MODULES
        pools.append(WorkerPool(jobs) if large else None)
    try:
        return _check(args, missing, selections, pools, jobs)
    finally:
        for pool in pools:
            if pool is not None:
                pool.close()


def _check(args: argparse.Namespace, missing: list[str], selections: Any, pools: list[Any], jobs: int) -> int:
    from nova.check import contained_faults

    with contained_faults():  # (a fault on one module is its diagnostic: every other file is checked and reported)
        return _check_all(args, missing, selections, pools, jobs)


def _check_all(args: argparse.Namespace, missing: list[str], selections: Any, pools: list[Any], jobs: int) -> int:
    from nova.workspace import check_project

    root, cached = stdlib_root(args)
    root_file = (cached.path, cached.key) if cached is not None and cached.path is not None else None
    if root_file is not None:
        for pool in pools:  # the workers restore the cached snapshot instead of one dumped for them
            if pool is not None:
                pool.open(*root_file)
    has_error = bool(missing)
    modules_out: list[dict[str, Any]] = []
    read_any = False
    for selection, pool in zip(selections, pools, strict=True):
        project = selection.project
        result = check_project(project, root, jobs=jobs, pool=pool, root_file=root_file)
        for unreadable, problem in result.unreadable:
            if selection.reported is None or unreadable in selection.reported:
                print(f"nova check: {unreadable}: cannot read: {problem}", file=sys.stderr)
                has_error = True
        for manifest_problem in project.problems:
            diagnostic = manifest_problem.diagnostic()
            has_error = has_error or diagnostic.severity == Severity.ERROR
            if args.json:
                modules_out.append({"module": None, "path": str(manifest_problem.path), "declarations": [],
                                    "diagnostics": [_diagnostic(diagnostic)]})
            else:
                print(_line(str(manifest_problem.path), diagnostic))
        by_path_module = {path: module for module, path in result.paths.items()}
        for ref in project.own_files:
            path = str(ref.path)
            if path not in result.sources or (selection.reported is not None and ref.path not in selection.reported):
                continue
            read_any = True
            diags = result.diagnostics_by_path.get(path, [])
            module_checked = result.modules.get(by_path_module.get(path, ""))
            if module_checked is not None and module_checked.lint:  # PureScript's lint warnings
                diags = sorted([*diags, *module_checked.lint], key=lambda d: (d.span.start_line, d.span.start_col))
            has_error = has_error or any(d.severity == Severity.ERROR for d in diags)
            if not args.json:
                for d in diags:
                    print(_line(path, d))
                continue
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
        result.layer.discard()
    if args.json:
        json.dump({"modules": modules_out}, sys.stdout, indent=2)
        sys.stdout.write("\n")
    if not read_any and has_error and not modules_out:
        return 2
    return 1 if has_error else 0


def _line(path: str, d: Diagnostic) -> str:
    sev = SEVERITY_NAMES.get(d.severity, "error")
    return f"{path}:{d.span.start_line + 1}:{d.span.start_col + 1}: {sev}[{d.code}]: {d.message}"
