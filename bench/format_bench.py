"""Formatter speed: `nova format` of a module of at least 2 000 lines, against parsing the same module.

The module is the standard library's bodies (headers and imports dropped) concatenated under one header. Formatting
lexes, lays out and parses it, prints it, and parses the printed text again to prove the tree unchanged, so about
2-3× a parse is expected; the ratio is printed beside the absolute times (best of ROUNDS), measured in the same run.
"""

from __future__ import annotations

import difflib
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nova.format import format_source  # noqa: E402
from nova.syntax import parse_module  # noqa: E402

MIN_LINES = 2_000
ROUNDS = 5


def big_module(min_lines: int) -> str:
    out = ["module Bench.Format where", ""]
    bodies: list[str] = []
    for path in sorted((ROOT / "nova" / "stdlib").glob("*.nova")):
        lines = path.read_text(encoding="utf-8").split("\n")
        start = 0
        for index, line in enumerate(lines):
            if line.startswith("import ") or re.match(r"^\s*\) where", line) or re.match(r"^module .* where$", line):
                start = index + 1
        bodies.append("\n".join(lines[start:]))
    for body in bodies:
        out.extend(body.split("\n"))
        if len(out) >= min_lines:
            break
    return "\n".join(out) + "\n"


def best(action: Callable[[], object]) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    source = big_module(MIN_LINES)
    lines = source.count("\n")
    parsed = parse_module(source)
    errors = [d for d in parsed.diagnostics if d.severity.name == "ERROR"]
    if errors:
        raise SystemExit(f"the benchmark module does not parse: {errors[0].message}")
    result = format_source(source)
    assert result is not None
    formatted = result.text
    parse_time = best(lambda: parse_module(source))
    format_time = best(lambda: format_source(source))
    fixed_point_time = best(lambda: format_source(formatted))
    matcher = difflib.SequenceMatcher(a=source.split("\n"), b=formatted.split("\n"), autojunk=False)
    changed = sum(i2 - i1 for tag, i1, i2, _, _ in matcher.get_opcodes() if tag != "equal")
    print(f"module: {lines} lines ({result.mode}; {changed} lines changed by formatting)")
    print(f"parse            {parse_time * 1000:8.1f} ms   1.00×")
    print(f"format           {format_time * 1000:8.1f} ms   {format_time / parse_time:.2f}× parse")
    print(f"format (tidy)    {fixed_point_time * 1000:8.1f} ms   {fixed_point_time / parse_time:.2f}× parse "
          "(already formatted: no second parse)")


if __name__ == "__main__":
    main()
