"""Diagnostics beyond the negative corpus: exact code, range and message."""

from __future__ import annotations

import pytest

from tests.nova.types.helpers import check, diagnostics

HEAD = "module M where\n\nimport Prelude\nimport Data.Maybe (Maybe(..))\n\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "f :: { a :: Int } -> Int\nf r = r.a\n\nx = f { a: 1, b: 2 }\n",
            ("AdditionalProperty", 8, 14, 8, 18, "Type of expression contains additional label `b`"),
        ),
        (  # a misspelt label: the field is the culprit, not the whole record
            'x :: { name :: String, price :: Number }\nx = { nmae: "x", price: 1.0 }\n',
            ("PropertyIsMissing", 6, 6, 6, 15, "Type of expression lacks required label `name`"),
        ),
        (  # a record that only lacks a label is wrong as a whole
            "x :: { name :: String, price :: Number }\nx = { price: 1.0 }\n",
            ("PropertyIsMissing", 6, 4, 6, 18, "Type of expression lacks required label `name`"),
        ),
        (
            "f (Just a b) = a\nf _ = 0\n",
            ("IncorrectConstructorArity", 5, 3, 5, 11, "Data constructor `Just` expects 1 argument"),
        ),
        (  # the broken clause is not taken for a wildcard: no unreachable-clause warning follows it
            "f (Just a b) = a\nf (Just a) = a\nf Nothing = 0\n",
            ("IncorrectConstructorArity", 5, 3, 5, 11, "Data constructor `Just` expects 1 argument"),
        ),
        (
            "f x = case x of\n  Jsut y -> y\n  Just y -> y\n  Nothing -> 0\n",
            ("UnknownName", 6, 2, 6, 6, "Unknown data constructor `Jsut`. Did you mean `Just`?"),
        ),
        ("x = 1 2\n", ("TypesDoNotUnify", 5, 4, 5, 5, "Could not match type `Int` with a function type")),
        (  # reported once, at the annotated expression, not again against the signature
            'x :: Int\nx = ("one" :: Int)\n',
            ("TypesDoNotUnify", 6, 5, 6, 10, "Could not match type `String` with type `Int`"),
        ),
        (  # a where-bound partial function is generalised with `Partial`: its use needs it
            "x :: Int\nx = pick (Just 1)\n  where\n  pick (Just y) = y\n",
            ("NoInstanceFound", 6, 4, 6, 8, "No instance for Partial"),
        ),
        ("x = if 1 then 2 else 3\n", ("TypesDoNotUnify", 5, 7, 5, 8, "Could not match type `Int` with type `Boolean`")),
        (
            "data T = T\n\ninstance showT :: Show T\n",
            ("MissingClassMember", 7, 9, 7, 14, "The instance `showT` does not define the method `show`"),
        ),
        ("x = show []\n", ("AmbiguousTypeVariables", 5, 4, 5, 8, "The inferred type has type variables")),
        ("x = Jsut 1\n", ("UnknownName", 5, 4, 5, 8, "Unknown data constructor `Jsut`. Did you mean `Just`?")),
        (
            "f :: forall a. a -> Int\nf x = x\n",
            ("TypesDoNotUnify", 6, 6, 6, 7, "Could not match type `a` with type `Int`"),
        ),
        (
            "f x = case x of\n  Just _ -> 1\n  Just 2 -> 2\n  Nothing -> 3\n",
            ("OverlappingPattern", 7, 2, 7, 8, "A case expression contains unreachable cases"),
        ),
        (
            "f :: Maybe Int -> Int\nf (Just x) = x\n",
            ("NoInstanceFound", 6, 0, 6, 1, "The definition of `f` does not cover all inputs; missing: `Nothing`"),
        ),
        (
            "data T = A | B\n\nderive instance showT :: Show T\n",
            ("CannotDerive", 7, 0, 7, 31, "Cannot derive a type class instance for `Show T` since instances of"),
        ),
        (
            "g = let f :: Int -> Int\n        f = 1\n    in f\n",
            ("TypesDoNotUnify", 6, 12, 6, 13, "Could not match type `Int` with type `Int -> Int`"),
        ),
    ],
)
def test_diagnostic(body: str, expected: tuple[str, int, int, int, int, str]) -> None:
    found = diagnostics(check(M=HEAD + body))
    assert len(found) == 1, found
    code, sl, sc, el, ec, message = found[0]
    assert (code, sl, sc, el, ec) == expected[:5]
    assert message.startswith(expected[5])


def test_two_files_declaring_one_module() -> None:
    found = diagnostics(check(A="module Same where\n\nx = 1\n", B="module Same where\n\ny = 2\n"))
    assert sorted((d[0], d[1], d[2], d[3], d[4]) for d in found) == [
        ("DuplicateModule", 0, 7, 0, 11),
        ("DuplicateModule", 0, 7, 0, 11),
    ]
    assert all("also declared in" in d[5] for d in found)


def test_unknown_module_suggests_a_close_name() -> None:
    found = diagnostics(check(M="module M where\n\nimport Data.Mabye\n"))
    assert found == [("UnknownImport", 2, 7, 2, 17, "Unknown module `Data.Mabye`. Did you mean `Data.Maybe`?")]


def test_ambiguous_name_from_two_open_imports() -> None:
    found = diagnostics(
        check(
            A="module A where\n\nval = 1\n",
            B="module B where\n\nval = 2\n",
            C="module C where\n\nimport A\nimport B\n\nx = val\n",
        )
    )
    assert [(d[0], d[1], d[2]) for d in found] == [("ScopeConflict", 5, 4)]


def test_unnamed_orphan_instance_is_reported_on_its_head() -> None:
    found = diagnostics(check(M=HEAD + "instance Semigroup Boolean where\n  append a b = a && b\n"))
    assert [(d[0], d[1], d[2], d[3], d[4]) for d in found] == [("OrphanInstance", 5, 0, 5, 26)]


def test_messages_keep_the_users_type_synonyms() -> None:
    source = (
        HEAD + "type Person = { name :: String, age :: Int }\n\ngreet :: Person -> String\ngreet p = p.name\n\n"
        "y :: Person\ny = 3\n"
    )
    found = diagnostics(check(M=source))
    assert [(d[0], d[5]) for d in found] == [("TypesDoNotUnify", "Could not match type `Int` with type `Person`.")]


def test_uses_of_a_declaration_that_does_not_parse_are_not_unknown() -> None:
    found = diagnostics(check(M=HEAD + "helper x = (x +\n\nuse = helper 1\n"))
    assert found and all(d[0] != "UnknownName" for d in found)


def test_a_cycle_through_signed_values_is_reported_at_each_reference() -> None:
    # PureScript's CycleInDeclaration needs no unsigned value: each signed value is checked alone, but the values
    # still need each other to be computed; a function in the cycle, or a lambda, breaks it
    source = HEAD + (
        "x :: Int\nx = y\n\ny :: Int\ny = x + 1\n\n"
        "a :: Int\na = b\n\nb = c\n\nc :: Int\nc = a\n\n"
        "f :: Int -> Int\nf n = g + n\n\ng :: Int\ng = f 1\n\n"
        "p :: Unit -> Int\np = \\_ -> q\n\nq :: Int\nq = p unit\n"
    )
    found = diagnostics(check(M=source))
    assert [(d[0], d[1], d[2], d[4]) for d in found] == [
        ("CycleInDeclaration", 6, 4, 5),
        ("CycleInDeclaration", 9, 4, 5),
        ("CycleInDeclaration", 12, 4, 5),
        ("CycleInDeclaration", 14, 4, 5),
        ("CycleInDeclaration", 17, 4, 5),
    ]
    assert "The value of `y` is undefined here" in found[0][5]
