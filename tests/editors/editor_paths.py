"""Paths and small helpers shared by the editor tests (a module of its own so that tests can import it by name)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
EDITORS_DIR = REPO_ROOT / "editors"
VSCODE_DIR = EDITORS_DIR / "vscode"
NEOVIM_DIR = EDITORS_DIR / "neovim"
TESTS_DIR = Path(__file__).resolve().parent
BIN_DIR = Path(sys.executable).parent


def server_env(env: dict[str, str]) -> dict[str, str]:
    """`env` with this checkout first on PYTHONPATH, so the `nova-lsp` the editors launch serves this tree's code
    even when the virtual environment's editable install points at another checkout."""
    paths = [str(REPO_ROOT), *filter(None, env.get("PYTHONPATH", "").split(os.pathsep))]
    return {**env, "PYTHONPATH": os.pathsep.join(paths)}


def output_dir(name: str) -> Path:
    """A stable folder for artefacts a person may want to look at after the run (screenshots, logs)."""
    folder = REPO_ROOT / "build" / "editor-tests" / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def npm_ci(folder: Path) -> None:
    """Installs a Node package's locked dependencies once (CI runs `npm ci` itself; this covers a fresh checkout)."""
    if (folder / "node_modules" / ".package-lock.json").exists():
        return
    npm = shutil.which("npm")
    assert npm, "npm is needed for the editor tests (Node >= 20)"
    subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=folder, check=True)


def run_npm(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`npm ARGS` in `folder`, output captured for the assertion message."""
    exe = shutil.which("npm")
    assert exe, "npm is needed for the editor tests (Node >= 20)"
    return subprocess.run([exe, *args], cwd=folder, capture_output=True, text=True, timeout=300)
