"""semanticTokens full, delta and range (nova.ide.semantic_tokens): names classified over the text as it is now,
their meanings from the last good check (mapped through the edits made since).

The classification of the typed tree is built once per check result; the last answer of each document is kept so
a delta request is answered with the one edit between the two token arrays."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lsprotocol import types

from nova.ide.semantic_tokens import (
    TOKEN_MODIFIERS,
    TOKEN_TYPES,
    SemanticToken,
    TokenMemo,
    TypedIndex,
    semantic_tokens,
)
from server.app import NovaLanguageServer
from server.connection import Connection
from server.current_syntax import parsed_of, too_large
from server.hub import Hub
from server.lsp_util import safe
from server.positions import Encoding, LineIndex
from server.raw_json import JsonInts
from server.session import OpenDoc, WorkspaceSession

LEGEND = types.SemanticTokensLegend(token_types=list(TOKEN_TYPES), token_modifiers=list(TOKEN_MODIFIERS))
_KEPT_RESULTS = 64


class TokenState:
    """Per connection: the typed index of each document's last good check, each document's last full answer
    (reused while neither its text nor its check changes: editors ask again on every focus and scroll) and the
    last answer sent under each result id (for deltas)."""

    def __init__(self) -> None:
        self.indexes: dict[str, tuple[Any, TypedIndex]] = {}
        self.results: dict[str, tuple[str, list[int]]] = {}
        self.answers: dict[str, tuple[tuple[str, Any, str], list[int]]] = {}
        # each document's declarations' tokens from its last full answer (after an edit, only what changed is
        # walked again)
        self.memos: dict[str, TokenMemo] = {}
        self.counter = 0

    def memo_of(self, uri: str) -> TokenMemo:
        memo = self.memos.pop(uri, None) or TokenMemo()
        self.memos[uri] = memo
        trim(self.memos)
        return memo

    def index_of(self, hub: Hub, session: WorkspaceSession, open_doc: OpenDoc) -> TypedIndex | None:
        good = open_doc.good
        if good is None:
            return None
        held = self.indexes.get(open_doc.uri)
        if held is not None and held[0] is good:
            return held[1]
        elements = getattr(getattr(good, "typed_ast", None), "elements", None) or {}
        module = getattr(good, "name", None) or open_doc.module or "Main"
        index = TypedIndex(module, elements, session.batch, lambda m: hub.stdlib_path(m) is not None,
                           held[1] if held is not None else None)
        self.indexes.pop(open_doc.uri, None)
        self.indexes[open_doc.uri] = (good, index)
        trim(self.indexes)
        return index

    def remember(self, uri: str, data: list[int]) -> str:
        self.counter += 1
        result_id = str(self.counter)
        self.results.pop(uri, None)
        self.results[uri] = (result_id, data)
        trim(self.results)
        return result_id


def trim(table: dict[str, Any]) -> None:
    """Keep the most recently used documents' entries (dicts keep insertion order; users re-insert)."""
    while len(table) > _KEPT_RESULTS:
        table.pop(next(iter(table)))


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
    memo = state.memo_of(uri) if lines is None else None
    tokens = semantic_tokens(parsed.module, text, index, None if same else doc.to_checked, None,
                             library_type(connection.hub, open_doc.good), lines, memo)
    data: list[int]
    if memo is not None and memo.groups is not None:
        data = encode_groups(memo.groups, doc.index, connection.encoding,
                             connection.encoding == "utf-32" or text.isascii())
    else:
        data = encode_for_client(tokens, doc.index, connection.encoding)
    if lines is None:
        state.answers.pop(uri, None)
        state.answers[uri] = (key, data)
        trim(state.answers)
    return data


def encode_groups(groups: Sequence[tuple[Any, Sequence[SemanticToken]]], index: LineIndex, encoding: Encoding,
                  plain: bool = False) -> JsonInts:
    """`encode_for_client` of the groups' tokens one after the other (each group's sorted, and all before the
    next group's), a declaration's group encoded once while it and the lines it is on are unchanged (kept on its
    memo entry, with the JSON text of all but its first two numbers); only each group's first token is made
    relative again. `plain`: every line of the text is ASCII (client columns are code points), so a group encoded
    over ASCII lines stays right whatever its lines now hold."""
    data: list[int] = []
    parts: list[str] = []
    last_line = last_col = 0
    for entry, tokens in groups:
        if not tokens:
            continue
        piece = entry.encoded.get(encoding) if entry is not None else None
        # (the same lines: a comment's characters beside the tokens move their client columns too)
        if piece is None or (not (plain and piece[5]) and index.lines[piece[0]:piece[2][0] + 1] != piece[4]):
            chunk, end, columns_are_points = _encode(tokens, index, encoding)
            piece = (tokens[0].line, chunk[1], end, chunk, index.lines[tokens[0].line:end[0] + 1],
                     columns_are_points, "," + ",".join(map(str, chunk[2:])))
            if entry is not None:
                entry.encoded[encoding] = piece
        first_line, first_col, end, chunk, _, _, tail = piece
        delta_line = first_line - last_line
        delta_col = first_col - last_col if delta_line == 0 else first_col
        at = len(data)
        data.extend(chunk)
        data[at] = delta_line
        data[at + 1] = delta_col
        parts.append(f"{delta_line},{delta_col}{tail}")
        last_line, last_col = end
    return JsonInts(data, parts)


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


def _encode(tokens: Sequence[SemanticToken], index: LineIndex, encoding: Encoding
            ) -> tuple[list[int], tuple[int, int], bool]:
    """`encode_for_client`, the last token's line and client column, and whether every column was its code point
    (no line had a table)."""
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
            table_line, table = line, index.client_columns(line, encoding)
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


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    connection = ls.connection
    state = TokenState()

    @ls.feature(types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL, LEGEND)
    @safe(None)
    def full(params: types.SemanticTokensParams) -> types.SemanticTokens | None:
        uri = params.text_document.uri
        data = document_tokens(connection, state, uri)
        if data is None:
            return None
        return types.SemanticTokens(data=data, result_id=state.remember(uri, data))

    @ls.feature(types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL_DELTA, LEGEND)
    @safe(None)
    def full_delta(params: types.SemanticTokensDeltaParams
                   ) -> types.SemanticTokens | types.SemanticTokensDelta | None:
        uri = params.text_document.uri
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
    def in_range(params: types.SemanticTokensRangeParams) -> types.SemanticTokens | None:
        found = connection.open_doc(params.text_document.uri)
        if found is None:
            return None
        return types.SemanticTokens(data=document_tokens(
            connection, state, params.text_document.uri, (params.range.start.line, params.range.end.line)) or [])
