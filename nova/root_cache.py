"""The checked standard library kept on disk between runs of the command-line tools (`nova check`, `nova eval`).

Building the root layer checks every stdlib module: seconds on every run. Restoring its snapshot takes a tenth of
that, because the restored values are decoded on first read (`nova.compact`). The file is named after a
fingerprint of the stdlib's sources and of the code that checks and encodes them, so a changed library or checker
never reads another version's file.

What makes the file safe to trust and to share between processes is the registry's snapshot format: the file is
sealed with this user's private key (`registry.private_files`), written aside and renamed into place (a reader sees
a whole file or none, and concurrent writers each rename a whole file), and read all-or-nothing. A file that fails
any check (truncated, foreign, forged, a FIFO or a device) is removed and the root is built again; so is one whose
values later fail to decode. When the cache folder cannot be used at all, the root is simply built.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CACHE_PREFIX = "stdlib-"
KEPT_VERSIONS = 4
"""Snapshots of other versions kept beside the current one (several installs may share a cache folder)."""
STALE_TEMP_SECONDS = 3600.0
"""A writer's temporary file older than this belongs to a process that died while writing: it is removed."""


def default_cache_dir() -> Path:
    """The folder the server keeps its warm-start cache in (`$XDG_CACHE_HOME/nova-lsp`); the tools share it."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "nova-lsp"


@functools.cache
def fingerprint() -> str:
    """Identifies the stdlib's sources (by content) and the code that checks and encodes them (by each file's
    name, size and modification time, as an installed package keeps them)."""
    from nova.stdlib import STDLIB_DIR

    digest = hashlib.sha256(f"python {sys.version_info[0]}.{sys.version_info[1]}\n".encode())
    for path in sorted(Path(STDLIB_DIR).glob("*.nova")):
        data = path.read_bytes()
        digest.update(f"{path.name}:{len(data)}\n".encode())
        digest.update(data)
    code_root = Path(STDLIB_DIR).parent.parent
    for package in ("nova", "registry"):
        for path in sorted((code_root / package).rglob("*.py")):
            info = path.stat()
            digest.update(f"{path.relative_to(code_root)}:{info.st_size}:{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:20]


def snapshot_path(cache_dir: Path | None = None) -> Path:
    """Where this version's snapshot of the root is kept (whether or not it exists yet)."""
    folder = cache_dir if cache_dir is not None else default_cache_dir()
    return folder / f"{CACHE_PREFIX}{fingerprint()}.cbor"


@dataclass(frozen=True, slots=True)
class CachedRoot:
    """The root layer and where its snapshot lives (`path`, sealed with `key`; None when nothing could be cached):
    worker processes of a parallel check restore the same file instead of a fresh dump."""

    layer: Any
    path: Path | None
    key: bytes | None
    restored: bool
    """Whether the layer came from the snapshot (False: it was built on this run)."""


def cached_root(cache_dir: Path | None = None, jobs: int = 1) -> CachedRoot:
    """The stdlib's root layer: restored from `cache_dir`'s snapshot of this version when a valid one is there,
    else built (on `jobs` processes, see `nova.stdlib.build_root`) and saved there for the next run. Never fails
    for the cache's sake: a cache folder that cannot be read or written means a build, as without a cache."""
    from nova.stdlib import load_root
    from registry import SnapshotError
    from registry.private_files import snapshot_key

    folder = cache_dir if cache_dir is not None else default_cache_dir()
    try:
        key = snapshot_key(folder)
    except (SnapshotError, OSError):
        return CachedRoot(load_root(jobs), None, None, False)
    from nova.compact import lazy_converter

    converter = lazy_converter()
    path = snapshot_path(folder)
    if os.path.lexists(path):
        restored = _restore(path, converter, key)
        if restored is not None:
            return CachedRoot(restored, path, key, True)
    layer = load_root(jobs)
    try:
        from registry import dump

        dump(layer, path, converter, key=key)
    except (SnapshotError, OSError):
        return CachedRoot(layer, None, None, False)
    _prune(folder, path)
    return CachedRoot(layer, path, key, False)


def _restore(path: Path, converter: Any, key: bytes) -> Any:
    """The layer in `path`, or None after removing a file that is not a valid snapshot of ours."""
    from nova.compact import on_corrupt
    from registry import SnapshotError, restore

    try:
        layer = restore(path, converter, key=key)
    except SnapshotError:
        _remove(path)
        return None
    # Sealed with our key yet holding a value that does not decode (a writer's bug, a disk error the checksum
    # missed): the read reports it, and the file goes so that the next run builds the root again.
    on_corrupt(lambda _error: _remove(path))
    return layer


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _prune(folder: Path, current: Path) -> None:
    """Remove the snapshots of all but the `KEPT_VERSIONS` newest other versions, and temporary files that a
    writer which died left behind."""
    now = time.time()
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    others: list[tuple[float, Path]] = []
    for entry in entries:
        name = entry.name
        try:
            modified = entry.lstat().st_mtime
        except OSError:
            continue
        if name.startswith(f".{CACHE_PREFIX}") and name.endswith(".tmp"):
            if now - modified > STALE_TEMP_SECONDS:
                _remove(entry)
        elif name.startswith(CACHE_PREFIX) and name.endswith(".cbor") and entry != current:
            others.append((modified, entry))
    for _modified, entry in sorted(others, reverse=True)[KEPT_VERSIONS:]:
        _remove(entry)
