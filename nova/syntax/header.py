"""A module's header read with the real parser: its name and its imports, without parsing the declarations.

Ordering a folder's modules, finding which file declares a module and what a buffer imports only need the
header. The parser reads `module X (…) where` and the import declarations and stops at the first other top-level
declaration. Only a prefix of the text is lexed: the first lines, doubled until the parser has seen a whole line
past the first declaration (or the end of the text), so a header costs the same in a file of ten lines or of ten
thousand. Cutting at a line end never changes the tokens of the lines before the cut (the lexer reads left to
right), and the first declaration's line being complete means the layout pass saw everything the header needs.

The result agrees with `parse_module(text).module` on `name`, `name_span`, `exports` and the imports that come
before the first declaration (an import after a declaration is an error the full parse reports; the header leaves
it out).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nova.diagnostics import Span
from nova.syntax import ast
from nova.syntax.layout import layout
from nova.syntax.lexer import lex
from nova.syntax.parser import Parser

FIRST_LINES = 16
"""Lines lexed on the first try when the text gives no better guess; too few are read again from twice as many."""

GUESS_LINES = 512
"""How far the first guess looks for the first declaration."""

_LIKELY_DECL = re.compile(r"^(?!import\b|module\b|--|\{-)[^\s),]", re.MULTILINE)
"""A line that starts at column 0 with something other than the header's words, comments or export-list
punctuation: most likely the first declaration. Only a guess of how many lines to lex (a long export list would
otherwise be lexed two or three times over); the parser still decides where the header ends."""


@dataclass(frozen=True, slots=True)
class ModuleHeader:
    name: str | None
    """None when the text has no `module X where` header."""
    name_span: Span | None
    imports: tuple[ast.ImportDecl, ...]
    exports: tuple[ast.ExportItem, ...] | None = None

    @property
    def imported_modules(self) -> tuple[str, ...]:
        """Each imported module once, in the order of first import."""
        return tuple(dict.fromkeys(imp.module for imp in self.imports))

    def aliases(self) -> dict[str, list[str]]:
        """Qualifier → modules it names: `import Data.Array as A` gives `A`; an import without `as` answers to the
        module's own name."""
        found: dict[str, list[str]] = {}
        for imp in self.imports:
            qualifier = imp.alias if imp.alias is not None else imp.module
            modules = found.setdefault(qualifier, [])
            if imp.module not in modules:
                modules.append(imp.module)
        return found


def _read(text: str) -> tuple[ast.Module, int | None]:
    parser = Parser(layout(lex(text).tokens))
    parser.header_only = True
    module = parser.parse_module()
    return module, parser.first_decl_line


def parse_header(text: str) -> ModuleHeader:
    """The header of `text` (never raises: a broken header gives `name=None` or the imports that parsed)."""
    lines = _first_guess(text)
    while True:
        cut = _line_offset(text, lines)
        prefix = text if cut is None else text[:cut]
        try:
            module, first_decl_line = _read(prefix)
        except Exception:  # the full parse reports whatever broke here; the header is then unknown
            return ModuleHeader(None, None, ())
        if cut is None or (first_decl_line is not None and first_decl_line < lines - 1):
            return ModuleHeader(module.name, module.name_span, module.imports, module.exports)
        lines *= 2


def _first_guess(text: str) -> int:
    """Lines to lex first: through one line past the likely first declaration, at least `FIRST_LINES`, and only
    a guess from the first `GUESS_LINES` lines (a file indented throughout must not be lexed whole for its header)."""
    end = _line_offset(text, GUESS_LINES)
    found = _LIKELY_DECL.search(text, 0, len(text) if end is None else end)
    if found is None:
        return FIRST_LINES
    return max(FIRST_LINES, text.count("\n", 0, found.start()) + 2)


def _line_offset(text: str, lines: int) -> int | None:
    """Offset just past the first `lines` lines, None when the text has no more lines than that."""
    offset = -1
    for _ in range(lines):
        offset = text.find("\n", offset + 1)
        if offset < 0:
            return None
    return offset + 1
