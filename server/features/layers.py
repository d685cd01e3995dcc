"""Request `nova/layers` → the incremental state behind this connection, layer by layer, for an editor's view of
it: per workspace folder, the session layer (the modules the unsaved buffers shadow, with their revisions and
document versions), the baseline (the folder's saved files, from the cache or checked at start) and the root (the
standard library); plus the latest interface updates this connection was told of, newest first (which module,
in which layer, which revision, whether its exports changed), and each save of this connection's documents (the
module's revision in the baseline, whether its exports changed there, and which saved importers were re-checked
because of it). Only this connection's own sessions are shown."""

from __future__ import annotations

import time
from collections import deque
from typing import Any

from server.app import NovaLanguageServer
from server.hub import Hub
from server.lsp_util import safe
from server.session import SaveReport, WorkspaceSession

METHOD = "nova/layers"
_KEPT_EVENTS = 100


def layer_name(session: WorkspaceSession, layer: Any) -> str:
    if layer is session.batch:
        return "session"
    if session.baseline is not None and layer is session.baseline.layer:
        return "baseline"
    if layer is session.hub.root:
        return "root"
    return "other"


def session_state(session: WorkspaceSession) -> dict[str, Any]:
    batch = session.batch
    by_module = {o.module: o for o in session.docs.values() if o.module}
    shadowed = []
    for module in sorted(batch.own_modules()):
        open_doc = by_module.get(module)
        shadowed.append({
            "module": module, "rev": batch.revision(module),
            "uri": open_doc.uri if open_doc is not None else None,
            "version": open_doc.doc.version if open_doc is not None else None,
            "unsaved": session.is_unsaved(open_doc) if open_doc is not None else None,
        })
    layers: list[dict[str, Any]] = [{"name": "session", "modules": shadowed}]
    baseline = session.baseline
    if baseline is not None:
        layers.append({
            "name": "baseline", "folder": str(baseline.folder), "moduleCount": len(baseline.module_paths),
            "fromCache": baseline.restored_from_cache, "recheckedOnStart": baseline.rechecked_on_start,
            "indexSeconds": round(baseline.index_seconds, 3),
            "modules": [{"module": m, "rev": baseline.layer.revision(m)} for m in sorted(baseline.module_paths)],
        })
    root = session.hub.root
    layers.append({"name": "root", "moduleCount": len(root.modules())})
    return {"folder": str(session.folder) if session.folder else None, "layers": layers,
            "documents": [{"uri": o.uri, "module": o.module, "version": o.doc.version,
                           "checkedVersion": o.checked_version, "layer": session.layer_name(o.module)
                           if o.module else None} for o in session.docs.values()]}


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    connection = ls.connection
    events: deque[dict[str, Any]] = deque(maxlen=_KEPT_EVENTS)
    told = connection.interface_updated

    def record(event: Any) -> None:
        name = "other"
        for session in connection.sessions():
            name = layer_name(session, getattr(event, "layer", None))
            if name != "other":
                break
        events.appendleft({"module": event.module, "rev": event.rev, "kind": event.kind, "layer": name,
                           "exportsChanged": bool(event.exports_changed), "time": round(time.time(), 3)})
        told(event)

    connection.interface_updated = record  # type: ignore[method-assign]

    told_saved = connection.saved

    def saved(report: SaveReport) -> None:
        events.appendleft({"module": report.module, "rev": report.rev, "kind": "save", "layer": "baseline",
                           "exportsChanged": report.exports_changed, "rechecked": list(report.rechecked),
                           "time": round(time.time(), 3)})
        told_saved(report)

    connection.saved = saved  # type: ignore[method-assign]

    @ls.feature(METHOD)
    @safe({"sessions": [], "events": []})
    def layers(params: Any) -> dict[str, Any]:
        return {"sessions": [session_state(s) for s in connection.sessions()], "events": list(events)}
