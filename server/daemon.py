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
import secrets
import signal
import socket
import stat
import sys
import threading
from pathlib import Path

from pygls.io_ import StdoutWriter

from server.app import NovaLanguageServer, NovaProtocol, build_server
from server.auth import AuthSetupError, DaemonToken, peer_uid, token_path
from server.framing import FrameReader, serve_frames, stream_read, threaded_read
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
    """Refuse to listen anywhere but loopback: the token authenticates a local user, it is no network security
    (sent in clear, no rate limit against guessing over a network)."""
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
                           token: DaemonToken | None = None) -> None:
    """One daemon connection. Over TCP, `token` must come with `initialize`; over a unix socket the peer must be
    this process's own user (the socket's mode already says so; this holds even if someone loosens it)."""
    peer = _peer_name(writer)
    uid = peer_uid(writer.get_extra_info("socket"))
    if uid is not None and uid != os.geteuid():
        log.warning("%s: refused: the peer is user %d, not this daemon's user %d", peer, uid, os.geteuid())
        with contextlib.suppress(Exception):
            writer.close()
        return
    ls = build_server(hub, daemon_mode=True)
    ls.required_token = token
    stop = threading.Event()
    ls.stop_event = stop
    ls.protocol.set_writer(BoundedWriter(writer))
    log.info("%s opened (%d live)", peer, len(hub.connections))
    try:
        why = await serve_frames(FrameReader(stream_read(reader), hub.limits.frames), protocol_of(ls), stop, peer)
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
        log.info("%s closed (%d live)", peer, len(hub.connections))


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


def serve_tcp(hub: Hub, host: str, port: int, token_file: Path | None = None) -> None:
    """A daemon on a loopback port. Its token is written to `token_file` (default: `tcp-PORT.token` in the private
    runtime folder, see server.auth) once the port is bound, and removed when the daemon stops."""
    check_loopback(host)

    async def main() -> None:
        token_box: list[DaemonToken] = []
        server = await asyncio.start_server(
            lambda r, w: serve_connection(hub, r, w, token_box[0] if token_box else _REFUSE_ALL), host, port)
        bound = server.sockets[0].getsockname()[1]
        try:
            token_box.append(DaemonToken.create(token_file or token_path(bound)))
        except AuthSetupError:
            server.close()
            raise
        addresses = ", ".join(str(s.getsockname()) for s in server.sockets)
        print(f"nova-lsp: listening on {addresses}; clients authenticate with the token in {token_box[0].path}",
              file=sys.stderr, flush=True)
        try:
            await _serve(hub, server, f"nova-lsp listening on {addresses} (token in {token_box[0].path})")
        finally:
            token_box[0].remove()

    asyncio.run(main())


_REFUSE_ALL = DaemonToken(secrets.token_urlsafe(32), Path("/nonexistent"))
"""Used by a connection that arrives before the token file is written: no token can match it."""


class SocketPathInUse(OSError):
    pass


def remove_stale_socket(path: Path) -> None:
    """Make room for the socket: only a socket of this user that no server answers on is removed; anything else
    (a regular file, a folder, a link, someone else's socket, a live server) is refused with a reason."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    if not stat.S_ISSOCK(info.st_mode):
        kind = "a symbolic link" if stat.S_ISLNK(info.st_mode) else "a folder" if stat.S_ISDIR(info.st_mode) \
            else "not a socket"
        raise SocketPathInUse(f"{path} exists and is {kind}; refusing to remove it (choose another --socket path)")
    if info.st_uid != os.geteuid():
        raise SocketPathInUse(f"{path} is a socket of another user (uid {info.st_uid}); refusing to remove it")
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        probe.settimeout(2.0)
        probe.connect(str(path))
    except (ConnectionRefusedError, FileNotFoundError):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)  # nobody listens: a stale socket left by a server that died
        return
    except OSError as error:
        raise SocketPathInUse(f"{path} cannot be probed ({error.strerror or error}); refusing to remove it") from None
    finally:
        probe.close()
    raise SocketPathInUse(f"{path} is in use by a running server")


def serve_socket(hub: Hub, path: Path) -> None:
    async def main() -> None:
        remove_stale_socket(path)
        old_mask = os.umask(0o177)
        try:
            server = await asyncio.start_unix_server(lambda r, w: serve_connection(hub, r, w), str(path))
        finally:
            os.umask(old_mask)
        os.chmod(path, 0o600)
        ours = os.lstat(path)
        try:
            await _serve(hub, server, f"nova-lsp listening on {path}")
        finally:
            with contextlib.suppress(OSError):
                now = os.lstat(path)
                if (now.st_dev, now.st_ino) == (ours.st_dev, ours.st_ino):  # never someone else's file
                    os.unlink(path)

    asyncio.run(main())


def serve_stdio(hub: Hub) -> int:
    """One editor over stdin/stdout; the exit status (as LSP asks: 1 after an `exit` without `shutdown`). stdin is
    read on the event loop itself (pygls reads it through a thread pool, which costs a thread hop per line: several
    GIL hand-offs per request while a check runs); a stdin that cannot be watched by the loop (a regular file) falls
    back to pygls' reader."""
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

    status = 0
    try:
        asyncio.run(main())
    except SystemExit as done:
        status = done.code if isinstance(done.code, int) else 0
    except (KeyboardInterrupt, BrokenPipeError):
        pass
    finally:
        hub.shutdown()
    return status

