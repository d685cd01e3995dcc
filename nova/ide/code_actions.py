"""Code actions: quick fixes on a module's diagnostics and refactors at the cursor, as plain edits.

- Unknown names (`UnknownName`): import the name from a module that exports it (an explicit import list is
  extended, else an import line is added; `X.name` with an unknown qualifier imports the module `as X`), or change
  it to the checker's "did you mean" suggestion.
- A top-level or let/where binding without a type signature: add its inferred signature.
- Missing case branches (`NoInstanceFound` for the `Partial` a match that does not cover all inputs needs): add
  one branch (or clause) per missing pattern, the constructors' fields
  bound to fresh names, each answering `unsafeCrashWith "…"` (imported from Partial.Unsafe when needed) so the
  module checks while the branches are written.
- A typed hole (`HoleInferredType`): fill it with a name in scope of its type (locals first).
- Unreachable branches or clauses (`OverlappingPattern`): remove them.
- PureScript's lint warnings (nova.ide.lint_fixes): remove an unused or duplicate import, drop unused names or
  constructors from an import list, make an open import explicit, add a missing type or kind signature (the
  cursor refactor below adds a type signature where no warning is given: a module with errors, a local binding).
- `source.organizeImports`: drop the imports (and import list items) nothing in the module uses.
- Written from inferred types (nova.ide.fixes): a type wildcard replaced by its type, the missing fields of a
  record literal, a stub for an unknown name.
- Refactors at the cursor (nova.ide.refactors): make an open import explicit, qualify or unqualify a name, extract
  the selection to a `where` or `let` binding, inline a local or top-level binding.

The quick fixes read the facts a diagnostic carries in its `data` (the suggested names of `UnknownName`, the
missing patterns of the `NoInstanceFound` of a partial match, the fitting names of `HoleInferredType`), never its
message: a client sends the data back with the diagnostic, and the message's wording may change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from nova import keys, query
from nova.check import typed as T
from nova.check.lint_signatures import curried_constraints
from nova.diagnostics import Diagnostic, Span
from nova.ide import fixes, refactors
from nova.ide.hover import print_scheme, type_names
from nova.ide.imports import add_import, import_item
from nova.ide.lint_fixes import ADD_SIGNATURE, LINT_FIXES, add_signature, lint_fixes
from nova.ide.locate import name_part
from nova.ide.model import CodeAction, SourceChange, Target
from nova.ide.source import ModuleSource, Workspace

IMPORT_CANDIDATES = 8


def data_strings(diagnostic: Diagnostic, key: str) -> list[str]:
    """The strings a diagnostic's `data` lists under `key` (the checker's facts, never its message; whatever else a
    client sent back there is ignored)."""
    value = (diagnostic.data or {}).get(key)
    return [v for v in value if isinstance(v, str) and v] if isinstance(value, list | tuple) else []


def overlaps(a: Span, b: Span) -> bool:
    return (a.start_line, a.start_col) <= (b.end_line, b.end_col) and (b.start_line, b.start_col) <= (
        a.end_line, a.end_col)


def code_actions(workspace: Workspace, src: ModuleSource, span: Span,
                 diagnostics: list[Diagnostic] | None = None, only: tuple[str, ...] = ()) -> list[CodeAction]:
    """The actions for a range of `src` (its own text's coordinates). `diagnostics` default to the source's own
    check's; `only` restricts to action kinds (LSP kind prefixes: "quickfix", "source", …). Source actions
    (organize imports) are computed only when `only` asks for them, as editors do from their source-action menu,
    so the requests sent on every cursor move stay cheap."""
    if diagnostics is None:
        diagnostics = [*(getattr(src.checked, "diagnostics", ()) or ()), *(getattr(src.checked, "lint", ()) or ())]
    found: list[CodeAction] = []
    for diagnostic in diagnostics:
        if not overlaps(diagnostic.span, span):
            continue
        if diagnostic.code == "UnknownName":
            found.extend(_unknown_name(workspace, src, diagnostic))
            found.extend(fixes.generate_stub(workspace, src, diagnostic))
        elif diagnostic.code == "WildcardInferredType":
            found.extend(fixes.replace_wildcard(src, diagnostic))
        elif diagnostic.code == "PropertyIsMissing":
            found.extend(fixes.add_missing_fields(workspace, src, diagnostic))
            found.extend(fixes.fix_misspelt_label(src, diagnostic))
        elif diagnostic.code == "NoInstanceFound" and data_strings(diagnostic, "missing"):
            found.extend(_missing_cases(workspace, src, diagnostic))
        elif diagnostic.code == "OverlappingPattern":
            found.extend(_unreachable(src, diagnostic))
        elif diagnostic.code == "HoleInferredType":
            found.extend(_fill_hole(workspace, src, diagnostic))
        elif diagnostic.code in ADD_SIGNATURE:
            found.extend(add_signature(src, diagnostic, lambda text: _written_names_in_scope(workspace, src, text)))
        elif diagnostic.code in LINT_FIXES:
            found.extend(lint_fixes(src, diagnostic))
    hit = query.element_at(src.elements, span.start_line, span.start_col)
    fixed = {a.title for a in found}
    found.extend(a for a in _add_signature(workspace, src, span, hit) if a.title not in fixed)
    found.extend(refactors.refactors(workspace, src, span, hit))
    if any("source.organizeImports".startswith(k) for k in only):  # walks the module: only when asked for
        organize = organize_imports(workspace, src)
        if organize is not None:
            found.append(organize)
    if only:
        found = [a for a in found if any(a.kind == k or a.kind.startswith(k + ".") for k in only)]
    return found


# ------------------------------------------------------------------------------------------------- unknown names
def _unknown_name(workspace: Workspace, src: ModuleSource, diagnostic: Diagnostic) -> Iterator[CodeAction]:
    written = src.text_of(diagnostic.span)
    if "\n" in written or not written:
        return
    start, end = name_part(written)
    name = written[start:end]
    qualifier = written[:start].strip("(`").rstrip(".") or None
    suggestions = data_strings(diagnostic, "suggestions")
    suggestion = suggestions[0] if suggestions else None
    if suggestion is not None:
        better = suggestion
        bare_span = Span(diagnostic.span.start_line, diagnostic.span.start_col + start, diagnostic.span.end_line,
                         diagnostic.span.start_col + end)
        change = SourceChange()
        change.add(src.name, bare_span, better.rsplit(".", 1)[-1] if qualifier else better)
        yield CodeAction(f"Change to `{better}`", "quickfix", change, diagnostic, preferred=True)
    table = "values" if name[:1].islower() or name[:1] == "_" or not name[:1].isalpha() else None
    tables = ("values",) if table else ("types", "classes", "values")
    offered = 0
    for module, target in exporters(workspace, src, name, tables):
        if offered >= IMPORT_CANDIDATES:
            break
        if qualifier is not None:
            edits = add_import(src, module, None, alias=qualifier)
            title = f"Import {module} as {qualifier}"
        else:
            item = import_item(workspace.view, target)
            edits = add_import(src, module, item)
            title = f"Import `{item}` from {module}"
        if not edits:
            continue
        change = SourceChange()
        for edit in edits:
            change.add(src.name, edit.span, edit.new_text)
        offered += 1
        yield CodeAction(title, "quickfix", change, diagnostic, preferred=offered == 1 and suggestion is None)


def exporters(workspace: Workspace, src: ModuleSource, name: str, tables: tuple[str, ...]
              ) -> list[tuple[str, Target]]:
    """Modules exporting `name` (their element), the defining module first, then re-exporters (Prelude first)."""
    from nova.check.scope import env_of

    view = workspace.view
    found: list[tuple[int, str, Target]] = []
    for module in view.modules():
        if module == src.name or module.startswith("Prim"):
            continue
        env = env_of(view, module)
        if env is None:
            continue
        for table in tables:
            ref = getattr(env, table).get(name)
            if ref is None:
                continue
            target: Target = (ref[0], ref[1] if table != "classes" or keys.is_class_key(ref[1])
                              else keys.class_key(ref[1]))
            rank = 0 if target[0] == module else 1 if module == "Prelude" else 2
            found.append((rank, module, target))
            break
    return [(module, target) for _, module, target in sorted(found)]


# ------------------------------------------------------------------------------------------------- signatures
def _has_signature(src: ModuleSource, name: str, at: Span) -> bool:
    """A `name ::` (or `name ∷`) line at the binding's column, above it (up to the previous blank-free block) or
    on it."""
    for number in range(at.start_line, max(-1, at.start_line - 50), -1):
        line = src.line(number)
        indent = len(line) - len(line.lstrip())
        if indent == at.start_col and line.startswith(name, indent) and _COLONS.match(line, indent + len(name)):
            return True
        if number < at.start_line and (indent == len(line) or indent < at.start_col):
            return False
    return False


_COLONS = re.compile(r"\s*(?:::|∷)")


def _add_signature(workspace: Workspace, src: ModuleSource, span: Span, hit: tuple[str, Any] | None
                   ) -> Iterator[CodeAction]:
    """Offered only where the signature, written as printed, checks: every type and class it names is in scope by
    that name, and a local binding's type has no variable of an enclosing signature (they are not in scope in a
    local signature); instance methods take their type from the class and get none."""
    if hit is None:
        return
    key = hit[0]
    element: Any = hit[1]
    if getattr(element, "kind", None) == "value" and element.name_span.contains(span.start_line, span.start_col):
        scheme = workspace.view.scheme(src.name, key) or element.scheme
        if scheme is not None and not _has_signature(src, element.name, element.name_span):
            shown = curried_constraints(print_scheme(scheme, type_names(workspace.view, src)))
            if _written_names_in_scope(workspace, src, shown):
                yield _signature_action(src, element.name, element.name_span, shown)
        return
    if getattr(element, "kind", None) == "instance":
        return
    for node in reversed(refactors.nodes_at(element, span.start_line, span.start_col)):
        if isinstance(node, T.Binding) and node.pattern is None and node.name_span.contains(
                span.start_line, span.start_col):
            if _has_signature(src, node.name, node.name_span) or src.line(node.name_span.start_line)[
                    :node.name_span.start_col].strip():
                return  # has one, or shares its line with `let` (the signature's line would be outside the block)
            local = local_signature(src, element, node, type_names(workspace.view, src))
            if local is not None and _written_names_in_scope(workspace, src, local):
                yield _signature_action(src, node.name, node.name_span, local)
            return


def local_signature(src: ModuleSource, element: Any, binding: T.Binding,
                    qualify: Mapping[tuple[str, str], str] | None = None) -> str | None:
    """The type of a local binding as a signature can write it. In a declaration's typed tree, a variable `TGen i`
    below the declaration's own arity is one of its signature's variables: a local signature can name it only
    when that signature binds it with an explicit `forall` (which scopes it over the body), and then by its
    written name. The binding's other variables are its own, quantified in its `forall`. None when the type
    holds what no signature can write (an unsolved or rigid variable, a nested quantifier) or an enclosing
    variable out of scope. `qualify` names types as the module imports them (`M.Map`)."""
    from nova.types.pretty import Namer, print_constraint, print_type
    from nova.types.types import TApp, TFun, TGen, TRow, Type, prune

    outer = getattr(element, "scheme", None)
    arity = outer.arity if outer is not None else 0
    body = binding.scheme.type if binding.scheme is not None else binding.type
    constraints = binding.scheme.constraints if binding.scheme is not None else ()
    if not isinstance(body, Type):
        return None
    used: list[int] = []
    stack: list[Any] = [body, *(a for c in constraints for a in c.args)]
    while stack:
        t = prune(stack.pop())
        if isinstance(t, TGen):
            if t.index not in used:
                used.append(t.index)
        elif isinstance(t, TFun):
            stack += [t.arg, t.res]
        elif isinstance(t, TApp):
            stack += [t.fn, t.arg]
        elif isinstance(t, TRow):
            stack += [f for _, f in t.fields] + ([t.tail] if t.tail is not None else [])
        elif type(t).__name__ != "TCon":
            return None  # a unification or rigid variable, a quantified type: nothing a signature can name
    if any(i < arity for i in used):
        names = outer.names[:arity] if outer is not None else ()
        signature = src.line(element.span.start_line)
        if len(names) < arity or not re.match(rf"\s*{re.escape(element.name)}\s*(?:::|∷)\s*(?:forall|∀)", signature):
            return None  # the enclosing signature's variables are not in scope in the body
    namer = Namer(outer.names[:arity] if outer is not None else ())
    namer.scan(body)
    for c in constraints:
        for a in c.args:
            namer.scan(a)
    namer.finish()
    own = [namer.names[("g", i)] for i in used if i >= arity]
    shown = print_type(body, namer, qualify=qualify)
    if constraints:  # (their classes named as in scope, or refused by `_written_names_in_scope`)
        shown = " => ".join(print_constraint(c.cls, c.args, namer) for c in constraints) + " => " + shown
    return f"forall {' '.join(own)}. {shown}" if own else shown


PRIM_TYPES = frozenset({"Int", "Number", "String", "Char", "Boolean", "Array", "Record", "Function", "Type", "Row",
                        "Symbol", "Constraint", "Partial"})
TYPE_NAME = re.compile(r"(?<![\w'.])((?:[A-Z][\w']*\.)*[A-Z][\w']*)")


def _written_names_in_scope(workspace: Workspace, src: ModuleSource, shown: str) -> bool:
    """Whether every capitalised name of a printed type is a type or class the module knows by that name."""
    from nova import keys

    scope = src.scope(workspace.view)
    for name in set(TYPE_NAME.findall(shown)):
        if name in PRIM_TYPES or name in scope.types or name in scope.classes:
            continue
        if keys.type_key(name) in src.elements or keys.class_key(name) in src.elements:
            continue
        return False
    return True


def _signature_action(src: ModuleSource, name: str, at: Span, shown: str) -> CodeAction:
    change = SourceChange()
    indent = " " * at.start_col
    change.add(src.name, Span(at.start_line, 0, at.start_line, 0), f"{indent}{name} :: {shown}\n")
    return CodeAction(f"Add type signature `{name} :: {shown}`", "quickfix", change)


# ------------------------------------------------------------------------------------------------- imports
def used_targets(src: ModuleSource, view: Any) -> set[Target]:
    """Every module-level element the module's code names: references in the typed tree (a value's recorded
    reads), type and class names in the syntax tree (signatures, declarations, instance heads, annotations)."""
    from nova.ide.locate import resolve_syntax_name, syntax_names
    from nova.ide.typed_walk import typed_children

    used: set[Target] = set()
    for element in src.elements.values():
        reads = getattr(element, "reads", ()) or ()
        for read in reads:
            used.add((read[0], read[1]))
        if reads and getattr(element, "kind", None) == "value":
            continue  # a value's recorded reads hold every element its tree names
        stack: list[Any] = [element]
        while stack:
            node = stack.pop()
            if isinstance(node, T.EVar | T.PCon) and isinstance(node.target, tuple):
                used.add((node.target[0], node.target[1]))
            stack.extend(typed_children(node))
    from nova.syntax import ast

    for decl in src.syntax().decls:
        if isinstance(decl, ast.ValueDecl) and "::" not in src.text_of(decl.span) and "∷" not in src.text_of(
                decl.span):
            continue  # a clause names types only in annotations (`(e :: T)`); its constructors are in the typed tree
        for found in syntax_names(decl):
            if found.namespace in ("type", "class", "type-operator"):
                target = resolve_syntax_name(src, view, found)
                if target is not None:
                    used.add(target)
    return used


def organize_imports(workspace: Workspace, src: ModuleSource) -> CodeAction | None:
    """Remove the imports none of whose names are used, and unused items of explicit import lists (a type's
    constructors count as used with the type). Prelude stays: it is the module's implicit vocabulary."""
    from nova.check.scope import env_of

    if src.checked is None or any(int(d.severity) == 1 for d in src.checked.diagnostics):
        return None  # with errors, what is used is not known
    view = workspace.view
    used = used_targets(src, view)
    header = src.header()
    change = SourceChange()
    for imp in header.imports:
        if imp.module == "Prelude" or imp.hiding:
            continue
        env = env_of(view, imp.module)
        if env is None:
            continue
        provided = _provided(env, imp)
        keep = [item for item, targets in provided if targets & used or not targets]
        if not any(targets & used for _, targets in provided):
            change.add(src.name, _whole_lines(src, imp.span), "")
        elif imp.items is not None and len(keep) < len(imp.items) and keep:
            text = ", ".join(src.text_of(item.span) for item in keep)
            items_span = Span(imp.items[0].span.start_line, imp.items[0].span.start_col,
                              imp.items[-1].span.end_line, imp.items[-1].span.end_col)
            change.add(src.name, items_span, text)
    if not change.edits:
        return None
    return CodeAction("Remove unused imports", "source.organizeImports", change)


def _provided(env: Any, imp: Any) -> list[tuple[Any, set[Target]]]:
    """(item, the elements it brings in) for each item of an explicit list; one pseudo-item for an open one."""
    from nova.syntax import ast

    def refs(table: str, name: str) -> set[Target]:
        ref = getattr(env, table).get(name)
        if ref is None:
            return set()
        key = ref[1] if table != "classes" or keys.is_class_key(ref[1]) else keys.class_key(ref[1])
        return {(ref[0], key)}

    if imp.items is None:
        every: set[Target] = set()
        for table in ("values", "types", "classes", "type_operators"):
            for name in getattr(env, table):
                every |= refs(table, name)
        return [(None, every)]
    out: list[tuple[Any, set[Target]]] = []
    for item in imp.items:
        targets: set[Target] = set()
        if isinstance(item, ast.ItemValue | ast.ItemOperator):
            targets = refs("values", item.name)
        elif isinstance(item, ast.ItemType):
            targets = refs("types", item.name)
            for member in env.type_members.get(item.name, ()) if item.members is not None else ():
                targets |= refs("values", member)
        elif isinstance(item, ast.ItemClass):
            targets = refs("classes", item.name)
        elif isinstance(item, ast.ItemTypeOperator):
            targets = refs("type_operators", item.name)
        out.append((item, targets))
    return out


def _whole_lines(src: ModuleSource, span: Span) -> Span:
    """The lines of a span, their line break included (an import is removed without leaving a blank line)."""
    if span.end_line + 1 < len(src.lines):
        return Span(span.start_line, 0, span.end_line + 1, 0)
    return Span(span.start_line, 0, span.end_line, len(src.line(span.end_line)))


# ------------------------------------------------------------------------------------------------- missing cases
PLACEHOLDER = "unsafeCrashWith"


def _fresh_fields(pattern: str) -> str:
    """`Just (Square _ _)` → `Just (Square x1 x2)`: the wildcards the checker prints become names to use."""
    count = 0

    def name(_: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return f"x{count}"

    return re.sub(r"(?<![\w'])_(?![\w'])", name, pattern)


def _missing_cases(workspace: Workspace, src: ModuleSource, diagnostic: Diagnostic) -> Iterator[CodeAction]:
    patterns = [_fresh_fields(p) for p in data_strings(diagnostic, "missing")]
    if not patterns:
        return
    at = diagnostic.span
    hit = query.element_at(src.elements, at.start_line, at.start_col)
    if hit is None:
        return
    lines: list[str] = []
    insert_after: int | None = None
    todo = f'{PLACEHOLDER} "todo"'
    for node in query.nodes_at(hit[1], at.start_line, at.start_col):
        if isinstance(node, T.ECase) and (node.span.start_line, node.span.start_col) == (
                at.start_line, at.start_col) and node.alts:
            first, last = node.alts[0].span, node.alts[-1].span
            if first.start_line == node.span.start_line:
                return  # a case on one line: no layout to follow
            indent = " " * first.start_col
            lines = [f"{indent}{p} -> {todo}" for p in patterns]
            insert_after = last.end_line
    if insert_after is None:
        name = src.text_of(at)
        clauses = _clauses_named(hit[1], name, at)
        if not clauses:
            return
        indent = " " * clauses[0].span.start_col
        lines = [f"{indent}{name} {p} = {todo}" for p in patterns]
        insert_after = clauses[-1].span.end_line
    end = len(src.line(insert_after))
    change = SourceChange()
    change.add(src.name, Span(insert_after, end, insert_after, end), "\n" + "\n".join(lines))
    if PLACEHOLDER not in src.scope(workspace.view).values and PLACEHOLDER not in src.elements:
        for edit in add_import(src, "Partial.Unsafe", PLACEHOLDER):
            change.add(src.name, edit.span, edit.new_text)
    title = "Add the missing case branch" if len(patterns) == 1 else "Add the missing case branches"
    yield CodeAction(title, "quickfix", change, diagnostic, preferred=True)


def _clauses_named(element: Any, name: str, at: Span) -> tuple[T.Clause, ...]:
    """The clauses of the function whose first clause's name is at `at` (top-level or local)."""
    if getattr(element, "name", None) == name and getattr(element, "clauses", ()) and element.clauses[
            0].span.start_line == at.start_line:
        return tuple(element.clauses)
    for node in query.iter_nodes(element):
        if isinstance(node, T.Binding) and node.name == name and node.name_span == at and node.clauses:
            return node.clauses
    return ()


def _unreachable(src: ModuleSource, diagnostic: Diagnostic) -> Iterator[CodeAction]:
    """Remove the branch (or clause) whose patterns the diagnostic marks, when it has lines of its own."""
    at = diagnostic.span
    hit = query.element_at(src.elements, at.start_line, at.start_col)
    if hit is None:
        return
    for node in query.iter_nodes(hit[1]):
        rows: tuple[Any, ...] = ()
        if isinstance(node, T.ECase):
            rows = tuple((alt.span, alt.patterns) for alt in node.alts)
        elif isinstance(node, T.Binding | T.TypedElement) and node.clauses:
            rows = tuple((clause.span, clause.params) for clause in node.clauses)
        if len(rows) < 2:
            continue
        for span, patterns in rows:
            if not patterns or (patterns[0].span.start_line, patterns[0].span.start_col) != (
                    at.start_line, at.start_col):
                continue
            before = src.line(span.start_line)[:span.start_col]
            after = src.line(span.end_line)[span.end_col:]
            if before.strip() or after.strip():
                return  # shares its lines with other code
            change = SourceChange()
            change.add(src.name, _whole_lines(src, span), "")
            yield CodeAction("Remove the unreachable branch", "quickfix", change, diagnostic, preferred=True)
            return


HOLE_CANDIDATES = 5


def _fill_hole(workspace: Workspace, src: ModuleSource, diagnostic: Diagnostic) -> Iterator[CodeAction]:
    """One action per name the checker found to fit the hole (locals first), as its diagnostic's data lists them."""
    seen: set[str] = set()
    for name in data_strings(diagnostic, "fits"):
        if name in seen or len(seen) >= HOLE_CANDIDATES:
            continue
        seen.add(name)
        change = SourceChange()
        change.add(src.name, diagnostic.span, name)
        yield CodeAction(f"Fill the hole with `{name}`", "quickfix", change, diagnostic, preferred=len(seen) == 1)
