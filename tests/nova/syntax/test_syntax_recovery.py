"""Error recovery: broken declarations become diagnostics with exact ranges; every other declaration survives.

Also the robustness cases of the issue: deep nesting, tabs, invalid escapes, unterminated literals and comments,
stray bytes, empty and whitespace-only files.
"""

from __future__ import annotations

from nova.diagnostics import Severity, Span
from nova.syntax import Fixity, ast, parse_module, resolve_fixity


def names(module: ast.Module) -> list[str]:
    return [getattr(d, "name", None) or type(d).__name__ for d in module.decls]


def errors(source: str) -> list[tuple[Span, str]]:
    return [(d.span, d.message) for d in parse_module(source).diagnostics if d.severity == Severity.ERROR]


def test_one_broken_declaration_in_the_middle() -> None:
    source = "module M where\n\na = 1\n\nb = (1 +\n\nc = 3\n"
    parsed = parse_module(source)
    assert names(parsed.module) == ["a", "c"]
    assert errors(source) == [(Span(4, 8, 4, 8), "expected an expression, found the end of the declaration")]


def test_three_broken_declarations_keep_the_four_good_ones() -> None:
    source = (
        "module M where\n"
        "import Prelude\n"
        "good1 :: Int\n"
        "good1 = 1\n"
        "bad1 :: Int ->\n"
        "good2 = [1, 2]\n"
        "bad2 = case x of\n"
        "good3 = \\x -> x\n"
        "data Bad3 = | A\n"
        "good4 = { a: 1 }\n"
    )
    parsed = parse_module(source)
    assert names(parsed.module) == ["good1", "good1", "good2", "good3", "good4"]
    assert [i.module for i in parsed.module.imports] == ["Prelude"]
    assert errors(source) == [
        (Span(4, 14, 4, 14), "expected a type, found the end of the declaration"),
        (Span(6, 16, 6, 16), "expected indented case alternatives after `of`, found the end of the declaration"),
        (Span(8, 12, 8, 13), "expected a constructor name, found `|`"),
    ]


def test_errors_inside_nested_blocks_resume_at_the_next_top_level_declaration() -> None:
    source = "module M where\nf x = do\n  y <- g x\n  z <- )\n  pure z\nh = 2\n"
    parsed = parse_module(source)
    assert names(parsed.module) == ["h"]
    assert errors(source) == [(Span(3, 7, 3, 8), "expected an expression, found `)`")]
    assert [b.key for b in parsed.broken] == ["f"]


def test_a_stray_closing_bracket_in_a_binding_loses_only_that_binding() -> None:
    source = "module M where\nf x = do\n  y <- g x\n  let z = )\n  pure z\nh = 2\n"
    parsed = parse_module(source)
    assert names(parsed.module) == ["f", "h"]
    assert errors(source) == [(Span(3, 10, 3, 11), "expected an expression, found `)`")]


def test_unexpected_token_after_a_complete_declaration() -> None:
    source = "module M where\nf = g )\nh = 1\n"
    assert names(parse_module(source).module) == ["h"]
    assert errors(source) == [(Span(1, 6, 1, 7), "expected the end of the declaration, found `)`")]


def test_declaration_that_is_not_one() -> None:
    source = "module M where\n) x = 1\nh = 1\n"
    assert names(parse_module(source).module) == ["h"]
    assert errors(source) == [(Span(1, 0, 1, 1), "expected a declaration, found `)`")]


def test_broken_header_keeps_declarations() -> None:
    source = "module M (a, b\nx = 1\ny = 2\n"
    parsed = parse_module(source)
    assert parsed.module.name == "M"
    assert names(parsed.module) == ["x", "y"]
    assert errors(source) == [
        (Span(0, 14, 0, 14), "expected `,` or `)` in the export list, found the module's declarations")
    ]


def test_missing_header() -> None:
    parsed = parse_module("x = 1\n")
    assert names(parsed.module) == ["x"] and parsed.module.name is None
    assert [d.code for d in parsed.diagnostics] == ["MissingModuleHeader"]


def test_empty_and_blank_files() -> None:
    for source in ("", "   \n\n  ", "-- only a comment\n", "{- only a block comment -}"):
        parsed = parse_module(source)
        assert isinstance(parsed.module, ast.Module) and parsed.module.decls == ()
        assert [d.code for d in parsed.diagnostics] == ["MissingModuleHeader"]


def test_ten_thousand_nested_parentheses() -> None:
    source = "module M where\nx = " + "(" * 10_000 + "1" + ")" * 10_000 + "\ny = 2\n"
    parsed = parse_module(source)
    assert names(parsed.module) == ["y"]
    assert [d.message for d in parsed.diagnostics] == ["expression nested too deeply"]
    assert parsed.diagnostics[0].span.start_line == 1


def test_deep_nesting_of_other_kinds() -> None:
    for opener, closer in (("[", "]"), ("{ a: ", " }"), ("\\x -> ", ""), ("- ", ""), ("do\n  ", "")):
        source = "module M where\nx = " + opener * 3_000 + "1" + closer * 3_000 + "\ny = 2\n"
        parsed = parse_module(source)
        assert names(parsed.module)[-1] == "y"
        assert parsed.diagnostics, opener


def test_deep_types_and_patterns() -> None:
    parsed = parse_module("module M where\nx :: " + "(" * 5_000 + "Int" + ")" * 5_000 + "\nf " + "(" * 5_000)
    assert isinstance(parsed.module, ast.Module)
    assert any(d.message == "expression nested too deeply" for d in parsed.diagnostics)


def test_long_flat_chains_parse_and_resolve() -> None:
    source = "module M where\nx = " + " + ".join(["1"] * 5_000) + "\ny = f " + " ".join(["a"] * 5_000) + "\n"
    parsed = parse_module(source)
    assert parsed.diagnostics == ()
    resolved, diags = resolve_fixity(parsed.module, {"+": Fixity("infixr", 6, "add")})
    assert diags == ()
    first = resolved.decls[0]
    assert isinstance(first, ast.ValueDecl) and isinstance(first.rhs, ast.Unguarded)
    chain = first.rhs.expr
    depth = 0
    while isinstance(chain, ast.BinOp):
        chain = chain.right
        depth += 1
    assert depth == 4_999


def test_tabs_invalid_escapes_unterminated_literals_and_stray_bytes() -> None:
    source = (
        "module M where\n"
        "a =\n\t1\n"
        'b = "bad \\q escape"\n'
        'c = "never closed\n'
        "d = 'x\n"
        "e = 1 \x00 \x7f ¬ 2\n"
        "f = {- open comment\n"
    )
    parsed = parse_module(source)
    codes = [d.code for d in parsed.diagnostics]
    assert "TabCharacter" in codes and "InvalidEscape" in codes and "UnterminatedLiteral" in codes
    assert "UnexpectedCharacter" in codes and "UnterminatedComment" in codes
    assert names(parsed.module)[:3] == ["a", "b", "c"]


def test_partial_input_while_typing() -> None:
    prefixes = [
        "module",
        "module M",
        "module M (",
        "module M where\nimport",
        "module M where\nf x =",
        "module M where\nf = p.",
    ]
    for source in prefixes:
        parsed = parse_module(source)
        assert isinstance(parsed.module, ast.Module)
        assert parsed.diagnostics


def test_broken_declarations_are_listed_with_the_element_they_define() -> None:
    source = (
        "module M where\n"
        "f :: Int ->\n"
        "f x = (x\n"
        "data T = | A\n"
        "class Eq a <= Ord a = x\n"
        "instance showT :: Show T = x\n"
        "foreign import data E :: (\n"
        "infixl 6 add as +\n"
        "ok = 1\n"
    )
    parsed = parse_module(source)
    assert names(parsed.module) == ["FixityDecl", "ok"]
    assert [(b.key, b.name) for b in parsed.broken] == [
        ("f", "f"),
        ("f", "f"),
        ("type:T", "T"),
        ("class:Ord", "Ord"),
        ("instance:showT", "showT"),
        ("type:E", "E"),
    ]
    assert parsed.broken[2].name_span == Span(3, 5, 3, 6)
    assert parsed.broken[0].span.start_line == 1


def test_broken_binding_in_a_where_block_keeps_the_function_and_its_other_bindings() -> None:
    source = "module M where\nf x = a + b\n  where\n  a = (x +\n  b = 2\ng = 3\n"
    parsed = parse_module(source)
    assert names(parsed.module) == ["f", "g"]
    f = parsed.module.decls[0]
    assert isinstance(f, ast.ValueDecl) and isinstance(f.rhs, ast.Unguarded)
    assert [getattr(d, "name", None) for d in f.rhs.where] == ["b"]
    assert errors(source) == [
        (Span(3, 10, 3, 10), "expected an expression, found a new line at the block's indentation")
    ]
    assert parsed.broken == ()


def test_broken_members_of_class_instance_and_let_blocks() -> None:
    source = (
        "module M where\n"
        "class C a where\n  one :: a ->\n  two :: a\n"
        "instance cInt :: C Int where\n  one = )\n  two = 2\n"
        "v = let\n    p = [\n    q = 1\n  in q\n"
    )
    parsed = parse_module(source)
    cls, inst, value = parsed.module.decls
    assert isinstance(cls, ast.ClassDecl) and [m.name for m in cls.methods] == ["two"]
    assert isinstance(inst, ast.InstanceDecl) and [getattr(b, "name", None) for b in inst.body] == ["two"]
    assert isinstance(value, ast.ValueDecl) and isinstance(value.rhs, ast.Unguarded)
    let = value.rhs.expr
    assert isinstance(let, ast.Let) and [getattr(b, "name", None) for b in let.bindings] == ["q"]
    assert [span.start_line for span, _ in errors(source)] == [2, 5, 8]


def test_cascading_errors_at_one_position_are_reported_once() -> None:
    source = "module M where\nf = do\n  let z = )\n  pure z\n"
    assert len(errors(source)) == 1


def test_a_top_level_block_opened_too_far_right_moves_to_the_next_line_left_of_it() -> None:
    # `where(` on the header line opens the declarations at column 29; the real ones start at column 0
    source = "module Operators.Custom where(\n\nimport Prelude\n\nx = 1\n\ny = 2\n"
    parsed = parse_module(source)
    assert len(parsed.module.imports) == 1
    assert names(parsed.module) == ["x", "y"]
    assert errors(source)[0] == (Span(0, 29, 0, 30), "expected a declaration, found `(`")


def test_declarations_left_of_an_indented_first_declaration_are_kept() -> None:
    parsed = parse_module("module M where\n  a = 1\nb = 2\nc = 3\n")
    assert names(parsed.module) == ["a", "b", "c"]
