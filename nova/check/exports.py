"""The module's interface: export lists, re-exports, the registry exports and the module environment."""

from __future__ import annotations

import dataclasses

from nova import keys
from nova.check.base import CheckerBase
from nova.check.env import ModuleEnv, Ref
from nova.check.scope import suggest
from nova.syntax import Fixity, ast
from nova.types.types import (
    Scheme,
    TCon,
    TGen,
    app,
)


class Exports(CheckerBase):
    # ------------------------------------------------------------------ exports
    def _exports(self, mod: ast.Module, own_fix: dict[str, Fixity]) -> tuple[dict[str, Scheme], ModuleEnv]:
        self.state = self.module_state
        values: dict[str, Ref] = {}
        types: dict[str, Ref] = {}
        members: dict[str, tuple[str, ...]] = {}
        classes: dict[str, Ref] = {}
        type_ops: dict[str, Ref] = {}
        own_type_ops = {keys.name_of(k): (self.name, k) for k in self.own_aliases if keys.is_type_key(k)}
        if mod.exports is None:
            for n in self.own_values:
                values[n] = (self.name, n)
            for n, info in self.own_types.items():
                types[n] = (self.name, keys.type_key(n))
                members[n] = info.constructors
            for n in self.own_classes:
                classes[n] = (self.name, keys.class_key(n))
            type_ops.update(own_type_ops)
        else:
            for item in mod.exports:
                self._export_item(item, values, types, members, classes, type_ops, own_type_ops)
            self._reexport_conflicts(mod.exports)
            self._transitive_class_exports(mod.exports, classes)
            self._transitive_operator_exports(mod.exports, values, types)
        exports: dict[str, Scheme] = {}
        for n, ref in values.items():
            sc = self.schemes.get(ref[1]) if ref[0] == self.name else self.view.scheme(*ref)
            if sc is not None:
                exports[n] = sc
        for n, ref in types.items():
            tinfo = self.type_info(ref[0], keys.name_of(ref[1]), self.header_span)
            if tinfo is not None:
                exports[keys.type_key(n)] = Scheme(
                    len(tinfo.params), (), tinfo.synonym if tinfo.synonym is not None else tinfo.kind
                )
        for n, ref in classes.items():
            ci = self.classenv.classes.get((ref[0], keys.name_of(ref[1])))
            if ci is not None:
                arity = len(ci.params)
                exports[keys.class_key(n)] = Scheme(
                    arity, ci.supers, app(TCon(ci.name, ci.module), *(TGen(i) for i in range(arity))), ci.params
                )
        for inst in self.own_instances:
            exports[inst.key] = Scheme(inst.arity, inst.context, app(TCon(inst.cls, inst.cls_module), *inst.args))
        fixities: dict[str, Fixity] = {}
        type_fixities: dict[str, Fixity] = {}
        for n, ref in values.items():
            fx = own_fix.get(n) if ref[0] == self.name else self._imported_fixity(n)
            if fx is not None:
                fixities[n] = fx
        for n in type_ops:
            fx = own_fix.get(keys.type_key(n)) or self.scope.fixities.get(keys.type_key(n))
            if fx is not None:
                type_fixities[n] = fx
        for key, el in list(self.elements.items()):
            exported = (
                (key in values and values[key][0] == self.name)
                or (keys.type_name(key) in types)
                or (keys.class_name(key) in classes)
                or keys.is_instance_key(key)
            )
            if el.exported != exported:
                if key in self._shared_keys:
                    # never mutate a reused element: it is shared with a previous result stored in the registry
                    self.elements[key] = dataclasses.replace(el, exported=exported)
                else:
                    el.exported = exported
        env = ModuleEnv(
            name=self.name,
            values=values,
            types=types,
            type_members=members,
            classes=classes,
            type_infos=dict(self.own_types),
            class_infos=dict(self.own_classes),
            instances=tuple(self.own_instances),
            fixities=fixities,
            type_fixities=type_fixities,
            type_operators=type_ops,
            aliases=dict(self.own_aliases),
            imports=tuple(dict.fromkeys(i.module for i in mod.imports)),
        )
        return exports, env

    def _reexport_conflicts(self, items: tuple[ast.ExportItem, ...]) -> None:
        """PureScript's `ScopeConflict` for re-exported modules that give one name from two modules (`module A,
        module B` both exporting `thing`): re-exporting forces the conflict to be resolved. (A declaration of this
        module shadowing a re-exported name is no conflict: PureScript's `ScopeShadowing`.)"""
        seen: dict[tuple[str, str], Ref] = {}
        for item in items:
            if not isinstance(item, ast.ItemModule) or item.name == self.name:
                continue
            prefix = item.name + "."
            for table, qualified, ref in self.scope.contributed.get(item.name, ()):
                name = qualified[len(prefix) :] if qualified.startswith(prefix) else qualified
                earlier = seen.setdefault((table, name), ref)
                if earlier != ref:
                    self.module_error(
                        item.name_span,
                        "ScopeConflict",
                        f"Conflicting definitions are in scope for `{name}` from modules `{earlier[0]}` and "
                        f"`{ref[0]}`: both are exported.",
                    )
                    return

    def _transitive_class_exports(self, items: tuple[ast.ExportItem, ...], classes: dict[str, Ref]) -> None:
        """PureScript's `TransitiveExportError`: an exported class of this module needs its superclasses of this
        module exported too (an importer could not name what its instances must provide)."""
        exported = set(classes.values())
        owner = {m: c for c, info in self.own_classes.items() for m in info.methods}
        for item in items:
            # a method of a class of this module exported without its class (PureScript's failing test
            # MissingClassExport)
            if isinstance(item, ast.ItemValue) and item.name in owner:
                cls = owner[item.name]
                if (self.name, keys.class_key(cls)) not in exported:
                    self.module_error(
                        item.span,
                        "TransitiveExportError",
                        f"An export for `{item.name}` requires the following to also be exported: `class {cls}`.",
                    )
                continue
            if not isinstance(item, ast.ItemClass) or classes.get(item.name) != (self.name, keys.class_key(item.name)):
                continue
            info = self.classenv.classes.get((self.name, item.name))
            missing = sorted(
                {s.cls for s in (info.supers if info is not None else ()) if s.module == self.name}
                - {keys.name_of(key) for mod, key in exported if mod == self.name}
            )
            if missing:
                names = ", ".join(f"`class {n}`" for n in missing)
                self.module_error(
                    item.span,
                    "TransitiveExportError",
                    f"An export for `class {item.name}` requires the following to also be exported: {names}.",
                )

    def _transitive_operator_exports(
        self, items: tuple[ast.ExportItem, ...], values: dict[str, Ref], types: dict[str, Ref]
    ) -> None:
        """An exported operator of this module needs what it stands for exported too: its value or type
        (`TransitiveExportError`) or its data constructor (`TransitiveDctorExportError`), as in PureScript."""
        for item in items:
            if isinstance(item, ast.ItemTypeOperator):
                target_type = self.own_aliases.get(keys.type_key(item.name))
                if target_type is not None and target_type[0] == self.name:
                    name = keys.name_of(target_type[1])
                    if types.get(name) != target_type:
                        self.module_error(
                            item.span,
                            "TransitiveExportError",
                            f"An export for `type ({item.name})` requires the following to also be exported: "
                            f"`{name}`.",
                        )
                continue
            if not isinstance(item, ast.ItemOperator):
                continue
            aliased = self.own_aliases.get(item.name)
            if aliased is None or aliased[0] != self.name or values.get(aliased[1]) == aliased:
                continue
            target = aliased[1]
            if target[:1].isupper():
                self.module_error(
                    item.span,
                    "TransitiveDctorExportError",
                    f"An export for `({item.name})` requires the following data constructor to also be exported: "
                    f"`{target}`.",
                )
            else:
                self.module_error(
                    item.span,
                    "TransitiveExportError",
                    f"An export for `({item.name})` requires the following to also be exported: `{target}`.",
                )

    def _imported_fixity(self, n: str) -> Fixity | None:
        return self.scope.fixities.get(n)

    def _export_item(
        self,
        item: ast.ExportItem,
        values: dict[str, Ref],
        types: dict[str, Ref],
        members: dict[str, tuple[str, ...]],
        classes: dict[str, Ref],
        type_ops: dict[str, Ref],
        own_type_ops: dict[str, Ref],
    ) -> None:
        if isinstance(item, (ast.ItemValue, ast.ItemOperator)):
            if item.name in self.own_values:
                values[item.name] = (self.name, item.name)
                if isinstance(item, ast.ItemValue):  # (an export is a use: PureScript warns there too)
                    self.scope_shadowing("value", item.name, "values")
                return
            refs = self.scope.values.get(item.name)
            if refs:
                values[item.name] = min(refs)
                return
            self.module_error(
                item.span,
                "UnknownExport",
                f"Cannot export unknown value `{item.name}`.{suggest(item.name, list(self.own_values))}",
            )
        elif isinstance(item, ast.ItemType):
            own = self.own_types.get(item.name)
            if own is not None:
                types[item.name] = (self.name, keys.type_key(item.name))
                all_ctors = own.constructors
                origin = self.name
                self.scope_shadowing("type", item.name, "types")
            else:
                refs = self.scope.types.get(item.name)
                if not refs:
                    self.module_error(
                        item.name_span,
                        "UnknownExport",
                        f"Cannot export unknown type `{item.name}`.{suggest(item.name, list(self.own_types))}",
                    )
                    return
                ref = min(refs)
                types[item.name] = ref
                info = self.type_info(ref[0], keys.name_of(ref[1]), item.span)
                all_ctors = info.constructors if info is not None else ()
                origin = ref[0]
            chosen: tuple[str, ...] = ()
            if item.all_members:
                chosen = all_ctors
            elif item.members:
                picked: list[str] = []
                for m in item.members:
                    if m.name not in all_ctors:
                        self.module_error(
                            m.span, "UnknownExportDataConstructor", f"`{m.name}` is not a constructor of `{item.name}`."
                        )
                    else:
                        picked.append(m.name)
                chosen = tuple(picked)
                missing = [c for c in all_ctors if c not in chosen]
                if own is not None and chosen and missing:  # (all of a type's constructors or none, as PureScript)
                    self.module_error(
                        item.span,
                        "TransitiveDctorExportError",
                        f"An export for `{item.name}` requires the following data constructor"
                        f"{'s' if len(missing) > 1 else ''} to also be exported: "
                        + ", ".join(f"`{c}`" for c in missing)
                        + ".",
                    )
            members[item.name] = chosen
            for c in chosen:
                values[c] = (origin, c)
        elif isinstance(item, ast.ItemClass):
            if item.name in self.own_classes:
                classes[item.name] = (self.name, keys.class_key(item.name))
                self.scope_shadowing("type class", item.name, "classes")
                return
            refs = self.scope.classes.get(item.name)
            if refs:
                classes[item.name] = min(refs)
                return
            self.module_error(item.name_span, "UnknownExport", f"Cannot export unknown class `{item.name}`.")
        elif isinstance(item, ast.ItemTypeOperator):
            if item.name in own_type_ops:
                type_ops[item.name] = own_type_ops[item.name]
                return
            refs = self.scope.type_operators.get(item.name)
            if refs:
                type_ops[item.name] = min(refs)
                return
            self.module_error(item.span, "UnknownExport", f"Cannot export unknown type operator `{item.name}`.")
        elif isinstance(item, ast.ItemModule):
            if item.name == self.name:
                for n in self.own_values:
                    values[n] = (self.name, n)
                for n, info in self.own_types.items():
                    types[n] = (self.name, keys.type_key(n))
                    members[n] = info.constructors
                for n in self.own_classes:
                    classes[n] = (self.name, keys.class_key(n))
                type_ops.update(own_type_ops)
                return
            got = self.scope.contributed.get(item.name)
            if got is None:
                self.module_error(
                    item.name_span,
                    "UnknownExport",
                    f"Cannot re-export module `{item.name}`: it is not imported.",
                )
                return
            prefix = item.name + "."
            for table, qualified, ref in got:
                name = qualified[len(prefix) :] if qualified.startswith(prefix) else qualified
                if table == "values":
                    values[name] = ref
                elif table == "types":
                    types[name] = ref
                    info = self.type_info(ref[0], keys.name_of(ref[1]), item.span)
                    if info is not None:
                        members[name] = tuple(c for c in info.constructors if (ref[0], c) in {r for _, _, r in got})
                elif table == "classes":
                    classes[name] = ref
                else:
                    type_ops[name] = ref
