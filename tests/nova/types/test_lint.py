"""PureScript's lint warnings (nova.check.lint): which code gets which warning (the exact ranges and messages are
pinned by the negative corpus's `Errors.Lint*` files), that the standard library and the examples raise none, and
that the import quick fixes remove what they warn about."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from nova.check.lint import LINT_CODES
from nova.diagnostics import Diagnostic, Severity, Span
from nova.ide import code_actions
from nova.ide.model import CodeAction
from nova.workspace import check_workspace
from tests.nova.ide.fixtures import apply_change, fixture
from tests.nova.types.helpers import check, root, stdlib_modules

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
LINT = Path(__file__).resolve().parents[2] / "corpus" / "lint"


def lint_of(text: str) -> list[tuple[str, int, str]]:
    """(code, 1-based line, the text the warning covers) of each lint warning of a module `Main`."""
    result = check(Main=text)
    checked = result.modules["Main"]
    assert [d.message for d in checked.diagnostics if d.severity == Severity.ERROR] == []
    lines = text.split("\n")
    out = []
    for d in checked.lint:
        s = d.span
        covered = lines[s.start_line][s.start_col:s.end_col] if s.start_line == s.end_line else "…"
        out.append((d.code, s.start_line + 1, covered))
    return out


def test_the_standard_library_raises_no_lint_warning() -> None:
    modules = stdlib_modules()
    assert len(modules) > 100
    # the root the tools build leaves the lint out (nobody reads it there): this build asks for it
    assert [name for name, m in modules.items() if not m.linted] == []
    found = {name: [f"{d.code} {d.span.start_line + 1}: {d.message}" for d in m.lint]
             for name, m in modules.items() if m.lint}
    assert found == {}


def test_the_examples_raise_no_lint_warning() -> None:
    sources = {str(p): p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.nova"))}
    result = check_workspace(sources, root())
    assert sorted(result.modules) and {m: list(c.lint) for m, c in result.modules.items() if c.lint} == {}


def test_the_negative_corpus_covers_every_lint_code() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in LINT.glob("*.nova"))
    covered = {code for code in LINT_CODES if f"warning[{code}]" in text}
    assert covered == LINT_CODES - {"ImplicitQualifiedImportReExport"}


def test_an_import_is_used_by_any_name_it_gives_under_its_qualifier() -> None:
    assert lint_of("module Main where\n\nimport Data.Maybe as M\nimport Data.Array as A\n\n"
                   "x :: M.Maybe Int\nx = M.Nothing\n") == [("UnusedImport", 4, "import Data.Array as A")]
    # a name the module declares itself is not the open import's
    assert lint_of("module Main where\n\nimport Data.Maybe\n\nfromMaybe :: Int\nfromMaybe = 1\n"
                   "\ny :: Int\ny = fromMaybe\n") == [("UnusedImport", 3, "import Data.Maybe")]
    # nor is a local binder of the same name
    assert lint_of("module Main where\n\nimport Data.Maybe (fromMaybe)\n\nf :: Int -> Int\n"
                   "f fromMaybe = fromMaybe\n") == [("UnusedImport", 3, "import Data.Maybe (fromMaybe)")]


def test_syntax_that_reads_names_implicitly_uses_their_imports() -> None:
    # `do` reads `bind` (and `discard` between statements), `ado` reads `map`/`apply`, `-x` reads `negate`,
    # an operator alias reads its function, an export reads the name it exports
    assert lint_of("module Main where\n\nimport Prelude (bind, discard, pure, negate, unit)\n"
                   "import Data.Maybe (Maybe(..))\n\nm :: Maybe Int\nm = do\n  x <- Just 1\n  pure unit\n"
                   "  pure (-x)\n") == []
    assert lint_of("module Main (module Data.Maybe, (|>)) where\n\nimport Data.Maybe\nimport Data.Function "
                   "(applyFlipped)\n\ninfixl 1 applyFlipped as |>\n") == []
    assert lint_of("module Main (Maybe(..)) where\n\nimport Data.Maybe (Maybe(..))\n") == []


def test_coerce_uses_the_constructors_of_newtypes_in_scope() -> None:
    lib = "module Lib where\n\nnewtype N a = N a\n"
    main = ("module Main where\n\nimport Lib (N(..))\nimport Safe.Coerce (coerce)\n\nunwrap :: forall a. N a -> a\n"
            "unwrap = coerce\n")
    result = check(Lib=lib, Main=main)
    assert result.modules["Main"].lint == ()


def test_local_names_unused_and_shadowed() -> None:
    found = lint_of("module Main where\n\nf :: Int -> Int -> Int\nf x _y = let g z = x in case x of\n"
                    "  x -> 1\n")
    assert found == [("UnusedName", 4, "g"), ("UnusedName", 4, "z"), ("ShadowedName", 5, "x"),
                     ("UnusedName", 5, "x")]
    # a where-bound function reading itself counts as used; a pattern guard's binder is never reported unused
    assert lint_of("module Main where\n\nimport Prelude\n\nf :: Int -> Int\nf n | m <- n = go m\n  where\n"
                   "  go k = if k > 0 then go (k - 1) else k\n") == []


def test_unused_declarations_need_an_export_list() -> None:
    text = "module Main{exports} where\n\nhidden :: Int\nhidden = 1\n\nshown :: Int\nshown = 2\n"
    assert lint_of(text.format(exports="")) == []
    assert lint_of(text.format(exports=" (shown)")) == [("UnusedDeclaration", 4, "hidden")]
    assert lint_of(text.format(exports=" (module Main)")) == []


def test_type_variables_unused_and_shadowed() -> None:
    assert lint_of("module Main where\n\nf :: forall a b. a -> a\nf x = x\n") == [("UnusedTypeVar", 3, "b")]
    # a kind that mentions a variable uses it
    assert lint_of("module Main where\n\nimport Type.Proxy (Proxy)\n\nf :: forall k (a :: k). Proxy a -> Int\n"
                   "f _ = 0\n") == []
    assert lint_of("module Main where\n\nclass C a where\n  m :: forall a. a -> a\n") == [
        ("MissingKindDeclaration", 3, "C"), ("ShadowedTypeVar", 4, "a")]  # (`a` is of any kind)


def test_with_errors_no_lint_is_reported() -> None:
    result = check(Main="module Main where\n\nimport Data.Array as A\n\nx :: Int\nx = unknown\n")
    assert result.modules["Main"].lint == ()


# ------------------------------------------------------------------------------------------------- quick fixes
def _fix(text: str, code: str) -> tuple[CodeAction, str]:
    fx = fixture(text)
    src = fx.source("Main")
    warning = next(d for d in src.checked.lint if d.code == code)  # type: ignore[union-attr]
    at = warning.span
    found = [a for a in code_actions.code_actions(fx.workspace, src, Span(at.start_line, at.start_col,
                                                                          at.start_line, at.start_col))
             if a.diagnostic is warning]
    assert len(found) == 1, [a.title for a in found]
    fixed = apply_change(fx, found[0].change)["Main"]
    again = check(Main=fixed).modules["Main"]
    assert [d.message for d in again.diagnostics if d.severity == Severity.ERROR] == []
    assert code not in {d.code for d in again.lint}, (fixed, again.lint)
    return found[0], fixed


BODY = "\nx :: Maybe Int\nx = Just (fromMaybe 0 Nothing)\n"


@pytest.mark.parametrize(("imports", "code", "title", "expected"), [
    ("import Data.Maybe (Maybe(..), fromMaybe)\nimport Data.Array as A\n", "UnusedImport", "Remove import",
     "import Data.Maybe (Maybe(..), fromMaybe)\n"),
    ("import Data.Maybe (Maybe(..), fromMaybe)\nimport Data.Maybe (Maybe(..), fromMaybe)\n", "DuplicateImport",
     "Remove import", "import Data.Maybe (Maybe(..), fromMaybe)\n"),
    ("import Data.Maybe\nimport Data.Maybe (fromMaybe)\n", "RedundantUnqualifiedImport", "Remove import",
     "import Data.Maybe\n"),
    ("import Data.Maybe (isJust, Maybe(..), maybe, fromMaybe, isNothing)\n", "UnusedExplicitImport",
     "Remove unused references", "import Data.Maybe (Maybe(..), fromMaybe)\n"),
    ("import Data.Maybe\n  ( Maybe(..)\n  , fromMaybe\n  , isJust\n  )\n", "UnusedExplicitImport",
     "Remove unused references", "import Data.Maybe\n  ( Maybe(..)\n  , fromMaybe\n  )\n"),
    ("import Data.Maybe (Maybe(..), fromMaybe, fromMaybe)\n", "DuplicateImportRef",
     "Remove the duplicate reference", "import Data.Maybe (Maybe(..), fromMaybe)\n"),
    ("import Data.Maybe\nimport Data.Tuple\n\nt :: Tuple Int Int\nt = Tuple 1 2\n", "ImplicitImport",
     "Make import explicit", None),
])
def test_import_quick_fixes(imports: str, code: str, title: str | None, expected: str | None) -> None:
    text = f"module Main where\n\n{imports}{BODY}"
    action, fixed = _fix(text, code)
    if title is not None:
        assert action.title == title and action.kind == "quickfix" and action.preferred
    if expected is not None:
        assert fixed == f"module Main where\n\n{expected}{BODY}"


def test_unused_constructors_are_dropped_from_the_import() -> None:
    text = ("module Main where\n\nimport Data.Maybe (Maybe(..))\nimport Data.Ordering (Ordering(LT, EQ, GT))\n"
            "\nf :: Ordering -> Maybe Int\nf o = if o == LT then Nothing else Nothing\n")
    _, fixed = _fix(text.replace("import Data.Maybe (Maybe(..))", "import Prelude (class Eq, (==))\n"
                                 "import Data.Maybe (Maybe(..))"), "UnusedDctorExplicitImport")
    assert "import Data.Ordering (Ordering(LT))" in fixed
    _, fixed = _fix("module Main where\n\nimport Data.Maybe (Maybe(..))\n\nf :: Maybe Int -> Int\nf _ = 0\n",
                    "UnusedDctorImport")
    assert "import Data.Maybe (Maybe)\n" in fixed


def test_making_an_import_explicit_lists_what_the_module_reads() -> None:
    _, fixed = _fix("module Main where\n\nimport Data.Maybe\nimport Data.Tuple\n\nt :: Maybe (Tuple Int Int)\n"
                    "t = Just (Tuple (fst (Tuple 1 2)) 2)\n", "ImplicitImport")
    assert "import Data.Maybe (Maybe(..))\nimport Data.Tuple\n" in fixed or (
        "import Data.Maybe\nimport Data.Tuple (Tuple(..), fst)\n" in fixed)


def test_a_missing_type_signature_is_added_from_the_warning() -> None:
    body = "-- | Shouted.\nshout x = show x <> \"!\"\n"
    action, fixed = _fix(f"module Main where\n\nimport Prelude\n\n{body}", "MissingTypeDeclaration")
    assert action.title == "Add type signature `shout :: forall a. Show a => a -> String`" and action.preferred
    assert fixed.endswith("-- | Shouted.\nshout :: forall a. Show a => a -> String\nshout x = show x <> \"!\"\n")
    # types are written as the module names them, so the signature checks
    _, fixed = _fix("module Main where\n\nimport Data.Maybe (Maybe)\nimport Data.Map as M\n\n"
                    "find m = M.lookup 1 m\n", "MissingTypeDeclaration")
    assert "\nfind :: forall a. M.Map Int a -> Maybe a\nfind m =" in fixed


def test_no_signature_is_offered_that_names_a_type_out_of_scope() -> None:
    fx = fixture("module Main where\n\nimport Data.Map as M\n\nfind m = M.lookup 1 m\n")
    src = fx.source("Main")
    warning = next(d for d in src.checked.lint if d.code == "MissingTypeDeclaration")  # type: ignore[union-attr]
    assert "Maybe a" in warning.message  # (PureScript names the type all the same)
    at = warning.span
    found = code_actions.code_actions(fx.workspace, src, Span(at.start_line, at.start_col, at.start_line,
                                                              at.start_col), [warning])
    assert [a.title for a in found if a.title.startswith("Add type signature")] == []


@pytest.mark.parametrize(("decl", "signature"), [
    ("data Proxy a = Proxy", "data Proxy :: forall k. k -> Type"),
    ("newtype Wrap f a = Wrap (f a)", "newtype Wrap :: forall k. (k -> Type) -> k -> Type"),
    ("type Twice f a = f (f a)", "type Twice :: forall k. (k -> k) -> k -> k"),
    ("class Tagged t", "class Tagged :: forall k. k -> Constraint"),
])
def test_a_missing_kind_signature_is_added_from_the_warning(decl: str, signature: str) -> None:
    action, fixed = _fix(f"module Main where\n\n-- | Documented.\n{decl}\n", "MissingKindDeclaration")
    assert action.title == f"Add kind signature `{signature}`" and action.preferred
    assert fixed == f"module Main where\n\n-- | Documented.\n{signature}\n{decl}\n"


def test_quick_fixes_read_the_warnings_data_not_their_message() -> None:
    fx = fixture("module Main where\n\nimport Data.Maybe (Maybe(..), fromMaybe, isJust)\n\nanswer = 1\n"
                 "\nx :: Maybe Int\nx = Just (fromMaybe 0 Nothing)\n")
    src = fx.source("Main")
    for warning in src.checked.lint:  # type: ignore[union-attr]
        at = Span(warning.span.start_line, warning.span.start_col, warning.span.start_line, warning.span.start_col)

        def fixes(d: Diagnostic, at: Span = at) -> list[str]:
            return [a.title for a in code_actions.code_actions(fx.workspace, src, at, [d]) if a.diagnostic is d]

        assert warning.data and fixes(warning), warning
        assert fixes(dataclasses.replace(warning, message="")) == fixes(warning)
        assert fixes(dataclasses.replace(warning, data=None)) == []


@pytest.mark.parametrize(("exports", "decl", "what"), [
    ("append", "append :: Int\nappend = 1\n", "value `append`"),
    ("Unit", "data Unit = Unit\n", "type `Unit`"),
    ("class Show", "class Show :: Type -> Constraint\nclass Show a\n", "type class `Show`"),
])
def test_an_export_of_a_declaration_shadowing_an_open_import_is_a_use_of_it(exports: str, decl: str,
                                                                             what: str) -> None:
    # PureScript's ScopeShadowing (a checker warning, at the open import) when the only use is the export list
    checked = check(Main=f"module Main ({exports}) where\n\nimport Prelude\n\n{decl}").modules["Main"]
    assert [(d.code, d.span.start_line + 1) for d in checked.diagnostics] == [("ScopeShadowing", 3)]
    assert f"for {what} from the following open imports: `import Prelude`" in checked.diagnostics[0].message
    # a module re-exporting the import gives the warning as well (PureScript's ScopeShadowing2)
    checked = check(Main=f"module Main ({exports}, module Prelude) where\n\nimport Prelude\n\n{decl}").modules["Main"]
    assert [d.code for d in checked.diagnostics] == ["ScopeShadowing"]


def _readme_snippets() -> list[str]:
    root = EXAMPLES.parent
    out = []
    for readme in [root / "README.md", *sorted(root.glob("*/*/README.md")), *sorted(root.glob("*/README.md"))]:
        text = readme.read_text(encoding="utf-8")
        out += [block for block in re.findall(r"```(?:purescript|nova)\n(.*?)```", text, re.S)
                if re.search(r"^\w[\w']* *(::|=)", block, re.M)]  # (those that declare something)
    return out


def test_the_readme_snippets_raise_no_lint_warning() -> None:
    snippets = _readme_snippets()
    assert snippets
    for snippet in snippets:
        header = "" if snippet.startswith("module ") else "module Snippet where\n\n"
        [checked] = check(Snippet=header + snippet).modules.values()
        if any(d.severity == Severity.ERROR for d in checked.diagnostics):  # a fragment reading Prelude
            [checked] = check(Snippet=header + "import Prelude\n\n" + snippet).modules.values()
        assert [d.message for d in checked.diagnostics] == [] and list(checked.lint) == [], snippet


def test_the_inferred_type_a_warning_shows_follows_incremental_checks() -> None:
    from nova.check import check_module
    from nova.syntax import parse_module

    view = root().begin_batch()
    text = "module Main where\n\nbase = 1\n\nderived = [base]\n\nother = true\n"
    first = check_module(parse_module(text), view)
    assert [(d.data or {}).get("type") for d in first.lint] == ["Int", "Array Int", "Boolean"]
    again = check_module(parse_module(text.replace("base = 1", "base = \"one\"")), view, first)
    assert [(d.data or {}).get("type") for d in again.lint] == ["String", "Array String", "Boolean"]
    assert "\n\n  Array String" in again.lint[1].message


def test_nova_check_json_gives_each_warning_its_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from nova.cli import main

    source = tmp_path / "Main.nova"
    source.write_text("module Main where\n\nanswer = 42\n", encoding="utf-8")
    assert main(["check", "--json", str(source)]) == 0  # (warnings only)
    [module] = json.loads(capsys.readouterr().out)["modules"]
    [warning] = module["diagnostics"]
    assert warning["code"] == "MissingTypeDeclaration" and warning["severity"] == "warning"
    assert warning["data"] == {"name": "answer", "type": "Int", "insert_at": {
        "start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}}}
