"""Lexer: token kinds, positions (lines, code-point columns, layout columns), literals and lexical diagnostics."""

from __future__ import annotations

from nova.diagnostics import Severity, Span
from nova.syntax.lexer import lex
from nova.syntax.tokens import CHAR, EOF, INT, LOWER, NUMBER, OP, QLOWER, QOP, QUPPER, STRING, UPPER


def kinds(source: str) -> list[tuple[str, str]]:
    return [(t.kind, t.text) for t in lex(source).tokens if t.kind != EOF]


def test_identifiers_keywords_and_qualified_names() -> None:
    assert kinds("map foldl' _acc Just Data.Map.insert M.Map List.map M.<> where") == [
        (LOWER, "map"),
        (LOWER, "foldl'"),
        (LOWER, "_acc"),
        (UPPER, "Just"),
        (QLOWER, "Data.Map.insert"),
        (QUPPER, "M.Map"),
        (QLOWER, "List.map"),
        (QOP, "M.<>"),
        ("where", "where"),
    ]
    tokens = lex("Data.Map.insert M.<>").tokens
    assert (tokens[0].qualifier, tokens[0].name) == ("Data.Map", "insert")
    assert (tokens[1].qualifier, tokens[1].name) == ("M", "<>")


def test_reserved_symbols_and_their_unicode_forms() -> None:
    ascii_kinds = [k for k, _ in kinds(":: -> <- => forall")]
    unicode_kinds = [k for k, _ in kinds("∷ → ← ⇒ ∀")]
    assert ascii_kinds == unicode_kinds == ["::", "->", "<-", "=>", "forall"]
    assert [k for k, _ in kinds("= | \\ @ , . `")] == ["=", "|", "\\", "@", ",", ".", "`"]
    # `..` is an ordinary operator (`infix 8 range as ..`), also in `T(..)`
    assert kinds(".. ...") == [(OP, ".."), (OP, "...")]
    assert kinds("<> >>= <<< == : -") == [(OP, "<>"), (OP, ">>="), (OP, "<<<"), (OP, "=="), (OP, ":"), (OP, "-")]


def test_field_access_lexes_as_dot_then_label() -> None:
    assert kinds("p.name r.type") == [
        (LOWER, "p"),
        (".", "."),
        (LOWER, "name"),
        (LOWER, "r"),
        (".", "."),
        ("type", "type"),
    ]


def test_numbers() -> None:
    tokens = lex("42 0xFF 3.14 1.0e-3 2E5 1_000").tokens
    assert [(t.kind, t.value) for t in tokens[:-1]] == [
        (INT, 42),
        (INT, 255),
        (NUMBER, 3.14),
        (NUMBER, 0.001),
        (NUMBER, 200000.0),
        (INT, 1000),
    ]
    big = lex("123456789012345678901234567890").tokens[0]
    assert big.value == 123456789012345678901234567890


def test_strings_and_escapes() -> None:
    tokens = lex(r'"a\tb" "q\"uote" "\\" "\x41\u00e9" "" ').tokens
    assert [t.value for t in tokens[:-1]] == ["a\tb", 'q"uote', "\\", "Aé", ""]
    assert all(t.kind == STRING for t in tokens[:-1])


def test_triple_quoted_string_is_raw_and_multiline() -> None:
    result = lex('x = """raw \\n "quoted"\nline two"""\ny')
    string = result.tokens[2]
    assert string.kind == STRING
    assert string.value == 'raw \\n "quoted"\nline two'
    assert (string.line, string.col, string.end_line, string.end_col) == (0, 4, 1, 11)
    assert (result.tokens[3].line, result.tokens[3].col) == (2, 0)
    assert result.diagnostics == []


def test_chars() -> None:
    tokens = lex(r"'a' '\n' '\x41' '\'' 'λ'").tokens
    assert [(t.kind, t.value) for t in tokens[:-1]] == [
        (CHAR, "a"),
        (CHAR, "\n"),
        (CHAR, "A"),
        (CHAR, "'"),
        (CHAR, "λ"),
    ]


def test_nested_block_comments_and_line_comments_are_skipped() -> None:
    result = lex("a {- one {- two -} still -} b -- tail\nc")
    assert [(t.text, t.line, t.col) for t in result.tokens[:-1]] == [("a", 0, 0), ("b", 0, 28), ("c", 1, 0)]
    assert result.diagnostics == []


def test_two_dashes_start_a_comment_whatever_follows() -> None:
    # PureScript's lexer (unlike Haskell's) reads `--` at the start of a token as a line comment even when symbol
    # characters follow: `-->` and `--|` begin comments, while dashes inside an operator (`<--`) stay in it
    assert kinds("a --> b\nc") == [(LOWER, "a"), (LOWER, "c")]
    assert kinds("--| a note\nc") == [(LOWER, "c")]
    assert kinds("a <-- b") == [(LOWER, "a"), (OP, "<--"), (LOWER, "b")]


def test_doc_comments_attach_to_the_next_token() -> None:
    result = lex("-- | First line.\n-- second line\nf = 1\n-- plain comment\ng = 2")
    f, g = result.tokens[0], result.tokens[3]
    assert f.doc == "First line.\nsecond line"
    assert g.text == "g" and g.doc is None


def test_columns_count_code_points_not_bytes() -> None:
    tokens = lex('"🎉é" x').tokens
    assert (tokens[1].line, tokens[1].col) == (0, 5)


def test_tab_warns_and_counts_to_next_multiple_of_eight_for_layout() -> None:
    result = lex("f =\n\t  x")
    x = result.tokens[2]
    assert (x.col, x.lcol) == (3, 10)
    assert [(d.severity, d.span) for d in result.diagnostics] == [(Severity.WARNING, Span(1, 0, 1, 1))]


def test_unterminated_string_is_reported_and_lexing_continues() -> None:
    result = lex('x = "abc\ny = 1')
    assert [d.code for d in result.diagnostics] == ["UnterminatedLiteral"]
    assert result.diagnostics[0].span == Span(0, 4, 0, 5)
    assert [t.text for t in result.tokens if t.line == 1 and t.kind != EOF] == ["y", "=", "1"]


def test_unterminated_block_comment_is_reported() -> None:
    result = lex("x = 1 {- never closed\n more")
    assert [d.code for d in result.diagnostics] == ["UnterminatedComment"]
    assert result.diagnostics[0].span == Span(0, 6, 0, 8)
    assert result.tokens[-1].kind == EOF


def test_invalid_escape_is_reported_at_its_position() -> None:
    result = lex('s = "ok \\q"')
    assert [(d.code, d.span) for d in result.diagnostics] == [("InvalidEscape", Span(0, 8, 0, 10))]


def test_stray_character_is_reported_and_dropped() -> None:
    result = lex("a § b")  # punctuation, not a symbol: no token starts with it
    assert [t.text for t in result.tokens[:-1]] == ["a", "b"]
    assert [(d.code, d.span) for d in result.diagnostics] == [("UnexpectedCharacter", Span(0, 2, 0, 3))]


def test_crlf_line_endings() -> None:
    tokens = lex("a = 1\r\nb = 2\r\n").tokens
    assert [(t.text, t.line, t.col) for t in tokens[:-1]][3] == ("b", 1, 0)


def test_every_line_of_a_pipe_doc_comment_is_kept() -> None:
    result = lex("-- | Splits a string.\n-- | Empty pieces are kept.\nsplit = 1")
    assert result.tokens[0].doc == "Splits a string.\nEmpty pieces are kept."


def test_unicode_symbols_make_operators() -> None:
    result = lex("f ∘ g ≤ h <∘> k ⊕∀ m a∷b")
    assert [(t.kind, t.text) for t in result.tokens[:-1]] == [
        ("LOWER", "f"),
        ("OP", "∘"),
        ("LOWER", "g"),
        ("OP", "≤"),
        ("LOWER", "h"),
        ("OP", "<∘>"),
        ("LOWER", "k"),
        ("OP", "⊕∀"),
        ("LOWER", "m"),
        ("LOWER", "a"),
        ("::", "∷"),
        ("LOWER", "b"),
    ]
    assert result.diagnostics == []


def test_typed_holes_and_qualified_operator_names() -> None:
    result = lex("?hole ? <?> M.(<>) Data.Map.(!)")
    assert [(t.kind, t.name, t.qualifier) for t in result.tokens[:-1]] == [
        ("TYPED_HOLE", "hole", None),
        ("OP", "?", None),
        ("OP", "<?>", None),
        ("QSYMBOL", "<>", "M"),
        ("QSYMBOL", "!", "Data.Map"),
    ]


def test_shebang_lines_at_the_top_are_comments() -> None:
    result = lex("#! /usr/bin/env nova\n#! second\n\nmodule M where\nx = 1 #! 2\n")
    assert [t.text for t in result.tokens[:4]] == ["module", "M", "where", "x"]
    assert result.tokens[0].line == 3
    # anywhere else `#!` is an operator
    assert [t.text for t in result.tokens if t.line == 4][-2:] == ["#!", "2"]
