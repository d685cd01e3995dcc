"""Differential tests of re-parsing by top-level items: after any edit, `reparse` gives exactly the parse that
`parse_module` gives for the new text (tree, spans, fingerprints, diagnostics in order, broken declarations), and
a check of it equals a check from scratch; and it does parse only the touched items when it can."""

from __future__ import annotations

import random
from dataclasses import fields, is_dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nova.check import check_module
from nova.diagnostics import Span
from nova.shift import shift_lines
from nova.syntax import parse_module
from nova.syntax.reparse import parse_items, reparse
from nova.types.pretty import print_scheme
from tests.nova.types.corpus import corpus_sources
from tests.nova.types.helpers import root

STDLIB = Path(__file__).resolve().parents[3] / "nova" / "stdlib"

# what editing inserts: plain typing, lines, indentation, and every opener that can swallow what follows
SNIPPETS = ("x", " ", "\n", "\n\n", "\n  ", "(", ")", "[", "{", "}", "{-", "-}", "{- c -}", '"', '"""', "'", "--",
            "-- | a doc\n", "-- |", "=", "|", "->", "where", " where\n  y = 1", "let", "in", "case", "of", "do",
            "else ", "else instance ", "instance ", "\nimport X\n", "\nfoo = 1\n", "\nfoo :: Int\n", "\t", "\\",
            "module ", "data T = A", "\n-1", "-")


@cache
def texts() -> tuple[str, ...]:
    files = sorted(corpus_sources().values()) + sorted(p.read_text(encoding="utf-8") for p in STDLIB.glob("*.nova"))
    return tuple(files)


def _edit(text: str, position: int, kind: int, snippet: str, length: int) -> str:
    position = min(position, len(text))
    if kind == 0:  # insert
        return text[:position] + snippet + text[position:]
    if kind == 1:  # delete
        return text[:position] + text[position + length:]
    if kind == 2:  # replace
        return text[:position] + snippet + text[position + length:]
    start = text.rfind("\n", 0, position) + 1  # at a line's start: indent, outdent, comment out, split
    return text[:start] + snippet + text[start + min(length, 2):]


edits = st.tuples(st.integers(0, 10**6), st.integers(0, 3), st.sampled_from(SNIPPETS), st.integers(1, 12))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10**6), st.lists(edits, min_size=1, max_size=6))
def test_a_reparse_after_any_edits_equals_a_parse_from_scratch(which: int, steps: list[tuple[int, int, str, int]]
                                                               ) -> None:
    all_texts = texts()
    text = all_texts[which % len(all_texts)]
    state = parse_items(text)
    assert state.parsed == parse_module(text)
    for position, kind, snippet, length in steps:
        text = _edit(text, position % (len(text) + 1), kind, snippet, length)
        state = reparse(state, text)
        assert state.text == text
        assert state.parsed == parse_module(text)
        assert state.items == parse_items(text).items


def _module(count: int) -> str:
    body = "".join(f"-- | Function {i}.\nf{i} :: Int -> Int\nf{i} x = x * {i} + 1\n\n" for i in range(count))
    return "module Big where\n\nimport Prelude\n\n" + body


def test_a_keystroke_in_one_declaration_parses_only_the_items_around_it() -> None:
    text = _module(100)
    state = parse_items(text)
    at = text.index("f50 x = x * 50") + len("f50 x = x * 5")
    edited = text[:at] + "7" + text[at + 1:]
    after = reparse(state, edited)
    assert after.parsed == parse_module(edited)
    assert 0 < after.reparsed <= 3  # the signature and the binding of f50, and the item after them
    before_decls, after_decls = state.parsed.module.decls, after.parsed.module.decls
    kept = sum(1 for a, b in zip(before_decls, after_decls, strict=True) if a is b)
    assert kept >= len(before_decls) - 3  # every other declaration is the very same object


def test_a_new_line_moves_the_declarations_below_it_and_keeps_those_above() -> None:
    text = _module(40)
    state = parse_items(text)
    at = text.index("f20 x = x * 20") + len("f20 x = x")
    edited = text[:at] + "\n    " + text[at:]
    after = reparse(state, edited)
    assert after.parsed == parse_module(edited)
    assert after.reparsed > 0
    old, new = state.parsed.module.decls, after.parsed.module.decls
    assert new[0] is old[0]
    assert new[-1] is not old[-1] and new[-1].span.start_line == old[-1].span.start_line + 1


@pytest.mark.parametrize(("before", "after"), [
    ("f30 x = x * 30", "f30 x = {- x * 30"),  # an unclosed comment swallows the rest of the file
    ("f30 x = x * 30", 'f30 x = """x * 30'),  # so does an unclosed triple-quoted string
    ("-- | Function 30.", "-- | Function thirty."),  # the doc comment of the item after the edit
    ("f30 :: Int", " f30 :: Int"),  # an item indented into the one before it
    ("f30 x = x * 30 + 1\n", "f30 x = (x * 30 + 1\n"),  # an unclosed bracket
    ("import Prelude\n", "import Prelude\nimport Data.Maybe\n"),  # the imports
    ("module Big where", "module Bigger where"),  # the header
    ("f0 x = x * 0", "f0 x = x * 9"),  # the first declaration
    ("f39 x = x * 39 + 1\n", "f39 x = x * 39 + 1\nextra = 1\n"),  # after the last declaration
])
def test_edits_that_reach_past_their_item_give_the_parse_from_scratch(before: str, after: str) -> None:
    text = _module(40)
    edited = text.replace(before, after, 1)
    assert edited != text
    assert reparse(parse_items(text), edited).parsed == parse_module(edited)


def test_an_instance_chain_split_or_joined_by_an_edit_parses_as_from_scratch() -> None:
    text = ("module Chains where\n\nimport Prelude\n\nclass C a where\n  c :: a -> Int\n\n"
            "instance cInt :: C Int where\n  c _ = 1\nelse instance cAny :: C a where\n  c _ = 2\n\n"
            "g :: Int\ng = 3\n")
    state = parse_items(text)
    for edited in (text.replace("else instance", "instance"), text.replace("g = 3", "else instance x :: C a where"),
                   text.replace("  c _ = 1\n", "  c _ = 1\n\n")):
        assert reparse(state, edited).parsed == parse_module(edited)


def _summary(checked: Any) -> object:
    return (
        {k: print_scheme(v) for k, v in checked.exports.items()},
        [(d.code, d.span, d.message) for d in checked.diagnostics],
        dict(checked.typed_ast.elements),
    )


@pytest.mark.parametrize("seed", range(4))
def test_checking_a_reparsed_module_incrementally_equals_checking_it_from_scratch(seed: int) -> None:
    rng = random.Random(seed)
    text = rng.choice(sorted(corpus_sources().values()))
    view = root()
    state = parse_items(text)
    previous = check_module(state.parsed, view)
    for _ in range(6):
        lines = text.split("\n")
        j = rng.randrange(1, len(lines))
        choice = rng.random()
        if choice < 0.3:
            lines.insert(j, "")  # the declarations below move
        elif choice < 0.5:
            del lines[j]
        else:
            lines[j] = lines[j].replace("1", "2").replace("+", "-")
        text = "\n".join(lines)
        state = reparse(state, text)
        incremental = check_module(state.parsed, view, previous)
        assert _summary(incremental) == _summary(check_module(parse_module(text), view))
        previous = incremental


def _shift_by_replace(root_value: Any, delta: int) -> Any:
    """The straightforward way of moving a tree (each dataclass rebuilt by `dataclasses.replace`): what
    `shift_lines` must agree with."""
    memo: dict[int, Any] = {}

    def go(v: Any) -> Any:
        if isinstance(v, Span):
            return Span(v.start_line + delta, v.start_col, v.end_line + delta, v.end_col)
        if isinstance(v, tuple):
            return tuple(go(x) for x in v)
        if isinstance(v, frozenset):
            return v
        if is_dataclass(v) and not isinstance(v, type):
            if id(v) in memo:
                return memo[id(v)]
            if type(v).__module__.startswith("nova.types"):
                return v
            out = memo[id(v)] = replace(v, **{f.name: go(getattr(v, f.name)) for f in fields(v) if f.init})
            return out
        return v

    return go(root_value)


def test_moving_typed_and_syntax_trees_by_lines_agrees_with_rebuilding_them() -> None:
    text = sorted(corpus_sources().values())[0]
    parsed = parse_module(text)
    checked = check_module(parsed, root())
    for tree in (parsed.module.decls, tuple(checked.typed_ast.elements.values())):
        moved = shift_lines(tree, 3)
        assert moved == _shift_by_replace(tree, 3)
        assert moved != tree
        assert shift_lines(moved, -3) == tree


def test_a_bracket_left_open_by_an_edit_does_not_make_the_head_scan_read_the_next_declaration() -> None:
    """An instance head cut by a new top-level line inside its context's brackets, then an edit just above it:
    the re-parse takes the head as its own item, so the parse from scratch must not look for `=>` past the new
    line either (it once found the `=>` of the orphaned rest and reported another error)."""
    text = (STDLIB / "Data.Semigroup.nova").read_text(encoding="utf-8")
    cut = text.index("row subrowTail, Semigroup focus)") + len("row su")
    broken = text[:cut] + "\nfoo = 1\n" + text[cut + 6:]
    typed = broken.index("instance semigroupRecordNil") + len("instance semigroupRec")
    edited = broken[:typed] + "x" + broken[typed:]
    state = reparse(parse_items(broken), edited)
    assert state.parsed == parse_module(edited)
    assert any(d.message.startswith("expected a class name") for d in state.parsed.diagnostics)
