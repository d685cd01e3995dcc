"""Inference for expressions, patterns, right-hand sides and local bindings (let/where).

Bidirectional where it pays for error ranges, otherwise plain HM with levels: a `let` group is inferred one level
deeper and its variables deeper than the current level are generalised. Constraints are collected as `Wanted`s
and reduced at generalisation points against the givens in scope (the enclosing signatures' contexts).
"""

from __future__ import annotations

import dataclasses
import itertools
from typing import Any

from nova.check import typed as T
from nova.check.holes import PendingHole
from nova.check.infer_base import (
    MAX_DEPTH,
    NO_ORIGIN,
    DeclState,
    InferBase,
    LocalVar,
    Origin,
    TooDeep,
    copy_poly,
    free_cells,
    has_skolem,
    lit_type,
    resolve_chain,
)
from nova.check.infer_locals import Locals
from nova.check.typeconv import TypeVarEntry
from nova.check.value_kinds import written_kind
from nova.diagnostics import Span
from nova.syntax import ast
from nova.types.classes import Given, Wanted, types_equal
from nova.types.evidence import BuiltinEv, ParamEv
from nova.types.pretty import print_scheme, print_type
from nova.types.types import (
    T_ARRAY,
    T_BOOLEAN,
    T_INT,
    T_NUMBER,
    T_RECORD,
    TApp,
    TForall,
    TFun,
    TRow,
    TSkolem,
    TVar,
    Type,
    array,
    fresh_id,
    open_forall,
    prune,
    record,
)
from nova.types.unify import RIGID_LEVEL, UnifyError, flatten_row, unify

UNSAFE_PARTIAL = ("Partial.Unsafe", "unsafePartial")
APPLY_FUNCTION = ("Data.Function", "apply")


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def _argument_origin(fn: T.Expr, param: Type) -> Origin | None:
    """The function an argument is passed to, as the origin of the argument's expected type (`f` for the second
    argument of `f x y`)."""
    head = fn
    index = 0
    while isinstance(head, T.EApp):
        head = head.fn
        index += 1
    if not isinstance(head, T.EVar):
        return Origin(fn.span, "The function expects an argument of type `{}` here.", param)
    nth = _ORDINALS[index] if index < len(_ORDINALS) else f"{index + 1}th"
    name = head.name if head.name[:1].isalnum() or head.name[:1] in "_'" else f"({head.name})"
    return Origin(head.span, f"`{name}` expects its {nth} argument to be of type `{{}}`.", param)


def _quantified(t: Type, depth: int = 0) -> bool:
    """Whether a quantifier shows inside `t` (a polymorphic record field, a rank-2 argument), looking a few
    constructors deep: only then does checking rather than inferring `if`/`case`/`let` make a difference."""
    if type(t) is TVar:
        t = prune(t)
    tt = type(t)
    if tt is TForall:
        return True
    if depth > 6:
        return False
    if tt is TApp:
        assert isinstance(t, TApp)
        return _quantified(t.fn, depth + 1) or _quantified(t.arg, depth + 1)
    if tt is TFun:
        assert isinstance(t, TFun)
        return _quantified(t.arg, depth + 1) or _quantified(t.res, depth + 1)
    if tt is TRow:
        assert isinstance(t, TRow)
        return any(_quantified(ft, depth + 1) for _, ft in t.fields)
    return False


class Inference(Locals):
    """Expression-level inference; `ModuleChecker` supplies the module context (scope, own declarations)."""

    # ------------------------------------------------------------------ expressions
    def check(self, e: ast.Expr, expected: Type, origin: Origin | None = None) -> T.Expr:
        """Check `e` against `expected`; `origin` says where the expected type comes from (for diagnostics)."""
        te = type(e)
        if te is ast.Paren:
            assert isinstance(e, ast.Paren)
            return self.check(e.expr, expected, origin)
        exp = prune(expected) if type(expected) is TVar else expected
        texp = type(exp)
        if texp is TForall:
            assert isinstance(exp, TForall)
            return self.check_poly(e, exp)
        if te is ast.Lambda and texp is TFun:
            assert isinstance(e, ast.Lambda) and isinstance(exp, TFun)
            got = self._check_lambda(e, exp)
            if got is not None:
                return got
        elif te is ast.RecordLit and texp is TApp:
            assert isinstance(e, ast.RecordLit) and isinstance(exp, TApp)
            got = self._check_record(e, exp)
            if got is not None:
                return got
        elif te is ast.RecordUpdate and texp is TApp:
            assert isinstance(e, ast.RecordUpdate) and isinstance(exp, TApp)
            got = self._check_update(e, exp)
            if got is not None:
                return got
        elif (te is ast.If or te is ast.Case or te is ast.Let or te is ast.Section) and _quantified(exp):
            got = self._check_through(e, exp)
            if got is not None:
                return got
        elif te is ast.App and texp is not TFun:
            assert isinstance(e, ast.App)
            return self._check_app(e, exp, origin)
        elif te is ast.ArrayLit and texp is TApp:
            assert isinstance(e, ast.ArrayLit) and isinstance(exp, TApp)
            if prune(exp.fn) == T_ARRAY:
                # each element is checked against the element type, which may be quantified or constrained
                # (`[fooMember] :: Array (Foo Int Boolean c => Int -> Boolean)`)
                return T.EArray(e.span, exp, tuple(self.check(i, exp.arg) for i in e.items))
        return self._checked(self.infer(e), exp, e.span, origin)

    def _checked(self, node: T.Expr, exp: Type, span: Span, origin: Origin | None) -> T.Expr:
        """An inferred node matched with what its place expects (instantiated first when it is polymorphic)."""
        found = node.type
        if type(found) is TForall or (type(found) is TVar and type(prune(found)) is TForall):
            node = self.instantiate_node(node)
            found = node.type
        if type(exp) is TFun and type(found) is TFun:
            try:
                self.subsume(found, exp)
            except UnifyError as err:
                self.report_unify(err, found, exp, span, origin)
        else:
            self.unify_at(found, exp, span, origin)
        return node

    def _check_app(self, e: ast.App, expected: Type, origin: Origin | None) -> T.Expr:
        """An application checked against a (non-function) type: the function's result is matched with the
        expected type before the arguments are checked, so a wrong argument is reported at the argument itself
        (`Just s` where a `Maybe Int` is expected points at `s`), as PureScript and Elm do."""
        spine: list[ast.App] = []
        head: ast.Expr = e
        while isinstance(head, ast.App):
            spine.append(head)
            head = head.fn
        node = self.infer(head)
        result = prune(node.type)
        for _ in spine:
            if type(result) is not TFun:
                break
            result = prune(result.res)
        else:
            if type(result) is not TForall:
                try:
                    unify(result, expected)
                except UnifyError as err:
                    self.report_unify(err, result, expected, e.span, origin)
                    return self._apply_spine(node, spine)
        node = self._apply_spine(node, spine)
        return self._checked(node, expected, e.span, origin)

    def _apply_spine(self, node: T.Expr, spine: list[ast.App]) -> T.Expr:
        """Apply a function to the arguments of an application spine (innermost last in `spine`); two neighbouring
        arguments that each have the type the other one needs get a hint that they look swapped."""
        diags = self.state.diagnostics
        misses: list[tuple[int, int, Type, Type]] = []  # (argument index, diagnostic index, found, expected)
        for i, app_e in enumerate(reversed(spine)):
            param = prune(node.type)
            mark = len(diags)
            node = self.apply(node, app_e.arg, app_e.span)
            if type(param) is TFun and len(diags) > mark and isinstance(node, T.EApp):
                d = diags[-1]
                if d.code == "TypesDoNotUnify" and d.span == node.arg.span:
                    misses.append((i, len(diags) - 1, node.arg.type, param.arg))
        for (i, di, found_i, want_i), (j, dj, found_j, want_j) in itertools.pairwise(misses):
            if j == i + 1 and types_equal(found_i, want_j) and types_equal(found_j, want_i):
                hint = " Hint: these two arguments look swapped."
                for k in (di, dj):
                    diags[k] = dataclasses.replace(diags[k], message=diags[k].message + hint)
        return node

    def subsume(self, found: Type, expected: Type, inner: bool = False) -> None:
        """`found` can be used where `expected` is needed (PureScript's subsumption): a quantified type needed is
        met by a type that works for rigid variables, one offered is instantiated, and functions are compared
        argument against argument (contravariantly) and result against result; anything else must unify.

        `inner`: below a quantifier this subsumption made rigid, where the unknowns of an instantiated type live in
        its scope (they may be its rigid variables: `(forall a. Array a)` offered for `(forall a. t a)`)."""
        if type(found) is TVar:
            found = prune(found)
        if type(expected) is TVar:
            expected = prune(expected)
        tf = type(found)
        tx = type(expected)
        if tf is TFun and tx is TFun:
            assert isinstance(found, TFun) and isinstance(expected, TFun)
            self.subsume(expected.arg, found.arg, inner)
            self.subsume(found.res, expected.res, inner)
            return
        if tx is TForall:
            assert isinstance(expected, TForall)
            if not expected.constraints:
                _, body = open_forall(expected, [TSkolem(v, fresh_id(), RIGID_LEVEL) for v in expected.vars])
                self.subsume(found, body, True)
                return
        elif tf is TForall:
            assert isinstance(found, TForall)
            if not found.constraints:
                cells: list[Type] = [TVar(fresh_id(), RIGID_LEVEL) if inner else self.fresh() for _ in found.vars]
                _, body = open_forall(found, cells)
                self.subsume(body, expected, inner)
                return
        unify(found, expected)

    def check_poly(self, e: ast.Expr, expected: TForall, scoped: bool = False) -> T.Expr:
        """Check against a quantified type: its variables are rigid inside (an unknown from outside that would
        have to be one is an escape), its constraints are given there, as dictionary parameters of the result.
        `scoped`: the type was written on `e` (`(e :: forall b. …)`), whose annotations may name its variables."""
        self.level += 1
        skolems: list[Type] = [TSkolem(v, fresh_id(), self.level) for v in expected.vars]
        outer_tyvars = self.tyvars
        if scoped:
            named = zip(expected.vars, skolems, strict=True)
            self.tyvars = {**outer_tyvars, **{v: TypeVarEntry(sk, TVar(fresh_id(), 1 << 20)) for v, sk in named}}
        constraints, body = open_forall(expected, skolems)
        owner = ""
        outer_givens = self.givens
        givens: list[Given] = []
        mark = len(self.wanted)
        reported = len(self.state.diagnostics)
        if constraints:
            self.state.poly_scopes += 1
            owner = f"${self.state.poly_scopes}"
            givens = self.classenv.given_closure(
                [Given(c.module, c.cls, c.args, ParamEv(owner, i)) for i, c in enumerate(constraints)]
            )
            self.givens = givens + outer_givens
        try:
            node = self.check(e, body)
        finally:
            self.level -= 1
            self.givens = outer_givens
            self.tyvars = outer_tyvars
        self.close_scope(mark, givens + outer_givens, bool(skolems or constraints), reported)
        return T.EPoly(e.span, expected, owner, len(constraints), node)

    def _check_lambda(self, e: ast.Lambda, expected: TFun) -> T.Expr | None:
        """A lambda checked against a function type: its parameters get the argument types (a quantified one
        included: `\\f -> f 1 <> f true` against `(forall a. a -> a) -> …`), its body the result type."""
        arg_types: list[Type] = []
        t: Type = expected
        for i in range(len(e.params)):
            t = prune(t)
            if type(t) is TForall and i > 0:
                # `\a l r f -> …` against `a -> List a -> (forall r. r -> …)`: the parameters after the
                # quantifier belong to a lambda checked against it (as if written `\a l -> \r f -> …`)
                inner = ast.Lambda(Span.join(e.params[i].span, e.body.span), e.params[i:], e.body)
                e = ast.Lambda(e.span, e.params[:i], inner)
                break
            if not isinstance(t, TFun):
                return None
            arg_types.append(t.arg)
            t = t.res
        saved: list[tuple[str, LocalVar | None]] = []
        params: list[T.Pattern] = []
        binds: dict[str, tuple[Type, Span]] = {}
        for p, pt in zip(e.params, arg_types, strict=True):
            params.append(self.pattern(p, pt, binds))
        for n, (bt, sp) in binds.items():
            self.push_local(n, LocalVar(sp, bt), saved)
        body = self.check(e.body, t)
        self.pop_locals(saved)
        self.check_exhaustive_params(
            Span.join(e.params[0].span, e.params[-1].span) if e.params else e.span,
            [(tuple(params), None)],
            len(params),
            "this lambda",
        )
        return T.ELam(e.span, expected, tuple(params), body)

    def _check_record(self, e: ast.RecordLit, expected: TApp) -> T.Expr | None:
        """A record literal checked against a record type: each field against its type (a quantified field
        type included)."""
        if prune(expected.fn) != T_RECORD:
            return None
        wanted_fields, tail = flatten_row(expected.arg)
        if not wanted_fields:
            return None
        wanted = dict(wanted_fields)
        fields: list[tuple[str, T.Expr]] = []
        types: list[tuple[str, Type]] = []
        seen: set[str] = set()
        for f in e.fields:
            if f.label in seen:  # (its value is still checked; its type is left out of the record's, which
                # would otherwise be reported a second time as an additional label)
                self.error(f.label_span, "DuplicateLabel", f"Label `{f.label}` appears more than once in this record.")
                fields.append((f.label, self.infer(f.value)))
                continue
            ft = wanted.get(f.label)
            seen.add(f.label)
            if ft is not None:
                fields.append((f.label, self.check(f.value, ft)))
                types.append((f.label, ft))
            else:
                node = self.infer(f.value)
                fields.append((f.label, node))
                types.append((f.label, node.type))
        t = record(TRow(tuple(sorted(types, key=lambda x: x[0])), None))
        # the smallest culprit: a field whose label a closed record type has no place for (misspelt or additional)
        # is where the mismatch is; a record that only lacks labels is wrong as a whole
        strays = [f for f in e.fields if f.label not in wanted] if tail is None else []
        self.unify_at(t, expected, strays[0].span if strays else e.span)
        return T.ERecord(e.span, t, tuple(fields))

    def _check_update(self, e: ast.RecordUpdate, expected: TApp) -> T.Expr | None:
        """A record update checked against a record type, as PureScript checks one: the record updated against
        the expected type with the updated fields' old types left open, then each new value against its field's
        type, a quantified one included (`defaultEval { handleQuery = handleQuery }` where `handleQuery`'s field
        is `forall a. q a -> m (Maybe a)`: inferred, the value would be instantiated and its variable escape).
        Nested updates (`r { a { b = v } }`) are checked the same way one level down, as PureScript's desugaring
        into `r { a = r.a { b = v } }` does. Repeated labels and labels the type lacks are left to inference."""
        old = self._updated_type(e.updates, expected)
        if old is None:
            return None
        inner = self.check(e.expr, old)
        return T.EUpdate(e.span, expected, inner, self._checked_updates(e.updates, expected))

    def _updated_type(self, ups: tuple[ast.UpdateSet | ast.UpdateNested, ...], expected: Type) -> Type | None:
        """The type the record updated has, given the updates and the updated record's type: the fields set are
        open (fresh), the fields updated further down have that shape, the others are as expected. `None` when
        `expected` is no record type with each updated label once."""
        exp = prune(expected)
        if type(exp) is not TApp or prune(exp.fn) != T_RECORD:
            return None
        wanted_fields, tail = flatten_row(exp.arg)
        wanted = dict(wanted_fields)
        updated: dict[str, ast.UpdateSet | ast.UpdateNested] = {u.label: u for u in ups}
        if len(updated) != len(ups) or len(wanted) != len(wanted_fields) or not updated.keys() <= wanted.keys():
            return None
        old: list[tuple[str, Type]] = []
        for lbl, t in wanted_fields:
            u = updated.get(lbl)
            if u is None:
                old.append((lbl, t))
            elif isinstance(u, ast.UpdateSet):
                old.append((lbl, self.fresh()))
            else:
                nested = self._updated_type(u.updates, t)
                if nested is None:
                    return None
                old.append((lbl, nested))
        return record(TRow(tuple(sorted(old, key=lambda x: x[0])), tail))

    def _checked_updates(
        self, ups: tuple[ast.UpdateSet | ast.UpdateNested, ...], expected: Type
    ) -> tuple[T.FieldUpdate, ...]:
        """The updates' new values checked against their fields' types (`_updated_type` accepted them)."""
        exp = prune(expected)
        assert isinstance(exp, TApp)
        wanted = dict(flatten_row(exp.arg)[0])
        out: list[T.FieldUpdate] = []
        for u in ups:
            if isinstance(u, ast.UpdateSet):
                out.append(T.FieldUpdate(u.span, u.label, self.check(u.value, wanted[u.label])))
            else:
                out.append(T.FieldUpdate(u.span, u.label, None, self._checked_updates(u.updates, wanted[u.label])))
        return tuple(out)

    def _check_through(self, e: ast.Expr, expected: Type) -> T.Expr | None:
        """`if`, `case`, `let` and sections checked against a type with a quantifier inside (a record with a
        polymorphic field, say): as in PureScript, where these are checking forms, the expected type reaches
        the branches, the body, or a section's body, so a value there is checked against the quantified type
        instead of being instantiated (`if b then defaults { handle = answer } else defaults`). Other expected
        types keep inference, whose mismatch messages compare the branches with each other."""
        if isinstance(e, ast.If):
            c = self.check(e.cond, T_BOOLEAN)
            a = self.check(e.then_branch, expected)
            b = self.check(e.else_branch, expected)
            return T.EIf(e.span, expected, c, a, b)
        if isinstance(e, ast.Case):
            return self._case(e, expected)
        if isinstance(e, ast.Let):
            return self._let(e, expected)
        assert isinstance(e, ast.Section)
        return self._check_section(e, expected)

    def _check_section(self, e: ast.Section, expected: Type) -> T.Expr | None:
        """A section other than an operator section (`_ { a = x }`, `case _ of …`) checked against a function
        type: its anonymous arguments get the argument types, its body the result type."""
        if isinstance(e.body, ast.OpChain | ast.Typed) or not e.holes:
            return None
        args: list[Type] = []
        t = prune(expected)
        for _ in e.holes:
            if type(t) is not TFun:
                return None
            assert isinstance(t, TFun)
            args.append(t.arg)
            t = prune(t.res)
        params = self._bind_holes(e.holes, args)
        body = self.check(e.body, t)
        for h in e.holes:
            self.holes.pop(h.span, None)
        return T.ELam(e.span, expected, tuple(params), body)

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
        if got is None:  # (reported once: by the parser, or by `_section` for a `_` its operator leaves over)
            return T.EError(e.span, self.fresh())
        return T.EVar(e.span, got[0], got[1], None, e.span)

    def _typed_hole(self, e: ast.TypedHole) -> T.Expr:
        t = self.fresh()
        self.state.typed_holes.append(PendingHole(e.span, e.name, t, dict(self.locals), list(self.givens)))
        return T.EError(e.span, t, f"hole `?{e.name}`")

    def _visible_type_app(self, e: ast.VisibleTypeApp) -> T.Expr:
        """`f @Int @_ @String`: each type is given, in order, to the next visible type variable of `f`'s type
        (`forall @a.`, a constructor's type parameters, a method's class parameters); `@_` skips one."""
        types: list[ast.Type] = []
        head: ast.Expr = e
        while isinstance(head, ast.VisibleTypeApp):
            types.append(head.type)
            head = head.expr
        types.reverse()
        inner: ast.Expr = head
        while isinstance(inner, ast.Paren):
            inner = inner.expr
        self.last_instantiation = None
        node = self.infer(head)
        visible: list[int] = []  # the variables the types are given to, in order
        args: list[Type] = []
        got = self.instantiation_seen()
        if got is not None and isinstance(inner, (ast.Var, ast.Constructor, ast.OperatorRef)):
            scheme, args = got
            visible = [i for i in scheme.visible if i < len(args)]
        elif isinstance(inner, ast.Typed) and _declares_visible(inner.type):
            # `(e :: forall @a. …) @Int`: the annotation's visible variables, as for a value with that signature
            node = self.instantiate_node(node)
            scheme = self.local_signature(inner.type, "")
            t, _ = self.instantiate(scheme, inner.span)
            got = self.instantiation_seen()
            if got is not None:
                self.unify_at(t, node.type, inner.span)
                args = got[1]
                visible = [i for i in scheme.visible if i < len(args)]
        for i, written in enumerate(types):
            span = Span.join(head.span, written.span)
            skip = isinstance(written, ast.TypeWildcard)
            if i >= len(visible):
                shown = print_scheme(got[0]) if got is not None and i == 0 else print_type(node.type)
                if skip:
                    self.error(
                        span,
                        "CannotSkipTypeApplication",
                        f"An expression of type `{shown}` has no visible type variable left to skip with `@_`.",
                    )
                else:
                    self.error(
                        span,
                        "CannotApplyExpressionOfTypeOnType",
                        f"An expression of type `{shown}` cannot be applied to a type: only type variables declared "
                        "with `@` (`forall @a.`) can be given with a visible type application.",
                    )
                break
            if skip:
                continue
            assert got is not None
            kind = written_kind(got[0], visible[i], args)
            self.unify_at(self.translate_type_argument(written, kind), args[visible[i]], written.span)
        return node

    def _section(self, e: ast.Section) -> T.Expr:
        holes = e.holes
        body_e = e.body
        if isinstance(body_e, ast.OpChain):
            holes, body_e = self._operator_section(body_e, holes)
        elif isinstance(body_e, ast.Typed):
            holes = ()  # `(_ + 1 :: Int)` is no section in PureScript: each `_` is reported where it stands
        for h in e.holes:
            if h not in holes:
                self.error(h.span, "IncorrectAnonymousArgument", "An anonymous argument `_` is not allowed here.")
        params = self._bind_holes(holes, [self.fresh() for _ in holes])
        body = self.infer(body_e)
        for h in holes:
            self.holes.pop(h.span, None)
        if not params:
            return body
        t: Type = body.type
        for p in reversed(params):
            t = TFun(p.type, t)
        return T.ELam(e.span, t, tuple(params), body)

    def _bind_holes(self, holes: tuple[ast.Hole, ...], types: list[Type]) -> list[T.Pattern]:
        """A section's anonymous arguments in scope with the given types, as the parameters of its lambda (the
        caller takes them out of scope after the body)."""
        params: list[T.Pattern] = []
        for i, (h, t) in enumerate(zip(holes, types, strict=True)):
            name = f"_{i}"
            self.holes[h.span] = (t, name)
            params.append(T.PVar(h.span, t, name))
        return params

    def _operator_section(
        self, chain: ast.OpChain, holes: tuple[ast.Hole, ...]
    ) -> tuple[tuple[ast.Hole, ...], ast.Expr]:
        """The hole an operator section binds: as in PureScript, one `_` standing as an operand of the outermost
        operator once fixity is applied (`(_ * 2 + 1)` and `(_ + _)` leave a `_` that is reported)."""
        tree = resolve_chain(self, chain.operands, chain.operators, "", ast.BinOp)
        if isinstance(tree, ast.BinOp):
            for operand in (tree.right, tree.left):
                if isinstance(operand, ast.Hole) and operand in holes:
                    return (operand,), tree
        return (), tree

    def apply(self, fn: T.Expr, arg_e: ast.Expr | None, span: Span, arg_node: T.Expr | None = None) -> T.Expr:
        ft = prune(fn.type)
        if type(ft) is TForall:  # (a function of a quantified type: `f 1` where `f :: forall a. a -> a` is a parameter)
            fn = self.instantiate_node(fn)
            ft = prune(fn.type)
        if isinstance(ft, TFun):
            if arg_node is None:
                assert arg_e is not None
                visible = self._unsafe_partial
                if visible is None:
                    visible = self.unsafe_partial_visible()
                origin = _argument_origin(fn, ft.arg)
                param = prune(ft.arg)
                lifted = self._param_only_unknowns(fn, param, ft.res) if type(param) is TForall else ()
                if visible and self._discharges_partial(fn):
                    mark = len(self.wanted)
                    arg_node = self.check(arg_e, ft.arg, origin)
                    self._discharge_partial(mark)
                else:
                    arg_node = self.check(arg_e, ft.arg, origin)
                for cell, level in lifted:
                    left = prune(cell)
                    if isinstance(left, TVar):
                        left.level = min(left.level, level)
            else:
                self.unify_at(arg_node.type, ft.arg, arg_node.span, _argument_origin(fn, ft.arg))
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

    def _param_only_unknowns(self, fn: T.Expr, param: Type, res: Type) -> tuple[tuple[TVar, int], ...]:
        """Unknowns of this level that only the quantified parameter `param` mentions, lifted to the level of its
        rigid variables (returned with their old levels, restored if still unknown after the argument's check).

        Such an unknown may stand for a type of the parameter's rigid variables, as in PureScript, whose escape
        check looks at the types of expressions outside the quantifier only: `b` of foreign-object's
        `mutate :: (forall r. STObject r a -> ST r b) -> Object a -> Object a` applied to `poke k v` is
        `STObject r a`, seen nowhere else. One the result, an earlier argument, a pending constraint or a local
        variable mentions still escapes."""
        inside: dict[int, TVar] = {}
        free_cells(param, inside)
        level = self.level
        cells = {i: v for i, v in inside.items() if v.level == level}
        if not cells:
            return ()
        outside: dict[int, TVar] = {}
        free_cells(res, outside)
        node = fn
        while isinstance(node, T.EApp):
            free_cells(node.arg.type, outside)
            node = node.fn
        for w in self.wanted:
            for a in w.args:
                free_cells(a, outside)
        for loc in self.locals.values():
            if loc.type is not None:
                free_cells(loc.type, outside)
        lifted = tuple((v, level) for i, v in cells.items() if i not in outside)
        for v, _ in lifted:
            v.level = level + 1  # (the level `check_poly` gives the parameter's rigid variables)
        return lifted

    def _app(self, e: ast.App) -> T.Expr:
        # flatten the spine iteratively so long applications do not nest Python frames
        spine: list[ast.App] = []
        head: ast.Expr = e
        while isinstance(head, ast.App):
            spine.append(head)
            head = head.fn
        node = self.infer(head)
        return self._apply_spine(node, spine)

    def _negate(self, e: ast.Negate) -> T.Expr:
        inner = e.expr
        while isinstance(inner, ast.Paren):
            inner = inner.expr
        if isinstance(inner, (ast.IntLit, ast.NumberLit)):
            # a negative literal is `negate` applied to it, as in PureScript: `negate` must be in scope
            if "negate" not in self.locals:
                self.resolve_value("negate", None, e.span)
            if isinstance(inner, ast.IntLit):
                return T.ELit(e.span, T_INT, -inner.value, "int")
            return T.ELit(e.span, T_NUMBER, -inner.value, "number")
        fn = self.var_node("negate", None, e.span)
        return self.apply(fn, e.expr, e.span)

    def op_node(self, op: ast.Operator) -> T.Expr:
        return self.var_node(op.name, op.qualifier, op.span, constructor=op.name[:1].isupper() or op.name[:1] == ":")

    def unsafe_partial_visible(self) -> bool:
        """Whether `unsafePartial` can be referred to here at all (most modules: no, and nothing is looked at)."""
        self._unsafe_partial = False
        return False

    def _discharges_partial(self, fn: T.Expr) -> bool:
        """`unsafePartial e` and `unsafePartial $ e`: the `Partial` constraints of `e` are discharged (PureScript
        types `unsafePartial` as `(Partial => a) -> a`)."""
        if isinstance(fn, T.EVar):
            return fn.target == UNSAFE_PARTIAL
        if isinstance(fn, T.EApp) and isinstance(fn.fn, T.EVar) and isinstance(fn.arg, T.EVar):
            if fn.arg.target != UNSAFE_PARTIAL or fn.fn.target is None:
                return False
            target = self.alias_of(fn.fn.target) or fn.fn.target
            return target == APPLY_FUNCTION
        return False

    def _discharge_partial(self, mark: int) -> None:
        kept: list[Wanted] = []
        for w in self.wanted[mark:]:
            if w.module == "Prim" and w.cls == "Partial":
                w.solution = BuiltinEv("Prim", "Partial")
            else:
                kept.append(w)
        self.wanted[mark:] = kept

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
        b = self.check(e.else_branch, a.type, Origin(e.then_branch.span, "The other branch has type `{}`.", a.type))
        return T.EIf(e.span, a.type, c, a, b)

    def _case(self, e: ast.Case, expected: Type | None = None) -> T.Expr:
        scrut = tuple(self.infer(s) for s in e.scrutinees)
        result = self.fresh() if expected is None else expected
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
            pats_list: list[T.Pattern] = []
            outer_origin = self.expected_origin
            try:
                for p, s in zip(alt.patterns, scrut, strict=True):
                    self.expected_origin = Origin(s.span, "The expression matched has type `{}`.", s.type)
                    pats_list.append(self.pattern(p, s.type, binds))
            finally:
                self.expected_origin = outer_origin
            pats = tuple(pats_list)
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

    def _let(self, e: ast.Let, expected: Type | None = None) -> T.Expr:
        saved: list[tuple[str, LocalVar | None]] = []
        bindings = self.local_decls(e.bindings, saved)
        body = self.infer(e.body) if expected is None else self.check(e.body, expected)
        self.pop_locals(saved)
        return T.ELet(e.span, body.type, tuple(bindings), body)

    def _typed(self, e: ast.Typed) -> T.Expr:
        t = self.translate_local_type(e.type)
        before = len(self.state.diagnostics)
        if isinstance(e.type, ast.TypeForall) and isinstance(pt := prune(t), TForall):
            return self.check_poly(e.expr, pt, scoped=True)  # (`(e :: forall b. …)`: `b` is in scope in `e`)
        node = self.check(e.expr, t, Origin(e.type.span, "The annotation says `{}`.", t))
        if len(self.state.diagnostics) > before and type(prune(t)) is not TForall:
            # a mismatch is reported once, here: outside, the expression has the type its annotation says
            node.type = t
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
        self.unify_at(inner.type, record(TRow(((e.field, a),), rho)), e.expr.span, NO_ORIGIN)
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
        self.unify_at(inner.type, old, e.expr.span, NO_ORIGIN)
        return T.EUpdate(e.span, new, inner, tuple(ups))

    def _ado(self, e: ast.Ado) -> T.Expr:
        """`ado` as PureScript desugars it: `apply (… (map (\\p1 -> let … in \\p2 -> … result) e1) …) en`.

        The expressions after `<-` are inferred first, outside every binder of the block; then the binders and
        `let`s are brought into scope in order for the result."""
        args: list[T.Expr] = []
        elements: list[Type] = []
        functor = self.fresh()
        for st in e.statements:
            if isinstance(st, ast.DoBind | ast.DoExpr):
                arg = self.infer(st.expr)
                args.append(arg)
                # every statement runs in one functor: known before the result is inferred, so a mismatch is
                # reported at the statement or use that causes it
                element = self.fresh()
                reported = len(self.state.diagnostics)
                self.unify_at(arg.type, TApp(functor, element), arg.span, NO_ORIGIN)
                if len(self.state.diagnostics) > reported:  # reported once: `map`/`apply` get a stand-in
                    args[-1] = T.EError(arg.span, TApp(functor, element), "ill-typed `ado` statement")
                elements.append(element)
        saved: list[tuple[str, LocalVar | None]] = []
        layers: list[tuple[ast.DoStatement, T.Pattern | list[T.Binding]]] = []
        index = 0
        try:
            for st in e.statements:
                if isinstance(st, ast.DoLet):
                    layers.append((st, self.local_decls(st.bindings, saved)))
                    continue
                binds: dict[str, tuple[Type, Span]] = {}
                pat: T.Pattern
                if isinstance(st, ast.DoBind):
                    pat = self.pattern(st.pattern, elements[index], binds)
                else:
                    pat = T.PWild(st.span, elements[index])
                index += 1
                for n, (t, sp) in binds.items():
                    self.push_local(n, LocalVar(sp, t), saved)
                layers.append((st, pat))
            body = self.infer(e.result)
        finally:
            self.pop_locals(saved)
        for st, layer in reversed(layers):
            span = Span.join(st.span, body.span)
            if isinstance(layer, list):
                body = T.ELet(span, body.type, tuple(layer), body)
            else:
                body = T.ELam(span, TFun(layer.type, body.type), (layer,), body)
        if not args:
            return self.apply(self.var_node("pure", e.qualifier, e.span), None, e.span, body)
        node = self.apply(self.var_node("map", e.qualifier, e.span), None, e.span, body)
        node = self.apply(node, None, e.span, args[0])
        for arg in args[1:]:
            node = self.apply(
                self.apply(self.var_node("apply", e.qualifier, e.span), None, e.span, node), None, e.span, arg
            )
        return node

    def _do(self, e: ast.Do) -> T.Expr:
        if not e.statements:
            self.error(e.span, "EmptyDoBlock", "A `do` block must contain at least one statement.")
            return T.EError(e.span, self.fresh())
        saved: list[tuple[str, LocalVar | None]] = []
        try:
            return self._do_from(e, 0, saved)
        finally:
            self.pop_locals(saved)

    def _desugar_var(self, name: str, qualifier: str | None, span: Span) -> T.Expr:
        """The `bind`/`discard` a statement is desugared with: never a local of that name (one is an error,
        `CannotUseBindWithDo`, and must not add errors of its own to the statements after it)."""
        shadowing = self.locals.pop(name, None) if qualifier is None else None
        try:
            return self.var_node(name, qualifier, span)
        finally:
            if shadowing is not None:
                self.locals[name] = shadowing

    def _do_name(self, name: str, span: Span) -> None:
        """PureScript's `CannotUseBindWithDo`: a `do` block cannot bring `bind` or `discard` into scope, the names
        its statements are desugared with."""
        if name in ("bind", "discard"):
            self.error(
                span,
                "CannotUseBindWithDo",
                f"The name `{name}` cannot be brought into scope in a `do` block, since `do` notation uses it.",
            )

    def _do_from(self, e: ast.Do, i: int, saved: list[tuple[str, LocalVar | None]]) -> T.Expr:
        stmts = e.statements
        st = stmts[i]
        last = i == len(stmts) - 1
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise TooDeep(st.span)
        try:
            if last:
                if isinstance(st, ast.DoLet):
                    message = "The last statement of a `do` block must be an expression, not a `let`."
                    self.error(st.span, "InvalidDoLet", message)
                    return T.EError(st.span, self.fresh())
                if not isinstance(st, ast.DoExpr):
                    self.error(st.span, "InvalidDoBind", "The last statement of a `do` block must be an expression.")
                    return T.EError(st.span, self.fresh())
                return self.infer(st.expr)
            rest_span = Span.join(stmts[i + 1].span, stmts[-1].span)
            if isinstance(st, ast.DoLet):
                if e.qualifier is None:
                    for b in st.bindings:
                        if isinstance(b, ast.LocalValue):
                            self._do_name(b.name, b.name_span)
                inner: list[tuple[str, LocalVar | None]] = []
                bindings = self.local_decls(st.bindings, inner)
                rest = self._do_from(e, i + 1, saved)
                self.pop_locals(inner)
                return T.ELet(Span.join(st.span, rest_span), rest.type, tuple(bindings), rest)
            whole = Span.join(st.span, rest_span)
            if isinstance(st, ast.DoBind):
                fn = self._desugar_var("bind", e.qualifier, st.span)
                partial = self.apply(fn, st.expr, st.span)
                binds: dict[str, tuple[Type, Span]] = {}
                pat = self.pattern(st.pattern, self.fresh(), binds)
                if e.qualifier is None:
                    for n, (_, sp) in binds.items():
                        self._do_name(n, sp)
                inner2: list[tuple[str, LocalVar | None]] = []
                for n, (t, sp) in binds.items():
                    self.push_local(n, LocalVar(sp, t), inner2)
                rest = self._do_from(e, i + 1, saved)
                self.pop_locals(inner2)
                lam = T.ELam(rest_span, TFun(pat.type, rest.type), (pat,), rest)
                return self.apply(partial, None, whole, lam)
            assert isinstance(st, ast.DoExpr)
            fn = self._desugar_var("discard", e.qualifier, st.span)
            partial = self.apply(fn, st.expr, st.span)
            rest = self._do_from(e, i + 1, saved)
            wild = T.PWild(st.span, self.fresh())
            lam = T.ELam(rest_span, TFun(wild.type, rest.type), (wild,), rest)
            return self.apply(partial, None, whole, lam)
        finally:
            self.depth -= 1


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
    ast.TypedHole: Inference._typed_hole,
    ast.VisibleTypeApp: Inference._visible_type_app,
    ast.Ado: Inference._ado,
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

__all__ = [
    "MAX_DEPTH",
    "DeclState",
    "InferBase",
    "Inference",
    "LocalVar",
    "TooDeep",
    "copy_poly",
    "free_cells",
    "has_skolem",
    "resolve_chain",
]


def _declares_visible(t: ast.Type) -> bool:
    """Whether a type's outer `forall` declares a variable visible (`forall @a.`)."""
    while isinstance(t, ast.TypeParen):
        t = t.type
    return isinstance(t, ast.TypeForall) and any(v.visible for v in t.vars)
