"""Edits that bring a name into scope: extend an explicit import list, or add an import line in the file's style."""

from __future__ import annotations

from typing import Any

from nova import keys
from nova.diagnostics import Span
from nova.ide.model import Target, TextEdit
from nova.ide.occurrences import bare
from nova.ide.source import ModuleSource
from nova.syntax import ast


def import_item(view: Any, target: Target) -> str:
    """How an element is written in an import list: `name`, `(<>)`, `Type`, `Type(..)` for a constructor,
    `class Eq`, `type (/\\)`."""
    module, key = target
    name = bare(key)
    if keys.is_class_key(key):
        return f"class {name}"
    if keys.is_type_key(key):
        return name if name[:1].isalpha() else f"type ({name})"
    element = view.element(module, key)
    if getattr(element, "kind", None) == "constructor" or (name[:1].isupper() and element is None):
        owner = getattr(element, "type_name", None)
        owner_name = bare(owner) if isinstance(owner, str) else None
        return f"{owner_name}(..)" if owner_name else name
    return name if name[:1].isalpha() or name[:1] == "_" else f"({name})"


def header_end(src: ModuleSource) -> tuple[int, int] | None:
    """The end of the `module … where` header (None without one): found among the tokens before the first
    declaration, so a `where` in an export list spread over lines is found too."""
    from nova.syntax.lexer import lex

    first = min((e.span.start_line for e in src.elements.values() if isinstance(getattr(e, "span", None), Span)),
                default=len(src.lines))
    tokens = lex("\n".join(src.lines[:first])).tokens
    seen_module = False
    for token in tokens:
        if token.kind == "module":
            seen_module = True
        elif token.kind == "where" and seen_module:
            return token.end_line, token.end_col
    return None


def add_import(src: ModuleSource, module: str, item: str | None, alias: str | None = None) -> list[TextEdit]:
    """Edits making `item` of `module` visible in `src` (or `module` under `alias` when `item` is None): an item
    added to the module's explicit import list when there is one, else a new import line after the others."""
    header = src.header()
    for imp in header.imports:
        if imp.module != module:
            continue
        if item is not None and imp.items is not None and not imp.hiding and imp.alias is None:
            return _extend_list(src, imp, item)
        if item is not None and imp.items is None and imp.alias is None:
            return []  # an open import already brings it in
        if item is None and imp.alias == alias:
            return []
    line = f"import {module}" + (f" ({item})" if item is not None else "") + (f" as {alias}" if alias else "")
    if header.imports:
        last = max(header.imports, key=lambda i: (i.span.end_line, i.span.end_col))
        end = last.span.end_line
        at = Span(end, len(src.line(end)), end, len(src.line(end)))
        return [TextEdit(at, "\n" + line)]
    where = header_end(src)
    if where is None:
        return [TextEdit(Span(0, 0, 0, 0), line + "\n\n")]
    at = Span(where[0], len(src.line(where[0])), where[0], len(src.line(where[0])))
    return [TextEdit(at, "\n\n" + line)]


def _extend_list(src: ModuleSource, imp: ast.ImportDecl, item: str) -> list[TextEdit]:
    items = imp.items or ()
    written = {src.text_of(i.span).replace(" ", "") for i in items}
    if item.replace(" ", "") in written:
        return []
    if items:
        last = max(items, key=lambda i: (i.span.end_line, i.span.end_col))
        end = last.span
        return [TextEdit(Span(end.end_line, end.end_col, end.end_line, end.end_col), f", {item}")]
    # `import M ()`: the item goes inside the parentheses
    after = imp.module_span
    line = src.line(after.end_line)
    opening = line.find("(", after.end_col)
    if opening < 0:
        return []
    return [TextEdit(Span(after.end_line, opening + 1, after.end_line, opening + 1), item)]
