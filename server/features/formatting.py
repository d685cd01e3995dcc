"""textDocument/formatting and rangeFormatting over nova.format (the document's text as it is now).

Only the document's text is needed, so formatting answers at once, even while the project is still being indexed.
A document with syntax errors gets no edits (and no error): formatting is refused, not half-done. A document over
the server's file-size limit gets none either (it would be parsed on the event loop). Edits are whole changed lines,
converted here to the client's position encoding.
"""

from __future__ import annotations

from lsprotocol import types

from nova.format.edits import TextEdit, document_edits, range_edits
from nova.sources import normalize_line_ends
from server.app import NovaLanguageServer
from server.current_syntax import too_large
from server.hub import Hub
from server.lsp_util import safe
from server.positions import LineIndex


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    connection = ls.connection

    def to_lsp(edits: list[TextEdit], index: LineIndex) -> list[types.TextEdit]:
        converted: list[types.TextEdit] = []
        for edit in edits:
            start = index.to_client(edit.start_line, edit.start_col, connection.encoding)
            end = index.to_client(edit.end_line, edit.end_col, connection.encoding)
            converted.append(types.TextEdit(types.Range(types.Position(*start), types.Position(*end)), edit.new_text))
        return converted

    @ls.feature(types.TEXT_DOCUMENT_FORMATTING)
    @safe([])
    def formatting(params: types.DocumentFormattingParams) -> list[types.TextEdit]:
        doc = connection.documents.get(params.text_document.uri)  # (no need to wait for the project's indexing)
        if doc is None:
            return []
        if too_large(doc.text, hub.limits.max_file_bytes):
            return []
        return to_lsp(document_edits(normalize_line_ends(doc.text)), doc.index)

    @ls.feature(types.TEXT_DOCUMENT_RANGE_FORMATTING)
    @safe([])
    def range_formatting(params: types.DocumentRangeFormattingParams) -> list[types.TextEdit]:
        doc = connection.documents.get(params.text_document.uri)  # (no need to wait for the project's indexing)
        if doc is None:
            return []
        if too_large(doc.text, hub.limits.max_file_bytes):
            return []
        start_line, _ = doc.index.from_client(params.range.start.line, params.range.start.character,
                                              connection.encoding)
        end_line, end_col = doc.index.from_client(params.range.end.line, params.range.end.character,
                                                  connection.encoding)
        if end_col == 0 and end_line > start_line:  # a selection of whole lines ends at the next line's start
            end_line -= 1
        return to_lsp(range_edits(normalize_line_ends(doc.text), start_line, end_line), doc.index)
