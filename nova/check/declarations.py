"""The declaration phase: names, types (with kinds), classes, instances, signatures, operators."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from nova import keys
from nova.check import typed as T
from nova.check.deriving import instance_roots
from nova.check.env import ModuleEnv, TypeInfo
from nova.check.graph import strongly_connected
from nova.check.infer import DeclState
from nova.check.infer_base import signature_twice
from nova.check.kinds import KindInference
from nova.check.prim import PRIM_CLASSES
from nova.check.roles import NOMINAL, PRIM_ROLES, at_least, infer_roles
from nova.check.scope import env_of
from nova.check.typeconv import TypeVarEntry
from nova.check.zonk import Zonker
from nova.diagnostics import Related, Severity, Span
from nova.syntax import ast
from nova.syntax.ast import decl_key, instance_key
from nova.types.classes import (
    ClassInfo,
    Fundep,
    InstanceInfo,
    coarse_kind,
    covering_sets,
    fundep_determined,
    heads_apart,
)
from nova.types.types import (
    K_CONSTRAINT,
    PRIM,
    Constraint,
    Scheme,
    TApp,
    TCon,
    TFun,
    TGen,
    TVar,
    Type,
    fresh_id,
    prune,
)


def _digest_order(entry: tuple[Any, ...]) -> tuple[str, str]:
    """Instances by (module, key), each module's classes before its instances: an order independent of the imports'
    order that needs no `repr` of the types (sorting by `repr` cost about a tenth of checking the stdlib)."""
    return (entry[0], entry[1]) if isinstance(entry[1], str) else (entry[0], "")


@dataclass(frozen=True, slots=True)
class _EnvParts:
    """What `_build_class_env` takes from one imported module's environment, computed once per version of the
    module: every module that imports it (a stdlib module reaches about 600 instances) reads the same."""

    classes: tuple[Any, ...]
    instances: tuple[tuple[tuple[str, str], list[InstanceInfo]], ...]
    """Its instances grouped by class, each group in declaration order."""
    digest: tuple[tuple[tuple[str, str], Any], ...]
    """(`_digest_order` key, digest entry) of each instance, then of the module's classes."""


@dataclass(frozen=True, slots=True)
class _Reach:
    """The classes and instances declared in a module's import closure, itself included: the parts of each module
    of the closure that declares any, in the order a depth-first walk from the module reaches them (each module's
    imports last to first, as `_walk_class_env` takes them)."""

    parts: tuple[tuple[str, _EnvParts], ...]
    names: frozenset[str]
    """The modules of `parts`."""


_NO_REACH = _Reach((), frozenset())
_KEPT = 4096
"""Entries each memo below holds before it starts over."""
_ENV_PARTS: dict[tuple[str, int], _EnvParts] = {}
"""(module, its revision) → its parts: a revision identifies one version of a module's values in every layer."""
_PRIM_PARTS: dict[str, tuple[ModuleEnv, _EnvParts]] = {}
"""Parts of the compiler's own `Prim.*` environments (in no layer), kept with the environment they came from."""
_REACHES: dict[tuple[str, int], _Reach] = {}
"""(module, its closure revision) → its `_Reach`: the registry's `closure_revision` changes with any revision in
the module's import closure, so an importer combines its imports' reaches instead of walking their closures."""


def _remember(memo: dict[Any, Any], key: Any, value: Any) -> None:
    if len(memo) >= _KEPT:
        memo.clear()
    memo[key] = value


def _parts_of(module: str, env: ModuleEnv) -> _EnvParts:
    groups: dict[tuple[str, str], list[InstanceInfo]] = {}
    digest: list[tuple[tuple[str, str], Any]] = []
    for inst in env.instances:
        groups.setdefault((inst.cls_module, inst.cls), []).append(inst)
        entry = (inst.module, inst.key, inst.args, inst.context, inst.chain, inst.index)
        digest.append((_digest_order(entry), entry))
    classes_entry = (module, tuple(env.class_infos.items()))
    digest.append((_digest_order(classes_entry), classes_entry))
    return _EnvParts(tuple(env.class_infos.values()), tuple(groups.items()), tuple(digest))


def _env_parts(module: str, env: ModuleEnv, rev: int | None) -> _EnvParts:
    """The parts of `module`'s environment `env`, read from the registry under revision `rev` (None: one of the
    compiler's `Prim.*` environments)."""
    if rev is None:
        kept = _PRIM_PARTS.get(module)
        if kept is not None and kept[0] is env:
            return kept[1]
        parts = _parts_of(module, env)
        _PRIM_PARTS[module] = (env, parts)
        return parts
    got = _ENV_PARTS.get((module, rev))
    if got is None:
        got = _parts_of(module, env)
        _remember(_ENV_PARTS, (module, rev), got)
    return got


def _env_with_revision(view: Any, module: str) -> tuple[ModuleEnv | None, int | None]:
    """`scope.env_of` with the revision of the entry it came from (read together: a put meanwhile cannot pair one
    version's environment with another's revision)."""
    entry = view.get(module)
    if entry is None:
        return env_of(view, module), None
    env = entry.env
    return (env if isinstance(env, ModuleEnv) else None), entry.rev


def _declares_any(env: ModuleEnv) -> bool:
    return bool(env.instances) or bool(env.class_infos)


def _joined(reaches: list[_Reach]) -> _Reach:
    """The reaches one after the other, each module once (at its first place)."""
    if not reaches:
        return _NO_REACH
    first = reaches[0]
    parts: list[tuple[str, _EnvParts]] | None = None
    names: set[str] | None = None
    for reach in reaches[1:]:
        if reach.names <= (first.names if names is None else names):
            continue
        if parts is None or names is None:
            parts, names = list(first.parts), set(first.names)
        for name, part in reach.parts:
            if name not in names:
                names.add(name)
                parts.append((name, part))
    return first if parts is None or names is None else _Reach(tuple(parts), frozenset(names))


def _reach_of(view: Any, root: str) -> _Reach | None:
    """`_Reach` of `root` in `view`, from the remembered reaches of the modules it imports (computed first where
    none is remembered); None when an import cycle runs through its closure (the walk's order then depends on
    where it enters the cycle: `_walked` takes it)."""
    done: dict[str, _Reach] = {}
    expanded: dict[str, tuple[ModuleEnv, int | None, int | None]] = {}
    """Module → its environment, revision and closure revision as first read (until it is done)."""
    stack = [root]
    while stack:
        module = stack[-1]
        if module in done:
            stack.pop()
            continue
        if module not in expanded:
            stamp = view.closure_revision(module)  # before the values it keys (see the end of this loop)
            known = _REACHES.get((module, stamp)) if stamp is not None else None
            env, rev = (None, None) if known is not None else _env_with_revision(view, module)
            if known is not None or env is None:
                done[module] = _NO_REACH if known is None else known
                stack.pop()
                continue
            expanded[module] = (env, rev, stamp)
            for imported in env.imports:
                if imported in expanded and imported not in done:
                    return None
                if imported not in done:
                    stack.append(imported)
            continue
        env, rev, stamp = expanded[module]
        own = [_Reach(((module, _env_parts(module, env, rev)),), frozenset((module,)))] if _declares_any(env) else []
        reach = _joined(own + [done[i] for i in reversed(env.imports)])
        done[module] = reach
        stack.pop()
        # remembered only when nothing in the closure changed while it was read (a put on another thread)
        if stamp is not None and view.closure_revision(module) == stamp:
            _remember(_REACHES, (module, stamp), reach)
    return done[root]


def _walked(view: Any, roots: list[str], skipped: str) -> tuple[tuple[str, _EnvParts], ...]:
    """The parts of every module `roots` reach but `skipped` (and what only it reaches), by a depth-first walk over
    them all: what `_reach_of` gives without a cycle, in the same order."""
    seen: set[str] = set()
    todo = list(roots)
    found: list[tuple[str, _EnvParts]] = []
    while todo:
        m = todo.pop()
        if m in seen or m == skipped:
            continue
        seen.add(m)
        env, rev = _env_with_revision(view, m)
        if env is None:
            continue
        if _declares_any(env):
            found.append((m, _env_parts(m, env, rev)))
        todo.extend(env.imports)
    return tuple(found)


_ORDER_OF_PAIR = itemgetter(0)


class Declarations(KindInference):
    # ------------------------------------------------------------------ classes and instances in scope
    def _build_class_env(self, mod: ast.Module) -> None:
        """The classes and instances of every module the imports reach (and the digest of them a binding group's
        reuse compares), joined from each import's remembered `_Reach`: the cost is in the imports and the
        classes and instances they bring, not in how many modules they reach. A module that one of them reaches
        itself (an import cycle) is walked (`_walked`)."""
        classenv = self.classenv
        for ci in PRIM_CLASSES.values():
            classenv.add_class(ci)
        roots = [m for m in instance_roots(mod) if m != self.name]
        view = self.view
        reaches: list[_Reach] = []
        if not (set(roots) & view.dependents(self.name)):
            for m in reversed(roots):
                reach = _reach_of(view, m)
                if reach is None:
                    break
                reaches.append(reach)
            else:
                self._add_class_parts(_joined(reaches).parts)
                return
        self._add_class_parts(_walked(view, roots, self.name))

    def _add_class_parts(self, found: tuple[tuple[str, _EnvParts], ...]) -> None:
        classenv = self.classenv
        digest: list[tuple[tuple[str, str], Any]] = []
        for _module, parts in found:
            for ci in parts.classes:
                classenv.add_class(ci)
            for ref, insts in parts.instances:
                classenv.add_instances(ref, insts)
            digest.extend(parts.digest)
        digest.sort(key=_ORDER_OF_PAIR)  # stable: the order `sorted(entries, key=_digest_order)` gives
        self.instance_digest = tuple(entry for _order, entry in digest)

    # ------------------------------------------------------------------ names declared here
    def _declare_names(self, mod: ast.Module) -> None:
        seen_values: dict[str, Span] = {}
        last_value: str | None = None
        sigs: dict[str, Span] = {}
        classes = {d.name for d in mod.decls if isinstance(d, ast.ClassDecl)}
        value_ops: dict[str, Span] = {}
        type_ops: dict[str, Span] = {}
        last_nullary = False  # (whether the clause right before defined its value without parameters)
        for d in mod.decls:
            if isinstance(d, ast.ValueDecl):
                # clauses of one value are adjacent; a value without parameters has a single one
                if d.name in seen_values and (last_value != d.name or (last_nullary and not d.params)):
                    self.module_error(
                        d.name_span,
                        "DuplicateValueDeclaration",
                        f"The value `{d.name}` has been defined multiple times.",
                        (Related(seen_values[d.name], "first defined here"),),
                    )
                seen_values.setdefault(d.name, d.name_span)
                self.own_values[d.name] = d.name
                last_value = d.name
                last_nullary = not d.params
                continue
            last_value = None
            if isinstance(d, ast.SignatureDecl):
                if d.name in sigs:
                    self.module_error(d.name_span, "OrphanTypeDeclaration", signature_twice(d.name))
                sigs[d.name] = d.name_span
                continue
            if isinstance(d, ast.ForeignValueDecl):
                self._own_value(d.name, d.name_span, seen_values)
            elif isinstance(d, (ast.DataDecl, ast.NewtypeDecl)):
                ctors = d.constructors if isinstance(d, ast.DataDecl) else (d.constructor,)
                for c in ctors:
                    # a constructor conflicts with another constructor or a class of its name (PureScript's
                    # DeclConflict: a class's dictionary constructor takes the class's name)
                    other = "data constructor" if c.name in seen_values else "type class" if c.name in classes else None
                    if other is not None:
                        self.module_error(
                            c.name_span,
                            "DeclConflict",
                            f"Declaration for data constructor `{c.name}` conflicts with an existing {other} of the "
                            "same name.",
                        )
                    seen_values.setdefault(c.name, c.name_span)
                    self.own_values[c.name] = c.name
            elif isinstance(d, ast.ClassDecl):
                for m in d.methods:
                    self._own_value(m.name, m.name_span, seen_values)
            elif isinstance(d, ast.FixityDecl):
                # an operator declared twice is PureScript's MultipleValueOpFixities / MultipleTypeOpFixities
                ops = type_ops if d.is_type else value_ops
                if d.operator in ops:
                    which = "type" if d.is_type else "value"
                    self.module_error(
                        d.operator_span,
                        "MultipleTypeOpFixities" if d.is_type else "MultipleValueOpFixities",
                        f"There are multiple fixity/precedence declarations for {which} operator `{d.operator}`.",
                        (Related(ops[d.operator], "first declared here"),),
                    )
                    continue
                ops[d.operator] = d.operator_span
                if not d.is_type:
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
        self._duplicate_type_arguments(mod)
        kinds = self._infer_kinds(mod)
        self.class_parts = kinds.classes
        decls = kinds.type_decls
        ctor_fields = kinds.ctor_fields
        roles = self._infer_roles(mod, ctor_fields)
        for n, info in list(self.own_types.items()):
            self.own_types[n] = TypeInfo(
                info.module,
                info.name,
                info.kind,
                info.params,
                info.constructors,
                info.synonym,
                info.newtype,
                roles.get(n, ()),
            )
        for d in decls:
            key = keys.type_key(d.name)
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
                self._declaration_doc(d),
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
                # every parameter of the type is given by a visible type application of a constructor
                sc = Scheme(z.next, (), closed_t, tuple(info.params), tuple(range(len(info.params))))
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

    # ------------------------------------------------------------------ roles
    def _infer_roles(
        self, mod: ast.Module, ctor_fields: dict[str, list[tuple[ast.DataCtor, list[Type]]]]
    ) -> dict[str, tuple[str, ...]]:
        """Every own type's parameter roles: inferred for data types and newtypes, declared (or nominal) for
        foreign types; `type role` declarations checked against what is inferred."""
        declared: dict[str, ast.RoleDecl] = {}
        for d in mod.decls:
            if isinstance(d, ast.RoleDecl):
                if d.name in declared:
                    self.module_error(
                        d.name_span, "DuplicateRoleDeclaration", f"Duplicate role declaration for the type `{d.name}`."
                    )
                    continue
                declared[d.name] = d
        arities = {n: len(self.own_types[n].params) for n in ctor_fields}
        written = {n: tuple(r.role for r in d.roles) for n, d in declared.items() if n in ctor_fields}
        inferred = infer_roles(
            self.name,
            {n: [f for _, f in cs] for n, cs in ctor_fields.items()},
            arities,
            self._imported_roles,
            written,
        )
        out: dict[str, tuple[str, ...]] = dict(inferred)
        for name, info in self.own_types.items():
            if info.synonym is None and name not in ctor_fields:  # foreign data: nominal unless declared
                out[name] = (NOMINAL,) * _kind_arity(info.kind)
        for name, d in declared.items():
            target = self.own_types.get(name)
            if target is None and name in self.own_classes:
                self.module_error(
                    d.name_span,
                    "UnsupportedRoleDeclaration",
                    f"Role declarations are only supported for data types, newtypes and foreign types (not the "
                    f"class `{name}`).",
                )
                continue
            if target is None:
                self.module_error(
                    d.name_span, "OrphanRoleDeclaration", f"The role declaration for `{name}` has no type of that name."
                )
                continue
            if target.synonym is not None:
                self.module_error(
                    d.name_span,
                    "UnsupportedRoleDeclaration",
                    f"Role declarations are only supported for data types, newtypes and foreign types (not `{name}`).",
                )
                continue
            wanted = tuple(r.role for r in d.roles)
            have = out.get(name, ())
            if len(wanted) != len(have):
                self.module_error(
                    d.span,
                    "RoleDeclarationArityMismatch",
                    f"The role declaration for `{name}` gives {len(wanted)} role{'s' if len(wanted) != 1 else ''}, "
                    f"but the type has {len(have)} parameter{'s' if len(have) != 1 else ''}.",
                )
                continue
            if name in ctor_fields:
                for r, decl_role, inferred_role in zip(d.roles, wanted, have, strict=True):
                    if not at_least(decl_role, inferred_role):
                        self.module_error(
                            r.span,
                            "RoleMismatch",
                            f"Role mismatch for a parameter of `{name}`: it is {inferred_role} at least, so it "
                            f"cannot be declared {decl_role}.",
                        )
                        break
                else:
                    out[name] = wanted
            else:
                out[name] = wanted
        return out

    def _imported_roles(self, con: TCon) -> tuple[str, ...] | None:
        if con.module == PRIM:
            return PRIM_ROLES.get(con.name)
        info = self.type_info(con.module, con.name, self.header_span)
        if info is None:
            return None
        return info.roles or None

    # ------------------------------------------------------------------ classes
    def _declare_classes(self, mod: ast.Module) -> None:
        self.state = self.module_state
        for d in mod.decls:
            parts = self.class_parts.get(d.name) if isinstance(d, ast.ClassDecl) else None
            if parts is None or parts.decl is not d:  # (not a class, or a second declaration of one: reported)
                continue
            assert isinstance(d, ast.ClassDecl)
            info = self.own_classes[d.name]
            supers = parts.supers
            own = Constraint(self.name, d.name, tuple(TGen(i) for i in range(len(info.params))))
            # a method's visible type variables: the class parameters, then the method's own `forall @a.`
            params = range(len(info.params))
            method_schemes: list[tuple[ast.ClassMethod, Scheme]] = [
                (
                    m,
                    Scheme(
                        sc.arity,
                        (own, *sc.constraints),
                        sc.type,
                        (*info.params, *sc.names),
                        (*params, *sc.visible),
                        display=sc.display,
                        kinds=sc.kinds,
                    ),
                )
                for m, sc in parts.methods
            ]
            final = ClassInfo(
                self.name,
                d.name,
                info.params,
                supers,
                info.methods,
                info.kind,
                info.fundeps,
            )
            self.instance_digest = (self.instance_digest, final)
            self.own_classes[d.name] = final
            self.classenv.add_class(final)
            key = keys.class_key(d.name)
            self.elements[key] = T.TypedElement(
                key,
                d.name,
                "class",
                d.span,
                d.name_span,
                self._declaration_doc(d),
                fingerprint=d.fingerprint,
                class_info=final,
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
        self._check_superclass_cycles()

    def _fundeps(self, d: ast.ClassDecl, params: tuple[str, ...]) -> tuple[Fundep, ...]:
        """The class's functional dependencies as parameter indices; an unknown variable is an error."""
        out: list[Fundep] = []
        index = {p: i for i, p in enumerate(params)}
        for fd in getattr(d, "fundeps", ()) or ():
            sides: list[tuple[int, ...]] = []
            for names in (fd.determiners, fd.determined):
                got: list[int] = []
                for n in names:
                    if n not in index:
                        self.module_error(
                            getattr(fd, "span", d.name_span),
                            "UnknownName",
                            f"Unknown type variable `{n}` in a functional dependency of class `{d.name}`.",
                        )
                        continue
                    got.append(index[n])
                sides.append(tuple(got))
            out.append((sides[0], sides[1]))
        return tuple(out)

    def _check_superclass_cycles(self) -> None:
        """A class may not be its own superclass, directly or through others of this module. A second declaration
        of a class adds its superclasses to the graph (PureScript sorts every class declaration by its
        superclasses before it finds the duplicate); a duplicate outside any cycle is `DuplicateTypeClass`."""
        supers = {n: [s.cls for s in c.supers if s.module == self.name] for n, c in self.own_classes.items()}
        duplicates = self._duplicate_classes
        for d in duplicates:
            if d.name in supers:
                written = (s.class_name for s in d.superclasses if s.class_name.qualifier is None)
                supers[d.name] += [n.name for n in written if n.name in supers]
        cyclic: set[str] = set()
        for group in strongly_connected(list(supers), supers):
            if len(group) > 1 or group[0] in supers[group[0]]:
                cyclic.update(group)
                for n in group:
                    el = self.elements.get(keys.class_key(n))
                    self.module_error(
                        el.name_span if el is not None else self.header_span,
                        "CycleInTypeClassDeclaration",
                        f"The class `{n}` is its own superclass (through {', '.join(f'`{g}`' for g in group)}).",
                    )
        for d in duplicates:
            if d.name not in cyclic:
                self.module_error(d.name_span, "DuplicateTypeClass", f"The type class `{d.name}` is declared twice.")

    # ------------------------------------------------------------------ instances
    def _instance_head(self, d: ast.InstanceDecl | ast.DeriveDecl) -> InstanceInfo | None:
        cls = self.lookup_class(d.class_name)
        if cls is None:
            return None
        names: list[str] = []

        def on_free(n: str) -> TypeVarEntry:
            names.append(n)
            return TypeVarEntry(TGen(len(names) - 1), TVar(fresh_id(), 1 << 20))

        tvars: dict[str, TypeVarEntry] = {}
        tr = self.translator(tvars, on_free)
        tr.allow_wildcards = isinstance(d, ast.DeriveDecl)  # (`derive instance Newtype T _`)
        tr.wildcard_code = "InvalidInstanceHead"  # (in the context, as elsewhere, a parse error)
        if isinstance(d, ast.DeriveDecl) and self.wrong_derived_arity(d, cls):
            return None
        stuck = self.newtype_head_stuck(d) if isinstance(d, ast.DeriveDecl) and d.newtype else None
        if stuck is not None:
            self.module_error(
                d.span,
                "InvalidNewtypeInstance",
                f"Cannot derive newtype instance for `{d.class_name.full}` of `{stuck}`: the type `{stuck}` wraps "
                "does not end in applications to the parameters the instance head leaves out, so it cannot be "
                "unwrapped.",
            )
            return None
        head = tr.class_args(cls, d.class_name.full, d.types, instance_head_span(d))
        if head is None:
            return None
        tr.wildcard_code = "SyntaxError"
        context = tuple(c for c in (tr.constraint(c) for c in d.constraints) if c is not None)
        key = instance_key(d)
        iname = d.name or generated_instance_name(d)
        written = head.args
        if isinstance(d, ast.DeriveDecl):
            written = self.derived_head_args(d, cls, written)
        z = Zonker(None, len(names))
        args = tuple(z.type(a) for a in written)
        context = tuple(Constraint(c.module, c.cls, tuple(z.type(a) for a in c.args)) for c in context)
        chain, index = self._chain_of(d, key)
        kinds: tuple[str, ...] = ()
        if _kind_annotated(d.types):  # (`Proxy (a :: Symbol)`: the kinds tell this instance from others)
            kinds = tuple(coarse_kind(tvars[n].kind) if n in tvars else "" for n in names)
        return InstanceInfo(
            self.name, key, iname, cls[0], cls[1], z.next, args, context, chain, index, tuple(names), kinds
        )

    def _chain_of(self, d: ast.InstanceDecl | ast.DeriveDecl, key: str) -> tuple[str, int]:
        """The chain an instance belongs to (the key of the chain's first instance) and its place in it: an
        instance written `else instance` continues the chain of the instance declared right before it."""
        if getattr(d, "else_span", None) is None or not self._chain_head:
            self._chain_head = key
            self._chain_index = 0
            return "", 0
        self._chain_index += 1
        return self._chain_head, self._chain_index

    def _duplicate_type_arguments(self, mod: ast.Module) -> None:
        """PureScript's `DuplicateTypeArgument`: a data type, synonym or class naming one parameter twice."""
        for d in mod.decls:
            if isinstance(d, (ast.DataDecl, ast.NewtypeDecl, ast.TypeAliasDecl, ast.ClassDecl)):
                seen: set[str] = set()
                for p in d.params:
                    if p.name in seen:
                        self.module_error(
                            p.span, "DuplicateTypeArgument", f"Type argument `{p.name}` appears more than once."
                        )
                    seen.add(p.name)

    def _declare_instances(self, mod: ast.Module) -> None:
        self.state = self.module_state
        self.instance_decls = []
        self.broken_instances = set()
        seen_keys: set[str] = set()
        self._chain_head = ""
        heads: list[InstanceInfo] = []
        for d in mod.decls:
            if not isinstance(d, (ast.InstanceDecl, ast.DeriveDecl)):
                self._chain_head = ""  # a chain is consecutive `else instance` declarations
                continue
            errors_before = len(self.module_state.diagnostics)
            info = self._instance_head(d)
            if info is not None and any(
                diag.severity == Severity.ERROR for diag in self.module_state.diagnostics[errors_before:]
            ):
                self.broken_instances.add(info.key)  # (its methods are not checked against a head that is wrong)
            if info is None:
                self._chain_head = ""
                continue
            if info.key in seen_keys:
                if d.name is None:  # (the same head written twice: unnamed, they are two instances that overlap)
                    self.module_error(
                        instance_head_span(d),
                        "OverlappingInstances",
                        f"Overlapping type class instances found for `{info.cls}`: this instance has the same head "
                        "as an earlier one.",
                    )
                else:
                    self.module_error(
                        d.name_span or d.span, "DuplicateInstance", f"Instance `{info.name}` is declared twice."
                    )
                continue
            seen_keys.add(info.key)
            heads.append(info)
            self.instance_decls.append((d, info))
        self.instance_decls = [(d, i) for (d, _), i in zip(self.instance_decls, _with_chains(heads), strict=True)]
        for d, info in self.instance_decls:
            self._check_instance_head(d, info)
            if isinstance(d, ast.DeriveDecl) and not self.derives_own_type(d, info):
                continue  # (PureScript cannot derive it: ExpectedTypeConstructor, not an instance to solve with)
            self.classenv.add_instance(info)
            self.own_instances.append(info)
            self.instance_digest = (self.instance_digest, info.key, info.args, info.context, info.chain, info.index)

    def _check_instance_head(self, d: ast.InstanceDecl | ast.DeriveDecl, info: InstanceInfo) -> None:
        """PureScript's checks of an instance declaration: the head's types, the orphan rule, overlaps."""
        cinfo = self.classenv.classes.get((info.cls_module, info.cls))
        head_span = instance_head_span(d)
        if (info.cls_module, info.cls) == ("Prim.Coerce", "Coercible"):
            self.module_error(
                head_span,
                "InvalidCoercibleInstanceDeclaration",
                "Instances of `Coercible` cannot be declared: the compiler solves it from newtypes and roles.",
            )
            return
        fundeps = cinfo.fundeps if cinfo is not None else ()
        determined = fundep_determined(len(info.args), fundeps)
        for i, (a, written) in enumerate(zip(info.args, d.types, strict=False)):
            bad = _invalid_head_part(a, i in determined)
            if bad:
                self.module_error(
                    written.span,
                    "InvalidInstanceHead",
                    f"Type class instance head is invalid due to use of type `{bad}`: instance heads may only "
                    "use type constructors, applications of them and type variables (rows only where a "
                    "functional dependency determines the argument).",
                )
        if isinstance(d, ast.DeriveDecl) and not self.derives_own_type(d, info):
            return  # not a type of this module: the derive declaration's own check reports it
        sets = covering_sets(len(info.args), fundeps)
        allowed = {info.cls_module}
        per_set = [{m for i in s for m in (_type_module(info.args[i]),) if m is not None} for s in sets]
        if per_set:
            allowed |= set.intersection(*per_set)
        if self.name not in allowed:
            self.module_warn(
                d.name_span or head_span,
                "OrphanInstance",
                f"Orphan instance `{info.name}`: it must be declared in the module of the class `{info.cls}` "
                "or of a type in its head.",
            )
        if info.key in self.broken_instances:
            return  # (a head with errors of its own: what it would overlap with is unknown)
        for other in self.classenv.instances.get((info.cls_module, info.cls), []):
            if other.module not in allowed or (other.module == info.module and other.key == info.key):
                continue
            if other.module == self.name and other.key in self.broken_instances:
                continue
            if info.chain and other.chain_id == info.chain_id:
                continue
            if heads_apart(sets, info.args, other.args, info.kinds, other.kinds):
                continue
            where = "" if other.module == self.name else f" of `{other.module}`"
            self.module_error(
                head_span,
                "OverlappingInstances",
                f"Overlapping type class instances found for `{info.cls}`: instance `{info.name}` overlaps with "
                f"instance `{other.name}`{where}.",
            )
            break

    # ------------------------------------------------------------------ signatures, foreign values, operators
    def _declare_signatures(self, mod: ast.Module) -> None:
        self.state = self.module_state
        self.signatures = {}
        self.partial_signatures = {}
        self.broken_signatures = {}
        for d in mod.decls:
            if isinstance(d, ast.SignatureDecl) and d.name not in self.signatures:
                if d.name in self.partial_signatures or d.name in self.broken_signatures:
                    continue
                st = DeclState()
                self.state = st
                wildcards: list[tuple[int, Span, str | None]] = []
                sc, _ = self.signature_scheme(d.type, wildcards=wildcards)
                self.module_state.diagnostics.extend(st.diagnostics)
                if any(diag.severity == Severity.ERROR for diag in st.diagnostics):
                    # a signature that does not make sense (a kind error, an unknown type): the value is inferred
                    # as if it had none, so its body and its users get no errors that only follow from this one
                    self.broken_signatures[d.name] = d
                    continue
                if wildcards:
                    self.partial_signatures[d.name] = (d, sc, tuple(wildcards))
                    continue
                self.signatures[d.name] = (d, sc)
                self.schemes[d.name] = sc
            elif isinstance(d, ast.ForeignValueDecl):
                sc, _ = self.signature_scheme(d.type, allow_wildcards=False)
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
                        self.own_aliases[key] = (info.module, keys.type_key(info.name))
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


def _class_kind(kinds: list[Type]) -> Type:
    kind: Type = K_CONSTRAINT
    for k in reversed(kinds):
        kind = TFun(k, kind)
    return kind


def instance_head_span(d: ast.InstanceDecl | ast.DeriveDecl) -> Span:
    """From `instance` (or `derive`) to the end of the instance's head."""
    end = d.types[-1].span if d.types else d.class_name.span
    return Span.join(d.span, end) if d.span.start_line <= end.end_line else d.span


def _with_chains(heads: list[InstanceInfo]) -> list[InstanceInfo]:
    """Mark the first instance of each chain with the chain (it is seen before the rest of the chain)."""
    chained = {i.chain for i in heads if i.chain}
    return [dataclasses.replace(i, chain=i.key) if (i.key in chained and not i.chain) else i for i in heads]


def _type_module(t: Type) -> str | None:
    """The module of the type constructor at the head of an instance argument (None for a variable)."""
    t = prune(t)
    while isinstance(t, TApp):
        t = prune(t.fn)
    if isinstance(t, TFun):
        return "Prim"
    if isinstance(t, TCon):
        return t.module
    return None


def _invalid_head_part(t: Type, determined: bool) -> str:
    """The printed part of an instance argument that PureScript does not allow there ("" when valid)."""
    from nova.types.pretty import print_type
    from nova.types.types import TRow, TSkolem

    stack = [t]
    while stack:
        n = prune(stack.pop())
        if isinstance(n, TFun):
            stack += [n.arg, n.res]
        elif isinstance(n, TApp):
            stack += [n.fn, n.arg]
        elif isinstance(n, TRow):
            if not determined:
                return print_type(n)
            stack += [ft for _, ft in n.fields]
            if n.tail is not None:
                stack.append(n.tail)
        elif isinstance(n, TSkolem):
            return print_type(n)
    return ""


def generated_instance_name(d: ast.InstanceDecl | ast.DeriveDecl) -> str:
    """PureScript's name for an unnamed instance: the class name with a lower-case initial, then the name of the
    type constructor heading each argument (`instance Show (Maybe a)` is `showMaybe`), at most 25 characters."""
    cls = d.class_name.name
    out = cls[:1].lower() + cls[1:]
    for t in d.types:
        out += _arg_name(t)
    return out[:25]


def _arg_name(t: ast.Type | ast.TypeOperator) -> str:
    while True:
        if isinstance(t, (ast.TypeParen, ast.TypeKinded)):
            t = t.type
        elif isinstance(t, ast.TypeApp):
            t = t.fn
        else:
            break
    if isinstance(t, ast.TypeCon):
        return t.name
    if isinstance(t, ast.TypeOperator):
        return t.name
    if isinstance(t, ast.TypeFun):
        return "Function"
    if isinstance(t, ast.TypeRecord):
        return "Record"
    if isinstance(t, ast.TypeRow):
        return "Row"
    if isinstance(t, ast.TypeBinOp):
        return _arg_name(t.op)
    return ""


def _kind_arity(kind: Type) -> int:
    n = 0
    kind = prune(kind)
    while isinstance(kind, TFun):
        n += 1
        kind = prune(kind.res)
    return n


def _kind_annotated(types: Any) -> bool:
    """Whether an instance head annotates a type with its kind somewhere (`(a :: Type)`)."""
    stack: list[Any] = list(types)
    while stack:
        n = stack.pop()
        if isinstance(n, ast.TypeKinded):
            return True
        if dataclasses.is_dataclass(n) and not isinstance(n, (type, Span)):
            for f in dataclasses.fields(n):
                if f.name != "span":
                    c = getattr(n, f.name)
                    if isinstance(c, tuple):
                        stack.extend(c)
                    else:
                        stack.append(c)
    return False

