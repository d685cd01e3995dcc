"""The `nova` command line dispatches to sub-command modules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from nova.cli import main


def test_no_command_prints_help_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "COMMAND" in capsys.readouterr().out


def test_the_command_ends_with_main_s_status_after_flushing_what_it_printed(tmp_path: Path) -> None:
    """The console script ends the process without the interpreter's teardown (`nova.cli.script`): everything
    printed must still reach the pipe, and the status must be main's."""
    for number in range(300):  # more output than one pipe buffer holds
        (tmp_path / f"M{number}.nova").write_text(f"module M{number} where\n\nx :: Int\nx = \"s\"\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "nova.cli", "check", "--jobs", "1", str(tmp_path)],
                          capture_output=True, text=True, timeout=300, check=False)
    lines = done.stdout.splitlines()
    assert done.returncode == 1
    assert len(lines) == 300 and all("error[TypesDoNotUnify]" in line for line in lines)
    assert subprocess.run([sys.executable, "-m", "nova.cli"], capture_output=True, check=False).returncode == 2
