"""Rename of record labels (nova.ide.labels through nova.ide.rename): every place the record's row is written or
used is edited, records of other rows are left alone, and rows that cannot be followed are refused."""

from __future__ import annotations

import pytest

from nova.ide import rename
from nova.ide.model import IdeError
from tests.nova.ide.fixtures import fixture
from tests.nova.ide.test_rename import renamed

PEOPLE = """module People where

import Prelude

type Person = { name :: String, age :: Int }

alice :: Person
alice = { name: "Alice", age: 30 }

older :: Person -> Person
older p = p { age = p.age + 1 }

ageOf :: Person -> Int
ageOf { age } = age

ages :: Array Person -> Array Int
ages = map _.age

type Pet = { name :: String, age :: Int, owner :: String }

rex :: Pet
rex = { name: "Rex", age: 3, owner: "Alice" }
"""

USES = """module Uses where

import Prelude
import People (Person, alice)

make :: String -> Int -> Person
make name age = { name, age }

nextAge :: Int
nextAge = alice.age + 1
"""


@pytest.mark.parametrize("where", ["age :: Int }", "age: 30", "age = p", "p.age", "_.age", "alice.age"])
def test_a_label_is_renamed_wherever_its_row_goes_from_any_occurrence(where: str) -> None:
    people, uses = PEOPLE, USES
    if where in people:
        people = people.replace(where, where.replace("age", "a‸ge", 1), 1)
    else:
        uses = uses.replace(where, where.replace("age", "a‸ge", 1), 1)
    fx = fixture(people, uses)
    texts = renamed(fx, "", "years")
    assert "type Person = { name :: String, years :: Int }" in texts["People"]
    assert 'alice = { name: "Alice", years: 30 }' in texts["People"]
    assert "older p = p { years = p.years + 1 }" in texts["People"]
    assert "ageOf { years: age } = age" in texts["People"]
    assert "ages = map _.years" in texts["People"]
    assert "make name age = { name, years: age }" in texts["Uses"]
    assert "nextAge = alice.years + 1" in texts["Uses"]
    assert "type Pet = { name :: String, age :: Int, owner :: String }" in texts["People"]
    assert 'rex = { name: "Rex", age: 3, owner: "Alice" }' in texts["People"]


def test_a_label_of_another_row_is_renamed_alone() -> None:
    fx = fixture(PEOPLE.replace("age: 3,", "a‸ge: 3,"), USES)
    texts = renamed(fx, "", "years")
    assert "type Pet = { name :: String, years :: Int, owner :: String }" in texts["People"]
    assert "type Person = { name :: String, age :: Int }" in texts["People"]
    assert texts["Uses"] == fx.workspace.texts["Uses"]


def test_prepare_rename_answers_the_label() -> None:
    fx = fixture(PEOPLE.replace("p.age", "p.a‸ge"))
    src, line, col = fx.at()
    span, text = rename.prepare_rename(fx.workspace, src, line, col)
    assert text == "age" and src.text_of(span) == "age"


def test_a_label_read_at_an_open_row_is_refused() -> None:
    poly = PEOPLE + "\ngetAge :: forall r. { age :: Int | r } -> Int\ngetAge r = r.age\n"
    fx = fixture(poly.replace("age: 30", "a‸ge: 30"))
    src, line, col = fx.at()
    with pytest.raises(IdeError, match="open row"):
        rename.rename(fx.workspace, src, line, col, "years")
    fx = fixture(poly.replace("r.age", "r.a‸ge"))
    src, line, col = fx.at()
    with pytest.raises(IdeError, match="open row"):
        rename.prepare_rename(fx.workspace, src, line, col)


def test_a_label_onto_an_existing_field_is_refused() -> None:
    fx = fixture(PEOPLE.replace("age: 30", "a‸ge: 30"))
    src, line, col = fx.at()
    with pytest.raises(IdeError, match="already has a field `name`"):
        rename.rename(fx.workspace, src, line, col, "name")


def test_renaming_a_punned_field_renames_the_variable_and_keeps_the_label() -> None:
    fx = fixture(PEOPLE.replace("ageOf { age }", "ageOf { a‸ge }"), USES.replace("{ name, age }", "{ name, a‸1ge }"))
    texts = renamed(fx, "", "years")
    assert "ageOf { age: years } = years" in texts["People"]
    texts = renamed(fx, "1", "years")
    assert "make name years = { name, age: years }" in texts["Uses"]
