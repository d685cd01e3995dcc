"""Builds one LanguageServer per editor connection, all sharing one Hub; registers every feature module."""

from __future__ import annotations

import asyncio
import importlib
import inspect
import logging
import pkgutil
from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInternalError
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method

from server import __version__
from server.auth import DaemonToken, token_of
from server.connection import Connection
from server.hub import Hub
from server.positions import choose_encoding
from server.raw_json import response_body
from server.startup import stamp

log = logging.getLogger(__name__)


_NO_ANSWER = object()
"""A notification or response cannot be answered, even when it is invalid."""
INVALID_REQUEST = -32600
SERVER_NOT_INITIALIZED = -32002
UNAUTHORIZED = -32000


def _params_of(data: dict[str, Any]) -> Any:
    params = data.get("params")
    return params.get("initializationOptions") if isinstance(params, dict) else None


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number" if isinstance(value, int) else "a fractional number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"


def _is_notification_method(method: str) -> bool:
    message_type = types.METHOD_TO_TYPES.get(method, (None,))[0]
    return message_type is not None and message_type.__name__.endswith("Notification")


class _Dropped:
    """A notification whose params did not fit its method: logged, not dispatched."""


@dataclass(frozen=True, slots=True)
class MalformedRequest:
    """A request whose params did not fit the method: answered with the JSON-RPC error instead of dropped."""

    id: Any
    error: JsonRpcException


def valid_id(value: Any) -> bool:
    """LSP ids are integers or strings (JSON-RPC's fractional and null ids are not allowed)."""
    return isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool))


class NovaProtocol(LanguageServerProtocol):
    """pygls' protocol with JSON-RPC validation and the LSP life cycle enforced before anything is dispatched:
    an invalid message gets -32600, a request before `initialize` -32002, a second `initialize` and requests after
    `shutdown` -32600; notifications that may not be handled then are dropped (and logged)."""

    _server: NovaLanguageServer

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initialize_received = False
        self._pending_writes: set[asyncio.Future[Any]] = set()

    def _send_data(self, data: Any) -> None:
        """pygls' writing, with a response whose JSON text is at hand (`server.raw_json`) written as it is."""
        body = response_body(data)
        if body is None:
            super()._send_data(data)
            return
        if self.writer is None:
            log.error("unable to send a response: no transport")
            return
        try:
            raw = body.encode(self.CHARSET)
            if self._include_headers:
                raw = (f"Content-Length: {len(raw)}\r\n"
                       f"Content-Type: {self.CONTENT_TYPE}; charset={self.CHARSET}\r\n\r\n").encode("ascii") + raw
            written = self.writer.write(raw)
            if inspect.isawaitable(written):
                pending = asyncio.ensure_future(written)
                self._pending_writes.add(pending)
                pending.add_done_callback(self._pending_writes.discard)
        except BrokenPipeError:
            log.exception("sending a response: broken pipe")
            raise
        except Exception as error:
            log.exception("sending a response")
            self._server._report_server_error(error, JsonRpcInternalError)

    def send_error(self, msg_id: Any, code: int, message: str) -> None:
        self._send_data({"jsonrpc": "2.0", "id": msg_id, "error": {"code": code, "message": message}})

    def receive(self, data: Any) -> None:
        """One decoded JSON message from the client."""
        problem, msg_id = self._invalid(data)
        if problem is not None:
            log.warning("invalid message: %s", problem)
            if msg_id is not _NO_ANSWER:
                self.send_error(msg_id, INVALID_REQUEST, f"Invalid request: {problem}")
            return
        method = data.get("method")
        is_request = method is not None and "id" in data
        if method is not None and not self._admitted(method, data.get("id"), is_request, data):
            return
        message = self.structure_message(data)
        if method == types.INITIALIZE and is_request and not isinstance(message, MalformedRequest | _Dropped):
            self.initialize_received = True
        self.handle_message(message)

    def _invalid(self, data: Any) -> tuple[str | None, Any]:
        """(what is wrong, the id to answer with or _NO_ANSWER) — (None, …) for a valid message."""
        if not isinstance(data, dict):
            return f"a message must be a JSON object, not {_json_kind(data)}", None
        msg_id = data.get("id")
        answer_to = msg_id if valid_id(msg_id) else None
        if data.get("jsonrpc") != "2.0":
            return 'the message lacks "jsonrpc": "2.0"', answer_to
        if "method" in data:
            method = data["method"]
            if not isinstance(method, str) or not method:
                return "the method must be a non-empty string", answer_to if "id" in data else _NO_ANSWER
            if "id" in data and not valid_id(msg_id):
                return f"a request id must be an integer or a string, not {_json_kind(msg_id)}", None
            if "id" in data and _is_notification_method(method):
                return f"{method} is a notification: it cannot have an id", answer_to
            params = data.get("params")
            if params is not None and not isinstance(params, dict | list):
                return f"params must be an object or an array, not {_json_kind(params)}", (
                    answer_to if "id" in data else _NO_ANSWER)
            return None, None
        if "id" in data and ("result" in data or "error" in data):
            if not valid_id(msg_id) and msg_id is not None:
                return f"a response id must be an integer or a string, not {_json_kind(msg_id)}", _NO_ANSWER
            return None, None
        return "a request needs a method", answer_to

    def close_connection(self) -> None:
        """End this connection (what was written is still flushed)."""
        if self._server.stop_event is not None:
            self._server.stop_event.set()
        if self.writer is not None:
            try:
                self.writer.close()
            except Exception:
                log.exception("closing a connection")

    def _admitted(self, method: str, msg_id: Any, is_request: bool, data: dict[str, Any]) -> bool:
        if method == types.INITIALIZE:
            if not is_request:
                log.warning("dropping an initialize notification")
                return False
            if self.initialize_received:
                self.send_error(msg_id, INVALID_REQUEST, "initialize may be sent only once per connection")
                return False
            token = self._server.required_token
            if token is not None and not token.accepts(token_of(_params_of(data))):
                log.warning("a client sent no valid authToken; closing its connection")
                self.send_error(msg_id, UNAUTHORIZED, "authentication failed: initializationOptions.authToken "
                                "must hold the daemon's token (see the README's Security section)")
                self.close_connection()
                return False
            return True
        if method == types.EXIT:
            return True
        if not self.initialize_received:
            if is_request:
                self.send_error(msg_id, SERVER_NOT_INITIALIZED, f"{method}: the server is not initialized yet")
            else:
                log.warning("dropping %s: it came before initialize", method)
            return False
        if self._shutdown:
            if is_request:
                self.send_error(msg_id, INVALID_REQUEST, f"{method}: the server is shutting down")
            else:
                log.warning("dropping %s: it came after shutdown", method)
            return False
        return True

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if "id" in data and "method" in data:
                log.warning("malformed %s request: %s", data.get("method"), error)
                return MalformedRequest(data["id"], error)
            log.warning("malformed message %s: %s", data.get("method"), error)
            return _Dropped()

    def handle_message(self, message: Any) -> None:
        if isinstance(message, MalformedRequest):
            self._send_response(message.id, None, message.error.to_response_error())
            return
        if isinstance(message, _Dropped):
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
        result = yield from super().lsp_initialize(params)
        stamp("initialize")
        return result

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
        self.close_connection()


_prepared: list[Any] = []


def prepare_converter() -> None:
    """Make the converter of the next server made in this process ahead, with the hooks of every LSP message
    generated (the fork server does, before it forks: its child's one server takes it). Each new converter
    resolves lsprotocol's forward references and generates its hooks again, tens of milliseconds of a start."""
    import attrs
    from pygls.protocol import default_converter

    converter = default_converter()  # type: ignore[no-untyped-call]
    # Every class, not only the messages: a field typed as a union is unstructured by its value's class. Making
    # some hooks registers others, which empties cattrs' cache of the hooks made so far: a second pass makes those
    # again, and the passes end once one adds nothing.
    classes = [cls for cls in vars(types).values() if isinstance(cls, type) and attrs.has(cls)]
    made = -1
    for _ in range(4):
        for cls in classes:
            try:
                converter.get_structure_hook(cls)
                converter.get_unstructure_hook(cls)
            except Exception as error:  # a type cattrs cannot make a hook for ahead: made when met, as usual
                log.debug("no hook made ahead for %s: %s", cls.__name__, error)
        cached = converter._structure_func.dispatch.cache_info().currsize \
            + converter._unstructure_func.dispatch.cache_info().currsize
        if cached == made:
            break
        made = cached
    _prepared[:] = [converter]


def take_converter() -> Any:
    """The converter `prepare_converter` made (once), else a new one."""
    from pygls.protocol import default_converter

    return _prepared.pop() if _prepared else default_converter()  # type: ignore[no-untyped-call]


class NovaLanguageServer(LanguageServer):
    def __init__(self, hub: Hub, daemon_mode: bool = False) -> None:
        super().__init__(
            "nova-lsp", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            protocol_cls=NovaProtocol, max_workers=4, converter_factory=take_converter,
        )
        self.hub = hub
        self.daemon_mode = daemon_mode
        self.stop_event: Any = None
        self.required_token: DaemonToken | None = None
        """Set on a TCP daemon's connections: `initialize` must carry this token."""
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
    stamp("features")
    return ls


def spawn(coro: Any) -> asyncio.Task[Any]:
    """Run background work, logging (not losing) its failure."""
    task: asyncio.Task[Any] = asyncio.ensure_future(coro)

    def done(t: asyncio.Task[Any]) -> None:
        if not t.cancelled() and t.exception() is not None:
            log.error("background task failed", exc_info=t.exception())

    task.add_done_callback(done)
    return task
