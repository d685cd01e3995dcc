"""The checker on PureScript's sugar and newer declaration forms: what is accepted, and what is reported (with
PureScript's codes and the smallest range) where PureScript rejects the program."""

from __future__ import annotations

from tests.nova.types.helpers import check, diagnostics, types_of

# diagnostics() gives 0-based lines: the body's first line is line 4
HEADER = "module Main where\nimport Prelude\nimport Data.Maybe (Maybe(..))\nimport Data.Tuple (Tuple(..))\n"


def run(body: str) -> tuple[dict[str, str], list[tuple[str, int, int, int, int, str]]]:
    result = check(Main=HEADER + body)
    return types_of(result, "Main"), diagnostics(result)


def test_operator_sections_bind_one_operand_of_the_outermost_operator() -> None:
    types, diags = run("a = (_ + 1)\nb = (1 - _)\nc = (_ * 2 + 1)\nd = (_ + _)\ne = (_ + 1 :: Int)\nf = (2 * 3 - _)\n")
    assert types["a"] == "Int -> Int" and types["b"] == "Int -> Int" and types["f"] == "Int -> Int"
    assert [(code, line, col) for code, line, col, *_ in diags] == [
        ("IncorrectAnonymousArgument", 6, 5),  # `_ * 2` is not an operand of `+`
        ("IncorrectAnonymousArgument", 7, 5),  # `(_ + _)`: the right one is the argument, the left one is left over
        ("IncorrectAnonymousArgument", 8, 5),  # a typed expression is no section
    ]


def test_an_anonymous_argument_outside_any_section_is_reported_once() -> None:
    _, diags = run("bump = _ + 1\n")
    assert [(code, line, col) for code, line, col, *_ in diags] == [("IncorrectAnonymousArgument", 4, 7)]


def test_a_pattern_binding_in_an_instance_body_is_a_syntax_error() -> None:
    _, diags = run(
        "class Named a where\n  nameOf :: a -> String\n"
        "instance Named Int where\n  Tuple nameOf _ = Tuple (\\_ -> \"int\") 1\n"
    )
    assert ("SyntaxError", 7, 2) in [(code, line, col) for code, line, col, *_ in diags]


def test_ado_values_do_not_see_the_variables_bound_before_them() -> None:
    _, diags = run("f = ado\n  x <- Just 1\n  y <- Just x\n  in y\n")
    assert [(code, line, col, message) for code, line, col, _, _, message in diags] == [
        ("UnknownName", 6, 12, "Unknown value `x`.")
    ]


def test_ado_let_bindings_see_earlier_binders_and_reach_the_result() -> None:
    types, diags = run("f = ado\n  x <- Just 1\n  let y = x + 1\n  let z = y * 2\n  in Tuple y z\n")
    assert diags == []
    assert types["f"] == "Maybe (Tuple Int Int)"


def test_qualified_ado_uses_the_qualified_module() -> None:
    types, diags = run("import Prelude as P\nf = P.ado\n  x <- Just 1\n  in x\ng = Q.ado in 1\n")
    assert types["f"] == "Maybe Int"
    assert [(code, line) for code, line, *_ in diags] == [("UnknownName", 8)]


def test_visible_type_applications_check_as_the_function() -> None:
    types, diags = run("id' :: forall @a. a -> a\nid' x = x\nn = id' @Int 3\ns = id' @String \"x\"\n")
    assert diags == []
    assert (types["n"], types["s"]) == ("Int", "String")


def test_typed_holes_report_their_type_in_values_and_instance_methods() -> None:
    _, diags = run(
        "f :: Int -> String\nf n = ?convert n\n"
        "class Describe a where\n  describe :: a -> String\n"
        "data T = T\ninstance Describe T where\n  describe x = ?todo\n"
    )
    assert [(code, line, col, end_col, message.split("\n")[0]) for code, line, col, _, end_col, message in diags] == [
        ("HoleInferredType", 5, 6, 14, "Hole `?convert` has the inferred type `Int -> String`."),
        ("HoleInferredType", 10, 15, 20, "Hole `?todo` has the inferred type `String`."),
    ]


def test_kind_signatures_roles_and_kinded_binders_give_no_error() -> None:
    _, diags = run(
        "data T :: Type -> Type\ndata T a = T a\ntype role T representational\n"
        "class C :: Type -> Constraint\nclass C a\n"
        "newtype N (a :: Type) = N a\n"
        "type S :: Type\ntype S = Int\n"
        "x :: forall (a :: Type). T a -> N a\nx (T a) = N a\n"
    )
    assert diags == []


def test_type_operators_follow_their_declared_fixity() -> None:
    types, diags = run(
        "infixr 6 type Tuple as /\\\\\ninfixl 6 type Tuple as *\\\\\n"
        "r :: Int /\\\\ String /\\\\ Boolean\nr = Tuple 1 (Tuple \"a\" true)\n"
        "l :: Int *\\\\ String *\\\\ Boolean\nl = Tuple (Tuple 1 \"a\") true\n"
    )
    assert diags == []
    # printed as written, with the grouping the fixity gave (a left operand that is a chain is parenthesised)
    assert types["r"] == "Int /\\\\ String /\\\\ Boolean"
    assert types["l"] == "(Int *\\\\ String) *\\\\ Boolean"


def test_mixing_type_operators_of_one_precedence_is_reported() -> None:
    _, diags = run(
        "infixr 6 type Tuple as /\\\\\ninfixl 6 type Tuple as *\\\\\n"
        "m :: Int /\\\\ String *\\\\ Boolean\nm = Tuple 1 (Tuple \"a\" true)\n"
    )
    assert [(code, line, col) for code, line, col, *_ in diags][:1] == [("MixedAssociativityError", 6, 20)]


def test_chaining_non_associative_operators_is_its_own_error() -> None:
    # (PureScript's failing test 3335: `Function` is Prim's, and `infix` operators do not chain)
    types, diags = run(
        "infix 6 type Function as >>\n"
        "k :: forall a b. a >> b >> a\nk a _ = a\n"
        "f :: Function Int String\nf = show\n"
        "g :: Int >> String\ng = f\n"
        "e = 1 == 2 == true\n"
    )
    assert types["f"] == "Int -> String"
    assert [(code, line, col) for code, line, col, *_ in diags] == [
        ("NonAssociativeError", 5, 24),
        ("NonAssociativeError", 11, 11),
    ]


def test_type_level_literals_are_accepted_as_arguments() -> None:
    types, diags = run('data P a = P\nlabel :: P "name"\nlabel = P\nsize :: P 3\nsize = P\nneg :: P (-3)\nneg = P\n')
    assert diags == []
    assert (types["label"], types["size"]) == ('P "name"', "P 3")


def test_ado_errors_point_at_the_statement_or_use_that_causes_them() -> None:
    _, mixed = run("f = ado\n  x <- Just 1\n  y <- [2]\n  in x + y\n")
    assert [(code, line, col, end) for code, line, col, _, end, _ in mixed] == [("TypesDoNotUnify", 6, 7, 10)]
    _, misuse = run("g = ado\n  x <- Just 1\n  in x <> \"s\"\n")
    assert ("TypesDoNotUnify", 6, 10, 13) in [(code, line, col, end) for code, line, col, _, end, _ in misuse]


def test_a_name_defined_twice_in_a_where_block_overlaps() -> None:
    # PureScript's failing test DuplicateDeclarationsInLet: the second signature starts a second binding
    _, diags = run(
        "total = a + b\n  where\n  a :: Int\n  a = 1\n\n  a :: Int\n  a = 2\n  b = 3\n"
        "twice = let\n    c = 1\n    d = 2\n    c = 3\n  in c + d\n"
    )
    assert [(code, line, col) for code, line, col, *_ in diags] == [
        ("OverlappingNamesInLet", 10, 2),
        ("OverlappingNamesInLet", 15, 4),
    ]


def test_a_synonym_left_partial_by_another_synonym_is_one_error() -> None:
    # `Id Endo` expands to `Endo` alone: PureScript reports that, not also the kind of `Id Endo` in a signature
    _, diags = run(
        "type Id a = a\ntype Endo a = a -> a\n"
        "x :: Id Endo\nx = 1\n"
        "y :: Id (Endo Int)\ny = identity\n"
        "z :: Id Array\nz = [1]\n"
    )
    assert [(code, line, col, message) for code, line, col, _, _, message in diags] == [
        ("PartiallyAppliedSynonym", 6, 8, "Type synonym `Endo` needs 1 argument."),
        # (a signature whose whole type has a kind other than `Type` is PureScript's ExpectedType)
        ("ExpectedType", 10, 5, "The type of a value must have kind `Type`, but this type has kind `Type -> Type`."),
    ]
