"""The server's standard library on a version's first start: the root the package ships, copied into the cache
(`nova.root_cache.adopt_packaged`), with no build in a child process nor in the server; without a packaged root,
the build as before."""

from __future__ import annotations

from pathlib import Path

import pytest

import nova.root_cache
from nova.compact import lazy_converter
from nova.root_cache import snapshot_path
from registry import dump
from server import analysis
from server.hub import Hub
from tests.nova.types.helpers import root


def shipped_root(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A root dumped as the package's build writes it, taken for this process's package's."""
    shipped = folder / "root.snapshot"
    dump(root(), shipped, lazy_converter())
    monkeypatch.setattr(nova.root_cache, "packaged_path", lambda: shipped)
    return shipped


def test_a_first_start_takes_the_packaged_root_without_building_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped_root(tmp_path, monkeypatch)

    def no_build(*_args: object) -> None:
        raise AssertionError("the standard library was built")

    monkeypatch.setattr(Hub, "_build_root_aside", no_build)
    monkeypatch.setattr(analysis, "load_root", no_build)
    cache = tmp_path / "cache"
    hub = Hub(cache_dir=cache)
    try:
        assert {"Prelude", "Data.Map"} <= set(hub.root.modules())
        assert hub.root_snapshot_file() == (snapshot_path(cache), hub.cache_key)  # what workers restore
    finally:
        hub.shutdown()


def test_a_first_start_without_a_valid_packaged_root_builds_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = shipped_root(tmp_path, monkeypatch)
    shipped.write_bytes(shipped.read_bytes()[:1000])  # damaged
    built: list[bool] = []
    original = Hub._build_root_aside

    def build_aside(self: Hub) -> None:
        built.append(True)
        original(self)

    monkeypatch.setattr(Hub, "_build_root_aside", build_aside)
    hub = Hub(cache_dir=tmp_path / "cache")
    try:
        assert "Prelude" in hub.root.modules() and built == [True]
    finally:
        hub.shutdown()
