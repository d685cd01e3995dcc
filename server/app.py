"""Builds one LanguageServer per editor connection, all sharing one Hub; registers every feature module."""

from __future__ import annotations

import asyncio
import importlib
import logging
import pkgutil
from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method

from server import __version__
from server.connection import Connection
from server.hub import Hub
from server.positions import choose_encoding

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class MalformedRequest:
    """A request whose params did not fit the method: answered with the JSON-RPC error instead of dropped."""

    id: Any
    error: JsonRpcException


class NovaProtocol(LanguageServerProtocol):
    _server: NovaLanguageServer

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if "id" in data and "method" in data:
                log.warning("malformed %s request: %s", data.get("method"), error)
                return MalformedRequest(data["id"], error)
            raise

    def handle_message(self, message: Any) -> None:
        if isinstance(message, MalformedRequest):
            self._send_response(message.id, None, message.error.to_response_error())
            return
        super().handle_message(message)

    @lsp_method(types.INITIALIZE)
    def lsp_initialize(self, params: types.InitializeParams) -> Generator[Any, Any, types.InitializeResult]:
        """Pick the position encoding ourselves: utf-32 (no conversion) or utf-8 when offered, else utf-16."""
        general = params.capabilities.general
        offered = list(general.position_encodings or []) if general is not None else []
        chosen = choose_encoding([str(e) for e in offered])
        if general is not None and general.position_encodings:
            general.position_encodings = [types.PositionEncodingKind(chosen)]
        self._server.connection.encoding = chosen
        return (yield from super().lsp_initialize(params))

    @lsp_method(types.SHUTDOWN)
    def lsp_shutdown(self, *args: Any) -> Generator[Any, Any, None]:
        yield from super().lsp_shutdown(*args)
        self._server.connection.close()

    @lsp_method(types.EXIT)
    def lsp_exit(self, *args: Any) -> Generator[Any, Any, None]:
        """In daemon mode `exit` ends this connection only; over stdio it ends the process as usual."""
        self._server.connection.close()
        if not self._server.daemon_mode:
            yield from super().lsp_exit(*args)
            return
        if self._server.stop_event is not None:
            self._server.stop_event.set()
        if self.writer is not None:
            try:
                self.writer.close()
            except Exception:
                log.exception("closing a connection")


class NovaLanguageServer(LanguageServer):
    def __init__(self, hub: Hub, daemon_mode: bool = False) -> None:
        super().__init__(
            "nova-lsp", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            protocol_cls=NovaProtocol, max_workers=4,
        )
        self.hub = hub
        self.daemon_mode = daemon_mode
        self.stop_event: Any = None
        self.connection = Connection(self, hub)

    def report_server_error(self, error: Exception, source: Any) -> None:
        log.error("handler error (%s): %s", getattr(source, "__name__", source), error)


def feature_modules() -> list[str]:
    """Every `server/features/*.py` not starting with `_`, in name order (new features need no registration)."""
    import server.features as package

    return sorted(
        f"{package.__name__}.{info.name}" for info in pkgutil.iter_modules(package.__path__)
        if not info.name.startswith("_")
    )


def build_server(hub: Hub, daemon_mode: bool = False) -> NovaLanguageServer:
    ls = NovaLanguageServer(hub, daemon_mode)
    for name in feature_modules():
        module = importlib.import_module(name)
        register = getattr(module, "register", None)
        if register is None:
            log.warning("feature module %s has no register(ls, hub)", name)
            continue
        register(ls, hub)
    return ls


def spawn(coro: Any) -> asyncio.Task[Any]:
    """Run background work, logging (not losing) its failure."""
    task: asyncio.Task[Any] = asyncio.ensure_future(coro)

    def done(t: asyncio.Task[Any]) -> None:
        if not t.cancelled() and t.exception() is not None:
            log.error("background task failed", exc_info=t.exception())

    task.add_done_callback(done)
    return task
