"""The lint corpus (tests/corpus/lint): each annotated lint warning, exactly, and nothing else."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from nova.diagnostics import Severity
from nova.workspace import WorkspaceResult, check_workspace
from tests.nova.types.helpers import root

LINT = Path(__file__).resolve().parents[2] / "corpus" / "lint"
ANNOTATION = re.compile(r"-- (error|warning)\[(\w+)\] at (\d+):(\d+)-(\d+):(\d+): (.*?)(?= -- (?:error|warning)\[|$)")
Key = tuple[str, str, str, tuple[int, int, int, int]]


@cache
def _result() -> WorkspaceResult:
    return check_workspace({str(p): p.read_text(encoding="utf-8") for p in sorted(LINT.glob("*.nova"))}, root())


def _expected() -> dict[Key, str]:
    out = {}
    for p in sorted(LINT.glob("*.nova")):
        for line in p.read_text(encoding="utf-8").splitlines():
            for m in ANNOTATION.finditer(line):
                sev, code, l1, c1, l2, c2, msg = m.groups()
                out[(str(p), sev, code, (int(l1) - 1, int(c1) - 1, int(l2) - 1, int(c2) - 1))] = msg.strip()
    return out


def _actual() -> dict[Key, str]:
    result = _result()
    out = {}
    for module, checked in result.modules.items():
        path = result.paths[module]
        for d in (*result.diagnostics_by_path.get(path, ()), *checked.lint):
            sev = "error" if d.severity == Severity.ERROR else "warning"
            s = d.span
            out[(path, sev, d.code, (s.start_line, s.start_col, s.end_line, s.end_col))] = d.message
    return out


def test_warnings_are_exactly_the_annotated_ones() -> None:
    assert len(_expected()) > 25
    assert sorted(_actual()) == sorted(_expected())


def test_messages_start_with_the_annotated_text() -> None:
    actual = _actual()
    for key, prefix in _expected().items():
        assert actual[key].startswith(prefix), (key, actual[key])
