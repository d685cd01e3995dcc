"""The layout rule on PureScript's own corner cases (the ones its layout tests pin down), rendered as PureScript
renders them: each virtual token `{ ; }` written after the previous token and the spaces that trail it on its line,
so the expected text reads like the source with the braces the parser sees."""

from __future__ import annotations

from nova.syntax.layout import layout
from nova.syntax.lexer import lex
from nova.syntax.tokens import EOF, VEND, VSEP, VSTART

_SHOW = {VSTART: "{", VSEP: ";", VEND: "}"}


def render(source: str) -> str:
    out: list[str] = []
    last = 0
    pending: list[str] = []
    for tok in layout(lex(source).tokens):
        if tok.kind in _SHOW:
            pending.append(_SHOW[tok.kind])
            continue
        gap = source[last:] if tok.kind == EOF else source[last : tok.start]
        newline = gap.find("\n")
        trailing, leading = (gap, "") if newline < 0 else (gap[:newline], gap[newline:])
        out.append(trailing + "".join(pending) + leading + tok.text)
        pending = []
        last = tok.end
    return "".join(out)


def test_ado_blocks_are_closed_by_in() -> None:
    source = (
        "module Test where\n\n"
        "test = ado\n  baz\n  let foo = bar\n   in bar\n\n"
        "test = ado in foo\n\n"
        "test = ado\n  foo <- bar $ let a = 42 in a\n  baz <- b\n  in bar\n"
    )
    assert render(source) == (
        "module Test where{\n\n"
        "test = ado{\n  baz;\n  let {foo = bar}}\n   in bar;\n\n"
        "test = ado {}in foo;\n\n"
        "test = ado{\n  foo <- bar $ let {a = 42 }in a;\n  baz <- b}\n  in bar}\n"
    )


def test_let_statements_in_ado_close_with_the_ado() -> None:
    source = "module Test where\n\ntest = ado\n  foo\n  let bar = let a = 42 in a\n  let baz = 42\n  in bar\n"
    assert render(source) == (
        "module Test where{\n\ntest = ado{\n  foo;\n  let {bar = let {a = 42 }in a};\n  let {baz = 42}}\n  in bar}\n"
    )


def test_qualified_and_one_line_ado() -> None:
    source = "module Test where\n\nf = M.ado\n  x <- a\n  in x\ng = ado x <- a\n        y <- b\n        in x\n"
    assert render(source) == (
        "module Test where{\n\nf = M.ado{\n  x <- a}\n  in x;\ng = ado {x <- a;\n        y <- b}\n        in x}\n"
    )


def test_let_guards_in_ado_do_not_separate() -> None:
    source = (
        "module Test where\n\ntest = ado\n  let\n    foo\n      | bar\n      , baz =\n        42\n"
        "      | otherwise = 100\n  foo\n"
    )
    assert render(source) == (
        "module Test where{\n\ntest = ado{\n  let{\n    foo\n      | bar\n      , baz =\n        42\n"
        "      | otherwise = 100};\n  foo}}\n"
    )


def test_else_of_an_instance_chain_inserts_no_separator() -> None:
    source = "module Test where\n\ninstance foo :: Foo Int else bar :: Foo String\nelse baz :: Foo Boolean\n"
    assert render(source) == (
        "module Test where{\n\ninstance foo :: Foo Int else bar :: Foo String\nelse baz :: Foo Boolean}\n"
    )


def test_else_closes_the_instance_body_and_may_stand_alone_on_its_line() -> None:
    source = (
        "module Test where\n\ninstance a :: C Int where\n  c = 1\nelse instance b :: C a where\n  c = 2\n"
        "else\ninstance d :: C b\n\nx = 1\n"
    )
    assert render(source) == (
        "module Test where{\n\ninstance a :: C Int where{\n  c = 1}\nelse instance b :: C a where{\n  c = 2}\n"
        "else;\ninstance d :: C b;\n\nx = 1}\n"
    )


def test_commas_of_functional_dependencies_are_masked() -> None:
    source = (
        "module Test where\n\nimport Foo (class Foo)\n\nclass Foo a b c d | a -> b, c -> d where\n  foo :: Foo\n\n"
        "class Foo a b c d | a -> b, c -> d\n\ninstance foo :: Foo\n"
    )
    assert render(source) == (
        "module Test where{\n\nimport Foo (class Foo);\n\nclass Foo a b c d | a -> b, c -> d where{\n  foo :: Foo};\n\n"
        "class Foo a b c d | a -> b, c -> d;\n\ninstance foo :: Foo}\n"
    )


def test_negative_type_level_integers_across_lines() -> None:
    source = "module Test where\n\ntype A = (-1)\n\ntype B = (-\n  -- a comment\n  1)\n"
    assert render(source) == "module Test where{\n\ntype A = (-1);\n\ntype B = (-\n  -- a comment\n  1)}\n"


def test_commas_close_blocks_inside_brackets() -> None:
    source = "module Test where\n\ntest =\n  [ do do do foo, bar ]\n\ntest = [ \\foo -> foo, bar ]\n"
    assert render(source) == (
        "module Test where{\n\ntest =\n  [ do {do {do {foo}}}, bar ];\n\ntest = [ \\foo -> foo, bar ]}\n"
    )


def test_operators_at_the_do_column_close_the_do() -> None:
    source = "module Test where\n\ntest = do\n  foo\n  foo do\n    bar\n  <|> bar\n"
    assert render(source) == "module Test where{\n\ntest = do{\n  foo;\n  foo do{\n    bar}}\n  <|> bar}\n"


def test_case_of_anonymous_argument_with_a_backtick_continuation() -> None:
    source = "module Test where\n\nexample =\n  case _ of\n    Foo a -> 1\n    Bar b -> 2\n    `append` 3\n"
    assert render(source) == (
        "module Test where{\n\nexample =\n  case _ of{\n    Foo a -> 1;\n    Bar b -> 2}\n    `append` 3}\n"
    )


def test_negative_literal_alternatives_start_new_alternatives() -> None:
    """PureScript closes the alternatives at `-`; Nova reads `-1 ->` at their column as the next alternative."""
    source = "module Test where\n\nf x = case x of\n  -1 -> a\n  -2.5 -> b\n  _ -> c - 1\n"
    assert render(source) == (
        "module Test where{\n\nf x = case x of{\n  -1 -> a;\n  -2.5 -> b;\n  _ -> c - 1}}\n"
    )
    # an operator continuing the case expression on its own line still closes it
    continued = "module Test where\n\nf x = case x of\n  A -> 1\n  - 1\n"
    assert render(continued) == "module Test where{\n\nf x = case x of{\n  A -> 1}\n  - 1}\n"


def test_records_and_keyword_labels_keep_their_layout() -> None:
    source = "module Test where\n\ntest = { ado: 1, do: 2, in: 3 }.ado\n"
    assert render(source) == "module Test where{\n\ntest = { ado: 1, do: 2, in: 3 }.ado}\n"
