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
from dataclasses import dataclass
from pathlib import Path

from server.private_dir import AuthSetupError, ensure_private_dir, peer_uid, runtime_dir

log = logging.getLogger(__name__)

__all__ = ["AuthSetupError", "DaemonToken", "ensure_private_dir", "peer_uid", "runtime_dir", "token_of", "token_path"]

TOKEN_OPTION = "authToken"
"""The key of `initializationOptions` that carries the token."""


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
