"""Rename (nova.ide.rename) on fixtures: the edited texts are compared, and re-checked with no new errors."""

from __future__ import annotations

import pytest

from nova.ide import rename
from nova.ide.memory import MemoryWorkspace
from nova.ide.model import IdeError
from tests.nova.ide.fixtures import Fixture, apply_change, fixture

LIB = """module Lib (Shape(..), area, class Named, nameOf, plus, (<+>)) where

import Prelude

data Shape = Circle Int | Square Int

area :: Shape -> Int
area (Circle r) = r
area (Square s) = s * s

class Named a where
  nameOf :: a -> String

instance namedShape :: Named Shape where
  nameOf _ = "shape"

plus :: Int -> Int -> Int
plus a b = a + b

infixl 6 plus as <+>
"""

MAIN = """module Main where

import Prelude
import Lib (Shape(..), area, nameOf, (<+>))
import Lib as L

total :: Shape -> Int
total shape = area shape <+> L.area (L.Square 2)

label :: String
label = nameOf (Circle 1)
"""


def renamed(fx: Fixture, marker: str, new_name: str) -> dict[str, str]:
    src, line, col = fx.at(marker)
    texts = apply_change(fx, rename.rename(fx.workspace, src, line, col, new_name))
    check = MemoryWorkspace(list(texts.values()))
    errors = {m: [d.message for d in c.diagnostics if int(d.severity) == 1] for m, c in check.checked.items()}
    assert all(not e for e in errors.values()), errors
    return texts


def test_a_value_is_renamed_in_its_declaration_signature_exports_imports_and_qualified_uses() -> None:
    fx = fixture(LIB.replace("area (Circle", "ar‸ea (Circle"), MAIN)
    texts = renamed(fx, "", "size")
    assert "size :: Shape -> Int\nsize (Circle r) = r\nsize (Square s)" in texts["Lib"]
    assert "module Lib (Shape(..), size, class Named" in texts["Lib"]
    assert "import Lib (Shape(..), size, nameOf, (<+>))" in texts["Main"]
    assert "total shape = size shape <+> L.size (L.Square 2)" in texts["Main"]
    assert "area" not in texts["Main"] + texts["Lib"]


def test_a_constructor_type_and_class_are_renamed_everywhere() -> None:
    fx = fixture(LIB, MAIN.replace("(L.Square 2)", "(L.Squ‸1are 2)").replace("total :: Shape", "total :: Sh‸2ape")
                 .replace("nameOf (Circle", "na‸3meOf (Circle"))
    texts = renamed(fx, "1", "Box")
    assert "data Shape = Circle Int | Box Int" in texts["Lib"] and "area (Box s)" in texts["Lib"]
    assert "(L.Box 2)" in texts["Main"]
    texts = renamed(fx, "2", "Figure")
    assert "data Figure = " in texts["Lib"] and "Named Figure where" in texts["Lib"]
    assert "module Lib (Figure(..)" in texts["Lib"] and "import Lib (Figure(..)" in texts["Main"]
    assert "total :: Figure -> Int" in texts["Main"]
    texts = renamed(fx, "3", "describe")
    assert "  describe :: a -> String" in texts["Lib"] and '  describe _ = "shape"' in texts["Lib"]
    assert "label = describe (Circle 1)" in texts["Main"]


def test_an_operator_alias_is_renamed_in_lists_and_uses() -> None:
    fx = fixture(LIB, MAIN.replace("shape <+> L", "shape <‸+> L"))
    texts = renamed(fx, "", "<++>")
    assert "infixl 6 plus as <++>" in texts["Lib"] and "(<++>))" in texts["Lib"]
    assert "nameOf, (<++>))" in texts["Main"] and "area shape <++> L.area" in texts["Main"]


def test_a_local_is_renamed_in_its_scope_only() -> None:
    fx = fixture("""module Main where

import Prelude

f :: Int -> Int
f n = let tot‸al = n + 1 in total * total

g :: Int -> Int
g total = total
""")
    texts = renamed(fx, "", "sum")
    assert "f n = let sum = n + 1 in sum * sum" in texts["Main"]
    assert "g total = total" in texts["Main"]


@pytest.mark.parametrize(("source", "new_name", "message"), [
    (MAIN.replace("area shape", "ar‸ea shape"), "show", "already imports `show` from Data.Show"),
    (MAIN.replace("area shape", "ar‸ea shape"), "Area", "lower-case"),
    (MAIN.replace("area shape", "ar‸ea shape"), "case", "not a valid new name"),
    (MAIN.replace("area shape", "ar‸ea shape"), "plus", "already declared in Lib"),
    (MAIN.replace("total shape = area", "total shape = ar‸ea").replace("total shape", "total size"), "size",
     "local"),
    (MAIN.replace("label = nameOf", "label = sh‸ow 1 <> nameOf"), "display", "library module Data.Show"),
    (MAIN.replace("total shape = area shape", "total shape = area sh‸ape"), "area", "capture"),
])
def test_renames_that_would_change_the_meaning_are_refused(source: str, new_name: str, message: str) -> None:
    fx = fixture(LIB, source)
    src, line, col = fx.at()
    with pytest.raises(IdeError) as refused:
        rename.rename(fx.workspace, src, line, col, new_name)
    assert message in refused.value.message


def test_prepare_rename_gives_the_bare_name_and_refuses_library_names() -> None:
    fx = fixture(LIB, MAIN.replace("L.area (", "L.ar‸1ea (").replace("label = nameOf", "label = sh‸2ow 1 <> nameOf"))
    src, line, col = fx.at("1")
    span, text = rename.prepare_rename(fx.workspace, src, line, col)
    assert text == "area" and fx.text_at("Main", span) == "area"
    src, line, col = fx.at("2")
    with pytest.raises(IdeError):
        rename.prepare_rename(fx.workspace, src, line, col)


def test_a_module_is_renamed_in_its_header_and_every_import() -> None:
    fx = fixture(LIB, MAIN.replace("import Lib as L", "import Li‸b as L"))
    texts = renamed(fx, "", "Geometry.Shapes")
    assert texts["Lib"].startswith("module Geometry.Shapes (Shape(..)")
    assert "import Geometry.Shapes (Shape(..)" in texts["Main"] and "import Geometry.Shapes as L" in texts["Main"]


def test_module_for_path_follows_the_file() -> None:
    assert rename.module_for_path("App.Data.Thing", ["Data", "Thing"], ["Data", "Other"]) == "App.Data.Other"
    assert rename.module_for_path("Thing", ["src", "Thing"], ["src", "Stuff"]) == "Stuff"
    assert rename.module_for_path("Thing", ["src", "Thing"], ["src", "lower"]) is None
    assert rename.module_for_path("Other", ["src", "Thing"], ["src", "Stuff"]) is None
