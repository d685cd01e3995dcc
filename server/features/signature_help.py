"""signatureHelp (nova.ide.signature_help): inside an application `f a b`, f's type with the argument at the cursor
active; it stays while the next argument is being typed."""

from __future__ import annotations

from lsprotocol import types

from server.app import NovaLanguageServer
from server.hub import Hub
from server.ide_bridge import SessionWorkspace, open_source
from server.lsp_util import documentation_formats, markup, safe


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    @ls.feature(types.TEXT_DOCUMENT_SIGNATURE_HELP, types.SignatureHelpOptions(trigger_characters=[" ", "("],
                                                                               retrigger_characters=[" ", ","]))
    @safe(None)
    def signature_help(params: types.SignatureHelpParams) -> types.SignatureHelp | None:
        from nova.ide import signature_help as ide_signature

        connection = ls.connection
        found = connection.open_doc(params.text_document.uri)
        if found is None:
            return None
        session, open_doc = found
        doc = open_doc.doc
        line, col = doc.index.from_client(params.position.line, params.position.character, connection.encoding)
        info = ide_signature.signature_help(SessionWorkspace(session), doc.text, line, col, open_source(open_doc),
                                            doc.to_checked)
        if info is None:
            return None
        signature = types.SignatureInformation(
            label=info.label, parameters=[types.ParameterInformation(label=p) for p in info.parameters],
            documentation=markup(documentation_formats(ls), info.doc) if info.doc else None,
        )
        return types.SignatureHelp(signatures=[signature], active_signature=0, active_parameter=info.active)
