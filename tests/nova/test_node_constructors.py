"""The syntax tree's nodes and `Span` write their constructors out (what makes them native classes with native
constructors once compiled, `nova.compiled`): each must take its dataclass fields, in order, with their defaults,
and store each where it belongs, or `dataclasses.replace`, the snapshot codec and the tree copier would build
wrong nodes."""

from __future__ import annotations

import ast as python_ast
import dataclasses
from pathlib import Path
from typing import Any

import pytest

from nova import diagnostics
from nova.diagnostics import Span
from nova.syntax import ast, parse_module
from nova.syntax.walk import children
from nova.types import terms

SOURCES = [Path(ast.__file__).with_name("ast.py"), Path(diagnostics.__file__).with_name("diagnostics.py"),
           Path(terms.__file__).with_name("terms.py")]
CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _dataclasses(path: Path) -> list[python_ast.ClassDef]:
    tree = python_ast.parse(path.read_text(encoding="utf-8"))
    return [
        node for node in tree.body
        if isinstance(node, python_ast.ClassDef)
        and any("dataclass" in python_ast.unparse(decorator) for decorator in node.decorator_list)
    ]


def _constructed(cls: python_ast.ClassDef) -> bool:
    return any(isinstance(s, python_ast.FunctionDef) and s.name == "__init__" for s in cls.body)


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: path.name)
def test_each_written_constructor_takes_and_stores_the_fields_in_order_with_their_defaults(path: Path) -> None:
    checked = 0
    for cls in _dataclasses(path):
        if not _constructed(cls):
            continue
        fields = [(s.target.id, s.value) for s in cls.body
                  if isinstance(s, python_ast.AnnAssign) and isinstance(s.target, python_ast.Name)]
        init = next(s for s in cls.body if isinstance(s, python_ast.FunctionDef) and s.name == "__init__")
        params = [a.arg for a in init.args.args[1:]]
        assert params == [name for name, _ in fields], cls.name
        defaults = [python_ast.unparse(d) for d in init.args.defaults]
        expected = [python_ast.unparse(value) for _, value in fields if value is not None]
        assert defaults == expected and len(expected) == sum(value is not None for _, value in fields), cls.name
        stored = [
            (python_ast.unparse(s.targets[0]), python_ast.unparse(s.value)) for s in init.body
            if isinstance(s, python_ast.Assign)
        ]
        assert stored == [(f"self.{name}", name) for name, _ in fields], cls.name
        assert len(init.body) == len(fields) or not fields, cls.name
        checked += 1
    assert checked >= (100 if path.name == "ast.py" else 1)


def test_every_syntax_node_class_writes_its_constructor() -> None:
    unwritten = [cls.name for cls in _dataclasses(SOURCES[0]) if not _constructed(cls)]
    assert unwritten == []


def _nodes(value: Any) -> list[Any]:
    out: list[Any] = []
    stack = [value]
    while stack:
        node = stack.pop()
        if dataclasses.is_dataclass(node):
            out.append(node)
        stack.extend(children(node))
    return out


def test_parsed_nodes_rebuild_equal_by_position_by_name_and_through_replace() -> None:
    kinds: set[type] = set()
    for path in sorted(CORPUS.rglob("*.nova"))[:60]:
        for node in _nodes(parse_module(path.read_text(encoding="utf-8")).module):
            cls = type(node)
            kinds.add(cls)
            values = {field.name: getattr(node, field.name) for field in dataclasses.fields(node)}
            for copy in (cls(*values.values()), cls(**values), dataclasses.replace(node)):
                assert copy == node and hash(copy) == hash(node), cls.__name__
                assert all(getattr(copy, name) is value for name, value in values.items()), cls.__name__
    assert len(kinds) > 60


def test_spans_compare_hash_and_order_by_value() -> None:
    assert Span(1, 2, 3, 4) == Span(1, 2, 3, 4) and hash(Span(1, 2, 3, 4)) == hash(Span(1, 2, 3, 4))
    assert Span(0, 9, 0, 10) < Span(1, 0, 1, 1) and sorted([Span(2, 0, 2, 1), Span(1, 5, 1, 6)])[0] == Span(1, 5, 1, 6)
    assert dataclasses.replace(Span(1, 2, 3, 4), end_col=9) == Span(1, 2, 3, 9)
