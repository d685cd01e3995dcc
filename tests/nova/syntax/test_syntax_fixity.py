"""Fixity resolution: flat chains become nested binary nodes according to a fixity table."""

from __future__ import annotations

from nova.diagnostics import Span
from nova.syntax import DEFAULT_FIXITY, Fixity, ast, module_fixities, parse_module, resolve_fixity, resolve_operators
from nova.syntax.ast import decl_key
from nova.syntax.walk import children

PRELUDE = {
    "+": Fixity("infixl", 6, "add"),
    "-": Fixity("infixl", 6, "sub"),
    "*": Fixity("infixl", 7, "mul"),
    "<>": Fixity("infixr", 5, "append"),
    "==": Fixity("infix", 4, "eq"),
    "/=": Fixity("infix", 4, "notEq"),
    "&&": Fixity("infixr", 3, "conj"),
    "$": Fixity("infixr", 0, "apply"),
    "#": Fixity("infixl", 1, "applyFlipped"),
    ":": Fixity("infixr", 6, "Cons"),
}


def show(node: object) -> str:
    """Fully parenthesised form of a resolved expression, pattern or type."""
    if isinstance(node, ast.BinOp | ast.PatBinOp | ast.TypeBinOp):
        op = f"`{node.op.name}`" if isinstance(node.op, ast.Operator) and node.op.backtick else node.op.name
        return f"({show(node.left)} {op} {show(node.right)})"
    if isinstance(node, ast.Var | ast.PatVar | ast.TypeVar | ast.TypeCon):
        return node.name
    if isinstance(node, ast.IntLit):
        return str(node.value)
    if isinstance(node, ast.Negate):
        return f"-{show(node.expr)}"
    if isinstance(node, ast.App):
        return f"{show(node.fn)} {show(node.arg)}"
    if isinstance(node, ast.Paren | ast.PatParen | ast.TypeParen):
        inner = (
            node.expr if isinstance(node, ast.Paren) else node.pattern if isinstance(node, ast.PatParen) else node.type
        )
        return show(inner)
    raise AssertionError(f"unexpected node {node!r}")


def resolved(source: str, table: dict[str, Fixity] | None = None) -> tuple[str, list[str]]:
    parsed = parse_module("module M where\nx = " + source)
    assert parsed.diagnostics == ()
    module, diags = resolve_fixity(parsed.module, PRELUDE if table is None else table)
    decl = module.decls[0]
    assert isinstance(decl, ast.ValueDecl) and isinstance(decl.rhs, ast.Unguarded)
    return show(decl.rhs.expr), [d.message for d in diags]


def test_precedence_and_associativity() -> None:
    assert resolved("a + b * c - d") == ("((a + (b * c)) - d)", [])
    assert resolved("a <> b <> c") == ("(a <> (b <> c))", [])
    assert resolved("f $ g $ h x") == ("(f $ (g $ h x))", [])
    assert resolved("x # f # g") == ("((x # f) # g)", [])
    assert resolved("a == b && c /= d") == ("((a == b) && (c /= d))", [])


def test_negation_binds_to_its_operand() -> None:
    assert resolved("-a * b + c") == ("((-a * b) + c)", [])


def test_unknown_operators_and_backticks_default_to_infixl_9() -> None:
    assert Fixity("infixl", 9, "") == DEFAULT_FIXITY
    assert resolved("a `div` b `div` c + d") == ("(((a `div` b) `div` c) + d)", [])
    assert resolved("a <+> b * c") == ("((a <+> b) * c)", [])


def test_non_associative_and_mixed_operators_are_reported() -> None:
    text, diags = resolved("a == b == c")
    assert text == "((a == b) == c)"
    assert diags == ["cannot mix `==` (infix 4) and `==` (infix 4) without parentheses"]
    mixed = {"+": Fixity("infixl", 6, "add"), "++": Fixity("infixr", 6, "append")}
    _, diags = resolved("a + b ++ c", mixed)
    assert len(diags) == 1


def test_qualified_operator_prefers_the_qualified_entry() -> None:
    table = {"M.<>": Fixity("infixl", 9, "M.append"), "<>": Fixity("infixr", 1, "append"), "*": PRELUDE["*"]}
    assert resolved("a M.<> b * c", table) == ("((a <> b) * c)", [])
    assert resolved("a <> b * c", table) == ("(a <> (b * c))", [])


def test_module_fixities_and_patterns_and_types() -> None:
    parsed = parse_module(
        "module M where\ninfixr 6 Cons as :\ninfixr 6 type Tuple as /\\\ninfixl 6 add as +\n"
        "f :: Int /\\ Int /\\ Int -> Int\nf (a : b : rest) = a + b + 1\n"
    )
    table = module_fixities(parsed.module)
    assert table == {
        ":": Fixity("infixr", 6, "Cons"),
        "type:/\\": Fixity("infixr", 6, "Tuple"),
        "+": Fixity("infixl", 6, "add"),
    }
    module, diags = resolve_fixity(parsed.module, table)
    assert diags == ()
    sig, clause = module.decls[3], module.decls[4]
    assert isinstance(sig, ast.SignatureDecl) and isinstance(sig.type, ast.TypeFun)
    assert show(sig.type.arg) == "(Int /\\ (Int /\\ Int))"
    assert isinstance(clause, ast.ValueDecl) and isinstance(clause.rhs, ast.Unguarded)
    assert show(clause.params[0]) == "(a : (b : rest))"
    assert show(clause.rhs.expr) == "((a + b) + 1)"


def test_resolution_reaches_nested_expressions_and_keeps_spans() -> None:
    parsed = parse_module("module M where\nx = f (a + b * c) [d + e]\n  where\n  y = \\z -> z + 1 * 2\n")
    module, _ = resolve_fixity(parsed.module, PRELUDE)
    remaining: list[object] = [module]
    binops = []
    while remaining:
        node = remaining.pop()
        assert not isinstance(node, ast.OpChain)
        if isinstance(node, ast.BinOp):
            binops.append(node)
            assert node.span.covers(node.left.span) and node.span.covers(node.right.span)
        remaining.extend(children(node))
    assert len(binops) == 5


def test_resolution_is_a_no_op_without_operators() -> None:
    parsed = parse_module("module M where\nx = f a b\n")
    module, diags = resolve_fixity(parsed.module, PRELUDE)
    assert module is parsed.module and diags == ()


def test_resolve_operators_on_a_single_chain() -> None:
    parsed = parse_module("module M where\nx = a - b - c * d\n")
    decl = parsed.module.decls[0]
    assert isinstance(decl, ast.ValueDecl) and isinstance(decl.rhs, ast.Unguarded)
    chain = decl.rhs.expr
    assert isinstance(chain, ast.OpChain)
    built, diags = resolve_operators(
        chain.operands, chain.operators, PRELUDE, lambda op, a, b: ast.BinOp(Span.join(a.span, b.span), op, a, b)
    )
    assert show(built) == "((a - b) - (c * d))" and diags == ()


def test_unnamed_instance_keys_depend_only_on_the_head() -> None:
    first = parse_module('module M where\ninstance Show (Maybe a) where\n  show _ = ""\n').module.decls[0]
    moved = parse_module('module M where\n\n\n-- moved\ninstance Show (Maybe a) where\n  show _ = ""\n').module.decls[0]
    other = parse_module('module M where\ninstance Show (Array a) where\n  show _ = ""\n').module.decls[0]
    assert decl_key(first) == decl_key(moved) == "instance:ShowMaybea"
    assert decl_key(other) != decl_key(first)
