"""The user's private runtime folder, where the TCP daemon's token and the fork server's socket live, and who is
at the other end of a unix socket.

`$XDG_RUNTIME_DIR/nova-lsp` when that runtime directory is this user's and private, else `$TMPDIR/nova-lsp-UID`
(default `/tmp`). Only the standard library's lightest modules are imported here: the `nova-lsp` launcher reads
these rules before it knows whether it needs anything else (`server.launch`)."""

from __future__ import annotations

import os
import socket
import stat
import struct
from collections.abc import Mapping
from pathlib import Path


class AuthSetupError(Exception):
    """A private file cannot be kept safely (a folder that another user owns or can read, a symbolic link…)."""


def runtime_base(environ: Mapping[str, str] | None = None) -> tuple[Path, str | None]:
    """The folder `runtime_dir` uses, without creating or checking it, and a warning when `$XDG_RUNTIME_DIR` was
    set to an absolute path but passed over (not a private folder of this user)."""
    env = os.environ if environ is None else environ
    fallback = Path(env.get("TMPDIR") or "/tmp") / f"nova-lsp-{os.geteuid()}"
    base = env.get("XDG_RUNTIME_DIR")
    if not base or not os.path.isabs(base):
        return fallback, None
    if is_private_dir(Path(base)):
        return Path(base) / "nova-lsp", None
    return fallback, (f"$XDG_RUNTIME_DIR ({base}) is not a private folder of this user; "
                      f"using a folder in {fallback.parent}")


def runtime_dir() -> Path:
    """`runtime_base()`, created with mode 0700 and checked (see `ensure_private_dir`)."""
    directory, warning = runtime_base()
    if warning:
        import logging

        logging.getLogger("server.auth").warning("%s", warning)
    return ensure_private_dir(directory)


def is_private_dir(directory: Path) -> bool:
    """Whether `directory` is already a folder (not a link) of this user that no one else may enter: what a file
    found in it must be in before it is trusted. `ensure_private_dir` repairs a loose mode; this only looks."""
    try:
        info = os.lstat(directory)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.geteuid() and not info.st_mode & 0o077


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
