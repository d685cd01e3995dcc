"""Checker benchmark: cold throughput over a generated workspace, stdlib root build time, incremental re-check.

Prints figures (no asserts on time): lines/s for a cold check of a ≥ 50k-line workspace (goal ≥ 20k lines/s),
beside CPython's `ast.parse` on as many lines of Python (C code: the ratio says how far a pure-Python front end is),
the stdlib root build time, and the time to re-check a 2k-line module after editing one function body with
`previous` versus checking it from scratch (goal: ≤ 1/20).

`--baseline DIR` compares against another checkout (say `/work/main`): the same measurements run alternately in
fresh processes on this tree and on DIR's code, `--rounds` times each, and the best figures of each are printed
with their ratio (this tree's throughput over the baseline's), so both sides see the same machine load.
`--pure` compares this tree's compiled checker (the mypyc build `setup.py` makes, `nova.compiled`) with its
pure-Python sources (`NOVA_PURE_PYTHON=1`) the same way.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

# the code measured: this checkout's, or (internal `--tree DIR`, used by `--baseline`) another checkout's
sys.path.insert(0, sys.argv[sys.argv.index("--tree") + 1] if "--tree" in sys.argv else str(Path(__file__).parents[1]))

import nova
from nova.check import check_module
from nova.stdlib import load_root
from nova.syntax import parse_module
from nova.workspace import check_workspace

UNIT = """
-- | Records of kind {i}.
type Item{i} = {{ name :: String, count :: Int, price :: Number }}

data Shape{i} = Circle{i} Number | Rect{i} Number Number | Tri{i} Number Number Number

-- | The area of a shape.
area{i} :: Shape{i} -> Number
area{i} (Circle{i} r) = 3.14 * r * r
area{i} (Rect{i} w h) = w * h
area{i} (Tri{i} a b c) =
  let s = (a + b + c) / 2.0
  in s * (s - a)

total{i} :: Array Item{i} -> Number
total{i} items = foldl (\\acc it -> acc + it.price * toNumber it.count) 0.0 items

restock{i} n item = item {{ count = item.count + n }}

names{i} xs = map _.name xs

describe{i} :: Item{i} -> String
describe{i} it
  | it.count > 10 = it.name <> " (plenty)"
  | it.count > 0 = it.name <> " (" <> show it.count <> ")"
  | otherwise = it.name <> " (none)"

count{i} :: List Int -> Int
count{i} Nil = 0
count{i} (Cons x xs) = x + count{i} xs

lookupAll{i} k m = case lookup k m of
  Just v -> [v]
  Nothing -> []

pairs{i} xs ys = zipWith Tuple xs ys

step{i} :: Int -> Effect Unit
step{i} n = do
  log ("step " <> show n)
  let m = n * 2
  when (m > 4) (log "big")
  pure unit

sumWith{i} f = go 0
  where
    go acc Nil = acc
    go acc (Cons x xs) = go (acc + f x) xs
"""

HEADER = """module Gen.M{m} where

import Prelude
import Data.Maybe (Maybe(..), fromMaybe)
import Data.Tuple (Tuple(..))
import Data.List (List(..), (:))
import Data.Array (zipWith)
import Data.Foldable (foldl)
import Data.Int (toNumber)
import Data.Map (lookup)
import Effect (Effect)
import Effect.Console (log)
{imports}
"""


def module_source(m: int, units: int, deps: list[int]) -> str:
    imports = "\n".join(f"import Gen.M{d} as D{d}" for d in deps)
    body = "".join(UNIT.format(i=f"{m}_{u}") for u in range(units))
    uses = "".join(f"\nuse{m}_{d} = D{d}.area{d}_0 (D{d}.Circle{d}_0 1.0) + D{d}.total{d}_0 []\n" for d in deps)
    return HEADER.format(m=m, imports=imports) + body + uses


def workspace(modules: int, units: int) -> dict[str, str]:
    return {
        f"/bench/Gen/M{m}.nova": module_source(m, units, [d for d in (m - 1, m - 7) if d >= 0]) for m in range(modules)
    }


def measure() -> dict[str, Any]:
    """The figures of one run, in seconds of cpu (lines are counted for the throughputs)."""
    start = time.process_time()
    root = load_root()
    root_cpu = time.process_time() - start
    sources = workspace(modules=80, units=12)
    lines = sum(s.count("\n") + 1 for s in sources.values())
    cpu = time.process_time()
    check_workspace(sources, root)
    cold_cpu = time.process_time() - cpu
    # parsing alone, the best of three: one pass right after the check also pays for cyclic collections over the
    # checked workspace's objects (a checker that leaves the collector running meets them there), which would then
    # count as parsing and be taken off its checking
    parse_cpu = min(_timed(lambda: [parse_module(text) for text in sources.values()]) for _ in range(3))
    big = module_source(999, 40, [])
    view = root.begin_batch()
    first = check_module(parse_module(big), view)
    parsed = parse_module(big)
    edited = parse_module(big.replace('it.name <> " (plenty)"', 'it.name <> " (lots)"', 1))
    full = min(_timed(lambda: check_module(parsed, view)) for _ in range(5))
    incr = min(_timed(lambda: check_module(edited, view, first)) for _ in range(5))
    return {
        "mode": getattr(nova, "MODE", "pure"),  # (a baseline checkout may predate the compiled build)
        "lines": lines,
        "root": root_cpu,
        "cold": cold_cpu,
        "check": max(cold_cpu - parse_cpu, 1e-9),
        "full": full,
        "incremental": incr,
    }


def python_reference(lines: int) -> tuple[int, float]:
    """CPU seconds CPython's own `ast.parse` takes on at least `lines` lines of Python (its standard library's
    sources, in name order): the yardstick the throughput is reported against. Returns (lines, seconds)."""
    import ast

    texts: list[str] = []
    count = 0
    for path in sorted(Path(ast.__file__).parent.glob("*.py")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        texts.append(text)
        count += text.count("\n") + 1
        if count >= lines:
            break
    cpu = time.process_time()
    for text in texts:
        ast.parse(text)
    return count, time.process_time() - cpu


def _timed(fn: object) -> float:
    cpu = time.process_time()
    fn()  # type: ignore[operator]
    return time.process_time() - cpu


def compare(baseline: str, rounds: int, pure: bool = False) -> None:
    """Alternate fresh runs of this tree and the baseline (another checkout, or with `pure` this tree's Python
    sources); print the best of each and the ratios."""
    here = str(Path(__file__).resolve().parents[1])
    sides = {"this tree": (here, {}), baseline: (baseline, {})}
    if pure:
        sides = {"compiled": (here, {}), "pure Python": (here, {"NOVA_PURE_PYTHON": "1"})}
    runs: dict[str, list[dict[str, float]]] = {side: [] for side in sides}
    modes: dict[str, str] = {}
    for _ in range(rounds):
        for side, (tree, env) in sides.items():
            out = subprocess.run(
                [sys.executable, __file__, "--tree", tree, "--json"],
                check=True, capture_output=True, text=True, env={**os.environ, **env},
            ).stdout
            figures = json.loads(out.strip().splitlines()[-1])
            modes[side] = figures.pop("mode")
            runs[side].append(figures)
    best = {side: {k: min(r[k] for r in rs) for k in rs[0]} for side, rs in runs.items()}
    (first, mine), (second, base) = best.items()
    lines = mine["lines"]
    print(f"best of {rounds} alternating runs each; {first} ({modes[first]}) vs {second} ({modes[second]}) "
          f"(cpu s; ratio > 1: {first} is faster)")
    for key, what in (
        ("cold", "cold check (parse + check) of the workspace"),
        ("check", "type checking alone"),
        ("full", "2k-line module from scratch"),
        ("incremental", "2k-line module, one body edited, incremental"),
        ("root", "stdlib root build"),
    ):
        extra = f" ({lines / mine[key]:,.0f} vs {lines / base[key]:,.0f} lines/s)" if key in ("cold", "check") else ""
        print(f"  {what}: {mine[key]:.3f} s vs {base[key]:.3f} s, throughput ratio {base[key] / mine[key]:.3f}{extra}")


def main() -> None:
    args = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    args.add_argument("--baseline", help="another checkout whose checker to compare with (e.g. /work/main)")
    args.add_argument("--pure", action="store_true", help="compare the compiled checker with its Python sources")
    args.add_argument("--rounds", type=int, default=3, help="alternating runs per side with --baseline or --pure")
    args.add_argument("--tree", help=argparse.SUPPRESS)  # (internal) measure the code of this checkout
    args.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # (internal) figures as JSON
    options = args.parse_args()
    if options.json:
        print(json.dumps(measure()))
        return
    if options.baseline or options.pure:
        compare(str(Path(options.baseline or ".").resolve()), options.rounds, options.pure)
        return
    print(f"checker: {nova.MODE}" + (f" ({nova.compiled.REASON})" if nova.MODE == "pure" else " (mypyc)"))
    start = time.perf_counter()
    root = load_root()
    root_time = time.perf_counter() - start
    print(f"stdlib root build: {root_time * 1000:.0f} ms")

    sources = workspace(modules=80, units=12)
    lines = sum(s.count("\n") + 1 for s in sources.values())
    wall = time.perf_counter()
    cpu = time.process_time()
    result = check_workspace(sources, root)
    cold_wall = time.perf_counter() - wall
    cold_cpu = time.process_time() - cpu
    errors = sum(1 for ds in result.diagnostics_by_path.values() for d in ds if d.severity == 1)
    # parsing alone, the best of three: one pass right after the check also pays for cyclic collections over the
    # checked workspace's objects (a checker that leaves the collector running meets them there), which would then
    # count as parsing and be taken off its checking
    parse_cpu = min(_timed(lambda: [parse_module(text) for text in sources.values()]) for _ in range(3))
    print(
        f"cold check (parse + check): {lines} lines in {len(sources)} modules, {errors} errors: "
        f"wall {cold_wall:.2f} s, cpu {cold_cpu:.2f} s = {lines / cold_cpu:,.0f} lines/s of cpu (goal >= 20,000)"
    )
    check_cpu = max(cold_cpu - parse_cpu, 1e-9)
    print(
        f"  parsing alone {parse_cpu:.2f} s cpu ({lines / parse_cpu:,.0f} lines/s); "
        f"type checking alone {check_cpu:.2f} s cpu ({lines / check_cpu:,.0f} lines/s)"
    )
    py_lines, py_cpu = python_reference(lines)
    py_rate = py_lines / py_cpu
    print(
        f"  CPython's ast.parse on {py_lines} lines of its standard library: {py_rate:,.0f} lines/s of cpu; "
        f"Nova parse + check runs at {lines / cold_cpu / py_rate:.3f} of it, Nova parsing alone at "
        f"{lines / parse_cpu / py_rate:.3f}"
    )

    big = module_source(999, 40, [])
    big_lines = big.count("\n") + 1
    view = root.begin_batch()
    first = check_module(parse_module(big), view)
    runs = 7  # the minimum over runs: the figure least disturbed by other processes on the machine

    def best(fn: object) -> float:
        for _ in range(3):  # warm-up: caches and the allocator settle
            fn()  # type: ignore[operator]
        times = []
        for _ in range(runs):
            cpu = time.process_time()
            fn()  # type: ignore[operator]
            times.append(time.process_time() - cpu)
        return min(times)

    parsed = parse_module(big)
    full = best(lambda: check_module(parsed, view))
    edited = big.replace('it.name <> " (plenty)"', 'it.name <> " (lots)"', 1)
    parsed_edit = parse_module(edited)
    again = check_module(parsed_edit, view, first)
    incr = best(lambda: check_module(parsed_edit, view, first))
    parse = best(lambda: parse_module(edited))
    print(
        f"{big_lines}-line module, one function body edited (cpu, best of {runs}): "
        f"check from scratch {full * 1000:.1f} ms, "
        f"incremental check {incr * 1000:.1f} ms: ratio 1/{full / incr:.1f} (goal <= 1/20); "
        f"re-inferred {again.reinferred}, reused {again.reused}"
    )
    print(
        f"  with parsing ({parse * 1000:.1f} ms, done either way): scratch {(full + parse) * 1000:.1f} ms, "
        f"incremental {(incr + parse) * 1000:.1f} ms: ratio 1/{(full + parse) / (incr + parse):.1f}"
    )


if __name__ == "__main__":
    main()
