"""The negative corpus (tests/corpus/types/errors): each annotated diagnostic, exactly, and nothing else."""

from __future__ import annotations

import re
from functools import cache

from nova.diagnostics import Severity
from nova.workspace import WorkspaceResult, check_workspace
from tests.nova.types.corpus import ERRORS
from tests.nova.types.helpers import root

ANNOTATION = re.compile(r"-- (error|warning)\[(\w+)\] at (\d+):(\d+)-(\d+):(\d+): (.*)$")


@cache
def _result() -> WorkspaceResult:
    sources = {str(p): p.read_text(encoding="utf-8") for p in sorted(ERRORS.glob("*.nova"))}
    return check_workspace(sources, root())


def _expected() -> dict[tuple[str, str, str, tuple[int, int, int, int]], str]:
    out = {}
    for p in sorted(ERRORS.glob("*.nova")):
        for line in p.read_text(encoding="utf-8").splitlines():
            m = ANNOTATION.search(line)
            if m:
                sev, code, l1, c1, l2, c2, msg = m.groups()
                key = (str(p), sev, code, (int(l1) - 1, int(c1) - 1, int(l2) - 1, int(c2) - 1))
                out[key] = msg.strip()
    return out


def _actual() -> dict[tuple[str, str, str, tuple[int, int, int, int]], str]:
    out = {}
    for path, diags in _result().diagnostics_by_path.items():
        for d in diags:
            sev = "error" if d.severity == Severity.ERROR else "warning"
            s = d.span
            out[(path, sev, d.code, (s.start_line, s.start_col, s.end_line, s.end_col))] = d.message
    return out


def test_every_kind_is_covered() -> None:
    codes = {key[2] for key in _expected()}
    assert {
        "TypesDoNotUnify",
        "InfiniteType",
        "NoInstanceFound",
        "EscapedSkolem",
        "PropertyIsMissing",
        "UnknownImport",
        "UnknownName",
        "CycleInModules",
        "OverlappingPattern",
        "OrphanInstance",
        "KindsDoNotUnify",
        "DuplicateValueDeclaration",
    } <= codes


def test_diagnostics_are_exactly_the_annotated_ones() -> None:
    assert sorted(_actual()) == sorted(_expected())


def test_messages_start_with_the_annotated_text() -> None:
    actual = _actual()
    for key, prefix in _expected().items():
        assert key in actual, key
        assert actual[key].startswith(prefix), (key, actual[key])
