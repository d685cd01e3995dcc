"""Inference for expressions, patterns, right-hand sides and local bindings (let/where).

Bidirectional where it pays for error ranges, otherwise plain HM with levels: a `let` group is inferred one level
deeper and its variables deeper than the current level are generalised. Constraints are collected as `Wanted`s
and reduced at generalisation points against the givens in scope (the enclosing signatures' contexts).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from nova.check import typed as T
from nova.check.env import ModuleEnv, Ref, TypeInfo
from nova.check.graph import strongly_connected
from nova.check.names import free_names
from nova.check.typeconv import TypeVarEntry
from nova.diagnostics import Diagnostic, Related, Severity, Span
from nova.syntax import ast
from nova.types.classes import MATCH, NOMATCH, ClassEnv, Given, Wanted, substitute, to_evidence
from nova.types.evidence import ParamEv
from nova.types.pretty import Namer, print_type
from nova.types.types import (
    K_TYPE,
    T_BOOLEAN,
    T_CHAR,
    T_INT,
    T_NUMBER,
    T_STRING,
    Constraint,
    Scheme,
    TApp,
    TFun,
    TRow,
    TSkolem,
    TVar,
    Type,
    array,
    fresh_id,
    prune,
    record,
)
from nova.types.unify import UnifyError, unify

MAX_DEPTH = 8000


class TooDeep(Exception):
    def __init__(self, span: Span) -> None:
        super().__init__("expression nested too deeply")
        self.span = span


@dataclass(slots=True)
class LocalVar:
    """A local variable: monomorphic `type`, or a generalised `poly` (cells to copy), or a signature `scheme`."""

    binder: Span
    type: Type | None = None
    poly: tuple[tuple[TVar, ...], Type] | None = None
    scheme: Scheme | None = None
    owner: str | None = None
    constraints: tuple[tuple[str, str, Type], ...] = ()


@dataclass(slots=True)
class DeclState:
    """Per top-level declaration bookkeeping: what it read (for incremental reuse) and nodes to finish."""

    reads: dict[Ref, Any] = field(default_factory=dict)
    var_wanteds: list[tuple[T.EVar, list[Wanted]]] = field(default_factory=list)
    group_refs: list[tuple[T.EVar, str]] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def lit_type(lit: ast.IntLit | ast.NumberLit | ast.StringLit | ast.CharLit | ast.BoolLit) -> tuple[Type, str]:
    if isinstance(lit, ast.IntLit):
        return T_INT, "int"
    if isinstance(lit, ast.NumberLit):
        return T_NUMBER, "number"
    if isinstance(lit, ast.StringLit):
        return T_STRING, "string"
    if isinstance(lit, ast.CharLit):
        return T_CHAR, "char"
    return T_BOOLEAN, "boolean"


def copy_poly(t: Type, mapping: dict[int, Type]) -> Type:
    t = prune(t)
    if isinstance(t, TVar):
        return mapping.get(t.id, t)
    if isinstance(t, TFun):
        return TFun(copy_poly(t.arg, mapping), copy_poly(t.res, mapping))
    if isinstance(t, TApp):
        return TApp(copy_poly(t.fn, mapping), copy_poly(t.arg, mapping))
    if isinstance(t, TRow):
        return TRow(
            tuple((lbl, copy_poly(ft, mapping)) for lbl, ft in t.fields),
            copy_poly(t.tail, mapping) if t.tail is not None else None,
        )
    return t


def free_cells(t: Type, out: dict[int, TVar]) -> None:
    stack = [t]
    while stack:
        n = prune(stack.pop())
        if isinstance(n, TVar):
            out.setdefault(n.id, n)
        elif isinstance(n, TFun):
            stack.append(n.res)
            stack.append(n.arg)
        elif isinstance(n, TApp):
            stack.append(n.arg)
            stack.append(n.fn)
        elif isinstance(n, TRow):
            if n.tail is not None:
                stack.append(n.tail)
            for _, ft in reversed(n.fields):
                stack.append(ft)


def _same_type(a: Type, b: Type) -> bool:
    from nova.types.classes import types_equal

    return types_equal(a, b)


def has_skolem(t: Type) -> bool:
    stack = [t]
    while stack:
        n = prune(stack.pop())
        if isinstance(n, TSkolem):
            return True
        if isinstance(n, TFun):
            stack.extend((n.arg, n.res))
        elif isinstance(n, TApp):
            stack.extend((n.fn, n.arg))
        elif isinstance(n, TRow):
            stack.extend(ft for _, ft in n.fields)
            if n.tail is not None:
                stack.append(n.tail)
    return False


def resolve_chain(checker: Any, operands: Any, operators: Any, prefix: str, node: Any) -> Any:
    """Re-associate a flat operator chain by the fixity table in scope (precedence climbing of nova.syntax)."""
    table = getattr(checker, "fixity_table", {})
    try:
        from nova.syntax.fixity import _Resolver

        resolver = _Resolver(table)
        out = resolver.chain(
            tuple(operands), tuple(operators), prefix, lambda op, a, b: node(Span.join(a.span, b.span), op, a, b)
        )
        diags = checker.state.diagnostics
        diags.extend(resolver.diagnostics)
        return out
    except ImportError:  # pragma: no cover - fall back to associating to the left
        left = operands[0]
        for op, right in zip(operators, operands[1:], strict=False):
            left = node(Span.join(left.span, right.span), op, left, right)
        return left


class Inference:
    """Expression-level inference; `ModuleChecker` supplies the module context (scope, own declarations)."""

    name: str
    view: Any
    diags: list[Diagnostic]
    classenv: ClassEnv
    own_values: dict[str, str]
    own_aliases: dict[str, Ref]
    schemes: dict[str, Scheme]
    envs: dict[str, ModuleEnv]

    def init_inference(self) -> None:
        self.level = 0
        self.depth = 0
        self.locals: dict[str, LocalVar] = {}
        self.mono: dict[str, Type] = {}
        self.current_owner = ""
        self.wanted: list[Wanted] = []
        self.givens: list[Given] = []
        self.tyvars: dict[str, TypeVarEntry] = {}
        self.holes: dict[Span, tuple[Type, str]] = {}
        self.local_group_refs: list[tuple[T.EVar, str]] = []
        self.state = DeclState()
        self.scheme_cache: dict[Ref, Scheme | None] = {}

    # ------------------------------------------------------------------ diagnostics
    def error(self, span: Span, code: str, message: str, related: tuple[Related, ...] = ()) -> None:
        d = Diagnostic(span, Severity.ERROR, code, message, related)
        self.state.diagnostics.append(d)

    def warn(self, span: Span, code: str, message: str) -> None:
        self.state.diagnostics.append(Diagnostic(span, Severity.WARNING, code, message))

    def unify_at(self, found: Type, expected: Type, span: Span) -> bool:
        try:
            unify(found, expected)
            return True
        except UnifyError as err:
            self.report_unify(err, found, expected, span)
            return False

    def report_unify(self, err: UnifyError, found: Type, expected: Type, span: Span) -> None:
        namer = Namer()
        for t in (found, expected, err.left, err.right):
            if t is not None:
                namer.scan(t)
        namer.finish()

        def p(t: Type | None) -> str:
            return print_type(t, namer) if t is not None else "?"

        if err.kind == "infinite":
            self.error(
                span,
                "InfiniteType",
                f"An infinite type was inferred for an expression: `{p(err.left)}` occurs in `{p(err.right)}`.",
            )
            return
        if err.kind == "escape":
            name = err.skolem.name if err.skolem is not None else "?"
            self.error(
                span,
                "EscapedSkolem",
                f"The type variable `{name}`, bound by a type signature, has escaped its scope.",
            )
            return
        if err.kind == "labels":
            labels = ", ".join(f"`{lbl}`" for lbl in err.labels)
            plural = "s" if len(err.labels) > 1 else ""
            self.error(
                span,
                "PropertyIsMissing",
                f"Type of expression lacks required label{plural} {labels}: could not match type "
                f"`{p(found)}` with type `{p(expected)}`.",
            )
            return
        if err.kind == "extra":
            labels = ", ".join(f"`{lbl}`" for lbl in err.labels)
            plural = "s" if len(err.labels) > 1 else ""
            self.error(
                span,
                "AdditionalProperty",
                f"Type of expression contains additional label{plural} {labels}: could not match type "
                f"`{p(found)}` with type `{p(expected)}`.",
            )
            return
        inner = f"Could not match type `{p(err.left)}` with type `{p(err.right)}`"
        outer = (p(found), p(expected))
        if outer != (p(err.left), p(err.right)) and outer != (p(err.right), p(err.left)):
            inner += f" while trying to match type `{outer[0]}` with type `{outer[1]}`"
        self.error(span, "TypesDoNotUnify", inner + ".")

    # ------------------------------------------------------------------ variables and schemes
    def fresh(self) -> TVar:
        return TVar(fresh_id(), self.level)

    def instantiate(self, scheme: Scheme, span: Span) -> tuple[Type, list[Wanted]]:
        if scheme.arity == 0 and not scheme.constraints:
            return scheme.type, []
        args: list[Type] = [TVar(fresh_id(), self.level) for _ in range(scheme.arity)]
        t = substitute(scheme.type, args)
        ws = [Wanted(c.module, c.cls, substitute(c.type, args), span) for c in scheme.constraints]
        self.wanted.extend(ws)
        return t, ws

    def scheme_of(self, ref: Ref) -> Scheme | None:
        mod, key = ref
        if mod == self.name:
            s = self.schemes.get(key)
            self.state.reads[ref] = s
            return s
        if ref in self.scheme_cache:
            s = self.scheme_cache[ref]
        else:
            s = self.view.scheme(mod, key)
            self.scheme_cache[ref] = s
        self.state.reads[ref] = s
        return s

    def visible_value_names(self) -> Iterable[str]:
        yield from self.locals
        yield from self.own_values
        yield from self.scope_values()

    def scope_values(self) -> Mapping[str, set[Ref]]:
        raise NotImplementedError

    def pick(self, name: str, refs: set[Ref]) -> set[Ref]:
        return refs

    def resolve_value(self, name: str, qualifier: str | None, span: Span, what: str = "value") -> Ref | None:
        """The origin of a (qualified) module-level value, constructor or operator; reports unknown/ambiguous."""
        if qualifier is None and name in self.own_values:
            return (self.name, self.own_values[name])
        full = name if qualifier is None else f"{qualifier}.{name}"
        refs = self.scope_values().get(full)
        if not refs:
            from nova.check.scope import suggest

            upper = name[:1].isupper()
            candidates = [n for n in self.visible_value_names() if n.rsplit(".", 1)[-1][:1].isupper() == upper]
            self.error(span, "UnknownName", f"Unknown {what} `{full}`.{suggest(full, candidates)}")
            return None
        if len(refs) > 1:
            refs = self.pick(full, refs)
        if len(refs) > 1:
            origins = ", ".join(sorted(m for m, _ in refs))
            self.error(span, "ScopeConflict", f"`{full}` is ambiguous: it is exported by {origins}.")
        return min(refs)

    def alias_of(self, ref: Ref) -> Ref | None:
        mod, key = ref
        if mod == self.name:
            return self.own_aliases.get(key)
        env = self.envs.get(mod)
        if env is None:
            from nova.check.scope import env_of

            env = env_of(self.view, mod)
            if env is None:
                return None
            self.envs[mod] = env
        aliases = getattr(env, "aliases", None)
        if aliases is None:
            return None
        got: Ref | None = aliases.get(key)
        return got

    def var_node(self, name: str, qualifier: str | None, span: Span, constructor: bool = False) -> T.Expr:
        if qualifier is None:
            loc = self.locals.get(name)
            if loc is not None:
                return self.local_node(name, loc, span)
        ref = self.resolve_value(name, qualifier, span, "data constructor" if constructor else "value")
        display = name if qualifier is None else f"{qualifier}.{name}"
        if ref is None:
            return T.EError(span, self.fresh(), f"unknown `{display}`")
        if ref[0] == self.name and ref[1] in self.mono:
            node = T.EVar(span, self.mono[ref[1]], display, ref, None, (), constructor)
            self.state.group_refs.append((node, self.current_owner))
            self.state.reads[ref] = None
            return node
        scheme = self.scheme_of(ref)
        if scheme is None:
            return T.EError(span, self.fresh(), f"`{display}` has no type (it failed to check)")
        t, ws = self.instantiate(scheme, span)
        node = T.EVar(span, t, display, ref, None, (), constructor)
        if ws:
            self.state.var_wanteds.append((node, ws))
        return node

    def local_node(self, name: str, loc: LocalVar, span: Span) -> T.EVar:
        if loc.type is not None:
            mnode = T.EVar(span, loc.type, name, None, loc.binder)
            if loc.owner is not None and loc.scheme is None:
                # a recursive use inside its own (not yet generalised) binding: gets the same dictionaries
                self.local_group_refs.append((mnode, loc.owner))
            return mnode
        if loc.poly is not None:
            cells, body = loc.poly
            mapping: dict[int, Type] = {c.id: self.fresh() for c in cells}
            pnode = T.EVar(span, copy_poly(body, mapping), name, None, loc.binder)
            if loc.constraints:
                ws = [Wanted(m, c, copy_poly(ct, mapping), span) for m, c, ct in loc.constraints]
                self.wanted.extend(ws)
                self.state.var_wanteds.append((pnode, ws))
            return pnode
        assert loc.scheme is not None
        t, ws = self.instantiate(loc.scheme, span)
        node = T.EVar(span, t, name, None, loc.binder)
        if ws:
            self.state.var_wanteds.append((node, ws))
        return node

    def push_local(self, name: str, loc: LocalVar, saved: list[tuple[str, LocalVar | None]]) -> None:
        saved.append((name, self.locals.get(name)))
        self.locals[name] = loc

    def pop_locals(self, saved: list[tuple[str, LocalVar | None]]) -> None:
        for name, old in reversed(saved):
            if old is None:
                self.locals.pop(name, None)
            else:
                self.locals[name] = old
        saved.clear()

    # ------------------------------------------------------------------ expressions
    def check(self, e: ast.Expr, expected: Type) -> T.Expr:
        node = self.infer(e)
        self.unify_at(node.type, expected, e.span)
        return node

    def infer(self, e: ast.Expr) -> T.Expr:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            self.depth -= 1
            raise TooDeep(e.span)
        try:
            method = _DISPATCH.get(type(e))
            if method is None:
                return T.EError(e.span, self.fresh(), "unsupported expression")
            node: T.Expr = method(self, e)
            return node
        finally:
            self.depth -= 1

    def _lit(self, e: ast.IntLit | ast.NumberLit | ast.StringLit | ast.CharLit | ast.BoolLit) -> T.Expr:
        t, kind = lit_type(e)
        return T.ELit(e.span, t, e.value, kind)

    def _var(self, e: ast.Var) -> T.Expr:
        return self.var_node(e.name, e.qualifier, e.span)

    def _ctor(self, e: ast.Constructor) -> T.Expr:
        return self.var_node(e.name, e.qualifier, e.span, constructor=True)

    def _opref(self, e: ast.OperatorRef) -> T.Expr:
        return self.var_node(e.name, e.qualifier, e.span)

    def _hole(self, e: ast.Hole) -> T.Expr:
        got = self.holes.get(e.span)
        if got is None:
            self.error(e.span, "IncorrectAnonymousArgument", "An anonymous argument `_` is not allowed here.")
            return T.EError(e.span, self.fresh())
        return T.EVar(e.span, got[0], got[1], None, e.span)

    def _section(self, e: ast.Section) -> T.Expr:
        params: list[T.Pattern] = []
        for i, h in enumerate(e.holes):
            tv = self.fresh()
            name = f"_{i}"
            self.holes[h.span] = (tv, name)
            params.append(T.PVar(h.span, tv, name))
        body = self.infer(e.body)
        for h in e.holes:
            self.holes.pop(h.span, None)
        t: Type = body.type
        for p in reversed(params):
            t = TFun(p.type, t)
        return T.ELam(e.span, t, tuple(params), body)

    def apply(self, fn: T.Expr, arg_e: ast.Expr | None, span: Span, arg_node: T.Expr | None = None) -> T.Expr:
        ft = prune(fn.type)
        if isinstance(ft, TFun):
            if arg_node is None:
                assert arg_e is not None
                arg_node = self.check(arg_e, ft.arg)
            else:
                self.unify_at(arg_node.type, ft.arg, arg_node.span)
            return T.EApp(span, ft.res, fn, arg_node)
        if arg_node is None:
            assert arg_e is not None
            arg_node = self.infer(arg_e)
        res = self.fresh()
        try:
            unify(ft, TFun(arg_node.type, res))
        except UnifyError as err:
            if isinstance(prune(ft), (TFun, TVar)):
                self.report_unify(err, ft, TFun(arg_node.type, res), arg_node.span)
            else:
                self.error(
                    fn.span,
                    "TypesDoNotUnify",
                    f"Could not match type `{print_type(ft)}` with a function type: "
                    "this expression is applied to an argument but is not a function.",
                )
        return T.EApp(span, res, fn, arg_node)

    def _app(self, e: ast.App) -> T.Expr:
        # flatten the spine iteratively so long applications do not nest Python frames
        spine: list[ast.App] = []
        head: ast.Expr = e
        while isinstance(head, ast.App):
            spine.append(head)
            head = head.fn
        node = self.infer(head)
        for app_e in reversed(spine):
            node = self.apply(node, app_e.arg, app_e.span)
        return node

    def _negate(self, e: ast.Negate) -> T.Expr:
        inner = e.expr
        while isinstance(inner, ast.Paren):
            inner = inner.expr
        if isinstance(inner, ast.IntLit):
            return T.ELit(e.span, T_INT, -inner.value, "int")
        if isinstance(inner, ast.NumberLit):
            return T.ELit(e.span, T_NUMBER, -inner.value, "number")
        fn = self.var_node("negate", None, e.span)
        return self.apply(fn, e.expr, e.span)

    def op_node(self, op: ast.Operator) -> T.Expr:
        return self.var_node(op.name, op.qualifier, op.span, constructor=op.name[:1].isupper() or op.name[:1] == ":")

    def _binop(self, e: ast.BinOp) -> T.Expr:
        fn = self.op_node(e.op)
        left_span = Span.join(e.left.span, e.op.span)
        partial = self.apply(fn, e.left, left_span)
        return self.apply(partial, e.right, e.span)

    def _opchain(self, e: ast.OpChain) -> T.Expr:
        return self.infer(resolve_chain(self, e.operands, e.operators, "", ast.BinOp))

    def _paren(self, e: ast.Paren) -> T.Expr:
        return self.infer(e.expr)

    def _lambda(self, e: ast.Lambda) -> T.Expr:
        saved: list[tuple[str, LocalVar | None]] = []
        params: list[T.Pattern] = []
        binds: dict[str, tuple[Type, Span]] = {}
        for p in e.params:
            params.append(self.pattern(p, self.fresh(), binds))
        for n, (t, sp) in binds.items():
            self.push_local(n, LocalVar(sp, t), saved)
        body = self.infer(e.body)
        self.pop_locals(saved)
        lam_t: Type = body.type
        for p2 in reversed(params):
            lam_t = TFun(p2.type, lam_t)
        self.check_exhaustive_params(
            Span.join(e.params[0].span, e.params[-1].span) if e.params else e.span,
            [(tuple(params), None)],
            len(params),
            "this lambda",
        )
        return T.ELam(e.span, lam_t, tuple(params), body)

    def _if(self, e: ast.If) -> T.Expr:
        c = self.check(e.cond, T_BOOLEAN)
        a = self.infer(e.then_branch)
        b = self.check(e.else_branch, a.type)
        return T.EIf(e.span, a.type, c, a, b)

    def _case(self, e: ast.Case) -> T.Expr:
        scrut = tuple(self.infer(s) for s in e.scrutinees)
        result = self.fresh()
        alts: list[T.Alt] = []
        for alt in e.alts:
            if len(alt.patterns) != len(scrut):
                self.error(
                    alt.span,
                    "CaseBinderLengthDiffers",
                    f"This alternative has {len(alt.patterns)} pattern(s) but the case has {len(scrut)} scrutinee(s).",
                )
                continue
            binds: dict[str, tuple[Type, Span]] = {}
            pats = tuple(self.pattern(p, s.type, binds) for p, s in zip(alt.patterns, scrut, strict=True))
            saved: list[tuple[str, LocalVar | None]] = []
            for n, (t, sp) in binds.items():
                self.push_local(n, LocalVar(sp, t), saved)
            rhs = self.rhs(alt.rhs, result)
            self.pop_locals(saved)
            alts.append(T.Alt(alt.span, pats, rhs))
        last = e.scrutinees[-1].span if e.scrutinees else e.span
        head = Span(e.span.start_line, e.span.start_col, last.end_line, last.end_col + 3)  # `case … of`
        self.check_exhaustive_params(head, [(a.patterns, a.rhs) for a in alts], len(scrut), "case")
        return T.ECase(e.span, result, scrut, tuple(alts))

    def _let(self, e: ast.Let) -> T.Expr:
        saved: list[tuple[str, LocalVar | None]] = []
        bindings = self.local_decls(e.bindings, saved)
        body = self.infer(e.body)
        self.pop_locals(saved)
        return T.ELet(e.span, body.type, tuple(bindings), body)

    def _typed(self, e: ast.Typed) -> T.Expr:
        t = self.translate_local_type(e.type)
        node = self.infer(e.expr)
        self.unify_at(node.type, t, e.expr.span)
        return node

    def _array(self, e: ast.ArrayLit) -> T.Expr:
        elem = self.fresh()
        items = tuple(self.check(i, elem) for i in e.items)
        return T.EArray(e.span, array(elem), items)

    def _record(self, e: ast.RecordLit) -> T.Expr:
        fields: list[tuple[str, T.Expr]] = []
        seen: set[str] = set()
        for f in e.fields:
            if f.label in seen:
                self.error(f.label_span, "DuplicateLabel", f"Label `{f.label}` appears more than once in this record.")
            seen.add(f.label)
            fields.append((f.label, self.infer(f.value)))
        row = TRow(tuple(sorted(((lbl, n.type) for lbl, n in fields), key=lambda x: x[0])), None)
        return T.ERecord(e.span, record(row), tuple(fields))

    def _access(self, e: ast.Access) -> T.Expr:
        inner = self.infer(e.expr)
        a = self.fresh()
        rho = self.fresh()
        self.unify_at(inner.type, record(TRow(((e.field, a),), rho)), e.expr.span)
        return T.EAccess(e.span, a, inner, e.field)

    def _update_fields(
        self, ups: tuple[ast.UpdateSet | ast.UpdateNested, ...]
    ) -> tuple[Type, Type, list[T.FieldUpdate]]:
        """(old record type, new record type, typed updates) for a list of updates sharing one row tail."""
        rho = self.fresh()
        old: list[tuple[str, Type]] = []
        new: list[tuple[str, Type]] = []
        out: list[T.FieldUpdate] = []
        for u in ups:
            if isinstance(u, ast.UpdateSet):
                v = self.infer(u.value)
                old.append((u.label, self.fresh()))
                new.append((u.label, v.type))
                out.append(T.FieldUpdate(u.span, u.label, v))
            else:
                o, n, nested = self._update_fields(u.updates)
                old.append((u.label, o))
                new.append((u.label, n))
                out.append(T.FieldUpdate(u.span, u.label, None, tuple(nested)))
        old.sort(key=lambda x: x[0])
        new.sort(key=lambda x: x[0])
        return record(TRow(tuple(old), rho)), record(TRow(tuple(new), rho)), out

    def _update(self, e: ast.RecordUpdate) -> T.Expr:
        inner = self.infer(e.expr)
        old, new, ups = self._update_fields(e.updates)
        self.unify_at(inner.type, old, e.expr.span)
        return T.EUpdate(e.span, new, inner, tuple(ups))

    def _do(self, e: ast.Do) -> T.Expr:
        if not e.statements:
            self.error(e.span, "EmptyDoBlock", "A `do` block must contain at least one statement.")
            return T.EError(e.span, self.fresh())
        saved: list[tuple[str, LocalVar | None]] = []
        try:
            return self._do_from(e, 0, saved)
        finally:
            self.pop_locals(saved)

    def _do_from(self, e: ast.Do, i: int, saved: list[tuple[str, LocalVar | None]]) -> T.Expr:
        stmts = e.statements
        st = stmts[i]
        last = i == len(stmts) - 1
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise TooDeep(st.span)
        try:
            if last:
                if not isinstance(st, ast.DoExpr):
                    self.error(st.span, "InvalidDoBind", "The last statement of a `do` block must be an expression.")
                    return T.EError(st.span, self.fresh())
                return self.infer(st.expr)
            rest_span = Span.join(stmts[i + 1].span, stmts[-1].span)
            if isinstance(st, ast.DoLet):
                inner: list[tuple[str, LocalVar | None]] = []
                bindings = self.local_decls(st.bindings, inner)
                rest = self._do_from(e, i + 1, saved)
                self.pop_locals(inner)
                return T.ELet(Span.join(st.span, rest_span), rest.type, tuple(bindings), rest)
            whole = Span.join(st.span, rest_span)
            if isinstance(st, ast.DoBind):
                fn = self.var_node("bind", e.qualifier, st.span)
                partial = self.apply(fn, st.expr, st.span)
                binds: dict[str, tuple[Type, Span]] = {}
                pat = self.pattern(st.pattern, self.fresh(), binds)
                inner2: list[tuple[str, LocalVar | None]] = []
                for n, (t, sp) in binds.items():
                    self.push_local(n, LocalVar(sp, t), inner2)
                rest = self._do_from(e, i + 1, saved)
                self.pop_locals(inner2)
                lam = T.ELam(rest_span, TFun(pat.type, rest.type), (pat,), rest)
                return self.apply(partial, None, whole, lam)
            assert isinstance(st, ast.DoExpr)
            fn = self.var_node("discard", e.qualifier, st.span)
            partial = self.apply(fn, st.expr, st.span)
            rest = self._do_from(e, i + 1, saved)
            wild = T.PWild(st.span, self.fresh())
            lam = T.ELam(rest_span, TFun(wild.type, rest.type), (wild,), rest)
            return self.apply(partial, None, whole, lam)
        finally:
            self.depth -= 1

    # ------------------------------------------------------------------ right-hand sides
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

    # ------------------------------------------------------------------ patterns
    def pattern(self, p: ast.Pattern, expected: Type, binds: dict[str, tuple[Type, Span]]) -> T.Pattern:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            self.depth -= 1
            raise TooDeep(p.span)
        try:
            return self._pattern(p, expected, binds)
        finally:
            self.depth -= 1

    def _bind_name(self, name: str, t: Type, span: Span, binds: dict[str, tuple[Type, Span]]) -> None:
        if name in binds:
            self.error(span, "OverlappingNamesInLet", f"The name `{name}` is bound more than once in this pattern.")
        binds[name] = (t, span)

    def _pattern(self, p: ast.Pattern, expected: Type, binds: dict[str, tuple[Type, Span]]) -> T.Pattern:
        if isinstance(p, ast.PatVar):
            self._bind_name(p.name, expected, p.span, binds)
            return T.PVar(p.span, expected, p.name)
        if isinstance(p, ast.PatWildcard):
            return T.PWild(p.span, expected)
        if isinstance(p, ast.PatParen):
            return self.pattern(p.pattern, expected, binds)
        if isinstance(p, ast.PatLiteral):
            t, kind = lit_type(p.literal)
            self.unify_at(t, expected, p.span)
            return T.PLit(p.span, expected, p.literal.value, kind)
        if isinstance(p, ast.PatNamed):
            self._bind_name(p.name, expected, p.name_span, binds)
            inner = self.pattern(p.pattern, expected, binds)
            return T.PAs(p.span, expected, p.name, p.name_span, inner)
        if isinstance(p, ast.PatArray):
            elem = self.fresh()
            self.unify_at(array(elem), expected, p.span)
            return T.PArray(p.span, expected, tuple(self.pattern(i, elem, binds) for i in p.items))
        if isinstance(p, ast.PatRecord):
            fields: list[tuple[str, T.Pattern]] = []
            row: list[tuple[str, Type]] = []
            for f in p.fields:
                ft = self.fresh()
                row.append((f.label, ft))
                fields.append((f.label, self.pattern(f.pattern, ft, binds)))
            row.sort(key=lambda x: x[0])
            self.unify_at(record(TRow(tuple(row), self.fresh())), expected, p.span)
            return T.PRecord(p.span, expected, tuple(fields))
        if isinstance(p, ast.PatTyped):
            t = self.translate_local_type(p.type)
            self.unify_at(t, expected, p.span)
            return self.pattern(p.pattern, expected, binds)
        if isinstance(p, ast.PatConstructor):
            return self.ctor_pattern(p.span, p.name.name, p.name.qualifier, p.name.span, list(p.args), expected, binds)
        if isinstance(p, ast.PatBinOp):
            return self.ctor_pattern(
                p.span, p.op.name, p.op.qualifier, p.op.span, [p.left, p.right], expected, binds, operator=True
            )
        if isinstance(p, ast.PatOpChain):
            return self.pattern(resolve_chain(self, p.operands, p.operators, "", ast.PatBinOp), expected, binds)
        return T.PWild(p.span, expected)

    def ctor_pattern(
        self,
        span: Span,
        name: str,
        qualifier: str | None,
        name_span: Span,
        args: list[ast.Pattern],
        expected: Type,
        binds: dict[str, tuple[Type, Span]],
        operator: bool = False,
    ) -> T.Pattern:
        ref = self.resolve_value(name, qualifier, name_span, "data constructor")
        display = name if qualifier is None else f"{qualifier}.{name}"
        if ref is not None and operator:
            ref = self.alias_of(ref) or ref
        scheme = self.scheme_of(ref) if ref is not None else None
        if ref is None or scheme is None or not ref[1][:1].isupper():
            if ref is not None and not ref[1][:1].isupper():
                self.error(name_span, "InvalidPattern", f"`{display}` is not a data constructor.")
            for a in args:
                self.pattern(a, self.fresh(), binds)
            return T.PWild(span, expected)
        t, _ = self.instantiate(scheme, span)
        typed_args: list[T.Pattern] = []
        arity = 0
        probe = prune(t)
        while isinstance(probe, TFun):
            arity += 1
            probe = prune(probe.res)
        if arity != len(args):
            self.error(
                span,
                "IncorrectConstructorArity",
                f"Data constructor `{display}` expects {arity} argument{'s' if arity != 1 else ''}, "
                f"but this pattern gives {len(args)}.",
            )
            for a in args:
                self.pattern(a, self.fresh(), binds)
            return T.PWild(span, expected)
        cur = prune(t)
        for a in args:
            assert isinstance(cur, TFun)
            typed_args.append(self.pattern(a, cur.arg, binds))
            cur = prune(cur.res)
        self.unify_at(cur, expected, span)
        return T.PCon(span, expected, name, ref, tuple(typed_args), name_span)

    # ------------------------------------------------------------------ local bindings
    def translate_local_type(self, t: ast.Type) -> Type:
        """A type written inside an expression: scoped variables resolve, others become fresh cells."""
        raise NotImplementedError

    def local_signature(self, t: ast.Type, owner: str) -> Scheme:
        raise NotImplementedError

    def check_exhaustive_params(
        self, span: Span, rows: list[tuple[tuple[T.Pattern, ...], T.Rhs | None]], width: int, what: str
    ) -> None:
        """Exhaustiveness/redundancy warnings; supplied by the module checker."""

    def local_decls(
        self, decls: tuple[ast.LocalDecl, ...], saved: list[tuple[str, LocalVar | None]]
    ) -> list[T.Binding]:
        """Check a `let`/`where` block; its names are pushed into `self.locals` (restored by the caller)."""
        sigs: dict[str, ast.LocalSignature] = {}
        clauses: dict[str, list[ast.LocalValue]] = {}
        order: list[str] = []
        patterns: list[ast.LocalPattern] = []
        for d in decls:
            if isinstance(d, ast.LocalSignature):
                if d.name in sigs:
                    self.error(d.name_span, "DuplicateTypeSignature", f"Duplicate type signature for `{d.name}`.")
                sigs[d.name] = d
            elif isinstance(d, ast.LocalValue):
                if d.name not in clauses:
                    clauses[d.name] = []
                    order.append(d.name)
                elif order[-1] != d.name:
                    self.error(
                        d.name_span,
                        "DuplicateValueDeclaration",
                        f"The value `{d.name}` has been defined multiple times.",
                    )
                clauses[d.name].append(d)
            else:
                patterns.append(d)
        for n, s in sigs.items():
            if n not in clauses:
                self.error(s.name_span, "OrphanTypeDeclaration", f"The type signature for `{n}` has no definition.")
        out: list[T.Binding] = []
        # pattern bindings: monomorphic, visible to every binding of the block
        pat_binds: dict[str, tuple[Type, Span]] = {}
        pat_nodes: list[tuple[ast.LocalPattern, T.Pattern]] = []
        for lp in patterns:
            pat_nodes.append((lp, self.pattern(lp.pattern, self.fresh(), pat_binds)))
        for n, (t, sp) in pat_binds.items():
            self.push_local(n, LocalVar(sp, t), saved)
        # signatures first: their names are usable (polymorphically) everywhere in the block
        sig_schemes: dict[str, Scheme] = {}
        for n, s in sigs.items():
            if n in clauses:
                sc = self.local_signature(s.type, n)
                sig_schemes[n] = sc
                self.push_local(n, LocalVar(clauses[n][0].name_span, scheme=sc, owner=n), saved)
        names = [n for n in order if n not in sig_schemes]
        name_set = set(names)
        deps = {n: [m for m in free_names(clauses[n]) if m in name_set] for n in names}
        for group in strongly_connected(names, deps):
            out.extend(self.local_group(group, clauses, saved))
        for n in order:
            if n in sig_schemes:
                out.append(self.local_with_signature(n, clauses[n], sig_schemes[n], sigs[n]))
        for lp, pat in pat_nodes:
            rhs = self.rhs(lp.rhs, pat.type)
            out.append(T.Binding(lp.span, "", lp.pattern.span, pat.type, (T.Clause(lp.span, (), rhs),), pattern=pat))
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
        if expected is not None:
            self.unify_at(whole, expected, clauses[0].name_span)
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
            out.append(T.Clause(cl.span, pats, rhs))
        if arity:
            self.check_exhaustive_params(
                clauses[0].name_span,
                [(c.params, c.rhs) for c in out],
                arity,
                f"`{name}`",
            )
        return whole, tuple(out)

    def local_group(
        self, group: list[str], clauses: dict[str, list[ast.LocalValue]], saved: list[tuple[str, LocalVar | None]]
    ) -> list[T.Binding]:
        outer_wanted = self.wanted
        self.wanted = []
        self.level += 1
        monos: dict[str, TVar] = {}
        inner_saved: list[tuple[str, LocalVar | None]] = []
        for n in group:
            tv = self.fresh()
            monos[n] = tv
            self.push_local(n, LocalVar(clauses[n][0].name_span, tv, owner=n), inner_saved)
        results: list[tuple[str, Type, tuple[T.Clause, ...]]] = []
        for n in group:
            t, cls = self.infer_clauses(n, clauses[n], monos[n])
            results.append((n, t, cls))
        self.pop_locals(inner_saved)
        self.level -= 1
        stuck = self.solve(self.wanted, self.givens)
        self.wanted = outer_wanted
        # A single binding generalises over constraints whose variables are all its own (dictionary parameters);
        # otherwise a pending constraint keeps its variables monomorphic and goes to the enclosing binding.
        local_cons: list[tuple[str, str, Type]] = []
        local_ws: list[Wanted] = []
        passed: list[Wanted] = []
        single = results[0][1] if len(results) == 1 else None
        own_cells: dict[int, TVar] = {}
        if single is not None:
            free_cells(single, own_cells)
        for w in stuck:
            cells: dict[int, TVar] = {}
            free_cells(w.type, cells)
            mine = bool(cells) and all(c.level > self.level and c.id in own_cells for c in cells.values())
            if single is not None and mine:
                local_ws.append(w)
                if not any(m == w.module and c == w.cls and _same_type(t, w.type) for m, c, t in local_cons):
                    local_cons.append((w.module, w.cls, w.type))
            else:
                passed.append(w)
        blocked: dict[int, TVar] = {}
        for w in passed:
            free_cells(w.type, blocked)
        for v in blocked.values():
            if v.level > self.level:
                v.level = self.level
        self.wanted.extend(passed)
        out: list[T.Binding] = []
        for n, t, cls in results:
            cells2: dict[int, TVar] = {}
            free_cells(t, cells2)
            gen = tuple(v for v in cells2.values() if v.level > self.level)
            first = clauses[n][0]
            scheme: Scheme | None = None
            if gen:
                loc = LocalVar(first.name_span, poly=(gen, t), constraints=tuple(local_cons))
                if local_cons:
                    givens = self.classenv.given_closure(
                        [Given(m, c, ct, ParamEv(n, i)) for i, (m, c, ct) in enumerate(local_cons)]
                    )
                    for w in local_ws:
                        self.solve([w], givens)
                    for node, owner in self.local_group_refs:
                        if owner == n:
                            node.evidence = tuple(ParamEv(n, i) for i in range(len(local_cons)))
                    scheme = Scheme(len(gen), tuple(Constraint(m, c, ct) for m, c, ct in local_cons), t)
            else:
                loc = LocalVar(first.name_span, t)
            self.push_local(n, loc, saved)
            span = Span.join(first.span, clauses[n][-1].span)
            out.append(T.Binding(span, n, first.name_span, t, cls, scheme=scheme))
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
            Given(c.module, c.cls, substitute(c.type, skolems), ParamEv(name, i))
            for i, c in enumerate(scheme.constraints)
        ]
        self.givens = self.classenv.given_closure(given) + outer_givens
        outer_tyvars = self.tyvars
        self.tyvars = dict(outer_tyvars)
        for i, sk in enumerate(skolems):
            if i < len(scheme.names):
                self.tyvars[scheme.names[i]] = TypeVarEntry(sk, TVar(fresh_id(), 1 << 20))
        try:
            _, cls = self.infer_clauses(name, clauses, expected)
        finally:
            self.tyvars = outer_tyvars
        self.level -= 1
        stuck = self.solve(self.wanted, self.givens)
        self.givens = outer_givens
        self.wanted = outer_wanted
        for w in stuck:
            if has_skolem(w.type):
                self.no_instance(w)
            else:
                self.wanted.append(w)
        first = clauses[0]
        return T.Binding(Span.join(first.span, clauses[-1].span), name, first.name_span, expected, cls, scheme=scheme)

    # ------------------------------------------------------------------ constraint solving
    def solve(self, wanteds: list[Wanted], givens: list[Given]) -> list[Wanted]:
        """Reduce wanteds; report the unsolvable; return those stuck on unknown types."""
        work = list(wanteds)
        stuck: list[Wanted] = []
        guard = 0
        while work:
            guard += 1
            if guard > 100000:
                break
            w = work.pop()
            r, subs = self.classenv.reduce(w, givens)
            if r == MATCH:
                work.extend(subs)
            elif r == NOMATCH:
                self.no_instance(w)
            else:
                stuck.append(w)
        return stuck

    def no_instance(self, w: Wanted) -> None:
        namer = Namer()
        namer.scan(w.type)
        namer.finish()
        ty = print_type(w.type, namer)
        if " " in ty and not ty.startswith(("(", "{", "[")):
            ty = f"({ty})"
        self.error(w.span, "NoInstanceFound", f"No instance for {w.cls} {ty}")
        w.solution = None

    def finish_evidence(self) -> None:
        for node, ws in self.state.var_wanteds:
            evs = []
            for w in ws:
                ev = to_evidence(w)
                if ev is None:
                    break
                evs.append(ev)
            else:
                node.evidence = tuple(evs)


_DISPATCH: dict[type, Any] = {
    ast.IntLit: Inference._lit,
    ast.NumberLit: Inference._lit,
    ast.StringLit: Inference._lit,
    ast.CharLit: Inference._lit,
    ast.BoolLit: Inference._lit,
    ast.Var: Inference._var,
    ast.Constructor: Inference._ctor,
    ast.OperatorRef: Inference._opref,
    ast.Hole: Inference._hole,
    ast.Section: Inference._section,
    ast.App: Inference._app,
    ast.Negate: Inference._negate,
    ast.BinOp: Inference._binop,
    ast.OpChain: Inference._opchain,
    ast.Paren: Inference._paren,
    ast.Lambda: Inference._lambda,
    ast.If: Inference._if,
    ast.Case: Inference._case,
    ast.Let: Inference._let,
    ast.Typed: Inference._typed,
    ast.ArrayLit: Inference._array,
    ast.RecordLit: Inference._record,
    ast.Access: Inference._access,
    ast.RecordUpdate: Inference._update,
    ast.Do: Inference._do,
}

__all__ = ["K_TYPE", "Constraint", "DeclState", "Inference", "LocalVar", "TooDeep", "TypeInfo"]
