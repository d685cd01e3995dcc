"""Editing in a real headless Neovim (`nvim/editing_e2e.lua`) against the real nova-lsp: a record label renamed
through `vim.lsp.buf.rename`, a code action applied through `vim.lsp.buf.code_action`, and record fields completed
after a dot, on the fixture workspace."""

from __future__ import annotations

import json
import re
from pathlib import Path

from editor_paths import TESTS_DIR, output_dir
from test_neovim_lsp import nvim_env, run_nvim
from workspace_fixture import make_workspace

STEPS = ["attach", "rename", "code action", "field completion", "done"]


def test_rename_code_action_and_field_completion_in_neovim(nvim_bin: Path, nova_lsp_bin: Path,
                                                           tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path)
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"workspace": str(workspace), "cmd": [str(nova_lsp_bin), "--stdio"],
                                "timeout_ms": 30000}))
    proc = run_nvim(nvim_bin, TESTS_DIR / "nvim" / "editing_e2e.lua", [str(plan)], nvim_env(tmp_path / "home"))
    (output_dir("neovim") / "editing_e2e.log").write_text(proc.stdout + "\n--- stderr ---\n" + proc.stderr)
    passed = re.findall(r"^ok\t([^\t]*)\t", proc.stdout, flags=re.M)
    assert proc.returncode == 0, f"Neovim reported:\n{proc.stdout}\n{proc.stderr}"
    assert passed == STEPS
