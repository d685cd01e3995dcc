"""Check Nova source for the evaluator tests with the real checker, over the real standard library."""

from __future__ import annotations

from functools import cache
from typing import Any

from nova.check import check_module
from nova.diagnostics import Severity
from nova.stdlib import load_root
from nova.syntax import parse_module


@cache
def root() -> Any:
    return load_root()


def put_program(source: str, parent: Any | None = None) -> tuple[Any, str]:
    """Check `source` in a child batch of `parent` (default: the stdlib root) and put it there.

    Fails the test when the program has a type error: the evaluator tests need well-typed programs.
    """
    layer = (parent if parent is not None else root()).begin_batch()
    return layer, put_into(layer, source)


def put_into(layer: Any, source: str) -> str:
    """Check `source` in `layer`'s view and put it into `layer` itself (an editor's unsaved buffer)."""
    checked = check_module(parse_module(source), layer)
    errors = [d for d in checked.diagnostics if d.severity == Severity.ERROR]
    lines = source.splitlines()
    assert not errors, "\n".join(
        f"{d.span.start_line + 1}:{d.span.start_col + 1}: {d.message} in: {lines[d.span.start_line].strip()}"
        for d in errors
        if d.span.start_line < len(lines)
    )
    layer.put(checked.name, checked.exports, checked.typed_ast, checked.env, imports=tuple(checked.imports))
    return str(checked.name)
