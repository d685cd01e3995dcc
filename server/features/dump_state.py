"""Command `nova.dumpState`: what the server holds for this connection (folders, sessions, open documents,
modules per layer) as JSON, for bug reports and editor debugging views. Only this connection's own: a daemon's other
connections (their number, folders and documents) are none of its business."""

from __future__ import annotations

import os
from typing import Any

from server import startup
from server.app import NovaLanguageServer
from server.collector import PAUSES
from server.hub import Hub
from server.lsp_util import safe


def state(ls: NovaLanguageServer, hub: Hub) -> dict[str, Any]:
    sessions = []
    for session in ls.connection.sessions():
        sessions.append({
            "folder": str(session.folder) if session.folder else None,
            "documents": [
                {"uri": o.uri, "module": o.module, "version": o.doc.version, "checkedVersion": o.checked_version,
                 "unsaved": session.is_unsaved(o)}
                for o in session.docs.values()
            ],
        })
    own = {session.baseline for session in ls.connection.sessions() if session.baseline is not None}
    return {
        "encoding": ls.connection.encoding,
        "baselines": [
            {"folder": str(b.folder), "modules": sorted(b.module_paths), "fromCache": b.restored_from_cache,
             "recheckedOnStart": b.rechecked_on_start, "indexSeconds": round(b.index_seconds, 3)}
            for b in hub.baselines.values() if b in own
        ],
        "sessions": sessions,
        "collector": PAUSES.report(),
        "startup": startup.report(),
        "startupPath": startup.path(),
        "pid": os.getpid(),
    }


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    @ls.command("nova.dumpState")
    @safe(None)
    def dump_state(*args: Any) -> dict[str, Any]:
        return state(ls, hub)
