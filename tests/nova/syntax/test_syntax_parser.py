"""Parser: the tree built for each construct, with exact spans where they matter to the checker and the server."""

from __future__ import annotations

from nova.diagnostics import Span
from nova.syntax import ast, parse_module
from nova.syntax.ast import group_declarations


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


def test_module_header_exports() -> None:
    parsed = parse_module(
        "module Data.Shapes (Shape(..), Color(Red), T, area, (<>), class Eq, module Data.Maybe) where"
    )
    module = parsed.module
    assert parsed.diagnostics == ()
    assert module.name == "Data.Shapes" and module.name_span == Span(0, 7, 0, 18)
    assert module.exports is not None
    shape, color, t, area, op, cls, mod = module.exports
    assert isinstance(shape, ast.ItemType) and shape.all_members and shape.members is None
    assert isinstance(color, ast.ItemType) and color.members is not None and color.members[0].name == "Red"
    assert isinstance(t, ast.ItemType) and not t.all_members and t.members is None
    assert isinstance(area, ast.ItemValue) and area.name == "area"
    assert isinstance(op, ast.ItemOperator) and op.name == "<>"
    assert isinstance(cls, ast.ItemClass) and cls.name == "Eq"
    assert isinstance(mod, ast.ItemModule) and mod.name == "Data.Maybe"


def test_no_export_list_means_none() -> None:
    assert parse_module("module M where\nx = 1").module.exports is None


def test_import_forms() -> None:
    module = module_of(
        "import Prelude\nimport Data.Maybe (Maybe(..), fromMaybe)\nimport Data.Array as Array\n"
        "import Data.Map (Map) as M\nimport Data.List hiding (head)\n"
    )
    plain, listed, aliased, both, hiding = module.imports
    assert (plain.module, plain.items, plain.alias, plain.hiding) == ("Prelude", None, None, False)
    assert listed.items is not None and [type(i).__name__ for i in listed.items] == ["ItemType", "ItemValue"]
    assert aliased.alias == "Array" and aliased.alias_span == Span(3, 21, 3, 26)
    assert both.alias == "M" and both.items is not None and len(both.items) == 1
    assert hiding.hiding and hiding.items is not None and hiding.items[0].span == Span(5, 25, 5, 29)
    assert plain.module_span == Span(1, 7, 1, 14)


def test_signature_and_clauses_with_guards_and_where() -> None:
    module = module_of(
        "-- | Sign of a number.\nsign :: Int -> Int\nsign 0 = 0\nsign n\n  | n > 0 = 1\n  | otherwise = -1\n"
        "  where\n    unused = 2\n"
    )
    sig, first, second = module.decls
    assert isinstance(sig, ast.SignatureDecl) and sig.doc == "Sign of a number."
    assert isinstance(first, ast.ValueDecl) and isinstance(first.params[0], ast.PatLiteral)
    assert isinstance(second, ast.ValueDecl) and isinstance(second.rhs, ast.Guarded)
    assert len(second.rhs.branches) == 2
    assert [type(d).__name__ for d in second.rhs.where] == ["LocalValue"]
    assert second.span == Span(4, 0, 8, 14)
    groups = group_declarations(module.decls)
    assert list(groups) == ["sign"] and len(groups["sign"]) == 3


def test_data_newtype_and_aliases() -> None:
    module = module_of(
        "data Maybe a = Nothing | Just a\nnewtype Name = Name String\ntype Person = { name :: String, age :: Int }\n"
        "type Pair a = Tuple a a\ndata Void"
    )
    maybe, name, person, pair, void = module.decls
    assert isinstance(maybe, ast.DataDecl) and [c.name for c in maybe.constructors] == ["Nothing", "Just"]
    assert maybe.constructors[1].fields == (ast.TypeVar(Span(1, 30, 1, 31), "a"),)
    assert isinstance(name, ast.NewtypeDecl) and name.constructor.name == "Name"
    assert isinstance(person, ast.TypeAliasDecl) and isinstance(person.type, ast.TypeRecord)
    assert [f.label for f in person.type.row.fields] == ["name", "age"]
    assert isinstance(pair, ast.TypeAliasDecl) and [p.name for p in pair.params] == ["a"]
    assert isinstance(void, ast.DataDecl) and void.constructors == ()
    assert set(group_declarations(module.decls)) == {"type:Maybe", "type:Name", "type:Person", "type:Pair", "type:Void"}


def test_classes_instances_and_derive() -> None:
    module = module_of(
        "class Show a where\n  show :: a -> String\n"
        "class Eq a <= Ord a where\n  compare :: a -> a -> Ordering\n"
        'instance showMaybe :: Show a => Show (Maybe a) where\n  show Nothing = "Nothing"\n  show (Just a) = show a\n'
        "instance Show Int where\n  show = intToString\n"
        "derive instance eqShape :: Eq Shape\n"
    )
    show, ord_, inst, unnamed, derive = module.decls
    assert isinstance(show, ast.ClassDecl) and show.methods[0].name == "show" and show.superclasses == ()
    assert isinstance(ord_, ast.ClassDecl) and ord_.superclasses[0].class_name.name == "Eq"
    assert isinstance(inst, ast.InstanceDecl) and inst.name == "showMaybe"
    assert inst.constraints[0].class_name.name == "Show" and inst.class_name.name == "Show"
    assert isinstance(inst.types[0], ast.TypeParen) and len(inst.body) == 2
    assert isinstance(unnamed, ast.InstanceDecl) and unnamed.name is None
    assert isinstance(derive, ast.DeriveDecl) and derive.name == "eqShape" and derive.class_name.name == "Eq"
    keys = list(group_declarations(module.decls))
    assert keys[:2] == ["class:Show", "class:Ord"] and "instance:showMaybe" in keys and "instance:eqShape" in keys


def test_foreign_imports_with_and_without_backend_code() -> None:
    module = module_of(
        "foreign import length :: forall a. Array a -> Int\nforeign import data Effect :: Type -> Type\n"
        'foreign import now :: Effect Number = "erlang:now()"\n'
    )
    length, effect, now = module.decls
    assert isinstance(length, ast.ForeignValueDecl) and length.backend is None
    assert isinstance(length.type, ast.TypeForall)
    assert isinstance(effect, ast.ForeignDataDecl) and isinstance(effect.kind, ast.TypeFun)
    assert isinstance(now, ast.ForeignValueDecl) and now.backend == "erlang:now()"


def test_fixity_declarations() -> None:
    module = module_of("infixl 6 add as +\ninfixr 6 Cons as :\ninfix 4 Data.Eq.eq as ==\ninfixr 6 type Tuple as /\\")
    add, cons, eq, tuple_ = module.decls
    assert isinstance(add, ast.FixityDecl) and (add.assoc, add.precedence, add.operator) == ("infixl", 6, "+")
    assert isinstance(cons, ast.FixityDecl) and cons.target.name == "Cons"
    assert isinstance(eq, ast.FixityDecl) and eq.target.full == "Data.Eq.eq"
    assert isinstance(tuple_, ast.FixityDecl) and tuple_.is_type and tuple_.operator == "/\\"


def test_application_is_left_nested_with_spans() -> None:
    e = expr_of("f a (g b)")
    assert isinstance(e, ast.App) and e.span == Span(1, 4, 1, 13)
    assert isinstance(e.fn, ast.App) and isinstance(e.fn.fn, ast.Var) and e.fn.fn.name == "f"
    assert isinstance(e.arg, ast.Paren)


def test_qualified_references_keep_qualifier_and_span() -> None:
    e = expr_of("List.map Data.Maybe.Just xs")
    assert isinstance(e, ast.App) and isinstance(e.fn, ast.App)
    fn = e.fn.fn
    assert isinstance(fn, ast.Var) and (fn.qualifier, fn.name, fn.span) == ("List", "map", Span(1, 4, 1, 12))
    ctor = e.fn.arg
    assert isinstance(ctor, ast.Constructor) and (ctor.qualifier, ctor.name) == ("Data.Maybe", "Just")


def test_operator_chain_is_flat_and_backticks_are_operators() -> None:
    e = expr_of("a + b `div` c M.<> d")
    assert isinstance(e, ast.OpChain) and len(e.operands) == 4
    assert [(o.name, o.qualifier, o.backtick) for o in e.operators] == [
        ("+", None, False),
        ("div", None, True),
        ("<>", "M", False),
    ]
    assert e.operators[1].span == Span(1, 10, 1, 15)


def test_operator_as_function_and_negation() -> None:
    ref = expr_of("(+)")
    assert isinstance(ref, ast.OperatorRef) and ref.name == "+" and ref.span == Span(1, 4, 1, 7)
    neg = expr_of("-x")
    assert isinstance(neg, ast.Negate) and isinstance(neg.expr, ast.Var)


def test_sections_bind_their_holes() -> None:
    left = expr_of("(_ + 1)")
    assert isinstance(left, ast.Paren) and isinstance(left.expr, ast.Section)
    assert len(left.expr.holes) == 1 and isinstance(left.expr.body, ast.OpChain)
    assert left.expr.body.operands[0] is left.expr.holes[0]
    right = expr_of("(x - _)")
    assert isinstance(right, ast.Paren) and isinstance(right.expr, ast.Section)
    accessor = expr_of("_.name")
    assert isinstance(accessor, ast.Section) and isinstance(accessor.body, ast.Access)
    case_ = expr_of("case _ of\n  _ -> 1")
    assert isinstance(case_, ast.Section) and isinstance(case_.body, ast.Case)
    update = expr_of("_ { a = 1 }")
    assert isinstance(update, ast.Section) and isinstance(update.body, ast.RecordUpdate)


def test_lambda_if_let() -> None:
    lam = expr_of("\\x (Just y) -> x")
    assert isinstance(lam, ast.Lambda) and len(lam.params) == 2
    cond = expr_of("if a then b else c")
    assert isinstance(cond, ast.If) and isinstance(cond.else_branch, ast.Var)
    let = expr_of("let\n    f :: Int -> Int\n    f n = n\n  in f 1")
    assert isinstance(let, ast.Let) and [type(b).__name__ for b in let.bindings] == ["LocalSignature", "LocalValue"]


def test_case_with_several_scrutinees_guards_and_pattern_guards() -> None:
    e = expr_of("case a, b of\n  1, _ -> x\n  n, Just y | Just z <- f y, z > n -> z\n           | otherwise -> 0")
    assert isinstance(e, ast.Case) and len(e.scrutinees) == 2 and len(e.alts) == 2
    second = e.alts[1]
    assert len(second.patterns) == 2 and isinstance(second.rhs, ast.Guarded)
    first_branch, last_branch = second.rhs.branches
    bind, cond = first_branch.guards
    assert isinstance(bind, ast.GuardBind) and isinstance(bind.pattern, ast.PatConstructor)
    assert isinstance(cond, ast.GuardCondition)
    assert isinstance(last_branch.guards[0], ast.GuardCondition)


def test_do_block_statements() -> None:
    e = expr_of("do\n  x <- m\n  let y = x\n  Tuple a b <- pair\n  pure y")
    assert isinstance(e, ast.Do)
    assert [type(s).__name__ for s in e.statements] == ["DoBind", "DoLet", "DoBind", "DoExpr"]


def test_typed_expression_and_arrays() -> None:
    typed = expr_of("(1 :: Int)")
    assert isinstance(typed, ast.Paren) and isinstance(typed.expr, ast.Typed)
    array = expr_of("[1, 2, 3]")
    assert isinstance(array, ast.ArrayLit) and len(array.items) == 3


def test_records_literal_pun_access_update_nested_update() -> None:
    lit = expr_of('{ name: "x", age }')
    assert isinstance(lit, ast.RecordLit)
    assert [(f.label, f.pun) for f in lit.fields] == [("name", False), ("age", True)]
    access = expr_of("p.address.city")
    assert isinstance(access, ast.Access) and access.field == "city" and access.field_span == Span(1, 14, 1, 18)
    update = expr_of('p { age = 2, address { city = "x" } }')
    assert isinstance(update, ast.RecordUpdate)
    age, address = update.updates
    assert isinstance(age, ast.UpdateSet) and isinstance(address, ast.UpdateNested)
    assert isinstance(address.updates[0], ast.UpdateSet) and address.updates[0].label == "city"
    keyword = expr_of("r.type")
    assert isinstance(keyword, ast.Access) and keyword.field == "type"
    arg = expr_of("f r { a: 1 }")
    assert isinstance(arg, ast.App) and isinstance(arg.arg, ast.RecordLit)


def test_patterns() -> None:
    decl = module_of("f all@(Cons x _) [a, b] { name, age: n } (-1) 'c' \"s\" true M.Nothing = 0").decls[0]
    assert isinstance(decl, ast.ValueDecl)
    named, array, record, neg, char, string, boolean, qualified = decl.params
    assert isinstance(named, ast.PatNamed) and named.name == "all" and isinstance(named.pattern, ast.PatParen)
    assert isinstance(array, ast.PatArray) and len(array.items) == 2
    assert isinstance(record, ast.PatRecord) and [f.pun for f in record.fields] == [True, False]
    assert isinstance(neg, ast.PatParen) and neg.pattern == ast.PatLiteral(
        Span(1, 42, 1, 44), ast.IntLit(Span(1, 42, 1, 44), -1)
    )
    assert isinstance(char, ast.PatLiteral) and isinstance(char.literal, ast.CharLit)
    assert isinstance(string, ast.PatLiteral) and isinstance(string.literal, ast.StringLit)
    assert isinstance(boolean, ast.PatLiteral) and boolean.literal == ast.BoolLit(Span(1, 54, 1, 58), True)
    assert isinstance(qualified, ast.PatConstructor) and qualified.name.full == "M.Nothing"


def test_types() -> None:
    t = type_of("forall a b. Eq a => a -> Array a -> Boolean")
    assert isinstance(t, ast.TypeForall) and [v.name for v in t.vars] == ["a", "b"]
    assert isinstance(t.body, ast.TypeConstrained) and isinstance(t.body.body, ast.TypeFun)
    assert isinstance(t.body.body.result, ast.TypeFun)  # right-associative arrows
    several = type_of("(Eq a, Show a) => a -> String")
    assert isinstance(several, ast.TypeConstrained) and len(several.constraints) == 2
    record = type_of("{ name :: String | r } -> ( age :: Int | r ) -> Record r")
    assert isinstance(record, ast.TypeFun) and isinstance(record.arg, ast.TypeRecord)
    assert isinstance(record.arg.row.tail, ast.TypeVar)
    assert isinstance(record.result, ast.TypeFun) and isinstance(record.result.arg, ast.TypeRow)
    app = type_of("Maybe (M.Map k v)")
    assert isinstance(app, ast.TypeApp) and isinstance(app.arg, ast.TypeParen)
    inner = app.arg.type
    assert isinstance(inner, ast.TypeApp) and isinstance(inner.fn, ast.TypeApp)
    con = inner.fn.fn
    assert isinstance(con, ast.TypeCon) and con.full == "M.Map"


def test_doc_comments_attach_to_declarations() -> None:
    module = module_of("-- | Doc of x.\n-- More.\nx = 1\n-- not a doc\ny = 2\n-- | Doc of T.\ndata T = A")
    assert [d.doc for d in module.decls] == ["Doc of x.\nMore.", None, "Doc of T."]


def test_fingerprint_ignores_whitespace_and_comments_but_not_tokens_or_docs() -> None:
    def fingerprint(body: str) -> str:
        return module_of(body).decls[0].fingerprint

    base = fingerprint("f x = x + 1")
    assert base == fingerprint("f  x =\n  x {- c -} + 1 -- trailing")
    assert base != fingerprint("f x = x + 2")
    assert base != fingerprint("-- | Doc.\nf x = x + 1")
    assert fingerprint("-- | Doc.\nf x = x + 1") == fingerprint("-- | Doc.\nf x =  x + 1")
    second = module_of("a = 1\nf x = x + 1").decls[1]
    assert second.fingerprint == base  # position in the file does not matter


def test_module_without_declarations() -> None:
    parsed = parse_module("module Empty where\n")
    assert parsed.diagnostics == () and parsed.module.decls == () and parsed.module.name == "Empty"


def test_doc_comments_on_constructors_and_methods() -> None:
    module = module_of(
        "data T\n  -- | The first.\n  = A\n  -- | The second.\n  | B Int\n"
        "class C a where\n  -- | A method.\n  m :: a -> a\n"
        "-- | The type.\nnewtype N a\n  -- | The wrapper.\n  = N a\n"
    )
    data, cls, new = module.decls
    assert isinstance(data, ast.DataDecl) and [c.doc for c in data.constructors] == ["The first.", "The second."]
    assert isinstance(cls, ast.ClassDecl) and cls.methods[0].doc == "A method."
    assert isinstance(new, ast.NewtypeDecl) and (new.doc, new.constructor.doc) == ("The type.", "The wrapper.")


def test_an_import_after_a_declaration_is_a_syntax_error_and_still_read() -> None:
    parsed = parse_module("module M where\nx = 1\nimport Data.Maybe (Maybe(..))\ny = 2\n")
    assert [(d.code, d.span) for d in parsed.diagnostics] == [("SyntaxError", Span(2, 0, 2, 29))]
    assert [i.module for i in parsed.module.imports] == ["Data.Maybe"]
    assert len(parsed.module.decls) == 2


def test_anonymous_argument_outside_a_section_is_reported() -> None:
    parsed = parse_module("module M where\nx = f _ 1\ny = map (_ + 1)\n")
    assert [(d.code, d.span) for d in parsed.diagnostics] == [("IncorrectAnonymousArgument", Span(1, 6, 1, 7))]
    assert len(parsed.module.decls) == 2
