"""The fast paths of the semantic tokens answer give the same answer as the plain ones: the client-unit encoding
(over ASCII and non-ASCII lines, in every position encoding) and the syntax walk's child enumeration."""

from __future__ import annotations

from pathlib import Path

import pytest

from nova.ide.semantic_tokens import SemanticToken, encode, semantic_tokens
from nova.ide.typed_walk import syntax_children
from nova.syntax import parse_module
from nova.syntax.walk import children
from server.features.semantic_tokens import client_token, encode_for_client, lines_of
from server.positions import LineIndex

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
    from nova.ide.semantic_tokens import TokenMemo
    from server.features.semantic_tokens import encode_groups

    memo = TokenMemo()
    reused = []
    # an astral character in a comment moves the client columns of the tokens after it (not their code points,
    # not the declaration's fingerprint or layout): the kept encoding of that declaration must not be reused
    texts = [TEXT, TEXT.replace("[1, 2]", "[1, 3]"), TEXT.replace("naïve s = s", "naïve s = {-𝒳-} s"),
             TEXT.replace("naïve s = s", "naïve s = {-x-} s"), "-- new first line\n" + TEXT]
    for text in texts:
        tokens = semantic_tokens(parse_module(text).module, text, memo=memo)
        assert memo.groups is not None
        index = LineIndex.of(text)
        assert encode_groups(memo.groups, index, encoding) == encode_for_client(tokens, index, encoding)
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
