"""Differential tests of the reading features' reuse across edits: after any sequence of edits, re-parsed by
top-level items and checked over the previous check (as the server does on each keystroke), the typed index built
over the previous index, the semantic tokens made with the memo of the previous answers, their client encoding
spliced into the previous encoding, and the inlay hints are exactly what a build from scratch gives."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nova.check import check_module
from nova.ide.inlay_hints import HintSettings, inlay_hints
from nova.ide.line_map import line_edit
from nova.ide.moved import moved_elements
from nova.ide.semantic_tokens import TokenMemo, TypedIndex, semantic_tokens, token_groups
from nova.syntax import parse_module
from nova.syntax.reparse import parse_items, reparse
from server.features.semantic_tokens import Encoded, encode_for_client, encode_groups
from server.positions import LineIndex
from tests.nova.types.helpers import root

BASE = """module Main where

import Prelude

data Shape = Circle Int | Square Int

infixr 5 Circle as :<

-- | A value whose meaning edits change.
value = 1

user = value

twice f x = f (f x)

area :: Shape -> Int
area s = case s of
  Circle r -> r * r
  Square w -> w * w

shapes = [Circle 1, 2 :< Square 3]

naive = "x" <> {- 𝒳 -} show 1 -- ü𝒳

local = let go n = n + value in go 2

main = twice (\\n -> n + 1) value
"""

# what an edit does at a line: the declarations below move (a line added or removed), a literal or an operator
# changes, a name changes meaning (a value becomes a function), a declaration or a non-ASCII comment appears
LINE_EDITS = (
    lambda line: ["", line],
    lambda line: [],
    lambda line: [line.replace("1", "12").replace("+", "-")],
    lambda line: [line.replace("value = 1", "value = \\x -> x")],
    lambda line: [line.replace("value = \\x -> x", "value = 1")],
    lambda line: [line, "", "extra = value"],
    lambda line: [line + " -- ü𝒳"],
    lambda line: ["{- 𝒳 -}" + line],
    lambda line: [line + " x"],
    lambda line: [line.replace("𝒳", "x").replace("ü", "u")],
    lambda line: [line.replace("{- 𝒳 -}", "{- x -}").replace("-- ü𝒳", "-- u")],
)

library = "Prelude".__eq__


def library_type(name: str, qualifier: str | None, namespace: str) -> bool:
    return name in ("Int", "String", "Show")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, len(LINE_EDITS) - 1)), min_size=1, max_size=7),
       st.sampled_from(["utf-8", "utf-16", "utf-32"]))
def test_reading_features_after_edits_equal_a_build_from_scratch(steps: list[tuple[int, int]],
                                                                 encoding: str) -> None:
    view = root()
    text = BASE
    items = parse_items(text)
    checked = check_module(items.parsed, view)
    index = TypedIndex("Main", checked.typed_ast.elements, None, library)
    memo = TokenMemo()
    groups = token_groups(items.parsed.module, text, index, None, None, library_type, memo)
    assert groups is not None
    encoded: Encoded | None = encode_groups(groups, LineIndex.of(text), encoding,  # type: ignore[arg-type]
                                            text.isascii())[1]
    for where, kind in steps:
        lines = text.split("\n")
        at = 4 + where % (len(lines) - 4)  # below the imports (an edit there parses everything again)
        lines[at:at + 1] = LINE_EDITS[kind](lines[at])
        text, old_text = "\n".join(lines), text
        items = reparse(items, text)
        checked, old_checked = check_module(items.parsed, view, checked), checked
        before = dict(index.meanings)
        # (as the server builds it: told the lines the texts differ by and the elements the checker moved)
        index = TypedIndex("Main", checked.typed_ast.elements, None, library, index, line_edit(old_text, text),
                           moved_elements(old_checked, checked))
        # the typed index: the same meanings as one built from scratch (under its stored lines), and every change
        # is in its list
        fresh_parse = parse_module(text)
        fresh_check = check_module(fresh_parse, view)
        scratch = TypedIndex("Main", fresh_check.typed_ast.elements, None, library)
        assert len(index.meanings) == len(scratch.meanings)
        assert all(index.meaning(span) == meaning for span, meaning in scratch.meanings.items())
        assert index.changed is not None
        assert {span for span in {*before, *index.meanings} if before.get(span) != index.meanings.get(span)} \
            <= index.changed
        # the tokens from the memo and their encoding spliced into the previous one's
        expected = semantic_tokens(fresh_parse.module, text, scratch, None, None, library_type)
        groups = token_groups(items.parsed.module, text, index, None, None, library_type, memo)
        line_index = LineIndex.of(text)
        whole = encode_for_client(expected, line_index, encoding)  # type: ignore[arg-type]
        if groups is None:  # (declarations out of the text's order: the whole answer is sorted instead)
            assert semantic_tokens(items.parsed.module, text, index, None, None, library_type, None, memo) \
                == expected
            encoded = None
            continue
        assert groups.tokens() == expected
        data, encoded = encode_groups(groups, line_index, encoding,  # type: ignore[arg-type]
                                      encoding == "utf-32" or text.isascii(), encoded)
        assert list(data) == whole and json.loads(data.json) == whole
        # inlay hints of the incremental check, for the module and for a screen, as those of a check from scratch
        everything = HintSettings(local=True, variables=True, parameter_names=True)
        for screen in (None, (at - 3, at + 3)):
            assert inlay_hints(checked.typed_ast.elements, items.parsed.module, view, everything, screen, text) \
                == inlay_hints(fresh_check.typed_ast.elements, fresh_parse.module, view, everything, screen, text)


def test_an_edit_in_one_declaration_walks_only_that_declaration() -> None:
    """The splice's point: after an edit inside one declaration's body, only that declaration is walked again and
    the typed index walks only its element (the rest are not visited)."""
    view = root()
    items = parse_items(BASE)
    checked = check_module(items.parsed, view)
    index = TypedIndex("Main", checked.typed_ast.elements, None, library)
    memo = TokenMemo()
    token_groups(items.parsed.module, BASE, index, None, None, library_type, memo)
    edited = BASE.replace("Circle r -> r * r", "Circle r -> r * r * r")
    items = reparse(items, edited)
    checked = check_module(items.parsed, view, checked)
    before = index
    index = TypedIndex("Main", checked.typed_ast.elements, None, library, index)
    assert index.based_on is before and before.meanings == {}  # the table was taken over, not copied
    kept = [e for e in checked.typed_ast.elements.values() if id(e) in before.parts]
    assert len(kept) == len(checked.typed_ast.elements) - 1
    assert all(index.parts[id(e)] is before.parts[id(e)] for e in kept)
    # an index built over the same previous one again (its table given up) is still right
    again = TypedIndex("Main", checked.typed_ast.elements, None, library, before)
    assert again.meanings == index.meanings and again.changed is not None and index.changed is not None
    assert index.changed <= again.changed
    groups = token_groups(items.parsed.module, edited, index, None, None, library_type, memo)
    assert groups is not None and memo.walked == 1 and memo.reused == len(items.parsed.module.decls) - 1
    # a name changing meaning walks its users again too (`user = value` becomes a function's use)
    changed = edited.replace("value = 1", "value = \\x -> x")
    items = reparse(items, changed)
    checked = check_module(items.parsed, view, checked)
    index = TypedIndex("Main", checked.typed_ast.elements, None, library, index)
    groups = token_groups(items.parsed.module, changed, index, None, None, library_type, memo)
    assert groups is not None and memo.walked >= 2
    use = next(t for t in groups.tokens() if t.line == changed.split("\n").index("user = value") and t.col == 7)
    assert use.type == "function"


def test_a_comment_losing_its_wide_characters_moves_the_tokens_after_it() -> None:
    """A declaration kept by the memo across an edit of a comment beside its tokens is the same group, but its
    client columns moved when the comment's characters were not ASCII: its encoding is made again, not spliced."""
    before = "module Main where\n\nimport Prelude\n\none = 1\n\nnaive = one {- 𝒳𝒳 -} + one\n\ntwo = 2\n"
    after = before.replace("𝒳𝒳", "xx")
    memo = TokenMemo()
    encoded: Encoded | None = None
    for text in (before, after):
        groups = token_groups(parse_module(text).module, text, None, None, None, library_type, memo)
        assert groups is not None
        data, encoded = encode_groups(groups, LineIndex.of(text), "utf-16", text.isascii(), encoded)
        assert list(data) == encode_for_client(semantic_tokens(parse_module(text).module, text), LineIndex.of(text),
                                               "utf-16")
    assert memo.reused == 3  # (the edited declaration's group was the memo's)


def test_a_line_added_or_removed_above_every_declaration_walks_none_and_changes_one_number() -> None:
    """Lines added or removed near the top move every declaration below, as the checker moves their elements: the
    typed index keeps their meanings under its stored lines (no element walked, no meaning changed), the memo
    keeps their groups (none walked), the encoding splices them (the first token below changes its line delta,
    nothing else) and the inlay hints memo moves their hints; all as a build from scratch gives."""
    from nova.ide.inlay_hints import HintMemo

    view = root()
    text = BASE
    items = parse_items(text)
    checked = check_module(items.parsed, view)
    index = TypedIndex("Main", checked.typed_ast.elements, None, library)
    memo, hints = TokenMemo(), HintMemo()
    everything = HintSettings(local=True, variables=True, parameter_names=True)
    placed = token_groups(items.parsed.module, text, index, None, None, library_type, memo)
    assert placed is not None
    data, encoded = encode_groups(placed, LineIndex.of(text), "utf-16", True)
    inlay_hints(checked.typed_ast.elements, items.parsed.module, view, everything, None, text, memo=hints)
    at = text.split("\n").index("data Shape = Circle Int | Square Int") + 1
    for added in ("\n", "\n\n\n", "", "-- a comment\n"):
        lines = text.split("\n")
        if added:
            lines[at:at] = added.split("\n")[:-1]
        else:
            del lines[at]
        text, old_text = "\n".join(lines), text
        items = reparse(items, text)
        checked, old_checked = check_module(items.parsed, view, checked), checked
        moved = moved_elements(old_checked, checked)
        assert len(moved) >= 5
        before = index
        index = TypedIndex("Main", checked.typed_ast.elements, None, library, index, line_edit(old_text, text), moved)
        assert index.changed == frozenset() and index.based_on is before
        assert all(index.parts[id(element)][2] is before.parts[id(origin)][2] for element, origin in
                   ((e, moved[id(e)][0]) for e in checked.typed_ast.elements.values() if id(e) in moved))
        placed = token_groups(items.parsed.module, text, index, None, None, library_type, memo)
        assert placed is not None and memo.walked == 0
        scratch = semantic_tokens(parse_module(text).module, text,
                                  TypedIndex("Main", check_module(parse_module(text), view).typed_ast.elements,
                                             None, library), None, None, library_type)
        assert placed.tokens() == scratch
        previous = list(data)
        data, encoded = encode_groups(placed, LineIndex.of(text), "utf-16", True, encoded)
        assert list(data) == encode_for_client(scratch, LineIndex.of(text), "utf-16")
        assert json.loads(data.json) == list(data)
        assert len(data) == len(previous) and sum(a != b for a, b in zip(data, previous, strict=True)) == 1
        found = inlay_hints(checked.typed_ast.elements, items.parsed.module, view, everything, None, text,
                            memo=hints, moved=moved)
        # (only the elements neither kept nor moved by the checker: those not in a binding group, as a fixity)
        remade = [e for key, e in checked.typed_ast.elements.items()
                  if e is not old_checked.typed_ast.elements.get(key) and id(e) not in moved]
        assert hints.made <= len(remade) < len(moved)
        assert found == inlay_hints(checked.typed_ast.elements, items.parsed.module, view, everything, None, text)
