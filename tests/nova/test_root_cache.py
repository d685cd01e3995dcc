"""The checked standard library cached on disk for the command-line tools (`nova.root_cache`): built once, then
restored with the same interfaces; a damaged file is rebuilt; concurrent first runs leave one whole file."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from nova.root_cache import CACHE_PREFIX, KEPT_VERSIONS, cached_root, fingerprint

REPO = Path(__file__).resolve().parents[2]

LIB = """module Lib where

import Prelude
import Data.Map as M

total :: M.Map String Int -> Int
total m = sum (M.values m)
"""
MAIN = """module Main where

import Prelude
import Lib (total)
import Data.Map as M
import Data.Tuple (Tuple(..))

main :: Int
main = total (M.fromFoldable [ Tuple "a" 1 ])

bad :: String
bad = total M.empty
"""


def printed_interfaces(layer: Any) -> dict[str, tuple[dict[str, str], list[str]]]:
    """Module → (each export's printed scheme, the keys of its typed elements)."""
    from nova.types.pretty import print_scheme

    return {module: ({key: str(print_scheme(scheme)) for key, scheme in layer.get(module).exports.items()},
                     sorted(layer.elements(module)))
            for module in sorted(layer.modules())}


def test_built_once_then_restored_with_the_same_interfaces_and_a_damaged_file_is_rebuilt(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    built = cached_root(cache, packaged=False)  # the package's root aside (tests/nova/test_packaged_root.py)
    assert built.origin == "build" and built.path == cache / f"{CACHE_PREFIX}{fingerprint()}.cbor"
    assert built.path.is_file() and stat.S_IMODE(built.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700

    restored = cached_root(cache)
    assert restored.origin == "cache" and restored.path == built.path and restored.key == built.key
    assert printed_interfaces(restored.layer) == printed_interfaces(built.layer)
    assert {"Prelude", "Data.Map", "Data.Array"} <= set(restored.layer.modules())

    # Half written (a writer killed mid-way would leave only its temporary file; a disk may still lose a tail):
    # refused whole, removed, built again. Other versions beyond the few kept, and a dead writer's temporary
    # file, are cleaned up by that write.
    data = built.path.read_bytes()
    built.path.write_bytes(data[: len(data) // 2])
    old = time.time() - 7200
    others = [cache / f"{CACHE_PREFIX}old{i}.cbor" for i in range(KEPT_VERSIONS + 2)]
    for age, other in enumerate(others):
        other.write_bytes(b"another version")
        os.utime(other, (old - age, old - age))
    dead_writer = cache / f".{built.path.name}.x1y2.tmp"
    dead_writer.write_bytes(b"half")
    os.utime(dead_writer, (old, old))
    rebuilt = cached_root(cache, packaged=False)
    assert rebuilt.origin == "build" and rebuilt.path == built.path
    assert cached_root(cache).restored
    assert not dead_writer.exists()
    assert [o.exists() for o in others] == [True] * KEPT_VERSIONS + [False, False]


def test_a_cache_folder_that_cannot_be_used_means_a_build(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    result = cached_root(blocked / "cache", packaged=False)
    assert result.origin == "build" and result.path is None and result.key is None
    assert "Prelude" in result.layer.modules()


def check_json(project: Path, *options: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "nova.cli", "check", "--json", *options, str(project)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
                            env={**os.environ, "PYTHONPATH": str(REPO)})


def test_concurrent_first_runs_of_nova_check_write_one_whole_file_and_a_restored_run_reports_the_same(
        tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "Lib.nova").write_text(LIB, encoding="utf-8")
    (project / "Main.nova").write_text(MAIN, encoding="utf-8")
    cache = tmp_path / "cache"
    # both build (or copy the packaged root) and write at once
    first = [check_json(project, "--cache-dir", str(cache)) for _ in range(2)]
    outputs = [process.communicate(timeout=300) for process in first]
    assert [process.returncode for process in first] == [1, 1], outputs
    files = sorted(p.name for p in cache.iterdir())
    assert files == sorted(["snapshot.key", f"{CACHE_PREFIX}{fingerprint()}.cbor"])  # no temporary file left

    warm = check_json(project, "--cache-dir", str(cache))
    warm_out, warm_err = warm.communicate(timeout=300)
    assert warm.returncode == 1 and warm_err == ""
    report = json.loads(warm_out)
    assert [out for out, _err in outputs] == [warm_out, warm_out]
    main = next(m for m in report["modules"] if m["module"] == "Main")
    assert [d["code"] for d in main["diagnostics"]] == ["TypesDoNotUnify"]
    assert {d["name"]: d["type"] for d in main["declarations"]} == {"main": "Int", "bad": "String"}
