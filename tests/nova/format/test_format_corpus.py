"""Formatting every Nova file of the repository (test corpus, stdlib, examples) keeps its syntax tree, keeps every
comment, needs no fall-back, and is idempotent. The examples are kept formatted."""

from __future__ import annotations

from pathlib import Path

import pytest

from nova.format import format_source
from nova.format.format import CANONICAL
from nova.format.shape import tree_shape
from nova.format.trivia import comments_between
from nova.syntax import parse_module
from nova.syntax.lexer import lex

ROOT = Path(__file__).resolve().parents[3]
FILES = sorted(
    [*ROOT.glob("tests/corpus/**/*.nova"), *ROOT.glob("nova/stdlib/*.nova"), *ROOT.glob("examples/**/*.nova")]
)


def comment_texts(text: str) -> list[str]:
    lexed = lex(text)
    return [c.text for c in comments_between(text, lexed.tokens, lexed.line_starts)]


def test_the_corpus_is_there() -> None:
    assert len(FILES) > 200


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_formatting_keeps_the_tree_and_comments_and_is_idempotent(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    result = format_source(source)
    if result is None:  # a corpus file with syntax errors on purpose: refused, nothing to compare
        assert any(d.severity.name == "ERROR" for d in parse_module(source).diagnostics)
        return
    assert result.mode == CANONICAL
    if result.text != source:
        assert tree_shape(parse_module(result.text).module) == tree_shape(parse_module(source).module)
    assert comment_texts(result.text) == comment_texts(source)
    again = format_source(result.text)
    assert again is not None and again.text == result.text


@pytest.mark.parametrize("path", sorted(ROOT.glob("examples/**/*.nova")), ids=lambda p: p.name)
def test_examples_are_formatted(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    result = format_source(source)
    assert result is not None and result.text == source
