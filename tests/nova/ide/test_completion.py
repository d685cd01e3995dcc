"""Completion (nova.ide.completion) on fixtures: the plan's probe is checked as the server does, items compared."""

from __future__ import annotations

from nova.ide import completion
from nova.ide.memory import MemoryWorkspace, probe_source
from nova.ide.model import CompletionItem, CompletionResult
from tests.nova.ide.fixtures import apply_edits, fixture

LIB = """module Lib where

import Prelude

type Person = { name :: String, age :: Int }

-- | Items whose stock is below the limit.
lowStock :: Int -> Array String -> Array String
lowStock n xs = xs

greeting :: String
greeting = "hello"
"""


def complete(*texts: str) -> CompletionResult:
    fx = fixture(*texts)
    src, line, col = fx.at()
    planned = completion.plan(src.text, line, col)
    probe = probe_source(fx.workspace.view, planned.probe, src.checked) if planned.probe else None
    return completion.complete(fx.workspace, src, planned, probe, lambda pos: pos)


def labels(result: CompletionResult) -> list[str]:
    return [item.label for item in result.items]


def item(result: CompletionResult, label: str) -> CompletionItem:
    return next(i for i in result.items if i.label == label)


def test_locals_in_scope_come_first() -> None:
    result = complete("""module Main where

import Prelude

f :: Int -> String
f count = go count
  where
    go n = let total = n + 1 in case Just total of
      Just k -> ‸
      Nothing -> ""
""".replace("Just", "Just").replace("import Prelude", "import Prelude\nimport Data.Maybe"))
    names = labels(result)
    for local in ("k", "total", "n", "go", "count"):
        assert local in names
    first_global = min(names.index(n) for n in ("show", "map"))
    assert all(names.index(local) < first_global for local in ("k", "total", "n", "go", "count"))
    assert item(result, "k").detail == "Int" and item(result, "k").kind == "variable"


def test_do_binds_and_lambda_parameters_are_locals() -> None:
    result = complete("""module Main where

import Prelude
import Effect (Effect)
import Effect.Console (log)

main :: Effect Unit
main = do
  line <- pure "x"
  let shout = \\word -> word <> "!"
  log (shout ‸)
""")
    assert {"line", "shout"} <= set(labels(result))
    assert "word" not in labels(result)  # only inside the lambda


def test_no_instance_dictionaries_are_offered() -> None:
    result = complete("module Main where\n\nimport Prelude\n\nx = sh‸\n")
    names = labels(result)
    assert "show" in names
    view = fixture("module Main where\n").workspace.view
    instances = [i.label for i in result.items
                 if i.target is not None and getattr(view.element(*i.target), "kind", None) == "instance"]
    assert instances == []
    assert "showInt" not in names and "eqInt" not in names and "semiringInt" not in names


def test_names_fitting_the_expected_type_rank_before_others() -> None:
    result = complete(LIB, "module Main where\n\nimport Prelude\nimport Lib\n\nname :: String\nname = ‸\n")
    names = labels(result)
    assert names.index("greeting") < names.index("lowStock")
    assert item(result, "greeting").rank < item(result, "lowStock").rank
    assert item(result, "show").rank < item(result, "lowStock").rank  # `show x` gives a String


def test_record_fields_after_a_dot() -> None:
    result = complete(LIB, "module Main where\n\nimport Lib\n\nf :: Person -> String\nf person = person.‸\n")
    assert labels(result) == ["age", "name"]
    assert item(result, "name").detail == "String" and item(result, "name").kind == "field"


def test_record_fields_after_a_dot_while_typing_the_label() -> None:
    fx = fixture(LIB, "module Main where\n\nimport Lib\n\nf :: Person -> String\nf person = person.na‸\n")
    src, line, col = fx.at()
    planned = completion.plan(src.text, line, col)
    probe = probe_source(fx.workspace.view, planned.probe, src.checked) if planned.probe else None
    result = completion.complete(fx.workspace, src, planned, probe, lambda pos: pos)
    name = item(result, "name")
    assert src.text_of(name.replace) == "na"


def test_record_literal_labels_from_the_expected_type_without_those_written() -> None:
    result = complete(LIB, "module Main where\n\nimport Lib (Person)\n\np :: Person\np = { name: \"x\", ‸ }\n")
    assert labels(result) == ["age"]


def test_record_update_labels_from_the_updated_record() -> None:
    result = complete(LIB, "module Main where\n\nimport Lib (Person)\n\nolder :: Person -> Person\n"
                           "older p = p { ‸ }\n")
    assert labels(result) == ["age", "name"]


def test_record_pattern_labels_from_the_matched_type() -> None:
    result = complete(LIB, "module Main where\n\nimport Lib (Person)\n\nnameOf :: Person -> String\n"
                           "nameOf { name, ‸ } = name\n")
    assert labels(result) == ["age"]
    result = complete(LIB, "module Main where\n\nimport Lib (Person)\n\nageOf :: Person -> Int\n"
                           "ageOf p = case p of\n  { ‸ } -> 0\n")
    assert labels(result) == ["age", "name"]


def test_qualified_names_after_an_alias_replace_only_the_name() -> None:
    fx = fixture("module Main where\n\nimport Data.Array as A\n\nn = A.len‸\n")
    src, line, col = fx.at()
    planned = completion.plan(src.text, line, col)
    result = completion.complete(fx.workspace, src, planned, None, lambda pos: pos)
    length = item(result, "length")
    assert length.source == "Data.Array" and src.text_of(length.replace) == "len"
    assert "filter" in labels(result) and "show" not in labels(result)


def test_names_of_modules_not_imported_come_with_the_import() -> None:
    fx = fixture(LIB, "module Main where\n\nimport Prelude\n\nitems = lowSt‸\n")
    src, line, col = fx.at()
    planned = completion.plan(src.text, line, col)
    probe = probe_source(fx.workspace.view, planned.probe, src.checked)
    result = completion.complete(fx.workspace, src, planned, probe, lambda pos: pos)
    low = item(result, "lowStock")
    assert result.incomplete and low.source == "Lib" and low.additional_edits
    edits = [(e.span, e.new_text) for e in low.additional_edits] + [(low.replace, low.label)]
    fixed = apply_edits(src.text, edits)
    assert "import Lib (lowStock)" in fixed
    checked = MemoryWorkspace({"Lib.nova": LIB, "Main.nova": fixed})
    assert [d.message for d in checked.checked["Main"].diagnostics if int(d.severity) == 1] == []


def test_an_explicit_import_list_is_extended() -> None:
    fx = fixture(LIB, "module Main where\n\nimport Prelude\nimport Lib (greeting)\n\nitems = lowSt‸\n")
    src, line, col = fx.at()
    planned = completion.plan(src.text, line, col)
    result = completion.complete(fx.workspace, src, planned, None, lambda pos: pos)
    low = item(result, "lowStock")
    fixed = apply_edits(src.text, [(e.span, e.new_text) for e in low.additional_edits])
    assert "import Lib (greeting, lowStock)" in fixed


def test_types_in_a_signature() -> None:
    result = complete(LIB, "module Main where\n\nimport Prelude\nimport Lib (Person)\n\nf :: Per‸\n")
    assert "Person" in labels(result) and "Int" in labels(result)
    assert "lowStock" not in labels(result) and "show" not in labels(result)
    assert item(result, "Show").kind == "class"


def test_module_names_and_import_items() -> None:
    modules = complete(LIB, "module Main where\n\nimport Data.Ma‸\n")
    assert {"Data.Map", "Data.Maybe"} <= set(labels(modules)) and "Lib" not in labels(modules)
    items = complete(LIB, "module Main where\n\nimport Lib (low‸)\n")
    assert {"lowStock", "greeting", "Person"} <= set(labels(items))


def test_keywords_and_snippets() -> None:
    result = complete("module Main where\n\nimport Prelude\n\nf x = ‸\n")
    case = next(i for i in result.items if i.label == "case" and i.kind == "snippet")
    assert case.snippet is not None and case.snippet.startswith("case ${1")
    top = complete("module Main where\n\nimport Prelude\n\nda‸\n")
    assert "data" in labels(top) and "case" not in labels(top)


def test_nothing_inside_strings_and_comments() -> None:
    assert complete("module Main where\n\nx = \"abc‸\"\n").items == []
    assert complete("module Main where\n\nx = 1 -- abc‸\n").items == []


def test_local_details_name_type_variables_as_hover_does() -> None:
    """Each local's type is named within its declaration (as its hover names it), not lettered afresh per item:
    `b` stays `b` beside `a`, and a signature's own variable keeps its name."""
    from nova.ide.hover import hover

    text = """module Main where

import Prelude

pair :: forall key val. key -> val -> Array val
pair k v = [‸]

both x y = [y, ‸]
"""
    signed = complete(text.replace("[y, ‸]", "[y]"))
    assert item(signed, "k").detail == "key" and item(signed, "v").detail == "val"
    inferred = complete(text.replace("[‸]", "[v]"))
    fx = fixture(text.replace("[‸]", "[v]").replace("[y, ‸]", "[‸y]"))
    src, line, col = fx.at()
    shown = hover(fx.workspace, src, line, col)
    assert shown is not None and shown.code.endswith(f":: {item(inferred, 'y').detail}")
    assert item(inferred, "y").detail != item(inferred, "x").detail
