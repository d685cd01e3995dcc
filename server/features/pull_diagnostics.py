"""Pull diagnostics (`textDocument/diagnostic`, `workspace/diagnostic`) for clients that prefer them to pushes.

A client chooses by its `nova.diagnostics.mode` setting (`"push"`, the default, or `"pull"`), read once with
workspace/configuration. The capability is always declared, since it must be at initialize, before settings can be
read; a push client (VS Code and Neovim pull whenever a server declares it) gets empty pull reports, so nothing is
shown twice. A pull client gets the reports, the pushes stop (each document's pushed diagnostics are cleared on its
first pull), and a workspace/diagnostic/refresh follows every completed check instead.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from typing import Any

from lsprotocol import types

from nova.diagnostics import Span
from nova.sources import SourceError, read_source
from server import diagnostic_data
from server.app import NovaLanguageServer
from server.hub import Hub
from server.lsp_util import safe
from server.positions import LineIndex

log = logging.getLogger(__name__)
SECTION = "nova.diagnostics"


class PullState:
    def __init__(self) -> None:
        self.mode: str | None = None
        self.pulled: set[str] = set()


async def mode_of(ls: NovaLanguageServer, state: PullState) -> str:
    if state.mode is not None:
        return state.mode
    mode = "push"
    workspace = getattr(ls.client_capabilities, "workspace", None)
    if getattr(workspace, "configuration", False):
        try:
            answer = await asyncio.wait_for(ls.workspace_configuration_async(
                types.ConfigurationParams(items=[types.ConfigurationItem(section=SECTION)])), 2.0)
            settings = answer[0] if isinstance(answer, list | tuple) and answer else None
            value = settings.get("mode") if isinstance(settings, dict) else getattr(settings, "mode", None)
            if value == "pull":
                mode = "pull"
        except Exception:
            log.warning("the client did not answer workspace/configuration; pushing diagnostics")
    state.mode = mode
    return mode


def result_id(diagnostics: list[types.Diagnostic], version: Any) -> str:
    digest = hashlib.sha256(repr((version, [(d.range, d.message, d.code) for d in diagnostics])).encode())
    return digest.hexdigest()[:16]


def document_report(ls: NovaLanguageServer, uri: str) -> tuple[list[types.Diagnostic], Any] | None:
    connection = ls.connection
    found = connection.open_doc(uri)
    if found is None:
        return None
    session, open_doc = found
    if open_doc.checked is None:
        return [], None
    index = LineIndex.of(open_doc.checked_text)
    out = []
    for diagnostic in getattr(open_doc.checked, "diagnostics", ()):
        try:
            out.append(connection.to_lsp_diagnostic(session, open_doc, diagnostic, index))
        except Exception:
            log.exception("bad diagnostic %r", diagnostic)
    return out, open_doc.checked_version


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    connection = ls.connection
    state = PullState()

    @ls.feature(types.TEXT_DOCUMENT_DIAGNOSTIC, types.DiagnosticOptions(
        identifier="nova", inter_file_dependencies=True, workspace_diagnostics=True))
    @safe(types.RelatedFullDocumentDiagnosticReport(items=[]))
    async def pull(params: types.DocumentDiagnosticParams) -> types.DocumentDiagnosticReport:
        uri = params.text_document.uri
        if await mode_of(ls, state) != "pull":
            return types.RelatedFullDocumentDiagnosticReport(items=[])
        if uri not in state.pulled:
            state.pulled.add(uri)
            connection.clear_diagnostics(uri)  # what was pushed before the client's first pull
        found = document_report(ls, uri)
        if found is None:
            return types.RelatedFullDocumentDiagnosticReport(items=[])
        items, version = found
        rid = result_id(items, version)
        if params.previous_result_id == rid:
            return types.RelatedUnchangedDocumentDiagnosticReport(result_id=rid)
        return types.RelatedFullDocumentDiagnosticReport(items=items, result_id=rid)

    @ls.feature(types.WORKSPACE_DIAGNOSTIC)
    @safe(types.WorkspaceDiagnosticReport(items=[]))
    async def pull_workspace(params: types.WorkspaceDiagnosticParams) -> types.WorkspaceDiagnosticReport:
        if await mode_of(ls, state) != "pull":
            return types.WorkspaceDiagnosticReport(items=[])
        previous = {p.uri: p.value for p in params.previous_result_ids}
        reports: list[types.WorkspaceDocumentDiagnosticReport] = []
        open_uris: set[str] = set()
        for session in connection.sessions():
            for uri, open_doc in session.docs.items():
                open_uris.add(uri)
                found = document_report(ls, uri)
                if found is None:
                    continue
                items, version = found
                rid = result_id(items, version)
                if previous.get(uri) == rid:
                    reports.append(types.WorkspaceUnchangedDocumentDiagnosticReport(
                        uri=uri, version=open_doc.doc.version, result_id=rid))
                else:
                    reports.append(types.WorkspaceFullDocumentDiagnosticReport(
                        uri=uri, version=open_doc.doc.version, items=items, result_id=rid))
        for session in connection.sessions():
            reports.extend(saved_reports(connection, session, open_uris, previous))
        return types.WorkspaceDiagnosticReport(items=reports)

    publish = connection.publish_checked

    def publish_unless_pulled(session: Any, open_doc: Any, extra: list[Any]) -> None:
        if state.mode == "pull" and open_doc.uri in state.pulled:
            from server.features.refresh import request_refresh

            request_refresh(ls, types.WORKSPACE_DIAGNOSTIC_REFRESH)
            return
        publish(session, open_doc, extra)

    connection.publish_checked = publish_unless_pulled  # type: ignore[method-assign]


def saved_reports(connection: Any, session: Any, skip: set[str], previous: dict[str, str]
                  ) -> list[types.WorkspaceDocumentDiagnosticReport]:
    """Reports of the folder's saved files that are not open (their diagnostics from the baseline's check)."""
    from server.connection import path_to_uri

    baseline = session.baseline
    if baseline is None:
        return []
    out: list[types.WorkspaceDocumentDiagnosticReport] = []
    for module, checked in baseline.checked.items():
        path = baseline.path_of(module)
        if path is None:
            continue
        uri = path_to_uri(path)
        if uri in skip:
            continue
        diagnostics = (*getattr(checked, "diagnostics", ()), *getattr(checked, "lint", ()))
        file = baseline.files.get(path)
        try:
            text = file.text if file is not None else read_source(path, connection.hub.limits.max_file_bytes).text
        except SourceError:
            continue
        index = LineIndex.of(text)
        def to_range(span: Span, index: LineIndex = index) -> types.Range:
            found: types.Range = connection.lsp_range(span, index)
            return found

        items = [types.Diagnostic(range=to_range(d.span), message=d.message,
                                  severity=types.DiagnosticSeverity(int(d.severity)), code=d.code, source="nova",
                                  tags=[types.DiagnosticTag.Unnecessary] if d.unnecessary else None,
                                  data=diagnostic_data.to_lsp(d.data, to_range))
                 for d in diagnostics]
        rid = result_id(items, None)
        if previous.get(uri) == rid:
            out.append(types.WorkspaceUnchangedDocumentDiagnosticReport(uri=uri, version=None, result_id=rid))
        else:
            out.append(types.WorkspaceFullDocumentDiagnosticReport(uri=uri, version=None, items=items, result_id=rid))
    return out
