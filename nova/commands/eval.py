"""`nova eval [--workspace DIR] [--module M] "expression"`: print `value :: type` (and what the program logged).

Exit status: 0 on success, 1 when the expression has an error or the evaluation fails or runs out of fuel/time,
2 on bad usage (unknown module, unreadable workspace).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nova.eval.api import evaluate_expression
from nova.eval.errors import EvalError
from nova.eval.machine import DEFAULT_LIMITS, Limits


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("expression", help="the Nova expression to evaluate")
    parser.add_argument("--workspace", metavar="DIR", help="folder of .nova files to load (default: none)")
    parser.add_argument("--module", metavar="M", help="evaluate in the scope of module M (all its top-level names)")
    parser.add_argument(
        "--import",
        dest="imports",
        metavar="M",
        action="append",
        default=[],
        help="without --module: also import module M (repeatable; Prelude is always imported)",
    )
    parser.add_argument("--max-steps", type=int, default=DEFAULT_LIMITS.max_steps, help="step (fuel) limit")
    parser.add_argument("--timeout", type=float, default=DEFAULT_LIMITS.timeout, help="time limit in seconds (0: none)")
    parser.add_argument(
        "--max-depth", type=int, default=DEFAULT_LIMITS.max_depth, help="limit of nested (non-tail) calls"
    )


def run(args: argparse.Namespace) -> int:
    from nova.project import project_root
    from nova.stdlib import load_root, module_source_text
    from nova.workspace import WorkspaceResult, check_folder

    root = load_root()
    layer = root
    workspace: WorkspaceResult | None = None
    if args.workspace is not None:
        folder = Path(args.workspace)
        if not folder.is_dir():
            print(f"nova eval: {folder} is not a folder", file=sys.stderr)
            return 2
        workspace = check_folder(project_root(folder) or folder, root)  # the folder's project, as an editor opens it
        for path, problem in workspace.unreadable:
            print(f"nova eval: {path}: cannot read: {problem}", file=sys.stderr)
            return 2
        layer = workspace.layer
    module_source: str | None = None
    if args.module is not None:
        module_source = (workspace.text_of(args.module) if workspace is not None else None) or module_source_text(
            args.module
        )
        if module_source is None:
            print(f"nova eval: no module named {args.module}", file=sys.stderr)
            return 2
    imports = ("Prelude", *(m for m in args.imports if m != "Prelude")) if module_source is None else ()
    unknown = [m for m in imports if layer.get(m) is None]
    if unknown:
        print(f"nova eval: no module named {', '.join(unknown)}", file=sys.stderr)
        return 2
    limits = Limits(
        max_steps=max(args.max_steps, 1),
        timeout=args.timeout if args.timeout and args.timeout > 0 else None,
        max_depth=max(args.max_depth, 1),
    )
    try:
        evaluated = evaluate_expression(
            layer, args.expression, module_source=module_source, imports=imports, limits=limits
        )
    except EvalError as err:
        for line in err.output:
            print(line)
        print(f"nova eval: {err}", file=sys.stderr)
        return 1
    for line in evaluated.output:
        print(line)
    for line in evaluated.errors:  # what `warn` and `error` wrote
        print(line, file=sys.stderr)
    print(f"{evaluated.value} :: {evaluated.type}")
    return 0
