"""Error recovery for the PureScript 0.15 forms: each broken declaration is one diagnostic with an exact range, its
siblings survive, and the element it was declaring is known (so its uses are not reported as unknown)."""

from __future__ import annotations

from nova.diagnostics import Severity, Span
from nova.syntax import ast, parse_module


def outcome(body: str) -> tuple[list[str], list[str | None], list[tuple[Span, str]]]:
    """(declared names, keys of the broken declarations, (range, message) of each error)."""
    parsed = parse_module("module M where\n" + body)
    names = [getattr(d, "name", None) or type(d).__name__ for d in parsed.module.decls]
    errors = [(d.span, d.message) for d in parsed.diagnostics if d.severity == Severity.ERROR]
    return names, [b.key for b in parsed.broken], errors


def test_a_broken_member_of_an_instance_chain_keeps_the_members_before_it() -> None:
    names, broken, errors = outcome("instance a :: C Int\nelse instance b :: C (\nelse instance c :: C x\nx = 1\n")
    assert names == ["a", "x"]
    assert broken == ["instance:b"]
    assert errors == [(Span(3, 0, 3, 4), "expected a type, found keyword `else`")]


def test_else_without_instance() -> None:
    names, broken, errors = outcome("instance a :: C Int else foo\nx = 1\n")
    assert names == ["a", "x"] and broken == [None]
    assert errors == [(Span(1, 25, 1, 28), "expected `instance` after `else`, found identifier `foo`")]


def test_else_after_something_else_than_an_instance() -> None:
    names, broken, errors = outcome("derive instance eqT :: Eq T\nelse instance C Int\nx = 1\n")
    assert names == ["x"] and broken == ["instance:eqT"]
    assert errors == [(Span(2, 0, 2, 4), "expected the end of the declaration, found keyword `else`")]


def test_roles() -> None:
    names, broken, errors = outcome("type role T nominl\nx = 1\n")
    assert names == ["x"] and broken == ["type:T"]
    assert errors == [
        (Span(1, 12, 1, 18), "expected a role (`nominal`, `representational` or `phantom`), found identifier `nominl`")
    ]
    _, _, missing = outcome("type role T\nx = 1\n")
    assert missing == [
        (Span(1, 11, 1, 11), "expected a role (`nominal`, `representational` or `phantom`), found the end of the "
         "declaration")
    ]


def test_functional_dependencies() -> None:
    names, broken, errors = outcome("class C a b | a ->\nx = 1\n")
    assert names == ["x"] and broken == ["class:C"]
    assert errors == [(Span(1, 18, 1, 18), "expected a type variable after `->`, found the end of the declaration")]
    _, _, no_arrow = outcome("class C a b | a b where\n  f :: a\nx = 1\n")
    assert no_arrow == [(Span(1, 18, 1, 23), "expected `->` in the functional dependency, found keyword `where`")]


def test_kind_signatures() -> None:
    names, broken, errors = outcome("data T ::\nclass C :: Type ->\nx = 1\n")
    assert names == ["x"] and broken == ["type:T", "class:C"]
    assert errors == [
        (Span(1, 9, 1, 9), "expected a type, found the end of the declaration"),
        (Span(2, 18, 2, 18), "expected a type, found the end of the declaration"),
    ]


def test_ado_without_in() -> None:
    names, broken, errors = outcome("f = ado\n  x <- a\ng = 1\n")
    assert names == ["g"] and broken == ["f"]
    assert errors == [
        (Span(2, 8, 2, 8), "expected `in` and the result of the `ado` block, found the end of the declaration")
    ]


def test_ado_statement_without_expression() -> None:
    names, _, errors = outcome("f = ado\n  x <-\n  in x\nh = 1\n")
    assert names == ["h"]
    assert errors == [(Span(2, 6, 2, 6), "expected an expression, found the end of the indented block")]


def test_visible_type_application_without_a_type() -> None:
    names, broken, errors = outcome("f = g @\nh = g @Int\n")
    assert names == ["h"] and broken == ["f"]
    assert errors == [(Span(1, 7, 1, 7), "expected a type, found the end of the declaration")]


def test_update_section_without_a_value() -> None:
    names, _, errors = outcome("f = _ { a = }\nh = 1\n")
    assert names == ["h"]
    assert errors == [(Span(1, 12, 1, 13), "expected an expression, found `}`")]


def test_astral_code_point_in_a_character_literal() -> None:
    parsed = parse_module("module M where\nc = '\\x1F600'\ns = \"\\x1F600\"\n")
    assert [(d.span, d.code) for d in parsed.diagnostics] == [(Span(1, 4, 1, 13), "AstralCodePointInChar")]
    assert [d.name for d in parsed.module.decls if isinstance(d, ast.ValueDecl)] == ["c", "s"]


def test_a_question_mark_alone_is_an_operator_not_a_hole() -> None:
    names, _, errors = outcome("f = ?\nh = ?ok\n")
    assert names == ["h"]
    assert errors == [(Span(1, 4, 1, 5), "expected an expression, found `?`")]


def test_syntax_removed_in_purescript_0_15_is_reported_but_read() -> None:
    parsed = parse_module(
        "module M (kind K, x) where\n"
        "import Prim.RowList (kind RowList)\n"
        "foreign import kind K\n"
        "class C (row :: # Type)\n"
        "x = 1\n"
    )
    assert [(d.span, d.message.split(":")[0]) for d in parsed.diagnostics] == [
        (Span(0, 10, 0, 16), "`kind` imports and exports were removed in PureScript 0.15"),
        (Span(1, 21, 1, 33), "`kind` imports and exports were removed in PureScript 0.15"),
        (Span(2, 0, 2, 21), "`foreign import kind` was removed in PureScript 0.15"),
        (Span(3, 16, 3, 22), "the row kind `# k` was removed in PureScript 0.15"),
    ]
    assert [getattr(d, "name", None) for d in parsed.module.decls] == ["K", "C", "x"]
    cls = parsed.module.decls[1]
    assert isinstance(cls, ast.ClassDecl)
    kind = cls.params[0].kind
    assert isinstance(kind, ast.TypeApp) and kind.fn == ast.TypeCon(Span(3, 16, 3, 17), "Row")
    assert parsed.module.imports[0].items == (ast.ItemType(Span(1, 21, 1, 33), "RowList", Span(1, 26, 1, 33)),)
