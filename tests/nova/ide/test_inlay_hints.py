"""Inlay hints (nova.ide.inlay_hints) of checked fixtures: where they appear, what they say, which are on."""

from __future__ import annotations

from functools import cache
from typing import Any

from nova.ide.inlay_hints import HintMemo, HintSettings, InlayHint, inlay_hints
from nova.stdlib import load_root
from nova.syntax import parse_module
from nova.workspace import check_workspace

MAIN = """module Main where

import Prelude
import Data.Maybe (Maybe(..), fromMaybe)

data Shape = Circle Int | Square Int

double x = x * 2

signed :: Int -> Int
signed n = helper n
  where
  helper k = k + offset
  offset = 1
  typed :: Int
  typed = 2

names = map _.name [{ name: "a" }]

describe { name, age } = name <> show age

pick m = case m of
  Just shape -> shape
  Nothing -> Circle 0

add left right = left + right

total = add 1 2 + add offset 3
  where
  offset = 5
"""

ALL = HintSettings(top_level=True, local=True, variables=True, records=True, parameter_names=True)


@cache
def root() -> Any:
    return load_root()


def hints(text: str, settings: HintSettings, lines: tuple[int, int] | None = None) -> list[tuple[str, str, str]]:
    """(text of the line up to the hint, label, category) of each hint."""
    result = check_workspace({"Main.nova": text}, root())
    assert not [d for d in result.modules["Main"].diagnostics if int(d.severity) == 1]
    found = inlay_hints(result.modules["Main"].typed_ast.elements, parse_module(text).module, result.layer,
                        settings, lines)
    rows = text.split("\n")
    return [(rows[h.line][:h.col], h.label, h.category) for h in found]


def test_top_level_values_without_a_signature_get_their_scheme() -> None:
    found = hints(MAIN, HintSettings())
    assert ("double", ":: Int -> Int", "top-level") in found
    assert ("names", ":: Array String", "top-level") in found
    assert not any(before == "signed" for before, _, _ in found)


def test_local_bindings_without_a_signature() -> None:
    found = hints(MAIN, HintSettings())
    assert ("  helper", ":: Int -> Int", "local") in found
    assert ("  offset", ":: Int", "local") in found
    assert not any(before == "  typed" for before, _, _ in found)


def test_record_patterns_and_accessors_show_the_record() -> None:
    found = hints(MAIN, HintSettings())
    record = next(label for before, label, category in found if before == "describe { name, age }")
    assert record.startswith(":: { ") and "name :: String" in record and "age :: " in record
    assert ('names = map _.name', "of { name :: String }", "records") in found


def test_variables_and_parameter_names_are_off_by_default() -> None:
    categories = {category for _, _, category in hints(MAIN, HintSettings())}
    assert "variables" not in categories and "parameter-names" not in categories


def test_case_and_lambda_variables_when_enabled() -> None:
    found = hints(MAIN + "\nf = \\a -> a + 1\n", ALL)
    assert ("  Just shape", ":: Shape", "variables") in found
    assert ("f = \\a", ":: Int", "variables") in found


def test_parameter_names_at_call_sites() -> None:
    found = hints(MAIN, ALL)
    assert ("total = add ", "left:", "parameter-names") in found
    assert ("total = add 1 ", "right:", "parameter-names") in found
    assert ("total = add 1 2 + add offset ", "right:", "parameter-names") in found
    assert not any(before.endswith("+ ") for before, _, category in found if category == "parameter-names")


def test_settings_turn_each_kind_off() -> None:
    off = HintSettings(top_level=False, local=False, variables=False, records=False, parameter_names=False)
    assert hints(MAIN, off) == []
    only_local = hints(MAIN, HintSettings(top_level=False, records=False))
    assert only_local and {category for _, _, category in only_local} == {"local"}


def test_a_line_range_keeps_its_hints() -> None:
    line = MAIN.split("\n").index("double x = x * 2")
    assert hints(MAIN, ALL, (line, line)) == [("double", ":: Int -> Int", "top-level")]


def test_label_parts_link_type_names_to_their_declarations() -> None:
    result = check_workspace({"Main.nova": MAIN}, root())
    found: list[InlayHint] = inlay_hints(result.modules["Main"].typed_ast.elements, parse_module(MAIN).module,
                                         result.layer, HintSettings())
    pick = next(h for h in found if h.label.endswith("Maybe Shape -> Shape"))
    targets = {part.text: part.target for part in pick.parts if part.target is not None}
    assert targets["Shape"] == ("Main", "type:Shape")
    assert targets["Maybe"] == ("Data.Maybe", "type:Maybe")


def test_settings_from_the_client() -> None:
    settings = HintSettings.from_settings({"parameterNames": True, "topLevelTypes": False, "localTypes": "yes"})
    assert settings.parameter_names and not settings.top_level and settings.local
    assert HintSettings.from_settings(None) == HintSettings()


def test_parameter_name_goes_before_the_parentheses_of_its_argument() -> None:
    text = MAIN + "\nwrapped = add (1 + 2) ((3))\n"
    result = check_workspace({"Main.nova": text}, root())
    found = inlay_hints(result.modules["Main"].typed_ast.elements, parse_module(text).module, result.layer, ALL,
                        None, text)
    rows = text.split("\n")
    assert [(rows[h.line][:h.col], h.label) for h in found if h.category == "parameter-names"
            and rows[h.line].startswith("wrapped")] == [("wrapped = add ", "left:"),
                                                        ("wrapped = add (1 + 2) ", "right:")]


def test_hint_types_are_named_as_the_module_imports_them() -> None:
    from nova.ide.hover import type_names
    from tests.nova.ide.fixtures import fixture

    fx = fixture("module Main where\n\nimport Prelude\nimport Data.Map as M\n\nsingle k = M.singleton k 1\n")
    src = fx.source("Main")
    found = inlay_hints(src.elements, src.syntax(), fx.workspace.view, HintSettings(),
                        qualify=type_names(fx.workspace.view, src))
    assert [h.label for h in found] == [":: forall a. a -> M.Map a Int"]
    parts = {part.text: part.target for part in found[0].parts}
    assert parts["M.Map"] is not None and parts["M.Map"][1] == "type:Map"


def test_a_range_of_lines_gives_exactly_the_hints_of_the_whole_module_on_those_lines() -> None:
    result = check_workspace({"Main.nova": MAIN}, root())
    elements = result.modules["Main"].typed_ast.elements
    module = parse_module(MAIN).module
    everything = inlay_hints(elements, module, result.layer, ALL)
    assert len(everything) >= 8
    rows = MAIN.count("\n")
    for first in range(rows):
        for last in (first, first + 3, first + 12):
            ranged = inlay_hints(elements, module, result.layer, ALL, (first, last))
            assert ranged == [h for h in everything if first <= h.line <= last], (first, last)


def test_span_index_finds_long_spans_that_start_before_the_range() -> None:
    from nova.diagnostics import Span
    from nova.ide.inlay_hints import SpanIndex

    index = SpanIndex([(Span(0, 0, 50, 0), "long"), (Span(10, 0, 11, 0), "short"), (Span(60, 0, 61, 0), "late")])
    assert index.meeting((20, 30)) == ["long"]
    assert index.meeting((5, 10)) == ["long", "short"]
    assert index.meeting((55, 70)) == ["late"]
    assert index.meeting((51, 59)) == []


def test_hints_inside_a_signed_declaration_use_its_variable_names() -> None:
    text = ("module Main where\n\nimport Prelude\n\npairUp :: forall item. item -> Array item\n"
            "pairUp x = twice\n  where\n  twice = [x, x]\n\nfirst :: forall elem. Array elem -> Int\n"
            "first = \\xs -> 0\n")
    found = hints(text, ALL)
    assert ("  twice", ":: Array item", "local") in found
    assert ("first = \\xs", ":: Array elem", "variables") in found


def every_setting() -> list[HintSettings]:
    return [HintSettings(*(bool(bits >> n & 1) for n in range(5))) for bits in range(32)]


def test_a_memo_gives_the_hints_made_without_one_for_every_setting() -> None:
    result = check_workspace({"Main.nova": MAIN}, root())
    elements, module = result.modules["Main"].typed_ast.elements, parse_module(MAIN).module
    memo = HintMemo()
    for settings in every_setting():
        plain = inlay_hints(elements, module, result.layer, settings, None, MAIN)
        assert inlay_hints(elements, module, result.layer, settings, None, MAIN, memo=memo) == plain
        assert inlay_hints(elements, module, result.layer, settings, None, MAIN, memo=memo) == plain
        assert memo.made == 0  # (the second answer: every element's hints from the memo)


def test_after_an_edit_the_memo_makes_the_hints_of_the_elements_checked_again_only() -> None:
    from nova.check import check_module

    view = root().begin_batch()
    before = check_module(parse_module(MAIN), view)
    memo = HintMemo()
    inlay_hints(before.typed_ast.elements, parse_module(MAIN).module, view, ALL, None, MAIN, memo=memo)
    assert memo.made == len([e for e in before.typed_ast.elements.values() if getattr(e, "span", None)])
    edited = MAIN.replace("double x = x * 2", "double x = x * 2.0")
    parsed = parse_module(edited)
    after = check_module(parsed, view, before)
    found = inlay_hints(after.typed_ast.elements, parsed.module, view, ALL, None, edited, memo=memo)
    assert memo.made == 1
    assert found == inlay_hints(after.typed_ast.elements, parsed.module, view, ALL, None, edited)
    assert ":: Number -> Number" in [h.label for h in found]
    signed = edited.replace("\ndouble x", "\ndouble :: Number -> Number\ndouble x")  # gains a signature
    parsed = parse_module(signed)
    again = check_module(parsed, view, after)
    found = inlay_hints(again.typed_ast.elements, parsed.module, view, ALL, None, signed, memo=memo)
    assert found == inlay_hints(again.typed_ast.elements, parsed.module, view, ALL, None, signed)
    assert ":: Number -> Number" not in [h.label for h in found]
