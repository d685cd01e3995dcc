"""The core of inference: state, unification errors, instantiation, name resolution, constraint solving."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from nova import keys
from nova.check import typed as T
from nova.check.env import ModuleEnv, Ref
from nova.check.holes import PendingHole, hole_report, scope_digest
from nova.check.scope import Scope, unknown_data
from nova.check.typeconv import TypeVarEntry
from nova.check.wildcards import report_wildcards
from nova.diagnostics import Diagnostic, Related, Severity, Span
from nova.syntax import ast
from nova.types.builtin_classes import PRIM_TYPEERROR, render_doc
from nova.types.classes import (
    MATCH,
    NOMATCH,
    ClassEnv,
    Given,
    PartialCase,
    Wanted,
    substitute,
    substitute_all,
    to_evidence,
)
from nova.types.pretty import Namer, print_constraint, print_scheme, print_type
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
    TCon,
    TForall,
    TFun,
    TRow,
    TSkolem,
    TVar,
    Type,
    fresh_id,
    iter_type,
    open_forall,
    prune,
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
    constraints: tuple[tuple[str, str, tuple[Type, ...]], ...] = ()


@dataclass(slots=True)
class DeclState:
    """Per top-level declaration bookkeeping: what it read (for incremental reuse) and nodes to finish."""

    reads: dict[Ref, Any] = field(default_factory=dict)
    var_wanteds: list[tuple[T.EVar | T.EInst, list[Wanted]]] = field(default_factory=list)
    group_refs: list[tuple[T.EVar, str]] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # typed holes `?name` met so far: reported (with their type, once inference is done) by `finish_evidence`
    typed_holes: list[PendingHole] = field(default_factory=list)
    # wildcards `_` of annotations met so far: reported with the type they stood for by `finish_evidence`
    wildcards: list[tuple[Span, Type, str | None]] = field(default_factory=list)
    # the variables of local partial signatures and the unknowns they became (their wildcards print by these names)
    wildcard_names: list[tuple[str, Type]] = field(default_factory=list)
    # expressions checked against a constrained quantified type so far (names their dictionary parameters)
    poly_scopes: int = 0
    # uses of schemes whose variables' kinds are checked (see `nova.check.value_kinds`): (scheme, the types given
    # to its variables, where, how: "joint" or its arrow-kinded variables), checked once the types are known
    kinded_uses: list[tuple[Scheme, list[Type], Span, Any]] = field(default_factory=list)
    # uses of generalised local bindings: (the binding, the types this use gave its variables, where), whose kinds
    # must agree across the uses (see `nova.check.value_kinds.shared_kind_clash`)
    local_uses: list[tuple[LocalVar, tuple[Type, ...], Span]] = field(default_factory=list)


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
    if isinstance(t, TForall):
        return TForall(
            t.vars,
            tuple(Constraint(c.module, c.cls, tuple(copy_poly(a, mapping) for a in c.args)) for c in t.constraints),
            copy_poly(t.body, mapping),
        )
    return t


def free_cells(t: Type, out: dict[int, TVar]) -> None:
    stack = [t]
    pop = stack.pop
    push = stack.append
    while stack:
        n = pop()
        if type(n) is TCon:
            continue
        if type(n) is TVar:
            if n.ref is None:
                out.setdefault(n.id, n)
                continue
            n = prune(n)
            if type(n) is TVar:
                out.setdefault(n.id, n)
                continue
        if type(n) is TFun:
            push(n.res)
            push(n.arg)
        elif type(n) is TApp:
            push(n.arg)
            push(n.fn)
        elif isinstance(n, TRow):
            if n.tail is not None:
                stack.append(n.tail)
            for _, ft in reversed(n.fields):
                stack.append(ft)
        elif type(n) is TForall:
            push(n.body)
            for c in reversed(n.constraints):
                stack.extend(reversed(c.args))


def _same_type(a: Type, b: Type) -> bool:
    from nova.types.classes import types_equal

    return types_equal(a, b)


def _has_cells(t: Type) -> bool:
    cells: dict[int, TVar] = {}
    free_cells(t, cells)
    return bool(cells)


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
        elif isinstance(n, TForall):
            stack.append(n.body)
            for c in n.constraints:
                stack.extend(c.args)
    return False


def signature_twice(name: str) -> str:
    """PureScript's report of a signature followed by another one for the same name (its desugaring pairs each
    signature with the declaration right after it): `OrphanTypeDeclaration`, at the second."""
    return f"The type signature for `{name}` is followed by another signature instead of its definition."


def resolve_chain(checker: Any, operands: Any, operators: Any, prefix: str, node: Any) -> Any:
    """Re-associate a flat operator chain by the fixity table in scope (precedence climbing of nova.syntax)."""
    table = getattr(checker, "fixity_table", {})
    try:
        from nova.syntax.fixity import _Resolver, fixity_named

        reads = checker.state.reads  # (the grouping depends on each operator's fixity: an edit of one re-checks)
        for op in operators:
            reads[keys.resolution("fixity", op.qualifier, op.name)] = fixity_named(table, op.qualifier, op.name)
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


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an expected type comes from, for a diagnostic's related location: `message` holds `{}` where the
    type (printed with the diagnostic's own variable names) goes."""

    span: Span
    message: str
    type: Type | None = None


NO_ORIGIN = Origin(Span(0, 0, 0, 0), "")
"""For an expected type made up by the checker itself (`e.f` expects a record with `f`): no related location."""

_SHOWN_BY_SHOW = {"Int", "Number", "Boolean", "Char"}


def _conversion_hint(left: Type | None, right: Type | None) -> str:
    """A likely fix when a primitive type was found where another was expected (`show`, `toNumber`)."""
    a = prune(left) if left is not None else None
    b = prune(right) if right is not None else None
    if not (isinstance(a, TCon) and isinstance(b, TCon) and a.module == "Prim" and b.module == "Prim"):
        return ""
    if b.name == "String" and a.name in _SHOWN_BY_SHOW:
        return f" Hint: `show` turns a value of type `{a.name}` into a `String`."
    if a.name == "Int" and b.name == "Number":
        return " Hint: `toNumber` (from `Data.Int`) turns an `Int` into a `Number`; a literal can be written `1.0`."
    if a.name == "Number" and b.name == "Int":
        return " Hint: `round`, `floor` or `ceil` (from `Data.Int`) turn a `Number` into an `Int`."
    return ""


def _row_labels(t: Type) -> list[str]:
    """Every label of every row inside a type."""
    out: list[str] = []
    for n in iter_type(t):
        if isinstance(n, TRow):
            out.extend(label for label, _ in n.fields)
    return out


def _label_hint(missing: tuple[str, ...], has: Type, wants: Type) -> str:
    """`Did you mean …?` when a missing label is close to one the record has (and the other side lacks)."""
    present = set(_row_labels(has)) - set(_row_labels(wants))
    for label in missing:
        close = difflib.get_close_matches(label, sorted(present), n=1, cutoff=0.6)
        if close:
            return f" Hint: `{close[0]}` and `{label}` are close; is one of them misspelled?"
    return ""


class InferBase:
    """State, diagnostics, variables, name resolution and constraint solving shared by inference."""

    name: str
    view: Any
    diags: list[Diagnostic]
    classenv: ClassEnv
    own_values: dict[str, str]
    own_aliases: dict[str, Ref]
    schemes: dict[str, Scheme]
    envs: dict[str, ModuleEnv]
    scope: Scope

    def init_inference(self) -> None:
        # patterns that already have an error (unknown constructor, wrong arity): typed as wildcards so inference
        # goes on, but exhaustiveness must not take them for "matches anything"
        self.broken_patterns: set[Span] = set()
        self.level = 0
        self.depth = 0
        self.locals: dict[str, LocalVar] = {}
        self.mono: dict[str, Type] = {}
        self.current_owner = ""
        self.wanted: list[Wanted] = []
        self.givens: list[Given] = []
        self.tyvars: dict[str, TypeVarEntry] = {}
        self.holes: dict[Span, tuple[Type, str]] = {}
        # element keys of declarations that do not parse (yet): their names are not reported as unknown
        self.broken_keys: set[str] = set()
        self.local_group_refs: list[tuple[T.EVar, str]] = []
        self.state = DeclState()
        self.scheme_cache: dict[Ref, Scheme | None] = {}
        self._unsafe_partial: bool | None = None
        # (signature span, name, scheme) of the declaration being checked against its signature
        self.signature_origin: tuple[Span, str, Scheme] | None = None
        # where the expected type of what is being checked comes from, when not from the signature
        self.expected_origin: Origin | None = None
        self.last_instantiation: tuple[Scheme, list[Type]] | None = None
        # per scheme object met here: (the scheme, whether its uses are kind-checked, what deciding it read; see
        # `instantiate`)
        self.kinds_matter: dict[int, tuple[Scheme, Any, dict[Ref, Any]]] = {}
        # whether the wildcards of annotations and local signatures are reported (PureScript 0.15 does not, under a
        # top-level declaration with a complete signature)
        self.wildcard_warnings = True

    # ------------------------------------------------------------------ diagnostics
    def error(
        self,
        span: Span,
        code: str,
        message: str,
        related: tuple[Related, ...] = (),
        data: Mapping[str, Any] | None = None,
    ) -> None:
        d = Diagnostic(span, Severity.ERROR, code, message, related, data=data)
        self.state.diagnostics.append(d)

    def warn(self, span: Span, code: str, message: str) -> None:
        self.state.diagnostics.append(Diagnostic(span, Severity.WARNING, code, message))

    def unify_at(self, found: Type, expected: Type, span: Span, origin: Origin | None = None) -> bool:
        """Unify what an expression has with what its place expects; `origin` says where the expected type comes
        from (a related location in the diagnostic)."""
        try:
            unify(found, expected)
            return True
        except UnifyError as err:
            self.report_unify(err, found, expected, span, origin)
            return False

    def type_display_names(self) -> dict[tuple[str, str], str]:
        """(defining module, type name) → the name this module knows the type by, where they differ."""
        return {}

    def synonym_aliases(self) -> list[tuple[Type, str, int]]:
        """Parameterless type synonyms in scope, to print types by the names the user wrote."""
        return []

    def report_unify(
        self, err: UnifyError, found: Type, expected: Type, span: Span, origin: Origin | None = None
    ) -> None:
        namer = Namer()
        namer.aliases = self.synonym_aliases()
        namer.qualify = self.type_display_names()
        for t in (found, expected, err.left, err.right):
            if t is not None:
                namer.scan(t)
        if origin is None:
            origin = self.expected_origin
        if origin is not None and origin.type is not None:
            namer.scan(origin.type)
        namer.finish()

        def p(t: Type | None) -> str:
            return print_type(t, namer) if t is not None else "?"

        related = self._origin_related(origin, p)

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
                f"`{p(found)}` with type `{p(expected)}`." + _label_hint(err.labels, found, expected),
                related,
            )
            return
        if err.kind == "extra":
            labels = ", ".join(f"`{lbl}`" for lbl in err.labels)
            plural = "s" if len(err.labels) > 1 else ""
            self.error(
                span,
                "AdditionalProperty",
                f"Type of expression contains additional label{plural} {labels}: could not match type "
                f"`{p(found)}` with type `{p(expected)}`." + _label_hint(err.labels, expected, found),
                related,
            )
            return
        inner = f"Could not match type `{p(err.left)}` with type `{p(err.right)}`"
        outer = (p(found), p(expected))
        if outer != (p(err.left), p(err.right)) and outer != (p(err.right), p(err.left)):
            inner += f" while trying to match type `{outer[0]}` with type `{outer[1]}`"
        hint = _conversion_hint(err.left, err.right) if err.kind != "coercible" else ""  # (no value converts there)
        self.error(span, "TypesDoNotUnify", inner + "." + hint, related)

    def _origin_related(self, origin: Origin | None, p: Callable[[Type | None], str]) -> tuple[Related, ...]:
        """Where the expected type comes from: the place `origin` names, or else the type signature of the
        declaration being checked."""
        if origin is None:
            origin = self.expected_origin
        if origin is not None:
            if not origin.message:
                return ()
            return (Related(origin.span, origin.message.replace("{}", p(origin.type))),)
        sig = self.signature_origin
        if sig is None:
            return ()
        span, name, scheme = sig
        return (Related(span, f"The expected type comes from the type signature `{name} :: {print_scheme(scheme)}`."),)

    # ------------------------------------------------------------------ variables and schemes
    def fresh(self) -> TVar:
        return TVar(fresh_id(), self.level)

    def instantiation_seen(self) -> tuple[Scheme, list[Type]] | None:
        """`last_instantiation`, read through a call: read right after being reset to None, the attribute is
        narrowed to None by the type checker, and compiled code checks the narrowed type."""
        return self.last_instantiation

    def instantiate(self, scheme: Scheme, span: Span) -> tuple[Type, list[Wanted]]:
        if scheme.arity == 0 and not scheme.constraints:
            return scheme.type, []
        args: list[Type] = [TVar(fresh_id(), self.level) for _ in range(scheme.arity)]
        self.last_instantiation = (scheme, args)  # (what a visible type application gives its types to)
        known = self.kinds_matter.get(id(scheme))
        if known is None or known[0] is not scheme:
            reads = self.state.reads
            self.state.reads = {}
            try:
                matters = self.scheme_kinds_matter(scheme)
            finally:
                read, self.state.reads = self.state.reads, reads
            known = self.kinds_matter[id(scheme)] = (scheme, matters, read)
        if known[2]:  # (the types whose kinds decided it: read by every use, as if each decided it anew)
            self.state.reads.update(known[2])
        if known[1] is not None:
            self.state.kinded_uses.append((scheme, args, span, known[1]))
        t = substitute(scheme.type, args)
        ws = [
            Wanted(
                c.module,
                c.cls,
                (substitute(c.args[0], args),) if len(c.args) == 1 else substitute_all(c.args, args),
                span,
            )
            for c in scheme.constraints
        ]
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

    def value_resolution(self, name: str, qualifier: str | None, what: str) -> tuple[Any, ...]:
        """How a value name resolves here: ("own", key), ("refs", origins…), ("broken",) or ("unknown", message).

        Recorded among a declaration's reads, so a reused declaration is re-checked when resolution changes."""
        if qualifier is None and name in self.own_values:
            return (
                "own",
                self.own_values[name],
                self.explicit_conflicts(name, "value"),
                self.shadowed_imports("values", name),
            )
        full = name if qualifier is None else f"{qualifier}.{name}"
        refs = self.scope_values().get(full)
        if not refs:
            if qualifier is None and name in self.broken_keys:
                return ("broken",)
            from nova.check.scope import unknown

            upper = name[:1].isupper()
            candidates = [n for n in self.visible_value_names() if n.rsplit(".", 1)[-1][:1].isupper() == upper]
            return unknown(what, full, candidates)
        if len(refs) > 1:
            refs = self.pick(full, refs)
        return ("refs", *sorted(refs))

    def explicit_conflicts(self, name: str, namespace: str) -> tuple[str, ...]:
        """The modules an import list names `name` from, when this module declares it too: PureScript lets a
        declaration shadow an open import only (an explicit one conflicts, `ScopeConflict` at the uses)."""
        refs = self.scope.explicit.get(name)
        if not refs:
            return ()
        return tuple(sorted({m for m, key in refs if m != self.name and keys.namespace_of(key) == namespace}))

    def shadowed_imports(self, table: str, name: str) -> tuple[str, ...]:
        """The modules whose open imports give `name` (in `table` of the scope) that this module's own declaration
        of it shadows."""
        found = self.scope.open_imports.get((table, name))
        if not found:
            return ()
        return tuple(sorted({m for m, _ in found if m != self.name}))

    def scope_shadowing(self, what: str, name: str, table: str) -> None:
        """PureScript's ScopeShadowing warning, at the (first) open import the local declaration shadows; one per
        name and module (the checker drops repeats)."""
        found = self.scope.open_imports.get((table, name))
        if not found:
            return
        imports = ", ".join(f"`import {m}`" for m in dict.fromkeys(m for m, _ in found))
        self.warn(
            found[0][1],
            "ScopeShadowing",
            f"Shadowed definitions are in scope for {what} `{name}` from the following open imports: {imports}. "
            "These will be ignored and the local declaration will be used.",
        )

    def scope_conflict(self, span: Span, name: str, modules: tuple[str, ...]) -> None:
        self.error(
            span,
            "ScopeConflict",
            f"Conflicting definitions are in scope for `{name}`: this module declares it and imports it "
            f"explicitly from {', '.join(modules)}.",
        )

    def resolve_value(self, name: str, qualifier: str | None, span: Span, what: str = "value") -> Ref | None:
        """The origin of a (qualified) module-level value, constructor or operator; reports unknown/ambiguous."""
        full = name if qualifier is None else f"{qualifier}.{name}"
        how = self.value_resolution(name, qualifier, what)
        self.state.reads[keys.resolution(what, qualifier, name)] = how
        if how[0] == "own":
            if how[2]:
                self.scope_conflict(span, name, how[2])
            elif how[3]:
                self.scope_shadowing(what, name, "values")
            return (self.name, how[1])
        if how[0] == "broken":
            return None  # defined by a declaration that does not parse yet: no second error
        if how[0] == "unknown":
            self.error(span, "UnknownName", how[1], data=unknown_data(how))
            return None
        refs = how[1:]
        if len(refs) > 1:
            origins = ", ".join(sorted(m for m, _ in refs))
            self.error(span, "ScopeConflict", f"`{full}` is ambiguous: it is exported by {origins}.")
        return min(refs)  # type: ignore[no-any-return]

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
        if type(t) is TForall:
            return self.instantiate_node(node)
        return node

    def instantiate_node(self, node: T.Expr) -> T.Expr:
        """A value of a quantified type used here (a rank-N parameter, a constrained field, an annotated value): its
        variables become unknowns and its constraints are wanted here, their dictionaries applied to it."""
        t = prune(node.type)
        ws: list[Wanted] = []
        while type(t) is TForall:
            assert isinstance(t, TForall)
            constraints, body = open_forall(t, [self.fresh() for _ in t.vars])
            ws.extend(Wanted(c.module, c.cls, c.args, node.span) for c in constraints)
            t = prune(body)
        if not ws:
            node.type = t
            return node
        self.wanted.extend(ws)
        inst = T.EInst(node.span, t, node)
        self.state.var_wanteds.append((inst, ws))
        return inst

    def local_node(self, name: str, loc: LocalVar, span: Span) -> T.Expr:
        if loc.type is not None:
            mnode = T.EVar(span, loc.type, name, None, loc.binder)
            if loc.owner is not None and loc.scheme is None:
                # a recursive use inside its own (not yet generalised) binding: gets the same dictionaries
                self.local_group_refs.append((mnode, loc.owner))
            elif type(loc.type) is TForall or (type(loc.type) is TVar and type(prune(loc.type)) is TForall):
                return self.instantiate_node(mnode)
            return mnode
        if loc.poly is not None:
            cells, body = loc.poly
            mapping: dict[int, Type] = {c.id: self.fresh() for c in cells}
            if cells:
                self.state.local_uses.append((loc, tuple(mapping.values()), span))
            pnode = T.EVar(span, copy_poly(body, mapping), name, None, loc.binder)
            if loc.constraints:
                ws = [Wanted(m, c, tuple(copy_poly(a, mapping) for a in ct), span) for m, c, ct in loc.constraints]
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

    # ------------------------------------------------------------------ local bindings
    def translate_local_type(self, t: ast.Type, kind: Type | None = K_TYPE) -> Type:
        """A type written inside an expression: scoped variables resolve, others become fresh cells."""
        raise NotImplementedError

    def translate_type_argument(self, t: ast.Type, kind: Type | None) -> Type:
        raise NotImplementedError

    def local_signature(
        self, t: ast.Type, owner: str, wildcards: list[tuple[int, Span, str | None]] | None = None
    ) -> Scheme:
        raise NotImplementedError

    def check_exhaustive_params(
        self, span: Span, rows: list[tuple[tuple[T.Pattern, ...], T.Rhs | None]], width: int, what: str
    ) -> None:
        """Exhaustiveness/redundancy warnings; supplied by the module checker."""

    # ------------------------------------------------------------------ constraint solving
    def solve(self, wanteds: list[Wanted], givens: list[Given], final: bool = False) -> list[Wanted]:
        """Reduce wanteds until nothing more can be solved (solving one may improve the types of another through
        a functional dependency); report the unsolvable; return those stuck on unknown types.

        `final`: nothing more will be learnt about the types, so a constraint no instance can match that has no
        argument that is just an unknown (which could still be generalised) is reported as PureScript does."""
        work = list(wanteds)
        stuck: list[Wanted] = []
        guard = 0
        env = self.classenv
        while True:
            before = env.improvements
            while work:
                guard += 1
                if guard > 100000:
                    break
                w = work.pop()
                scope = w.scope
                r, subs = env.reduce(w, givens if scope is None else scope + givens, self)
                if r == MATCH:
                    if subs:
                        if scope is not None:
                            for sub in subs:
                                sub.scope = scope
                        work.extend(subs)
                    if w.cls == "Warn" and w.module == PRIM_TYPEERROR and isinstance(w.solution, tuple):
                        self.warn(w.span, "UserDefinedWarning", render_doc(w.args[0]) if w.args else "")
                elif r == NOMATCH:
                    self.no_instance(w)
                else:
                    stuck.append(w)
            if not stuck or env.improvements == before or guard > 100000:
                break
            work, stuck = stuck, []
        if final and stuck:
            keep: list[Wanted] = []
            for w in stuck:
                generalisable = not w.args
                for a in w.args:
                    if type(prune(a)) is TVar:
                        generalisable = True
                        break
                if generalisable:
                    keep.append(w)
                else:
                    self.no_instance(w)
            stuck = keep
        return stuck

    def close_scope(self, mark: int, scope: list[Given], rigid: bool, reported: int) -> None:
        """Solve the constraints raised since `mark` inside a quantified type (`rigid`: it made variables rigid or
        gave constraints), with `scope`, its givens and the enclosing ones. One without rigid variables goes on
        outwards; one whose unknowns may still be learnt under a signature is solved at the end with this scope
        (an argument checked before the function's result met the signature); the others are reported, unless
        a type error since `reported` explains them."""
        inner = self.wanted[mark:]
        if not inner or not rigid:
            return
        del self.wanted[mark:]
        for w in self.solve(inner, scope):
            if not any(has_skolem(a) for a in w.args):
                self.wanted.append(w)
            elif (scope or w.scope) and self.signature_origin is not None and any(_has_cells(a) for a in w.args):
                # one deferred by a quantified type inside this one keeps its scope, which holds these givens too
                # (`\f -> coerce f` against `forall x. (forall s o. Cons s t o r => …) -> x` in a `case` branch,
                # before `r` is known)
                if w.scope is None:
                    w.scope = scope
                self.wanted.append(w)
            elif len(self.state.diagnostics) == reported:
                self.no_instance(w)

    def _argument_kind_clash(self, w: Wanted) -> bool:
        """Reports a constraint argument of the wrong kind (see the checker's); True when it did."""
        return False

    def no_instance(self, w: Wanted) -> None:
        """The diagnostic for a constraint that cannot be solved, by why reduction gave up."""
        failure = w.failure or ()
        w.solution = None
        if failure and failure[0] == "reported":
            return
        if self._argument_kind_clash(w):
            return
        if failure and failure[0] == "unify":
            _, err, found, expected = failure
            self.report_unify(err, found, expected, w.span)
        else:
            namer = Namer()
            namer.aliases = self.synonym_aliases()
            namer.qualify = self.type_display_names()
            for a in w.args:
                namer.scan(a)
            namer.finish()
            shown = print_constraint(w.cls, w.args, namer)
            if failure and failure[0] == "overlap":
                self.error(
                    w.span,
                    "OverlappingInstances",
                    f"Overlapping type class instances found for {shown}: "
                    + ", ".join(f"`{n}`" for n in failure[1])
                    + ".",
                )
            elif failure and failure[0] == "coercible-depth":
                self.error(
                    w.span,
                    "PossiblyInfiniteCoercibleInstance",
                    f"Type class instance for {shown} is possibly infinite: unwrapping its newtypes never ends.",
                )
            elif failure and failure[0] == "depth":
                self.error(
                    w.span,
                    "PossiblyInfiniteInstance",
                    f"Type class instance for {shown} is possibly infinite.",
                )
            elif isinstance(w, PartialCase):
                self.error(w.span, "NoInstanceFound", w.message, data={"missing": list(w.missing)})
            elif w.cls == "Fail" and w.module == PRIM_TYPEERROR and w.args:
                self.error(w.span, "NoInstanceFound", "Custom error: " + render_doc(w.args[0]))
            else:
                note = ""
                if failure and failure[0] == "chain":
                    names = ", ".join(f"`{n}`" for n in failure[1])
                    note = (
                        f" (instance {names} partially overlaps it, so the rest of its instance chain is not "
                        "considered; the instance head contains unknown type variables)"
                    )
                self.error(w.span, "NoInstanceFound", f"No instance for {shown}{note}")
        w.failure = ("reported",)

    def finish_evidence(self) -> None:
        holes = self.state.typed_holes
        if holes:
            self.state.reads[keys.HOLES] = scope_digest(self)
        while holes:
            hole = holes.pop(0)
            message, data = hole_report(self, hole)
            self.error(hole.span, "HoleInferredType", message, data=data)
        if self.state.wildcards:
            report_wildcards(
                self.state.wildcards,
                self.error,
                self.warn if self.wildcard_warnings else None,
                self.state.wildcard_names,
            )
            self.state.wildcards.clear()
        self.state.wildcard_names.clear()
        for node, ws in self.state.var_wanteds:
            evs = []
            for w in ws:
                ev = to_evidence(w)
                if ev is None:
                    break
                evs.append(ev)
            else:
                node.evidence = tuple(evs)

    # ------------------------------------------------------------------ supplied by the other parts
    def scheme_kinds_matter(self, scheme: Scheme) -> Any:
        raise NotImplementedError

    def _unsolved(self, w: Wanted) -> None:
        raise NotImplementedError

    def infer(self, e: ast.Expr) -> T.Expr:
        raise NotImplementedError

    def check(self, e: ast.Expr, expected: Type) -> T.Expr:
        raise NotImplementedError

    def rhs(self, r: ast.Unguarded | ast.Guarded, result: Type) -> T.Rhs:
        raise NotImplementedError

    def pattern(self, p: ast.Pattern, expected: Type, binds: dict[str, tuple[Type, Span]]) -> T.Pattern:
        raise NotImplementedError

    def local_decls(
        self, decls: tuple[ast.LocalDecl, ...], saved: list[tuple[str, LocalVar | None]]
    ) -> list[T.Binding]:
        raise NotImplementedError

    def infer_clauses(
        self, name: str, clauses: list[ast.LocalValue] | list[ast.ValueDecl], expected: Type | None
    ) -> tuple[Type, tuple[T.Clause, ...]]:
        raise NotImplementedError
