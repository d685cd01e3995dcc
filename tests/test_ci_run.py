"""`.ci/run` keeps the editor tests' screenshots as CI artefacts: run in a copy of its folder layout with a `make`
that stands in for the build (it leaves a screenshot and a log in build/editor-tests/ and fails or passes)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def run_ci(tmp_path: Path, status: int, artifacts: Path | None) -> subprocess.CompletedProcess[str]:
    checkout = tmp_path / "checkout"
    (checkout / ".ci").mkdir(parents=True)
    shutil.copy(REPO_ROOT / ".ci" / "run", checkout / ".ci" / "run")
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "make").write_text(
        "#!/bin/sh\nmkdir -p build/editor-tests/vscode build/editor-tests/neovim\n"
        "printf 'PNG' > build/editor-tests/vscode/vscode-layers.png\n"
        "echo log > build/editor-tests/neovim/run.log\n"
        f"exit {status}\n")
    (tools / "make").chmod(0o755)
    env = {**os.environ, "PATH": f"{tools}{os.pathsep}{os.environ['PATH']}"}
    env.pop("CI_ARTIFACTS_DIR", None)
    if artifacts is not None:
        env["CI_ARTIFACTS_DIR"] = str(artifacts)
    return subprocess.run(["bash", str(checkout / ".ci" / "run")], env=env, capture_output=True, text=True,
                          timeout=60)


def test_screenshots_are_copied_to_the_named_folder(tmp_path: Path) -> None:
    done = run_ci(tmp_path, 0, None)
    folder = tmp_path / "checkout" / "ci-artifacts"
    assert done.returncode == 0
    assert (folder / "vscode" / "vscode-layers.png").read_text() == "PNG"
    assert (folder / "neovim" / "run.log").exists()
    assert done.stdout.splitlines()[-1] == f"CI artefacts: {folder} (1 screenshots)"


def test_a_failing_run_keeps_its_artefacts_and_its_status(tmp_path: Path) -> None:
    chosen = tmp_path / "kept"
    done = run_ci(tmp_path, 3, chosen)
    assert done.returncode == 3
    assert (chosen / "vscode" / "vscode-layers.png").exists()
    assert str(chosen) in done.stdout.splitlines()[-1]
