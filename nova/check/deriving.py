"""`derive instance` and `derive newtype instance`: PureScript 0.15's rules, checked without generating code.

PureScript derives an instance by writing its methods and type-checking them. Here the checker follows the same
rules directly and records, per constructor field, what the method does with it and the dictionaries it uses (a
`Derivation`, made of `FieldUse`s carrying evidence); the evaluator builds the methods from that. So the errors
are PureScript's: `CannotDerive` for a class that is not derivable (`Show`: use `Data.Show.Generic`),
`InvalidDerivedInstance` for the wrong number of types, `ExpectedTypeConstructor` when the type is not one of this
module, `CannotFindDerivingType` for a foreign type, `CannotDeriveInvalidConstructorArg` when a type variable sits
where a `Functor`-like class cannot reach it, `NoInstanceFound` for a field whose type lacks the class (what
type-checking the generated code would report), and for `Generic`/`Newtype` `ExpectedWildcard` and
`CannotDeriveNewtypeForData`; `derive newtype instance` gives `InvalidNewtypeInstance` and the warnings
`MissingNewtypeSuperclassInstance` / `UnverifiableSuperclassInstance`.

Every error of a `derive` declaration is reported on the whole declaration (PureScript's generated code has no
positions of its own), except `CannotDeriveNewtypeForData`, which points at the data declaration; a declaration
gets at most one error (PureScript stops checking a declaration at its first). An instance that cannot be derived
because its type is not of this module (`derive instance Eq Count` with `type Count = Int`) is not one of the
module's instances (`Declarations._declare_instances`): `Eq Int` elsewhere sees the library's instance alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NoReturn

from nova import keys
from nova.check.env import TypeInfo
from nova.check.exports import Exports
from nova.diagnostics import Related
from nova.syntax import ast
from nova.types.classes import Given, InstanceInfo, Wanted, substitute, substitute_all, to_evidence
from nova.types.evidence import Derivation, DerivedConstructor, Evidence, FieldUse, ParamEv, mentions_instance
from nova.types.types import (
    T_ARROW,
    T_RECORD,
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
    prune,
    split_app,
)
from nova.types.unify import flatten_row

Ref = tuple[str, str]

PURESCRIPT_CLASSES: dict[str, tuple[str, ...]] = {
    "Eq": ("Data.Eq", "Prelude"),
    "Ord": ("Data.Ord", "Prelude"),
    "Eq1": ("Data.Eq",),
    "Ord1": ("Data.Ord",),
    "Functor": ("Data.Functor", "Prelude"),
    "Foldable": ("Data.Foldable",),
    "Traversable": ("Data.Traversable",),
    "Bifunctor": ("Data.Bifunctor",),
    "Bifoldable": ("Data.Bifoldable",),
    "Bitraversable": ("Data.Bitraversable",),
    "Contravariant": ("Data.Functor.Contravariant",),
    "Profunctor": ("Data.Profunctor",),
    "Generic": ("Data.Generic.Rep",),
    "Newtype": ("Data.Newtype",),
}
"""The classes PureScript derives, by the module that defines them (Eq, Ord and Functor are also accepted from
`Prelude`, where this standard library defined them before it followed PureScript's module layout)."""

DERIVABLE: dict[Ref, str] = {(m, n): n for n, modules in PURESCRIPT_CLASSES.items() for m in modules}

GENERIC_REP = "Data.Generic.Rep"

REACHED_THROUGH: tuple[str, ...] = (
    "Data.Functor.Contravariant",
    "Data.Bifunctor",
    "Data.Bifoldable",
    "Data.Bitraversable",
    "Data.Profunctor",
)
"""The modules of the classes a derived `Functor`-family instance may map a field through (`Tuple a Int` through
`Bifunctor Tuple`). PureScript finds an instance in its class's module whether or not the deriving module imports
it, so a module that derives sees these modules' instances as if it imported them."""


def instance_roots(mod: ast.Module) -> list[str]:
    """The modules whose instances (with those of everything they import) a module sees: its imports, and for a
    module with a `derive` declaration the modules of `REACHED_THROUGH`."""
    roots = [i.module for i in mod.imports]
    if any(isinstance(d, ast.DeriveDecl) and not d.newtype for d in mod.decls):
        roots.extend(m for m in REACHED_THROUGH if m != mod.name)
    return roots


@dataclass(frozen=True, slots=True)
class _Family:
    """A class derived like PureScript's `deriveFunctor`/`deriveFoldable`/`deriveTraversable`: the classes that
    may carry the mapping inside a field (`mono`, `bi`; `Contravariant`/`Profunctor` when `contravariance`), and
    whether the class maps two parameters and which of them are contravariant."""

    mono: str
    bi: str
    contravariance: bool
    two: bool
    param_contra: bool = False
    lparam_contra: bool = False


FAMILIES: dict[str, _Family] = {
    "Functor": _Family("Functor", "Bifunctor", True, False),
    "Bifunctor": _Family("Functor", "Bifunctor", True, True),
    "Contravariant": _Family("Functor", "Bifunctor", True, False, param_contra=True),
    "Profunctor": _Family("Functor", "Bifunctor", True, True, lparam_contra=True),
    "Foldable": _Family("Foldable", "Bifoldable", False, False),
    "Bifoldable": _Family("Foldable", "Bifoldable", False, True),
    "Traversable": _Family("Traversable", "Bitraversable", False, False),
    "Bitraversable": _Family("Traversable", "Bitraversable", False, True),
}


class _Stop(Exception):
    """The declaration got its error: nothing more is checked in it."""


@dataclass(slots=True)
class _Pending:
    """A field use whose dictionary (of class `cls` at `container`) is still to be solved."""

    kind: str
    cls: Ref | None = None
    container: Type | None = None
    parts: tuple[_Pending | None, ...] = ()
    labels: tuple[str, ...] = ()


@dataclass(slots=True)
class _Mapping:
    """State of one `Functor`-family analysis: the parameters mapped (skolem id → "param"/"lparam") and whether
    some field uses them where the class cannot reach."""

    family: _Family
    params: dict[int, str]
    givens: list[Given]
    bad: bool = False


class Deriving(Exports):
    def _instance_givens(self, info: InstanceInfo) -> tuple[list[Type], tuple[Type, ...], list[Given]]:
        """Skolems for the instance's variables, its head over them, its context as givens (`InstanceBodies`)."""
        raise NotImplementedError

    # ------------------------------------------------------------------ which class, which type
    def known_class(self, name: str) -> Ref | None:
        """The class PureScript knows by this name, where this module's class environment has it."""
        for module in PURESCRIPT_CLASSES.get(name, ()):
            if (module, name) in self.classenv.classes:
                return (module, name)
        return None

    def _derived_type(self, d: ast.DeriveDecl, info: InstanceInfo, head: Type) -> tuple[TypeInfo, list[Type]]:
        """The data type (of this module) a derived instance is for, and the types it is applied to."""
        con, args = split_app(head)
        if not isinstance(con, TCon) or con.module != self.name:
            self._fail(
                d,
                "ExpectedTypeConstructor",
                f"Cannot derive the type class instance {_shown(info)} because the type `{_printed(head)}` is not "
                "of the required form T a_1 ... a_n, where T is a type constructor defined in the same module.",
            )
        tinfo = self.own_types.get(con.name)
        element = self.elements.get(keys.type_key(con.name))
        if tinfo is None or tinfo.synonym is not None or element is None or element.kind != "type":
            self._fail(
                d,
                "CannotFindDerivingType",
                f"Cannot derive a type class instance, because the type declaration for `{con.name}` could not be "
                "found.",
            )
        self.state.reads[(self.name, keys.type_key(con.name))] = tinfo
        return tinfo, args

    def derives_own_type(self, d: ast.DeriveDecl, info: InstanceInfo) -> bool:
        """Whether a derive declaration's type (the last for `derive newtype`, else the first) is a type
        constructor of this module, as PureScript requires."""
        if not info.args:
            return False
        head = _head(info.args[-1] if d.newtype else info.args[0])
        return isinstance(head, TCon) and head.module == self.name

    def _fail(self, d: ast.DeriveDecl, code: str, message: str, related: tuple[Related, ...] = ()) -> NoReturn:
        self.error(d.span, code, message, related)
        raise _Stop

    def _constructors(self, tinfo: TypeInfo, actual: list[Type]) -> list[tuple[str, list[Type]]]:
        """Each constructor of the type with its field types, the type's parameters replaced by `actual`."""
        out: list[tuple[str, list[Type]]] = []
        for cname in tinfo.constructors:
            sc = self.scheme_of((tinfo.module, cname))
            if sc is None or sc.arity != len(actual):
                raise _Stop  # (the constructor's own declaration has the error)
            t = prune(substitute(sc.type, actual))
            fields: list[Type] = []
            while isinstance(t, TFun):
                fields.append(t.arg)
                t = prune(t.res)
            out.append((cname, fields))
        return out

    # ------------------------------------------------------------------ instance heads (declaration phase)
    def derived_head_args(self, d: ast.DeriveDecl, cls: Ref, args: tuple[Type, ...]) -> tuple[Type, ...]:
        """`derive instance Generic T _` and `derive instance Newtype T _`: the wildcard stands for the type's
        representation (the wrapped type), which other instances see through the class's functional dependency."""
        strategy = DERIVABLE.get(cls)
        if d.newtype or strategy not in ("Generic", "Newtype") or len(args) != 2 or len(d.types) != 2:
            return args
        con, targs = split_app(args[0])
        if not isinstance(con, TCon) or con.module != self.name:
            return args
        tinfo = self.own_types.get(con.name)
        element = self.elements.get(keys.type_key(con.name))
        if tinfo is None or tinfo.synonym is not None or element is None or element.kind != "type":
            return args
        if not isinstance(d.types[1], ast.TypeWildcard):
            self.module_error(
                d.span, "ExpectedWildcard", f"Expected a type wildcard (_) when deriving an instance for `{con.name}`."
            )
            return args
        if strategy == "Newtype" and not tinfo.newtype:
            self.module_error(
                element.span,
                "CannotDeriveNewtypeForData",
                f"Cannot derive an instance of the Newtype class for non-newtype `{con.name}`.",
            )
            return args
        fields: list[list[Type]] = []
        for cname in tinfo.constructors:
            sc = self.schemes.get(cname)
            if sc is None or sc.arity != len(targs):
                return args
            t = substitute(sc.type, list(targs))
            ctor_fields: list[Type] = []
            while isinstance(t, TFun):
                ctor_fields.append(t.arg)
                t = t.res
            fields.append(ctor_fields)
        if strategy == "Newtype":
            if len(fields) != 1 or len(fields[0]) != 1:
                return args
            return (args[0], fields[0][0])
        return (args[0], generic_rep(list(zip(tinfo.constructors, fields, strict=True))))

    def wrong_derived_arity(self, d: ast.DeriveDecl, cls: Ref) -> bool:
        """PureScript's `InvalidDerivedInstance` (reported here): `derive instance` of `Generic` or `Newtype` is
        elaborated before instances are checked, so one not given two types fails there; any other class with
        the wrong number of types is the instance check's `ClassInstanceArityMismatch`."""
        if d.newtype or DERIVABLE.get(cls) not in ("Generic", "Newtype") or len(d.types) == 2:
            return False
        self.module_error(
            d.span,
            "InvalidDerivedInstance",
            f"Cannot derive an instance of `{d.class_name.full}` with {len(d.types)} type argument"
            f"{'s' if len(d.types) != 1 else ''}: it takes 2 (the type, and `_` for its representation).",
        )
        return True

    def newtype_head_stuck(self, d: ast.DeriveDecl) -> str | None:
        """The newtype of `derive newtype instance C (N a1 … ak)`, N a newtype of this module, when it cannot be
        unwrapped: its wrapped type must end in applications to N's parameters after the k given (`newtype X a b =
        X (Array b)` gives `X a` = `Array` but no `X`). PureScript derives before it checks the head's kinds, so
        such a head is `InvalidNewtypeInstance` even when its kind is wrong too."""
        t = d.types[-1] if d.types else None
        applied = 0
        while isinstance(t, (ast.TypeParen, ast.TypeApp)):
            if isinstance(t, ast.TypeApp):
                applied += 1
                t = t.fn
            else:
                t = t.type
        if not isinstance(t, ast.TypeCon) or t.qualifier is not None:
            return None
        tinfo = self.own_types.get(t.name)
        if tinfo is None or not tinfo.newtype or len(tinfo.constructors) != 1 or applied >= len(tinfo.params):
            return None
        sc = self.schemes.get(tinfo.constructors[0])
        if sc is None or sc.arity != len(tinfo.params) or not isinstance(sc.type, TFun):
            return None
        return t.name if _strip_params(sc.type.arg, applied, len(tinfo.params)) is None else None

    def derived_head_valid(self, d: ast.DeriveDecl, info: InstanceInfo) -> bool:
        """Whether the declaration phase accepted a `Generic`/`Newtype` head (it reported what it did not)."""
        if len(d.types) == 2 and not isinstance(d.types[1], ast.TypeWildcard):
            return False
        if not info.args:
            return False
        con = _head(info.args[0])
        tinfo = self.own_types.get(con.name) if isinstance(con, TCon) and con.module == self.name else None
        return not (info.cls == "Newtype" and tinfo is not None and not tinfo.newtype)

    # ------------------------------------------------------------------ instance bodies
    def check_derive(self, d: ast.DeriveDecl, info: InstanceInfo) -> Derivation | None:
        """Check a `derive` declaration; what the evaluator builds the instance from (None after an error)."""
        self.level = 1
        try:
            if d.newtype:
                return self._derive_newtype_instance(d, info)
            return self._derive(d, info)
        except _Stop:
            return None

    def _derive(self, d: ast.DeriveDecl, info: InstanceInfo) -> Derivation | None:
        strategy = DERIVABLE.get((info.cls_module, info.cls))
        if strategy is None:
            return self._fail(
                d,
                "CannotDerive",
                f"Cannot derive a type class instance for {_shown(info)} since instances of this type class are not "
                "derivable.",
            )
        wanted = 2 if strategy in ("Generic", "Newtype") else 1
        if len(info.args) != wanted:
            self._fail(
                d,
                "InvalidDerivedInstance",
                f"Cannot derive the type class instance {_shown(info)} because the `{info.cls}` type class has "
                f"{wanted} type argument{'s' if wanted != 1 else ''}, but the declaration specifies {len(info.args)}.",
            )
        _, head, inst_givens = self._instance_givens(info)
        givens = self.classenv.given_closure(inst_givens)
        tinfo, args = self._derived_type(d, info, head[0])
        if strategy in ("Generic", "Newtype"):
            if not self.derived_head_valid(d, info):
                return None
            ctors = tuple(
                DerivedConstructor(tinfo.module, c, c, (None,) * len(fields))
                for c, fields in self._constructors(tinfo, args)
            )
            return Derivation(strategy, ctors if strategy == "Generic" else (), tinfo.newtype)
        if strategy in ("Eq", "Ord"):
            return self._derive_comparison(d, info, strategy, tinfo, args, givens)
        if strategy in ("Eq1", "Ord1"):
            return self._derive_comparison1(d, info, strategy, head[0], inst_givens)
        return self._derive_mapping(d, info, strategy, tinfo, args, givens)

    def _solved(self, d: ast.DeriveDecl, cls: Ref, args: tuple[Type, ...], givens: list[Given]) -> Evidence | None:
        """The dictionary of `cls args` (as the generated code's use of a method would need it)."""
        w = Wanted(cls[0], cls[1], args, d.span)
        before = len(self.state.diagnostics)
        for stuck in self.solve([w], givens, final=True):
            self._unsolved(stuck)
        if len(self.state.diagnostics) > before:
            del self.state.diagnostics[before + 1 :]  # (PureScript reports the first constraint it cannot solve)
            raise _Stop
        return to_evidence(w)

    # ------------------------------------------------------------------ Eq and Ord
    def _derive_comparison(
        self,
        d: ast.DeriveDecl,
        info: InstanceInfo,
        strategy: str,
        tinfo: TypeInfo,
        args: list[Type],
        givens: list[Given],
    ) -> Derivation:
        cls = (info.cls_module, info.cls)
        cls1 = self.known_class(strategy + "1")
        ctors: list[DerivedConstructor] = []
        for cname, fields in self._constructors(tinfo, args):
            uses = tuple(self._compare_use(d, t, cls, cls1, givens) for t in fields)
            ctors.append(DerivedConstructor(tinfo.module, cname, cname, uses))
        return Derivation(strategy, tuple(ctors), tinfo.newtype)

    def _compare_use(
        self, d: ast.DeriveDecl, t: Type, cls: Ref, cls1: Ref | None, givens: list[Given]
    ) -> FieldUse:
        """PureScript's `toEqTest`/`toOrdering`: a closed record compares field by field (labels in order), an
        applied type variable `f a` through `Eq1 f`/`Ord1 f`, anything else through the class at its type."""
        t = prune(t)
        fields = _closed_record(t)
        if fields is not None:
            return FieldUse(
                "record",
                parts=tuple(self._compare_use(d, ft, cls, cls1, givens) for _, ft in fields),
                labels=tuple(label for label, _ in fields),
            )
        if cls1 is not None and isinstance(t, TApp) and isinstance(prune(t.fn), TSkolem):
            outer = self._solved(d, cls1, (prune(t.fn),), givens)
            inner = self._solved(d, cls, (t.arg,), givens)
            return FieldUse("dict1", (outer, inner))
        return FieldUse("dict", (self._solved(d, cls, (t,), givens),))

    def _derive_comparison1(
        self, d: ast.DeriveDecl, info: InstanceInfo, strategy: str, head: Type, inst_givens: list[Given]
    ) -> Derivation | None:
        """`eq1 = eq` (`compare1 = compare`): the class's method at the type applied to the method's own
        variable, whose `Eq`/`Ord` dictionary is the method's parameter."""
        cinfo = self.classenv.classes.get((info.cls_module, info.cls))
        if cinfo is None or len(cinfo.methods) != 1:
            return None
        method = cinfo.methods[0]
        msc = self.scheme_of((info.cls_module, method))
        if msc is None or len(msc.constraints) < 2:
            return None
        own = msc.constraints[1]
        var = TSkolem("a", fresh_id(), 1)
        given = Given(own.module, own.cls, (var,), ParamEv(f"{info.key}.{method}", 0))
        givens = self.classenv.given_closure([*inst_givens, given])
        ev = self._solved(d, (own.module, own.cls), (TApp(head, var),), givens)
        return Derivation(strategy, extras=((method, own.cls, ev),))

    # ------------------------------------------------------------------ Functor, Foldable, Traversable and kin
    def _derive_mapping(
        self,
        d: ast.DeriveDecl,
        info: InstanceInfo,
        strategy: str,
        tinfo: TypeInfo,
        args: list[Type],
        givens: list[Given],
    ) -> Derivation | None:
        family = FAMILIES[strategy]
        missing = len(tinfo.params) - len(args)
        if missing != (2 if family.two else 1):
            return None  # the instance head's kind is wrong: reported where the head was checked
        params = [TSkolem(n, fresh_id(), 1) for n in tinfo.params[len(args) :]]
        names = {params[-1].id: "param"}
        if family.two:
            names[params[0].id] = "lparam"
        mapping = _Mapping(family, names, givens)
        pending: list[tuple[str, list[_Pending | None]]] = []
        bad_ctors: list[str] = []
        for cname, fields in self._constructors(tinfo, [*args, *params]):
            before = mapping.bad
            mapping.bad = False
            pending.append((cname, [self._map_use(t, False, mapping) for t in fields]))
            if mapping.bad:
                bad_ctors.append(cname)
            mapping.bad = mapping.bad or before
        if bad_ctors:
            where = ", ".join(f"`{c}`" for c in bad_ctors)
            self._fail(
                d,
                "CannotDeriveInvalidConstructorArg",
                _invalid_arg_message(info.cls, family) + f" (constructor{'s' if len(bad_ctors) > 1 else ''} {where})",
            )
        ctors = tuple(
            DerivedConstructor(
                tinfo.module, cname, cname, tuple(self._finish(d, u, givens) if u else None for u in uses)
            )
            for cname, uses in pending
        )
        return Derivation(strategy, ctors, tinfo.newtype, self._method_extras(info))

    def _map_use(self, t: Type, negative: bool, m: _Mapping) -> _Pending | None:
        """PureScript's `typeToUsageOf`: where the parameters occur in a field's type, and through which class
        each occurrence is reached; a parameter anywhere else (or with the wrong variance) marks the field bad."""
        t = prune(t)
        if isinstance(t, TSkolem):
            which = m.params.get(t.id)
            if which is None:
                return None
            contra = m.family.lparam_contra if which == "lparam" else m.family.param_contra
            if contra != negative:
                m.bad = True
            return _Pending(which)
        if isinstance(t, TForall):
            # a quantified field (`forall t. Show t => t -> a`): mapped inside its body; its dictionaries are taken
            # and handed on by the mapped value (only the mapping classes can reach through them)
            inner = self._map_use(t.body, negative, m)
            if inner is None or not t.constraints:
                return inner
            if not m.family.contravariance:
                m.bad = True
                return None
            return _Pending("constrained", parts=(inner,), labels=tuple(c.cls for c in t.constraints))
        if isinstance(t, TFun):
            t = TApp(TApp(T_ARROW, t.arg), t.res)
        if isinstance(t, TApp) and prune(t.fn) == T_RECORD:
            row_fields, _ = flatten_row(prune(t.arg)) if isinstance(prune(t.arg), TRow) else ([], None)
            kept = [
                (label, use)
                for label, use in ((label, self._map_use(ft, negative, m)) for label, ft in sorted(row_fields))
                if use is not None
            ]
            if not kept:
                return None
            return _Pending("record", parts=tuple(u for _, u in kept), labels=tuple(label for label, _ in kept))
        if isinstance(t, TApp):
            fn = prune(t.fn)
            if isinstance(fn, TFun):
                fn = TApp(T_ARROW, fn.arg)  # (a partial function type cannot occur; kept total)
            if isinstance(fn, TApp):
                self._no_param(fn.fn, m)
                return self._try_bi(prune(fn.fn), prune(fn.arg), t.arg, negative, m)
            self._no_param(fn, m)
            return self._try_mono(fn, t.arg, negative, m)
        self._no_param(t, m)
        return None

    def _try_bi(self, fn: Type, left: Type, right: Type, negative: bool, m: _Mapping) -> _Pending | None:
        head = _head(fn)
        bi = self.known_class(m.family.bi)
        if bi is not None and self._has_instance(bi, head, m):
            return self._prefer_mono(fn, left, right, self._map_use(left, negative, m), negative, "bi", bi, m)
        pro = self.known_class("Profunctor") if m.family.contravariance else None
        if pro is not None and self._has_instance(pro, head, m):
            return self._prefer_mono(fn, left, right, self._map_use(left, not negative, m), negative, "pro", pro, m)
        self._no_param(left, m)
        return self._try_mono(TApp(fn, left), right, negative, m)

    def _prefer_mono(
        self,
        fn: Type,
        left: Type,
        right: Type,
        left_use: _Pending | None,
        negative: bool,
        kind: str,
        cls: Ref,
        m: _Mapping,
    ) -> _Pending | None:
        right_use = self._map_use(right, negative, m)
        mono = self.known_class(m.family.mono)
        if left_use is None and mono is not None and self._has_instance(mono, _head(fn), m):
            return _Pending("mono", mono, TApp(fn, left), (right_use,)) if right_use is not None else None
        if left_use is None and right_use is None:
            return None
        return _Pending(kind, cls, fn, (left_use, right_use))

    def _try_mono(self, container: Type, arg: Type, negative: bool, m: _Mapping) -> _Pending | None:
        head = _head(container)
        mono = self.known_class(m.family.mono)
        if mono is not None and self._has_instance(mono, head, m):
            use = self._map_use(arg, negative, m)
            return _Pending("mono", mono, container, (use,)) if use is not None else None
        contra = self.known_class("Contravariant") if m.family.contravariance else None
        if contra is not None and self._has_instance(contra, head, m):
            use = self._map_use(arg, not negative, m)
            return _Pending("contra", contra, container, (use,)) if use is not None else None
        self._no_param(arg, m)
        return None

    def _no_param(self, t: Type, m: _Mapping) -> None:
        stack = [t]
        while stack:
            n = prune(stack.pop())
            if isinstance(n, TSkolem):
                if n.id in m.params:
                    m.bad = True
                    return
            elif isinstance(n, TFun):
                stack += [n.arg, n.res]
            elif isinstance(n, TApp):
                stack += [n.fn, n.arg]
            elif isinstance(n, TRow):
                stack += [ft for _, ft in n.fields]
                if n.tail is not None:
                    stack.append(n.tail)
            elif isinstance(n, TForall):
                stack.append(n.body)
                stack += [a for c in n.constraints for a in c.args]

    def _has_instance(self, cls: Ref, head: Type | None, m: _Mapping) -> bool:
        """PureScript's `hasInstance`: some instance of the class (or a given of the instance's context) is for
        this type constructor (or type variable) alone."""
        if isinstance(head, TCon):
            for inst in self.classenv.instances.get(cls, ()):
                if len(inst.args) == 1 and _head(inst.args[0]) == head:
                    return True
            return False
        if isinstance(head, TSkolem):
            return any(
                g.module == cls[0] and g.cls == cls[1] and len(g.args) == 1 and prune(g.args[0]) == head
                for g in m.givens
            )
        return False

    def _finish(self, d: ast.DeriveDecl, p: _Pending, givens: list[Given]) -> FieldUse:
        parts = tuple(self._finish(d, q, givens) if q is not None else None for q in p.parts)
        evidence: tuple[Evidence | None, ...] = ()
        if p.cls is not None and p.container is not None:
            evidence = (self._solved(d, p.cls, (p.container,), givens),)
        return FieldUse(p.kind, evidence, parts, p.labels)

    def _method_extras(self, info: InstanceInfo) -> tuple[tuple[str, str, Evidence | None], ...]:
        """For each method with constraints of its own (`traverse`'s `Applicative m`, `foldMap`'s `Monoid m`): the
        dictionaries they give, by class name (the `Apply` and `Functor` inside `Applicative m`, …)."""
        cinfo = self.classenv.classes.get((info.cls_module, info.cls))
        out: list[tuple[str, str, Evidence | None]] = []
        for method in cinfo.methods if cinfo is not None else ():
            msc = self.scheme_of((info.cls_module, method))
            if msc is None:
                continue
            placeholders: list[Type] = [TSkolem(f"t{i}", fresh_id(), 1) for i in range(msc.arity)]
            own = [
                Given(c.module, c.cls, substitute_all(c.args, placeholders), ParamEv(f"{info.key}.{method}", i - 1))
                for i, c in enumerate(msc.constraints)
                if i > 0
            ]
            seen: set[str] = set()
            for g in self.classenv.given_closure(own):
                if g.cls not in seen:
                    seen.add(g.cls)
                    out.append((method, g.cls, g.evidence))
        return tuple(out)

    # ------------------------------------------------------------------ derive newtype instance
    def _derive_newtype_instance(self, d: ast.DeriveDecl, info: InstanceInfo) -> Derivation | None:
        """The wrapped type's instance is the newtype's (newtypes are erased at run time)."""
        if not info.args:
            self._fail(d, "InvalidNewtypeInstance", f"Cannot derive newtype instance for {_shown(info)}.")
        _, head, inst_givens = self._instance_givens(info)
        givens = self.classenv.given_closure(inst_givens)
        tinfo, args = self._derived_type(d, info, head[-1])
        invalid = f"Cannot derive newtype instance for {_shown(info)}. Make sure this is a newtype."
        if not tinfo.newtype or len(tinfo.constructors) != 1:
            self._fail(d, "InvalidNewtypeInstance", invalid)
        ctor = tinfo.constructors[0]
        sc = self.scheme_of((tinfo.module, ctor))
        if sc is None or sc.arity != len(tinfo.params) or not isinstance(sc.type, TFun):
            return None
        wrapped = _strip_params(sc.type.arg, len(args), len(tinfo.params))
        if wrapped is None:
            self._fail(d, "InvalidNewtypeInstance", invalid)
        wrapped = substitute(wrapped, [*args, *[TVar(fresh_id(), 1 << 20) for _ in tinfo.params[len(args) :]]])
        ev = self._solved(d, (info.cls_module, info.cls), (*head[:-1], wrapped), givens)
        if ev is not None and mentions_instance(ev, info.module, info.key):
            # the dictionary is the wrapped type's, built when the module is loaded: one that needs this very
            # instance (a newtype wrapping a type that mentions it) would read itself before it exists
            name = info.name or info.key
            self._fail(
                d,
                "CycleInDeclaration",
                f"The value of `{name}` is undefined here, so this reference is not allowed: the derived "
                f"instance's dictionary, the wrapped type's, needs {_shown(info)} itself.",
            )
        self._verify_superclasses(d, info, tinfo)
        return Derivation("newtype", newtype=True, extras=(("", "", ev),))

    def _verify_superclasses(self, d: ast.DeriveDecl, info: InstanceInfo, tinfo: TypeInfo) -> None:
        """PureScript's check that a superclass mentioning the newtype has an instance for it too (a warning:
        the derived dictionary carries the wrapped type's superclass dictionaries)."""
        cinfo = self.classenv.classes.get((info.cls_module, info.cls))
        if cinfo is None or not cinfo.params:
            return
        last = len(cinfo.params) - 1
        for sup in cinfo.supers:
            if not any(_mentions_gen(a, last) for a in sup.args):
                continue
            sup_info = self.classenv.classes.get((sup.module, sup.cls))
            deps = sup_info.fundeps if sup_info is not None else ()
            determined = {i for lhs, rhs in deps if lhs == (len(sup.args) - 1,) for i in rhs}
            if sup.args and sup.args[-1] == TGen(last) and all(
                isinstance(a, TGen) and a.index in determined for a in sup.args[:-1]
            ):
                if not self._newtype_has_instance((sup.module, sup.cls), tinfo):
                    self.warn(
                        d.span,
                        "MissingNewtypeSuperclassInstance",
                        f"The derived newtype instance for {_shown(info)} does not include a derived superclass "
                        f"instance for `{sup.cls}`.",
                    )
            else:
                self.warn(
                    d.span,
                    "UnverifiableSuperclassInstance",
                    f"The derived newtype instance for {_shown(info)} implies an superclass instance for "
                    f"`{sup.cls}` which could not be verified.",
                )

    def _newtype_has_instance(self, cls: Ref, tinfo: TypeInfo) -> bool:
        for inst in self.classenv.instances.get(cls, ()):
            if inst.module in (cls[0], tinfo.module) and inst.args:
                head = _head(inst.args[-1])
                if isinstance(head, TCon) and head.name == tinfo.name and head.module == tinfo.module:
                    return True
        return False


# ---------------------------------------------------------------------------------------------- helpers
def generic_rep(constructors: list[tuple[str, list[Type]]]) -> Type:
    """`Data.Generic.Rep`'s representation: a `Sum` of `Constructor "Name"` of a `Product` of `Argument`s
    (`NoArguments` without fields, `NoConstructors` without constructors), nested to the right."""

    def con(name: str) -> Type:
        return TCon(name, GENERIC_REP)

    def product(fields: list[Type]) -> Type:
        if not fields:
            return con("NoArguments")
        out = TApp(con("Argument"), fields[-1])
        for f in reversed(fields[:-1]):
            out = TApp(TApp(con("Product"), TApp(con("Argument"), f)), out)
        return out

    import json

    reps = [TApp(TApp(con("Constructor"), TCon(json.dumps(name))), product(fields)) for name, fields in constructors]
    if not reps:
        return con("NoConstructors")
    out = reps[-1]
    for r in reversed(reps[:-1]):
        out = TApp(TApp(con("Sum"), r), out)
    return out


def _strip_params(wrapped: Type, applied: int, total: int) -> Type | None:
    """PureScript's `stripRight`: a newtype applied to fewer types than it has parameters wraps a type ending in
    applications to the missing ones, in order (`newtype MyArray a = MyArray (Array a)` gives `Array`)."""
    t = wrapped
    for index in reversed(range(applied, total)):
        t = prune(t)
        if isinstance(t, TFun):
            t = TApp(TApp(T_ARROW, t.arg), t.res)
        if not (isinstance(t, TApp) and prune(t.arg) == TGen(index)):
            return None
        t = prune(t.fn)
    if any(_mentions_gen(t, i) for i in range(applied, total)):
        return None
    return t


def _mentions_gen(t: Type, index: int) -> bool:
    stack = [t]
    while stack:
        n = prune(stack.pop())
        if isinstance(n, TGen) and n.index == index:
            return True
        if isinstance(n, TFun):
            stack += [n.arg, n.res]
        elif isinstance(n, TApp):
            stack += [n.fn, n.arg]
        elif isinstance(n, TRow):
            stack += [ft for _, ft in n.fields]
            if n.tail is not None:
                stack.append(n.tail)
    return False


def _head(t: Type) -> Type | None:
    """The type constructor (or variable) a type is an application of (`Function` for function types)."""
    t = prune(t)
    while True:
        if isinstance(t, TApp):
            t = prune(t.fn)
        elif isinstance(t, TFun):
            return T_ARROW
        else:
            return t if isinstance(t, (TCon, TSkolem)) else None


def _closed_record(t: Type) -> list[tuple[str, Type]] | None:
    """The fields of a record type with a closed row, in label order (None for anything else)."""
    if not (isinstance(t, TApp) and prune(t.fn) == T_RECORD):
        return None
    row = prune(t.arg)
    if not isinstance(row, TRow):
        return None
    fields, tail = flatten_row(row)
    if tail is not None and not (isinstance(prune(tail), TRow) and not prune(tail).fields):  # type: ignore[attr-defined]
        return None
    return sorted(fields, key=lambda f: f[0])


def _shown(info: InstanceInfo) -> str:
    from nova.types.pretty import print_constraint

    return f"`{print_constraint(info.cls, info.args)}`"


def _printed(t: Type) -> str:
    from nova.types.pretty import print_type

    return print_type(t)


def _invalid_arg_message(cls: str, family: _Family) -> str:
    names = [family.mono, family.bi] + (["Contravariant", "Profunctor"] if family.contravariance else [])
    qualified = [f"{PURESCRIPT_CLASSES[n][0]}.{n}" for n in names]
    listed = " or ".join(qualified) if len(qualified) == 2 else ", ".join(qualified[:-1]) + ", or " + qualified[-1]
    return (
        f"One or more type variables are in positions that prevent `{cls}` from being derived. To derive this "
        "class, make sure that these variables are only used as the final arguments to type constructors, that "
        f"their variance matches the variance of `{cls}`, and that those type constructors themselves have "
        f"instances of {listed}."
    )


__all__ = ["DERIVABLE", "PURESCRIPT_CLASSES", "Deriving", "generic_rep"]
