"""Quick fixes for PureScript's import warnings (nova.check.lint_imports), as PureScript's IDE offers them:
remove an unused or duplicate import, drop the unused names (or constructors) from an import list, make an open
import explicit. Removals edit the list in place (the user's layout and order stay); making an import explicit
writes PureScript's suggested import, the last line of the warning's message."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from nova.check.lint_imports import item_label
from nova.diagnostics import Diagnostic, Span
from nova.ide.model import CodeAction, SourceChange
from nova.ide.source import ModuleSource
from nova.syntax import ast

REMOVE_IMPORT = frozenset({"UnusedImport", "DuplicateImport", "RedundantUnqualifiedImport"})
MAKE_EXPLICIT = frozenset({"ImplicitImport", "HidingImport", "ImplicitQualifiedImport",
                           "ImplicitQualifiedImportReExport"})
LINT_FIXES = REMOVE_IMPORT | MAKE_EXPLICIT | {"UnusedExplicitImport", "UnusedDctorImport",
                                              "UnusedDctorExplicitImport", "DuplicateImportRef"}
UNUSED_LIST = re.compile(r"the following unused (?:references|data constructors): (.*?)\. It could be replaced")


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


def lint_fixes(src: ModuleSource, diagnostic: Diagnostic) -> Iterator[CodeAction]:
    code = diagnostic.code
    imp = _import_at(src, diagnostic.span)
    if imp is None:
        return
    change = SourceChange()
    if code in REMOVE_IMPORT:
        change.add(src.name, _whole_lines(src, imp.span), "")
        yield CodeAction("Remove import", "quickfix", change, diagnostic, preferred=True)
    elif code in MAKE_EXPLICIT:
        suggested = [line.strip() for line in diagnostic.message.splitlines() if line.strip().startswith("import ")]
        if suggested:
            change.add(src.name, imp.span, suggested[-1])
            yield CodeAction("Make import explicit", "quickfix", change, diagnostic, preferred=True)
    elif code == "UnusedExplicitImport":
        found = UNUSED_LIST.search(diagnostic.message)
        labels = set(found.group(1).split(", ")) if found else set()
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
        found = UNUSED_LIST.search(diagnostic.message)
        if item is not None and item.members and found:
            names = set(found.group(1).split(", "))
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
