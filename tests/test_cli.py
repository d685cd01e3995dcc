"""The `nova` command line dispatches to sub-command modules."""

from __future__ import annotations

import pytest

from nova.cli import main


def test_no_command_prints_help_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "COMMAND" in capsys.readouterr().out
