"""`nova format [--check] PATH…` / `nova format --stdin`: format Nova files (or folders' `.nova` files) in place.

Each file is rewritten only when formatting changes it; a file with syntax errors, an encoding error or that
cannot be read is left alone and reported. `--check` writes nothing: it lists the files that would change and
exits 1 when there are any (for CI). `--stdin` formats standard input to standard output (exit 1, nothing printed,
when it has syntax errors), for editors that run a formatter command. Line ends (LF or CRLF) and a byte order mark
are kept as they were.
Exit status 1 when a file could not be formatted (or, with `--check`, would change); 0 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nova.commands.parse import FileResult, collect_sources
from nova.format import format_source
from nova.format.format import MAX_CHARS
from nova.sources import BOM, SourceError, decode_source, read_bytes


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="a .nova file or a folder searched recursively")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; list the files that would change and exit 1 if there are any")
    parser.add_argument("--stdin", action="store_true",
                        help="format the text on standard input and print it (for editors running a formatter)")


def _format_file(path: Path, check: bool) -> tuple[str, str | None]:
    """(outcome, problem): outcome is "changed", "unchanged" or "failed"."""
    try:
        data = read_bytes(path)
    except SourceError as err:
        return "failed", f"cannot read file: {err}"
    source = decode_source(data)
    if source.diagnostics:
        return "failed", source.diagnostics[0].message
    raw = data.decode("utf-8")
    crlf = "\r\n" in raw
    text = source.text.replace("\r\n", "\n") if crlf else source.text
    if len(text) > MAX_CHARS:
        return "failed", f"not formatted: longer than {MAX_CHARS:,} characters"
    result = format_source(text)
    if result is None:
        return "failed", "not formatted: the file has syntax errors (`nova parse` lists them)"
    formatted = result.text.replace("\n", "\r\n") if crlf else result.text
    if raw.startswith(BOM):
        formatted = BOM + formatted
    if formatted == raw:
        return "unchanged", None
    if not check:
        path.write_bytes(formatted.encode("utf-8", "surrogatepass"))
    return "changed", None


def _run_stdin() -> int:
    text = sys.stdin.read()
    crlf = "\r\n" in text
    result = format_source(text.replace("\r\n", "\n") if crlf else text)
    if result is None:
        problem = "longer than the limit" if len(text) > MAX_CHARS else "the text has syntax errors"
        print(f"<stdin>: error: not formatted: {problem}", file=sys.stderr)
        return 1
    sys.stdout.write(result.text.replace("\n", "\r\n") if crlf else result.text)
    return 0


def run(args: argparse.Namespace) -> int:
    if args.stdin:
        if args.paths or args.check:
            print("nova format: --stdin takes no PATH and no --check", file=sys.stderr)
            return 2
        return _run_stdin()
    if not args.paths:
        print("nova format: give at least one PATH (or --stdin)", file=sys.stderr)
        return 2
    out = sys.stdout
    changed = failed = total = 0
    for item in collect_sources(list(args.paths)):
        total += 1
        if isinstance(item, FileResult):
            failed += 1
            print(f"{item.path}: error: {item.diagnostics[0].message}", file=sys.stderr)
            continue
        outcome, problem = _format_file(item, bool(args.check))
        if outcome == "failed":
            failed += 1
            print(f"{item}: error: {problem}", file=sys.stderr)
        elif outcome == "changed":
            changed += 1
            out.write(f"{'would reformat' if args.check else 'formatted'} {item}\n")
    verb = "would be reformatted" if args.check else "reformatted"
    out.write(f"{total} files, {changed} {verb}, {failed} not formatted\n")
    return 1 if failed or (args.check and changed) else 0
