"""semanticTokens full, delta and range (nova.ide.semantic_tokens): names classified over the text as it is now,
their meanings from the last good check (mapped through the edits made since).

The classification of the typed tree is built once per check result; the last answer of each document is kept so
a delta request is answered with the one edit between the two token arrays. A request made while the check of the
document's text runs waits for it (briefly): then only what the edit touched is classified again."""

from __future__ import annotations

import asyncio
import logging
import operator
import time
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, count
from typing import TYPE_CHECKING, Any

from lsprotocol import types

from nova.ide.line_map import line_edit
from nova.ide.moved import moved_elements
from nova.ide.token_legend import TOKEN_MODIFIERS, TOKEN_TYPES
from server.app import NovaLanguageServer
from server.connection import Connection
from server.current_syntax import parsed_of, too_large
from server.hub import Hub
from server.lsp_util import safe, trim
from server.positions import Encoding, LineIndex
from server.raw_json import JsonInts
from server.session import OpenDoc, WorkspaceSession

if TYPE_CHECKING:  # the classifier (and the syntax tree's classes) is imported by the first request, not at start
    from nova.ide.semantic_tokens import PlacedGroups, SemanticToken, TokenGroup, TokenMemo, TypedIndex

LEGEND = types.SemanticTokensLegend(token_types=list(TOKEN_TYPES), token_modifiers=list(TOKEN_MODIFIERS))
log = logging.getLogger(__name__)

_CHECK_WAIT = 1.0
"""Seconds a token request waits for the running check of the document's text (see `checked_text`)."""


class TokenState:
    """Per connection: the typed index of each document's last good check, each document's last full answer
    (reused while neither its text nor its check changes: editors ask again on every focus and scroll) and the
    last answer sent under each result id (for deltas)."""

    def __init__(self) -> None:
        self.indexes: dict[str, tuple[Any, str, TypedIndex]] = {}
        """By URI: the good check the document's index was built from, that check's text, the index."""
        self.results: dict[str, tuple[str, list[int]]] = {}
        self.answers: dict[str, tuple[tuple[str, Any, str], list[int]]] = {}
        # each document's declarations' tokens from its last full answer (after an edit, only what changed is
        # walked again)
        self.memos: dict[str, TokenMemo] = {}
        # each document's last full answer by declaration, in this connection's encoding (spliced after an edit)
        self.encoded: dict[str, Encoded] = {}
        self.counter = 0

    def memo_of(self, uri: str) -> TokenMemo:
        from nova.ide.semantic_tokens import TokenMemo

        memo = self.memos.pop(uri, None) or TokenMemo()
        self.memos[uri] = memo
        trim(self.memos)
        return memo

    def index_of(self, hub: Hub, session: WorkspaceSession, open_doc: OpenDoc) -> TypedIndex | None:
        from nova.ide.semantic_tokens import TypedIndex

        good = open_doc.good
        if good is None:
            return None
        held = self.indexes.get(open_doc.uri)
        if held is not None and held[0] is good:
            return held[2]
        elements = getattr(getattr(good, "typed_ast", None), "elements", None) or {}
        module = getattr(good, "name", None) or open_doc.module or "Main"
        text = open_doc.good_text
        # (the lines the two checks' texts differ by, and the elements the checker moved below them: their
        # meanings are kept, under the stored lines the index carries over)
        previous, edit, moved = None, None, None
        if held is not None:
            previous, edit = held[2], line_edit(held[1], text)
            if edit is not None and edit[1] != edit[2]:
                moved = moved_elements(held[0], good)
        index = TypedIndex(module, elements, session.batch, lambda m: hub.stdlib_path(m) is not None, previous,
                           edit, moved)
        self.indexes.pop(open_doc.uri, None)
        self.indexes[open_doc.uri] = (good, text, index)
        trim(self.indexes)
        return index

    def remember(self, uri: str, data: list[int]) -> str:
        self.counter += 1
        result_id = str(self.counter)
        self.results.pop(uri, None)
        self.results[uri] = (result_id, data)
        trim(self.results)
        return result_id


def library_type(hub: Hub, good: Any) -> Any:
    scope = getattr(getattr(good, "structure", None), "scope", None)

    def answer(name: str, qualifier: str | None, namespace: str) -> bool:
        if scope is None:
            return False
        table = scope.types if namespace == "type" else scope.classes
        refs = table.get(f"{qualifier}.{name}" if qualifier else name)
        return bool(refs) and all(hub.stdlib_path(ref[0]) is not None for ref in refs)

    return answer


def document_tokens(connection: Connection, state: TokenState, uri: str,
                    lines: tuple[int, int] | None = None) -> list[int] | None:
    from nova.ide.semantic_tokens import semantic_tokens, token_groups

    found = connection.open_doc(uri)
    if found is None:
        return None
    session, open_doc = found
    doc = open_doc.doc
    key = (doc.text, open_doc.good, connection.encoding)
    held = state.answers.get(uri)
    if held is not None and held[0][0] is key[0] and held[0][1] is key[1] and held[0][2] == key[2]:
        return held[1] if lines is None else lines_of(held[1], lines)
    if too_large(doc.text, connection.hub.limits.max_file_bytes):
        return []
    text, parsed = parsed_of(open_doc, doc.text)
    index = state.index_of(connection.hub, session, open_doc)
    same = not doc.edits_since_check  # no edit since the good check: its positions are the text's
    to_checked = None if same else doc.to_checked
    library = library_type(connection.hub, open_doc.good)
    data: list[int]
    if lines is None:
        memo = state.memo_of(uri)
        split = doc.index.lines if "\r" not in doc.text else None  # (the lines of `text` itself)
        placed = token_groups(parsed.module, text, index, to_checked, None, library, memo, split)
        if placed is not None:
            data, encoded = encode_groups(placed, doc.index, connection.encoding,
                                          connection.encoding == "utf-32" or text.isascii(), state.encoded.get(uri))
            state.encoded.pop(uri, None)
            state.encoded[uri] = encoded
            trim(state.encoded)
        else:
            state.encoded.pop(uri, None)
            data = encode_for_client(semantic_tokens(parsed.module, text, index, to_checked, None, library),
                                     doc.index, connection.encoding)
        state.answers.pop(uri, None)
        state.answers[uri] = (key, data)
        trim(state.answers)
    else:
        data = encode_for_client(semantic_tokens(parsed.module, text, index, to_checked, None, library, lines),
                                 doc.index, connection.encoding)
    return data


@dataclass(slots=True)
class Encoded:
    """A document's last full answer in a client's encoding, group by group (the header, then each
    declaration): after an edit, the numbers of the groups that are the same objects as last time (moved alike by
    whole lines, or not moved) are copied over as one slice on either side of those made again."""

    groups: list[TokenGroup]
    lines: list[int]
    """The line each group's token lines are relative to."""
    pieces: list[str]
    """Each group's numbers as JSON with a comma before each (empty for a group without tokens)."""
    sizes: list[int]
    """How many numbers each group has."""
    ends: list[tuple[int, int] | None]
    """Each group's last token's line and client column (None: no tokens)."""
    data: JsonInts
    plain: bool
    """Made over a text whose lines were all ASCII (or in UTF-32): its numbers are code points."""


def encode_groups(placed: PlacedGroups, index: LineIndex, encoding: Encoding, plain: bool = False,
                  previous: Encoded | None = None) -> tuple[JsonInts, Encoded]:
    """`encode_for_client` of the groups' tokens one after the other (each group's sorted, and all before the
    next group's), a declaration's group encoded once while it and the lines it is on are unchanged (kept on the
    group, with the JSON text of all but its first two numbers, relative to the group's line); only each group's
    first token is made relative again. `plain`: every line of the text is ASCII (client columns are code
    points), so a group encoded over ASCII lines stays right whatever its lines now hold. With the `previous`
    answer of the same document and a plain text, the groups kept at both ends are not visited (their part of the
    answer is copied as a slice; those moved by whole lines change their first number only)."""
    if previous is not None and plain and previous.plain:
        # (a group kept by the memo across an edit of a comment beside its tokens is the same object even when
        # that comment's characters moved their client columns: only over code points on both sides is it safe)
        spliced = _spliced(placed, index, encoding, previous)
        if spliced is not None:
            return spliced
    data: list[int] = []
    pieces: list[str] = []
    sizes: list[int] = []
    ends: list[tuple[int, int] | None] = []
    last: tuple[int, int] = (0, 0)
    for group, line in zip(placed.groups, placed.lines, strict=True):
        last = _add_group(group, line, index, encoding, plain, last, data, pieces, sizes, ends)
    result = JsonInts(data, json="[" + "".join(pieces)[1:] + "]")
    return result, Encoded(list(placed.groups), list(placed.lines), pieces, sizes, ends, result, plain)


def _piece(group: TokenGroup, line: int, index: LineIndex, encoding: Encoding, plain: bool) -> tuple[Any, ...]:
    """The group's encoding relative to its own first token: (first line, first client column, end, numbers,
    the lines it was made over, whether those were ASCII, the JSON text of all numbers but the first two); its
    lines relative to `line`, where the group is now."""
    tokens = group.tokens
    piece = group.encoded.get(encoding)
    # (the same lines: a comment's characters beside the tokens move their client columns too)
    if piece is None or (not (plain and piece[5])
                         and index.lines[line + piece[0]:line + piece[2][0] + 1] != piece[4]):
        chunk, end, columns_are_points = _encode(tokens, index, encoding, line)
        first = tokens[0].line
        piece = (first, chunk[1], end, chunk, index.lines[line + first:line + end[0] + 1], columns_are_points,
                 "," + ",".join(map(str, chunk[2:])))
        group.encoded[encoding] = piece
    return piece


def _add_group(group: TokenGroup, line: int, index: LineIndex, encoding: Encoding, plain: bool,
               last: tuple[int, int], data: list[int], pieces: list[str], sizes: list[int],
               ends: list[tuple[int, int] | None]) -> tuple[int, int]:
    """Appends the numbers of one group (now at `line`) after a token at `last`; returns the position of its
    last token."""
    if not group.tokens:
        pieces.append("")
        sizes.append(0)
        ends.append(None)
        return last
    first_line, first_col, end, chunk, _, _, tail = _piece(group, line, index, encoding, plain)
    delta_line = line + first_line - last[0]
    delta_col = first_col - last[1] if delta_line == 0 else first_col
    at = len(data)
    data.extend(chunk)
    data[at] = delta_line
    data[at + 1] = delta_col
    pieces.append(f",{delta_line},{delta_col}{tail}")
    sizes.append(len(chunk))
    placed = (line + end[0], end[1])
    ends.append(placed)
    return placed


def _moved_run(old: Encoded, placed: PlacedGroups, limit: int) -> tuple[int, int]:
    """How many groups at the end of both answers are the same objects moved alike (by the same number of lines,
    that number): a line added or removed above them moves them all by one."""
    from nova.ide.semantic_tokens import same_run

    run = same_run(old.groups, placed.groups, limit, from_end=True)
    if run == 0:
        return 0, 0
    moved = placed.lines[-1] - old.lines[-1]
    old_lines, lines = old.lines[len(old.lines) - run:], placed.lines[len(placed.lines) - run:]
    if moved == 0 and old_lines == lines:
        return run, 0
    shifted = [line + moved for line in old_lines]
    if shifted == lines:
        return run, moved
    alike = 0  # (moved alike from some group on)
    for was, now in zip(reversed(shifted), reversed(lines), strict=True):
        if was != now:
            break
        alike += 1
    return alike, moved


def _spliced(placed: PlacedGroups, index: LineIndex, encoding: Encoding, previous: Encoded
             ) -> tuple[JsonInts, Encoded] | None:
    from nova.ide.semantic_tokens import same_run

    old, groups = previous.groups, placed.groups
    limit = min(len(old), len(groups))
    prefix = same_run(old, groups, limit, from_end=False)
    # (the same groups, on the same lines: one moved is not kept as it was)
    prefix = next(compress(count(), map(operator.ne, previous.lines[:prefix], placed.lines[:prefix])), prefix)
    suffix, moved = _moved_run(previous, placed, limit - prefix)
    if prefix + suffix == 0:
        return None
    ends = previous.ends
    last = next((end for end in reversed(ends[:prefix]) if end is not None), (0, 0))
    offset = sum(previous.sizes[:prefix])
    middle: list[int] = []
    pieces: list[str] = []
    sizes: list[int] = []
    new_ends: list[tuple[int, int] | None] = []
    for at in range(prefix, len(groups) - suffix):
        last = _add_group(groups[at], placed.lines[at], index, encoding, True, last, middle, pieces, sizes,
                          new_ends)
    kept = len(old) - suffix  # the old position of the first group kept after the middle
    head = next((at for at in range(kept, len(old)) if ends[at] is not None), None)
    tail_pieces = previous.pieces[kept:]
    tail_data_at = offset + sum(previous.sizes[prefix:kept])
    if head is not None:
        first_line, first_col, _, _, _, _, tail = _piece(old[head], previous.lines[head] + moved, index, encoding,
                                                         True)
        delta_line = previous.lines[head] + moved + first_line - last[0]
        delta_col = first_col - last[1] if delta_line == 0 else first_col
        middle.extend((delta_line, delta_col))
        tail_data_at += 2
        tail_pieces[head - kept] = f",{delta_line},{delta_col}{tail}"
    kept_ends = ends[kept:] if moved == 0 else \
        [(end[0] + moved, end[1]) if end is not None else None for end in ends[kept:]]
    all_pieces = previous.pieces[:prefix] + pieces + tail_pieces
    # (the previous numbers copied once, the middle and the next group's first two numbers put in place)
    data = JsonInts(previous.data, json="[" + "".join(all_pieces)[1:] + "]")
    data[offset:tail_data_at] = middle
    return data, Encoded(list(groups), list(placed.lines), all_pieces,
                         previous.sizes[:prefix] + sizes + previous.sizes[kept:], ends[:prefix] + new_ends + kept_ends,
                         data, True)


def lines_of(data: list[int], lines: tuple[int, int]) -> list[int]:
    """The part of a whole document's encoded tokens on a range of lines (inclusive): a range request answered
    from the full answer at hand instead of classifying the range again."""
    line = 0
    start = 0
    end = len(data)
    while start < end:
        line += data[start]
        if line >= lines[0]:
            break
        start += 5
    if start >= end or line > lines[1]:
        return []
    stop = start + 5
    last = line
    while stop < end:
        last += data[stop]
        if last > lines[1]:
            break
        stop += 5
    part = data[start:stop]
    part[0] = line  # relative to the start of the document (the token before it was on an earlier line)
    return part


def encode_for_client(tokens: Sequence[SemanticToken], index: LineIndex, encoding: Encoding) -> list[int]:
    """LSP's relative encoding of the tokens, columns in the client's units: the same as `encode` over
    `client_token`s, with each line's column table looked up once and each modifier set's bits computed once."""
    return _encode(tokens, index, encoding)[0]


def _encode(tokens: Sequence[SemanticToken], index: LineIndex, encoding: Encoding, base: int = 0
            ) -> tuple[list[int], tuple[int, int], bool]:
    """`encode_for_client` of tokens whose lines are relative to `base`, the last token's (relative) line and
    client column, and whether every column was its code point (no line had a table)."""
    data: list[int] = []
    add = data.extend
    last_line = last_col = 0
    bits: dict[frozenset[str], int] = {}
    kinds: dict[str, int] = {}
    table_line, table = -1, None
    columns_are_points = True
    for token in tokens:
        line, col, length = token.line, token.col, token.length
        if line != table_line:
            table_line, table = line, index.client_columns(line + base, encoding)
        if table is not None:
            columns_are_points = False
            last = len(table) - 1
            stop = col + length
            start = table[col] if col <= last else table[last] + col - last
            length = (table[stop] if stop <= last else table[last] + stop - last) - start
            col = start
        modifiers = bits.get(token.modifiers)
        if modifiers is None:
            modifiers = bits[token.modifiers] = token.modifier_bits
        kind = kinds.get(token.type)
        if kind is None:
            kind = kinds[token.type] = token.type_index
        delta_line = line - last_line
        add((delta_line, col - last_col if delta_line == 0 else col, length, kind, modifiers))
        last_line, last_col = line, col
    return data, (last_line, last_col), columns_are_points


def client_token(connection: Connection, index: Any, token: SemanticToken) -> tuple[int, int, int, int, int]:
    line, start = index.to_client(token.line, token.col, connection.encoding)
    _, end = index.to_client(token.line, token.col + token.length, connection.encoding)
    return line, start, end - start, token.type_index, token.modifier_bits


def delta(old: list[int], new: list[int]) -> list[types.SemanticTokensEdit]:
    """The one edit turning `old` into `new` (their common prefix and suffix kept), or none when equal: after an
    edit of one declaration, the numbers of that declaration and the first of the next."""
    if old == new:
        return []
    limit = min(len(old), len(new))
    prefix = _common_run(old, new, limit, forward=True)
    suffix = _common_run(old, new, limit - prefix, forward=False)
    return [types.SemanticTokensEdit(start=prefix, delete_count=len(old) - prefix - suffix,
                                     data=new[prefix:len(new) - suffix])]


_STRIDE = 512


def _common_run(old: list[int], new: list[int], limit: int, forward: bool) -> int:
    """How many numbers at the start (or end) of both lists are equal, at most `limit`: compared a slice at a
    time (in C) before the last slice's numbers one by one."""
    run = 0
    if forward:
        while run + _STRIDE <= limit and old[run:run + _STRIDE] == new[run:run + _STRIDE]:
            run += _STRIDE
        while run < limit and old[run] == new[run]:
            run += 1
        return run
    end_old, end_new = len(old), len(new)
    while run + _STRIDE <= limit and \
            old[end_old - run - _STRIDE:end_old - run] == new[end_new - run - _STRIDE:end_new - run]:
        run += _STRIDE
    while run < limit and old[end_old - 1 - run] == new[end_new - 1 - run]:
        run += 1
    return run


async def checked_text(connection: Connection, uri: str, wait: float = _CHECK_WAIT) -> None:
    """Waits (at most `wait` seconds) while a check of the document's current text is running. Editors ask for
    tokens right after each change, before its check lands: answered then, the text would be parsed whole again
    and every declaration's meanings looked up through the edits (on the event loop, while the check runs in a
    worker); answered after it, the request reuses the check's parse and its declarations, and costs what the
    edit touched. A check that leaves syntax errors ends the wait too (the meanings then come from the last good
    check, mapped through the edits)."""
    found = connection.open_doc(uri)
    if found is None:
        return
    open_doc = found[1]
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait
    while open_doc.doc.edits_since_check:
        task = open_doc.task
        remaining = deadline - loop.time()
        if task is None or task.done() or remaining <= 0:
            return
        await asyncio.wait({task}, timeout=remaining)  # (never cancels the check; a newer edit's replaces it)


def prepare_after_checks(connection: Connection, state: TokenState) -> None:
    """After each check of a document whose tokens the editor has asked for, its new tokens are made in the
    next turn of the event loop, once the diagnostics and the refresh request are out: the editor asks for them
    next (on the refresh, or as it renders the edit), and the answer is then at hand instead of made while it
    waits. A document never asked about (not shown) is left alone."""
    def prepare(uri: str) -> None:
        if uri not in state.answers or connection.closed:
            return
        began = time.perf_counter()
        try:
            document_tokens(connection, state, uri)
        except Exception:
            log.exception("preparing the semantic tokens of %s", uri)
            return
        log.info("semantic tokens of %s prepared after its check in %.2f ms", uri, 1000 * (time.perf_counter() - began))

    def after_check(session: WorkspaceSession, open_doc: OpenDoc) -> None:
        if open_doc.uri in state.answers:
            asyncio.get_running_loop().call_soon(prepare, open_doc.uri)

    connection.after_check.append(after_check)


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    connection = ls.connection
    state = TokenState()
    prepare_after_checks(connection, state)

    @ls.feature(types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL, LEGEND)
    @safe(None)
    async def full(params: types.SemanticTokensParams) -> types.SemanticTokens | None:
        uri = params.text_document.uri
        await checked_text(connection, uri)
        data = document_tokens(connection, state, uri)
        if data is None:
            return None
        return types.SemanticTokens(data=data, result_id=state.remember(uri, data))

    @ls.feature(types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL_DELTA, LEGEND)
    @safe(None)
    async def full_delta(params: types.SemanticTokensDeltaParams
                         ) -> types.SemanticTokens | types.SemanticTokensDelta | None:
        uri = params.text_document.uri
        await checked_text(connection, uri)
        data = document_tokens(connection, state, uri)
        if data is None:
            return None
        previous = state.results.get(uri)
        result_id = state.remember(uri, data)
        if previous is None or previous[0] != params.previous_result_id:
            return types.SemanticTokens(data=data, result_id=result_id)
        return types.SemanticTokensDelta(edits=delta(previous[1], data), result_id=result_id)

    @ls.feature(types.TEXT_DOCUMENT_SEMANTIC_TOKENS_RANGE, LEGEND)
    @safe(None)
    async def in_range(params: types.SemanticTokensRangeParams) -> types.SemanticTokens | None:
        await checked_text(connection, params.text_document.uri)
        found = connection.open_doc(params.text_document.uri)
        if found is None:
            return None
        return types.SemanticTokens(data=document_tokens(
            connection, state, params.text_document.uri, (params.range.start.line, params.range.end.line)) or [])
