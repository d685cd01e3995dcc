"""The module checker's shared state: scope lookups, type translation, reuse of earlier results."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from nova import keys
from nova.check import typed as T
from nova.check.env import ModuleEnv, Ref, TypeInfo
from nova.check.holes import scope_digest
from nova.check.infer import DeclState, Inference, free_cells, has_skolem
from nova.check.patterns import check_rows
from nova.check.prim import PRIM_CLASSES
from nova.check.results import CheckedModule, GroupCache, Structure
from nova.check.roles import PRIM_ROLES
from nova.check.scope import Scope, env_of, unknown, unknown_data
from nova.check.typeconv import TypeTranslator, TypeVarEntry, argument_kind
from nova.check.wildcards import PartialShape
from nova.check.zonk import Zonker, settled, shift_diagnostic, shift_tree
from nova.diagnostics import Diagnostic, Related, Severity, Span
from nova.syntax import Fixity, ast
from nova.syntax.fixity import fixity_named
from nova.syntax.parser import ParsedModule
from nova.types.classes import ClassEnv, ClassInfo, InstanceInfo, Wanted
from nova.types.types import (
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
    iter_type,
    prune,
)

PRIM_TYPE_INFOS: dict[str, TypeInfo] = {
    n: TypeInfo(PRIM, n, k, ()) for n, k in PRIM_KINDS.items()
}


def _foldable(info: TypeInfo) -> bool:
    """A synonym a printed type can be folded back into: its expansion is not a bare variable nor a variable
    applied (`type APPLY f a = f a` would match every application) and mentions every parameter (so the arguments
    can be read back off a type)."""
    body = info.synonym
    if body is None or isinstance(body, TGen):
        return False
    head = body
    while isinstance(head, TApp):
        head = head.fn
    if isinstance(head, TGen):
        return False
    if not info.params:
        return True
    seen = {n.index for n in iter_type(body) if isinstance(n, TGen)}
    return seen == set(range(len(info.params)))


class CheckerBase(Inference):
    """State and services shared by the phases of checking one module."""

    def __init__(self, parsed: ParsedModule, view: Any, previous: CheckedModule | None) -> None:
        self.parsed = parsed
        self.view = view
        # a previous result of another module (the header was edited) has nothing reusable
        self.previous = previous if previous is not None and previous.name == (parsed.module.name or "Main") else None
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
        self._read_memo: dict[Ref, Any] = {}
        self._shared_keys: set[str] = set()
        self._adopted = False
        self.value_deps: dict[str, tuple[str, list[str], list[str]]] = {}
        self.groups: list[list[str]] = []
        self._changed_schemes: set[str] = set()
        self._fingerprints: dict[str, tuple[str, Span]] = {}
        self.instance_decls: list[tuple[Any, InstanceInfo]] = []
        self._chain_head = ""
        self._chain_index = 0
        self._visible_refs: set[Ref] | None = None
        self.signatures: dict[str, tuple[Any, Scheme]] = {}
        # signatures with wildcards: the value is inferred (like one without a signature) against the written shape
        self.partial_signatures: dict[str, tuple[Any, Scheme, tuple[tuple[int, Span, str | None], ...]]] = {}
        self.partial_shapes: dict[str, PartialShape] = {}  # (those of the binding group being inferred)
        # signatures with errors of their own (kinds, unknown types): their values are inferred as if unsigned
        self.broken_signatures: dict[str, Any] = {}
        self.broken_instances: set[str] = set()  # (keys of instances whose head has errors of its own)
        # constructor kinds for the kind check of inferred types (nova.check.value_kinds), shared in this module
        self.con_kinds: dict[tuple[str, str], Type | None] = {}
        # per type constructor: (its info, its plain arity (see nova.check.value_kinds.plain_arity), its type key)
        self._con_arities: dict[tuple[str, str], tuple[Any, int | None, str]] = {}
        # while a body is checked against its signature: the signature, the index of each of its rigid variables
        # (by id), and the kinds the signature gives them once asked (see `_skolem_kind`)
        self.signature_skolems: tuple[Scheme, dict[int, int]] | None = None
        self._signature_var_kinds: list[Type] | None = None

    # ------------------------------------------------------------------ scope plumbing
    def scope_values(self) -> Mapping[str, set[Ref]]:
        return self.scope.values

    def pick(self, name: str, refs: set[Ref]) -> set[Ref]:
        from nova.check.scope import pick

        return pick(self.scope, name, refs)

    def lookup_type(self, t: ast.TypeCon | ast.TypeOperator) -> TypeInfo | None:
        if isinstance(t, ast.TypeCon) and not (t.name[:1].isalpha() or t.name[:1] == "_"):
            t = ast.TypeOperator(t.span, t.name, t.qualifier)  # an operator in parentheses, `Proxy (&)`
        if isinstance(t, ast.TypeOperator):
            full = t.full
            refs = self.scope.type_operators.get(full)
            own = self.own_aliases.get(keys.type_key(t.name)) if t.qualifier is None else None
            target: Ref | None = own
            if target is None and refs:
                ref = min(refs)
                target = self.alias_of(ref)
            if target is None:
                self.error(t.span, "UnknownName", f"Unknown type operator `{full}`.")
                return None
            return self.type_info(target[0], keys.name_of(target[1]), t.span)
        how = self.type_resolution(t.name, t.qualifier)
        self.state.reads[keys.resolution("type", t.qualifier, t.name)] = how
        if how[0] == "own":
            if how[2]:
                self.scope_conflict(t.span, t.name, how[2])
            elif how[3]:
                self.scope_shadowing("type", t.name, "types")
            own_info = self.own_types[t.name]
            self.state.reads[(self.name, keys.type_key(t.name))] = own_info
            return own_info
        if how[0] == "prim":
            return PRIM_TYPE_INFOS[t.name]
        if how[0] == "broken":
            return None
        if how[0] == "unknown":
            self.error(t.span, "UnknownName", how[1], data=unknown_data(how))
            return None
        origins: tuple[Ref, ...] = how[1:]
        if len(origins) > 1:
            self.error(t.span, "ScopeConflict", f"Type `{t.full}` is ambiguous.")
        mod, key = min(origins)
        return self.type_info(mod, keys.name_of(key), t.span)

    def type_resolution(self, name: str, qualifier: str | None) -> tuple[Any, ...]:
        """How a type name resolves here (recorded among reads, like `value_resolution`)."""
        if qualifier is None and name in self.own_types:
            return ("own", name, self.explicit_conflicts(name, "type"), self.shadowed_imports("types", name))
        full = name if qualifier is None else f"{qualifier}.{name}"
        refs = self.scope.types.get(full)
        if not refs:
            # `Prim` is imported implicitly, unqualified and as `Prim` (`Prim.Record`)
            if (qualifier == PRIM or (qualifier is None and self.scope.implicit_prim)) and name in PRIM_TYPE_INFOS:
                return ("prim", name)
            if qualifier is None and keys.type_key(name) in self.broken_keys:
                return ("broken",)
            if qualifier is None and name in PRIM_TYPE_INFOS:  # (the module imports `Prim` without it)
                return ("unknown", f"Unknown type `{name}`. Did you mean `{PRIM}.{name}`?", full, (f"{PRIM}.{name}",))
            candidates = list(self.own_types) + list(self.scope.types)
            if self.scope.implicit_prim:
                candidates += list(PRIM_TYPE_INFOS)
            return unknown("type", full, candidates)
        if len(refs) > 1:
            refs = self.pick(full, refs)
        return ("refs", *sorted(refs))

    def class_resolution(self, name: str, qualifier: str | None) -> tuple[Any, ...]:
        if qualifier is None and name in self.own_classes:
            return ("own", name, self.shadowed_imports("classes", name))
        full = name if qualifier is None else f"{qualifier}.{name}"
        refs = self.scope.classes.get(full)
        if not refs:
            if (qualifier == PRIM or (qualifier is None and self.scope.implicit_prim)) and name in PRIM_CLASSES:
                return ("prim", name)
            if qualifier is None and keys.class_key(name) in self.broken_keys:
                return ("broken",)
            cands = list(self.own_classes) + list(self.scope.classes)
            return unknown("type class", full, cands)
        return ("refs", *sorted(refs))

    def kind_of_con(self, con: TCon) -> Type | None:
        """The kind of a type constructor (instance selection by kinds asks it)."""
        info = self.type_info(con.module, con.name, self.header_span)
        return info.kind if info is not None else None

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
        self.state.reads[(mod, keys.type_key(name))] = info
        return info

    def lookup_class(self, n: ast.Name) -> Ref | None:
        how = self.class_resolution(n.name, n.qualifier)
        self.state.reads[keys.resolution("class", n.qualifier, n.name)] = how
        if how[0] == "own":
            if how[2]:
                self.scope_shadowing("type class", n.name, "classes")
            return (self.name, n.name)
        if how[0] == "prim":
            return ("Prim", n.name)
        if how[0] == "broken":
            return None
        if how[0] == "unknown":
            self.error(n.span, "UnknownName", how[1], data=unknown_data(how))
            return None
        mod, key = min(how[1:])
        return (mod, keys.name_of(key))

    def reached_env(self, mod: str) -> ModuleEnv | None:
        """The environment of another module the imports reach (the origin of a name in scope)."""
        if mod == self.name:
            return None
        return self.envs.get(mod) or env_of(self.view, mod)

    def type_display_names(self) -> dict[tuple[str, str], str]:
        """How this module refers to the types it imports under another name than their own (`M.Map` for
        `import Data.Map as M`); an unqualified name is preferred when there is one."""
        from nova.types.pretty import display_names

        def identify(mod: str, key: str) -> tuple[str, str] | None:
            env = self.reached_env(mod)
            info = env.type_infos.get(keys.name_of(key)) if env is not None else None
            return (info.module, info.name) if info is not None else None

        return display_names(self.scope.types, identify)

    def synonym_aliases(self) -> list[tuple[Type, str, int]]:
        out: list[tuple[Type, str, int]] = []
        for name, info in self.own_types.items():
            if _foldable(info):
                assert info.synonym is not None
                out.append((info.synonym, name, len(info.params)))
        for name, refs in self.scope.types.items():
            if len(refs) != 1 or name in self.own_types:
                continue
            mod, key = next(iter(refs))
            env = self.reached_env(mod)
            imported = env.type_infos.get(keys.name_of(key)) if env is not None else None
            if imported is not None and _foldable(imported):
                assert imported.synonym is not None
                out.append((imported.synonym, name, len(imported.params)))
        return out

    def class_kind(self, ref: Ref) -> Type:
        info = self.classenv.classes.get(ref)
        return info.kind if info is not None else TVar(fresh_id(), 1 << 20)

    def translator(self, tvars: dict[str, TypeVarEntry], on_free: Any) -> TypeTranslator:
        return TypeTranslator(
            self.lookup_type,
            self.lookup_class,
            self.class_kind,
            self.state.diagnostics,
            tvars,
            on_free,
            self.fixity_table,
        )

    def signature_scheme(
        self,
        t: ast.Type,
        fixed: dict[str, TypeVarEntry] | None = None,
        first: int = 0,
        wildcards: list[tuple[int, Span, str | None]] | None = None,
        allow_wildcards: bool = True,
    ) -> tuple[Scheme, dict[str, TypeVarEntry]]:
        """A written signature as a scheme; its variables are `TGen(first…)`, `fixed` ones stay as given.

        Wildcards `_` become quantified variables too; with `wildcards` given, it receives their indices and
        spans (a partial signature: the caller infers what they stand for)."""
        names: list[str] = []
        counter = [first]
        tvars: dict[str, TypeVarEntry] = dict(fixed or {})
        # a variable not bound by a `forall` (nor in scope) is an error, as in PureScript: no implicit quantification
        tr = self.translator(tvars, None)
        tr.allow_wildcards = allow_wildcards
        if wildcards is not None:
            tr.wildcards = []
        body = t
        while isinstance(body, ast.TypeParen):
            body = body.type
        visible: list[int] = []
        kinded: list[tuple[int, Type]] = []  # (variable, its kind) for each binder with a written kind
        while isinstance(body, ast.TypeForall):
            for b in body.vars:
                names.append(b.name)
                if b.visible:
                    visible.append(counter[0])
                entry = TypeVarEntry(TGen(counter[0]), TVar(fresh_id(), 1 << 20))
                if b.kind is not None:  # (in the scope of the binders before it: `forall k (a :: k).`)
                    tr.kind_unify(entry.kind, tr.kind(b.kind), b.kind.span)
                    kinded.append((counter[0], entry.kind))
                counter[0] += 1
                tvars[b.name] = entry
            body = body.body
            while isinstance(body, ast.TypeParen):
                body = body.type
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
        ty = tr.value_type(body)
        written = self._display_type(body, tvars) if tr.saw_sugar else None
        # anything left unknown (a wildcard, an unknown type after an error) is quantified too: a stored scheme
        # must never share a mutable cell with its users
        z = Zonker(None, counter[0], keep_skolems=True)
        ty = z.type(ty)
        closed = tuple(Constraint(c.module, c.cls, tuple(z.type(a) for a in c.args)) for c in constraints)
        extra = z.next - counter[0]
        display: Type | None = None
        if written is not None:
            display = z.type(written)
            if z.next != counter[0] + extra:  # (a wildcard: the display form would name variables of its own)
                display = None
        all_names = (*names, *(f"t{i}" for i in range(extra)))
        if wildcards is not None and tr.wildcards:
            for cell, span, hole in tr.wildcards:
                unknown = prune(cell)
                if type(unknown) is TVar and unknown.id in z.mapping:
                    wildcards.append((z.mapping[unknown.id], span, hole))
        kinds: list[Type | None] = []
        if kinded:
            kinds = [None] * (counter[0] + extra)
            for index, kind in kinded:
                kinds[index] = settled(kind, z)
        sc = Scheme(counter[0] + extra, closed, ty, all_names, tuple(visible), display=display,
                    kinds=tuple(kinds) if any(k is not None for k in kinds) else ())
        return sc, tvars

    def _display_type(self, body: ast.Type, tvars: dict[str, TypeVarEntry]) -> Type | None:
        """A signature's type as written (synonyms applied, not expanded), for printing: translated a second time
        in display mode, only for signatures that use a synonym or a qualified name, its diagnostics dropped (the
        first translation reported them). The usual shapes are walked without kinds (`light_display`)."""
        from nova.check.display import light_display

        diags = self.state.diagnostics
        mark = len(diags)
        try:
            quick = light_display(body, tvars, self.lookup_type)
        finally:
            del diags[mark:]
        if quick is not None:
            return quick
        mark = len(diags)
        shown = self.translator(dict(tvars), None)
        shown.keep_synonyms = True
        try:
            return shown.type_of_kind(body)
        finally:
            del diags[mark:]

    def signature_status(self, name: str) -> tuple[Any, ...]:
        """How a value's signature takes part in checking it (a group's result is reusable only if unchanged)."""
        sig = self.signatures.get(name)
        if sig is not None:
            return ("complete", sig[1])
        partial = self.partial_signatures.get(name)
        if partial is not None:
            return ("partial", partial[1], partial[2])
        return ("broken",) if name in self.broken_signatures else ("none",)

    def translate_type_argument(self, t: ast.Type, kind: Type | None) -> Type:
        """A visible type argument (`@Int`), of the kind its variable's signature wrote (None: any; a mismatch is
        `KindsDoNotUnify` on the argument)."""
        tr = self._local_translator()
        got = tr.go(t)[0] if kind is None else tr.type_of_kind(t, argument_kind(kind))
        self._keep_wildcards(tr)
        return got

    def _local_translator(self) -> TypeTranslator:
        tr = self.translator(dict(self.tyvars), None)
        tr.wildcards = []
        return tr

    def _keep_wildcards(self, tr: TypeTranslator) -> None:
        if tr.wildcards:
            self.state.wildcards.extend((span, cell, hole) for cell, span, hole in tr.wildcards)

    def translate_local_type(self, t: ast.Type, kind: Type | None = K_TYPE) -> Type:
        """A type written in an expression (an annotation, a visible type argument): only scoped type variables
        are in scope, as in PureScript; a `forall` makes a quantified type. `kind` is the kind it must have (None:
        any)."""
        tr = self._local_translator()
        if kind is None:
            got = tr.go(t)[0]
        elif kind is K_TYPE:
            # an annotation of a value or a binder: a known kind not `Type` is ExpectedType, and the annotation
            # then says nothing (its uses get no errors that only follow from it)
            before = len(self.state.diagnostics)
            got = tr.value_type(t)
            if any(d.code == "ExpectedType" for d in self.state.diagnostics[before:]):
                got = TVar(fresh_id(), self.level)
        else:
            got = tr.type_of_kind(t, kind)
        self._keep_wildcards(tr)
        return got

    def local_signature(
        self, t: ast.Type, owner: str, wildcards: list[tuple[int, Span, str | None]] | None = None
    ) -> Scheme:
        """A `let`/`where` signature: scoped type variables of the enclosing signature stay fixed."""
        fixed = dict(self.tyvars)
        sc, _ = self.signature_scheme(t, fixed, wildcards=wildcards)
        return sc

    def module_error(self, span: Span, code: str, message: str, related: tuple[Related, ...] = ()) -> None:
        self.module_state.diagnostics.append(Diagnostic(span, Severity.ERROR, code, message, related))

    def module_warn(self, span: Span, code: str, message: str) -> None:
        self.module_state.diagnostics.append(Diagnostic(span, Severity.WARNING, code, message))

    def _set_operator_scheme(self, op: str, target: str) -> None:
        sc = self.schemes.get(target)
        if sc is None:
            return
        self.schemes[op] = sc
        el = self.elements.get(op)
        if el is not None and el.scheme != sc:
            self.elements[op] = dataclasses.replace(el, scheme=sc)

    def _resolve_operator_schemes(self, mod: ast.Module, final: bool) -> None:
        for key, target in self.own_aliases.items():
            if keys.is_type_key(key):
                continue
            sc = self.schemes.get(target[1]) if target[0] == self.name else self.view.scheme(*target)
            if sc is not None:
                self.schemes[key] = sc
                el = self.elements.get(key)
                if el is not None and el.scheme != sc:
                    # never mutate: the element may be shared with an earlier result
                    self.elements[key] = dataclasses.replace(el, scheme=sc)

    def _try_reuse(self, cache_key: tuple[str, ...], fps: list[tuple[Any, Span]]) -> GroupCache | None:
        """The previous result for these declarations, moved to their new lines, if still valid."""
        prev = self.previous
        if prev is None:
            return None
        cached = prev.cache.get(cache_key)
        if cached is None:
            return None
        delta: int | None = None
        for (fp, sp), old_fp, old_sp in zip(fps, cached.fingerprints, cached.spans, strict=True):
            if not fp or fp != old_fp or sp.start_col != old_sp.start_col:
                return None
            d = sp.start_line - old_sp.start_line
            if delta is None:
                delta = d
            elif d != delta:
                return None
        if not (self._adopted and not self._changed_schemes):
            # (when the declarations were adopted unchanged and no scheme of this module has changed so far in
            # this check, nothing a cached group read can differ: the comparison is skipped)
            current = self._current_read
            for ref, seen in cached.reads.items():
                if current(ref) != seen:
                    return None
        assert delta is not None
        self._shared_keys.update(cached.elements)
        if delta == 0:
            self.elements.update(cached.elements)
            self.diags.extend(cached.diagnostics)
            self.cache[cache_key] = cached
            return cached
        elements = {k: shift_tree(el, delta) for k, el in cached.elements.items()}
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
        if not keys.is_interface_read(ref) and ref != keys.INSTANCES:  # about this module's scope: never memoised
            return self._current_read_uncached(ref)
        if mod == self.name:
            if keys.is_type_key(key):
                return self.own_types.get(keys.name_of(key))
            return self.schemes.get(key)
        memo = self._read_memo
        if ref in memo:
            return memo[ref]
        got = memo[ref] = self._current_read_uncached(ref)
        return got

    def _current_read_uncached(self, ref: Ref) -> Any:
        mod, key = ref
        if keys.is_resolution(ref):
            what, qualifier, name = keys.resolution_parts(ref)
            if what == "fixity":
                return fixity_named(self.fixity_table, qualifier, name)
            if what == "type":
                return self.type_resolution(name, qualifier)
            if what == "class":
                return self.class_resolution(name, qualifier)
            return self.value_resolution(name, qualifier, what)
        signature_of = keys.signature_name(ref)
        if signature_of is not None:
            return self.signature_status(signature_of)
        if ref == keys.HOLES:
            return scope_digest(self)
        if ref == keys.INSTANCES:
            return self.instance_digest
        if keys.is_type_key(key):
            if mod == self.name:
                return self.own_types.get(keys.name_of(key))
            env = self.envs.get(mod) or env_of(self.view, mod)
            return env.type_infos.get(keys.name_of(key)) if env is not None else None
        if mod == self.name:
            return self.schemes.get(key)
        return self.view.scheme(mod, key)

    def _unsolved(self, w: Wanted) -> None:
        if w.failure is not None and w.failure[0] == "reported":
            return
        if self._argument_kind_clash(w):
            return
        if w.failure is not None or any(has_skolem(a) for a in w.args) or not any(_has_cells(a) for a in w.args):
            self.no_instance(w)
            return
        from nova.types.pretty import print_constraint

        self.error(
            w.span,
            "NoInstanceFound",
            f"No instance for {print_constraint(w.cls, w.args)}: the type is ambiguous here; add a type annotation.",
        )

    def _argument_kind_clash(self, w: Wanted) -> bool:
        """Kinds are not tracked through the unification of value types, so a type of the wrong kind can reach a
        constraint through an unknown (`Proxy "x"` where `Add a b c` wants an `Int`): a constraint that stays
        unsolved with an argument whose kind is known (a type-level literal, a type constructor of a plain kind)
        and differs from the class's is reported as PureScript does, `KindsDoNotUnify`."""
        from nova.types.builtin_classes import int_value, symbol_value
        from nova.types.pretty import print_kinds
        from nova.types.types import K_INT, K_SYMBOL

        kind = prune(self.class_kind((w.module, w.cls)))
        expected: list[Type] = []
        while type(kind) is TFun:
            assert isinstance(kind, TFun)
            expected.append(prune(kind.arg))
            kind = prune(kind.res)
        for arg, want in zip(w.args, expected, strict=False):
            if type(want) is not TCon:
                continue  # (a kind variable or a compound kind: nothing to compare cheaply)
            t = prune(arg)
            found: Type | None = None
            if type(t) is TSkolem:
                assert isinstance(t, TSkolem)
                found = self._skolem_kind(t)
            elif type(t) is TCon:
                assert isinstance(t, TCon)
                if symbol_value(t) is not None:
                    found = K_SYMBOL
                elif int_value(t) is not None:
                    found = K_INT
                else:
                    info = self.type_info(t.module, t.name, w.span)
                    if info is not None and type(info.kind) is TCon:
                        found = info.kind
            if found is not None and found != want:
                shown_found, shown_want = print_kinds(found, want)
                self.error(
                    w.span,
                    "KindsDoNotUnify",
                    f"Could not match kind `{shown_found}` with kind `{shown_want}`: "
                    f"`{w.cls}` wants a type of kind `{shown_want}` here.",
                )
                w.failure = ("reported",)
                return True
        return False

    def _skolem_kind(self, sk: TSkolem) -> Type | None:
        """The kind the enclosing signature gives one of its rigid variables when it is a plain constructor
        (`o` of `Compare a b o =>` is a `Prim.Ordering.Ordering`), else None. Inferred from the signature once per
        body, only when a constraint on such a variable is left unsolved."""
        from nova.check.value_kinds import scheme_var_kinds

        owner = self.signature_skolems
        if owner is None or sk.id not in owner[1]:
            return None
        kinds = self._signature_var_kinds
        if kinds is None:
            kinds = self._signature_var_kinds = scheme_var_kinds(owner[0], self.read_kind, self.class_kind, {}) or []
        index = owner[1][sk.id]
        kind = prune(kinds[index]) if index < len(kinds) else None
        return kind if type(kind) is TCon else None

    def read_kind(self, con: TCon) -> Type | None:
        raise NotImplementedError

    # ------------------------------------------------------------------ what Coercible needs
    def coercible_roles(self, con: TCon) -> tuple[str, ...]:
        """The roles of a type constructor's parameters (see `nova.check.roles`)."""
        if con.module == PRIM:
            return PRIM_ROLES.get(con.name, ())
        info = self.type_info(con.module, con.name, self.header_span)
        return info.roles if info is not None else ()

    def coercible_unwrap(self, t: Type) -> Type | None:
        """What a newtype application wraps, when the newtype's constructor is in scope in this module."""
        from nova.types.types import split_app

        head, args = split_app(t)
        if not isinstance(head, TCon) or head.module == PRIM:
            return None
        info = self.type_info(head.module, head.name, self.header_span)
        if info is None or not info.newtype or not info.constructors or len(args) != len(info.params):
            return None
        ctor = info.constructors[0]
        if head.module != self.name and not self._constructor_visible(head.module, ctor):
            return None
        sc = self.scheme_of((head.module, ctor))
        if sc is None or not isinstance(sc.type, TFun):
            return None
        from nova.types.classes import substitute

        return substitute(sc.type.arg, args)

    def _constructor_visible(self, module: str, ctor: str) -> bool:
        return (module, ctor) in self._visible()

    def _visible(self) -> set[Ref]:
        visible = self._visible_refs
        if visible is None:
            visible = self._visible_refs = {ref for refs in self.scope.values.values() for ref in refs}
        return visible

    def unsafe_partial_visible(self) -> bool:
        got = self._unsafe_partial
        if got is None:
            got = self._unsafe_partial = (
                self.name == "Partial.Unsafe" or ("Partial.Unsafe", "unsafePartial") in self._visible()
            )
        return got

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
            info = self.own_types.get(keys.name_of(el.type_name))
            if info is None:
                return None
            self.state.reads[(mod, el.type_name)] = info  # a new constructor must re-check this match
            return [(c, self.elements[c].arity if c in self.elements else 0) for c in info.constructors]
        el = self.view.element(mod, key)
        if el is None or getattr(el, "type_name", None) is None:
            return None
        env = self.envs.get(mod) or env_of(self.view, mod)
        if env is None:
            return None
        tinfo = env.type_infos.get(keys.name_of(el.type_name))
        if tinfo is None:
            return None
        self.state.reads[(mod, el.type_name)] = tinfo
        out: list[tuple[str, int]] = []
        for c in tinfo.constructors:
            cel = self.view.element(mod, c)
            out.append((c, getattr(cel, "arity", 0) if cel is not None else 0))
        return out


def _is_operator(name: str) -> bool:
    return not (name[:1].isalpha() or name[:1] == "_")


def _has_cells(t: Type) -> bool:
    cells: dict[int, TVar] = {}
    free_cells(t, cells)
    return bool(cells)


def _appearance(t: Type | tuple[Type, ...], order: dict[int, int]) -> None:
    cells: dict[int, TVar] = {}
    for x in t if isinstance(t, tuple) else (t,):
        free_cells(x, cells)
    for cid in cells:
        if cid not in order:
            order[cid] = len(order)


def _first_index(t: Type | tuple[Type, ...], mapping: dict[int, int]) -> int:
    cells: dict[int, TVar] = {}
    for x in t if isinstance(t, tuple) else (t,):
        free_cells(x, cells)
    return min((mapping.get(c, 1 << 20) for c in cells), default=1 << 20)


def _head(t: Type) -> tuple[Type, list[Type]]:
    from nova.types.types import split_app

    return split_app(t)


__all__ = ["PRIM_TYPE_INFOS", "CheckerBase"]
