"""Roles of type parameters (inferred, declared, across modules) and `Coercible` solved with them."""

from __future__ import annotations

from tests.nova.types.helpers import check, diagnostics

TYPES = """module Shapes where

import Prelude
import Data.Maybe (Maybe)

data Phantom a = Phantom
data Plain a = Plain a (Array a)
data Keyed k v = Keyed (Maybe v) (Array k)
newtype Wrap f a = Wrap (f a)
data Fun a b = Fun (a -> b)
data Nested a = Nested (Plain (Phantom a))
data Odd a = Odd (Foreign a)
foreign import data Foreign :: Type -> Type
foreign import data Open :: Type -> Type
type role Open representational
data Tree a = Leaf | Node (Tree a) a (Tree a)
"""


def roles(module: str, source: str) -> dict[str, tuple[str, ...]]:
    result = check(**{module: source})
    assert [d for d in diagnostics(result) if d[0] != "OrphanInstance"] == []
    env = result.modules[module].env
    return {name: info.roles for name, info in env.type_infos.items()}


def test_inferred_and_declared_roles() -> None:
    got = roles("Shapes", TYPES)
    assert got["Phantom"] == ("phantom",)
    assert got["Plain"] == ("representational",)
    # `Maybe` is a data type of the standard library (representational), arrays are representational too
    assert got["Keyed"] == ("representational", "representational")
    # `f a`: `f` is representational, `a` under a type variable is nominal
    assert got["Wrap"] == ("representational", "nominal")
    assert got["Fun"] == ("representational", "representational")
    assert got["Nested"] == ("phantom",)  # only ever under a phantom parameter
    assert got["Odd"] == ("nominal",)  # foreign types are nominal unless declared
    assert got["Foreign"] == ("nominal",)
    assert got["Open"] == ("representational",)
    assert got["Tree"] == ("representational",)  # recursive types reach a fixed point


def test_role_declarations_are_checked() -> None:
    source = TYPES + "\ntype role Plain nominal\ntype role Phantom representational\ntype role Wrap phantom nominal\n"
    result = check(Shapes=source)
    found = sorted((d[0], d[1]) for d in diagnostics(result))
    assert found == [("RoleMismatch", 19)]  # (0-based lines) the third declaration loosens `f` of `Wrap`
    env = result.modules["Shapes"].env
    assert env.type_infos["Plain"].roles == ("nominal",)
    assert env.type_infos["Phantom"].roles == ("representational",)
    wrong = check(Shapes=TYPES + "\ntype role Plain nominal nominal\ntype role Nope nominal\ntype role Plain nominal\n")
    assert [(d[0], d[1]) for d in diagnostics(wrong)] == [
        ("RoleDeclarationArityMismatch", 17),
        ("OrphanRoleDeclaration", 18),
        ("DuplicateRoleDeclaration", 19),
    ]

USER = """module User where

import Prelude
import Safe.Coerce (coerce)
import Data.Maybe (Maybe(..))
import Shapes (Phantom(..), Plain(..), Wrap(..), Odd, Open, Tree(..))

newtype Age = Age Int

ages :: Plain Age
ages = coerce (Plain 1 [2])

retag :: Phantom String -> Phantom Boolean
retag = coerce

wrapped :: Wrap Maybe Int -> Wrap Maybe Int
wrapped = coerce

opened :: Open Age -> Open Int
opened = coerce

tree :: Tree Age -> Tree Int
tree = coerce

odd :: Odd Age -> Odd Int
odd = coerce
"""


def test_coercible_follows_roles_across_modules() -> None:
    result = check(Shapes=TYPES, User=USER)
    found = [(d[0], d[1], d[5]) for d in diagnostics(result)]
    # (a nominal argument that differs is PureScript's TypesDoNotUnify, not a missing instance)
    assert found == [
        (
            "TypesDoNotUnify",
            25,
            "Could not match type `Age` with type `Int` while trying to match type `Odd Age` with type `Odd Int`.",
        )
    ]


HIDDEN = """module Hidden (Secret, make) where

newtype Secret = Secret String

make :: String -> Secret
make = Secret
"""

OUTSIDE = """module Outside where

import Safe.Coerce (coerce)
import Hidden (Secret, make)

reveal :: Secret -> String
reveal = coerce
"""


def test_a_newtype_is_unwrapped_only_where_its_constructor_is_in_scope() -> None:
    result = check(Hidden=HIDDEN, Outside=OUTSIDE)
    assert [(d[0], d[5]) for d in diagnostics(result)] == [
        ("NoInstanceFound", "No instance for Coercible Secret String")
    ]
