"""Position → node queries over the checker's real typed AST."""

from __future__ import annotations

import itertools

import pytest

from nova import query
from nova.check import check_module
from nova.stdlib import load_root
from nova.syntax import parse_module
from registry import Layer

SOURCE = """module Sample where

import Prelude

-- | Adds two.
addTwo :: Int -> Int
addTwo n = n + 2

twice :: Int
twice = addTwo (addTwo 1)

pick :: Int -> String
pick k = case k of
  0 -> "zero"
  other -> show other
"""


@pytest.fixture(scope="module")
def elements() -> dict[str, object]:
    root: Layer = load_root()
    checked = check_module(parse_module(SOURCE), root.begin_batch())
    assert [d for d in checked.diagnostics if d.severity == 1] == []
    return dict(checked.typed_ast.elements)


def at(needle: str, offset: int = 0, occurrence: int = 0) -> tuple[int, int]:
    index = -1
    for _ in range(occurrence + 1):
        index = SOURCE.index(needle, index + 1)
    index += offset
    line = SOURCE.count("\n", 0, index)
    return line, index - (SOURCE.rfind("\n", 0, index) + 1)


def test_element_at_finds_the_enclosing_declaration(elements: dict[str, object]) -> None:
    hit = query.element_at(elements, *at("addTwo (addTwo", 2))
    assert hit is not None and hit[0] == "twice"
    assert query.element_at(elements, 0, 0) is None  # the module header belongs to no element


def test_node_at_a_reference_has_its_target(elements: dict[str, object]) -> None:
    line, col = at("addTwo 1", 1)
    node = query.node_at(elements["twice"], line, col)
    assert query.target_of(node) == ("Sample", "addTwo")
    span = query.span_of(node)
    assert span is not None and (span.start_line, span.start_col) == at("addTwo 1")


def test_operator_use_targets_its_defining_module(elements: dict[str, object]) -> None:
    node = query.node_at(elements["addTwo"], *at("+ 2"))
    assert query.target_of(node) == ("Data.Semiring", "+")


def test_pattern_variable_and_its_uses(elements: dict[str, object]) -> None:
    element = elements["pick"]
    use = query.node_at(element, *at("show other", 6))
    binder = query.binder_of(use)
    assert binder is not None and (binder.start_line, binder.start_col) == at("other ->")
    assert query.local_uses(element, binder) == [query.span_of(use)]
    binding = query.node_at(element, *at("other ->", 1))
    assert query.binder_of(binding) == binder


def test_references_in_collects_every_use(elements: dict[str, object]) -> None:
    spans = query.references_in(elements, ("Sample", "addTwo"))
    assert [(s.start_line, s.start_col) for s in spans] == [at("addTwo (addTwo"), at("addTwo 1")]


def test_call_at_counts_arguments(elements: dict[str, object]) -> None:
    call = query.call_at(elements["twice"], *at("1)"))
    assert call is not None
    assert query.target_of(call.function) == ("Sample", "addTwo")
    assert call.argument_index == 0


def test_nodes_at_is_outermost_first(elements: dict[str, object]) -> None:
    path = query.nodes_at(elements["twice"], *at("addTwo 1", 1))
    spans = [query.span_of(n) for n in path]
    assert len(spans) >= 3
    for outer, inner in itertools.pairwise(spans):
        assert outer is not None and inner is not None and outer.covers(inner)
