"""A fresh copy of the fixture workspace per test: `src/Shapes.nova` (with one deliberate type error) and
`src/Main.nova` importing it, inside a folder marked as a project root (`.git`), as a user's checkout would be."""

from __future__ import annotations

import shutil
from pathlib import Path

from editor_paths import TESTS_DIR

FIXTURE = TESTS_DIR / "fixtures" / "workspace"


def make_workspace(parent: Path) -> Path:
    workspace = parent / "workspace"
    shutil.copytree(FIXTURE, workspace)
    (workspace / ".git").mkdir()
    return workspace
