"""Semantic tokens (nova.ide.semantic_tokens) of checked modules: names classified by what they resolve to."""

from __future__ import annotations

import itertools
from functools import cache
from typing import Any

from nova.ide.semantic_tokens import TypedIndex, encode, semantic_tokens
from nova.ide.token_legend import TOKEN_MODIFIERS, TOKEN_TYPES
from nova.stdlib import load_root, stdlib_sources
from nova.syntax import parse_module
from nova.workspace import check_workspace

MAIN = """module Main where

import Prelude
import Effect (Effect)
import Effect.Console (log)
import Data.Array as Array
import Data.Maybe (Maybe(..), fromMaybe)

data Shape = Circle Int | Square Int

data List a = Nil | Cons a (List a)

infixr 5 Cons as :>

type Person = { name :: String, age :: Int }

area :: forall a. Show a => a -> Shape -> Int
area _ s = case s of
  Circle r -> r * r
  Square side -> Array.length [side]

limit :: Int
limit = 10

three :: List Int
three = 1 :> 2 :> Nil

greet :: Person -> String
greet p = p.name <> show (fromMaybe 0 (Just p.age))

main :: Effect Unit
main = log (greet { name: "x", age: limit })

twice f = \\x -> f (f x)
"""


@cache
def root() -> Any:
    return load_root()


@cache
def library_modules() -> frozenset[str]:
    return frozenset(n for t in stdlib_sources().values() if (n := parse_module(t).module.name) is not None)


def tokens_of(text: str) -> dict[tuple[int, str], tuple[str, frozenset[str]]]:
    """(line, written text) → (token type, modifiers), the first such token of each line."""
    result = check_workspace({"Main.nova": text}, root())
    checked = result.modules["Main"]
    index = TypedIndex("Main", checked.typed_ast.elements, result.layer, library_modules().__contains__)
    lines = text.split("\n")
    found: dict[tuple[int, str], tuple[str, frozenset[str]]] = {}
    for token in semantic_tokens(parse_module(text).module, text, index):
        key = (token.line, lines[token.line][token.col:token.col + token.length])
        found.setdefault(key, (token.type, token.modifiers))
    return found


def at(found: dict[tuple[int, str], tuple[str, frozenset[str]]], text: str, line_start: str, word: str
       ) -> tuple[str, frozenset[str]]:
    line = next(n for n, line in enumerate(text.split("\n")) if line.startswith(line_start))
    return found[(line, word)]


def test_value_level_names_are_classified_by_resolution() -> None:
    found = tokens_of(MAIN)
    assert at(found, MAIN, "  Circle r", "Circle")[0] == "enumMember"
    assert at(found, MAIN, "  Circle r", "r") == ("parameter", frozenset({"declaration"}))
    assert at(found, MAIN, "  Square side", "length") == ("function", frozenset({"defaultLibrary"}))
    assert at(found, MAIN, "  Square side", "Array")[0] == "namespace"
    assert at(found, MAIN, "greet p", "show") == ("method", frozenset({"defaultLibrary"}))
    assert at(found, MAIN, "greet p", "fromMaybe") == ("function", frozenset({"defaultLibrary"}))
    assert at(found, MAIN, "greet p", "Just") == ("enumMember", frozenset({"defaultLibrary"}))
    assert at(found, MAIN, "greet p", "p")[0] == "parameter"
    assert at(found, MAIN, "greet p", "name")[0] == "property"
    assert at(found, MAIN, "main = ", "limit") == ("variable", frozenset({"readonly"}))
    assert at(found, MAIN, "limit = ", "limit")[0] == "variable"
    assert at(found, MAIN, "twice f", "twice")[0] == "function"
    assert at(found, MAIN, "twice f", "f") == ("parameter", frozenset({"declaration"}))


def test_operators_say_whether_they_stand_for_a_constructor() -> None:
    found = tokens_of(MAIN)
    assert at(found, MAIN, "three = ", ":>") == ("operator", frozenset({"constructor"}))
    assert at(found, MAIN, "greet p", "<>") == ("operator", frozenset({"defaultLibrary"}))
    assert at(found, MAIN, "infixr", ":>") == ("operator", frozenset({"declaration"}))


def test_effectful_values_carry_the_effectful_modifier() -> None:
    found = tokens_of(MAIN)
    assert "effectful" in at(found, MAIN, "main = ", "main")[1]
    assert "effectful" not in at(found, MAIN, "main = ", "log")[1]  # a function returning an Effect


def test_type_level_names_and_declarations() -> None:
    found = tokens_of(MAIN)
    assert at(found, MAIN, "data Shape", "Shape") == ("type", frozenset({"declaration"}))
    assert at(found, MAIN, "data Shape", "Int")[0] == "type"
    assert at(found, MAIN, "data List a", "a") == ("typeParameter", frozenset({"declaration"}))
    assert at(found, MAIN, "area ::", "Show")[0] == "interface"
    assert at(found, MAIN, "area ::", "a")[0] == "typeParameter"
    assert at(found, MAIN, "type Person", "age")[0] == "property"
    assert at(found, MAIN, "import Data.Maybe", "Maybe")[0] == "type"
    assert at(found, MAIN, "import Data.Array", "Array") == ("namespace", frozenset({"declaration"}))
    assert at(found, MAIN, "module Main", "Main") == ("namespace", frozenset({"declaration"}))


def test_tokens_are_sorted_and_never_overlap() -> None:
    tokens = semantic_tokens(parse_module(MAIN).module, MAIN)
    for a, b in itertools.pairwise(tokens):
        assert (a.line, a.col + a.length) <= (b.line, b.col)
    assert set(t.type for t in tokens) <= set(TOKEN_TYPES)
    assert all(m in TOKEN_MODIFIERS for t in tokens for m in t.modifiers)


def test_without_a_check_names_still_get_syntactic_classes() -> None:
    text = "module Main where\n\nf :: Maybe Int\nf = Just (g 1\n"
    found = {(t.line, t.type) for t in semantic_tokens(parse_module(text).module, text)}
    assert (2, "type") in found and (0, "namespace") in found


def test_a_line_range_keeps_only_its_lines() -> None:
    tokens = semantic_tokens(parse_module(MAIN).module, MAIN, lines=(17, 19))
    assert tokens and all(17 <= t.line <= 19 for t in tokens)


def test_relative_encoding() -> None:
    assert encode([(1, 4, 3, 0, 0), (1, 10, 2, 1, 2), (3, 2, 5, 4, 0)]) == [
        1, 4, 3, 0, 0, 0, 6, 2, 1, 2, 2, 2, 5, 4, 0]


def test_positions_map_through_edits_since_the_check() -> None:
    result = check_workspace({"Main.nova": MAIN}, root())
    index = TypedIndex("Main", result.modules["Main"].typed_ast.elements, result.layer, lambda m: False)
    edited = "-- a new first line\n" + MAIN
    tokens = semantic_tokens(parse_module(edited).module, edited, index,
                             to_checked=lambda pos: (pos[0] - 1, pos[1]) if pos[0] > 0 else None)
    line = next(n for n, text in enumerate(edited.split("\n")) if text.startswith("three = "))
    assert any(t.line == line and t.type == "operator" and "constructor" in t.modifiers for t in tokens)


def test_an_index_built_over_the_previous_one_reuses_what_the_checker_reused() -> None:
    from nova.check import check_module

    result = check_workspace({"Main.nova": MAIN}, root())
    first = result.modules["Main"]
    edited = MAIN.replace("limit = 10", "limit = 11")
    second = check_module(parse_module(edited), result.layer, first)
    library = library_modules().__contains__
    old = TypedIndex("Main", first.typed_ast.elements, result.layer, library)
    fresh = TypedIndex("Main", second.typed_ast.elements, result.layer, library)
    reused = TypedIndex("Main", second.typed_ast.elements, result.layer, library, old)
    assert reused.meanings == fresh.meanings and len(fresh.meanings) > 20
    kept = [e for key, e in second.typed_ast.elements.items() if e is first.typed_ast.elements.get(key)]
    changed = [e for key, e in second.typed_ast.elements.items() if e is not first.typed_ast.elements.get(key)]
    assert kept and changed  # the checker reused the declarations the edit did not touch
    assert all(reused.parts[id(e)] is old.parts[id(e)] for e in kept)
    assert all(reused.parts[id(e)] is not old.parts.get(id(e)) for e in changed)
    # Another module's (or view's) index is never reused.
    other = TypedIndex("Other", second.typed_ast.elements, result.layer, library, old)
    assert all(other.parts[id(e)] is not old.parts[id(e)] for e in kept)


def test_a_memo_reuses_untouched_declarations_and_answers_the_same() -> None:
    from nova.ide.semantic_tokens import TokenMemo

    library = library_modules().__contains__

    def answer(text: str, memo: TokenMemo | None) -> list[Any]:
        result = check_workspace({"Main.nova": text}, root())
        index = TypedIndex("Main", result.modules["Main"].typed_ast.elements, result.layer, library)
        def lib_type(name: str, qualifier: str | None, namespace: str) -> bool:
            return name in ("Int", "String", "Effect", "Show")

        return semantic_tokens(parse_module(text).module, text, index, None, None, lib_type, None, memo)

    memo = TokenMemo()
    first = answer(MAIN, memo)
    assert memo.reused == 0 and first == answer(MAIN, None)
    assert answer(MAIN, memo) == first and memo.reused == len(parse_module(MAIN).module.decls)
    # a body edited in place: every other declaration reused, the answer as without a memo
    edited = MAIN.replace("limit = 10", "limit = 12")
    assert answer(edited, memo) == answer(edited, None)
    assert 0 < memo.reused == len(parse_module(edited).module.decls) - 1
    # a line inserted above: the declarations below moved, so they are walked again; the meaning of a name changed
    # (`limit` becomes a function): the declarations that use it are walked again, not reused
    changed = edited.replace("limit :: Int\nlimit = 12", "-- moved\nlimit :: Int -> Int\nlimit x = x")
    changed = changed.replace("age: limit }", "age: limit 1 }")
    assert answer(changed, memo) == answer(changed, None)
    kinds = {t.type for t in answer(changed, memo) if t.line == changed.split("\n").index("limit x = x")}
    assert "function" in kinds


def test_a_memoised_declaration_is_walked_again_when_a_name_in_it_changes_meaning() -> None:
    from nova.ide.semantic_tokens import TokenMemo

    def answer(text: str, memo: TokenMemo) -> list[Any]:
        result = check_workspace({"Main.nova": text}, root())
        index = TypedIndex("Main", result.modules["Main"].typed_ast.elements, result.layer, lambda m: False)
        return semantic_tokens(parse_module(text).module, text, index, memo=memo)

    before = "module Main where\n\nvalue = 1\n\nuser = value\n"
    after = "module Main where\n\nvalue = \\x -> x\n\nuser = value\n"
    memo = TokenMemo()
    answer(before, memo)
    tokens = answer(after, memo)
    assert memo.reused == 0
    use = next(t for t in tokens if t.line == 4 and t.col == 7)
    assert use.type == "function"


def test_an_index_over_the_previous_one_proves_memoised_declarations_by_its_changes() -> None:
    from nova.check import check_module
    from nova.ide.semantic_tokens import TokenMemo

    library = library_modules().__contains__
    before = "module Main where\n\nvalue = 1\n\nuser = value\n\nother = 2\n"
    steps = [before, before.replace("other = 2", "other = 3"),
             before.replace("other = 2", "other = 3").replace("value = 1", "value = \\x -> x")]
    result = check_workspace({"Main.nova": before}, root())
    checked = result.modules["Main"]
    index = TypedIndex("Main", checked.typed_ast.elements, result.layer, library)
    memo = TokenMemo()
    semantic_tokens(parse_module(before).module, before, index, memo=memo)
    assert memo.index is index
    for text in steps[1:]:
        checked = check_module(parse_module(text), result.layer, checked)
        index = TypedIndex("Main", checked.typed_ast.elements, result.layer, library, index)
        assert index.based_on is not None and index.changed is not None
        fresh = TypedIndex("Main", checked.typed_ast.elements, result.layer, library)
        got = semantic_tokens(parse_module(text).module, text, index, memo=memo)
        assert got == semantic_tokens(parse_module(text).module, text, fresh)
    # the last edit changed what `value` is: `user`'s use of it is in the index's changes, so `user` was walked
    # again (only `other`, untouched by meaning, was reused)
    assert memo.reused == 1
    use = next(t for t in got if t.line == 4 and t.col == 7)
    assert use.type == "function"
