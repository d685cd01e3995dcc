"""Parser: the PureScript 0.15 forms beyond the first subset (classes and instances, kinds, roles, type-level
literals, visible type application, holes, `ado`, anonymous arguments, qualified operators), with exact spans."""

from __future__ import annotations

import pytest

from nova.diagnostics import Span
from nova.syntax import ast, parse_module
from nova.syntax.ast import decl_key, instance_chains


def module_of(body: str) -> ast.Module:
    parsed = parse_module("module M where\n" + body)
    assert parsed.diagnostics == (), parsed.diagnostics
    return parsed.module


def expr_of(source: str) -> ast.Expr:
    decl = module_of("x = " + source).decls[0]
    assert isinstance(decl, ast.ValueDecl) and isinstance(decl.rhs, ast.Unguarded)
    return decl.rhs.expr


def type_of(source: str) -> ast.Type:
    decl = module_of("x :: " + source).decls[0]
    assert isinstance(decl, ast.SignatureDecl)
    return decl.type


# -- classes and instances ---------------------------------------------------------------------------------------


def test_multi_parameter_class_with_functional_dependencies() -> None:
    (cls,) = module_of("class C a b c | a b -> c, -> a, c -> a b where\n  f :: a -> b\n").decls
    assert isinstance(cls, ast.ClassDecl)
    assert [p.name for p in cls.params] == ["a", "b", "c"]
    assert [(d.determiners, d.determined) for d in cls.fundeps] == [
        (("a", "b"), ("c",)),
        ((), ("a",)),
        (("c",), ("a", "b")),
    ]
    assert [d.span for d in cls.fundeps] == [Span(1, 16, 1, 24), Span(1, 26, 1, 30), Span(1, 32, 1, 40)]
    assert [m.name for m in cls.methods] == ["f"]


def test_class_without_body_and_fundeps_on_the_class_head_line() -> None:
    (cls,) = module_of("class IsEqual a b r | a b -> r\n").decls
    assert isinstance(cls, ast.ClassDecl) and cls.methods == () and len(cls.fundeps) == 1


def test_where_with_no_member_below_it_is_a_syntax_error() -> None:
    # PureScript's grammar: a class or instance `where` opens one member at least (its failing test 2947: the
    # member at column 1 is outside the block)
    parsed = parse_module("module M where\nclass C a where\ninstance c :: C Int where\nc _ = true\n")
    assert [(d.code, d.span.start_line, d.span.start_col) for d in parsed.diagnostics] == [
        ("SyntaxError", 1, 15),
        ("SyntaxError", 2, 25),
    ]
    assert "indented below `class`" in parsed.diagnostics[0].message
    assert "indented below `instance`" in parsed.diagnostics[1].message


def test_superclass_context_with_compound_types() -> None:
    (cls,) = module_of("class (Monad m, C (t m) (Array a)) <= D t m a where\n  g :: t m a\n").decls
    assert isinstance(cls, ast.ClassDecl) and cls.name == "D"
    first, second = cls.superclasses
    assert first.class_name.name == "Monad" and len(first.args) == 1
    assert second.class_name.name == "C" and [type(a).__name__ for a in second.args] == ["TypeParen", "TypeParen"]


def test_forall_in_the_arguments_of_a_constraint_is_a_syntax_error() -> None:
    # PureScript's grammar rejects a `forall` anywhere inside a constraint's arguments: in a superclass, an
    # instance context and a constrained type alike; a rank-n type after `=>` is fine
    parsed = parse_module(
        "module M where\nclass X a (forall t. t) <= Y a\ninstance C (Array (forall t. t)) => D Int\n"
        "f :: forall a. Eq (Maybe (forall b. b)) => a\ng :: Eq Int => (forall a. a -> a) -> Int\n"
    )
    assert [(d.code, d.span.start_line, d.span.start_col) for d in parsed.diagnostics] == [
        ("SyntaxError", 1, 11),
        ("SyntaxError", 2, 19),
        ("SyntaxError", 3, 26),
    ]
    assert "`forall` is not allowed in the arguments of a constraint" in parsed.diagnostics[0].message
    assert [type(d).__name__ for d in parsed.module.decls][-1] == "SignatureDecl"


def test_instance_heads_with_several_types_and_contexts() -> None:
    (inst,) = module_of("instance (Show a, C a (Array a)) => C Int (Maybe a) where\n  f _ = 1\n").decls
    assert isinstance(inst, ast.InstanceDecl) and inst.name is None and inst.else_span is None
    assert [c.class_name.name for c in inst.constraints] == ["Show", "C"]
    assert [type(t).__name__ for t in inst.types] == ["TypeCon", "TypeParen"]


def test_instance_chain_named_and_unnamed() -> None:
    module = module_of(
        "instance a :: C Int where\n"
        "  f = 1\n"
        "else instance C String\n"
        "else\n"
        "instance c :: C x where\n"
        "  f = 3\n"
        "instance d :: D Int\n"
    )
    first, second, third, other = module.decls
    assert isinstance(first, ast.InstanceDecl) and first.else_span is None and first.span == Span(1, 0, 2, 7)
    assert isinstance(second, ast.InstanceDecl) and second.else_span == Span(3, 0, 3, 4)
    assert second.span == Span(3, 5, 3, 22) and second.name is None
    assert isinstance(third, ast.InstanceDecl) and third.else_span == Span(4, 0, 4, 4) and third.name == "c"
    assert isinstance(other, ast.InstanceDecl) and other.else_span is None
    assert instance_chains(module.decls) == [(first, second, third), (other,)]
    # each member has its own fingerprint, covering its `else`
    assert len({first.fingerprint, second.fingerprint, third.fingerprint}) == 3


def test_instance_chain_on_one_line() -> None:
    module = module_of("instance foo :: Foo Int else instance bar :: Foo String else instance baz :: Foo a\n")
    assert [d.name for d in module.decls if isinstance(d, ast.InstanceDecl)] == ["foo", "bar", "baz"]
    assert len(instance_chains(module.decls)) == 1


def test_derive_forms() -> None:
    module = module_of(
        "derive instance eqT :: Eq T\n"
        "derive instance Ord T\n"
        "derive newtype instance showN :: Show N\n"
        "derive newtype instance Eq a => Eq (N a)\n"
        "derive instance Newtype (N a) _\n"
    )
    derived = [d for d in module.decls if isinstance(d, ast.DeriveDecl)]
    assert [(d.name, d.newtype) for d in derived] == [
        ("eqT", False),
        (None, False),
        ("showN", True),
        (None, True),
        (None, False),
    ]
    assert [c.class_name.name for c in derived[3].constraints] == ["Eq"]
    assert isinstance(derived[4].types[1], ast.TypeWildcard)


# -- kinds and roles ---------------------------------------------------------------------------------------------


def test_kind_signatures_for_every_keyword() -> None:
    module = module_of(
        "data T :: Type -> Type\n"
        "newtype N :: Type -> Type\n"
        "type S :: Type -> Type\n"
        "class C :: Type -> Constraint\n"
        "data P :: forall k. k -> Type\n"
    )
    sigs = module.decls
    assert all(isinstance(s, ast.KindSignatureDecl) for s in sigs)
    assert [(s.keyword, s.name) for s in sigs if isinstance(s, ast.KindSignatureDecl)] == [
        ("data", "T"),
        ("newtype", "N"),
        ("type", "S"),
        ("class", "C"),
        ("data", "P"),
    ]
    assert [decl_key(s) for s in sigs] == ["type:T", "type:N", "type:S", "class:C", "type:P"]
    first = sigs[0]
    assert isinstance(first, ast.KindSignatureDecl) and first.name_span == Span(1, 5, 1, 6)
    assert isinstance(first.kind, ast.TypeFun) and first.span == Span(1, 0, 1, 22)


def test_kinded_binders_in_heads_and_foralls() -> None:
    (data,) = module_of("data P (a :: Type) (f :: Type -> Type) b = P\n").decls
    assert isinstance(data, ast.DataDecl)
    assert [(b.name, b.kind is not None) for b in data.params] == [("a", True), ("f", True), ("b", False)]
    assert data.params[0].span == Span(1, 7, 1, 18)
    forall = type_of("forall k (a :: k) @b (@c :: Type). a")
    assert isinstance(forall, ast.TypeForall)
    assert [(b.name, b.visible, b.kind is not None) for b in forall.vars] == [
        ("k", False, False),
        ("a", False, True),
        ("b", True, False),
        ("c", True, True),
    ]
    assert [b.span for b in forall.vars[2:]] == [Span(1, 23, 1, 25), Span(1, 26, 1, 38)]


def test_a_type_synonym_body_may_carry_its_kind() -> None:
    (star, paren) = module_of("type Star2Star f = f :: Type -> Type\ntype IsType a = ((a) :: Type)\n").decls
    assert isinstance(star, ast.TypeAliasDecl) and isinstance(star.type, ast.TypeKinded)
    assert isinstance(star.type.type, ast.TypeVar) and isinstance(star.type.kind, ast.TypeFun)
    assert star.type.span == Span(1, 19, 1, 36)
    assert isinstance(paren, ast.TypeAliasDecl) and isinstance(paren.type, ast.TypeKinded)


def test_visible_binders_are_a_syntax_error_in_declaration_heads() -> None:
    # PureScript's failing test 4522: class (and data) parameters are visible to type applications already, so
    # `@a` there is rejected by the grammar; the parameter is kept, so the rest of the declaration still checks
    parsed = parse_module("module M where\nclass Foo @a\ndata T (@b :: Type) = T b\nclass Bar a where\n  bar :: a\n")
    assert [(d.code, d.span.start_line, d.span.start_col, d.span.end_col) for d in parsed.diagnostics] == [
        ("SyntaxError", 1, 10, 12),
        ("SyntaxError", 2, 7, 19),
    ]
    assert "`@`" in parsed.diagnostics[0].message
    foo, t, bar = parsed.module.decls
    assert isinstance(foo, ast.ClassDecl) and [(p.name, p.visible) for p in foo.params] == [("a", False)]
    assert isinstance(t, ast.DataDecl) and [(p.name, p.visible) for p in t.params] == [("b", False)]
    assert isinstance(bar, ast.ClassDecl) and [m.name for m in bar.methods] == ["bar"]


def test_role_declarations() -> None:
    (role,) = module_of("type role T nominal representational phantom\n").decls
    assert isinstance(role, ast.RoleDecl) and role.name == "T" and role.name_span == Span(1, 10, 1, 11)
    assert [r.role for r in role.roles] == ["nominal", "representational", "phantom"]
    assert role.roles[1].span == Span(1, 20, 1, 36)
    assert decl_key(role) == "type:T"


# -- types ------------------------------------------------------------------------------------------------------


def test_type_level_literals() -> None:
    app = type_of('Proxy "a b"')
    assert isinstance(app, ast.TypeApp) and app.arg == ast.TypeString(Span(1, 11, 1, 16), "a b")
    assert type_of("Proxy 42") == ast.TypeApp(
        Span(1, 5, 1, 13), ast.TypeCon(Span(1, 5, 1, 10), "Proxy"), ast.TypeInt(Span(1, 11, 1, 13), 42)
    )
    negative = type_of("Proxy (-3)")
    assert isinstance(negative, ast.TypeApp) and isinstance(negative.arg, ast.TypeParen)
    assert negative.arg.type == ast.TypeInt(Span(1, 12, 1, 14), -3)
    raw = type_of('Proxy """a "b" c"""')
    assert isinstance(raw, ast.TypeApp) and raw.arg == ast.TypeString(Span(1, 11, 1, 24), 'a "b" c')


def test_quoted_row_labels_and_symbol_rows() -> None:
    row = type_of('( "first name" :: String, "x-y" :: Int | r )')
    assert isinstance(row, ast.TypeRow)
    assert [f.label for f in row.row.fields] == ["first name", "x-y"]


def test_wildcards_holes_and_the_arrow_name() -> None:
    fun = type_of("_ -> ?hole")
    assert isinstance(fun, ast.TypeFun)
    assert fun.arg == ast.TypeWildcard(Span(1, 5, 1, 6))
    assert fun.result == ast.TypeHole(Span(1, 10, 1, 15), "hole")
    arrow = type_of("(->) Int")
    assert isinstance(arrow, ast.TypeApp) and arrow.fn == ast.TypeArrow(Span(1, 5, 1, 9))


def test_type_operators_and_qualified_type_operator_names() -> None:
    chain = type_of("Int /\\ String T./\\ Boolean")
    assert isinstance(chain, ast.TypeOpChain)
    assert [(op.name, op.qualifier) for op in chain.operators] == [("/\\", None), ("/\\", "T")]
    named = type_of("T.(/\\) Int String")
    assert isinstance(named, ast.TypeApp) and isinstance(named.fn, ast.TypeApp)
    assert named.fn.fn == ast.TypeCon(Span(1, 5, 1, 11), "/\\", "T")


def test_unicode_syntax() -> None:
    decl = module_of("f ∷ ∀ a. Show a ⇒ a → String\nf x = do\n  y ← pure x\n  show y\n").decls
    sig = decl[0]
    assert isinstance(sig, ast.SignatureDecl) and isinstance(sig.type, ast.TypeForall)
    assert isinstance(sig.type.body, ast.TypeConstrained) and isinstance(sig.type.body.body, ast.TypeFun)


# -- expressions -------------------------------------------------------------------------------------------------


def test_visible_type_application_applies_to_what_comes_before() -> None:
    expr = expr_of('f x @Int @"lbl" y')
    assert isinstance(expr, ast.App) and expr.arg == ast.Var(Span(1, 20, 1, 21), "y")
    outer = expr.fn
    assert isinstance(outer, ast.VisibleTypeApp) and outer.type == ast.TypeString(Span(1, 14, 1, 19), "lbl")
    inner = outer.expr
    assert isinstance(inner, ast.VisibleTypeApp) and inner.span == Span(1, 4, 1, 12)
    assert isinstance(inner.expr, ast.App) and inner.type == ast.TypeCon(Span(1, 9, 1, 12), "Int")


def test_typed_holes() -> None:
    expr = expr_of("?fill 1")
    assert isinstance(expr, ast.App) and expr.fn == ast.TypedHole(Span(1, 4, 1, 9), "fill")


def test_ado_blocks() -> None:
    expr = expr_of("ado\n  x <- a\n  let y = x\n  b\n  in x + y")
    assert isinstance(expr, ast.Ado) and expr.qualifier is None
    assert [type(s).__name__ for s in expr.statements] == ["DoBind", "DoLet", "DoExpr"]
    assert isinstance(expr.result, ast.OpChain) and expr.span == Span(1, 4, 5, 10)
    empty = expr_of("ado in 1")
    assert isinstance(empty, ast.Ado) and empty.statements == () and empty.result == ast.IntLit(Span(1, 11, 1, 12), 1)
    qualified = expr_of("M.ado\n  x <- a\n  in x")
    assert isinstance(qualified, ast.Ado) and qualified.qualifier == "M"


def test_ado_let_statement_closed_by_in() -> None:
    expr = expr_of("ado\n  x <- a\n  let y = x\n  in y")
    assert isinstance(expr, ast.Ado) and isinstance(expr.statements[1], ast.DoLet)
    inner = expr_of("ado\n  x <- a $ let b = 1 in b\n  in x")
    assert isinstance(inner, ast.Ado) and len(inner.statements) == 1


def _section(expr: ast.Expr) -> ast.Section:
    if isinstance(expr, ast.Paren):  # an operator section keeps its parentheses around the lambda
        expr = expr.expr
    assert isinstance(expr, ast.Section), expr
    for hole in expr.holes:
        assert isinstance(hole, ast.Hole)
    return expr


def test_anonymous_arguments_in_every_place_purescript_allows() -> None:
    assert len(_section(expr_of("case _, x of\n  _, _ -> 1")).holes) == 1
    assert len(_section(expr_of("if _ then _ else 0")).holes) == 2
    assert len(_section(expr_of("_.a.b")).holes) == 1
    assert len(_section(expr_of("{ a: _, b: 1, c: _ }")).holes) == 2
    assert len(_section(expr_of("(_ + 1)")).holes) == 1
    assert len(_section(expr_of("(1 `div` _)")).holes) == 1


def test_record_update_sections() -> None:
    both = _section(expr_of("_ { a = _, b = 2 }"))
    assert [h.span for h in both.holes] == [Span(1, 4, 1, 5), Span(1, 12, 1, 13)]
    assert isinstance(both.body, ast.RecordUpdate)
    value_only = _section(expr_of("r { a { b = _ } }"))
    assert [h.span for h in value_only.holes] == [Span(1, 16, 1, 17)]
    plain = expr_of("r { a { b = 1 } }")
    assert isinstance(plain, ast.RecordUpdate) and isinstance(plain.updates[0], ast.UpdateNested)


def test_qualified_operators() -> None:
    ref = expr_of("M.(+)")
    assert ref == ast.OperatorRef(Span(1, 4, 1, 9), "+", "M")
    paren = expr_of("(Data.Map.<>)")
    assert paren == ast.OperatorRef(Span(1, 4, 1, 17), "<>", "Data.Map")
    chain = expr_of("1 M.+ 2")
    assert isinstance(chain, ast.OpChain) and chain.operators[0].qualifier == "M"


def test_negative_literal_patterns() -> None:
    decls = module_of("f (-1) = 0\nf x = case x of\n  -2 -> 1\n  _ -> 2\ng [-1, 2.5] = 0\n").decls
    first = decls[0]
    assert isinstance(first, ast.ValueDecl) and isinstance(first.params[0], ast.PatParen)
    literal = first.params[0].pattern
    assert isinstance(literal, ast.PatLiteral) and literal.literal == ast.IntLit(Span(1, 3, 1, 5), -1)


def test_string_escapes() -> None:
    lone = expr_of('"\\xD834"')
    assert lone == ast.StringLit(Span(1, 4, 1, 12), "\ud834")
    astral = expr_of('"\\x1F600 \\x41 \\t"')
    assert isinstance(astral, ast.StringLit) and astral.value == "\U0001f600 A \t"
    short = expr_of('"\\xb\\x!"')  # up to six hex digits, and none at all is NUL
    assert isinstance(short, ast.StringLit) and short.value == "\x0b\x00!"
    raw = expr_of('"""a\\n"b"\n c""""')
    assert isinstance(raw, ast.StringLit) and raw.value == 'a\\n"b"\n c"'


def test_operator_declarations_with_every_precedence() -> None:
    module = module_of("".join(f"infixl {p} f{p} as +{'+' * p}\n" for p in range(11)))
    assert [d.precedence for d in module.decls if isinstance(d, ast.FixityDecl)] == list(range(11))
    (type_op,) = module_of("infixr 6 type Tuple as /\\\n").decls
    assert isinstance(type_op, ast.FixityDecl) and type_op.is_type and decl_key(type_op) == "type:/\\"


def test_foreign_imports_with_kinds() -> None:
    module = module_of(
        "foreign import data Ref :: Type -> Type\n"
        "foreign import data Fn :: Row Type -> Type\n"
        "foreign import f :: forall (r :: Row Type) a. { | r } -> a\n"
    )
    ref, fn, f = module.decls
    assert isinstance(ref, ast.ForeignDataDecl) and isinstance(ref.kind, ast.TypeFun)
    assert isinstance(fn, ast.ForeignDataDecl) and fn.kind is not None
    assert isinstance(f, ast.ForeignValueDecl) and isinstance(f.type, ast.TypeForall)


@pytest.mark.parametrize(
    ("type_text", "constraint"),
    [
        ("forall a. Show a => a -> String", "Show a"),
        ("forall a. (Eq a, Show a) => a -> String", "Eq a, Show a"),
        ("forall a. (Partial => a) -> a", "Partial"),
        ("forall r. String -> (forall s. IsSymbol s => Proxy s -> r) -> r", "IsSymbol s"),
    ],
)
def test_a_constraint_in_a_foreign_import_is_a_syntax_error(type_text: str, constraint: str) -> None:
    """PureScript 0.15 rejects a constraint anywhere in a foreign value's type; the declaration is still read."""
    source = f"module M where\nforeign import f :: {type_text}\ng = 1\n"
    parsed = parse_module(source)
    (diagnostic,) = parsed.diagnostics
    assert diagnostic.code == "SyntaxError"
    assert diagnostic.message.startswith("Constraints are not allowed in foreign imports.")
    line = source.split("\n")[diagnostic.span.start_line]
    assert line[diagnostic.span.start_col : diagnostic.span.end_col] == constraint
    assert [type(d) for d in parsed.module.decls] == [ast.ForeignValueDecl, ast.ValueDecl]


@pytest.mark.parametrize("keyword", ["data", "newtype", "type", "class"])
def test_a_constraint_in_a_kind_signature_is_a_syntax_error(keyword: str) -> None:
    """PureScript 0.15's grammar rejects it (ErrConstraintInKind); the signature is kept without the constraint."""
    source = f"module M where\n{keyword} S :: forall k. (Ok, Fine k) => k -> Type\n"
    parsed = parse_module(source)
    (diagnostic,) = parsed.diagnostics
    assert diagnostic.code == "SyntaxError" and diagnostic.message.startswith("Unsupported constraint in kind")
    assert source.split("\n")[1][diagnostic.span.start_col : diagnostic.span.end_col] == "Ok, Fine k"
    (signature,) = parsed.module.decls
    assert isinstance(signature, ast.KindSignatureDecl) and isinstance(signature.kind, ast.TypeForall)
    assert isinstance(signature.kind.body, ast.TypeFun)


def test_the_range_operator_is_an_ordinary_operator() -> None:
    module = module_of("infix 8 range as ..\nx = 1 .. 10\ny = (..)\n")
    fixity, x, y = module.decls
    assert isinstance(fixity, ast.FixityDecl) and fixity.operator == ".."
    assert isinstance(x, ast.ValueDecl) and isinstance(x.rhs, ast.Unguarded)
    assert isinstance(x.rhs.expr, ast.OpChain) and x.rhs.expr.operators[0].name == ".."
    assert isinstance(y, ast.ValueDecl) and isinstance(y.rhs, ast.Unguarded)
    assert y.rhs.expr == ast.OperatorRef(Span(3, 4, 3, 8), "..")


def test_case_of_one_alternative_with_its_body_below() -> None:
    module = module_of(
        "foo x = case x of Just y ->\n  y + 1\n"
        "bar x = case x of Just y\n  | y > 0 -> 1\n  | otherwise -> 2\n"
        "baz = 1\n"
    )
    foo, bar, baz = module.decls
    assert isinstance(foo, ast.ValueDecl) and isinstance(foo.rhs, ast.Unguarded)
    case = foo.rhs.expr
    assert isinstance(case, ast.Case) and len(case.alts) == 1
    assert isinstance(case.alts[0].rhs, ast.Unguarded) and isinstance(case.alts[0].rhs.expr, ast.OpChain)
    assert case.alts[0].span == Span(1, 18, 2, 7)
    assert isinstance(bar, ast.ValueDecl) and isinstance(bar.rhs, ast.Unguarded)
    guarded = bar.rhs.expr
    assert isinstance(guarded, ast.Case) and isinstance(guarded.alts[0].rhs, ast.Guarded)
    assert len(guarded.alts[0].rhs.branches) == 2
    assert isinstance(baz, ast.ValueDecl)


def test_unnamed_instances_over_type_level_literals_get_distinct_keys() -> None:
    from nova.syntax.ast import instance_key

    module = module_of(
        'instance C "a"\ninstance C "b"\ninstance C 1\ninstance C (-1)\n'
        "instance D (Int /\\\\ String)\ninstance D (Int /\\\\ Boolean)\ninstance E (a :: Type)\n"
    )
    keys = [instance_key(d) for d in module.decls if isinstance(d, ast.InstanceDecl)]
    assert len(set(keys)) == len(keys) == 7


def test_a_let_binding_may_bind_a_pattern_with_an_operator() -> None:
    # PureScript's grammar: `binder1 = expr` in `let`/`where` (its passing test LetPattern: `x : xs = …`)
    decl = module_of("v = let\n  x : xs = list\n  y = 1\n  in x\n").decls[0]
    assert isinstance(decl, ast.ValueDecl) and isinstance(decl.rhs, ast.Unguarded)
    body = decl.rhs.expr
    assert isinstance(body, ast.Let)
    first, second = body.bindings
    assert isinstance(first, ast.LocalPattern) and isinstance(second, ast.LocalValue)
    assert first.span == Span(2, 2, 2, 15)
