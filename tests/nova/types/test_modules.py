"""Module system: export lists, re-exports, import forms, all resolved through the registry view."""

from __future__ import annotations

from tests.nova.types.helpers import check, diagnostics, types_of

LIB = """module Lib (Shape(..), Box, area, module M, combine, (<+>)) where

import Prelude
import Data.Maybe (Maybe(..), fromMaybe) as M

data Shape = Circle Number

data Box = Square Number

area :: Shape -> Number
area (Circle r) = r

hidden = 1

combine :: String -> String -> String
combine a b = a <> b

infixr 5 combine as <+>
"""


def test_export_list_and_alias_reexport() -> None:
    result = check(
        Lib=LIB,
        Main="""module Main where

import Prelude
import Lib

x = area (Circle 1.0)
y = fromMaybe 0 (Just 3)
z = "a" <+> "b"
""",
    )
    assert diagnostics(result) == []
    lib = result.modules["Lib"]
    assert "Square" not in lib.exports and "hidden" not in lib.exports
    assert {"Circle", "area", "fromMaybe", "Just", "Nothing", "<+>", "type:Shape"} <= set(lib.exports)
    assert lib.typed_ast.elements["hidden"].exported is False
    assert lib.typed_ast.elements["area"].exported is True
    assert types_of(result, "Main") == {"x": "Number", "y": "Int", "z": "String"}


def test_unexported_constructor_and_value_are_unknown() -> None:
    result = check(
        Lib=LIB,
        Main="module Main where\n\nimport Lib\n\nx = Square 1.0\ny = hidden\n",
    )
    assert [(d[0], d[1], d[2]) for d in diagnostics(result)] == [("UnknownName", 4, 4), ("UnknownName", 5, 4)]


def test_hiding_qualified_and_aliased_imports() -> None:
    result = check(
        Main="""module Main where

import Prelude hiding (map)
import Data.Array as A
import Data.Maybe (Maybe(..)) as May

map = 1
xs = A.length [1, 2]
m = May.Just map
""",
    )
    assert diagnostics(result) == []
    assert types_of(result, "Main") == {"map": "Int", "xs": "Int", "m": "Maybe Int"}


def test_aliased_import_is_not_visible_unqualified() -> None:
    result = check(Main="module Main where\n\nimport Data.Maybe as May\n\nx = Just 1\n")
    found = diagnostics(result)
    assert [(d[0], d[1], d[2]) for d in found] == [("UnknownName", 4, 4)]
    assert "Did you mean `May.Just`?" in found[0][5]


def test_a_declaration_conflicts_with_an_explicit_import_and_shadows_an_open_one() -> None:
    # PureScript: a local name wins over an open import, with a ScopeShadowing warning at that import once the name
    # is used; with an explicit import of the same name, each unqualified use is a ScopeConflict (the declaration
    # itself is fine)
    result = check(
        Shadow="""module Shadow where

import Data.Maybe (fromMaybe, Maybe(..))
import Data.Either

fromMaybe :: Int -> Int
fromMaybe x = x

data Maybe a = Maybe a

data Either = Either

y :: Int
y = fromMaybe 1

z :: Maybe Int
z = Maybe 1

e :: Either
e = Either
"""
    )
    found = diagnostics(result)
    assert [(code, line, col) for code, line, col, *_ in found] == [
        ("ScopeShadowing", 3, 0),
        ("ScopeConflict", 13, 4),
        ("ScopeConflict", 15, 5),
    ]
    assert "for type `Either` from the following open imports: `import Data.Either`" in found[0][5]
    assert "imports it explicitly from Data.Maybe" in found[1][-1]


def test_prim_can_be_imported_explicitly_and_under_an_alias() -> None:
    result = check(
        PrimNames="""module PrimNames where

import Prim as P
import Prim (Number)

type Count = P.Int

half :: Number -> Number
half n = n

size :: Count
size = 1

label :: Prim.String
label = "x"
"""
    )
    assert diagnostics(result) == []
    conflict = check(
        PrimConflict="""module PrimConflict where

import Prim as P
import Prim (Number)

type Number = P.Number

z :: Number
z = 0.0
"""
    )
    assert [(code, line) for code, line, *_ in diagnostics(conflict)] == [("ScopeConflict", 7)]


def test_importing_prim_leaves_only_its_listed_names_unqualified() -> None:
    # PureScript's failing test 2197-shouldFail2: an import of `Prim` replaces the implicit open one
    result = check(
        PrimListed="""module PrimListed where

import Prim (Boolean)

yes :: Boolean
yes = true

z :: Number
z = 0.0

w :: Prim.Int
w = 1
"""
    )
    assert [(code, line) for code, line, *_ in diagnostics(result)] == [("UnknownName", 7)]


def test_an_exported_class_needs_its_superclasses_exported() -> None:
    # PureScript's failing test 3132: `class C3` exported without its superclass `C2`
    result = check(
        Classes="""module Classes (class Top, class Fine, class Base, class Alone) where

class Base a
class Base a <= Middle a
class Middle a <= Top a b
class Base a <= Fine a
class Alone a
"""
    )
    assert [(code, line, col, message) for code, line, col, _, _, message in diagnostics(result)] == [
        (
            "TransitiveExportError",
            0,
            16,
            "An export for `class Top` requires the following to also be exported: `class Middle`.",
        )
    ]


def test_values_and_classes_shadowing_open_imports_are_warned_about_once_at_each_import() -> None:
    # PureScript's ScopeShadowing names every open import that gives the name, at the first of them, once a use
    # resolves to the local declaration; a class is resolved where a constraint or instance names it
    result = check(
        Shadows="""module Shadows where

import Control.Category
import Data.Show
import Data.Function

identity :: Int -> Int
identity x = x

class Show a where
  display :: a -> String

instance Show Int where
  display _ = "int"

bumped :: Int
bumped = identity (identity 1)

shown :: String
shown = display 1
"""
    )
    found = diagnostics(result)
    assert [(code, line, col) for code, line, col, *_ in found] == [
        ("ScopeShadowing", 2, 0),
        ("ScopeShadowing", 3, 0),
    ]
    imports = "`import Control.Category`, `import Data.Function`"
    assert f"for value `identity` from the following open imports: {imports}" in found[0][5]
    assert "for type class `Show` from the following open imports: `import Data.Show`" in found[1][5]
