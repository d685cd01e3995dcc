"""foldingRange and selectionRange (nova.ide.folding, nova.ide.selection) over the document's text as it is now,
so they follow every keystroke and work on code that does not check."""

from __future__ import annotations

from lsprotocol import types

from nova.diagnostics import Span
from server.app import NovaLanguageServer
from server.current_syntax import parsed_of, too_large
from server.hub import Hub
from server.lsp_util import safe

KINDS = {"comment": types.FoldingRangeKind.Comment, "imports": types.FoldingRangeKind.Imports,
         "region": types.FoldingRangeKind.Region}


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    connection = ls.connection

    @ls.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
    @safe([])
    def folding(params: types.FoldingRangeParams) -> list[types.FoldingRange]:
        from nova.ide.folding import folding_ranges

        found = connection.open_doc(params.text_document.uri)
        if found is None:
            return []
        if too_large(found[1].doc.text, hub.limits.max_file_bytes):
            return []
        text, parsed = parsed_of(found[1], found[1].doc.text)
        return [types.FoldingRange(start_line=f.start_line, end_line=f.end_line, kind=KINDS[f.kind])
                for f in folding_ranges(parsed.module, text)]

    @ls.feature(types.TEXT_DOCUMENT_SELECTION_RANGE)
    @safe([])
    def selection(params: types.SelectionRangeParams) -> list[types.SelectionRange]:
        from nova.ide.selection import selection_chain

        found = connection.open_doc(params.text_document.uri)
        if found is None:
            return []
        doc = found[1].doc
        if too_large(doc.text, hub.limits.max_file_bytes):
            return []
        _, parsed = parsed_of(found[1], doc.text)
        answers: list[types.SelectionRange] = []
        for position in params.positions:
            line, col = doc.index.from_client(position.line, position.character, connection.encoding)
            chain = selection_chain(parsed.module, line, col) or [Span(line, col, line, col)]
            parent: types.SelectionRange | None = None
            for span in reversed(chain):
                parent = types.SelectionRange(range=connection.lsp_range(span, doc.index), parent=parent)
            assert parent is not None
            answers.append(parent)
        return answers
