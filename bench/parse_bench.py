"""Parser throughput: lex + layout + parse of the syntax corpus concatenated to at least 20 000 lines.

Printed beside CPython's own `ast.parse` over a generated Python file of the same number of lines, measured in the
same run, so the ratio is meaningful on any machine. Goal: at least 30 000 lines/s for Nova.
"""

from __future__ import annotations

import ast
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nova.syntax import parse_module  # noqa: E402

MIN_LINES = 20_000
ROUNDS = 5


def nova_source(min_lines: int) -> str:
    """One big module: the corpus files' bodies (headers and imports dropped), renamed to keep names unique."""
    bodies: list[str] = []
    for path in sorted((ROOT / "tests" / "corpus" / "syntax").glob("*.nova")):
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        start = 0
        for index, line in enumerate(lines):
            if line.startswith("import ") or re.match(r"^\s*\) where", line) or re.match(r"^module .* where$", line):
                start = index + 1
        bodies.append("\n".join(lines[start:]))
    corpus = "\n".join(bodies)
    out = ["module Bench.Big where", ""]
    copy = 0
    while len(out) < min_lines:
        out.extend(corpus.split("\n"))
        copy += 1
    return "\n".join(out) + "\n"


def python_source(lines: int) -> str:
    """Ordinary Python of the same line count: small functions with branches, loops and literals."""
    block = [
        "def function_{n}(items, limit=10):",
        '    """Sum the items below a limit."""',
        "    total = 0",
        "    for index, item in enumerate(items):",
        "        if item > limit and index % 2 == 0:",
        "            total += item * 2",
        "        elif item < 0:",
        "            total -= abs(item)",
        "        else:",
        '            total += {"a": 1, "b": [1, 2, 3]}.get("a", 0)',
        "    return [x for x in range(total) if x % 3 == 0]",
        "",
    ]
    out: list[str] = []
    n = 0
    while len(out) < lines:
        out.extend(line.replace("{n}", str(n)) for line in block)
        n += 1
    return "\n".join(out[:lines]) + "\n"


def best_times(fn: Callable[[], object], rounds: int) -> tuple[float, float]:
    """Best wall-clock and best CPU time over several rounds (CPU time is steadier on a busy machine)."""
    best_wall = best_cpu = float("inf")
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best_wall, best_cpu


def main() -> int:
    nova = nova_source(MIN_LINES)
    nova_lines = nova.count("\n")
    parsed = parse_module(nova)
    errors = [d for d in parsed.diagnostics if d.severity == 1]
    if errors:
        print(f"benchmark input has {len(errors)} syntax errors, first: {errors[0].message} at {errors[0].span}")
        return 1
    python = python_source(nova_lines)
    nova_wall, nova_cpu = best_times(lambda: parse_module(nova), ROUNDS)
    python_wall, python_cpu = best_times(lambda: ast.parse(python), ROUNDS)
    print(f"lines: {nova_lines} ({len(parsed.module.decls)} Nova declarations), best of {ROUNDS} rounds")
    print(f"{'':18} {'wall ms':>9} {'wall lines/s':>13} {'cpu ms':>9} {'cpu lines/s':>13}")
    for label, wall, cpu in (("nova parse", nova_wall, nova_cpu), ("python ast.parse", python_wall, python_cpu)):
        print(f"{label:18} {wall * 1000:9.1f} {nova_lines / wall:13,.0f} {cpu * 1000:9.1f} {nova_lines / cpu:13,.0f}")
    print(f"ratio nova/python (wall): {python_wall / nova_wall:.3f}   (cpu): {python_cpu / nova_cpu:.3f}")
    rate = nova_lines / nova_cpu
    print(f"goal 30,000 lines/s (cpu): {'met' if rate >= 30_000 else 'NOT met'} ({rate:,.0f} lines/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
