"""The `nova eval` session shown in the README still gives the output it shows (run in-process, from the
repository root so `--workspace examples` resolves)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from nova.cli import main

ROOT = Path(__file__).resolve().parents[3]


def _sessions() -> list[tuple[str, list[str]]]:
    """(command line, expected output lines) for every `$ nova eval …` line of the README's shell blocks."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        command: str | None = None
        output: list[str] = []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command is not None:
                    found.append((command, output))
                command, output = line[2:], []
            elif command is not None:
                output.append(line)
        if command is not None:
            found.append((command, output))
    return [(c, o) for c, o in found if c.startswith("nova eval ")]


def _normal(line: str) -> str:
    """Step counts depend on the machine's speed when a time limit stops the run."""
    return re.sub(r"after \d+ steps", "after N steps", line)


def test_the_readme_shows_eval_examples() -> None:
    assert len(_sessions()) >= 5


@pytest.mark.parametrize(("command", "expected"), _sessions(), ids=[c for c, _ in _sessions()])
def test_readme_eval_example(
    command: str, expected: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    main(shlex.split(command)[1:])
    captured = capsys.readouterr()
    lines = (captured.out + captured.err).splitlines()
    assert [_normal(line) for line in lines] == [_normal(line) for line in expected]
