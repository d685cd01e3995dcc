"""Evaluate a top-level value, or an expression typed in the scope of a module, in one registry view.

An expression is checked as one more declaration appended to the module's source (so it sees every top-level
name of the module, exported or not, and the module's imports), put into a throw-away child batch of the view,
evaluated there, and the batch is discarded: nothing the evaluation does is visible to anyone else.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from nova.check import check_module
from nova.diagnostics import Severity, Span
from nova.eval.display import rewrap_newtypes
from nova.eval.errors import EvalError, Location
from nova.eval.link import ElementCache, make_resolver
from nova.eval.lower import builtin_dictionary
from nova.eval.machine import Limits, Machine
from nova.eval.printer import show_value
from nova.eval.runner import run_with_big_stack
from nova.eval.values import EffectV
from nova.syntax import parse_module
from nova.syntax.parser import ParsedModule
from nova.types.evidence import BuiltinEv
from nova.types.pretty import print_scheme
from registry import RegistryError

RESULT_NAME = "nova_eval_result_"
"""The name of the declaration an evaluated expression becomes (an ordinary Nova identifier)."""

SCRATCH_MODULE = "Nova.Eval.Input"

DEFAULT_CACHE = ElementCache(transient_keys=frozenset({RESULT_NAME}))
"""Prepared elements shared by every evaluation in this process (keyed by the identity of the checked code they
come from, so views never mix and unchanged code is never prepared twice)."""

_PREVIOUS: OrderedDict[str, Any] = OrderedDict()
"""The last check of each module's source with an expression appended: the checker reuses every declaration
that did not change, so their element objects stay the same and their prepared code stays cached."""
_PREVIOUS_LOCK = threading.Lock()
_PREVIOUS_SIZE = 32


@dataclass(frozen=True, slots=True)
class EvalResult:
    value: str
    """The value printed PureScript-style (for an Effect: the value it produced)."""
    type: str
    output: tuple[str, ...]
    """Lines the evaluation logged (`Effect.Console.log`, `info`)."""
    steps: int
    errors: tuple[str, ...] = ()
    """Lines written to the captured standard error (`warn`, `error`)."""


def evaluate_value(
    layer: Any,
    module: str,
    key: str,
    *,
    limits: Limits | None = None,
    cancel: threading.Event | None = None,
    cache: ElementCache | None = None,
) -> EvalResult:
    """Evaluate the top-level value `module.key` as `layer` sees it (effects are run, their output captured)."""
    element = layer.element(module, key)
    if element is None:
        raise EvalError(f"{module}.{key} is not defined")
    scheme = getattr(element, "scheme", None)
    if scheme is None:
        raise EvalError(f"{module}.{key} is not a value")
    # `Partial` alone has an empty dictionary: a partial expression runs (and fails only on what it does not cover)
    partial_only = bool(scheme.constraints) and all(
        c.module == "Prim" and c.cls == "Partial" for c in scheme.constraints
    )
    if scheme.constraints and not partial_only:
        raise EvalError(
            f"{key} :: {print_scheme(scheme)} needs type class dictionaries; give it a concrete type to evaluate it"
        )
    type_text = print_scheme(scheme)
    limits = limits or Limits()
    machine = Machine(make_resolver(layer, cache or DEFAULT_CACHE), limits, cancel)

    def work() -> str:
        value = machine.global_value(module, key)
        if partial_only:
            dictionary = builtin_dictionary(BuiltinEv("Prim", "Partial"))
            value = machine.apply(value, tuple(dictionary for _ in scheme.constraints))
        if isinstance(value, EffectV):
            value = machine.run_effect(value)
        return show_value(rewrap_newtypes(value, scheme.type, layer))

    try:
        printed = run_with_big_stack(work, limits.max_depth)
    except EvalError as err:
        err.output = tuple(machine.output)
        raise
    finally:
        machine.release()
    return EvalResult(printed, type_text, tuple(machine.output), machine.steps, tuple(machine.errors))


def expression_source(expression: str, module_source: str | None, imports: tuple[str, ...] = ()) -> tuple[str, int]:
    """The source to check: the module's (or a scratch module's) with the expression appended as a declaration.

    Returns the text and the line where the expression starts (its lines are indented by two spaces).
    """
    if module_source is None:
        lines = [f"module {SCRATCH_MODULE} where", ""]
        lines += [f"import {name}" for name in imports]
        base = "\n".join(lines)
    else:
        base = module_source.rstrip("\n")
    body = "\n".join("  " + line for line in expression.strip("\n").splitlines() or [""])
    text = f"{base}\n\n{RESULT_NAME} =\n{body}\n"
    start_line = base.count("\n") + 3
    return text, start_line


def parse_with_expression(text: str, start_line: int, module_parsed: ParsedModule | None = None) -> ParsedModule:
    """The parse of `expression_source`'s text. With the parse of the module's own text at hand (an editor's last
    check of it) and no syntax error in it, only the appended declaration is parsed (at its own lines) and joined
    to the module's declarations: evaluating in a large module does not parse the whole of it again."""
    if module_parsed is None or module_parsed.module.name is None or any(
            d.severity == Severity.ERROR for d in module_parsed.diagnostics):
        return parse_module(text)
    module = module_parsed.module
    declaration = text[text.rindex(f"\n{RESULT_NAME} =\n") + 1:]
    snippet = parse_module(f"module {module.name} where" + "\n" * (start_line - 1) + declaration)
    if snippet.module.imports or snippet.module.exports is not None:
        return parse_module(text)
    joined = dataclasses.replace(module, span=Span(0, 0, snippet.module.span.end_line, snippet.module.span.end_col),
                                 decls=module.decls + snippet.module.decls)
    return ParsedModule(joined, module_parsed.diagnostics + snippet.diagnostics, module_parsed.broken + snippet.broken)


def evaluate_expression(
    layer: Any,
    expression: str,
    *,
    module_source: str | None = None,
    module_parsed: ParsedModule | None = None,
    imports: tuple[str, ...] = ("Prelude",),
    limits: Limits | None = None,
    cancel: threading.Event | None = None,
    cache: ElementCache | None = None,
    previous: Any = None,
    remember: bool | None = None,
) -> EvalResult:
    """Check `expression` in the scope of `module_source` (or of a scratch module importing `imports`), then
    evaluate it in `layer`'s view. Raises `EvalError` with the checker's message when the expression is wrong.

    `previous` is an earlier `CheckedModule` of the same module (the editor's last check of the buffer): the
    checker reuses its unchanged declarations. Without one, the last check of this module kept by this process is
    reused, and this one kept in its place, unless `remember` is False (a server, whose clients must not share
    what they evaluate, and which keeps its documents' checks itself). `module_parsed` is the parse of
    `module_source` when the caller has it (see `parse_with_expression`)."""
    if not expression.strip():
        raise EvalError("nothing to evaluate: the expression is empty")
    text, start_line = expression_source(expression, module_source, imports)
    parsed = parse_with_expression(text, start_line, module_parsed if module_source is not None else None)
    name = parsed.module.name or SCRATCH_MODULE
    try:
        batch = layer.begin_batch()
    except RegistryError as err:
        raise EvalError(f"cannot evaluate in this view: {err}") from None
    try:
        if remember is None:
            remember = previous is None  # a caller with its own previous check keeps it (and its memory) itself
        if remember and previous is None:
            with _PREVIOUS_LOCK:
                previous = _PREVIOUS.get(name)
        checked = check_module(parsed, batch, previous)
        if remember:
            with _PREVIOUS_LOCK:
                _PREVIOUS[name] = checked
                _PREVIOUS.move_to_end(name)
                while len(_PREVIOUS) > _PREVIOUS_SIZE:
                    _PREVIOUS.popitem(last=False)
        _raise_expression_errors(checked.diagnostics, parsed.diagnostics, start_line)
        _raise_module_errors(checked.diagnostics, name, start_line)
        if RESULT_NAME not in checked.typed_ast.elements:
            raise EvalError("the expression could not be read")
        batch.put(name, checked.exports, checked.typed_ast, checked.env, imports=tuple(checked.imports))
        try:
            return evaluate_value(batch, name, RESULT_NAME, limits=limits, cancel=cancel, cache=cache)
        except EvalError as err:
            _relocate(err, name, start_line)
            raise
    finally:
        batch.discard()


def type_of_expression(
    layer: Any,
    expression: str,
    *,
    module_source: str | None = None,
    module_parsed: ParsedModule | None = None,
    imports: tuple[str, ...] = ("Prelude",),
    previous: Any = None,
) -> str:
    """The type of `expression` in the scope of `module_source` (as `evaluate_expression` reads it), printed as
    hovers print types; nothing is evaluated. Raises `EvalError` with the checker's message when it is wrong."""
    if not expression.strip():
        raise EvalError("nothing to type: the expression is empty")
    text, start_line = expression_source(expression, module_source, imports)
    parsed = parse_with_expression(text, start_line, module_parsed if module_source is not None else None)
    try:
        batch = layer.begin_batch()
    except RegistryError as err:
        raise EvalError(f"cannot check in this view: {err}") from None
    try:
        checked = check_module(parsed, batch, previous)
    finally:
        batch.discard()
    _raise_expression_errors(checked.diagnostics, parsed.diagnostics, start_line)
    element = checked.typed_ast.elements.get(RESULT_NAME)
    scheme = getattr(element, "scheme", None)
    if scheme is None:
        raise EvalError("the expression could not be read")
    return print_scheme(scheme)


def _relocate(err: EvalError, module: str, start_line: int) -> None:
    """A runtime error inside the expression itself points into the expression (`1:5:`), not the module."""
    where = err.span
    if isinstance(where, Location) and where.module == module and where.span.start_line >= start_line:
        line = where.span.start_line - start_line + 1
        col = max(where.span.start_col - 2, 0) + 1
        err.span = None
        err.message = f"{line}:{col}: {err.message}"
        err.args = (err.message,)


def _raise_expression_errors(checked: Any, parsed: Any, start_line: int) -> None:
    messages: list[str] = []
    for diagnostic in (*parsed, *checked):
        if diagnostic.severity != Severity.ERROR or diagnostic.span.start_line < start_line - 1:
            continue
        span: Span = diagnostic.span
        line = span.start_line - start_line + 1
        col = max(span.start_col - 2, 0) + 1
        messages.append(f"{line}:{col}: {diagnostic.message}")
    if messages:
        raise EvalError("\n".join(messages))


MODULE_ERRORS_SHOWN = 5


def _raise_module_errors(diagnostics: Any, module: str, start_line: int) -> None:
    """A module with errors is not run: its code may hold ill-typed applications (which would fail inside a
    primitive with a message about Python values) or holes left by the checker. The user gets the errors."""
    errors = [d for d in diagnostics if d.severity == Severity.ERROR and d.span.start_line < start_line - 1]
    if not errors:
        return
    shown = [f"{module}:{d.span.start_line + 1}:{d.span.start_col + 1}: {d.message}" for d in
             errors[:MODULE_ERRORS_SHOWN]]
    more = len(errors) - len(shown)
    if more > 0:
        shown.append(f"… and {more} more")
    raise EvalError(f"cannot evaluate in {module}: the module has errors\n" + "\n".join(shown))
