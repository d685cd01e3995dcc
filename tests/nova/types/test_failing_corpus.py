"""The failing corpus (tests/corpus/failing): programs PureScript rejects get an error with PureScript's code."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from nova.diagnostics import Severity
from nova.workspace import WorkspaceResult, check_workspace
from tests.nova.types.helpers import root

FAILING = Path(__file__).resolve().parents[2] / "corpus" / "failing"
FILES = sorted(FAILING.glob("*.nova"))
SHOULD_FAIL = re.compile(r"^-- @shouldFailWith (\w+)$")
NOVA_CODE = {"ErrorParsingModule": "SyntaxError"}  # (PureScript's code for a module that does not parse)


@cache
def _result() -> WorkspaceResult:
    return check_workspace({str(p): p.read_text(encoding="utf-8") for p in FILES}, root())


def _expected(path: Path) -> str:
    first, second = path.read_text(encoding="utf-8").splitlines()[:2]
    m = SHOULD_FAIL.match(first)
    assert m is not None, path.name
    assert re.match(r"-- After PureScript.s failing test \S+: ", second), path.name
    return m.group(1)


def test_corpus_is_a_sample_of_codes() -> None:
    assert len(FILES) >= 20
    assert len({_expected(p) for p in FILES}) >= 10


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_program_fails_with_purescripts_code(path: Path) -> None:
    want = _expected(path)
    errors = [d for d in _result().diagnostics_by_path.get(str(path), []) if d.severity == Severity.ERROR]
    codes = sorted({d.code for d in errors})
    assert NOVA_CODE.get(want, want) in codes, (want, [(d.span.start_line + 1, d.code, d.message) for d in errors])
