"""Plain results of the IDE functions: locations, edits, hover text, completion items, signatures, actions."""

from __future__ import annotations

from dataclasses import dataclass, field

from nova.diagnostics import Diagnostic, Span

Target = tuple[str, str]
"""A module-level element: (module, element key), the key as the registry spells it (`map`, `type:Maybe`)."""

Pos = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Location:
    """A range in a module's source (the module's text as the workspace gave it)."""

    module: str
    span: Span


@dataclass(frozen=True, slots=True)
class TextEdit:
    span: Span
    new_text: str


@dataclass(slots=True)
class SourceChange:
    """Edits to the text of several modules, each list non-overlapping, plus module files to rename."""

    edits: dict[str, list[TextEdit]] = field(default_factory=dict)

    def add(self, module: str, span: Span, new_text: str) -> None:
        edits = self.edits.setdefault(module, [])
        edit = TextEdit(span, new_text)
        if edit not in edits:
            edits.append(edit)

    def sorted(self) -> SourceChange:
        return SourceChange({m: sorted(e, key=lambda x: (x.span, x.new_text)) for m, e in self.edits.items() if e})


class IdeError(Exception):
    """A request that cannot be answered as asked (a rename onto an existing name, of a library name, …): the
    message is shown to the user as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class HoverInfo:
    """`code` is shown as Nova source (a signature), `doc` as Markdown; `module` says where the name comes from."""

    code: str
    span: Span | None
    doc: str | None = None
    module: str | None = None
    target: Target | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Highlight:
    span: Span
    write: bool


CompletionKind = str
"""One of: variable, function, value, constructor, type, class, method, module, keyword, snippet, field, operator."""


@dataclass(frozen=True, slots=True)
class CompletionItem:
    """`replace` is the range the inserted text replaces (the word being typed, possibly empty); `rank` orders
    items (lower first: locals, names fitting the expected type, names in scope, names needing an import,
    keywords); `snippet` is LSP/VS Code snippet syntax offered to clients that accept snippets."""

    label: str
    kind: CompletionKind
    replace: Span
    rank: int
    detail: str | None = None
    source: str | None = None
    insert_text: str | None = None
    snippet: str | None = None
    additional_edits: tuple[TextEdit, ...] = ()
    target: Target | None = None
    filter_text: str | None = None


@dataclass(frozen=True, slots=True)
class CompletionResult:
    """`incomplete`: the list was cut to the word typed (the client should ask again as it grows).
    `edits_in_good_text`: the items' additional edits are in the last good check's text (no probe was run), not
    in the current text."""

    items: list[CompletionItem]
    incomplete: bool = False
    edits_in_good_text: bool = False


@dataclass(frozen=True, slots=True)
class SignatureInfo:
    """`label` is `name :: type`; `parameters` are (start, end) offsets of each parameter type in the label."""

    label: str
    parameters: tuple[tuple[int, int], ...]
    active: int
    doc: str | None = None


@dataclass(frozen=True, slots=True)
class CodeAction:
    """`kind` is an LSP code action kind string (`quickfix`, `refactor.extract`, `source.organizeImports`, …)."""

    title: str
    kind: str
    change: SourceChange
    diagnostic: Diagnostic | None = None
    preferred: bool = False


@dataclass(frozen=True, slots=True)
class CallItem:
    """A callable for the call hierarchy: a top-level value (or method, constructor) of some module."""

    name: str
    module: str
    key: str
    kind: str
    span: Span
    name_span: Span
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class Call:
    """`item` calls (or is called by) the hierarchy's subject at `spans` (in `in_module`'s text)."""

    item: CallItem
    spans: tuple[Span, ...]
    in_module: str
