"""Instance bodies: methods checked against the class, derived instances checked field by field."""

from __future__ import annotations

from nova.check import typed as T
from nova.check.base import CheckerBase, _head
from nova.check.infer import DeclState, TooDeep
from nova.check.results import GroupCache
from nova.check.zonk import Zonker
from nova.diagnostics import Span
from nova.syntax import ast
from nova.types.classes import Given, InstanceInfo, Wanted, substitute
from nova.types.evidence import ParamEv
from nova.types.types import (
    Scheme,
    TApp,
    TCon,
    TFun,
    TSkolem,
    Type,
    fresh_id,
    prune,
)


class InstanceBodies(CheckerBase):
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
            msc = self.scheme_of((info.cls_module, mname))
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
            sc = self.scheme_of((tinfo.module, cname))
            if sc is None or sc.arity != len(actual):
                continue
            t = prune(substitute(sc.type, actual))
            while isinstance(t, TFun):
                w = Wanted(info.cls_module, info.cls, t.arg, d.span)
                for s in self.solve([w], givens):
                    self._unsolved(s)
                t = prune(t.res)
