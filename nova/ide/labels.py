"""Rename of a record label, following the record's row.

Records are structural: `{ name :: String, age :: Int }` in a type synonym, a literal, an update, a pattern and an
accessor are the same record when their rows have the same labels. So the label at the cursor names a row (its
closed set of labels, from the typed tree or, in a type, from the written row), and the rename edits every
occurrence of the label whose row has exactly those labels, in every editable module: the types declaring the
row, literals (a pun `{ name }` becomes `{ newName: name }`), updates, patterns and accessors.

A rename is refused when the row cannot be followed: the label is read at an open row (a function polymorphic in
the rest of the record, `{ name :: a | r }`) that could be this record, or the row at the cursor is open itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from nova import query
from nova.check import typed as T
from nova.diagnostics import Span
from nova.ide.model import IdeError, SourceChange
from nova.ide.source import ModuleSource, Workspace
from nova.ide.typed_walk import syntax_children
from nova.syntax import ast
from nova.types.types import T_RECORD, TApp, TRow, Type, prune

Row = tuple[frozenset[str], bool]
"""A record's labels and whether the row is closed (no tail)."""


@dataclass(frozen=True, slots=True)
class LabelUse:
    """A written label: `span` is the label itself; `pun` when it stands for `label: label` (a literal's or
    pattern's field written as a bare name); `row` the record it belongs to (None: not known)."""

    span: Span
    label: str
    row: Row | None
    pun: bool = False


def row_of(t: Any) -> Row | None:
    """The labels of a record type and whether its row is closed; None when the type is not a record."""
    if not isinstance(t, Type):
        return None
    t = prune(t)
    if not (isinstance(t, TApp) and prune(t.fn) == T_RECORD):
        return None
    return _flatten(t.arg)


def _flatten(row: Any) -> Row | None:
    labels: set[str] = set()
    current = prune(row)
    for _ in range(1000):
        if not isinstance(current, TRow):
            return frozenset(labels), False
        labels.update(label for label, _ in current.fields)
        if current.tail is None:
            return frozenset(labels), True
        current = prune(current.tail)
    return None


def _field_row(row_type: Any, label: str) -> Any:
    """The type of `label` in a record type (for nested updates)."""
    t = prune(row_type) if isinstance(row_type, Type) else None
    if not (isinstance(t, TApp) and prune(t.fn) == T_RECORD):
        return None
    current: Type | None = prune(t.arg)
    while isinstance(current, TRow):
        for name, field_type in current.fields:
            if name == label:
                return field_type
        current = prune(current.tail) if current.tail is not None else None
    return None


def _written_row(row: ast.Row) -> Row:
    return frozenset(f.label for f in row.fields), row.tail is None


def _typed(element: Any, span: Span, kind: type) -> Any:
    """The typed node of class `kind` written at exactly `span` in a top-level element."""
    for node in reversed(query.nodes_at(element, span.start_line, span.start_col)):
        if isinstance(node, kind) and getattr(node, "span", None) == span:
            return node
    return None


def label_uses(src: ModuleSource, label: str | None = None, within: Span | None = None) -> Iterator[LabelUse]:
    """Every written record label of a module (or only `label`'s, or only in the declarations overlapping
    `within`), with the row it belongs to."""
    for decl in src.syntax().decls:
        span = decl.span
        if within is not None and ((span.end_line, span.end_col) < (within.start_line, within.start_col)
                                   or (within.end_line, within.end_col) < (span.start_line, span.start_col)):
            continue
        if label is not None and label not in src.text_of(span):
            continue
        yield from _uses_in(src, decl, label)


def _uses_in(src: ModuleSource, root: Any, label: str | None) -> Iterator[LabelUse]:
    found: list[Any] = []

    def element() -> Any:
        """The declaration's typed element, looked up when a record needs its type."""
        if not found:
            hit = query.element_at(src.elements, root.span.start_line, root.span.start_col)
            found.append(hit[1] if hit is not None else None)
        return found[0]

    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        row: Row | None
        if isinstance(node, ast.Row):
            row = _written_row(node)
            for rf in node.fields:
                if label is None or rf.label == label:
                    yield LabelUse(rf.label_span, rf.label, row)
        elif isinstance(node, ast.RecordLit | ast.PatRecord):
            kind = T.ERecord if isinstance(node, ast.RecordLit) else T.PRecord
            typed = _typed(element(), node.span, kind) if element() is not None else None
            row = row_of(typed.type) if typed is not None else None
            for f in node.fields:
                if label is None or f.label == label:
                    yield LabelUse(f.label_span, f.label, row, f.pun)
        elif isinstance(node, ast.RecordUpdate):
            typed = _typed(element(), node.span, T.EUpdate) if element() is not None else None
            yield from _update_uses(node.updates, typed.type if typed is not None else None, label)
        elif isinstance(node, ast.Access) and (label is None or node.field == label):
            typed = _access(element(), node) if element() is not None else None
            yield LabelUse(node.field_span, node.field, row_of(typed.expr.type) if typed is not None else None)
        stack.extend(reversed(syntax_children(node)))


def _update_uses(updates: tuple[Any, ...], record_type: Any, label: str | None) -> Iterator[LabelUse]:
    row = row_of(record_type) if record_type is not None else None
    for update in updates:
        if label is None or update.label == label:
            yield LabelUse(update.label_span, update.label, row)
        if isinstance(update, ast.UpdateNested):
            inner = _field_row(record_type, update.label) if record_type is not None else None
            yield from _update_uses(update.updates, inner, label)


def _access(element: Any, node: ast.Access) -> T.EAccess | None:
    at = node.field_span
    for found in reversed(query.nodes_at(element, at.start_line, at.start_col)):
        if isinstance(found, T.EAccess) and found.label == node.field and (
                found.span.end_line, found.span.end_col) == (at.end_line, at.end_col):
            return found
    return None


# ------------------------------------------------------------------------------------------------- rename
def label_at(src: ModuleSource, line: int, col: int) -> LabelUse | None:
    for use in label_uses(src):
        if use.span.contains(line, col):
            return use
    return None


def prepare_label(src: ModuleSource, line: int, col: int) -> tuple[Span, str] | None:
    use = label_at(src, line, col)
    if use is None:
        return None
    _followable(use)
    return use.span, use.label


def _followable(use: LabelUse) -> Row:
    if use.row is None:
        raise IdeError(f"The record that `{use.label}` belongs to is not known here (the code around it does not "
                       "check): the label cannot be renamed.")
    _, closed = use.row
    if not closed:
        raise IdeError(f"`{use.label}` is a label of an open row here (a record with more fields than it names): "
                       "rename it where the record's type is declared.")
    return use.row


def rename_label(workspace: Workspace, src: ModuleSource, line: int, col: int, new_name: str) -> SourceChange | None:
    """The edits renaming the label at the position across the workspace; None when no label is there."""
    use = label_at(src, line, col)
    if use is None:
        return None
    labels, _ = _followable(use)
    if not re.fullmatch(r"[a-z_][\w']*", new_name):
        raise IdeError(f"`{new_name}` is not a valid new label: expected a name starting with a lower-case letter.")
    if new_name in labels and new_name != use.label:
        raise IdeError(f"The record already has a field `{new_name}`.")
    change = SourceChange()
    if new_name == use.label:
        return change
    word = re.compile(rf"(?<![\w']){re.escape(use.label)}(?![\w'])")
    for module in workspace.editable_modules():
        other = workspace.source(module)
        if other is None or not word.search(other.text):
            continue
        for found in label_uses(other, use.label):
            if found.row is None:
                continue
            found_labels, closed = found.row
            if closed and found_labels == labels:
                change.add(module, found.span, f"{new_name}: {use.label}" if found.pun else new_name)
            elif not closed and found_labels <= labels:
                where = f"{module} line {found.span.start_line + 1}"
                raise IdeError(f"`{use.label}` is also used at an open row ({where}) that may be this record: "
                               "the rename cannot tell which records it reaches.")
    return change
