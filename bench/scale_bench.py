"""Scale benchmark of nova-lsp: generated workspaces of 10k, 50k (and, with --large, 250k) lines.

The workspaces have the shape of the indexing benchmark: 500-line modules, each importing the previous one (a
chain: nothing can be checked before its import) — or, with `--shape wide`, modules in tiers of 8 where each
imports two modules of the tier before (what parallel checking can spread over cores). For each size it prints,
from one run:

- `nova check` of the folder on the wall clock with `--jobs 1` and `--jobs N` (N = the machine's cores),
  interleaved, best of `--rounds`, and their ratio (after one untimed run: the stdlib's root comes from the
  cache, `nova.root_cache`, as on any run but a version's first);
- the language server over stdio (`--server-jobs 1`: started with `--jobs 1`, so it indexes every module in its own
  process, the serial path a loaded machine takes too): which way the cold index went (on workers or in the
  server, and the idle samples that decided it, from the server's log), cold index (wall from `initialize` to the
  end of the indexing progress, and the server's own figure), warm index from the cache (and its ratio to cold),
  RSS after each and their ratio, RSS per 10k lines, keystroke → publishDiagnostics p50 (and max) in the last
  module of the chain, and the garbage collector's pauses meanwhile (`server.collector`);
- each server's start: spawn → `initialize` answered, and its CPU time from spawn to indexed (cold and warm);
- the server's import time (what a start imports before it answers `initialize`: entry point, transports, hub,
  every feature module), with the code cache every start but a version's first uses and without it, next to a
  bare interpreter's start (all measured in the same run, best of 5), before and after the packages' bytecode is
  written (as an installed package has it; the servers measured use it); and where the cached imports' time goes,
  by package (lsprotocol building its message classes, pygls, cattrs and attrs, asyncio, the project's packages,
  the rest of the standard library, other packages).

Usage: python bench/scale_bench.py [--sizes 10000,50000] [--large] [--shape chain|wide] [--jobs N] [--rounds 2]
       [--server-jobs N] [--no-bytecode]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lsp_bench import function_block, rss_of, server_side_indexing, start_timed, stop, track_published, wait_version

REPO = Path(__file__).resolve().parents[1]
MODULE_LINES = 500
TIER = 8


def module_text(number: int, imports: list[int]) -> str:
    """A module of about 500 lines: a header, its imports, and 4-line functions, some calling an import's."""
    header = f"module Scale{number} where\n\nimport Prelude\n" + "".join(
        f"import Scale{i} (s{i}_0)\n" for i in imports) + "\n"
    blocks: list[str] = []
    lines = header.count("\n")
    while lines < MODULE_LINES:
        index = len(blocks)
        calls = f"s{imports[index % len(imports)]}_0" if imports and index % 10 == 5 else None
        blocks.append(function_block(f"s{number}_{index}", index, calls))
        lines += 4
    return header + "".join(blocks)


def imports_of(number: int, shape: str) -> list[int]:
    if shape == "chain":
        return [number - 1] if number else []
    tier, place = divmod(number, TIER)
    if tier == 0:
        return []
    before = (tier - 1) * TIER
    return sorted({before + place, before + (place + 3) % TIER})


def generate(root: Path, total_lines: int, shape: str) -> tuple[int, int, Path]:
    """Write the workspace; returns its module count, line count and the last module's path."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "nova.toml").write_text('[package]\nname = "scale"\nsources = ["src/**/*.nova"]\n', encoding="utf-8")
    source = root / "src"
    source.mkdir(exist_ok=True)
    lines = number = 0
    last = source
    while lines < total_lines:
        text = module_text(number, imports_of(number, shape))
        last = source / f"Scale{number}.nova"
        last.write_text(text, encoding="utf-8")
        lines += text.count("\n")
        number += 1
    return number, lines, last


def best_wall(command: list[str], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        began = time.perf_counter()
        subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO)
        best = min(best, time.perf_counter() - began)
    return best


def check_walls(workspace: Path, jobs: int, rounds: int) -> tuple[float, float]:
    """`nova check` with one job and with `jobs`, interleaved round by round (the machine's load hits both)."""
    serial: list[float] = []
    parallel: list[float] = []
    base = [str(Path(sys.executable).with_name("nova")), "check", str(workspace)]
    best_wall([*base, "--jobs", "1"], 1)  # the first run of a version builds the stdlib's cache: not timed
    for _ in range(rounds):
        serial.append(best_wall([*base, "--jobs", "1"], 1))
        parallel.append(best_wall([*base, "--jobs", str(jobs)], 1))
    return min(serial), min(parallel)


SERVER_IMPORTS = """
import sys
from pathlib import Path
if len(sys.argv) > 1:
    from server import code_cache
    code_cache.install(Path(sys.argv[1]))
import server.__main__, server.daemon, server.hub
import importlib
from server.app import feature_modules
for name in feature_modules():
    importlib.import_module(name)
if len(sys.argv) > 1:
    code_cache.save_installed()
"""
"""What a server start imports before it answers `initialize`: its entry point, the transports, the hub and every
feature module (with the code cache of generated code the server installs, when a folder is given)."""


IMPORT_GROUPS = {"lsprotocol": "lsprotocol", "pygls": "pygls", "cattrs": "cattrs and attrs", "attr": "cattrs and attrs",
                 "attrs": "cattrs and attrs", "nova": "nova", "registry": "registry", "server": "server",
                 "asyncio": "asyncio"}
"""Top-level packages whose imports `import_breakdown` reports on their own; the rest is summed as the standard
library or as other packages."""


def import_times() -> tuple[float, float, float, dict[str, float]]:
    """Best wall of `python -c pass`, of the server start's imports as a first start makes them (no code cache),
    and as every later start does (the code cache filled by an untimed run first); and that last one's
    `import_breakdown`."""
    bare = best_wall([sys.executable, "-c", "pass"], 5)
    first = best_wall([sys.executable, "-c", SERVER_IMPORTS], 5)
    with tempfile.TemporaryDirectory(prefix="nova-imports-") as cache:
        best_wall([sys.executable, "-c", SERVER_IMPORTS, cache], 1)
        cached = best_wall([sys.executable, "-c", SERVER_IMPORTS, cache], 5)
        groups = import_breakdown(cache, 5)
    return bare, first, cached, groups


def import_breakdown(cache: str, rounds: int) -> dict[str, float]:
    """Seconds the server start's imports (with the code cache in `cache`) spend per package: each module's own
    time (`-X importtime`: its body, without the modules it imports; for lsprotocol's types, building its attrs
    classes), the best of `rounds` runs per module, summed by top-level package (`IMPORT_GROUPS`)."""
    best: dict[str, int] = {}
    for _ in range(rounds):
        done = subprocess.run([sys.executable, "-X", "importtime", "-c", SERVER_IMPORTS, cache], capture_output=True,
                              text=True, cwd=REPO, check=False)
        for line in done.stderr.splitlines():
            fields = line.removeprefix("import time:").split("|")
            if not line.startswith("import time:") or len(fields) != 3 or not fields[0].strip().isdigit():
                continue
            name = fields[2].strip()
            best[name] = min(best.get(name, int(fields[0])), int(fields[0]))
    groups: dict[str, float] = {}
    for name, micros in best.items():
        top = name.partition(".")[0]
        group = IMPORT_GROUPS.get(top) or ("standard library" if top in sys.stdlib_module_names
                                           or top.startswith("_") else "other packages")
        groups[group] = groups.get(group, 0.0) + micros / 1e6
    return groups


def print_import_times(label: str) -> None:
    bare, first, cached, groups = import_times()
    print(f"server import{label}: {cached:.3f} s with the code cache (imports {cached - bare:.3f} s), {first:.3f} s "
          f"without (a version's first start); bare interpreter start {bare:.3f} s", flush=True)
    print("  of which, by package (each module's own import time, best of 5): " + ", ".join(
        f"{group} {seconds * 1000:.0f} ms" for group, seconds in sorted(groups.items(), key=lambda kv: -kv[1])),
        flush=True)


def compile_bytecode() -> bool:
    """Write the bytecode of the repository's packages, as an installed package has it (pip compiles at install
    time). Without it, under PYTHONDONTWRITEBYTECODE (which some machines set), every server start compiles every
    module it imports again, and a warm start measures the compiler more than the server. False if it failed."""
    packages = [str(REPO / package) for package in ("nova", "server", "registry")]
    done = subprocess.run([sys.executable, "-m", "compileall", "-q", *packages], check=False, cwd=REPO,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return done.returncode == 0


async def keystrokes(client: Any, path: Path, edits: int) -> list[float]:
    """didChange → publishDiagnostics of body edits in `path` (opened first)."""
    published = track_published(client)
    text = path.read_text(encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(
        uri=uri, language_id="nova", version=1, text=text)))
    await wait_version(published, uri, 1)
    marker = text.index(" x = x * ")
    line = text.count("\n", 0, marker)
    column = marker - text.rindex("\n", 0, marker) - 1 + len(" x = x * ")
    latencies: list[float] = []
    for version in range(2, 2 + edits):
        began = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(types.Position(line, column), types.Position(line, column + 1)),
                text=str(version % 9 + 1))]))
        await wait_version(published, uri, version)
        latencies.append(time.perf_counter() - began)
    return latencies


async def collector(client: Any) -> dict[str, Any]:
    """The server's garbage-collector figures (`server.collector`, through nova.dumpState)."""
    state = await client.workspace_execute_command_async(types.ExecuteCommandParams(command="nova.dumpState"))
    return dict(state["collector"])


def index_path(log: Path) -> str:
    """Which way the server's cold index went, from its log (`server.hub`: the decision and the idle samples)."""
    try:
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return "unknown (no server log)"
    said = [line.split("server.hub: ", 1)[1] for line in lines
            if "server.hub: index on " in line or "server.hub: index: " in line]
    return "; then ".join(said) if said else "not logged"


def megabytes(rss: str) -> float:
    """`VmRSS` text ("123456 kB") in MB."""
    try:
        return int(rss.split()[0]) / 1024
    except (ValueError, IndexError):
        return float("nan")


async def one_size(tmp: Path, size: int, args: argparse.Namespace) -> dict[str, float]:
    workspace = tmp / f"ws{size}"
    modules, lines, last = generate(workspace, size, args.shape)
    server = f", servers started with --jobs {args.server_jobs}" if args.server_jobs else ""
    print(f"\n== {lines} lines, {modules} modules ({args.shape}{server}; load average {os.getloadavg()[0]:.1f})",
          flush=True)
    row: dict[str, float] = {"lines": lines, "modules": modules}
    if not args.no_cli:
        serial, parallel = check_walls(workspace, args.jobs, args.rounds)
        row.update(check1=serial, checkN=parallel)
        print(f"nova check: --jobs 1 {serial:.2f} s   --jobs {args.jobs} {parallel:.2f} s   "
              f"(ratio {parallel / serial:.2f}; {lines / serial:.0f} / {lines / parallel:.0f} lines/s)", flush=True)
    cache = tmp / f"cache{size}"
    options = ["--jobs", str(args.server_jobs)] if args.server_jobs else []
    log = tmp / f"server{size}.log"
    client, cold = await start_timed(cache, workspace, log=str(log), options=options)
    row["cold"], row["cold_server"] = cold.indexed, await server_side_indexing(client)
    row["cold_initialized"], row["cold_cpu"] = cold.initialized, cold.cpu
    row["rss_cold"] = megabytes(rss_of(client))
    began = time.perf_counter()
    while not [p for p in cache.glob("*.cbor") if not p.name.startswith(("root-", "stdlib-"))]:
        await asyncio.sleep(0.05)  # the cache is written once the index's values are compact
    row["settle"] = time.perf_counter() - began
    row["rss_settled"] = megabytes(rss_of(client))
    before = await collector(client)
    latencies = await keystrokes(client, last, args.edits)
    after = await collector(client)
    row["keystroke_p50"] = statistics.median(latencies)
    row["keystroke_max"] = max(latencies)
    gc_counts = [a - b for a, b in zip(after["collections"], before["collections"], strict=True)]
    gc_ms = [a - b for a, b in zip(after["totalMs"], before["totalMs"], strict=True)]
    await stop(client)
    client, warm = await start_timed(cache, workspace, options=options)
    row["warm"], row["warm_server"] = warm.indexed, await server_side_indexing(client)
    row["warm_initialized"], row["warm_cpu"] = warm.initialized, warm.cpu
    row["rss_warm"] = megabytes(rss_of(client))
    await stop(client)
    print(f"cold index: {index_path(log)}", flush=True)
    print(f"cold index {row['cold']:.2f} s (server {row['cold_server']:.2f} s)   warm {row['warm']:.2f} s "
          f"(server {row['warm_server']:.2f} s; warm/cold {row['warm'] / row['cold']:.3f}, goal ≤ 0.1)", flush=True)
    print(f"spawn → initialize answered: cold {row['cold_initialized']:.3f} s, warm {row['warm_initialized']:.3f} s; "
          f"server CPU from spawn to indexed: cold {row['cold_cpu']:.2f} s, warm {row['warm_cpu']:.2f} s (ratio "
          f"{row['warm_cpu'] / row['cold_cpu']:.3f}; a parallel cold index's workers not counted)", flush=True)
    print(f"RSS right after the cold index {row['rss_cold']:.0f} MB, once its values are compact and cached "
          f"{row['rss_settled']:.0f} MB ({row['settle']:.2f} s later)", flush=True)
    row["rss_cold"] = row["rss_settled"]
    print(f"RSS cold {row['rss_cold']:.0f} MB   warm {row['rss_warm']:.0f} MB   (cold/warm "
          f"{row['rss_cold'] / row['rss_warm']:.2f}, goal ≤ 1.5)   per 10k lines: cold "
          f"{row['rss_cold'] * 10_000 / lines:.1f} MB, warm {row['rss_warm'] * 10_000 / lines:.1f} MB", flush=True)
    print(f"keystroke → diagnostics p50 {row['keystroke_p50'] * 1000:.1f} ms (goal ≤ 15 ms), "
          f"max {row['keystroke_max'] * 1000:.1f} ms over {len(latencies)} edits", flush=True)
    print(f"collector during the edits: {gc_counts} collections (generations 0/1/2) taking "
          f"{', '.join(f'{ms:.1f}' for ms in gc_ms)} ms; longest pause of the server's life per generation "
          f"{after['longestMs']} ms; {after['frozen']} objects frozen", flush=True)
    return row


async def main(args: argparse.Namespace) -> None:
    # one workspace per size: a size named twice would measure its second "cold" index on the first one's cache
    sizes = list(dict.fromkeys([int(s) for s in args.sizes.split(",") if s] + ([250_000] if args.large else [])))
    print_import_times(" (PYTHONDONTWRITEBYTECODE is set: imports write no bytecode)" if sys.dont_write_bytecode
                       else "")
    if not args.no_bytecode and compile_bytecode():
        print_import_times(" with the packages' bytecode written (as installed; the servers below use it)")
    tmp = Path(tempfile.mkdtemp(prefix="nova-scale-"))
    rows: list[dict[str, float]] = []
    try:
        for size in sizes:
            rows.append(await one_size(tmp, size, args))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("\n| workspace | nova check -j1 | -jN | cold index | warm index | RSS cold | RSS warm | keystroke p50 |")
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        cli = (f"{row['check1']:.2f} s | {row['checkN']:.2f} s" if "check1" in row else "- | -")
        print(f"| {row['lines']:.0f} lines, {row['modules']:.0f} modules | {cli} | {row['cold']:.2f} s | "
              f"{row['warm']:.2f} s | {row['rss_cold']:.0f} MB | {row['rss_warm']:.0f} MB | "
              f"{row['keystroke_p50'] * 1000:.1f} ms |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,50000", help="comma-separated line counts")
    parser.add_argument("--large", action="store_true", help="also 250k lines (slow: minutes)")
    parser.add_argument("--shape", choices=["chain", "wide"], default="chain")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--server-jobs", type=int, default=0,
                        help="start the servers with --jobs N (1: the serial index; default: the server's choice)")
    parser.add_argument("--no-cli", action="store_true", help="skip the `nova check` timings")
    parser.add_argument("--no-bytecode", action="store_true",
                        help="do not write the packages' bytecode first (measure starts that compile every module)")
    asyncio.run(main(parser.parse_args()))
