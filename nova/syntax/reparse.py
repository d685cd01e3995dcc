"""Re-parsing an edited file by its top-level items: only the items an edit touched are lexed and parsed again.

A keystroke changes one declaration of a file, yet a whole-file parse lexes, lays out and parses every one of them
(for a 500-line module that is most of the time between the keystroke and its diagnostics). Under the layout rule
every top-level item starts a line at the top-level column, and the lexer, the layout pass and the parser all start
each item from the same state; so when the top-level column is 0, the text from the start of one item to the start
of a later one can be parsed on its own, and the items outside it kept (moved by whole lines when the edit added or
removed lines).

`parse_items` parses a whole file and records where each top-level item began; `reparse` takes that record of the
previous text and the new text and returns the record of the new one, whose `parsed` is equal to what
`parse_module` gives for the new text (a differential test holds it to that). The part parsed again runs from the
item before the first one touched (which carries the touched item's doc comment) to the item after the last one
touched; both ends must come out as they were — the one after the edit proves the lexer and the layout are back in
step — or the whole file is parsed. So does anything unusual: an edit of the header or of the imports, a top-level
column other than 0, a parse that failed as a whole.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from nova.diagnostics import Diagnostic, Related, Span
from nova.shift import line_mover
from nova.syntax import ast
from nova.syntax.layout import layout
from nova.syntax.lexer import lex
from nova.syntax.parser import ParsedModule, Parser, _failed, parse_guards
from nova.syntax.tokens import Token

_STAND_IN_HEADER = "module M where"
"""What a part parsed on its own is put under (its first line), so that its items open the top-level block."""


_LARGE_PART = 65_536
"""Characters above which a part that is most of its file is not parsed on its own (see `_splice`)."""


@dataclass(frozen=True, slots=True)
class Item:
    """Where one top-level item (an import, a declaration, an instance chain, a broken declaration) begins, and
    how many imports, declarations, broken declarations and parser diagnostics the module had before it."""

    offset: int
    line: int
    imports: int
    decls: int
    broken: int
    diagnostics: int


@dataclass(frozen=True, slots=True)
class ItemParse:
    """A parse of `text` with the start of each top-level item. `items` ends with a mark past the last item (its
    counts are the totals; its offset the text's length); `reusable` is False when the file's shape rules out
    re-parsing part of it (then `reparse` parses the whole text again)."""

    text: str
    parsed: ParsedModule
    items: tuple[Item, ...]
    lex_diagnostics: tuple[Diagnostic, ...]
    parse_diagnostics: tuple[Diagnostic, ...]
    eof: tuple[int, int]
    reusable: bool
    reparsed: int = -1
    """How many items the last `reparse` parsed again (-1: the whole text was parsed)."""


class _ItemParser(Parser):
    """The parser, recording the token index and the counts at which each top-level item starts."""

    def __init__(self, tokens: list[Token]) -> None:
        super().__init__(tokens)
        self.starts: list[tuple[int, int, int, int, int]] = []

    def item_started(self, start: int, imports: int, decls: int) -> None:
        self.starts.append((start, imports, decls, len(self.broken), len(self.diagnostics)))


def _run(source: str) -> tuple[ParsedModule, list[Token], list[tuple[int, int, int, int, int]],
                                 tuple[Diagnostic, ...], tuple[Diagnostic, ...]] | ParsedModule:
    """`parse_module`'s pipeline, keeping what it throws away; a parse that fails as a whole gives what
    `parse_module` gives then (one diagnostic), without running again."""
    try:
        with parse_guards():
            lexed = lex(source)
            tokens = layout(lexed.tokens)
            parser = _ItemParser(tokens)
            module = parser.parse_module()
    except RecursionError:
        return _failed(source, "expression nested too deeply")
    except Exception as err:  # as parse_module: a bug must not take the editor down
        return _failed(source, f"internal parser error: {type(err).__name__}: {err}")
    lexed_diagnostics = tuple(lexed.diagnostics)
    parsed_diagnostics = tuple(parser.diagnostics)
    parsed = ParsedModule(module, lexed_diagnostics + parsed_diagnostics, tuple(parser.broken))
    return parsed, tokens, parser.starts, lexed_diagnostics, parsed_diagnostics


def parse_items(text: str) -> ItemParse:
    """Parse the whole of `text` (as `parse_module` does), recording where its top-level items begin."""
    run = _run(text)
    if isinstance(run, ParsedModule):
        return ItemParse(text, run, (), (), (), (0, 0), False)
    parsed, tokens, starts, lexed, diagnostics = run
    module = parsed.module
    items = [Item(tokens[s].start, tokens[s].line, i, d, b, n) for s, i, d, b, n in starts]
    items.append(Item(len(text), -1, len(module.imports), len(module.decls), len(parsed.broken), len(diagnostics)))
    eof = (module.span.end_line, module.span.end_col)
    reusable = (
        bool(starts)
        and all(tokens[s].col == 0 and tokens[s].lcol == 0 for s, *_ in starts)
        and items[0].line >= 1
        and eof == _end_of(text)
        and module.name is not None
    )
    return ItemParse(text, parsed, tuple(items), lexed, diagnostics, eof, reusable)


def _end_of(text: str) -> tuple[int, int]:
    """(line, column) of the end of `text`, where the lexer puts its end-of-file token."""
    return text.count("\n"), len(text) - text.rfind("\n") - 1


def _common_prefix(a: str, b: str) -> int:
    low, high = 0, min(len(a), len(b))
    while low < high:  # the longest equal prefix, by halving (each comparison is one memcmp)
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix(a: str, b: str, limit: int) -> int:
    low, high = 0, limit
    la, lb = len(a), len(b)
    while low < high:
        middle = (low + high + 1) // 2
        if a[la - middle:la - low] == b[lb - middle:lb - low]:
            low = middle
        else:
            high = middle - 1
    return low


def reparse(previous: ItemParse, text: str) -> ItemParse:
    """The parse of `text`, reusing the items of `previous` (a parse of an earlier text of the same file) that the
    difference between the two texts leaves alone; equal to `parse_items(text)`."""
    if text == previous.text:
        return previous
    if previous.reusable:
        result = _splice(previous, text)
        if result is not None:
            return result
    return parse_items(text)


def _splice(old: ItemParse, text: str) -> ItemParse | None:
    old_text = old.text
    prefix = _common_prefix(old_text, text)
    suffix = _common_suffix(old_text, text, min(len(old_text), len(text)) - prefix)
    edit_end = len(old_text) - suffix  # the edit replaced old_text[prefix:edit_end] by text[prefix:len(text) - suffix]
    items = old.items
    count = len(items) - 1  # the last mark is the end
    offsets = [item.offset for item in items[:count]]
    first = bisect_left(offsets, prefix) - 1  # the item holding the character before the edit
    last = bisect_right(offsets, edit_end)  # the first item that starts after the edit (its doc may have changed)
    old_module = old.parsed.module
    if first < 1 or items[first].imports != len(old_module.imports):
        return None  # the header, the imports or the first item: parse everything
    lead = first - 1  # parsed again to carry `first`'s doc comment, kept as it was
    trail = last + 1 if last < count else count  # parsed again to prove lexer and layout are back in step
    keep_trail = trail < count
    delta = len(text) - len(old_text)
    lines = text.count("\n", prefix, len(text) - suffix) - old_text.count("\n", prefix, edit_end)
    begin = items[lead].offset
    part_end = items[trail + 1].offset if keep_trail else len(old_text)
    base_line = items[lead].line
    if part_end - begin > _LARGE_PART and 2 * (part_end - begin) > len(old_text):
        return None  # most of a large file: parsing all of it costs no more (and a part that does not fit, twice)
    run = _run(_STAND_IN_HEADER + "\n" * base_line + text[begin:part_end + delta])
    if isinstance(run, ParsedModule):
        return None
    parsed, tokens, starts, lexed, diagnostics = run
    module = parsed.module
    offset_of_part = len(_STAND_IN_HEADER) + base_line - begin  # a token's offset in the part's source − in `text`
    marks = [*starts, (-1, len(module.imports), len(module.decls), len(parsed.broken), len(diagnostics))]
    middle_end = len(starts) - 1 if keep_trail else len(starts)
    if (middle_end < 1 or marks[1][1] != len(module.imports) or len(module.imports) > 1
            or any(tokens[s].col != 0 or tokens[s].lcol != 0 for s, *_ in starts)
            or tokens[starts[1][0]].start - offset_of_part != items[first].offset
            or not _same_item(old, lead, 0, 0, parsed, diagnostics, marks, 0, tokens, offset_of_part, lead=True)
            or (keep_trail and not _same_item(old, trail, lines, delta, parsed, diagnostics, marks, len(starts) - 1,
                                             tokens, offset_of_part))):
        return None
    # -- assemble: the old items before `first`, the part's items from `first` on, the old items after, moved
    old_broken = old.parsed.broken
    head = items[first]
    tail = items[trail]
    new_items: list[Item] = list(items[:first])
    decls: list[ast.Decl] = list(old_module.decls[:head.decls])
    broken: list[ast.BrokenDecl] = list(old_broken[:head.broken])
    parse_diagnostics: list[Diagnostic] = list(old.parse_diagnostics[:head.diagnostics])
    imports = len(old_module.imports)
    for index in range(1, middle_end):
        start, _, d, b, n = marks[index]
        _, _, d2, b2, n2 = marks[index + 1]
        token = tokens[start]
        new_items.append(Item(token.start - offset_of_part, token.line, imports, len(decls), len(broken),
                              len(parse_diagnostics)))
        decls.extend(module.decls[d:d2])
        broken.extend(parsed.broken[b:b2])
        parse_diagnostics.extend(diagnostics[n:n2])
    moved_decls = old_module.decls[tail.decls:]
    moved_broken = old_broken[tail.broken:]
    moved_diagnostics = old.parse_diagnostics[tail.diagnostics:]
    if lines:
        shift = line_mover(lines)
        moved_decls = tuple([shift(d) for d in moved_decls])
        moved_broken = tuple([shift(b) for b in moved_broken])
        moved_diagnostics = tuple([_shift_diagnostic(d, lines) for d in moved_diagnostics])
    base_decls, base_broken, base_diagnostics = len(decls), len(broken), len(parse_diagnostics)
    for item in items[trail:count]:
        new_items.append(Item(item.offset + delta, item.line + lines, imports,
                              base_decls + item.decls - tail.decls, base_broken + item.broken - tail.broken,
                              base_diagnostics + item.diagnostics - tail.diagnostics))
    decls.extend(moved_decls)
    broken.extend(moved_broken)
    parse_diagnostics.extend(moved_diagnostics)
    new_items.append(Item(len(text), -1, imports, len(decls), len(broken), len(parse_diagnostics)))
    # lexer diagnostics sit where their characters are: before the part's new items, in them, after them
    lex_diagnostics = [d for d in old.lex_diagnostics if d.span.start_line < head.line]
    if keep_trail:
        lex_diagnostics.extend(d for d in lexed if head.line <= d.span.start_line < tail.line + lines)
        after = [d for d in old.lex_diagnostics if d.span.start_line >= tail.line]
        lex_diagnostics.extend([_shift_diagnostic(d, lines) for d in after] if lines else after)
        eof = (old.eof[0] + lines, old.eof[1])
    else:
        lex_diagnostics.extend(d for d in lexed if d.span.start_line >= head.line)
        eof = (module.span.end_line, module.span.end_col)
    new_module = ast.Module(Span(0, 0, eof[0], eof[1]), old_module.name, old_module.name_span, old_module.exports,
                            old_module.imports, tuple(decls), old_module.doc)
    lexed_all = tuple(lex_diagnostics)
    parsed_all = tuple(parse_diagnostics)
    result = ParsedModule(new_module, lexed_all + parsed_all, tuple(broken))
    return ItemParse(text, result, tuple(new_items), lexed_all, parsed_all, eof, True, middle_end - 1)


def _same_item(old: ItemParse, index: int, lines: int, delta: int, parsed: ParsedModule,
               diagnostics: tuple[Diagnostic, ...], marks: list[tuple[int, int, int, int, int]], position: int,
               tokens: list[Token], offset_of_part: int, lead: bool = False) -> bool:
    """Whether the part's item at `position` is the old item `index` moved by `lines` lines and `delta`
    characters: the same start, declarations (fingerprints, layouts, places; the leading item, parsed without
    the doc comment above it, is compared without them), broken declarations and diagnostics."""
    start, i, d, b, n = marks[position]
    _, i2, d2, b2, n2 = marks[position + 1]
    item, after = old.items[index], old.items[index + 1]
    if tokens[start].start - offset_of_part != item.offset + delta or tokens[start].line != item.line + lines:
        return False
    if i2 - i != after.imports - item.imports:
        return False
    old_decls = old.parsed.module.decls[item.decls:after.decls]
    new_decls = parsed.module.decls[d:d2]
    if len(old_decls) != len(new_decls):
        return False
    for was, now in zip(old_decls, new_decls, strict=True):
        if type(was) is not type(now) or was.layout != now.layout or _moved(was.span, lines) != now.span:
            return False
        if not lead and (was.fingerprint != now.fingerprint or was.doc != now.doc):
            return False
    old_broken = old.parsed.broken[item.broken:after.broken]
    if tuple([line_mover(lines)(x) for x in old_broken] if lines else old_broken) != parsed.broken[b:b2]:
        return False
    old_diagnostics = old.parse_diagnostics[item.diagnostics:after.diagnostics]
    return tuple([_shift_diagnostic(x, lines) for x in old_diagnostics]) == diagnostics[n:n2]


def _moved(span: Span, lines: int) -> Span:
    return Span(span.start_line + lines, span.start_col, span.end_line + lines, span.end_col)


def _shift_diagnostic(diagnostic: Diagnostic, lines: int) -> Diagnostic:
    if not lines:
        return diagnostic
    return Diagnostic(_moved(diagnostic.span, lines), diagnostic.severity, diagnostic.code, diagnostic.message,
                      tuple(Related(_moved(r.span, lines), r.message, r.module, r.path) for r in diagnostic.related))
