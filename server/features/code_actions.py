"""Code actions (nova.ide.code_actions): quick fixes on the document's diagnostics (import an unknown name, fix a
typo, add missing case branches, remove unreachable ones, fill a typed hole, replace a wildcard by its type, add
missing record fields, define a stub for an unknown name), refactors at the cursor (add a type signature, make an
import explicit, qualify or unqualify a name, extract to a where binding, inline a binding) and
`source.organizeImports`, as workspace edits of the client's current text."""

from __future__ import annotations

from lsprotocol import types

from nova.diagnostics import Span
from nova.ide.model import IdeError
from server import diagnostic_data
from server.app import NovaLanguageServer
from server.hub import Hub
from server.ide_bridge import document_of, open_source, supports_document_changes, workspace_edit
from server.lsp_util import safe

KINDS = [types.CodeActionKind.QuickFix, types.CodeActionKind.RefactorExtract, types.CodeActionKind.RefactorInline,
         types.CodeActionKind.RefactorRewrite, types.CodeActionKind.SourceOrganizeImports]


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    connection = ls.connection

    @ls.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=KINDS))
    @safe(None)
    def code_action(params: types.CodeActionParams) -> list[types.CodeAction] | None:
        from nova.ide import code_actions as ide_actions

        found = document_of(connection, params.text_document.uri)
        if found is None:
            return None
        _, open_doc, workspace = found
        src = open_source(open_doc)
        if src is None:
            return None
        doc = open_doc.doc
        start = doc.index.from_client(params.range.start.line, params.range.start.character, connection.encoding)
        end = doc.index.from_client(params.range.end.line, params.range.end.character, connection.encoding)
        start_good, end_good = doc.to_checked(start), doc.to_checked(end)
        if start_good is None or end_good is None:
            return None
        workspace._sources[src.name] = src
        only = tuple(str(k) for k in params.context.only or ())

        def to_span(start: tuple[int, int], end: tuple[int, int]) -> Span | None:
            a = doc.to_checked(doc.index.from_client(*start, connection.encoding))
            b = doc.to_checked(doc.index.from_client(*end, connection.encoding))
            return Span(*a, *b) if a is not None and b is not None else None

        # the quick fixes read the facts each diagnostic carries in `data`, as the client sends them back
        sent = [d for d in (diagnostic_data.from_lsp_diagnostic(d, to_span) for d in params.context.diagnostics)
                if d is not None]
        own = [*(getattr(src.checked, "diagnostics", ()) or ()), *(getattr(src.checked, "lint", ()) or ())]
        actions = ide_actions.code_actions(workspace, src, Span(*start_good, *end_good),
                                           diagnostic_data.with_client_data(own, sent), only=only)
        versioned = supports_document_changes(ls)
        out: list[types.CodeAction] = []
        for action in actions:
            try:
                edit = workspace_edit(connection, workspace, action.change, versioned)
            except IdeError:
                continue  # the text changed where the edit goes: offered again after the next check
            diagnostics = None
            if action.diagnostic is not None:
                diagnostics = [d for d in params.context.diagnostics
                               if d.code == action.diagnostic.code] or None
            out.append(types.CodeAction(title=action.title, kind=action.kind, edit=edit, diagnostics=diagnostics,
                                        is_preferred=action.preferred or None))
        return out
