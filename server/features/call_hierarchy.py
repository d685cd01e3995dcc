"""Call hierarchy (nova.ide.call_hierarchy): prepare at a name, incoming and outgoing calls across the workspace's
modules and open buffers. Items carry their module and element key, so the follow-up requests need no position."""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from nova.ide.model import Call, CallItem
from server.app import NovaLanguageServer
from server.hub import Hub
from server.ide_bridge import SessionWorkspace, place, request_at
from server.lsp_util import safe

KINDS = {"value": types.SymbolKind.Function, "method": types.SymbolKind.Method,
         "constructor": types.SymbolKind.Constructor, "foreign": types.SymbolKind.Function,
         "operator": types.SymbolKind.Operator, "instance": types.SymbolKind.Object}


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    connection = ls.connection

    def to_lsp(workspace: SessionWorkspace, item: CallItem, uri: str) -> types.CallHierarchyItem | None:
        whole = place(connection, workspace, item.module, item.span)
        name = place(connection, workspace, item.module, item.name_span)
        if whole is None or name is None:
            return None
        return types.CallHierarchyItem(
            name=item.name, kind=KINDS.get(item.kind, types.SymbolKind.Function), uri=whole[0], range=whole[1],
            selection_range=name[1], detail=item.detail,
            data={"module": item.module, "key": item.key, "uri": uri})

    def resolve(item: types.CallHierarchyItem) -> tuple[SessionWorkspace, CallItem, str] | None:
        from nova.ide import call_hierarchy as ide_calls

        data: Any = item.data if isinstance(item.data, dict) else {}
        uri, module, key = data.get("uri"), data.get("module"), data.get("key")
        if not (isinstance(uri, str) and isinstance(module, str) and isinstance(key, str)):
            return None
        session = connection.session_now(uri)
        if session is None:
            return None
        workspace = SessionWorkspace(session)
        found = ide_calls.call_item(workspace, (module, key))
        return (workspace, found, uri) if found is not None else None

    def answer(workspace: SessionWorkspace, calls: list[Call], uri: str
               ) -> list[tuple[types.CallHierarchyItem, list[types.Range]]]:
        """Each call's item at the other end and its ranges in the client's coordinates (dropped when none maps)."""
        out = []
        for call in calls:
            other = to_lsp(workspace, call.item, uri)
            ranges = [r[1] for s in call.spans if (r := place(connection, workspace, call.in_module, s))]
            if other is not None and ranges:
                out.append((other, ranges))
        return out

    @ls.feature(types.TEXT_DOCUMENT_PREPARE_CALL_HIERARCHY)
    @safe(None)
    def prepare(params: types.CallHierarchyPrepareParams) -> list[types.CallHierarchyItem] | None:
        from nova.ide import call_hierarchy as ide_calls

        request = request_at(connection, params.text_document.uri, params.position)
        if request is None:
            return None
        items = ide_calls.prepare(request.workspace, request.src, request.line, request.col)
        out = [i for item in items if (i := to_lsp(request.workspace, item, params.text_document.uri))]
        return out or None

    @ls.feature(types.CALL_HIERARCHY_INCOMING_CALLS)
    @safe(None)
    def incoming(params: types.CallHierarchyIncomingCallsParams) -> list[types.CallHierarchyIncomingCall] | None:
        from nova.ide import call_hierarchy as ide_calls

        found = resolve(params.item)
        if found is None:
            return None
        workspace, item, uri = found
        return [types.CallHierarchyIncomingCall(from_=caller, from_ranges=ranges)
                for caller, ranges in answer(workspace, ide_calls.incoming(workspace, item), uri)]

    @ls.feature(types.CALL_HIERARCHY_OUTGOING_CALLS)
    @safe(None)
    def outgoing(params: types.CallHierarchyOutgoingCallsParams) -> list[types.CallHierarchyOutgoingCall] | None:
        from nova.ide import call_hierarchy as ide_calls

        found = resolve(params.item)
        if found is None:
            return None
        workspace, item, uri = found
        return [types.CallHierarchyOutgoingCall(to=callee, from_ranges=ranges)
                for callee, ranges in answer(workspace, ide_calls.outgoing(workspace, item), uri)]
