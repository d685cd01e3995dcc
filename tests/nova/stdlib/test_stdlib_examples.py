"""Every exported value of the standard library, evaluated at least once through the whole pipeline
(parse → check → lower → compile → run), with PureScript's results. The examples live in `examples/`."""

from __future__ import annotations

import re
from typing import Any

import pytest

from nova.eval.api import evaluate_value
from nova.eval.errors import EvalError
from tests.nova.stdlib.stdlib_examples import failing, groups, module_name, program, root, shared_cache


def _cases() -> list[tuple[str, int, str, str]]:
    return [
        (group, index, expression, expected)
        for group, module in sorted(groups().items())
        for index, (expression, expected) in enumerate(module.EXAMPLES)
    ]


@pytest.mark.parametrize(
    ("group", "index", "expression", "expected"), _cases(), ids=[f"{c[0]}-{c[1]}" for c in _cases()]
)
def test_stdlib_example(group: str, index: int, expression: str, expected: str) -> None:
    result = evaluate_value(program(group), module_name(group), f"example{index}", cache=shared_cache())
    assert result.value == expected, expression


def _failing_cases() -> list[tuple[str, int, str, str]]:
    return [
        (group, index, expression, message)
        for group, module in sorted(groups().items())
        for index, (expression, message) in enumerate(failing(module))
    ]


@pytest.mark.parametrize(
    ("group", "index", "expression", "message"), _failing_cases(), ids=[f"{c[0]}-{c[1]}" for c in _failing_cases()]
)
def test_stdlib_failing_example(group: str, index: int, expression: str, message: str) -> None:
    with pytest.raises(EvalError, match=message):
        evaluate_value(program(group), module_name(group), f"failing{index}", cache=shared_cache())


def _evaluated(group: str, prefix: str) -> Any:
    module = groups()[group]
    index = next(i for i, (e, _) in enumerate(module.EXAMPLES) if e.startswith(prefix))
    return evaluate_value(program(group), module_name(group), f"example{index}", cache=shared_cache())


def test_effect_output_is_captured_in_order() -> None:
    result = _evaluated("effect", "do\n  info")
    assert result.output == ("i", "[1]")
    assert result.errors == ("w", "e")
    assert _evaluated("effect", "forE").output == ("1", "2")


def test_console_lines_go_to_their_streams_in_order() -> None:
    result = _evaluated("console", "do\n  C.debug")
    assert result.output == ("d", "1", "[2]", "g", "h")
    assert result.errors == ("true", "'x'")


def test_console_timers_report_elapsed_time_until_they_end() -> None:
    result = _evaluated("console", "do\n  C.time")
    assert len(result.output) == 2
    assert all(re.fullmatch(r"t: \d+\.\d{3}ms", line) for line in result.output), result.output
    assert result.errors == ("Timer 't' does not exist",)


def test_every_exported_stdlib_value_was_evaluated() -> None:
    """Values, class methods and instances alike: each must have been run by some example (type synonyms have
    nothing to run)."""
    cache = shared_cache()
    for group, module in groups().items():
        for index in range(len(module.EXAMPLES)):
            evaluate_value(program(group), module_name(group), f"example{index}", cache=cache)
        for index in range(len(failing(module))):
            with pytest.raises(EvalError):
                evaluate_value(program(group), module_name(group), f"failing{index}", cache=cache)
    stdlib = root()
    missing = []
    for name in sorted(stdlib.modules()):
        for key, element in stdlib.elements(name).items():
            exported = getattr(element, "exported", False) and getattr(element, "scheme", None) is not None
            if getattr(element, "kind", None) == "synonym":
                continue  # a type synonym has a scheme (its expansion) but no value to run
            if _never_chosen(element):
                continue  # an instance that exists to fail with a message (`Fail`) cannot be run
            if exported and (name, key) not in cache.used:
                missing.append(f"{name}.{key}")
    assert not missing, f"never evaluated: {', '.join(missing)}"


def _never_chosen(element: Any) -> bool:
    instance = getattr(element, "instance", None)
    return instance is not None and any(c.module == "Prim.TypeError" and c.cls == "Fail" for c in instance.context)
