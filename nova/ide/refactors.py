"""Refactors at the cursor: make an open import explicit, qualify or unqualify a name, extract the selected
expression to a `where` (or `let`) binding, inline a local or top-level binding.

Each is offered only where the result keeps meaning what the code meant: a name is unqualified only when the bare
name resolves to the same element there, an expression is extracted only when every local it uses is visible to
the `where` bindings, a binding is inlined only when every name of its body means the same at each use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from nova import keys, query
from nova.check import typed as T
from nova.diagnostics import Span
from nova.ide.imports import add_import, import_item
from nova.ide.locate import name_part
from nova.ide.model import CodeAction, SourceChange, Target
from nova.ide.scopes import locals_at
from nova.ide.source import ModuleSource, Workspace
from nova.ide.typed_walk import syntax_children
from nova.syntax import ast


def refactors(workspace: Workspace, src: ModuleSource, span: Span, hit: tuple[str, Any] | None
              ) -> Iterator[CodeAction]:
    """The refactors offered for a range; `hit` is the top-level element at its start (None: none there)."""
    yield from explicit_import(workspace, src, span)
    if hit is None:
        return
    yield from qualify(workspace, src, hit[1], span)
    yield from inline_binding(src, hit[1], span)
    yield from inline_top_level(workspace, src, hit, span)
    if (span.start_line, span.start_col) != (span.end_line, span.end_col):
        yield from extract_binding(workspace, src, hit[1], span)


PATHS_KEPT = 8
_PATHS: dict[tuple[int, int, int], tuple[Any, list[Any]]] = {}


def nodes_at(element: Any, line: int, col: int) -> list[Any]:
    """`query.nodes_at`, kept for the last positions: one code action request asks each refactor and the
    signature action about the same position of the same element. The element is held with its path, so its id
    is not reused while cached; typed trees are not changed once checked."""
    key = (id(element), line, col)
    cached = _PATHS.get(key)
    if cached is not None and cached[0] is element:
        return cached[1]
    path = query.nodes_at(element, line, col)
    if len(_PATHS) >= PATHS_KEPT:
        _PATHS.pop(next(iter(_PATHS)))
    _PATHS[key] = (element, path)
    return path


def _within(outer: Span, inner: Span) -> bool:
    return (outer.start_line, outer.start_col) <= (inner.start_line, inner.start_col) and (
        inner.end_line, inner.end_col) <= (outer.end_line, outer.end_col)


# ------------------------------------------------------------------------------------------------- imports
def explicit_import(workspace: Workspace, src: ModuleSource, span: Span) -> Iterator[CodeAction]:
    """On an open import (`import Data.Maybe`, `import Data.Map as M`): list the names the module uses from it."""
    from nova.check.scope import env_of
    from nova.ide.code_actions import used_targets

    header = src.header()
    imp = next((i for i in header.imports if i.span.contains(span.start_line, span.start_col)), None)
    if imp is None or imp.items is not None or imp.hiding:
        return
    view = workspace.view
    env = env_of(view, imp.module)
    if env is None:
        return
    provided: set[Target] = set()
    for table in ("values", "types"):
        for ref in getattr(env, table).values():
            provided.add((ref[0], ref[1]))
    class_keys = {(ref[0], ref[1] if keys.is_class_key(ref[1]) else keys.class_key(ref[1])): name
                  for name, ref in env.classes.items()}
    items: set[str] = set()
    for target in used_targets(src, view):
        if target in class_keys:
            items.add(f"class {class_keys[target]}")
        elif target in provided:
            items.add(import_item(view, target))
    items -= {item[:-4] for item in items if item.endswith("(..)")}
    shown = ", ".join(sorted(items, key=lambda i: (i.startswith("class "), i.lower())))
    change = SourceChange()
    end = imp.module_span
    change.add(src.name, Span(end.end_line, end.end_col, end.end_line, end.end_col), f" ({shown})")
    yield CodeAction(f"Make the import of {imp.module} explicit", "refactor.rewrite", change)


# ------------------------------------------------------------------------------------------------- qualifiers
def _reference_at(element: Any, line: int, col: int) -> T.EVar | None:
    for node in reversed(nodes_at(element, line, col)):
        if isinstance(node, T.EVar) and node.target is not None:
            return node
        if isinstance(node, T.EVar | T.EApp):
            return None
    return None


def qualify(workspace: Workspace, src: ModuleSource, element: Any, span: Span) -> Iterator[CodeAction]:
    """On a reference to another module's value or type: write it with an alias the module imports it under, or
    without its qualifier when the bare name means the same element there (importing it if nothing else has the
    name)."""
    node = _reference_at(element, span.start_line, span.start_col)
    if node is not None and node.target is not None:
        if any(local.name == node.name.rsplit(".", 1)[-1]
               for local in locals_at(element, node.span.start_line, node.span.start_col)):
            return
        yield from _requalify(workspace, src, node.span, (node.target[0], node.target[1]), "values")
        return
    from nova.ide.locate import declaration_at, resolve_syntax_name, syntax_names

    line = src.line(span.start_line)
    words = [m for m in re.finditer(r"[\w.']+", line) if m.start() <= span.start_col <= m.end()]
    if not words or not words[0].group().rsplit(".", 1)[-1][:1].isupper():
        return  # no capitalised name at the cursor: no type to look up in the syntax tree
    decl = declaration_at(src.syntax(), span.start_line, span.start_col)
    for found in syntax_names(decl) if decl is not None else ():
        if found.namespace == "type" and found.span.contains(span.start_line, span.start_col):
            target = resolve_syntax_name(src, workspace.view, found)
            if target is not None:
                yield from _requalify(workspace, src, found.span, target, "types")
            return


def _requalify(workspace: Workspace, src: ModuleSource, at: Span, target: Target, table: str
               ) -> Iterator[CodeAction]:
    if target[0] == src.name or at.start_line != at.end_line:
        return
    written = src.text_of(at)
    start, end = name_part(written)
    name = written[start:end]
    if not name[:1].isalpha() or end != len(written) or written[:1] in "(`":
        return  # an operator, or a name in backticks or parentheses
    scope = src.scope(workspace.view)
    names = getattr(scope, table)
    qualifier = written[:start].rstrip(".")
    if not qualifier:
        for alias in sorted(scope.qualifiers):
            if target in {(r[0], r[1]) for r in names.get(f"{alias}.{name}", ())}:
                change = SourceChange()
                change.add(src.name, at, f"{alias}.{name}")
                yield CodeAction(f"Qualify as `{alias}.{name}`", "refactor.rewrite", change)
        return
    bare = {(r[0], r[1]) for r in names.get(name, ())}
    change = SourceChange()
    change.add(src.name, at, name)
    if not bare and not any(k.rsplit(":", 1)[-1] == name for k in src.elements):
        modules = sorted(scope.qualifiers.get(qualifier, ()))
        if len(modules) != 1:
            return
        for edit in add_import(src, modules[0], import_item(workspace.view, target)):
            change.add(src.name, edit.span, edit.new_text)
    elif bare != {target}:
        return
    yield CodeAction(f"Unqualify `{qualifier}.{name}`", "refactor.rewrite", change)


# ------------------------------------------------------------------------------------------------- extract
OPERATOR_CHARS = frozenset(":!#$%&*+./<=>?@\\^|~-")
EXPRESSIONS = (T.EVar, T.ELit, T.EApp, T.ELam, T.EIf, T.ECase, T.EArray, T.ERecord, T.EAccess, T.EUpdate, T.ELet)


def _trimmed(src: ModuleSource, span: Span) -> Span:
    """The selection without the blanks (line breaks included) at its ends."""
    line, col = span.start_line, span.start_col
    while (line, col) < (span.end_line, span.end_col):
        text = src.line(line)
        if col < len(text) and not text[col].isspace():
            break
        line, col = (line + 1, 0) if col >= len(text) else (line, col + 1)
    end_line, end_col = span.end_line, span.end_col
    while (line, col) < (end_line, end_col):
        if end_col == 0:
            end_line -= 1
            end_col = len(src.line(end_line))
        elif src.line(end_line)[end_col - 1].isspace():
            end_col -= 1
        else:
            break
    return Span(line, col, end_line, end_col)


def _placed(src: ModuleSource, wanted: Span, column: int, floor: int) -> str | None:
    """The selected text as the right-hand side of a binding whose expression starts at `column`: its lines after
    the first moved by as many columns as the first, so the layout inside keeps its shape; None when a moved line
    would not stay right of `floor` (the binding's own column, where the block it is in would end)."""
    text = src.text_of(wanted)
    if wanted.start_line == wanted.end_line:
        return text
    shift = column - wanted.start_col
    lines = text.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        if not line.strip():
            out.append("")
            continue
        indent = len(line) - len(line.lstrip())
        if indent + shift <= floor:
            return None
        out.append(" " * (indent + shift) + line.lstrip())
    return "\n".join(out)


def _fresh(src: ModuleSource, base: str) -> str:
    for suffix in ("", *map(str, range(1, 100))):
        name = base + suffix
        if name not in src.text or not re.search(rf"(?<![\w'.]){re.escape(name)}(?![\w'])", src.text):
            return name
    return base + "_"


def extract_binding(workspace: Workspace, src: ModuleSource, element: Any, span: Span) -> Iterator[CodeAction]:
    """The selected expression (on one line) becomes a `where` binding of the clause around it when every local
    variable it uses is bound by that clause's parameters or outside the clause; otherwise (it uses a lambda's
    parameter, a case branch's pattern) a `let` around the innermost one-line body that sees all of them."""
    wanted = _trimmed(src, span)
    inner = wanted
    if src.text_of(wanted)[:1] == "(" and src.text_of(wanted)[-1:] == ")":  # (no node of its own)
        inner = _trimmed(src, Span(wanted.start_line, wanted.start_col + 1, wanted.end_line, wanted.end_col - 1))
    path = nodes_at(element, inner.start_line, inner.start_col)
    expr = next((n for n in path if isinstance(n, EXPRESSIONS) and n.span in (wanted, inner)), None)
    clause = next((n for n in reversed(path) if isinstance(n, T.Clause) and _within(n.span, wanted)), None)
    if expr is None or clause is None or isinstance(expr, T.EVar):
        return  # (a name alone is not worth a binding; some, `unsafePartial`, lose their type in one)
    text = src.text_of(wanted)
    if not _whole_expression(text) or any(isinstance(n, T.GCond) and n.expr.span == wanted for n in path):
        return  # not an expression by itself (`a *` of `a * b`, a `do` statement), or a guard (`otherwise`)
    from nova.ide.labels import label_uses

    if any(u.pun and u.span == wanted for u in label_uses(src, text, within=wanted)):
        return  # a punned record field (`{ name }`)
    binders = [b for node in query.iter_nodes(expr) if isinstance(b := getattr(node, "binder", None), Span)]
    allowed = [p.span for p in clause.params] + [b.span for b in clause.rhs.where]
    name = _fresh(src, "extracted")
    if not all(not _within(clause.span, b) or any(_within(a, b) for a in allowed) for b in binders):
        local = [b for b in binders if _within(clause.span, b) and not any(_within(a, b) for a in allowed)]
        found = list(_extract_to_do_let(src, wanted, local, name))
        yield from found or _extract_to_let(src, path, wanted, binders, name, text)
        return
    change = SourceChange()
    change.add(src.name, wanted, name)
    if clause.rhs.where:
        last = clause.rhs.where[-1].span
        column = clause.rhs.where[0].span.start_col
        placed = _placed(src, wanted, column + len(name) + 3, column)
        end = last.end_line
        if placed is None:
            return
        change.add(src.name, Span(end, len(src.line(end)), end, len(src.line(end))),
                   f"\n{' ' * column}{name} = {placed}")
    else:
        end = clause.span.end_line
        line = src.line(end)
        if line[clause.span.end_col:].strip():
            return
        base = len(src.line(clause.span.start_line)) - len(src.line(clause.span.start_line).lstrip())
        column = max(base, clause.span.start_col) + 4
        placed = _placed(src, wanted, column + len(name) + 3, column)
        if placed is None:
            return
        indent = " " * (column - 2)
        change.add(src.name, Span(end, len(line), end, len(line)),
                   f"\n{indent}where\n{indent}  {name} = {placed}")
    yield CodeAction(f"Extract `{_short(text)}` to a where binding", "refactor.extract", change)


def _extract_to_do_let(src: ModuleSource, wanted: Span, local: list[Span], name: str) -> Iterator[CodeAction]:
    """A `let name = <selection>` statement put before the statement of the innermost `do` block holding the
    selection, when every local it uses is bound before that statement (by earlier statements or outside)."""
    from nova.ide.locate import declaration_at

    decl = declaration_at(src.syntax(), wanted.start_line, wanted.start_col)
    statement: Any = None
    stack: list[Any] = [decl] if decl is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Do):
            for candidate in node.statements:
                if _within(candidate.span, wanted):
                    statement = candidate
        span = getattr(node, "span", None)
        if span is None or (isinstance(span, Span) and _within(span, wanted)):
            stack.extend(syntax_children(node))
    if statement is None or any(_within(statement.span, b) for b in local):
        return
    at = statement.span
    if src.line(at.start_line)[:at.start_col].strip():
        return  # the statement shares its line with `do`
    placed = _placed(src, wanted, at.start_col + 4 + len(name) + 3, at.start_col + 4)
    if placed is None:
        return
    change = SourceChange()
    change.add(src.name, Span(at.start_line, 0, at.start_line, 0), f"{' ' * at.start_col}let {name} = {placed}\n")
    change.add(src.name, wanted, name)
    text = src.text_of(wanted)
    yield CodeAction(f"Extract `{_short(text)}` to a let statement", "refactor.extract", change)


def _whole_expression(text: str) -> bool:
    """Whether the text parses by itself as an expression (what a binding's right-hand side can be)."""
    from nova.syntax import parse_module

    if text[:1] in OPERATOR_CHARS or text[-1:] in OPERATOR_CHARS or "`" in text[:1] + text[-1:]:
        return False
    parsed = parse_module(f"module M where\nx = {text}\n")
    return not parsed.diagnostics and len(parsed.module.decls) == 1


def _extract_to_let(src: ModuleSource, path: list[Any], wanted: Span, binders: list[Span], name: str,
                    text: str) -> Iterator[CodeAction]:
    """`let name = <selection> in` put before the innermost body (a lambda's, a case branch's) on one line that
    contains the selection and sees every local it uses."""
    bodies: list[Any] = []
    for node in path:
        if isinstance(node, T.ELam) and src.text_of(node.span).startswith("\\"):  # not a desugared `do`
            bodies.append(node.body)
        elif isinstance(node, T.Branch) and not node.guards:
            bodies.append(node.expr)
    if wanted.start_line != wanted.end_line:
        return  # (`let … in` is written on the body's line)
    for body in reversed(bodies):
        at = body.span
        if not _within(at, wanted) or at.start_line != at.end_line or src.text_of(at).startswith("let "):
            continue
        if any(_within(at, b) for b in binders):
            return  # a local of the selection is bound inside this body
        # one edit from the body's start to the selection's end (an insertion at the selection's own start
        # would be ambiguous)
        before = src.text_of(Span(at.start_line, at.start_col, wanted.start_line, wanted.start_col))
        change = SourceChange()
        change.add(src.name, Span(at.start_line, at.start_col, wanted.end_line, wanted.end_col),
                   f"let {name} = {text} in {before}{name}")
        yield CodeAction(f"Extract `{_short(text)}` to a let binding", "refactor.extract", change)
        return


def _short(text: str) -> str:
    """The text for a title: on one line, cut at 30 characters."""
    text = " ".join(text.split())
    return text if len(text) <= 30 else text[:29] + "…"


# ------------------------------------------------------------------------------------------------- inline
ATOMIC = (T.EVar, T.ELit, T.EArray, T.ERecord)


def _local_binding(element: Any, line: int, col: int) -> tuple[T.Binding, Any] | None:
    """The local binding named at the position (its name or a use), with the node holding it (ELet or Rhs)."""
    path = nodes_at(element, line, col)
    binder: Span | None = None
    for node in reversed(path):
        if isinstance(node, T.EVar):
            binder = node.binder
            break
        if isinstance(node, T.Binding) and node.name_span.contains(line, col):
            binder = node.name_span
            break
    if binder is None:
        return None
    for node in query.iter_nodes(element):
        bindings: tuple[T.Binding, ...] = ()
        if isinstance(node, T.ELet):
            bindings = node.bindings
        elif isinstance(node, T.Rhs):
            bindings = node.where
        for binding in bindings:
            if binding.name_span == binder and binding.pattern is None:
                return binding, node
    return None


def inline_binding(src: ModuleSource, element: Any, span: Span) -> Iterator[CodeAction]:
    """A local `name = expr` (no parameters, guards or `where`, on one line) replaced by its expression at every
    use and removed, when each name the expression uses means the same at every use."""
    found = _local_binding(element, span.start_line, span.start_col)
    if found is None:
        return
    binding, holder = found
    if len(binding.clauses) != 1 or binding.clauses[0].params or binding.clauses[0].rhs.where:
        return
    rhs = binding.clauses[0].rhs
    if len(rhs.branches) != 1 or rhs.branches[0].guards:
        return
    expr = rhs.branches[0].expr
    if expr.span.start_line != expr.span.end_line:
        return
    names: list[tuple[str, Span | None]] = []
    for node in query.iter_nodes(expr):
        if isinstance(node, T.EVar):
            if node.binder == binding.name_span:
                return  # recursive
            if node.binder is not None or "." not in src.text_of(node.span):
                names.append((node.name, node.binder))
    uses = query.local_uses(element, binding.name_span)
    text = src.text_of(expr.span)
    shown = text if isinstance(expr, ATOMIC) or (text.startswith("(") and text.endswith(")")) else f"({text})"
    from nova.ide.labels import label_uses

    puns = {u.span for u in label_uses(src, binding.name, within=query.span_of(element)) if u.pun}
    change = SourceChange()
    for use in uses:
        visible = {local.name: local.binder for local in locals_at(element, use.start_line, use.start_col)}
        for name, binder in names:
            if name in visible and visible[name] != binder:
                return  # shadowed at this use
        change.add(src.name, use, f"{binding.name}: {shown}" if use in puns else shown)
    removal = _removal(src, binding, holder)
    if removal is None:
        return
    change.add(src.name, removal, "")
    yield CodeAction(f"Inline `{binding.name}`", "refactor.inline", change)


def _removal(src: ModuleSource, binding: T.Binding, holder: Any) -> Span | None:
    """What to delete so the binding is gone: its own lines, or the whole `let … in` / `where` when it is the
    only binding there."""
    at = binding.span
    own_lines = not src.line(at.start_line)[:at.start_col].strip() and not src.line(at.end_line)[at.end_col:].strip()
    if isinstance(holder, T.ELet):
        if len(holder.bindings) > 1:
            return _whole_lines(src, at) if own_lines else None
        body = holder.body.span
        between = src.text_of(Span(at.end_line, at.end_col, body.start_line, body.start_col))
        if re.search(r"(?<![\w'])in(?![\w'])", between) and not _in_ado(src, holder.span):  # `let … in body`
            return Span(holder.span.start_line, holder.span.start_col, body.start_line, body.start_col)
        # a `let` statement of a `do`/`ado` block: its lines go
        start = holder.span
        if src.line(start.start_line)[:start.start_col].strip() or src.line(at.end_line)[at.end_col:].strip():
            return None
        return _whole_lines(src, Span(start.start_line, start.start_col, at.end_line, at.end_col))
    if len(holder.where) > 1:
        return _whole_lines(src, at) if own_lines else None
    keyword = _where_before(src, at)
    if keyword is None:
        return None
    line, col = keyword
    before = src.line(line)[:col]
    if not before.strip():
        above = line - 1
        return Span(above, len(src.line(above)), at.end_line, len(src.line(at.end_line)))
    return Span(line, len(before.rstrip()), at.end_line, len(src.line(at.end_line)))


def _in_ado(src: ModuleSource, at: Span) -> bool:
    """Whether the `let` at `at` is a statement of an `ado` block (whose `in` is the block's, not the let's): the
    nearest line above indented less than it opens with `ado`."""
    indent = at.start_col
    for number in range(at.start_line - 1, max(-1, at.start_line - 200), -1):
        line = src.line(number)
        if line.strip() and len(line) - len(line.lstrip()) < indent:
            return re.search(r"(?<![\w'])ado\s*$", line) is not None
    return False


def _whole_lines(src: ModuleSource, span: Span) -> Span:
    above = span.start_line - 1
    return Span(above, len(src.line(above)), span.end_line, len(src.line(span.end_line)))


def _where_before(src: ModuleSource, at: Span) -> tuple[int, int] | None:
    for number in range(at.start_line, max(-1, at.start_line - 20), -1):
        line = src.line(number)
        limit = at.start_col if number == at.start_line else len(line)
        found = [m.start() for m in re.finditer(r"(?<![\w'])where(?![\w'])", line[:limit])]
        if found:
            return number, found[-1]
    return None


def _simple_body(element: Any) -> Any:
    """The expression of `name = expr` (one clause, no parameters, guards or `where`, one line); None otherwise."""
    clauses: tuple[Any, ...] = getattr(element, "clauses", ())
    if getattr(element, "kind", None) != "value" or len(clauses) != 1 or clauses[0].params or clauses[0].rhs.where:
        return None
    rhs = clauses[0].rhs
    if len(rhs.branches) != 1 or rhs.branches[0].guards:
        return None
    expr = rhs.branches[0].expr
    return expr if expr.span.start_line == expr.span.end_line else None


def inline_top_level(workspace: Workspace, src: ModuleSource, hit: tuple[str, Any], span: Span
                     ) -> Iterator[CodeAction]:
    """A top-level `name = expr` of this module: at a use, that use replaced by the expression; at the declaration,
    every use replaced and the declaration removed, when no other module names it and no export list lists it.
    Each is offered only when the module checked with the edit has no more errors (the signature may have fixed
    a type the expression alone leaves open: `x :: Int`, `x = mempty`)."""
    line, col = span.start_line, span.start_col
    key, element = hit
    at_declaration = getattr(element, "kind", None) == "value" and element.name_span.contains(line, col)
    node = None if at_declaration else _reference_at(element, line, col)
    if node is not None:
        if node.target is None or node.target[0] != src.name or node.binder is not None:
            return
        key = node.target[1]
    elif not at_declaration:
        return
    definition = src.elements.get(key)
    expr = _simple_body(definition)
    if definition is None or expr is None:
        return
    target = (src.name, key)
    names: list[tuple[str, Span | None]] = []
    for inner in query.iter_nodes(expr):
        if isinstance(inner, T.EVar):
            if isinstance(inner.target, tuple) and (inner.target[0], inner.target[1]) == target:
                return  # recursive
            if inner.binder is None and "." not in src.text_of(inner.span):
                names.append((inner.name, None))
    text = src.text_of(expr.span)
    shown = text if isinstance(expr, ATOMIC) or (text.startswith("(") and text.endswith(")")) else f"({text})"

    def kept_meaning(owner: Any, use: Span) -> bool:
        visible = {local.name for local in locals_at(owner, use.start_line, use.start_col)}
        return not any(name in visible for name, _ in names)

    from nova.ide.labels import label_uses

    puns = {u.span for u in label_uses(src, definition.name) if u.pun}

    def written(use: Span) -> str:
        return f"{definition.name}: {shown}" if use in puns else shown

    change = SourceChange()
    if node is not None:
        if not kept_meaning(element, node.span) or definition is element or src.text_of(node.span) != definition.name:
            return
        change.add(src.name, node.span, written(node.span))
        title = f"Inline `{definition.name}` here"
    else:
        from nova.ide.occurrences import find_occurrences

        found = find_occurrences(workspace, target)
        if any(o.module != src.name or o.role in ("export", "import") for o in found):
            return  # named by another module or an export list: its other uses need it
        uses = [o for o in found if o.role == "reference"]
        if not uses:
            return
        for use in uses:
            owner = src.elements.get(use.key) if use.key is not None else None
            if owner is None or owner is definition or use.written != use.span or not kept_meaning(owner, use.span):
                return
            change.add(src.name, use.span, written(use.span))
        change.add(src.name, _declaration_lines(src, definition.span), "")
        title = f"Inline `{definition.name}` everywhere"
    if _adds_errors(workspace, src, change):
        return
    yield CodeAction(title, "refactor.inline", change)


def _declaration_lines(src: ModuleSource, at: Span) -> Span:
    """A top-level declaration's lines with the doc comment right above it and one blank line after it."""
    start = at.start_line
    while start > 0 and src.line(start - 1).startswith("--"):
        start -= 1
    end = at.end_line + 1
    if end < len(src.lines) and not src.line(end).strip():
        end += 1
    if end >= len(src.lines):
        return Span(start, 0, len(src.lines) - 1, len(src.line(len(src.lines) - 1)))
    return Span(start, 0, end, 0)


_VERIFIED: dict[tuple[int, str, str], tuple[Any, bool]] = {}


def _adds_errors(workspace: Workspace, src: ModuleSource, change: SourceChange) -> bool:
    """Whether the module checked with the change has more errors than without (the last answers are kept: code
    actions are asked again on every cursor move)."""
    from nova.ide.fixes import apply_edits
    from nova.ide.memory import probe_source

    text = apply_edits(src.text, [(e.span, e.new_text) for e in change.edits.get(src.name, [])])
    key = (id(workspace.view), src.name, text)
    cached = _VERIFIED.get(key)
    if cached is not None and cached[0] is workspace.view:
        return cached[1]
    before = sum(1 for d in getattr(src.checked, "diagnostics", ()) or () if int(d.severity) == 1)
    probe = probe_source(workspace.view, text)
    after = sum(1 for d in getattr(probe.checked, "diagnostics", ()) or () if int(d.severity) == 1)
    if len(_VERIFIED) >= PATHS_KEPT:
        _VERIFIED.pop(next(iter(_VERIFIED)))
    _VERIFIED[key] = (workspace.view, after > before)
    return after > before
