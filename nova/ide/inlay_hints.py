"""Inlay hints: the types the checker inferred, shown where the user wrote none.

- `top-level`: a top-level value without a signature gets its scheme after its name;
- `local`: a `let`/`where` binding without a signature, likewise;
- `variables` (off by default): lambda and case-pattern variables get their types;
- `records`: a record pattern, and the argument of a `_.field` accessor, get the record type they are matched
  against;
- `parameter-names` (off by default): the arguments of a call get the callee's parameter names, when its
  (single-clause) definition names them and the argument is not already a variable of that name.

Labels are split into parts; a part naming a type or class carries its target, so an editor can make it a link.
Positions are in the text the typed tree and syntax tree were built from.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from nova import keys
from nova.check import typed as T
from nova.diagnostics import Span
from nova.ide.typed_walk import syntax_children, typed_children
from nova.syntax import ast
from nova.types.types import Scheme, TCon, Type, iter_type

Qualify = Mapping[tuple[str, str], str]
_POSITION = attrgetter("line", "col")

Target = tuple[str, str]


@dataclass(frozen=True, slots=True)
class HintPart:
    text: str
    target: Target | None = None


@dataclass(frozen=True, slots=True)
class InlayHint:
    """`kind` is "type" or "parameter" (LSP's two kinds); `category` the setting that governs it."""

    line: int
    col: int
    parts: tuple[HintPart, ...]
    kind: str
    category: str
    padding_left: bool = False
    padding_right: bool = False

    @property
    def label(self) -> str:
        return "".join(part.text for part in self.parts)


@dataclass(frozen=True, slots=True)
class HintSettings:
    top_level: bool = True
    local: bool = True
    variables: bool = False
    records: bool = True
    parameter_names: bool = False

    @staticmethod
    def from_settings(settings: Any) -> HintSettings:
        """From the client's `nova.inlayHints` object (`topLevelTypes`, `localTypes`, `variableTypes`,
        `recordTypes`, `parameterNames`); anything missing or not a boolean keeps its default."""
        default = HintSettings()

        def flag(name: str, fallback: bool) -> bool:
            value = settings.get(name) if isinstance(settings, dict) else getattr(settings, name, None)
            return value if isinstance(value, bool) else fallback

        if settings is None:
            return default
        return HintSettings(flag("topLevelTypes", default.top_level), flag("localTypes", default.local),
                            flag("variableTypes", default.variables), flag("recordTypes", default.records),
                            flag("parameterNames", default.parameter_names))


_UPPER_NAME = re.compile(r"(?:[A-Z][\w']*\.)*[A-Z][\w']*")


def type_parts(text: str, type_: Type | None, scheme: Scheme | None = None) -> tuple[HintPart, ...]:
    """A printed type split so that each type constructor and class name it mentions (`Map`, `M.Map`) is a part
    with a target."""
    names: dict[str, Target] = {}
    roots: list[Type] = [t for t in (type_, scheme.type if scheme is not None else None) if t is not None]
    for root in roots:
        for t in iter_type(root):
            if isinstance(t, TCon) and t.name != "Function":
                names.setdefault(t.name, (t.module, keys.type_key(t.name)))
    if scheme is not None:
        for constraint in scheme.constraints:
            names.setdefault(constraint.cls, (constraint.module, keys.class_key(constraint.cls)))
    parts: list[HintPart] = []
    last = 0
    for match in _UPPER_NAME.finditer(text):
        target = names.get(match.group().rsplit(".", 1)[-1])
        if target is None:
            continue
        if match.start() > last:
            parts.append(HintPart(text[last:match.start()]))
        parts.append(HintPart(match.group(), target))
        last = match.end()
    if last < len(text):
        parts.append(HintPart(text[last:]))
    return tuple(parts)


def _printed(type_: Type | None, scheme: Scheme | None, qualify: Qualify | None,
             outer: Scheme | None = None) -> str | None:
    """A scheme, or a type inside a declaration of scheme `outer` (its variables named as that one's hover names
    them)."""
    from nova.types.pretty import print_scheme, print_type_within

    if scheme is not None:
        return str(print_scheme(scheme, qualify=qualify))
    if type_ is not None:
        return str(print_type_within(type_, outer, qualify))
    return None


def _type_hint(span_end: tuple[int, int], type_: Type | None, scheme: Scheme | None, category: str,
               prefix: str = ":: ", qualify: Qualify | None = None, outer: Scheme | None = None) -> InlayHint | None:
    printed = _printed(type_, scheme, qualify, outer)
    if printed is None:
        return None
    parts = (HintPart(prefix), *type_parts(printed, type_, scheme))
    return InlayHint(span_end[0], span_end[1], parts, "type", category, padding_left=True)


class SpanIndex:
    """Items (declarations, elements) by the lines their spans cover, to find those that meet a range of lines
    without visiting the others: a screen of hints in a 2k-line module looks at a screen's worth of them."""

    __slots__ = ("ends", "items", "longest", "starts")

    def __init__(self, pairs: Iterable[tuple[Span, Any]]) -> None:
        ordered = sorted(((span.start_line, span.end_line, n, item) for n, (span, item) in enumerate(pairs)),
                         key=lambda e: (e[0], e[2]))
        self.starts = [e[0] for e in ordered]
        self.ends = [e[1] for e in ordered]
        self.items = [(e[2], e[3]) for e in ordered]
        self.longest = max((e[1] - e[0] for e in ordered), default=0)

    def meeting(self, lines: tuple[int, int]) -> list[Any]:
        """The items whose spans meet `lines` (inclusive), in their original order."""
        first = bisect_left(self.starts, lines[0] - self.longest)
        last = bisect_right(self.starts, lines[1])
        found = [self.items[i] for i in range(first, last) if self.ends[i] >= lines[0]]
        found.sort(key=lambda e: e[0])
        return [item for _, item in found]


_INDEXES: dict[int, tuple[object, Any]] = {}
_MAX_INDEXES = 8


def _cached(owner: object, build: Callable[[], Any]) -> Any:
    """What `build` makes for `owner` (a module's syntax tree or elements, never changed once made), kept for
    the few most recent owners: each screen of hints over an unchanged module reuses it."""
    found = _INDEXES.get(id(owner))
    if found is not None and found[0] is owner:
        return found[1]
    if len(_INDEXES) >= _MAX_INDEXES:
        _INDEXES.pop(next(iter(_INDEXES)))
    value = build()
    _INDEXES[id(owner)] = (owner, value)
    return value


class _Declarations:
    """A module's signed top-level names, its declarations by lines (made on first use: after an edit, the hints
    memo asks for one declaration's or none) and (filled as asked) each declaration's signed local bindings."""

    __slots__ = ("_index", "decls", "locals", "signed")

    def __init__(self, module: ast.Module) -> None:
        self.decls = module.decls
        self.signed = frozenset(decl.name for decl in module.decls if isinstance(decl, ast.SignatureDecl))
        self._index: SpanIndex | None = None
        self.locals: dict[int, list[Span]] = {}

    @property
    def index(self) -> SpanIndex:
        if self._index is None:
            self._index = SpanIndex((decl.span, decl) for decl in self.decls)
        return self._index


def _signed_locals(decl: Any) -> list[Span]:
    stack: list[Any] = [decl]
    names: set[str] = set()
    bindings: list[ast.LocalValue] = []
    while stack:
        node = stack.pop()
        if isinstance(node, ast.LocalSignature):
            names.add(node.name)
        elif isinstance(node, ast.LocalValue):
            bindings.append(node)
        stack.extend(syntax_children(node))
    return [binding.name_span for binding in bindings if binding.name in names]


def signed_names(module: ast.Module, lines: tuple[int, int] | None = None) -> tuple[frozenset[str], set[Span]]:
    """Top-level names with a signature, and the name spans of local bindings with one (a local binding counts
    as signed when a local signature of its name is written anywhere in the same top-level declaration); local
    ones only in the declarations that meet `lines`."""
    declarations: _Declarations = _cached(module, lambda: _Declarations(module))
    local: set[Span] = set()
    memo = declarations.locals
    for decl in (module.decls if lines is None else declarations.index.meeting(lines)):
        spans = memo.get(id(decl))
        if spans is None:
            spans = memo[id(decl)] = _signed_locals(decl)
        local.update(spans)
    return declarations.signed, local


class HintMemo:
    """One document's hints by typed element, from its last whole-document answer: the next one (after a check
    that re-inferred a few declarations) makes only those of the elements that are not the same objects (nor
    copies the checker moved by whole lines, whose hints are moved alike), and of those whose name gained or lost
    a signature. Entries are kept while the settings, the names types are printed
    with and (for parameter names, read from the callees' elements) the view's revision are unchanged."""

    __slots__ = ("entries", "key", "made")

    def __init__(self) -> None:
        self.key: tuple[Any, ...] | None = None
        self.entries: dict[int, tuple[Any, bool, list[InlayHint]]] = {}
        self.made = 0
        """How many elements' hints the last answer made (the others were the memo's)."""


def inlay_hints(elements: Mapping[str, Any], module: ast.Module, view: Any, settings: HintSettings,
                lines: tuple[int, int] | None = None, text: str = "",
                qualify: Qualify | None = None, memo: HintMemo | None = None,
                moved: Mapping[int, tuple[Any, int]] | None = None) -> list[InlayHint]:
    """The hints of a module's checked elements (and the syntax tree of the same text), sorted by position;
    `lines` limits them to a range of lines (inclusive). With the text, a parameter name goes before the
    parentheses around its argument (the typed tree keeps none). `qualify` names types as the module imports
    them (`nova.ide.hover.type_names`). A `memo` (whole-module answers only) keeps each element's hints for the
    next answer; `moved` (`nova.ide.moved.moved_elements` since the memo's answer) says which elements are the
    memo's moved by whole lines."""
    signed_top = _cached(module, lambda: _Declarations(module)).signed
    if lines is None:
        shown: Iterable[Any] = [e for e in elements.values() if isinstance(getattr(e, "span", None), Span)]
    else:
        shown = _cached(elements, lambda: SpanIndex(
            (e.span, e) for e in elements.values() if isinstance(getattr(e, "span", None), Span))).meeting(lines)
    rows: list[str] | None = None
    if memo is not None and lines is None:
        key = (settings, dict(qualify or {}), getattr(view, "view_revision", None) if settings.parameter_names
               else None)
        if memo.key != key:
            memo.key, memo.entries = key, {}
        held = memo.entries
    else:
        held = {}
    entries: dict[int, tuple[Any, bool, list[InlayHint]]] = {}
    found: list[InlayHint] = []
    made = 0
    for element in shown:
        signed = getattr(element, "kind", None) == "value" and element.name in signed_top
        entry = held.get(id(element))
        if (entry is None or entry[0] is not element) and moved:
            origin = moved.get(id(element))
            before = held.get(id(origin[0])) if origin is not None else None
            if origin is not None and before is not None and before[0] is origin[0] and before[1] == signed:
                entry = (element, signed, [_moved_hint(hint, origin[1]) for hint in before[2]])
        if entry is None or entry[0] is not element or entry[1] != signed:
            if rows is None and text and settings.parameter_names:
                rows = text.split("\n")
            entry = (element, signed, _element_hints(element, module, view, settings, signed, qualify, rows))
            made += 1
        entries[id(element)] = entry
        found.extend(entry[2])
    if memo is not None and lines is None:
        memo.made, memo.entries = made, entries
    if lines is not None:
        found = [h for h in found if lines[0] <= h.line <= lines[1]]
    found.sort(key=_POSITION)
    return found


def _moved_hint(hint: InlayHint, lines: int) -> InlayHint:
    return InlayHint(hint.line + lines, hint.col, hint.parts, hint.kind, hint.category, hint.padding_left,
                     hint.padding_right)


def _element_hints(element: Any, module: ast.Module, view: Any, settings: HintSettings,
                   signed: bool, qualify: Qualify | None, rows: list[str] | None) -> list[InlayHint]:
    """One element's hints (unsorted): its type when a top-level value without a signature, then those inside."""
    found: list[InlayHint] = []
    if getattr(element, "kind", None) == "value" and settings.top_level and not signed:
        name_span = element.name_span
        hint = _type_hint((name_span.end_line, name_span.end_col), None, element.scheme, "top-level",
                          qualify=qualify)
        if hint is not None:
            found.append(hint)
    span = element.span
    _, signed_local = signed_names(module, (span.start_line, span.end_line))
    found.extend(_inner_hints(element, view, settings, signed_local, qualify))
    if rows is not None:
        found = [_before_parentheses(h, rows) if h.kind == "parameter" else h for h in found]
    return found


def _before_parentheses(hint: InlayHint, rows: list[str]) -> InlayHint:
    row = rows[hint.line] if hint.line < len(rows) else ""
    col = hint.col
    while col > 0 and row[col - 1] == "(":
        col -= 1
    return hint if col == hint.col else InlayHint(hint.line, col, hint.parts, hint.kind, hint.category,
                                                  hint.padding_left, hint.padding_right)


def _inner_hints(element: Any, view: Any, settings: HintSettings, signed_local: set[Span],
                 qualify: Qualify | None = None) -> Iterator[InlayHint]:
    stack: list[Any] = [element]
    outer = getattr(element, "scheme", None)
    while stack:
        node = stack.pop()
        cls = type(node)
        if cls is T.Binding and settings.local and node.pattern is None and node.name_span not in signed_local:
            end = (node.name_span.end_line, node.name_span.end_col)
            hint = _type_hint(end, node.type if node.scheme is None else None, node.scheme, "local",
                              qualify=qualify, outer=outer)
            if hint is not None:
                yield hint
        elif cls is T.ELam:
            if _is_accessor(node) and settings.records:
                hint = _type_hint((node.span.end_line, node.span.end_col), node.params[0].type, None, "records",
                                  "of ", qualify, outer)
                if hint is not None:
                    yield hint
                continue
            if settings.variables:
                yield from _variable_hints(node.params, qualify, outer)
        elif cls is T.Alt and settings.variables:
            yield from _variable_hints(node.patterns, qualify, outer)
        elif cls is T.PRecord and settings.records:
            hint = _type_hint((node.span.end_line, node.span.end_col), node.type, None, "records", qualify=qualify,
                              outer=outer)
            if hint is not None:
                yield hint
        elif cls is T.EApp and settings.parameter_names:
            yield from _parameter_hints(node, view)
            stack.extend(_application_children(node))
            continue
        stack.extend(typed_children(node))


def _is_accessor(node: T.ELam) -> bool:
    """`_.field`: the desugared lambda over one generated parameter `_0` reading a field of it."""
    return (len(node.params) == 1 and isinstance(node.params[0], T.PVar) and node.params[0].name.startswith("_")
            and isinstance(node.body, T.EAccess))


def _variable_hints(patterns: tuple[Any, ...], qualify: Qualify | None,
                    outer: Scheme | None = None) -> Iterator[InlayHint]:
    stack = list(patterns)
    while stack:
        node = stack.pop()
        if isinstance(node, T.PVar) and not node.name.startswith("_"):
            hint = _type_hint((node.span.end_line, node.span.end_col), node.type, None, "variables",
                              qualify=qualify, outer=outer)
            if hint is not None:
                yield hint
        elif isinstance(node, T.PAs):
            hint = _type_hint((node.name_span.end_line, node.name_span.end_col), node.type, None, "variables",
                              qualify=qualify, outer=outer)
            if hint is not None:
                yield hint
        stack.extend(typed_children(node))


def _application_children(node: T.EApp) -> list[Any]:
    """The arguments of a curried application and its head (its inner applications are walked here, once)."""
    out: list[Any] = []
    current: Any = node
    while isinstance(current, T.EApp):
        out.append(current.arg)
        current = current.fn
    out.append(current)
    return out


def _parameter_hints(node: T.EApp, view: Any) -> Iterator[InlayHint]:
    arguments: list[Any] = []
    head: Any = node
    while isinstance(head, T.EApp):
        arguments.append(head.arg)
        head = head.fn
    arguments.reverse()
    if not isinstance(head, T.EVar) or head.target is None:
        return
    if head.span.start_line == arguments[0].span.start_line and head.span.end_col > arguments[0].span.start_col:
        return  # an operator application: its operands come before it
    names = parameter_names(view, head.target)
    for argument, name in zip(arguments, names, strict=False):
        if name is None or (isinstance(argument, T.EVar) and argument.name == name):
            continue
        yield InlayHint(argument.span.start_line, argument.span.start_col, (HintPart(f"{name}:"),), "parameter",
                        "parameter-names", padding_right=True)


def parameter_names(view: Any, target: Target) -> list[str | None]:
    """The names a function's single clause gives its parameters (None where a parameter is a pattern)."""
    element = view.element(*target) if view is not None else None
    clauses: Any = getattr(element, "clauses", ())
    if len(clauses) != 1:
        return []
    return [p.name if isinstance(p, T.PVar) and not p.name.startswith("_") else None for p in clauses[0].params]
