"""Projects in the server: a package nested in a workspace folder is a project of its own (as when an editor opens
it directly), a folder inside a package opens the package, and a `nova.toml` changed on disk re-reads the project
(its problems published on the manifest)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lsp_harness import (
    capabilities,
    folder,
    open_params,
    record_diagnostics,
    start_stdio,
    stop_stdio,
    wait_for_diagnostics,
    wait_until,
)
from lsprotocol import types

from nova.check.lint import LINT_CODES

pytestmark = pytest.mark.asyncio

OUTER_APP = "module App where\n\nimport Prelude\n\nouter :: Int\nouter = 1\n"
INNER_APP = "module App where\n\nimport Prelude\nimport Pkg (pkg)\n\ninner :: Int\ninner = pkg\n"
PKG = "module Pkg where\n\nimport Prelude\n\npkg :: Int\npkg = 2\n"


def layout(root: Path) -> Path:
    """repo/App.nova and repo/pkg (a package: nova.toml, src/App.nova, src/Pkg.nova): `App` twice, never mixed."""
    repo = root / "repo"
    (repo / "pkg" / "src").mkdir(parents=True)
    (repo / "App.nova").write_text(OUTER_APP)
    (repo / "pkg" / "nova.toml").write_text('[package]\nname = "pkg"\n')
    (repo / "pkg" / "src" / "App.nova").write_text(INNER_APP)
    (repo / "pkg" / "src" / "Pkg.nova").write_text(PKG)
    return repo


async def baselines(client: Any) -> dict[str, list[str]]:
    state = await client.workspace_execute_command_async(types.ExecuteCommandParams(command="nova.dumpState"))
    return {b["folder"]: b["modules"] for b in state["baselines"]}


async def start(tmp_path: Path, workspace: Path) -> tuple[Any, Any]:
    client = await start_stdio(tmp_path / "cache")
    log = record_diagnostics(client)
    await client.initialize_session(types.InitializeParams(capabilities=capabilities(),
                                                           workspace_folders=[folder(workspace)]))
    return client, log


async def test_a_nested_package_is_its_own_project(tmp_path: Path) -> None:
    repo = layout(tmp_path)
    client, log = await start(tmp_path, repo)
    try:
        inner = repo / "pkg" / "src" / "App.nova"
        client.text_document_did_open(open_params(inner))
        published = await wait_for_diagnostics(log, inner.as_uri())
        assert [d for d in published.diagnostics if d.code not in LINT_CODES] == []  # Pkg resolves; no DuplicateModule
        outer = repo / "App.nova"
        client.text_document_did_open(open_params(outer))
        outer_diagnostics = (await wait_for_diagnostics(log, outer.as_uri())).diagnostics
        assert [d for d in outer_diagnostics if d.code not in LINT_CODES] == []
        found = await baselines(client)
        assert found == {str(repo.resolve()): ["App"], str((repo / "pkg").resolve()): ["App", "Pkg"]}
    finally:
        await stop_stdio(client)


async def test_a_folder_inside_a_package_opens_the_package(tmp_path: Path) -> None:
    repo = layout(tmp_path)
    client, log = await start(tmp_path, repo / "pkg" / "src")
    try:
        inner = repo / "pkg" / "src" / "App.nova"
        client.text_document_did_open(open_params(inner))
        inner_diagnostics = (await wait_for_diagnostics(log, inner.as_uri())).diagnostics
        assert [d for d in inner_diagnostics if d.code not in LINT_CODES] == []
        assert await baselines(client) == {str((repo / "pkg").resolve()): ["App", "Pkg"]}
    finally:
        await stop_stdio(client)


async def test_a_manifest_changed_on_disk_rereads_the_project(tmp_path: Path) -> None:
    repo = layout(tmp_path)
    package = repo / "pkg"
    client, log = await start(tmp_path, package)
    try:
        inner = package / "src" / "App.nova"
        client.text_document_did_open(open_params(inner))
        await wait_for_diagnostics(log, inner.as_uri())
        manifest = package / "nova.toml"
        before = len(log.history)
        manifest.write_text('[package]\nname = "pkg"\nexclude = ["src/Pkg.nova"]\nsourcez = 1\n')
        client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
            types.FileEvent(uri=manifest.as_uri(), type=types.FileChangeType.Changed)]))
        warned = await wait_for_diagnostics(log, manifest.as_uri(), lambda p: len(p.diagnostics) > 0, after=before)
        (problem,) = warned.diagnostics
        assert problem.code == "ManifestError" and "sourcez" in problem.message and problem.range.start.line == 3
        broken = await wait_for_diagnostics(log, inner.as_uri(), lambda p: len(p.diagnostics) > 0, after=before)
        assert any("Pkg" in d.message for d in broken.diagnostics)  # its import is no source of the project now
        folder_key = str(package.resolve())
        await wait_until_modules(client, folder_key, ["App"])
    finally:
        await stop_stdio(client)


async def wait_until_modules(client: Any, key: str, expected: list[str]) -> None:
    found: dict[str, list[str]] = {}

    async def poll() -> None:
        nonlocal found
        found = await baselines(client)

    for _ in range(200):
        await poll()
        if found.get(key) == expected:
            return
        await wait_until(lambda: True, 0.05)
    raise AssertionError(f"modules of {key}: {found.get(key)} != {expected}")
