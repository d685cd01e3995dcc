"""Type checking of one module against a registry view (ARCHITECTURE.md §3).

`check_module(parsed, view, previous=None) -> CheckedModule`. Runs on a worker thread with a large stack so that
deeply nested (but parser-accepted) input is checked or reported, never crashes with RecursionError.

What consumers rely on:
- `CheckedModule`: `name`, `exports` (registry key -> `Scheme`: values, constructors, methods and operators bare,
  `type:T` (its kind, or a synonym's expansion), `class:C`, `instance:name`), `typed_ast.elements` (every
  declaration, exported or not: `nova.check.typed.TypedElement`), `env` (`nova.check.env.ModuleEnv`, what
  importers need), `imports`, `diagnostics` (the parser's included), `fixities`, `reinferred`/`reused`.
- Evidence (`nova.types.evidence`) on `EVar.evidence`, one per constraint of the referenced scheme. A
  `ParamEv(owner, i)` names the dictionary parameter `i` of: a top-level value (`owner` = its key), a local binding
  (its name; see `Binding.scheme`), an instance's context (`owner` = the instance key), or a method's own
  constraints inside an instance (`owner` = "instance key.method").
- Operators are elements of kind "operator" whose `alias` is the function or constructor they stand for; an
  `EVar` of an operator targets the operator element, a `PCon` of a constructor operator targets the constructor.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import importlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from nova.deep import deep_section, run_on_big_stack
from nova.diagnostics import Diagnostic, Severity, Span

if TYPE_CHECKING:
    from nova.check.checker import CheckedModule
    from nova.check.typed import TypedElement, TypedModule
    from nova.syntax.parser import ParsedModule

# The checker is imported on first use: reading a cached interface (`nova.check.typed`, `nova.check.env`) must not
# pay for loading the whole checker.
_LAZY = {
    "CheckedModule": "nova.check.checker",
    "ModuleChecker": "nova.check.checker",
    "TypedElement": "nova.check.typed",
    "TypedModule": "nova.check.typed",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)

_GC_THRESHOLD = 50_000


def _check(parsed: ParsedModule, view: Any, previous: CheckedModule | None, lint: bool) -> CheckedModule:
    from nova.check.checker import ModuleChecker

    return ModuleChecker(parsed, view, previous).run(lint)


def _check_keeping(parsed: ParsedModule, view: Any, previous: CheckedModule | None) -> tuple[CheckedModule, Any]:
    from nova.check.checker import ModuleChecker

    checker = ModuleChecker(parsed, view, previous)
    return checker.run(False), checker


_contain_faults = False


@contextlib.contextmanager
def contained_faults() -> Iterator[None]:
    """Within it, a fault of the checker on one module is that module's `InternalError` diagnostic instead of an
    exception (for `nova check`, which reports every file; the server keeps the exception and handles it)."""
    global _contain_faults
    before = _contain_faults
    _contain_faults = True
    try:
        yield
    finally:
        _contain_faults = before


def check_module(parsed: ParsedModule, view: Any, previous: CheckedModule | None = None, *,
                 lint: bool = True) -> CheckedModule:
    """Check `parsed` with imports resolved through `view` (a `registry.Layer`); reuse `previous` where valid.

    The result's diagnostics include the parser's. Never raises on bad input. `lint=False` leaves out PureScript's
    lint warnings (`CheckedModule.lint`): a library built for its interfaces (the standard library's root) has
    nobody to show them to.
    """
    return _guarded(parsed, lambda: _check(parsed, view, previous, lint))


def check_then_lint(parsed: ParsedModule, view: Any, previous: CheckedModule | None = None
                    ) -> tuple[CheckedModule, Callable[[], CheckedModule]]:
    """`check_module(parsed, view, previous)` in two steps: the check, whose result has no lint warnings yet, and a
    function giving the result `check_module` gives (the warnings added as it adds them: none when the module has
    errors), for a caller with something to do in between (a worker process hands the module's interface on
    before linting it). Call the function before the view changes."""
    kept: list[Any] = []

    def check() -> CheckedModule:
        checked, checker = _check_keeping(parsed, view, previous)
        kept.append(checker)
        return checked

    checked = _guarded(parsed, check)

    def linted() -> CheckedModule:
        if not kept or any(d.severity == Severity.ERROR for d in checked.diagnostics):
            return checked

        def lint() -> CheckedModule:
            from nova.check.lint import lint_module

            warnings = lint_module(checked.name, parsed.module, view, kept[0])
            return dataclasses.replace(checked, lint=warnings, linted=True)

        return _guarded(parsed, lint)

    return checked, linted


def _guarded(parsed: ParsedModule, work: Callable[[], CheckedModule]) -> CheckedModule:
    """Run a step of checking `parsed` as `check_module` runs one: on a big stack with the recursion limit
    raised and the collector's young generation raised, a too deep input reported, a fault contained when asked."""
    # The checker allocates many short-lived objects; a young-generation threshold this low makes the cyclic GC
    # rescan the (large, long-lived) registry contents over and over. Raise it while checking.
    threshold = gc.get_threshold()
    if threshold[0] < _GC_THRESHOLD:
        gc.set_threshold(_GC_THRESHOLD, threshold[1], threshold[2])
    try:
        with deep_section():
            return run_on_big_stack(work, name="nova-check")
    except RecursionError:
        return _failed(parsed, "Expression nested too deeply.")
    except Exception as error:
        if not _contain_faults:
            raise
        what = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        return _failed(
            parsed,
            f"Internal error of the type checker on this module ({what}); the other modules are checked. "
            "Please report it with the module's text.",
            "InternalError",
        )


def _failed(parsed: ParsedModule, message: str, code: str = "TooDeep") -> CheckedModule:
    from nova.check.checker import CheckedModule
    from nova.check.env import ModuleEnv
    from nova.check.typed import TypedModule

    name = parsed.module.name or "Main"
    span = parsed.module.name_span or Span(0, 0, 0, 0)
    return CheckedModule(
        name=name,
        exports={},
        typed_ast=TypedModule(name, {}),
        env=ModuleEnv(name),
        imports=tuple(i.module for i in parsed.module.imports),
        diagnostics=(*parsed.diagnostics, Diagnostic(span, Severity.ERROR, code, message)),
        fixities={},
    )


__all__ = ["CheckedModule", "TypedElement", "TypedModule", "check_module", "check_then_lint", "contained_faults",
           "deep_section"]
