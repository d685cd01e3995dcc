"""textDocument/formatting and rangeFormatting over nova.format (the document's text as it is now).

Only the document's text is needed, so formatting answers at once, even while the project is still being indexed.
A document with syntax errors gets no edits (and no error): formatting is refused, not half-done. A document over
the server's file-size limit or the formatter's own (nova.format.format.MAX_CHARS) gets none either. The work runs
in a worker thread; edits computed for a text the document no longer has are dropped. Edits cover the changed text
converted here to the client's position encoding.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from lsprotocol import types

from nova.diagnostics import Severity
from nova.sources import normalize_line_ends
from server.app import NovaLanguageServer
from server.current_syntax import too_large
from server.documents import Document
from server.hub import Hub
from server.lsp_util import safe
from server.positions import LineIndex

if TYPE_CHECKING:  # the formatter is imported by the first request, not at start
    from nova.format.edits import TextEdit


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    connection = ls.connection

    def to_lsp(edits: list[TextEdit], index: LineIndex) -> list[types.TextEdit]:
        converted: list[types.TextEdit] = []
        for edit in edits:
            start = index.to_client(edit.start_line, edit.start_col, connection.encoding)
            end = index.to_client(edit.end_line, edit.end_col, connection.encoding)
            converted.append(types.TextEdit(types.Range(types.Position(*start), types.Position(*end)), edit.new_text))
        return converted

    def formattable(uri: str) -> Document | None:
        from nova.format.format import MAX_CHARS

        doc = connection.documents.get(uri)  # (no need to wait for the project's indexing)
        if doc is None or too_large(doc.text, min(hub.limits.max_file_bytes, MAX_CHARS)) or broken(uri, doc):
            return None
        return doc

    def broken(uri: str, doc: Document) -> bool:
        """The document's last check parsed this very text and found syntax errors: the formatter would refuse
        it after parsing it again, so it is refused at once."""
        found = connection.open_doc(uri)
        if found is None:
            return False
        open_doc = found[1]
        parsed = open_doc.parsed
        return parsed is not None and (open_doc.checked_text is doc.text or open_doc.checked_text == doc.text) and any(
            d.severity == Severity.ERROR for d in parsed.diagnostics)

    def still(uri: str, doc: Document, version: int | None) -> bool:
        """The edits were computed for the text the document still has."""
        return connection.documents.get(uri) is doc and doc.version == version

    @ls.feature(types.TEXT_DOCUMENT_FORMATTING)
    @safe([])
    async def formatting(params: types.DocumentFormattingParams) -> list[types.TextEdit]:
        from nova.format.edits import document_edits

        uri = params.text_document.uri
        doc = formattable(uri)
        if doc is None:
            return []
        version = doc.version
        # in a worker thread: the event loop keeps answering (and reading changes) while a large file is formatted
        edits = await asyncio.to_thread(document_edits, normalize_line_ends(doc.text))
        return to_lsp(edits, doc.index) if still(uri, doc, version) else []

    @ls.feature(types.TEXT_DOCUMENT_RANGE_FORMATTING)
    @safe([])
    async def range_formatting(params: types.DocumentRangeFormattingParams) -> list[types.TextEdit]:
        from nova.format.edits import range_edits

        uri = params.text_document.uri
        doc = formattable(uri)
        if doc is None:
            return []
        version = doc.version
        start_line, _ = doc.index.from_client(params.range.start.line, params.range.start.character,
                                              connection.encoding)
        end_line, end_col = doc.index.from_client(params.range.end.line, params.range.end.character,
                                                  connection.encoding)
        if end_col == 0 and end_line > start_line:  # a selection of whole lines ends at the next line's start
            end_line -= 1
        edits = await asyncio.to_thread(range_edits, normalize_line_ends(doc.text), start_line, end_line)
        return to_lsp(edits, doc.index) if still(uri, doc, version) else []
