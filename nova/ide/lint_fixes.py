"""Quick fixes for PureScript's lint warnings, as PureScript's IDE offers them: remove an unused or duplicate
import, drop the unused names (or constructors) from an import list, make an open import explicit
(nova.check.lint_imports); add a missing type or kind signature (nova.check.lint_signatures). Removals edit the
list in place (the user's layout and order stay); making an import explicit writes PureScript's suggested import.
Every fix reads its facts from the warning's `data` (names, the suggested import, the signature and where it
goes), never from its message: a warning without them gets no fix."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from nova.check.lint_imports import item_label
from nova.check.lint_signatures import signature_text
from nova.diagnostics import Diagnostic, Span
from nova.ide.model import CodeAction, SourceChange
from nova.ide.source import ModuleSource
from nova.syntax import ast

REMOVE_IMPORT = frozenset({"UnusedImport", "DuplicateImport", "RedundantUnqualifiedImport"})
MAKE_EXPLICIT = frozenset({"ImplicitImport", "HidingImport", "ImplicitQualifiedImport",
                           "ImplicitQualifiedImportReExport"})
ADD_SIGNATURE = frozenset({"MissingTypeDeclaration", "MissingKindDeclaration"})
LINT_FIXES = REMOVE_IMPORT | MAKE_EXPLICIT | ADD_SIGNATURE | {
    "UnusedExplicitImport", "UnusedDctorImport", "UnusedDctorExplicitImport", "DuplicateImportRef"}


def _covers(outer: Span, inner: Span) -> bool:
    return (outer.start_line, outer.start_col) <= (inner.start_line, inner.start_col) and (
        inner.end_line, inner.end_col) <= (outer.end_line, outer.end_col)


def _import_at(src: ModuleSource, span: Span) -> ast.ImportDecl | None:
    for imp in src.header().imports:
        if _covers(imp.span, span):
            return imp
    return None


def _whole_lines(src: ModuleSource, span: Span) -> Span:
    if span.end_line + 1 < len(src.lines):
        return Span(span.start_line, 0, span.end_line + 1, 0)
    return Span(span.start_line, 0, span.end_line, len(src.line(span.end_line)))


def remove_items(items: tuple[Any, ...], drop: list[Any] | list[ast.Name]) -> list[Span]:
    """The ranges to delete so that `drop` leaves a comma-separated list (at least one item stays): a run of
    dropped items goes with the separator after it, or before it at the end of the list."""
    gone = {id(i) for i in drop}
    spans: list[Span] = []
    i = 0
    while i < len(items):
        if id(items[i]) not in gone:
            i += 1
            continue
        j = i
        while j + 1 < len(items) and id(items[j + 1]) in gone:
            j += 1
        if j + 1 < len(items):
            start, end = items[i].span, items[j + 1].span
            spans.append(Span(start.start_line, start.start_col, end.start_line, end.start_col))
        elif i > 0:
            start, end = items[i - 1].span, items[j].span
            spans.append(Span(start.end_line, start.end_col, end.end_line, end.end_col))
        i = j + 1
    return spans


def _names(data: Mapping[str, Any], key: str) -> set[str]:
    found = data.get(key)
    return {n for n in found if isinstance(n, str)} if isinstance(found, list | tuple) else set()


def add_signature(src: ModuleSource, diagnostic: Diagnostic, writable: Callable[[str], bool]
                  ) -> Iterator[CodeAction]:
    """The signature a MissingTypeDeclaration or MissingKindDeclaration asks for, on its own line above the
    declaration (after its doc comment). Offered when `writable(text)`: the names the printed type uses are in
    scope as printed, so that the inserted line checks."""
    data = diagnostic.data or {}
    text = signature_text(diagnostic.code, data)
    at = data.get("insert_at")
    if text is None or not isinstance(at, Span) or not writable(text.split(" :: ", 1)[-1]):
        return
    if at.start_line >= len(src.lines) or src.line(at.start_line)[:at.start_col].strip():
        return  # the text moved under the warning: offered again after the next check
    change = SourceChange()
    change.add(src.name, Span(at.start_line, 0, at.start_line, 0), " " * at.start_col + text + "\n")
    what = "type" if diagnostic.code == "MissingTypeDeclaration" else "kind"
    yield CodeAction(f"Add {what} signature `{text}`", "quickfix", change, diagnostic, preferred=True)


def lint_fixes(src: ModuleSource, diagnostic: Diagnostic) -> Iterator[CodeAction]:
    code = diagnostic.code
    data = diagnostic.data or {}
    imp = _import_at(src, diagnostic.span)
    if imp is None:
        return
    change = SourceChange()
    if code in REMOVE_IMPORT:
        change.add(src.name, _whole_lines(src, imp.span), "")
        yield CodeAction("Remove import", "quickfix", change, diagnostic, preferred=True)
    elif code in MAKE_EXPLICIT:
        suggested = data.get("replacement")
        if isinstance(suggested, str) and suggested.startswith("import "):
            change.add(src.name, imp.span, suggested)
            yield CodeAction("Make import explicit", "quickfix", change, diagnostic, preferred=True)
    elif code == "UnusedExplicitImport":
        labels = _names(data, "names")
        drop: list[Any] = [item for item in imp.items or () if item_label(item) in labels]
        if drop and len(drop) < len(imp.items or ()):
            for span in remove_items(imp.items or (), drop):
                change.add(src.name, span, "")
            yield CodeAction("Remove unused references", "quickfix", change, diagnostic, preferred=True)
    elif code == "UnusedDctorImport":
        item = next((i for i in imp.items or () if isinstance(i, ast.ItemType) and _covers(i.span, diagnostic.span)),
                    None)
        if item is not None:
            change.add(src.name, item.span, item.name)
            yield CodeAction("Remove unused data constructors", "quickfix", change, diagnostic, preferred=True)
    elif code == "UnusedDctorExplicitImport":
        item = next((i for i in imp.items or () if isinstance(i, ast.ItemType) and _covers(i.span, diagnostic.span)),
                    None)
        names = _names(data, "names")
        if item is not None and item.members and names:
            members = [m for m in item.members if m.name in names]
            if members and len(members) < len(item.members):
                for span in remove_items(item.members, members):
                    change.add(src.name, span, "")
                yield CodeAction("Remove unused data constructors", "quickfix", change, diagnostic, preferred=True)
    elif code == "DuplicateImportRef":
        items = imp.items or ()
        hit = next((i for i in items if i.span == diagnostic.span), None)
        if hit is not None:
            for span in remove_items(items, [hit]):
                change.add(src.name, span, "")
            yield CodeAction("Remove the duplicate reference", "quickfix", change, diagnostic, preferred=True)
