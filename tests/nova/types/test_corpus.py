"""The type corpus: every `-- ::` expectation equals the printed inferred scheme, and nothing is reported."""

from __future__ import annotations

from functools import cache

import pytest

from nova.stdlib import build_root
from nova.types.pretty import canonical_scheme
from nova.workspace import WorkspaceResult, check_workspace
from tests.nova.types.corpus import corpus_sources, expectations


@cache
def _root() -> object:
    root, _ = build_root()
    return root


@cache
def _corpus() -> WorkspaceResult:
    return check_workspace(corpus_sources(), _root())


def _cases() -> list[object]:
    cases = []
    for path, text in corpus_sources().items():
        for exp in expectations(path, text):
            cases.append(pytest.param(exp, id=f"{path.rsplit('/', 1)[-1]}:{exp.line}:{exp.name}"))
    return cases


def test_corpus_is_large_enough() -> None:
    sources = corpus_sources()
    assert len(sources) >= 20
    assert sum(len(expectations(p, t)) for p, t in sources.items()) >= 100


@pytest.mark.parametrize("exp", _cases())
def test_expected_type(exp: object) -> None:
    result = _corpus()
    module = next(m for m, p in result.paths.items() if p == exp.path)  # type: ignore[attr-defined]
    element = result.modules[module].typed_ast.elements.get(exp.name)  # type: ignore[attr-defined]
    assert element is not None and element.scheme is not None, f"{exp.name} was not checked"  # type: ignore[attr-defined]
    assert canonical_scheme(element.scheme) == exp.type  # type: ignore[attr-defined]


def test_corpus_has_no_diagnostics() -> None:
    result = _corpus()
    problems = [
        f"{path}:{d.span.start_line + 1}:{d.span.start_col + 1}: {d.code}: {d.message}"
        for path, diags in result.diagnostics_by_path.items()
        for d in diags
    ]
    assert problems == []


def test_stdlib_checks_without_diagnostics() -> None:
    _, modules = build_root()
    problems = [
        f"{name}:{d.span.start_line + 1}:{d.span.start_col + 1}: {d.code}: {d.message}"
        for name, checked in modules.items()
        for d in checked.diagnostics  # type: ignore[attr-defined]
    ]
    assert problems == []
    assert {"Prelude", "Data.Maybe", "Data.List", "Effect.Console"} <= set(modules)
    assert not any(checked.linted for checked in modules.values())  # type: ignore[attr-defined]  # a root: no lint
