"""The passing corpus (tests/corpus/passing): programs PureScript accepts check without errors in Nova."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from nova.diagnostics import Severity
from nova.workspace import WorkspaceResult, check_workspace
from tests.nova.types.helpers import root

PASSING = Path(__file__).resolve().parents[2] / "corpus" / "passing"
FILES = sorted(PASSING.glob("*.nova"))
WARNING = re.compile(r"-- warning\[(\w+)\]\s*$")


@cache
def _result() -> WorkspaceResult:
    return check_workspace({str(p): p.read_text(encoding="utf-8") for p in FILES}, root())


def test_corpus_is_a_sample() -> None:
    assert len(FILES) >= 20
    for p in FILES:
        first = p.read_text(encoding="utf-8").splitlines()[0]
        assert re.match(r"-- After PureScript.s passing tests? \S", first), p.name


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_program_checks_clean(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    problems = []
    for d in _result().diagnostics_by_path.get(str(path), []):
        line = lines[d.span.start_line] if d.span.start_line < len(lines) else ""
        m = WARNING.search(line)
        if d.severity == Severity.WARNING and m is not None and m.group(1) == d.code:
            continue
        problems.append(f"{path.name}:{d.span.start_line + 1}:{d.span.start_col + 1}: {d.code}: {d.message}")
    assert problems == []
