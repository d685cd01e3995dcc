"""Translating written types (syntax) into checker types, with lenient kind inference and synonym expansion."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from nova import keys
from nova.check.env import TypeInfo
from nova.diagnostics import Diagnostic, Severity, Span
from nova.syntax import Fixity, ast, resolve_operators
from nova.syntax.walk import first_node
from nova.types.classes import substitute
from nova.types.pretty import KindNamer, Namer, print_kind, print_kinds
from nova.types.types import (
    K_INT,
    K_ROW,
    K_SYMBOL,
    K_TYPE,
    T_ARROW,
    T_RECORD,
    Constraint,
    TApp,
    TBound,
    TCon,
    TForall,
    TFun,
    TGen,
    TRow,
    TSkolem,
    TVar,
    Type,
    fresh_id,
    open_forall,
    prune,
)
from nova.types.unify import UnifyError, unify

MAX_TYPE_DEPTH = 300


@dataclass(slots=True)
class TypeVarEntry:
    type: Type
    kind: Type


class TypeScopeError(Exception):
    pass


class TypeTranslator:
    """Translates one written type. `tvars` maps in-scope variable names to types (and kinds);
    `on_free` decides what a variable not in scope becomes (None: an error); `fixities` are the operator fixities
    in scope (type operators under `type:op`), which re-associate type-level operator chains."""

    def __init__(
        self,
        lookup_type: Callable[[ast.TypeCon | ast.TypeOperator], TypeInfo | None],
        lookup_class: Callable[[ast.Name], tuple[str, str] | None],
        class_kind: Callable[[tuple[str, str]], Type],
        diags: list[Diagnostic],
        tvars: dict[str, TypeVarEntry],
        on_free: Callable[[str], TypeVarEntry] | None,
        fixities: Mapping[str, Fixity] | None = None,
    ) -> None:
        self.lookup_type = lookup_type
        self.lookup_class = lookup_class
        self.class_kind = class_kind
        self.diags = diags
        self.tvars = tvars
        self.on_free = on_free
        self.fixities: Mapping[str, Fixity] = fixities if fixities is not None else {}
        self.depth = 0
        # display mode: synonyms stay applied and constructors keep the name they were written with (a type for
        # printing only); `saw_sugar` tells whether a type needs a display form at all
        self.keep_synonyms = False
        self.saw_sugar = False
        # how a `forall` binds its variables in a kind signature (as the kind scheme's own): None elsewhere, where a
        # `forall` below the top of a signature makes a quantified type
        self.quantify: Callable[[str], TypeVarEntry] | None = None
        # the unknowns wildcards `_` (and type holes `?name`, named wildcards) became, with their spans and names,
        # when the caller reports what they were inferred to be (PureScript's WildcardInferredType and
        # HoleInferredType); None: not recorded
        self.wildcards: list[tuple[TVar, Span, str | None]] | None = None
        # False where PureScript's grammar has no wildcards (declarations of types, classes, instances, foreign
        # values): one there is an error, as PureScript's parser reports it
        self.allow_wildcards = True
        # the code of that error: PureScript's parser refuses a wildcard, except in an instance head, where the
        # type checker does (`InvalidInstanceHead`)
        self.wildcard_code = "SyntaxError"
        # > 0 while translating the arguments of a synonym being expanded: a synonym there may be partially applied
        # (`Apply F Int` with `type Apply f a = f a`), as PureScript expands synonyms from the outside in; such
        # a synonym becomes a placeholder cell, keyed here by its id, replaced once the outer body gives it its
        # remaining arguments (still short of them at the outermost synonym: `PartiallyAppliedSynonym`)
        self._synonym_args = 0
        # when recorded (a data declaration's fields): each `forall` variable's name, kind and binder span, so the
        # caller can reject one whose kind nothing determines (PureScript's QuantificationCheckFailureInType)
        self.forall_kinds: list[tuple[str, Type, Span]] | None = None
        self._partial: dict[int, tuple[TypeInfo, list[Type], Span]] = {}
        # where `PartiallyAppliedSynonym` was reported: the kind errors of the types around it follow from it
        # (`Id Endo` is one error in PureScript, not also a kind mismatch)
        self._partial_spans: list[Span] = []
        # where a synonym was written without any of its arguments (reported as `PartiallyAppliedSynonym`)
        self._bare_spans: list[Span] = []

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.diags

    def error(self, span: Span, code: str, message: str) -> None:
        self.diags.append(Diagnostic(span, Severity.ERROR, code, message))

    def kind_unify(self, found: Type, expected: Type, span: Span) -> bool:
        """Unify the kind a type has with the kind its place needs; a failure is reported at `span`."""
        try:
            unify(found, expected)
            return True
        except UnifyError as err:
            self.kind_error(err, found, expected, span)
            return False

    def _drop_bare_synonyms(self, span: Span) -> None:
        """A kind error about a type holding synonyms written without arguments replaces their
        `PartiallyAppliedSynonym`: PureScript's kind check runs first and stops there."""
        inside = [b for b in self._bare_spans if _within(b, span)]
        if inside:
            self._bare_spans = [b for b in self._bare_spans if b not in inside]
            self.diags[:] = [d for d in self.diags if not (d.code == "PartiallyAppliedSynonym" and d.span in inside)]

    def kind_error(self, err: UnifyError, found: Type, expected: Type, span: Span) -> None:
        if any(_within(p, span) for p in self._partial_spans):
            return
        if self._bare_spans:
            self._drop_bare_synonyms(span)
        if err.kind == "infinite":
            namer = KindNamer()
            self.error(
                span,
                "InfiniteKind",
                f"An infinite kind was inferred for a type: `{print_kind(found, namer)}` would have to contain "
                f"itself (`{print_kind(expected, namer)}`).",
            )
            return
        # the innermost pair that differs, as PureScript names it, unless that is an arrow kind cut in half
        # (`Function (Row Type)` against `Row`: the whole kinds say it)
        if (
            err.kind == "mismatch"
            and err.left is not None
            and err.right is not None
            and not (_half_arrow(err.left) or _half_arrow(err.right))
        ):
            found, expected = err.left, err.right
        shown_found, shown_expected = print_kinds(found, expected)
        self.error(
            span,
            "KindsDoNotUnify",
            f"Could not match kind `{shown_found}` with kind `{shown_expected}`.",
        )

    def kind(self, t: ast.Type) -> Type:
        """A written kind (`Type -> Type`, `Row k`, `forall k. k -> Type`): kinds are types of kind `Type`; a
        constraint in one (`Ok => Type`) is PureScript's `UnsupportedTypeInKind`."""
        constrained = first_node(t, ast.TypeConstrained)
        if constrained is not None:
            self.error(constrained.span, "UnsupportedTypeInKind", "A constrained type is not supported in a kind.")
        ty, k = self.go(t)
        self.kind_unify(k, K_TYPE, t.span)
        return ty

    def constraint(self, c: ast.Constraint) -> Constraint | None:
        ref = self.lookup_class(c.class_name)
        if ref is None:
            return None
        return self.class_args(ref, c.class_name.full, c.args, c.span)

    def class_args(
        self, ref: tuple[str, str], name: str, written: tuple[ast.Type, ...], span: Span
    ) -> Constraint | None:
        """`Class t1 … tn` (a constraint or an instance head): each argument checked against the class's kind
        (whose quantified kind variables are instantiated afresh here)."""
        kind = instantiate_kind(self.class_kind(ref))
        expected: list[Type] = []
        while isinstance(kind, TFun):
            expected.append(kind.arg)
            kind = prune(kind.res)
        if not isinstance(kind, TVar) and len(written) != len(expected):
            n = len(expected)
            self.error(
                span,
                "ClassInstanceArityMismatch",
                f"Class `{name}` takes {n} type argument{'s' if n != 1 else ''}, not {len(written)}.",
            )
            for a in written:
                self.go(a)
            return None
        args: list[Type] = []
        for i, a in enumerate(written):
            t, k = self.go(a)
            if i < len(expected):
                self.kind_unify(k, expected[i], a.span)
            args.append(t)
        return Constraint(ref[0], ref[1], tuple(args))

    def type_of_kind(self, t: ast.Type, kind: Type = K_TYPE) -> Type:
        ty, k = self.go(t)
        self.kind_unify(k, kind, t.span)
        return ty

    def value_type(self, t: ast.Type) -> Type:
        """The type of a value (a signature's body): one whose kind is known and is not `Type` (`x :: List`) is
        PureScript's ExpectedType, a mismatch inside it the usual KindsDoNotUnify."""
        ty, k = self.go(t)
        pk = prune(k)
        if type(pk) is not TVar and not (type(pk) is TCon and pk == K_TYPE):
            try:
                unify(pk, K_TYPE)
            except UnifyError:
                if not any(_within(p, t.span) for p in self._partial_spans):
                    if self._bare_spans:
                        self._drop_bare_synonyms(t.span)
                    self.error(
                        t.span,
                        "ExpectedType",
                        f"The type of a value must have kind `Type`, but this type has kind "
                        f"`{print_kind(pk, KindNamer())}`.",
                    )
                return ty
            return ty
        self.kind_unify(k, K_TYPE, t.span)
        return ty

    def go(self, t: ast.Type) -> tuple[Type, Type]:
        self.depth += 1
        try:
            if self.depth > MAX_TYPE_DEPTH:
                self.error(t.span, "TooDeep", "Type nested too deeply.")
                return TVar(fresh_id(), 1 << 20), TVar(fresh_id(), 1 << 20)
            return self._go(t)
        finally:
            self.depth -= 1

    def _var(self, name: str, span: Span) -> tuple[Type, Type]:
        e = self.tvars.get(name)
        if e is None:
            if self.on_free is None:
                self.error(span, "UndefinedTypeVariable", f"Type variable `{name}` is undefined.")
                kv = TVar(fresh_id(), 1 << 20)
                return TVar(fresh_id(), 1 << 20), kv
            e = self.on_free(name)
            self.tvars[name] = e
        return e.type, e.kind

    def _go(self, t: ast.Type) -> tuple[Type, Type]:
        if isinstance(t, ast.TypeParen):
            return self.go(t.type)
        if isinstance(t, ast.TypeVar):
            return self._var(t.name, t.span)
        if isinstance(t, (ast.TypeWildcard, ast.TypeHole)):
            cell = TVar(fresh_id(), 1 << 20)
            hole = t.name if isinstance(t, ast.TypeHole) else None
            if not self.allow_wildcards:
                what = "wildcard" if hole is None else "type hole"
                self.error(
                    t.span,
                    self.wildcard_code,
                    f"Unexpected {what} in type; type wildcards are only allowed in value annotations.",
                )
            if self.wildcards is not None:
                self.wildcards.append((cell, t.span, hole))
            return cell, TVar(fresh_id(), 1 << 20)
        if isinstance(t, ast.TypeFun):
            a = self.type_of_kind(t.arg)
            r = self.type_of_kind(t.result)
            return TFun(a, r), K_TYPE
        if isinstance(t, ast.TypeRecord):
            return TApp(T_RECORD, self.row(t.row, K_TYPE)), K_TYPE
        if isinstance(t, ast.TypeRow):
            elem: Type = TVar(fresh_id(), 1 << 20)
            return self.row(t.row, elem), TApp(K_ROW, elem)
        if isinstance(t, ast.TypeKinded):
            ty, k = self.go(t.type)
            written = self.kind(t.kind)
            self.kind_unify(k, written, t.type.span)
            return ty, written
        if isinstance(t, ast.TypeForall):
            return self._forall(t)
        if isinstance(t, ast.TypeConstrained):
            constraints, body = self._constrained(t)
            bt, bk = self.go(body)
            return TForall((), constraints, bt), bk
        if isinstance(t, (ast.TypeApp, ast.TypeCon, ast.TypeBinOp, ast.TypeOperator)):
            return self.app(t)
        if isinstance(t, ast.TypeOpChain):
            tree, diags = resolve_operators(t.operands, t.operators, self.fixities, _type_binop, keys.TYPE_PREFIX)
            self.diags.extend(diags)
            return self.go(tree)
        if isinstance(t, ast.TypeArrow):
            return T_ARROW, TFun(K_TYPE, TFun(K_TYPE, K_TYPE))
        if isinstance(t, ast.TypeString):
            # type-level literals: a constructor named by the literal (`"abc" :: Symbol`, `42 :: Int`)
            return TCon(json.dumps(t.value)), K_SYMBOL
        if isinstance(t, ast.TypeInt):
            return TCon(str(t.value)), K_INT
        return TVar(fresh_id(), 1 << 20), TVar(fresh_id(), 1 << 20)

    def _forall(self, t: ast.TypeForall) -> tuple[Type, Type]:
        """`forall a b. C a => body` below the top of a signature: a quantified type (rank-N). In a kind signature
        (`quantify` given) the variables are the kind scheme's own instead."""
        saved = {b.name: self.tvars.get(b.name) for b in t.vars}
        names: list[str] = []
        try:
            for b in t.vars:
                if self.quantify is not None:
                    entry = self.quantify(b.name)
                else:
                    entry = TypeVarEntry(TBound(b.name), TVar(fresh_id(), 1 << 20))
                    if b.name not in names:
                        names.append(b.name)
                    if self.forall_kinds is not None:
                        self.forall_kinds.append((b.name, entry.kind, b.span))
                if b.kind is not None:  # (in the scope of the binders before it: `forall k (a :: k).`)
                    self.kind_unify(entry.kind, self.kind(b.kind), b.kind.span)
                self.tvars[b.name] = entry
            body = t.body
            while isinstance(body, ast.TypeParen) and isinstance(body.type, (ast.TypeConstrained, ast.TypeForall)):
                body = body.type
            constraints: tuple[Constraint, ...] = ()
            if isinstance(body, ast.TypeConstrained):
                constraints, body = self._constrained(body)
            quantify = self.quantify
            if quantify is not None and not isinstance(body, ast.TypeForall):
                self.quantify = None  # (only a kind signature's leading `forall`s are its own)
            try:
                bt, bk = self.go(body)
            finally:
                self.quantify = quantify
            if not names and not constraints:
                return bt, bk
            return TForall(tuple(names), constraints, bt), bk
        finally:
            for n, old in saved.items():
                if old is None:
                    self.tvars.pop(n, None)
                else:
                    self.tvars[n] = old

    def _constrained(self, t: ast.TypeConstrained) -> tuple[tuple[Constraint, ...], ast.Type]:
        """The constraints of `C a => D b => body` and the body."""
        out: list[Constraint] = []
        body: ast.Type = t
        while True:
            while isinstance(body, ast.TypeParen) and isinstance(body.type, ast.TypeConstrained):
                body = body.type
            if not isinstance(body, ast.TypeConstrained):
                return tuple(out), body
            for c in body.constraints:
                got = self.constraint(c)
                if got is not None:
                    out.append(got)
            body = body.body

    def row(self, row: ast.Row, elem: Type) -> Type:
        """A row whose entries all have kind `elem` (rows of any kind: `( a :: "x" )` is a `Row Symbol`)."""
        fields: list[tuple[str, Type]] = []
        for f in row.fields:
            fields.append((f.label, self.type_of_kind(f.type, elem)))
        if any(fields[i][0] > fields[i + 1][0] for i in range(len(fields) - 1)):
            self.saw_sugar = True
            if not self.keep_synonyms:  # (a display type keeps the written order)
                fields.sort(key=lambda x: x[0])
        tail: Type | None = None
        if row.tail is not None:
            tail = self.type_of_kind(row.tail, TApp(K_ROW, elem))
            if not fields and not self.keep_synonyms:
                # `( | r )` is the row `r` itself (`{ | r }` is `Record r`): an instance head or a given written
                # either way matches a constraint on the other
                return tail
        return TRow(tuple(fields), tail)

    def app(self, t: ast.Type) -> tuple[Type, Type]:
        args: list[ast.Type] = []
        head: Any = t
        while True:
            if isinstance(head, ast.TypeApp):
                args.append(head.arg)
                head = head.fn
            elif isinstance(head, ast.TypeParen) and isinstance(head.type, (ast.TypeApp, ast.TypeCon)):
                head = head.type
            else:
                break
        args.reverse()
        if isinstance(head, ast.TypeBinOp):
            args = [head.left, head.right, *args]
            head = head.op
        if isinstance(head, (ast.TypeCon, ast.TypeOperator)):
            info = self.lookup_type(head)
            if info is None:
                hk: Type = TVar(fresh_id(), 1 << 20)
                ht: Type = TVar(fresh_id(), 1 << 20)
                for a in args:
                    self.go(a)
                return ht, hk
            written = shown_name(head, info, len(args))
            if info.synonym is not None or written != info.name:
                self.saw_sugar = True
            if info.synonym is not None and self.keep_synonyms:
                shown: Type = TCon(written, info.module)
                kind = instantiate_kind(info.kind)
                for a in args:
                    at, ak = self.go(a)
                    shown = TApp(shown, at)
                    kind = self._apply_kind(kind, ak, a.span)
                return shown, kind
            if info.synonym is not None:
                n = len(info.params)
                if len(args) < n and self._synonym_args > 0:
                    return self._partial_synonym(info, args, t.span)
                if len(args) < n:
                    self.error(
                        t.span,
                        "PartiallyAppliedSynonym",
                        f"Type synonym `{info.name}` needs {n} argument{'s' if n != 1 else ''}.",
                    )
                    if not args:
                        # a synonym written without arguments keeps its kind, which PureScript checks before it
                        # expands synonyms: where that kind does not fit (`{ | Fields }` with `type Fields r = …`),
                        # the kind error is reported instead (see `_drop_bare_synonyms`)
                        self._bare_spans.append(t.span)
                        return TVar(fresh_id(), 1 << 20), instantiate_kind(info.kind)
                    return TVar(fresh_id(), 1 << 20), TVar(fresh_id(), 1 << 20)
                actual: list[Type] = []
                kind = instantiate_kind(info.kind)
                self._synonym_args += 1
                try:
                    for a in args[:n]:
                        at, ak = self.go(a)
                        actual.append(at)
                        kind = self._apply_kind(kind, ak, a.span)
                finally:
                    self._synonym_args -= 1
                ty = substitute(info.synonym, actual)
                for a in args[n:]:
                    at, ak = self.go(a)
                    ty = TApp(ty, at)
                    kind = self._apply_kind(kind, ak, a.span)
                if self._partial:
                    ty = self._saturate(ty)
                    if self._synonym_args == 0:
                        self._report_partial(ty)
                return ty, kind
            ty = TCon(written if self.keep_synonyms else info.name, info.module)
            kind = instantiate_kind(info.kind)
        else:
            ty, kind = self.go(head)
        for a in args:
            at, ak = self.go(a)
            ty = TApp(ty, at)
            kind = self._apply_kind(kind, ak, a.span)
        return _normalise_fun(ty), kind

    def _partial_synonym(self, info: TypeInfo, args: list[ast.Type], span: Span) -> tuple[Type, Type]:
        """A synonym short of arguments inside another synonym's arguments: a placeholder (see `_partial`)."""
        given: list[Type] = []
        kind = instantiate_kind(info.kind)
        for a in args:
            at, ak = self.go(a)
            given.append(at)
            kind = self._apply_kind(kind, ak, a.span)
        cell = TVar(fresh_id(), 1 << 20)
        self._partial[cell.id] = (info, given, span)
        return cell, kind

    def _saturate(self, t: Type) -> Type:
        """`t` with every placeholder applied to enough arguments replaced by its synonym's expansion."""
        t = prune(t)
        if isinstance(t, TApp):
            head: Type = t
            spine: list[Type] = []
            while isinstance(head, TApp):
                spine.append(head.arg)
                head = prune(head.fn)
            spine.reverse()
            entry = self._partial.get(head.id) if isinstance(head, TVar) else None
            if entry is not None:
                info, given, _ = entry
                need = len(info.params) - len(given)
                if len(spine) >= need and info.synonym is not None:
                    out = substitute(info.synonym, [*given, *spine[:need]])
                    for extra in spine[need:]:
                        out = TApp(out, extra)
                    return self._saturate(out)
            return _normalise_fun(TApp(self._saturate(t.fn), self._saturate(t.arg)))
        if isinstance(t, TFun):
            return TFun(self._saturate(t.arg), self._saturate(t.res))
        if isinstance(t, TRow):
            tail = self._saturate(t.tail) if t.tail is not None else None
            return TRow(tuple((label, self._saturate(ft)) for label, ft in t.fields), tail)
        if isinstance(t, TForall):
            constraints = tuple(
                Constraint(c.module, c.cls, tuple(self._saturate(a) for a in c.args)) for c in t.constraints
            )
            return TForall(t.vars, constraints, self._saturate(t.body))
        return t

    def _report_partial(self, t: Type) -> None:
        """Placeholders left in an outermost synonym's expansion were never given all their arguments."""
        stack = [t]
        while stack:
            u = prune(stack.pop())
            if isinstance(u, TVar):
                entry = self._partial.pop(u.id, None)
                if entry is not None:
                    info, _, span = entry
                    n = len(info.params)
                    self._partial_spans.append(span)
                    self.error(
                        span,
                        "PartiallyAppliedSynonym",
                        f"Type synonym `{info.name}` needs {n} argument{'s' if n != 1 else ''}.",
                    )
            elif isinstance(u, (TApp, TFun)):
                stack += [u.fn, u.arg] if isinstance(u, TApp) else [u.arg, u.res]
            elif isinstance(u, TRow):
                stack += [ft for _, ft in u.fields]
                if u.tail is not None:
                    stack.append(u.tail)
            elif isinstance(u, TForall):
                stack.append(u.body)
                stack += [a for c in u.constraints for a in c.args]

    def _apply_kind(self, fk: Type, ak: Type, span: Span) -> Type:
        fk = prune(fk)
        if isinstance(fk, TForall) and not fk.constraints:
            # a quantified kind (`f :: forall k. k -> k`) is instantiated at each application
            fk = prune(open_forall(fk, [TVar(fresh_id(), 1 << 20) for _ in fk.vars])[1])
        if isinstance(fk, TFun):
            self.kind_unify(ak, argument_kind(fk.arg), span)
            return fk.res
        res = TVar(fresh_id(), 1 << 20)
        self.kind_unify(fk, TFun(ak, res), span)
        return res


def argument_kind(want: Type) -> Type:
    """The kind a type given for a variable of kind `want` must have: an argument of a quantified kind must be that
    polymorphic, so its kind meets the body over rigid variables (`Id`, of kind `k -> k` for any `k`, fits
    `forall k. k -> k`)."""
    want = prune(want)
    if isinstance(want, TForall) and not want.constraints:
        return open_forall(want, [TSkolem(v, fresh_id(), 0) for v in want.vars])[1]
    return want


def _half_arrow(k: Type) -> bool:
    """`Function a` alone: the left half of an arrow kind, as unification splits one."""
    k = prune(k)
    return isinstance(k, TApp) and prune(k.fn) == T_ARROW


def _within(inner: Span, outer: Span) -> bool:
    return (outer.start_line, outer.start_col) <= (inner.start_line, inner.start_col) and (
        inner.end_line,
        inner.end_col,
    ) <= (outer.end_line, outer.end_col)


def shown_name(head: ast.TypeCon | ast.TypeOperator, info: TypeInfo, arity: int) -> str:
    """The name a written type constructor or operator keeps in a display type: a constructor as written (`M.Map`),
    an operator between two operands too (printed infix: `f ~> g`, `a /\\ b`), else the name it stands for."""
    if isinstance(head, ast.TypeCon) or (arity == 2 and info.name != T_ARROW.name):
        return head.full
    return info.name


def _type_binop(op: ast.TypeOperator, left: ast.Type, right: ast.Type) -> ast.Type:
    return ast.TypeBinOp(Span.join(left.span, right.span), op, left, right)


def _normalise_fun(t: Type) -> Type:
    if isinstance(t, TApp) and isinstance(t.fn, TApp) and prune(t.fn.fn) == T_ARROW:
        return TFun(t.fn.arg, t.arg)
    return t


def default_kind(k: Type) -> Type:
    """Unsolved kind variables default to `Type` (kinds are inferred leniently, without kind polymorphism)."""
    k = prune(k)
    if isinstance(k, TVar):
        k.ref = K_TYPE
        return K_TYPE
    if isinstance(k, TFun):
        return TFun(default_kind(k.arg), default_kind(k.res))
    if isinstance(k, TApp):
        return TApp(default_kind(k.fn), default_kind(k.arg))
    return k


def gen_entries(names: list[str]) -> dict[str, TypeVarEntry]:
    return {n: TypeVarEntry(TGen(i), TVar(fresh_id(), 0)) for i, n in enumerate(names)}


__all__ = ["Namer", "TypeTranslator", "TypeVarEntry", "default_kind", "gen_entries"]



def instantiate_kind(kind: Type) -> Type:
    """A stored (generalised) kind with its quantified kind variables replaced by fresh unknowns: each use of a
    poly-kinded constructor (`Proxy :: forall k. k -> Type`) picks its own `k`."""
    kind = prune(kind)
    if type(kind) is TCon:
        return kind
    gens = _max_gen(kind)
    if gens < 0:
        return kind
    fresh: list[Type] = [TVar(fresh_id(), 1 << 20) for _ in range(gens + 1)]
    return substitute(kind, fresh)


def _max_gen(kind: Type) -> int:
    """The largest quantified kind variable's index in a kind (-1 when there is none)."""
    top = -1
    stack = [kind]
    while stack:
        k = prune(stack.pop())
        if isinstance(k, TGen):
            top = max(top, k.index)
        elif isinstance(k, TFun):
            stack += [k.arg, k.res]
        elif isinstance(k, TApp):
            stack += [k.fn, k.arg]
    return top

