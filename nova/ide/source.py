"""What the IDE functions read about modules: `ModuleSource` (one module's text with its typed tree and, parsed on
demand, its syntax tree) and the `Workspace` protocol that hands them out over a registry view.

The text, the typed elements and the check result of a source must belong together (the elements were checked from
that text), so every span they hold points into that text. Parse trees are built lazily: answering a hover needs
none, a rename needs the headers (import and export lists) of the modules that use the name and the full tree only
of those mentioning a renamed type or class.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Protocol

from nova.diagnostics import Span

if TYPE_CHECKING:
    from nova.check.checker import CheckedModule
    from nova.check.scope import Scope
    from nova.syntax import ast
    from nova.syntax.parser import ParsedModule


class ModuleSource:
    """One module as the IDE sees it: its text, its typed elements, its check result when one is at hand (open
    documents and modules checked since the server started), and its parse trees, built when first asked for."""

    __slots__ = ("_header", "_lines", "_parsed", "_scope", "checked", "editable", "elements", "name", "text")

    def __init__(self, name: str, text: str, elements: Mapping[str, Any], checked: CheckedModule | None = None,
                 parsed: ParsedModule | None = None, editable: bool = True) -> None:
        self.name = name
        self.text = text
        self.elements = elements
        self.checked = checked
        self.editable = editable
        self._parsed = parsed
        self._header: ast.Module | None = None
        self._lines: list[str] | None = None
        self._scope: Scope | None = None

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text.split("\n")
        return self._lines

    def line(self, number: int) -> str:
        lines = self.lines
        return lines[number] if 0 <= number < len(lines) else ""

    def text_of(self, span: Span) -> str:
        """The source text a span covers."""
        if span.start_line == span.end_line:
            return self.line(span.start_line)[span.start_col:span.end_col]
        parts = [self.line(span.start_line)[span.start_col:]]
        parts.extend(self.line(n) for n in range(span.start_line + 1, span.end_line))
        parts.append(self.line(span.end_line)[:span.end_col])
        return "\n".join(parts)

    def parsed(self) -> ParsedModule:
        if self._parsed is None:
            from nova.sources import normalize_line_ends
            from nova.syntax import parse_module

            self._parsed = parse_module(normalize_line_ends(self.text))
        return self._parsed

    def syntax(self) -> ast.Module:
        """The whole syntax tree (parsed on first use)."""
        return self.parsed().module

    def header(self) -> ast.Module:
        """The module header, export list and imports. Without a parse tree at hand only the text before the
        first declaration is parsed (its typed elements say where that is), so reading the imports of a large
        module costs what its header does."""
        if self._parsed is not None:
            return self._parsed.module
        if self._header is None:
            first = min((span.start_line for e in self.elements.values()
                         if isinstance(span := getattr(e, "span", None), Span)), default=None)
            if first is None:
                first = header_lines(self.lines)
            from nova.sources import normalize_line_ends
            from nova.syntax import parse_module

            self._header = parse_module(normalize_line_ends("\n".join(self.lines[:first]))).module
        return self._header

    def scope(self, view: Any) -> Scope:
        """The names the imports bring in: the check's own when at hand, else resolved again from the header."""
        if self._scope is None:
            structure = getattr(self.checked, "structure", None)
            if structure is not None:
                self._scope = structure.scope
            else:
                from nova.check.scope import resolve_imports

                self._scope = resolve_imports(self.name, self.header().imports, view)[0]
        return self._scope


HEADER_WORDS = ("module", "import", "--", "{-", "-}")


def header_lines(lines: list[str]) -> int:
    """How many lines the header (module line, export list, imports) can take, read without the typed tree: up to
    the first line that starts in column 0 with anything but `module`, `import` or a comment. An export list
    closed in column 0 (`) where`) starts with no letter and is kept."""
    for number, line in enumerate(lines):
        first = line[:1]
        if first.strip() and first not in ")," and not line.startswith(HEADER_WORDS):
            return number
    return len(lines)


class Workspace(Protocol):
    """The modules an IDE request may read and edit, over one registry view (an editor session's)."""

    @property
    def view(self) -> Any:
        """The registry layer answering for every module (`get`, `element`, `elements`, `scheme`, `modules`,
        `dependents`)."""

    def source(self, module: str) -> ModuleSource | None:
        """The module's text and typed tree, or None when its text cannot be had."""

    def editable_modules(self) -> Iterable[str]:
        """The modules the user works on (workspace files and open buffers): where references are searched and
        renames edit. Library modules (the standard library) are never edited."""


def editable(workspace: Workspace, module: str) -> bool:
    return module in set(workspace.editable_modules())
