"""Printing types and schemes the way the user wrote them.

Two forms:
- **readable** (`print_scheme`, `print_type`): what hovers, signature help, completion and messages show. Type
  variables keep the names their signature gave them; unnamed ones are `a`, `b`, … in order of first appearance
  (row variables `r`, `r1`, …), so a printed type is the same on every run. A scheme that remembers how its
  signature was written (`Scheme.display`: synonyms unexpanded, names qualified as imported, record labels in
  written order) is printed from that. With a `width`, long types break over lines (a Wadler-style layout: a
  group is printed flat when it fits, otherwise its breakable spaces become newlines), `forall` and constraints
  staying on the first line.
- **canonical** (`canonical_scheme`): every variable renamed `a`, `b`, … in order of appearance and the scheme as
  checked (synonyms expanded), so two schemes print alike exactly when they are alike up to renaming. Tests of
  inference compare this form.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Union

from nova.types.types import (
    T_ARROW,
    T_RECORD,
    Constraint,
    Scheme,
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
    iter_type,
    prune,
    split_app,
)
from nova.types.unify import flatten_row

_LABEL_OK = re.compile(r"^[a-z_][A-Za-z0-9_']*$")
# names a scheme gets for variables nobody named (wildcards, placeholders): never shown to the user
_PLACEHOLDER = re.compile(r"^t\d+$")
_VAR_NAME = re.compile(r"^[a-z_][A-Za-z0-9_']*$")

VarKey = tuple[str, int] | tuple[str, int, str]


def _var_key(t: Type) -> VarKey | None:
    if isinstance(t, TGen):
        return ("g", t.index)
    if isinstance(t, TVar):
        return ("v", t.id)
    if isinstance(t, TSkolem):
        return ("s", t.id)
    return None


def _usable(name: str) -> bool:
    return bool(name) and _VAR_NAME.match(name) is not None and _PLACEHOLDER.match(name) is None


class Namer:
    """Assigns readable names to variables: the names a signature gave them when known, otherwise `a`, `b`, … in
    order of first appearance (row variables `r`, `r1`, … apart), skipping names already taken."""

    def __init__(self, gen_names: Sequence[str] = ()) -> None:
        self.names: dict[VarKey, str] = {}
        self.order: list[VarKey] = []
        self.rows: set[VarKey] = set()
        self.skolem_names: dict[VarKey, str] = {}
        # (expansion over `TGen 0..n-1`, name, n) of type synonyms to print by name: an error message's types come
        # from unification, where synonyms are expanded; printing folds them back (`Parser Int`)
        self.aliases: list[tuple[Type, str, int]] = []
        # record labels in the order the type holds them (a written signature's order) instead of sorted
        self.keep_order = False
        # variables of a quantified type inside the type keep the names its `forall` gives them
        self.keep_bound_names = False
        # (defining module, name) → how the module printing the type refers to it (`M.Map` when imported `as M`)
        self.qualify: Mapping[tuple[str, str], str] = {}
        # printing for a known module (`qualify` is its view): names a signature wrote with another module's
        # qualifier (a display type keeps `M.Map` as written there) are named again as this module knows them
        self.requalify = False
        self._plain = 0
        self._row = 0
        self._seen: set[VarKey] = set()
        # while printing a quantified type: its variables' keys, innermost last
        self.bound: list[dict[str, VarKey]] = []
        counts: dict[str, int] = {}
        for n in gen_names:
            counts[n] = counts.get(n, 0) + 1
        for i, n in enumerate(gen_names):
            if _usable(n) and counts[n] == 1:
                self.names[("g", i)] = n

    def scan(self, t: Type) -> None:
        """Record appearance order and which variables stand for rows (tails, arguments of `Record`)."""
        stack: list[tuple[Type, bool, dict[str, VarKey] | None]] = [(t, False, None)]
        while stack:
            node, is_row, env = stack.pop()
            n = prune(node)
            if type(n) is TBound or type(n) is TForall:
                self._scan_bound(n, is_row, env, stack)
                continue
            key = _var_key(n)
            if key is not None:
                if key not in self._seen:
                    self._seen.add(key)
                    self.order.append(key)
                    self.names.setdefault(key, "")
                    if isinstance(n, TSkolem) and _usable(n.name):
                        self.skolem_names[key] = n.name
                if is_row:
                    self.rows.add(key)
                continue
            if isinstance(n, TFun):
                stack.append((n.res, False, env))
                stack.append((n.arg, False, env))
            elif isinstance(n, TApp):
                stack.append((n.arg, prune(n.fn) == T_RECORD, env))
                stack.append((n.fn, False, env))
            elif isinstance(n, TRow):
                fields, tail = flatten_row(n)
                if tail is not None:
                    stack.append((tail, True, env))
                for _, ft in reversed(fields):
                    stack.append((ft, False, env))

    def _scan_bound(
        self,
        n: Type,
        is_row: bool,
        env: dict[str, VarKey] | None,
        stack: list[tuple[Type, bool, dict[str, VarKey] | None]],
    ) -> None:
        """A quantified type's variables are named like the others, by appearance, keyed by their binder."""
        if isinstance(n, TBound):
            key = env.get(n.name) if env is not None else None
            if key is not None:
                if key not in self._seen:
                    self._seen.add(key)
                    self.names.setdefault(key, "")
                    self.order.append(key)
                if is_row:
                    self.rows.add(key)
            return
        assert isinstance(n, TForall)
        inner = dict(env or {})
        for v in n.vars:  # (named in the order the quantifier lists them)
            key = inner[v] = ("b", id(n), v)
            if key not in self._seen:
                self._seen.add(key)
                self.names.setdefault(key, "")
                self.order.append(key)
        stack.append((n.body, False, inner))
        for c in reversed(n.constraints):
            for a in reversed(c.args):
                stack.append((a, False, inner))

    def bound_name(self, t: TBound) -> str:
        for env in reversed(self.bound):
            key = env.get(t.name)
            if key is not None:
                got = self.names.get(key)
                if not got:
                    taken = getattr(self, "_taken", None)
                    if taken is None:
                        taken = self._taken = {n for n in self.names.values() if n}
                    self.names[key] = got = self._next(False, taken)
                return got
        return t.name

    def finish(self) -> None:
        """Skolems keep the name their signature gave them (when unambiguous); others get `a`, `b`, …"""
        taken: set[str] = {n for n in self.names.values() if n}
        counts: dict[str, int] = {}
        for name in self.skolem_names.values():
            counts[name] = counts.get(name, 0) + 1
        for key, name in self.skolem_names.items():
            if counts[name] == 1 and name not in taken and not self.names.get(key):
                self.names[key] = name
                taken.add(name)
        # the variables of quantified types inside the type are named after the others (`forall a. (forall b. …`)
        ordered = [k for k in self.order if k[0] != "b"] + [k for k in self.order if k[0] == "b"]
        for key in ordered:
            if self.names[key]:
                continue
            if self.keep_bound_names and len(key) == 3 and _usable(key[2]) and key[2] not in taken:
                self.names[key] = key[2]
                taken.add(key[2])
                continue
            self.names[key] = self._next(key in self.rows, taken)
        self._taken = taken

    def _next(self, row: bool, taken: set[str]) -> str:
        while True:
            if row:
                candidate = "r" if self._row == 0 else f"r{self._row}"
                self._row += 1
            else:
                candidate = _letters(self._plain)
                self._plain += 1
            if candidate not in taken:
                taken.add(candidate)
                return candidate

    def name(self, t: Type) -> str:
        key = _var_key(t)
        assert key is not None
        got = self.names.get(key)
        if not got:
            taken = getattr(self, "_taken", None)
            if taken is None:
                taken = self._taken = {n for n in self.names.values() if n}
            self.names[key] = got = self._next(False, taken)
        return got


def _letters(i: int) -> str:
    base = "abcdefghijklmnopqstuvwxyz"  # no 'r': reserved for rows
    if i < len(base):
        return base[i]
    return f"{base[i % len(base)]}{i // len(base)}"


def _label(label: str) -> str:
    return label if _LABEL_OK.match(label) else '"' + label.replace('"', '\\"') + '"'


# ---------------------------------------------------------------- layout documents
# A document is a string (text), or a tuple: ("cat", docs), ("line", flat text) — a place that is `flat text` when
# its group fits and a newline (at the current indentation) otherwise —, ("nest", n, doc), ("group", doc),
# ("align", doc) (indentation = the current column).
Doc = Union[str, tuple[Any, ...]]  # noqa: UP007


def _cat(*docs: Doc) -> Doc:
    return ("cat", docs)


def _group(doc: Doc) -> Doc:
    return ("group", doc)


def _nest(n: int, doc: Doc) -> Doc:
    return ("nest", n, doc)


def _align(doc: Doc) -> Doc:
    return ("align", doc)


SPACE: Doc = ("line", " ")
SOFT: Doc = ("line", "")


def render(doc: Doc, width: int | None = None, column: int = 0) -> str:
    """Lay a document out in `width` columns (None: on one line), starting at `column`."""
    out: list[str] = []
    col = column
    stack: list[tuple[int, bool, Doc]] = [(0, width is None, doc)]
    while stack:
        indent, flat, d = stack.pop()
        if isinstance(d, str):
            out.append(d)
            col += len(d)
            continue
        tag = d[0]
        if tag == "cat":
            for x in reversed(d[1]):
                stack.append((indent, flat, x))
        elif tag == "line":
            if flat:
                out.append(d[1])
                col += len(d[1])
            else:
                out.append("\n" + " " * indent)
                col = indent
        elif tag == "nest":
            stack.append((indent + d[1], flat, d[2]))
        elif tag == "align":
            stack.append((col, flat, d[1]))
        elif tag == "group":
            if flat or (width is not None and _fits(width - col, d[1], stack)):
                stack.append((indent, True, d[1]))
            else:
                stack.append((indent, False, d[1]))
    return "".join(out)


def _fits(room: int, doc: Doc, rest: list[tuple[int, bool, Doc]]) -> bool:
    """Whether `doc` flat, and what follows it up to the next line break, fits in `room` columns."""
    todo: list[tuple[bool, Doc]] = [(True, doc)]
    k = len(rest)
    while room >= 0:
        if not todo:
            if k == 0:
                return True
            k -= 1
            _, flat, d = rest[k]
            todo.append((flat, d))
            continue
        flat, d = todo.pop()
        if isinstance(d, str):
            room -= len(d)
            continue
        tag = d[0]
        if tag == "cat":
            for x in reversed(d[1]):
                todo.append((flat, x))
        elif tag == "line":
            if not flat:
                return True
            room -= len(d[1])
        elif tag == "nest":
            todo.append((flat, d[2]))
        elif tag in ("group", "align"):
            todo.append((flat, d[1]))
    return False


# ---------------------------------------------------------------- types as documents
def _row_entries(t: Type, namer: Namer) -> tuple[list[Doc], Doc | None]:
    fields, tail = flatten_row(t)
    if not namer.keep_order:
        fields = sorted(fields, key=lambda f: f[0])
    entries: list[Doc] = [_cat(_label(lbl), " :: ", _align(_doc(ft, namer, 0))) for lbl, ft in fields]
    tail_d: Doc | None = None
    if tail is not None:
        tail_d = _doc(tail, namer, 2)
    return entries, tail_d


def _braced(open_: str, close: str, entries: list[Doc], tail: Doc | None) -> Doc:
    """`{ a :: A, b :: B | r }`, or when it does not fit one entry a line with leading commas."""
    parts: list[Doc] = [open_ + " ", entries[0]]
    for e in entries[1:]:
        parts += [SOFT, ", ", e]
    if tail is not None:
        parts += [SPACE, "| ", tail]
    parts += [SPACE, close]
    return _group(_align(_cat(*parts)))


def _paren(doc: Doc, yes: bool) -> Doc:
    return _cat("(", _align(doc), ")") if yes else doc


def _doc(t: Type, namer: Namer, prec: int) -> Doc:
    """prec 0: top, 1: function argument, 2: type-application argument."""
    t = prune(t)
    if namer.aliases and isinstance(t, (TApp, TFun)):
        found = _alias_of(t, namer)
        if found is not None:
            alias, args = found
            if not args:
                return alias
            applied: list[Doc] = [alias]
            for a in args:
                applied += [SPACE, _doc(a, namer, 2)]
            return _paren(_group(_nest(2, _cat(*applied))), prec >= 2)
    if isinstance(t, (TGen, TVar, TSkolem)):
        return namer.name(t)
    if isinstance(t, TBound):
        return namer.bound_name(t)
    if isinstance(t, TForall):
        namer.bound.append({v: ("b", id(t), v) for v in t.vars})
        try:
            quantifier = f"forall {' '.join(namer.bound_name(TBound(v)) for v in t.vars)}. " if t.vars else ""
            inner = _cat(quantifier + print_constraints(t.constraints, namer), _doc(t.body, namer, 0))
        finally:
            namer.bound.pop()
        return _paren(inner, prec >= 1)
    if isinstance(t, TCon):
        if t == T_ARROW:
            return "(->)"
        name = t.name
        if namer.requalify and "." in name and name[:1].isupper():
            name = name.rsplit(".", 1)[1]
        return namer.qualify.get((t.module, name), name) if namer.qualify else name
    if isinstance(t, TFun):
        parts: list[Doc] = [_doc(t.arg, namer, 1)]
        res = prune(t.res)
        while True:
            if isinstance(res, TApp):
                head, args = split_app(res)
                if head == T_ARROW and len(args) == 2:
                    res = TFun(args[0], args[1])
            if not isinstance(res, TFun) or (namer.aliases and _aliased(res, namer)):
                break
            parts += [SPACE, "-> ", _doc(res.arg, namer, 1)]
            res = prune(res.res)
        parts += [SPACE, "-> ", _doc(res, namer, 0)]
        return _paren(_group(_cat(*parts)), prec >= 1)
    if isinstance(t, TRow):
        entries, tail = _row_entries(t, namer)
        if not entries and tail is None:
            return "()"
        if not entries:
            return _cat("( | ", tail or "", " )")
        return _braced("(", ")", entries, tail)
    if isinstance(t, TApp):
        head, args = split_app(t)
        if head == T_ARROW and len(args) == 2:
            return _doc(TFun(args[0], args[1]), namer, prec)
        if head == T_RECORD and len(args) == 1 and isinstance(prune(args[0]), TRow):
            entries, tail = _row_entries(args[0], namer)
            if not entries:
                if tail is None:
                    return "{}"
                return _paren(_cat("Record ", tail), prec >= 2)
            return _braced("{", "}", entries, tail)
        if isinstance(head, TCon) and len(args) == 2 and _operator(head.name):  # written infix: `f ~> g`
            # binds tighter than `->`; a chain of one operator to the right as written (`a /\ b /\ c`: the
            # usual type operators associate to the right), anything else in parentheses
            infix = _cat(_operand(args[0], None, namer), SPACE, _doc(head, namer, 2), " ",
                         _operand(args[1], head, namer))
            return _paren(_group(infix), prec >= 2)
        items: list[Doc] = [_doc(head, namer, 2)]
        for a in args:
            items += [SPACE, _doc(a, namer, 2)]
        return _paren(_group(_nest(2, _cat(*items))), prec >= 2)
    return "?"


def _infix_head(t: Type) -> TCon | None:
    """The operator of a type written infix (`a /\\ b`), else None."""
    if isinstance(t, TApp):
        head, args = split_app(t)
        if isinstance(head, TCon) and len(args) == 2 and _operator(head.name):
            return head
    return None


def _operand(t: Type, chain: TCon | None, namer: Namer) -> Doc:
    """An operand of an infix type: applications bare, functions and other operators' chains in parentheses, a
    chain of `chain` itself bare."""
    t = prune(t)
    inner = _infix_head(t)
    if inner is not None and inner != chain:
        return _paren(_doc(t, namer, 1), True)
    return _doc(t, namer, 1)


def _operator(name: str) -> bool:
    """A type operator's name (`~>`, `M./\\`), not a constructor's or a type-level literal's."""
    if name.startswith('"') or name.lstrip("-").isdigit():
        return False
    first = name.rsplit(".", 1)[-1][:1]
    return bool(first) and not (first.isalnum() or first in "_'")


def _alias_of(t: Type, namer: Namer) -> tuple[str, list[Type]] | None:
    """The first synonym whose expansion `t` is an instance of, with the arguments it is applied to."""
    from nova.types.classes import MATCH, match_args, types_equal

    for expansion, alias, arity in namer.aliases:
        if arity == 0:
            if types_equal(t, expansion):
                return alias, []
            continue
        result, subst = match_args((), (expansion,), (t,))
        if result == MATCH and len(subst) == arity and all(i in subst for i in range(arity)):
            return alias, [subst[i][0] for i in range(arity)]
    return None


def _aliased(t: Type, namer: Namer) -> bool:
    return _alias_of(t, namer) is not None


def _fmt(t: Type, namer: Namer, prec: int) -> str:
    """One type on one line (prec 0: top, 1: function argument, 2: type-application argument)."""
    return render(_doc(t, namer, prec))


def _constraint_doc(cls: str, args: Sequence[Type], namer: Namer) -> Doc:
    items: list[Doc] = [cls]
    for a in args:
        items += [" ", _doc(a, namer, 2)]
    return _cat(*items)


def print_constraint(cls: str, args: tuple[Type, ...] | list[Type], namer: Namer | None = None) -> str:
    """`Class arg1 arg2` with the arguments parenthesised where needed (a diagnostic's constraint)."""
    if namer is None:
        namer = Namer()
        for a in args:
            namer.scan(a)
        namer.finish()
    return render(_constraint_doc(cls, args, namer))


def print_type(t: Type, namer: Namer | None = None, width: int | None = None, column: int = 0,
               qualify: Mapping[tuple[str, str], str] | None = None) -> str:
    """A type; with `width`, broken over lines to fit (continuation lines indented from `column`). `qualify`
    (see `display_names`) names types as the module the type is shown in imports them."""
    if namer is None:
        namer = Namer()
        namer.scan(t)
        namer.finish()
    if qualify is not None:
        namer.qualify, namer.requalify = qualify, True
    return render(_doc(t, namer, 0), width, column)


def print_constraints(cs: tuple[Constraint, ...] | list[Constraint], namer: Namer) -> str:
    if not cs:
        return ""
    if len(cs) == 1:
        return f"{_fmt_constraint(cs[0], namer)} => "
    return "(" + ", ".join(_fmt_constraint(c, namer) for c in cs) + ") => "


def _fmt_constraint(c: Constraint, namer: Namer) -> str:
    return render(_constraint_doc(c.cls, c.args, namer))


def _scheme_doc(scheme: Scheme, namer: Namer, quantified: list[str], body: Type) -> Doc:
    printed = sorted({(c.cls, " ".join(_fmt(a, namer, 2) for a in c.args)) for c in scheme.constraints})
    texts = [f"{c} {t}" if t else c for c, t in printed]
    head: list[Doc] = []
    if quantified:
        head.append("forall " + " ".join(quantified) + ".")
    if len(texts) == 1:
        head.append(f"{texts[0]} =>")
    elif texts:
        head.append("(" + ", ".join(texts) + ") =>")
    body_doc = _doc(body, namer, 0)
    if not head:
        return _nest(2, body_doc)
    return _group(_cat(" ".join(str(h) for h in head), _nest(2, _cat(SPACE, body_doc))))


def canonical_scheme(scheme: Scheme) -> str:
    """The scheme as checked, every variable renamed `a`, `b`, … in order of appearance in the type (then the
    constraints), constraints sorted by class name then printed argument, duplicates dropped: equal exactly for
    schemes equal up to renaming."""
    namer = Namer()
    namer.scan(scheme.type)
    for c in scheme.constraints:
        for a in c.args:
            namer.scan(a)
    namer.finish()
    quantified = [namer.names[k] for k in namer.order if k[0] == "g"]
    return render(_scheme_doc(scheme, namer, quantified, scheme.type))


def print_scheme(scheme: Scheme, width: int | None = None, column: int = 0, outer: int = 0,
                 qualify: Mapping[tuple[str, str], str] | None = None) -> str:
    """The scheme as its signature wrote it when known (variable names, synonyms, qualified names, label order),
    otherwise as inferred with variables `a`, `b`, … With `width`, long types break over lines (continuation
    lines are indented relative to `column`, where the text starts: after `name :: ` in a hover). The first
    `outer` variables are bound outside (a class method's class parameters) and left out of the `forall`."""
    body = scheme.display if scheme.display is not None else scheme.type
    namer = _scheme_namer(scheme, qualify)
    named = [i for i in range(scheme.arity) if _usable(scheme.names[i] if i < len(scheme.names) else "")]
    if scheme.arity and len(named) == scheme.arity and len(set(scheme.names[: scheme.arity])) == scheme.arity:
        # a signature's own `forall`: every variable it binds, in its order
        quantified = [namer.names.get(("g", i)) or scheme.names[i] for i in range(scheme.arity)]
    else:
        quantified = [namer.names[k] for k in namer.order if k[0] == "g"]
    if outer:  # (bound outside: a class method's class parameters)
        hidden = {namer.names.get(("g", i)) for i in range(outer)}
        quantified = [q for q in quantified if q not in hidden]
    return render(_scheme_doc(scheme, namer, quantified, body), width, column)


def _scheme_namer(scheme: Scheme, qualify: Mapping[tuple[str, str], str] | None = None) -> Namer:
    """The names `print_scheme` gives the scheme's variables."""
    body = scheme.display if scheme.display is not None else scheme.type
    namer = Namer(scheme.names)
    namer.keep_order = scheme.display is not None
    namer.keep_bound_names = True
    if qualify is not None:
        namer.qualify, namer.requalify = qualify, True
    namer.scan(body)
    for c in scheme.constraints:
        for a in c.args:
            namer.scan(a)
    namer.finish()
    return namer


def print_type_within(t: Type, outer: Scheme | None, qualify: Mapping[tuple[str, str], str] | None = None,
                      width: int | None = None, column: int = 0) -> str:
    """The type of an expression inside a declaration whose scheme is `outer`: a zonked tree's `TGen i` below the
    scheme's arity is the scheme's own variable, so it is named as the declaration's hover names it (`val` of
    `g :: forall val. …`, the `b` of an inferred `forall a b.`) rather than lettered afresh for this type alone."""
    namer = Namer()
    if outer is not None:
        for key, name in _scheme_namer(outer).names.items():
            if key[0] == "g" and key[1] < outer.arity and name:
                namer.names[key] = name
    namer.scan(t)
    namer.finish()
    return print_type(t, namer, width, column, qualify)


def print_signature(name: str, scheme: Scheme, width: int | None = 80,
                    qualify: Mapping[tuple[str, str], str] | None = None) -> str:
    """`name :: type`, broken over lines to fit `width` (a hover's code block)."""
    shown = name if name[:1].isalnum() or name[:1] in "_'" else f"({name})"
    prefix = f"{shown} :: "
    return prefix + print_scheme(scheme, width, len(prefix), qualify=qualify)


def display_names(
    types: Mapping[str, Iterable[tuple[str, str]]], identify: Callable[[str, str], tuple[str, str] | None]
) -> dict[tuple[str, str], str]:
    """How a module refers to the types it imports under another name than their own (`M.Map` for `import
    Data.Map as M`), from its scope's type names (written name → the elements it may name); `identify(module,
    key)` gives a type's (defining module, name). An unqualified name is preferred when there is one, else the
    shortest qualified one."""
    out: dict[tuple[str, str], str] = {}
    plain: set[tuple[str, str]] = set()
    for written, refs in types.items():
        refs = list(refs)
        if len(refs) != 1:
            continue
        ident = identify(*refs[0])
        if ident is None:
            continue
        if written == ident[1]:
            plain.add(ident)
            continue
        current = out.get(ident)
        if current is None or (written.count("."), len(written), written) < (
            current.count("."), len(current), current
        ):
            out[ident] = written
    for ident in plain:
        out.pop(ident, None)
    return out


class KindNamer:
    """Names kind variables `k`, `k1`, `k2`, … in order of first appearance; a rigid one (from a kind signature)
    keeps the name its signature gave it."""

    def __init__(self) -> None:
        self.names: dict[VarKey, str] = {}
        # constructors printed with their module (`Prim.Ordering.Ordering`): two different ones named alike
        self.qualified: frozenset[tuple[str, str]] = frozenset()

    def name(self, k: Type) -> str:
        key = _var_key(k)
        assert key is not None
        got = self.names.get(key)
        if got is None:
            if isinstance(k, TSkolem) and k.name:
                got = k.name
            else:
                n = sum(1 for v in self.names if v[0] != "s")
                got = "k" if n == 0 else f"k{n}"
            self.names[key] = got
        return got


def _kind(k: Type, namer: KindNamer, prec: int) -> str:
    """prec 0: top, 1: left of an arrow, 2: argument of an application."""
    k = prune(k)
    if isinstance(k, (TGen, TVar, TSkolem)):
        return namer.name(k)
    if isinstance(k, TFun):
        s = f"{_kind(k.arg, namer, 1)} -> {_kind(k.res, namer, 0)}"
        return f"({s})" if prec >= 1 else s
    if isinstance(k, TApp):
        head, args = split_app(k)
        if head == T_ARROW and len(args) == 2:
            return _kind(TFun(args[0], args[1]), namer, prec)
        s = " ".join([_kind(head, namer, 2)] + [_kind(a, namer, 2) for a in args])
        return f"({s})" if prec >= 2 else s
    if isinstance(k, TCon):
        return f"{k.module}.{k.name}" if (k.module, k.name) in namer.qualified else k.name
    if isinstance(k, TRow):
        return _fmt(k, Namer(), prec)
    if isinstance(k, TBound):
        return k.name
    if isinstance(k, TForall) and not k.constraints:
        # a quantified kind below the top (`(forall k. k -> Type) -> Type`)
        s = f"forall {' '.join(k.vars)}. {_kind(k.body, namer, 0)}"
        return f"({s})" if prec >= 1 else s
    return "?"


def print_kind(k: Type, namer: KindNamer | None = None) -> str:
    """A kind as PureScript writes it (`Type -> Type`, `Row Type`, `k -> Type`); unknowns are named `k`, `k1`, …"""
    return _kind(k, namer if namer is not None else KindNamer(), 0)


def print_kinds(found: Type, expected: Type) -> tuple[str, str]:
    """Two kinds a message sets against each other, their unknowns named together; constructors of different
    modules with the same name (Prelude's `Ordering` and `Prim.Ordering`'s) are printed qualified, as PureScript
    does, so the message never reads "`Ordering` with `Ordering`"."""
    namer = KindNamer()
    modules: dict[str, set[str]] = {}
    for k in (found, expected):
        for node in iter_type(k):
            if type(node) is TCon:
                assert isinstance(node, TCon)
                modules.setdefault(node.name, set()).add(node.module)
    namer.qualified = frozenset((m, name) for name, ms in modules.items() if len(ms) > 1 for m in ms)
    return _kind(found, namer, 0), _kind(expected, namer, 0)


def print_kind_scheme(k: Type) -> str:
    """A declared or inferred kind with its quantified variables: `forall k. (k -> Type) -> k -> Type`."""
    namer = KindNamer()
    body = _kind(k, namer, 0)
    quantified = [name for key, name in namer.names.items() if key[0] == "g"]
    return f"forall {' '.join(quantified)}. {body}" if quantified else body


def print_use(scheme: Scheme, here: Type, outer: Scheme | None = None,
              qualify: Mapping[tuple[str, str], str] | None = None) -> str:
    """`here`, the type one use of a value of `scheme` has (the scheme instantiated, some variables solved), inside
    a declaration whose scheme is `outer`. A variable the enclosing signature names keeps that name; one the use
    left open is named as `scheme` names it (`v` of `alter :: forall k v. …` stays `v`, not a fresh `a`)."""
    namer = Namer()
    if outer is not None:  # the enclosing signature's own variables keep the names it gave them
        for i, name in enumerate(outer.names[: outer.arity]):
            if _usable(name) and name not in namer.names.values():
                namer.names[("g", i)] = name
    namer.scan(here)
    taken = set(namer.names.values()) | set(namer.skolem_names.values())
    for key, index in _open_variables(scheme.type, here).items():
        name = scheme.names[index] if index < len(scheme.names) else ""
        if not namer.names.get(key) and _usable(name) and name not in taken:
            namer.names[key] = name
            taken.add(name)
    namer.finish()
    return print_type(here, namer, qualify=qualify)


def print_use_scheme(scheme: Scheme, qualify: Mapping[tuple[str, str], str] | None = None) -> str:
    """The scheme's type without its `forall` and constraints, its variables named as the scheme names them: what
    `print_use` prints for a use that solved nothing."""
    namer = Namer(scheme.names)
    namer.scan(scheme.type)
    namer.finish()
    return print_type(scheme.type, namer, qualify=qualify)


def _open_variables(general: Type, here: Type) -> dict[VarKey, int]:
    """Which unsolved variables of `here` stand where `general` (a scheme's type) has `TGen i`: key → i."""
    found: dict[VarKey, int] = {}
    stack: list[tuple[Type, Type]] = [(general, here)]
    while stack:
        g, h = stack.pop()
        g, h = prune(g), prune(h)
        if isinstance(g, TGen):
            key = _var_key(h)
            if key is not None and key[0] != "s":
                found.setdefault(key, g.index)
        elif isinstance(g, TFun) and isinstance(h, TFun):
            stack += [(g.arg, h.arg), (g.res, h.res)]
        elif isinstance(g, TApp) and isinstance(h, TApp):
            stack += [(g.fn, h.fn), (g.arg, h.arg)]
        elif isinstance(g, TRow) and isinstance(h, TRow):
            g_fields, g_tail = flatten_row(g)
            h_fields, h_tail = flatten_row(h)
            h_by_label: dict[str, list[Type]] = {}
            for label, t in h_fields:
                h_by_label.setdefault(label, []).append(t)
            for label, t in g_fields:
                if h_by_label.get(label):
                    stack.append((t, h_by_label[label].pop(0)))
            if g_tail is not None and h_tail is not None:
                stack.append((g_tail, h_tail))
    return found
