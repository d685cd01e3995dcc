"""Every corpus file parses without diagnostics and its tree matches the stored S-expression snapshot.

Set NOVA_UPDATE_SNAPSHOTS=1 to rewrite the snapshots after an intended change to the tree.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nova.syntax import ast, parse_module
from nova.syntax.sexpr import to_sexpr
from nova.syntax.walk import children

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "syntax"
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
UPDATE = os.environ.get("NOVA_UPDATE_SNAPSHOTS", "") not in ("", "0")
FILES = sorted(CORPUS.glob("*.nova"))


def test_corpus_is_large_enough() -> None:
    assert len(FILES) >= 40


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_corpus_file_parses_and_matches_snapshot(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    parsed = parse_module(source)
    assert parsed.diagnostics == ()
    assert parsed.module.name is not None
    assert parsed.module.decls
    rendered = to_sexpr(parsed.module) + "\n"
    snapshot = SNAPSHOTS / f"{path.stem}.sexpr"
    if UPDATE or not snapshot.exists():
        if not UPDATE:
            pytest.fail(f"missing snapshot {snapshot.name}; run with NOVA_UPDATE_SNAPSHOTS=1 to create it")
        SNAPSHOTS.mkdir(exist_ok=True)
        snapshot.write_text(rendered, encoding="utf-8")
    assert rendered == snapshot.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_corpus_spans_nest_and_point_at_source(path: Path) -> None:
    """Spans are tight (start and end on non-blank text), every child's span lies inside its parent's, and names'
    spans cover exactly the name's text."""
    source = path.read_text(encoding="utf-8")
    lines = source.split("\n")
    module = parse_module(source).module

    def text_at(span: object) -> str:
        assert hasattr(span, "start_line")
        s = span  # type: ignore[assignment]
        if s.start_line != s.end_line:  # type: ignore[attr-defined]
            return ""
        return lines[s.start_line][s.start_col : s.end_col]  # type: ignore[attr-defined]

    stack: list[object] = list(module.decls) + list(module.imports)
    while stack:
        node = stack.pop()
        span = node.span  # type: ignore[attr-defined]
        first_char = lines[span.start_line][span.start_col : span.start_col + 1]
        last_char = lines[span.end_line][span.end_col - 1 : span.end_col] if span.end_col > 0 else ""
        assert first_char.strip() and last_char.strip(), ("span not tight", node)
        for child in children(node):
            child_span = child.span  # type: ignore[attr-defined]
            assert span.covers(child_span), (node, child)
            stack.append(child)
        if isinstance(node, ast.Var | ast.Constructor) and node.qualifier is None:
            assert text_at(span) == node.name
        if isinstance(node, ast.Var | ast.Constructor) and node.qualifier is not None:
            assert text_at(span) == f"{node.qualifier}.{node.name}"
        if isinstance(node, ast.ValueDecl | ast.SignatureDecl | ast.LocalValue | ast.ClassMethod):
            assert text_at(node.name_span) == node.name
        if isinstance(node, ast.RecordField | ast.Access):
            label_span = node.label_span if isinstance(node, ast.RecordField) else node.field_span
            label = node.label if isinstance(node, ast.RecordField) else node.field
            assert text_at(label_span).strip('"') in (label, f'"{label}"', label.replace('"', ""))


def test_every_construct_appears_in_the_corpus() -> None:
    """The corpus exercises every node class of the tree several times (BinOp forms come from resolution)."""
    counts: dict[str, int] = {}
    for path in FILES:
        stack: list[object] = [parse_module(path.read_text(encoding="utf-8")).module]
        while stack:
            node = stack.pop()
            counts[type(node).__name__] = counts.get(type(node).__name__, 0) + 1
            stack.extend(children(node))
    resolved_only = {"BinOp", "PatBinOp", "TypeBinOp", "BrokenDecl"}  # made by resolution or by errors
    node_classes = [
        name
        for name, value in vars(ast).items()
        if isinstance(value, type)
        and value.__module__ == ast.__name__
        and hasattr(value, "__dataclass_fields__")
        and name not in resolved_only
    ]
    for name in node_classes:
        minimum = 2
        assert counts.get(name, 0) >= minimum, f"{name} appears {counts.get(name, 0)} times in the corpus"
