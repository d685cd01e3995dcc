"""Document synchronisation: didOpen/didChange (incremental) → check and put in the session batch;
didSave → commit; didClose → discard unsaved edits."""

from __future__ import annotations

from lsprotocol import types

from server.app import NovaLanguageServer, spawn
from server.connection import Connection, uri_to_path
from server.documents import Document
from server.hub import Hub
from server.lsp_util import safe


async def _open(connection: Connection, uri: str) -> None:
    session = await connection.session_for(uri)
    doc = connection.documents.get(uri)
    if doc is None or connection.closed:
        return
    if uri in session.docs:  # opened twice without a close: the newer text wins
        if session.docs[uri].doc is not doc:
            session.reopen(uri, doc)
        return
    session.open(uri, doc, uri_to_path(uri))


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    connection = ls.connection

    @ls.feature(types.TEXT_DOCUMENT_DID_OPEN)
    @safe()
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        connection.documents[item.uri] = Document(item.uri, item.text, item.version)
        spawn(_open(connection, item.uri))

    @ls.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    @safe()
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        doc = connection.documents.get(uri)
        if doc is None:
            return
        for change in params.content_changes:
            if isinstance(change, types.TextDocumentContentChangePartial):
                start, end = change.range.start, change.range.end
                doc.apply((start.line, start.character), (end.line, end.character), change.text,
                          connection.encoding)
            else:
                doc.replace_all(change.text, params.text_document.version)
        doc.version = params.text_document.version
        session = connection.session_now(uri)
        if session is not None:
            session.changed(uri)

    @ls.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    @safe()
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        session = connection.session_now(uri)
        work = session.save(uri) if session is not None else None
        if work is not None:
            spawn(work)

    @ls.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    @safe()
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        session = connection.session_now(uri)
        connection.documents.pop(uri, None)
        if session is not None:
            session.close(uri)
