"""Transports: stdio (one editor), and a daemon on loopback TCP or a unix socket serving many editors at once.

pygls binds one protocol object per server, so the daemon builds a new LanguageServer for each connection (all
sharing one Hub) and runs pygls' message loop on that connection's streams. A connection's `exit`, or its socket
closing, ends that connection only and discards its batches."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import os
import signal
import socket
import sys
import threading
from pathlib import Path

from pygls.io_ import StdoutWriter

from server.app import NovaLanguageServer, NovaProtocol, build_server
from server.framing import FrameLimits, FrameReader, serve_frames, stream_read, threaded_read
from server.hub import Hub

log = logging.getLogger(__name__)

WRITE_BUFFER_LIMIT = 64 * 1024 * 1024


class BoundedWriter:
    """Writes without awaiting drain (pygls' writer is synchronous); a client that stops reading and lets the
    buffer grow past the limit is disconnected instead of exhausting memory."""

    def __init__(self, writer: asyncio.StreamWriter) -> None:
        self._writer = writer

    def write(self, data: bytes) -> None:
        if self._writer.is_closing():
            return
        self._writer.write(data)
        if self._writer.transport.get_write_buffer_size() > WRITE_BUFFER_LIMIT:
            log.error("client stopped reading; closing its connection")
            self._writer.close()

    def close(self) -> None:
        self._writer.close()


def protocol_of(ls: NovaLanguageServer) -> NovaProtocol:
    protocol = ls.protocol
    assert isinstance(protocol, NovaProtocol)
    return protocol


def check_loopback(host: str) -> None:
    """Refuse to listen anywhere but loopback: the protocol has no authentication."""
    if host == "localhost":
        return
    try:
        if ipaddress.ip_address(host).is_loopback:
            return
    except ValueError:
        pass
    raise ValueError(f"refusing to listen on {host!r}: only loopback addresses (127.0.0.1, ::1, localhost)")


def _peer_name(writer: asyncio.StreamWriter) -> str:
    peer = writer.get_extra_info("peername")
    return f"connection {peer}" if peer else "connection"


async def serve_connection(hub: Hub, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                           limits: FrameLimits | None = None) -> None:
    ls = build_server(hub, daemon_mode=True)
    stop = threading.Event()
    ls.stop_event = stop
    ls.protocol.set_writer(BoundedWriter(writer))
    peer = _peer_name(writer)
    log.info("%s opened (%d live)", peer, len(hub.connections))
    try:
        why = await serve_frames(FrameReader(stream_read(reader), limits or hub.limits.frames), protocol_of(ls), stop,
                                 peer)
        log.info("%s: %s", peer, why)
    except ConnectionError as error:
        log.info("%s lost: %s", peer, error)
    except asyncio.CancelledError:
        log.info("%s: the server is stopping", peer)
    except Exception:
        log.exception("%s failed", peer)
    finally:
        ls.connection.close()
        for future in list(getattr(ls.protocol, "_request_futures", {}).values()):
            future.cancel()
        if ls._thread_pool is not None:
            ls._thread_pool.shutdown(wait=False, cancel_futures=True)
        with contextlib.suppress(Exception):
            writer.close()
        log.info("connection closed (%d live)", len(hub.connections))


async def _serve(hub: Hub, server: asyncio.AbstractServer, ready: str) -> None:
    loop = asyncio.get_running_loop()
    stopping = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stopping.set)
    log.info("%s", ready)
    async with server:
        await stopping.wait()
    hub.shutdown()


def serve_tcp(hub: Hub, host: str, port: int) -> None:
    check_loopback(host)

    async def main() -> None:
        server = await asyncio.start_server(lambda r, w: serve_connection(hub, r, w), host, port)
        addresses = ", ".join(str(s.getsockname()) for s in server.sockets)
        await _serve(hub, server, f"nova-lsp listening on {addresses}")

    asyncio.run(main())


def _remove_stale_socket(path: Path) -> None:
    if not path.exists():
        return
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        probe.connect(str(path))
    except OSError:
        path.unlink()
        return
    finally:
        probe.close()
    raise OSError(f"{path} is in use by a running server")


def serve_socket(hub: Hub, path: Path) -> None:
    async def main() -> None:
        _remove_stale_socket(path)
        old_mask = os.umask(0o177)
        try:
            server = await asyncio.start_unix_server(lambda r, w: serve_connection(hub, r, w), str(path))
        finally:
            os.umask(old_mask)
        os.chmod(path, 0o600)
        try:
            await _serve(hub, server, f"nova-lsp listening on {path}")
        finally:
            with contextlib.suppress(OSError):
                path.unlink()

    asyncio.run(main())


def serve_stdio(hub: Hub) -> None:
    """One editor over stdin/stdout. stdin is read on the event loop itself (pygls reads it through a thread pool,
    which costs a thread hop per line: several GIL hand-offs per request while a check runs); a stdin that cannot be
    watched by the loop (a regular file) falls back to pygls' reader."""
    ls = build_server(hub, daemon_mode=False)
    stop = threading.Event()
    ls.stop_event = stop
    ls._stop_event = stop

    async def main() -> None:
        loop = asyncio.get_running_loop()
        stream = asyncio.StreamReader()
        try:
            await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stream), sys.stdin.buffer)
            read = stream_read(stream)
        except (ValueError, OSError, NotImplementedError) as error:
            log.info("stdin is not a pipe (%s); reading it through threads", error)
            read = threaded_read(sys.stdin.buffer)
        ls.protocol.set_writer(StdoutWriter(sys.stdout.buffer))
        why = await serve_frames(FrameReader(read, hub.limits.frames), protocol_of(ls), stop, "stdin")
        log.info("stdio: %s", why)
        ls.connection.close()

    try:
        asyncio.run(main())
    except (KeyboardInterrupt, SystemExit, BrokenPipeError):
        pass
    finally:
        hub.shutdown()

