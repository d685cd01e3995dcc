"""The Neovim plugin's filetype detection, ftplugin and syntax file, checked in a real headless Neovim."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from editor_paths import NEOVIM_DIR, TESTS_DIR

SAMPLE = TESTS_DIR / "fixtures" / "highlight.nova"


@pytest.fixture(scope="module")
def highlighted(nvim_bin: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    home = tmp_path_factory.mktemp("nvim-home")
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_DATA_HOME": str(home / "data"),
    }
    proc = subprocess.run(
        [
            str(nvim_bin),
            "--headless",
            "--clean",
            "--cmd",
            f"set rtp^={NEOVIM_DIR}",
            "-l",
            str(TESTS_DIR / "nvim" / "syntax_groups.lua"),
            str(SAMPLE),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert proc.returncode == 0, f"nvim failed:\n{proc.stdout}\n{proc.stderr}"
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def group_of(highlighted: dict[str, Any], line_start: str, token: str, occurrence: int = 0) -> set[str]:
    """Syntax groups covering `token` (its `occurrence`-th appearance) on the line starting with `line_start`."""
    for line in highlighted["lines"]:
        if line["text"].startswith(line_start):
            text: str = line["text"]
            at = -1
            for _ in range(occurrence + 1):
                at = text.index(token, at + 1)
            return set(line["groups"][at : at + len(token)])
    raise AssertionError(f"no line starts with {line_start!r}")


def test_filetype_and_ftplugin(highlighted: dict[str, Any]) -> None:
    assert highlighted["filetype"] == "nova"
    assert highlighted["commentstring"] == "-- %s"
    assert highlighted["syntax"] == "nova"


CASES = [
    ("module", "module", "novaModuleKeyword"),
    ("module", "Data.Shapes", "novaModuleName"),
    ("module", "where", "novaKeyword"),
    ("import", "as", "novaModuleKeyword"),
    ("-- |", "-- | Area of a shape.", "novaDocComment"),
    ("area ::", "::", "novaReservedOp"),
    ("area ::", "forall", "novaForall"),
    ("area ::", "Shape", "novaConstructor"),
    ("area ::", "=>", "novaReservedOp"),
    ("area (", "area", "novaDefinition"),
    ("area (", "3.14", "novaFloat"),
    ("area (", "*", "novaOperator"),
    ("area (", "`div`", "novaBacktick"),
    ("area (", "M.", "novaQualifier"),
    ("area (", "<>", "novaOperator"),
    ("area (", "foldl'", "novaIdentifier"),
    ("area (", "name", "novaField"),
    ("area (", "_", "novaWildcard"),
    ("{- outer", "{- outer {- nested -} still -}", "novaBlockComment"),
    ("{- outer", "'a'", "novaChar"),
    ("{- outer", "\\t", "novaEscape"),
    ("{- outer", "\\q", "novaBadEscape"),
    ("{- outer", '"""raw \\n"""', "novaTripleString"),
    ("a -->", "-->", "novaOperator"),
    ("a -->", "-- trailing", "novaLineComment"),
    ("data", "data", "novaStructure"),
    ("data", "|", "novaReservedOp"),
    ("infixl", "infixl", "novaInfix"),
    ("hexed", "0xFF", "novaNumber"),
    ("hexed", "true", "novaBoolean"),
    ("-- >", "-- > area (Circle 1.0)", "novaEvalComment"),
]


@pytest.mark.parametrize(("line_start", "token", "group"), CASES, ids=[f"{c[2]}:{c[1]}" for c in CASES])
def test_highlight_group(highlighted: dict[str, Any], line_start: str, token: str, group: str) -> None:
    assert group_of(highlighted, line_start, token) == {group}


def smoke(nvim_bin: Path, files: list[Path], home: Path) -> list[dict[str, Any]]:
    env = {**os.environ, "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state")}
    proc = subprocess.run(
        [
            str(nvim_bin),
            "--headless",
            "--clean",
            "--cmd",
            f"set rtp^={NEOVIM_DIR}",
            "-l",
            str(TESTS_DIR / "nvim" / "syntax_smoke.lua"),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert proc.returncode == 0, f"nvim failed:\n{proc.stdout}\n{proc.stderr}"
    report: list[dict[str, Any]] = json.loads(proc.stdout.strip().splitlines()[-1])
    return report


def test_syntax_over_the_projects_nova_sources(nvim_bin: Path, tmp_path: Path) -> None:
    root = NEOVIM_DIR.parents[1]
    files = sorted([*root.glob("nova/stdlib/**/*.nova"), *root.glob("examples/**/*.nova")])
    assert len(files) >= 10
    report = smoke(nvim_bin, files, tmp_path)
    assert {entry["filetype"] for entry in report} == {"nova"}
    assert [entry for entry in report if entry["bad_escapes"] or entry["open"]] == []


def test_syntax_smoke_flags_broken_files(nvim_bin: Path, tmp_path: Path) -> None:
    sample = tmp_path / "Broken.nova"
    sample.write_text('module Broken where\n\nx = "bad \\q escape"\n\n{- never closed\ny = 1\n')
    [entry] = smoke(nvim_bin, [sample], tmp_path)
    assert entry["bad_escapes"] == ["3:10", "3:11"]  # both characters of the escape
    assert entry["open"] == "novaBlockComment"
