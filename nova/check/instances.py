"""Instance bodies: methods checked against the class, derived instances checked field by field."""

from __future__ import annotations

from typing import Any

from nova import keys
from nova.check import typed as T
from nova.check.bindings import Bindings, layout_shape
from nova.check.declarations import instance_head_span
from nova.check.eager import cycle_uses, eager_refs
from nova.check.infer import DeclState, TooDeep
from nova.check.results import GroupCache
from nova.check.typeconv import TypeVarEntry
from nova.check.zonk import Zonker
from nova.diagnostics import Diagnostic, Related, Severity, Span
from nova.syntax import ast
from nova.types.classes import Given, InstanceInfo, Wanted, substitute, substitute_all, to_evidence
from nova.types.evidence import Derivation, Evidence, ParamEv, instances_in
from nova.types.types import (
    Scheme,
    TCon,
    TForall,
    TSkolem,
    TVar,
    Type,
    app,
    fresh_id,
)
from nova.types.unify import UnifyError, unify


class InstanceBodies(Bindings):
    # ------------------------------------------------------------------ instance bodies
    def _check_instances(self, mod: ast.Module) -> None:
        head_errors = self._head_error_lines()
        for d, info in self.instance_decls:
            shape = layout_shape([d, *getattr(d, "body", ())], d.span.start_line)
            fps: list[tuple[Any, Span]] = [((d.fingerprint, shape) if d.fingerprint else "", d.span)]
            if self._try_reuse((info.key,), fps) is not None:
                self.reused += 1
                continue
            st = DeclState()
            st.reads[keys.INSTANCES] = self.instance_digest
            self.state = st
            methods: list[T.Binding] = []
            supers: tuple[Evidence | None, ...] = ()
            derivation: Derivation | None = None
            reusable = True
            try:
                if isinstance(d, ast.InstanceDecl):
                    # (a head with errors of its own gets no superclass errors on top: PureScript stops there)
                    if info.key not in self.broken_instances:
                        supers = self._superclass_evidence(d, info)
                    methods = self._instance_methods(d, info)
                    self._dictionary_cycles(info, methods)
                elif _has_error_within(head_errors, d.span):
                    # the head itself is wrong (an unknown name, a kind, a wildcard): PureScript stops there.
                    # That depends on the declaration phase's errors, which no read records: not kept for reuse.
                    reusable = False
                else:
                    # a derive declaration gets one error, its own first; a newtype-derived dictionary is the
                    # wrapped type's, superclasses included
                    derivation = self.check_derive(d, info)
                    if derivation is not None and not d.newtype:
                        before = len(st.diagnostics)
                        supers = self._superclass_evidence(d, info)
                        del st.diagnostics[before + 1 :]
            except (TooDeep, RecursionError):
                self.error(d.span, "TooDeep", "Expression nested too deeply.")
            finally:
                self.wildcard_warnings = True
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
                Scheme(info.arity, info.context, app(TCon(info.cls, info.cls_module), *info.args)),
                fingerprint=d.fingerprint,
                instance=info,
                methods=tuple(methods),
                derived=info.cls if isinstance(d, ast.DeriveDecl) else None,
                derivation=derivation,
                cls=(info.cls_module, info.cls),
                super_evidence=supers,
            )
            self.diags.extend(st.diagnostics)
            self.reinferred += 1
            if not reusable:
                continue
            self.cache[(info.key,)] = GroupCache(
                (info.key,),
                (fps[0][0],),
                (d.span,),
                dict(st.reads),
                {info.key: self.elements[info.key]},
                {},
                list(st.diagnostics),
            )
        self.diags.extend(self._instance_cycles())

    def _head_error_lines(self) -> dict[int, list[Span]]:
        """The declaration phase's errors, by first line (what a derive declaration's head was refused with)."""
        out: dict[int, list[Span]] = {}
        for diag in self.module_state.diagnostics:
            if diag.severity == Severity.ERROR:
                out.setdefault(diag.span.start_line, []).append(diag.span)
        return out

    def _instance_givens(self, info: InstanceInfo) -> tuple[list[Type], tuple[Type, ...], list[Given]]:
        """Fresh skolems for the instance's variables, its head over them, and its context as givens (the
        dictionary parameters of the instance)."""
        names = info.names
        skolems: list[Type] = [
            TSkolem(names[i] if i < len(names) else f"t{i}", fresh_id(), 1) for i in range(info.arity)
        ]
        head = substitute_all(info.args, skolems)
        givens = [
            Given(c.module, c.cls, substitute_all(c.args, skolems), ParamEv(info.key, i))
            for i, c in enumerate(info.context)
        ]
        return skolems, head, givens

    def _eager_clauses(self, info: InstanceInfo, methods: tuple[T.Binding, ...] | list[T.Binding]) -> list[T.Clause]:
        """The clauses of the methods computed while the instance's dictionary is built: those defined without
        parameters (a method with constraints of its own is a function of their dictionaries: `sequence =
        traverse identity` is built lazily, as in PureScript's generated code). An instance with a context has
        none: its dictionary is itself a function of the context's dictionaries, which PureScript 0.15 does not
        look into (machines' `Monad f => Strong (MealyT f)` defines `second = dimap swap swap <<< first`)."""
        if info.context:
            return []
        out: list[T.Clause] = []
        for binding in methods:
            if not binding.clauses or any(c.params for c in binding.clauses):
                continue
            msc = self.scheme_of((info.cls_module, binding.name))
            if msc is None or len(msc.constraints) > 1 or isinstance(msc.type, TForall):
                continue
            out.extend(binding.clauses)
        return out

    def _dictionary_cycles(self, info: InstanceInfo, methods: list[T.Binding]) -> None:
        """PureScript's `CycleInDictDeclaration`: a method defined without parameters is computed while the
        instance's dictionary is built, so it may not use that same dictionary outside a function
        (`c1 = c0` in the instance defining `c0`); under a lambda or a parameter it is fine."""
        for clause in self._eager_clauses(info, methods):
            use = next((v for v, k in _eager_instance_uses(clause.rhs, info.module) if k == info.key), None)
            if use is not None:
                self.state.diagnostics.append(_cycle_error(info, use))
                break

    def _instance_cycles(self) -> list[Diagnostic]:
        """`CycleInDictDeclaration` through several instances of this module: `c0 = c1` in one instance and
        `c1 = c0` in another each need the other's dictionary while it is being built. Computed over every
        instance of the module after their bodies (reused or not), so it follows an edit of either one."""
        infos = {info.key: info for _, info in self.instance_decls if info.module == self.name}
        edges: dict[str, list[tuple[str, T.EVar]]] = {}
        for key, info in infos.items():
            el = self.elements.get(key)
            if el is None or not el.methods:
                continue
            for clause in self._eager_clauses(info, el.methods):
                for use, target in _eager_instance_uses(clause.rhs, self.name):
                    if target != key and target in infos:
                        edges.setdefault(key, []).append((target, use))
        return [_cycle_error(infos[key], use) for key, use in cycle_uses(edges).items()]

    def _superclass_evidence(
        self, d: ast.InstanceDecl | ast.DeriveDecl, info: InstanceInfo
    ) -> tuple[Evidence | None, ...]:
        """Each superclass of the class must hold at the instance's head; how it holds is recorded, so the
        evaluator fills the dictionary's superclass slots with exactly these dictionaries."""
        cinfo = self.classenv.classes.get((info.cls_module, info.cls))
        if cinfo is None or not cinfo.supers:
            return ()
        self.level = 1
        _, head, inst_givens = self._instance_givens(info)
        givens = self.classenv.given_closure(inst_givens)
        out: list[Evidence | None] = []
        for sup in cinfo.supers:
            w = Wanted(sup.module, sup.cls, substitute_all(sup.args, head), instance_head_span(d))
            for s in self.solve([w], givens, final=True):
                self._unsolved(s)
            out.append(to_evidence(w))
        self.level = 0
        return tuple(out)

    def _instance_methods(self, d: ast.InstanceDecl, info: InstanceInfo) -> list[T.Binding]:
        cinfo = self.classenv.classes.get((info.cls_module, info.cls))
        if cinfo is None:
            return []
        self.level = 1
        skolems, head, inst_givens = self._instance_givens(info)
        skolem_ids = {sk.id: i for i, sk in enumerate(skolems) if isinstance(sk, TSkolem)}
        clauses: dict[str, list[ast.LocalValue]] = {}
        sigs: dict[str, ast.LocalSignature] = {}
        previous: str | None = None  # (the method of the clause right before: a method's clauses are adjacent)
        for b in d.body:
            if isinstance(b, ast.LocalValue):
                if b.name in clauses and previous != b.name:
                    self.error(
                        b.name_span,
                        "DuplicateValueDeclaration",
                        f"The value `{b.name}` has been defined multiple times.",
                        (Related(clauses[b.name][0].name_span, "first defined here"),),
                    )
                clauses.setdefault(b.name, []).append(b)
                previous = b.name
                continue
            previous = None
            if isinstance(b, ast.LocalSignature):
                sigs[b.name] = b
            else:
                # (PureScript's grammar has only signatures and method bindings there: ErrorParsingModule)
                self.error(b.span, "SyntaxError", "Instance bodies may only define the class's methods.")
        # an instance whose context has `Fail` can never be chosen: it may leave out every method (an empty
        # instance), but one that defines some must define all of them, as in PureScript
        never_chosen = not clauses and any(c.module == "Prim.TypeError" and c.cls == "Fail" for c in info.context)
        for m in cinfo.methods:
            if m not in clauses and not never_chosen:
                self.error(
                    d.name_span or d.class_name.span,
                    "MissingClassMember",
                    f"The instance `{info.name}` does not define the method `{m}` of class `{info.cls}`.",
                )
        for sname, written in sigs.items():
            if sname not in clauses:
                self.error(
                    written.name_span, "OrphanTypeDeclaration", f"The type signature for `{sname}` has no definition."
                )
        out: list[T.Binding] = []
        n = len(cinfo.params)
        for mname, cl in clauses.items():
            if mname not in cinfo.methods:
                self.error(
                    cl[0].name_span,
                    "ExtraneousClassMember",
                    f"`{mname}` is not a method of class `{info.cls}`.",
                )
                continue
            msc = self.scheme_of((info.cls_module, mname))
            if msc is None:
                continue
            # the method's own variables (TGen n..) become skolems, the class's variables the instance head
            own = [TSkolem(msc.names[i] if i < len(msc.names) else f"t{i}", fresh_id(), 1) for i in range(n, msc.arity)]
            args: list[Type] = [*head, *own]
            expected = substitute(msc.type, args)
            method_givens = [
                Given(c.module, c.cls, substitute_all(c.args, args), ParamEv(f"{info.key}.{mname}", i - 1))
                for i, c in enumerate(msc.constraints)
                if i > 0
            ]
            self.givens = self.classenv.given_closure(inst_givens + method_givens)
            self.wanted = []
            self.current_owner = info.key
            # the instance's type variables are in scope in its methods (`Proxy :: Proxy tail`)
            self.tyvars = {
                n: TypeVarEntry(skolems[i], TVar(fresh_id(), 1 << 20))
                for i, n in enumerate(info.names)
                if i < len(skolems)
            }
            broken = info.key in self.broken_instances
            sig = sigs.get(mname)
            if sig is not None and not broken:
                self._method_signature(sig, own, expected)
            self.wildcard_warnings = False  # (a method is typed by its class: as under a complete signature)
            mark = len(self.state.diagnostics)
            _, cls = self.infer_clauses(mname, cl, None if broken else expected)
            stuck = self.solve(self.wanted, self.givens, final=True)
            for w in stuck:
                self._unsolved(w)
            self.finish_evidence()
            if broken:
                # against a head with errors of its own, a method's body is only inferred (for hovers): as in
                # PureScript, the declaration reports its head's error alone
                del self.state.diagnostics[mark:]
            binding = T.Binding(Span.join(cl[0].span, cl[-1].span), mname, cl[0].name_span, expected, cls)
            Zonker(dict(skolem_ids), info.arity).tree(binding)
            out.append(binding)
        return out

    def _method_signature(self, sig: ast.LocalSignature, own: list[TSkolem], expected: Type) -> None:
        """A method's signature in an instance (`f :: forall a. a -> a`): its variables name the method's own ones
        in its body (`(x :: a)`), and it must be the class's type at the instance."""
        t = sig.type
        while isinstance(t, ast.TypeParen):
            t = t.type
        names = [b.name for b in t.vars] if isinstance(t, ast.TypeForall) else []
        if len(names) > len(own):
            # more variables than the method's own: not the class's type at the instance, even though more
            # general (PureScript checks the signature is that type, as its failing tests of instance
            # signatures expect)
            whole = self.translate_local_type(sig.type)
            try:
                unify(whole, expected)
            except UnifyError as err:
                self.report_unify(err, whole, expected, sig.type.span)
            return
        if len(names) != len(own):
            return
        for name, sk in zip(names, own, strict=True):
            self.tyvars[name] = TypeVarEntry(sk, TVar(fresh_id(), 1 << 20))
        body = t.body if isinstance(t, ast.TypeForall) else t
        while isinstance(body, ast.TypeParen):
            body = body.type
        if isinstance(body, ast.TypeConstrained):
            body = body.body  # (the constraints are the class method's own, given to the body already)
        written = self.translate_local_type(body)
        try:
            unify(written, expected)
        except UnifyError as err:
            self.report_unify(err, written, expected, sig.type.span)


def _has_error_within(errors: dict[int, list[Span]], span: Span) -> bool:
    return any(
        span.covers(e) for line in range(span.start_line, span.end_line + 1) for e in errors.get(line, ())
    )


def _eager_instance_uses(root: object, module: str) -> list[tuple[T.EVar, str]]:
    """Each reference in `root` evaluated while the value is built, with each instance of `module` its
    dictionaries are built from, in source order."""
    return [(v, k) for v in eager_refs(root) for ev in v.evidence for k in instances_in(ev, module)]


def _cycle_error(info: InstanceInfo, use: T.EVar) -> Diagnostic:
    return Diagnostic(
        use.span,
        Severity.ERROR,
        "CycleInDictDeclaration",
        f"The instance `{info.name}` needs its own dictionary (through `{use.name}`) while it is being built: a "
        "method that takes no argument uses it. Define the method with an argument, or through a function of the "
        "instance's types.",
    )
