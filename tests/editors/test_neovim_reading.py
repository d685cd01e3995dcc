"""The reading features in a real headless Neovim (`nvim/reading_e2e.lua`) against the real nova-lsp: semantic
tokens through `vim.lsp.semantic_tokens`, inlay hints, folding with `vim.lsp.foldexpr()`, `:NovaType`; and the code
lenses of a freshly opened buffer (`nvim/lens_e2e.lua`), with the write-back of `-- >` examples."""

from __future__ import annotations

import json
import re
from pathlib import Path

from editor_paths import TESTS_DIR, output_dir
from test_neovim_lsp import nvim_env, run_nvim
from workspace_fixture import make_workspace

STEPS = ["attach", "semantic tokens", "inlay hints", "folding", ":NovaType", ":NovaLayers", "done"]


def test_reading_features_in_neovim(nvim_bin: Path, nova_lsp_bin: Path, tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path)
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"workspace": str(workspace), "cmd": [str(nova_lsp_bin), "--stdio"],
                                "timeout_ms": 30000}))
    proc = run_nvim(nvim_bin, TESTS_DIR / "nvim" / "reading_e2e.lua", [str(plan)], nvim_env(tmp_path / "home"))
    (output_dir("neovim") / "reading_e2e.log").write_text(proc.stdout + "\n--- stderr ---\n" + proc.stderr)
    passed = re.findall(r"^ok\t([^\t]*)\t", proc.stdout, flags=re.M)
    assert proc.returncode == 0, f"Neovim reported:\n{proc.stdout}\n{proc.stderr}"
    assert passed == STEPS


LENS_STEPS = ["attach", "value lens without a trigger", "example writes back", ":type example", "was/now", "done"]


def test_lenses_of_a_fresh_buffer_and_examples_in_neovim(nvim_bin: Path, nova_lsp_bin: Path, tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path)
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"workspace": str(workspace), "cmd": [str(nova_lsp_bin), "--stdio"],
                                "timeout_ms": 30000}))
    proc = run_nvim(nvim_bin, TESTS_DIR / "nvim" / "lens_e2e.lua", [str(plan)], nvim_env(tmp_path / "home"))
    (output_dir("neovim") / "lens_e2e.log").write_text(proc.stdout + "\n--- stderr ---\n" + proc.stderr)
    passed = re.findall(r"^ok\t([^\t]*)\t", proc.stdout, flags=re.M)
    assert proc.returncode == 0, f"Neovim reported:\n{proc.stdout}\n{proc.stderr}"
    assert passed == LENS_STEPS
