"""Type wildcards `_` in signatures and annotations: the value is inferred against the written shape, and each
wildcard is reported (PureScript's `WildcardInferredType` warning) with the type it stood for."""

from __future__ import annotations

import pytest

from nova.eval.api import evaluate_expression
from tests.nova.types.helpers import check, diagnostics, root, types_of

# diagnostics() gives 0-based lines: the body's first line is line 2
HEADER = "module Main where\nimport Prelude\n"


def run(body: str) -> tuple[dict[str, str], list[tuple[str, int, int, int, int, str]]]:
    result = check(Main=HEADER + body)
    return types_of(result, "Main"), diagnostics(result)


def warnings(diags: list[tuple[str, int, int, int, int, str]]) -> list[tuple[int, int, int, str]]:
    prefix = "Wildcard type definition has the inferred type "
    out = []
    for code, line, col, _, end_col, message in diags:
        assert code == "WildcardInferredType" and message.startswith(prefix), (code, message)
        out.append((line, col, end_col, message[len(prefix) :]))
    return out


@pytest.mark.parametrize(
    ("body", "name", "scheme", "reported"),
    [
        ("f :: _ -> Int\nf x = x + 1\n", "f", "Int -> Int", [(2, 5, 6, "`Int`.")]),
        ("f :: Int -> _\nf x = show x\n", "f", "Int -> String", [(2, 12, 13, "`String`.")]),
        # what nothing fixes stays general (and the value is generalised like one without a signature)
        ("f :: _ -> _\nf x = x\n", "f", "forall a. a -> a", [(2, 5, 6, "`a`."), (2, 10, 11, "`a`.")]),
        ("f :: _ -> String\nf x = \"!\"\n", "f", "forall a. a -> String", [(2, 5, 6, "`a`.")]),
        # the signature's own variables print by their names
        (
            "f :: forall b. b -> _\nf x = { fst: x, snd: 0 }\n",
            "f",
            "forall b. b -> { fst :: b, snd :: Int }",
            [(2, 20, 21, "`{ fst :: b, snd :: Int }`.")],
        ),
        ("f :: Array _ -> Int\nf _ = 0\n", "f", "forall a. Array a -> Int", [(2, 11, 12, "`a`.")]),
        # recursion through the value itself
        ("f :: Int -> _\nf 0 = 0\nf n = f (n - 1)\n", "f", "Int -> Int", [(2, 12, 13, "`Int`.")]),
    ],
)
def test_partial_signatures(body: str, name: str, scheme: str, reported: list[tuple[int, int, int, str]]) -> None:
    types, diags = run(body)
    assert types[name] == scheme
    assert warnings(diags) == reported


def test_the_scheme_keeps_the_partial_signature_s_variable_names() -> None:
    result = check(Main=HEADER + "f :: forall b. b -> _\nf x = { fst: x, snd: 0 }\n")
    scheme = result.modules["Main"].typed_ast.elements["f"].scheme
    assert scheme is not None and scheme.names == ("b",)


def test_users_of_a_partially_signed_value_see_its_inferred_type() -> None:
    # `g` comes first in the file but is checked after `f`, whose type it needs
    types, diags = run("g :: String\ng = f 1 <> f true\nf :: _ -> String\nf _ = \"!\"\n")
    assert types["g"] == "String"
    assert [d[0] for d in diags] == ["WildcardInferredType"]


def test_a_partial_signature_without_constraints_gets_none_inferred() -> None:
    # PureScript checks a value against a partial signature: what its body needs must be written (`Show a =>`)
    _, diags = run("f :: _ -> String\nf x = show x\ng :: forall a. Show a => a -> _\ng x = show x\n")
    assert [(code, line) for code, line, *_ in diags] == [
        ("WildcardInferredType", 2),
        ("NoInstanceFound", 3),
        ("WildcardInferredType", 4),
    ]


def test_a_partial_signature_with_constraints_gets_no_other_inferred() -> None:
    # PureScript generalises no constraint of a signed value: `Eq a` is not written, `Ord a` entails its `Eq a`
    _, diags = run(
        "f :: forall a. Show a => a -> _\nf x = show x <> show (x == x)\n"
        "g :: forall a. Ord a => a -> _\ng x = x == x\n"
    )
    assert [(code, line, col) for code, line, col, *_ in diags] == [
        ("WildcardInferredType", 2, 30),
        ("NoInstanceFound", 3, 24),
        ("WildcardInferredType", 4, 29),
    ]


def test_a_local_partial_signature_gets_no_constraint_beyond_those_written() -> None:
    body = "f :: Int -> String\nf n = g n\n  where\n  g :: forall a. Show a => a -> _\n  g x = show x"
    _, diags = run(body + " <> show (x == x)\n")
    assert [(code, line, col) for code, line, col, *_ in diags] == [("NoInstanceFound", 6, 26)]
    types, diags = run(body + "\n")
    assert diags == [] and types["f"] == "Int -> String"


def test_a_body_that_fixes_a_declared_variable_is_an_error() -> None:
    _, diags = run("f :: forall a. a -> _\nf x = x + 1\n")
    assert [(code, line, col) for code, line, col, *_ in diags] == [
        ("TypesDoNotUnify", 2, 5),
        ("WildcardInferredType", 2, 20),
    ]
    assert diags[0][5].startswith("Could not match type `Int` with type `a`")


def test_wildcards_in_local_signatures_annotations_and_patterns() -> None:
    types, diags = run(
        "f n = go n + (1 :: _)\n  where\n  go :: _ -> Int\n  go k = k * 2\n"
        "g = \\(s :: _) -> s <> \"\"\n"
    )
    assert (types["f"], types["g"]) == ("Int -> Int", "String -> String")
    assert warnings(diags) == [(2, 19, 20, "`Int`."), (4, 8, 9, "`Int`."), (6, 11, 12, "`String`.")]


def test_under_a_complete_signature_inner_wildcards_are_not_reported() -> None:
    # PureScript 0.15: a wildcard inside a fully typed declaration means "infer this", not "tell me"
    types, diags = run(
        "f :: Int -> Int\nf n = go n + (1 :: _)\n  where\n  go :: _ -> Int\n  go k = k * 2\n"
        "class C a where\n  c :: a -> Int\ninstance C Int where\n  c x = (x :: _)\n"
    )
    assert types["f"] == "Int -> Int"
    assert diags == []


def test_a_complete_local_signature_silences_the_wildcards_inside_its_body() -> None:
    # PureScript (#4268): `go :: Int -> Int` silences `n :: _` and `(1 :: _)` below it though `f` has no signature;
    # a wildcard outside it is still reported, and a hole inside it is still an error
    types, diags = run(
        "f m = go m + (2 :: _)\n  where\n  go :: Int -> Int\n  go k = n + (1 :: _)\n    where\n    n :: _\n"
        "    n = k\n"
        "h m = go m\n  where\n  go :: Int -> Int\n  go k = k + ?gap\n"
    )
    assert types["f"] == "Int -> Int"
    assert [(d[0], d[1], d[2]) for d in diags] == [("WildcardInferredType", 2, 19), ("HoleInferredType", 12, 13)]


def test_type_holes_are_named_wildcards_reported_as_errors() -> None:
    types, diags = run("f :: Int -> ?result\nf x = show x\ng :: Int\ng = (3 :: ?three) + 1\n")
    assert types["f"] == "Int -> String"
    assert [(code, line, col, message) for code, line, col, _, _, message in diags] == [
        ("HoleInferredType", 2, 12, "Hole `?result` has the inferred type `String`."),
        ("HoleInferredType", 5, 10, "Hole `?three` has the inferred type `Int`."),
    ]


def test_a_wildcard_signature_s_mistake_is_still_a_type_error() -> None:
    _, diags = run('f :: _ -> Int\nf x = x <> "a"\n')
    codes = sorted(d[0] for d in diags)
    assert codes == ["TypesDoNotUnify", "WildcardInferredType"]


def test_partially_signed_values_evaluate() -> None:
    src = HEADER + (
        "ident :: _ -> _\nident x = x\nshowIt :: forall a. Show a => a -> _\nshowIt x = show x\n"
        "count :: Int -> _\ncount 0 = 0\ncount n = 1 + count (n - 1)\n"
    )
    got = evaluate_expression(root(), "showIt (ident 3) <> showIt true <> show (count 4)", module_source=src)
    assert got.value == '"3true4"'


@pytest.mark.parametrize(
    ("body", "line", "column"),
    [
        ("type T = Array _\n", 2, 15),
        ("data D = D _\n", 2, 11),
        ("newtype N = N _\n", 2, 14),
        ("class C a where\n  m :: a -> _\n", 3, 12),
        ("class C a\ninstance (C _) => C (Array a)\n", 3, 12),
        ("foreign import f :: _ -> Int\n", 2, 20),
        ("type T = Array ?t\n", 2, 15),
    ],
)
def test_wildcards_outside_value_annotations_are_syntax_errors(body: str, line: int, column: int) -> None:
    _, diags = run(body)
    assert [(code, line, col) for code, line, col, *_ in diags] == [("SyntaxError", line, column)]
    assert diags[0][5].endswith("in type; type wildcards are only allowed in value annotations.")


def test_a_wildcard_in_an_instance_head_is_an_invalid_head() -> None:
    # PureScript's parser reads it; its type checker refuses it (failing test TypeWildcards)
    _, diags = run("class C a\ninstance C _\n")
    assert [(code, line, col) for code, line, col, *_ in diags] == [("InvalidInstanceHead", 3, 11)]
