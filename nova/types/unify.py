"""Unification over mutable variable cells, with occurs check, level adjustment and row unification.

Levels implement generalisation without scanning the environment (Rémy): binding a variable lowers the level of
every variable in the bound type to its own, and a skolem deeper than the variable it would flow into has escaped
its signature.
"""

from __future__ import annotations

from nova.types.types import (
    T_ARROW,
    TApp,
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

RIGID_LEVEL = 1 << 30
"""The level of a skolem made while unifying two quantified types: deeper than any unknown, so an unknown that
would have to stand for it is an escape."""


class UnifyError(Exception):
    """Why two types failed to unify; the checker turns it into a diagnostic with the full types."""

    def __init__(
        self,
        kind: str,
        left: Type | None = None,
        right: Type | None = None,
        labels: tuple[str, ...] = (),
        skolem: TSkolem | None = None,
    ) -> None:
        super().__init__(kind)
        self.kind = kind  # "mismatch" | "infinite" | "escape" | "labels" (missing) | "extra" (additional)
        # | "coercible" (a mismatch found by the `Coercible` solver)
        self.left = left
        self.right = right
        self.labels = labels
        self.skolem = skolem


def flatten_row(t: Type) -> tuple[list[tuple[str, Type]], Type | None]:
    """All labels of a row (following bound tails and nested rows) and its final tail."""
    fields: list[tuple[str, Type]] = []
    tail: Type | None = prune(t)
    nested = False
    while isinstance(tail, TRow):
        if fields:
            nested = True
        fields.extend(tail.fields)
        tail = prune(tail.tail) if tail.tail is not None else None
    if nested:
        fields.sort(key=lambda f: f[0])
    return fields, tail


EMPTY_ROW = TRow((), None)


def _adjust(var: TVar, t: Type) -> None:
    """Occurs check plus level lowering plus skolem-escape check, in one walk of `t`."""
    level = var.level
    stack: list[Type] = [t]
    while stack:
        n = stack.pop()
        if type(n) is TVar and n.ref is not None:
            n = prune(n)
        tn = type(n)
        if tn is TVar:
            assert isinstance(n, TVar)
            if n is var:
                raise UnifyError("infinite", var, t)
            if n.level > level:
                n.level = level
        elif tn is TFun:
            assert isinstance(n, TFun)
            stack.append(n.arg)
            stack.append(n.res)
        elif tn is TApp:
            assert isinstance(n, TApp)
            stack.append(n.fn)
            stack.append(n.arg)
        elif tn is TRow:
            assert isinstance(n, TRow)
            for _, ft in n.fields:
                stack.append(ft)
            if n.tail is not None:
                stack.append(n.tail)
        elif tn is TSkolem:
            assert isinstance(n, TSkolem)
            if n.level > level:
                raise UnifyError("escape", var, t, skolem=n)
        elif tn is TForall:
            assert isinstance(n, TForall)
            stack.append(n.body)
            for c in n.constraints:
                stack.extend(c.args)


def bind(var: TVar, t: Type) -> None:
    if type(t) is TVar or type(t) is TCon:
        if type(t) is TVar:
            assert isinstance(t, TVar)
            if t.level > var.level:
                t.level = var.level
        var.ref = t
        return
    _adjust(var, t)
    var.ref = t


def unify(a: Type, b: Type) -> None:
    """Make `a` and `b` equal by binding variables; raises `UnifyError` (partial bindings stay, as in any HM)."""
    # (prune's work inlined for the common case: neither side is a bound cell)
    if type(a) is TVar and a.ref is not None:
        a = prune(a)
    if type(b) is TVar and b.ref is not None:
        b = prune(b)
    if a is b:
        return
    ta = type(a)
    tb = type(b)
    if ta is TVar:
        assert isinstance(a, TVar)
        bind(a, b)
        return
    if tb is TVar:
        assert isinstance(b, TVar)
        bind(b, a)
        return
    if ta is TFun and tb is TFun:
        assert isinstance(a, TFun) and isinstance(b, TFun)
        unify(a.arg, b.arg)
        unify(a.res, b.res)
        return
    if ta is TCon and tb is TCon:
        if a == b:
            return
        raise UnifyError("mismatch", a, b)
    if ta is TApp and tb is TApp:
        assert isinstance(a, TApp) and isinstance(b, TApp)
        unify(a.fn, b.fn)
        fn = a.fn if type(a.fn) is not TVar else prune(a.fn)
        if type(fn) is TCon and fn.name == "Record" and fn.module == "Prim":
            _unify_record_rows(a.arg, b.arg)
        else:
            unify(a.arg, b.arg)
        return
    if ta is TFun and tb is TApp:
        assert isinstance(a, TFun)
        unify(TApp(TApp(T_ARROW, a.arg), a.res), b)
        return
    if ta is TApp and tb is TFun:
        assert isinstance(b, TFun)
        unify(a, TApp(TApp(T_ARROW, b.arg), b.res))
        return
    if ta is TRow and tb is TRow:
        try:
            unify_rows(a, b)
        except UnifyError as err:
            if err.kind in ("labels", "extra"):
                # only a record's row tells a missing label from an extra one (PureScript's PropertyIsMissing and
                # AdditionalProperty); any other row that fails to match is a plain mismatch of the two rows
                raise UnifyError("mismatch", a, b) from None
            raise
        return
    if ta is TSkolem and tb is TSkolem:
        if a == b:
            return
        raise UnifyError("mismatch", a, b)
    if ta is TGen and tb is TGen and a == b:
        return
    if ta is TForall or tb is TForall:
        _unify_forall(a, b)
        return
    raise UnifyError("mismatch", a, b)


def _unify_forall(a: Type, b: Type) -> None:
    """Quantified types unify when their bodies do for the same rigid variables; a quantified type and a plain one
    when the body does for rigid variables (so `forall a. a -> a` is not `Int -> Int`), as PureScript unifies."""
    if type(a) is TForall and type(b) is TForall:
        assert isinstance(a, TForall) and isinstance(b, TForall)
        if len(a.vars) != len(b.vars) or len(a.constraints) != len(b.constraints):
            raise UnifyError("mismatch", a, b)
        rigid: list[Type] = [TSkolem(n, fresh_id(), RIGID_LEVEL) for n in a.vars]
        ca, ba = open_forall(a, rigid)
        cb, bb = open_forall(b, rigid)
        for x, y in zip(ca, cb, strict=True):
            if x.module != y.module or x.cls != y.cls or len(x.args) != len(y.args):
                raise UnifyError("mismatch", a, b)
            for xa, ya in zip(x.args, y.args, strict=True):
                unify(xa, ya)
        unify(ba, bb)
        return
    poly, other = (a, b) if type(a) is TForall else (b, a)
    assert isinstance(poly, TForall)
    if poly.constraints:
        raise UnifyError("mismatch", a, b)
    _, body = open_forall(poly, [TSkolem(n, fresh_id(), RIGID_LEVEL) for n in poly.vars])
    if poly is a:
        unify(body, other)
    else:
        unify(other, body)


def _unify_tail(tail: Type | None, fields: list[tuple[str, Type]], rest: Type | None, other_side: Type) -> None:
    """Make `tail` equal to the row `(fields | rest)`."""
    if tail is None:
        if fields:
            raise UnifyError("labels", other_side, None, labels=tuple(f for f, _ in fields))
        if rest is None:
            return
        unify(rest, EMPTY_ROW)
        return
    target: Type = TRow(tuple(fields), rest) if fields else (rest if rest is not None else EMPTY_ROW)
    unify(tail, target)


def _unify_record_rows(a: Type, b: Type) -> None:
    """The rows of two records: labels one lacks or has in excess are reported as such."""
    if type(a) is TVar and a.ref is not None:
        a = prune(a)
    if type(b) is TVar and b.ref is not None:
        b = prune(b)
    if type(a) is TRow and type(b) is TRow:
        unify_rows(a, b)
    else:
        unify(a, b)


def unify_rows(a: Type, b: Type) -> None:
    fa, ta = flatten_row(a)
    fb, tb = flatten_row(b)
    only_a: list[tuple[str, Type]] = []
    only_b: list[tuple[str, Type]] = []
    i = j = 0
    while i < len(fa) and j < len(fb):
        la, lb = fa[i][0], fb[j][0]
        if la == lb:
            unify(fa[i][1], fb[j][1])
            i += 1
            j += 1
        elif la < lb:
            only_a.append(fa[i])
            i += 1
        else:
            only_b.append(fb[j])
            j += 1
    only_a.extend(fa[i:])
    only_b.extend(fb[j:])
    if not only_a and not only_b:
        if ta is None and tb is None:
            return
        if ta is None:
            _unify_tail(tb, [], None, a)
        elif tb is None:
            _unify_tail(ta, [], None, b)
        else:
            unify(ta, tb)
        return
    if not only_a:
        # b has labels a lacks: a's tail must provide them
        if ta is None:
            raise UnifyError("labels", a, b, labels=tuple(f for f, _ in only_b))
        _unify_tail(ta, only_b, tb, b)
        return
    if not only_b:
        if tb is None:
            raise UnifyError("extra", a, b, labels=tuple(f for f, _ in only_a))
        _unify_tail(tb, only_a, ta, a)
        return
    if ta is None:
        raise UnifyError("labels", a, b, labels=tuple(f for f, _ in only_b))
    if tb is None:
        raise UnifyError("extra", a, b, labels=tuple(f for f, _ in only_a))
    if ta is tb:
        raise UnifyError("mismatch", a, b)
    level = min(ta.level if isinstance(ta, TVar) else 1 << 30, tb.level if isinstance(tb, TVar) else 1 << 30)
    if level == 1 << 30:
        raise UnifyError("mismatch", a, b)
    rho = TVar(fresh_id(), level)
    unify(ta, TRow(tuple(only_b), rho))
    unify(tb, TRow(tuple(only_a), rho))
