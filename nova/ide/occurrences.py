"""Every place a module-level element is named, across the workspace: uses in the typed trees, its declaration
(every clause and the signature), instance method definitions of a class method, import and export lists, and for
types and classes the syntax trees (signatures, data declarations, instance heads, constraints).

The search is narrowed before any tree is walked: only the element's own module and the modules importing it
(the registry's dependency graph), inside them only the declarations whose recorded reads include the element,
and syntax trees only of modules whose text contains the name at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from nova import keys
from nova.check import typed as T
from nova.diagnostics import Span
from nova.ide.locate import declaration_names, header_names, name_span, resolve_syntax_name, syntax_names
from nova.ide.model import Target
from nova.ide.source import ModuleSource, Workspace


@dataclass(frozen=True, slots=True)
class Occurrence:
    """`span` is the bare name (qualifier, parentheses and backticks excluded); `written` the whole occurrence.
    `role`: "declaration", "reference", "import", "export", "instance-method"."""

    module: str
    span: Span
    written: Span
    role: str
    key: str | None = None  # the top-level element the occurrence sits in (for call hierarchies)


def bare(key: str) -> str:
    return keys.name_of(key)


def is_type_level(key: str) -> bool:
    return keys.namespace_of(key) in ("type", "class")


def candidate_modules(workspace: Workspace, target: Target) -> list[str]:
    """The editable modules that may name the target: its own and every module importing it (transitively, for
    re-exports)."""
    module = target[0]
    editable = list(workspace.editable_modules())
    try:
        dependents = set(workspace.view.dependents(module))
    except Exception:
        dependents = set(editable)
    wanted = dependents | {module}
    return sorted(m for m in editable if m in wanted)


def find_occurrences(workspace: Workspace, target: Target, modules: list[str] | None = None) -> list[Occurrence]:
    found: list[Occurrence] = []
    for module in candidate_modules(workspace, target) if modules is None else modules:
        src = workspace.source(module)
        if src is not None:
            found.extend(occurrences_in(workspace, src, target))
    unique: dict[tuple[str, Span], Occurrence] = {}
    for occurrence in found:
        unique.setdefault((occurrence.module, occurrence.span), occurrence)
    return sorted(unique.values(), key=lambda o: (o.module, o.span))


def occurrences_in(workspace: Workspace, src: ModuleSource, target: Target) -> Iterator[Occurrence]:
    view = workspace.view
    module, key = target
    name = bare(key)
    if module == src.name:
        element = src.elements.get(key)
        if element is not None:
            for span in declaration_names(src, key, element):
                yield Occurrence(src.name, span, span, "declaration", key)
    if name not in src.text:
        return
    for found in header_names(src, view):
        if found.target == target:
            bare_span = name_span(src, found.span, name) or found.span
            yield Occurrence(src.name, bare_span, found.span, "export" if found.exported else "import")
    if is_type_level(key):
        yield from _syntax_occurrences(src, view, target, name)
    else:
        yield from _typed_occurrences(src, view, target, name)


def _typed_occurrences(src: ModuleSource, view: Any, target: Target, name: str) -> Iterator[Occurrence]:
    method_class = _method_class(view, target)
    for key, element in src.elements.items():
        kind = getattr(element, "kind", "")
        if kind in ("type", "synonym", "class", "constructor", "method", "foreign-type", "type-operator",
                    "foreign"):
            continue
        if method_class is not None and kind == "instance":
            instance = getattr(element, "instance", None)
            if instance is not None and (instance.cls_module, instance.cls) == method_class:
                for method in element.methods:
                    if method.name == name:
                        for span in _binding_names(src, method):
                            yield Occurrence(src.name, span, span, "instance-method", key)
        reads = getattr(element, "reads", None)
        if kind == "value" and reads and target not in reads:
            continue
        for ref_target, written in element_references(element):
            if ref_target == target:
                bare_span = name_span(src, written, name)
                if bare_span is not None:
                    yield Occurrence(src.name, bare_span, written, "reference", key)


@dataclass(frozen=True, slots=True)
class ElementIndex:
    """What IDE searches need of a typed element's tree: (target, written span) of every module-level name its
    code uses, in tree order, and every name it binds locally."""

    references: tuple[tuple[Target, Span], ...]
    local_names: frozenset[str]


_INDEX: dict[int, tuple[Any, ElementIndex]] = {}
INDEX_CACHE_LIMIT = 200_000


def element_index(element: Any) -> ElementIndex:
    """The element's index, built by one walk of its tree and remembered: typed elements are never changed once
    checked, so a find of references or a rename across many modules then scans these lists, not the trees."""
    cached = _INDEX.get(id(element))
    if cached is not None and cached[0] is element:
        return cached[1]
    from nova.ide.scopes import pattern_vars
    from nova.ide.typed_walk import iter_typed_nodes

    found: list[tuple[Target, Span]] = []
    names: set[str] = set()
    for node in iter_typed_nodes(element):
        if isinstance(node, T.EVar | T.PCon) and isinstance(node.target, tuple):
            written: Span = node.span
            if isinstance(node, T.PCon) and isinstance(node.name_span, Span):
                written = node.name_span
            found.append(((node.target[0], node.target[1]), written))
        elif isinstance(node, T.PVar | T.PAs):
            names.update(v.name for v in pattern_vars(node))
        elif isinstance(node, T.Binding):
            names.add(node.name)
    if len(_INDEX) >= INDEX_CACHE_LIMIT:
        _INDEX.clear()
    index = ElementIndex(tuple(found), frozenset(names))
    _INDEX[id(element)] = (element, index)
    return index


def element_references(element: Any) -> tuple[tuple[Target, Span], ...]:
    return element_index(element).references


def _binding_names(src: ModuleSource, binding: T.Binding) -> list[Span]:
    spans = [binding.name_span]
    for clause in binding.clauses:
        s = clause.span
        candidate = Span(s.start_line, s.start_col, s.start_line, s.start_col + len(binding.name))
        if candidate not in spans and src.text_of(candidate) == binding.name:
            spans.append(candidate)
    return spans


def _method_class(view: Any, target: Target) -> tuple[str, str] | None:
    element = view.element(*target)
    if getattr(element, "kind", None) != "method":
        return None
    cls = getattr(element, "cls", None)
    return (cls[0], cls[1]) if isinstance(cls, tuple) else None


def _syntax_occurrences(src: ModuleSource, view: Any, target: Target, name: str) -> Iterator[Occurrence]:
    for decl in src.syntax().decls:
        for found in syntax_names(decl):
            if found.name != name or found.namespace == "label":
                continue
            if resolve_syntax_name(src, view, found) != target:
                continue
            span = name_span(src, found.span, name) or found.span
            role = "declaration" if found.namespace == "declaration" else "reference"
            yield Occurrence(src.name, span, found.span, role)
