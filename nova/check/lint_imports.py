"""PureScript's lint of a module's imports: unused imports and import list items, duplicate and redundant imports,
open imports where PureScript asks for explicit ones.

Works from the names the module's code reads (`lint_names.NameFacts.free`: namespace, qualifier, name, with
locals and the module's own declarations already set apart) and the interfaces of the imported modules. A name
read is credited to every import that could have given it under its qualifier (PureScript marks each import
record of the name). Messages carry PureScript's suggested replacement as their last line (`import M (…)`), which
the quick fixes apply.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from nova.check.lint_names import NameFacts
from nova.diagnostics import Diagnostic, Severity, Span
from nova.syntax import ast

TABLES = ("values", "types", "classes", "type_operators")


@dataclass(slots=True)
class _Import:
    decl: ast.ImportDecl
    env: Any
    # for an explicit list: (namespace, name) -> item; ctors -> their type's item
    listed: dict[tuple[str, str], Any] = field(default_factory=dict)
    hidden: set[tuple[str, str]] = field(default_factory=set)
    used: set[tuple[str, str]] = field(default_factory=set)
    ctor_type: dict[str, str] = field(default_factory=dict)

    def gives(self, namespace: str, name: str) -> bool:
        table = getattr(self.env, namespace, None)
        if table is None or name not in table:
            return False
        if self.decl.items is None:
            return True
        if self.decl.hiding:
            return (namespace, name) not in self.hidden
        return (namespace, name) in self.listed


def _type_of_ctor(imp: _Import, ctor: str) -> str | None:
    if not imp.ctor_type:
        for tname, ctors in imp.env.type_members.items():
            for c in ctors:
                imp.ctor_type[c] = tname
        imp.ctor_type.setdefault("", "")
    return imp.ctor_type.get(ctor)


def _prepare(imp: _Import) -> None:
    items = imp.decl.items or ()
    target = imp.hidden if imp.decl.hiding else None
    for item in items:
        if isinstance(item, ast.ItemValue | ast.ItemOperator):
            key = ("values", item.name)
        elif isinstance(item, ast.ItemType):
            key = ("types", item.name)
            members = imp.env.type_members.get(item.name, ())
            chosen = members if item.all_members else tuple(m.name for m in item.members or ())
            for c in chosen:
                if target is not None:
                    target.add(("values", c))
                else:
                    imp.listed[("values", c)] = item
            if target is not None and not item.all_members and item.members:
                continue  # `hiding (T(A))` hides the constructor, not the type
        elif isinstance(item, ast.ItemClass):
            key = ("classes", item.name)
        elif isinstance(item, ast.ItemTypeOperator):
            key = ("type_operators", item.name)
        else:
            continue
        if target is not None:
            target.add(key)
        else:
            imp.listed[key] = item


def _shape(decl: ast.ImportDecl) -> Any:
    """What an import says, without places (two imports with equal shapes are duplicates)."""
    def item_shape(item: Any) -> Any:
        if isinstance(item, ast.ItemType):
            return ("type", item.name, item.all_members, tuple(m.name for m in item.members or ()))
        return (type(item).__name__, item.name)
    items = None if decl.items is None else tuple(item_shape(i) for i in decl.items)
    return decl.hiding, items, decl.alias


def _ref_texts(imp: _Import, names: set[tuple[str, str]], all_ctors: bool) -> list[str]:
    """Import list items for the names used through an import, in PureScript's order: classes, type operators,
    types (with the constructors used: `T(A, B)`, or `T(..)` when `all_ctors`), values, value operators."""
    classes = sorted(n for ns, n in names if ns == "classes")
    type_ops = sorted(n for ns, n in names if ns == "type_operators")
    types: dict[str, list[str]] = {n: [] for ns, n in names if ns == "types"}
    values: list[str] = []
    ops: list[str] = []
    for ns, n in names:
        if ns != "values":
            continue
        if n[:1].isupper():
            t = _type_of_ctor(imp, n)
            if t is not None:
                types.setdefault(t, []).append(n)
                continue
        (values if n[:1].isalpha() or n[:1] == "_" else ops).append(n)
    out = [f"class {c}" for c in classes] + [f"type ({o})" for o in type_ops]
    for t in sorted(types):
        ctors = types[t]
        if not ctors:
            out.append(t)
        elif all_ctors:
            out.append(f"{t}(..)")
        else:
            order = list(imp.env.type_members.get(t, ()))
            out.append(f"{t}({', '.join(sorted(ctors, key=lambda c: order.index(c) if c in order else 0))})")
    out += sorted(values) + [f"({o})" for o in sorted(ops)]
    return out


def _import_line(imp: _Import, refs: list[str]) -> str:
    alias = f" as {imp.decl.alias}" if imp.decl.alias else ""
    return f"import {imp.decl.module} ({', '.join(refs)}){alias}"


def item_label(item: Any) -> str:
    if isinstance(item, ast.ItemModule):
        return f"module {item.name}"
    if isinstance(item, ast.ItemOperator):
        return f"({item.name})"
    if isinstance(item, ast.ItemClass):
        return f"class {item.name}"
    if isinstance(item, ast.ItemTypeOperator):
        return f"type ({item.name})"
    return str(item.name)


def _warn(out: list[Diagnostic], span: Span, code: str, message: str, unnecessary: bool = False,
          data: dict[str, Any] | None = None) -> None:
    """`data` (see `Diagnostic.data`): what the quick fixes act on. Every import warning carries the import's
    `module`; one that suggests an import carries it as `replacement`; one about some names lists them."""
    out.append(Diagnostic(span, Severity.WARNING, code, message, unnecessary=unnecessary, data=data))


def lint_imports(module_name: str, mod: ast.Module, facts: NameFacts, env_of: Any) -> list[Diagnostic]:
    """`env_of(module)` gives an imported module's interface (None for an unknown one)."""
    own: dict[str, set[str]] = {t: set() for t in TABLES}
    for namespace, name in facts.own:
        if namespace in own:
            own[namespace].add(name)
    imports: list[_Import] = []
    for decl in mod.imports:
        if decl.module == "Prim" or decl.module == module_name:
            continue
        env = env_of(decl.module)
        if env is None:
            continue
        imp = _Import(decl, env)
        _prepare(imp)
        imports.append(imp)
    by_qualifier: dict[str | None, list[_Import]] = {}
    for imp in imports:
        by_qualifier.setdefault(imp.decl.alias, []).append(imp)

    uses = set(facts.free)
    reexported: set[str] = set()
    for item in mod.exports or ():
        if isinstance(item, ast.ItemModule):
            reexported.add(item.name)
        elif isinstance(item, ast.ItemType):
            uses.add(("types", None, item.name))
        elif isinstance(item, ast.ItemValue | ast.ItemOperator):
            uses.add(("values", None, item.name))
        elif isinstance(item, ast.ItemClass):
            uses.add(("classes", None, item.name))
        elif isinstance(item, ast.ItemTypeOperator):
            uses.add(("type_operators", None, item.name))
    export_ctors = {item.name: item for item in mod.exports or () if isinstance(item, ast.ItemType) and (
        item.all_members or item.members)}
    for namespace, qualifier, name in uses:
        if qualifier is None and name in own[namespace]:
            continue
        for imp in by_qualifier.get(qualifier, ()):
            if imp.gives(namespace, name):
                imp.used.add((namespace, name))
                if namespace == "types" and qualifier is None and name in export_ctors:
                    item = export_ctors[name]
                    for c in imp.env.type_members.get(name, ()):
                        if (item.all_members or c in {m.name for m in item.members or ()}) and imp.gives("values", c):
                            imp.used.add(("values", c))
    if ("values", None, "coerce") in uses or any(u[0] == "values" and u[2] == "coerce" for u in uses):
        for imp in imports:  # solving `Coercible` unwraps newtypes through their constructors in scope
            for tname, info in imp.env.type_infos.items():
                if getattr(info, "newtype", False):
                    for c in imp.env.type_members.get(tname, ()):
                        if imp.gives("values", c):
                            imp.used.add(("values", c))
    for imp in imports:  # a re-exported module is used whole
        if (imp.decl.alias or imp.decl.module) in reexported:
            for table in TABLES:
                for name in getattr(imp.env, table, {}):
                    if imp.gives(table, name):
                        imp.used.add((table, name))

    out: list[Diagnostic] = []
    open_unqualified = sum(1 for imp in imports
                           if imp.decl.alias is None and (imp.decl.items is None or imp.decl.hiding))
    allow_implicit = open_unqualified == 1
    for imp in imports:
        _lint_one(imp, allow_implicit, reexported, out)
    for qualifier, group in by_qualifier.items():
        if qualifier is None or len({imp.decl.module for imp in group}) < 2:
            continue
        for imp in group:
            if (imp.decl.items is None or imp.decl.hiding) and imp.used:
                line = _import_line(imp, _ref_texts(imp, imp.used, True))
                _warn(out, imp.decl.span, "ImplicitQualifiedImport",
                      f"Module `{imp.decl.module}` was imported as `{qualifier}` with unspecified imports. As "
                      f"there are multiple modules being imported as `{qualifier}`, consider using the explicit "
                      f"form:\n\n  {line}", data={"module": imp.decl.module, "replacement": line})
    _duplicates(imports, out)
    return out


def _lint_one(imp: _Import, allow_implicit: bool, reexported: set[str], out: list[Diagnostic]) -> None:
    decl = imp.decl
    module = decl.module
    unused_message = f"The import of module `{module}` is redundant."
    about = {"module": module}
    if decl.items is None:
        if not imp.used:
            _warn(out, decl.span, "UnusedImport", unused_message, True, about)
        elif decl.alias is None and not allow_implicit:
            line = _import_line(imp, _ref_texts(imp, imp.used, True))
            _warn(out, decl.span, "ImplicitImport",
                  f"Module `{module}` has unspecified imports, consider using the explicit form:\n\n  {line}",
                  data={**about, "replacement": line})
        elif decl.alias is not None and decl.alias in reexported:
            every = {(t, n) for t in TABLES for n in getattr(imp.env, t, {}) if imp.gives(t, n)}
            line = _import_line(imp, _ref_texts(imp, every, True))
            _warn(out, decl.span, "ImplicitQualifiedImportReExport",
                  f"Module `{module}` was imported as `{decl.alias}` with unspecified imports. As this module is "
                  f"being re-exported, consider using the explicit form:\n\n  {line}",
                  data={**about, "replacement": line})
        return
    if decl.hiding:
        if allow_implicit:
            return
        if not imp.used:
            _warn(out, decl.span, "UnusedImport", unused_message, True, about)
        else:
            line = _import_line(imp, _ref_texts(imp, imp.used, True))
            _warn(out, decl.span, "HidingImport",
                  f"Module `{module}` has unspecified imports, consider using the inclusive form:\n\n  {line}",
                  data={**about, "replacement": line})
        return
    if not decl.items:
        _warn(out, decl.span, "UnusedImport", unused_message, True, about)
        return
    used_items = {id(item) for item in decl.items if _item_used(imp, item)}
    unused = [item for item in decl.items if id(item) not in used_items]
    if len(unused) == len(decl.items):
        _warn(out, decl.span, "UnusedImport", unused_message, True, about)
        return
    if unused:
        span, clean = _items_span(decl, unused)
        labels = [item_label(i) for i in unused]
        line = _import_line(imp, _ref_texts(imp, imp.used, False))
        _warn(out, span, "UnusedExplicitImport",
              f"The import of module `{module}` contains the following unused references: {', '.join(labels)}. It "
              f"could be replaced with:\n\n  {line}", clean, {**about, "names": labels, "replacement": line})
    for item in decl.items:
        if not isinstance(item, ast.ItemType) or id(item) not in used_items:
            continue
        if not item.all_members and not item.members:
            continue
        ctors = imp.env.type_members.get(item.name, ())
        used_ctors = [c for c in ctors if ("values", c) in imp.used]
        if not used_ctors:
            line = _import_line(imp, _ref_texts(imp, imp.used, False))
            _warn(out, item.span, "UnusedDctorImport",
                  f"The import of type `{item.name}` from module `{module}` includes data constructors but only "
                  f"the type is used. It could be replaced with:\n\n  {line}", False,
                  {**about, "type": item.name, "replacement": line})
        elif item.members:
            unused_ctors = [m for m in item.members if m.name not in used_ctors]
            if unused_ctors:
                span, clean = _names_span(item.members, unused_ctors)
                names = [m.name for m in unused_ctors]
                line = _import_line(imp, _ref_texts(imp, imp.used, False))
                _warn(out, span, "UnusedDctorExplicitImport",
                      f"The import of type `{item.name}` from module `{module}` includes the following unused data "
                      f"constructors: {', '.join(names)}. It could be replaced with:\n\n  {line}", clean,
                      {**about, "type": item.name, "names": names, "replacement": line})


def _item_used(imp: _Import, item: Any) -> bool:
    """Whether the names an import list item gives are read (a type with its constructors: any of them)."""
    if isinstance(item, ast.ItemValue | ast.ItemOperator):
        return ("values", item.name) in imp.used
    if isinstance(item, ast.ItemClass):
        return ("classes", item.name) in imp.used
    if isinstance(item, ast.ItemTypeOperator):
        return ("type_operators", item.name) in imp.used
    if isinstance(item, ast.ItemType):
        if ("types", item.name) in imp.used:
            return True
        members = imp.env.type_members.get(item.name, ())
        chosen = members if item.all_members else tuple(m.name for m in item.members or ())
        return any(("values", c) in imp.used for c in chosen)
    return False


def _items_span(decl: ast.ImportDecl, unused: list[Any]) -> tuple[Span, bool]:
    return _names_span(decl.items or (), unused)


def _names_span(items: tuple[Any, ...], unused: list[Any]) -> tuple[Span, bool]:
    """The range from the first unused item to the last, and whether it holds unused items only."""
    first = items.index(unused[0])
    last = items.index(unused[-1])
    clean = last - first + 1 == len(unused)
    return Span.join(unused[0].span, unused[-1].span), clean


def _duplicates(imports: list[_Import], out: list[Diagnostic]) -> None:
    by_module: dict[str, list[_Import]] = {}
    for imp in imports:
        by_module.setdefault(imp.decl.module, []).append(imp)
    for module, group in by_module.items():
        warned: list[_Import] = []
        for i, first in enumerate(group):
            for later in group[i + 1:]:
                if later not in warned and _shape(first.decl) == _shape(later.decl):
                    warned.append(later)
                    _warn(out, later.decl.span, "DuplicateImport", f"Duplicate import of `{module}`.", True,
                          {"module": module})
        unqualified = [imp for imp in group if imp.decl.alias is None and imp not in warned]
        if len(unqualified) > 1:
            whole = next((imp for imp in unqualified if imp.decl.items is None or imp.decl.hiding), None)
            if whole is not None:
                for imp in unqualified:
                    if imp is not whole:
                        warned.append(imp)
                        _warn(out, imp.decl.span, "RedundantUnqualifiedImport",
                              f"This import of `{module}` is redundant due to a whole-module import.", True,
                              {"module": module})
            else:
                for imp in unqualified[1:]:
                    warned.append(imp)
                    _warn(out, imp.decl.span, "DuplicateSelectiveImport",
                          f"There is an existing import of `{module}`, consider merging the import lists.",
                          data={"module": module})
        for imp in group:
            if imp not in warned:
                duplicate_refs(imp.decl.items or (), "Import", {"module": module}, out)


def duplicate_refs(items: tuple[Any, ...], which: str, data: dict[str, Any], out: list[Diagnostic]) -> None:
    """PureScript's `Duplicate{Import,Export}Ref` (`which` is "Import" or "Export"): each name an import or export
    list repeats (a type with and without its constructors is one name twice), and each constructor repeated
    within a type's list, once per repetition."""
    code = f"Duplicate{which}Ref"
    seen: set[Any] = set()
    for item in items:
        key = (type(item).__name__, item.name)
        if key in seen:
            _warn(out, item.span, code, f"{which} list contains multiple references to {item_label(item)}.", True,
                  {**data, "names": [item_label(item)]})
        seen.add(key)
        if isinstance(item, ast.ItemType):
            names: set[str] = set()
            for m in item.members or ():
                if m.name in names:
                    _warn(out, m.span, code, f"{which} list contains multiple references to data constructor {m.name}.",
                          True, {**data, "names": [m.name]})
                names.add(m.name)
