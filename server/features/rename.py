"""Rename and prepareRename (nova.ide.rename) across the workspace's modules and this connection's open buffers
(their unsaved text is edited; other connections see the change once it is saved), and the module rename a file
rename implies (`workspace/willRenameFiles`: the header and every import follow the file's new name)."""

from __future__ import annotations

import logging
from pathlib import Path

from lsprotocol import types
from pygls.exceptions import JsonRpcException

from nova.ide.model import IdeError
from server.app import NovaLanguageServer
from server.connection import uri_to_path
from server.hub import Hub
from server.ide_bridge import SessionWorkspace, request_at, supports_document_changes, workspace_edit
from server.lsp_util import safe

log = logging.getLogger(__name__)

REQUEST_FAILED = -32803


def refused(error: IdeError) -> JsonRpcException:
    """The JSON-RPC error a client shows the user as it is (LSP's RequestFailed)."""
    return JsonRpcException(message=error.message, code=REQUEST_FAILED)


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    connection = ls.connection

    @ls.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    @safe(None)
    def prepare_rename(params: types.PrepareRenameParams) -> types.PrepareRenamePlaceholder | None:
        from nova.ide import rename as ide_rename

        request = request_at(connection, params.text_document.uri, params.position)
        if request is None:
            return None
        try:
            span, text = ide_rename.prepare_rename(request.workspace, request.src, request.line, request.col)
        except IdeError as error:
            raise refused(error) from None
        rng = request.range(span)
        return types.PrepareRenamePlaceholder(range=rng, placeholder=text) if rng is not None else None

    @ls.feature(types.TEXT_DOCUMENT_RENAME, types.RenameOptions(prepare_provider=True))
    @safe(None)
    def rename(params: types.RenameParams) -> types.WorkspaceEdit | None:
        from nova.ide import rename as ide_rename

        request = request_at(connection, params.text_document.uri, params.position)
        if request is None:
            return None
        try:
            change = ide_rename.rename(request.workspace, request.src, request.line, request.col, params.new_name)
            return workspace_edit(connection, request.workspace, change, supports_document_changes(ls))
        except IdeError as error:
            raise refused(error) from None

    nova_files = types.FileOperationRegistrationOptions(filters=[types.FileOperationFilter(
        pattern=types.FileOperationPattern(glob="**/*.nova"), scheme="file")])

    @ls.feature(types.WORKSPACE_WILL_RENAME_FILES, nova_files)
    @safe(None)
    def will_rename_files(params: types.RenameFilesParams) -> types.WorkspaceEdit | None:
        from nova.ide import rename as ide_rename

        changes: list[types.WorkspaceEdit] = []
        for file in params.files:
            old, new = uri_to_path(file.old_uri), uri_to_path(file.new_uri)
            if old is None or new is None or old.suffix != ".nova" or new.suffix != ".nova":
                continue
            for session in connection.sessions():
                module = _module_at(session, old)
                folder = session.folder
                if module is None or folder is None:
                    continue
                try:
                    old_parts = list(old.resolve().relative_to(folder).with_suffix("").parts)
                    new_parts = list(new.resolve().relative_to(folder).with_suffix("").parts)
                except ValueError:
                    continue
                new_module = ide_rename.module_for_path(module, old_parts, new_parts)
                if new_module is None or new_module == module:
                    continue
                workspace = SessionWorkspace(session)
                try:
                    change = ide_rename.rename_module(workspace, module, new_module)
                    changes.append(workspace_edit(connection, workspace, change, supports_document_changes(ls)))
                except IdeError as error:
                    log.info("not renaming %s to %s with its file: %s", module, new_module, error.message)
        if not changes:
            return None
        plain: dict[str, list[types.TextEdit]] = {}
        versioned: list[types.TextDocumentEdit] = []
        for edit in changes:
            plain.update({uri: list(edits) for uri, edits in (edit.changes or {}).items()})
            versioned.extend(e for e in edit.document_changes or [] if isinstance(e, types.TextDocumentEdit))
        return types.WorkspaceEdit(changes=plain or None, document_changes=versioned or None)

def _module_at(session: object, path: Path) -> str | None:
    """The module a file of the session holds (open buffer first, else the saved file's)."""
    resolved = path.resolve()
    for open_doc in getattr(session, "docs", {}).values():
        if open_doc.path is not None and Path(open_doc.path).resolve() == resolved and open_doc.module:
            return str(open_doc.module)
    baseline = getattr(session, "baseline", None)
    if baseline is not None:
        for module, file in baseline.module_paths.items():
            if Path(file).resolve() == resolved:
                return str(module)
    return None
