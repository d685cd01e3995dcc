"""Standard library root build: the current `nova/stdlib` against a baseline revision's, measured in one run.

The root layer is built by checking every stdlib module (what the first server start or `nova check` of a version
pays before the first workspace file). Prints, for both versions: source lines and modules, the median in-process
build time on one process (checker already imported) and the median cold build time in a fresh interpreter
(imports included), and the ratios current/baseline. Then the root as a user waits for it on a version's first run:
a fresh interpreter building the current root and writing it to an empty cache (`nova.root_cache.cached_root`, as
`nova check` and the server's cold start do), on one process and on every core (`--jobs`, default all), wall
clock and CPU (the worker processes' included), against the baseline revision's own checker building its own
stdlib (the figure as it was when the baseline was taken); then a version's first run as the package ships it,
with its root checked at build time (`nova.root_cache.write_packaged`, run first when the package lacks a root
of the current sources): a fresh interpreter copying that root into an empty cache and restoring it, against the
same figure; then the median time a fresh interpreter takes to restore the current root from the cache (what
every later run waits for). The packages' bytecode is written
first, for the current code and the baseline's alike (an installed package has it; this machine may set
PYTHONDONTWRITEBYTECODE). Wall-clock figures need an idle machine: the load average is printed beside them. No
asserts on time.

    python bench/stdlib_bench.py [BASELINE_REV] [--runs N] [--jobs N]

BASELINE_REV defaults to the revision recorded below (the stdlib before it was split into PureScript's modules).
"""

from __future__ import annotations

import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BASELINE = "62adc79"
"""main just before the stdlib was rewritten module for module after PureScript's packages."""


def sources_at(rev: str) -> dict[str, str]:
    """path → text of every `nova/stdlib/*.nova` at a git revision."""
    listing = subprocess.run(
        ["git", "ls-tree", "--name-only", rev, "nova/stdlib/"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.split()
    return {
        path: subprocess.run(
            ["git", "show", f"{rev}:{path}"], cwd=ROOT, check=True, capture_output=True, text=True
        ).stdout
        for path in listing
        if path.endswith(".nova")
    }


def current_sources() -> dict[str, str]:
    return {
        str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in sorted((ROOT / "nova/stdlib").glob("*.nova"))
    }


def build(sources: dict[str, str]) -> float:
    from nova.workspace import check_workspace
    from registry import Layer

    start = time.perf_counter()
    result = check_workspace(sources, Layer.new_root([]), lint=False)
    elapsed = time.perf_counter() - start
    errors = [d for ds in result.diagnostics_by_path.values() for d in ds if d.severity.name == "ERROR"]
    assert not errors, errors[:3]
    result.layer.discard()
    return elapsed


def cold(folder: Path, code: Path = ROOT) -> float:
    """A fresh interpreter importing the checker (from `code`) and building the root from `folder`'s sources."""
    return fresh(
        "from registry import Layer\n"
        "from nova.workspace import check_workspace\n"
        f"sources = {{str(p): p.read_text(encoding='utf-8') for p in sorted(Path({str(folder)!r}).glob('*.nova'))}}\n"
        "check_workspace(sources, Layer.new_root([]), lint=False)\n",
        code,
    )[0]


def fresh(body: str, code: Path = ROOT) -> tuple[float, float]:
    """(wall, CPU) seconds of `body` run by a fresh interpreter from `code`, imports included; the CPU of the
    processes it starts (the root build's workers) included."""
    script = (
        "import resource, time, json\n"
        "start = time.perf_counter()\n"
        "from pathlib import Path\n"
        f"{body}"
        "wall = time.perf_counter() - start\n"
        "cpu = sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)\n"
        "          for f in ('ru_utime', 'ru_stime'))\n"
        "print(json.dumps([wall, cpu]))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=code, check=True, capture_output=True, text=True)
    wall, cpu = json.loads(out.stdout.strip().splitlines()[-1])
    return float(wall), float(cpu)


def first_run(cache: Path, jobs: int) -> tuple[float, float]:
    """A fresh interpreter getting the current root as a version's first `nova check` does without a packaged
    root: built (on `jobs` processes) and written to the empty cache folder `cache`, imports included."""
    return fresh(
        "from nova.root_cache import cached_root\n"
        f"assert cached_root(Path({str(cache)!r}), {jobs}, packaged=False).origin == 'build'\n"
        f"import shutil; shutil.rmtree({str(cache)!r})\n",
    )


def packaged_first_run(cache: Path) -> tuple[float, float]:
    """A fresh interpreter getting the current root as a version's first `nova check` does with the root the
    package ships: copied into the empty cache folder `cache` and restored from there, imports included."""
    return fresh(
        "from nova.root_cache import cached_root\n"
        f"assert cached_root(Path({str(cache)!r})).origin == 'package'\n"
        f"import shutil; shutil.rmtree({str(cache)!r})\n",
    )


def ensure_packaged_root() -> None:
    """Check the current stdlib into the package's root as the package's build does, unless it is there."""
    from nova.root_cache import packaged_path, write_packaged

    if not packaged_path().is_file():
        print(f"(writing the packaged root {write_packaged()}, as building the package does)")


def as_filed_cold(folder: Path) -> tuple[float, float]:
    """(wall, CPU) of the baseline revision's own checker (extracted in `folder`) building its own stdlib."""
    return fresh(
        "from registry import Layer\n"
        "from nova.workspace import check_workspace\n"
        "from nova.stdlib import stdlib_sources\n"
        "check_workspace(stdlib_sources(), Layer.new_root([]))\n",
        folder,
    )


def write_bytecode(folder: Path) -> None:
    for package in ("nova", "registry"):
        compileall.compile_dir(str(folder / package), quiet=1)


def cold_as_of(rev: str, folder: Path) -> Path:
    """`rev`'s own checker and standard library (`nova/`, `registry/`) extracted into `folder`, for `cold` to run:
    the build as it was when the baseline was taken, code included."""
    folder.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "archive", rev, "nova", "registry"], cwd=ROOT, check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


def cached(cache: Path) -> float:
    """A fresh interpreter getting the current stdlib's root as `nova check` and `nova eval` do after their first
    run: restored from the snapshot in `cache` (`nova.root_cache`, built there beforehand), imports included."""
    return fresh(
        "from nova.root_cache import cached_root\n"
        f"assert cached_root(Path({str(cache)!r})).restored\n",
    )[0]


def main(argv: list[str]) -> None:
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 5
    from nova.parallel import default_jobs

    jobs = int(argv[argv.index("--jobs") + 1]) if "--jobs" in argv else default_jobs()
    options = {argv[argv.index(flag) + 1] for flag in ("--runs", "--jobs") if flag in argv}
    rev = next((a for a in argv if not a.startswith("--") and a not in options), BASELINE)
    versions = {"baseline": sources_at(rev), "current": current_sources()}
    warm: dict[str, list[float]] = {name: [] for name in versions}
    cold_times: dict[str, list[float]] = {name: [] for name in versions}
    build(versions["current"])  # import the checker and warm caches once
    write_bytecode(ROOT)
    restored: list[float] = []
    first: dict[int, list[tuple[float, float]]] = {1: [], jobs: []}
    shipped: list[tuple[float, float]] = []
    ensure_packaged_root()
    loads: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        from nova.root_cache import cached_root

        cached_root(Path(tmp) / "cache", packaged=False)
        folders = {}
        for name, sources in versions.items():
            folder = Path(tmp) / name
            folder.mkdir()
            for path, text in sources.items():
                (folder / Path(path).name).write_text(text, encoding="utf-8")
            folders[name] = folder
        as_filed = cold_as_of(rev, Path(tmp) / "as_filed")
        write_bytecode(as_filed)
        as_filed_runs: list[tuple[float, float]] = []
        for _ in range(runs):  # interleaved, so load on the machine affects both alike
            loads.append(os.getloadavg()[0])
            for name, sources in versions.items():
                warm[name].append(build(sources))
                cold_times[name].append(cold(folders[name]))
            restored.append(cached(Path(tmp) / "cache"))
            as_filed_runs.append(as_filed_cold(as_filed))
            for n in first:
                first[n].append(first_run(Path(tmp) / "first", n))
            shipped.append(packaged_first_run(Path(tmp) / "shipped"))
    as_filed_times = [wall for wall, _cpu in as_filed_runs]
    for name, sources in versions.items():
        lines = sum(text.count("\n") for text in sources.values())
        print(
            f"{name:9} {len(sources):4} modules {lines:6} lines  "
            f"in-process {statistics.median(warm[name]) * 1000:6.0f} ms  "
            f"cold {statistics.median(cold_times[name]) * 1000:6.0f} ms"
        )
    ratio_warm = statistics.median(warm["current"]) / statistics.median(warm["baseline"])
    ratio_cold = statistics.median(cold_times["current"]) / statistics.median(cold_times["baseline"])
    print(f"ratio current/baseline ({rev}): in-process {ratio_warm:.2f}x, cold {ratio_cold:.2f}x")
    filed_wall = statistics.median(as_filed_times)
    filed_cpu = statistics.median(cpu for _wall, cpu in as_filed_runs)
    print(f"as filed ({rev}'s own checker on its own stdlib, cold): wall {filed_wall * 1000:.0f} ms, "
          f"CPU {filed_cpu * 1000:.0f} ms  (load average {min(loads):.1f}-{max(loads):.1f})")
    for n, measured in first.items():
        wall = statistics.median(w for w, _c in measured)
        cpu = statistics.median(c for _w, c in measured)
        print(f"current first run (build + cache write, cold), {n} process{'es' if n > 1 else ''}: "
              f"wall {wall * 1000:.0f} ms = {wall / filed_wall:.2f}x as filed, "
              f"CPU {cpu * 1000:.0f} ms = {cpu / filed_cpu:.2f}x  (goal <= 2x)")
    wall = statistics.median(w for w, _c in shipped)
    cpu = statistics.median(c for _w, c in shipped)
    print(f"current first run with the packaged root (copied to the empty cache and restored, cold): "
          f"wall {wall * 1000:.0f} ms = {wall / filed_wall:.2f}x as filed, "
          f"CPU {cpu * 1000:.0f} ms = {cpu / filed_cpu:.2f}x  (goal <= 2x)")
    ratio_cached = statistics.median(restored) / statistics.median(cold_times["baseline"])
    print(f"current restored from the root cache (a fresh interpreter, imports included): "
          f"{statistics.median(restored) * 1000:.0f} ms, {ratio_cached:.2f}x the baseline's cold build")


if __name__ == "__main__":
    main(sys.argv[1:])
