"""Deriving in the checker: the instance heads `Generic` and `Newtype` get (their representation, the wrapped
type), and each of PureScript's deriving errors is reported with its code on the range PureScript uses."""

from __future__ import annotations

from typing import Any

import pytest

from nova.check import check_module
from nova.syntax import parse_module
from nova.types.pretty import print_scheme
from tests.nova.deriving_modules import layer

HEAD = """module M where

import Prelude
import Data.Generic.Rep (class Generic)
import Data.Newtype (class Newtype)
import Data.Bifunctor (class Bifunctor)
import Data.Functor.Contravariant (class Contravariant)
import Data.Profunctor (class Profunctor)
import Data.Eq (class Eq1)
import Data.Ord (class Ord1)
import Data.Foldable (class Foldable)
import Data.Traversable (class Traversable)
import Data.Tuple (Tuple)
import Data.Maybe (Maybe)

"""
HEAD_LINES = HEAD.count("\n")


def checked(body: str) -> Any:
    return check_module(parse_module(HEAD + body), layer())


def instance_heads(body: str) -> dict[str, str]:
    result = checked(body)
    assert [d.message for d in result.diagnostics] == []
    return {
        el.name: print_scheme(el.scheme)
        for el in result.typed_ast.elements.values()
        if el.kind == "instance" and el.scheme is not None
    }


def test_generic_head_is_the_representation() -> None:
    heads = instance_heads(
        "data Shape = Circle Number | Rect { w :: Number, h :: Number } Number | Dot\n"
        "derive instance genericShape :: Generic Shape _\n"
        "data Box a = Box a\n"
        "derive instance genericBox :: Generic (Box a) _\n"
        "data Empty\n"
        "derive instance genericEmpty :: Generic Empty _\n"
        "newtype Name = Name String\n"
        "derive instance genericName :: Generic Name _\n"
    )
    assert heads["genericShape"] == (
        'Generic Shape (Sum (Constructor "Circle" (Argument Number)) (Sum (Constructor "Rect" '
        '(Product (Argument { h :: Number, w :: Number }) (Argument Number))) (Constructor "Dot" NoArguments)))'
    )
    assert heads["genericBox"] == 'forall a. Generic (Box a) (Constructor "Box" (Argument a))'
    assert heads["genericEmpty"] == "Generic Empty NoConstructors"
    assert heads["genericName"] == 'Generic Name (Constructor "Name" (Argument String))'


def test_newtype_head_is_the_wrapped_type() -> None:
    heads = instance_heads(
        "newtype Name = Name String\n"
        "derive instance newtypeName :: Newtype Name _\n"
        "newtype Pair a = Pair { left :: a, right :: a }\n"
        "derive instance newtypePair :: Newtype (Pair a) _\n"
    )
    assert heads["newtypeName"] == "Newtype Name String"
    assert heads["newtypePair"] == "forall a. Newtype (Pair a) { left :: a, right :: a }"


def test_derived_heads_are_used_through_the_functional_dependency() -> None:
    result = checked(
        "newtype Name = Name String\n"
        "derive instance Newtype Name _\n"
        "data Two = Two Int Boolean\n"
        "derive instance Generic Two _\n"
        "unwrapped :: Name -> String\n"
        "unwrapped = Data.Newtype.unwrap\n"
    )
    messages = [d.message for d in result.diagnostics]
    assert any("Data.Newtype.unwrap" in m for m in messages)  # not imported under that name: the name is unknown
    result = check_module(
        parse_module(
            HEAD.replace("import Data.Newtype (class Newtype)", "import Data.Newtype (class Newtype, unwrap)")
            + "newtype Name = Name String\nderive instance Newtype Name _\nunwrapped = unwrap (Name \"x\")\n"
        ),
        layer(),
    )
    assert [d.message for d in result.diagnostics] == []
    assert print_scheme(result.typed_ast.elements["unwrapped"].scheme) == "String"


CASES = [
    # (declarations, code, (line, start column, end column) within the declarations, message prefix)
    (
        "newtype Name = Name String\nderive instance Newtype Name String\n",
        "ExpectedWildcard",
        (1, 0, 35),
        "Expected a type wildcard (_) when deriving an instance for `Name`.",
    ),
    (
        "data Name = Name String\nderive instance Newtype Name _\n",
        "CannotDeriveNewtypeForData",
        (0, 0, 23),
        "Cannot derive an instance of the Newtype class for non-newtype `Name`.",
    ),
    (
        "data Shape = Dot\nderive instance Generic Shape Int\n",
        "ExpectedWildcard",
        (1, 0, 33),
        "Expected a type wildcard (_) when deriving an instance for `Shape`.",
    ),
    (
        "derive instance Generic (Maybe a) _\n",
        "ExpectedTypeConstructor",
        (0, 0, 35),
        "Cannot derive the type class instance `Generic (Maybe a)",
    ),
    (
        "newtype Sink a = Sink (a -> Int)\nderive instance Functor Sink\n",
        "CannotDeriveInvalidConstructorArg",
        (1, 0, 28),
        "One or more type variables are in positions that prevent `Functor` from being derived.",
    ),
    (
        "newtype Source a = Source (Int -> a)\nderive instance Contravariant Source\n",
        "CannotDeriveInvalidConstructorArg",
        (1, 0, 36),
        "One or more type variables are in positions that prevent `Contravariant` from being derived.",
    ),
    (
        "data Test a b = Test (Tuple (a -> Int) b)\nderive instance Bifunctor Test\n",
        "CannotDeriveInvalidConstructorArg",
        (1, 0, 30),
        "One or more type variables are in positions that prevent `Bifunctor` from being derived.",
    ),
    (
        "data Test a = Test (forall t. Show t => t -> a)\nderive instance Foldable Test\n",
        "CannotDeriveInvalidConstructorArg",
        (1, 0, 29),
        "One or more type variables are in positions that prevent `Foldable` from being derived.",
    ),
    (
        "data Test a = Test (forall t. Show t => Array a)\nderive instance Traversable Test\n",
        "CannotDeriveInvalidConstructorArg",
        (1, 0, 32),
        "One or more type variables are in positions that prevent `Traversable` from being derived.",
    ),
    (
        # (a pair type without a Bifoldable instance: `Tuple a a` is derived through `Bifoldable Tuple`)
        "data Two x y = Two x y\ndata Test a = Test (Two a a)\nderive instance Foldable Test\n",
        "CannotDeriveInvalidConstructorArg",
        (2, 0, 29),
        "One or more type variables are in positions that prevent `Foldable` from being derived.",
    ),
    (
        "data Wrap f a = Wrap (f a)\nderive instance Functor (Wrap f)\n",
        "CannotDeriveInvalidConstructorArg",
        (1, 0, 32),
        "One or more type variables are in positions that prevent `Functor` from being derived.",
    ),
    (
        "data Wrap f a = Wrap (f a)\nderive instance Eq a => Eq (Wrap f a)\n",
        "NoInstanceFound",
        (1, 0, 37),
        "No instance for Eq1 f",
    ),
    (
        "data Id a = Id a\nderive instance Eq1 Id\n",
        "NoInstanceFound",
        (1, 0, 22),
        "No instance for Eq (Id a)",
    ),
    (
        "data Box a = Box a\nderive instance Traversable Box\n",
        "NoInstanceFound",
        (1, 0, 31),
        "No instance for Functor Box",
    ),
    (
        "data Pair a b = Pair a b\nderive instance Profunctor Pair\n",
        "CannotDeriveInvalidConstructorArg",
        (1, 0, 31),
        "One or more type variables are in positions that prevent `Profunctor` from being derived.",
    ),
    (
        "class Pretty a where\n  pretty :: a -> String\ndata T = T\nderive instance Pretty T\n",
        "CannotDerive",
        (3, 0, 24),
        "Cannot derive a type class instance for `Pretty T` since instances of this type class are not derivable.",
    ),
    (
        "type Synonym = Int\nderive newtype instance Show Synonym\n",
        "ExpectedTypeConstructor",
        (1, 0, 36),
        "Cannot derive the type class instance `Show Int` because the type `Int`",
    ),
    # the refused instance is not one of the module's: a later use of `Eq Int` (Box's field) sees no overlap
    (
        "type Count = Int\nderive instance Eq Count\ndata Box = Box Count\nderive instance Eq Box\n"
        "same :: Count -> Boolean\nsame n = n == n\n",
        "ExpectedTypeConstructor",
        (1, 0, 24),
        "Cannot derive the type class instance `Eq Int` because the type `Int`",
    ),
    (
        "newtype Deep a = Deep (Array (Array a))\nderive newtype instance Functor Deep\n",
        "InvalidNewtypeInstance",
        (1, 0, 36),
        "Cannot derive newtype instance for `Functor` of `Deep`: the type `Deep` wraps does not end in applications",
    ),
    # a head PureScript refuses before deriving anything: its error alone
    (
        "data T = T Int\nderive instance Eq T\nderive instance Ord1 T\n",
        "KindsDoNotUnify",
        (2, 21, 22),
        "Could not match kind `Type` with kind `Type -> Type`.",
    ),
    (
        "derive instance Eq Maybe\n",
        "KindsDoNotUnify",
        (0, 19, 24),
        "Could not match kind `Type -> Type` with kind `Type`.",
    ),
    (
        "derive instance Generic Missing _\n",
        "UnknownName",
        (0, 24, 31),
        "Unknown type `Missing`.",
    ),
    # an open record row: `Eq (Record r)` is not solved, reported once
    (
        "data Rw r = Rw { a :: Int | r }\nderive instance Eq (Rw r)\n",
        "NoInstanceFound",
        (1, 0, 25),
        "No instance for ",
    ),
]


@pytest.mark.parametrize(("body", "code", "where", "message"), CASES, ids=[f"{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_deriving_error(body: str, code: str, where: tuple[int, int, int], message: str) -> None:
    found = [
        (d.code, d.span.start_line - HEAD_LINES, d.span.start_col, d.span.end_col, d.message)
        for d in checked(body).diagnostics
    ]
    assert len(found) == 1, found
    got_code, line, start, end, got_message = found[0]
    assert (got_code, (line, start, end)) == (code, where)
    assert got_message.startswith(message), got_message


def test_contravariant_and_profunctor_positions_are_accepted() -> None:
    instance_heads(
        "newtype Pred a = Pred (a -> Boolean)\n"
        "derive instance Contravariant Pred\n"
        "newtype Fn a b = Fn (a -> b)\n"
        "derive instance Profunctor Fn\n"
        "data Cont r a = Cont ((a -> r) -> r)\n"
        "derive instance Functor (Cont r)\n"
        "data Wrap f a = Wrap (f a)\n"
        "derive instance Functor f => Functor (Wrap f)\n"
        "derive instance (Eq1 f, Eq a) => Eq (Wrap f a)\n"
        "data Mixed a b = Mixed (Tuple (Int -> a) b)\n"
        "derive instance Bifunctor Mixed\n"
    )


def test_a_head_refused_then_fixed_is_derived_again_incrementally() -> None:
    """The derive declaration is unchanged while the type's kind is edited: its result must follow."""
    good = "data T a = T a\nderive instance Functor T\n"
    bad = "data T = T Int\nderive instance Functor T\n"
    previous = None
    for body in (good, bad, good, bad):
        parsed = parse_module(HEAD + body)
        incremental = check_module(parsed, layer(), previous)
        fresh = check_module(parsed, layer())
        codes = [d.code for d in incremental.diagnostics]
        assert codes == [d.code for d in fresh.diagnostics]
        assert codes == ([] if body == good else ["KindsDoNotUnify"])
        derived = [el.derivation for el in incremental.typed_ast.elements.values() if el.kind == "instance"]
        assert [d is not None for d in derived] == [body == good]
        previous = incremental
