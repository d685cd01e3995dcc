"""Standard library root build: the current `nova/stdlib` against a baseline revision's, measured in one run.

The root layer is built by checking every stdlib module (what the first server start or `nova check` of a version
pays before the first workspace file). Prints, for both versions: source lines and modules, the median in-process
build time (checker already imported) and the median cold build time in a fresh interpreter (imports included),
and the ratios current/baseline; the current cold build against the baseline revision's own (its checker building
its stdlib: the figure as it was when the baseline was taken); then the median time a fresh interpreter takes to
restore the current root from the cache (`nova.root_cache`: what every later run waits for), against the
baseline's cold build. No asserts on time.

    python bench/stdlib_bench.py [BASELINE_REV] [--runs N]

BASELINE_REV defaults to the revision recorded below (the stdlib before it was split into PureScript's modules).
"""

from __future__ import annotations

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
    result = check_workspace(sources, Layer.new_root([]))
    elapsed = time.perf_counter() - start
    errors = [d for ds in result.diagnostics_by_path.values() for d in ds if d.severity.name == "ERROR"]
    assert not errors, errors[:3]
    result.layer.discard()
    return elapsed


def cold(folder: Path, code: Path = ROOT) -> float:
    """A fresh interpreter importing the checker (from `code`) and building the root from `folder`'s sources."""
    script = (
        "import sys, time\n"
        "start = time.perf_counter()\n"
        "from pathlib import Path\n"
        "from registry import Layer\n"
        "from nova.workspace import check_workspace\n"
        f"sources = {{str(p): p.read_text(encoding='utf-8') for p in sorted(Path({str(folder)!r}).glob('*.nova'))}}\n"
        "check_workspace(sources, Layer.new_root([]))\n"
        "print(time.perf_counter() - start)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=code, check=True, capture_output=True, text=True)
    return float(out.stdout.strip())


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
    script = (
        "import time\n"
        "start = time.perf_counter()\n"
        "from pathlib import Path\n"
        "from nova.root_cache import cached_root\n"
        f"assert cached_root(Path({str(cache)!r})).restored\n"
        "print(time.perf_counter() - start)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True, capture_output=True, text=True)
    return float(out.stdout.strip())


def main(argv: list[str]) -> None:
    rev = next((a for a in argv if not a.startswith("--") and not a.isdigit()), BASELINE)
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 5
    versions = {"baseline": sources_at(rev), "current": current_sources()}
    warm: dict[str, list[float]] = {name: [] for name in versions}
    cold_times: dict[str, list[float]] = {name: [] for name in versions}
    build(versions["current"])  # import the checker and warm caches once
    restored: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        from nova.root_cache import cached_root

        cached_root(Path(tmp) / "cache")
        folders = {}
        for name, sources in versions.items():
            folder = Path(tmp) / name
            folder.mkdir()
            for path, text in sources.items():
                (folder / Path(path).name).write_text(text, encoding="utf-8")
            folders[name] = folder
        as_filed = cold_as_of(rev, Path(tmp) / "as_filed")
        as_filed_times: list[float] = []
        for _ in range(runs):  # interleaved, so load on the machine affects both alike
            for name, sources in versions.items():
                warm[name].append(build(sources))
                cold_times[name].append(cold(folders[name]))
            restored.append(cached(Path(tmp) / "cache"))
            as_filed_times.append(cold(as_filed / "nova" / "stdlib", as_filed))
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
    ratio_filed = statistics.median(cold_times["current"]) / statistics.median(as_filed_times)
    print(f"as filed ({rev}'s own checker on its own stdlib, cold): {statistics.median(as_filed_times) * 1000:.0f} ms; "
          f"current cold build {ratio_filed:.2f}x that (goal <= 2x)")
    ratio_cached = statistics.median(restored) / statistics.median(cold_times["baseline"])
    print(f"current restored from the root cache (a fresh interpreter, imports included): "
          f"{statistics.median(restored) * 1000:.0f} ms, {ratio_cached:.2f}x the baseline's cold build")


if __name__ == "__main__":
    main(sys.argv[1:])
