"""What a position in a module names: a module-level element, a local variable, a module, or a record label.

The typed tree answers for values, constructors, operators and locals (references carry their target or binder);
the syntax tree for what the typed tree does not keep as nodes: type and class names in signatures and
declarations, record labels; the header for import and export lists and module names.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from nova import keys, query
from nova.check import typed as T
from nova.diagnostics import Span
from nova.ide.model import Target
from nova.ide.source import ModuleSource
from nova.ide.typed_walk import syntax_children
from nova.syntax import ast

PRIM = "Prim"


@dataclass(frozen=True, slots=True)
class Symbol:
    """`kind`: "element" (`target` set), "local" (`binder` is the binding occurrence, `key` the enclosing
    top-level element), "module" (`module` set) or "label" (`label` set, `node` the typed node it belongs to).
    `span` is the occurrence at the position (the whole written name, qualifier included)."""

    kind: str
    span: Span
    target: Target | None = None
    binder: Span | None = None
    key: str | None = None
    module: str | None = None
    label: str | None = None
    node: Any = None
    element: Any = None


def contains(span: Span | None, line: int, col: int) -> bool:
    return span is not None and span.contains(line, col)


def name_part(written: str) -> tuple[int, int]:
    """Offsets of the name inside a written reference: `List.map` → `map`, `` `div` `` → `div`, `(<>)` → `<>`,
    `M.<>` → `<>`."""
    start, end = 0, len(written)
    if written.startswith("`") and written.endswith("`") and end >= 2:
        start, end = 1, end - 1
    if written[start:start + 1] == "(" and written[end - 1:end] == ")":
        start, end = start + 1, end - 1
    body = written[start:end]
    index = 0
    while True:  # skip `Seg.` qualifier segments (capitalised words followed by a dot)
        dot = body.find(".", index)
        if dot <= index or not body[index:index + 1].isupper() or not all(
                c.isalnum() or c in "_'" for c in body[index:dot]) or dot + 1 >= len(body):
            break
        index = dot + 1
    return start + index, end


def name_span(src: ModuleSource, span: Span, name: str | None = None) -> Span | None:
    """The span of the bare name inside a written occurrence (qualifier, backticks, parentheses dropped); None
    when the text there is not that name (desugared nodes: `bind` of a `do` statement spans the statement)."""
    if span.start_line != span.end_line:
        return None
    written = src.text_of(span)
    start, end = name_part(written)
    bare = written[start:end]
    if name is not None and bare != name:
        return None
    return Span(span.start_line, span.start_col + start, span.end_line, span.start_col + end)


# ------------------------------------------------------------------------------------------------- resolution
def resolve_type_name(src: ModuleSource, view: Any, name: str, qualifier: str | None) -> Target | None:
    if qualifier is None and keys.type_key(name) in src.elements:
        return (src.name, keys.type_key(name))
    refs = src.scope(view).types.get(name if qualifier is None else f"{qualifier}.{name}")
    if refs:
        return min(refs)
    if qualifier is None:
        from nova.check.base import PRIM_TYPE_INFOS

        if name in PRIM_TYPE_INFOS:
            return (PRIM, keys.type_key(name))
    return None


def resolve_class_name(src: ModuleSource, view: Any, name: str, qualifier: str | None) -> Target | None:
    if qualifier is None and keys.class_key(name) in src.elements:
        return (src.name, keys.class_key(name))
    refs = src.scope(view).classes.get(name if qualifier is None else f"{qualifier}.{name}")
    if refs:
        module, key = min(refs)
        return (module, key if keys.is_class_key(key) else keys.class_key(key))
    return None


def resolve_type_operator(src: ModuleSource, view: Any, name: str, qualifier: str | None) -> Target | None:
    if qualifier is None and keys.type_key(name) in src.elements:
        return (src.name, keys.type_key(name))
    refs = src.scope(view).type_operators.get(name if qualifier is None else f"{qualifier}.{name}")
    return min(refs) if refs else None


def resolve_value_name(src: ModuleSource, view: Any, name: str, qualifier: str | None) -> Target | None:
    if qualifier is None and name in src.elements:
        return (src.name, name)
    refs = src.scope(view).values.get(name if qualifier is None else f"{qualifier}.{name}")
    return min(refs) if refs else None


def exported_ref(view: Any, module: str, table: str, name: str) -> Target | None:
    """What `module` exports under `name` (`table`: values, types, classes, type_operators), at its origin."""
    from nova.check.scope import env_of

    env = env_of(view, module)
    if env is None:
        return None
    ref = getattr(env, table).get(name)
    if ref is None:
        return None
    if table == "classes" and not keys.is_class_key(ref[1]):
        return (ref[0], keys.class_key(ref[1]))
    return (ref[0], ref[1])


# ------------------------------------------------------------------------------------------------- header
@dataclass(frozen=True, slots=True)
class HeaderName:
    """A name written in the module header, an import or an export list."""

    span: Span
    target: Target | None = None
    module: str | None = None
    in_import: ast.ImportDecl | None = None
    exported: bool = False


def header_names(src: ModuleSource, view: Any) -> Iterator[HeaderName]:
    """Every name in the header, import and export lists, resolved: module names to modules, items to the
    elements they name (imports at the imported module's export, exports in this module's scope)."""
    header = src.header()
    if header.name_span is not None and header.name is not None:
        yield HeaderName(header.name_span, module=header.name)
    for item in header.exports or ():
        if isinstance(item, ast.ItemModule):
            yield HeaderName(item.name_span, module=item.name, exported=True)
            continue
        for span, target in _export_item(src, view, item):
            yield HeaderName(span, target, exported=True)
    for imp in header.imports:
        yield HeaderName(imp.module_span, module=imp.module, in_import=imp)
        for item in imp.items or ():
            for span, target in _import_item(view, imp.module, item):
                yield HeaderName(span, target, in_import=imp)


def _item_spans(item: Any) -> Span:
    name_span_: Span | None = getattr(item, "name_span", None)
    return name_span_ if name_span_ is not None else item.span


def _export_item(src: ModuleSource, view: Any, item: Any) -> Iterator[tuple[Span, Target | None]]:
    if isinstance(item, ast.ItemValue | ast.ItemOperator):
        yield item.span, resolve_value_name(src, view, item.name, None)
    elif isinstance(item, ast.ItemType):
        yield item.name_span, resolve_type_name(src, view, item.name, None)
        for member in item.members or ():
            yield member.span, resolve_value_name(src, view, member.name, None)
    elif isinstance(item, ast.ItemClass):
        yield item.name_span, resolve_class_name(src, view, item.name, None)
    elif isinstance(item, ast.ItemTypeOperator):
        yield item.span, resolve_type_operator(src, view, item.name, None)


def _import_item(view: Any, module: str, item: Any) -> Iterator[tuple[Span, Target | None]]:
    if isinstance(item, ast.ItemValue | ast.ItemOperator):
        yield item.span, exported_ref(view, module, "values", item.name)
    elif isinstance(item, ast.ItemType):
        yield item.name_span, exported_ref(view, module, "types", item.name)
        for member in item.members or ():
            yield member.span, exported_ref(view, module, "values", member.name)
    elif isinstance(item, ast.ItemClass):
        yield item.name_span, exported_ref(view, module, "classes", item.name)
    elif isinstance(item, ast.ItemTypeOperator):
        yield item.span, exported_ref(view, module, "type_operators", item.name)


# ------------------------------------------------------------------------------------------------- syntax names
@dataclass(frozen=True, slots=True)
class SyntaxName:
    """A type, class or label name written in the syntax tree (the typed tree keeps none of these)."""

    span: Span
    namespace: str  # "type", "class", "type-operator", "label", "declaration"
    name: str
    qualifier: str | None = None
    key: str | None = None  # for declarations: the element key declared


def syntax_names(root: Any, at: tuple[int, int] | None = None) -> Iterator[SyntaxName]:
    """Type and class names (uses and declarations) and record labels under a syntax node, in tree order. With
    `at` (line, column), only those under the nodes whose span holds that position: the walk skips every other
    subtree (a node's span holds its children's), so finding the name at the cursor costs the depth of the tree
    there, not the size of the declaration."""
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        if at is not None and not node.span.contains(*at):
            continue
        if isinstance(node, ast.TypeCon):
            yield SyntaxName(node.span, "type", node.name, node.qualifier)
        elif isinstance(node, ast.TypeOperator):
            yield SyntaxName(node.span, "type-operator", node.name, node.qualifier)
        elif isinstance(node, (ast.Constraint, ast.InstanceDecl | ast.DeriveDecl)):
            yield SyntaxName(node.class_name.span, "class", node.class_name.name, node.class_name.qualifier)
        elif isinstance(node, ast.ClassDecl):
            yield SyntaxName(node.name_span, "declaration", node.name, key=keys.class_key(node.name))
        elif isinstance(node, ast.DataDecl | ast.NewtypeDecl | ast.TypeAliasDecl | ast.ForeignDataDecl
                        | ast.RoleDecl):
            yield SyntaxName(node.name_span, "declaration", node.name, key=keys.type_key(node.name))
        elif isinstance(node, ast.KindSignatureDecl):
            yield SyntaxName(node.name_span, "declaration", node.name, key=ast.decl_key(node))
        elif isinstance(node, ast.RowField | ast.RecordField | ast.PatRecordField | ast.UpdateSet
                        | ast.UpdateNested):
            yield SyntaxName(node.label_span, "label", node.label)
        elif isinstance(node, ast.Access):
            yield SyntaxName(node.field_span, "label", node.field)
        if isinstance(node, ast.Name):
            continue
        stack.extend(reversed(syntax_children(node)))


def resolve_syntax_name(src: ModuleSource, view: Any, found: SyntaxName) -> Target | None:
    if found.namespace == "type":
        return resolve_type_name(src, view, found.name, found.qualifier)
    if found.namespace == "class":
        return resolve_class_name(src, view, found.name, found.qualifier)
    if found.namespace == "type-operator":
        return resolve_type_operator(src, view, found.name, found.qualifier)
    if found.namespace == "declaration" and found.key is not None:
        return (src.name, found.key)
    return None


def declaration_at(module: ast.Module, line: int, col: int) -> Any:
    for decl in module.decls:
        if decl.span.contains(line, col):
            return decl
    return None


# ------------------------------------------------------------------------------------------------- the cursor
def declaration_names(src: ModuleSource, key: str, element: Any) -> list[Span]:
    """Where a top-level element's name is written in its own declaration: its name, every clause's and its
    signature's (the element's name span is only the first clause's)."""
    name = getattr(element, "name", None)
    found: list[Span] = []
    name_span_: Span | None = getattr(element, "name_span", None)
    if name_span_ is not None:
        found.append(name_span_)
    if not isinstance(name, str) or not name:
        return found
    starts = [element.span] if isinstance(getattr(element, "span", None), Span) else []
    starts += [clause.span for clause in getattr(element, "clauses", ())]
    for start in starts:
        candidate = Span(start.start_line, start.start_col, start.start_line, start.start_col + len(name))
        if candidate not in found and src.text_of(candidate) == name and _word_ends(src, candidate):
            found.append(candidate)
    for method in getattr(element, "methods", ()):  # instance method definitions: `show x = …`
        for clause in method.clauses:
            s = clause.span
            candidate = Span(s.start_line, s.start_col, s.start_line, s.start_col + len(method.name))
            if src.text_of(candidate) == method.name and _word_ends(src, candidate):
                found.append(candidate)
    return sorted(set(found))


def _word_ends(src: ModuleSource, span: Span) -> bool:
    after = src.line(span.end_line)[span.end_col:span.end_col + 1]
    return not (after.isalnum() or after in ("_", "'"))


def locate(src: ModuleSource, view: Any, line: int, col: int) -> Symbol | None:
    """What the position names in `src` (its own text's coordinates), or None."""
    for found in header_names(src, view):
        if contains(found.span, line, col):
            if found.module is not None:
                return Symbol("module", found.span, module=found.module)
            if found.target is not None:
                return Symbol("element", found.span, target=found.target)
            return None
    hit = query.element_at(src.elements, line, col)
    if hit is not None:
        key, element = hit
        symbol = _typed_symbol(src, key, element, line, col)
        if symbol is not None:
            return symbol
    return _syntax_symbol(src, view, line, col, hit)


def _typed_symbol(src: ModuleSource, key: str, element: Any, line: int, col: int) -> Symbol | None:
    for span in declaration_names(src, key, element):
        if span.contains(line, col):
            return Symbol("element", span, target=(src.name, key), element=element)
    path = query.nodes_at(element, line, col)
    for node in reversed(path):
        if isinstance(node, T.EVar):
            if node.target is not None:
                if name_span(src, node.span) is None:
                    continue  # desugared (`bind` of a do statement): look further out
                return Symbol("element", node.span, target=node.target, node=node, key=key, element=element)
            if node.binder is not None:
                return Symbol("local", node.span, binder=node.binder, key=key, node=node, element=element)
        elif isinstance(node, T.PCon) and node.target is not None:
            span = node.name_span or node.span
            if span.contains(line, col):
                return Symbol("element", span, target=node.target, node=node, key=key, element=element)
        elif isinstance(node, T.PVar):
            return Symbol("local", node.span, binder=node.span, key=key, node=node, element=element)
        elif isinstance(node, T.PAs | T.Binding) and node.name_span.contains(line, col):
            return Symbol("local", node.name_span, binder=node.name_span, key=key, node=node, element=element)
        elif isinstance(node, T.EAccess):
            label_span = _access_label(src, node)
            if label_span is not None and label_span.contains(line, col):
                return Symbol("label", label_span, label=node.label, node=node, key=key, element=element)
    return None


def _access_label(src: ModuleSource, node: T.EAccess) -> Span | None:
    span = node.span
    if span.start_line != span.end_line and span.end_col < len(node.label):
        return None
    candidate = Span(span.end_line, span.end_col - len(node.label), span.end_line, span.end_col)
    return candidate if src.text_of(candidate) == node.label else None


def _syntax_symbol(src: ModuleSource, view: Any, line: int, col: int, hit: Any) -> Symbol | None:
    decl = declaration_at(src.syntax(), line, col)
    if decl is None:
        return None
    for found in syntax_names(decl, (line, col)):
        if not found.span.contains(line, col):
            continue
        if found.namespace == "label":
            return Symbol("label", found.span, label=found.name, key=hit[0] if hit else None)
        target = resolve_syntax_name(src, view, found)
        if target is not None:
            return Symbol("element", found.span, target=target)
    return None
