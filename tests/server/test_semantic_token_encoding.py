"""The fast paths of the semantic tokens answer give the same answer as the plain ones: the client-unit encoding
(over ASCII and non-ASCII lines, in every position encoding) and the syntax walk's child enumeration."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lsprotocol import types
from pygls.protocol import default_converter

from nova.ide.semantic_tokens import SemanticToken, encode, semantic_tokens
from nova.ide.typed_walk import syntax_children
from nova.syntax import parse_module
from nova.syntax.walk import children
from server.features.semantic_tokens import client_token, delta, encode_for_client, lines_of
from server.positions import LineIndex
from server.raw_json import JsonInts, response_body

TEXT = """module Ünï where

import Prelude

-- | “Quoted” 𝒳 names
naïve :: String -> String
naïve s = s <> "𝒳𝒳" <> show (length [1, 2])

data Pair a = Pair a a
"""

STDLIB = Path(__file__).resolve().parents[2] / "nova" / "stdlib"


class Encoded:
    def __init__(self, encoding: str) -> None:
        self.encoding = encoding


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
def test_the_fast_encoding_matches_token_by_token_conversion(encoding: str) -> None:
    tokens = semantic_tokens(parse_module(TEXT).module, TEXT)
    tokens.append(SemanticToken(6, 40, 3, "variable"))  # past the end of its line
    index = LineIndex.of(TEXT)
    plain = encode([client_token(Encoded(encoding), index, token) for token in tokens])  # type: ignore[arg-type]
    assert encode_for_client(tokens, index, encoding) == plain  # type: ignore[arg-type]
    assert len(plain) == 5 * len(tokens) > 50


def test_syntax_children_are_the_generic_walks_children() -> None:
    visited = 0
    for path in sorted(STDLIB.rglob("*.nova"))[:25]:
        stack: list[object] = [parse_module(path.read_text(encoding="utf-8")).module]
        while stack:
            node = stack.pop()
            expected = list(children(node))
            assert syntax_children(node) == expected
            stack.extend(expected)
            visited += 1
    assert visited > 5_000


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
def test_encoding_by_declaration_matches_the_whole_encoding_across_edits(encoding: str) -> None:
    from nova.ide.semantic_tokens import PlacedGroups, TokenMemo
    from server.features.semantic_tokens import encode_groups

    memo = TokenMemo()
    previous = None
    reused = []
    # an astral character in a comment moves the client columns of the tokens after it (not their code points,
    # not the declaration's fingerprint or layout): the kept encoding of that declaration must not be reused
    texts = [TEXT, TEXT.replace("[1, 2]", "[1, 3]"), TEXT.replace("naïve s = s", "naïve s = {-𝒳-} s"),
             TEXT.replace("naïve s = s", "naïve s = {-x-} s"), "-- new first line\n" + TEXT]
    for text in texts:
        module = parse_module(text).module
        tokens = semantic_tokens(module, text, memo=memo)
        assert memo.groups is not None
        placed = PlacedGroups(memo.groups, [0, *(decl.span.start_line for decl in module.decls)])
        index = LineIndex.of(text)
        whole = encode_for_client(tokens, index, encoding)
        encoded, _ = encode_groups(placed, index, encoding)
        assert encoded == whole and json.loads(encoded.json) == whole
        if text.isascii():  # the same over kept pieces when ASCII lines let them skip the comparison of lines,
            # and spliced into the previous answer's
            plain, _ = encode_groups(placed, index, encoding, plain=True)
            spliced, previous = encode_groups(placed, index, encoding, True, previous)
            assert plain == whole and spliced == whole and json.loads(spliced.json) == whole
        else:
            previous = None
        reused.append(memo.reused)
    # (the one edited walked again; a comment changes no declaration; a line above moves them all)
    assert reused[1:] == [2, 2, 3, 0]


@pytest.mark.parametrize("module", ["Data.Array", "Data.Map"])
def test_a_range_cut_from_the_full_answer_is_the_range_classified_alone(module: str) -> None:
    text = (STDLIB / f"{module}.nova").read_text()
    parsed = parse_module(text).module
    index = LineIndex.of(text)
    full = encode_for_client(semantic_tokens(parsed, text), index, "utf-16")
    last = text.count("\n")
    for lines in [(0, 0), (0, 5), (3, 40), (last // 2, last // 2 + 30), (last - 10, last + 5), (last + 1, last + 9)]:
        alone = encode_for_client(semantic_tokens(parsed, text, lines=lines), index, "utf-16")
        assert lines_of(full, lines) == alone, lines
        assert alone or lines[0] > last or lines == (0, 0), lines  # the ranges are not all empty


def _applied(old: list[int], edits: list[types.SemanticTokensEdit]) -> list[int]:
    result = list(old)
    for edit in reversed(edits):
        result[edit.start:edit.start + edit.delete_count] = edit.data or []
    return result


small = st.lists(st.integers(0, 3), max_size=1300)


@given(small, st.integers(0, 1300), st.integers(0, 700), small)
def test_a_delta_turns_the_old_array_into_the_new_and_keeps_what_they_share(
        old: list[int], at: int, removed: int, inserted: list[int]) -> None:
    new = old[:at] + inserted + old[at + removed:]
    edits = delta(old, new)
    assert _applied(old, edits) == new
    assert edits == [] if old == new else len(edits) == 1
    if edits:
        start, count = edits[0].start, edits[0].delete_count
        # the shared start and end are as long as they can be (neither could take one more number)
        assert start == len(old) or start == len(new) or old[start] != new[start]
        kept_end = len(old) - start - count
        assert kept_end == len(old) - start or kept_end == len(new) - start or \
            old[len(old) - kept_end - 1] != new[len(new) - kept_end - 1]


@pytest.mark.parametrize("request_id", [7, "seven", "ü"])
@pytest.mark.parametrize("result_id", ["12", None])
def test_a_token_answer_written_from_its_held_text_is_what_pygls_would_write(request_id: object,
                                                                            result_id: str | None) -> None:
    numbers = [0, 4, 3, 1, 0, 2, 1, 5, 6, 8]
    data = JsonInts(numbers, ["0,4,3,1,0", "2,1,5,6,8"])
    message = types.SemanticTokensResponse(id=request_id, result=types.SemanticTokens(data=data, result_id=result_id))
    body = response_body(message)
    assert body is not None and json.loads(body) == default_converter().unstructure(message)
    assert response_body(types.SemanticTokensResponse(id=1, result=types.SemanticTokens(data=numbers))) is None


def test_a_splice_keeps_only_groups_on_their_lines_or_moved_alike_at_the_end() -> None:
    """Groups that are the same objects as last time are copied over only where they kept their lines (at the
    start) or all moved by the same lines (at the end): after lines added above some and removed below them, the
    ones between changed place and are encoded again."""
    from nova.ide.semantic_tokens import PlacedGroups, TokenMemo, token_groups
    from server.features.semantic_tokens import encode_groups

    text = "module Main where\n\n" + "".join(f"f{n} x = x + {n}\n\n" for n in range(12))
    memo = TokenMemo()
    placed = token_groups(parse_module(text).module, text, None, None, None, None, memo)
    assert placed is not None
    index = LineIndex.of(text)
    _, previous = encode_groups(placed, index, "utf-16", True)
    # one line added above the fourth declaration and one removed above the ninth: those between moved by one
    lines = [line + (1 if 4 <= n < 9 else 0) for n, line in enumerate(placed.lines)]
    rows = text.split("\n")
    rows[8:8] = [""]  # above f3 (line 8)
    del rows[18]  # the blank line under f7 (now on line 17)
    moved_text = "\n".join(rows)
    moved = PlacedGroups(placed.groups, lines)
    assert moved.tokens() == semantic_tokens(parse_module(moved_text).module, moved_text)
    whole, _ = encode_groups(moved, LineIndex.of(moved_text), "utf-16", True)
    spliced, _ = encode_groups(moved, LineIndex.of(moved_text), "utf-16", True, previous)
    assert list(spliced) == list(whole) == encode_for_client(moved.tokens(), LineIndex.of(moved_text), "utf-16")
    assert json.loads(spliced.json) == list(whole)
