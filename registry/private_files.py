"""Files a snapshot reader trusts: regular files of this user that nobody else can write, read with a size bound.

A snapshot (or its key) is opened without blocking (a FIFO at the path would hang the opener until someone writes
to it) and checked on the open descriptor, so nothing can be swapped in between a check and the read: a device
behind a symlink, a file of another user or one that others may write is refused before a byte is read.

The key makes a snapshot's digest an HMAC: a file whose digest checks out was written by a process that could read
this user's private key file, not forged by anyone who merely knows the format.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import tempfile
from collections.abc import Collection
from pathlib import Path

from registry.errors import SnapshotError

KEY_BYTES = 32
KEY_FILE_NAME = "snapshot.key"

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def read_private(path: Path, max_bytes: int, what: str, unreadable_by_others: bool = False,
                 owners: Collection[int] | None = None) -> bytes:
    """The bytes of `path` if it is a regular file of this user (of one of `owners`, when given) that no one else
    may write (nor read, when `unreadable_by_others`) and holds at most `max_bytes`; otherwise a SnapshotError
    saying why."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError as error:
        raise SnapshotError(f"no {what} at {path}") from error
    except OSError as error:
        raise SnapshotError(f"cannot read {what} {path}: {error.strerror or error}") from error
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SnapshotError(f"{path}: the {what} is not a regular file; refusing to read it")
        if info.st_uid not in (owners if owners is not None else (os.geteuid(),)):
            whom = "a user it may come from" if owners is not None else "this user"
            raise SnapshotError(f"{path}: the {what} belongs to user {info.st_uid}, not {whom}; refusing it")
        if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            raise SnapshotError(f"{path}: other users may write the {what}; refusing it")
        if unreadable_by_others and info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise SnapshotError(f"{path}: the {what} is readable by other users; refusing it")
        if info.st_size > max_bytes:
            raise SnapshotError(f"{path}: the {what} is larger than {max_bytes} bytes; refusing it")
        return _read_all(fd, path, max_bytes, what)
    finally:
        os.close(fd)


def _read_all(fd: int, path: Path, max_bytes: int, what: str) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        try:
            chunk = os.read(fd, min(1 << 22, max_bytes + 1 - total))
        except OSError as error:
            if error.errno in (errno.EINTR, errno.EAGAIN):
                continue
            raise SnapshotError(f"cannot read {what} {path}: {error.strerror or error}") from error
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:  # it grew while being read
            raise SnapshotError(f"{path}: the {what} is larger than {max_bytes} bytes; refusing it")


def snapshot_key(directory: str | os.PathLike[str]) -> bytes:
    """This user's snapshot key, kept in `directory` (created 0700 if missing) as a 0600 file made on first use.

    The file appears whole or not at all (written aside, then hard-linked into place), so concurrent first uses
    agree on one key. Raises SnapshotError when the key cannot be made or is not private.
    """
    folder = Path(directory)
    path = folder / KEY_FILE_NAME
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise SnapshotError(f"cannot create the snapshot folder {folder}: {error.strerror or error}") from error
    if not path.exists():
        _create_key(path)
    key = read_private(path, KEY_BYTES, "snapshot key", unreadable_by_others=True)
    if len(key) != KEY_BYTES:
        raise SnapshotError(f"{path}: the snapshot key is malformed ({len(key)} bytes); remove it to make a new one")
    return key


def _create_key(path: Path) -> None:
    temp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
        try:
            os.write(fd, secrets.token_bytes(KEY_BYTES))
            os.fsync(fd)
        finally:
            os.close(fd)
        with contextlib.suppress(FileExistsError):  # another process made it first: theirs is the key
            os.link(temp, path)
    except OSError as error:
        raise SnapshotError(f"cannot create the snapshot key {path}: {error.strerror or error}") from error
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def atomic_write(path: Path, data: bytes) -> None:
    """Temp file in the same directory, fsync, then os.replace: readers see the old file or the new one, whole."""
    directory = path.parent
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise SnapshotError(f"cannot write {path}: {error}") from error
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        if isinstance(error, OSError):
            raise SnapshotError(f"cannot write {path}: {error}") from error
        raise
    _sync_directory(directory)


def _sync_directory(directory: Path) -> None:
    """Make the rename durable where the platform allows it (best effort: not every system can fsync a dir)."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
