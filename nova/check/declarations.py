"""The declaration phase: names, types (with kinds), classes, instances, signatures, operators."""

from __future__ import annotations

from typing import Any

from nova.check import typed as T
from nova.check.base import CheckerBase, _freeze_kind, _kind_from_syntax, _type_names
from nova.check.env import TypeInfo
from nova.check.graph import strongly_connected
from nova.check.infer import DeclState
from nova.check.scope import env_of
from nova.check.typeconv import TypeVarEntry, default_kind
from nova.check.zonk import Zonker
from nova.diagnostics import Related, Span
from nova.syntax import ast
from nova.syntax.ast import decl_key, instance_key
from nova.types.classes import ClassInfo, InstanceInfo
from nova.types.types import (
    K_TYPE,
    Constraint,
    Scheme,
    TApp,
    TCon,
    TFun,
    TGen,
    TVar,
    Type,
    fresh_id,
    iter_type,
    prune,
)


class Declarations(CheckerBase):
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
                z = Zonker(None, len(info.params))
                closed_t = z.type(t)
                sc = Scheme(z.next, (), closed_t, tuple(info.params))
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
            self.instance_digest = (self.instance_digest, final)
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
        z = Zonker(None, len(names))
        head = z.type(head)
        context = tuple(Constraint(c.module, c.cls, z.type(c.type)) for c in context)
        return InstanceInfo(self.name, key, iname, cls[0], cls[1], z.next, head, context)

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
            own_type = any(isinstance(t, TCon) and t.module == self.name for t in iter_type(info.head))
            if not own_class and not own_type:
                head_span = Span.join(d.span, d.types[-1].span) if d.types else d.span
                self.module_warn(
                    d.name_span or head_span,
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
