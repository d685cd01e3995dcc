"""Refresh requests after each completed check: the editor asks again for inlay hints, semantic tokens and code
lenses of every open document, which a check can change without any edit of that document (a dependency changed,
or the first check of a freshly opened file finished after the editor asked). Requests made in the same turn of
the event loop are sent once; only to clients that declare refresh support."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from lsprotocol import types

from server.app import NovaLanguageServer
from server.hub import Hub

log = logging.getLogger(__name__)

_SUPPORT = {
    types.WORKSPACE_INLAY_HINT_REFRESH: "inlay_hint",
    types.WORKSPACE_SEMANTIC_TOKENS_REFRESH: "semantic_tokens",
    types.WORKSPACE_CODE_LENS_REFRESH: "code_lens",
    types.WORKSPACE_DIAGNOSTIC_REFRESH: "diagnostics",
}
AFTER_CHECK = (types.WORKSPACE_INLAY_HINT_REFRESH, types.WORKSPACE_SEMANTIC_TOKENS_REFRESH,
               types.WORKSPACE_CODE_LENS_REFRESH)
_PENDING_ATTR = "_nova_pending_refresh"


def supports(ls: Any, method: str) -> bool:
    workspace = getattr(ls.client_capabilities, "workspace", None)
    section = getattr(workspace, _SUPPORT[method], None)
    return bool(getattr(section, "refresh_support", False))


def request_refresh(ls: Any, *methods: str) -> None:
    pending: set[str] | None = getattr(ls, _PENDING_ATTR, None)
    wanted = {m for m in methods if supports(ls, m)}
    if not wanted:
        return
    if pending is not None:
        pending.update(wanted)
        return
    pending = set(wanted)
    setattr(ls, _PENDING_ATTR, pending)

    def send() -> None:
        sent = getattr(ls, _PENDING_ATTR, None) or set()
        setattr(ls, _PENDING_ATTR, None)
        if getattr(ls.connection, "closed", False):
            return
        for method in sorted(sent):
            try:
                ls.protocol.send_request(method, None)
            except Exception:
                log.exception("sending %s", method)

    try:
        asyncio.get_running_loop().call_soon(send)
    except RuntimeError:
        send()


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    ls.connection.after_check.append(lambda session, open_doc: request_refresh(ls, *AFTER_CHECK))
