"""Semantic tokens: every name in a module classified by what it is, not by how it looks.

The syntax tree of the text as it is now says where each name is written and in which namespace (a type, a class,
a type variable, a label, a module name, a pattern variable); the typed tree of the last good check says what a
value-level name resolves to (a constructor, a function or a plain value, a parameter, an operator standing for a
constructor or a function, something from the standard library, an `Effect`). Positions of the typed tree are in
the last good check's text: `to_checked` maps a position of the current text into it (identity when they agree).

A token is (line, column, length, type, modifiers) in code points; qualifiers (`Array.` in `Array.length`) are
tokens of their own (namespace).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress, count
from typing import Any

from nova.check import typed as T
from nova.diagnostics import Span
from nova.ide.line_map import LineMap
from nova.ide.token_legend import TOKEN_MODIFIERS, TOKEN_TYPES
from nova.ide.typed_walk import syntax_children, typed_children
from nova.syntax import ast
from nova.types.types import TApp, TCon, TFun, Type, prune

_TYPE_INDEX = {name: index for index, name in enumerate(TOKEN_TYPES)}
_MODIFIER_BIT = {name: 1 << index for index, name in enumerate(TOKEN_MODIFIERS)}

Pos = tuple[int, int]


@dataclass(frozen=True, slots=True)
class SemanticToken:
    line: int
    col: int
    length: int
    type: str
    modifiers: frozenset[str] = frozenset()

    @property
    def type_index(self) -> int:
        return _TYPE_INDEX[self.type]

    @property
    def modifier_bits(self) -> int:
        bits = 0
        for modifier in self.modifiers:
            bits |= _MODIFIER_BIT[modifier]
        return bits


@dataclass(frozen=True, slots=True)
class Meaning:
    """What the typed tree says about a value-level name written at some span."""

    type: str
    modifiers: frozenset[str] = frozenset()


def is_function_type(type_: Any) -> bool:
    t = prune(type_) if isinstance(type_, Type) else None
    if isinstance(t, TFun):
        return True
    if isinstance(t, TApp) and isinstance(t.fn, TApp):
        head = prune(t.fn.fn)
        return isinstance(head, TCon) and head.name == "Function" and head.module == "Prim"
    return False


def is_effect_type(type_: Any) -> bool:
    """`Effect a` (the type of an effectful value, not of a function returning one)."""
    t = prune(type_) if isinstance(type_, Type) else None
    while isinstance(t, TApp):
        t = prune(t.fn)
    return isinstance(t, TCon) and t.name == "Effect"


class TypedIndex:
    """The value-level meanings of one good check's typed elements, by the span (in its text) they are written at.

    Built once per check and reused by every token request until the next one. Built with the index of the
    previous check, it reuses the meanings of every element the checker reused (the same object: after an edit of
    one declaration, only that one is walked again), and of every element the checker moved by whole lines below
    the edit (`moved`, `nova.ide.moved.moved_elements`; `edit`: the lines that differ between the two checks'
    texts, `nova.ide.line_map.line_edit`). Its table is keyed by stored lines (`lines`, a `LineMap` carried over
    from the previous index): a moved element's meanings keep their keys, so a line added above a thousand
    declarations re-keys nothing. When no span is written by two elements (the usual case), it also takes over
    the previous index's table and patches in the walked elements' spans, so the work after an edit is that of the
    elements the edit touched: the previous index is left without meanings (only the newest index of a document is
    asked; the previous one is only compared by identity)."""

    __slots__ = ("based_on", "changed", "disjoint", "elements", "lines", "meanings", "module", "parts", "view")

    def __init__(self, module: str, elements: Mapping[str, Any], view: Any, library: Callable[[str], bool],
                 previous: TypedIndex | None = None, edit: tuple[int, int, int] | None = None,
                 moved: Mapping[int, tuple[Any, int]] | None = None) -> None:
        self.meanings: dict[Span, Meaning] = {}
        self.lines = LineMap()
        self.module, self.view, self.elements = module, view, elements
        # the index this one was built over, and the spans whose meaning differs from that one's (None: unknown)
        self.based_on: TypedIndex | None = None
        self.changed: frozenset[Span] | None = None
        self.parts: dict[int, tuple[Any, tuple[Span, Meaning] | None, dict[Span, Meaning]]] = {}
        # whether no span is in two elements' parts (then `meanings` is their union, and can be patched)
        self.disjoint = False
        kinds: dict[tuple[str, str], str | None] = {}

        def kind_of(target: tuple[str, str]) -> str | None:
            if target not in kinds:
                element = view.element(*target) if view is not None else elements.get(target[1])
                kinds[target] = getattr(element, "kind", None)
            return kinds[target]

        def alias_of(target: tuple[str, str]) -> tuple[str, str] | None:
            element = view.element(*target) if view is not None else elements.get(target[1])
            alias = getattr(element, "alias", None)
            return alias if isinstance(alias, tuple) else None

        def part_of(element: Any) -> tuple[Any, tuple[Span, Meaning] | None, dict[Span, Meaning]]:
            named: tuple[Span, Meaning] | None = None
            if getattr(element, "kind", None) in ("value", "foreign") and isinstance(element.name_span, Span):
                scheme = getattr(element, "scheme", None)
                type_ = scheme.type if scheme is not None else None
                named = (element.name_span, _value_meaning(type_, frozenset()))
            found: dict[Span, Meaning] = {}
            self._walk(module, element, kind_of, alias_of, library, found)
            lines = self.lines
            if not lines.identity:  # (keyed by stored lines)
                found = {lines.span(span): meaning for span, meaning in found.items()}
                if named is not None:
                    named = (lines.span(named[0]), named[1])
            return (element, named, found)

        reusable = previous.parts if previous is not None and previous.module == module \
            and previous.view is view else {}
        if reusable and previous is not None:
            lines = previous.lines.edited(*edit) if edit is not None else previous.lines
            if lines is None or (edit is not None and _kept_on_added_lines(elements, reusable, edit)):
                # (a map of too many pieces, or an element kept where the edit's added lines are: made afresh,
                # keyed by the text's own lines)
                reusable = {}
            else:
                self.lines = lines
        moves = _moves(moved, edit) if reusable else {}
        if reusable and previous is not None and previous.disjoint and self._patch(previous, part_of, moves):
            return
        fresh: list[Any] = []  # the parts walked again (their spans are where a meaning may have changed)
        for element in elements.values():
            part = reusable.get(id(element))
            if part is None or part[0] is not element:
                before = moves.get(id(element))
                held = reusable.get(id(before)) if before is not None else None
                if held is not None and held[0] is before:
                    part = (element, held[1], held[2])  # (moved: its meanings under the same stored lines)
                else:
                    part = part_of(element)
                    fresh.append(part)
            self.parts[id(element)] = part
        self._merge()
        if reusable:
            assert previous is not None
            self.based_on = previous
            previous.based_on = None  # (one step back is all a memo compares with: no chain of old tables)
            self.changed = self._changes(reusable, fresh)

    def _merge(self) -> None:
        """`meanings` from the parts, as one pass over the elements in order would fill it (a declared name's
        meaning overrides, a walk's does not): the first walk's meaning of each span, then the last declared
        name's. Filled by `dict.update`, which reuses the hashes the parts' dicts hold (no Python-level
        `Span.__hash__` per entry)."""
        meanings = self.meanings
        meanings.clear()
        parts = self.parts
        ordered = [parts[id(element)] for element in self.elements.values()]
        written = 0
        for part in reversed(ordered):
            meanings.update(part[2])
            written += len(part[2])
        for part in ordered:
            if part[1] is not None:
                if part[1][0] not in part[2]:
                    written += 1
                meanings[part[1][0]] = part[1][1]
        self.disjoint = written == len(meanings)

    def _patch(self, previous: TypedIndex,
               part_of: Callable[[Any], tuple[Any, tuple[Span, Meaning] | None, dict[Span, Meaning]]],
               moves: Mapping[int, Any]) -> bool:
        """This index as the previous one with the elements the checker made anew walked and patched in, when
        they are few; False (nothing done) otherwise. The previous index's parts must be disjoint. An element
        moved from one of the previous index's (`moves`: by id, the previous element) takes that one's part."""
        elements, before = self.elements, previous.elements
        if len(elements) == len(before) and list(elements) == list(before):
            # the same names in the same order (the usual case): the elements compared in C
            same = list(map(operator.is_, elements.values(), before.values()))
            if False not in same:
                fresh, dropped = [], []
            else:
                now, then = list(elements.values()), list(before.values())
                where = list(compress(range(len(same)), map(operator.not_, same)))
                fresh, dropped = [now[at] for at in where], [then[at] for at in where]
        else:
            fresh = [element for name, element in elements.items() if before.get(name) is not element]
            dropped = [element for name, element in before.items() if elements.get(name) is not element]
        pairs: list[tuple[Any, Any]] = []
        if moves and fresh:
            gone = {id(element) for element in dropped}
            rest = []
            for element in fresh:
                origin = moves.get(id(element))
                if origin is not None and id(origin) in gone:
                    gone.discard(id(origin))
                    pairs.append((element, origin))
                else:
                    rest.append(element)
            if pairs:
                fresh, dropped = rest, [element for element in dropped if id(element) in gone]
        if len(fresh) + len(dropped) > max(16, len(elements) // 8):
            return False
        parts = dict(previous.parts)
        if len(parts) != len(before) or len(elements) + len(dropped) != len(before) + len(fresh) \
                or any(id(element) not in parts for element in dropped) \
                or any(id(element) in parts for element in fresh) \
                or any(id(origin) not in parts or id(element) in parts for element, origin in pairs):
            return False  # (an element under two names: the whole build settles it)
        for element, origin in pairs:
            held = parts.pop(id(origin))
            parts[id(element)] = (element, held[1], held[2])
        walked = [part_of(element) for element in fresh]  # (before anything changes: a walk may raise)
        meanings = previous.meanings
        expected = len(meanings)
        old: dict[Span, Meaning | None] = {}
        for element in dropped:
            for span in _own_spans(parts.pop(id(element))):
                if span not in old:
                    old[span] = meanings.pop(span, None)
                expected -= 1
        for part in walked:
            parts[id(part[0])] = part
            for span, meaning in _own_meanings(part):
                if span not in old:
                    old[span] = meanings.get(span)
                meanings[span] = meaning
                expected += 1
        self.parts, self.meanings = parts, meanings
        # (the previous index gives its table up: built over again, it is merged from its parts, never patched)
        previous.meanings, previous.disjoint = {}, False
        self.based_on = previous
        previous.based_on = None
        if expected == len(meanings):
            self.disjoint = True
        else:  # a span now written by two parts: the ordered merge decides
            self._merge()
        current = self.meanings
        self.changed = frozenset(span for span, meaning in old.items() if current.get(span) != meaning)
        return True

    def _changes(self, before: Mapping[int, Any], fresh: list[Any]) -> frozenset[Span]:
        """The spans whose meaning differs from the previous index's: only those of parts walked again or
        dropped can (a reused or moved part's are the same objects, and so is the set of parts that wrote
        them)."""
        assert self.based_on is not None
        old = self.based_on.meanings
        candidates: set[Span] = set()
        kept = {id(part[2]) for part in self.parts.values()}
        for part in [*fresh, *(part for part in before.values() if id(part[2]) not in kept)]:
            if part[1] is not None:
                candidates.add(part[1][0])
            candidates.update(part[2])
        meanings = self.meanings
        return frozenset(span for span in candidates if meanings.get(span) != old.get(span))

    def meaning(self, span: Span) -> Meaning | None:
        """The meaning of the name written at `span` (of the text this index's check was made over)."""
        return self.meanings.get(self.lines.span(span))

    @staticmethod
    def _walk(module: str, root: Any, kind_of: Callable[[tuple[str, str]], str | None],
              alias_of: Callable[[tuple[str, str]], tuple[str, str] | None], library: Callable[[str], bool],
              meanings: dict[Span, Meaning]) -> None:
        params: set[Span] = set()
        stack: list[Any] = [root]
        while stack:
            node = stack.pop()
            cls = type(node)
            if cls is T.EVar:
                meaning = _reference_meaning(module, node, params, kind_of, alias_of, library)
                if meaning is not None:
                    meanings.setdefault(node.span, meaning)
                continue
            if cls is T.PVar:
                kind = "parameter" if node.span in params else None
                meanings.setdefault(node.span, _value_meaning(node.type, frozenset({"declaration"}), kind))
                continue
            if cls is T.PAs:
                kind = "parameter" if node.span in params else None
                meanings.setdefault(node.name_span, _value_meaning(node.type, frozenset({"declaration"}), kind))
                stack.append(node.pattern)
                continue
            if cls is T.PCon:
                target = node.target
                modifiers = frozenset({"defaultLibrary"}) if target is not None and library(target[0]) else frozenset()
                span = node.name_span or node.span
                meanings.setdefault(span, Meaning("enumMember", modifiers))
                stack.extend(node.args)
                continue
            if cls is T.Binding:
                meanings.setdefault(node.name_span, _value_meaning(node.type, frozenset({"declaration"})))
            elif cls is T.Clause or cls is T.ELam:
                for pattern in node.params:
                    _mark_params(pattern, params)
            elif cls is T.Alt:
                for pattern in node.patterns:
                    _mark_params(pattern, params)
            stack.extend(typed_children(node))


def _kept_on_added_lines(elements: Mapping[str, Any], parts: Mapping[int, Any], edit: tuple[int, int, int]
                         ) -> bool:
    """Whether an element kept as it was (its part held) lies on the lines an edit added (those get stored lines
    of their own, where the kept part's meanings are not): only where repeated lines make the texts' difference
    ambiguous."""
    _, old_end, new_end = edit
    if new_end <= old_end:
        return False
    for element in elements.values():
        span = getattr(element, "span", None)
        part = parts.get(id(element))
        if part is not None and part[0] is element and isinstance(span, Span) \
                and span.end_line >= old_end and span.start_line < new_end:
            return True
    return False


def _moves(moved: Mapping[int, tuple[Any, int]] | None, edit: tuple[int, int, int] | None) -> dict[int, Any]:
    """Of the elements the checker moved, those the edit moved (entirely below its lines, by as many lines as it
    added or removed): by id, the element each was moved from."""
    if not moved or edit is None:
        return {}
    _, old_end, new_end = edit
    lines = new_end - old_end
    return {key: origin for key, (origin, delta) in moved.items()
            if delta == lines and isinstance(getattr(origin, "span", None), Span)
            and origin.span.start_line >= old_end}


def _own_meanings(part: tuple[Any, tuple[Span, Meaning] | None, dict[Span, Meaning]]
                   ) -> list[tuple[Span, Meaning]]:
    """What one part writes into the table when no other part writes the same spans: its walk's meanings, its
    declared name's over them."""
    found = part[2]
    if part[1] is None:
        return list(found.items())
    return [*((span, meaning) for span, meaning in found.items() if span != part[1][0]), part[1]]


def _own_spans(part: tuple[Any, tuple[Span, Meaning] | None, dict[Span, Meaning]]) -> list[Span]:
    return [span for span, _ in _own_meanings(part)]


def _mark_params(pattern: Any, params: set[Span]) -> None:
    stack = [pattern]
    while stack:
        node = stack.pop()
        if isinstance(node, T.PVar | T.PAs):
            params.add(node.span)
        stack.extend(typed_children(node))




def _value_meaning(type_: Any, modifiers: frozenset[str], kind: str | None = None) -> Meaning:
    if is_effect_type(type_):
        modifiers = modifiers | {"effectful"}
    if kind is None:
        kind = "function" if is_function_type(type_) else "variable"
    if kind == "variable":
        modifiers = modifiers | {"readonly"}
    return Meaning(kind, modifiers)


def _reference_meaning(module: str, node: T.EVar, params: set[Span],
                       kind_of: Callable[[tuple[str, str]], str | None],
                       alias_of: Callable[[tuple[str, str]], tuple[str, str] | None],
                       library: Callable[[str], bool]) -> Meaning | None:
    target = node.target
    if target is None:
        if node.binder is None:
            return None
        return _value_meaning(node.type, frozenset(), "parameter" if node.binder in params else None)
    modifiers = frozenset({"defaultLibrary"}) if library(target[0]) else frozenset()
    kind = kind_of(target)
    if kind == "operator":
        alias = alias_of(target)
        if node.constructor or (alias is not None and kind_of(alias) == "constructor"):
            modifiers = modifiers | {"constructor"}
        return Meaning("operator", modifiers)
    if kind == "constructor" or node.constructor:
        return Meaning("enumMember", modifiers)
    if kind == "method":
        return _value_meaning(node.type, modifiers, "method")
    return _value_meaning(node.type, modifiers)


# ------------------------------------------------------------------------------------------------- syntax side
@dataclass(slots=True)
class _Collector:
    text: str
    index: TypedIndex | None
    to_checked: Callable[[Pos], Pos | None] | None
    """None when the text is the one the typed tree was built from (positions are the same)."""
    is_class: Callable[[str, str | None], bool]
    library_type: Callable[[str, str | None, str], bool]
    out: list[SemanticToken]
    # while a declaration's tokens are being memoised: every meaning and library answer they were made from
    lookups: list[tuple[Span, Meaning | None]] | None = None
    libraries: list[tuple[tuple[str, str | None, str], bool]] | None = None
    split: Sequence[str] | None = None
    """The text's lines, split on first use (after an edit, most requests walk one declaration or none)."""
    base: int = 0
    """The line tokens are emitted relative to (a declaration's first line while it is walked for the memo)."""

    def meaning_at(self, span: Span) -> Meaning | None:
        index = self.index
        if self.to_checked is not None or index is None:
            found = self._meaning_at(span)
            if self.lookups is not None:
                self.lookups.append((span, found))
            return found
        # (the text is the check's: looked up, and remembered, under its stored lines)
        stored = index.lines.span(span)
        found = index.meanings.get(stored)
        if self.lookups is not None:
            self.lookups.append((stored, found))
        return found

    def _meaning_at(self, span: Span) -> Meaning | None:
        if self.index is None:
            return None
        if self.to_checked is None:
            return self.index.meaning(span)
        start = self.to_checked((span.start_line, span.start_col))
        end = self.to_checked((span.end_line, span.end_col))
        if start is None or end is None:
            return None
        return self.index.meaning(Span(start[0], start[1], end[0], end[1]))

    def is_library(self, name: str, qualifier: str | None, namespace: str) -> bool:
        answer = self.library_type(name, qualifier, namespace)
        if self.libraries is not None:
            self.libraries.append(((name, qualifier, namespace), answer))
        return answer

    def still_valid(self, held: _DeclTokens) -> bool:
        """Whether a declaration's memoised tokens would be made again: every meaning and library answer they
        were made from is still the same (looked up as they were: under stored lines when made over the check's
        own text, through `to_checked` otherwise; the memo's keys keep the two kinds apart)."""
        index = self.index
        meaning_at = self._meaning_at if self.to_checked is not None or index is None else index.meanings.get
        for span, meaning in held.lookups:
            found = meaning_at(span)
            if found is not meaning and found != meaning:
                return False
        library_type = self.library_type
        return all(library_type(*question) == answer for question, answer in held.libraries)

    def emit(self, span: Span | None, type_: str, modifiers: frozenset[str] = frozenset(),
             qualifier: str | None = None) -> None:
        if span is None or span.start_line != span.end_line or span.end_col <= span.start_col:
            return
        lines = self.split
        if lines is None:
            lines = self.split = self.text.split("\n")
        line = lines[span.start_line] if span.start_line < len(lines) else ""
        start, end = span.start_col, span.end_col
        written = line[start:end]
        if len(written) > 2 and written[0] + written[-1] in ("()", "``"):
            start, end = start + 1, end - 1
            written = written[1:-1]
        line_number = span.start_line - self.base
        if qualifier and written.startswith(qualifier + "."):
            self.out.append(SemanticToken(line_number, start, len(qualifier), "namespace"))
            start += len(qualifier) + 1
        if end > start:
            self.out.append(SemanticToken(line_number, start, end - start, type_, modifiers))

    def value(self, span: Span, qualifier: str | None, fallback: str, declared: frozenset[str] = frozenset()) -> None:
        meaning = self.meaning_at(span)
        if meaning is None:
            self.emit(span, fallback, declared, qualifier)
        else:
            self.emit(span, meaning.type, meaning.modifiers | declared, qualifier)

    def name_value(self, span: Span, name: str, fallback: str, declared: frozenset[str]) -> None:
        """A declared name whose span may cover more than the name (a binder with a kind, a pattern)."""
        narrowed = Span(span.start_line, span.start_col, span.start_line, span.start_col + len(name))
        self.value(narrowed, None, fallback, declared)


@dataclass(frozen=True, slots=True)
class _DeclTokens:
    tokens: tuple[SemanticToken, ...]
    """Sorted, none overlapping another; their lines relative to the declaration's first line (the header's: to
    the text's), so a declaration moved by whole lines keeps its group."""
    lookups: tuple[tuple[Span, Meaning | None], ...]
    libraries: tuple[tuple[tuple[str, str | None, str], bool], ...]
    spans: frozenset[Span]
    """The spans of `lookups` (where a changed meaning would change the tokens): under the index's stored lines
    for a group made over the check's own text."""
    encoded: dict[Any, Any] = field(default_factory=dict, compare=False)
    """What a caller derived from `tokens` alone (a client's encoding of them), by the caller's key: kept while
    the declaration is."""


TokenGroup = _DeclTokens
"""The tokens of the module header or of one declaration, with what they were made from."""


@dataclass(frozen=True, slots=True)
class PlacedGroups:
    """A whole module's tokens as groups (the header's, then each declaration's, together sorted), and the line
    each group's token lines are relative to."""

    groups: list[TokenGroup]
    lines: list[int]

    def tokens(self) -> list[SemanticToken]:
        """Every token, its line in the text."""
        return [token if line == 0 else SemanticToken(token.line + line, token.col, token.length, token.type,
                                                      token.modifiers)
                for group, line in zip(self.groups, self.lines, strict=True) for token in group.tokens]


class TokenMemo:
    """One document's declarations' tokens from its last full answer, by declaration (its kind, fingerprint,
    layout and place): after an edit, the declarations the edit did not touch are not walked again. Their tokens
    are proved unchanged by the index's own list of changed meanings when the memo was last checked against the
    index this one was built over (the usual case: a check completed since the last answer), else by looking
    every meaning up again. In the usual case the declarations the re-parse kept (the same objects at both ends
    of the list) are not even visited: only those between, and those holding a changed meaning. Kept by the
    caller across requests."""

    __slots__ = ("decls", "entries", "groups", "index", "keys", "libraries", "reused", "walked")

    def __init__(self) -> None:
        self.entries: dict[tuple[Any, ...], _DeclTokens] = {}
        self.reused = 0  # declarations answered from the memo by the last request
        self.walked = 0  # declarations walked by the last request
        # the index every entry was last proved against with the text's own positions (None: not so proved)
        self.index: TypedIndex | None = None
        # every library question the entries asked, with its answer
        self.libraries: dict[tuple[str, str | None, str], bool] = {}
        # the last answer in pieces, in order: the header's tokens, then each declaration's; None when that answer
        # had to be sorted as a whole
        self.groups: list[_DeclTokens] | None = None
        # the declarations `groups[1:]` are the tokens of (with `groups`), and the keys their entries are under
        self.decls: tuple[Any, ...] | None = None
        self.keys: list[tuple[Any, ...] | None] = []


def _decl_key(decl: Any, c: _Collector) -> tuple[Any, ...] | None:
    """A declaration's entry in the memo: its kind, fingerprint, layout and place; over the check's own text, its
    place in the index's stored lines (the same after lines were added or removed above it), else in the text's.
    An entry found under a key is the group of a declaration written alike at that place of the coordinates its
    lookups were made in, so `still_valid` proves it in either."""
    fingerprint = getattr(decl, "fingerprint", None)
    if not fingerprint:
        return None
    span = decl.span  # (its numbers: a tuple of ints hashes without a call into Python)
    index = c.index
    if c.to_checked is None and index is not None and not index.lines.identity:
        lines = index.lines
        return (type(decl), fingerprint, getattr(decl, "layout", None), lines.line(span.start_line),
                span.start_col, lines.line(span.end_line), span.end_col)
    return (type(decl), fingerprint, getattr(decl, "layout", None), span.start_line, span.start_col,
            span.end_line, span.end_col)


_DECL = frozenset({"declaration"})
_DEF = frozenset({"definition"})


def semantic_tokens(module: ast.Module, text: str, index: TypedIndex | None = None,
                    to_checked: Callable[[Pos], Pos | None] | None = None,
                    is_class: Callable[[str, str | None], bool] | None = None,
                    library_type: Callable[[str, str | None, str], bool] | None = None,
                    lines: tuple[int, int] | None = None, memo: TokenMemo | None = None) -> list[SemanticToken]:
    """The tokens of a module, sorted by position. `is_class(name, qualifier)` says whether an upper-case name in
    an import or export list names a class; `library_type(name, qualifier, namespace)` whether a type or class
    name comes from the standard library; `lines` limits the answer to a range of lines (inclusive); `to_checked`
    maps a position of `text` into the typed tree's text (None: the same text). With a `memo` (whole-module
    answers only), declarations unchanged since the memo's last answer reuse their tokens."""
    if memo is not None and lines is None:
        placed = token_groups(module, text, index, to_checked, is_class, library_type, memo)
        if placed is not None:
            return placed.tokens()
    collector = _Collector(text, index, to_checked, is_class or (lambda name, qualifier: False),
                           library_type or (lambda name, qualifier, namespace: False), [])
    _header(module, collector)
    for decl in module.decls:
        span = decl.span
        if lines is not None and (span.end_line < lines[0] or span.start_line > lines[1]):
            continue
        _walk(decl, collector)
    result = _settled(collector.out)
    if lines is not None:
        result = [token for token in result if lines[0] <= token.line <= lines[1]]
    return result


def token_groups(module: ast.Module, text: str, index: TypedIndex | None,
                 to_checked: Callable[[Pos], Pos | None] | None, is_class: Callable[[str, str | None], bool] | None,
                 library_type: Callable[[str, str | None, str], bool] | None, memo: TokenMemo,
                 text_lines: Sequence[str] | None = None) -> PlacedGroups | None:
    """The whole module's tokens as the memo's groups (the header's, then each declaration's, together sorted),
    each declaration's from the memo when still valid; None (and the memo cleared of its groups) when the
    declarations' tokens are not in the order of the text (a parse after an error can put them otherwise): the
    caller then sorts them whole. A group the memo kept is the same object as in its last answer, wherever its
    declaration moved. `text_lines`: the text's lines when the caller has them split (columns within a line are
    all they are read for)."""
    collector = _Collector(text, index, to_checked, is_class or (lambda name, qualifier: False),
                           library_type or (lambda name, qualifier, namespace: False), [],
                           split=text_lines)
    _header(module, collector)
    head = _settled(collector.out)
    del collector.out[:]
    previous = memo.groups
    header = previous[0] if previous and previous[0].tokens == tuple(head) \
        else _DeclTokens(tuple(head), (), (), frozenset())
    changed = _changed_since(memo, collector)
    groups = None
    if changed is not None and previous is not None and memo.decls is not None:
        groups = _spliced(module.decls, collector, memo, changed, header)
    if groups is None:
        groups = _memoised_decls(module, collector, memo, changed, header)
    memo.index = collector.index if to_checked is None else None
    if groups is None:
        memo.groups = memo.decls = None
        return None
    memo.groups, memo.decls = groups, module.decls
    return PlacedGroups(groups, [0, *(decl.span.start_line for decl in module.decls)])


def _settled(tokens: list[SemanticToken]) -> list[SemanticToken]:
    """Tokens sorted by position, overlapping ones dropped (the first at each place is kept, duplicates too)."""
    result: list[SemanticToken] = []
    for token in sorted(tokens, key=lambda t: (t.line, t.col)):
        if result and result[-1].line == token.line and result[-1].col + result[-1].length > token.col:
            continue
        result.append(token)
    return result


def _decl_group(decl: Any, held: _DeclTokens | None, c: _Collector, changed: frozenset[Span] | None
                ) -> tuple[_DeclTokens, bool]:
    """One declaration's group: the one held for it when still valid, else walked (and whether it was)."""
    if held is not None and (changed.isdisjoint(held.spans) if changed is not None else c.still_valid(held)):
        return held, False
    mark = len(c.out)
    c.lookups, c.libraries = [], []
    c.base = decl.span.start_line
    try:
        _walk(decl, c)
        held = _DeclTokens(tuple(_settled(c.out[mark:])), tuple(c.lookups), tuple(c.libraries),
                           frozenset(span for span, _ in c.lookups))
    finally:
        c.lookups = c.libraries = None
        c.base = 0
        del c.out[mark:]
    return held, True


def _regroup(decl: Any, held: dict[tuple[Any, ...], _DeclTokens], c: _Collector, changed: frozenset[Span] | None,
             entries: dict[tuple[Any, ...], _DeclTokens], libraries: dict[tuple[str, str | None, str], bool],
             keys: list[tuple[Any, ...] | None]) -> tuple[_DeclTokens, bool]:
    """`_decl_group` of a declaration with the group `held` for its key, recorded in the memo's next `entries`,
    `libraries` and `keys`."""
    key = _decl_key(decl, c)
    keys.append(key)
    group, fresh = _decl_group(decl, held.get(key) if key is not None else None, c, changed)
    if key is not None:
        entries[key] = group
        if group.libraries:
            libraries.update(group.libraries)
    return group, fresh


def _in_order(before: SemanticToken | None, before_line: int, after: SemanticToken | None, after_line: int
              ) -> bool:
    """Whether a token (its line relative to `before_line`) ends before another (relative to `after_line`)."""
    return before is None or after is None or \
        (before.line + before_line, before.col + before.length) <= (after.line + after_line, after.col)


def _memoised_decls(module: ast.Module, c: _Collector, memo: TokenMemo, changed: frozenset[Span] | None,
                    header: _DeclTokens) -> list[_DeclTokens] | None:
    """Every declaration's group, each from the memo when still valid, one declaration after the other (None
    when they do not come out sorted)."""
    entries: dict[tuple[Any, ...], _DeclTokens] = {}
    libraries: dict[tuple[str, str | None, str], bool] = {}
    keys: list[tuple[Any, ...] | None] = []
    walked = 0
    groups = [header]
    in_order = True
    last = header.tokens[-1] if header.tokens else None
    last_line = 0
    held_entries = memo.entries
    for decl in module.decls:
        held, fresh = _regroup(decl, held_entries, c, changed, entries, libraries, keys)
        walked += fresh
        groups.append(held)
        tokens = held.tokens
        if tokens:
            line = decl.span.start_line
            if not _in_order(last, last_line, tokens[0], line):
                in_order = False
            last, last_line = tokens[-1], line
    memo.entries, memo.libraries, memo.keys = entries, libraries, keys
    memo.walked, memo.reused = walked, len(module.decls) - walked
    return groups if in_order else None


def same_run(old: Sequence[Any], new: Sequence[Any], limit: int, from_end: bool) -> int:
    """How many items at the start (or end) of both sequences are the same objects, at most `limit` (compared
    in C, lazily up to the first difference: the declarations the re-parse kept are not visited one by one in
    Python, and no list of the comparisons is made)."""
    if limit <= 0:
        return 0
    differs = map(operator.is_not, reversed(old), reversed(new)) if from_end else map(operator.is_not, old, new)
    return min(next(compress(count(), differs), limit), limit)


def _spliced(decls: Sequence[Any], c: _Collector, memo: TokenMemo, changed: frozenset[Span],
             header: _DeclTokens) -> list[_DeclTokens] | None:
    """The groups of the last answer with those of the declarations between the kept ends (the same objects as
    last time) made again, and the kept ones holding a changed meaning walked again; None (for the whole loop)
    when most changed or the order is in doubt."""
    old, previous = memo.decls, memo.groups
    assert old is not None and previous is not None
    limit = min(len(old), len(decls))
    prefix = same_run(old, decls, limit, from_end=False)
    suffix = same_run(old, decls, limit - prefix, from_end=True)
    middle = decls[prefix:len(decls) - suffix]
    if len(middle) > max(16, len(decls) // 8) or len(memo.keys) != len(old):
        return None
    groups = [header, *previous[1:1 + prefix]]
    entries = memo.entries
    replaced = {}  # the entries of the declarations between the kept ends (one may be made again alike)
    for key in memo.keys[prefix:len(old) - suffix]:
        if key is not None and key in entries:
            replaced[key] = entries.pop(key)
    walked = 0
    touched = [len(groups) + n for n in range(len(middle))]
    keys = memo.keys[:prefix]
    for decl in middle:
        held, fresh = _regroup(decl, replaced, c, changed, entries, memo.libraries, keys)
        walked += fresh
        groups.append(held)
    groups.extend(previous[len(previous) - suffix:])
    keys.extend(memo.keys[len(old) - suffix:])
    starts = [0, *(decl.span.start_line for decl in decls)]
    if changed:
        # a kept declaration whose tokens looked a changed meaning up: found by the lines of the spans (stored
        # lines: those of the kept declarations are the text's or moved with them, as their keys say)
        again: set[int] = set()
        for at in range(len(decls)):
            if (at < prefix or at >= len(decls) - suffix) and not changed.isdisjoint(groups[at + 1].spans):
                again.add(at)
        for at in sorted(again):
            decl = decls[at]
            key = keys[at]
            c_held, fresh = _decl_group(decl, None, c, changed)
            walked += fresh
            if key is not None:
                entries[key] = c_held
                if c_held.libraries:
                    memo.libraries.update(c_held.libraries)
            groups[at + 1] = c_held
            touched.append(at + 1)
    if header is not previous[0]:
        touched.append(0)
    for at in touched:  # each replaced group in order with the nearest groups with tokens on either side
        tokens = groups[at].tokens
        if not tokens:
            continue
        before = next(((groups[n].tokens[-1], starts[n]) for n in range(at - 1, -1, -1) if groups[n].tokens),
                      (None, 0))
        after = next(((groups[n].tokens[0], starts[n]) for n in range(at + 1, len(groups)) if groups[n].tokens),
                     (None, 0))
        if not (_in_order(before[0], before[1], tokens[0], starts[at])
                and _in_order(tokens[-1], starts[at], after[0], after[1])):
            return None
    memo.keys = keys
    memo.walked, memo.reused = walked, len(decls) - walked
    return groups


def _changed_since(memo: TokenMemo, c: _Collector) -> frozenset[Span] | None:
    """The spans whose meaning may differ from when the memo's entries were last proved, when the index says
    (None: each entry is proved by looking its meanings up again). Library answers are asked again once each."""
    index = c.index
    if c.to_checked is not None or index is None or memo.index is None:
        return None
    if memo.index is index:
        changed: frozenset[Span] = frozenset()
    elif index.based_on is memo.index and index.changed is not None:
        changed = index.changed
    else:
        return None
    library_type = c.library_type
    if any(library_type(*question) != answer for question, answer in memo.libraries.items()):
        return None
    return changed


def _header(module: ast.Module, c: _Collector) -> None:
    c.emit(module.name_span, "namespace", _DECL)
    for item in module.exports or ():
        _item(item, c, None)
    for imp in module.imports:
        c.emit(imp.module_span, "namespace")
        c.emit(imp.alias_span, "namespace", _DECL)
        for item in imp.items or ():
            _item(item, c, imp.module)


def _item(item: Any, c: _Collector, module: str | None) -> None:
    if isinstance(item, ast.ItemModule):
        c.emit(item.name_span, "namespace")
    elif isinstance(item, ast.ItemValue):
        c.emit(item.span, "function")
    elif isinstance(item, ast.ItemOperator | ast.ItemTypeOperator):
        c.emit(item.span, "operator")
    elif isinstance(item, ast.ItemType):
        c.emit(item.name_span, "interface" if c.is_class(item.name, None) else "type")
        for member in item.members or ():
            c.emit(member.span, "enumMember")
    elif isinstance(item, ast.ItemClass):
        c.emit(item.name_span, "interface")


def _library(c: _Collector, name: str, qualifier: str | None, namespace: str) -> frozenset[str]:
    return frozenset({"defaultLibrary"}) if c.is_library(name, qualifier, namespace) else frozenset()


def _walk(root: Any, c: _Collector) -> None:
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        cls = type(node)
        if cls is ast.Var:
            c.value(node.span, node.qualifier, "variable")
            continue
        if cls is ast.Constructor:
            c.value(node.span, node.qualifier, "enumMember")
            continue
        if cls is ast.OperatorRef:
            c.value(node.span, node.qualifier, "operator")
            continue
        if cls is ast.Operator:
            c.value(node.span, node.qualifier, "function" if node.backtick else "operator")
            continue
        if cls is ast.PatVar:
            c.value(node.span, None, "variable", _DECL)
            continue
        if cls is ast.PatNamed:
            c.value(node.name_span, None, "variable", _DECL)
        elif cls is ast.PatConstructor:
            c.value(node.name.span, node.name.qualifier, "enumMember")
        elif cls is ast.TypeVar:
            c.emit(node.span, "typeParameter")
            continue
        elif cls is ast.TypeVarBinder:
            c.emit(Span(node.span.start_line, node.span.start_col + (1 if node.visible else 0), node.span.start_line,
                        node.span.start_col + (1 if node.visible else 0) + len(node.name)),
                   "typeParameter", _DECL)
        elif cls is ast.TypeCon:
            c.emit(node.span, "type", _library(c, node.name, node.qualifier, "type"), node.qualifier)
            continue
        elif cls is ast.TypeOperator:
            c.emit(node.span, "operator", frozenset(), node.qualifier)
            continue
        elif cls is ast.Constraint:
            name = node.class_name
            c.emit(name.span, "interface", _library(c, name.name, name.qualifier, "class"), name.qualifier)
        elif cls is ast.InstanceDecl or cls is ast.DeriveDecl:
            name = node.class_name
            c.emit(node.name_span, "variable", _DECL)
            c.emit(name.span, "interface", _library(c, name.name, name.qualifier, "class"), name.qualifier)
        elif cls is ast.FixityDecl:
            c.emit(node.operator_span, "operator", _DECL)
            target = node.target
            if node.is_type:
                c.emit(target.span, "type", frozenset(), target.qualifier)
            elif target.name[:1].isupper():
                c.emit(target.span, "enumMember", frozenset(), target.qualifier)
            else:
                c.emit(target.span, "function", frozenset(), target.qualifier)
            continue
        elif cls is ast.SignatureDecl or cls is ast.LocalSignature:
            c.value(node.name_span, None, "function", _DECL)
        elif cls is ast.ValueDecl or cls is ast.LocalValue:
            c.value(node.name_span, None, "function", _DEF)
        elif cls is ast.DataDecl or cls is ast.NewtypeDecl or cls is ast.TypeAliasDecl \
                or cls is ast.ForeignDataDecl or cls is ast.KindSignatureDecl:
            c.emit(node.name_span, "interface" if getattr(node, "keyword", None) == "class" else "type", _DECL)
        elif cls is ast.ForeignValueDecl:
            c.value(node.name_span, None, "function", _DECL)
        elif cls is ast.DataCtor:
            c.emit(node.name_span, "enumMember", _DECL)
        elif cls is ast.ClassDecl:
            c.emit(node.name_span, "interface", _DECL)
        elif cls is ast.ClassMethod:
            c.emit(node.name_span, "method", _DECL)
        elif cls is ast.RowField or cls is ast.PatRecordField or cls is ast.UpdateSet or cls is ast.UpdateNested:
            c.emit(node.label_span, "property")
            if cls is ast.PatRecordField and node.pun:
                continue
        elif cls is ast.RecordField:
            c.emit(node.label_span, "property")
            if node.pun:
                continue
        elif cls is ast.Access:
            c.emit(node.field_span, "property")
        stack.extend(syntax_children(node))


def encode(tokens: list[tuple[int, int, int, int, int]]) -> list[int]:
    """LSP's relative encoding of (line, start, length, type, modifiers) tuples sorted by position."""
    data: list[int] = []
    last_line = last_col = 0
    for line, col, length, type_, modifiers in tokens:
        delta_line = line - last_line
        delta_col = col - last_col if delta_line == 0 else col
        data.extend((delta_line, delta_col, length, type_, modifiers))
        last_line, last_col = line, col
    return data
