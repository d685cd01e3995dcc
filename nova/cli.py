"""The `nova` command line: one sub-command per module in `nova.commands`.

Sub-commands live in their own modules so each part of the language (syntax, types, eval) owns its CLI;
a sub-command whose module is not there yet says so instead of failing with a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import os
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import NoReturn

from nova.commands.options import OneLineParser

COMMANDS: dict[str, str] = {
    "parse": "parse Nova files or folders and report syntax errors",
    "check": "type-check Nova files or folders and report diagnostics",
    "format": "format Nova files or folders in place (--check: only list what would change)",
    "eval": "evaluate an expression against a workspace",
    "dump": "check a workspace and write its registry snapshot (CBOR)",
    "init": "make a folder a Nova project (write its nova.toml)",
}


def _load(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"nova.commands.{name}")
    except ModuleNotFoundError as err:
        if err.name == f"nova.commands.{name}":
            return None
        raise


def build_parser(only: str | None = None) -> tuple[argparse.ArgumentParser, dict[str, ModuleType]]:
    """The parser of every sub-command; with `only`, the other sub-commands' modules are not imported (their
    summaries still show in `nova --help`): a run pays for importing what it runs, not the evaluator and the
    formatter along with the checker."""
    parser = OneLineParser(prog="nova", description="The Nova language tools.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    loaded: dict[str, ModuleType] = {}
    for name, summary in COMMANDS.items():
        if only is not None and name != only:
            sub.add_parser(name, help=summary, description=summary, add_help=False)
            continue
        module = _load(name)
        if module is None:
            sub.add_parser(name, help=f"{summary} (not available in this build yet)")
            continue
        command_parser = sub.add_parser(name, help=summary, description=summary)
        module.add_arguments(command_parser)
        loaded[name] = module
    return parser, loaded


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # Nova strings may hold lone UTF-16 surrogates (`"\\xD834"`): printed escaped instead of failing
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    arguments = list(sys.argv[1:] if argv is None else argv)
    chosen = next((a for a in arguments if not a.startswith("-")), None)
    parser, loaded = build_parser(chosen if chosen in COMMANDS else None)
    args = parser.parse_args(arguments)
    if args.command is None:
        parser.print_help()
        return 2
    module = loaded.get(args.command)
    if module is None:
        print(f"nova {args.command}: not available in this build yet", file=sys.stderr)
        return 2
    try:
        result: int = module.run(args)
    except Exception as error:  # a fault of the tools: one line and a status of its own, never a traceback
        what = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        print(f"nova {args.command}: internal error: {what}", file=sys.stderr)
        return 3
    return result


def script() -> NoReturn:
    """The `nova` command: `main`, then the process ends at once, without tearing the interpreter down.

    A command that checked a project still holds its registry, syntax and typed trees when it returns: millions of
    objects, which a normal exit frees one by one after a last cyclic collection over all of them. For 250k lines
    that took as long as the check itself, for memory the operating system takes back at once. Only what is
    printed is still to be done: the streams are flushed first (a closed pipe is the reader's choice, not an
    error of the command)."""
    status = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)


if __name__ == "__main__":
    script()
