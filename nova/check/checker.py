"""Checking one module against a registry view: declarations, binding groups, instances, exports.

The pipeline is ARCHITECTURE.md §3: resolve imports through the layer chain, resolve operator fixity, declare
types (with kind inference), classes and instances, then infer value binding groups in dependency (SCC) order,
then instance bodies, then build the exports, the module environment and one typed element per declaration.

Incremental: a value binding group is reused from `previous` when its declarations' fingerprints are unchanged,
it only moved by whole lines (its spans are shifted), and every scheme / type / instance set it read is equal.
"""

from __future__ import annotations

from typing import Any

from nova.check import typed as T
from nova.check.base import CheckerBase
from nova.check.deriving import instance_roots
from nova.check.instances import InstanceBodies
from nova.check.lint import lint_module
from nova.check.results import CheckedModule, GroupCache, Structure
from nova.check.scope import resolve_imports
from nova.diagnostics import Diagnostic, Severity, Span
from nova.syntax import Fixity, ast, module_fixities


class ModuleChecker(InstanceBodies):
    """Checks one module: the phases run in order by `run`."""

    # ------------------------------------------------------------------ entry
    def run(self, lint: bool = True) -> CheckedModule:
        """`lint`: whether to add PureScript's lint warnings (see `nova.check.check_module`)."""
        mod = self.parsed.module
        self.broken_keys = {b.key for b in getattr(self.parsed, "broken", ()) if b.key is not None}
        self._declare_names(mod)
        own_fix = module_fixities(mod)
        key = self._header_key(mod)
        prev = self.previous.structure if self.previous is not None else None
        if prev is not None and prev.key == key:
            self._adopt(prev)
        else:
            self.structure = self._declare_structure(mod, own_fix, key)
        fixities = self.fixity_table
        self._check_values(mod)
        self._check_instances(mod)
        self._resolve_operator_schemes(mod, final=True)
        exports, env = self._exports(mod, own_fix)
        if self.structure is not None:
            # keep the final (export-flagged) elements, so the next check need not rebuild them
            for key in self.structure.elements:
                el = self.elements.get(key)
                if el is not None:
                    self.structure.elements[key] = el
        for entry in self.cache.values():
            for key, old_el in entry.elements.items():
                el = self.elements.get(key)
                if el is not None and el is not old_el:
                    entry.elements[key] = el
        self.diags.extend(self.module_state.diagnostics)
        self.diags = _once_per_shadowing(self.diags)
        self.diags.sort(key=lambda d: (d.span.start_line, d.span.start_col))
        linted = lint and not any(d.severity == Severity.ERROR for d in self.diags)
        return CheckedModule(
            name=self.name,
            exports=exports,
            typed_ast=T.TypedModule(self.name, self.elements),
            env=env,
            imports=tuple(dict.fromkeys(i.module for i in mod.imports)),
            diagnostics=tuple(self.diags),
            lint=lint_module(self.name, mod, self.view, self) if linted else (),
            linted=linted,
            fixities=fixities,
            reinferred=self.reinferred,
            reused=self.reused,
            cache=self.cache,
            header_span=self.header_span,
            structure=self.structure,
            schemes=dict(self.schemes),
            value_deps=self.value_deps,
            groups=self.groups,
        )

    def _declare_structure(self, mod: ast.Module, own_fix: dict[str, Fixity], key: Any) -> Structure:
        """Everything but value bodies: imports, classes in scope, types, classes, instances, signatures."""
        before = len(self.module_state.diagnostics)
        scope, import_diags = resolve_imports(self.name, mod.imports, self.view)
        self.scope = scope
        self.envs.update(scope.envs)
        self.diags.extend(import_diags)
        self._build_class_env(mod)
        fixities = dict(scope.fixities)
        fixities.update(own_fix)
        self.fixity_table = fixities
        self._declare_types(mod)
        self._declare_classes(mod)
        self._declare_instances(mod)
        self._declare_signatures(mod)
        return Structure(
            key=key,
            scope=scope,
            envs=dict(self.envs),
            classenv=self.classenv,
            own_aliases=dict(self.own_aliases),
            own_types=dict(self.own_types),
            own_classes=dict(self.own_classes),
            own_instances=list(self.own_instances),
            instance_decls=list(self.instance_decls),
            signatures=dict(self.signatures),
            partial_signatures=dict(self.partial_signatures),
            broken_signatures=dict(self.broken_signatures),
            broken_instances=set(self.broken_instances),
            schemes=dict(self.schemes),
            elements=dict(self.elements),
            diagnostics=list(self.module_state.diagnostics[before:]),
            import_diagnostics=list(import_diags),
            instance_digest=self.instance_digest,
            fixity_table=fixities,
        )

    def _adopt(self, st: Structure) -> None:
        """Reuse the previous check's declarations (same header, same imported interfaces)."""
        self.structure = st
        self._adopted = True
        self._shared_keys.update(st.elements)
        self.scope = st.scope
        self.envs = dict(st.envs)
        self.classenv = st.classenv
        self.own_aliases = dict(st.own_aliases)
        self.own_types = dict(st.own_types)
        self.own_classes = dict(st.own_classes)
        self.own_instances = list(st.own_instances)
        self.instance_decls = list(st.instance_decls)
        self.signatures = dict(st.signatures)
        self.partial_signatures = dict(st.partial_signatures)
        self.broken_signatures = dict(st.broken_signatures)
        self.broken_instances = set(st.broken_instances)
        self.schemes = dict(st.schemes)
        self.elements = dict(st.elements)
        self.module_state.diagnostics.extend(st.diagnostics)
        self.diags.extend(st.import_diagnostics)
        self.instance_digest = st.instance_digest
        self.fixity_table = st.fixity_table

    def _header_key(self, mod: ast.Module) -> Any:
        """What the declaration phase depends on: every non-value declaration (fingerprint and place), the
        names of the values, the header, and the revisions of every module reachable through the imports, which
        the registry keys per imported module (`closure_revision`: O(the imports), not O(what they reach))."""
        parts: list[Any] = [mod.name, mod.exports, mod.imports]
        values: list[str] = []
        for d in mod.decls:
            if isinstance(d, ast.ValueDecl):
                values.append(d.name)
            elif d.fingerprint:
                parts.append((type(d).__name__, d.fingerprint, d.layout, d.span))
            else:
                parts.append(d)
        parts.append(frozenset(values))
        view = self.view
        parts.append(tuple((m, view.closure_revision(m)) for m in sorted(set(instance_roots(mod)))))
        return tuple(parts)


__all__ = ["CheckedModule", "CheckerBase", "GroupCache", "ModuleChecker", "Structure"]


def _once_per_shadowing(diags: list[Diagnostic]) -> list[Diagnostic]:
    """ScopeShadowing is reported at each use of a shadowing name (so a reused declaration keeps its own); the
    module shows it once."""
    seen: set[tuple[Span, str]] = set()
    out: list[Diagnostic] = []
    for d in diags:
        if d.code == "ScopeShadowing":
            if (d.span, d.message) in seen:
                continue
            seen.add((d.span, d.message))
        out.append(d)
    return out
