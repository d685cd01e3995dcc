"""Checking one module against a registry view: declarations, binding groups, instances, exports.

The pipeline is ARCHITECTURE.md §3: resolve imports through the layer chain, resolve operator fixity, declare
types (with kind inference), classes and instances, then infer value binding groups in dependency (SCC) order,
then instance bodies, then build the exports, the module environment and one typed element per declaration.

Incremental: a value binding group is reused from `previous` when its declarations' fingerprints are unchanged,
it only moved by whole lines (its spans are shifted), and every scheme / type / instance set it read is equal.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from nova.check import typed as T
from nova.check.env import ModuleEnv, Ref, TypeInfo
from nova.check.graph import strongly_connected
from nova.check.infer import DeclState, Inference, LocalVar, TooDeep, free_cells, has_skolem
from nova.check.names import free_names_cached
from nova.check.patterns import check_rows
from nova.check.scope import Scope, env_of, resolve_imports, suggest
from nova.check.typeconv import TypeTranslator, TypeVarEntry, default_kind
from nova.check.zonk import Zonker, shift_diagnostic, shift_tree
from nova.diagnostics import Diagnostic, Related, Severity, Span
from nova.syntax import Fixity, ast, module_fixities, resolve_fixity
from nova.syntax.ast import decl_key, instance_key
from nova.syntax.parser import ParsedModule
from nova.types.classes import ClassEnv, ClassInfo, Given, InstanceInfo, Wanted, substitute
from nova.types.evidence import ParamEv
from nova.types.types import (
    K_CONSTRAINT,
    K_ROW,
    K_TYPE,
    PRIM,
    PRIM_KINDS,
    Constraint,
    Scheme,
    TApp,
    TCon,
    TFun,
    TGen,
    TSkolem,
    TVar,
    Type,
    fresh_id,
    prune,
)
from nova.types.unify import UnifyError, unify

PRIM_TYPE_INFOS: dict[str, TypeInfo] = {
    n: TypeInfo(PRIM, n, k, ()) for n, k in PRIM_KINDS.items() if n not in ("Type", "Function")
}


@dataclass(slots=True)
class GroupCache:
    """What a checked value binding group produced and what it depended on (for reuse by the next check)."""

    keys: tuple[str, ...]
    fingerprints: tuple[str, ...]
    spans: tuple[Span, ...]
    reads: dict[Ref, Any]
    elements: dict[str, T.TypedElement]
    schemes: dict[str, Scheme]
    diagnostics: list[Diagnostic]


@dataclass(slots=True)
class Structure:
    """The declaration phase's results, reusable by the next check when the header key is unchanged."""

    key: Any
    scope: Scope
    envs: dict[str, ModuleEnv]
    classenv: ClassEnv
    own_aliases: dict[str, Ref]
    own_types: dict[str, TypeInfo]
    own_classes: dict[str, ClassInfo]
    own_instances: list[InstanceInfo]
    instance_decls: list[tuple[Any, InstanceInfo]]
    signatures: dict[str, tuple[Any, Scheme]]
    schemes: dict[str, Scheme]
    elements: dict[str, T.TypedElement]
    diagnostics: list[Diagnostic]
    import_diagnostics: list[Diagnostic]
    instance_digest: Any
    fixity_table: dict[str, Fixity]


@dataclass(slots=True)
class CheckedModule:
    """The result of checking one module: what `Layer.put` stores, plus diagnostics and incremental stats."""

    name: str
    exports: dict[str, Scheme]
    typed_ast: T.TypedModule
    env: ModuleEnv
    imports: tuple[str, ...]
    diagnostics: tuple[Diagnostic, ...]
    fixities: dict[str, Fixity]
    reinferred: int = 0
    reused: int = 0
    cache: dict[tuple[str, ...], GroupCache] = field(default_factory=dict, repr=False, compare=False)
    header_span: Span | None = None
    structure: Structure | None = field(default=None, repr=False, compare=False)


def _kind_from_syntax(t: ast.Type | None) -> Type:
    if t is None:
        return TVar(fresh_id(), 1 << 20)
    if isinstance(t, ast.TypeParen):
        return _kind_from_syntax(t.type)
    if isinstance(t, ast.TypeFun):
        return TFun(_kind_from_syntax(t.arg), _kind_from_syntax(t.result))
    if isinstance(t, ast.TypeCon):
        if t.name == "Type":
            return K_TYPE
        if t.name == "Constraint":
            return K_CONSTRAINT
        return K_TYPE
    if isinstance(t, ast.TypeApp):
        fn = t.fn
        if isinstance(fn, ast.TypeCon) and fn.name == "Row":
            return TApp(K_ROW, _kind_from_syntax(t.arg))
    return TVar(fresh_id(), 1 << 20)


class ModuleChecker(Inference):
    def __init__(self, parsed: ParsedModule, view: Any, previous: CheckedModule | None) -> None:
        self.parsed = parsed
        self.view = view
        self.previous = previous
        mod = parsed.module
        self.name = mod.name or "Main"
        self.header_span = mod.name_span or Span(0, 0, 0, 0)
        self.diags: list[Diagnostic] = list(parsed.diagnostics)
        self.module_state = DeclState()
        self.init_inference()
        self.state = self.module_state
        self.own_values: dict[str, str] = {}
        self.own_aliases: dict[str, Ref] = {}
        self.own_types: dict[str, TypeInfo] = {}
        self.own_classes: dict[str, ClassInfo] = {}
        self.own_instances: list[InstanceInfo] = []
        self.schemes: dict[str, Scheme] = {}
        self.elements: dict[str, T.TypedElement] = {}
        self.envs: dict[str, ModuleEnv] = {}
        self.classenv = ClassEnv()
        self.cache: dict[tuple[str, ...], GroupCache] = {}
        self.reinferred = 0
        self.reused = 0
        self.scope = Scope()
        self.kind_vars: list[Type] = []
        self.instance_digest: Any = None
        self.fixity_table: dict[str, Fixity] = {}
        self.structure: Structure | None = None
        self.instance_decls: list[tuple[Any, InstanceInfo]] = []
        self.signatures: dict[str, tuple[Any, Scheme]] = {}

    # ------------------------------------------------------------------ scope plumbing
    def scope_values(self) -> Mapping[str, set[Ref]]:
        return self.scope.values

    def pick(self, name: str, refs: set[Ref]) -> set[Ref]:
        from nova.check.scope import pick

        return pick(self.scope, name, refs)

    def lookup_type(self, t: ast.TypeCon | ast.TypeOperator) -> TypeInfo | None:
        if isinstance(t, ast.TypeOperator):
            full = t.full
            refs = self.scope.type_operators.get(full)
            own = self.own_aliases.get("type:" + t.name) if t.qualifier is None else None
            target: Ref | None = own
            if target is None and refs:
                ref = min(refs)
                target = self.alias_of(ref)
            if target is None:
                self.error(t.span, "UnknownName", f"Unknown type operator `{full}`.")
                return None
            return self.type_info(target[0], target[1][5:], t.span)
        if t.qualifier is None:
            own_info = self.own_types.get(t.name)
            if own_info is not None:
                self.state.reads[(self.name, "type:" + t.name)] = own_info
                return own_info
        full = t.full
        refs = self.scope.types.get(full)
        if not refs:
            if t.qualifier is None and t.name in PRIM_TYPE_INFOS:
                return PRIM_TYPE_INFOS[t.name]
            candidates = list(self.own_types) + list(self.scope.types) + list(PRIM_TYPE_INFOS)
            self.error(t.span, "UnknownName", f"Unknown type `{full}`.{suggest(full, candidates)}")
            return None
        if len(refs) > 1:
            refs = self.pick(full, refs)
        if len(refs) > 1:
            self.error(t.span, "ScopeConflict", f"Type `{full}` is ambiguous.")
        mod, key = min(refs)
        return self.type_info(mod, key[5:] if key.startswith("type:") else key, t.span)

    def type_info(self, mod: str, name: str, span: Span) -> TypeInfo | None:
        if mod == self.name:
            return self.own_types.get(name)
        if mod == PRIM:
            return PRIM_TYPE_INFOS.get(name)
        env = self.envs.get(mod) or env_of(self.view, mod)
        if env is None:
            return None
        self.envs[mod] = env
        info = env.type_infos.get(name)
        self.state.reads[(mod, "type:" + name)] = info
        return info

    def lookup_class(self, n: ast.Name) -> Ref | None:
        if n.qualifier is None and n.name in self.own_classes:
            return (self.name, n.name)
        refs = self.scope.classes.get(n.full)
        if not refs:
            cands = list(self.own_classes) + list(self.scope.classes)
            self.error(n.span, "UnknownName", f"Unknown type class `{n.full}`.{suggest(n.full, cands)}")
            return None
        mod, key = min(refs)
        return (mod, key[6:] if key.startswith("class:") else key)

    def class_kind(self, ref: Ref) -> Type:
        info = self.classenv.classes.get(ref)
        return info.kind if info is not None else TVar(fresh_id(), 1 << 20)

    def translator(self, tvars: dict[str, TypeVarEntry], on_free: Any) -> TypeTranslator:
        return TypeTranslator(
            self.lookup_type, self.lookup_class, self.class_kind, self.state.diagnostics, tvars, on_free
        )

    def signature_scheme(
        self, t: ast.Type, fixed: dict[str, TypeVarEntry] | None = None, first: int = 0
    ) -> tuple[Scheme, dict[str, TypeVarEntry]]:
        """A written signature as a scheme; its variables are `TGen(first…)`, `fixed` ones stay as given."""
        names: list[str] = []
        counter = [first]

        def on_free(n: str) -> TypeVarEntry:
            names.append(n)
            e = TypeVarEntry(TGen(counter[0]), TVar(fresh_id(), 1 << 20))
            counter[0] += 1
            return e

        tvars: dict[str, TypeVarEntry] = dict(fixed or {})
        tr = self.translator(tvars, on_free)
        body = t
        while isinstance(body, ast.TypeParen):
            body = body.type
        if isinstance(body, ast.TypeForall):
            for b in body.vars:
                if b.name not in tvars or fixed is None or b.name not in fixed:
                    tvars[b.name] = on_free(b.name)
            body = body.body
        constraints: list[Constraint] = []
        while isinstance(body, (ast.TypeConstrained, ast.TypeParen)):
            if isinstance(body, ast.TypeParen):
                if not isinstance(body.type, ast.TypeConstrained):
                    break
                body = body.type
                continue
            for c in body.constraints:
                got = tr.constraint(c)
                if got is not None:
                    constraints.append(got)
            body = body.body
        ty = tr.type_of_kind(body)
        return Scheme(counter[0], tuple(constraints), ty, tuple(names)), tvars

    def translate_local_type(self, t: ast.Type) -> Type:
        def on_free(n: str) -> TypeVarEntry:
            return TypeVarEntry(self.fresh(), TVar(fresh_id(), 1 << 20))

        tvars = dict(self.tyvars)
        tr = self.translator(tvars, on_free)
        body = t
        if isinstance(body, ast.TypeForall):
            for b in body.vars:
                tvars[b.name] = on_free(b.name)
            body = body.body
        if isinstance(body, ast.TypeConstrained):
            body = body.body
        return tr.type_of_kind(body)

    def local_signature(self, t: ast.Type, owner: str) -> Scheme:
        """A `let`/`where` signature: scoped type variables of the enclosing signature stay fixed."""
        fixed = dict(self.tyvars)
        sc, _ = self.signature_scheme(t, fixed)
        return sc

    # ------------------------------------------------------------------ entry
    def run(self) -> CheckedModule:
        mod = self.parsed.module
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
        self.diags.extend(self.module_state.diagnostics)
        self.diags.sort(key=lambda d: (d.span.start_line, d.span.start_col))
        return CheckedModule(
            name=self.name,
            exports=exports,
            typed_ast=T.TypedModule(self.name, self.elements),
            env=env,
            imports=tuple(dict.fromkeys(i.module for i in mod.imports)),
            diagnostics=tuple(self.diags),
            fixities=fixities,
            reinferred=self.reinferred,
            reused=self.reused,
            cache=self.cache,
            header_span=self.header_span,
            structure=self.structure,
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
        self.scope = st.scope
        self.envs = dict(st.envs)
        self.classenv = st.classenv
        self.own_aliases = dict(st.own_aliases)
        self.own_types = dict(st.own_types)
        self.own_classes = dict(st.own_classes)
        self.own_instances = list(st.own_instances)
        self.instance_decls = list(st.instance_decls)
        self.signatures = dict(st.signatures)
        self.schemes = dict(st.schemes)
        self.elements = dict(st.elements)
        self.module_state.diagnostics.extend(st.diagnostics)
        self.diags.extend(st.import_diagnostics)
        self.instance_digest = st.instance_digest
        self.fixity_table = st.fixity_table

    def _header_key(self, mod: ast.Module) -> Any:
        """What the declaration phase depends on: every non-value declaration (fingerprint and place), the
        names of the values, the header, and the revision of every module reachable through the imports."""
        parts: list[Any] = [mod.name, mod.exports, mod.imports]
        values: list[str] = []
        for d in mod.decls:
            if isinstance(d, ast.ValueDecl):
                values.append(d.name)
            elif d.fingerprint:
                parts.append((type(d).__name__, d.fingerprint, d.span))
            else:
                parts.append(d)
        parts.append(frozenset(values))
        seen: set[str] = set()
        todo = [i.module for i in mod.imports]
        revs: list[tuple[str, int | None]] = []
        while todo:
            m = todo.pop()
            if m in seen:
                continue
            seen.add(m)
            entry = self.view.get(m)
            revs.append((m, entry.rev if entry is not None else None))
            if entry is not None:
                todo.extend(entry.imports)
        parts.append(tuple(sorted(revs, key=lambda x: x[0])))
        return tuple(parts)

    def _resolve_decls(self, decls: tuple[Any, ...], st: DeclState) -> tuple[Any, ...]:
        """Operator fixity resolution of some declarations (diagnostics go to `st`)."""
        if not decls:
            return decls
        shell = ast.Module(self.parsed.module.span, self.name, None, None, (), decls)
        try:
            resolved, diags = resolve_fixity(shell, self.fixity_table)
        except RecursionError:
            st.diagnostics.append(Diagnostic(decls[0].span, Severity.ERROR, "TooDeep", "Expression nested too deeply."))
            return decls
        st.diagnostics.extend(diags)
        return tuple(resolved.decls)

    # ------------------------------------------------------------------ classes and instances in scope
    def _build_class_env(self, mod: ast.Module) -> None:
        seen: set[str] = set()
        todo = [i.module for i in mod.imports]
        digest: list[Any] = []
        while todo:
            m = todo.pop()
            if m in seen or m == self.name:
                continue
            seen.add(m)
            env = self.envs.get(m) or env_of(self.view, m)
            if env is None:
                continue
            self.envs[m] = env
            for ci in env.class_infos.values():
                self.classenv.add_class(ci)
            for inst in env.instances:
                self.classenv.add_instance(inst)
                digest.append((inst.module, inst.key, inst.head, inst.context))
            digest.append((m, tuple(env.class_infos.items())))
            todo.extend(env.imports)
        self.instance_digest = tuple(sorted(digest, key=repr))

    # ------------------------------------------------------------------ names declared here
    def _declare_names(self, mod: ast.Module) -> None:
        seen_values: dict[str, Span] = {}
        last_value: str | None = None
        sigs: dict[str, Span] = {}
        for d in mod.decls:
            if isinstance(d, ast.ValueDecl):
                if d.name in seen_values and last_value != d.name:
                    self.module_error(
                        d.name_span,
                        "DuplicateValueDeclaration",
                        f"The value `{d.name}` has been defined multiple times.",
                        (Related(seen_values[d.name], "first defined here"),),
                    )
                seen_values.setdefault(d.name, d.name_span)
                self.own_values[d.name] = d.name
                last_value = d.name
                continue
            last_value = None
            if isinstance(d, ast.SignatureDecl):
                if d.name in sigs:
                    self.module_error(
                        d.name_span, "DuplicateTypeSignature", f"Duplicate type signature for `{d.name}`."
                    )
                sigs[d.name] = d.name_span
                continue
            if isinstance(d, ast.ForeignValueDecl):
                self._own_value(d.name, d.name_span, seen_values)
            elif isinstance(d, (ast.DataDecl, ast.NewtypeDecl)):
                ctors = d.constructors if isinstance(d, ast.DataDecl) else (d.constructor,)
                for c in ctors:
                    self._own_value(c.name, c.name_span, seen_values)
            elif isinstance(d, ast.ClassDecl):
                for m in d.methods:
                    self._own_value(m.name, m.name_span, seen_values)
            elif isinstance(d, ast.FixityDecl) and not d.is_type:
                self._own_value(d.operator, d.operator_span, seen_values)
        for n, sp in sigs.items():
            if n not in self.own_values or self.own_values[n] != n or n not in seen_values:
                self.module_error(sp, "OrphanTypeDeclaration", f"The type signature for `{n}` has no definition.")

    def _own_value(self, name: str, span: Span, seen: dict[str, Span]) -> None:
        if name in seen:
            self.module_error(
                span,
                "DuplicateValueDeclaration",
                f"The value `{name}` has been defined multiple times.",
                (Related(seen[name], "first defined here"),),
            )
        seen.setdefault(name, span)
        self.own_values[name] = name

    def module_error(self, span: Span, code: str, message: str, related: tuple[Related, ...] = ()) -> None:
        self.module_state.diagnostics.append(Diagnostic(span, Severity.ERROR, code, message, related))

    def module_warn(self, span: Span, code: str, message: str) -> None:
        self.module_state.diagnostics.append(Diagnostic(span, Severity.WARNING, code, message))

    # ------------------------------------------------------------------ types
    def _declare_types(self, mod: ast.Module) -> None:
        self.state = self.module_state
        decls: list[Any] = []
        for d in mod.decls:
            if isinstance(d, (ast.DataDecl, ast.NewtypeDecl, ast.TypeAliasDecl, ast.ForeignDataDecl)):
                if d.name in self.own_types:
                    self.module_error(
                        d.name_span, "DuplicateTypeDeclaration", f"The type `{d.name}` has been defined multiple times."
                    )
                    continue
                decls.append(d)
                if isinstance(d, ast.ForeignDataDecl):
                    kind = _kind_from_syntax(d.kind) if d.kind is not None else K_TYPE
                    self.own_types[d.name] = TypeInfo(self.name, d.name, kind, ())
                elif not isinstance(d, ast.TypeAliasDecl):
                    pk = [_kind_from_syntax(b.kind) for b in d.params]
                    kind = K_TYPE
                    for k in reversed(pk):
                        kind = TFun(k, kind)
                    ctors = d.constructors if isinstance(d, ast.DataDecl) else (d.constructor,)
                    self.own_types[d.name] = TypeInfo(
                        self.name,
                        d.name,
                        kind,
                        tuple(b.name for b in d.params),
                        tuple(c.name for c in ctors),
                        None,
                        isinstance(d, ast.NewtypeDecl),
                    )
        # synonyms in dependency order
        aliases = {d.name: d for d in decls if isinstance(d, ast.TypeAliasDecl)}
        deps = {n: [m for m in _type_names(a.type) if m in aliases] for n, a in aliases.items()}
        for group in strongly_connected(list(aliases), deps):
            if len(group) > 1 or group[0] in deps[group[0]]:
                for n in group:
                    self.module_error(
                        aliases[n].name_span, "CycleInTypeSynonym", f"The type synonym `{n}` refers to itself."
                    )
                    self.own_types[n] = TypeInfo(self.name, n, K_TYPE, (), (), TVar(fresh_id(), 1 << 20))
                continue
            a = aliases[group[0]]
            params = [b.name for b in a.params]
            tvars = {
                n: TypeVarEntry(TGen(i), _kind_from_syntax(b.kind))
                for i, (n, b) in enumerate(zip(params, a.params, strict=True))
            }
            tr = self.translator(tvars, None)
            body, bk = tr.go(a.type)
            syn_kind: Type = bk
            for b in reversed(a.params):
                syn_kind = TFun(tvars[b.name].kind, syn_kind)
            self.own_types[a.name] = TypeInfo(self.name, a.name, syn_kind, tuple(params), (), body)
        # constructors: kind inference over all data types of the module at once
        ctor_fields: dict[str, list[tuple[ast.DataCtor, list[Type]]]] = {}
        for d in decls:
            if not isinstance(d, (ast.DataDecl, ast.NewtypeDecl)):
                continue
            info = self.own_types[d.name]
            kinds: list[Type] = []
            k = prune(info.kind)
            for _ in d.params:
                assert isinstance(k, TFun)
                kinds.append(k.arg)
                k = prune(k.res)
            tvars = {b.name: TypeVarEntry(TGen(i), kinds[i]) for i, b in enumerate(d.params)}
            tr = self.translator(tvars, None)
            ctors = d.constructors if isinstance(d, ast.DataDecl) else (d.constructor,)
            out: list[tuple[ast.DataCtor, list[Type]]] = []
            for c in ctors:
                out.append((c, [tr.type_of_kind(f) for f in c.fields]))
                if isinstance(d, ast.NewtypeDecl) and len(c.fields) != 1:
                    self.module_error(
                        c.span, "InvalidNewtype", f"The constructor of newtype `{d.name}` must have exactly one field."
                    )
            ctor_fields[d.name] = out
        # default remaining kind variables and freeze the type infos
        for n, info in list(self.own_types.items()):
            self.own_types[n] = TypeInfo(
                info.module,
                info.name,
                _freeze_kind(default_kind(info.kind)),
                info.params,
                info.constructors,
                info.synonym,
                info.newtype,
            )
        for d in decls:
            key = "type:" + d.name
            info = self.own_types[d.name]
            kind_name = (
                "foreign-type"
                if isinstance(d, ast.ForeignDataDecl)
                else ("synonym" if isinstance(d, ast.TypeAliasDecl) else "type")
            )
            self.elements[key] = T.TypedElement(
                key,
                d.name,
                kind_name,
                d.span,
                d.name_span,
                d.doc,
                Scheme(len(info.params), (), info.synonym) if info.synonym is not None else None,
                fingerprint=d.fingerprint,
                constructors=info.constructors,
                kind_of=info.kind,
                newtype=info.newtype,
            )
            if d.name not in ctor_fields:
                continue
            result: Type = TCon(d.name, self.name)
            for i in range(len(info.params)):
                result = TApp(result, TGen(i))
            for idx, (c, fields) in enumerate(ctor_fields[d.name]):
                t: Type = result
                for f in reversed(fields):
                    t = TFun(f, t)
                sc = Scheme(len(info.params), (), Zonker().type(t), tuple(info.params))
                self.schemes[c.name] = sc
                self.elements[c.name] = T.TypedElement(
                    c.name,
                    c.name,
                    "constructor",
                    c.span,
                    c.name_span,
                    c.doc,
                    sc,
                    fingerprint=d.fingerprint,
                    type_name=key,
                    index=idx,
                    arity=len(fields),
                )

    # ------------------------------------------------------------------ classes
    def _declare_classes(self, mod: ast.Module) -> None:
        self.state = self.module_state
        for d in mod.decls:
            if not isinstance(d, ast.ClassDecl):
                continue
            if d.name in self.own_classes:
                self.module_error(d.name_span, "DuplicateTypeClassDeclaration", f"Class `{d.name}` is declared twice.")
                continue
            if len(d.params) != 1:
                self.module_error(d.name_span, "UnsupportedClass", "Classes take exactly one type parameter.")
            param = d.params[0].name if d.params else "a"
            kind = _kind_from_syntax(d.params[0].kind) if d.params else TVar(fresh_id(), 1 << 20)
            info = ClassInfo(self.name, d.name, param, (), tuple(m.name for m in d.methods), kind)
            self.own_classes[d.name] = info
            self.classenv.add_class(info)
        for d in mod.decls:
            if not isinstance(d, ast.ClassDecl) or self.own_classes.get(d.name) is None:
                continue
            info = self.own_classes[d.name]
            tvars = {info.param: TypeVarEntry(TGen(0), info.kind)}
            tr = self.translator(tvars, None)
            supers = tuple(c for c in (tr.constraint(s) for s in d.superclasses) if c is not None)
            method_schemes: list[tuple[ast.ClassMethod, Scheme]] = []
            for m in d.methods:
                sc, _ = self.signature_scheme(m.type, {info.param: TypeVarEntry(TGen(0), info.kind)}, first=1)
                own = Constraint(self.name, d.name, TGen(0))
                method_schemes.append((m, Scheme(sc.arity, (own, *sc.constraints), sc.type, (info.param, *sc.names))))
            final = ClassInfo(
                self.name, d.name, info.param, supers, info.methods, _freeze_kind(default_kind(info.kind))
            )
            self.own_classes[d.name] = final
            self.classenv.add_class(final)
            key = "class:" + d.name
            self.elements[key] = T.TypedElement(
                key, d.name, "class", d.span, d.name_span, d.doc, fingerprint=d.fingerprint, class_info=final
            )
            for m, sc in method_schemes:
                self.schemes[m.name] = sc
                self.elements[m.name] = T.TypedElement(
                    m.name,
                    m.name,
                    "method",
                    m.span,
                    m.name_span,
                    m.doc,
                    sc,
                    fingerprint=d.fingerprint,
                    cls=(self.name, d.name),
                )

    # ------------------------------------------------------------------ instances
    def _instance_head(self, d: ast.InstanceDecl | ast.DeriveDecl) -> InstanceInfo | None:
        cls = self.lookup_class(d.class_name)
        if cls is None:
            return None
        if len(d.types) != 1:
            self.module_error(d.span, "ClassArity", f"Class `{d.class_name.full}` takes exactly one type argument.")
            return None
        names: list[str] = []

        def on_free(n: str) -> TypeVarEntry:
            names.append(n)
            return TypeVarEntry(TGen(len(names) - 1), TVar(fresh_id(), 1 << 20))

        tvars: dict[str, TypeVarEntry] = {}
        tr = self.translator(tvars, on_free)
        head, hk = tr.go(d.types[0])
        tr.kind_unify(hk, self.class_kind(cls), d.types[0].span)
        context = tuple(c for c in (tr.constraint(c) for c in d.constraints) if c is not None)
        key = instance_key(d)
        iname = d.name or key[len("instance:") :]
        return InstanceInfo(self.name, key, iname, cls[0], cls[1], len(names), head, context)

    def _declare_instances(self, mod: ast.Module) -> None:
        self.state = self.module_state
        self.instance_decls = []
        keys: set[str] = set()
        for d in mod.decls:
            if not isinstance(d, (ast.InstanceDecl, ast.DeriveDecl)):
                continue
            info = self._instance_head(d)
            if info is None:
                continue
            if info.key in keys:
                self.module_error(
                    d.name_span or d.span, "DuplicateInstance", f"Instance `{info.name}` is declared twice."
                )
                continue
            keys.add(info.key)
            head_con, _ = _head(info.head)
            for other in self.classenv.instances.get((info.cls_module, info.cls), []):
                if other.head == info.head:
                    self.module_error(
                        d.span,
                        "OverlappingInstances",
                        f"Instance `{info.name}` overlaps with instance `{other.name}` of `{other.module}`.",
                    )
                    break
            self.classenv.add_instance(info)
            self.own_instances.append(info)
            self.instance_decls.append((d, info))
            own_class = info.cls_module == self.name
            own_type = isinstance(head_con, TCon) and head_con.module == self.name
            if not own_class and not own_type:
                self.module_warn(
                    d.name_span or d.span,
                    "OrphanInstance",
                    f"Orphan instance `{info.name}`: neither the class `{info.cls}` nor the type is defined in "
                    f"module `{self.name}`.",
                )
            self.instance_digest = (self.instance_digest, info.key, info.head, info.context)

    # ------------------------------------------------------------------ signatures, foreign values, operators
    def _declare_signatures(self, mod: ast.Module) -> None:
        self.state = self.module_state
        self.signatures = {}
        for d in mod.decls:
            if isinstance(d, ast.SignatureDecl) and d.name not in self.signatures:
                st = DeclState()
                self.state = st
                sc, _ = self.signature_scheme(d.type)
                self.module_state.diagnostics.extend(st.diagnostics)
                self.signatures[d.name] = (d, sc)
                self.schemes[d.name] = sc
            elif isinstance(d, ast.ForeignValueDecl):
                sc, _ = self.signature_scheme(d.type)
                self.schemes[d.name] = sc
                self.elements[d.name] = T.TypedElement(
                    d.name,
                    d.name,
                    "foreign",
                    d.span,
                    d.name_span,
                    d.doc,
                    sc,
                    fingerprint=d.fingerprint,
                    backend=d.backend,
                )
            elif isinstance(d, ast.FixityDecl):
                key = decl_key(d)
                if d.is_type:
                    info = self.lookup_type(ast.TypeCon(d.target.span, d.target.name, d.target.qualifier))
                    if info is not None:
                        self.own_aliases[key] = (info.module, "type:" + info.name)
                    self.elements[key] = T.TypedElement(
                        key,
                        d.operator,
                        "type-operator",
                        d.span,
                        d.operator_span,
                        d.doc,
                        fingerprint=d.fingerprint,
                        alias=self.own_aliases.get(key),
                        fixity=(d.assoc, d.precedence),
                    )
                    continue
                target = self.resolve_value(d.target.name, d.target.qualifier, d.target.span)
                if target is not None:
                    self.own_aliases[key] = target
                self.elements[key] = T.TypedElement(
                    key,
                    d.operator,
                    "operator",
                    d.span,
                    d.operator_span,
                    d.doc,
                    fingerprint=d.fingerprint,
                    alias=target,
                    fixity=(d.assoc, d.precedence),
                )
        self._resolve_operator_schemes(mod, final=False)

    def _resolve_operator_schemes(self, mod: ast.Module, final: bool) -> None:
        for key, target in self.own_aliases.items():
            if key.startswith("type:"):
                continue
            sc = self.schemes.get(target[1]) if target[0] == self.name else self.view.scheme(*target)
            if sc is not None:
                self.schemes[key] = sc
                el = self.elements.get(key)
                if el is not None and el.scheme != sc:
                    # never mutate: the element may be shared with an earlier result
                    self.elements[key] = dataclasses.replace(el, scheme=sc)

    # ------------------------------------------------------------------ value binding groups
    def _check_values(self, mod: ast.Module) -> None:
        clauses: dict[str, list[ast.ValueDecl]] = {}
        for d in mod.decls:
            if isinstance(d, ast.ValueDecl):
                clauses.setdefault(d.name, []).append(d)
        self.value_clauses = clauses
        names = list(clauses)
        name_set = set(names)
        deps: dict[str, list[str]] = {}
        for n in names:
            used = free_names_cached(clauses[n], self._fingerprint(n)[0])
            out: list[str] = []
            for u in used:
                target = u
                alias = self.own_aliases.get(u)
                if alias is not None and alias[0] == self.name:
                    target = alias[1]
                if target in name_set and target not in self.signatures:
                    out.append(target)
            deps[n] = out
        for group in strongly_connected(names, deps):
            self._check_group(group)
            self._resolve_operator_schemes(mod, final=False)

    def _fingerprint(self, key: str) -> tuple[str, Span]:
        parts = [d.fingerprint for d in self.value_clauses.get(key, [])]
        sig = self.signatures.get(key)
        span = self.value_clauses[key][0].span
        if sig is not None:
            parts.insert(0, sig[0].fingerprint)
            span = sig[0].span if sig[0].span < span else span
        if any(p == "" for p in parts):
            return "", span
        return "|".join(parts), span

    def _reuse(self, group: list[str]) -> bool:
        got = self._try_reuse(tuple(group), [self._fingerprint(k) for k in group])
        if got is None:
            return False
        for k in group:
            self.schemes[k] = got.schemes[k]
        self.reused += len(group)
        return True

    def _try_reuse(self, cache_key: tuple[str, ...], fps: list[tuple[str, Span]]) -> GroupCache | None:
        """The previous result for these declarations, moved to their new lines, if still valid."""
        prev = self.previous
        if prev is None:
            return None
        cached = prev.cache.get(cache_key)
        if cached is None:
            return None
        if any(fp == "" for fp, _ in fps) or tuple(fp for fp, _ in fps) != cached.fingerprints:
            return None
        pairs = list(zip(fps, cached.spans, strict=True))
        deltas = {sp.start_line - old.start_line for (_, sp), old in pairs}
        if len(deltas) != 1 or any(sp.start_col != old.start_col for (_, sp), old in pairs):
            return None
        delta = deltas.pop()
        for ref, seen in cached.reads.items():
            if self._current_read(ref) != seen:
                return None
        elements = {k: (shift_tree(el, delta) if delta else el) for k, el in cached.elements.items()}
        self.elements.update(elements)
        diags = [shift_diagnostic(d, delta) for d in cached.diagnostics]
        self.diags.extend(diags)
        fresh = GroupCache(
            cache_key, cached.fingerprints, tuple(sp for _, sp in fps), cached.reads, elements, cached.schemes, diags
        )
        self.cache[cache_key] = fresh
        return fresh

    def _current_read(self, ref: Ref) -> Any:
        mod, key = ref
        if mod == "#instances":
            return self.instance_digest
        if key.startswith("type:"):
            if mod == self.name:
                return self.own_types.get(key[5:])
            env = self.envs.get(mod) or env_of(self.view, mod)
            return env.type_infos.get(key[5:]) if env is not None else None
        if mod == self.name:
            return self.schemes.get(key)
        return self.view.scheme(mod, key)

    def _check_group(self, group: list[str]) -> None:
        if self._reuse(group):
            return
        self.reinferred += len(group)
        st = DeclState()
        self.state = st
        st.reads[("#instances", "")] = self.instance_digest
        self.wanted = []
        self.givens = []
        self.tyvars = {}
        results: dict[str, tuple[Type, tuple[T.Clause, ...]]] = {}
        member_wanteds: dict[str, list[Wanted]] = {}
        try:
            if len(group) == 1 and group[0] in self.signatures:
                self._check_with_signature(group[0], st)
            else:
                self.level += 1
                for n in group:
                    self.mono[n] = self.fresh()
                for n in group:
                    self.current_owner = n
                    self.wanted = []
                    t, cls = self.infer_clauses(n, self.value_clauses[n], self.mono[n])
                    results[n] = (t, cls)
                    member_wanteds[n] = self.wanted
                self.level -= 1
                self._generalise_group(group, results, member_wanteds, st)
        except TooDeep as err:
            self.level = 0
            self.error(err.span, "TooDeep", "Expression nested too deeply.")
            for n in group:
                self.schemes.setdefault(n, Scheme(1, (), TGen(0)))
                self._value_element(n, self.schemes[n], (), st)
        except RecursionError:
            self.level = 0
            span = self.value_clauses[group[0]][0].span
            self.error(span, "TooDeep", "Expression nested too deeply.")
            for n in group:
                self.schemes.setdefault(n, Scheme(1, (), TGen(0)))
                self._value_element(n, self.schemes[n], (), st)
        finally:
            for n in group:
                self.mono.pop(n, None)
            self.level = 0
            self.depth = 0
        self.diags.extend(st.diagnostics)
        self.cache[tuple(group)] = GroupCache(
            tuple(group),
            tuple(self._fingerprint(k)[0] for k in group),
            tuple(self._fingerprint(k)[1] for k in group),
            {r: v for r, v in st.reads.items() if not (r[0] == self.name and r[1] in group)},
            {k: self.elements[k] for k in group if k in self.elements},
            {k: self.schemes[k] for k in group if k in self.schemes},
            list(st.diagnostics),
        )

    def _skolemise(self, sc: Scheme, owner: str) -> tuple[Type, list[Given], dict[int, int], dict[str, TypeVarEntry]]:
        skolems: list[Type] = []
        mapping: dict[int, int] = {}
        for i in range(sc.arity):
            name = sc.names[i] if i < len(sc.names) else f"t{i}"
            sk = TSkolem(name, fresh_id(), self.level)
            skolems.append(sk)
            mapping[sk.id] = i
        expected = substitute(sc.type, skolems)
        givens = [
            Given(c.module, c.cls, substitute(c.type, skolems), ParamEv(owner, i)) for i, c in enumerate(sc.constraints)
        ]
        tyvars = {
            (sc.names[i] if i < len(sc.names) else f"t{i}"): TypeVarEntry(skolems[i], TVar(fresh_id(), 1 << 20))
            for i in range(sc.arity)
        }
        return expected, self.classenv.given_closure(givens), mapping, tyvars

    def _check_with_signature(self, name: str, st: DeclState) -> None:
        _, sc = self.signatures[name]
        self.level += 1
        self.current_owner = name
        expected, givens, mapping, tyvars = self._skolemise(sc, name)
        self.givens = givens
        self.tyvars = tyvars
        self.wanted = []
        _, cls = self.infer_clauses(name, self.value_clauses[name], expected)
        self.level -= 1
        stuck = self.solve(self.wanted, givens)
        for w in stuck:
            self._unsolved(w)
        self.finish_evidence()
        el = self._value_element(name, sc, cls, st)
        Zonker(dict(mapping), sc.arity).tree(el.clauses)
        self.givens = []
        self.tyvars = {}

    def _unsolved(self, w: Wanted) -> None:
        if has_skolem(w.type) or not _has_cells(w.type):
            self.no_instance(w)
        else:
            namer_t = w.type
            from nova.types.pretty import print_type

            self.error(
                w.span,
                "NoInstanceFound",
                f"No instance for {w.cls} {_paren(print_type(namer_t))}: the type is ambiguous here; "
                "add a type annotation.",
            )

    def _generalise_group(
        self,
        group: list[str],
        results: dict[str, tuple[Type, tuple[T.Clause, ...]]],
        member_wanteds: dict[str, list[Wanted]],
        st: DeclState,
    ) -> None:
        stuck_by_member: dict[str, list[Wanted]] = {}
        for n in group:
            stuck_by_member[n] = self.solve(member_wanteds[n], [])
        # the constraints every member gets: stuck wanteds on generalisable variables
        constraints: list[tuple[str, str, Type]] = []
        for n in group:
            for w in stuck_by_member[n]:
                cells: dict[int, TVar] = {}
                free_cells(w.type, cells)
                if not cells or any(c.level <= self.level for c in cells.values()):
                    continue
                if not any(c[0] == w.module and c[1] == w.cls and _same(c[2], w.type) for c in constraints):
                    constraints.append((w.module, w.cls, w.type))
        constraints = self._simplify(constraints)
        for n in group:
            t, cls = results[n]
            order: dict[int, int] = {}
            _appearance(t, order)
            for c in constraints:
                _appearance(c[2], order)
            cells_t: dict[int, TVar] = {}
            free_cells(t, cells_t)
            gen_ids = [i for i in order if i in cells_t and cells_t[i].level > self.level]
            cons_cells: dict[int, TVar] = {}
            for c in constraints:
                free_cells(c[2], cons_cells)
            for cid, cell in cons_cells.items():
                if cid not in cells_t and cell.level > self.level and len(group) == 1:
                    pass  # reported below as ambiguous
                if cid not in order:
                    order[cid] = len(order)
            gen_all = [i for i in order if (i in cells_t or i in cons_cells)]
            gen_all = [i for i in gen_all if (cells_t.get(i) or cons_cells.get(i)) is not None]
            mapping = {cid: idx for idx, cid in enumerate(gen_ids)}
            for cid in gen_all:
                if cid not in mapping:
                    mapping[cid] = len(mapping)
            z = Zonker(dict(mapping), len(mapping))
            sorted_cons = sorted(constraints, key=lambda c: (_first_index(c[2], mapping), c[1]))
            sc = Scheme(
                len(mapping),
                tuple(Constraint(m, c, z.type(ty)) for m, c, ty in sorted_cons),
                z.type(t),
            )
            self.schemes[n] = sc
            givens = self.classenv.given_closure(
                [Given(m, c, ty, ParamEv(n, i)) for i, (m, c, ty) in enumerate(sorted_cons)]
            )
            for w in stuck_by_member[n]:
                r, subs = self.classenv.reduce(w, givens)
                rest = self.solve(subs, givens) if subs else []
                if r != 1 or rest:
                    self._unsolved(w)
            for node, owner in st.group_refs:
                if owner == n:
                    node.evidence = tuple(ParamEv(n, i) for i in range(len(sorted_cons)))
            el = self._value_element(n, sc, cls, st)
            z2 = Zonker(dict(mapping), len(mapping))
            z2.tree(el.clauses)
        self.finish_evidence()

    def _simplify(self, constraints: list[tuple[str, str, Type]]) -> list[tuple[str, str, Type]]:
        """Drop a constraint entailed by another one's superclasses (`Eq a` when `Ord a` is there)."""
        out: list[tuple[str, str, Type]] = []
        for c in constraints:
            entailed = False
            for d in constraints:
                if d is c or not _same(d[2], c[2]):
                    continue
                closure = self.classenv.given_closure([Given(d[0], d[1], d[2], ParamEv("", 0))])
                if any(g.module == c[0] and g.cls == c[1] for g in closure[1:]):
                    entailed = True
                    break
            if not entailed:
                out.append(c)
        return out

    def _value_element(self, name: str, sc: Scheme, cls: tuple[T.Clause, ...], st: DeclState) -> T.TypedElement:
        first = self.value_clauses[name][0]
        sig = self.signatures.get(name)
        start = sig[0] if sig is not None else first
        last = self.value_clauses[name][-1]
        doc = (sig[0].doc if sig is not None else None) or first.doc
        el = T.TypedElement(
            name,
            name,
            "value",
            Span.join(start.span, last.span),
            first.name_span,
            doc,
            sc,
            fingerprint=self._fingerprint(name)[0],
            clauses=cls,
            reads=frozenset(r for r in st.reads if r[0] != "#instances"),
        )
        self.elements[name] = el
        return el

    # ------------------------------------------------------------------ instance bodies
    def _check_instances(self, mod: ast.Module) -> None:
        for d, info in self.instance_decls:
            fps = [(d.fingerprint, d.span)]
            if self._try_reuse((info.key,), fps) is not None:
                self.reused += 1
                continue
            st = DeclState()
            st.reads[("#instances", "")] = self.instance_digest
            self.state = st
            methods: list[T.Binding] = []
            try:
                if isinstance(d, ast.InstanceDecl):
                    methods = self._instance_methods(d, info)
                else:
                    self._check_derive(d, info)
            except (TooDeep, RecursionError):
                self.error(d.span, "TooDeep", "Expression nested too deeply.")
            finally:
                self.level = 0
                self.depth = 0
                self.givens = []
                self.tyvars = {}
            self.elements[info.key] = T.TypedElement(
                info.key,
                info.name,
                "instance",
                d.span,
                d.name_span or d.class_name.span,
                d.doc,
                Scheme(info.arity, info.context, TApp(TCon(info.cls, info.cls_module), info.head)),
                fingerprint=d.fingerprint,
                instance=info,
                methods=tuple(methods),
                derived=info.cls if isinstance(d, ast.DeriveDecl) else None,
                cls=(info.cls_module, info.cls),
            )
            self.diags.extend(st.diagnostics)
            self.reinferred += 1
            self.cache[(info.key,)] = GroupCache(
                (info.key,),
                (d.fingerprint,),
                (d.span,),
                dict(st.reads),
                {info.key: self.elements[info.key]},
                {},
                list(st.diagnostics),
            )

    def _instance_methods(self, d: ast.InstanceDecl, info: InstanceInfo) -> list[T.Binding]:
        cinfo = self.classenv.classes.get((info.cls_module, info.cls))
        if cinfo is None:
            return []
        self.level = 1
        skolems: list[Type] = [TSkolem(f"t{i}", fresh_id(), 1) for i in range(info.arity)]
        head = substitute(info.head, skolems)
        inst_givens = [
            Given(c.module, c.cls, substitute(c.type, skolems), ParamEv(info.key, i))
            for i, c in enumerate(info.context)
        ]
        # superclasses of the instance must hold
        for sup in cinfo.supers:
            w = Wanted(sup.module, sup.cls, substitute(sup.type, [head]), d.class_name.span)
            stuck = self.solve([w], self.classenv.given_closure(inst_givens))
            for s in stuck:
                self._unsolved(s)
        clauses: dict[str, list[ast.LocalValue]] = {}
        sigs: set[str] = set()
        for b in d.body:
            if isinstance(b, ast.LocalValue):
                clauses.setdefault(b.name, []).append(b)
            elif isinstance(b, ast.LocalSignature):
                sigs.add(b.name)
            else:
                self.error(b.span, "InvalidInstanceBody", "Instance bodies may only define the class's methods.")
        for m in cinfo.methods:
            if m not in clauses:
                self.error(
                    d.name_span or d.class_name.span,
                    "MissingClassMember",
                    f"The instance `{info.name}` does not define the method `{m}` of class `{info.cls}`.",
                )
        out: list[T.Binding] = []
        for mname, cl in clauses.items():
            if mname not in cinfo.methods:
                self.error(
                    cl[0].name_span,
                    "ExtraneousClassMember",
                    f"`{mname}` is not a method of class `{info.cls}`.",
                )
                continue
            msc = self.view.scheme(info.cls_module, mname) if info.cls_module != self.name else self.schemes.get(mname)
            if msc is None:
                continue
            # the method's own variables (TGen 1..) become skolems, the class variable the instance head
            own = [TSkolem(msc.names[i] if i < len(msc.names) else f"t{i}", fresh_id(), 1) for i in range(1, msc.arity)]
            args: list[Type] = [head, *own]
            expected = substitute(msc.type, args)
            method_givens = [
                Given(c.module, c.cls, substitute(c.type, args), ParamEv(f"{info.key}.{mname}", i - 1))
                for i, c in enumerate(msc.constraints)
                if i > 0
            ]
            self.givens = self.classenv.given_closure(inst_givens + method_givens)
            self.wanted = []
            self.current_owner = info.key
            _, cls = self.infer_clauses(mname, cl, expected)
            stuck = self.solve(self.wanted, self.givens)
            for w in stuck:
                self._unsolved(w)
            self.finish_evidence()
            binding = T.Binding(Span.join(cl[0].span, cl[-1].span), mname, cl[0].name_span, expected, cls)
            mapping = {sk.id: i for i, sk in enumerate(skolems) if isinstance(sk, TSkolem)}
            Zonker(mapping, info.arity).tree(binding)
            out.append(binding)
        return out

    def _check_derive(self, d: ast.DeriveDecl, info: InstanceInfo) -> None:
        if d.newtype:
            return
        if info.cls not in ("Eq", "Ord"):
            self.error(d.class_name.span, "CannotDerive", f"Cannot derive instances of `{info.cls}` (only Eq and Ord).")
            return
        head_con, head_args = _head(info.head)
        if not isinstance(head_con, TCon):
            self.error(d.span, "CannotDerive", "Derived instances need a data type in the head.")
            return
        tinfo = self.type_info(head_con.module, head_con.name, d.span)
        if tinfo is None:
            return
        skolems: list[Type] = [TSkolem(f"t{i}", fresh_id(), 1) for i in range(info.arity)]
        givens = self.classenv.given_closure(
            [
                Given(c.module, c.cls, substitute(c.type, skolems), ParamEv(info.key, i))
                for i, c in enumerate(info.context)
            ]
        )
        actual = [substitute(a, skolems) for a in head_args]
        for cname in tinfo.constructors:
            sc = self.schemes.get(cname) if tinfo.module == self.name else self.view.scheme(tinfo.module, cname)
            if sc is None or sc.arity != len(actual):
                continue
            t = prune(substitute(sc.type, actual))
            while isinstance(t, TFun):
                w = Wanted(info.cls_module, info.cls, t.arg, d.span)
                for s in self.solve([w], givens):
                    self._unsolved(s)
                t = prune(t.res)

    # ------------------------------------------------------------------ exports
    def _exports(self, mod: ast.Module, own_fix: dict[str, Fixity]) -> tuple[dict[str, Scheme], ModuleEnv]:
        self.state = self.module_state
        values: dict[str, Ref] = {}
        types: dict[str, Ref] = {}
        members: dict[str, tuple[str, ...]] = {}
        classes: dict[str, Ref] = {}
        type_ops: dict[str, Ref] = {}
        own_type_ops = {k[5:]: (self.name, k) for k in self.own_aliases if k.startswith("type:")}
        if mod.exports is None:
            for n in self.own_values:
                values[n] = (self.name, n)
            for n, info in self.own_types.items():
                types[n] = (self.name, "type:" + n)
                members[n] = info.constructors
            for n in self.own_classes:
                classes[n] = (self.name, "class:" + n)
            type_ops.update(own_type_ops)
        else:
            for item in mod.exports:
                self._export_item(item, values, types, members, classes, type_ops, own_type_ops)
        exports: dict[str, Scheme] = {}
        for n, ref in values.items():
            sc = self.schemes.get(ref[1]) if ref[0] == self.name else self.view.scheme(*ref)
            if sc is not None:
                exports[n] = sc
        for n, ref in types.items():
            tinfo = self.type_info(ref[0], ref[1][5:], self.header_span)
            if tinfo is not None:
                exports["type:" + n] = Scheme(
                    len(tinfo.params), (), tinfo.synonym if tinfo.synonym is not None else tinfo.kind
                )
        for n, ref in classes.items():
            ci = self.classenv.classes.get((ref[0], ref[1][6:]))
            if ci is not None:
                exports["class:" + n] = Scheme(1, ci.supers, TGen(0), (ci.param,))
        for inst in self.own_instances:
            exports[inst.key] = Scheme(inst.arity, inst.context, TApp(TCon(inst.cls, inst.cls_module), inst.head))
        fixities: dict[str, Fixity] = {}
        type_fixities: dict[str, Fixity] = {}
        for n, ref in values.items():
            fx = own_fix.get(n) if ref[0] == self.name else self._imported_fixity(n)
            if fx is not None:
                fixities[n] = fx
        for n in type_ops:
            fx = own_fix.get("type:" + n) or self.scope.fixities.get("type:" + n)
            if fx is not None:
                type_fixities[n] = fx
        for key, el in list(self.elements.items()):
            exported = (
                (key in values and values[key][0] == self.name)
                or (key.startswith("type:") and key[5:] in types)
                or (key.startswith("class:") and key[6:] in classes)
                or key.startswith("instance:")
            )
            if el.exported != exported:
                # never mutate: a reused element may be shared with a previous result stored in the registry
                self.elements[key] = dataclasses.replace(el, exported=exported)
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
                types[item.name] = (self.name, "type:" + item.name)
                all_ctors = own.constructors
                origin = self.name
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
                info = self.type_info(ref[0], ref[1][5:], item.span)
                all_ctors = info.constructors if info is not None else ()
                origin = ref[0]
            chosen: tuple[str, ...] = ()
            if item.all_members:
                chosen = all_ctors
            elif item.members:
                picked: list[str] = []
                for m in item.members:
                    if m.name not in all_ctors:
                        self.module_error(m.span, "UnknownExport", f"`{m.name}` is not a constructor of `{item.name}`.")
                    else:
                        picked.append(m.name)
                chosen = tuple(picked)
            members[item.name] = chosen
            for c in chosen:
                values[c] = (origin, c)
        elif isinstance(item, ast.ItemClass):
            if item.name in self.own_classes:
                classes[item.name] = (self.name, "class:" + item.name)
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
                    types[n] = (self.name, "type:" + n)
                    members[n] = info.constructors
                for n in self.own_classes:
                    classes[n] = (self.name, "class:" + n)
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
            for table, name, ref in got:
                if "." in name and not name.startswith("(") and name.split(".")[0][:1].isupper() and table != "x":
                    name = name.rsplit(".", 1)[1] if not _is_operator(name) else name
                if table == "values":
                    values[name] = ref
                elif table == "types":
                    types[name] = ref
                    info = self.type_info(ref[0], ref[1][5:], item.span)
                    if info is not None:
                        members[name] = tuple(c for c in info.constructors if (ref[0], c) in {r for _, _, r in got})
                elif table == "classes":
                    classes[name] = ref
                else:
                    type_ops[name] = ref

    # ------------------------------------------------------------------ exhaustiveness
    def check_exhaustive_params(
        self, span: Span, rows: list[tuple[tuple[T.Pattern, ...], T.Rhs | None]], width: int, what: str
    ) -> None:
        check_rows(self, span, rows, width, what)

    def constructor_siblings(self, target: Ref) -> list[tuple[str, int]] | None:
        """Every constructor of the type of constructor `target`, with its number of fields."""
        mod, key = target
        if mod == self.name:
            el = self.elements.get(key)
            if el is None or el.type_name is None:
                return None
            info = self.own_types.get(el.type_name[5:])
            if info is None:
                return None
            return [(c, self.elements[c].arity if c in self.elements else 0) for c in info.constructors]
        el = self.view.element(mod, key)
        if el is None or getattr(el, "type_name", None) is None:
            return None
        env = self.envs.get(mod) or env_of(self.view, mod)
        if env is None:
            return None
        tinfo = env.type_infos.get(el.type_name[5:])
        if tinfo is None:
            return None
        out: list[tuple[str, int]] = []
        for c in tinfo.constructors:
            cel = self.view.element(mod, c)
            out.append((c, getattr(cel, "arity", 0) if cel is not None else 0))
        return out


def _is_operator(name: str) -> bool:
    return not (name[:1].isalpha() or name[:1] == "_")


def _paren(s: str) -> str:
    return f"({s})" if " " in s and not s.startswith(("(", "{")) else s


def _has_cells(t: Type) -> bool:
    cells: dict[int, TVar] = {}
    free_cells(t, cells)
    return bool(cells)


def _same(a: Type, b: Type) -> bool:
    from nova.types.classes import types_equal

    return types_equal(a, b)


def _appearance(t: Type, order: dict[int, int]) -> None:
    cells: dict[int, TVar] = {}
    free_cells(t, cells)
    for cid in cells:
        if cid not in order:
            order[cid] = len(order)


def _first_index(t: Type, mapping: dict[int, int]) -> int:
    cells: dict[int, TVar] = {}
    free_cells(t, cells)
    return min((mapping.get(c, 1 << 20) for c in cells), default=1 << 20)


def _head(t: Type) -> tuple[Type, list[Type]]:
    from nova.types.types import split_app

    return split_app(t)


def _freeze_kind(k: Type) -> Type:
    k = prune(k)
    if isinstance(k, TFun):
        return TFun(_freeze_kind(k.arg), _freeze_kind(k.res))
    if isinstance(k, TApp):
        return TApp(_freeze_kind(k.fn), _freeze_kind(k.arg))
    if isinstance(k, TVar):
        return K_TYPE
    return k


def _type_names(t: ast.Type) -> list[str]:
    out: list[str] = []
    stack: list[Any] = [t]
    from dataclasses import fields, is_dataclass

    while stack:
        n = stack.pop()
        if isinstance(n, tuple):
            stack.extend(n)
            continue
        if not is_dataclass(n) or isinstance(n, type):
            continue
        if isinstance(n, ast.TypeCon) and n.qualifier is None:
            out.append(n.name)
        for f in fields(n):
            v = getattr(n, f.name)
            if isinstance(v, tuple) or (is_dataclass(v) and not isinstance(v, Span)):
                stack.append(v)
    return out


__all__ = ["CheckedModule", "GroupCache", "LocalVar", "ModuleChecker", "UnifyError", "unify"]
