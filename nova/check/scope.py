"""Import resolution: which names a module sees, through the registry view only (never the disk).

Each visible name maps to the set of origins `(module, element key)` it may denote; more than one origin is an
ambiguity reported at the use. Aliased imports (`import M as X`) only make qualified names `X.name`.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from nova import keys
from nova.check.env import ModuleEnv, Ref
from nova.diagnostics import Diagnostic, Related, Severity, Span
from nova.syntax import Fixity, ast


@dataclass
class Scope:
    values: dict[str, set[Ref]] = field(default_factory=dict)
    types: dict[str, set[Ref]] = field(default_factory=dict)
    classes: dict[str, set[Ref]] = field(default_factory=dict)
    type_operators: dict[str, set[Ref]] = field(default_factory=dict)
    fixities: dict[str, Fixity] = field(default_factory=dict)
    imported_modules: list[str] = field(default_factory=list)
    # qualifier (alias or module name) -> modules it names
    qualifiers: dict[str, set[str]] = field(default_factory=dict)
    envs: dict[str, ModuleEnv] = field(default_factory=dict)
    # module name or alias -> (table, visible name, origin) brought in by its imports (for `module X` re-exports)
    contributed: dict[str, list[tuple[str, str, Ref]]] = field(default_factory=dict)
    via: list[str] = field(default_factory=list)
    # names brought in by an explicit import list: they win over the same name from an open import
    explicit: dict[str, set[Ref]] = field(default_factory=dict)
    explicit_mode: bool = False
    # (table, name) -> (module, import declaration's span) of each open import (no list, no alias) giving the name:
    # a declaration of the same name shadows them, with PureScript's ScopeShadowing warning where it is used
    open_imports: dict[tuple[str, str], list[tuple[str, Span]]] = field(default_factory=dict)
    current_open: tuple[str, Span] | None = None
    # `Prim` is imported implicitly, unqualified, unless the module imports it itself (in any form: PureScript then
    # adds only the implicit `import Prim as Prim`, so `import Prim (Boolean)` leaves `Number` unknown)
    implicit_prim: bool = True

    def add(self, table: dict[str, set[Ref]], name: str, ref: Ref) -> None:
        table.setdefault(name, set()).add(ref)
        if self.explicit_mode:
            self.explicit.setdefault(name, set()).add(ref)
        kind = (
            "values"
            if table is self.values
            else "types"
            if table is self.types
            else "classes"
            if table is self.classes
            else "type_operators"
        )
        if self.current_open is not None:
            self.open_imports.setdefault((kind, name), []).append(self.current_open)
        for v in self.via:
            self.contributed.setdefault(v, []).append((kind, name, ref))

    def add_all(self, table: dict[str, set[Ref]], kind: str, named: list[tuple[str, Ref]]) -> None:
        """`add` of each (name, origin) of `named` to `table`, whose name in `open_imports` is `kind`: one call
        for the hundreds of names an open import brings."""
        if not named:
            return
        explicit = self.explicit if self.explicit_mode else None
        current_open = self.current_open
        open_imports = self.open_imports
        contributed = [self.contributed.setdefault(v, []) for v in self.via]
        for name, ref in named:
            got = table.get(name)
            if got is None:
                table[name] = {ref}
            else:
                got.add(ref)
            if explicit is not None:
                explicit.setdefault(name, set()).add(ref)
            if current_open is not None:
                open_imports.setdefault((kind, name), []).append(current_open)
            for out in contributed:
                out.append((kind, name, ref))


def closest(name: str, candidates: Any) -> str | None:
    """The candidate name most like `name`, if one is close enough to be what was meant."""
    close = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return close[0] if close else None


def suggest(name: str, candidates: Any) -> str:
    close = closest(name, candidates)
    return f" Did you mean `{close}`?" if close else ""


def unknown(what: str, full: str, candidates: Any) -> tuple[str, str, str, tuple[str, ...]]:
    """A name resolution that found nothing: ("unknown", message, the name as written, the suggestions)."""
    close = closest(full, candidates)
    message = f"Unknown {what} `{full}`." + (f" Did you mean `{close}`?" if close else "")
    return ("unknown", message, full, (close,) if close else ())


def unknown_data(how: tuple[Any, ...]) -> dict[str, Any]:
    """The `data` of the `UnknownName` error of an `unknown` resolution: what its quick fixes act on."""
    return {"name": how[2], "suggestions": list(how[3])}


def env_of(view: Any, module: str) -> ModuleEnv | None:
    """A module's interface: from its registry entry, or for PureScript's built-in `Prim.*` modules, the
    compiler's (they have no source)."""
    entry = view.get(module)
    if entry is None:
        if module.startswith("Prim"):
            from nova.check.prim import prim_env

            return prim_env(module)
        return None
    env = entry.env
    return env if isinstance(env, ModuleEnv) else None


def resolve_imports(name: str, imports: tuple[ast.ImportDecl, ...], view: Any) -> tuple[Scope, list[Diagnostic]]:
    scope = Scope()
    scope.implicit_prim = not any(imp.module == "Prim" for imp in imports)
    diags: list[Diagnostic] = []
    known = None
    importers: set[str] | None = None
    for imp in imports:
        target = imp.module
        if target == name:
            diags.append(Diagnostic(imp.span, Severity.ERROR, "CycleInModules", f"Module `{name}` imports itself."))
            continue
        env = env_of(view, target)
        if env is None:
            if known is None:
                known = sorted(view.modules())
            diags.append(
                Diagnostic(
                    imp.module_span,
                    Severity.ERROR,
                    "UnknownImport",
                    f"Unknown module `{target}`.{suggest(target, known)}",
                )
            )
            continue
        if importers is None:
            # what imports this module, directly or not: computed once (an import of one of them closes a cycle)
            # instead of a walk over each import's whole closure (a stdlib module's imports reach dozens of modules)
            try:
                importers = view.dependents(name)
            except Exception:
                importers = set()
        cyclic = target in importers
        if cyclic:
            diags.append(
                Diagnostic(
                    imp.span,
                    Severity.ERROR,
                    "CycleInModules",
                    f"There is a cycle in module imports: `{name}` imports `{target}`, which imports `{name}`.",
                )
            )
        scope.envs[target] = env
        scope.imported_modules.append(target)
        qual = imp.alias
        if qual is not None:
            scope.qualifiers.setdefault(qual, set()).add(target)
        scope.via = [target] if qual is None else [qual]
        scope.explicit_mode = imp.items is not None and not imp.hiding
        scope.current_open = (target, imp.span) if qual is None and (imp.items is None or imp.hiding) else None
        _import_names(scope, imp, env, qual, diags)
        scope.explicit_mode = False
        scope.current_open = None
        scope.via = []
    return scope, diags


def _import_names(scope: Scope, imp: ast.ImportDecl, env: ModuleEnv, qual: str | None, diags: list[Diagnostic]) -> None:
    def q(n: str) -> str:
        return f"{qual}.{n}" if qual else n

    values: dict[str, Ref] = dict(env.values)
    types: dict[str, Ref] = dict(env.types)
    members: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in env.type_members.items()}
    classes: dict[str, Ref] = dict(env.classes)
    type_ops: dict[str, Ref] = dict(env.type_operators)

    def take_value(n: str) -> None:
        scope.add(scope.values, q(n), values[n])
        fx = env.fixities.get(n)
        if fx is not None:
            scope.fixities[q(n)] = fx

    def take_type(n: str, ctors: tuple[str, ...]) -> None:
        scope.add(scope.types, q(n), types[n])
        for c in ctors:
            if c in values:
                take_value(c)

    if imp.items is None or imp.hiding:
        hidden_values: set[str] = set()
        hidden_types: set[str] = set()
        hidden_classes: set[str] = set()
        hidden_type_ops: set[str] = set()
        for item in imp.items or ():
            if isinstance(item, (ast.ItemValue, ast.ItemOperator)):
                if item.name not in values:
                    diags.append(_not_exported(imp, item.span, item.name, values))
                hidden_values.add(item.name)
            elif isinstance(item, ast.ItemType):
                if item.name not in types:
                    diags.append(_not_exported(imp, item.name_span, item.name, types))
                    continue
                if item.all_members:
                    hidden_types.add(item.name)
                    hidden_values.update(members.get(item.name, ()))
                elif item.members:
                    hidden_values.update(m.name for m in item.members)
                else:
                    hidden_types.add(item.name)
            elif isinstance(item, ast.ItemClass):
                hidden_classes.add(item.name)
            elif isinstance(item, ast.ItemTypeOperator):
                hidden_type_ops.add(item.name)
        shown = [n for n in values if n not in hidden_values]
        scope.add_all(scope.values, "values", [(q(n), values[n]) for n in shown])
        fixities = env.fixities
        for n in shown:
            fx = fixities.get(n)
            if fx is not None:
                scope.fixities[q(n)] = fx
        scope.add_all(scope.types, "types", [(q(n), types[n]) for n in types if n not in hidden_types])
        scope.add_all(scope.classes, "classes", [(q(n), classes[n]) for n in classes if n not in hidden_classes])
        for n in type_ops:
            if n not in hidden_type_ops:
                scope.add(scope.type_operators, q(n), type_ops[n])
                fx = env.type_fixities.get(n)
                if fx is not None:
                    scope.fixities[keys.type_key(q(n))] = fx
        return
    for item in imp.items:
        if isinstance(item, (ast.ItemValue, ast.ItemOperator)):
            if item.name not in values:
                diags.append(_not_exported(imp, item.span, item.name, values))
                continue
            take_value(item.name)
        elif isinstance(item, ast.ItemType):
            if item.name not in types:
                diags.append(_not_exported(imp, item.name_span, item.name, types))
                continue
            exported = members.get(item.name, ())
            if item.all_members:
                take_type(item.name, exported)
            else:
                wanted: list[str] = []
                for m in item.members or ():
                    if m.name not in exported:
                        diags.append(
                            _not_exported(imp, m.span, m.name, exported, "UnknownImportDataConstructor")
                        )
                    else:
                        wanted.append(m.name)
                take_type(item.name, tuple(wanted))
        elif isinstance(item, ast.ItemClass):
            if item.name not in classes:
                diags.append(_not_exported(imp, item.name_span, item.name, classes))
                continue
            scope.add(scope.classes, q(item.name), classes[item.name])
        elif isinstance(item, ast.ItemTypeOperator):
            if item.name not in type_ops:
                diags.append(_not_exported(imp, item.span, item.name, type_ops))
                continue
            scope.add(scope.type_operators, q(item.name), type_ops[item.name])
            fx = env.type_fixities.get(item.name)
            if fx is not None:
                scope.fixities[keys.type_key(q(item.name))] = fx


def _not_exported(
    imp: ast.ImportDecl, span: Span, name: str, candidates: Any, code: str = "UnknownImport"
) -> Diagnostic:
    return Diagnostic(
        span,
        Severity.ERROR,
        code,
        f"Module `{imp.module}` does not export `{name}`.{suggest(name, candidates)}",
        (Related(imp.module_span, f"imported from `{imp.module}`"),),
    )


def pick(scope: Scope, name: str, refs: set[Ref]) -> set[Ref]:
    """Among several origins of a name, the explicitly imported one wins over open imports."""
    if len(refs) <= 1:
        return refs
    explicit = scope.explicit.get(name, set()) & refs
    return explicit if explicit else refs
