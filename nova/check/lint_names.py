"""PureScript's lint of names in one module's syntax tree: unused and shadowed local names, unused top-level
declarations, unused and shadowed type variables.

One walk of the module's declarations with a stack of lexical scopes does all of it, and records on the way every
name the module's code reads that no local binds (`free`): the import lint (`lint_imports`) and the unused
declarations check both start from that record. The walk is proportional to the module, and reads nothing but
its syntax tree, so it runs on every check.

Rules are PureScript 0.15's (its `Linter` module): a binder whose name starts with `_` is never unused; pattern
guard binders are never reported unused (but may shadow); a let/where-bound function that reads itself counts as
used; top-level declarations of the module are in scope for shadowing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from nova.diagnostics import Diagnostic, Severity, Span
from nova.syntax import ast
from nova.syntax.walk import children

# (namespace, qualifier, name) of a name the code reads that no local binds
Use = tuple[str, str | None, str]


@dataclass(slots=True)
class Binder:
    name: str
    span: Span
    report_unused: bool
    used: bool = False


@dataclass(slots=True)
class NameFacts:
    """What the walk found: warnings, and the free names read (by namespace, qualifier and name)."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    free: set[Use] = field(default_factory=set)
    # unqualified value names read by each top-level declaration (name -> names), for unused declarations
    top_reads: dict[str, set[str]] = field(default_factory=dict)
    # binders no local shadows: a ShadowedName when the module declares a top-level value of the name
    shadow_candidates: list[tuple[str, Diagnostic]] = field(default_factory=list)
    # (namespace, name) of what the module declares ("top": the top-level values binders may shadow)
    own: set[tuple[str, str]] = field(default_factory=set)


def _warn(facts: NameFacts, span: Span, code: str, message: str, unnecessary: bool = False) -> None:
    facts.diagnostics.append(Diagnostic(span, Severity.WARNING, code, message, unnecessary=unnecessary))


_LEAVES = (ast.IntLit, ast.NumberLit, ast.StringLit, ast.CharLit, ast.BoolLit, ast.Hole, ast.TypedHole)


class _Walk:
    """The scope-aware walk over value-level syntax; types go through `_types`."""

    def __init__(self, facts: NameFacts) -> None:
        self.facts = facts
        self.scopes: list[dict[str, Binder]] = []
        self.reads: set[str] = set()

    # -------------------------------------------------------------------------------------------- scopes
    def lookup(self, name: str) -> Binder | None:
        for scope in reversed(self.scopes):
            found = scope.get(name)
            if found is not None:
                return found
        return None

    def open(self, binders: list[Binder], shadow_check: bool = True) -> None:
        scope: dict[str, Binder] = {}
        for b in binders:
            if not shadow_check:
                pass
            elif self.lookup(b.name) is not None:
                _warn(self.facts, b.span, "ShadowedName", f"Name `{b.name}` was shadowed.")
            else:  # shadows a top-level value if the module has one of the name (decided per module)
                self.facts.shadow_candidates.append((b.name, Diagnostic(
                    b.span, Severity.WARNING, "ShadowedName", f"Name `{b.name}` was shadowed.")))
            scope[b.name] = b
        self.scopes.append(scope)

    def close(self) -> None:
        scope = self.scopes.pop()
        for b in scope.values():
            if b.report_unused and not b.used and not b.name.startswith("_"):
                _warn(self.facts, b.span, "UnusedName", f"Name `{b.name}` was introduced but not used.", True)

    # -------------------------------------------------------------------------------------------- binders
    def pattern_binders(self, pattern: object, report: bool, out: list[Binder]) -> None:
        """The names a pattern binds (and, on the way, the constructors and types it names)."""
        stack = [pattern]
        while stack:
            node = stack.pop()
            if isinstance(node, ast.PatVar):
                out.append(Binder(node.name, node.span, report))
                continue
            if isinstance(node, ast.PatNamed):
                out.append(Binder(node.name, node.name_span, report))
                stack.append(node.pattern)
                continue
            if isinstance(node, ast.PatConstructor):
                self.use("values", node.name.qualifier, node.name.name)
                stack.extend(node.args)
                continue
            if isinstance(node, ast.Operator):
                self.use("values", node.qualifier, node.name)
                continue
            if isinstance(node, ast.PatTyped):
                stack.append(node.pattern)
                _types(self.facts, node.type, frozenset())
                continue
            if isinstance(node, ast.PatLiteral) and isinstance(node.literal, ast.IntLit | ast.NumberLit) and (
                    node.literal.value < 0):
                continue
            stack.extend(children(node))

    def use(self, namespace: str, qualifier: str | None, name: str) -> None:
        if namespace == "values" and qualifier is None:
            b = self.lookup(name)
            if b is not None:
                b.used = True
                return
            self.reads.add(name)
        self.facts.free.add((namespace, qualifier, name))

    # -------------------------------------------------------------------------------------------- expressions
    def expr(self, node: object) -> None:
        stack: list[object] = [node]
        while stack:
            node = stack.pop()
            kind = type(node)
            if kind is ast.App:
                stack.append(node.arg)  # type: ignore[attr-defined]
                stack.append(node.fn)  # type: ignore[attr-defined]
            elif kind in _LEAVES:
                continue
            elif isinstance(node, ast.Var | ast.Constructor | ast.OperatorRef | ast.Operator):
                self.use("values", node.qualifier, node.name)
            elif isinstance(node, ast.Negate):
                self.use("values", None, "negate")
                stack.append(node.expr)
            elif isinstance(node, ast.Lambda):
                self.lam(node)
            elif isinstance(node, ast.Let):
                self.let(node.bindings, node.body)
            elif isinstance(node, ast.Case):
                for scrutinee in node.scrutinees:
                    self.expr(scrutinee)
                for alt in node.alts:
                    binders: list[Binder] = []
                    for p in alt.patterns:
                        self.pattern_binders(p, True, binders)
                    self.open(binders)
                    self.rhs(alt.rhs)
                    self.close()
            elif isinstance(node, ast.Do):
                self.do(node)
            elif isinstance(node, ast.Ado):
                self.ado(node)
            elif isinstance(node, ast.Typed | ast.VisibleTypeApp):
                stack.append(node.expr)
                _types(self.facts, node.type, frozenset())
            else:
                stack.extend(children(node))

    def lam(self, node: ast.Lambda) -> None:
        binders: list[Binder] = []
        for p in node.params:
            self.pattern_binders(p, True, binders)
        self.open(binders)
        self.expr(node.body)
        self.close()

    def rhs(self, rhs: object) -> None:
        where = getattr(rhs, "where", ())
        if where:
            self.let(where, rhs)
        else:
            self.guarded(rhs)

    def guarded(self, rhs: object) -> None:
        if isinstance(rhs, ast.Unguarded):
            self.expr(rhs.expr)
            return
        for branch in getattr(rhs, "branches", ()):
            opened = 0
            for guard in branch.guards:
                if isinstance(guard, ast.GuardBind):
                    self.expr(guard.expr)
                    binders: list[Binder] = []
                    self.pattern_binders(guard.pattern, False, binders)
                    self.open(binders)
                    opened += 1
                else:
                    self.expr(guard.expr)
            self.expr(branch.expr)
            for _ in range(opened):
                self.close()

    def let(self, bindings: tuple[object, ...], body: object) -> None:
        """`let`/`where`: the bound names are in scope in every binding (recursion) and the body (an expression,
        or the right-hand side a `where` belongs to)."""
        self._open_let(bindings)
        if isinstance(body, ast.Unguarded | ast.Guarded):
            self.guarded(body)
        else:
            self.expr(body)
        self.close()

    def clause(self, params: tuple[object, ...], rhs: object) -> None:
        binders: list[Binder] = []
        for p in params:
            self.pattern_binders(p, True, binders)
        self.open(binders)
        self.rhs(rhs)
        self.close()

    def do(self, node: ast.Do) -> None:
        opened = 0
        last = len(node.statements) - 1
        for i, st in enumerate(node.statements):
            if isinstance(st, ast.DoBind):
                self.use("values", node.qualifier, "bind")
                self.expr(st.expr)
            if isinstance(st, ast.DoBind | ast.DoLet):
                self._open_statement(st)
                opened += 1
            else:
                if i != last:
                    self.use("values", node.qualifier, "discard")
                self.expr(st.expr)
        for _ in range(opened):
            self.close()

    def _open_statement(self, st: ast.DoBind | ast.DoLet) -> None:
        """The scope a `do`/`ado` block's bind or `let` statement opens for the rest of the block (closed by the
        caller); a bind's expression is read by the caller, which knows whether the block's binders see it."""
        if isinstance(st, ast.DoBind):
            binders: list[Binder] = []
            self.pattern_binders(st.pattern, True, binders)
            self.open(binders)
        else:
            self._open_let(st.bindings)

    def _open_let(self, bindings: tuple[object, ...]) -> None:
        """Opens the scope of a `let`'s names (for its bindings, recursively, and what follows them) and reads the
        bindings; the caller reads what the names scope over and closes it (a `do` block's `let` statement scopes
        over the rest of the block)."""
        binders: list[Binder] = []
        seen: set[str] = set()
        for b in bindings:
            if isinstance(b, ast.LocalValue):
                if b.name not in seen:
                    seen.add(b.name)
                    binders.append(Binder(b.name, b.name_span, True))
            elif isinstance(b, ast.LocalPattern):
                self.pattern_binders(b.pattern, True, binders)
        self.open(binders)
        for b in bindings:
            if isinstance(b, ast.LocalValue):
                self.clause(b.params, b.rhs)
            elif isinstance(b, ast.LocalPattern):
                self.rhs(b.rhs)
            elif isinstance(b, ast.LocalSignature):
                _types(self.facts, b.type, frozenset())

    def ado(self, node: ast.Ado) -> None:
        """The expressions after `<-` are read outside every binder of the block; `let`s see earlier lets."""
        if node.statements:
            self.use("values", node.qualifier, "map")
            if sum(1 for st in node.statements if not isinstance(st, ast.DoLet)) > 1:
                self.use("values", node.qualifier, "apply")
        else:
            self.use("values", node.qualifier, "pure")
        opened = 0
        for st in node.statements:
            if isinstance(st, ast.DoBind):
                self.expr(st.expr)
        for st in node.statements:
            if isinstance(st, ast.DoBind | ast.DoLet):
                self._open_statement(st)
                opened += 1
            elif isinstance(st, ast.DoExpr):
                self.expr(st.expr)
        self.expr(node.result)
        for _ in range(opened):
            self.close()


# ------------------------------------------------------------------------------------------------ type variables
def _types(facts: NameFacts, root: object, bound: frozenset[str]) -> None:
    """Record the type, class and type operator names of a type; warn on `forall` variables the type does not
    use (UnusedTypeVar) and on a `forall` rebinding a variable already bound (ShadowedTypeVar)."""
    _type_vars(facts, root, bound)


def _type_vars(facts: NameFacts, node: object, bound: frozenset[str]) -> set[str]:
    """The free type variables of `node` (recording names on the way)."""
    free: set[str] = set()
    stack: list[tuple[object, frozenset[str]]] = [(node, bound)]
    while stack:
        node, scope = stack.pop()
        kind = type(node)
        if kind is ast.TypeVar:
            free.add(node.name)  # type: ignore[attr-defined]
        elif kind is ast.TypeCon:
            facts.free.add(("types", node.qualifier, node.name))  # type: ignore[attr-defined]
        elif kind is ast.TypeOperator:
            facts.free.add(("type_operators", node.qualifier, node.name))  # type: ignore[attr-defined]
        elif kind is ast.Constraint:
            facts.free.add(("classes", node.class_name.qualifier, node.class_name.name))  # type: ignore[attr-defined]
            stack.extend((a, scope) for a in node.args)  # type: ignore[attr-defined]
        elif kind is ast.TypeForall:
            names = [v.name for v in node.vars]  # type: ignore[attr-defined]
            for v in node.vars:  # type: ignore[attr-defined]
                if v.name in scope:
                    _warn(facts, v.span, "ShadowedTypeVar", f"Type variable `{v.name}` was shadowed.")
            inner = _type_vars(facts, node.body, scope | frozenset(names))  # type: ignore[attr-defined]
            in_kinds: set[str] = set()
            for v in node.vars:  # type: ignore[attr-defined]
                if v.kind is not None:  # `forall k (a :: k).`: a later binder's kind uses `k`
                    in_kinds |= _type_vars(facts, v.kind, scope | frozenset(names))
            for v in node.vars:  # type: ignore[attr-defined]
                if v.name not in inner and v.name not in in_kinds:
                    _warn(facts, v.span, "UnusedTypeVar",
                          f"Type variable `{v.name}` is ambiguous, since it is unused in the polymorphic type "
                          "which introduces it.", True)
            free |= (inner | in_kinds) - set(names)
        else:
            stack.extend((c, scope) for c in children(node))
    return free


# ------------------------------------------------------------------------------------------------ the module
@dataclass(frozen=True, slots=True)
class _DeclFacts:
    """What one declaration contributes, its warnings' lines relative to its first line."""

    diagnostics: tuple[Diagnostic, ...]
    candidates: tuple[tuple[str, Diagnostic], ...]
    candidate_names: frozenset[str]
    free: frozenset[Use]
    reads: frozenset[str]
    own: tuple[tuple[str, str], ...]


_CACHE: dict[tuple[str, str, str], _DeclFacts] = {}
_CACHE_LIMIT = 50_000


def forget_cached_facts() -> None:
    """Empty the per-declaration cache: for work that checks each declaration once (a folder's cold index), whose
    facts would otherwise stay in memory until the cache's limit (tens of MB) with no keystroke to reuse them."""
    _CACHE.clear()


def lint_names(mod: ast.Module) -> NameFacts:
    """Each declaration's facts come from a cache keyed by its text (fingerprint) and layout: an edit re-walks the
    edited declarations only, so a keystroke costs what the changed declaration costs plus a look-up per
    declaration. What depends on the whole module (which binders shadow a top-level value) is decided after."""
    facts = NameFacts()
    if len(_CACHE) > _CACHE_LIMIT:
        _CACHE.clear()
    frees: list[frozenset[Use]] = []
    cache = _CACHE
    candidates: list[tuple[int, _DeclFacts]] = []
    own = facts.own
    for decl in mod.decls:
        fingerprint = getattr(decl, "fingerprint", "")
        key = (type(decl).__name__, fingerprint, getattr(decl, "layout", "")) if fingerprint else None
        found = cache.get(key) if key is not None else None
        if found is None:
            found = _walk_decl(decl)
            if key is not None:
                cache[key] = found
        if found.diagnostics:
            first = decl.span.start_line
            facts.diagnostics.extend(_moved(d, first) for d in found.diagnostics)
        if found.candidates:
            candidates.append((decl.span.start_line, found))
        frees.append(found.free)
        own.update(found.own)
        if found.reads:
            name = decl.name if isinstance(decl, ast.ValueDecl) else ""
            facts.top_reads.setdefault(name, set()).update(found.reads)
    facts.free = set().union(*frees)
    top = {name for kind, name in own if kind == "top"}
    for first, found in candidates:
        if not found.candidate_names.isdisjoint(top):
            facts.diagnostics.extend(_moved(d, first) for name, d in found.candidates if name in top)
    return facts


def _walk_decl(decl: Any) -> _DeclFacts:
    first = decl.span.start_line
    facts = NameFacts()
    _lint_decl(facts, decl)
    reads = frozenset(name for names in facts.top_reads.values() for name in names)
    return _DeclFacts(tuple(_moved(d, -first) for d in facts.diagnostics),
                      tuple((name, _moved(d, -first)) for name, d in facts.shadow_candidates),
                      frozenset(name for name, _ in facts.shadow_candidates),
                      frozenset(facts.free), reads, _own_of(decl))


def _own_of(decl: object) -> tuple[tuple[str, str], ...]:
    """What a declaration declares, by namespace ("top" marks the top-level values binders may shadow)."""
    if isinstance(decl, ast.ValueDecl | ast.ForeignValueDecl):
        return (("values", decl.name), ("top", decl.name))
    if isinstance(decl, ast.DataDecl):
        return (("types", decl.name), *(("values", c.name) for c in decl.constructors))
    if isinstance(decl, ast.NewtypeDecl):
        return (("types", decl.name), ("values", decl.constructor.name))
    if isinstance(decl, ast.TypeAliasDecl | ast.ForeignDataDecl):
        return (("types", decl.name),)
    if isinstance(decl, ast.ClassDecl):
        return (("classes", decl.name), *(("values", m.name) for m in decl.methods))
    if isinstance(decl, ast.FixityDecl):
        return (("type_operators" if decl.is_type else "values", decl.operator),)
    return ()


def _moved(d: Diagnostic, lines: int) -> Diagnostic:
    if not lines:
        return d
    s = d.span
    return Diagnostic(Span(s.start_line + lines, s.start_col, s.end_line + lines, s.end_col), d.severity, d.code,
                      d.message, d.related, d.unnecessary)


def _lint_decl(facts: NameFacts, decl: object) -> None:
    """One declaration's warnings and names read (types through `_types`, values through the scoped walk)."""
    walk = _Walk(facts)
    walk.reads = set()
    if isinstance(decl, ast.ValueDecl):
        walk.clause(decl.params, decl.rhs)
        facts.top_reads.setdefault(decl.name, set()).update(walk.reads)
    elif isinstance(decl, ast.InstanceDecl):
        facts.free.add(("classes", decl.class_name.qualifier, decl.class_name.name))
        for c in decl.constraints:
            _types(facts, c, frozenset())
        for t in decl.types:
            _types(facts, t, frozenset())
        for b in decl.body:
            if isinstance(b, ast.LocalValue):
                walk.clause(b.params, b.rhs)
            elif isinstance(b, ast.LocalSignature):
                _types(facts, b.type, frozenset())
        facts.top_reads.setdefault("", set()).update(walk.reads)
    elif isinstance(decl, ast.DeriveDecl):
        facts.free.add(("classes", decl.class_name.qualifier, decl.class_name.name))
        for c in decl.constraints:
            _types(facts, c, frozenset())
        for t in decl.types:
            _types(facts, t, frozenset())
    elif isinstance(decl, ast.ClassDecl):
        params = frozenset(p.name for p in decl.params)
        for p in decl.params:
            if p.kind is not None:
                _types(facts, p.kind, frozenset())
        for c in decl.superclasses:
            _types(facts, c, params)
        for m in decl.methods:
            _types(facts, m.type, params)
    elif isinstance(decl, ast.DataDecl | ast.NewtypeDecl):
        params = frozenset(p.name for p in decl.params)
        for p in decl.params:
            if p.kind is not None:
                _types(facts, p.kind, frozenset())
        ctors = decl.constructors if isinstance(decl, ast.DataDecl) else (decl.constructor,)
        for ctor in ctors:
            for f in ctor.fields:
                _types(facts, f, params)
    elif isinstance(decl, ast.TypeAliasDecl):
        params = frozenset(p.name for p in decl.params)
        for p in decl.params:
            if p.kind is not None:
                _types(facts, p.kind, frozenset())
        _types(facts, decl.type, params)
    elif isinstance(decl, ast.SignatureDecl | ast.ForeignValueDecl):
        _types(facts, decl.type, frozenset())
    elif isinstance(decl, ast.ForeignDataDecl):
        if decl.kind is not None:
            _types(facts, decl.kind, frozenset())
    elif isinstance(decl, ast.KindSignatureDecl):
        _types(facts, decl.kind, frozenset())
    elif isinstance(decl, ast.FixityDecl):
        target = decl.target  # an alias of an own value is read where the operator is (unused_declarations)
        if decl.is_type:
            facts.free.add(("types", target.qualifier, target.name))
        else:  # (an own value read through its alias is set apart by the import lint)
            facts.free.add(("values", target.qualifier, target.name))


def unused_declarations(mod: ast.Module, facts: NameFacts) -> list[Diagnostic]:
    """PureScript's UnusedDeclaration: with an export list (that does not re-export the module itself), a
    top-level value neither exported nor read by any declaration (its own clauses included, as PureScript
    counts them). An operator alias reads its function where the operator is used or exported."""
    if mod.exports is None or any(isinstance(e, ast.ItemModule) and e.name == mod.name for e in mod.exports):
        return []
    aliases: dict[str, str] = {}
    for d in mod.decls:
        if isinstance(d, ast.FixityDecl) and not d.is_type and d.target.qualifier is None:
            aliases[d.operator] = d.target.name
    exported: set[str] = set()
    for e in mod.exports:
        if isinstance(e, ast.ItemValue):
            exported.add(e.name)
        elif isinstance(e, ast.ItemOperator) and e.name in aliases:
            exported.add(aliases[e.name])
    read: set[str] = set()
    for names in facts.top_reads.values():
        read |= names
    for op, target in aliases.items():
        if op in read:
            read.add(target)
    out: list[Diagnostic] = []
    seen: set[str] = set()
    for d in mod.decls:
        if isinstance(d, ast.ValueDecl) and d.name not in seen:
            seen.add(d.name)
            if d.name not in exported and d.name not in read and d.name not in ("bind", "discard"):
                out.append(Diagnostic(d.name_span, Severity.WARNING, "UnusedDeclaration",
                                      f"Declaration `{d.name}` was not used, and is not exported.",
                                      unnecessary=True))
    return out
