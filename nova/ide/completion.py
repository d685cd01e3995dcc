"""Completion, in two steps so the IDE stays free of I/O and threads:

1. `plan(text, line, col)` reads the context from tokens and, where types are needed, asks for a *probe*: the
   current text with the word being typed replaced by a typed hole (its type is the expected type, the locals
   around it are the locals in scope), or with a half-typed `.label` or `{ … }` removed (the type of what precedes
   them gives the record's labels).
2. `complete(workspace, current, plan, probe, to_good)` builds the items, from the probe's check when the caller
   ran it, else from the document's last good check (`to_good` maps positions of the current text there).

Items are ranked: locals, then names whose type fits the expected type, then the module's and the imports' names,
then names of modules not imported yet (each with the edit adding the import), then keywords and snippets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from nova import keys, query
from nova.check import typed as T
from nova.diagnostics import Span
from nova.ide.context import OPENERS, Context, completion_context
from nova.ide.fit import fitness
from nova.ide.hover import print_scheme, print_type, print_type_within
from nova.ide.imports import add_import, import_item
from nova.ide.model import CompletionItem, CompletionResult, Pos, Target
from nova.ide.occurrences import bare
from nova.ide.scopes import Local, locals_at
from nova.ide.source import ModuleSource, Workspace

HOLE_NAME = "novaCompletion"
HOLE = f"?{HOLE_NAME}"
UNIMPORTED_LIMIT = 60

GROUP_LOCAL, GROUP_SCOPE, GROUP_UNIMPORTED, GROUP_KEYWORD = 0, 1, 2, 3

EXPRESSION_KEYWORDS = ("case", "of", "let", "in", "if", "then", "else", "do", "ado", "where", "true", "false")
TOP_LEVEL_KEYWORDS = ("import", "data", "type", "newtype", "class", "instance", "derive", "foreign", "infixl",
                      "infixr", "infix", "module")
SNIPPETS = (
    ("case", "case … of", "case ${1:expression} of\n  ${2:pattern} -> ${0}"),
    ("if", "if … then … else", "if ${1:condition} then ${2:yes} else ${0:no}"),
    ("do", "do block", "do\n  ${0}"),
    ("let", "let … in", "let ${1:name} = ${2:value} in ${0}"),
    ("\\", "lambda", "\\\\${1:x} -> ${0}"),
)


@dataclass(frozen=True, slots=True)
class Plan:
    """`probe` is the text to check (None: no check needed); `probe_span` where to look in its typed tree; `look`
    says what to look for there: "hole" (the hole's type and locals) or "node" (the type of the node spanning
    exactly `probe_span`)."""

    context: Context
    probe: str | None = None
    probe_span: Span | None = None
    look: str = ""


def replace_text(text: str, span: Span, new_text: str) -> str:
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[:span.start_line]) + span.start_col
    end = sum(len(line) + 1 for line in lines[:span.end_line]) + span.end_col
    return text[:start] + new_text + text[end:]


def _closers(context: Context) -> str:
    """Closing brackets for the brackets left open before the cursor (a probe of a line typed half-way)."""
    stack: list[str] = []
    for token in context.tokens:
        if token.kind in OPENERS:
            stack.append(OPENERS[token.kind])
        elif token.kind in (")", "]", "}") and stack:
            stack.pop()
    return "".join(reversed(stack))


def _matching_close(text: str, span_end: Span) -> Span:
    """Extend a `{`-to-cursor span through the `}` closing it, when one follows on the same or next lines."""
    lines = text.split("\n")
    depth, line, col = 1, span_end.end_line, span_end.end_col
    limit = min(len(lines), line + 50)
    while line < limit:
        row = lines[line]
        while col < len(row):
            char = row[col]
            if char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
                if depth == 0:
                    return Span(span_end.start_line, span_end.start_col, line, col + 1)
            col += 1
        line, col = line + 1, 0
    return span_end


def plan(text: str, line: int, col: int) -> Plan:
    context = completion_context(text, line, col)
    if context.kind == "expression":
        hole = context.replace
        rest = text.split("\n")[line][col:] if line < text.count("\n") + 1 else ""
        filler = HOLE + (_closers(context) if not rest.strip() else "")
        return Plan(context, replace_text(text, hole, filler), Span(hole.start_line, hole.start_col, hole.start_line,
                                                                   hole.start_col + len(HOLE)), "hole")
    if context.kind == "field" and context.atom is not None:
        dot = Span(context.atom.end_line, context.atom.end_col, context.replace.end_line, context.replace.end_col)
        return Plan(context, replace_text(text, dot, ""), context.atom, "node")
    if context.kind == "label" and context.braces is not None:
        braces = _matching_close(text, context.braces)
        if braces.end_line == braces.start_line and PATTERN_AFTER.match(text.split("\n")[braces.end_line][
                braces.end_col:]):  # a record pattern: a wildcard takes its place, typed by what it matches
            where = Span(braces.start_line, braces.start_col, braces.start_line, braces.start_col + 1)
            return Plan(context, replace_text(text, braces, "_"), where, "node")
        if context.atom is not None:
            cut = Span(context.atom.end_line, context.atom.end_col, braces.end_line, braces.end_col)
            return Plan(context, replace_text(text, cut, ""), context.atom, "node")
        where = Span(braces.start_line, braces.start_col, braces.start_line, braces.start_col + len(HOLE))
        return Plan(context, replace_text(text, braces, HOLE), where, "hole")
    return Plan(context)


PATTERN_AFTER = re.compile(r"[\w'\s]*(?:=|->|<-)(?![=>-])")
"""What follows a record pattern's `}` on its line: more parameters, then `=`, `->` or `<-` (a function's clause, a
case branch or lambda, a do bind)."""


# ------------------------------------------------------------------------------------------------- lookups
def _hole_node(src: ModuleSource, span: Span) -> tuple[Any, Any] | None:
    """(element, hole node) of the probe's typed hole."""
    hit = query.element_at(src.elements, span.start_line, span.start_col)
    if hit is None:
        return None
    for node in query.nodes_at(hit[1], span.start_line, span.start_col):
        if isinstance(node, T.EError) and node.span == span:
            return hit[1], node
    return None


def _node_type(src: ModuleSource, span: Span) -> Any:
    hit = query.element_at(src.elements, span.start_line, span.start_col)
    if hit is None:
        return None
    best = None
    for node in query.nodes_at(hit[1], span.end_line, span.end_col):
        if query.span_of(node) == span and query.type_of(node) is not None and not isinstance(node, T.EError):
            best = node
    return query.type_of(best) if best is not None else None


def record_fields(type_: Any) -> list[tuple[str, Any]]:
    """The labels of a record type (`{ a :: Int | r }`, `Record (a :: Int)`), sorted."""
    from nova.types.types import T_RECORD, TApp, TRow, prune
    from nova.types.unify import flatten_row

    t = prune(type_) if type_ is not None else None
    if isinstance(t, TApp) and prune(t.fn) == T_RECORD:
        row = prune(t.arg)
        if isinstance(row, TRow):
            fields, _ = flatten_row(row)
            return sorted({label: ft for label, ft in fields}.items())
    return []


# ------------------------------------------------------------------------------------------------- items
class _Items:
    def __init__(self, replace: Span, word: str) -> None:
        self.replace = replace
        self.word = word
        self.items: dict[tuple[str, str], CompletionItem] = {}

    def add(self, item: CompletionItem) -> None:
        key = (item.label, item.kind if item.kind in ("keyword", "snippet") else "")
        current = self.items.get(key)
        if current is None or item.rank < current.rank:
            self.items[key] = item


def _value_kind(key: str, element: Any) -> str:
    kind = getattr(element, "kind", None)
    if kind == "constructor" or (kind is None and key[:1].isupper()):
        return "constructor"
    if kind == "method":
        return "method"
    scheme = getattr(element, "scheme", None)
    from nova.types.types import TFun

    if scheme is not None and isinstance(scheme.type, TFun):
        return "function"
    return "value"


def _is_identifier(name: str) -> bool:
    return bool(name) and (name[0].isalpha() or name[0] == "_")


def _scheme_of(view: Any, target: Target) -> Any:
    element = view.element(*target)
    return view.scheme(*target) or getattr(element, "scheme", None)


def complete(workspace: Workspace, current: ModuleSource | None, planned: Plan, probe: ModuleSource | None = None,
             to_good: Callable[[Pos], Pos | None] | None = None) -> CompletionResult:
    context = planned.context
    view = workspace.view
    items = _Items(context.replace, context.word)
    incomplete = False
    scope_src = probe if probe is not None and probe.checked is not None else current
    if context.kind == "none":
        return CompletionResult([])
    if context.kind == "import-module":
        own = current.name if current is not None else None
        for module in sorted(view.modules()):
            if module != own and module.startswith(context.word):
                items.add(CompletionItem(module, "module", context.replace, GROUP_SCOPE))
    elif context.kind == "import-item" and context.module is not None:
        _import_items(view, context, items)
    elif context.kind == "qualified" and context.qualifier is not None and scope_src is not None:
        incomplete = _qualified(workspace, scope_src, context, items)
    elif context.kind == "field":
        type_ = _planned_type(planned, probe, current, to_good)
        for label, field_type in record_fields(type_):
            items.add(CompletionItem(label, "field", context.replace, GROUP_LOCAL, print_type(field_type)))
    elif context.kind == "label":
        type_ = _planned_type(planned, probe, current, to_good)
        if not record_fields(type_) and current is not None and to_good is not None:
            type_ = _enclosing_record_type(current, context, to_good)
        for label, field_type in record_fields(type_):
            if label not in context.present:
                items.add(CompletionItem(label, "field", context.replace, GROUP_LOCAL, print_type(field_type)))
    elif context.kind == "type" and scope_src is not None:
        incomplete = _types(workspace, scope_src, context, items)
    elif context.kind == "expression" and scope_src is not None:
        incomplete = _expression(workspace, scope_src, current, planned, probe, to_good, items)
    ordered = sorted(items.items.values(), key=lambda i: (i.rank, i.label.lower(), i.label))
    return CompletionResult(ordered, incomplete, edits_in_good_text=scope_src is not probe)


def _planned_type(planned: Plan, probe: ModuleSource | None, current: ModuleSource | None,
                  to_good: Callable[[Pos], Pos | None] | None) -> Any:
    span = planned.probe_span
    if span is None:
        return None
    if current is not None and to_good is not None and planned.look == "node":
        start, end = to_good((span.start_line, span.start_col)), to_good((span.end_line, span.end_col))
        if start is not None and end is not None:
            found = _node_type(current, Span(*start, *end))
            if record_fields(found):
                return found
    if probe is None:
        return None
    if planned.look == "node":
        return _node_type(probe, span)
    hole = _hole_node(probe, span)
    return query.type_of(hole[1]) if hole is not None else None


def _enclosing_record_type(current: ModuleSource, context: Context, to_good: Callable[[Pos], Pos | None]) -> Any:
    """A record pattern or literal already in the last good tree around the cursor: its type."""
    braces = context.braces
    if braces is None:
        return None
    start = to_good((braces.start_line, braces.start_col))
    if start is None:
        return None
    hit = query.element_at(current.elements, *start)
    if hit is None:
        return None
    for node in reversed(query.nodes_at(hit[1], *start)):
        if isinstance(node, T.PRecord | T.ERecord | T.EUpdate) and query.span_of(node) is not None and (
                node.span.start_line, node.span.start_col) == start:
            return node.type
    return None


def _import_items(view: Any, context: Context, items: _Items) -> None:
    from nova.check.scope import env_of

    env = env_of(view, context.module or "")
    if env is None:
        return
    for name, ref in env.values.items():
        if _is_identifier(name) and not name[:1].isupper():
            items.add(CompletionItem(name, _value_kind(ref[1], view.element(*ref)), context.replace, GROUP_SCOPE,
                                     _detail(view, ref), ref[0], target=ref))
        elif not _is_identifier(name):
            items.add(CompletionItem(f"({name})", "operator", context.replace, GROUP_SCOPE, _detail(view, ref),
                                     ref[0], target=ref, filter_text=name))
    for name, ref in env.types.items():
        members = env.type_members.get(name, ())
        items.add(CompletionItem(name, "type", context.replace, GROUP_SCOPE, "type", ref[0], target=ref))
        if members:
            items.add(CompletionItem(f"{name}(..)", "type", context.replace, GROUP_SCOPE,
                                     " | ".join(members), ref[0], target=ref, filter_text=name))
    for name, ref in env.classes.items():
        items.add(CompletionItem(f"class {name}", "class", context.replace, GROUP_SCOPE, "class", ref[0],
                                 target=ref, filter_text=name))


def _detail(view: Any, target: Target) -> str | None:
    scheme = _scheme_of(view, target)
    if scheme is None or keys.namespace_of(target[1]) in ("type", "class"):
        return None
    return print_scheme(scheme)


def _qualified(workspace: Workspace, src: ModuleSource, context: Context, items: _Items) -> bool:
    view = workspace.view
    scope = src.scope(view)
    prefix = f"{context.qualifier}."
    found = False
    for table, kind in ((scope.values, "value"), (scope.types, "type"), (scope.classes, "class")):
        for full, refs in table.items():
            if not full.startswith(prefix) or not refs:
                continue
            name = full[len(prefix):]
            if "." in name and _is_identifier(name):
                continue
            ref = min(refs)
            found = True
            if kind == "value":
                if not _is_identifier(name):
                    continue
                items.add(CompletionItem(name, _value_kind(ref[1], view.element(*ref)), context.replace,
                                         GROUP_SCOPE, _detail(view, ref), ref[0], target=ref))
            else:
                items.add(CompletionItem(name, kind, context.replace, GROUP_SCOPE, kind, ref[0], target=ref))
    if found:
        return False
    # no import answers to this qualifier: modules that could, each with the import to add
    from nova.check.scope import env_of

    qualifier = context.qualifier or ""
    for module in sorted(view.modules()):
        if module != qualifier and module.rsplit(".", 1)[-1] != qualifier:
            continue
        env = env_of(view, module)
        if env is None:
            continue
        edits = tuple(add_import(src, module, None, alias=qualifier if module != qualifier else None))
        for name, ref in env.values.items():
            if _is_identifier(name):
                items.add(CompletionItem(name, _value_kind(ref[1], view.element(*ref)), context.replace,
                                         GROUP_UNIMPORTED, _detail(view, ref), module, additional_edits=edits,
                                         target=ref))
    return False


def _types(workspace: Workspace, src: ModuleSource, context: Context, items: _Items) -> bool:
    from nova.check.base import PRIM_TYPE_INFOS

    view = workspace.view
    scope = src.scope(view)
    for key in src.elements:
        if keys.is_type_key(key) and _is_identifier(bare(key)):
            items.add(CompletionItem(bare(key), "type", context.replace, GROUP_SCOPE, "type", src.name,
                                     target=(src.name, key)))
        elif keys.is_class_key(key):
            items.add(CompletionItem(bare(key), "class", context.replace, GROUP_SCOPE, "class", src.name,
                                     target=(src.name, key)))
    for name in PRIM_TYPE_INFOS:
        items.add(CompletionItem(name, "type", context.replace, GROUP_SCOPE, "type", "Prim"))
    for table, kind in ((scope.types, "type"), (scope.classes, "class")):
        for name, refs in table.items():
            if "." not in name and refs and _is_identifier(name):
                ref = min(refs)
                items.add(CompletionItem(name, kind, context.replace, GROUP_SCOPE, kind, ref[0], target=ref))
    visible = {i.label for i in items.items.values()}
    return _unimported(workspace, src, context, items, ("types", "classes"), visible)


def _unimported(workspace: Workspace, src: ModuleSource, context: Context, items: _Items,
                tables: Iterable[str], visible: set[str]) -> bool:
    """Names of modules not imported (or imported without them) that start with the word typed, each with the
    edit adding its import. Without a word typed there would be thousands: none are offered until one is."""
    from nova.check.scope import env_of

    word = context.word.lower()
    if not word:
        return True
    view = workspace.view
    scope = src.scope(view)
    imported_open = {m for m in scope.imported_modules}
    offered = 0
    truncated = False
    seen: set[Target] = set()
    for module in sorted(view.modules()):
        if module == src.name or module.startswith("Prim"):
            continue
        env = env_of(view, module)
        if env is None:
            continue
        for table in tables:
            for name, ref in getattr(env, table).items():
                if not _is_identifier(name) or not name.lower().startswith(word) or name in visible:
                    continue
                target = (ref[0], ref[1] if table != "classes" or keys.is_class_key(ref[1]) else keys.class_key(ref[1]))
                if target in seen:
                    continue
                if target[0] != module and target[0] in view.modules() and target[0] not in imported_open:
                    continue  # a re-export: offered from the defining module
                seen.add(target)
                if offered >= UNIMPORTED_LIMIT:
                    truncated = True
                    break
                offered += 1
                kind = {"values": _value_kind(target[1], view.element(*target)), "types": "type",
                        "classes": "class"}[table]
                edits = tuple(add_import(src, module, import_item(view, target)))
                items.add(CompletionItem(name, kind, context.replace, GROUP_UNIMPORTED * 3 + 2,
                                         _detail(view, target) if table == "values" else kind, module,
                                         additional_edits=edits, target=target))
    del truncated
    return True  # filtered by the word: the client must ask again as it grows


def _expression(workspace: Workspace, src: ModuleSource, current: ModuleSource | None, planned: Plan,
                probe: ModuleSource | None, to_good: Callable[[Pos], Pos | None] | None, items: _Items) -> bool:
    view = workspace.view
    context = planned.context
    expected: Any = None
    local_vars: list[Local] = []
    outer: Any = None  # the scheme of the declaration the locals are in: their types' variables are its own
    hole = _hole_node(probe, planned.probe_span) if probe is not None and planned.probe_span is not None else None
    if hole is not None:
        element, node = hole
        expected = node.type
        local_vars = locals_at(element, node.span.start_line, node.span.start_col)
        outer = getattr(element, "scheme", None)
    elif current is not None and to_good is not None:
        at = to_good((context.replace.start_line, context.replace.start_col))
        hit = query.element_at(current.elements, *at) if at is not None else None
        if hit is not None and at is not None:
            local_vars = locals_at(hit[1], *at)
            outer = getattr(hit[1], "scheme", None)
    for local in local_vars:
        # named within the declaration, as hover names them (not lettered afresh for each item)
        items.add(CompletionItem(local.name, "variable", context.replace,
                                 GROUP_LOCAL * 3 + fitness(local.type, expected),
                                 print_type_within(local.type, outer)))
    locals_named = {v.name for v in local_vars}
    for key, element in src.elements.items():
        kind = getattr(element, "kind", "")
        if ":" in key or kind in ("instance",) or not _is_identifier(key) or key in locals_named:
            continue
        scheme = _scheme_of(view, (src.name, key)) or getattr(element, "scheme", None)
        items.add(CompletionItem(key, _value_kind(key, element), context.replace,
                                 GROUP_SCOPE * 3 + fitness(getattr(scheme, "type", None), expected),
                                 print_scheme(scheme) if scheme is not None else None, src.name,
                                 target=(src.name, key)))
    scope = src.scope(view)
    for name, refs in scope.values.items():
        if not refs or "." in name or not _is_identifier(name) or name in locals_named:
            continue
        ref = min(refs)
        scheme = _scheme_of(view, ref)
        items.add(CompletionItem(name, _value_kind(ref[1], view.element(*ref)), context.replace,
                                 GROUP_SCOPE * 3 + fitness(getattr(scheme, "type", None), expected),
                                 print_scheme(scheme) if scheme is not None else None, ref[0], target=ref))
    visible = {i.label for i in items.items.values()}
    incomplete = _unimported(workspace, src, context, items, ("values",), visible)
    at_top = context.replace.start_col == 0
    for word in TOP_LEVEL_KEYWORDS if at_top else EXPRESSION_KEYWORDS:
        items.add(CompletionItem(word, "keyword", context.replace, GROUP_KEYWORD * 3))
    if not at_top:
        for label, detail, body in SNIPPETS:
            items.add(CompletionItem(label, "snippet", context.replace, GROUP_KEYWORD * 3 + 1, detail,
                                     snippet=body, filter_text=label))
    return incomplete
