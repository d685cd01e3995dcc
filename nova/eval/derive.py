"""Derived instances at run time: the methods PureScript generates for a `derive` declaration, as core code.

The checker records, in a `Derivation`, what each method does with each constructor field and which dictionaries
it uses (evidence, as for any other use of a class); this module writes the methods from it, the way PureScript's
compiler writes them as code: `eq` compares constructors then fields (with `eq1` for an applied type variable,
field by field for a closed record), `compare` orders constructors by declaration, `map`/`bimap`/`cmap`/`dimap`
rebuild each constructor with the fields mapped, `foldl`/`foldr`/`foldMap` visit fields left to right (record
fields in label order), `traverse` rebuilds inside the applicative, `Generic`'s `from`/`to` convert to and from
`Data.Generic.Rep`'s sums and products. Newtypes are erased at run time, so a newtype's constructor is matched and
built as its field.
"""

from __future__ import annotations

from collections.abc import Callable

from nova.eval import core
from nova.eval.values import Con
from nova.types.evidence import Derivation, DerivedConstructor, Evidence, FieldUse

ORDERING = {"LT": Con("LT", 0), "GT": Con("GT", 1), "EQ": Con("EQ", 2)}

GENERIC_REP = "Data.Generic.Rep"

_MAPPERS = {
    # method: (the function parameters, the one-parameter class's method, the two-parameter class's method)
    "map": (("g",), "map", "bimap"),
    "bimap": (("f", "g"), "map", "bimap"),
    "cmap": (("g",), "map", "bimap"),
    "dimap": (("f", "g"), "map", "bimap"),
}


def derived_methods(
    derivation: Derivation,
    key: str,
    methods: tuple[str, ...],
    own_constraints: Callable[[str], int],
    lower_evidence: Callable[[Evidence], core.Expr],
    dict_param: Callable[[str, int], str],
) -> list[tuple[str, core.Expr]]:
    """Each method of the class as core code (taking the method's own dictionaries first, as written methods do).

    `key` is the instance's element key (its dictionary parameters are `dict_param(key, i)`, a method's own ones
    `dict_param(f"{key}.{method}", i)`)."""
    gen = _Writer(derivation, key, lower_evidence, dict_param)
    out: list[tuple[str, core.Expr]] = []
    for method in methods:
        body = gen.method(method)
        own = own_constraints(method)
        if own:
            body = core.Lam(tuple(dict_param(f"{key}.{method}", i) for i in range(own)), body, method)
        out.append((method, body))
    return out


class _Writer:
    def __init__(
        self,
        derivation: Derivation,
        key: str,
        lower_evidence: Callable[[Evidence], core.Expr],
        dict_param: Callable[[str, int], str],
    ) -> None:
        self.d = derivation
        self.key = key
        self._lower = lower_evidence
        self._dict_param = dict_param
        self._counter = 0

    # ---- plumbing ----------------------------------------------------------------------------------------------
    def fresh(self, base: str) -> str:
        self._counter += 1
        return f"${base}{self._counter}"

    def dictionary(self, evidence: Evidence | None, what: str) -> core.Expr:
        if evidence is None:
            return core.Fail(f"derived instance {self.key}: no {what} dictionary")
        return self._lower(evidence)

    def extra(self, method: str, cls: str) -> core.Expr:
        for m, c, ev in self.d.extras:
            if m == method and c == cls:
                return self.dictionary(ev, cls)
        return core.Fail(f"derived instance {self.key}: no {cls} dictionary for {method}")

    def own(self, method: str) -> core.Expr:
        """The method's own (first) dictionary parameter: `traverse`'s `Applicative m`, `foldMap`'s `Monoid m`."""
        return core.Local(self._dict_param(f"{self.key}.{method}", 0))

    def pattern(self, c: DerivedConstructor, names: list[str]) -> core.Pattern:
        if self.d.newtype:
            return core.PVar(names[0]) if names else core.PWild()
        return core.PCon(c.name, tuple(core.PVar(n) for n in names))

    def blank(self, c: DerivedConstructor) -> core.Pattern:
        if self.d.newtype:
            return core.PWild()
        return core.PCon(c.name, tuple(core.PWild() for _ in c.fields))

    @staticmethod
    def build(c: DerivedConstructor, args: list[core.Expr]) -> core.Expr:
        ref = core.Global(c.module, c.key)
        return core.App(ref, tuple(args)) if args else ref

    def names(self, c: DerivedConstructor, base: str) -> list[str]:
        return [self.fresh(base) for _ in c.fields]

    @staticmethod
    def locals(names: list[str]) -> list[core.Expr]:
        return [core.Local(n) for n in names]

    @staticmethod
    def method_of(evidence: core.Expr, name: str) -> core.Expr:
        return core.Method(evidence, name)

    # ---- dispatch ----------------------------------------------------------------------------------------------
    def method(self, name: str) -> core.Expr:
        s = self.d.strategy
        if s == "Eq" and name == "eq":
            return self.eq()
        if s == "Ord" and name == "compare":
            return self.compare()
        if s in ("Eq1", "Ord1") and name in ("eq1", "compare1"):
            target = "eq" if s == "Eq1" else "compare"
            cls = "Eq" if s == "Eq1" else "Ord"
            return core.Method(self.extra(name, cls), target)
        if name in _MAPPERS and s in ("Functor", "Bifunctor", "Contravariant", "Profunctor"):
            return self.mapping(name)
        if name in ("foldl", "bifoldl"):
            return self.fold_left(name)
        if name in ("foldr", "bifoldr"):
            return self.fold_right(name)
        if name in ("foldMap", "bifoldMap"):
            return self.fold_map(name)
        if name in ("traverse", "bitraverse"):
            return self.traverse(name)
        if name in ("sequence", "bisequence"):
            two = name == "bisequence"
            ident = _identity()
            return core.App(self.traverse(name), (ident, ident) if two else (ident,))
        if s == "Generic" and name == "from":
            return self.generic_from()
        if s == "Generic" and name == "to":
            return self.generic_to()
        return core.Fail(f"derived instance {self.key} has no method {name}")

    # ---- Eq and Ord --------------------------------------------------------------------------------------------
    def eq(self) -> core.Expr:
        x, y = self.fresh("x"), self.fresh("y")
        alts: list[core.Alt] = []
        for c in self.d.constructors:
            ls, rs = self.names(c, "l"), self.names(c, "r")
            tests = [
                self.eq_test(u, core.Local(a), core.Local(b))
                for u, a, b in zip(c.fields, ls, rs, strict=True)
                if u is not None
            ]
            alts.append(core.Alt((self.pattern(c, ls), self.pattern(c, rs)), core.simple(_conj(tests))))
        if len(self.d.constructors) != 1:
            alts.append(core.Alt((core.PWild(), core.PWild()), core.simple(core.Lit(False))))
        return core.Lam((x, y), core.Case((core.Local(x), core.Local(y)), tuple(alts)), "eq")

    def eq_test(self, use: FieldUse, left: core.Expr, right: core.Expr) -> core.Expr:
        if use.kind == "record":
            return _conj(
                [
                    self.eq_test(p, core.Access(left, label), core.Access(right, label))
                    for label, p in zip(use.labels, use.parts, strict=True)
                    if p is not None
                ]
            )
        if use.kind == "dict1":
            outer = self.dictionary(use.evidence[0], "Eq1")
            inner = self.dictionary(use.evidence[1], "Eq")
            return core.App(core.Method(outer, "eq1"), (inner, left, right))
        return core.App(core.Method(self.dictionary(use.evidence[0], "Eq"), "eq"), (left, right))

    def compare(self) -> core.Expr:
        x, y = self.fresh("x"), self.fresh("y")
        alts: list[core.Alt] = []
        count = len(self.d.constructors)
        for i, c in enumerate(self.d.constructors):
            ls, rs = self.names(c, "l"), self.names(c, "r")
            tests = [
                self.compare_test(u, core.Local(a), core.Local(b))
                for u, a, b in zip(c.fields, ls, rs, strict=True)
                if u is not None
            ]
            alts.append(core.Alt((self.pattern(c, ls), self.pattern(c, rs)), core.simple(_lexicographic(tests))))
            if i < count - 1:
                alts.append(core.Alt((self.blank(c), core.PWild()), core.simple(core.Lit(ORDERING["LT"]))))
                alts.append(core.Alt((core.PWild(), self.blank(c)), core.simple(core.Lit(ORDERING["GT"]))))
        if not alts:
            alts.append(core.Alt((core.PWild(), core.PWild()), core.simple(core.Lit(ORDERING["EQ"]))))
        return core.Lam((x, y), core.Case((core.Local(x), core.Local(y)), tuple(alts)), "compare")

    def compare_test(self, use: FieldUse, left: core.Expr, right: core.Expr) -> core.Expr:
        if use.kind == "record":
            return _lexicographic(
                [
                    self.compare_test(p, core.Access(left, label), core.Access(right, label))
                    for label, p in zip(use.labels, use.parts, strict=True)
                    if p is not None
                ]
            )
        if use.kind == "dict1":
            outer = self.dictionary(use.evidence[0], "Ord1")
            inner = self.dictionary(use.evidence[1], "Ord")
            return core.App(core.Method(outer, "compare1"), (inner, left, right))
        return core.App(core.Method(self.dictionary(use.evidence[0], "Ord"), "compare"), (left, right))

    # ---- Functor, Bifunctor, Contravariant, Profunctor ---------------------------------------------------------
    def mapping(self, name: str) -> core.Expr:
        params, _, _ = _MAPPERS[name]
        fns = {"param": self.fresh("g"), "lparam": self.fresh("f")}
        m = self.fresh("m")
        alts: list[core.Alt] = []
        for c in self.d.constructors:
            vs = self.names(c, "v")
            args = [
                self.map_value(u, core.Local(v), fns) if u is not None else core.Local(v)
                for u, v in zip(c.fields, vs, strict=True)
            ]
            alts.append(core.Alt((self.pattern(c, vs),), core.simple(self.build(c, args))))
        body: core.Expr = core.Lam((m,), core.Case((core.Local(m),), tuple(alts)), name)
        names = (fns["lparam"], fns["param"]) if len(params) == 2 else (fns["param"],)
        return core.Lam(names, body, name)

    def map_value(self, use: FieldUse, value: core.Expr, fns: dict[str, str]) -> core.Expr:
        if use.kind == "record":
            return core.Update(
                value,
                tuple(
                    ((label,), self.map_value(p, core.Access(value, label), fns))
                    for label, p in zip(use.labels, use.parts, strict=True)
                    if p is not None
                ),
            )
        return core.App(self.map_fn(use, fns), (value,))

    def map_fn(self, use: FieldUse, fns: dict[str, str]) -> core.Expr:
        kind = use.kind
        if kind in ("param", "lparam"):
            return core.Local(fns[kind])
        if kind == "record":
            r = self.fresh("r")
            return core.Lam((r,), self.map_value(use, core.Local(r), fns))
        if kind == "constrained":  # a value that takes dictionaries first: take them, hand them on, map the result
            inner = use.parts[0]
            assert inner is not None
            v = self.fresh("v")
            dicts = tuple(self.fresh("d") for _ in use.labels)
            applied = core.App(core.Local(v), tuple(core.Local(d) for d in dicts))
            return core.Lam((v,), core.Lam(dicts, self.map_value(inner, applied, fns)))
        dictionary = self.dictionary(use.evidence[0] if use.evidence else None, kind)
        if kind in ("mono", "contra"):
            inner = use.parts[0]
            assert inner is not None
            return core.App(core.Method(dictionary, "map" if kind == "mono" else "cmap"), (self.map_fn(inner, fns),))
        left, right = use.parts
        sides = tuple(self.map_fn(p, fns) if p is not None else _identity() for p in (left, right))
        return core.App(core.Method(dictionary, "bimap" if kind == "bi" else "dimap"), sides)

    # ---- Foldable and Bifoldable -------------------------------------------------------------------------------
    def fold_functions(self, name: str) -> tuple[dict[str, str], tuple[str, ...]]:
        fns = {"param": self.fresh("g"), "lparam": self.fresh("f")}
        two = name.startswith("bi")
        return fns, ((fns["lparam"], fns["param"]) if two else (fns["param"],))

    def fold_left(self, name: str) -> core.Expr:
        fns, params = self.fold_functions(name)
        z, m = self.fresh("z"), self.fresh("m")
        alts: list[core.Alt] = []
        for c in self.d.constructors:
            vs = self.names(c, "v")
            acc: core.Expr = core.Local(z)
            for u, v in zip(c.fields, vs, strict=True):
                if u is not None:
                    acc = self.step_left(u, core.Local(v), acc, fns)
            alts.append(core.Alt((self.pattern(c, vs),), core.simple(acc)))
        return core.Lam((*params, z, m), core.Case((core.Local(m),), tuple(alts)), name)

    def step_left(self, use: FieldUse, value: core.Expr, acc: core.Expr, fns: dict[str, str]) -> core.Expr:
        if use.kind == "record":
            for label, p in zip(use.labels, use.parts, strict=True):
                if p is not None:
                    acc = self.step_left(p, core.Access(value, label), acc, fns)
            return acc
        return core.App(self.left_fn(use, fns), (acc, value))

    def left_fn(self, use: FieldUse, fns: dict[str, str]) -> core.Expr:
        """A function `acc -> x -> acc` folding `x` (whose type is the field's) from the left."""
        kind = use.kind
        if kind in ("param", "lparam"):
            return core.Local(fns[kind])
        if kind == "record":
            acc, r = self.fresh("acc"), self.fresh("r")
            return core.Lam((acc, r), self.step_left(use, core.Local(r), core.Local(acc), fns))
        dictionary = self.dictionary(use.evidence[0] if use.evidence else None, kind)
        if kind == "mono":
            inner = use.parts[0]
            assert inner is not None
            return core.App(core.Method(dictionary, "foldl"), (self.left_fn(inner, fns),))
        sides = tuple(self.left_fn(p, fns) if p is not None else _keep_left() for p in use.parts)
        return core.App(core.Method(dictionary, "bifoldl"), sides)

    def fold_right(self, name: str) -> core.Expr:
        fns, params = self.fold_functions(name)
        z, m = self.fresh("z"), self.fresh("m")
        alts: list[core.Alt] = []
        for c in self.d.constructors:
            vs = self.names(c, "v")
            acc: core.Expr = core.Local(z)
            for u, v in reversed(list(zip(c.fields, vs, strict=True))):
                if u is not None:
                    acc = self.step_right(u, core.Local(v), acc, fns)
            alts.append(core.Alt((self.pattern(c, vs),), core.simple(acc)))
        return core.Lam((*params, z, m), core.Case((core.Local(m),), tuple(alts)), name)

    def step_right(self, use: FieldUse, value: core.Expr, acc: core.Expr, fns: dict[str, str]) -> core.Expr:
        kind = use.kind
        if kind == "record":
            for label, p in reversed(list(zip(use.labels, use.parts, strict=True))):
                if p is not None:
                    acc = self.step_right(p, core.Access(value, label), acc, fns)
            return acc
        if kind in ("param", "lparam"):
            return core.App(core.Local(fns[kind]), (value, acc))
        dictionary = self.dictionary(use.evidence[0] if use.evidence else None, kind)
        if kind == "mono":
            inner = use.parts[0]
            assert inner is not None
            return core.App(core.Method(dictionary, "foldr"), (self.right_fn(inner, fns), acc, value))
        sides = tuple(self.right_fn(p, fns) if p is not None else _keep_right() for p in use.parts)
        return core.App(core.Method(dictionary, "bifoldr"), (*sides, acc, value))

    def right_fn(self, use: FieldUse, fns: dict[str, str]) -> core.Expr:
        """A function `x -> acc -> acc` folding `x` from the right."""
        if use.kind in ("param", "lparam"):
            return core.Local(fns[use.kind])
        x, acc = self.fresh("x"), self.fresh("acc")
        return core.Lam((x, acc), self.step_right(use, core.Local(x), core.Local(acc), fns))

    def fold_map(self, name: str) -> core.Expr:
        fns, params = self.fold_functions(name)
        monoid = self.own(name)
        append = core.Method(self.extra(name, "Semigroup"), "append")
        mempty = core.Method(monoid, "mempty")
        m = self.fresh("m")
        alts: list[core.Alt] = []
        for c in self.d.constructors:
            vs = self.names(c, "v")
            pieces: list[core.Expr] = []
            for u, v in zip(c.fields, vs, strict=True):
                if u is not None:
                    pieces.extend(self.map_pieces(u, core.Local(v), fns, monoid, append, mempty))
            alts.append(core.Alt((self.pattern(c, vs),), core.simple(_appended(pieces, append, mempty))))
        return core.Lam((*params, m), core.Case((core.Local(m),), tuple(alts)), name)

    def map_pieces(
        self,
        use: FieldUse,
        value: core.Expr,
        fns: dict[str, str],
        monoid: core.Expr,
        append: core.Expr,
        mempty: core.Expr,
    ) -> list[core.Expr]:
        if use.kind == "record":
            out: list[core.Expr] = []
            for label, p in zip(use.labels, use.parts, strict=True):
                if p is not None:
                    out.extend(self.map_pieces(p, core.Access(value, label), fns, monoid, append, mempty))
            return out
        return [core.App(self.fold_map_fn(use, fns, monoid, append, mempty), (value,))]

    def fold_map_fn(
        self,
        use: FieldUse,
        fns: dict[str, str],
        monoid: core.Expr,
        append: core.Expr,
        mempty: core.Expr,
    ) -> core.Expr:
        kind = use.kind
        if kind in ("param", "lparam"):
            return core.Local(fns[kind])
        if kind == "record":
            r = self.fresh("r")
            pieces = self.map_pieces(use, core.Local(r), fns, monoid, append, mempty)
            return core.Lam((r,), _appended(pieces, append, mempty))
        dictionary = self.dictionary(use.evidence[0] if use.evidence else None, kind)
        if kind == "mono":
            inner = use.parts[0]
            assert inner is not None
            inner_fn = self.fold_map_fn(inner, fns, monoid, append, mempty)
            return core.App(core.Method(dictionary, "foldMap"), (monoid, inner_fn))
        sides = tuple(
            self.fold_map_fn(p, fns, monoid, append, mempty) if p is not None else _constant(mempty) for p in use.parts
        )
        return core.App(core.Method(dictionary, "bifoldMap"), (monoid, *sides))

    # ---- Traversable and Bitraversable -------------------------------------------------------------------------
    def traverse(self, name: str) -> core.Expr:
        """`traverse g` (`bitraverse f g`) for the method `name`, whose own dictionary is the applicative
        (`sequence` is this applied to `identity`)."""
        fns, params = self.fold_functions(name)
        app = _Applicative(
            self.own(name),
            core.Method(self.extra(name, "Apply"), "apply"),
            core.Method(self.extra(name, "Functor"), "map"),
        )
        m = self.fresh("m")
        alts: list[core.Alt] = []
        for c in self.d.constructors:
            vs = self.names(c, "v")
            effects: list[tuple[str, core.Expr]] = []
            args = [
                self.traverse_value(u, core.Local(v), fns, app, effects) if u is not None else core.Local(v)
                for u, v in zip(c.fields, vs, strict=True)
            ]
            alts.append(core.Alt((self.pattern(c, vs),), core.simple(app.rebuild(effects, self.build(c, args)))))
        return core.Lam((*params, m), core.Case((core.Local(m),), tuple(alts)), name)

    def traverse_value(
        self,
        use: FieldUse,
        value: core.Expr,
        fns: dict[str, str],
        app: _Applicative,
        effects: list[tuple[str, core.Expr]],
    ) -> core.Expr:
        """The expression standing for the traversed value once its effect has run (the effect is added to
        `effects` under a fresh name; a record's fields are traversed one by one, in label order)."""
        if use.kind == "record":
            return core.Update(
                value,
                tuple(
                    ((label,), self.traverse_value(p, core.Access(value, label), fns, app, effects))
                    for label, p in zip(use.labels, use.parts, strict=True)
                    if p is not None
                ),
            )
        name = self.fresh("t")
        effects.append((name, core.App(self.traverse_fn(use, fns, app), (value,))))
        return core.Local(name)

    def traverse_fn(self, use: FieldUse, fns: dict[str, str], app: _Applicative) -> core.Expr:
        kind = use.kind
        if kind in ("param", "lparam"):
            return core.Local(fns[kind])
        if kind == "record":
            r = self.fresh("r")
            effects: list[tuple[str, core.Expr]] = []
            rebuilt = self.traverse_value(use, core.Local(r), fns, app, effects)
            return core.Lam((r,), app.rebuild(effects, rebuilt))
        dictionary = self.dictionary(use.evidence[0] if use.evidence else None, kind)
        if kind == "mono":
            inner = use.parts[0]
            assert inner is not None
            return core.App(core.Method(dictionary, "traverse"), (app.dictionary, self.traverse_fn(inner, fns, app)))
        sides = tuple(self.traverse_fn(p, fns, app) if p is not None else app.pure for p in use.parts)
        return core.App(core.Method(dictionary, "bitraverse"), (app.dictionary, *sides))

    # ---- Generic -----------------------------------------------------------------------------------------------
    def generic_from(self) -> core.Expr:
        x = self.fresh("x")
        count = len(self.d.constructors)
        if count == 0:
            return core.Lam((x,), core.Fail("Generic from: the type has no values"), "from")
        alts: list[core.Alt] = []
        for i, c in enumerate(self.d.constructors):
            vs = self.names(c, "v")
            rep = _product_value(self.locals(vs))
            alts.append(core.Alt((self.pattern(c, vs),), core.simple(_injected(i, count, rep))))
        return core.Lam((x,), core.Case((core.Local(x),), tuple(alts)), "from")

    def generic_to(self) -> core.Expr:
        x = self.fresh("x")
        count = len(self.d.constructors)
        if count == 0:
            return core.Lam((x,), core.Fail("Generic to: NoConstructors has no values"), "to")
        alts: list[core.Alt] = []
        for i, c in enumerate(self.d.constructors):
            vs = self.names(c, "v")
            pattern = _injection_pattern(i, count, _product_pattern(vs))
            alts.append(core.Alt((pattern,), core.simple(self.build(c, self.locals(vs)))))
        return core.Lam((x,), core.Case((core.Local(x),), tuple(alts)), "to")


class _Applicative:
    """The applicative a traversal runs in: `pure`, `apply` and `map` of its dictionary (and superclasses)."""

    def __init__(self, dictionary: core.Expr, apply: core.Expr, fmap: core.Expr) -> None:
        self.dictionary = dictionary
        self.pure = core.Method(dictionary, "pure")
        self.apply = apply
        self.fmap = fmap

    def rebuild(self, effects: list[tuple[str, core.Expr]], result: core.Expr) -> core.Expr:
        """`pure result` without effects, else `(\\t1 … tn -> result) <$> e1 <*> … <*> en` (PureScript's order)."""
        if not effects:
            return core.App(self.pure, (result,))
        fn = core.Lam(tuple(n for n, _ in effects), result)
        out: core.Expr = core.App(self.fmap, (fn, effects[0][1]))
        for _, effect in effects[1:]:
            out = core.App(self.apply, (out, effect))
        return out


# ---------------------------------------------------------------------------------------------- small pieces
def _identity() -> core.Expr:
    return core.Lam(("$i",), core.Local("$i"), "identity")


def _keep_left() -> core.Expr:
    return core.Lam(("$acc", "$_"), core.Local("$acc"))


def _keep_right() -> core.Expr:
    return core.Lam(("$_", "$acc"), core.Local("$acc"))


def _constant(value: core.Expr) -> core.Expr:
    return core.Lam(("$_",), value)


def _conj(tests: list[core.Expr]) -> core.Expr:
    if not tests:
        return core.Lit(True)
    out = tests[-1]
    for test in reversed(tests[:-1]):
        out = core.If(test, out, core.Lit(False))
    return out


def _lexicographic(tests: list[core.Expr]) -> core.Expr:
    if not tests:
        return core.Lit(ORDERING["EQ"])
    out = tests[-1]
    for test in reversed(tests[:-1]):
        out = core.Case(
            (test,),
            (
                core.Alt((core.PCon("LT"),), core.simple(core.Lit(ORDERING["LT"]))),
                core.Alt((core.PCon("GT"),), core.simple(core.Lit(ORDERING["GT"]))),
                core.Alt((core.PWild(),), core.simple(out)),
            ),
        )
    return out


def _appended(pieces: list[core.Expr], append: core.Expr, mempty: core.Expr) -> core.Expr:
    if not pieces:
        return mempty
    out = pieces[-1]
    for piece in reversed(pieces[:-1]):
        out = core.App(append, (piece, out))
    return out


def _rep(name: str) -> core.Expr:
    return core.Global(GENERIC_REP, name)


def _product_value(values: list[core.Expr]) -> core.Expr:
    """`Argument`s (erased newtypes) joined by `Product`, to the right; `NoArguments` for none."""
    if not values:
        return _rep("NoArguments")
    out = values[-1]
    for value in reversed(values[:-1]):
        out = core.App(_rep("Product"), (value, out))
    return out


def _product_pattern(names: list[str]) -> core.Pattern:
    if not names:
        return core.PWild()
    out: core.Pattern = core.PVar(names[-1])
    for name in reversed(names[:-1]):
        out = core.PCon("Product", (core.PVar(name), out))
    return out


def _injected(index: int, count: int, value: core.Expr) -> core.Expr:
    """The `index`-th of `count` constructors in nested `Sum`s: `Inr (Inr (Inl x))`; the last is all `Inr`s."""
    out = value if index == count - 1 else core.App(_rep("Inl"), (value,)) if count > 1 else value
    for _ in range(index):
        out = core.App(_rep("Inr"), (out,))
    return out


def _injection_pattern(index: int, count: int, inner: core.Pattern) -> core.Pattern:
    out = inner if index == count - 1 else core.PCon("Inl", (inner,))
    for _ in range(index):
        out = core.PCon("Inr", (out,))
    return out


__all__ = ["ORDERING", "derived_methods"]
