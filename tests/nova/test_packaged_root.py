"""The standard library's root that ships inside the package (`nova.root_cache`, written by `setup.py`'s
`build_root`): a version's first run takes it without checking a module; a stale, damaged, foreign or
others-writable one is ignored and the root is built, with the same interfaces; a build that cannot check the
library still succeeds, and a package without the root works as before."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

import nova.root_cache
from nova.root_cache import CACHE_PREFIX, PACKAGED_MODE, adopt_packaged, cached_root, packaged_fingerprint
from registry.private_files import snapshot_key
from tests.nova.test_root_cache import printed_interfaces

REPO = Path(__file__).resolve().parents[2]
PURE = {**os.environ, "NOVA_PURE_PYTHON": "1"}  # a build without mypyc: seconds, not minutes

PROBE = """\
import json, sys
from pathlib import Path
import nova, nova.stdlib
from nova.root_cache import cached_root, fingerprint, packaged_path
cache = Path(sys.argv[1])
root = cached_root(cache)
print(json.dumps({
    "code": nova.__file__, "origin": root.origin, "checker": "nova.check.checker" in sys.modules,
    "built": nova.stdlib.last_build_seconds, "cache": sorted(p.name for p in cache.iterdir()),
    "expected": f"stdlib-{fingerprint()}.cbor", "packaged": str(packaged_path()), "modules": len(root.layer.modules()),
}))
"""


def probe(code_root: Path, cache: Path) -> dict[str, Any]:
    """What a fresh interpreter running the package in `code_root` gets from `cached_root(cache)`."""
    done = subprocess.run([sys.executable, "-c", PROBE, str(cache)], cwd=code_root, env=PURE, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    assert Path(result["code"]).is_relative_to(code_root)
    return result


@pytest.fixture(scope="module")
def built_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package as `setup.py build` lays it out (pure Python), the standard library checked into it."""
    base = tmp_path_factory.mktemp("package")
    done = subprocess.run([sys.executable, "setup.py", "-q", "build", "--build-base", str(base / "build"),
                           "--build-lib", str(base / "lib")], cwd=REPO, env=PURE, capture_output=True, text=True,
                          timeout=900)
    assert done.returncode == 0, done.stderr
    assert "could not check the standard library" not in done.stderr
    return base / "lib"


def shipped_file(package: Path) -> Path:
    [path] = (package / "nova" / "stdlib").glob("root-*.snapshot")
    return path


def test_the_build_ships_the_root_and_a_first_run_takes_it_without_checking_a_module(
        built_package: Path, tmp_path: Path) -> None:
    shipped = shipped_file(built_package)
    assert shipped.name == f"root-{packaged_fingerprint(built_package)}.snapshot"
    assert stat.S_IMODE(shipped.stat().st_mode) == PACKAGED_MODE
    cache = tmp_path / "cache"
    first = probe(built_package, cache)
    assert first["packaged"] == str(shipped)
    assert first["origin"] == "package" and first["built"] is None and not first["checker"]
    assert first["cache"] == ["snapshot.key", first["expected"]] and first["modules"] > 150
    later = probe(built_package, cache)  # copied into this user's cache: later runs restore the copy
    assert later["origin"] == "cache" and not later["checker"] and later["cache"] == first["cache"]
    assert shipped.is_file()


def test_a_root_built_for_other_sources_is_not_used_and_the_root_is_built(built_package: Path, tmp_path: Path) -> None:
    edited = tmp_path / "edited"
    shutil.copytree(built_package, edited)
    old = shipped_file(edited)
    with (edited / "nova" / "stdlib" / "Data.Unit.nova").open("a", encoding="utf-8") as source:
        source.write("\n-- edited after the build\n")
    result = probe(edited, tmp_path / "cache")
    assert result["packaged"] != str(old) and not Path(result["packaged"]).exists()
    assert result["origin"] == "build" and result["built"] is not None
    assert result["cache"] == ["snapshot.key", result["expected"]]


def test_the_fingerprint_follows_the_contents_of_sources_and_code_not_their_times(tmp_path: Path) -> None:
    files = {"nova/stdlib/Data.Unit.nova": "module Data.Unit where\n", "nova/check/checker.py": "x = 1\n",
             "registry/layer.py": "y = 2\n"}
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")

    def fingerprint() -> str:
        packaged_fingerprint.cache_clear()
        return packaged_fingerprint(tmp_path)

    first = fingerprint()
    for name in files:
        os.utime(tmp_path / name, (1, 1))  # an install from a wheel gives its files new times
    assert fingerprint() == first
    seen = {first}
    for name, text in files.items():
        (tmp_path / name).write_text(text + "-- changed\n", encoding="utf-8")
        seen.add(fingerprint())
    assert len(seen) == 1 + len(files)
    packaged_fingerprint.cache_clear()


@pytest.fixture
def packaged_copy(built_package: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped root that this process takes for its package's."""
    copy = tmp_path / "shipped" / "root.snapshot"
    copy.parent.mkdir()
    shutil.copy2(shipped_file(built_package), copy)
    monkeypatch.setattr(nova.root_cache, "packaged_path", lambda: copy)
    return copy


def test_the_packaged_root_has_the_interfaces_of_a_built_one_and_a_damaged_one_means_a_build(
        packaged_copy: Path, tmp_path: Path) -> None:
    from nova.ide.memory import shared_root

    built = printed_interfaces(shared_root())
    taken = cached_root(tmp_path / "cache")
    assert taken.origin == "package" and taken.path is not None and taken.path.is_file()
    assert printed_interfaces(taken.layer) == built

    data = packaged_copy.read_bytes()
    packaged_copy.write_bytes(data[: len(data) // 2])
    rebuilt = cached_root(tmp_path / "other-cache")
    assert rebuilt.origin == "build" and printed_interfaces(rebuilt.layer) == built
    assert packaged_copy.read_bytes() == data[: len(data) // 2]  # the package's file is left alone


def test_without_a_usable_cache_folder_the_packaged_root_is_read_where_it_lies(
        packaged_copy: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    result = cached_root(blocked / "cache")
    assert result.origin == "package" and result.path is None and "Prelude" in result.layer.modules()


def damage(path: Path, how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if how == "garbage":
        path.write_bytes(os.urandom(4096))
    elif how == "bit flip":
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0x01
        path.write_bytes(bytes(data))
    elif how == "writable by others":
        path.chmod(PACKAGED_MODE | stat.S_IWOTH)
    elif how == "writable by the group":
        path.chmod(PACKAGED_MODE | stat.S_IWGRP)
    elif how == "foreign owner":  # neither this user, nor the superuser, nor the code's owner
        monkeypatch.setattr(nova.root_cache, "packaged_owners", lambda: frozenset({path.stat().st_uid + 1}))
    else:
        path.unlink()
        path.symlink_to("/dev/zero")


@pytest.mark.parametrize("how", ["garbage", "bit flip", "writable by others", "writable by the group",
                                 "foreign owner", "symlink to a device"])
def test_a_packaged_root_that_cannot_be_trusted_is_not_copied(
        packaged_copy: Path, tmp_path: Path, how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    key = snapshot_key(cache)
    target = cache / f"{CACHE_PREFIX}test.cbor"
    assert adopt_packaged(target, key)  # the copy as shipped is taken
    target.unlink()
    damage(packaged_copy, how, monkeypatch)
    assert not adopt_packaged(target, key)
    assert sorted(p.name for p in cache.iterdir()) == ["snapshot.key"]


def test_a_build_that_cannot_check_the_library_succeeds_without_the_root(tmp_path: Path) -> None:
    empty = tmp_path / "lib"  # no package to run: the check fails at once
    empty.mkdir()
    done = subprocess.run([sys.executable, "setup.py", "-q", "build_root", "--build-lib", str(empty)], cwd=REPO,
                          env=PURE, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "could not check the standard library" in done.stderr
    assert list(empty.iterdir()) == []


def test_the_build_has_what_checking_the_library_imports() -> None:
    """The package's build runs in an environment of its own: it must bring the checker's dependencies."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    server_only = {"pygls", "lsprotocol"}
    needed = {d for d in project["project"]["dependencies"] if d.split(">")[0].split("<")[0] not in server_only}
    assert needed <= set(project["build-system"]["requires"])
