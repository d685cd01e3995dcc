"""What the `nova-lsp` launcher and the fork server agree on: where the server's socket is, which server may answer
a launcher, and the messages between them. Standard library only, and its light modules: the launcher imports this
before it knows whether it will serve in its own process.

A fork server answers only launchers that would import exactly the code it imported: its socket's name is a digest
of the interpreter, the package's location and version, and the environment variables read while importing (all
`PYTHON*` and `NOVA_*` ones, and those that place the default cache). Another virtual environment, checkout,
version or `NOVA_PURE_PYTHON` setting finds another socket (or none).

Messages are JSON objects, each preceded by its length (4 bytes, big-endian). The launcher sends
`{"op": "serve", "argv", "cwd", "env", "umask", "launched", "launcherCpu"}` with its stdin, stdout and stderr attached
(SCM_RIGHTS); the server answers `{"pid": N}` (the forked server's process id) or `{"refused": why}`, and, when the
forked server ends, `{"exit": status}`. Meanwhile the launcher may send `{"op": "signal", "signal": N}` (forwarded
to the forked server). `{"op": "stop"}` stops the fork server (answered `{"stopping": PID}`)."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import server

DISABLE_ENV = "NOVA_LSP_NO_FORK_SERVER"
"""Set (to anything but empty or `0`), `nova-lsp` serves in its own process and starts no fork server."""
KEY_ENV_PREFIXES = ("PYTHON", "NOVA_")
KEY_ENV_NAMES = ("HOME", "XDG_CACHE_HOME", "LANG", "LC_ALL", "LC_CTYPE")
"""With the prefixes, the environment a fork server's imports read (the interpreter's settings, the checker's
`NOVA_PURE_PYTHON`, the default cache folder whose generated code it installs, the locale its interpreter started
with)."""
MAX_MESSAGE = 1 << 20
"""A bound on one message (a launcher's environment is a few kB)."""
FORWARDED_SIGNALS = (15, 2, 1)
"""SIGTERM, SIGINT, SIGHUP: what an editor sends its server, passed on from the launcher to the forked server."""


class ProtocolError(Exception):
    """A message that is not one: cut short, too large, not a JSON object."""


def disabled(environ: Mapping[str, str]) -> bool:
    return environ.get(DISABLE_ENV, "") not in ("", "0")


def package_dir() -> str:
    return os.path.dirname(os.path.realpath(server.__file__ or "."))


def fork_key(environ: Mapping[str, str]) -> str:
    """The digest naming the socket of the fork server this process may use (see the module's docstring)."""
    settings = sorted((name, value) for name, value in environ.items()
                      if name.startswith(KEY_ENV_PREFIXES) or name in KEY_ENV_NAMES)
    described = [sys.executable, sys.version, sys.flags.optimize, sorted(sys._xoptions.items()), package_dir(),
                 server.__version__, server.CACHE_FORMAT, settings]
    return hashlib.sha256(json.dumps(described, default=str).encode("utf-8", "surrogatepass")).hexdigest()[:16]


MAX_SOCKET_PATH = 107
"""The longest path a unix socket may be bound at (Linux's `sun_path` holds 108 bytes with the final NUL)."""


def socket_path(directory: Path, key: str) -> Path:
    return directory / f"fork-{key}.sock"


def usable(path: Path) -> bool:
    """Whether a socket can be bound at `path` (a runtime folder nested too deep cannot hold one)."""
    return len(os.fsencode(path)) <= MAX_SOCKET_PATH


def lock_path(directory: Path, key: str) -> Path:
    """Held (flock) by the fork server that owns the socket of `key`: one per key, and a new one may start as soon
    as an old one stops listening."""
    return directory / f"fork-{key}.lock"


def encode(message: Mapping[str, Any]) -> bytes:
    body = json.dumps(message, separators=(",", ":")).encode("utf-8", "surrogatepass")
    if len(body) > MAX_MESSAGE:
        raise ProtocolError(f"a message of {len(body)} bytes (at most {MAX_MESSAGE})")
    return len(body).to_bytes(4, "big") + body


def send(sock: socket.socket, message: Mapping[str, Any], fds: Sequence[int] = ()) -> None:
    """Send one message, with `fds` attached to its first bytes."""
    data = encode(message)
    sent = socket.send_fds(sock, [data], list(fds)) if fds else sock.send(data)
    if sent < len(data):
        sock.sendall(data[sent:])


def receive(sock: socket.socket, max_fds: int = 0) -> tuple[dict[str, Any] | None, list[int]]:
    """One message and the descriptors attached to it; (None, []) when the peer closed before a message began.
    ProtocolError when it is cut short or not a JSON object (descriptors received are closed then)."""
    fds: list[int] = []
    try:
        head = _read(sock, 4, fds, max_fds)
        if not head:
            for fd in fds:
                os.close(fd)
            return None, []
        if len(head) < 4:
            raise ProtocolError("the connection closed inside a message's length")
        size = int.from_bytes(head, "big")
        if size > MAX_MESSAGE:
            raise ProtocolError(f"a message of {size} bytes announced (at most {MAX_MESSAGE})")
        body = _read(sock, size, fds, max_fds)
        if len(body) < size:
            raise ProtocolError(f"the connection closed after {len(body)} of a message's {size} bytes")
        try:
            message = json.loads(body.decode("utf-8", "surrogatepass"))
        except ValueError as error:
            raise ProtocolError(f"a message that is not JSON ({error})") from None
        if not isinstance(message, dict):
            raise ProtocolError(f"a message that is not a JSON object but {type(message).__name__}")
        return message, fds
    except BaseException:
        for fd in fds:
            os.close(fd)
        raise


def _read(sock: socket.socket, size: int, fds: list[int], max_fds: int) -> bytes:
    """Up to `size` bytes (fewer only at the end of the stream), collecting attached descriptors into `fds`."""
    chunks: list[bytes] = []
    got = 0
    while got < size:
        if max_fds and not fds:
            data, received, _flags, _address = socket.recv_fds(sock, size - got, max_fds)
            fds.extend(received)
        else:
            data = sock.recv(size - got)
        if not data:
            break
        chunks.append(data)
        got += len(data)
    return b"".join(chunks)
