"""IDE functions in process on a generated workspace: a library module used by N importers. Prints the median and
p99 of hover, rename (every importer edited), references, code actions and call hierarchy, and each one's ratio to
hover's p99 measured in the same run.

    python bench/ide_bench.py [--modules 100] [--runs 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nova.diagnostics import Span
from nova.ide import call_hierarchy, code_actions, hover, navigation, rename
from nova.ide.memory import MemoryWorkspace

LIB = "module Lib where\n\nimport Prelude\n\nscale :: Int -> Int\nscale x = x * 3\n"


def user(i: int) -> str:
    body = "".join(f"v{i}_{k} :: Int\nv{i}_{k} = scale {k} + {k}\n\n" for k in range(20))
    return f"module User{i} where\n\nimport Prelude\nimport Lib (scale)\n\n{body}"


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - began) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.99))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--modules", type=int, default=100)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    began = time.perf_counter()
    workspace = MemoryWorkspace([LIB, *(user(i) for i in range(args.modules))])
    print(f"checked {args.modules + 1} modules in {time.perf_counter() - began:.1f} s")
    src = workspace.source("User0")
    assert src is not None
    line = next(n for n, text in enumerate(src.lines) if "= scale" in text)
    col = src.line(line).index("scale") + 1
    cases: dict[str, Callable[[], object]] = {
        "hover": lambda: hover.hover(workspace, src, line, col),
        "rename (all importers)": lambda: rename.rename(workspace, src, line, col, "triple"),
        "references": lambda: navigation.references(workspace, src, line, col),
        "code actions at cursor": lambda: code_actions.code_actions(workspace, src, Span(line, col, line, col)),
        "incoming calls": lambda: call_hierarchy.incoming(workspace, call_hierarchy.prepare(
            workspace, src, line, col)[0]),
    }
    results = {name: timed(fn, args.runs) for name, fn in cases.items()}
    base = results["hover"][1]
    print(f"{'request':<26}{'median ms':>10}{'p99 ms':>10}{'p99 / hover p99':>18}")
    for name, (median, p99) in results.items():
        print(f"{name:<26}{median:>10.2f}{p99:>10.2f}{p99 / base:>18.1f}")


if __name__ == "__main__":
    main()
