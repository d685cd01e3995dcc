"""The example modules of `examples/`: each group checked as one module over the stdlib root (shared by the
tests that evaluate them)."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from types import ModuleType
from typing import Any

from nova.check import check_module
from nova.diagnostics import Severity
from nova.eval.link import ElementCache
from nova.stdlib import load_root
from nova.syntax import parse_module
from tests.nova.stdlib import examples


@cache
def root() -> Any:
    return load_root()


@cache
def shared_cache() -> ElementCache:
    return ElementCache()


@cache
def groups() -> dict[str, ModuleType]:
    return {
        info.name: importlib.import_module(f"{examples.__name__}.{info.name}")
        for info in pkgutil.iter_modules(examples.__path__)
    }


def module_name(group: str) -> str:
    return "Examples." + "".join(part.capitalize() for part in group.split("_"))


def source_of(group: str, module: ModuleType) -> str:
    lines = [f"module {module_name(group)} where\n", module.HEADER]
    for prefix, cases in (("example", module.EXAMPLES), ("failing", failing(module))):
        for index, (expression, _) in enumerate(cases):
            body = "\n".join("  " + line for line in expression.splitlines())
            lines.append(f"{prefix}{index} =\n{body}\n")
    return "\n".join(lines)


def failing(module: ModuleType) -> list[tuple[str, str]]:
    """The group's `FAILING` examples: (expression, a regular expression the evaluation error must match)."""
    return list(getattr(module, "FAILING", []))


@cache
def program(group: str) -> Any:
    """The group's module, checked (it must have no error) and put into a batch over the stdlib root."""
    source = source_of(group, groups()[group])
    layer = root().begin_batch()
    checked = check_module(parse_module(source), layer)
    lines = source.splitlines()
    errors = [
        f"{d.span.start_line + 1}:{d.span.start_col + 1}: {d.message} in: {lines[d.span.start_line].strip()}"
        for d in checked.diagnostics
        if d.severity == Severity.ERROR and d.span.start_line < len(lines)
    ]
    assert not errors, "\n".join(errors)
    layer.put(checked.name, checked.exports, checked.typed_ast, checked.env, imports=tuple(checked.imports))
    return layer
