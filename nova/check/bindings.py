"""Value binding groups: SCC order, inference with generalisation or against a signature, reuse."""

from __future__ import annotations

from typing import Any

from nova import keys
from nova.check import typed as T
from nova.check.base import _appearance, _first_index
from nova.check.declarations import Declarations
from nova.check.eager import cycle_in_declaration, cycle_uses, eager_refs
from nova.check.graph import strongly_connected
from nova.check.infer import DeclState, TooDeep, free_cells
from nova.check.names import free_names_cached
from nova.check.results import GroupCache
from nova.check.typeconv import TypeVarEntry
from nova.check.value_kinds import (
    arrow_clash,
    instantiation_clash,
    kind_clash,
    kinds_matter,
    plain_arity,
    plain_scheme,
    scheme_var_kinds,
    shared_kind_clash,
    smallest_culprit,
)
from nova.check.wildcards import PartialShape, open_partial, report_partial
from nova.check.zonk import Zonker
from nova.diagnostics import Severity, Span
from nova.syntax import ast
from nova.types.classes import Given, Wanted, args_equal, substitute, substitute_all
from nova.types.evidence import ParamEv
from nova.types.pretty import print_kinds
from nova.types.types import (
    PRIM,
    T_RECORD,
    Constraint,
    Scheme,
    TApp,
    TCon,
    TForall,
    TFun,
    TGen,
    TSkolem,
    TVar,
    Type,
    fresh_id,
    prune,
    split_app,
)


def layout_shape(decls: list[Any], base: int) -> tuple[tuple[int, int, int, int], ...]:
    """The spans of the declarations, relative to line `base`.

    With each declaration's `layout` (every token's line relative to the declaration's first line, and its
    column), this fixes the position of every node of the declarations relative to `base`.
    """
    return tuple(
        [(sp.start_line - base, sp.start_col, sp.end_line - base, sp.end_col) for sp in [d.span for d in decls]]
    )


class Bindings(Declarations):
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
        signed_deps: dict[str, list[str]] = {}  # (the own values with a signature each one uses)
        # with the declarations adopted unchanged, a value whose fingerprint is unchanged has the same dependencies
        prev_deps = self.previous.value_deps if (self.previous is not None and self._adopted) else {}
        for n in names:
            fingerprint = self._fingerprint(n)[0]
            known = prev_deps.get(n)
            if known is not None and fingerprint and known[0] == fingerprint:
                deps[n] = known[1]
                signed_deps[n] = known[2]
                continue
            used = free_names_cached(clauses[n], fingerprint)
            out: list[str] = []
            signed: list[str] = []
            for u in used:
                target = u
                alias = self.own_aliases.get(u)
                if alias is not None and alias[0] == self.name:
                    target = alias[1]
                if target in name_set:
                    (signed if target in self.signatures else out).append(target)
            deps[n] = out
            signed_deps[n] = signed
        # operators of this module aliasing one of its values get that value's scheme once it is known
        aliased_by: dict[str, list[str]] = {}
        for op, aliased in self.own_aliases.items():
            if aliased[0] == self.name and not keys.is_type_key(op):
                aliased_by.setdefault(aliased[1], []).append(op)
        self.value_deps = {n: (self._fingerprint(n)[0], d, signed_deps[n]) for n, d in deps.items()}
        prev_groups = self.previous.groups if (self.previous is not None and self._adopted) else None
        if (
            prev_groups is not None
            and prev_deps
            and all(prev_deps.get(n, (None, None))[1] == d for n, d in deps.items())
        ):
            groups = prev_groups  # same values, same dependencies: same binding groups in the same order
        else:
            groups = strongly_connected(names, deps)
        self.groups = groups
        for group in groups:
            self._check_group(group)
            for n in group:
                for op in aliased_by.get(n, ()):
                    self._set_operator_scheme(op, n)
        self._cycles_through_signatures(deps, signed_deps)

    def _fingerprint(self, key: str) -> tuple[str, Span]:
        got = self._fingerprints.get(key)
        if got is None:
            got = self._fingerprints[key] = self._compute_fingerprint(key)
        return got

    def _compute_fingerprint(self, key: str) -> tuple[str, Span]:
        parts = [d.fingerprint for d in self.value_clauses.get(key, [])]
        sig = self._signature_decl(key)
        span = self.value_clauses[key][0].span
        if sig is not None:
            parts.insert(0, sig.fingerprint)
            span = sig.span if sig.span < span else span
        if "" in parts:
            return "", span
        return "|".join(parts), span

    def _reuse_key(self, key: str) -> tuple[Any, Span]:
        """The fingerprint plus the layout shape: fingerprints ignore layout, but a reused typed tree must not
        carry stale positions, so where the pieces sit (relative to the first line) must match too."""
        fp, span = self._fingerprint(key)
        if not fp:
            return "", span
        decls: list[Any] = list(self.value_clauses.get(key, []))
        sig = self._signature_decl(key)
        if sig is not None:
            decls.append(sig)
        return (fp, layout_shape(decls, span.start_line), tuple(d.layout for d in decls)), span

    def _signature_decl(self, name: str) -> Any:
        """The signature declaration of a value (complete or partial), if it has one."""
        sig = self.signatures.get(name)
        if sig is not None:
            return sig[0]
        partial = self.partial_signatures.get(name)
        return partial[0] if partial is not None else self.broken_signatures.get(name)

    def _reuse(self, group: list[str]) -> bool:
        prev = self.previous
        if prev is None:
            return False
        cache_key = tuple(group)
        cached = prev.cache.get(cache_key)
        if cached is None:
            return False  # (nothing to reuse: the reuse keys need not be computed)
        for k in group:
            sig = self.signatures.get(k)
            # a signature's meaning can change without its text (an imported type went away)
            if sig is not None:
                seen = cached.schemes.get(k)
                if seen is not sig[1] and seen != sig[1]:
                    return False
        got = self._try_reuse(cache_key, [self._reuse_key(k) for k in group])
        if got is None:
            return False
        for k in group:
            self.schemes[k] = got.schemes[k]
        self.reused += len(group)
        return True

    def _check_group(self, group: list[str]) -> None:
        if self._reuse(group):
            return
        try:
            self._infer_group(group)
        finally:
            prev = self.previous
            for n in group:
                if prev is None or prev.schemes.get(n) != self.schemes.get(n):
                    self._changed_schemes.add(n)

    def _infer_group(self, group: list[str]) -> None:
        self.reinferred += len(group)
        st = DeclState()
        self.state = st
        st.reads[keys.INSTANCES] = self.instance_digest
        for n in group:
            st.reads[keys.signature(n)] = self.signature_status(n)
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
                shapes: dict[str, PartialShape] = {}
                self.partial_shapes = shapes
                for n in group:
                    partial = self.partial_signatures.get(n)
                    if partial is not None:
                        shapes[n] = self._partial_shape(n, partial, st)
                for n in group:
                    self.current_owner = n
                    self.wanted = []
                    shape = shapes.get(n)
                    self.tyvars = dict(shape.tyvars) if shape is not None else {}
                    t, cls = self.infer_clauses(n, self.value_clauses[n], self.mono[n])
                    results[n] = (t, cls)
                    member_wanteds[n] = self.wanted
                self.tyvars = {}
                self.level -= 1
                self._generalise_group(group, results, member_wanteds, st)
                for n, shape in shapes.items():
                    self._report_partial(n, shape)
                self.partial_shapes = {}
            self._check_kinded_uses(st)
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
            self.wildcard_warnings = True
            self.partial_shapes = {}
            for n in group:
                self.mono.pop(n, None)
            self.level = 0
            self.depth = 0
        self._value_cycles(group, st)
        self.diags.extend(st.diagnostics)
        reuse_keys = [self._reuse_key(k) for k in group]
        self.cache[tuple(group)] = GroupCache(
            tuple(group),
            tuple(key[0] for key in reuse_keys),
            tuple(key[1] for key in reuse_keys),
            {r: v for r, v in st.reads.items() if not (r[0] == self.name and r[1] in group)},
            {k: self.elements[k] for k in group if k in self.elements},
            {k: self.schemes[k] for k in group if k in self.schemes},
            list(st.diagnostics),
        )

    def _value_cycles(self, group: list[str], st: DeclState) -> None:
        """PureScript's `CycleInDeclaration` for the values of one binding group defined without parameters
        whose initialisation needs itself (`x = x`, `a = b` with `b = a`; see `nova.check.eager`)."""
        if len(group) == 1:
            n = group[0]
            if n not in free_names_cached(self.value_clauses[n], self._fingerprint(n)[0]):
                return  # (not recursive: nothing to come back to)
        members = set(group)
        edges: dict[str, list[tuple[str, T.EVar]]] = {}
        for n in group:
            el = self.elements.get(n)
            if el is None or not el.clauses or any(c.params for c in el.clauses):
                continue
            for clause in el.clauses:
                for v in eager_refs(clause.rhs):
                    if v.target is not None and v.target[0] == self.name and v.target[1] in members:
                        edges.setdefault(n, []).append((v.target[1], v))
        if edges:
            for use in cycle_uses(edges).values():
                st.diagnostics.append(cycle_in_declaration(use))

    def _recursive_with_constraints(
        self, group: list[str], constraints: list[tuple[str, str, tuple[Type, ...]]]
    ) -> None:
        """PureScript's `CannotGeneralizeRecursiveFunction`: a recursive binding group without signatures is not
        generalised over constraints (its recursive uses would need the dictionaries it is given); reported once,
        at the first member without a signature, whose type Nova still generalises so that its uses check."""
        unsigned = [n for n in group if n not in self.partial_shapes]
        if not unsigned:
            return
        if len(group) == 1:
            n = group[0]
            if n not in free_names_cached(self.value_clauses[n], self._fingerprint(n)[0]):
                return  # (not recursive)
        first = min(unsigned, key=lambda n: self.value_clauses[n][0].span)
        shown = ", ".join(dict.fromkeys(f"`{c}`" for _, c, _ in constraints))
        self.error(
            self.value_clauses[first][0].name_span,
            "CannotGeneralizeRecursiveFunction",
            f"Unable to generalize the type of the recursive function `{first}`: its inferred type needs instances "
            f"of {shown}. Try adding a type signature.",
        )

    def _cycles_through_signatures(self, deps: dict[str, list[str]], signed_deps: dict[str, list[str]]) -> None:
        """`CycleInDeclaration` for a cycle of values without parameters that passes through a value with a
        signature (`x :: Int` with `x = y`, `y :: Int` with `y = x`). A signed value is a binding group of its own,
        so such a cycle spans several groups and `_value_cycles` cannot see it; it is looked for here, on the
        whole module's dependencies, and not cached with any one group (every check recomputes it)."""
        eager = {n for n, cls in self.value_clauses.items() if not any(c.params for c in cls)}
        if not any(t in eager for n in eager for t in signed_deps.get(n, ()) if t != n):
            return  # (no value without parameters uses another signed one: no such cycle)
        full = {n: [t for t in (*deps.get(n, ()), *signed_deps.get(n, ())) if t in eager] for n in eager}
        reported = {d.span for d in self.diags if d.code == "CycleInDeclaration"}
        for component in strongly_connected(list(full), full):
            if len(component) < 2 or not any(n in self.signatures for n in component):
                continue  # (a cycle among unsigned values only is one binding group: `_value_cycles` saw it)
            members = set(component)
            edges: dict[str, list[tuple[str, T.EVar]]] = {}
            for n in component:
                el = self.elements.get(n)
                if el is None or not el.clauses:
                    continue
                for clause in el.clauses:
                    for v in eager_refs(clause.rhs):
                        if v.target is not None and v.target[0] == self.name and v.target[1] in members:
                            edges.setdefault(n, []).append((v.target[1], v))
            for use in cycle_uses(edges).values():
                if use.span not in reported:
                    reported.add(use.span)
                    self.diags.append(cycle_in_declaration(use))

    def _partial_shape(
        self, name: str, partial: tuple[Any, Scheme, tuple[tuple[int, Span, str | None], ...]], st: DeclState
    ) -> PartialShape:
        """A value whose signature has wildcards is inferred like one without a signature, its type made to fit
        the written shape first (see `nova.check.wildcards`)."""
        decl, sc, wildcards = partial
        shape_type, shape = open_partial(sc, wildcards, self.fresh, decl.type.span)
        self.unify_at(self.mono[name], shape_type, decl.name_span)
        return shape

    def _partial_names(self, name: str, mapping: dict[int, int]) -> tuple[str, ...]:
        """The names a partial signature gave the variables of the inferred scheme (others: `t0`, `t1`, …)."""
        shape = self.partial_shapes.get(name)
        if shape is None:
            return ()
        names = [f"t{i}" for i in range(len(mapping))]
        for var, t in shape.named:
            got = prune(t)
            if type(got) is TVar and got.id in mapping and var not in names:
                names[mapping[got.id]] = var
        return tuple(names)

    def _report_partial(self, name: str, shape: PartialShape) -> None:
        report_partial(name, shape, self.error, self.warn)  # (a top-level signature's wildcards always warn)

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
            Given(c.module, c.cls, substitute_all(c.args, skolems), ParamEv(owner, i))
            for i, c in enumerate(sc.constraints)
        ]
        tyvars = {
            (sc.names[i] if i < len(sc.names) else f"t{i}"): TypeVarEntry(skolems[i], TVar(fresh_id(), 1 << 20))
            for i in range(sc.arity)
        }
        return expected, self.classenv.given_closure(givens), mapping, tyvars

    def _check_with_signature(self, name: str, st: DeclState) -> None:
        decl, sc = self.signatures[name]
        self.level += 1
        self.current_owner = name
        self.wildcard_warnings = False  # (under a complete signature, PureScript 0.15 reports no inner wildcard)
        expected, givens, mapping, tyvars = self._skolemise(sc, name)
        self.signature_skolems, self._signature_var_kinds = (sc, mapping), None
        self.givens = givens
        self.tyvars = tyvars
        self.wanted = []
        self.signature_origin = (decl.span, name, sc)
        try:
            _, cls = self.infer_clauses(name, self.value_clauses[name], expected)
        finally:
            self.signature_origin = None
        self.level -= 1
        stuck = self.solve(self.wanted, givens, final=True)
        for w in stuck:
            self._unsolved(w)
        self.signature_skolems = None
        self.finish_evidence()
        el = self._value_element(name, sc, cls, st)
        Zonker(dict(mapping), sc.arity).tree(el.clauses)
        self.givens = []
        self.tyvars = {}

    def _generalise_group(
        self,
        group: list[str],
        results: dict[str, tuple[Type, tuple[T.Clause, ...]]],
        member_wanteds: dict[str, list[Wanted]],
        st: DeclState,
    ) -> None:
        stuck_by_member: dict[str, list[Wanted]] = {}
        env = self.classenv
        before = env.improvements
        single = len(group) == 1
        for n in group:
            stuck_by_member[n] = self.solve(member_wanteds[n], [], final=single)
        for _ in range(len(group) if not single else 0):
            # a functional dependency solved in one member may have fixed types another member's constraints need
            if env.improvements == before:
                break
            before = env.improvements
            for n in group:
                stuck_by_member[n] = self.solve(stuck_by_member[n], [])
        for n in group if not single else ():
            stuck_by_member[n] = self.solve(stuck_by_member[n], [], final=True)
        # the constraints every member gets: stuck wanteds on generalisable variables (and those of classes
        # without parameters, `Partial`), unless a variable is not determined by the type (ambiguous)
        constraints: list[tuple[str, str, tuple[Type, ...]]] = []
        type_cells: dict[int, TVar] = {}
        for n in group:
            free_cells(results[n][0], type_cells)
        candidates: list[Wanted] = []
        for n in group:
            # a partial signature is checked, not inferred, in PureScript (its typesOf generalises no constraint of
            # a signed binding): what the body needs beyond the written constraints is not added to its type
            # (`f :: _ -> String` with `f x = show x` is NoInstanceFound, and so is `Eq a` under `Show a => a -> _`)
            shape = self.partial_shapes.get(n)
            written = self.written_givens(shape, n) if shape is not None else None
            for w in stuck_by_member[n]:
                cells = _cells_of(w.args)
                if (not cells and w.args) or any(c.level <= self.level for c in cells.values()):
                    continue
                if written is not None and self.beyond_written(w, written):
                    continue
                candidates.append(w)
        determined = self._determined_cells(set(type_cells), candidates)
        for w in candidates:
            if any(cid not in determined for cid in _cells_of(w.args)):
                self._ambiguous(w, results)
                continue
            if not any(c[0] == w.module and c[1] == w.cls and args_equal(c[2], w.args) for c in constraints):
                constraints.append((w.module, w.cls, w.args))
        constraints = self._simplify(constraints)
        if constraints:
            self._recursive_with_constraints(group, constraints)
        # one order for the whole group: recursive calls inside it pass the dictionaries through by position
        group_order: dict[int, int] = {}
        for n in group:
            _appearance(results[n][0], group_order)
        sorted_cons = sorted(constraints, key=lambda c: (_first_index(c[2], group_order), c[1]))
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
                for a in c[2]:
                    free_cells(a, cons_cells)
            for cid in cons_cells:
                if cid not in order:
                    order[cid] = len(order)
            gen_all = [i for i in order if (i in cells_t or i in cons_cells)]
            gen_all = [i for i in gen_all if (cells_t.get(i) or cons_cells.get(i)) is not None]
            mapping = {cid: idx for idx, cid in enumerate(gen_ids)}
            for cid in gen_all:
                if cid not in mapping:
                    mapping[cid] = len(mapping)
            z = Zonker(dict(mapping), len(mapping))
            sc = Scheme(
                len(mapping),
                tuple(Constraint(m, c, tuple(z.type(a) for a in ty)) for m, c, ty in sorted_cons),
                z.type(t),
                self._partial_names(n, mapping),
            )
            self.schemes[n] = sc
            givens = self.classenv.given_closure(
                [Given(m, c, ty, ParamEv(n, i)) for i, (m, c, ty) in enumerate(sorted_cons)]
            )
            for w in stuck_by_member[n]:
                if w.failure is not None and w.failure[0] == "reported":
                    continue
                r, subs = self.classenv.reduce(w, givens, self)
                rest = self.solve(subs, givens, final=True) if subs else []
                if r != 1 or rest:
                    self._unsolved(w)
            for node, owner in st.group_refs:
                if owner == n:
                    node.evidence = tuple(ParamEv(n, i) for i in range(len(sorted_cons)))
            el = self._value_element(n, sc, cls, st)
            z2 = Zonker(dict(mapping), len(mapping))
            z2.tree(el.clauses)
            self._check_value_kinds(sc, el.clauses, st)
        self.finish_evidence()

    def _check_value_kinds(self, sc: Scheme, clauses: tuple[T.Clause, ...], st: DeclState) -> None:
        """An inferred type whose kinds do not fit (see `nova.check.value_kinds`) is PureScript's
        `KindsDoNotUnify`, reported at the smallest expression that has such a type. Skipped after another error
        in the declaration (its types may hold the stand-ins that error left)."""
        if any(d.severity == Severity.ERROR for d in st.diagnostics):
            return
        if kind_clash(sc.type, self.read_kind, self.con_kinds, self.read_kind) is None:
            return
        culprit = smallest_culprit(clauses, self.kind_of_con)
        if culprit is None:
            return
        span, (found, expected) = culprit
        shown_found, shown_expected = print_kinds(found, expected)
        self.error(
            span,
            "KindsDoNotUnify",
            f"Could not match kind `{shown_found}` with kind `{shown_expected}`: "
            "this expression's type puts a type of one kind where the other is needed.",
        )

    def scheme_kinds_matter(self, scheme: Scheme) -> KindedUse:
        """How the uses of `scheme` are kind-checked: not at all, through its variables of arrow kinds (a tuple of
        (variable, arrows)), or together ("joint": see `nova.check.value_kinds`). Decided once per scheme object
        while the kinds of the types and classes it names stay the same objects: a library's schemes are met by
        every module that imports it."""
        if scheme.arity == 0:
            return None
        known = _KIND_DECISIONS.get(id(scheme))
        if known is not None and known[0] is scheme and self._same_kinds(known[2], known[3]):
            return known[1]
        types: dict[tuple[str, str], Any] = {}
        classes: dict[tuple[str, str], Type] = {}

        def kind_of_con(con: TCon) -> Type | None:
            kind = self.read_kind(con)
            types[(con.module, con.name)] = self.type_info(con.module, con.name, self.header_span)
            return kind

        def class_kind(ref: tuple[str, str]) -> Type:
            kind = classes[ref] = self.class_kind(ref)
            return kind

        # (a kind written on a variable may be one the type does not fix: such schemes take the full inference)
        how: KindedUse = plain_scheme(scheme, kind_of_con, class_kind) if not scheme.kinds else None
        if how is None:
            kinds = scheme_var_kinds(scheme, kind_of_con, class_kind, {})
            how = "joint" if kinds is not None and kinds_matter(kinds) else None
        elif not how:
            how = None
        if len(_KIND_DECISIONS) > _KIND_DECISIONS_MAX:
            _KIND_DECISIONS.clear()
        _KIND_DECISIONS[id(scheme)] = (scheme, how, tuple(types.items()), tuple(classes.items()))
        return how

    def read_kind(self, con: TCon) -> Type | None:
        """The kind of a type constructor, read by the declaration being checked (an own type's too: a kind check
        of its values depends on it, and an edit of its kind must not let them be reused)."""
        info = self.type_info(con.module, con.name, self.header_span)
        if con.module == self.name:
            self.state.reads[(self.name, keys.type_key(con.name))] = info
        return info.kind if info is not None else None

    def _same_kinds(self, types: tuple[tuple[tuple[str, str], Any], ...],
                    classes: tuple[tuple[tuple[str, str], Type], ...]) -> bool:
        for (mod, name), info in types:
            if self.type_info(mod, name, self.header_span) is not info:
                return False
            if mod == self.name:
                self.state.reads[(mod, keys.type_key(name))] = info
        return all(self.class_kind(ref) is kind for ref, kind in classes)

    def _check_kinded_uses(self, st: DeclState) -> None:
        """The uses of poly-kinded schemes in the declaration give their variables types whose kinds fit together
        (see `nova.check.value_kinds.instantiation_clash`); the first that does not is `KindsDoNotUnify`. Skipped
        after another error in the declaration (its types may hold the stand-ins that error left)."""
        uses = st.kinded_uses
        if not (uses or st.local_uses) or any(d.severity == Severity.ERROR for d in st.diagnostics):
            return
        if st.local_uses and self._check_local_uses(st):
            return
        for scheme, args, span, how in uses:
            if how == "joint":
                clash = instantiation_clash(
                    scheme, args, self.read_kind, self.class_kind, self.con_kinds, self.read_kind
                )
            else:
                assert isinstance(how, tuple)
                if self._plain_constructors(args, how, st):
                    continue
                clash = arrow_clash(args, how, self.read_kind, self.con_kinds, self.read_kind)
            if clash is None:
                continue
            found, expected = clash
            shown_found, shown_expected = print_kinds(found, expected)
            self.error(
                span,
                "KindsDoNotUnify",
                f"Could not match kind `{shown_found}` with kind `{shown_expected}`: "
                "the types this use gives its type variables do not fit their kinds together.",
            )
            return

    def _check_local_uses(self, st: DeclState) -> bool:
        """The uses of each generalised local binding give its variables types of one kind (its kinds are not
        generalised, see `nova.check.value_kinds.shared_kind_clash`); the first use that does not is PureScript's
        `TypesDoNotUnify` (it unifies kinds as types). True when it reported one."""
        by_binding: dict[int, list[tuple[tuple[Type, ...], Span]]] = {}
        for loc, args, span in st.local_uses:
            by_binding.setdefault(id(loc), []).append((args, span))
        for uses in by_binding.values():
            if len(uses) < 2:
                continue
            got = shared_kind_clash([args for args, _ in uses], self.read_kind, self.con_kinds, self.read_kind)
            if got is None:
                continue
            index, (found, expected) = got
            shown_found, shown_expected = print_kinds(found, expected)
            self.error(
                uses[index][1],
                "TypesDoNotUnify",
                f"Could not match type `{shown_found}` with type `{shown_expected}`: the "
                "kinds of a local binding's inferred type are not generalised, so its uses must agree on them.",
            )
            return True
        return False

    def _plain_constructors(self, args: list[Type], arrows: tuple[tuple[int, int], ...], st: DeclState) -> bool:
        """The common case of `arrow_clash`, told without a kind walk: every variable was given nothing known (an
        unknown, a rigid variable) or a type that plainly has its kind: for one of kind `Type`, a function, record
        or quantified type, or a constructor applied to as many arguments as its plain kind takes (`Maybe Int`);
        for one of an arrow kind, a type constructor of exactly that kind (`f` of `map` := `Array`). The kinds are
        read as `read_kind` reads them."""
        memo = self._con_arities
        for i, n in arrows:
            t = prune(args[i])
            tt = type(t)
            if tt is TVar or tt is TSkolem:
                continue
            if n == 0 and tt is not TCon:
                if tt is TFun or tt is TForall:
                    continue
                if tt is not TApp:
                    return False
                head, given = split_app(t)
                th = type(head)
                if th is TVar or th is TSkolem or (head == T_RECORD and len(given) == 1):
                    continue
                if th is not TCon:
                    return False
                assert isinstance(head, TCon)
                t, n = head, len(given)
            elif tt is not TCon:
                return False
            assert isinstance(t, TCon)
            key = (t.module, t.name)
            got = memo.get(key)
            if got is None:
                info = self.type_info(t.module, t.name, self.header_span)
                got = memo[key] = (info, plain_arity(info.kind) if info is not None else None, keys.type_key(t.name))
            if t.module != PRIM:
                st.reads[(t.module, got[2])] = got[0]
            if got[1] != n:
                return False
        return True

    def _simplify(
        self, constraints: list[tuple[str, str, tuple[Type, ...]]]
    ) -> list[tuple[str, str, tuple[Type, ...]]]:
        """Drop a constraint entailed by another one's superclasses (`Eq a` when `Ord a` is there)."""
        out: list[tuple[str, str, tuple[Type, ...]]] = []
        for c in constraints:
            entailed = False
            for d in constraints:
                if d is c:
                    continue
                closure = self.classenv.given_closure([Given(d[0], d[1], d[2], ParamEv("", 0))])
                if any(g.module == c[0] and g.cls == c[1] and args_equal(g.args, c[2]) for g in closure[1:]):
                    entailed = True
                    break
            if not entailed:
                out.append(c)
        return out

    def _ambiguous(self, w: Wanted, results: dict[str, tuple[Type, tuple[T.Clause, ...]]]) -> None:
        from nova.types.pretty import print_constraint

        self.error(
            w.span,
            "AmbiguousTypeVariables",
            f"The inferred type has type variables which are not mentioned in the type nor determined by it: "
            f"in the constraint `{print_constraint(w.cls, w.args)}`. Consider adding a type annotation.",
        )
        w.failure = ("reported",)

    def _value_element(self, name: str, sc: Scheme, cls: tuple[T.Clause, ...], st: DeclState) -> T.TypedElement:
        first = self.value_clauses[name][0]
        sig = self._signature_decl(name)
        start = sig if sig is not None else first
        last = self.value_clauses[name][-1]
        doc = (sig.doc if sig is not None else None) or first.doc
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
            reads=frozenset(r for r in st.reads if r != keys.INSTANCES),
        )
        self.elements[name] = el
        return el


KindedUse = tuple[tuple[int, int], ...] | str | None
"""How the uses of a scheme are kind-checked (see `Bindings.scheme_kinds_matter`)."""

_KIND_DECISIONS: dict[int, tuple[Scheme, KindedUse, tuple[tuple[tuple[str, str], Any], ...],
                               tuple[tuple[tuple[str, str], Type], ...]]] = {}
"""Per scheme object (by identity, the scheme kept so the identity stays its own): whether its uses are
kind-checked, and the type infos and class kinds that decided it (the decision holds while they are the same)."""
_KIND_DECISIONS_MAX = 50_000


def _cells_of(args: tuple[Type, ...]) -> dict[int, TVar]:
    cells: dict[int, TVar] = {}
    for a in args:
        free_cells(a, cells)
    return cells
