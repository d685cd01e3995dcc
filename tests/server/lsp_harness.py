"""Helpers to drive the real nova-lsp process: start a daemon on a unix socket and attach test clients to it."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.io_ import run_async
from pytest_lsp.client import LanguageClient, make_test_lsp_client
from raw_client import open_unix

SERVER = [sys.executable, "-m", "server"]
REPO = Path(__file__).resolve().parents[2]


def server_env(cache_dir: Path) -> dict[str, str]:
    return {**os.environ, "XDG_CACHE_HOME": str(cache_dir), "PYTHONPATH": str(REPO)}


def capabilities(encodings: list[str] | None = None) -> types.ClientCapabilities:
    general = types.GeneralClientCapabilities(
        position_encodings=[types.PositionEncodingKind(e) for e in encodings] if encodings else None
    )
    return types.ClientCapabilities(
        general=general,
        window=types.WindowClientCapabilities(work_done_progress=True),
        text_document=types.TextDocumentClientCapabilities(
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
            completion=types.CompletionClientCapabilities(completion_item=types.ClientCompletionItemOptions(
                documentation_format=[types.MarkupKind.Markdown, types.MarkupKind.PlainText])),
        ),
        workspace=types.WorkspaceClientCapabilities(workspace_folders=True),
    )


def folder(path: Path) -> types.WorkspaceFolder:
    return types.WorkspaceFolder(uri=path.as_uri(), name=path.name)


class InterfaceLog:
    """Collects `nova/interfaceUpdated` notifications sent to one client."""

    def __init__(self) -> None:
        self.events: list[Any] = []


def track_interface_updates(client: LanguageClient) -> InterfaceLog:
    log = InterfaceLog()

    @client.feature("nova/interfaceUpdated")
    def on_update(params: Any) -> None:
        log.events.append(params)

    return log


def daemon_log(socket_path: Path) -> Path:
    """Where `start_daemon` has the daemon log (INFO), next to its socket."""
    return socket_path.with_suffix(".log")


def live_connections(socket_path: Path) -> int | None:
    """The daemon's count of live connections, from its log (nova.dumpState shows each connection only itself)."""
    found = re.findall(r"\((\d+) live\)", daemon_log(socket_path).read_text(errors="replace"))
    return int(found[-1]) if found else None


def daemon_stderr(socket_path: Path) -> Path:
    """Where `start_daemon` sends the daemon's stderr. A file, not a pipe: asyncio's `Process.wait()` returns only
    once every pipe to the child is closed, and the daemon's worker processes inherit its stderr, so a worker still
    finishing a module after the daemon exited would hold the wait (and a test's teardown) open."""
    return socket_path.with_suffix(".stderr")


async def start_daemon(socket_path: Path, cache_dir: Path, *extra: str) -> asyncio.subprocess.Process:
    with daemon_stderr(socket_path).open("wb") as stderr:
        process = await asyncio.create_subprocess_exec(
            *SERVER, "--socket", str(socket_path), "--log-file", str(daemon_log(socket_path)), "--log-level",
            "INFO", *extra, env=server_env(cache_dir), stdout=asyncio.subprocess.DEVNULL, stderr=stderr,
        )
    deadline = time.monotonic() + 30
    while not socket_path.exists():
        if process.returncode is not None or time.monotonic() > deadline:
            raise RuntimeError(f"daemon did not start: {daemon_stderr(socket_path).read_text(errors='replace')}")
        await asyncio.sleep(0.05)
    return process


async def stop_daemon(process: asyncio.subprocess.Process) -> None:
    """Stop the daemon (SIGTERM, then SIGKILL after 10 s); a daemon that does not go even then fails the test
    with a message instead of holding it until the suite's timeout."""
    if process.returncode is None:
        process.terminate()
        try:
            await asyncio.wait_for(process.wait(), 10)
        except TimeoutError:
            process.kill()
            await asyncio.wait_for(process.wait(), 10)


async def connect(socket_path: Path) -> LanguageClient:
    """A pytest-lsp client speaking to the daemon over its unix socket (pygls has no client `start_unix`)."""
    client = make_test_lsp_client()
    reader, writer = await open_unix(socket_path)
    client.protocol.set_writer(writer)  # type: ignore[arg-type]
    task = asyncio.create_task(run_async(
        stop_event=client._stop_event, reader=reader, protocol=client.protocol, error_handler=client.report_server_error
    ))
    client._async_tasks.append(task)
    client._nova_writer = writer  # type: ignore[attr-defined]
    return client


async def disconnect(client: LanguageClient, graceful: bool = True) -> None:
    if graceful:
        await client.shutdown_async(None)
        client.exit(None)
    writer = client._nova_writer  # type: ignore[attr-defined]
    writer.close()
    with contextlib.suppress(Exception):
        await writer.wait_closed()
    client._stop_event.set()
    for task in client._async_tasks:
        task.cancel()
    with contextlib.suppress(BaseException):
        await asyncio.gather(*client._async_tasks, return_exceptions=True)


async def wait_until(predicate: Any, timeout: float = 30.0, what: str = "condition") -> None:
    """Poll (the server answers asynchronously) until `predicate()` holds; fail with a clear message otherwise."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


@contextlib.asynccontextmanager
async def daemon(tmp_path: Path) -> AsyncIterator[Path]:
    socket_path = tmp_path / "nova.sock"
    process = await start_daemon(socket_path, tmp_path / "cache")
    try:
        yield socket_path
    finally:
        await stop_daemon(process)


async def start_session(socket_path: Path, project: Path) -> tuple[LanguageClient, DiagnosticsLog]:
    """An editor connected to the daemon and initialised on the folder `project`, recording its diagnostics. The
    server's answer to `initialize` is kept as `client.server_info` (its capabilities)."""
    client = await connect(socket_path)
    log = record_diagnostics(client)
    result = await client.initialize_session(types.InitializeParams(
        capabilities=capabilities(), workspace_folders=[folder(project)]))
    client.server_info = result  # type: ignore[attr-defined]
    return client, log


@dataclass
class DaemonProject:
    """`project` is the folder the editors open; `socket_path` the daemon's socket."""

    project: Path
    socket_path: Path

    def write(self, name: str, text: str) -> Path:
        path = self.project / name
        path.write_text(text, encoding="utf-8")
        return path

    async def session(self) -> tuple[Any, Any]:
        """A new editor connected to the daemon, initialised on the folder, recording its diagnostics."""
        return await start_session(self.socket_path, self.project)


async def start_stdio(cache_dir: Path, *extra: str) -> LanguageClient:
    """A pytest-lsp client driving `nova-lsp --stdio` as a subprocess (the way an editor launches it)."""
    client = make_test_lsp_client()
    await client.start_io(*SERVER, "--stdio", *extra, env=server_env(cache_dir))
    return client


async def stop_stdio(client: LanguageClient) -> None:
    with contextlib.suppress(Exception):
        await asyncio.wait_for(client.shutdown_session(), 20)
    await client.stop()


class DiagnosticsLog:
    """Every publishDiagnostics in arrival order (pytest-lsp keeps only the latest per document)."""

    def __init__(self) -> None:
        self.history: list[types.PublishDiagnosticsParams] = []

    def latest(self, uri: str) -> types.PublishDiagnosticsParams | None:
        return next((p for p in reversed(self.history) if p.uri == uri), None)

    def versions(self, uri: str) -> list[int | None]:
        return [p.version for p in self.history if p.uri == uri]

    def messages(self, uri: str) -> list[str]:
        latest = self.latest(uri)
        return [d.message for d in latest.diagnostics] if latest is not None else []


def record_diagnostics(client: LanguageClient) -> DiagnosticsLog:
    log = DiagnosticsLog()
    features = client.protocol.fm.features
    original = features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

    def recording(params: types.PublishDiagnosticsParams) -> None:
        log.history.append(params)
        original(params)

    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = recording
    return log


async def wait_for_diagnostics(log: DiagnosticsLog, uri: str, predicate: Any = None, timeout: float = 60.0,
                               after: int = 0) -> types.PublishDiagnosticsParams:
    """The first publication for `uri` (after history index `after`) satisfying `predicate`."""

    def found() -> types.PublishDiagnosticsParams | None:
        for params in log.history[after:]:
            if params.uri == uri and (predicate is None or predicate(params)):
                return params
        return None

    await wait_until(lambda: found() is not None, timeout, f"diagnostics for {uri}")
    result = found()
    assert result is not None
    return result


def open_params(path: Path, version: int = 1, text: str | None = None) -> types.DidOpenTextDocumentParams:
    return types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=path.as_uri(), language_id="nova", version=version,
        text=path.read_text(encoding="utf-8") if text is None else text,
    ))


def full_change(path: Path, version: int, text: str) -> types.DidChangeTextDocumentParams:
    return types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
    )


def position_of(text: str, needle: str, occurrence: int = 0, offset: int = 0) -> tuple[int, int]:
    """Line and code-point column of the `occurrence`-th `needle` (plus `offset` characters)."""
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    index += offset
    line = text.count("\n", 0, index)
    return line, index - (text.rfind("\n", 0, index) + 1)


def utf16(text: str, line: int, col: int) -> types.Position:
    prefix = text.split("\n")[line][:col]
    return types.Position(line=line, character=len(prefix.encode("utf-16-le")) // 2)
