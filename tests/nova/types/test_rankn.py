"""Higher-rank types: translation, printing, subsumption, rigid variables and their escape, constraints inside
types, and quantified types through the registry's snapshot."""

from __future__ import annotations

import pytest

from nova.snapshot import decode, encode
from nova.types.pretty import print_type
from nova.types.types import Constraint, TBound, TCon, TForall, TFun, TVar, fresh_id, open_forall
from nova.types.unify import UnifyError, unify
from tests.nova.types.helpers import check, diagnostics, types_of

HEADER = "module Main where\n\nimport Prelude\nimport Data.Maybe (Maybe(..))\nimport Type.Proxy (Proxy(..))\n\n"


def checked(body: str) -> tuple[dict[str, str], list[tuple[str, int, int, int, int]]]:
    result = check(Main=HEADER + body)
    codes = [(c, l1 + 1, c1 + 1, l2 + 1, c2 + 1) for c, l1, c1, l2, c2, _ in diagnostics(result)]
    return types_of(result, "Main"), codes


IDENTITY = TForall(("a",), (), TFun(TBound("a"), TBound("a")))


def test_open_forall_replaces_bound_variables_and_respects_shadowing() -> None:
    inner = TForall(("a",), (), TBound("a"))
    t = TForall(
        ("a", "b"), (Constraint("Prelude", "Show", (TBound("b"),)),), TFun(TBound("a"), TFun(inner, TBound("b")))
    )
    x, y = TCon("X"), TCon("Y")
    constraints, body = open_forall(t, [x, y])
    assert constraints == (Constraint("Prelude", "Show", (y,)),)
    assert body == TFun(x, TFun(inner, y))  # the inner `forall a.` keeps its own `a`


def test_quantified_types_unify_up_to_renaming_but_not_with_an_instance() -> None:
    other = TForall(("b",), (), TFun(TBound("b"), TBound("b")))
    unify(IDENTITY, other)
    with pytest.raises(UnifyError):
        unify(IDENTITY, TFun(TCon("Int"), TCon("Int")))
    cell = TVar(fresh_id(), 0)
    with pytest.raises(UnifyError) as err:  # an unknown from outside cannot stand for the rigid variable
        unify(IDENTITY, TFun(cell, cell))
    assert err.value.kind == "escape"


def test_printing_names_bound_variables_after_free_ones() -> None:
    t = TFun(TForall(("s",), (), TFun(TBound("s"), TVar(1, 0))), TVar(1, 0))
    assert print_type(t) == "(forall b. b -> a) -> a"
    shown = TForall(("x",), (Constraint("Prelude", "Show", (TBound("x"),)),), TFun(TBound("x"), TCon("String")))
    assert print_type(TFun(shown, TCon("String"))) == "(forall a. Show a => a -> String) -> String"


def test_quantified_types_survive_the_snapshot() -> None:
    shown = TForall(("x",), (Constraint("Prelude", "Show", (TBound("x"),)),), TFun(TBound("x"), TCon("String")))
    assert decode(encode(shown)) == shown
    assert decode(encode(TFun(IDENTITY, TCon("Int")))) == TFun(IDENTITY, TCon("Int"))


@pytest.mark.parametrize(
    ("body", "name", "scheme"),
    [
        ("f :: (forall a. a -> a) -> Int\nf g = g 1\n", "f", "(forall a. a -> a) -> Int"),
        (
            "f :: forall r. (forall s. Proxy s -> r) -> r\nf k = k Proxy\n",
            "f",
            "forall r. (forall s. Proxy s -> r) -> r",  # (as the signature names them)
        ),
        (
            "f :: (forall a. Show a => a -> String) -> String\nf g = g 1\n",
            "f",
            "(forall a. Show a => a -> String) -> String",
        ),
        ("f :: Int -> forall a. a -> a\nf _ x = x\n", "f", "Int -> forall a. a -> a"),
        ("type Id = forall a. a -> a\nf :: Id -> Int\nf g = g 2\n", "f", "Id -> Int"),  # (the synonym as written)
        ("data T = T (forall a. a -> Maybe a)\nf (T g) = g 1\n", "f", "T -> Maybe Int"),
        # an annotation with a quantifier gives the expression that type
        ("f = (identity :: forall a. a -> a)\n", "f", "forall a. a -> a"),
    ],
)
def test_higher_rank_signatures(body: str, name: str, scheme: str) -> None:
    types, codes = checked(body)
    assert codes == []
    assert types[name] == scheme


@pytest.mark.parametrize(
    "body",
    [
        # a lambda whose parameter is used at two types
        "f :: ((forall a. a -> a) -> Int) -> Int\nf k = k identity\ng = f (\\h -> h 1 + (if h true then 1 else 0))\n",
        # subsumption: a function of a monomorphic argument where one of a polymorphic argument is needed
        "f :: ((forall a. a -> a) -> Int) -> Int\nf k = k identity\nmono :: (Int -> Int) -> Int\nmono g = g 1\n"
        "g = f mono\n",
        # a polymorphic record field
        "type R = { id :: forall a. a -> a }\nr :: R\nr = { id: \\x -> x }\n"
        "g = r.id 1 + (if r.id true then 1 else 0)\n",
        # the argument's own constraint meets the caller's instances
        'f :: (forall a. Eq a => a -> a -> Boolean) -> Boolean\nf eq = eq 1 2 || eq "a" "a"\ng = f (==)\n',
        # the result type of a quantified parameter, mentioned nowhere else, names its rigid variable
        "f :: forall b. (forall s. Proxy s -> b) -> Int\nf _ = 1\ng = f (\\p -> p)\n",
        # a where-bound function with a higher-rank signature
        "g :: Int\ng = go identity\n  where\n  go :: (forall b. b -> b) -> Int\n  go k = k 3\n",
        # a method whose type has a polymorphic argument, annotated at an instance (PureScript's test 1110): the
        # argument offered (`forall a. Array a`) is instantiated inside the rigid scope of the one needed
        "type Z t = forall x. t x -> (forall a. t a) -> t x\nclass C t where\n  c :: Z t\n"
        "instance cA :: C Array where\n  c x _ = x\ntest2 :: forall m. Monad m => m { ccc :: Z Array }\n"
        "test2 = pure { ccc: (c :: Z Array) }\n",
        # an annotation's `forall` names its variables for annotations inside (PureScript's passing test 2941)
        "test0 = ((((\\_ -> 0) :: b -> Int) :: forall b. b -> Int) :: forall a. a -> Int)\n"
        "test1 :: { attr :: forall a. a -> Int }\ntest1 = { attr: ((\\_ -> 0) :: b -> Int) :: forall b. b -> Int }\n",
        # a polymorphic record field updated where the record type is expected: in a `case _ of` alternative, a
        # `let` body, an update section and a nested update (checking forms in PureScript)
        "type H = { h :: forall a. a -> Array a, n :: Int }\nd :: H\nd = { h: \\x -> [x], n: 0 }\nok :: Int -> H\n"
        "ok = case _ of\n  0 -> d { h = \\x -> [x, x] }\n  n -> let m = n + 1 in d { n = m }\n"
        "w :: { inner :: H } -> { inner :: H }\nw = _ { inner { h = \\x -> [] } }\n",
    ],
)
def test_higher_rank_programs_check(body: str) -> None:
    _, codes = checked(body)
    assert codes == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the hidden type escapes through the result
        ("f :: forall r. (forall s. Proxy s -> r) -> r\nf k = k Proxy\ng = f (\\p -> p)\n",
         [("EscapedSkolem", 9, 14, 9, 15)]),
        # a result type only the quantified parameter mentions may name its rigid variable, but not through a
        # local variable or an earlier argument of that type
        ("f :: forall b. b -> (forall s. Proxy s -> b) -> Int\nf _ _ = 1\ng x = f x (\\p -> p)\n",
         [("EscapedSkolem", 9, 18, 9, 19)]),
        ("f :: forall b. b -> (forall s. Proxy s -> b) -> Int\nf _ _ = 1\ng = f Proxy (\\p -> p)\n",
         [("EscapedSkolem", 9, 20, 9, 21)]),
        # an instance where a polymorphic function is needed
        ("f :: (forall a. a -> a) -> Int\nf g = g 1\nh = f (\\x -> x + 1)\n", [("TypesDoNotUnify", 9, 18, 9, 19)]),
        # a polymorphic argument used at a type it does not have
        ("f :: (forall a. a -> a) -> Int\nf g = g true\n", [("TypesDoNotUnify", 8, 9, 8, 13)]),
        # a constraint not given by the argument's type
        ("f :: (forall a. a -> String) -> String\nf g = g 1\nh = f show\n", [("NoInstanceFound", 9, 7, 9, 11)]),
        # a function of a polymorphic argument where one of a monomorphic argument is needed
        ("f :: ((Int -> Int) -> Int) -> Int\nf k = k (_ + 1)\npoly :: (forall a. a -> a) -> Int\npoly g = g 1\n"
         "h = f poly\n", [("TypesDoNotUnify", 11, 7, 11, 11)]),
        # a value set into a polymorphic field that is not polymorphic: reported at the culprit inside it, whether
        # the update stands alone or in a branch of an `if` checked against the record type
        ("type H = { h :: forall a. a -> Array a, n :: Int }\nd :: H\nd = { h: \\x -> [x], n: 0 }\nbad :: H\n"
         "bad = d { h = \\x -> [x, 1] }\n", [("TypesDoNotUnify", 11, 25, 11, 26)]),
        ("type H = { h :: forall a. a -> Array a, n :: Int }\nd :: H\nd = { h: \\x -> [x], n: 0 }\n"
         "bad :: Boolean -> H\nbad b = if b then d { h = \\_ -> [] } else d { n = \"x\" }\n",
         [("TypesDoNotUnify", 11, 51, 11, 54)]),
    ],
)  # fmt: skip
def test_higher_rank_errors(body: str, expected: list[tuple[str, int, int, int, int]]) -> None:
    _, codes = checked(body)
    assert codes == expected
