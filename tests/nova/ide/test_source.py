"""ModuleSource reads a module's header without parsing the whole text when no typed tree says where it ends."""

from __future__ import annotations

from nova.ide.source import ModuleSource, header_lines


def test_header_lines_stop_at_the_first_declaration() -> None:
    text = ("module Big\n  ( a\n  , b\n) where\n\n-- | doc\nimport Prelude\n"
            "import Data.Maybe (Maybe(..))\n\na = 1\nb = 2\n")
    lines = text.split("\n")
    assert lines[header_lines(lines)] == "a = 1"


def test_header_of_an_unchecked_huge_module_reads_only_its_imports() -> None:
    body = "".join(f"v{i} = {i}\n" for i in range(200_000))
    src = ModuleSource("Big", "module Big where\n\nimport Prelude\nimport Data.Map as Map\n\n" + body, {})
    header = src.header()
    assert [(i.module, i.alias) for i in header.imports] == [("Prelude", None), ("Data.Map", "Map")]
    assert header.decls == ()
