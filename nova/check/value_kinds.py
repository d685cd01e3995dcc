"""The kind check of a type that value-level inference built.

Kinds are not carried through the unification of value types (the cells of `nova.types.unify` know no kinds), so
an inferred type can be ill-kinded even though every written type was kind-checked: with
`put :: forall proxy a. proxy a -> TProxy a` and `TProxy :: Type -> Type`, `put (SProxy :: SProxy "apple")` is
inferred `TProxy "apple"`, a `Symbol` where `TProxy` wants a `Type`. PureScript, which unifies kinds while it
unifies types, rejects the program with `KindsDoNotUnify`; here the generalised type of a binding is kind-checked
once, after inference. A walk over one type: cheap, and only run for bindings inferred without a signature.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import fields, is_dataclass

from nova.check.typeconv import instantiate_kind
from nova.diagnostics import Span
from nova.types.builtin_classes import int_value, symbol_value
from nova.types.classes import substitute
from nova.types.types import (
    K_CONSTRAINT,
    K_INT,
    K_ROW,
    K_SYMBOL,
    K_TYPE,
    T_BOOLEAN,
    T_CHAR,
    T_INT,
    T_NUMBER,
    T_RECORD,
    T_STRING,
    Constraint,
    Scheme,
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
    iter_type,
    prune,
    split_app,
)
from nova.types.unify import UnifyError, unify

KindClash = tuple[Type, Type]
"""(the kind a type has, the kind its place needs)"""


ConKinds = dict[tuple[str, str], Type | None]
"""A constructor's kind when it has no kind variables (shared by every use), else None (instantiated per use); one
table serves every check of a module (the kinds of constructors do not change while it is checked)."""


def kind_clash(
    t: Type, kind_of_con: Callable[[TCon], Type | None], con_kinds: ConKinds | None = None,
    note: Callable[[TCon], object] | None = None,
) -> KindClash | None:
    """The first place where `t` puts a type of one kind where another is needed, or None when it is well-kinded
    as far as can be told (an unknown constructor or a rank-N part is taken on trust)."""
    walker = _KindWalker(kind_of_con, {} if con_kinds is None else con_kinds, note)
    try:
        k = walker.kind(t)
        unify(k, K_TYPE)
    except _Clash as clash:
        return clash.found, clash.expected
    except UnifyError:
        return None  # (the whole type's kind: a binding's type is always of kind Type, so this cannot happen)
    except RecursionError:
        return None
    return None


ClassKind = Callable[[tuple[str, str]], Type]


def written_kind(scheme: Scheme, index: int, args: list[Type]) -> Type | None:
    """The kind `scheme`'s signature wrote on its variable `index` (`t` of `forall @k (@t :: k).`), the variables
    it names replaced by the types one use gave them (`k` := `Type` after `@Type`, see `kind_arguments`). None
    when no kind was written."""
    kind = scheme.kinds[index] if index < len(scheme.kinds) else None
    return None if kind is None else substitute(kind, kind_arguments(args))


def kind_arguments(args: list[Type]) -> list[Type]:
    """The types one use gave a scheme's variables, as they stand in the kinds written on others: one still
    holding an unknown stands for a kind unknown of its own (a kind check binds no cell of value inference)."""
    given: list[Type] = []
    for a in args:
        a = prune(a)
        if type(a) is not TCon and any(type(n) is TVar for n in iter_type(a)):
            a = TVar(fresh_id(), 1 << 20)
        given.append(a)
    return given


def _expect_written_kinds(walker: _KindWalker, scheme: Scheme, args: list[Type] | None) -> None:
    """Each variable with a kind written on it has that kind; the variables it names are the types the use gave
    them, or without a use (`args` None) one kind unknown each."""
    given = kind_arguments(args) if args is not None else [walker._fresh() for _ in range(scheme.arity)]
    for i, kind in enumerate(scheme.kinds):
        if kind is not None and type(kind) is not TForall:  # (a quantified kind: checked where it is given)
            walker._expect(walker._var(("gen", i)), substitute(kind, given))


def scheme_var_kinds(scheme: Scheme, kind_of_con: Callable[[TCon], Type | None], class_kind: ClassKind,
                     con_kinds: ConKinds, note: Callable[[TCon], object] | None = None) -> list[Type] | None:
    """The kinds a scheme's variables get from its type and its constraints' classes (their kind variables left
    open), or None when the scheme is ill-kinded as far as can be told (its signature's error was reported)."""
    walker = _KindWalker(kind_of_con, con_kinds, note)
    try:
        if scheme.kinds:
            _expect_written_kinds(walker, scheme, None)
        walker._expect(walker.kind(scheme.type), K_TYPE)
        walker.constraints(scheme.constraints, class_kind)
    except (_Clash, UnifyError, RecursionError):
        return None
    return [prune(walker._var(("gen", i))) for i in range(scheme.arity)]


_PLAIN_PRIM = frozenset({T_INT, T_NUMBER, T_STRING, T_CHAR, T_BOOLEAN})
K_ROW_TYPE_TO_TYPE = TFun(TApp(K_ROW, K_TYPE), K_TYPE)


def plain_arity(kind: Type | None) -> int | None:
    """0 for `Type`, -1 for `Row Type`, n for `Type -> … -> Type` with n arrows; None for any other kind."""
    if kind is None:
        return None
    k = prune(kind)
    if k == K_TYPE:
        return 0
    if type(k) is TApp:
        assert isinstance(k, TApp)
        return -1 if prune(k.fn) == K_ROW and prune(k.arg) == K_TYPE else None
    n = 0
    while type(k) is TFun:
        assert isinstance(k, TFun)
        if prune(k.arg) != K_TYPE:
            return None
        n += 1
        k = prune(k.res)
    return n if n and k == K_TYPE else None


def plain_scheme(
    scheme: Scheme, kind_of_con: Callable[[TCon], Type | None], class_kind: ClassKind
) -> tuple[tuple[int, int], ...] | None:
    """When every variable of a scheme plainly has a kind of `Type`, `Row Type` or arrows of `Type` (then
    `kinds_matter` is False), told from where the variables stand without inference: the variables of kind `Type`
    and of arrow kinds with their number of arrows (`map`: ((0, 1), (1, 0), (2, 0))). None when that cannot be
    told this way (the full inference of `scheme_var_kinds` decides then). Most schemes are plain, and this is
    several times cheaper."""
    marks: dict[int, int] = {}
    under_heads: list[int] = []  # the variables given as arguments to a variable (`a` of `f a`)
    stack: list[tuple[Type, int]] = [(scheme.type, 0)]  # (a type, the plain arity its place wants)
    for c in scheme.constraints:
        if not _push_plain_arities(prune(class_kind((c.module, c.cls))), c.args, stack, K_CONSTRAINT):
            return None
    while stack:
        t, want = stack.pop()
        t = prune(t)
        tt = type(t)
        if tt is TGen:
            assert isinstance(t, TGen)
            if marks.setdefault(t.index, want) != want:
                return None
        elif tt is TCon:
            assert isinstance(t, TCon)
            if not (want == 0 and t in _PLAIN_PRIM) and plain_arity(kind_of_con(t)) != want:
                return None
        elif want == -1 and tt is TRow:
            assert isinstance(t, TRow)
            stack.extend((ft, 0) for _, ft in t.fields)
            if t.tail is not None:
                stack.append((t.tail, -1))
        elif want != 0:
            return None
        elif tt is TFun:
            assert isinstance(t, TFun)
            stack.append((t.arg, 0))
            stack.append((t.res, 0))
        elif tt is TApp:
            head, args = split_app(t)
            if type(head) is TGen:
                assert isinstance(head, TGen)
                if marks.setdefault(head.index, len(args)) != len(args):
                    return None
                for a in args:
                    a = prune(a)
                    if type(a) is TGen:
                        assert isinstance(a, TGen)
                        under_heads.append(a.index)
                    else:
                        stack.append((a, 0))
            elif type(head) is TCon:
                assert isinstance(head, TCon)
                k = prune(K_ROW_TYPE_TO_TYPE if head == T_RECORD else kind_of_con(head) or K_TYPE)
                if not _push_plain_arities(k, args, stack, K_TYPE):
                    return None
            else:
                return None
        else:
            return None
    # a variable given to another (`a` of `proxy a`) has whatever kind that one takes: plainly `Type` only when it
    # also stands where a `Type` is wanted (`forall f a. (a -> a) -> f a`); standing only there, it is poly-kinded
    # (`forall proxy a. proxy a -> proxy a` takes `Proxy "x"`) and inference tells the kinds
    if len(marks) != scheme.arity or any(marks[i] != 0 for i in under_heads):
        return None
    return tuple((i, n) for i, n in sorted(marks.items()) if n >= 0)


def _push_plain_arities(kind: Type, args: Iterable[Type], stack: list[tuple[Type, int]], result: Type) -> bool:
    """Push each argument with the plain arity its place in `kind` wants; False when `kind` does not take them all
    plainly to `result` (then `plain_scheme` cannot tell the kinds without inference)."""
    for arg in args:
        if type(kind) is not TFun:
            return False
        assert isinstance(kind, TFun)
        wanted = plain_arity(kind.arg)
        if wanted is None:
            return False
        stack.append((arg, wanted))
        kind = prune(kind.res)
    return kind == result


def kinds_matter(kinds: list[Type]) -> bool:
    """Whether a use of a scheme whose variables have these kinds can join types of different kinds: when a kind
    is left open (poly-kinded: `forall k (a :: k)`, a poly-kinded class's `ix`) or is not built from `Type` and
    `Row Type` alone (`Symbol`, `Int`, a declared kind). Variables of plain kinds are met by types whose own
    kinds are checked where they are written, so the uses of most functions (`map`, `bind`, record functions)
    need no check."""
    stack = list(kinds)
    while stack:
        k = prune(stack.pop())
        tk = type(k)
        if tk is TFun:
            assert isinstance(k, TFun)
            stack.append(k.arg)
            stack.append(k.res)
        elif tk is TApp:
            assert isinstance(k, TApp)
            if prune(k.fn) != K_ROW:
                return True
            stack.append(k.arg)
        elif k != K_TYPE:
            return True
    return False


def instantiation_clash(scheme: Scheme, args: list[Type], kind_of_con: Callable[[TCon], Type | None],
                        class_kind: ClassKind, con_kinds: ConKinds,
                        note: Callable[[TCon], object] | None = None) -> KindClash | None:
    """Whether the types one use of a scheme gave its variables fit together: each variable's type has its own
    kind, and the scheme's type and constraints join them (`imap :: IxFunctor f => … f x y a` with a poly-kinded
    `IxFunctor :: (ix -> ix -> Type -> Type) -> Constraint` wants `x` and `y` of one kind). PureScript unifies kinds
    as it unifies types and rejects such a use with `KindsDoNotUnify`; here the use is checked once its types are
    known, at the end of the declaration."""
    walker = _KindWalker(kind_of_con, con_kinds, note)
    try:
        walker.gen_tag = "given"
        given = [walker.kind(a) for a in args]
        walker.gen_tag = "gen"
        for i, k in enumerate(given):
            walker.var_kinds[("gen", i)] = k
        if scheme.kinds:
            _expect_written_kinds(walker, scheme, args)
        walker._expect(walker.kind(scheme.type), K_TYPE)
        walker.constraints(scheme.constraints, class_kind)
    except _Clash as clash:
        return clash.found, clash.expected
    except (UnifyError, RecursionError):
        return None
    return None


def arrow_clash(args: list[Type], arrows: tuple[tuple[int, int], ...], kind_of_con: Callable[[TCon], Type | None],
                con_kinds: ConKinds, note: Callable[[TCon], object] | None = None) -> KindClash | None:
    """Whether the types one use of a plain scheme gave its variables of kind `Type` and of arrow kinds (`proxy`
    of `forall proxy a. proxy a -> TypeTag a`, kind `Type -> Type`) have those kinds: a constructor of another kind
    given there (`proxy` := `SymbolTag` of kind `Symbol -> Type`), or a type-level string reaching an `a` of kind
    `Type` through a wildcard (`f (\a -> "") (Proxy :: _ "foo")` with `f :: (a -> b) -> f a -> f b`), is how a type
    of a wrong kind gets into a program whose written types are all well-kinded."""
    walker = _KindWalker(kind_of_con, con_kinds, note)
    try:
        for i, n in arrows:
            expected: Type = K_TYPE
            for _ in range(n):
                expected = TFun(K_TYPE, expected)
            walker._expect(walker.kind(args[i]), expected)
    except _Clash as clash:
        return clash.found, clash.expected
    except (UnifyError, RecursionError):
        return None
    return None


def _closed(kind: Type) -> bool:
    """A kind without kind variables or unknowns: one object can serve every use (unification never binds in it)."""
    stack = [kind]
    while stack:
        k = prune(stack.pop())
        tk = type(k)
        if tk is TFun:
            assert isinstance(k, TFun)
            stack.append(k.arg)
            stack.append(k.res)
        elif tk is TApp:
            assert isinstance(k, TApp)
            stack.append(k.fn)
            stack.append(k.arg)
        elif tk is not TCon:
            return False
    return True


class _Clash(Exception):
    def __init__(self, found: Type, expected: Type) -> None:
        super().__init__()
        self.found = found
        self.expected = expected


class _KindWalker:
    """Infers kinds bottom-up; each variable (quantified, rigid or unknown) gets one kind unknown."""

    __slots__ = ("con_kinds", "gen_tag", "kind_of_con", "note", "var_kinds")

    def __init__(self, kind_of_con: Callable[[TCon], Type | None], con_kinds: ConKinds,
                 note: Callable[[TCon], object] | None = None) -> None:
        self.kind_of_con = kind_of_con
        self.var_kinds: dict[tuple[str, int], Type] = {}
        self.con_kinds = con_kinds
        # told of each constructor whose kind the shared table gave: a checker records that it read the type (so
        # what a declaration read does not depend on which declarations were checked before it in the table)
        self.note = note
        self.gen_tag = "gen"  # (another while the types given to a scheme's variables are walked: see below)

    def _fresh(self) -> Type:
        return TVar(fresh_id(), 1 << 20)

    def _var(self, key: tuple[str, int]) -> Type:
        k = self.var_kinds.get(key)
        if k is None:
            k = self.var_kinds[key] = self._fresh()
        return k

    def _expect(self, found: Type, expected: Type) -> None:
        found = prune(found)
        expected = prune(expected)
        if found is expected:
            return
        if type(found) is TCon and type(expected) is TCon:
            if found == expected:
                return
            raise _Clash(found, expected)
        try:
            unify(found, expected)
        except UnifyError as err:
            # the innermost pair that differs, as PureScript names it (`Symbol` against `Type`, not
            # `Symbol -> Type` against `Type -> Type`)
            if err.kind == "mismatch" and err.left is not None and err.right is not None:
                raise _Clash(prune(err.left), prune(err.right)) from None
            raise _Clash(prune(found), prune(expected)) from None

    def _con(self, t: TCon) -> Type:
        key = (t.module, t.name)
        if key in self.con_kinds:
            shared = self.con_kinds[key]
            if shared is not None:
                if self.note is not None:
                    self.note(t)
                return shared
        else:
            if t.module == "Prim" and t.name[:1] in '"-0123456789':
                if symbol_value(t) is not None:
                    return K_SYMBOL
                if int_value(t) is not None:
                    return K_INT
            k = self.kind_of_con(t)
            if k is None:
                return self._fresh()
            mono = _closed(k)
            self.con_kinds[key] = k if mono else None
            if mono:
                return k
        k = self.kind_of_con(t)
        return self._fresh() if k is None else instantiate_kind(k)

    def constraints(self, constraints: tuple[Constraint, ...], class_kind: ClassKind) -> None:
        """Each constraint's arguments meet the parameter kinds of its class (a fresh instance of its kind)."""
        for c in constraints:
            k = prune(instantiate_kind(class_kind((c.module, c.cls))))
            for a in c.args:
                if type(k) is not TFun:
                    break
                assert isinstance(k, TFun)
                self._expect(self.kind(a), k.arg)
                k = prune(k.res)

    def kind(self, t: Type) -> Type:
        t = prune(t)
        tt = type(t)
        if tt is TCon:
            assert isinstance(t, TCon)
            return self._con(t)
        if tt is TApp:
            assert isinstance(t, TApp)
            fk = prune(self.kind(t.fn))
            ak = self.kind(t.arg)
            if type(fk) is TFun:
                assert isinstance(fk, TFun)
                self._expect(ak, fk.arg)
                return fk.res
            res = self._fresh()
            self._expect(fk, TFun(ak, res))
            return res
        if tt is TFun:
            assert isinstance(t, TFun)
            self._expect(self.kind(t.arg), K_TYPE)
            self._expect(self.kind(t.res), K_TYPE)
            return K_TYPE
        if tt is TRow:
            assert isinstance(t, TRow)
            element = self._fresh()
            for _, ft in t.fields:
                self._expect(self.kind(ft), element)
            row = TApp(K_ROW, element)
            if t.tail is not None:
                self._expect(self.kind(t.tail), row)
            return row
        if tt is TGen:
            assert isinstance(t, TGen)
            return self._var((self.gen_tag, t.index))
        if tt is TSkolem:
            assert isinstance(t, TSkolem)
            return self._var(("skolem", t.id))
        if tt is TVar:
            assert isinstance(t, TVar)
            return self._var(("cell", t.id))
        if tt is TForall:
            return K_TYPE  # (a rank-N part: its written form was kind-checked)
        return self._fresh()


def shared_kind_clash(
    uses: list[tuple[Type, ...]], kind_of_con: Callable[[TCon], Type | None], con_kinds: ConKinds,
    note: Callable[[TCon], object] | None = None,
) -> tuple[int, KindClash] | None:
    """The uses of one local binding generalised without its kinds (PureScript does not generalise the kinds of
    an inferred `let`/`where` binding: `let p = Proxy` has `forall (t :: k). Proxy t` for one unknown `k`) must
    give each of its variables types of one kind: the index of the first use whose types do not fit the kinds the
    uses before it fixed, with the two kinds, or None."""
    walker = _KindWalker(kind_of_con, con_kinds, note)
    shared: list[Type] = []
    for u, args in enumerate(uses):
        while len(shared) < len(args):
            shared.append(walker._fresh())
        try:
            for i, a in enumerate(args):
                walker._expect(walker.kind(a), shared[i])
        except _Clash as clash:
            return u, (clash.found, clash.expected)
        except (UnifyError, RecursionError):
            return None
    return None


def smallest_culprit(nodes: object, kind_of_con: Callable[[TCon], Type | None]) -> tuple[Span, KindClash] | None:
    """The smallest expression or pattern of a typed tree whose type is ill-kinded (see `kind_clash`): where the
    error is reported. Walks the whole tree, so it is run only once a binding's type is known to clash."""
    best: tuple[tuple[int, int], Span, KindClash] | None = None
    stack: list[object] = [nodes]
    while stack:
        n = stack.pop()
        if isinstance(n, (tuple, list)):
            stack.extend(n)
            continue
        if not is_dataclass(n) or isinstance(n, type):
            continue
        span = getattr(n, "span", None)
        ty = getattr(n, "type", None)
        if isinstance(span, Span) and isinstance(ty, Type):
            clash = kind_clash(ty, kind_of_con)
            if clash is not None:
                size = (span.end_line - span.start_line, span.end_col - span.start_col)
                if best is None or size < best[0]:
                    best = (size, span, clash)
        for f in fields(n):
            value = getattr(n, f.name, None)
            if isinstance(value, (tuple, list)) or (is_dataclass(value) and not isinstance(value, type)):
                stack.append(value)
    return None if best is None else (best[1], best[2])
