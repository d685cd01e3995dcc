"""PureScript's lint warnings (nova.check.lint): which code gets which warning (the exact ranges and messages are
pinned by the negative corpus's `Errors.Lint*` files), that the standard library and the examples raise none, and
that the import quick fixes remove what they warn about."""

from __future__ import annotations

from pathlib import Path

import pytest

from nova.check.lint import LINT_CODES
from nova.diagnostics import Severity, Span
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
        ("ShadowedTypeVar", 4, "a")]


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
