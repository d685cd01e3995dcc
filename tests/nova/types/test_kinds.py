"""Kinds: inference and generalisation of declaration kinds, kind signatures, kinded binders, kind errors."""

from __future__ import annotations

import pytest

from nova.types.pretty import print_kind_scheme
from tests.nova.types.helpers import check, diagnostics, types_of


def kinds_of(source: str, module: str = "Main") -> dict[str, str]:
    result = check(Main=source)
    els = result.modules[module].typed_ast.elements
    out = {k[5:]: print_kind_scheme(e.kind_of) for k, e in els.items() if e.kind_of is not None}
    for key, e in els.items():
        if e.class_info is not None and key.startswith("class:"):
            out[key] = print_kind_scheme(e.class_info.kind)
    return out


def codes(source: str) -> list[tuple[str, int, int, int, int]]:
    return [(c, l1 + 1, c1 + 1, l2 + 1, c2 + 1) for c, l1, c1, l2, c2, _ in diagnostics(check(Main=source))]


HEADER = "module Main where\n\nimport Prelude\nimport Type.Proxy (Proxy(..))\nimport Data.Maybe (Maybe(..))\n\n"


@pytest.mark.parametrize(
    ("declaration", "name", "kind"),
    [
        ("data Proxy2 a = Proxy2", "Proxy2", "forall k. k -> Type"),
        ("data F f a = F (f a)", "F", "forall k. (k -> Type) -> k -> Type"),
        ("newtype Fix f = Fix (f (Fix f))", "Fix", "(Type -> Type) -> Type"),
        ("type Compose f g a = f (g a)", "Compose", "forall k k1 k2. (k -> k1) -> (k2 -> k) -> k2 -> k1"),
        ("type Wrapped f = { name :: f String }", "Wrapped", "(Type -> Type) -> Type"),
        ("data Rec r = Rec (Record r)", "Rec", "Row Type -> Type"),
        ("data Tagged (s :: Symbol) a = Tagged a", "Tagged", "Symbol -> Type -> Type"),
        ("data L :: Row Symbol -> Type\ndata L r = L", "L", "Row Symbol -> Type"),
        ("data P :: forall k. k -> Type\ndata P a = P", "P", "forall k. k -> Type"),
        (
            "newtype App :: forall k. (k -> Type) -> k -> Type\nnewtype App f a = App (f a)",
            "App",
            "forall k. (k -> Type) -> k -> Type",
        ),
        ('type Lit = "label"', "Lit", "Symbol"),
        ("type Num = 42", "Num", "Int"),
        ("type Row1 = ( a :: Int, b :: String )", "Row1", "Row Type"),
        ('type Row2 = ( a :: "x" )', "Row2", "Row Symbol"),
        ("foreign import data Nat :: Type\nforeign import data Succ :: Nat -> Nat", "Succ", "Nat -> Nat"),
        ("foreign import data Any :: forall k. k -> Type", "Any", "forall k. k -> Type"),
        ("type Const :: forall k. Type -> k -> Type\ntype Const a b = a", "Const", "forall k. Type -> k -> Type"),
        ("class Container f where\n  single :: forall a. a -> f a", "class:Container", "(Type -> Type) -> Constraint"),
        ("class Empty f where\n  empty :: forall a. f a", "class:Empty", "forall k. (k -> Type) -> Constraint"),
        ("class Tag a", "class:Tag", "forall k. k -> Constraint"),
        ("class Named :: Symbol -> Constraint\nclass Named s", "class:Named", "Symbol -> Constraint"),
        # a parameter of a quantified kind keeps its `forall`
        ("data Holder (p :: forall k. k -> Type) = Holder", "Holder", "(forall k. k -> Type) -> Type"),
    ],
)
def test_declaration_kinds(declaration: str, name: str, kind: str) -> None:
    source = HEADER + declaration + "\n"
    assert kinds_of(source)[name] == kind
    assert [c for c in codes(source) if c[0] != "OrphanInstance"] == []


def test_poly_kinded_type_used_at_several_kinds_in_one_module() -> None:
    source = HEADER + (
        'data Box a = Box\ndata Uses = Uses (Box Int) (Box Maybe) (Box "s") (Box 3) (Box ( a :: Int ))\n'
    )
    assert codes(source) == []
    assert kinds_of(source)["Box"] == "forall k. k -> Type"


def test_mutually_recursive_types_are_inferred_together_then_generalised() -> None:
    source = HEADER + "data Tree a = Leaf | Node (Forest a)\ndata Forest a = Forest (Array (Tree a))\n"
    kinds = kinds_of(source)
    assert kinds["Tree"] == kinds["Forest"] == "forall k. k -> Type"


def test_a_kind_signature_allows_polymorphic_recursion() -> None:
    source = HEADER + (
        "data Nested :: forall k. (k -> Type) -> k -> Type\ndata Nested f a = Flat (f a) | Deeper (Nested Proxy f)\n"
    )
    assert codes(source) == []


def test_signature_variables_may_have_kinds() -> None:
    source = HEADER + (
        "ignore :: forall k (a :: k). Proxy a -> Int\nignore _ = 0\n"
        "sym :: forall (s :: Symbol). Proxy s -> Int\nsym _ = 1\n"
        'uses = ignore (Proxy :: Proxy Maybe) + sym (Proxy :: Proxy "x")\n'
    )
    result = check(Main=source)
    assert diagnostics(result) == []
    assert types_of(result, "Main")["uses"] == "Int"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the argument of the wrong kind
        ("count :: Maybe -> Int\ncount _ = 0\n", [("KindsDoNotUnify", 7, 10, 7, 15)]),
        ("bad :: Proxy (Maybe Maybe)\nbad = Proxy\n", [("KindsDoNotUnify", 7, 21, 7, 26)]),
        # a record's row must hold types
        ('r :: Record ( a :: "x" )\nr = {}\n', [("KindsDoNotUnify", 7, 13, 7, 25)]),
        # a variable applied to itself
        ("data Loop f = Loop (f f)\n", [("InfiniteKind", 7, 23, 7, 24)]),
        # a rigid kind variable of a signature
        ("data T :: forall k. k -> Type\ndata T (a :: Type) = T\n", [("KindsDoNotUnify", 8, 14, 8, 18)]),
        # too many parameters for the signature
        ("data U :: Type\ndata U a = U\n", [("KindsDoNotUnify", 8, 6, 8, 7)]),
        # a kind signature whose declaration does not follow
        ("type V :: Type\nx = 1\ntype V = Int\n", [("OrphanKindDeclaration", 7, 6, 7, 7)]),
        # a type variable nothing binds, in a signature and in a kind annotation
        ("f :: forall a. a -> b\nf x = f x\n", [("UndefinedTypeVariable", 7, 21, 7, 22)]),
        ("g :: forall (a :: k) k. Proxy a\ng = Proxy\n", [("UndefinedTypeVariable", 7, 19, 7, 20)]),
        ("h = (Proxy :: Proxy a)\n", [("UndefinedTypeVariable", 7, 21, 7, 22)]),
        # a superclass over a variable the class does not have
        ("class Foo a\nclass Foo b <= Bar a\n", [("UndefinedTypeVariable", 8, 11, 8, 12)]),
        # an instance head of the wrong kind
        (
            "class Container f where\n  none :: forall a. f a\ninstance Container Int where\n  none = none\n",
            [("KindsDoNotUnify", 9, 20, 9, 23)],
        ),
        # nothing follows from a signature or an instance head with a kind error: the body is not checked
        # against it, nor are the value's users
        (
            "r :: Record Int\nr = { a: 1 }\ns :: Int\ns = r.a + 1\n",
            [("KindsDoNotUnify", 7, 13, 7, 16)],
        ),
        ("f :: Int -> Maybe\nf x = Just x\n", [("KindsDoNotUnify", 7, 13, 7, 18)]),
        (
            "class Container f where\n  none :: forall a. f a\ninstance Container Int where\n  none = 1\n",
            [("KindsDoNotUnify", 9, 20, 9, 23)],
        ),
    ],
)
def test_kind_errors(body: str, expected: list[tuple[str, int, int, int, int]]) -> None:
    assert codes(HEADER + body) == expected


def test_kinds_of_prim_classes_are_poly_kinded() -> None:
    source = HEADER + (
        "import Prim.Row (class Lacks)\n"
        'f :: forall r. Lacks "x" r => Proxy r -> Int\nf _ = 0\n'
        'g :: forall (r :: Row Symbol). Lacks "x" r => Proxy r -> Int\ng _ = 0\n'
    )
    assert codes(source) == []


def test_a_literal_of_the_wrong_kind_reaching_a_compiler_solved_class_is_a_kind_error() -> None:
    source = HEADER + (
        "import Prim.Int (class Add)\n"
        "plus :: forall a b c. Add a b c => Proxy a -> Proxy b -> Proxy c\nplus _ _ = Proxy\n"
        'bad :: Proxy 3\nbad = plus (Proxy :: Proxy "x") (Proxy :: Proxy 2)\n'
        "good :: Proxy 5\ngood = plus (Proxy :: Proxy 3) (Proxy :: Proxy 2)\n"
    )
    result = check(Main=source)
    [(code, line, col, _, _, message)] = diagnostics(result)
    assert (code, line + 1, col + 1) == ("KindsDoNotUnify", 11, 7)
    assert message.startswith("Could not match kind `Symbol` with kind `Int`")


def test_kinded_synonym_bodies_and_kinded_types_in_synonyms() -> None:
    source = HEADER + (
        "type Star2Star f = f :: Type -> Type\ntype Star t = t :: Type\n"
        'test1 :: Star2Star Array String\ntest1 = ["test"]\n'
        "f :: Star (String -> String)\nf s = s\n"
        "type Bad f = f :: Type\nbad :: Bad Maybe\nbad = []\n"
    )
    assert [c[0] for c in codes(source)] == ["KindsDoNotUnify"]


def test_an_unknown_in_a_kind_that_depends_on_a_declared_variable_cannot_be_quantified() -> None:
    # PureScript's failing test QuantificationCheckFailureInKind: `d`'s kind holds an unknown of kind `a`, which
    # implicit generalisation would put before `a`; the same shapes without a dependent binder are fine
    source = (
        "module Main where\n\n"
        "data Tag :: forall k. k -> Type\ndata Tag a = Tag\n\n"
        "data Link :: forall a (b :: a). a -> Tag b -> Type\ndata Link x y = Link\n\n"
        "data Bad :: forall (a :: Type) (b :: a) (c :: a) d. Link b d -> Type\ndata Bad a = Bad\n\n"
        "data Apart :: forall a (b :: a) d. Tag b -> Tag d -> Type\ndata Apart x y = Apart\n\n"
        "data Plain :: forall d. Link Int d -> Type\ndata Plain z = Plain\n\n"
        "data Given :: forall (a :: Type) (b :: a) (e :: a) (d :: Tag e). Link b d -> Type\ndata Given g = Given\n"
    )
    assert codes(source) == [("QuantificationCheckFailureInKind", 9, 13, 9, 69)]
