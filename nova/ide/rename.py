"""Rename: local variables, module-level values, constructors, types, classes and methods across every editable
module that names them (import and export lists included), modules (their header, imports and re-exports), and
record labels where the record's row can be followed (nova.ide.labels).

A rename is refused, with a message for the user, when the new name is not a name of the right kind, when the
element comes from a library (the standard library is never edited), when the new name is already declared in the
element's module, or when an unqualified use would then mean another name in scope (an import, a declaration, a
local variable of the same name).
"""

from __future__ import annotations

from typing import Any

from nova import keys, query
from nova.check import typed as T
from nova.diagnostics import Span
from nova.ide import labels
from nova.ide.locate import Symbol, locate
from nova.ide.model import IdeError, SourceChange, Target
from nova.ide.navigation import local_highlights, module_references
from nova.ide.occurrences import Occurrence, bare, element_index, find_occurrences
from nova.ide.scopes import locals_at
from nova.ide.source import ModuleSource, Workspace, editable
from nova.syntax.lexer import lex
from nova.syntax.tokens import LOWER, OP, QUPPER, UPPER

NAMESPACES = {"type": "types", "class": "classes"}


def prepare_rename(workspace: Workspace, src: ModuleSource, line: int, col: int) -> tuple[Span, str]:
    """The span of the name at the position (bare: no qualifier, parentheses or backticks) and its current text;
    IdeError when nothing renamable is there."""
    symbol = locate(src, workspace.view, line, col)
    if symbol is not None and symbol.kind == "label":
        prepared = labels.prepare_label(src, line, col)
        if prepared is not None:
            return prepared
    if symbol is None or symbol.kind == "label":
        raise IdeError("There is no name here that can be renamed.")
    if symbol.kind == "module" and symbol.module is not None:
        _check_module_editable(workspace, symbol.module)
        return symbol.span, symbol.module
    if symbol.kind == "element" and symbol.target is not None:
        _check_editable(workspace, symbol.target)
    span = _bare_span(src, symbol)
    return span, src.text_of(span)


def rename(workspace: Workspace, src: ModuleSource, line: int, col: int, new_name: str) -> SourceChange:
    symbol = locate(src, workspace.view, line, col)
    if symbol is not None and symbol.kind == "label":
        change = labels.rename_label(workspace, src, line, col, new_name)
        if change is not None:
            return change
    if symbol is None or symbol.kind == "label":
        raise IdeError("There is no name here that can be renamed.")
    if symbol.kind == "local":
        return _rename_local(src, symbol, new_name)
    if symbol.kind == "module" and symbol.module is not None:
        return rename_module(workspace, symbol.module, new_name)
    if symbol.target is None:
        raise IdeError("There is no name here that can be renamed.")
    return rename_element(workspace, symbol.target, new_name)


# ------------------------------------------------------------------------------------------------- checks
def _bare_span(src: ModuleSource, symbol: Symbol) -> Span:
    from nova.ide.locate import name_span

    return name_span(src, symbol.span) or symbol.span


def _check_editable(workspace: Workspace, target: Target) -> None:
    module, key = target
    if not editable(workspace, module):
        raise IdeError(f"`{bare(key)}` is defined in the library module {module}, which cannot be edited.")


def _check_module_editable(workspace: Workspace, module: str) -> None:
    if not editable(workspace, module):
        raise IdeError(f"{module} is a library module, which cannot be renamed.")


def _name_kind(new_name: str) -> str:
    """"lower", "upper", "operator", "module" or "" (not a name) — from the lexer, so keywords are refused."""
    tokens = [t for t in lex(new_name).tokens if t.kind != "EOF"]
    if len(tokens) != 1 or tokens[0].text != new_name:
        return ""
    kind = tokens[0].kind
    return {LOWER: "lower", UPPER: "upper", OP: "operator", QUPPER: "module"}.get(kind, "")


def _expected_kind(key: str, element: Any) -> str:
    name = bare(key)
    if not (name[:1].isalpha() or name[:1] == "_"):
        return "operator"
    return "upper" if name[:1].isupper() else "lower"


def _check_new_name(kind: str, new_name: str) -> None:
    got = _name_kind(new_name)
    if got == kind or (kind == "module" and got == "upper"):
        return
    wanted = {"lower": "a name starting with a lower-case letter", "upper": "a name starting with a capital letter",
              "operator": "an operator made of symbol characters", "module": "a module name such as `Data.Thing`"}
    raise IdeError(f"`{new_name}` is not a valid new name here: expected {wanted[kind]}.")


# ------------------------------------------------------------------------------------------------- locals
def local_names(element: Any) -> frozenset[str]:
    """Every name bound locally anywhere in a top-level element: a rename looks for clashes at each use only
    when the new name is among them."""
    return element_index(element).local_names


def _rename_local(src: ModuleSource, symbol: Symbol, new_name: str) -> SourceChange:
    _check_new_name("lower", new_name)
    highlights = local_highlights(src, symbol)
    if not highlights or symbol.element is None:
        raise IdeError("There is no name here that can be renamed.")
    old = src.text_of(highlights[0].span)
    change = SourceChange()
    if new_name == old:
        return change
    element = symbol.element
    for found in highlights if new_name in local_names(element) else ():
        clash = [v for v in locals_at(element, found.span.start_line, found.span.start_col)
                 if v.name == new_name and v.binder != symbol.binder]
        if clash:
            raise IdeError(f"`{new_name}` is already a local name where `{old}` is used.")
    uses = {h.span for h in highlights}
    for node in query.iter_nodes(element):
        if isinstance(node, T.EVar) and node.span not in uses and src.text_of(node.span) == new_name:
            raise IdeError(f"`{new_name}` is already used in this declaration: renaming `{old}` would capture it.")
    puns = {use.span for use in labels.label_uses(src, old, within=query.span_of(element)) if use.pun}
    for found in highlights:
        # a record field written as a bare name (`{ age }`) keeps its label: `{ age: years }`
        change.add(src.name, found.span, f"{old}: {new_name}" if found.span in puns else new_name)
    return change


# ------------------------------------------------------------------------------------------------- elements
def rename_element(workspace: Workspace, target: Target, new_name: str) -> SourceChange:
    module, key = target
    view = workspace.view
    _check_editable(workspace, target)
    element = view.element(module, key)
    kind = _expected_kind(key, element)
    _check_new_name(kind, new_name)
    old = bare(key)
    change = SourceChange()
    if new_name == old:
        return change
    new_key = f"{key.split(':', 1)[0]}:{new_name}" if ":" in key else new_name
    owner = workspace.source(module)
    if owner is not None and new_key in owner.elements:
        raise IdeError(f"`{new_name}` is already declared in {module}.")
    if view.element(module, new_key) is not None:
        raise IdeError(f"`{new_name}` is already declared in {module}.")
    occurrences = find_occurrences(workspace, target)
    passed: set[tuple[str, str]] = set()
    for occurrence in occurrences:
        _check_clash(workspace, occurrence, target, new_name, passed)
    editable_modules = set(workspace.editable_modules())
    for occurrence in occurrences:
        if occurrence.module not in editable_modules:
            continue
        text = new_name
        if occurrence.role in ("import", "export") and kind == "operator":
            src = workspace.source(occurrence.module)
            written = src.text_of(occurrence.written) if src is not None else ""
            if written.startswith("(") and occurrence.span == occurrence.written:
                text = f"({new_name})"
        change.add(occurrence.module, occurrence.span, text)
    return change


def _check_clash(workspace: Workspace, occurrence: Occurrence, target: Target, new_name: str,
                 passed: set[tuple[str, str]] | None = None) -> None:
    """After the rename, an unqualified occurrence in another module must still mean the target: refuse when
    that module declares or imports (unqualified) something else of the new name. `passed` remembers the
    (module, qualifier) pairs whose module-wide checks passed, so each module's scope is asked once."""
    if occurrence.role in ("declaration", "export", "instance-method"):
        return
    src = workspace.source(occurrence.module)
    if src is None:
        return
    written = "" if occurrence.written == occurrence.span else src.text_of(occurrence.written)
    qualified = bool(written) and "." in written.replace(src.text_of(occurrence.span), "")
    key = target[1]
    namespace = keys.namespace_of(key)
    table = NAMESPACES.get(namespace, "values")
    if occurrence.role == "import":
        return  # the item itself: what matters is how the names it brings in are used
    if qualified:
        qualifier = written[:written.rfind(".")].lstrip("(")
        if passed is not None and (occurrence.module, qualifier) in passed:
            return
        refs = getattr(src.scope(workspace.view), table).get(f"{qualifier}.{new_name}")
        if refs and any(ref != target for ref in refs):
            raise IdeError(f"`{qualifier}.{new_name}` already names something else in {occurrence.module}.")
        if passed is not None:
            passed.add((occurrence.module, qualifier))
        return
    if passed is None or (occurrence.module, "") not in passed:
        _check_module_clash(workspace, src, occurrence.module, target, new_name, table)
        if passed is not None:
            passed.add((occurrence.module, ""))
    if namespace == "value" and occurrence.key is not None:
        element = src.elements.get(occurrence.key)
        if element is not None and new_name in local_names(element) and any(v.name == new_name for v in locals_at(
                element, occurrence.span.start_line, occurrence.span.start_col)):
            raise IdeError(f"A local `{new_name}` in {occurrence.module} is in scope where `{bare(key)}` is "
                           f"used: the use would then mean the local.")


def _check_module_clash(workspace: Workspace, src: ModuleSource, module: str, target: Target, new_name: str,
                        table: str) -> None:
    """The new name, unqualified, must not already mean something else in the module."""
    key = target[1]
    new_key = keys.renamed(key, new_name)
    if module != target[0] and new_key in src.elements:
        raise IdeError(f"{module} declares its own `{new_name}`: its uses of `{bare(key)}` would "
                       f"then mean that one.")
    refs = getattr(src.scope(workspace.view), table).get(new_name)
    if refs and any(ref[0] != target[0] or bare(ref[1]) != new_name for ref in refs):
        origin = min(refs)[0]
        raise IdeError(f"{module} already imports `{new_name}` from {origin}: its uses of "
                       f"`{bare(key)}` would then be ambiguous.")


# ------------------------------------------------------------------------------------------------- modules
def rename_module(workspace: Workspace, module: str, new_name: str) -> SourceChange:
    """The module's header name, every import of it and every `module X` re-export."""
    _check_module_editable(workspace, module)
    _check_new_name("module", new_name)
    change = SourceChange()
    if new_name == module:
        return change
    if workspace.view.get(new_name) is not None or workspace.source(new_name) is not None:
        raise IdeError(f"A module named {new_name} already exists.")
    found = module_references(workspace, module, include_declaration=True)
    if not any(f.module == module for f in found):
        raise IdeError(f"{module} has no `module {module} where` header to rename.")
    for location in found:
        change.add(location.module, location.span, new_name)
    return change


def module_for_path(module: str, old_parts: list[str], new_parts: list[str]) -> str | None:
    """The module name a file rename implies: the path segments the old name ends with (`Data/Thing.nova` for
    `My.Data.Thing`) replaced by the new path's; None when the old name does not follow its path."""
    names = module.split(".")
    count = 0
    while count < min(len(names), len(old_parts)) and names[-1 - count] == old_parts[-1 - count]:
        count += 1
    if count == 0:
        return None
    kept = names[:len(names) - count]
    new = [*kept, *new_parts[len(new_parts) - count:]] if count <= len(new_parts) else None
    if not new or not all(p[:1].isupper() and p.replace("_", "").replace("'", "").isalnum() for p in new):
        return None
    return ".".join(new)
