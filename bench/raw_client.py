"""A minimal LSP client over the server's stdio that times each answer's arrival: from the request's last byte
written to its response's last byte read, before any parsing. What an editor waits for before its own JSON parse
(V8's, a fraction of a Python client's: a 40 kB token array costs `json.loads` ≈ 0.8 ms and pytest-lsp's client
more), so rows of different answer sizes compare the server and the wire, not this client's decoding.

The server's own requests (configuration, capability registration, progress tokens) are answered with null or
defaults; notifications are kept where the benchmark waits on them (diagnostics versions, progress ends)."""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any


class RawClient:
    """One server process and its framed JSON-RPC stream."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.next_id = 0
        self.waiting: dict[int, asyncio.Future[tuple[float, Any]]] = {}
        self.published: dict[str, int | None] = {}
        self.progress_ended = asyncio.Event()
        self.reader = asyncio.get_running_loop().create_task(self._read())

    @classmethod
    async def start(cls, *args: str) -> RawClient:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "server", "--stdio", *args,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, limit=1 << 24)
        return cls(process)

    def _write(self, message: dict[str, Any]) -> None:
        body = json.dumps(message, separators=(",", ":")).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))

    async def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            try:
                header = await stream.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, asyncio.LimitOverrunError):
                return
            length = next(int(line.split(b":")[1]) for line in header.split(b"\r\n")
                          if line.lower().startswith(b"content-length"))
            body = await stream.readexactly(length)
            arrived = time.perf_counter()
            self._dispatch(arrived, json.loads(body))

    def _dispatch(self, arrived: float, message: dict[str, Any]) -> None:
        method = message.get("method")
        if method is None:
            future = self.waiting.pop(message.get("id", -1), None)
            if future is not None and not future.done():
                future.set_result((arrived, message))
        elif "id" in message:  # the server's request
            params = message.get("params") or {}
            result: Any = [None] * len(params.get("items", ())) if method == "workspace/configuration" else None
            self._write({"jsonrpc": "2.0", "id": message["id"], "result": result})
        elif method == "textDocument/publishDiagnostics":
            self.published[message["params"]["uri"]] = message["params"].get("version")
        elif method == "$/progress" and (message.get("params") or {}).get("value", {}).get("kind") == "end":
            self.progress_ended.set()

    async def request(self, method: str, params: Any) -> tuple[float, Any]:
        """The answer's arrival time after the request was written (seconds) and the answer."""
        self.next_id += 1
        future: asyncio.Future[tuple[float, Any]] = asyncio.get_running_loop().create_future()
        self.waiting[self.next_id] = future
        message = {"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params}
        sent = time.perf_counter()
        self._write(message)
        assert self.process.stdin is not None
        await self.process.stdin.drain()
        arrived, message = await future
        if "error" in message:
            raise RuntimeError(f"{method}: {message['error']}")
        return arrived - sent, message.get("result")

    def notify(self, method: str, params: Any) -> None:
        self._write({"jsonrpc": "2.0", "method": method, "params": params})

    async def wait_version(self, uri: str, version: int) -> None:
        while self.published.get(uri) != version:
            await asyncio.sleep(0.0005)

    async def initialize(self, workspace: Path) -> None:
        await self.request("initialize", {
            "processId": None, "rootUri": workspace.as_uri(),
            "capabilities": {"window": {"workDoneProgress": True},
                             "workspace": {"configuration": True}},
            "workspaceFolders": [{"uri": workspace.as_uri(), "name": "bench"}]})
        self.notify("initialized", {})
        await self.progress_ended.wait()

    def open(self, path: Path) -> str:
        uri = path.as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "nova", "version": 1, "text": path.read_text()}})
        return uri

    async def stop(self) -> None:
        await self.request("shutdown", None)
        self.notify("exit", None)
        try:
            await asyncio.wait_for(self.process.wait(), 10)
        except TimeoutError:
            self.process.kill()
        self.reader.cancel()
