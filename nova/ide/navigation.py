"""Go to definition, go to type definition, find references, document highlights."""

from __future__ import annotations

from typing import Any

from nova import keys, query
from nova.diagnostics import Span
from nova.ide.locate import Symbol, locate
from nova.ide.model import Highlight, Location, Target
from nova.ide.occurrences import find_occurrences, occurrences_in
from nova.ide.source import ModuleSource, Workspace


def element_location(workspace: Workspace, target: Target) -> Location | None:
    """Where an element is declared: its name in its module's source."""
    module, key = target
    src = workspace.source(module)
    element = src.elements.get(key) if src is not None else None
    if element is None:
        element = workspace.view.element(module, key)
    if element is None:
        return None
    span = query.name_span_of(element) or query.span_of(element)
    return Location(module, span) if span is not None else None


def module_location(workspace: Workspace, module: str) -> Location | None:
    """A module's header name (the start of its file when it has none)."""
    src = workspace.source(module)
    if src is None:
        return None
    header = src.header()
    return Location(module, header.name_span or Span(0, 0, 0, 0))


def definition(workspace: Workspace, src: ModuleSource, line: int, col: int) -> list[Location]:
    symbol = locate(src, workspace.view, line, col)
    if symbol is None:
        return []
    if symbol.kind == "module" and symbol.module is not None:
        found = module_location(workspace, symbol.module)
    elif symbol.kind == "element" and symbol.target is not None:
        found = element_location(workspace, symbol.target)
    elif symbol.kind == "local" and symbol.binder is not None:
        found = Location(src.name, symbol.binder)
    else:
        found = None
    return [found] if found is not None else []


def type_definition(workspace: Workspace, src: ModuleSource, line: int, col: int) -> list[Location]:
    """The declarations of the type constructors in the type of what is under the cursor (result type first)."""
    symbol = locate(src, workspace.view, line, col)
    type_: Any = None
    if symbol is not None and symbol.kind == "element" and symbol.target is not None:
        if keys.is_type_key(symbol.target[1]):
            found = element_location(workspace, symbol.target)
            return [found] if found is not None else []
        node_type = query.type_of(symbol.node) if symbol.node is not None else None
        scheme = workspace.view.scheme(*symbol.target) or getattr(workspace.view.element(*symbol.target),
                                                                     "scheme", None)
        type_ = node_type if node_type is not None else getattr(scheme, "type", None)
    elif symbol is not None and symbol.node is not None:
        type_ = query.type_of(symbol.node)
    if type_ is None:
        hit = query.element_at(src.elements, line, col)
        node = query.node_at(hit[1], line, col) if hit is not None else None
        type_ = query.type_of(node) if node is not None and hit is not None and node is not hit[1] else None
    if type_ is None:
        return []
    locations: list[Location] = []
    for module, name in type_constructors(type_):
        found = element_location(workspace, (module, keys.type_key(name)))
        if found is not None and found not in locations:
            locations.append(found)
    return locations or _record_synonyms(workspace, src, type_)


def _record_synonyms(workspace: Workspace, src: ModuleSource, type_: Any) -> list[Location]:
    """A record type has no constructor to go to, and synonyms are expanded in inferred types: the declarations
    of the synonyms (without parameters) in scope whose expansion is this very record."""
    from nova.check.scope import env_of
    from nova.types.pretty import print_type

    shown = print_type(type_)
    if not shown.startswith("{"):
        return []
    view = workspace.view
    candidates = {(ref[0], keys.name_of(ref[1])) for refs in src.scope(view).types.values() for ref in refs}
    candidates |= {(src.name, keys.name_of(key)) for key in src.elements if keys.is_type_key(key)}
    locations: list[Location] = []
    for module, name in sorted(candidates):
        env = env_of(view, module)
        info = env.type_infos.get(name) if env is not None else None
        if info is None or info.synonym is None or info.params or print_type(info.synonym) != shown:
            continue
        found = element_location(workspace, (module, keys.type_key(name)))
        if found is not None and found not in locations:
            locations.append(found)
    return locations


def type_constructors(type_: Any) -> list[tuple[str, str]]:
    """The named type constructors of a type, outside Prim: the result's first, then the arguments'."""
    from nova.types.types import TApp, TCon, TFun, TRow, prune

    ordered: list[tuple[str, str]] = []
    arguments: list[Any] = []
    t = prune(type_)
    while isinstance(t, TFun):
        arguments.append(t.arg)
        t = prune(t.res)
    for root in [t, *arguments]:
        stack = [root]
        while stack:
            node = prune(stack.pop())
            if isinstance(node, TCon):
                if node.module != "Prim" and (node.module, node.name) not in ordered:
                    ordered.append((node.module, node.name))
            elif isinstance(node, TApp):
                stack.extend([node.arg, node.fn])
            elif isinstance(node, TFun):
                stack.extend([node.res, node.arg])
            elif isinstance(node, TRow):
                stack.extend(t for _, t in reversed(node.fields))
    return ordered


def references(workspace: Workspace, src: ModuleSource, line: int, col: int,
               include_declaration: bool = True) -> list[Location]:
    symbol = locate(src, workspace.view, line, col)
    if symbol is None:
        return []
    if symbol.kind == "local":
        return [Location(src.name, h.span) for h in local_highlights(src, symbol)
                if include_declaration or not h.write]
    if symbol.kind == "module" and symbol.module is not None:
        return module_references(workspace, symbol.module, include_declaration)
    if symbol.kind == "element" and symbol.target is not None:
        found = [Location(o.module, o.span) for o in find_occurrences(workspace, symbol.target)
                 if include_declaration or o.role != "declaration"]
        if include_declaration:
            declared = element_location(workspace, symbol.target)
            if declared is not None and declared not in found:
                found.insert(0, declared)
        return found
    return []


def module_references(workspace: Workspace, module: str, include_declaration: bool) -> list[Location]:
    """Every import of the module (and `module X` re-exports), plus its header."""
    from nova.ide.locate import header_names

    found: list[Location] = []
    for name in sorted(workspace.editable_modules()):
        src = workspace.source(name)
        if src is None or module not in src.text:
            continue
        for item in header_names(src, workspace.view):
            if item.module == module and (item.in_import is not None or item.exported):
                found.append(Location(name, item.span))
    if include_declaration:
        declared = module_location(workspace, module)
        if declared is not None:
            found.insert(0, declared)
    return found


def local_highlights(src: ModuleSource, symbol: Symbol) -> list[Highlight]:
    """A local variable's binding occurrence (write) and uses (read), inside its top-level element."""
    if symbol.binder is None or symbol.element is None:
        return []
    found = [Highlight(symbol.binder, True)]
    found.extend(Highlight(span, False) for span in query.local_uses(symbol.element, symbol.binder))
    return found


def highlights(workspace: Workspace, src: ModuleSource, line: int, col: int) -> list[Highlight]:
    symbol = locate(src, workspace.view, line, col)
    if symbol is None:
        return []
    if symbol.kind == "local":
        return local_highlights(src, symbol)
    if symbol.kind == "element" and symbol.target is not None:
        return [Highlight(o.span, o.role == "declaration")
                for o in occurrences_in(workspace, src, symbol.target)]
    if symbol.kind == "module" and symbol.module is not None:
        from nova.ide.locate import header_names

        return [Highlight(item.span, False) for item in header_names(src, workspace.view)
                if item.module == symbol.module]
    return []
