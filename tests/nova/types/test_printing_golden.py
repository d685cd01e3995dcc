"""Golden files of printed types and messages (tests/corpus/printing): compared exactly, so a change in how a type
or a diagnostic reads shows as a diff. `NOVA_UPDATE_GOLDEN=1` rewrites the `.expected` files (review the diff)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest

from nova.diagnostics import Severity, Span
from nova.ide.hover import scope_type_names
from nova.types.pretty import print_signature
from nova.workspace import WorkspaceResult, check_workspace
from tests.nova.types.helpers import root

PRINTING = Path(__file__).resolve().parents[2] / "corpus" / "printing"
WIDTH = 60


@cache
def _result() -> WorkspaceResult:
    sources = {str(p): p.read_text(encoding="utf-8") for p in sorted(PRINTING.glob("*.nova"))}
    return check_workspace(sources, root())


def render_module(path: Path) -> str:
    """What a module's golden file holds: its values as hovers print them, then its diagnostics."""
    result = _result()
    module = next(m for m, p in result.paths.items() if p == str(path))
    elements = result.modules[module].typed_ast.elements.values()
    values = sorted(
        (e for e in elements if e.scheme is not None and e.kind in ("value", "foreign")),
        key=lambda e: (e.span.start_line, e.span.start_col),
    )
    scope = result.modules[module].structure.scope
    qualify = scope_type_names(result.layer, scope)
    lines = ["## types"]
    lines += [print_signature(e.name, e.scheme, WIDTH, qualify) for e in values]
    lines.append("")
    lines.append("## diagnostics")
    for d in result.diagnostics_by_path.get(str(path), ()):
        sev = {Severity.ERROR: "error", Severity.WARNING: "warning"}.get(d.severity, "info")
        lines.append(f"{_range(d.span)} {sev} {d.code}: {d.message}")
        for r in d.related:
            where = f"{r.module} " if r.module else ""
            lines.append(f"  related {where}{_range(r.span)}: {r.message}")
    return "\n".join(lines) + "\n"


def _range(s: Span) -> str:
    return f"{s.start_line + 1}:{s.start_col + 1}-{s.end_line + 1}:{s.end_col + 1}"


def _sources() -> list[Path]:
    return sorted(PRINTING.glob("*.nova"))


def test_corpus_is_there() -> None:
    assert len(_sources()) >= 4


@pytest.mark.parametrize("path", _sources(), ids=lambda p: p.stem)
def test_golden(path: Path) -> None:
    got = render_module(path)
    expected_file = path.with_suffix(".expected")
    if os.environ.get("NOVA_UPDATE_GOLDEN") == "1":
        expected_file.write_text(got, encoding="utf-8")
    assert expected_file.exists(), f"no golden file {expected_file.name}; run with NOVA_UPDATE_GOLDEN=1"
    assert got == expected_file.read_text(encoding="utf-8")
