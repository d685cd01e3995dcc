"""The classes the compiler solves (PureScript's `Prim.*` classes, `IsSymbol`, `Reflectable`), as solvers.

A solver looks at a constraint's arguments and, when it can tell, answers with the arguments the constraint holds
at (its known arguments, and the ones it computes) plus the evidence; the answer is then matched like a given, so
the class's functional dependencies fill in the computed arguments (`Append "a" "b" t` improves `t` to `"ab"`).
`None` means it cannot tell yet (an argument is still unknown): the constraint waits, and is reported when it
stays unsolved.

Type-level strings and integers are type constructors named by the literal (see `symbol_value`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Protocol

from nova.types.evidence import BuiltinEv
from nova.types.types import (
    T_BOOLEAN,
    T_INT,
    T_STRING,
    Constraint,
    TApp,
    TCon,
    TForall,
    TRow,
    TSkolem,
    TVar,
    Type,
    fresh_id,
    iter_type,
    open_forall,
    prune,
)
from nova.types.unify import flatten_row

Fundep = tuple[tuple[int, ...], tuple[int, ...]]

PRIM_ROW = "Prim.Row"
PRIM_ROWLIST = "Prim.RowList"
PRIM_SYMBOL = "Prim.Symbol"
PRIM_INT = "Prim.Int"
PRIM_ORDERING = "Prim.Ordering"
PRIM_BOOLEAN = "Prim.Boolean"
PRIM_TYPEERROR = "Prim.TypeError"
PRIM_COERCE = "Prim.Coerce"
DATA_SYMBOL = "Data.Symbol"
DATA_REFLECTABLE = "Data.Reflectable"


# ---------------------------------------------------------------------------------------------- literals
def symbol_value(t: Type) -> str | None:
    """The text of a type-level string (`"abc"`), else None."""
    t = prune(t)
    if isinstance(t, TCon) and t.module == "Prim" and t.name[:1] == '"':
        try:
            value = json.loads(t.name)
        except ValueError:
            return None
        return value if isinstance(value, str) else None
    return None


def int_value(t: Type) -> int | None:
    """The value of a type-level integer (`42`, `-1`), else None."""
    t = prune(t)
    if isinstance(t, TCon) and t.module == "Prim":
        text = t.name[1:] if t.name[:1] == "-" else t.name
        if text.isdigit():
            return int(t.name)
    return None


def symbol(text: str) -> Type:
    return TCon(json.dumps(text))


def integer(n: int) -> Type:
    return TCon(str(n))


def ordering_type(sign: int) -> Type:
    """`Prim.Ordering.LT`, `EQ` or `GT` (the type-level ordering) for a comparison's sign."""
    return TCon("LT" if sign < 0 else "GT" if sign > 0 else "EQ", PRIM_ORDERING)


def _ordering_name(t: Type) -> str | None:
    t = prune(t)
    if isinstance(t, TCon) and t.module == PRIM_ORDERING and t.name in ("LT", "EQ", "GT"):
        return t.name
    return None


def _boolean_value(t: Type) -> bool | None:
    t = prune(t)
    if isinstance(t, TCon) and t.module == PRIM_BOOLEAN and t.name in ("True", "False"):
        return t.name == "True"
    return None


# ---------------------------------------------------------------------------------------------- answers
Answer = tuple[tuple[Type, ...], BuiltinEv, tuple[Constraint, ...]]
Solver = Callable[[tuple[Type, ...], list[Any]], list[Answer] | None]


def _empty(module: str, cls: str, args: tuple[Type, ...], context: tuple[Constraint, ...] = ()) -> list[Answer]:
    return [(args, BuiltinEv(module, cls), context)]


def _compare(a: Any, b: Any) -> int:
    return -1 if a < b else 1 if a > b else 0


# -- Data.Symbol / Data.Reflectable
def solve_is_symbol(args: tuple[Type, ...], givens: list[Any]) -> list[Answer] | None:
    text = symbol_value(args[0])
    if text is None:
        return None
    return [((args[0],), BuiltinEv(DATA_SYMBOL, "IsSymbol", text), ())]


def solve_reflectable(args: tuple[Type, ...], givens: list[Any]) -> list[Answer] | None:
    v = args[0]
    text = symbol_value(v)
    if text is not None:
        return [((v, T_STRING), BuiltinEv(DATA_REFLECTABLE, "Reflectable", text), ())]
    n = int_value(v)
    if n is not None:
        return [((v, T_INT), BuiltinEv(DATA_REFLECTABLE, "Reflectable", n), ())]
    b = _boolean_value(v)
    if b is not None:
        return [((v, T_BOOLEAN), BuiltinEv(DATA_REFLECTABLE, "Reflectable", b), ())]
    o = _ordering_name(v)
    if o is not None:
        ordering = TCon("Ordering", "Data.Ordering")
        return [((v, ordering), BuiltinEv(DATA_REFLECTABLE, "Reflectable", o, ordering=True), ())]
    return None


# -- Prim.Symbol
def solve_symbol_compare(args: tuple[Type, ...], givens: list[Any]) -> list[Answer] | None:
    a, b = symbol_value(args[0]), symbol_value(args[1])
    if a is None or b is None:
        return None
    return _empty(PRIM_SYMBOL, "Compare", (args[0], args[1], ordering_type(_compare(a, b))))


def solve_symbol_append(args: tuple[Type, ...], givens: list[Any]) -> list[Answer] | None:
    left, right, out = (symbol_value(t) for t in args)
    if left is not None and right is not None:
        return _empty(PRIM_SYMBOL, "Append", (args[0], args[1], symbol(left + right)))
    if left is not None and out is not None:
        if not out.startswith(left):
            return None
        return _empty(PRIM_SYMBOL, "Append", (args[0], symbol(out[len(left) :]), args[2]))
    if right is not None and out is not None:
        if not out.endswith(right):
            return None
        return _empty(PRIM_SYMBOL, "Append", (symbol(out[: len(out) - len(right)]), args[1], args[2]))
    return None


def solve_symbol_cons(args: tuple[Type, ...], givens: list[Any]) -> list[Answer] | None:
    head, tail, whole = (symbol_value(t) for t in args)
    if whole is not None:
        if not whole:
            return None
        return _empty(PRIM_SYMBOL, "Cons", (symbol(whole[0]), symbol(whole[1:]), args[2]))
    if head is not None and tail is not None and len(head) == 1:
        return _empty(PRIM_SYMBOL, "Cons", (args[0], args[1], symbol(head + tail)))
    return None


# -- Prim.Int
def solve_int_add(args: tuple[Type, ...], givens: list[Any]) -> list[Answer] | None:
    left, right, out = (int_value(t) for t in args)
    if left is not None and right is not None:
        return _empty(PRIM_INT, "Add", (args[0], args[1], integer(left + right)))
    if left is not None and out is not None:
        return _empty(PRIM_INT, "Add", (args[0], integer(out - left), args[2]))
    if right is not None and out is not None:
        return _empty(PRIM_INT, "Add", (integer(out - right), args[1], args[2]))
    return None


def solve_int_mul(args: tuple[Type, ...], givens: list[Any]) -> list[Answer] | None:
    left, right = int_value(args[0]), int_value(args[1])
    if left is None or right is None:
        return None
    return _empty(PRIM_INT, "Mul", (args[0], args[1], integer(left * right)))


def solve_int_to_string(args: tuple[Type, ...], givens: list[Any]) -> list[Answer] | None:
    n = int_value(args[0])
    if n is None:
        return None
    return _empty(PRIM_INT, "ToString", (args[0], symbol(str(n))))


def solve_int_compare(args: tuple[Type, ...], givens: list[Any]) -> list[Answer] | None:
    a, b = int_value(args[0]), int_value(args[1])
    if a is not None and b is not None:
        return _empty(PRIM_INT, "Compare", (args[0], args[1], ordering_type(_compare(a, b))))
    sign = _compare_from_givens(args[0], args[1], givens)
    if sign is None:
        return None
    return _empty(PRIM_INT, "Compare", (args[0], args[1], ordering_type(sign)))


def _compare_from_givens(a: Type, b: Type, givens: list[Any]) -> int | None:
    """Compare two type-level integers through the `Compare` givens in scope (and literals), by following
    chains of `<`/`=`/`>` facts: `Compare a b LT, Compare b 3 LT` gives `Compare a 5 LT`."""
    from nova.types.classes import types_equal

    facts: list[tuple[Type, Type, int]] = []
    for g in givens:
        if g.module == PRIM_INT and g.cls == "Compare" and len(g.args) == 3:
            o = _ordering_name(g.args[2])
            if o is not None:
                sign = {"LT": -1, "EQ": 0, "GT": 1}[o]
                facts.append((g.args[0], g.args[1], sign))
                facts.append((g.args[1], g.args[0], -sign))
    if not facts:
        return None
    nodes: list[Type] = []

    def node(t: Type) -> int:
        for i, n in enumerate(nodes):
            if types_equal(n, t):
                return i
        nodes.append(t)
        return len(nodes) - 1

    edges: dict[int, list[tuple[int, int]]] = {}
    for x, y, sign in facts:
        edges.setdefault(node(x), []).append((node(y), sign))
    literals = [(i, int_value(n)) for i, n in enumerate(list(nodes))]
    for a_lit in (a, b):
        n = int_value(a_lit)
        if n is not None:
            literals.append((node(a_lit), n))
    known = [(i, v) for i, v in literals if v is not None]
    for i, vi in known:
        for j, vj in known:
            if i != j:
                edges.setdefault(i, []).append((j, _compare(vi, vj)))
    start, goal = node(a), node(b)
    # search for a path whose steps agree in direction: all <=/< (result LT) or all >=/> (result GT), or all =
    for want in (-1, 1, 0):
        seen = {start: False}
        stack = [(start, False)]
        while stack:
            cur, strict = stack.pop()
            if cur == goal and cur != start:
                return want if (strict or want == 0) else None
            for nxt, sign in edges.get(cur, ()):
                if sign == want or sign == 0:
                    s = strict or sign != 0
                    if nxt not in seen or (s and not seen[nxt]):
                        seen[nxt] = s
                        stack.append((nxt, s))
    return None


# -- Prim.Row
def _closed(t: Type) -> tuple[list[tuple[str, Type]], Type | None]:
    fields, tail = flatten_row(t)
    return fields, (prune(tail) if tail is not None else None)


def _is_empty_row(t: Type | None) -> bool:
    return t is None or (isinstance(t, TRow) and not t.fields and t.tail is None)


def _row(fields: list[tuple[str, Type]], tail: Type | None) -> Type:
    ordered = sorted(fields, key=lambda f: f[0])
    return TRow(tuple(ordered), tail) if ordered or tail is None else tail


def solve_row_cons(args: tuple[Type, ...], givens: list[Any]) -> list[Answer] | None:
    label = symbol_value(args[0])
    if label is None:
        return None
    tail = prune(args[2])
    fields, rest = _closed(tail) if isinstance(tail, TRow) else ([], tail)
    return _empty(PRIM_ROW, "Cons", (args[0], args[1], args[2], _row([(label, args[1]), *fields], rest)))


def solve_row_union(args: tuple[Type, ...], givens: list[Any]) -> list[Answer] | None:
    left, right, union = (prune(a) for a in args)
    lf, lt = _closed(left) if isinstance(left, TRow) else ([], left)
    if _is_empty_row(lt):
        # a closed left row: its labels go in front of the right row's
        rf, rt = _closed(right) if isinstance(right, TRow) else ([], right)
        return _empty(PRIM_ROW, "Union", (left, right, _row(lf + rf, rt)))
    rf, rt = _closed(right) if isinstance(right, TRow) else ([], right)
    uf, ut = _closed(union) if isinstance(union, TRow) else ([], union)
    if isinstance(right, TRow) and _is_empty_row(rt) and isinstance(union, TRow) and _is_empty_row(ut):
        # right and union closed: the left row is what the union has beyond the right one
        remaining = [lbl for lbl, _ in rf]
        out_left: list[tuple[str, Type]] = []
        out_right: list[tuple[str, Type]] = []
        for lbl, ft in reversed(uf):
            if lbl in remaining:
                out_right.append((lbl, ft))
                remaining.remove(lbl)
            else:
                out_left.append((lbl, ft))
        if remaining:
            return None
        # (back in the union's order: of a label's duplicates, the left row's come first)
        out_left.reverse()
        out_right.reverse()
        return _empty(PRIM_ROW, "Union", (_row(out_left, None), _row(out_right, None), union))
    if not lf:
        return None
    # an open left row: its known labels move into the union; the rest is another Union
    rest_var = TVar(fresh_id(), 1 << 20)
    assert lt is not None
    return _empty(
        PRIM_ROW,
        "Union",
        (left, right, _row(lf, rest_var)),
        (Constraint(PRIM_ROW, "Union", (lt, right, rest_var)),),
    )


def solve_row_nub(args: tuple[Type, ...], givens: list[Any]) -> list[Answer] | None:
    row = prune(args[0])
    fields, tail = _closed(row) if isinstance(row, TRow) else ([], row)
    if not _is_empty_row(tail):
        return None
    seen: set[str] = set()
    kept: list[tuple[str, Type]] = []
    for lbl, ft in fields:
        if lbl not in seen:
            seen.add(lbl)
            kept.append((lbl, ft))
    return _empty(PRIM_ROW, "Nub", (args[0], _row(kept, None)))


def solve_row_lacks(args: tuple[Type, ...], givens: list[Any]) -> list[Answer] | None:
    row = prune(args[1])
    if _is_empty_row(row):
        return _empty(PRIM_ROW, "Lacks", args)
    label = symbol_value(args[0])
    if label is None:
        return None
    fields, tail = _closed(row) if isinstance(row, TRow) else ([], row)
    if any(lbl == label for lbl, _ in fields):
        return None
    if _is_empty_row(tail):
        return _empty(PRIM_ROW, "Lacks", args)
    if not fields:
        return None
    assert tail is not None
    return _empty(PRIM_ROW, "Lacks", args, (Constraint(PRIM_ROW, "Lacks", (args[0], tail)),))


# -- Prim.RowList
def solve_row_to_list(args: tuple[Type, ...], givens: list[Any]) -> list[Answer] | None:
    row = prune(args[0])
    fields, tail = _closed(row) if isinstance(row, TRow) else ([], row)
    if not _is_empty_row(tail):
        return None
    out: Type = TCon("Nil", PRIM_ROWLIST)
    for lbl, ft in reversed(sorted(fields, key=lambda f: f[0])):
        out = TApp(TApp(TApp(TCon("Cons", PRIM_ROWLIST), symbol(lbl)), ft), out)
    return _empty(PRIM_ROWLIST, "RowToList", (args[0], out))


# -- Prim.TypeError
def solve_warn(args: tuple[Type, ...], givens: list[Any]) -> list[Answer] | None:
    return [(args, BuiltinEv(PRIM_TYPEERROR, "Warn"), ())]


def render_doc(t: Type) -> str:
    """The text of a `Prim.TypeError` message (`Text "a" <> Quote t`, `Beside`, `Above`)."""
    from nova.types.pretty import print_type

    t = prune(t)
    args: list[Type] = []
    head = t
    while isinstance(head, TApp):
        args.insert(0, head.arg)
        head = prune(head.fn)
    if isinstance(head, TCon) and head.module == PRIM_TYPEERROR:
        if head.name in ("Text", "QuoteLabel") and len(args) == 1:
            text = symbol_value(args[0])
            if text is not None:
                return text
        if head.name == "Quote" and len(args) == 1:
            return print_type(args[0])
        if head.name == "Beside" and len(args) == 2:
            return render_doc(args[0]) + render_doc(args[1])
        if head.name == "Above" and len(args) == 2:
            return render_doc(args[0]) + "\n" + render_doc(args[1])
    return print_type(t)


SOLVERS: dict[tuple[str, str], tuple[tuple[Fundep, ...], Solver]] = {
    (DATA_SYMBOL, "IsSymbol"): ((), solve_is_symbol),
    (DATA_REFLECTABLE, "Reflectable"): ((((0,), (1,)),), solve_reflectable),
    (PRIM_SYMBOL, "Compare"): ((((0, 1), (2,)),), solve_symbol_compare),
    (PRIM_SYMBOL, "Append"): ((((0, 1), (2,)), ((1, 2), (0,)), ((2, 0), (1,))), solve_symbol_append),
    (PRIM_SYMBOL, "Cons"): ((((0, 1), (2,)), ((2,), (0, 1))), solve_symbol_cons),
    (PRIM_INT, "Add"): ((((0, 1), (2,)), ((0, 2), (1,)), ((1, 2), (0,))), solve_int_add),
    (PRIM_INT, "Mul"): ((((0, 1), (2,)),), solve_int_mul),
    (PRIM_INT, "Compare"): ((((0, 1), (2,)),), solve_int_compare),
    (PRIM_INT, "ToString"): ((((0,), (1,)),), solve_int_to_string),
    (PRIM_ROW, "Cons"): ((((0, 1, 2), (3,)), ((0, 3), (1, 2))), solve_row_cons),
    (PRIM_ROW, "Union"): ((((0, 1), (2,)), ((1, 2), (0,)), ((2, 0), (1,))), solve_row_union),
    (PRIM_ROW, "Nub"): ((((0,), (1,)),), solve_row_nub),
    (PRIM_ROW, "Lacks"): ((), solve_row_lacks),
    (PRIM_ROWLIST, "RowToList"): ((((0,), (1,)),), solve_row_to_list),
    (PRIM_TYPEERROR, "Warn"): ((), solve_warn),
    (PRIM_COERCE, "Coercible"): ((), lambda args, givens: solve_coercible(args, givens, None)),
}
"""Every compiler-solved class with its functional dependencies (`Coercible` has its own solver, `Fail` none:
a `Fail` constraint that remains is its custom error)."""


# -- Prim.Coerce
class TypeFacts(Protocol):
    """What `Coercible` needs to know about type constructors, from the module being checked (the checker has
    these methods; it is not a subclass)."""

    def coercible_roles(self, con: TCon) -> tuple[str, ...]:
        """Each parameter's role (nominal for a parameter whose role is unknown)."""
        raise NotImplementedError

    def coercible_unwrap(self, t: Type) -> Type | None:
        """The type a newtype application wraps (its parameters substituted), when the newtype's constructor is
        in scope here; None otherwise."""
        raise NotImplementedError


def _spine(t: Type) -> tuple[Type, list[Type]]:
    from nova.types.types import T_ARROW, TFun

    t = prune(t)
    if isinstance(t, TFun):
        return T_ARROW, [t.arg, t.res]
    args: list[Type] = []
    while isinstance(t, TApp):
        args.append(t.arg)
        t = prune(t.fn)
    args.reverse()
    return t, args


# the answer of `solve_coercible` when unwrapping never ends (`newtype N a = N (a -> N a)`): no instance, and
# PureScript's `PossiblyInfiniteCoercibleInstance` rather than `NoInstanceFound` (compared by identity)
COERCIBLE_INFINITE: list[Answer] = []


def solve_coercible(
    args: tuple[Type, ...],
    givens: list[Any],
    facts: TypeFacts | None,
    mismatch: list[tuple[Type, Type]] | None = None,
) -> list[Answer] | None:
    """`Coercible a b`: the two types have the same run-time representation. Newtypes whose constructor is in
    scope are unwrapped, type constructors are decomposed by the roles of their parameters (nominal ones must be
    equal, phantom ones are free), record rows label by label; a `Coercible` given discharges a pair either way.
    None while an unknown type blocks the decision; [] when the types can never be coerced. Where that is
    because a nominal argument differs, or two closed rows have different labels, the pair is added to
    `mismatch`: PureScript reports it as `TypesDoNotUnify` rather than a missing instance."""
    from nova.types.classes import MATCH, UNKNOWN, types_agree

    pairs = [
        (g.args[0], g.args[1])
        for g in givens
        if g.module == PRIM_COERCE and g.cls == "Coercible" and len(g.args) == 2
    ]
    work: list[tuple[Type, Type]] = [(args[0], args[1])]
    waiting = False
    steps = 0
    while work:
        steps += 1
        if steps > 1000:
            return COERCIBLE_INFINITE
        x, y = work.pop()
        x, y = prune(x), prune(y)
        agree = types_agree(x, y)
        if agree == MATCH:
            continue
        if any(
            (types_agree(gx, x) == MATCH and types_agree(gy, y) == MATCH)
            or (types_agree(gx, y) == MATCH and types_agree(gy, x) == MATCH)
            for gx, gy in pairs
        ):
            continue
        if isinstance(x, TRow) or isinstance(y, TRow):
            xf, xt = _closed(x) if isinstance(x, TRow) else ([], x)
            yf, yt = _closed(y) if isinstance(y, TRow) else ([], y)
            if [lbl for lbl, _ in xf] != [lbl for lbl, _ in yf]:
                if _open(xt) or _open(yt):
                    waiting = True
                    continue
                if mismatch is not None:
                    mismatch.append((x, y))
                return []
            work += [(a, b) for (_, a), (_, b) in zip(xf, yf, strict=True)]
            if (xt is None) != (yt is None) and not (_is_empty_row(xt) and _is_empty_row(yt)):
                if _open(xt) or _open(yt):
                    waiting = True
                    continue
                return []
            if xt is not None and yt is not None:
                work.append((xt, yt))
            continue
        if facts is not None:
            unwrapped = facts.coercible_unwrap(x)
            if unwrapped is not None:
                work.append((unwrapped, y))
                continue
            unwrapped = facts.coercible_unwrap(y)
            if unwrapped is not None:
                work.append((x, unwrapped))
                continue
        if isinstance(x, TForall) and isinstance(y, TForall):
            opened = _open_together(x, y)
            if opened is None:
                return []
            work.append(opened)
            continue
        if _open(x) or _open(y):
            waiting = True
            continue
        hx, xs = _spine(x)
        hy, ys = _spine(y)
        if isinstance(hx, TCon) and isinstance(hy, TCon):
            if hx != hy or len(xs) != len(ys):
                return []
            roles = facts.coercible_roles(hx) if facts is not None else ()
            for i, (a, b) in enumerate(zip(xs, ys, strict=True)):
                role = roles[i] if i < len(roles) else "nominal"
                if role == "phantom":
                    continue
                if role == "representational":
                    work.append((a, b))
                    continue
                same = types_agree(a, b)
                if same == UNKNOWN and _has_unknown(a, b):
                    waiting = True
                elif same != MATCH:
                    # (rigid type variables that differ are different types here, as in PureScript, which
                    # compares a nominal argument pair as written)
                    if mismatch is not None:
                        mismatch.append((a, b))
                    return []
            continue
        if _open(hx) or _open(hy):
            waiting = True
            continue
        return []  # skolems and applications of them that no given relates
    if waiting:
        return None
    return [(args, BuiltinEv(PRIM_COERCE, "Coercible"), ())]


def _open_together(x: TForall, y: TForall) -> tuple[Type, Type] | None:
    """Two quantified types as one pair of bodies over the same rigid variables (`forall r. r -> a` and
    `forall s. s -> b` give `r -> a` and `r -> b`); None when they quantify differently (their constraints must be
    the same, as they choose dictionaries)."""
    if len(x.vars) != len(y.vars):
        return None
    rigid: list[Type] = [TSkolem(name, fresh_id(), 0) for name in x.vars]
    x_constraints, x_body = open_forall(x, rigid)
    y_constraints, y_body = open_forall(y, rigid)
    if x_constraints != y_constraints:
        return None
    return x_body, y_body


def _open(t: Type | None) -> bool:
    return isinstance(t, TVar) and t.ref is None


def _has_unknown(*ts: Type) -> bool:
    """Does any of the types still hold an unknown (an unsolved type variable)?"""
    return any(_open(n) for t in ts for n in iter_type(t))
