"""`nova eval [--workspace DIR] [--module M] "expression"`: print `value :: type` (and what the program logged).

Exit status: 0 on success, 1 when the expression has an error or the evaluation fails or runs out of fuel, time,
depth or memory, 2 on bad usage (an option out of range, an unknown module, an unreadable workspace); every error
is one line on stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nova.commands.options import add_cache_arguments, count, seconds, stdlib_root
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
    parser.add_argument("--max-steps", type=count(1, 10**12), default=DEFAULT_LIMITS.max_steps,
                        help="step (fuel) limit (default: %(default)d)")
    parser.add_argument("--timeout", type=seconds(allow_zero=True), default=DEFAULT_LIMITS.timeout,
                        help="time limit in seconds, 0 for none (default: %(default)g)")
    parser.add_argument("--max-depth", type=count(1, MAX_DEPTH), default=DEFAULT_LIMITS.max_depth,
                        help=f"limit of nested (non-tail) calls, at most {MAX_DEPTH} (default: %(default)d)")
    parser.add_argument("--max-cells", type=count(1000, 10**10), default=DEFAULT_LIMITS.max_cells,
                        help="allocation budget in cells of about 40 bytes (default: %(default)d)")
    add_cache_arguments(parser)


MAX_DEPTH = 1_000_000
"""Deeper recursion would need more stack than an evaluation thread gets (see nova.eval.runner)."""


def run(args: argparse.Namespace) -> int:
    from nova.project import project_root
    from nova.stdlib import module_source_text
    from nova.workspace import WorkspaceResult, check_folder

    root, _cached = stdlib_root(args)
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
        max_steps=args.max_steps,
        timeout=args.timeout if args.timeout > 0 else None,
        max_depth=args.max_depth,
        max_cells=args.max_cells,
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
