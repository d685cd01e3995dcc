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

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from nova.check import typed as T
from nova.diagnostics import Span
from nova.ide.typed_walk import syntax_children, typed_children
from nova.syntax import ast
from nova.types.types import TApp, TCon, TFun, Type, prune

TOKEN_TYPES: tuple[str, ...] = (
    "namespace", "type", "interface", "typeParameter", "enumMember", "function", "variable", "parameter",
    "property", "operator", "method",
)
TOKEN_MODIFIERS: tuple[str, ...] = (
    "declaration", "definition", "readonly", "defaultLibrary", "effectful", "constructor",
)
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
    one declaration, only that one is walked again)."""

    __slots__ = ("based_on", "changed", "meanings", "module", "parts", "view")

    def __init__(self, module: str, elements: Mapping[str, Any], view: Any, library: Callable[[str], bool],
                 previous: TypedIndex | None = None) -> None:
        self.meanings: dict[Span, Meaning] = {}
        self.module, self.view = module, view
        # the index this one was built over, and the spans whose meaning differs from that one's (None: unknown)
        self.based_on: TypedIndex | None = None
        self.changed: frozenset[Span] | None = None
        self.parts: dict[int, tuple[Any, tuple[Span, Meaning] | None, dict[Span, Meaning]]] = {}
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

        reusable = previous.parts if previous is not None and previous.module == module \
            and previous.view is view else {}
        meanings = self.meanings
        fresh: list[Any] = []  # the parts walked again (their spans are where a meaning may have changed)
        for element in elements.values():
            part = reusable.get(id(element))
            if part is None or part[0] is not element:
                named: tuple[Span, Meaning] | None = None
                if getattr(element, "kind", None) in ("value", "foreign") and isinstance(element.name_span, Span):
                    scheme = getattr(element, "scheme", None)
                    type_ = scheme.type if scheme is not None else None
                    named = (element.name_span, _value_meaning(type_, frozenset()))
                found: dict[Span, Meaning] = {}
                self._walk(module, element, kind_of, alias_of, library, found)
                part = (element, named, found)
                fresh.append(part)
            self.parts[id(element)] = part
        # As one pass over the elements in order would fill it (a declared name's meaning overrides, a walk's does
        # not): the first walk's meaning of each span, then the last declared name's. Filled by `dict.update`,
        # which reuses the hashes the parts' dicts hold (no Python-level `Span.__hash__` per entry).
        ordered = list(self.parts.values())
        for part in reversed(ordered):
            meanings.update(part[2])
        for part in ordered:
            if part[1] is not None:
                meanings[part[1][0]] = part[1][1]
        if reusable:
            self.based_on = previous
            self.changed = self._changes(reusable, fresh)

    def _changes(self, before: Mapping[int, Any], fresh: list[Any]) -> frozenset[Span]:
        """The spans whose meaning differs from the previous index's: only those of parts walked again or
        dropped can (a reused part's are the same objects, and so is the set of parts that wrote them)."""
        assert self.based_on is not None
        old = self.based_on.meanings
        candidates: set[Span] = set()
        for part in [*fresh, *(part for key, part in before.items() if self.parts.get(key) is not part)]:
            if part[1] is not None:
                candidates.add(part[1][0])
            candidates.update(part[2])
        meanings = self.meanings
        return frozenset(span for span in candidates if meanings.get(span) != old.get(span))

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
    text_lines: list[str]
    index: TypedIndex | None
    to_checked: Callable[[Pos], Pos | None] | None
    """None when the text is the one the typed tree was built from (positions are the same)."""
    is_class: Callable[[str, str | None], bool]
    library_type: Callable[[str, str | None, str], bool]
    out: list[SemanticToken]
    # while a declaration's tokens are being memoised: every meaning and library answer they were made from
    lookups: list[tuple[Span, Meaning | None]] | None = None
    libraries: list[tuple[tuple[str, str | None, str], bool]] | None = None

    def meaning_at(self, span: Span) -> Meaning | None:
        found = self._meaning_at(span)
        if self.lookups is not None:
            self.lookups.append((span, found))
        return found

    def _meaning_at(self, span: Span) -> Meaning | None:
        if self.index is None:
            return None
        if self.to_checked is None:
            return self.index.meanings.get(span)
        start = self.to_checked((span.start_line, span.start_col))
        end = self.to_checked((span.end_line, span.end_col))
        if start is None or end is None:
            return None
        return self.index.meanings.get(Span(start[0], start[1], end[0], end[1]))

    def is_library(self, name: str, qualifier: str | None, namespace: str) -> bool:
        answer = self.library_type(name, qualifier, namespace)
        if self.libraries is not None:
            self.libraries.append(((name, qualifier, namespace), answer))
        return answer

    def still_valid(self, held: _DeclTokens) -> bool:
        """Whether a declaration's memoised tokens would be made again: every meaning and library answer they
        were made from is still the same."""
        meaning_at = self._meaning_at
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
        line = self.text_lines[span.start_line] if span.start_line < len(self.text_lines) else ""
        start, end = span.start_col, span.end_col
        written = line[start:end]
        if len(written) > 2 and written[0] + written[-1] in ("()", "``"):
            start, end = start + 1, end - 1
            written = written[1:-1]
        if qualifier and written.startswith(qualifier + "."):
            self.out.append(SemanticToken(span.start_line, start, len(qualifier), "namespace"))
            start += len(qualifier) + 1
        if end > start:
            self.out.append(SemanticToken(span.start_line, start, end - start, type_, modifiers))

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
    """Sorted, none overlapping another."""
    lookups: tuple[tuple[Span, Meaning | None], ...]
    libraries: tuple[tuple[tuple[str, str | None, str], bool], ...]
    spans: frozenset[Span]
    """The spans of `lookups` (where a changed meaning would change the tokens)."""
    encoded: dict[Any, Any] = field(default_factory=dict, compare=False)
    """What a caller derived from `tokens` alone (a client's encoding of them), by the caller's key: kept while
    the declaration is."""


class TokenMemo:
    """One document's declarations' tokens from its last full answer, by declaration (its kind, fingerprint,
    layout and place): after an edit, the declarations the edit did not touch are not walked again. Their tokens
    are proved unchanged by the index's own list of changed meanings when the memo was last checked against the
    index this one was built over (the usual case: a check completed since the last answer), else by looking
    every meaning up again. Kept by the caller across requests."""

    __slots__ = ("entries", "groups", "index", "libraries", "reused")

    def __init__(self) -> None:
        self.entries: dict[tuple[Any, ...], _DeclTokens] = {}
        self.reused = 0  # declarations answered from the memo by the last request
        # the index every entry was last proved against with the text's own positions (None: not so proved)
        self.index: TypedIndex | None = None
        # every library question the entries asked, with its answer
        self.libraries: dict[tuple[str, str | None, str], bool] = {}
        # the last answer in pieces, in order: the header's tokens (None), then each declaration's entry; None
        # when that answer had to be sorted as a whole
        self.groups: list[tuple[_DeclTokens | None, tuple[SemanticToken, ...]]] | None = None


def _decl_key(decl: Any) -> tuple[Any, ...] | None:
    fingerprint = getattr(decl, "fingerprint", None)
    if not fingerprint:
        return None
    span = decl.span  # (its numbers: a tuple of ints hashes without a call into Python)
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
    collector = _Collector(text.split("\n"), index, to_checked,
                           is_class or (lambda name, qualifier: False),
                           library_type or (lambda name, qualifier, namespace: False), [])
    _header(module, collector)
    if memo is not None and lines is None:
        head = _settled(collector.out)
        body, in_order = _memoised_decls(module, collector, memo)
        if in_order and (not head or not body or head[-1].line < body[0].line):
            assert memo.groups is not None
            memo.groups.insert(0, (None, tuple(head)))
            return head + body
        memo.groups = None
        collector.out.extend(body)  # (declarations out of order: sorted together below, as without a memo)
    else:
        for decl in module.decls:
            span = decl.span
            if lines is not None and (span.end_line < lines[0] or span.start_line > lines[1]):
                continue
            _walk(decl, collector)
    result = _settled(collector.out)
    if lines is not None:
        result = [token for token in result if lines[0] <= token.line <= lines[1]]
    return result


def _settled(tokens: list[SemanticToken]) -> list[SemanticToken]:
    """Tokens sorted by position, overlapping ones dropped (the first at each place is kept, duplicates too)."""
    result: list[SemanticToken] = []
    for token in sorted(tokens, key=lambda t: (t.line, t.col)):
        if result and result[-1].line == token.line and result[-1].col + result[-1].length > token.col:
            continue
        result.append(token)
    return result


def _memoised_decls(module: ast.Module, c: _Collector, memo: TokenMemo) -> tuple[list[SemanticToken], bool]:
    """The declarations' tokens, each declaration's from the memo when still valid, one declaration after the
    other; and whether they came out sorted (declarations are in the order of the text, unless a parse after an
    error put them otherwise)."""
    changed = _changed_since(memo, c)
    entries: dict[tuple[Any, ...], _DeclTokens] = {}
    libraries: dict[tuple[str, str | None, str], bool] = {}
    reused = 0
    out: list[SemanticToken] = []
    groups: list[tuple[_DeclTokens | None, tuple[SemanticToken, ...]]] = []
    in_order = True
    held_entries = memo.entries
    for decl in module.decls:
        key = _decl_key(decl)
        held = held_entries.get(key) if key is not None else None
        if held is not None and (changed.isdisjoint(held.spans) if changed is not None else c.still_valid(held)):
            tokens = held.tokens
            reused += 1
        else:
            mark = len(c.out)
            c.lookups, c.libraries = [], []
            try:
                _walk(decl, c)
                tokens = tuple(_settled(c.out[mark:]))
                held = _DeclTokens(tokens, tuple(c.lookups), tuple(c.libraries),
                                   frozenset(span for span, _ in c.lookups))
            finally:
                c.lookups = c.libraries = None
                del c.out[mark:]
        if key is not None:
            entries[key] = held
            if held.libraries:
                libraries.update(held.libraries)
        groups.append((held if key is not None else None, tokens))
        if tokens:
            if out and (out[-1].line, out[-1].col + out[-1].length) > (tokens[0].line, tokens[0].col):
                in_order = False
            out.extend(tokens)
    memo.entries, memo.libraries, memo.reused, memo.groups = entries, libraries, reused, groups
    memo.index = c.index if c.to_checked is None else None
    return out, in_order


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
