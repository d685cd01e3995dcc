"""Who may use a daemon.

- stdio: the editor that started the process, nothing to check.
- unix socket: created with mode 0600, and each connection's peer credentials (SO_PEERCRED) must be the daemon's
  own user; anyone else is disconnected before a byte is read.
- loopback TCP: any local user can connect to a port, so the daemon makes a random token at start and writes it
  to a file only its user can read (`tcp-PORT.token` in `$XDG_RUNTIME_DIR/nova-lsp/`, or in a private
  `nova-lsp-UID` folder of `$TMPDIR` (`/tmp`) when there is no usable runtime directory). A connection must send
  it as `initializationOptions.authToken` in `initialize`; without it, every request is refused (requests before a
  successful `initialize` get -32002) and the connection is closed. The editor plugins read the file themselves.
"""

from __future__ import annotations

import contextlib
import hmac
import logging
import os
import secrets
import socket
import stat
import struct
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

TOKEN_OPTION = "authToken"
"""The key of `initializationOptions` that carries the token."""


class AuthSetupError(Exception):
    """The token cannot be stored safely (a folder that another user owns or can read, a symbolic link…)."""


def runtime_dir() -> Path:
    """The private folder for the token: `$XDG_RUNTIME_DIR/nova-lsp` when that runtime directory is ours and
    private, else `$TMPDIR/nova-lsp-UID` (default `/tmp`). Created with mode 0700 and checked."""
    base = os.environ.get("XDG_RUNTIME_DIR")
    if base and os.path.isabs(base):
        try:
            info = os.lstat(base)
            if stat.S_ISDIR(info.st_mode) and info.st_uid == os.geteuid() and not info.st_mode & 0o077:
                return ensure_private_dir(Path(base) / "nova-lsp")
        except OSError:
            pass
        log.warning("$XDG_RUNTIME_DIR (%s) is not a private folder of this user; using a folder in %s", base,
                    os.environ.get("TMPDIR") or "/tmp")
    return ensure_private_dir(Path(os.environ.get("TMPDIR") or "/tmp") / f"nova-lsp-{os.geteuid()}")


def ensure_private_dir(directory: Path) -> Path:
    """`directory`, created 0700 if missing; refused if it is a link, not a folder, or someone else's."""
    try:
        os.mkdir(directory, 0o700)
    except FileExistsError:
        pass
    except OSError as error:
        raise AuthSetupError(f"cannot create {directory}: {error.strerror or error}") from None
    info = os.lstat(directory)
    if not stat.S_ISDIR(info.st_mode):
        raise AuthSetupError(f"{directory} is not a folder (a symbolic link or a file is there); refusing to use it")
    if info.st_uid != os.geteuid():
        raise AuthSetupError(f"{directory} belongs to another user (uid {info.st_uid}); refusing to use it")
    if info.st_mode & 0o077:
        os.chmod(directory, 0o700)
    return directory


def token_path(port: int, directory: Path | None = None) -> Path:
    return (directory or runtime_dir()) / f"tcp-{port}.token"


@dataclass(slots=True)
class DaemonToken:
    """A TCP daemon's token and the file holding it (removed when the daemon stops)."""

    value: str
    path: Path

    @staticmethod
    def create(path: Path) -> DaemonToken:
        """A fresh random token, written atomically to `path` with mode 0600."""
        token = DaemonToken(secrets.token_urlsafe(32), path)
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        try:
            fd = os.open(temp, flags, 0o600)
            try:
                os.write(fd, (token.value + "\n").encode())
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(temp, path)
        except OSError as error:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise AuthSetupError(f"cannot write the token file {path}: {error.strerror or error}") from None
        return token

    def accepts(self, candidate: object) -> bool:
        return isinstance(candidate, str) and hmac.compare_digest(candidate.encode(), self.value.encode())

    def remove(self) -> None:
        """Delete the file if it still holds this token (a newer daemon on the same port may have replaced it)."""
        with contextlib.suppress(OSError):
            if self.path.read_text().strip() == self.value:
                self.path.unlink()


def token_of(options: object) -> object:
    """The token a client sent in `initializationOptions` (a dict, or an attribute object from pygls)."""
    if isinstance(options, dict):
        return options.get(TOKEN_OPTION)
    return getattr(options, TOKEN_OPTION, None)


def peer_uid(sock: socket.socket | None) -> int | None:
    """The user id of a unix socket's peer (Linux SO_PEERCRED); None where the platform does not tell."""
    option = getattr(socket, "SO_PEERCRED", None)
    if sock is None or option is None or sock.family != socket.AF_UNIX:
        return None
    try:
        credentials = sock.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    except OSError:
        return None
    _pid, uid, _gid = struct.unpack("3i", credentials)
    return int(uid)
