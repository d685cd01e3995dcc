"""Fixtures for the server tests: a workspace folder served by a daemon of its own, for the tests whose editors
share one daemon (sessions, rename, code actions)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest_asyncio
from lsp_harness import DaemonProject, daemon


@pytest_asyncio.fixture
async def daemon_project(tmp_path: Path) -> AsyncIterator[DaemonProject]:
    project = tmp_path / "project"
    project.mkdir()
    async with daemon(tmp_path) as socket_path:
        yield DaemonProject(project, socket_path)
