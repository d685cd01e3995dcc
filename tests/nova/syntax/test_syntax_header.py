"""The header parser (nova.syntax.header) reads what the full parser reads — module name, its place, exports,
imports — from a prefix of the text, whatever the header's length or the comments around the cut."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nova.syntax.header import FIRST_LINES, parse_header
from nova.syntax.parser import parse_module

REPO = Path(__file__).resolve().parents[3]


def full(text: str) -> tuple[object, ...]:
    module = parse_module(text).module
    first = min((d.span.start_line for d in module.decls), default=1 << 30)
    return module.name, module.name_span, module.exports, tuple(i for i in module.imports if i.span.start_line < first)


def header(text: str) -> tuple[object, ...]:
    found = parse_header(text)
    return found.name, found.name_span, found.exports, found.imports


def test_every_file_of_the_repository_reads_the_same_header() -> None:
    paths = sorted(REPO.glob("nova/stdlib/*.nova")) + sorted(REPO.glob("tests/corpus/**/*.nova"))
    paths += sorted(REPO.glob("examples/*.nova"))
    assert len(paths) > 100
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert header(text) == full(text), path


def test_a_header_longer_than_the_first_prefix_is_read_whole() -> None:
    imports = "".join(f"import M{i} (f{i})\n" for i in range(FIRST_LINES * 5))
    text = f"module Long (a, b) where\n\n{imports}\na :: Int\na = 1\n"
    found = parse_header(text)
    assert found.name == "Long" and len(found.imports) == FIRST_LINES * 5
    assert found.imported_modules[-1] == f"M{FIRST_LINES * 5 - 1}"
    assert header(text) == full(text)


def test_a_block_comment_across_the_cut_does_not_hide_imports() -> None:
    comment = "{-\n" + "a comment line\n" * (FIRST_LINES + 3) + "-}\n"
    text = f"module C where\n\nimport A\n{comment}import B\n\nx = 1\n"
    assert parse_header(text).imported_modules == ("A", "B")


def test_aliases_and_no_header() -> None:
    text = "module Q where\n\nimport Data.Array as Array\nimport Data.Map as M\nimport Data.Map.Internal as M\n"
    assert parse_header(text).aliases() == {"Array": ["Data.Array"], "M": ["Data.Map", "Data.Map.Internal"]}
    bare = parse_header("import Prelude\n\nx = 1\n")
    assert bare.name is None and bare.imported_modules == ("Prelude",)
    assert parse_header("").name is None and parse_header("module").name is None


def test_a_broken_import_is_skipped_and_the_rest_read() -> None:
    text = "module B where\n\nimport Prelude\nimport (oops\nimport Data.Maybe (Maybe(..))\n\nx = 1\n"
    assert parse_header(text).imported_modules == ("Prelude", "Data.Maybe")


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 3 * FIRST_LINES),
    st.integers(0, 3 * FIRST_LINES),
    st.integers(0, 40),
    st.booleans(),
)
def test_any_shape_of_header_reads_as_the_full_parse(docs: int, blanks: int, imports: int, exports: bool) -> None:
    lines = [f"-- | doc {i}" for i in range(docs)]
    lines.append("module Gen (x) where" if exports else "module Gen where")
    lines += [""] * blanks
    lines += [f"import Mod{i} as A{i % 3}" if i % 2 else f"import Mod{i} (v{i})" for i in range(imports)]
    lines += ["", "x :: Int", "x = 1", "", "y = x"]
    text = "\n".join(lines) + "\n"
    assert header(text) == full(text)


def test_a_long_export_list_is_lexed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import nova.syntax.header as header_module

    calls: list[int] = []
    real_lex = header_module.lex

    def counting_lex(text: str) -> object:
        calls.append(len(text))
        return real_lex(text)

    monkeypatch.setattr(header_module, "lex", counting_lex)
    exports = "".join(f"  , f{i}\n" for i in range(FIRST_LINES * 4))
    text = f"module Long\n  ( a\n{exports}  ) where\n\nimport Prelude\n\n-- | Doc.\na :: Int\na = 1\n"
    found = parse_header(text)
    assert found.name == "Long" and found.imported_modules == ("Prelude",)
    assert len(calls) == 1
