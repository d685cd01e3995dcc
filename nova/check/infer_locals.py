"""Right-hand sides (guards, where), clauses, and let/where binding groups with local generalisation."""

from __future__ import annotations

from nova.check import typed as T
from nova.check.eager import local_cycles
from nova.check.graph import strongly_connected
from nova.check.infer_base import LocalVar, free_cells, has_skolem, signature_twice
from nova.check.infer_patterns import Patterns
from nova.check.names import free_names
from nova.check.typeconv import TypeVarEntry
from nova.check.wildcards import PartialShape, check_partial_variables, open_partial
from nova.diagnostics import Span
from nova.syntax import ast
from nova.types.classes import MATCH, Given, Wanted, args_equal, substitute, substitute_all
from nova.types.evidence import ParamEv
from nova.types.types import (
    T_BOOLEAN,
    Constraint,
    Scheme,
    TForall,
    TFun,
    TSkolem,
    TVar,
    Type,
    fresh_id,
    open_forall,
    prune,
)


class Locals(Patterns):
    def rhs(self, r: ast.Unguarded | ast.Guarded, result: Type) -> T.Rhs:
        saved: list[tuple[str, LocalVar | None]] = []
        where = self.local_decls(r.where, saved) if r.where else []
        branches: list[T.Branch] = []
        if isinstance(r, ast.Unguarded):
            body = self.check(r.expr, result)
            branches.append(T.Branch(r.span, (), body))
        else:
            for g in r.branches:
                inner: list[tuple[str, LocalVar | None]] = []
                guards: list[T.Guard] = []
                for gd in g.guards:
                    if isinstance(gd, ast.GuardCondition):
                        guards.append(T.GCond(gd.span, self.check(gd.expr, T_BOOLEAN)))
                    else:
                        ex = self.infer(gd.expr)
                        binds: dict[str, tuple[Type, Span]] = {}
                        pat = self.pattern(gd.pattern, ex.type, binds)
                        for n, (t, sp) in binds.items():
                            self.push_local(n, LocalVar(sp, t), inner)
                        guards.append(T.GBind(gd.span, pat, ex))
                body = self.check(g.expr, result)
                self.pop_locals(inner)
                branches.append(T.Branch(g.span, tuple(guards), body))
        self.pop_locals(saved)
        return T.Rhs(r.span, tuple(branches), tuple(where))

    def local_decls(
        self, decls: tuple[ast.LocalDecl, ...], saved: list[tuple[str, LocalVar | None]]
    ) -> list[T.Binding]:
        """Check a `let`/`where` block; its names are pushed into `self.locals` (restored by the caller).

        A block with pattern bindings is checked in segments, as PureScript desugars it: the declarations before a
        pattern binding are a block of their own, which sees neither the names the pattern binds nor those defined
        after it (`let b = a; X a = X 10 in b` is `UnknownName`)."""
        segments = _pattern_segments(decls)
        if len(segments) > 1:
            out: list[T.Binding] = []
            for segment in segments:
                out.extend(self.local_decls(segment, saved))
            return out
        sigs: dict[str, ast.LocalSignature] = {}
        clauses: dict[str, list[ast.LocalValue]] = {}
        order: list[str] = []
        patterns: list[ast.LocalPattern] = []
        previous: str | None = None  # (the name of the clause right before: clauses of one binding are adjacent)
        for d in decls:
            if isinstance(d, ast.LocalSignature):
                # (a second signature after a definition starts a second binding: reported at its definition)
                if d.name in sigs and d.name not in clauses:
                    self.error(d.name_span, "OrphanTypeDeclaration", signature_twice(d.name))
                sigs[d.name] = d
                previous = None
            elif isinstance(d, ast.LocalValue):
                if d.name not in clauses:
                    clauses[d.name] = []
                    order.append(d.name)
                elif previous != d.name:
                    self.error(
                        d.name_span,
                        "OverlappingNamesInLet",
                        f"The name `{d.name}` is defined more than once in this `let` or `where` block.",
                    )
                clauses[d.name].append(d)
                previous = d.name
            else:
                patterns.append(d)
                previous = None
        for n, s in sigs.items():
            if n not in clauses:
                self.error(s.name_span, "OrphanTypeDeclaration", f"The type signature for `{n}` has no definition.")
        out = []
        # pattern bindings: monomorphic, visible to every binding of the block
        pat_binds: dict[str, tuple[Type, Span]] = {}
        pat_nodes: list[tuple[ast.LocalPattern, T.Pattern]] = []
        pattern_of: dict[str, int] = {}  # a name a pattern binding binds → that binding's index in `patterns`
        for i, lp in enumerate(patterns):
            pat_nodes.append((lp, self.pattern(lp.pattern, self.fresh(), pat_binds)))
            for n in pat_binds:
                pattern_of.setdefault(n, i)
        for n, (t, sp) in pat_binds.items():
            self.push_local(n, LocalVar(sp, t), saved)
        # signatures first: their names are usable (polymorphically) everywhere in the block
        sig_schemes: dict[str, Scheme] = {}
        partials: dict[str, tuple[ast.LocalSignature, Scheme, tuple[tuple[int, Span, str | None], ...]]] = {}
        for n, s in sigs.items():
            if n in clauses:
                wildcards: list[tuple[int, Span, str | None]] = []
                sc = self.local_signature(s.type, n, wildcards)
                if wildcards:  # (a partial signature: the binding is inferred, see nova.check.wildcards)
                    partials[n] = (s, sc, tuple(wildcards))
                    continue
                sig_schemes[n] = sc
                self.push_local(n, LocalVar(clauses[n][0].name_span, scheme=sc, owner=n), saved)
        names = [n for n in order if n not in sig_schemes]
        name_set = set(names)
        deps = {n: [m for m in free_names(clauses[n]) if m in name_set] for n in names}
        for group in strongly_connected(names, deps):
            out.extend(self.local_group(group, clauses, saved, partials))
        for n in order:
            if n in sig_schemes:
                out.append(self.local_with_signature(n, clauses[n], sig_schemes[n], sigs[n]))
        for lp, pat in pat_nodes:
            rhs = self.rhs(lp.rhs, pat.type)
            out.append(T.Binding(lp.span, "", lp.pattern.span, pat.type, (T.Clause(lp.span, (), rhs),), pattern=pat))
        if sig_schemes or any(deps.values()):  # (else no binding of the block refers to another, nor to itself)
            self.state.diagnostics.extend(local_cycles(out))
        if (sig_schemes or patterns) and len(out) > 1:
            out = _evaluation_order(out, clauses, patterns, pattern_of)
        return out

    def infer_clauses(
        self, name: str, clauses: list[ast.LocalValue] | list[ast.ValueDecl], expected: Type | None
    ) -> tuple[Type, tuple[T.Clause, ...]]:
        """Infer a function from its clauses (all with the same number of parameters)."""
        arity = len(clauses[0].params)
        params = [self.fresh() for _ in range(arity)]
        result = self.fresh()
        whole: Type = result
        for p in reversed(params):
            whole = TFun(p, whole)
        dicts: tuple[tuple[int, str, int], ...] = ()
        givens: list[Given] = []
        mark = len(self.wanted)
        reported = len(self.state.diagnostics)
        outer_givens = self.givens
        if expected is not None:
            clause_type, inner = self._clause_type(expected, arity)
            self.unify_at(whole, clause_type, clauses[0].name_span)
            if inner:
                dicts, givens = self._inner_givens(inner)
                self.givens = givens + outer_givens
        out: list[T.Clause] = []
        for cl in clauses:
            if len(cl.params) != arity:
                self.error(
                    cl.span,
                    "ArgListLengthsDiffer",
                    f"The clauses of `{name}` have different numbers of arguments.",
                )
                continue
            binds: dict[str, tuple[Type, Span]] = {}
            pats = tuple(self.pattern(p, pt, binds) for p, pt in zip(cl.params, params, strict=True))
            saved: list[tuple[str, LocalVar | None]] = []
            for n, (t, sp) in binds.items():
                self.push_local(n, LocalVar(sp, t), saved)
            rhs = self.rhs(cl.rhs, result)
            self.pop_locals(saved)
            out.append(T.Clause(cl.span, pats, rhs, dicts))
        if dicts:
            self.givens = outer_givens
            self.close_scope(mark, givens + outer_givens, True, reported)
        if arity:
            self.check_exhaustive_params(
                clauses[0].name_span,
                [(c.params, c.rhs) for c in out],
                arity,
                f"`{name}`",
            )
        return whole, tuple(out)

    def _clause_type(self, expected: Type, arity: int) -> tuple[Type, list[tuple[int, tuple[Constraint, ...]]]]:
        """The type the clauses' parameters and body are checked against: a quantifier met among the first `arity`
        arrows (`twice :: Int -> forall a. (a -> a) -> a -> a` with three parameters) makes its variables rigid here,
        as checking the equivalent lambdas does. Its constraints (`lens' to pab` against `… -> forall p. Strong p =>
        p a b -> p s t`) are returned with the number of parameters before them: they are given to the clauses, as
        dictionary parameters in that place."""
        t = prune(expected)
        args: list[Type] = []
        inner: list[tuple[int, tuple[Constraint, ...]]] = []
        changed = False
        for i in range(arity):
            if isinstance(t, TForall):
                constraints, t = open_forall(t, [TSkolem(v, fresh_id(), self.level) for v in t.vars])
                if constraints:
                    inner.append((i, constraints))
                t = prune(t)
                changed = True
            if not isinstance(t, TFun):
                break
            args.append(t.arg)
            t = prune(t.res)
        if not changed:
            return expected, inner
        for a in reversed(args):
            t = TFun(a, t)
        return t, inner

    def _inner_givens(
        self, inner: list[tuple[int, tuple[Constraint, ...]]]
    ) -> tuple[tuple[tuple[int, str, int], ...], list[Given]]:
        """The givens of constraints met among a function's parameters (see `_clause_type`), and for each group the
        parameter position, the owner of its dictionaries and their number (what `T.Clause.dicts` records)."""
        dicts: list[tuple[int, str, int]] = []
        givens: list[Given] = []
        for position, constraints in inner:
            self.state.poly_scopes += 1
            owner = f"${self.state.poly_scopes}"
            dicts.append((position, owner, len(constraints)))
            givens += [Given(c.module, c.cls, c.args, ParamEv(owner, i)) for i, c in enumerate(constraints)]
        return tuple(dicts), self.classenv.given_closure(givens)

    def _determined_cells(self, start: set[int], wanteds: list[Wanted]) -> set[int]:
        """The unknowns fixed by the type: those in it, and through functional dependencies those of constraint
        arguments determined by arguments whose unknowns are all fixed."""
        known = set(start)
        changed = True
        while changed:
            changed = False
            for w in wanteds:
                for lhs, rhs in self.classenv.fundeps(w.module, w.cls):
                    if not all(c in known for i in lhs if i < len(w.args) for c in _arg_cells(w.args[i])):
                        continue
                    for i in rhs:
                        if i < len(w.args):
                            new = set(_arg_cells(w.args[i])) - known
                            if new:
                                known |= new
                                changed = True
        return known

    def written_givens(self, shape: PartialShape, owner: str) -> list[Given]:
        """The constraints a partial signature writes (and their superclasses), as givens."""
        return self.classenv.given_closure([Given(m, c, args, ParamEv(owner, 0)) for m, c, args in shape.constraints])

    def beyond_written(self, w: Wanted, written: list[Given]) -> bool:
        """Whether `w`, a constraint the body of a value with a partial signature needs, is not one the signature
        writes; it is then reported. PureScript checks such a value and generalises no constraint of it (its
        `typesOf`); matched as a given, a written constraint improves its wildcards (`MonadAsk _ m`)."""
        if self.classenv.reduce(w, written, self) == (MATCH, []):
            return False
        from nova.types.pretty import print_constraint

        if w.failure is not None:
            self._unsolved(w)
        else:
            self.error(
                w.span,
                "NoInstanceFound",
                f"No instance for {print_constraint(w.cls, w.args)}: a signature with wildcards is checked as "
                "written, so the constraints its value needs must be written in it.",
            )
        w.failure = ("reported",)
        return True

    def local_group(
        self,
        group: list[str],
        clauses: dict[str, list[ast.LocalValue]],
        saved: list[tuple[str, LocalVar | None]],
        partials: dict[str, tuple[ast.LocalSignature, Scheme, tuple[tuple[int, Span, str | None], ...]]] | None = None,
    ) -> list[T.Binding]:
        outer_wanted = self.wanted
        self.wanted = []
        refs_start = len(self.local_group_refs)  # recursive uses recorded while inferring this group
        self.level += 1
        monos: dict[str, TVar] = {}
        inner_saved: list[tuple[str, LocalVar | None]] = []
        for n in group:
            tv = self.fresh()
            monos[n] = tv
            self.push_local(n, LocalVar(clauses[n][0].name_span, tv, owner=n), inner_saved)
        shapes: dict[str, PartialShape] = {}
        for n in group:
            partial = partials.get(n) if partials else None
            if partial is not None:
                shape_type, shapes[n] = open_partial(partial[1], partial[2], self.fresh, partial[0].type.span)
                self.unify_at(monos[n], shape_type, partial[0].name_span)
        results: list[tuple[str, Type, tuple[T.Clause, ...]]] = []
        outer_tyvars = self.tyvars
        try:
            for n in group:
                shape = shapes.get(n)
                self.tyvars = {**outer_tyvars, **shape.tyvars} if shape is not None else outer_tyvars
                t, cls = self.infer_clauses(n, clauses[n], monos[n])
                results.append((n, t, cls))
        finally:
            self.tyvars = outer_tyvars
        self.pop_locals(inner_saved)
        self.level -= 1
        stuck = self.solve(self.wanted, self.givens)
        for n, shape in shapes.items():
            check_partial_variables(n, shape, self.error)
            # reported by `finish_evidence` with the declaration's other wildcards, once all of it is solved
            self.state.wildcards.extend(w for w in shape.wildcards if self.wildcard_warnings or w[2] is not None)
            self.state.wildcard_names.extend(shape.named)
        self.wanted = outer_wanted
        # A single binding generalises over constraints whose variables are all its own (dictionary parameters);
        # otherwise a pending constraint keeps its variables monomorphic and goes to the enclosing binding.
        local_cons: list[tuple[str, str, tuple[Type, ...]]] = []
        local_ws: list[Wanted] = []
        passed: list[Wanted] = []
        # A wildcard is an unknown standing for one type (PureScript's wildcards are unification variables): a group
        # with a signature made of wildcards alone (no `forall` of its own) is not generalised, and its wildcards
        # report what the enclosing body makes of them
        mono = any(not shape.named for shape in shapes.values())
        single = results[0][1] if len(results) == 1 and not mono else None
        # a partial signature gets no constraint beyond those it writes, as at the top level
        shape = shapes.get(results[0][0]) if single is not None else None
        written = self.written_givens(shape, results[0][0]) if shape is not None else None
        own_cells: dict[int, TVar] = {}
        if single is not None:
            free_cells(single, own_cells)
        # (variables a functional dependency determines from the binding's own are its own too)
        inner = [w for w in stuck if all(c.level > self.level for a in w.args for c in _arg_cells(a).values())]
        own = self._determined_cells(set(own_cells), inner)
        for w in stuck:
            cells: dict[int, TVar] = {}
            for a in w.args:
                free_cells(a, cells)
            mine = bool(cells) and all(c.level > self.level and c.id in own for c in cells.values())
            if not w.args and w.cls == "Partial" and w.module == "Prim":
                mine = True  # `Partial` from a match of its own: it is `Partial => …`, as PureScript infers it
            if single is not None and mine:
                if written is not None and self.beyond_written(w, written):
                    continue
                local_ws.append(w)
                if not any(m == w.module and c == w.cls and args_equal(t, w.args) for m, c, t in local_cons):
                    local_cons.append((w.module, w.cls, w.args))
            else:
                passed.append(w)
        blocked: dict[int, TVar] = {}
        for w in passed:
            for a in w.args:
                free_cells(a, blocked)
        for v in blocked.values():
            if v.level > self.level:
                v.level = self.level
        self.wanted.extend(passed)
        out: list[T.Binding] = []
        for n, t, cls in results:
            cells2: dict[int, TVar] = {}
            free_cells(t, cells2)
            if mono:
                for v in cells2.values():
                    if v.level > self.level:
                        v.level = self.level
            gen = tuple(v for v in cells2.values() if v.level > self.level)
            first = clauses[n][0]
            scheme: Scheme | None = None
            if gen or local_cons:
                loc = LocalVar(first.name_span, poly=(gen, t), constraints=tuple(local_cons))
                if local_cons:
                    givens = self.classenv.given_closure(
                        [Given(m, c, ct, ParamEv(n, i)) for i, (m, c, ct) in enumerate(local_cons)]
                    )
                    for w in local_ws:
                        self.solve([w], givens)
                    for node, owner in self.local_group_refs[refs_start:]:
                        if owner == n:
                            node.evidence = tuple(ParamEv(n, i) for i in range(len(local_cons)))
                    scheme = Scheme(len(gen), tuple(Constraint(m, c, ct) for m, c, ct in local_cons), t)
            else:
                loc = LocalVar(first.name_span, t)
            self.push_local(n, loc, saved)
            span = Span.join(first.span, clauses[n][-1].span)
            out.append(T.Binding(span, n, first.name_span, t, cls, scheme=scheme))
        # keep the recursive uses of enclosing groups' bindings (made inside this group's bodies) for them
        members = set(group)
        self.local_group_refs[refs_start:] = [r for r in self.local_group_refs[refs_start:] if r[1] not in members]
        return out

    def local_with_signature(
        self, name: str, clauses: list[ast.LocalValue], scheme: Scheme, sig: ast.LocalSignature
    ) -> T.Binding:
        outer_wanted, outer_givens = self.wanted, self.givens
        self.wanted = []
        self.level += 1
        skolems: list[Type] = [
            TSkolem(scheme.names[i] if i < len(scheme.names) else f"t{i}", fresh_id(), self.level)
            for i in range(scheme.arity)
        ]
        expected = substitute(scheme.type, skolems)
        given = [
            Given(c.module, c.cls, substitute_all(c.args, skolems), ParamEv(name, i))
            for i, c in enumerate(scheme.constraints)
        ]
        self.givens = self.classenv.given_closure(given) + outer_givens
        outer_tyvars = self.tyvars
        self.tyvars = dict(outer_tyvars)
        for i, sk in enumerate(skolems):
            if i < len(scheme.names):
                self.tyvars[scheme.names[i]] = TypeVarEntry(sk, TVar(fresh_id(), 1 << 20))
        outer_origin = self.signature_origin
        self.signature_origin = (sig.span, name, scheme)
        # a complete signature silences the wildcards inside its body, a local one as a top-level one (PureScript's
        # #4268: `f :: Int -> Int` in a `where` block of a declaration without a signature); holes are still errors
        outer_warnings = self.wildcard_warnings
        self.wildcard_warnings = False
        marked = len(self.state.wildcards)
        try:
            _, cls = self.infer_clauses(name, clauses, expected)
        finally:
            self.tyvars = outer_tyvars
            self.signature_origin = outer_origin
            self.wildcard_warnings = outer_warnings
            self.state.wildcards[marked:] = [w for w in self.state.wildcards[marked:] if w[2] is not None]
        self.level -= 1
        stuck = self.solve(self.wanted, self.givens)
        self.givens = outer_givens
        self.wanted = outer_wanted
        for w in stuck:
            if any(has_skolem(a) for a in w.args):
                self.no_instance(w)
            else:
                self.wanted.append(w)
        first = clauses[0]
        return T.Binding(Span.join(first.span, clauses[-1].span), name, first.name_span, expected, cls, scheme=scheme)


def _pattern_segments(decls: tuple[ast.LocalDecl, ...]) -> list[tuple[ast.LocalDecl, ...]]:
    """The declarations of a block cut at its pattern bindings: each pattern binding alone, each run of other
    declarations together, in the order written."""
    segments: list[tuple[ast.LocalDecl, ...]] = []
    run: list[ast.LocalDecl] = []
    for d in decls:
        if isinstance(d, ast.LocalPattern):
            if run:
                segments.append(tuple(run))
                run = []
            segments.append((d,))
        else:
            run.append(d)
    if run:
        segments.append(tuple(run))
    return segments


def _arg_cells(t: Type) -> dict[int, TVar]:
    cells: dict[int, TVar] = {}
    free_cells(t, cells)
    return cells


def _evaluation_order(
    bindings: list[T.Binding],
    clauses: dict[str, list[ast.LocalValue]],
    patterns: list[ast.LocalPattern],
    pattern_of: dict[str, int],
) -> list[T.Binding]:
    """A block's bindings with each after those it uses (strongly connected groups in dependency order, the written
    order otherwise): the checker produces the bindings without signatures, then those with one, then the pattern
    bindings, but a strict evaluation of the block runs them in this order (`acc = f value` needs `value :: Int`
    computed first)."""
    keys: list[str] = []
    by_key: dict[str, T.Binding] = {}
    sources: dict[str, object] = {}
    for b in bindings:
        if b.pattern is None:
            key = b.name
            sources[key] = clauses.get(b.name, ())
        else:
            i = next((j for j, lp in enumerate(patterns) if lp.span == b.span), -1)
            key = f"#{i}"
            sources[key] = patterns[i] if i >= 0 else ()
        keys.append(key)
        by_key[key] = b
    key_of = {k: k for k in keys if not k.startswith("#")}
    for n, i in pattern_of.items():
        key_of.setdefault(n, f"#{i}")
    written = {k: i for i, k in enumerate(sorted(keys, key=lambda k: _written_at(by_key[k])))}
    deps = {
        k: sorted({key_of[m] for m in free_names(sources[k]) if m in key_of}, key=lambda d: written[d]) for k in keys
    }
    ordered = sorted(keys, key=lambda k: written[k])
    return [by_key[k] for group in strongly_connected(ordered, deps) for k in group]


def _written_at(b: T.Binding) -> tuple[int, int]:
    return (b.span.start_line, b.span.start_col)

