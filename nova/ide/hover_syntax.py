"""Hover on names the typed tree keeps no node for: a record label in a literal, an update or a record pattern
(the field's type, read off the typed node of its value or of the record), a label in a written row type (the
field's type as written), a type variable (its kind, from the declaration that binds it)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from nova import query
from nova.diagnostics import Span
from nova.ide.locate import declaration_at
from nova.ide.source import ModuleSource
from nova.syntax import ast
from nova.syntax.walk import children
from nova.types.types import T_RECORD, TApp, Type, prune
from nova.types.unify import flatten_row


def _paths(root: Any, line: int, col: int) -> Iterator[list[Any]]:
    """The syntax nodes containing the position, each with its ancestors (outermost first)."""
    stack: list[tuple[Any, list[Any]]] = [(root, [])]
    while stack:
        node, above = stack.pop()
        path = [*above, node]
        yield path
        for child in children(node):
            span = getattr(child, "span", None)
            if isinstance(span, Span) and span.contains(line, col):
                stack.append((child, path))


def _syntax_path(src: ModuleSource, line: int, col: int) -> list[Any]:
    """The innermost chain of syntax nodes containing the position, outermost first."""
    decl = declaration_at(src.syntax(), line, col)
    if decl is None:
        return []
    deepest: list[Any] = []
    for path in _paths(decl, line, col):
        if len(path) > len(deepest):
            deepest = path
    return deepest


def _typed_at(src: ModuleSource, span: Span) -> Type | None:
    """The type of the outermost typed node written exactly at `span`."""
    hit = query.element_at(src.elements, span.start_line, span.start_col)
    if hit is None:
        return None
    for node in query.iter_nodes(hit[1]):
        if query.span_of(node) == span:
            found = query.type_of(node)
            if isinstance(found, Type):
                return found
    return None


def field_type(record: Type, labels: list[str]) -> Type | None:
    """The type of `record.l1.l2…` read off a record type, or None when a label is not in it."""
    current: Type | None = record
    for label in labels:
        t = prune(current) if current is not None else None
        if not (isinstance(t, TApp) and prune(t.fn) == T_RECORD):
            return None
        fields, _ = flatten_row(t.arg)
        current = next((ft for name, ft in fields if name == label), None)
    return current


def label_type(src: ModuleSource, label_span: Span, qualify: Mapping[tuple[str, str], str] | None = None) -> str | None:
    """`String` for the label `name` of `{ name: "x" }`, `p { name = … }`, `{ name: n }` (a pattern), or
    `{ name :: String }` (a written row: its type as written)."""
    from nova.types.pretty import print_type

    path = _syntax_path(src, label_span.start_line, label_span.start_col)
    for index in range(len(path) - 1, -1, -1):
        node = path[index]
        if getattr(node, "label_span", None) != label_span:
            continue
        if isinstance(node, ast.RowField):
            return " ".join(src.text_of(node.type.span).split())
        if isinstance(node, ast.RecordField | ast.UpdateSet):
            found = _typed_at(src, node.value.span)
        elif isinstance(node, ast.PatRecordField):
            found = _typed_at(src, node.pattern.span)
        elif isinstance(node, ast.UpdateNested):
            labels = [node.label]
            found = None
            for outer in reversed(path[:index]):
                if isinstance(outer, ast.UpdateNested):
                    labels.insert(0, outer.label)
                elif isinstance(outer, ast.RecordUpdate):
                    record = _typed_at(src, outer.span)
                    found = field_type(record, labels) if record is not None else None
                    break
        else:
            return None
        return print_type(found, qualify=qualify) if found is not None else None
    return None


def type_variable_at(src: ModuleSource, line: int, col: int) -> ast.TypeVar | ast.TypeVarBinder | None:
    """A type variable (a use or its binder) written at the position."""
    path = _syntax_path(src, line, col)
    node = path[-1] if path else None
    if isinstance(node, ast.TypeVar | ast.TypeVarBinder):
        return node
    return None


def type_variable_kind(view: Any, src: ModuleSource, span: Span) -> str | None:
    """The kind of a type variable a data, newtype, synonym or class declaration binds, read off the declared
    type's kind (`f :: Type -> Type` in `class Functor f`); written kinds (`(a :: Symbol)`) as written."""
    from nova.check.scope import env_of
    from nova.types.pretty import KindNamer, print_kind
    from nova.types.types import TFun

    path = _syntax_path(src, span.start_line, span.start_col)
    if not path:
        return None
    node = path[-1]
    name = getattr(node, "name", None)
    for outer in reversed(path):
        binders = getattr(outer, "params", None) or getattr(outer, "vars", None) or ()
        for binder in binders:
            if isinstance(binder, ast.TypeVarBinder) and binder.name == name and binder.kind is not None:
                return " ".join(src.text_of(binder.kind.span).split())
    decl = path[0]
    env = env_of(view, src.name)
    if isinstance(decl, ast.SignatureDecl | ast.ForeignValueDecl) and isinstance(name, str):
        return _signature_variable_kind(view, src.name, decl.name, name)
    if env is None or not isinstance(decl, ast.DataDecl | ast.NewtypeDecl | ast.TypeAliasDecl | ast.ClassDecl):
        return None
    params = [getattr(p, "name", p) for p in getattr(decl, "params", ()) or ()]
    if name not in params:
        return None
    if isinstance(decl, ast.ClassDecl):
        info: Any = env.class_infos.get(decl.name)
        kind = getattr(info, "kind", None)
    else:
        info = env.type_infos.get(decl.name)
        kind = getattr(info, "kind", None)
    if kind is None:
        return None
    namer = KindNamer()
    position = params.index(name)
    k = prune(kind)
    for _ in range(position):
        if not isinstance(k, TFun):
            return None
        k = prune(k.res)
    return print_kind(k.arg, namer) if isinstance(k, TFun) else None


def _signature_variable_kind(view: Any, module: str, value: str, variable: str) -> str | None:
    """The kind of a signature's type variable, read off where its scheme uses it: an argument of a type
    constructor has that parameter's kind, a row tail `Row Type`, a variable applied to n arguments
    `Type -> … -> Type`, one standing for a value `Type` (None when the scheme does not name it)."""
    from nova.check.scope import env_of
    from nova.types.pretty import KindNamer, print_kind
    from nova.types.types import T_ARROW, TFun, TGen, TRow, split_app

    scheme = view.scheme(module, value)
    names = getattr(scheme, "names", ())
    if scheme is None or variable not in names[: scheme.arity]:
        return None
    wanted = TGen(names.index(variable))

    def param_kinds(con: Any) -> list[Type]:
        env = env_of(view, con.module) if getattr(con, "module", None) else None
        info = env.type_infos.get(con.name) if env is not None else None
        kinds: list[Type] = []
        k = prune(info.kind) if info is not None else None
        while isinstance(k, TFun):
            kinds.append(k.arg)
            k = prune(k.res)
        return kinds

    stack: list[Type] = [scheme.type]
    while stack:
        t = prune(stack.pop())
        if isinstance(t, TFun):
            stack += [t.arg, t.res]
        elif isinstance(t, TRow):
            if t.tail is not None and prune(t.tail) == wanted:
                return "Row Type"
            stack += [ft for _, ft in t.fields]
            if t.tail is not None:
                stack.append(t.tail)
        elif isinstance(t, TApp):
            head, args = split_app(t)
            head = prune(head)
            if head == wanted:
                return " -> ".join(["Type"] * (len(args) + 1))
            if head == T_RECORD and args and prune(args[0]) == wanted:
                return "Row Type"
            kinds = param_kinds(head) if head != T_ARROW else []
            for position, arg in enumerate(args):
                if prune(arg) == wanted and position < len(kinds):
                    return print_kind(kinds[position], KindNamer())
            stack += args
        elif t == wanted:
            return "Type"
    return None
