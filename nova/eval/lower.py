"""Lower the checker's typed elements (`nova.check.typed`) to the evaluator's core language.

Class methods become dictionary passing driven by the evidence the checker recorded on each reference (an
instance element applied to the dictionaries of its context, a dictionary parameter of an enclosing binding, or a
superclass inside another dictionary) — nothing is re-solved here. Multi-clause functions become one lambda over
a `case` of all parameters; a clause whose guards all fail falls through to the next one, as in PureScript.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from nova.check import typed as t
from nova.diagnostics import Span
from nova.eval import core
from nova.eval.derive import ORDERING
from nova.eval.errors import Location, Where
from nova.eval.values import Char, Foreign, InstanceDict, Value
from nova.types.evidence import BuiltinEv, Evidence, InstanceEv, ParamEv

_fresh = itertools.count()


def dict_param(owner: str, index: int) -> str:
    """The local name of a binding's `index`-th dictionary parameter (not a valid Nova name: no clashes)."""
    return f"$dict:{owner}:{index}"


def _fresh_name(prefix: str) -> str:
    return f"${prefix}{next(_fresh)}"


# ---- evidence ----------------------------------------------------------------------------------------------------


def lower_evidence(evidence: Evidence) -> core.Expr:
    if isinstance(evidence, InstanceEv):
        instance: core.Expr = core.Global(evidence.module, evidence.key)
        if evidence.args:
            return core.App(instance, tuple(lower_evidence(arg) for arg in evidence.args))
        return instance
    if isinstance(evidence, ParamEv):
        return core.Local(dict_param(evidence.owner, evidence.index))
    if isinstance(evidence, BuiltinEv):
        return core.Lit(builtin_dictionary(evidence))
    return core.Super(lower_evidence(evidence.base), super_key(evidence.module, evidence.cls, evidence.index))


REFLECTING_METHODS = {("Data.Symbol", "IsSymbol"): "reflectSymbol", ("Data.Reflectable", "Reflectable"): "reflectType"}
"""The one method of each compiler-solved class that carries a value to run time (its argument is ignored)."""


def builtin_dictionary(evidence: BuiltinEv) -> InstanceDict:
    """The dictionary of a compiler-solved class: the reflected value for `IsSymbol`/`Reflectable`, else empty
    (`Coercible`, `Prim.Row.Cons`, … have no methods; coercions are the identity at run time)."""
    made = InstanceDict(evidence.cls, evidence.cls)
    method = REFLECTING_METHODS.get((evidence.module, evidence.cls))
    if method is not None:
        value = evidence.value
        reflected: Value = ORDERING[value] if evidence.ordering and isinstance(value, str) else value
        made.methods[method] = Foreign(1, method, lambda m, _proxy: reflected)
    return made


def super_key(module: str, cls: str, index: int) -> str:
    """How a dictionary files its superclass dictionaries: by position in the class declaration."""
    return f"{index}"


def with_dict_params(owner: str, count: int, body: core.Expr, name: str) -> core.Expr:
    if count == 0:
        return body
    return core.Lam(tuple(dict_param(owner, i) for i in range(count)), body, name)


# ---- literals and patterns -----------------------------------------------------------------------------------------


def literal(value: int | float | str | bool, lit: str) -> Value:
    if lit == "char":
        return Char(str(value))
    if lit == "number":
        return float(value)
    return value


SHORT_CIRCUIT = {
    ("Data.HeytingAlgebra", "&&"): True,
    ("Data.HeytingAlgebra", "conj"): True,
    ("Data.HeytingAlgebra", "||"): False,
    ("Data.HeytingAlgebra", "disj"): False,
}
"""`&&`/`conj` (True) and `||`/`disj` (False): on `Boolean`, PureScript's code generator makes them JavaScript's
short-circuiting operators, so the right operand is only evaluated when the left one does not decide."""

BOOLEAN_ALGEBRA = InstanceEv("Data.HeytingAlgebra", "instance:heytingAlgebraBoolean", ())


def _short_circuit(fn: t.EVar, left: core.Expr, right: core.Expr) -> core.Expr | None:
    """`a && b` as `if a then b else false` and `a || b` as `if a then true else b`, for the `Boolean` instance
    only (other instances are ordinary method calls, both operands evaluated)."""
    if fn.evidence != (BOOLEAN_ALGEBRA,):
        return None
    if SHORT_CIRCUIT[fn.target]:  # type: ignore[index]
        return core.If(left, right, core.Lit(False))
    return core.If(left, core.Lit(True), right)


class Lowerer:
    """Lowers the elements of one view; constructor operators in patterns (`x : xs`) are resolved through it."""

    def __init__(
        self,
        constructor_name: Callable[[str, str], str] | None = None,
        module: str = "",
        newtype_constructor: Callable[[str, str], bool] | None = None,
    ) -> None:
        self._constructor_name = constructor_name
        self._newtype_constructor = newtype_constructor
        self.module = module
        self.local_dicts: dict[str, int] = {}

    def at(self, span: Span) -> Where:
        """Where a node comes from, with the module named (runtime errors point into the right file)."""
        return Location(self.module, span) if self.module else span

    def ctor(self, pattern: t.PCon) -> str:
        if pattern.target is not None and self._constructor_name is not None:
            return self._constructor_name(*pattern.target)
        return pattern.name

    def lower_pattern(self, pattern: t.Pattern) -> core.Pattern:
        if isinstance(pattern, t.PVar):
            return core.PVar(pattern.name)
        if isinstance(pattern, t.PWild):
            return core.PWild()
        if isinstance(pattern, t.PLit):
            return core.PLit(literal(pattern.value, pattern.lit))
        if isinstance(pattern, t.PCon):
            if (
                len(pattern.args) == 1
                and pattern.target is not None
                and self._newtype_constructor is not None
                and self._newtype_constructor(*pattern.target)
            ):
                # newtypes are erased at run time (as PureScript does): `Name s` matches the string itself
                return self.lower_pattern(pattern.args[0])
            return core.PCon(self.ctor(pattern), tuple(self.lower_pattern(p) for p in pattern.args))
        if isinstance(pattern, t.PArray):
            return core.PArray(tuple(self.lower_pattern(p) for p in pattern.items))
        if isinstance(pattern, t.PRecord):
            return core.PRecord(tuple((label, self.lower_pattern(p)) for label, p in pattern.fields))
        if isinstance(pattern, t.PAs):
            return core.PNamed(pattern.name, self.lower_pattern(pattern.pattern))
        raise TypeError(f"unknown pattern {type(pattern).__name__}")

    # ---- expressions -----------------------------------------------------------------------------------------------

    def lower_expr(self, expr: t.Expr) -> core.Expr:
        if isinstance(expr, t.EVar):
            ref: core.Expr
            if expr.target is None:
                ref = core.Local(expr.name, self.at(expr.span))
            else:
                ref = core.Global(expr.target[0], expr.target[1], self.at(expr.span))
            evidence = expr.evidence
            if expr.target is None and expr.name in self.local_dicts:
                # A local binding takes exactly as many dictionaries as its scheme has constraints (a monomorphic
                # one takes none, whatever its recursive uses carry).
                evidence = evidence[: self.local_dicts[expr.name]]
            if evidence:
                return core.App(ref, tuple(lower_evidence(ev) for ev in evidence), self.at(expr.span))
            return ref
        if isinstance(expr, t.ELit):
            return core.Lit(literal(expr.value, expr.lit))
        if isinstance(expr, t.EApp):
            # Collect a spine `f a b c` into one application: one machine call instead of three.
            args: list[core.Expr] = []
            fn: t.Expr = expr
            while isinstance(fn, t.EApp):
                args.append(self.lower_expr(fn.arg))
                fn = fn.fn
            args.reverse()
            if len(args) == 2 and isinstance(fn, t.EVar) and fn.target in SHORT_CIRCUIT:
                short = _short_circuit(fn, args[0], args[1])
                if short is not None:
                    return short
            # A head applied to its dictionaries stays an application of its own: it is the same value on every
            # call (the compiler computes it once per run), and the arguments are applied to that.
            return core.App(self.lower_expr(fn), tuple(args), self.at(expr.span))
        if isinstance(expr, t.ELam):
            return self.lower_lambda(expr.params, self.lower_expr(expr.body), "", expr.span)
        if isinstance(expr, t.ELet):
            return core.Let(self.lower_group(expr.bindings), self.lower_expr(expr.body))
        if isinstance(expr, t.EIf):
            return core.If(
                self.lower_expr(expr.cond), self.lower_expr(expr.then_branch), self.lower_expr(expr.else_branch)
            )
        if isinstance(expr, t.ECase):
            alts = tuple(
                core.Alt(tuple(self.lower_pattern(p) for p in alt.patterns), self.lower_rhs(alt.rhs))
                for alt in expr.alts
            )
            return core.Case(tuple(self.lower_expr(s) for s in expr.scrutinees), alts, self.at(expr.span))
        if isinstance(expr, t.EArray):
            return core.ArrayLit(tuple(self.lower_expr(item) for item in expr.items))
        if isinstance(expr, t.ERecord):
            return core.RecordLit(tuple((label, self.lower_expr(value)) for label, value in expr.fields))
        if isinstance(expr, t.EAccess):
            return core.Access(self.lower_expr(expr.expr), expr.label, self.at(expr.span))
        if isinstance(expr, t.EUpdate):
            return core.Update(
                self.lower_expr(expr.expr), tuple(self._update_paths(expr.updates, ())), self.at(expr.span)
            )
        if isinstance(expr, t.EPoly):
            body = self.lower_expr(expr.body)
            if expr.count == 0:
                return body
            return core.Lam(tuple(dict_param(expr.owner, i) for i in range(expr.count)), body, "")
        if isinstance(expr, t.EInst):
            inner = self.lower_expr(expr.expr)
            if not expr.evidence:
                return inner
            return core.App(inner, tuple(lower_evidence(ev) for ev in expr.evidence), self.at(expr.span))
        if isinstance(expr, t.EError):
            return core.Fail(f"cannot evaluate code with a type error: {expr.message}".rstrip(": "), self.at(expr.span))
        raise TypeError(f"unknown expression {type(expr).__name__}")

    def _update_paths(
        self, updates: tuple[t.FieldUpdate, ...], prefix: tuple[str, ...]
    ) -> list[tuple[tuple[str, ...], core.Expr]]:
        paths: list[tuple[tuple[str, ...], core.Expr]] = []
        for update in updates:
            path = (*prefix, update.label)
            if update.value is not None:
                paths.append((path, self.lower_expr(update.value)))
            paths.extend(self._update_paths(update.nested, path))
        return paths

    def lower_lambda(self, params: tuple[t.Pattern, ...], body: core.Expr, name: str, span: Span) -> core.Expr:
        if all(isinstance(p, t.PVar) for p in params):
            return core.Lam(tuple(p.name for p in params if isinstance(p, t.PVar)), body, name)
        names = tuple(_fresh_name("arg") for _ in params)
        alt = core.Alt(tuple(self.lower_pattern(p) for p in params), core.simple(body))
        return core.Lam(names, core.Case(tuple(core.Local(n) for n in names), (alt,), self.at(span)), name)

    def lower_guard(self, guard: t.Guard) -> core.Guard:
        if isinstance(guard, t.GCond):
            return core.GuardBool(self.lower_expr(guard.expr))
        if isinstance(guard, t.GBind):
            return core.GuardBind(self.lower_pattern(guard.pattern), self.lower_expr(guard.expr))
        return core.GuardLet(self.lower_group(guard.bindings))

    def lower_rhs(self, rhs: t.Rhs) -> core.Guarded:
        branches = tuple(
            (tuple(self.lower_guard(g) for g in branch.guards), self.lower_expr(branch.expr)) for branch in rhs.branches
        )
        return core.Guarded(branches, self.lower_group(rhs.where))

    def lower_clauses(self, clauses: tuple[t.Clause, ...], name: str) -> core.Expr:
        """The clauses of one function (or value) as a single expression."""
        if not clauses:
            return core.Fail(f"{name} has no definition")
        arity = len(clauses[0].params)
        if arity == 0:
            rhs = self.lower_rhs(clauses[0].rhs)
            if not rhs.where and len(rhs.branches) == 1 and not rhs.branches[0][0]:
                return rhs.branches[0][1]
            return core.Case((), (core.Alt((), rhs),), self.at(clauses[0].span))
        dicts = clauses[0].dicts
        if len(clauses) == 1 and not dicts and all(isinstance(p, t.PVar) for p in clauses[0].params):
            rhs = self.lower_rhs(clauses[0].rhs)
            body: core.Expr
            if not rhs.where and len(rhs.branches) == 1 and not rhs.branches[0][0]:
                body = rhs.branches[0][1]
            else:
                body = core.Case((), (core.Alt((), rhs),), self.at(clauses[0].span))
            return self.lower_lambda(clauses[0].params, body, name, clauses[0].span)
        names = tuple(_fresh_name("arg") for _ in range(arity))
        alts = tuple(
            core.Alt(tuple(self.lower_pattern(p) for p in clause.params), self.lower_rhs(clause.rhs))
            for clause in clauses
            if len(clause.params) == arity
        )
        span = self.at(clauses[0].span)
        body = core.Case(tuple(core.Local(n) for n in names), alts, span)
        if not dicts:
            return core.Lam(names, body, name)
        # dictionary parameters between the parameters: `f x (dict) y` is `\x -> \dict -> \y -> …`
        ends = [position for position, _, _ in dicts[1:]] + [arity]
        for (start, owner, count), end in reversed(list(zip(dicts, ends, strict=True))):
            if end > start:
                body = core.Lam(names[start:end], body, name)
            body = core.Lam(tuple(dict_param(owner, i) for i in range(count)), body, "")
        first = dicts[0][0]
        return core.Lam(names[:first], body, name) if first else body

    def lower_group(self, bindings: tuple[t.Binding, ...]) -> tuple[core.Binding, ...]:
        """A `let`/`where` group: its names are in scope (with their dictionary counts) in every binding."""
        for binding in bindings:
            if binding.pattern is None:
                self.local_dicts[binding.name] = len(binding.scheme.constraints) if binding.scheme is not None else 0
        return tuple(self.lower_binding(b) for b in bindings)

    def lower_binding(self, binding: t.Binding) -> core.Binding:
        if binding.pattern is not None:
            expr = self.lower_clauses(binding.clauses, binding.name) if binding.clauses else core.Fail("empty binding")
            return core.Binding(binding.name, expr, self.lower_pattern(binding.pattern), self.at(binding.span))
        expr = self.lower_clauses(binding.clauses, binding.name)
        constraints = len(binding.scheme.constraints) if binding.scheme is not None else 0
        return core.Binding(
            binding.name, with_dict_params(binding.name, constraints, expr, binding.name), None, self.at(binding.span)
        )
