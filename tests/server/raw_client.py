"""A byte-level LSP client for tests that must send what no well-behaved client would (broken frames, invalid
JSON-RPC) and read exactly what the server answers, with a deadline on every read."""

from __future__ import annotations

import asyncio
import contextlib
import json
from pathlib import Path
from typing import Any


def frame(message: Any) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def request(msg_id: Any, method: str, params: Any = None) -> dict[str, Any]:
    message: dict[str, Any] = {"jsonrpc": "2.0", "id": msg_id, "method": method}
    if params is not None:
        message["params"] = params
    return message


def notification(method: str, params: Any = None) -> dict[str, Any]:
    message: dict[str, Any] = {"jsonrpc": "2.0", "method": method}
    if params is not None:
        message["params"] = params
    return message


INITIALIZE = {"processId": None, "rootUri": None, "capabilities": {}}


async def open_unix(path: Path, **options: Any) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """`asyncio.open_unix_connection`, tried again for a moment when refused: the daemon's socket file appears when
    it is bound, a moment before the daemon listens on it (on a loaded machine, long enough to be seen)."""
    for _ in range(40):
        try:
            return await asyncio.open_unix_connection(str(path), **options)
        except ConnectionRefusedError:
            await asyncio.sleep(0.05)
    return await asyncio.open_unix_connection(str(path), **options)


class RawClient:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.received: list[dict[str, Any]] = []
        self.notifications: list[dict[str, Any]] = []
        """Notifications read while waiting for a response (publishDiagnostics, …), oldest first."""
        self.answers: dict[str, Any] = {}
        """Results for server → client requests, by method (null for the others)."""

    @staticmethod
    async def unix(path: Path) -> RawClient:
        reader, writer = await open_unix(path, limit=1 << 26)
        return RawClient(reader, writer)

    @staticmethod
    async def tcp(host: str, port: int) -> RawClient:
        reader, writer = await asyncio.open_connection(host, port, limit=1 << 26)
        return RawClient(reader, writer)

    def send_bytes(self, data: bytes) -> None:
        self.writer.write(data)

    def send(self, message: Any) -> None:
        self.writer.write(frame(message))

    async def read_message(self, timeout: float = 30.0) -> dict[str, Any] | None:
        """The next message, or None when the server closed the connection."""

        async def read() -> dict[str, Any] | None:
            length = None
            while True:
                line = await self.reader.readline()
                if not line:
                    return None
                if line == b"\r\n":
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value.strip())
            assert length is not None, "the server sent a frame without Content-Length"
            message = json.loads(await self.reader.readexactly(length))
            assert isinstance(message, dict)
            return message

        message = await asyncio.wait_for(read(), timeout)
        if message is not None:
            self.received.append(message)
        return message

    async def response(self, msg_id: Any, timeout: float = 30.0) -> dict[str, Any]:
        """The response to `msg_id`, skipping notifications and server requests (answered with null)."""
        for message in self.received:
            if "method" not in message and message.get("id") == msg_id:
                self.received.remove(message)
                return message
        while True:
            message = await self.read_message(timeout)
            assert message is not None, f"the connection closed before the response to {msg_id!r}"
            if "method" in message:
                if "id" in message:  # a server → client request (registerCapability, configuration, …)
                    result = self.answers.get(message["method"])
                    self.send({"jsonrpc": "2.0", "id": message["id"], "result": result})
                else:
                    self.notifications.append(message)
                continue
            if message.get("id") == msg_id:
                self.received.remove(message)
                return message

    async def call(self, msg_id: Any, method: str, params: Any = None, timeout: float = 30.0) -> dict[str, Any]:
        self.send(request(msg_id, method, params))
        return await self.response(msg_id, timeout)

    async def initialize(self, options: Any = None, msg_id: Any = "init", **extra: Any) -> dict[str, Any]:
        params = {**INITIALIZE, **extra}
        if options is not None:
            params["initializationOptions"] = options
        answer = await self.call(msg_id, "initialize", params)
        self.send(notification("initialized", {}))
        return answer

    async def closed(self, timeout: float = 30.0) -> bool:
        """True once the server closes the connection (messages before that are kept in `received`)."""
        while True:
            try:
                message = await self.read_message(timeout)
            except (ConnectionResetError, BrokenPipeError):
                return True
            if message is None:
                return True

    async def close(self) -> None:
        self.writer.close()
        with contextlib.suppress(Exception):
            await self.writer.wait_closed()
