"""Kind inference for a module's type-level declarations: data types, newtypes, synonyms, foreign data, classes.

PureScript 0.15 is poly-kinded, and so is this pass:

- Declarations are kind-checked in dependency order, one strongly connected group at a time. Inside a group a
  declaration without a kind signature has one (monomorphic) kind, made of unknowns that its own definition and
  the group's uses fix; after the group, the unknowns left open are generalised (`data Proxy a = Proxy` gets
  `forall k. k -> Type`), so later declarations use it at any kind.
- A declaration with a kind signature (`data T :: forall k. (k -> Type) -> k -> Type`, written right before it) has
  that kind everywhere, including inside its own group (polymorphic recursion); its own definition is checked
  against the signature with the signature's kind variables rigid.
- Every use of a poly-kinded constructor or class instantiates its kind variables afresh (see `instantiate_kind`).

The pass also translates what it kind-checks (constructor fields, synonym bodies, superclasses, method signatures),
once: the declaration phase builds constructor schemes, synonyms and class infos from these results.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

from nova import keys
from nova.check.deriving import Deriving
from nova.check.env import TypeInfo
from nova.check.graph import strongly_connected
from nova.check.infer_base import free_cells
from nova.check.typeconv import TypeVarEntry, _max_gen
from nova.check.zonk import Zonker
from nova.diagnostics import Span
from nova.syntax import ast
from nova.types.classes import ClassInfo
from nova.types.types import (
    K_CONSTRAINT,
    K_TYPE,
    Constraint,
    Scheme,
    TApp,
    TFun,
    TGen,
    TSkolem,
    TVar,
    Type,
    fresh_id,
    iter_type,
    prune,
)

TypeDecl = ast.DataDecl | ast.NewtypeDecl | ast.TypeAliasDecl | ast.ForeignDataDecl
KindedDecl = TypeDecl | ast.ClassDecl

_SIGNATURE_FOR = {"data": ast.DataDecl, "newtype": ast.NewtypeDecl, "type": ast.TypeAliasDecl, "class": ast.ClassDecl}


@dataclass(slots=True)
class ClassParts:
    """A class's superclasses and method schemes (without the class's own constraint), as the kind pass read them."""

    decl: ast.ClassDecl
    supers: tuple[Constraint, ...] = ()
    methods: list[tuple[ast.ClassMethod, Scheme]] = field(default_factory=list)


@dataclass(slots=True)
class KindResults:
    """What the kind pass translated, for the declaration phase."""

    ctor_fields: dict[str, list[tuple[ast.DataCtor, list[Type]]]] = field(default_factory=dict)
    classes: dict[str, ClassParts] = field(default_factory=dict)
    type_decls: list[TypeDecl] = field(default_factory=list)


def _key(d: KindedDecl) -> str:
    return keys.class_key(d.name) if isinstance(d, ast.ClassDecl) else keys.type_key(d.name)


class KindInference(Deriving):
    """The kind pass (run first in the declaration phase; fills `own_types` and placeholder `own_classes`)."""

    def _infer_kinds(self, mod: ast.Module) -> KindResults:
        out = KindResults()
        self._forall_kinds: list[tuple[str, Type, Span]] = []
        decls: dict[str, KindedDecl] = {}
        self._duplicate_classes: list[ast.ClassDecl] = []
        for d in mod.decls:
            if isinstance(d, (ast.DataDecl, ast.NewtypeDecl, ast.TypeAliasDecl, ast.ForeignDataDecl)):
                if keys.type_key(d.name) in decls or keys.class_key(d.name) in decls:
                    other = "type" if keys.type_key(d.name) in decls else "type class"
                    self.module_error(
                        d.name_span,
                        "DeclConflict",
                        f"Declaration for type `{d.name}` conflicts with an existing {other} of the same name.",
                    )
                    continue
                decls[keys.type_key(d.name)] = d
                out.type_decls.append(d)
            elif isinstance(d, ast.ClassDecl):
                if keys.class_key(d.name) in decls:
                    # a class declared twice is no name conflict in PureScript (one module exports both); its
                    # superclass cycles are reported first, the duplicate itself later (DuplicateTypeClass)
                    self._duplicate_classes.append(d)
                    continue
                if keys.type_key(d.name) in decls:
                    self.module_error(
                        d.name_span,
                        "DeclConflict",
                        f"Declaration for type class `{d.name}` conflicts with an existing type of the same name.",
                    )
                    continue
                decls[keys.class_key(d.name)] = d
        self._kind_signatures(mod, decls)
        self._kind_declaration_cycles(decls)
        # every declaration is known by name up front, with a skeleton kind of unknowns; a declared kind (a kind
        # signature, a foreign type's kind) is read when its group comes, after the types it mentions
        skeletons: dict[str, tuple[list[Type], Type]] = {}
        signatures: dict[str, Type] = {}
        self._own_synonyms = {k for k, d in decls.items() if isinstance(d, ast.TypeAliasDecl)}
        self._deferred_binders: dict[str, list[tuple[Type, ast.Type]]] = {}
        for key, d in decls.items():
            if isinstance(d, ast.ForeignDataDecl):
                kind: Type = TVar(fresh_id(), 1 << 20)
            else:
                params, result = self._skeleton(d)
                skeletons[key] = (params, result)
                kind = result
                for k in reversed(params):
                    kind = TFun(k, kind)
            self._install(d, kind)
        self._own_type_operators(mod)
        deps: dict[str, list[str]] = {}
        for key, d in decls.items():
            sig_decl = self._signature_decls.get(key)
            named = _referenced((d, sig_decl) if sig_decl is not None else d, self)
            deps[key] = list(dict.fromkeys(m for m in named if m in decls))
        for group in strongly_connected(list(decls), deps):
            self._kind_group(group, decls, signatures, skeletons, out)
        return out

    # ------------------------------------------------------------------ kind signatures
    def _kind_signatures(self, mod: ast.Module, decls: dict[str, KindedDecl]) -> None:
        """Which declarations have a kind signature. A signature must be followed right away by its declaration
        (of the same keyword), as in PureScript."""
        self._signature_decls: dict[str, ast.KindSignatureDecl] = {}
        items = mod.decls
        for i, d in enumerate(items):
            if not isinstance(d, ast.KindSignatureDecl):
                continue
            after = items[i + 1] if i + 1 < len(items) else None
            wanted = _SIGNATURE_FOR.get(d.keyword)
            nxt: KindedDecl | None = None
            if wanted is not None and isinstance(after, wanted):
                assert isinstance(after, (ast.DataDecl, ast.NewtypeDecl, ast.TypeAliasDecl, ast.ClassDecl))
                nxt = after
            if nxt is None or nxt.name != d.name:
                self.module_error(
                    d.name_span,
                    "OrphanKindDeclaration",
                    f"The kind declaration for `{d.name}` must be followed by its `{d.keyword}` declaration.",
                )
                continue
            key = _key(nxt)
            if key in self._signature_decls or decls.get(key) is not nxt:
                continue  # (a duplicate declaration: reported with the declaration)
            self._signature_decls[key] = d

    def _kind_declaration_cycles(self, decls: dict[str, KindedDecl]) -> None:
        """PureScript's `CycleInKindDeclaration`: a declared kind (a kind signature, a foreign type's kind) that
        mentions a type whose declared kind mentions the first one back, or itself (`data Foo :: Foo -> Type`):
        neither kind can be read before the other. The kinds of such declarations with a kind signature are inferred
        instead."""
        declared: dict[str, Any] = {key: sig.kind for key, sig in self._signature_decls.items()}
        for key, d in decls.items():
            if isinstance(d, ast.ForeignDataDecl) and d.kind is not None:
                declared[key] = d.kind
        if not declared:
            return
        edges = {key: [m for m in dict.fromkeys(_referenced(kind, self)) if m in declared] for key, kind in
                 declared.items()}
        for group in strongly_connected(list(declared), edges):
            if len(group) == 1 and group[0] not in edges[group[0]]:
                continue
            names = ", ".join(f"`{decls[k].name}`" for k in group)
            for key in group:
                sig = self._signature_decls.get(key)
                self.module_error(
                    sig.name_span if sig is not None else decls[key].name_span,
                    "CycleInKindDeclaration",
                    f"The kind declaration of `{decls[key].name}` is part of a cycle of kind declarations ({names}): "
                    "a declared kind may not mention a type whose declared kind needs it.",
                )
                self._signature_decls.pop(key, None)  # (its kind is inferred instead: no errors that follow from it)

    def _kind_scheme(self, written: ast.Type) -> Type:
        """A written kind with its variables (bound by `forall` or free) quantified in order of appearance."""
        names: list[str] = []
        entries: list[TypeVarEntry] = []

        def on_free(n: str) -> TypeVarEntry:
            names.append(n)
            # (its own kind is unknown until used: `k2` in `forall k1 (k2 :: k1).` has kind `k1`)
            entries.append(TypeVarEntry(TGen(len(names) - 1), TVar(fresh_id(), 1 << 20)))
            return entries[-1]

        tr = self.translator({}, on_free)
        # the leading `forall`s are the signature's own variables; one below them (`(forall k. k -> Type) ->
        # Type`) is a quantified kind of its own, as on an annotated parameter
        tr.quantify = on_free if isinstance(_unparen(written), ast.TypeForall) else None
        tr.allow_wildcards = False
        kind = tr.kind(written)
        self._check_kind_quantification(written, names, entries)
        return Zonker(None, len(names), keep_skolems=True).type(kind)

    def _check_kind_quantification(self, written: ast.Type, names: list[str], entries: list[TypeVarEntry]) -> None:
        """PureScript's `QuantificationCheckFailureInKind`: a variable's inferred kind holds an unknown that would be
        generalised implicitly, ahead of the signature's own variables, while the signature has a variable whose
        kind is another of its variables (`forall (a :: Type) (b :: a) d. Relate b d -> Type`, where `d`'s kind
        mentions a kind of kind `a`). Nova keeps no kinds of kinds, so an unknown nested in a variable's kind, in
        a signature with such a dependent binder, is taken for that case."""
        body: Any = written
        dependent = False
        while isinstance(body, (ast.TypeForall, ast.TypeParen)):
            if isinstance(body, ast.TypeForall):
                dependent = dependent or any(
                    isinstance(b.kind, ast.TypeVar) and b.kind.name in names for b in body.vars
                )
            body = body.type if isinstance(body, ast.TypeParen) else body.body
        if not dependent:
            return
        for name, entry in zip(names, entries, strict=True):
            k = prune(entry.kind)
            if isinstance(k, TApp) and any(isinstance(n, TVar) and n.ref is None for n in iter_type(k)):
                self.module_error(
                    written.span,
                    "QuantificationCheckFailureInKind",
                    f"Cannot generalize the kind of type variable `{name}`: an unknown in its kind depends on a "
                    "variable the signature declares, so it cannot be quantified before it. Give the kind of "
                    f"`{name}` explicitly.",
                )
                return

    # ------------------------------------------------------------------ skeletons and placeholders
    def _binder_kinds(self, params: tuple[ast.TypeVarBinder, ...], scope: dict[str, TypeVarEntry]) -> list[Type]:
        """The kinds of a declaration's parameters: as annotated (`(f :: Type -> Type)`), else unknown. Kind
        variables an annotation mentions are shared by the whole declaration (`scope`)."""

        def on_free(n: str) -> TypeVarEntry:
            return TypeVarEntry(TVar(fresh_id(), 1 << 20), K_TYPE)

        out: list[Type] = []
        for b in params:
            if b.kind is None:
                out.append(TVar(fresh_id(), 1 << 20))
            else:
                out.append(self.translator(scope, on_free).kind(b.kind))
        return out

    def _skeleton(self, d: KindedDecl) -> tuple[list[Type], Type]:
        scope: dict[str, TypeVarEntry] = {}
        params: list[Type] = []
        if not isinstance(d, ast.ForeignDataDecl):
            # a binder's kind that names one of this module's synonyms (`data P (a :: Id Type)`) is read when the
            # declaration's group comes, once the synonym's body is known; until then the parameter's kind is open
            deferred: list[tuple[Type, ast.Type]] = []
            plain = tuple(
                b for b in d.params if b.kind is None or not self._own_synonyms.intersection(_referenced(b.kind, self))
            )
            kinds = iter(self._binder_kinds(plain, scope))
            for b in d.params:
                if b in plain:
                    params.append(next(kinds))
                else:
                    assert b.kind is not None
                    cell = TVar(fresh_id(), 1 << 20)
                    deferred.append((cell, b.kind))
                    params.append(cell)
            if deferred:
                self._deferred_binders[_key(d)] = deferred
        if isinstance(d, ast.ClassDecl):
            return params, K_CONSTRAINT
        if isinstance(d, ast.TypeAliasDecl):
            return params, TVar(fresh_id(), 1 << 20)
        return params, K_TYPE

    def _install(self, d: KindedDecl, kind: Type) -> None:
        """Put a declaration's (current) kind where translation looks it up."""
        if isinstance(d, ast.ClassDecl):
            params = tuple(b.name for b in d.params)
            old = self.own_classes.get(d.name)
            fundeps = old.fundeps if old is not None else self._fundeps(d, params)
            info = ClassInfo(self.name, d.name, params, (), tuple(m.name for m in d.methods), kind, fundeps)
            self.own_classes[d.name] = info
            self.classenv.add_class(info)
            return
        if isinstance(d, ast.ForeignDataDecl):
            self.own_types[d.name] = TypeInfo(self.name, d.name, kind, ())
            return
        params = tuple(b.name for b in d.params)
        if isinstance(d, ast.TypeAliasDecl):
            previous = self.own_types.get(d.name)
            body = previous.synonym if previous is not None else None
            self.own_types[d.name] = TypeInfo(self.name, d.name, kind, params, (), body)
            return
        ctors = d.constructors if isinstance(d, ast.DataDecl) else (d.constructor,)
        self.own_types[d.name] = TypeInfo(
            self.name, d.name, kind, params, tuple(c.name for c in ctors), None, isinstance(d, ast.NewtypeDecl)
        )

    def _declaration_doc(self, d: KindedDecl) -> str | None:
        """A declaration's doc comment, or its kind signature's (written above the signature)."""
        if d.doc:
            return d.doc
        sig = self._signature_decls.get(_key(d))
        return sig.doc if sig is not None else None

    def _fundeps(self, d: ast.ClassDecl, params: tuple[str, ...]) -> Any:
        raise NotImplementedError  # supplied by the declaration phase

    def _own_type_operators(self, mod: ast.Module) -> None:
        """Type operators declared here (`infixr 6 type Tuple as /\\`) resolve inside this module's own
        declarations too."""
        for d in mod.decls:
            if isinstance(d, ast.FixityDecl) and d.is_type:
                target = d.target
                if target.qualifier is None and target.name in self.own_types:
                    self.own_aliases[keys.type_key(d.operator)] = (self.name, keys.type_key(target.name))
                else:
                    diags = self.state.diagnostics
                    mark = len(diags)
                    info = self.lookup_type(ast.TypeCon(target.span, target.name, target.qualifier))
                    del diags[mark:]  # (reported again, once, when the fixity declaration itself is checked)
                    if info is not None:
                        self.own_aliases[keys.type_key(d.operator)] = (info.module, keys.type_key(info.name))

    # ------------------------------------------------------------------ one group
    def _kind_group(
        self,
        group: list[str],
        decls: dict[str, KindedDecl],
        signatures: dict[str, Type],
        skeletons: dict[str, tuple[list[Type], Type]],
        out: KindResults,
    ) -> None:
        members = [decls[k] for k in group]
        for key, m in zip(group, members, strict=True):
            sig_decl = self._signature_decls.get(key)
            if sig_decl is not None:
                signatures[key] = self._kind_scheme(sig_decl.kind)
                self._install(m, signatures[key])
            elif isinstance(m, ast.ForeignDataDecl):
                self._install(m, self._kind_scheme(m.kind) if m.kind is not None else K_TYPE)
        for key in group:
            if key in signatures:
                continue
            scope: dict[str, TypeVarEntry] = {}
            for cell, written in self._deferred_binders.get(key, ()):
                tr = self.translator(scope, lambda n: TypeVarEntry(TVar(fresh_id(), 1 << 20), K_TYPE))
                self._unify_kind(cell, tr.kind(written), written.span)
        synonyms = [m for m in members if isinstance(m, ast.TypeAliasDecl)]
        for syn in self._synonym_order(synonyms):
            self._kind_synonym(syn, signatures, skeletons)
        for m in members:
            if isinstance(m, (ast.DataDecl, ast.NewtypeDecl)):
                out.ctor_fields[m.name] = self._kind_data(m, signatures, skeletons)
            elif isinstance(m, ast.ClassDecl):
                out.classes[m.name] = self._kind_class(m, signatures, skeletons)
        self._check_forall_kinds(group, decls)
        # generalise: what the group left open becomes the declaration's own kind variables
        for key in group:
            if key in signatures or key not in skeletons:
                continue
            d = decls[key]
            if isinstance(d, ast.ClassDecl):
                info = self.own_classes[d.name]
                self._install(d, _generalise(info.kind))
            else:
                tinfo = self.own_types[d.name]
                self.own_types[d.name] = TypeInfo(
                    tinfo.module,
                    tinfo.name,
                    _generalise(tinfo.kind),
                    tinfo.params,
                    tinfo.constructors,
                    tinfo.synonym,
                    tinfo.newtype,
                )

    def _check_forall_kinds(self, group: list[str], decls: dict[str, KindedDecl]) -> None:
        """A `forall` in a constructor field whose variable's kind is still unknown after the group, and not one of
        the declaration's own kind variables (`data P = P (forall a. Proxy a)`), cannot be generalised there:
        PureScript's QuantificationCheckFailureInType."""
        recorded = self._forall_kinds
        if not recorded:
            return
        self._forall_kinds = []
        own: dict[int, TVar] = {}
        for key in group:
            d = decls[key]
            info: Any = self.own_classes.get(d.name) if isinstance(d, ast.ClassDecl) else self.own_types.get(d.name)
            if info is not None:
                free_cells(info.kind, own)
        for name, kind, span in recorded:
            open_cells: dict[int, TVar] = {}
            free_cells(kind, open_cells)
            if any(c not in own for c in open_cells):
                self.module_error(
                    span,
                    "QuantificationCheckFailureInType",
                    f"Cannot generalize the kind of type variable `{name}`: nothing in the type determines it. "
                    f"Give it a kind, as in `forall ({name} :: Type).`",
                )

    def _synonym_order(self, synonyms: list[ast.TypeAliasDecl]) -> list[ast.TypeAliasDecl]:
        """Synonyms in the order their bodies need each other; a cycle through synonyms alone is an error."""
        by_name = {d.name: d for d in synonyms}
        deps = {
            d.name: [n for m in _referenced(d, self) if (n := keys.type_name(m)) is not None and n in by_name]
            for d in synonyms
        }
        ordered: list[ast.TypeAliasDecl] = []
        for group in strongly_connected(list(by_name), deps):
            if len(group) > 1 or group[0] in deps[group[0]]:
                for n in group:
                    d = by_name[n]
                    self.module_error(d.name_span, "CycleInTypeSynonym", f"The type synonym `{n}` refers to itself.")
                    self.own_types[n] = TypeInfo(self.name, n, K_TYPE, (), (), TVar(fresh_id(), 1 << 20))
                continue
            ordered.append(by_name[group[0]])
        return ordered

    def _param_kinds(
        self,
        key: str,
        d: ast.DataDecl | ast.NewtypeDecl | ast.TypeAliasDecl | ast.ClassDecl,
        signatures: dict[str, Type],
        skeletons: dict[str, tuple[list[Type], Type]],
    ) -> tuple[list[Type], Type]:
        """The kinds of the parameters and of the result, as the declaration's own body sees them: from its
        skeleton, or from its signature with the signature's kind variables rigid."""
        sig = signatures.get(key)
        if sig is None:
            return skeletons[key]
        sig_decl = self._signature_decls[key]
        names = _forall_names(sig_decl.kind)
        count = _max_gen(sig) + 1
        rigid: list[Type] = [
            TSkolem(names[i] if i < len(names) else f"k{i}", fresh_id(), 1 << 20) for i in range(count)
        ]
        from nova.types.classes import substitute

        kind = prune(substitute(sig, rigid)) if count else sig
        annotated = self._binder_kinds(d.params, {})
        params: list[Type] = []
        for b, written in zip(d.params, annotated, strict=True):
            kind = prune(kind)
            if isinstance(kind, TFun):
                arg: Type = kind.arg
                kind = kind.res
            else:
                arg = TVar(fresh_id(), 1 << 20)
                res = TVar(fresh_id(), 1 << 20)
                self._unify_kind(kind, TFun(arg, res), d.name_span)
                kind = res
            if b.kind is not None:
                self._unify_kind(written, arg, b.kind.span)
            params.append(arg)
        return params, kind

    def _unify_kind(self, found: Type, expected: Type, span: Span) -> None:
        self.translator({}, None).kind_unify(found, expected, span)

    def _kind_synonym(
        self, d: ast.TypeAliasDecl, signatures: dict[str, Type], skeletons: dict[str, tuple[list[Type], Type]]
    ) -> None:
        key = keys.type_key(d.name)
        params, result = self._param_kinds(key, d, signatures, skeletons)
        tvars = {b.name: TypeVarEntry(TGen(i), params[i]) for i, b in enumerate(d.params)}
        tr = self.translator(tvars, None)
        tr.allow_wildcards = False
        body, body_kind = tr.go(d.type)
        tr.kind_unify(body_kind, result, d.type.span)
        if key not in signatures:
            self._visible_dependency(d, [*params, result])
        # unknown parts (after an error) become extra quantified variables: never a shared cell
        body = Zonker(None, len(d.params), keep_skolems=True).type(body)
        info = self.own_types[d.name]
        self.own_types[d.name] = TypeInfo(self.name, d.name, info.kind, info.params, (), body)

    def _visible_dependency(self, d: ast.TypeAliasDecl, kinds: list[Type]) -> None:
        """A synonym's inferred kind may not mention its own parameters (`type Hmm k = (TProxy :: KProxy k)` would
        be `(k :: Type) -> KProxy k`): PureScript's VisibleQuantificationCheckFailureInType, one per parameter. In
        the unsigned kind the parameters stand as `TGen` (the synonym's body is translated with them)."""
        used = {n.index for k in kinds for n in iter_type(k) if isinstance(n, TGen)}
        for i, b in enumerate(d.params):
            if i in used:
                self.module_error(
                    d.name_span,
                    "VisibleQuantificationCheckFailureInType",
                    f"The kind of type synonym `{d.name}` depends on its parameter `{b.name}`: visible dependent "
                    "quantification is not supported.",
                )

    def _kind_data(
        self,
        d: ast.DataDecl | ast.NewtypeDecl,
        signatures: dict[str, Type],
        skeletons: dict[str, tuple[list[Type], Type]],
    ) -> list[tuple[ast.DataCtor, list[Type]]]:
        key = keys.type_key(d.name)
        params, result = self._param_kinds(key, d, signatures, skeletons)
        if key in signatures:
            self._unify_kind(result, K_TYPE, d.name_span)
        tvars = {b.name: TypeVarEntry(TGen(i), params[i]) for i, b in enumerate(d.params)}
        if key in signatures:
            # the signature's kind variables are in scope in the fields (`newtype F :: forall k. k -> Type`,
            # `newtype F a = F (Proxy2 k a)`); each becomes one more variable of the constructor's type
            for n in _forall_names(self._signature_decls[key].kind):
                if n not in tvars:
                    tvars[n] = TypeVarEntry(TVar(fresh_id(), 1 << 20), TVar(fresh_id(), 1 << 20))
        tr = self.translator(tvars, None)
        tr.allow_wildcards = False
        tr.forall_kinds = self._forall_kinds
        ctors = d.constructors if isinstance(d, ast.DataDecl) else (d.constructor,)
        out: list[tuple[ast.DataCtor, list[Type]]] = []
        for c in ctors:
            out.append((c, [tr.type_of_kind(f) for f in c.fields]))
            if isinstance(d, ast.NewtypeDecl) and len(c.fields) != 1:
                self.module_error(
                    c.span, "InvalidNewtype", f"The constructor of newtype `{d.name}` must have exactly one field."
                )
        return out

    def _kind_class(
        self, d: ast.ClassDecl, signatures: dict[str, Type], skeletons: dict[str, tuple[list[Type], Type]]
    ) -> ClassParts:
        key = keys.class_key(d.name)
        params, result = self._param_kinds(key, d, signatures, skeletons)
        if key in signatures:
            self._unify_kind(result, K_CONSTRAINT, d.name_span)
        fixed = {b.name: TypeVarEntry(TGen(i), params[i]) for i, b in enumerate(d.params)}
        tr = self.translator(dict(fixed), None)
        tr.allow_wildcards = False
        supers = tuple(c for c in (tr.constraint(s) for s in d.superclasses) if c is not None)
        methods: list[tuple[ast.ClassMethod, Scheme]] = []
        for m in d.methods:
            sc, _ = self.signature_scheme(m.type, dict(fixed), first=len(d.params), allow_wildcards=False)
            methods.append((m, sc))
        return ClassParts(d, supers, methods)


def _generalise(kind: Type) -> Type:
    """A kind with the unknowns left open quantified (`TGen`): `k -> Type` becomes `forall k. k -> Type`."""
    return Zonker(None, 0).type(kind)


def _unparen(t: ast.Type) -> ast.Type:
    while isinstance(t, ast.TypeParen):
        t = t.type
    return t


def _forall_names(t: ast.Type) -> list[str]:
    """The kind variables of a written kind in order of appearance (as `_kind_scheme` numbers them): those of its
    leading `forall`s and the free ones, not those a `forall` below them binds."""
    names: list[str] = []
    stack: list[tuple[Any, frozenset[str]]] = [(t, frozenset())]
    top = True
    while stack:
        n, bound = stack.pop()
        if isinstance(n, ast.TypeForall):
            if top:
                for b in n.vars:
                    if b.name not in names:
                        names.append(b.name)
            else:
                bound = bound | {b.name for b in n.vars}
            body = _unparen(n.body)
            top = top and isinstance(body, ast.TypeForall)
            stack.append((body, bound))
            continue
        top = False
        if isinstance(n, ast.TypeVar):
            if n.name not in names and n.name not in bound:
                names.append(n.name)
            continue
        if is_dataclass(n) and not isinstance(n, (type, Span)):
            children = [getattr(n, f.name) for f in fields(n) if f.name != "span"]
            for c in children[::-1]:
                if isinstance(c, tuple):
                    stack.extend((x, bound) for x in reversed(c))
                else:
                    stack.append((c, bound))
    return names


def _referenced(d: Any, checker: Any) -> list[str]:
    """The own type-level names a declaration mentions: `type:T` for types (a type operator counts as the type it
    stands for), `class:C` for classes."""
    out: list[str] = []
    stack: list[Any] = [d]
    aliases = checker.own_aliases
    own = checker.name
    while stack:
        n = stack.pop()
        if isinstance(n, tuple):
            stack.extend(n)
            continue
        if not is_dataclass(n) or isinstance(n, (type, Span)):
            continue
        if isinstance(n, ast.TypeCon):
            if n.qualifier is None:
                out.append(keys.type_key(n.name))
            continue
        if isinstance(n, ast.TypeOperator):
            target = aliases.get(keys.type_key(n.name)) if n.qualifier is None else None
            if target is not None and target[0] == own:
                out.append(target[1])
            continue
        if isinstance(n, ast.Constraint):
            if n.class_name.qualifier is None:
                out.append(keys.class_key(n.class_name.name))
            stack.extend(n.args)
            continue
        for f in fields(n):
            if f.name in ("span", "name_span", "doc", "fingerprint", "layout"):
                continue
            v = getattr(n, f.name)
            if isinstance(v, tuple) or (is_dataclass(v) and not isinstance(v, Span)):
                stack.append(v)
    return out


__all__ = ["ClassParts", "KindInference", "KindResults"]
